"""A full build's writer holds DuckDB to a lower memory cap only while it derives its tables and writes the files' texts, and has the build's cap again after, even when that step fails; it starts the derive with none of the rows written held; a table of whole texts goes in fewer rows a statement (issue 27)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from database import write

ROOT = Path(__file__).resolve().parent.parent


def _cap(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def _cap_of(limit: str) -> str:
    """The cap a connection opened with `limit` reports (compared as DuckDB prints it)."""
    with duckdb.connect(":memory:", config={"memory_limit": limit}) as con:
        return _cap(con)


@pytest.mark.parametrize("fails", [False, True], ids=["the step ends", "the step fails"])
def test_the_derive_cap_holds_inside_and_the_build_cap_returns(tmp_path: Path, fails: bool) -> None:
    con = write.open_new(tmp_path / "new.duckdb")
    try:
        build_cap = _cap(con)
        assert build_cap == _cap_of(write.BUILD_MEMORY_LIMIT)
        assert _cap_of(write.DERIVE_MEMORY_LIMIT) != build_cap  # lower, or the test says nothing
        failure = pytest.raises(RuntimeError) if fails else contextlib.nullcontext()
        with failure, write.derive_capped(con):
            assert _cap(con) == _cap_of(write.DERIVE_MEMORY_LIMIT)
            if fails:
                raise RuntimeError("a derived table failed")
        assert _cap(con) == build_cap
    finally:
        con.close()


class _Counted:
    """A writer's connection that counts the frames registered (one per INSERT statement)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.registered = con, 0

    def register(self, name: str, frame: object) -> None:
        self.registered += 1
        self.con.register(name, frame)

    def __getattr__(self, name: str) -> object:
        return getattr(self.con, name)


@pytest.mark.parametrize(
    ("table_name", "rows", "statements"),
    [("sources", 1_200, 3), ("sources", 500, 1), ("units", 1_200, 1)],
    ids=["whole texts, 500 a statement", "one batch of texts", "short rows, one statement"],
)
def test_a_table_of_whole_texts_goes_in_fewer_rows_at_a_time(
    tmp_path: Path, table_name: str, rows: int, statements: int
) -> None:
    from data_model.tables import TABLES_BY_NAME

    table = TABLES_BY_NAME[table_name]
    con = write.open_new(tmp_path / "new.duckdb")
    try:
        write.create(con, table)
        key = table.primary_key[0]
        frame = pd.DataFrame({c: [None] * rows for c in table.column_names}, dtype=object)
        frame[key] = [f"r{i:05d}" for i in range(rows)]
        counted = _Counted(con)
        write.insert(counted, table, frame)  # type: ignore[arg-type]
        assert counted.registered == statements
        got = [
            r[0]
            for r in con.execute(f'SELECT "{key}" FROM "{table_name}" ORDER BY rowid').fetchall()
        ]
        assert got == list(frame[key])  # every row, in order
    finally:
        con.close()


_ALLOCATOR = """
import os, sys
import etl.__main__
print("duckdb" in sys.modules, os.environ.get("DUCKDB_JE_MALLOC_CONF"))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DuckDB links jemalloc on Linux")
@pytest.mark.parametrize(
    ("given", "wanted"),
    [
        (None, "dirty_decay_ms:0,muzzy_decay_ms:0"),
        ("dirty_decay_ms:5000", "dirty_decay_ms:5000"),
    ],
    ids=["the build's own", "the caller's kept"],
)
def test_the_build_hands_duckdbs_freed_pages_back(given: str | None, wanted: str) -> None:
    """The command line sets DuckDB's allocator to give freed pages back at once, before
    anything loads DuckDB (it reads the setting once): a 1000x build's charts otherwise kept
    each read's pages through the next (stop 47)."""
    env = {k: v for k, v in os.environ.items() if k != "DUCKDB_JE_MALLOC_CONF"}
    if given is not None:
        env["DUCKDB_JE_MALLOC_CONF"] = given
    out = subprocess.run(
        [sys.executable, "-c", _ALLOCATOR],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["False", wanted]


def test_a_full_build_derives_its_tables_with_duckdb_holding_none_of_the_rows_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer that made the data tables is checkpointed and opened again before the
    derived tables are made: DuckDB then holds none of the written rows' blocks or indexes
    (at 1000x the seeds, what write_derived started from, issue 27, stop 48)."""
    from data_model.tables import TABLES
    from etl.store import write_database

    held: list[int] = []
    derive = write.write_derived

    def watched(con: duckdb.DuckDBPyConnection, *args: object, **kwargs: object) -> list[str]:
        row = con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
        held.append(int(row[0]) if row and row[0] is not None else 0)
        return derive(con, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "write_derived", watched)
    frames = {t.name: pd.DataFrame({c: [] for c in t.column_names}, dtype=object) for t in TABLES}
    rows = 50_000  # ~10 MB of rows and their key's index
    frames["build_info"] = pd.DataFrame(
        {
            "key": [f"k{i:06d}" for i in range(rows)],
            "value": [f"v{i:06d}" * 20 for i in range(rows)],
        }
    )
    write_database(frames, tmp_path / "built.duckdb")
    assert len(held) == 1
    assert held[0] < 2**20, f"DuckDB held {held[0] / 2**20:.1f} MB as the derive began"
    with duckdb.connect(str(tmp_path / "built.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM build_info").fetchone() == (rows,)
