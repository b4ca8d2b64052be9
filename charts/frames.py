"""Chart data straight from a database file, for exports and tests outside Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from database import queries
from database.answers import indicators_in_order_query
from database.connection import Reader
from database.queries import Query


class ReaderFrames:
    """Satisfies charts.catalogue.Frames with uncached queries on one Reader."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._order: pd.DataFrame | None = None

    def indicators(self, *, metric_ids: Sequence[str] = ()) -> pd.DataFrame:
        """The figures, each with the order its article was added in (source_added), which
        fixes the colours (charts.hedged._series_colours)."""
        frame = queries.indicators(self.reader, metric_ids=metric_ids)
        if self._order is None:  # asked once per file, not once per chart
            self._order = queries.source_order(self.reader)
        return frame.merge(self._order, on="source_id", how="left")

    def phases(self) -> pd.DataFrame:
        return queries.phases(self.reader)

    def metrics(self) -> pd.DataFrame:
        return queries.metrics(self.reader)

    def events(self) -> pd.DataFrame:
        return queries.events(self.reader)

    def query_of(self, name: str, args: Sequence[Any], kwargs: dict[str, Any]) -> Query | None:
        """The one query whose answer is all that method `name` answers to these arguments
        is made of (etl.chart_rows digests it in SQL: database.answers), or None for a read
        that has none. Kept beside the methods: a method that reads more must say so here."""
        if args:
            return None
        if name == "indicators" and set(kwargs) <= {"metric_ids"}:
            return indicators_in_order_query(kwargs.get("metric_ids", ()))
        whole = {
            "phases": queries.phases_query,
            "metrics": queries.metrics_query,
            "events": queries.events_query,
        }
        return whole[name]() if name in whole and not kwargs else None
