"""One rerun of the studio's Review screen with a whole article drafted, code against code: CPU.

    python bench/studio_rerun.py --run BEFORE_CHECKOUT --run AFTER_CHECKOUT --turns 2 \\
        --rounds 10 [--profile FILE]

Each turn runs every checkout once, in a process of its own (its folder first on the path), on
a fresh copy of the test fixtures' seeds: a made-up ten-sentence article added (the browser
flow's, tests/test_studio_review_browser.py), the Review screen opened on its drafted
candidates, then `rounds` reruns, each a person typing a geography into a figure's field (the
usual edit). Printed per checkout: medians of wall and process CPU time (ms), the widgets on
the screen and the session's keys. `--profile` writes cProfile's top functions of the reruns.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import logging
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(rounds: int, profile: str | None) -> str:
    """Medians (ms) of wall and CPU time of a Review rerun after an edit, and the counts."""
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(Path.cwd()))
    from tests.test_studio_review_browser import ARTICLE  # the browser flow's made-up article

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    at = AppTest.from_file(str(Path.cwd() / "studio" / "app.py"), default_timeout=600).run()
    at.text_input(key="editor").set_value("Bench Researcher").run()
    at.radio(key="screen").set_value("Add").run()
    at.text_area(key="text").set_value(ARTICLE).run()
    at.text_input(key="outlet").set_value("The Example Daily")
    at.date_input(key="published").set_value(dt.date(2018, 6, 8))
    at.button(key="add").click().run()
    at.radio(key="screen").set_value("Review").run()
    rows = at.session_state["rows"]
    n = next(i for i, r in enumerate(rows) if r.kind == "indicators")
    said = [_reruns(at, n, rounds, None, "all open")]
    for i, row in enumerate(rows):  # all but the figure accepted: coding nearly done
        if i != n and row.status == "open":
            at.button(key=f"accept-{i}").click().run()
    said.append(_reruns(at, n, rounds, profile, "one open"))
    return "; ".join(said)


def _reruns(at, n: int, rounds: int, profile: str | None, state: str) -> str:  # type: ignore[no-untyped-def]
    walls, cpus = [], []
    prof = cProfile.Profile() if profile else None
    if prof:  # the script runs in a thread of its own: profiled there
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        plain = ScriptRunner._run_script

        def profiled(self, *a, **k):  # type: ignore[no-untyped-def]
            prof.enable()
            try:
                return plain(self, *a, **k)
            finally:
                prof.disable()

        ScriptRunner._run_script = profiled  # type: ignore[method-assign]
    for i in range(rounds):
        field = at.text_input(key=f"geo-{n}").set_value(f"Kampot {i}")
        wall, cpu = time.perf_counter(), time.process_time()
        field.run()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        if at.exception:
            raise RuntimeError(at.exception[0].message)
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(45)
        Path(profile).write_text(out.getvalue(), encoding="utf-8")
    widgets = sum(
        len(list(getattr(at, kind)))
        for kind in (
            "text_input",
            "selectbox",
            "date_input",
            "button",
            "radio",
            "text_area",
            "checkbox",
        )
    )
    keys = len(list(at.session_state))
    return (
        f"{state}: {widgets} widgets, {keys} keys, wall {statistics.median(walls):.0f} ms, "
        f"CPU {statistics.median(cpus):.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", action="append", default=[], help="a checkout's folder")
    parser.add_argument("--turns", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--profile", help="cProfile's report (one file per checkout)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child
    args = parser.parse_args()
    if args.one:
        print(measure(args.rounds, args.profile), flush=True)
        return
    for turn in range(args.turns):
        for run in args.run:
            with tempfile.TemporaryDirectory() as tmp:
                shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", Path(tmp) / "seeds")
                env = {**os.environ, "STUDIO_SEEDS": f"{tmp}/seeds", "STUDIO_WARM_BUILD": "0",
                       "MONITOR_DB": f"{tmp}/monitor.duckdb", "STUDIO_NO_CHARTS": "1",
                       "PYTHONPATH": str(Path(run).resolve())}  # fmt: skip
                env.pop("STUDIO_SINGLE_EDITOR", None)
                cmd = [sys.executable, str(ROOT / "bench" / "studio_rerun.py"), "--one",
                       "--rounds", str(args.rounds)]  # fmt: skip
                if args.profile:
                    cmd += ["--profile", f"{args.profile}.{Path(run).resolve().name}"]
                done = subprocess.run(cmd, cwd=run, env=env, capture_output=True, text=True)
                said = done.stdout.strip() or done.stderr.strip()[-600:]
                print(f"turn {turn + 1} {run}: {said}", flush=True)


if __name__ == "__main__":
    main()
