"""The Data page's rows: one choice of table and filters, shown on the page and, on a click, as CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from database.downloads import DOWNLOAD_TABLES
from database.queries import Dates
from exports.csvsafe import to_csv_bytes
from monitor import cached, texts


@dataclass(frozen=True)
class RowsChoice:
    """A table of the Data page and its filters, ids as the API takes them. The page shows,
    names and downloads the rows of one such choice, so the three cannot differ."""

    table: str
    source_ids: tuple[str, ...] = ()
    metric_ids: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def dates(self) -> Dates:
        """The date filters as the queries take them; none for a table without dates."""
        if not DOWNLOAD_TABLES[self.table].dated_on:
            return {}
        return texts.date_filters(list(self.years), self.date_from, self.date_to)


def choose(
    table: str,
    source_ids: Sequence[str] = (),
    metric_ids: Sequence[str] = (),
    years: Sequence[int] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> RowsChoice:
    """The rows of `table` under these filters; a filter the table does not take (metrics
    but on figures, dates on a table without them) is left aside, as its query leaves it."""
    spec = DOWNLOAD_TABLES[table]
    dated = bool(spec.dated_on)
    return RowsChoice(
        table,
        tuple(source_ids),
        tuple(metric_ids) if spec.filters_by_metric else (),
        tuple(int(y) for y in years) if dated else (),
        date_from if dated else None,
        date_to if dated else None,
    )


@dataclass(frozen=True)
class Download:
    """The rows chosen and the name of their file, from one read of one database file: a
    rebuild between the page's run and the reader's click cannot give a file named with the
    old data version the new build's rows (issue 24). The click makes the CSV of these rows."""

    name: str
    rows: pd.DataFrame


def download(choice: RowsChoice, base_url: str, lang: str = "en") -> Download:
    """The rows chosen, as the API gives them (cached per database content; a figure's
    citation names `base_url`), and the download's name: the table, what was filtered, the
    reader's language if not English, and the data version the rows were read at
    (monitor.texts.download_file_name)."""
    version, frame = cached.download_rows(
        choice.table,
        base_url,
        source_ids=list(choice.source_ids),
        metric_ids=list(choice.metric_ids),
        **choice.dates(),
    )
    name = texts.download_file_name(
        choice.table,
        list(choice.source_ids),
        list(choice.metric_ids),
        choice.dates(),
        lang,
        version,
    )
    return Download(name, frame)


def csv(got: Download) -> bytes:
    """The download: exactly the rows read, as the one CSV writer makes it (UTF-8 with BOM).
    The page makes it when the reader clicks, never on a run: the whole statements table at
    1000x takes 1.4 s (docs/benchmarks.md)."""
    return to_csv_bytes(got.rows)
