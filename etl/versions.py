"""Data versions: a date (2026.12.05) with a counter when two builds differ the same day; the
same data always keeps the version it first had."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pandas as pd

from data_model.tables import BUILD_INFO
from database import queries
from database.connection import Reader
from etl.store import content_fingerprint

#: build_info's keys for the version and the fingerprint it was given for.
VERSION_KEY = "data_version"
FINGERPRINT_KEY = "data_fingerprint"


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention; `make release`
    sets it to the last commit's time, so a fresh clone makes the same version and files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def history(previous: Path) -> list[tuple[str, str]]:
    """(version, fingerprint) of every version the previous file holds, oldest first; none
    when there is no file or it was built with another schema (its history is not carried)."""
    if not previous.exists():
        return []
    try:
        with Reader(previous) as db:
            if not queries.same_schema(db):
                return []
            frame = queries.data_versions(db)
    except duckdb.Error:
        return []
    return list(zip(frame["data_version"], frame["fingerprint"], strict=True))


def next_version(fingerprint: str, day: dt.date, past: list[tuple[str, str]]) -> str:
    """The version of data with this fingerprint: the last version's if the data is the same,
    else the day's date, with .2, .3 ... when that date is already a version."""
    if past and past[-1][1] == fingerprint:
        return past[-1][0]
    base = day.strftime("%Y.%m.%d")
    taken = {version for version, _ in past}
    if base not in taken:
        return base
    n = 2
    while f"{base}.{n}" in taken:
        n += 1
    return f"{base}.{n}"


def version_date(version: str) -> dt.date:
    """The date a version is named for (2026.12.05.2 -> 5 December 2026)."""
    year, month, day = (int(part) for part in version.split(".")[:3])
    return dt.date(year, month, day)


def stamp_version(frames: dict[str, pd.DataFrame], previous: Path, day: dt.date) -> str:
    """Add data_version and its fingerprint to the frames' build_info; return the version."""
    fingerprint = content_fingerprint(frames)
    version = next_version(fingerprint, day, history(previous))
    extra = pd.DataFrame(
        {"key": [VERSION_KEY, FINGERPRINT_KEY], "value": [version, fingerprint]}, dtype=object
    )
    frames[BUILD_INFO.name] = pd.concat([frames[BUILD_INFO.name], extra], ignore_index=True)
    return version
