"""A build's images pass, drawn one image at a time (kaleido's sync server) and in one batch
of TABS tabs (charts.drawing.draw_all), side by side, alternating, on the seed charts.

Usage: .venv/bin/python bench/draw_images.py [--rounds 3] [--tabs 2] [--db PATH]
Prints each round's wall seconds and CPU seconds (this process and its children: kaleido's
Chromium), the medians and the ratio; the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import charts.drawing  # noqa: E402
from charts.drawing import close_png_session, draw_all  # noqa: E402
from database import queries  # noqa: E402
from database.connection import Reader  # noqa: E402
from etl.build import build  # noqa: E402
from etl.chart_images import _data_date, drawings, stored_charts  # noqa: E402


def _planned(db: Path) -> list:
    with Reader(db) as reader:
        ids = list(queries.chart_titles(reader))
    charts = list(stored_charts(db, ids).values())
    return [d for _, _, d in drawings(charts, "https://monitor.example.org", _data_date(db))]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _one_at_a_time(planned: list) -> list[bytes]:
    try:
        return [d.draw() for d in planned]
    finally:
        close_png_session()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tabs", type=int, default=charts.drawing.TABS, help="tabs of the batch")
    parser.add_argument(
        "--db", type=Path, help="a database built without images (default: build one)"
    )
    args = parser.parse_args()
    charts.drawing.TABS = args.tabs
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "monitor.duckdb"
        build(db, draw_images=False)
    planned = _planned(db)
    print(f"{len(planned)} images; load average {os.getloadavg()[0]:.2f}")
    ways = {"one at a time": _one_at_a_time, f"batch of {args.tabs} tabs": draw_all}
    times: dict[str, list[tuple[float, float]]] = {w: [] for w in ways}
    for n in range(args.rounds):
        for way, draw in ways.items():
            wall, cpu = time.perf_counter(), _cpu()
            images = draw(planned)
            wall, cpu = time.perf_counter() - wall, _cpu() - cpu
            assert len(images) == len(planned) and all(images)
            times[way].append((wall, cpu))
            print(f"round {n + 1} {way:16} {wall:6.1f} s wall {cpu:6.1f} s CPU")
    medians = {w: statistics.median(t[0] for t in ts) for w, ts in times.items()}
    for way, median in medians.items():
        cpu = statistics.median(t[1] for t in times[way])
        print(f"median  {way:16} {median:6.1f} s wall {cpu:6.1f} s CPU")
    first, second = medians.values()
    print(f"batch / one at a time: {second / first:.2f}; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
