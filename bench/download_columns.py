"""The Data page's tables with and without their Khmer columns (issue 24), timed: prints medians.

    .venv/bin/python bench/download_columns.py --db /tmp/x1000.duckdb [--runs 7]

A database of a large synthetic corpus is made by bench/synthetic.py and `python -m etl
--seeds DIR build --db FILE --no-images`. For each Data page table, the work a run of the
page does with the table's rows (cached by the page, so fetched once here): the CSV of the
download button (exports.csvsafe; made on every run until it was made on the click,
bench/data_page_rerun.py), one page of the plain table
(monitor.texts.rows_html) and the grid's frame as Arrow (what "Sort and search" sends). Each
with the columns served now and with the *_km columns left out, in interleaved runs on one
machine load; medians in ms, and bytes. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402

from database import downloads  # noqa: E402
from database.connection import Reader, database_path  # noqa: E402
from exports.csvsafe import safe_frame, to_csv_bytes  # noqa: E402
from monitor.texts import rows_html  # noqa: E402


def _arrow_bytes(frame: pd.DataFrame) -> bytes:
    table = pa.Table.from_pandas(safe_frame(frame), preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


STEPS: dict[str, Callable[[pd.DataFrame], bytes]] = {
    "csv": to_csv_bytes,
    "page": lambda f: rows_html(downloads.page_rows(f, 1), "km").encode(),
    "grid": _arrow_bytes,
}


def _ms(step: Callable[[pd.DataFrame], bytes], frame: pd.DataFrame) -> float:
    started = time.perf_counter()
    step(frame)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=database_path())
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"{args.db} · load average {os.getloadavg()[0]:.1f} · {args.runs} runs, medians")
    print(
        f"{'table':<11}{'rows':>8} {'step':<5}{'without km ms':>14}{'with km ms':>11}"
        f"{'ratio':>7}{'bytes without':>15}{'bytes with':>12}"
    )
    with Reader(args.db) as reader:
        for name, spec in downloads.DOWNLOAD_TABLES.items():
            khmer = [c for c in spec.columns if c.endswith("_km")]
            if not khmer:
                continue
            started = time.perf_counter()
            full = downloads.rows(reader, name)
            fetch_ms = (time.perf_counter() - started) * 1000
            without = full.drop(columns=khmer)
            for step_name, step in STEPS.items():
                runs: tuple[list[float], list[float]] = ([], [])
                step(full)  # a first run warms what is made once (imports, styles)
                for _ in range(args.runs):  # interleaved: both see the same load
                    runs[0].append(_ms(step, without))
                    runs[1].append(_ms(step, full))
                before, after = (statistics.median(r) for r in runs)
                print(
                    f"{name:<11}{len(full):>8} {step_name:<5}{before:>14.1f}{after:>11.1f}"
                    f"{after / before:>7.2f}{len(step(without)):>15,}{len(step(full)):>12,}"
                )
            print(f"{'':<11}{'':>8} fetch (once, all columns): {fetch_ms:.0f} ms")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
