"""Three ways to write the project's CSV, timed on the seed tables repeated: prints figures.

    python bench/csv_writers.py [--db data/monitor.duckdb] [--copies 100] [--runs 15]

Each writer does the same work (text cells and headers defused, dates as ISO days, UTF-8
with BOM): exports.csvsafe (pandas' to_csv, the one the project uses), pyarrow.csv from the
safe frame, and DuckDB COPY of the raw rows with defusing as one CASE per text column into a
temporary file. Medians in milliseconds. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.csv as pacsv  # noqa: E402

from database import downloads  # noqa: E402
from database.connection import Reader, database_path  # noqa: E402
from exports.csvsafe import FORMULA_TRIGGERS, safe_frame, to_csv_bytes  # noqa: E402


def with_pyarrow(df: pd.DataFrame) -> bytes:
    out = io.BytesIO(b"\xef\xbb\xbf")
    options = pacsv.WriteOptions(quoting_style="needed", eol=b"\r\n")
    pacsv.write_csv(pa.Table.from_pandas(safe_frame(df), preserve_index=False), out, options)
    return out.getvalue()


def with_duckdb(df: pd.DataFrame) -> bytes:
    triggers = ", ".join("'" + t.replace("'", "''") + "'" for t in FORMULA_TRIGGERS)
    columns = [
        f'CASE WHEN left("{c}", 1) IN ({triggers}) THEN \'\'\'\' || "{c}" ELSE "{c}" END AS "{c}"'
        if df[c].dtype == object or isinstance(df[c].dtype, pd.StringDtype)
        else f'"{c}"'
        for c in df.columns
    ]
    con = duckdb.connect()
    con.register("frame", df)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.csv"
        con.execute(
            f"COPY (SELECT {', '.join(columns)} FROM frame) TO '{path}' "
            "(FORMAT csv, HEADER, DATEFORMAT '%Y-%m-%d')"
        )
        con.close()
        return b"\xef\xbb\xbf" + path.read_bytes()


def median_ms(write: Callable[[pd.DataFrame], bytes], frame: pd.DataFrame, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(frame)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=database_path())
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with Reader(args.db) as reader:
        tables = {t: downloads.rows(reader, t) for t in ("statements", "indicators")}
    print(f"{time.strftime('%Y-%m-%d')}, {args.copies}x the seeds, median of {args.runs}, ms")
    for name, seed in tables.items():
        frame = pd.concat([seed] * args.copies, ignore_index=True)
        figures = {
            "pandas (exports.csvsafe)": median_ms(to_csv_bytes, frame, args.runs),
            "pyarrow.csv": median_ms(with_pyarrow, frame, args.runs),
            "DuckDB COPY": median_ms(with_duckdb, frame, args.runs),
        }
        line = ", ".join(f"{k} {v:.0f}" for k, v in figures.items())
        print(f"{name} ({len(frame):,} rows): {line}")


if __name__ == "__main__":
    main()
