"""The tables analysts download: which rows, which columns, provenance included."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from database import queries
from database.connection import Reader

PROVENANCE = [
    "source_title",
    "source_outlet",
    "source_url",
    "source_published_on",
    "source_date_precision",
]


@dataclass(frozen=True)
class DownloadTable:
    """One downloadable table: a label, how to fetch it filtered, and the columns shown."""

    label: str
    fetch: Callable[[Reader, Sequence[str], Sequence[str]], pd.DataFrame]
    columns: tuple[str, ...]
    filters_by_metric: bool = False


def _indicators(db: Reader, source_ids: Sequence[str], metric_ids: Sequence[str]) -> pd.DataFrame:
    return queries.indicators(db, source_ids=source_ids, metric_ids=metric_ids)


def _statements(db: Reader, source_ids: Sequence[str], _: Sequence[str]) -> pd.DataFrame:
    return queries.statements(db, source_ids=source_ids)


def _positions(db: Reader, source_ids: Sequence[str], _: Sequence[str]) -> pd.DataFrame:
    return queries.policy_positions(db, source_ids=source_ids)


def _policies(db: Reader, source_ids: Sequence[str], _: Sequence[str]) -> pd.DataFrame:
    return queries.policies(db, source_ids=source_ids)


def _actors(db: Reader, _: Sequence[str], __: Sequence[str]) -> pd.DataFrame:
    return queries.actors(db)


def _sources(db: Reader, source_ids: Sequence[str], _: Sequence[str]) -> pd.DataFrame:
    return queries.sources(db, source_ids=source_ids)


DOWNLOAD_TABLES: dict[str, DownloadTable] = {
    "indicators": DownloadTable(
        "Figures (indicators)",
        _indicators,
        (
            "metric_label",
            "label",
            "indicator_id",
            "metric_id",
            "category_label",
            "value",
            "qualifier",
            "value_low",
            "value_high",
            "unit",
            "unit_label",
            "currency",
            "period_start",
            "period_end",
            "as_of",
            "phase_id",
            "geography",
            "attribution",
            "actor_name",
            "quote",
            "note",
            "source_id",
            *PROVENANCE,
        ),
        filters_by_metric=True,
    ),
    "statements": DownloadTable(
        "Statements",
        _statements,
        (
            "actor_name",
            "quote",
            "actor_role",
            "organisation",
            "actor_type",
            "statement_id",
            "kind",
            "relayed_by",
            "relayed_by_name",
            "topic",
            "stance",
            "said_on",
            "source_id",
            *PROVENANCE,
        ),
    ),
    "policies": DownloadTable(
        "Proposals",
        _policies,
        (
            "policy_id",
            "name",
            "description",
            "category",
            "status",
            "status_note",
            "proposed_by_name",
            "proposed_on",
            "n_supports",
            "n_opposes",
            "n_mixed",
            "quote",
            "source_id",
            *PROVENANCE,
        ),
    ),
    "positions": DownloadTable(
        "Positions on proposals",
        _positions,
        (
            "position_id",
            "policy_id",
            "policy_name",
            "actor_name",
            "actor_role",
            "organisation",
            "actor_type",
            "position",
            "quote",
            "kind",
            "relayed_by",
            "relayed_by_name",
            "source_id",
            *PROVENANCE,
        ),
    ),
    "actors": DownloadTable(
        "Actors",
        _actors,
        (
            "actor_id",
            "name",
            "aliases",
            "kind",
            "role",
            "organisation",
            "actor_type",
            "n_statements",
            "n_positions",
        ),
    ),
    "sources": DownloadTable(
        "Articles (sources)",
        _sources,
        (
            "source_id",
            "title",
            "outlet",
            "reporter",
            "url",
            "published_on",
            "date_precision",
            "date_basis",
            "citation",
            "n_figures",
            "n_statements",
        ),
    ),
}


#: Rows on one page of the Data page's plain table (the grid and the download have all).
PAGE_ROWS = 25


def page_count(n_rows: int) -> int:
    """Pages of PAGE_ROWS needed for n_rows (at least one, for the empty table)."""
    return max(1, -(-n_rows // PAGE_ROWS))


def page_rows(frame: pd.DataFrame, page: int) -> pd.DataFrame:
    """The rows on one page (1-based) of the plain table."""
    start = (page - 1) * PAGE_ROWS
    return frame.iloc[start : start + PAGE_ROWS]


def rows(
    db: Reader, name: str, source_ids: Sequence[str] = (), metric_ids: Sequence[str] = ()
) -> pd.DataFrame:
    """The filtered rows of one download table, in the columns shown and downloaded."""
    spec = DOWNLOAD_TABLES[name]
    frame = spec.fetch(db, source_ids, metric_ids if spec.filters_by_metric else ())
    return frame.loc[:, list(spec.columns)].reset_index(drop=True)
