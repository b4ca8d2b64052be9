"""Side by side for two checkouts: the seed build's wall time and the first Overview load after a server start."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def build_seconds(checkout: Path, db: Path) -> float:
    """One `python -m etl build` of the seeds in `checkout`, interpreter start included."""
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "etl", "build", "--db", str(db)],
        cwd=checkout,
        check=True,
        timeout=600,
        capture_output=True,
    )
    return time.perf_counter() - started


def first_overview_ms(checkout: Path, db: Path, log: Path) -> float:
    """Start `checkout`'s server on a built database and time its very first Overview load."""
    from page_load import launch_chromium, load_ms, start_server, stop_server
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "MONITOR_DB": str(db)}
    proc, url = start_server(
        [sys.executable, "-m", "streamlit", "run", "serve.py"], env, log, cwd=checkout
    )
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                return load_ms(browser, url + "/")
            finally:
                browser.close()
    finally:
        stop_server(proc)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout")
    parser.add_argument("--rounds", type=int, default=5, help="rounds, interleaved (default 5)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    checkouts = {"before": args.before.resolve(), "after": ROOT}
    tmp = Path(tempfile.mkdtemp(prefix="first-load-"))
    builds: dict[str, list[float]] = {name: [] for name in checkouts}
    loads: dict[str, list[float]] = {name: [] for name in checkouts}
    try:
        for r in range(args.rounds):
            # Interleaved, so both checkouts see the same machine load.
            for name, checkout in checkouts.items():
                db = tmp / f"{name}.duckdb"
                builds[name].append(build_seconds(checkout, db))
                loads[name].append(first_overview_ms(checkout, db, tmp / f"{name}.log"))
            print(f"round {r + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{'checkout':<10}{'seed build s':>14}{'first Overview ms':>19}")
    for name in checkouts:
        print(
            f"{name:<10}{statistics.median(builds[name]):>14.2f}"
            f"{statistics.median(loads[name]):>19.0f}"
        )
    b, a = (statistics.median(loads[n]) for n in checkouts)
    print(f"first Overview load after/before: {a / b:.2f}  (medians of {args.rounds})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
