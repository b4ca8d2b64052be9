"""Save step: write the tables to a new DuckDB file and swap it in atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from data_model.tables import (
    BUILD_INFO,
    CONTENT_FINGERPRINT,
    INTERNAL_TABLES,
    READABLE_CHECKS,
    TABLES,
    Table,
)
from etl.indicator_rows import write_indicator_rows
from etl.readable import readable_rows
from etl.search import write_statement_search

#: A step run on the new file after it is written and before it replaces the old one.
Finish = Callable[[Path], None]


def _ddl(table: Table) -> str:
    # Identifiers come from the schema in data_model.tables, never from input.
    cols = [f'"{c.name}" {c.sql_type}' for c in table.columns]
    if table.primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
    return f'CREATE TABLE "{table.name}" (' + ", ".join(cols) + ")"


def _insert(con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("incoming", frame)
    names = ", ".join(f'"{c}"' for c in table.column_names)
    con.execute(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM incoming')
    con.unregister("incoming")


def _citations_view() -> str:
    """Every quote with its offsets in one view, for marking them in an article's text."""
    parts = [
        "SELECT 'indicator' AS record_kind, indicator_id AS record_id, source_id, quote, "
        "quote_start, quote_end FROM indicators",
        "SELECT 'statement', statement_id, source_id, quote, quote_start, quote_end FROM statements",
        "SELECT 'policy', policy_id, first_source_id, quote, quote_start, quote_end FROM policies",
        "SELECT 'position', position_id, source_id, quote, quote_start, quote_end "
        "FROM policy_positions",
        "SELECT 'event', event_id, source_id, quote, quote_start, quote_end FROM events",
        "SELECT 'phase', phase_id, source_id, quote, quote_start, quote_end FROM phase_citations",
        "SELECT 'policy status', policy_id, source_id, quote, quote_start, quote_end "
        "FROM policy_citations",
    ]
    return "CREATE VIEW citations AS " + " UNION ALL ".join(parts)


#: Tables whose records the feed reports, with their id and article columns.
TRACKED = {
    "sources": ("source_id", "source_id"),
    "indicators": ("indicator_id", "source_id"),
    "statements": ("statement_id", "source_id"),
    "policies": ("policy_id", "first_source_id"),
    "policy_positions": ("position_id", "source_id"),
    "events": ("event_id", "source_id"),
}


#: Builds whose changes the feed keeps: enough for a reader back from a long holiday, few
#: enough that the table stays small however long the monitor runs.
FEED_BUILDS = 50


def _record_changes(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    """Fill build_changes: records added, changed or removed since the database at `previous`
    (every record counts as added when there is none), then the changes of the builds before
    it, carried forward from that file (the last FEED_BUILDS builds in all)."""
    old = "previous"
    attached = previous.exists()
    if attached:
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(previous)])
    try:
        last = _last_build(con) if attached else 0
        built_at = con.execute("SELECT value FROM build_info WHERE key = 'built_at'").fetchone()
        this = [last + 1, built_at[0] if built_at else ""]
        try:
            for table, (key, source) in TRACKED.items():
                # Identifiers come from TRACKED above, never from input.
                new = f'main."{table}"'
                if not attached:
                    con.execute(
                        f"INSERT INTO build_changes SELECT '{table}', {key}, 'added', {source},"
                        f" ?, ? FROM {new}",
                        this,
                    )
                    continue
                was = f'{old}."{table}"'
                con.execute(
                    f"""
                    INSERT INTO build_changes
                    SELECT '{table}', n.{key}, 'added', n.{source}, $1, $2 FROM {new} n
                    WHERE n.{key} NOT IN (SELECT {key} FROM {was})
                    UNION ALL
                    SELECT '{table}', o.{key}, 'removed', o.{source}, $1, $2 FROM {was} o
                    WHERE o.{key} NOT IN (SELECT {key} FROM {new})
                    UNION ALL
                    SELECT '{table}', c.{key}, 'changed', c.{source}, $1, $2
                    FROM (SELECT * FROM {new} EXCEPT SELECT * FROM {was}) c
                    WHERE c.{key} IN (SELECT {key} FROM {was})
                    """,
                    this,
                )
        except duckdb.Error:
            # The old file is of an older schema: say nothing rather than guess.
            con.execute("DELETE FROM build_changes")
        if last:
            con.execute(
                """
                INSERT INTO build_changes
                SELECT table_name, record_id, change, source_id, build, built_at
                FROM previous.build_changes WHERE build > ?
                """,
                [last + 1 - FEED_BUILDS],
            )
    finally:
        if attached:
            con.execute("DETACH previous")


def content_fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """SHA-256 of every table's rows but build_info's (its build time changes every build):
    the same curated data gives the same fingerprint, so the dashboard keeps its caches."""
    digest = hashlib.sha256()
    for name in sorted(frames):
        if name != BUILD_INFO.name:
            digest.update(name.encode())
            digest.update(frames[name].to_json(orient="split", date_format="iso").encode())
    return digest.hexdigest()


def _last_build(con: duckdb.DuckDBPyConnection) -> int:
    """The newest build number the previous file's changes carry; 0 when it has none (a
    file from before build numbers, whose history is not carried)."""
    try:
        row = con.execute("SELECT max(build) FROM previous.build_changes").fetchone()
    except duckdb.Error:
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def add_rows(db_path: Path, table: Table, frame: pd.DataFrame) -> None:
    """Append rows to one table of a database file not yet swapped in (a finishing step's
    output, e.g. the static chart images), through the same insert as every table."""
    con = duckdb.connect(str(db_path))
    try:
        _insert(con, table, frame)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def write_database(
    frames: dict[str, pd.DataFrame], db_path: Path, finish: Finish | None = None
) -> None:
    """Write every table to a temporary file beside db_path, run `finish` on it, then replace
    db_path with it.

    The old file stays byte for byte as it was unless the whole write succeeds.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            for table in TABLES:
                con.execute(_ddl(table))
                _insert(con, table, frames[table.name])
            for table in INTERNAL_TABLES:
                con.execute(_ddl(table))  # the rest filled, if at all, by a finishing step
            # Worded here, once, rather than by every server after every build.
            readable = readable_rows(frames)
            _insert(con, READABLE_CHECKS, readable)
            fingerprint = content_fingerprint({**frames, READABLE_CHECKS.name: readable})
            _insert(con, CONTENT_FINGERPRINT, pd.DataFrame({"fingerprint": [fingerprint]}))
            # Joined once here so a filter change on the Statements page reads one table.
            write_statement_search(con)
            # And each figure with its metric, unit, phase, actor and article: the API's
            # indicator rows read one table, with no joins to plan on every request.
            write_indicator_rows(con)
            _record_changes(con, db_path)
            con.execute(_citations_view())
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if finish is not None:
            finish(tmp)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
