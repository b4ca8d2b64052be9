"""The tables analysts download: which rows, which columns, provenance included."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Unpack

import pandas as pd

from database import queries
from database.connection import Reader
from database.queries import Dates

PROVENANCE = [
    "source_title",
    "source_outlet",
    "source_url",
    "source_published_on",
    "source_date_precision",
    "source_date_inferred",
    # Where recorded, an archived copy of the article and the day it was read (issue 28).
    "source_archive_url",
    "source_accessed",
]


@dataclass(frozen=True)
class DownloadTable:
    """One downloadable table: a label, how to fetch it filtered, and the columns shown."""

    label: str
    fetch: Callable[[Reader, Sequence[str], Sequence[str], Dates], pd.DataFrame]
    columns: tuple[str, ...]
    filters_by_metric: bool = False
    #: Which date the year, from and to filters read, in words (its column named); empty
    #: for a table without dates.
    dated_on: str = ""


def _indicators(
    db: Reader, source_ids: Sequence[str], metric_ids: Sequence[str], dates: Dates
) -> pd.DataFrame:
    return queries.indicators(db, source_ids=source_ids, metric_ids=metric_ids, **dates)


def _statements(
    db: Reader, source_ids: Sequence[str], _: Sequence[str], dates: Dates
) -> pd.DataFrame:
    return queries.statements(db, source_ids=source_ids, **dates)


def _positions(
    db: Reader, source_ids: Sequence[str], _: Sequence[str], dates: Dates
) -> pd.DataFrame:
    return queries.policy_positions(db, source_ids=source_ids, **dates)


def _policies(
    db: Reader, source_ids: Sequence[str], _: Sequence[str], dates: Dates
) -> pd.DataFrame:
    return queries.policies(db, source_ids=source_ids, **dates)


def _actors(db: Reader, _: Sequence[str], __: Sequence[str], ___: Dates) -> pd.DataFrame:
    return queries.actors(db)


def _sources(db: Reader, source_ids: Sequence[str], _: Sequence[str], dates: Dates) -> pd.DataFrame:
    return queries.sources(db, source_ids=source_ids, **dates)


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
            "value_to",
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
            "actor_name_km",  # beside the English, blank where none (issue 24)
            "quote",
            "note",
            # Beside the English note (issue 24), blank where no Khmer was written.
            "note_km",
            "source_id",
            *PROVENANCE,
        ),
        filters_by_metric=True,
        dated_on="the day the figure is as of (as_of)",
    ),
    "statements": DownloadTable(
        "Statements",
        _statements,
        (
            "actor_name",
            # Each Khmer field beside its English (issue 24), blank where none was written;
            # the role is the article's own in Khmer, else the actor's usual one where that
            # is the role given (database.queries).
            "actor_name_km",
            "quote",
            "actor_role",
            "actor_role_km",
            "organisation",
            "organisation_km",
            "actor_type",
            "statement_id",
            "kind",
            "relayed_by",
            "relayed_by_name",
            "relayed_by_name_km",
            "topic",
            "stance",
            "said_on",
            "translations",
            "note",
            "note_km",  # as on figures: beside the English note
            "source_id",
            *PROVENANCE,
        ),
        dated_on=(
            "the day said (said_on) where the article gives it, else the day the article "
            "was published (source_published_on)"
        ),
    ),
    "policies": DownloadTable(
        "Proposals",
        _policies,
        (
            "policy_id",
            "name",
            "label_km",  # the proposal's name in Khmer, as the stored table calls it
            "description",
            "description_km",
            "category",
            "status",
            "status_note",
            "status_note_km",
            "proposed_by_name",
            "proposed_by_name_km",
            "proposed_on",
            "n_supports",
            "n_opposes",
            "n_mixed",
            "quote",
            "source_id",
            *PROVENANCE,
        ),
        dated_on=(
            "the day first reported as put forward (proposed_on; the first day of the month "
            "or year where only that is known)"
        ),
    ),
    "positions": DownloadTable(
        "Positions on proposals",
        _positions,
        (
            "position_id",
            "policy_id",
            "policy_name",
            "policy_name_km",
            "actor_name",
            "actor_name_km",
            "actor_role",
            "actor_role_km",
            "organisation",
            "organisation_km",
            "actor_type",
            "position",
            "quote",
            "kind",
            "relayed_by",
            "relayed_by_name",
            "relayed_by_name_km",
            "source_id",
            *PROVENANCE,
        ),
        dated_on=(
            "the day the article was published (source_published_on): a position carries "
            "no date of its own"
        ),
    ),
    "actors": DownloadTable(
        "Actors",
        _actors,
        (
            "actor_id",
            "name",
            "name_km",
            "aliases",
            "kind",
            "role",
            "role_km",
            "organisation",
            "organisation_km",
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
            "published_earliest",
            "published_latest",
            "date_basis",
            # The Khmer beside the English (issue 24): the date's basis as written in Khmer,
            # blank where none; the citation as Khmer pages give it (the date in Khmer, the
            # outlet and title as published), made for every article.
            "date_basis_km",
            "date_inferred",
            "citation",
            "citation_km",
            "n_figures",
            "n_statements",
        ),
        dated_on="the earliest day the article can have been published (published_earliest)",
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
    db: Reader,
    name: str,
    source_ids: Sequence[str] = (),
    metric_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> pd.DataFrame:
    """The filtered rows of one download table, in the columns shown and downloaded; the
    date filters (`years`, `date_from`, `date_to`) read the table's `dated_on` date and
    are left aside on a table without one."""
    spec = DOWNLOAD_TABLES[name]
    chosen: Dates = dates if spec.dated_on else {}
    frame = spec.fetch(db, source_ids, metric_ids if spec.filters_by_metric else (), chosen)
    return frame.loc[:, list(spec.columns)].reset_index(drop=True)
