"""Data versions: a date (2026.12.05) with a counter when two builds differ the same day; the
same data always keeps the version it first had."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from data_model.records import Correction
from data_model.tables import BUILD_INFO, CORRECTIONS
from database import queries
from database.connection import Reader
from etl.store import fingerprint_of, table_digest, table_digests
from etl.transform import correction_row, table_frame

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
    when there is no file or it was built with another schema (its history is not carried:
    a database is a build artefact, and a file of another schema is rebuilt)."""
    if not previous.exists():
        return []
    try:
        with Reader.of_build(previous) as db:
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


@dataclass
class Stamp:
    """A build's data version and content fingerprint, with each table's digest (so the
    corrections a reason step logs cost their own table's digest alone)."""

    version: str
    fingerprint: str
    digests: dict[str, str]


def stamp_version(
    frames: dict[str, pd.DataFrame],
    previous: Path,
    day: dt.date,
    carried: dict[str, str] | None = None,
) -> Stamp:
    """Add data_version and its fingerprint to the frames' build_info. `carried`: the digests
    of the tables made of runs (etl.carry.Runs.digests), which replace their frames'."""
    carried = carried or {}
    digests = table_digests({k: v for k, v in frames.items() if k not in carried}) | carried
    fingerprint = fingerprint_of(digests)
    version = next_version(fingerprint, day, history(previous))
    extra = pd.DataFrame(
        {"key": [VERSION_KEY, FINGERPRINT_KEY], "value": [version, fingerprint]}, dtype=object
    )
    frames[BUILD_INFO.name] = pd.concat([frames[BUILD_INFO.name], extra], ignore_index=True)
    return Stamp(version, fingerprint, digests)


def fingerprint_with_logged(
    corrections: pd.DataFrame, logged: list[dict[str, Any]], digests: dict[str, str]
) -> str:
    """The fingerprint of the tables (by their `digests`) with the corrections a reason step
    logged (as write_back puts them in corrections.yaml) added to the `corrections` table.

    A reason build's version is recorded with this fingerprint, not the one taken before its
    reason step: the next build reads those corrections back from the YAML, so with the same
    input it then computes the same fingerprint and keeps the version (issue 28). Computing
    it here from `logged` through the same model and row as the build's own reading of the
    YAML (write_back checks the YAML loads back to `logged`) leaves the version rule, the
    reason build's version and its changes as they were; only the fingerprint it records
    moves to the data its corrections log makes. An entry already in the YAML is skipped,
    as write_back skips it."""
    held = set(corrections["correction_id"])
    new = [
        correction_row(Correction.model_validate(c))
        for c in logged
        if c["correction_id"] not in held
    ]
    if not new:
        return fingerprint_of(digests)
    rows = [*corrections.to_dict("records"), *new]
    return fingerprint_of(
        {**digests, CORRECTIONS.name: table_digest(table_frame(CORRECTIONS, rows))}
    )
