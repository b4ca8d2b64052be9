"""Each page's server run with every cache dropped (as after a build with new data) and warm, old code and new side by side: prints figures.

    git archive 47f48ca | tar -x -C /tmp/before      # the code to compare against
    python bench/cold_pages.py --before /tmp/before [--rounds 5]

Each checkout builds its own database with its own `python -m etl build`, then runs the
pages in AppTest (in-process, no browser) in a child process of its own, rounds
alternating between the checkouts so both see the same machine load. "cold" drops every
Streamlit cache first, which is what a new database version with new data did to the old
code's caches; "warm" runs the page again.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = (
    "views/overview.py",
    "views/trends.py",
    "views/statements.py",
    "views/policies.py",
    "views/sources.py",
    "views/data.py",
    "views/checks.py",
    "views/share.py",
)

#: Run in each checkout (its folder first on the path): one round, figures as JSON.
_CHILD = """
import json, logging, os, sys, time
sys.path.insert(0, os.getcwd())
logging.disable(logging.WARNING)
import streamlit as st
from streamlit.testing.v1 import AppTest
APP = os.path.join(os.getcwd(), "app.py")
PAGES = json.loads(sys.argv[1])

def run(page, clear):
    at = AppTest.from_file(APP, default_timeout=300)
    if page != "views/overview.py":
        at.run()
    if clear:
        st.cache_data.clear()
        st.cache_resource.clear()
    if page != "views/overview.py":
        at.switch_page(page)
    started = time.perf_counter()
    at.run()
    return (time.perf_counter() - started) * 1000

for page in PAGES:
    run(page, False)  # imports
print(json.dumps({p: [run(p, True), run(p, False)] for p in PAGES}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout of the old code")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    roots = {"before": args.before.resolve(), "now": ROOT}
    figures: dict[str, dict[str, list[list[float]]]] = {n: {p: [] for p in PAGES} for n in roots}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {name: Path(tmp) / f"{name}.duckdb" for name in roots}
        for name, root in roots.items():
            build = [sys.executable, "-m", "etl", "build", "--db", str(dbs[name])]
            subprocess.run(build, cwd=root, check=True, capture_output=True)
        for _ in range(args.rounds):
            for name, root in roots.items():
                env = {**os.environ, "MONITOR_DB": str(dbs[name])}
                done = subprocess.run(
                    [sys.executable, "-c", _CHILD, json.dumps(PAGES)],
                    cwd=root,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                for page, pair in json.loads(done.stdout.strip().splitlines()[-1]).items():
                    figures[name][page].append(pair)
    print(f"server run of each page, median of {args.rounds} rounds, ms (AppTest, in-process)")
    print(f"{'page':<20} {'before cold':>11} {'now cold':>9} {'before warm':>11} {'now warm':>9}")
    totals = {(n, k): 0.0 for n in roots for k in (0, 1)}
    for page in PAGES:
        cells = []
        for k in (0, 1):
            for name in roots:
                median = statistics.median(pair[k] for pair in figures[name][page])
                totals[(name, k)] += median
                cells.append(median)
        print(
            f"{page.removeprefix('views/'):<20} {cells[0]:>11.0f} {cells[1]:>9.0f} "
            f"{cells[2]:>11.0f} {cells[3]:>9.0f}"
        )
    print(
        f"{'all pages':<20} {totals[('before', 0)]:>11.0f} {totals[('now', 0)]:>9.0f} "
        f"{totals[('before', 1)]:>11.0f} {totals[('now', 1)]:>9.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
