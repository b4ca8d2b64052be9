"""A filter change on Statements, code against code: wall and CPU time, in alternate processes.

    python bench/filter_change.py --run OLD_CHECKOUT:OLD_DB --run NEW_CHECKOUT:NEW_DB \\
        --turns 2 --rounds 8

Each turn runs every checkout once, in a process of its own (its folder first on the path),
on the database its own build wrote: bench/page_load.py's AppTest stance change, `rounds`
new combinations then the same again. Printed per run: medians of wall time and of the
process's CPU time (all its threads), which other work on a shared machine moves less.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def measure(db: Path, rounds: int) -> dict[str, float]:
    """Medians (ms) of wall and CPU time of a stance change: new combinations, then again."""
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    os.environ["MONITOR_DB"] = str(db)
    # A first page run at 1000x on a loaded machine can take longer than AppTest's default.
    at = AppTest.from_file(str(Path.cwd() / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("views/statements.py")
    at.session_state["statement-filters"] = True  # open the filter panel
    at.run()
    options = list(at.pills(key="stance").options)
    combos = [list(c) for k in range(1, len(options)) for c in itertools.combinations(options, k)]
    picked = [combos[i % len(combos)] for i in range(rounds)]

    def timed(values: list[str]) -> tuple[float, float]:
        at.pills(key="stance").set_value([]).run()  # so every timed run is a change
        wall, cpu = time.perf_counter(), time.process_time()
        at.pills(key="stance").set_value(values).run()
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    new = [timed(v) for v in picked]
    again = [timed(v) for v in picked]
    return {
        "new_wall": statistics.median(w for w, _ in new),
        "new_cpu": statistics.median(c for _, c in new),
        "again_wall": statistics.median(w for w, _ in again),
        "again_cpu": statistics.median(c for _, c in again),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", required=True, help="CHECKOUT:DATABASE")
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child process's own run
    args = parser.parse_args()
    if args.one:
        figures = measure(args.one, args.rounds)
        print(" ".join(f"{k}={v:.0f}" for k, v in figures.items()))
        return
    for turn in range(1, args.turns + 1):
        for run in args.run:
            root, db = run.split(":", 1)
            env = {**os.environ, "PYTHONPATH": root}
            command = [sys.executable, str(Path(__file__).resolve()), "--run", run, "--one", db]
            answer = subprocess.run(
                [*command, "--rounds", str(args.rounds)],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"turn {turn} {root}: {answer.stdout.strip()} (ms, medians)", flush=True)


if __name__ == "__main__":
    main()
