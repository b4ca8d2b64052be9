"""Make sure the database exists before the app reads it, building it from seeds/ if missing."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.build import build
from etl.problems import InputError, fault_line


def ensure_database(path: Path) -> str | None:
    """Build the database if it is missing. Returns None when it is ready, else the problem
    report to show (the app then explains instead of failing with a traceback)."""
    if path.exists():
        return None
    try:
        build(path)
    except InputError as exc:
        return exc.problems.report()
    except (OSError, duckdb.Error) as exc:  # disk full, a read-only data folder
        return f"The database could not be written: {fault_line(exc)}"
    return None
