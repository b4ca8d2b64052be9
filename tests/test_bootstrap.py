"""The app's first step: a database that is missing, or was built by older code than the
pages read, is built from seeds/ before any page runs; a current one is left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from data_model.tables import TABLES
from monitor import bootstrap

ROOT = Path(__file__).resolve().parent.parent

#: A table and a column every build writes, dropped to stand for a file from older code.
OLD_TABLE = TABLES[-1].name
OLD_COLUMN = (TABLES[0].name, TABLES[0].column_names[-1])


def _older(seed_db: Path, target: Path) -> Path:
    shutil.copy(seed_db, target)
    with duckdb.connect(str(target)) as con:
        con.execute(f'DROP TABLE "{OLD_TABLE}"')
        con.execute(f'ALTER TABLE "{OLD_COLUMN[0]}" DROP COLUMN "{OLD_COLUMN[1]}"')
    return target


def test_a_current_database_is_left_alone(seed_db: Path, tmp_path: Path):
    db = tmp_path / "monitor.duckdb"
    shutil.copy(seed_db, db)
    stamp = db.stat().st_mtime_ns
    assert bootstrap.missing_columns(db) == []
    assert not bootstrap.needs_build(db)
    assert bootstrap.ensure_database(db) is None
    assert db.stat().st_mtime_ns == stamp


def test_a_database_from_older_code_names_what_it_lacks(seed_db: Path, tmp_path: Path):
    db = _older(seed_db, tmp_path / "monitor.duckdb")
    missing = bootstrap.missing_columns(db)
    assert OLD_TABLE in missing and ".".join(OLD_COLUMN) in missing
    assert bootstrap.needs_build(db)


def test_an_unreadable_file_needs_a_build(tmp_path: Path):
    db = tmp_path / "monitor.duckdb"
    db.write_bytes(b"not a database")
    assert bootstrap.needs_build(db)


def test_the_app_rebuilds_a_database_from_older_code_and_shows_its_pages(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db = _older(seed_db, tmp_path / "monitor.duckdb")
    monkeypatch.setenv("MONITOR_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=bootstrap.BUILD_TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert bootstrap.missing_columns(db) == []
    at.switch_page("views/statements.py").run()
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        ("DROP TABLE statement_search", ["statement_search"]),
        ("DROP TABLE indicator_rows", ["indicator_rows"]),
        (
            "ALTER TABLE statement_search DROP COLUMN source_title",
            ["statement_search.source_title"],
        ),
    ],
    ids=["no-search", "no-indicator-rows", "search-without-articles"],
)
def test_a_database_without_a_joined_table_needs_a_build(
    seed_db: Path, tmp_path: Path, change: str, missing: list[str]
):
    """The API reads statements and figures through the tables the build joins once: a file
    built before they existed (or held what they hold now) is rebuilt by the launcher before
    it serves."""
    db = tmp_path / "monitor.duckdb"
    shutil.copy(seed_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute(change)
    assert bootstrap.missing_columns(db) == missing
    assert bootstrap.needs_build(db)
