"""Writing a new database file: every table's DDL and insert, the derived tables, the citations
view and the feed's change log. Every SQL string the build runs lives here (the read side's in
database.queries); identifiers come from data_model.tables, values are parameters.

Over 400 lines: the rule keeps every SQL string the build writes with in this one module.
"""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from corpus.khmer import fold_for_search
from data_model.tables import (
    BUILD_CHANGES,
    BUILD_VERSIONS,
    CHANGE_FIELDS,
    CHART_IMAGES,
    CHART_KEYS,
    CHART_PARTS,
    COVERAGE_NEEDS,
    INDICATOR_ROWS,
    SCHEMA_VERSION,
    SOURCES,
    STATEMENT_SEARCH,
    TABLES_BY_NAME,
    TRENDS_SECTIONS,
    Table,
)
from database.connection import tables_of

#: DuckDB's memory for a build's writes. Its default is 80% of the machine's memory: its
#: buffers kept every block the build wrote (the tables, then every chart's figure) until
#: the file was closed, several hundred MB of a build's peak at 1000x the seeds
#: (bench/build_memory.py). The blocks are in the file, so DuckDB lets them go when over
#: this, and a sort or join larger than it spills to a temporary folder beside the file.
# 512 MB, not 256: a Save at 1000x after articles were added ran out of a 256 MB cap reading
# the previous file's build_inputs ("failed to allocate data of size 256.0 MiB").
BUILD_MEMORY_LIMIT = "512MB"


#: DuckDB's memory while a full build derives its tables and its change log from the tables
#: written and writes the files' texts (etl.store.write_database). It keeps the blocks of every
#: table written cached up to its limit, and the derived rows came on top: at 1000x the seeds
#: the build's own process rose 386-421 -> 505-531 MB in write_derived, its highest point,
#: with 6 MB of Python objects at 100x (tracemalloc; issue 27, stop 46). Lowered, DuckDB lets
#: those cached blocks go first (they are in the file or its log): 353-371 -> 449-455. Not in a
#: Save's transaction: its rows wait in memory for its commit.
DERIVE_MEMORY_LIMIT = "192MB"


@contextlib.contextmanager
def derive_capped(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """DuckDB's memory at DERIVE_MEMORY_LIMIT for the block (a full build's, outside any
    transaction), then at BUILD_MEMORY_LIMIT again: copying the previous file's whole texts
    (carry_inputs) needs that."""
    with _then(con, f"SET memory_limit = '{BUILD_MEMORY_LIMIT}'"):
        con.execute(f"SET memory_limit = '{DERIVE_MEMORY_LIMIT}'")
        yield


@contextlib.contextmanager
def checkpointed_once(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """No checkpoint of DuckDB's own while the block writes (a full build's files' texts,
    build_inputs), one at its end. DuckDB checkpoints by itself every 16 MB of log; stop 46
    read the build's highest point at 1000x the seeds (~501 MB) as this insert's, and kept
    this (485-501 against 505-507 beside it). Stop 47 (mem33c) placed that point in the
    sources' insert instead (481-502; the texts' with its checkpoint 415-429), so what this
    block saves is not shown; it costs one checkpoint, and is kept as harmless (issue 27)."""
    con.execute("SET checkpoint_threshold = '1GB'")
    yield
    con.execute("CHECKPOINT")
    con.execute("RESET checkpoint_threshold")


def open_new(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A writer on a database file a build is making (or the one it replaces, attached)."""
    return duckdb.connect(str(db_path), config={"memory_limit": BUILD_MEMORY_LIMIT})


def commit_into_file(con: duckdb.DuckDBPyConnection) -> None:
    """Have each commit of a Save's writer go into the file at once (a checkpoint), not into
    DuckDB's log first: no one reads a Save's copy until it is swapped in, and every commit's
    rows were logged and then checkpointed into the file all the same (at 100x the seeds about
    13 ms of CPU less a Save, issue 27, stop 44)."""
    con.execute("SET checkpoint_threshold = '0B'")


def begin(con: duckdb.DuckDBPyConnection) -> None:
    """Open a transaction on a build's writer."""
    con.execute("BEGIN")


def commit(con: duckdb.DuckDBPyConnection) -> None:
    """Commit a build writer's open transaction."""
    con.execute("COMMIT")


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write a build writer's log into the file, so the file is whole before it is swapped in."""
    con.execute("CHECKPOINT")


def create(
    con: duckdb.DuckDBPyConnection, table: Table, replace: bool = False, keyed: bool = True
) -> None:
    """Create the table as data_model.tables declares it; with `replace`, an empty one in
    place of the table of that name (a Save's copy of the previous file: etl.store). Not
    `keyed`: without its primary key, which add_key then adds once the rows are in."""
    # Identifiers come from the schema in data_model.tables, never from input.
    if replace:
        # Dropped, not emptied: its rowids count from 0 again, as the runs of rows say
        # (insert_runs), and its blocks are free for the rows written next.
        con.execute(f'DROP TABLE IF EXISTS "{table.name}"')
    cols = [f'"{c.name}" {c.sql_type}' for c in table.columns]
    if table.primary_key and keyed:
        cols.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
    con.execute(f'CREATE TABLE "{table.name}" (' + ", ".join(cols) + ")")


def add_key(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """Add the table's primary key to a table made without it (create, not `keyed`): built
    from every row at once rather than row by row as they go in. The statements' write of
    an article Save at 1000x the seeds, replayed alone, 0.25-0.30 -> 0.16-0.21 s CPU; the
    file's catalog is the same (issue 27, stop 50). Raises on a key held twice, as the key
    held from the start would."""
    if table.primary_key:
        keys = ", ".join(f'"{k}"' for k in table.primary_key)
        con.execute(f'ALTER TABLE "{table.name}" ADD PRIMARY KEY ({keys})')


#: Rows inserted at once (insert) of a table holding each article's whole clean text: at
#: 1000x the seeds the 5,000 sources rows (17 MB of bodies) in one statement took the build's
#: own process +103-116 MB, none of it in DuckDB's accounted buffers, and were its highest
#: point (502 MB, issue 27, stop 47); 500 at a time +70-71, 100 +54 (replayed alone from a
#: 1000x file; CPU 0.22 -> 0.72 -> 1.46 s: each statement commits on its own).
LONG_TEXT_BATCH = {SOURCES.name: 500}


def insert(
    con: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame, batch: int = 5000
) -> None:
    """Insert the frame's rows (columns by name) into the table, in order, `batch` rows at a
    time (fewer for a table of whole texts: LONG_TEXT_BATCH): DuckDB copies what it scans,
    and a whole table's copy at once (every curated file's text in build_inputs, at 1000x
    the seeds) was the top of a build's memory."""
    batch = min(batch, LONG_TEXT_BATCH.get(table.name, batch))
    names = ", ".join(f'"{c}"' for c in table.column_names)
    for start in range(0, len(frame), batch):
        con.register("incoming", frame.iloc[start : start + batch])
        con.execute(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM incoming')
        con.unregister("incoming")


def drop_citations_view(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the citations view of a Save's copy of the previous file, made again once its
    tables are written (create_citations_view)."""
    con.execute("DROP VIEW IF EXISTS citations")


def create_citations_view(con: duckdb.DuckDBPyConnection) -> None:
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
    con.execute("CREATE VIEW citations AS " + " UNION ALL ".join(parts))


#: Tables whose records the feed reports, with their id and article columns.
TRACKED = {
    "sources": ("source_id", "source_id"),
    "indicators": ("indicator_id", "source_id"),
    "statements": ("statement_id", "source_id"),
    "policies": ("policy_id", "first_source_id"),
    "policy_positions": ("position_id", "source_id"),
    "events": ("event_id", "source_id"),
}


def _schema_version(con: duckdb.DuckDBPyConnection, catalog: str) -> str | None:
    """The schema version the file attached as `catalog` was built with (None if unknown)."""
    try:
        # Every row fetched: a result left open would stop the next statement on con.
        rows = con.execute(
            f"SELECT value FROM {catalog}.build_info WHERE key = 'schema_version'"
        ).fetchall()
    except duckdb.Error:  # no build_info at all: not a file this code wrote
        return None
    return rows[0][0] if rows else None


def _info(con: duckdb.DuckDBPyConnection, key: str) -> str:
    row = con.execute("SELECT value FROM build_info WHERE key = ?", [key]).fetchone()
    return row[0] if row else ""


@contextlib.contextmanager
def _then(con: duckdb.DuckDBPyConnection, *statements: str) -> Iterator[None]:
    """Run `statements` after the block. When the block failed, one that fails too (the
    failure aborted a Save's transaction, etl.store.write_database) is passed over, so the
    error told is the first one."""
    try:
        yield
    except BaseException:
        for sql in statements:
            with contextlib.suppress(duckdb.Error):
                con.execute(sql)
        raise
    for sql in statements:
        con.execute(sql)


@contextlib.contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """The frame's rows readable as `name` on `con` for the block (as text: object columns)."""
    con.register(name, frame.astype(object))
    try:
        yield
    finally:
        # After a failure the Save's transaction is aborted: the error told is the first one.
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)


def _made_keys(made: dict[str, list[str]] | None) -> pd.DataFrame:
    """The keys of the rows a Save made, by table (etl.store), as rows (tab, key) to register
    as `made_keys` (renew_derived, record_changes)."""
    return pd.DataFrame(
        [(t, str(k)) for t, keys in (made or {}).items() for k in keys], columns=["tab", "key"]
    )


#: Columns whose old and new values change_fields leaves out: an article's whole text (its
#: raw_sha256 says that it changed).
UNCOMPARED = {"body"}

#: Build-given corrections (--reason) have ids starting so; they are carried from file to
#: file, since no curated file holds them.
BUILD_REASON_PREFIX = "build-"


def _field_changes(table: str, key: str) -> str:
    """SELECT of every field that differs in a record kept, old and new as text, from the
    changed records' rows (temporary tables changed_new and changed_old: a Save changes a few
    records, and each field compared over the whole tables was most of the change log's time)."""
    columns = [c for c in TABLES_BY_NAME[table].column_names if c != key and c not in UNCOMPARED]
    return " UNION ALL ".join(
        f"SELECT $1, '{table}', n.{key}, '{c}', CAST(o.\"{c}\" AS VARCHAR), "
        f'CAST(n."{c}" AS VARCHAR) FROM changed_new n JOIN changed_old o '
        f'USING ({key}) WHERE o."{c}" IS DISTINCT FROM n."{c}"'
        for c in columns
    )


def record_changes(
    con: duckdb.DuckDBPyConnection,
    previous: Path,
    unchanged: Iterable[str] = (),
    in_place: bool = False,
    made: dict[str, list[str]] | None = None,
) -> None:
    """Fill build_changes: records added, changed or removed since the database at `previous`
    (every record counts as added when there is none), then the changes of the builds before
    it, carried forward from that file (every build: changes.json?since= answers from any
    version the history names, and the table grows only by what each build changes); change_fields
    with each changed field's old and new value; build_versions with this build's data
    version after those carried; and the version that first carried each correction.

    A previous file of another schema version is not compared: its rows are not this code's
    rows, so the feed says nothing rather than guess, and starts its history afresh. The
    tables named `unchanged` were copied from that file whole (etl.carry): none of their
    records changed, so they are not compared. With `in_place`, the new file is a copy of
    `previous` (etl.store.write_database) whose history tables (HISTORY_KEPT) are there
    already: this build's rows are added to them, nothing copied (every reader orders them).
    `made`: the keys of the rows this build made (not copied) of a table, by table (etl.store):
    only those can be added or changed (a copied row is its previous row), so only those are
    compared field by field; every key is still looked for to find the records removed."""
    unchanged = set(unchanged)
    built_at, version = _info(con, "built_at"), _info(con, "data_version")
    fingerprint = _info(con, "data_fingerprint")
    comparable = previous.exists()
    if comparable:
        con.execute("ATTACH ? AS previous (READ_ONLY)", [str(previous)])
        comparable = _schema_version(con, "previous") == _schema_version(con, "main")
        if not comparable:
            con.execute("DETACH previous")
    if not comparable:
        con.execute("UPDATE corrections SET data_version = ?", [version])
        con.execute(
            "INSERT INTO build_versions VALUES (1, ?, ?, ?, NULL)", [version, built_at, fingerprint]
        )
        if previous.exists():
            return
        for table, (key, source) in TRACKED.items():
            # Identifiers come from TRACKED above, never from input.
            con.execute(
                f"INSERT INTO build_changes SELECT '{table}', {key}, 'added', {source}, 1, ?, ?"
                f' FROM main."{table}"',
                [built_at, version],
            )
        return
    cleanup = ("DROP TABLE IF EXISTS changed_new", "DROP TABLE IF EXISTS changed_old")
    with _then(con, *cleanup, "DETACH previous"), _registered(con, "made_keys", _made_keys(made)):
        _carry_history(con, version, built_at, fingerprint, in_place)
        row = con.execute("SELECT max(build) FROM previous.build_changes").fetchone()
        last = int(row[0]) if row and row[0] is not None else 0
        this = [last + 1, built_at, version]
        for table, (key, source) in TRACKED.items():
            if table in unchanged:
                continue
            # Only the rows made can be added or changed (at 1000x the seeds an article
            # added compared every statement's every field, issue 27, stop 50). The table's
            # name is a value here ($4); as an identifier it comes from TRACKED.
            only = f" WHERE {key} IN (SELECT key FROM made_keys WHERE tab = $4)"
            only = only if made is not None and table in made else ""
            new, was = f'main."{table}"', f'previous."{table}"'
            con.execute(
                f"""
                INSERT INTO build_changes
                SELECT $4, n.{key}, 'added', n.{source}, $1, $2, $3
                FROM (SELECT * FROM {new}{only}) n
                WHERE n.{key} NOT IN (SELECT {key} FROM {was})
                UNION ALL
                SELECT $4, o.{key}, 'removed', o.{source}, $1, $2, $3 FROM {was} o
                WHERE o.{key} NOT IN (SELECT {key} FROM {new})
                UNION ALL
                SELECT $4, c.{key}, 'changed', c.{source}, $1, $2, $3
                FROM (SELECT * FROM {new}{only} EXCEPT SELECT * FROM {was}{only}) c
                WHERE c.{key} IN (SELECT {key} FROM {was})
                """,
                [*this, table],
            )
            # The rows of the records changed, old and new, before comparing them field by field.
            for side, catalog in (("changed_new", "main"), ("changed_old", "previous")):
                con.execute(
                    f'CREATE OR REPLACE TEMP TABLE {side} AS SELECT * FROM {catalog}."{table}" '
                    f"WHERE {key} IN (SELECT record_id FROM build_changes WHERE table_name = ? "
                    "AND change = 'changed' AND build = ?)",
                    [table, this[0]],
                )
            con.execute(f"INSERT INTO change_fields {_field_changes(table, key)}", [version])
        if in_place:
            return
        con.execute(
            """
            INSERT INTO build_changes
            SELECT table_name, record_id, change, source_id, build, built_at, data_version
            FROM previous.build_changes
            """
        )


#: The history tables a Save's copy of the previous file keeps, adding this build's rows
#: (record_changes with in_place): copied whole, they had grown every Save by the history.
HISTORY_KEPT = (BUILD_CHANGES.name, CHANGE_FIELDS.name, BUILD_VERSIONS.name)


def _carry_history(
    con: duckdb.DuckDBPyConnection,
    version: str,
    built_at: str,
    fingerprint: str,
    in_place: bool = False,
) -> None:
    """The previous file's versions, field changes and build-given corrections (only the
    corrections `in_place`: the rest are there), then this build's version if it is new;
    each correction keeps the version that first carried it."""
    if not in_place:
        con.execute("INSERT INTO build_versions SELECT * FROM previous.build_versions")
    con.execute(
        """
        INSERT INTO build_versions
        SELECT coalesce(max(ordinal), 0) + 1, $1, $2, $3, NULL FROM build_versions
        HAVING $1 NOT IN (SELECT data_version FROM build_versions)
        """,
        [version, built_at, fingerprint],
    )
    if not in_place:
        con.execute("INSERT INTO change_fields SELECT * FROM previous.change_fields")
    con.execute(
        """
        UPDATE corrections SET data_version = coalesce(
            (SELECT p.data_version FROM previous.corrections p
             WHERE p.correction_id = corrections.correction_id), ?)
        """,
        [version],
    )
    con.execute(
        """
        INSERT INTO corrections SELECT * FROM previous.corrections
        WHERE starts_with(correction_id, ?)
          AND correction_id NOT IN (SELECT correction_id FROM main.corrections)
        """,
        [BUILD_REASON_PREFIX],
    )


#: The changed and removed records of this build no new correction names: those that need
#: a reason (a position named by its proposal's id counts as named).
UNEXPLAINED_SELECT = """
    SELECT c.table_name, c.record_id, c.change,
           coalesce(string_agg(f.field, ', ' ORDER BY f.field), '') AS fields
    FROM build_changes c
    LEFT JOIN change_fields f USING (data_version, table_name, record_id)
    WHERE c.data_version = $1 AND c.change IN ('changed', 'removed')
      AND NOT EXISTS (
        SELECT 1 FROM corrections k WHERE k.data_version = $1
          AND (k.record_id = c.record_id OR starts_with(c.record_id, k.record_id || '-')))
    GROUP BY ALL ORDER BY c.table_name, c.record_id"""


def unexplained_changes(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, record id, change, fields) of this build's changes that need a reason."""
    return con.execute(UNEXPLAINED_SELECT, [_info(con, "data_version")]).fetchall()


def log_reason(con: duckdb.DuckDBPyConnection, reason: str, by: str, day: str) -> int:
    """Log `reason` for every changed field and removed record of this build in the
    corrections table and on its version; return how many corrections were logged."""
    version = _info(con, "data_version")
    con.execute("UPDATE build_versions SET reason = ? WHERE data_version = ?", [reason, version])
    before = con.execute("SELECT count(*) FROM corrections").fetchone()
    con.execute(
        """
        INSERT INTO corrections
        SELECT * FROM (
            -- An id corrections.yaml accepts (data_model.records.Id: a-z, 0-9 and '-', at most
            -- 80 characters, a long one ending in a hash of the whole): written back there.
            SELECT CASE WHEN length(i.id) <= 80 THEN i.id
                        ELSE left(i.id, 63) || '-' || left(md5(i.id), 16) END AS correction_id,
                   c.table_name, c.record_id,
                   CASE c.change WHEN 'removed' THEN 'withdrawn' ELSE 'changed' END,
                   f.field, f.old_value, f.new_value, $2, NULL, CAST($4 AS DATE), $3, NULL, $1
            FROM build_changes c
            LEFT JOIN change_fields f USING (data_version, table_name, record_id)
            CROSS JOIN LATERAL (
                SELECT trim(regexp_replace(lower($5 || $1 || '-' || c.table_name || '-'
                                                 || c.record_id || coalesce('-' || f.field, '')),
                                           '[^a-z0-9-]+', '-', 'g'), '-') AS id
            ) i
            WHERE c.data_version = $1 AND c.change IN ('changed', 'removed')
        ) AS new
        -- A build of data already built under this version (a second Save that found the
        -- first one's changes already in place) logs nothing twice.
        WHERE new.correction_id NOT IN (SELECT correction_id FROM corrections)
        """,
        [version, reason, by, day, BUILD_REASON_PREFIX],
    )
    after = con.execute("SELECT count(*) FROM corrections").fetchone()
    return int(after[0]) - int(before[0]) if after and before else 0


#: Kinds of tracked tables as curated files name them (corrections.record_kind).
_CURATED_KIND = {"policy_positions": "positions"}


def build_corrections(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    """The corrections this build was given a reason for (--reason), as corrections.yaml
    holds them (data_model.records.Correction), in a stable order."""
    rows = con.execute(
        """
        SELECT correction_id, record_kind, record_id, action, field, old_value, new_value,
               reason, corrected_on, corrected_by
        FROM corrections WHERE starts_with(correction_id, ?) AND data_version = ?
        ORDER BY correction_id
        """,
        [BUILD_REASON_PREFIX, _info(con, "data_version")],
    ).fetchall()
    out = []
    for cid, kind, rid, action, field, old, new, reason, day, by in rows:
        entry = {"correction_id": cid, "record_kind": _CURATED_KIND.get(kind, kind),
                 "record_id": rid, "action": action,
                 # A record changed only in its article text (never compared field by field).
                 "field": field or ("body" if action == "changed" else None),
                 "old_value": old, "new_value": new, "reason": reason, "corrected_on": day,
                 "corrected_by": by}  # fmt: skip
        out.append({k: v for k, v in entry.items() if v is not None})
    return out


def record_fingerprint(db_path: Path, fingerprint: str) -> None:
    """Record `fingerprint` as the data fingerprint of the version of a database file not yet
    swapped in (build_info and its row in build_versions): the next build compares its own
    with it (etl.versions)."""
    con = open_new(db_path)
    try:
        version = _info(con, "data_version")
        con.execute("UPDATE build_info SET value = ? WHERE key = 'data_fingerprint'", [fingerprint])
        con.execute(
            "UPDATE build_versions SET fingerprint = ? WHERE data_version = ?",
            [fingerprint, version],
        )
        con.execute("CHECKPOINT")
    finally:
        con.close()


def add_rows(db_path: Path, table: Table, frame: pd.DataFrame) -> None:
    """Append rows to one table of a database file not yet swapped in (a later build step's
    output, e.g. the chart rows), through the same insert as every table."""
    add_row_parts(db_path, table, [frame])


def add_row_parts(db_path: Path, table: Table, parts: Iterable[pd.DataFrame]) -> None:
    """Append the rows of each frame `parts` yields, in turn, through one connection: a
    generator's frames are made one at a time (one chart's figures), and a connection and
    checkpoint per frame had cost a third of a seed build's writing."""
    con = open_new(db_path)
    try:
        for frame in parts:
            insert(con, table, frame)
        con.execute("CHECKPOINT")
    finally:
        con.close()


# Curly quotes as straight ones and accents stripped, on both sides of the comparison, so
# "it's" finds "it’s" and "Phnom Penh" finds itself however it was typed (the read layer
# folds a reader's words the same way). SQL doubles a quote inside a literal: the target
# is the four characters ' ' " ".
FOLD = "strip_accents(translate(lower({}), '‘’“”', '''''\"\"'))"

# Every field the one search looks in: the words, who said them (name, other spellings),
# their organisation and their role as the article gave it and as usually given.
_SEARCHED = "t.quote, a.name, a.aliases, a.organisation, t.actor_role, a.role"

#: The rows of the statement_search table (data_model.tables.STATEMENT_SEARCH), from the data
#: tables, written by the build.
_LIST_ORDER = """CAST(row_number() OVER (
               ORDER BY coalesce(t.said_on, s.published_earliest) DESC,
                        s.published_latest DESC, t.source_id, t.quote_start,
                        t.statement_id
           ) AS INTEGER)"""
_SEARCH_COLUMNS = f"""
           t.actor_id, a.name AS actor_name, a.organisation, a.actor_type, t.stance, t.topic,
           t.source_id, coalesce(t.said_on, s.published_earliest) AS said,
           CASE WHEN t.said_on IS NULL THEN s.date_precision ELSE 'day' END AS said_precision,
           CAST(year(coalesce(t.said_on, s.published_earliest)) AS INTEGER) AS said_year,
           {FOLD.format(f"concat_ws(' ', {_SEARCHED})")} AS haystack,
           coalesce(t.actor_role, a.role) AS actor_role, t.quote, t.kind, t.said_on,
           t.relayed_by, r.name AS relayed_by_name, t.note,
           s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
           s.published_on AS source_published_on, s.date_precision AS source_date_precision,
           s.date_inferred AS source_date_inferred,
           s.citation AS source_citation, s.short_label AS source_label,
           s.short_label_km AS source_label_km, s.citation_km AS source_citation_km,
           s.archive_url AS source_archive_url, s.accessed AS source_accessed"""
_SEARCH_JOINS = """JOIN actors a USING (actor_id) JOIN sources s USING (source_id)
    LEFT JOIN actors r ON r.actor_id = t.relayed_by"""
STATEMENT_SEARCH_SELECT = f"""
    SELECT t.statement_id, {_LIST_ORDER} AS list_order, {_SEARCH_COLUMNS}
    FROM statements t {_SEARCH_JOINS}"""

#: Statement search rows written per INSERT. DuckDB holds a statement's rows uncompressed
#: until it commits and checkpoints them, and the whole table in one INSERT (87,000 wide rows
#: at 1000x the seeds) raised resident memory by ~335 MB, the top of a full build's own
#: process; in batches of 10,000 by ~150 MB, each batch committed and, once the log passes
#: DuckDB's checkpoint_threshold, checkpointed by DuckDB itself (explicit checkpoints after
#: each: about the same memory, +35% CPU). Inside a Save's transaction the rows wait for its
#: commit, and still ~100 MB less than one INSERT (issue 27, bench/build_memory.py).
SEARCH_BATCH = 10_000
# The same rows as STATEMENT_SEARCH_SELECT, a batch of them in list order: the list order is
# taken once into a temporary table of two columns (over the same joins, so the same rows are
# numbered), so each batch joins only its rows.
_SEARCH_ORDER = f"""CREATE OR REPLACE TEMPORARY TABLE search_order AS
    SELECT t.statement_id, {_LIST_ORDER} AS list_order
    FROM statements t {_SEARCH_JOINS}"""
_SEARCH_BATCH_SELECT = f"""
    SELECT t.statement_id, o.list_order, {_SEARCH_COLUMNS}
    FROM statements t JOIN search_order o USING (statement_id) {_SEARCH_JOINS}
    WHERE o.list_order > ? AND o.list_order <= ? ORDER BY o.list_order"""


def write_statement_search(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the statement search table of the open database from its data tables: the
    rows of STATEMENT_SEARCH_SELECT, in list order, SEARCH_BATCH rows per INSERT."""
    names = ", ".join(f'"{c}"' for c in STATEMENT_SEARCH.column_names)
    con.execute("DELETE FROM statement_search")
    con.execute(_SEARCH_ORDER)
    row = con.execute("SELECT count(*) FROM search_order").fetchone()
    for done in range(0, row[0] if row else 0, SEARCH_BATCH):
        con.execute(
            f"INSERT INTO statement_search ({names}) {_SEARCH_BATCH_SELECT}",
            [done, done + SEARCH_BATCH],
        )
    # Not in a `finally`: after an error the Save's transaction is aborted, and the
    # connection's temporary tables go with it when it closes.
    con.execute("DROP TABLE search_order")
    fold_khmer_rows(con)


# DuckDB's strip_accents drops Khmer vowel signs ("ខេង" becomes "ខង") and no SQL function puts
# Khmer in order or drops zero-width spaces, so a row holding Khmer takes its haystack from
# corpus.khmer.fold_for_search, the fold database.queries.fold gives a reader's Khmer words.
_KHMER_ROWS = f"""
    SELECT t.statement_id, concat_ws(' ', {_SEARCHED}) AS searched
    FROM statements t JOIN actors a USING (actor_id)
    WHERE regexp_matches(concat_ws(' ', {_SEARCHED}), '[\u1780-\u17ff]')"""


def fold_khmer_rows(con: duckdb.DuckDBPyConnection, only_redone: bool = False) -> None:
    """Fold again, in Python, the haystack of the statement search rows that hold Khmer
    (`only_redone`: of those a Save made again, redo_keys)."""
    more = " AND t.statement_id IN (SELECT k FROM redo_keys)" if only_redone else ""
    rows = con.execute(_KHMER_ROWS + more).fetchall()
    if rows:
        # One UPDATE joined to the folded rows, not one per row: at 1000x the seeds the
        # 6,000 rows' statements took 14.6 s of CPU (each scans the table), ~9% of a full
        # build; joined, 0.1 s (issue 27, stop 50). The same rows changed, in place.
        folded = pd.DataFrame(
            {
                "statement_id": [sid for sid, _ in rows],
                "haystack": [fold_for_search(searched) for _, searched in rows],
            }
        )
        with _registered(con, "folded", folded):
            con.execute(
                "UPDATE statement_search SET haystack = f.haystack FROM folded f "
                "WHERE statement_search.statement_id = f.statement_id"
            )


#: The rows of the indicator_rows table (data_model.tables.INDICATOR_ROWS), from the data
#: tables, written by the build.
INDICATOR_ROWS_SELECT = """
    SELECT i.indicator_id, i.metric_id, m.label AS metric_label,
           m.label_km AS metric_label_km, m.category,
           c.label AS category_label,
           i.value, i.value_to, i.qualifier, i.value_low, i.value_high, i.unit,
           u.label AS unit_label,
           u.kind AS unit_kind, i.currency, i.label, i.vague,
           i.restates, i.restates_note,
           i.period_start, i.period_end, i.as_of, i.phase_id, p.name AS phase_name,
           i.geography, i.actor_id, a.name AS actor_name, a.name_km AS actor_name_km,
           i.attribution, i.quote, i.note, i.note_km, i.source_id,
           s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
           s.published_on AS source_published_on, s.date_precision AS source_date_precision,
           s.date_inferred AS source_date_inferred,
           s.citation AS source_citation, s.short_label AS source_label,
           s.short_label_km AS source_label_km, s.citation_km AS source_citation_km,
           s.archive_url AS source_archive_url, s.accessed AS source_accessed
    FROM indicators i
    JOIN metrics m USING (metric_id)
    JOIN categories c ON c.category_id = m.category
    JOIN units u ON u.unit_id = i.unit
    JOIN sources s USING (source_id)
    LEFT JOIN phases p USING (phase_id)
    LEFT JOIN actors a USING (actor_id)"""


def write_indicator_rows(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the indicator rows table of the open database from its data tables."""
    names = ", ".join(f'"{c}"' for c in INDICATOR_ROWS.column_names)
    con.execute("DELETE FROM indicator_rows")
    con.execute(f"INSERT INTO indicator_rows ({names}) {INDICATOR_ROWS_SELECT}")


#: The tables the build derives in SQL from the data tables, with their SELECT and writer.
_DERIVED = (
    (STATEMENT_SEARCH, STATEMENT_SEARCH_SELECT, write_statement_search),
    (INDICATOR_ROWS, INDICATOR_ROWS_SELECT, write_indicator_rows),
)

#: What a row of each derived table is made of, for a Save to find the rows its change
#: touches: the data table read row for row and its key, and for each table joined to it,
#: its key and which rows (alias d) join a changed one of it ({k}: those keys' SELECT).
#: tests/test_derived_rows.py checks that these are the tables each SELECT reads.
MADE_OF: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    STATEMENT_SEARCH.name: (
        "statements",
        "statement_id",
        {
            "actors": ("actor_id", "d.actor_id IN {k} OR d.relayed_by IN {k}"),
            "sources": ("source_id", "d.source_id IN {k}"),
        },
    ),
    INDICATOR_ROWS.name: (
        "indicators",
        "indicator_id",
        {
            "metrics": ("metric_id", "d.metric_id IN {k}"),
            # A category's label reaches a figure through its metric.
            "categories": (
                "category_id",
                "d.metric_id IN (SELECT metric_id FROM main.metrics WHERE category IN {k})",
            ),
            "units": ("unit_id", "d.unit IN {k}"),
            "sources": ("source_id", "d.source_id IN {k}"),
            "phases": ("phase_id", "d.phase_id IN {k}"),
            "actors": ("actor_id", "d.actor_id IN {k}"),
        },
    ),
}

#: The derived tables, and the data tables their rows are made of.
DERIVED_TABLES = tuple(table for table, _, _ in _DERIVED)
DERIVED_FROM = frozenset(name for table, key, joins in MADE_OF.values() for name in (table, *joins))
#: The tables whose made rows' keys a Save's write notes (etl.store): the derived rows'
#: (renew_derived) and the change log's (record_changes) only compare those rows.
KEYS_NOTED = DERIVED_FROM | frozenset(TRACKED)


def _changed_keys(table: str, key: str, made: dict[str, list[str]] | None) -> str:
    """SELECT of the keys of `table`'s rows in the new file (main) that the file attached as
    `previous` does not hold as they are: added or changed. Only the rows this build made
    can be (`made`, by table: the keys of its rows not copied, etl.store; a copied row is
    its previous row), so only those are compared when known: a Save's few, not every
    article's text in sources."""
    # Identifiers come from MADE_OF above, never from input.
    only = f" WHERE {key} IN (SELECT key FROM made_keys WHERE tab = '{table}')"
    only = only if made is not None and table in made else ""
    return (
        f'(SELECT {key} FROM (SELECT * FROM main."{table}"{only} '
        f'EXCEPT SELECT * FROM previous."{table}"{only}))'
    )


def _redo_keys(
    con: duckdb.DuckDBPyConnection,
    derived: str,
    unchanged: set[str],
    made: dict[str, list[str]] | None,
) -> None:
    """Fill the temporary table redo_keys (k) with the keys of the rows of `derived` whose
    data row or a row joined to it was added or changed since the file attached as
    `previous` (MADE_OF): the rows a Save makes again."""
    table, key, joins = MADE_OF[derived]
    parts = []
    if table not in unchanged:
        parts.append(f"SELECT {key} AS k FROM {_changed_keys(table, key, made)}")
    conditions = [
        "(" + where.format(k=_changed_keys(joined, joined_key, made)) + ")"
        for joined, (joined_key, where) in joins.items()
        if joined not in unchanged
    ]
    if conditions:
        parts.append(f'SELECT d.{key} AS k FROM main."{table}" d WHERE ' + " OR ".join(conditions))
    select = " UNION ".join(parts) if parts else "SELECT NULL::VARCHAR AS k WHERE false"
    con.execute(f"CREATE OR REPLACE TEMPORARY TABLE redo_keys AS {select}")


def _renew_statement_search(con: duckdb.DuckDBPyConnection) -> None:
    """Make again the statement search rows redo_keys names and drop those of statements
    gone; then number every row again, updating only those whose place moved (an article
    added in the middle moves every later one)."""
    names = ", ".join(f'"{c}"' for c in STATEMENT_SEARCH.column_names)
    con.execute(
        "DELETE FROM statement_search WHERE statement_id IN (SELECT k FROM redo_keys) "
        "OR statement_id NOT IN (SELECT statement_id FROM main.statements)"
    )
    con.execute(_SEARCH_ORDER)
    con.execute(
        f"INSERT INTO statement_search ({names}) SELECT t.statement_id, o.list_order, "
        f"{_SEARCH_COLUMNS} FROM statements t JOIN search_order o USING (statement_id) "
        f"{_SEARCH_JOINS} WHERE t.statement_id IN (SELECT k FROM redo_keys) ORDER BY o.list_order"
    )
    con.execute(
        "UPDATE statement_search SET list_order = o.list_order FROM search_order o "
        "WHERE statement_search.statement_id = o.statement_id "
        "AND statement_search.list_order <> o.list_order"
    )
    con.execute("DROP TABLE search_order")
    fold_khmer_rows(con, only_redone=True)


def _renew_indicator_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Make again the indicator rows redo_keys names and drop those of figures gone."""
    names = ", ".join(f'"{c}"' for c in INDICATOR_ROWS.column_names)
    con.execute(
        "DELETE FROM indicator_rows WHERE indicator_id IN (SELECT k FROM redo_keys) "
        "OR indicator_id NOT IN (SELECT indicator_id FROM main.indicators)"
    )
    con.execute(
        f"INSERT INTO indicator_rows ({names}) {INDICATOR_ROWS_SELECT} "
        "WHERE i.indicator_id IN (SELECT k FROM redo_keys)"
    )


_RENEW = {
    STATEMENT_SEARCH.name: _renew_statement_search,
    INDICATOR_ROWS.name: _renew_indicator_rows,
}


def renew_derived(
    con: duckdb.DuckDBPyConnection,
    previous: Path,
    tables: Iterable[str],
    unchanged: set[str],
    made: dict[str, list[str]] | None,
) -> None:
    """In a Save's copy of the file at `previous` (its derived tables as they were there),
    make again only the rows of the derived `tables` that the change touches (_redo_keys):
    the rows of a full build, every one (readers order them by their columns, never by
    their place in the file)."""
    with _registered(con, "made_keys", _made_keys(made)), _attached(con, previous):
        for name in tables:
            _redo_keys(con, name, unchanged, made)
            _RENEW[name](con)
        con.execute("DROP TABLE redo_keys")


def derived_kept(con: duckdb.DuckDBPyConnection, unchanged: Iterable[str]) -> set[str]:
    """The derived tables every table of whose SELECT was copied whole from the previous
    file (`unchanged`, etl.carry: the same rows in the same order, so the same join): their
    rows are that file's."""
    unchanged = set(unchanged)
    return {table.name for table, select, _ in _DERIVED if tables_of(con, select) <= unchanged}


def write_derived(
    con: duckdb.DuckDBPyConnection,
    previous: Path | None = None,
    unchanged: Iterable[str] = (),
    in_place: bool = False,
    made: dict[str, list[str]] | None = None,
) -> list[str]:
    """Fill statement_search and indicator_rows of the open new database. Each is copied from
    the file at `previous`, in its order, when it is derived_kept; else made from the data
    tables. With `in_place`, the new file is a copy of `previous` with its derived tables:
    a kept one stays as it is, and in the others only the rows the change touches are made
    again (renew_derived; `made`: the keys of the data tables' rows this build made, by
    table). Returns the names of those copied or kept."""
    unchanged = set(unchanged)
    kept = derived_kept(con, unchanged) if previous is not None else set()
    if in_place and previous is not None:
        renew = [table.name for table, _, _ in _DERIVED if table.name not in kept]
        if renew:
            renew_derived(con, previous, renew, unchanged, made)
        return sorted(kept)
    copied = []
    for table, _, make in _DERIVED:
        if table.name not in kept:
            make(con)
            continue
        # Identifiers come from data_model.tables, never from input.
        names = ", ".join(f'"{c}"' for c in table.column_names)
        with _attached(con, previous):
            con.execute(
                f'INSERT INTO "{table.name}" ({names}) SELECT {names} '
                f'FROM previous."{table.name}" ORDER BY rowid'
            )
        copied.append(table.name)
    return copied


def base_tables(tables: set[str]) -> set[str]:
    """The tables read, with each table the build derives in SQL (indicator_rows,
    statement_search) replaced by the tables its SELECT reads: those are the ones whose
    rows the build's fingerprint digests."""
    derived = {
        INDICATOR_ROWS.name: INDICATOR_ROWS_SELECT,
        STATEMENT_SEARCH.name: STATEMENT_SEARCH_SELECT,
    }
    con = duckdb.connect(":memory:")
    try:
        out = tables - set(derived)
        for name in tables & set(derived):
            out |= tables_of(con, derived[name])
        return out
    finally:
        con.close()


@contextlib.contextmanager
def _previous_read(previous: Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """The file at `previous` opened read-only, or None when there is no such file or it is
    of another schema version or cannot be opened; a DuckDB error while it is read (a damaged
    file, a missing table) is left to the caller, who then runs its step afresh."""
    if not previous.exists():
        yield None
        return
    try:
        con = duckdb.connect(str(previous), read_only=True)
    except duckdb.Error:
        yield None
        return
    try:
        yield con if _schema_version(con, "main") == SCHEMA_VERSION else None
    finally:
        con.close()


def _step_key_row(con: duckdb.DuckDBPyConnection, step: str) -> tuple | None:
    """The (input_key, reads) row a build step stored in the open file, if any."""
    return con.execute("SELECT input_key, reads FROM step_keys WHERE step = ?", [step]).fetchone()


def step_key(previous: Path, step: str) -> tuple[str, str] | None:
    """The input key and reads the database at `previous` stored for a build step (its
    step_keys row) without the step's rows; None when there is no such file or row, or the
    file is of another schema version."""
    try:
        with _previous_read(previous) as con:
            if con is None:
                return None
            found = _step_key_row(con, step)
    except duckdb.Error:  # a damaged file, or one without the table: run the step
        return None
    return (str(found[0]), str(found[1])) if found else None


def carry_charts_whole(
    db_path: Path, previous: Path, step_rows: Sequence[tuple[str, str, str]]
) -> int:
    """Copy into the new file at db_path every chart of the file at `previous`, as it stored
    them: chart_parts, chart_keys and trends_sections, in their order, and add the charts
    step's `step_rows` to step_keys (what says the charts are unchanged: etl.chart_rows).
    Returns how many chart_parts rows were copied."""
    con = open_new(db_path)
    try:
        copied, _ = copy_charts_whole(con, previous, step_rows)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return copied


#: The images of the file attached as `previous` whose chart is unchanged in the new file.
CHART_IMAGES_CARRIED = """
    INSERT INTO chart_images
    SELECT i.* FROM previous.chart_images i
    JOIN previous.chart_parts o USING (chart_id, lang)
    JOIN main.chart_parts n USING (chart_id, lang)
    WHERE o.title = n.title AND o.takeaway = n.takeaway AND o.figure = n.figure
      AND o.sources = n.sources
    """


def copy_charts_whole(
    con: duckdb.DuckDBPyConnection,
    previous: Path,
    step_rows: Sequence[tuple[str, str, str]],
    images: bool = False,
    in_place: bool = False,
) -> tuple[int, int]:
    """carry_charts_whole on the new file open on `con` (a Save does it inside its one
    transaction: etl.store.write_database), and with `images` every static image of the file
    at `previous` too, as carry_chart_images copies those of unchanged charts (here, every
    chart). With `in_place`, the new file is a copy of `previous` whose chart tables are
    there already: only their step key is copied. Returns how many chart_parts rows and
    images were copied."""
    with _attached(con, previous) as same_schema:
        if not same_schema:
            raise ValueError(f"{previous} is of another schema: its charts are not carried")
        copied = 0
        for table in () if in_place else (CHART_PARTS, CHART_KEYS, TRENDS_SECTIONS):
            # Identifiers come from data_model.tables, never from input.
            names = ", ".join(f'"{c}"' for c in table.column_names)
            row = con.execute(
                f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM previous."{table.name}"'
            ).fetchall()
            if table is CHART_PARTS:
                copied = int(row[0][0]) if row else 0
        if in_place:
            row = con.execute("SELECT count(*) FROM chart_parts").fetchall()
            copied = int(row[0][0]) if row else 0
        for row in step_rows:
            con.execute("INSERT INTO step_keys VALUES (?, ?, ?)", list(row))
        kept = 0
        if images and in_place:
            # The images of the copy's charts, every one unchanged: CHART_IMAGES_CARRIED
            # keeps those of a chart in chart_parts, so the rest go.
            con.execute(
                "DELETE FROM chart_images WHERE (chart_id, lang) NOT IN "
                "(SELECT chart_id, lang FROM chart_parts)"
            )
        elif images:
            con.execute(CHART_IMAGES_CARRIED)
            row = con.execute("SELECT count(*) FROM chart_images").fetchall()
            kept = int(row[0][0]) if row else 0
    return copied, kept


def earlier_inputs(
    previous: Path, unread: Callable[[str, str], bool] | None = None
) -> dict[str, tuple[str, str, bytes | None]]:
    """What the database at `previous` was built from, by path: (kind, sha256, document),
    the document as stored: packed (etl.document_forms.unpacked reads it).
    Empty when there is no such file, or it is of another schema version or unreadable: a
    build then reads everything afresh. `unread(path, sha256)`: whether that file's document
    is not wanted (its models are kept: etl.inputs.KEPT); its document is then None, and
    not read (at 1000x the seeds, every file's JSON text is tens of megabytes)."""
    try:
        with _previous_read(previous) as con:
            if con is None:
                return {}
            if unread is None:
                rows = con.execute(
                    "SELECT path, kind, sha256, document FROM build_inputs"
                ).fetchall()
                return {path: (kind, sha, document) for path, kind, sha, document in rows}
            found = {
                path: (kind, sha, None)
                for path, kind, sha in con.execute(
                    "SELECT path, kind, sha256 FROM build_inputs"
                ).fetchall()
            }
            # Only curated files have a document (an article's or the code's row has none).
            wanted = [
                p
                for p, (kind, sha, _) in found.items()
                if kind not in ("article", "code") and not unread(p, sha)
            ]
            if wanted:
                # The paths a semi-join's small side, in one statement (carry_inputs).
                con.register("wanted_paths", pd.DataFrame({"path": wanted}, dtype=object))
                try:
                    for path, document in con.execute(
                        "SELECT path, document FROM build_inputs "
                        "WHERE path IN (SELECT path FROM wanted_paths)"
                    ).fetchall():
                        kind, sha, _ = found[path]
                        found[path] = (kind, sha, document)
                finally:
                    con.unregister("wanted_paths")
            return found
    except duckdb.Error:  # a damaged file, or one without the table: read everything
        return {}


def earlier_table_runs(
    previous: Path,
) -> tuple[
    dict[tuple[str, int, str], tuple[int, int, str]], dict[str, tuple[str | None, str | None]]
]:
    """The runs of rows the database at `previous` stored (table_runs), by (table, part,
    file): (first row, rows, digest); and the article file's SHA-256 and the title of each
    source it held. Both empty when there is no such file, or it is of another schema
    version or unreadable."""
    try:
        with _previous_read(previous) as con:
            if con is None:
                return {}, {}
            runs = con.execute(
                "SELECT table_name, part, file, first_row, row_count, digest FROM table_runs"
            ).fetchall()
            sources = con.execute("SELECT source_id, raw_sha256, title FROM sources").fetchall()
    except duckdb.Error:  # a damaged file: nothing is carried
        return {}, {}
    return (
        {(t, int(part), f): (int(at), int(n), str(d)) for t, part, f, at, n, d in runs},
        {sid: (sha, title) for sid, sha, title in sources},
    )


@contextlib.contextmanager
def previous_attached(con: duckdb.DuckDBPyConnection, previous: Path | None) -> Iterator[None]:
    """The file at `previous` attached read-only to the open new database for the block, as
    insert_runs copies from it (nothing is attached when it is None)."""
    if previous is None:
        yield
        return
    # No schema check (_attached's): the new file's build_info is not written yet, and a
    # failed statement would end a Save's transaction; insert_runs' callers copy runs only
    # from a file whose table_runs this code read (etl.carry).
    con.execute("ATTACH ? AS previous (READ_ONLY)", [str(previous)])
    with _then(con, "DETACH previous"):
        yield


#: At most this many pieces (a made run, or copied runs that follow one another in the
#: previous file) are written one statement each, in order (insert_runs); more (a change that
#: makes runs all through a table) go in one statement, joined to their plan and sorted.
PIECES_APART = 64


def _pieces(runs: list[tuple[bool, int, int]]) -> list[tuple[bool, int, int]]:
    """The runs as pieces: each made run alone, copied runs merged where each starts where
    the last ended in the previous file (an article added: its run, then every row that was
    there, in order, as one piece)."""
    out: list[tuple[bool, int, int]] = []
    for copied, first, count in runs:
        if out and copied and out[-1][0] and out[-1][1] + out[-1][2] == first:
            out[-1] = (True, out[-1][1], out[-1][2] + count)
        elif count:
            out.append((copied, first, count))
    return out


def insert_runs(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    frame: pd.DataFrame,
    runs: list[tuple[bool, int, int]],
) -> None:
    """Fill the table, in order, from `runs` of rows: (copied, first row, rows). A copied
    run's rows are those of the file attached as `previous` (previous_attached) from its
    first row; a made run's are the frame's from its first row. Raises if the rows found are
    not as many as the runs say (the build lock keeps `previous` as the build read it, so
    that is a bug, never guessed around)."""
    if not any(copied for copied, _, _ in runs):
        insert(con, table, frame)
        return
    names = ", ".join(f'"{c}"' for c in table.column_names)
    want = sum(count for _, _, count in runs)
    pieces = _pieces(runs)
    # Identifiers come from data_model.tables, never from input.
    # On `con` itself, not a cursor: a cursor is another connection, which cannot see the
    # tables a Save's one transaction (etl.store.write_database) has not yet committed.
    if len(pieces) <= PIECES_APART:
        # Piece by piece, in order: no join, no sort. An article added before the others
        # (its run, then the previous table's rows as one range) at 1000x the seeds: the
        # statements' write 0.85-0.99 -> 0.25-0.28 s CPU, replayed alone (issue 27, stop 50).
        got = 0
        for copied, first, count in pieces:
            if copied:
                row = con.execute(
                    f'INSERT INTO "{table.name}" ({names}) SELECT {names} '
                    f'FROM previous."{table.name}" WHERE rowid >= ? AND rowid < ? ORDER BY rowid',
                    [first, first + count],
                ).fetchone()
                got += int(row[0]) if row else 0
            else:
                made = frame.iloc[first : first + count]
                insert(con, table, made)
                got += len(made)
        row = (got,)
    else:
        # Each made row with its place among them: not its rowid, which inside a Save's
        # transaction (rows not yet committed) does not count from 0.
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE made_rows AS SELECT 0 AS made_at_, {names} "
            f'FROM main."{table.name}" LIMIT 0'
        )
        for start in range(0, len(frame), 5000):
            part = frame.iloc[start : start + 5000]
            con.register("incoming", part.assign(made_at_=range(start, start + len(part))))
            con.execute(
                f"INSERT INTO made_rows (made_at_, {names}) SELECT made_at_, {names} FROM incoming"
            )
            con.unregister("incoming")
        plan = pd.DataFrame(
            [(n, c, first, first + count) for n, (c, first, count) in enumerate(runs)],
            columns=["ord", "copied", "first", "last"],
        )
        con.register("runs_plan", plan)
        old = ", ".join(f'p."{c}"' for c in table.column_names)
        new = ", ".join(f'm."{c}"' for c in table.column_names)
        row = con.execute(
            f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM ('
            f'SELECT r.ord AS run_ord_, p.rowid AS run_row_, {old} FROM previous."{table.name}" p '
            "JOIN runs_plan r ON r.copied AND p.rowid >= r.first AND p.rowid < r.last "
            f"UNION ALL SELECT r.ord, m.made_at_, {new} FROM made_rows m "
            "JOIN runs_plan r ON NOT r.copied AND m.made_at_ >= r.first AND m.made_at_ < r.last"
            ") ORDER BY run_ord_, run_row_"
        ).fetchone()
        con.unregister("runs_plan")
        con.execute("DROP TABLE made_rows")
    if not row or int(row[0]) != want:
        raise RuntimeError(
            f"table {table.name}: {row[0] if row else 0} rows from the runs, not {want}"
        )


def update_runs(
    con: duckdb.DuckDBPyConnection,
    table: Table,
    frame: pd.DataFrame,
    made: list[tuple[int, int, int]],
) -> bool:
    """In a Save's copy of the previous file, put the frame's rows where the runs they were
    made again hold theirs: `made`, each run's (first row in the frame, first row in the
    table, rows; etl.carry.Runs.updated). Each row keeps its place and key, only its other
    fields are set (DuckDB updates those where they are; a key set would move the row), so
    the table's rows are a full build's, in order, and the rest of the table is not written
    again. False, nothing changed, when a row made does not have the key of the row in its
    place (the caller then writes the table anew: insert_runs)."""
    names = ", ".join(f'"{c}"' for c in table.column_names)
    # Identifiers come from data_model.tables, never from input.
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE made_rows AS SELECT 0 AS row_at_, {names} "
        f'FROM main."{table.name}" LIMIT 0'
    )
    try:
        for start, at, count in made:
            part = frame.iloc[start : start + count]
            con.register("incoming", part.assign(row_at_=range(at, at + count)))
            con.execute(
                f"INSERT INTO made_rows (row_at_, {names}) SELECT row_at_, {names} FROM incoming"
            )
            con.unregister("incoming")
        keys = table.primary_key or table.column_names
        same = " AND ".join(f't."{k}" IS NOT DISTINCT FROM m."{k}"' for k in keys)
        row = con.execute(
            f'SELECT count(*) FROM main."{table.name}" t JOIN made_rows m '
            f"ON t.rowid = m.row_at_ AND {same}"
        ).fetchone()
        if not row or int(row[0]) != len(frame):
            return False
        rest = [c for c in table.column_names if c not in keys]
        if rest:
            sets = ", ".join(f'"{c}" = m."{c}"' for c in rest)
            con.execute(
                f'UPDATE main."{table.name}" AS t SET {sets} FROM made_rows m '
                "WHERE t.rowid = m.row_at_"
            )
        return True
    finally:
        con.execute("DROP TABLE made_rows")


def earlier_step(previous: Path, step: str) -> tuple[str, str, list[dict]] | None:
    """The input key and reads the database at `previous` stored for a build step (its
    step_keys row) and the rows of the table the step fills, as dicts in their order; None
    when there is no such file, row or table, or the file is of another schema version."""
    if step not in TABLES_BY_NAME:
        return None
    try:
        with _previous_read(previous) as con:
            if con is None:
                return None
            found = _step_key_row(con, step)
            if found is None:
                return None
            # The identifier is a table of data_model.tables (checked above), never input;
            # rows come back in the order they were inserted (DuckDB keeps insertion order).
            cur = con.execute(f'SELECT * FROM "{step}"')
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    except duckdb.Error:  # a damaged file, or one without the table: run the step
        return None
    return found[0], found[1], rows


#: A body's sentences that need coding as coverage_needs holds them: (start, end, text or
#: None for the body's slice, reason).
Needed = list[tuple[int, int, str | None, str]]


class EarlierNeeds:
    """The sentences needing coding the database at `path` holds, by the SHA-256 of the
    clean body: which bodies it holds (`held`: those with one at least), and their rows
    read only when asked (`rows`). A Save accounts again only the articles whose body or
    spans changed, and the rows of every other body stay where they are (NeedsKept) or are
    copied in SQL (carry_needs): read whole into Python, then handed back as frames, the
    100,000 rows at 1000x the seeds cost every Save about 0.5 s of CPU (issue 27, stop 49).
    `read` gathers the held bodies a build read (etl.build._accounts): their rows the new
    file keeps."""

    def __init__(self, path: Path | None = None, held: Iterable[str] = ()) -> None:
        self.path = path
        self.held = frozenset(held)
        self.read: set[str] = set()

    def rows(self, shas: Iterable[str]) -> dict[str, Needed]:
        """The held rows of the bodies `shas`, each body's in the order stored."""
        wanted = sorted(self.held.intersection(shas))
        if not wanted or self.path is None:
            return {}
        con = duckdb.connect(str(self.path), read_only=True)
        try:
            con.register("wanted_bodies", pd.DataFrame({"sha": wanted}, dtype=object))
            found = con.execute(
                "SELECT body_sha256, sentence_start, sentence_end, sentence, reason "
                "FROM coverage_needs WHERE body_sha256 IN (SELECT sha FROM wanted_bodies) "
                "ORDER BY rowid"
            ).fetchall()
        finally:
            con.close()
        out: dict[str, Needed] = {}
        for sha, start, end, text, reason in found:
            out.setdefault(sha, []).append((start, end, text, reason))
        return out


#: The tables of which each row holds one quote's place (quote_start, quote_end), in the
#: order its records were given (etl.transform), each curated file's rows one run
#: (table_runs): a record of a file unchanged since is found by its place in its run.
PLACED_TABLES = (
    "indicators",
    "statements",
    "events",
    "not_coded",
    "policies",
    "policy_citations",
    "policy_positions",
)

#: Each PLACED_TABLES table's quote places, row by row (earlier_found): the starts, then the
#: ends, -1 where the row's quote was not placed.
Places = dict[str, tuple["array[int]", "array[int]"]]

#: What a build found in its articles (earlier_found): clean bodies by (SHA-256 of the file,
#: title); the quote places of its rows (Places; earlier_quote_places: by SHA-256, title and
#: quote); the sentences that need coding (EarlierNeeds); each article's coverage account by
#: its source_id, (its key, sentences, covered, excused).
Found = tuple[
    dict[tuple[str, str | None], str],
    Places,
    EarlierNeeds,
    dict[str, tuple[str, int, int, int]],
]


def earlier_found(previous: Path) -> Found:
    """What the database at `previous` found in its articles (Found). Empty when there is no
    such file or it is of another schema version."""
    if not previous.exists():
        return {}, {}, EarlierNeeds(), {}
    try:
        con = duckdb.connect(str(previous), read_only=True)
    except duckdb.Error:
        return {}, {}, EarlierNeeds(), {}
    try:
        if _schema_version(con, "main") != SCHEMA_VERSION:
            return {}, {}, EarlierNeeds(), {}
        bodies = con.execute(
            "SELECT raw_sha256, title, body FROM sources WHERE body IS NOT NULL"
        ).fetchall()
        # Two integer columns a table, not each quote's text joined to its article's hash and
        # title into a dict (every quote of the corpus, 0.53 s of CPU at 1000x the seeds
        # against 0.10): a record is found by its row (etl.validate), not by its words.
        places: Places = {}
        for name in PLACED_TABLES:  # identifiers from the tuple above, never from input
            cols = con.execute(
                f'SELECT coalesce(quote_start, -1) AS s, coalesce(quote_end, -1) AS e FROM "{name}" '
                "ORDER BY rowid"
            ).fetchnumpy()
            places[name] = (_ints(cols["s"]), _ints(cols["e"]))
        held = con.execute("SELECT DISTINCT body_sha256 FROM coverage_needs").fetchall()
        accounts = con.execute(
            "SELECT source_id, account_sha256, sentences, covered, excused FROM coverage_accounts"
        ).fetchall()
    except duckdb.Error:  # a damaged file, or one without the tables: find them again
        return {}, {}, EarlierNeeds(), {}
    finally:
        con.close()
    return (
        {(sha, title): body for sha, title, body in bodies},
        places,
        EarlierNeeds(previous, (sha for (sha,) in held)),
        {sid: (key, n, covered, excused) for sid, key, n, covered, excused in accounts},
    )


def _ints(column: Any) -> array[int]:
    """A fetched integer column as Python's compact array (8 bytes a value, read as ints)."""
    out: array[int] = array("q")
    out.frombytes(column.astype("int64").tobytes())
    return out


def earlier_quote_places(
    previous: Path, sources: Collection[str]
) -> dict[tuple[str, str | None, str], tuple[int, int]]:
    """The places the database at `previous` found of the quotes of `sources` (its source
    ids), by (SHA-256 of the article file, title, quote): a function of those alone, so a
    record quoting the same words of the same article is placed as it was. Empty when the
    file cannot be read as this schema."""
    if not sources:
        return {}
    try:
        with _previous_read(previous) as con:
            if con is None:
                return {}
            con.register("wanted_sources", pd.DataFrame({"source_id": sorted(sources)}))
            spans = con.execute(
                """
                SELECT s.raw_sha256, s.title, q.quote, q.quote_start, q.quote_end
                FROM (SELECT source_id, quote, quote_start, quote_end FROM citations
                      UNION ALL SELECT source_id, quote, quote_start, quote_end FROM not_coded) q
                JOIN sources s USING (source_id)
                WHERE q.quote_start IS NOT NULL AND s.raw_sha256 IS NOT NULL
                  AND q.source_id IN (SELECT source_id FROM wanted_sources)
                """
            ).fetchall()
    except duckdb.Error:  # a damaged file: the quotes are found again
        return {}
    return {(sha, title, quote): (start, end) for sha, title, quote, start, end in spans}


@contextlib.contextmanager
def _attached(con: duckdb.DuckDBPyConnection, previous: Path) -> Iterator[bool]:
    """The file at `previous` attached read-only to `con` as `previous` for the block, and
    whether it is of this schema version (rows are carried only between files of one)."""
    con.execute("ATTACH ? AS previous (READ_ONLY)", [str(previous)])
    with _then(con, "DETACH previous"):
        yield _schema_version(con, "previous") == _schema_version(con, "main")


@contextlib.contextmanager
def _previous_attached(
    db_path: Path, previous: Path
) -> Iterator[tuple[duckdb.DuckDBPyConnection, bool]]:
    """A writer on the new file at db_path with the file being replaced attached (_attached);
    checkpointed and closed afterwards."""
    con = open_new(db_path)
    try:
        with _attached(con, previous) as same_schema:
            yield con, same_schema
        con.execute("CHECKPOINT")
    finally:
        con.close()


def carry_inputs(con: duckdb.DuckDBPyConnection, previous: Path, paths: list[str]) -> None:
    """Copy into the open new database the build_inputs rows of the file at `previous` for
    `paths` (curated files unchanged since it, so their rows are too): their parsed text
    goes from file to file without passing through Python again. One statement, the paths
    a semi-join's small side: in batches, each batch read every text of the previous file
    again (7.8 s of CPU at 1000x the seeds, 0.8 s in one). Raises if one is missing (the
    build lock keeps `previous` as the build read it, so that is a bug, never guessed
    around)."""
    if not paths:
        return
    # On con itself, as insert_runs copies: one connection for the whole write.
    paths_frame = pd.DataFrame({"path": paths})
    with _attached(con, previous), _registered(con, "carried_paths", paths_frame):
        row = con.execute(
            "INSERT INTO build_inputs SELECT * FROM previous.build_inputs "
            "WHERE path IN (SELECT path FROM carried_paths)"
        ).fetchall()
    found = int(row[0][0]) if row else 0
    if found != len(paths):
        raise RuntimeError(
            f"{previous}: {len(paths)} unchanged inputs to carry over, {found} found"
        )


def carry_needs(con: duckdb.DuckDBPyConnection, previous: Path, shas: list[str]) -> None:
    """Copy into the open new database (not a Save's copy: NeedsKept keeps those) the
    coverage_needs rows of the file at `previous` of the bodies `shas`, whose rows a build
    by the same code makes as that file holds them (EarlierNeeds): from file to file in SQL,
    not through Python. Raises if a body has none there (the build lock keeps `previous` as
    the build read it, so that is a bug, never guessed around)."""
    if not shas:
        return
    with _attached(con, previous), _registered(con, "carried_bodies", pd.DataFrame({"sha": shas})):
        con.execute(
            "INSERT INTO coverage_needs SELECT * FROM previous.coverage_needs "
            "WHERE body_sha256 IN (SELECT sha FROM carried_bodies)"
        )
        row = con.execute(
            "SELECT count(DISTINCT body_sha256) FROM coverage_needs "
            "WHERE body_sha256 IN (SELECT sha FROM carried_bodies)"
        ).fetchall()
    found = int(row[0][0]) if row else 0
    if found != len(shas):
        raise RuntimeError(f"{previous}: {len(shas)} bodies' sentences to carry, {found} found")


def keep_inputs(con: duckdb.DuckDBPyConnection, paths: list[str]) -> None:
    """carry_inputs on a Save's copy of the previous file (etl.store): its build_inputs rows
    of `paths` are kept where they are, every other row deleted (the build inserts those
    read afresh). Raises if one is missing, as carry_inputs does."""
    con.register("carried_paths", pd.DataFrame({"path": paths}, dtype=object))
    try:
        con.execute("DELETE FROM build_inputs WHERE path NOT IN (SELECT path FROM carried_paths)")
        row = con.execute("SELECT count(*) FROM build_inputs").fetchall()
    finally:
        con.unregister("carried_paths")
    found = int(row[0][0]) if row else 0
    if found != len(paths):
        raise RuntimeError(f"{len(paths)} unchanged inputs to keep, {found} found in the copy")


class NeedsKept:
    """The coverage_needs rows of a Save's copy of the previous file made those of the bodies
    this build reads, from the pieces the build hands over (etl.build.NEEDS_AT_ONCE rows
    each, `add`, as each is read) and the bodies it read whose rows the previous file holds
    (`carried`: the build hands over no rows of those, EarlierNeeds): the copy's rows of a
    body still read stay (a body the previous file held has its sentences taken from it:
    etl.build.article_coverage, so the same rows), only the rows of a body the copy does not
    hold are inserted, and those of a body gone are deleted once every piece is in
    (`finish`): not before, as a piece holds some bodies only."""

    def __init__(self, con: duckdb.DuckDBPyConnection, carried: Iterable[str] = ()) -> None:
        self.con = con
        self.held = {sha for (sha,) in con.execute(
            "SELECT DISTINCT body_sha256 FROM coverage_needs").fetchall()}  # fmt: skip
        self.read: set[str] = set(carried)

    def add(self, frame: pd.DataFrame) -> None:
        shas = frame["body_sha256"]
        self.read.update(shas.unique())
        insert(self.con, COVERAGE_NEEDS, frame[~shas.isin(self.held)])

    def finish(self) -> None:
        gone = self.held - self.read
        if not gone:  # a body no longer read: in a Save, rarely (an article changed)
            return
        self.con.register("gone_bodies", pd.DataFrame({"sha": sorted(gone)}, dtype=object))
        try:
            self.con.execute(
                "DELETE FROM coverage_needs WHERE body_sha256 IN (SELECT sha FROM gone_bodies)"
            )
        finally:
            self.con.unregister("gone_bodies")


def keep_coverage_needs(
    con: duckdb.DuckDBPyConnection, frames: Iterable[pd.DataFrame], carried: Iterable[str] = ()
) -> None:
    """NeedsKept over every piece of `frames` (and the bodies `carried`)."""
    needs = NeedsKept(con, carried)
    for frame in frames:
        needs.add(frame)
    needs.finish()


def carry_chart_images(db_path: Path, previous: Path) -> int:
    """Copy into the new file at db_path the images of the file at `previous` whose chart is
    unchanged (same title, takeaway, figure and sources, so the same drawing): a build that
    leaves the drawing to a later pass still shows every unchanged chart as an image at
    once. Returns how many were copied (none from a file of another schema version)."""
    if not previous.exists():
        return 0
    with _previous_attached(db_path, previous) as (con, same_schema):
        if not same_schema:
            return 0
        # A Save's copy whose charts all stayed where they were (store_rows) holds their
        # images already: nothing to copy.
        row = con.execute("SELECT count(*) FROM chart_images").fetchone()
        if row and int(row[0]):
            return int(row[0])
        con.execute(CHART_IMAGES_CARRIED)
        row = con.execute("SELECT count(*) FROM chart_images").fetchone()
    return int(row[0]) if row else 0


def _copy_chart_parts(
    con: duckdb.DuckDBPyConnection, previous: Path, ordinals: pd.DataFrame
) -> int:
    """Copy into the new file open on `con` the chart_parts rows of the file at `previous`
    of the charts `ordinals` names (chart_id, ordinal), each at its place in the new
    catalogue, every column as it is but the ordinal; return how many were copied."""
    columns = CHART_PARTS.column_names
    # Identifiers come from data_model.tables, never from input.
    names = ", ".join(f'"{c}"' for c in columns)
    picked = ", ".join("c.ordinal" if c == "ordinal" else f'p."{c}"' for c in columns)
    with _attached(con, previous) as same_schema:
        if not same_schema:
            raise ValueError(f"{previous} is of another schema: its charts are not carried")
        con.register("carried", ordinals[["chart_id", "ordinal"]])
        row = con.execute(
            f"INSERT INTO chart_parts ({names}) SELECT {picked} "
            "FROM previous.chart_parts p JOIN carried c USING (chart_id)"
        ).fetchall()
        con.unregister("carried")
    return int(row[0][0]) if row else 0


#: The tables of the charts step, which a Save's copy of the previous file keeps as they are
#: until that step has seen whether any chart changed (etl.store.write_database).
CHART_TABLES = (CHART_PARTS, CHART_KEYS, TRENDS_SECTIONS, CHART_IMAGES)


def _charts_in_copy(
    con: duckdb.DuckDBPyConnection, every: pd.DataFrame | None, languages: int
) -> bool | None:
    """The new file open on `con` is a Save's copy of the previous one with its chart tables
    as they were when its chart_parts has rows (a file the build made empty has none): None
    when it has none. Else whether those rows are exactly the charts `every` names (chart_id,
    ordinal: every chart of the new file, none made afresh, so each copied as it is) at the
    same places, each in `languages` rows: then they, and their images, stay (True). If not
    (a chart made, moved or gone), the chart tables are made empty for the step (False)."""
    found = con.execute(
        "SELECT chart_id, ordinal, count(*) FROM chart_parts GROUP BY chart_id, ordinal"
    ).fetchall()
    if not found:
        return None
    same = every is not None and sorted((c, int(o), int(n)) for c, o, n in found) == sorted(
        (str(c), int(o), languages) for c, o in every[["chart_id", "ordinal"]].itertuples(False)
    )
    # Identifiers come from data_model.tables, never from input.
    for table in (CHART_KEYS, TRENDS_SECTIONS) if same else CHART_TABLES:
        create(con, table, replace=True)
    return same


def store_rows(
    db_path: Path,
    made: Iterable[tuple[Table, pd.DataFrame]],
    carried: tuple[Path, pd.DataFrame] | None = None,
    rest: Iterable[tuple[Table, pd.DataFrame]] = (),
    languages: int = 0,
) -> int:
    """Through one connection to the new file at db_path, checkpointed once: append the rows
    of each (table, frame) `made` yields, then copy the chart_parts rows `carried` names
    (the file being replaced and the ordinals: _copy_chart_parts), then append `rest`'s.
    A connection and checkpoint each had cost a Save about 15 ms apiece. Returns how many
    chart_parts rows were copied.

    In a Save's copy of the previous file that kept its chart tables (_charts_in_copy), when
    no chart is made and each is copied at its place (`carried`'s ordinals, in `languages`
    rows each), its rows and images stay where they are and only `rest` is written: at 1000x
    the seeds, copying every chart's figure again was a tenth of a Save's CPU."""
    con = open_new(db_path)
    try:
        only_carried = carried[1] if carried is not None and languages else None
        if _charts_in_copy(con, only_carried, languages):
            for table, frame in rest:
                insert(con, table, frame)
            con.execute("CHECKPOINT")
            row = con.execute("SELECT count(*) FROM chart_parts").fetchone()
            return int(row[0]) if row else 0
        for table, frame in made:
            insert(con, table, frame)
        copied = 0
        if carried is not None and not carried[1].empty:
            copied = _copy_chart_parts(con, *carried)
        for table, frame in rest:
            insert(con, table, frame)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return copied


def clear_rows(db_path: Path, table: Table) -> None:
    """Empty one table of a database file not yet swapped in (a later pass refills it)."""
    con = open_new(db_path)
    try:
        # The identifier comes from data_model.tables, never from input.
        con.execute(f'DELETE FROM "{table.name}"')
        con.execute("CHECKPOINT")
    finally:
        con.close()
