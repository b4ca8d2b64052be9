"""The ETL's two entry points: check the input, or check it and build the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from data_model.fidelity_rules import date_span, later_stage
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


def later_stage_warnings(data: Dataset) -> list[str]:
    """One line per position reported over six months after its proposal was first reported:
    a warning, not a failure, since a later position on the same open measure is right, and a
    later stage of it (audit fidelity-2026-12, F4 and F6) is a curator's call."""
    sources = {s.source_id: date_span(s.published_on, s.date_precision) for s in data.of("sources")}
    policies = {p.policy_id: p for p in data.of("policies")}
    held = [
        (f"{p.policy_id}-{i + 1}", p, pos)
        for p in policies.values()
        for i, pos in enumerate(p.positions)
    ]
    held += [(pos.position_id, policies.get(pos.policy_id), pos) for pos in data.of("positions")]
    lines = []
    for position_id, policy, pos in held:
        if policy is None or pos.source_id not in sources:
            continue
        why = later_stage(
            date_span(policy.proposed_on, policy.proposed_on_precision), sources[pos.source_id]
        )
        if why:
            lines.append(
                f"warning: position {position_id} ({pos.actor_id}) on {policy.policy_id}: {why}"
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
    for line in [*provenance_warnings(data), *later_stage_warnings(data)]:
        if report:
            report(line)
    problems = coverage_problems(accounts)
    if problems:
        raise InputError(problems)
    frames = frames_for(data)
    write_database(frames, db_path, finish)
    return {name: len(frame) for name, frame in frames.items()}
