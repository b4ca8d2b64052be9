"""Make sure the database exists before the app reads it, building it from seeds/ if missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: A build of the seeds takes seconds; one that takes this long has hung.
BUILD_TIMEOUT = 600


def ensure_database(path: Path) -> str | None:
    """Build the database if it is missing. Returns None when it is ready, else the problem
    report to show (the app then explains instead of failing with a traceback).

    The build runs as `python -m etl build`, in its own process, so the web server never
    starts the browser that draws the static charts and keeps none of the build's memory.
    """
    if path.exists():
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
    return None
