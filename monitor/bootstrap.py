"""Make sure the database exists and was built with the schema this code reads before the app
reads it, building it from seeds/ (in a subprocess) if it is missing or of another version."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from data_model.tables import SCHEMA_VERSION, SCHEMA_VERSION_KEY
from database import queries
from database.connection import Reader, database_path, file_stamp

ROOT = Path(__file__).resolve().parent.parent

#: A build of the seeds takes seconds; one that takes this long has hung.
BUILD_TIMEOUT = 600


#: Set to 0 to build without drawing the static chart images (tests, quick starts): the
#: pages then show the interactive charts.
BUILD_IMAGES_VARIABLE = "MONITOR_BUILD_IMAGES"

#: Files already found to be of this code's schema, by path, with their file_stamp.
_CURRENT: dict[Path, str] = {}


def schema_problem(path: Path) -> str | None:
    """Why the file is not one this code reads (unreadable, or built with another schema
    version), or None when it is."""
    try:
        with Reader(path) as db:
            if queries.same_schema(db):
                return None
            found = queries.build_info(db).get(SCHEMA_VERSION_KEY, "none")
    except duckdb.Error as exc:
        return f"unreadable: {exc}"
    return f"schema version {found}, this code reads {SCHEMA_VERSION}"


def needs_build(path: Path) -> bool:
    """Whether the database is missing or of another schema version (checked once per file
    version, so a page run pays a stat(), not a query)."""
    stamp = file_stamp(path)
    if not stamp:  # missing: the build says what is wrong if it cannot make one
        return True
    if _CURRENT.get(path) == stamp:
        return False
    if schema_problem(path):
        return True
    _CURRENT[path] = stamp
    return False


def build_command(path: Path) -> list[str]:
    """The build the launcher runs: every step, the images unless MONITOR_BUILD_IMAGES=0."""
    command = [sys.executable, "-m", "etl", "build", "--db", str(path)]
    if os.environ.get(BUILD_IMAGES_VARIABLE, "1").strip() == "0":
        command.append("--no-images")
    return command


def ensure_database(path: Path) -> str | None:
    """Build the database if it is missing, or rebuild it if it is of another schema version
    (built before an update; the build replaces the file whole, so a reader never sees half
    of one). Returns None when it is ready, else the problem
    report to show (the app then explains instead of failing with a traceback).

    The build runs as `python -m etl build`, in its own process, so the web server never
    starts the browser that draws the static charts and keeps none of the build's memory.
    """
    if not needs_build(path):
        return None
    try:
        done = subprocess.run(
            build_command(path),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"The build did not finish within {BUILD_TIMEOUT} s."
    if done.returncode != 0 or not path.exists():
        return done.stderr.strip() or done.stdout.strip() or "The build failed."
    if problem := schema_problem(path):
        return f"The build finished, but the database is not one this code reads ({problem})."
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
