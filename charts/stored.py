"""Every chart's parts (figure JSON, title, takeaway, evidence, sources) made by the build, and read back.

The build stores them (`store_into`, run from `python -m etl build` like charts.static) so a
server never rebuilds a chart after a new database version: reading one back costs a query
and a JSON parse; the Plotly figure itself is decoded only when a page shows it interactive.
"""

from __future__ import annotations

import json
import time
from functools import cached_property
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from charts.catalogue import catalogue
from charts.frames import ReaderFrames
from charts.model import EVIDENCE_COLUMNS, Chart
from data_model.tables import CHART_PARTS
from database.connection import Reader
from etl.store import add_rows


def part_rows(charts: list[Chart]) -> pd.DataFrame:
    """The chart_parts rows of these charts."""
    return pd.DataFrame(
        [
            (
                c.chart_id,
                c.title,
                c.takeaway,
                c.figure.to_json(),
                c.evidence.to_json(orient="split", index=False),
                json.dumps(list(c.sources), ensure_ascii=False),
            )
            for c in charts
        ],
        columns=CHART_PARTS.column_names,
    )


def store_into(db_path: Path) -> str:
    """Build every chart of the database at db_path and store its parts in it; one line back."""
    started = time.perf_counter()
    with Reader(db_path) as reader:
        frames = ReaderFrames(reader)
        charts = [spec.build(frames) for spec in catalogue(frames).charts.values()]
    add_rows(db_path, CHART_PARTS, part_rows(charts))
    return f"stored {len(charts)} charts' figures and words in {time.perf_counter() - started:.1f}s"


class StoredChart(Chart):
    """A chart read back from chart_parts: everything but the figure is ready; the figure is
    decoded from its JSON the first time it is asked for (static pages never ask)."""

    def __init__(self, row: dict[str, str]) -> None:
        # Chart is frozen: set the fields the way its own __init__ does.
        split = json.loads(row["evidence"])
        evidence = pd.DataFrame(split["data"], columns=split["columns"] or EVIDENCE_COLUMNS)
        for name, value in {
            "chart_id": row["chart_id"],
            "title": row["title"],
            "takeaway": row["takeaway"],
            "evidence": evidence,
            "sources": tuple(json.loads(row["sources"])),
            "_figure_json": row["figure"],
        }.items():
            object.__setattr__(self, name, value)

    @cached_property
    def figure(self) -> go.Figure:  # type: ignore[override]
        return pio.from_json(self._figure_json)
