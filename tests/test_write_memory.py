"""A full build's writer holds DuckDB to a lower memory cap only while it derives its tables and writes the files' texts, and has the build's cap again after, even when that step fails (issue 27)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb
import pytest

from database import write


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
