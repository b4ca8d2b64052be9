"""Make sure the database exists and has the tables this code reads before the app reads it,
building it from seeds/ if it is missing or was built by older code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from data_model.tables import INDICATOR_ROWS, STATEMENT_SEARCH, TABLES
from database import queries
from database.connection import Reader, database_path, file_stamp

ROOT = Path(__file__).resolve().parent.parent

#: A build of the seeds takes seconds; one that takes this long has hung.
BUILD_TIMEOUT = 600


#: Files already found to have every table and column, by path, with their file_stamp.
_CURRENT: dict[Path, str] = {}


def missing_columns(path: Path) -> list[str]:
    """The tables and columns this code reads that the file lacks ('units', 'indicators.currency'):
    a database built before the code was updated. An unreadable file lacks everything."""
    try:
        with Reader(path) as db:
            found = queries.table_columns(db)
    except duckdb.Error as exc:
        return [f"(unreadable: {exc})"]
    missing = []
    # The data tables, and the statement search and indicator rows tables the API's rows
    # read (the pages make them on the fly from an older file); the app's other tables
    # (stored charts, worded checks) are optional, read when there and made on the fly when not.
    for table in (*TABLES, STATEMENT_SEARCH, INDICATOR_ROWS):
        if table.name not in found:
            missing.append(table.name)
            continue
        missing += [f"{table.name}.{c}" for c in table.column_names if c not in found[table.name]]
    return missing


def needs_build(path: Path) -> bool:
    """Whether the database is missing or older than the code's tables (checked once per file
    version, so a page run pays a stat(), not a query)."""
    stamp = file_stamp(path)
    if not stamp:  # missing: the build says what is wrong if it cannot make one
        return True
    if _CURRENT.get(path) == stamp:
        return False
    if missing_columns(path):
        return True
    _CURRENT[path] = stamp
    return False


def ensure_database(path: Path) -> str | None:
    """Build the database if it is missing, or rebuild it if it lacks a table or column this
    code reads (built before an update; the build replaces the file whole, so a reader never
    sees half of one). Returns None when it is ready, else the problem
    report to show (the app then explains instead of failing with a traceback).

    The build runs as `python -m etl build`, in its own process, so the web server never
    starts the browser that draws the static charts and keeps none of the build's memory.
    """
    if not needs_build(path):
        return None
    try:
        done = subprocess.run(
            [sys.executable, "-m", "etl", "build", "--db", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"The build did not finish within {BUILD_TIMEOUT} s."
    if done.returncode != 0 or not path.exists():
        return done.stderr.strip() or done.stdout.strip() or "The build failed."
    if missing := missing_columns(path):
        return "The build finished, but the database lacks: " + ", ".join(missing)
    return None


def build_if_needed() -> None:
    """Build the database before serving when it is missing or outdated (serve.py's
    lifespan), so the API, the chart files and the feed never answer before it exists. A
    failed build is reported and the server starts anyway: the app then shows readers what
    is wrong with the curated data."""
    path = database_path()
    if not needs_build(path):
        return
    print(f"Building {path} from seeds/ (the first start takes about half a minute)…", flush=True)
    if problem := ensure_database(path):
        print(f"The build failed:\n{problem}", file=sys.stderr, flush=True)
