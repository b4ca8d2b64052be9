"""What each chart holds and costs to make (issue 27): per chart and language, figure and evidence JSON characters, CPU ms and resident memory to make it, from a built database.

Makes every chart of the catalogue of DB (e.g. a 1000x build: bench/synthetic.py) with this
checkout's code, one at a time as the build's charts step does (etl.chart_rows.part_rows),
and prints a row per chart and language, largest first, then the totals. Run it from two
checkouts on the same file to compare them side by side. Run by hand, never imported.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from charts.catalogue import catalogue  # noqa: E402
from charts.frames import ReaderFrames  # noqa: E402
from data_model.i18n import LANGUAGES  # noqa: E402
from database.connection import Reader  # noqa: E402
from etl.chart_rows import part_rows  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path, help="a built database file")
    args = parser.parse_args(argv)
    rows = []
    with Reader(args.db) as reader:
        frames = ReaderFrames(reader)
        made = catalogue(frames)
        for chart_id, spec in made.charts.items():
            for lang in LANGUAGES:
                before, started = rss_mb(), time.process_time()
                chart = spec.build(frames, lang)  # type: ignore[arg-type]
                row = part_rows([chart]).iloc[0]
                took = (time.process_time() - started) * 1000
                grew = rss_mb() - before
                rows.append((chart_id, lang, len(row["figure"]), len(row["evidence"]), took, grew))
                del chart, row
    rows.sort(key=lambda r: -(r[2] + r[3]))
    print(
        f"{'chart':40} {'lang':4} {'figure chars':>13} {'evidence':>11} {'CPU ms':>8} {'RSS +MB':>8}"
    )
    for chart_id, lang, fig, ev, took, grew in rows:
        print(f"{chart_id:40} {lang:4} {fig:13,} {ev:11,} {took:8.0f} {grew:8.1f}")
    total = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    print(f"{'all ' + str(len(rows)) + ' rows':45} {total[0]:13,} {total[1]:11,} {total[2]:8.0f}")
    print(f"resident memory at the end {rss_mb():.0f} MB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
