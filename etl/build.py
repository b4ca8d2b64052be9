"""The ETL's two entry points: check the input, or check it and build the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from etl.coverage import article_coverage, coverage_problems
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


def provenance_warnings(data: Dataset) -> list[str]:
    """One line per source without an archived copy or an access date: a warning, not a
    failure, since an old article's may be unknown (issue 28)."""
    lines = []
    for src in data.of("sources"):
        missing = [
            words
            for name, words in (
                ("archive_url", "archived copy (archive_url)"),
                ("accessed", "date it was read (accessed)"),
            )
            if getattr(src, name) is None
        ]
        if missing:
            lines.append(
                f"warning: source {src.source_id} has no {' and no '.join(missing)}: "
                "readers cannot check it if its page moves or dies"
            )
    return lines


def data_by_kind(data: Dataset) -> dict[str, list]:
    """The validated records by kind, as the methodology renders its examples from them."""
    return {kind: data.of(kind) for kind in data.records}


def frames_for(data: Dataset, built_at: dt.datetime | None = None) -> dict[str, pd.DataFrame]:
    """The tables as DataFrames, derived columns included."""
    built_at = built_at or dt.datetime.now(dt.UTC)
    return to_frames(to_rows(data, built_at))


def build(
    db_path: Path = DEFAULT_DB,
    seeds_dir: Path = SEEDS,
    finish: Finish | None = None,
    report: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Validate everything and account for every sentence that needs coding, then write the
    database atomically; return row counts per table. ``report`` receives the coverage lines.

    `finish` runs on the new file before it replaces the old one (the command line draws
    the static charts there, a layer this package does not import).
    """
    data = check(seeds_dir)
    accounts = article_coverage(data)
    for account in accounts:
        if report:
            report(account.line())
    for line in provenance_warnings(data):
        if report:
            report(line)
    problems = coverage_problems(accounts)
    if problems:
        raise InputError(problems)
    frames = frames_for(data)
    write_database(frames, db_path, finish)
    return {name: len(frame) for name, frame in frames.items()}
