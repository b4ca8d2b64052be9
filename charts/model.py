"""What every chart carries: a stable id, title, takeaway, figure, source line and its evidence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

#: Columns of a chart's evidence table: one row per figure drawn, with the words behind it.
EVIDENCE_COLUMNS = [
    "label",
    "metric_label",
    "period",
    "attribution",
    "quote",
    "source_id",
    "source_citation",
    "source_url",
]


@dataclass(frozen=True)
class Chart:
    """A chart ready to show, embed or export."""

    chart_id: str
    title: str
    takeaway: str
    figure: go.Figure
    evidence: pd.DataFrame
    sources: tuple[str, ...]

    @property
    def source_line(self) -> str:
        """e.g. 'Source: The Phnom Penh Post, "Drug campaign nets 1,000", Jan 2017'."""
        if not self.sources:
            return "Source: no article reports these figures yet."
        label = "Source" if len(self.sources) == 1 else "Sources"
        return f"{label}: " + "; ".join(self.sources)

    @property
    def is_empty(self) -> bool:
        return self.evidence.empty


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
