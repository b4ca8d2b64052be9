"""The connection rules: an in-memory DuckDB with the database file attached read-only."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "monitor.duckdb"


def database_path() -> Path:
    """The database the app reads: $MONITOR_DB, else data/monitor.duckdb."""
    return Path(os.environ.get("MONITOR_DB", DEFAULT_DB))


def file_stamp(path: Path) -> str:
    """Changes whenever the file is replaced; '' when it is missing (or its path runs through
    something that is not a folder)."""
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_mtime_ns}-{st.st_size}-{st.st_ino}"


def _plain(column: pa.ChunkedArray) -> bool:
    """True when pyarrow converts the column to the dtype and values DuckDB's .df() gives."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_date32(kind):
        return column.null_count < len(column)  # .df() makes an all-missing one object
    if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        return column.null_count == 0  # .df() makes nullable Int64 / boolean of those
    if pa.types.is_timestamp(kind):
        return kind.unit == "us" and kind.tz is None
    return pa.types.is_float64(kind)


def _pandas(table: pa.Table) -> pd.DataFrame | None:
    """The answer as DuckDB's .df() gives it, for the column types this project's queries
    return (text, whole numbers, decimals, dates, times); None for any other answer, an
    empty one, or one with a repeated column name (.df() renames those)."""
    names = table.column_names
    if not table.num_rows or len(set(names)) < len(names):
        return None
    if not all(_plain(column) for column in table.columns):
        return None
    # .df() gives a DATE as datetime64[us], pyarrow as datetime.date objects.
    fields = [
        pa.field(f.name, pa.timestamp("us")) if pa.types.is_date32(f.type) else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields)).to_pandas()


class Reader:
    """An in-memory DuckDB with the database attached read-only; one cursor per query.

    External access is switched off and locked after attaching, so no query can read
    any other file.
    """

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise FileNotFoundError(f"database {path} does not exist (run: python -m etl build)")
        self.path = path
        self._con = duckdb.connect(":memory:")
        self._con.execute("ATTACH ? AS db (READ_ONLY)", [str(path)])
        self._con.execute("USE db")
        self._con.execute("SET enable_external_access = false")
        self._con.execute("SET lock_configuration = true")
        self._lock = threading.Lock()

    def arrow(self, sql: str, params: Sequence[object] = ()) -> pa.Table:
        """The answer as an Arrow table, as DuckDB gives it (no pandas on the way)."""
        with self._lock:
            cur = self._con.cursor()
        try:
            cur.execute("USE db")  # the default catalog is per cursor
            answer = cur.sql(sql, params=list(params))
            if answer is None:  # a statement, not a query: it ran, and answers no rows
                return pa.table({})
            return answer.to_arrow_table()
        finally:
            cur.close()

    def frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        # Through Arrow: DuckDB's own .df() makes a Python object per text cell first,
        # three to four times slower on a large answer (bench/api_scale.py).
        return self.to_frame(self.arrow(sql, params))

    def to_frame(self, table: pa.Table) -> pd.DataFrame:
        """An answer of arrow() as frame() gives it: as DuckDB's .df() would make it."""
        if not table.num_columns:
            return pd.DataFrame()
        frame = _pandas(table)
        if frame is not None:
            return frame
        # Any other answer as .df() makes it, from the rows already fetched: the query
        # does not run twice.
        with self._lock:
            cur = self._con.cursor()
        try:
            return cur.from_arrow(table).df()
        finally:
            cur.close()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
