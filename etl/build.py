"""The ETL's two entry points: check the input, or check it and build the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from etl.load import SEEDS, load
from etl.problems import InputError, Problems
from etl.store import Finish, write_database
from etl.transform import to_frames, to_rows
from etl.validate import Dataset, validate

DEFAULT_DB = SEEDS.parent / "data" / "monitor.duckdb"


def check(seeds_dir: Path = SEEDS) -> Dataset:
    """Load and validate; raise InputError listing every problem found."""
    raw, problems = load(seeds_dir, Problems())
    data = validate(raw, problems)
    if problems:
        raise InputError(problems)
    return data


def frames_for(data: Dataset, built_at: dt.datetime | None = None) -> dict[str, pd.DataFrame]:
    """The tables as DataFrames, derived columns included."""
    built_at = built_at or dt.datetime.now(dt.UTC)
    return to_frames(to_rows(data, built_at))


def build(
    db_path: Path = DEFAULT_DB, seeds_dir: Path = SEEDS, finish: Finish | None = None
) -> dict[str, int]:
    """Validate everything, then write the database atomically; return row counts per table.

    `finish` runs on the new file before it replaces the old one (the command line draws
    the static charts there, a layer this package does not import).
    """
    data = check(seeds_dir)
    frames = frames_for(data)
    write_database(frames, db_path, finish)
    return {name: len(frame) for name, frame in frames.items()}
