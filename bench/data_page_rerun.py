"""A rerun of the Data page (the next page of its table), code against code: wall and CPU time.

    python bench/data_page_rerun.py --run BEFORE_CHECKOUT --run AFTER_CHECKOUT \\
        --db FILE --tables statements,policies --turns 2 --rounds 5

Each turn runs every checkout once, in a process of its own (its folder first on the path),
on the same database: the Data page opened on each table with no filter (its rows fetched
and cached: not timed), then `rounds` reruns, each turning the plain table to its next page
as a reader does. The rows come from the page's cache, so what is timed is a run's own work,
which made the whole CSV for the download button until it was made on the click (issue 24).
Printed per run and table: medians of wall time and of the process's CPU time (all its
threads), which other work on a shared machine moves less. The database must be of the
checkouts' schema: the app would otherwise rebuild it from seeds/, and this script refuses.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def measure(table: str, rounds: int) -> tuple[float, float]:
    """Medians (ms) of wall and CPU time of a Data page rerun turning to the next page."""
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    # A first page run at 1000x on a loaded machine can take longer than AppTest's default.
    at = AppTest.from_file(str(Path.cwd() / "app.py"), default_timeout=600)
    at.query_params["table"] = table
    at.switch_page("views/data.py")
    at.run()  # fetches and caches the rows
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    walls, cpus = [], []
    for page in range(2, rounds + 2):
        wall, cpu = time.perf_counter(), time.process_time()
        at.pagination[0].set_value(page).run()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        if at.exception:
            raise RuntimeError(at.exception[0].message)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", required=True, help="a checkout's folder")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--tables", default="statements,policies")
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child process's table
    args = parser.parse_args()
    if args.one:
        wall, cpu = measure(args.one, args.rounds)
        print(f"wall={wall:.0f} cpu={cpu:.0f}")
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from monitor.bootstrap import schema_problem

    if problem := schema_problem(args.db):
        raise SystemExit(f"{args.db}: {problem}; build it again with this code first.")
    env = {**os.environ, "MONITOR_DB": str(args.db.resolve()), "PYTHONDONTWRITEBYTECODE": "1"}
    print(f"{args.db} · load average {os.getloadavg()[0]:.1f} · medians of {args.rounds} reruns")
    for turn in range(1, args.turns + 1):
        for table in args.tables.split(","):
            for root in args.run:
                command = [sys.executable, str(Path(__file__).resolve()), "--one", table]
                answer = subprocess.run(
                    [*command, "--run", root, "--db", str(args.db), "--rounds", str(args.rounds)],
                    cwd=root,
                    env={**env, "PYTHONPATH": root},
                    capture_output=True,
                    text=True,
                    check=True,
                )
                line = answer.stdout.strip().splitlines()[-1]
                print(f"turn {turn} {table:<11} {root}: {line}", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
