"""The connection rules: an in-memory DuckDB with the database file attached read-only."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

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


def tables_of(con: duckdb.DuckDBPyConnection, sql: str) -> set[str]:
    """The names of the tables (and views) a query reads, from DuckDB's parse of it (a
    query with parameters cannot be bound without them, so not DuckDB's get_table_names);
    the names of its common table expressions are left out."""
    rows = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()
    tree = json.loads(rows[0][0]) if rows else {}
    if tree.get("error", True):
        raise ValueError(f"not a query DuckDB parses: {tree.get('error_message', sql)}")
    found: set[str] = set()
    ctes: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "BASE_TABLE":
                found.add(str(node["table_name"]))
            for entry in node.get("cte_map", {}).get("map", []) if "cte_map" in node else []:
                ctes.add(str(entry["key"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree["statements"])
    return found - ctes


@contextmanager
def kept_open(path: Path, read_only: bool = False) -> Iterator[None]:
    """One connection to the database file at `path` kept open for the block (none when
    there is no file): DuckDB shares an open database with every connection made to the same
    path in this process, so the many short connections a Save makes to a file (its previous
    database, read by each step; its new one, by each later step) open it once, not each
    time (about 15 ms of CPU each at 100x the seeds). Every connection made meanwhile must
    use the same read_only."""
    try:
        con = duckdb.connect(str(path), read_only=read_only) if path.exists() else None
    except duckdb.Error:  # a damaged file: each step finds that out as before
        con = None
    try:
        yield
    finally:
        if con is not None:
            con.close()


def _attached(path: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the file at `path` attached read-only as its catalog, external
    access switched off and the configuration locked after attaching, so no query can read
    any other file."""
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ? AS db (READ_ONLY)", [str(path)])
    con.execute("USE db")
    con.execute("SET enable_external_access = false")
    if memory_limit is not None:
        con.execute("SET memory_limit = ?", [memory_limit])
    con.execute("SET lock_configuration = true")
    return con


class Reader:
    """An in-memory DuckDB with the database attached read-only; one cursor per query.

    External access is switched off and locked after attaching, so no query can read
    any other file (a build's own reader of the file it replaces: of_build).
    """

    def __init__(
        self,
        path: Path,
        memory_limit: str | None = None,
        *,
        connection: duckdb.DuckDBPyConnection | None = None,
    ) -> None:
        """`memory_limit`: DuckDB's for this reader (its default is 80% of the machine's
        memory); a build's charts step gives its own (database.write.BUILD_MEMORY_LIMIT).
        `connection`: a direct read-only connection to the file at `path`, taken as it is
        (of_build); without one, an in-memory DuckDB with the file attached. The one way a
        Reader is made, so a field set here is set for both kinds (issue 27, stop 44's (6))."""
        if not path.exists():
            raise FileNotFoundError(f"database {path} does not exist (run: python -m etl build)")
        self.path = path
        self._lock = threading.Lock()
        #: The tables the queries read, when a caller asks for them to be noted (note_tables).
        self.tables_read: set[str] | None = None
        #: What each cursor runs first: the attached file as its catalog; a direct
        #: connection's cursor reads the file's own.
        self._use: str | None = "USE db" if connection is None else None
        self._con = _attached(path, memory_limit) if connection is None else connection

    @classmethod
    def of_build(cls, path: Path) -> Reader:
        """A reader of the file a build replaces, for the build's own queries: a direct
        read-only connection, which inside kept_open(path, read_only=True) shares the
        database the build holds open. A new in-memory DuckDB with the file attached costs
        about 18 ms of CPU, two or three times in a Save (issue 27, stop 44). External access
        is not switched off: the database is shared, and no reader's SQL runs here. When the
        file is open in this process otherwise (another configuration), a Reader as usual."""
        if not path.exists():
            return cls(path)  # its error
        try:
            con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error:
            return cls(path)
        return cls(path, connection=con)

    def note_tables(self) -> set[str]:
        """From now on, note in the set returned the name of every table a query reads (as
        DuckDB's binder finds them, views and subqueries included)."""
        self.tables_read = set()
        return self.tables_read

    def frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """The answer as a pandas frame (DuckDB's own .df(): dates as datetime64, whole
        numbers with gaps as nullable Int64); an empty frame for a statement."""
        with self._lock:
            cur = self._con.cursor()
        try:
            if self._use:
                cur.execute(self._use)  # the default catalog is per cursor
            if self.tables_read is not None:
                self.tables_read.update(tables_of(cur, sql))
            answer = cur.sql(sql, params=list(params))
            return pd.DataFrame() if answer is None else answer.df()
        finally:
            cur.close()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
