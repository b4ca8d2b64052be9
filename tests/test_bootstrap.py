"""The app's first step: a database that is missing, or was built with another schema version
than the pages read, is built from seeds/ before any page runs; a current one is left alone."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from data_model.tables import SCHEMA_VERSION
from monitor import bootstrap

ROOT = Path(__file__).resolve().parent.parent


def _of_another_schema(seed_db: Path, target: Path) -> Path:
    """A copy of the seed database that says it was built with another schema version."""
    shutil.copy(seed_db, target)
    with duckdb.connect(str(target)) as con:
        con.execute("UPDATE build_info SET value = '0-older' WHERE key = 'schema_version'")
    return target


def _copy_command(source: Path, target: Path) -> list[str]:
    """A stand-in for the launcher's build: a process that writes a finished database."""
    return [
        sys.executable,
        "-c",
        "import shutil, sys; shutil.copy(*sys.argv[1:])",
        str(source),
        str(target),
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import sys; sys.exit('curated/sources.yaml: record 3: field url: missing')", "record 3"),
        ("pass", "The build failed."),  # exits 0 but writes no file
    ],
    ids=["reports-the-build-error", "no-file-written"],
)
def test_a_failed_build_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, expected: str
):
    monkeypatch.setattr(bootstrap, "build_command", lambda path: [sys.executable, "-c", code])
    problem = bootstrap.ensure_database(tmp_path / "monitor.duckdb")
    assert problem is not None and expected in problem


def test_a_current_database_is_left_alone(seed_db: Path, tmp_path: Path):
    db = tmp_path / "monitor.duckdb"
    shutil.copy(seed_db, db)
    stamp = db.stat().st_mtime_ns
    assert bootstrap.schema_problem(db) is None
    assert not bootstrap.needs_build(db)
    assert bootstrap.ensure_database(db) is None
    assert db.stat().st_mtime_ns == stamp


def test_a_database_of_another_schema_version_says_which_and_needs_a_build(
    seed_db: Path, tmp_path: Path
):
    db = _of_another_schema(seed_db, tmp_path / "monitor.duckdb")
    problem = bootstrap.schema_problem(db)
    assert problem is not None and "0-older" in problem and SCHEMA_VERSION in problem
    assert bootstrap.needs_build(db)


def test_an_unreadable_file_needs_a_build(tmp_path: Path):
    db = tmp_path / "monitor.duckdb"
    db.write_bytes(b"not a database")
    assert bootstrap.needs_build(db)


@pytest.mark.parametrize(
    ("setting", "draws"), [(None, True), ("1", True), ("0", False)], ids=["unset", "1", "0"]
)
def test_the_launcher_builds_in_a_subprocess_and_draws_images_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str | None, draws: bool
):
    if setting is None:
        monkeypatch.delenv(bootstrap.BUILD_IMAGES_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(bootstrap.BUILD_IMAGES_VARIABLE, setting)
    command = bootstrap.build_command(tmp_path / "m.duckdb")
    assert command[:4] == [sys.executable, "-m", "etl", "build"]
    assert ("--no-images" not in command) == draws


def test_the_app_rebuilds_a_database_of_another_schema_and_shows_its_pages(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The build itself is tested once end to end (test_serve); here the launcher's command is
    a process that writes a copy of the current seed database."""
    db = _of_another_schema(seed_db, tmp_path / "monitor.duckdb")
    monkeypatch.setenv("MONITOR_DB", str(db))
    monkeypatch.setattr(bootstrap, "build_command", lambda path: _copy_command(seed_db, path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=bootstrap.BUILD_TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert bootstrap.schema_problem(db) is None
    at.switch_page("views/statements.py").run()
    assert not at.exception, [e.message for e in at.exception]
