"""What every chart carries: a stable id, title, takeaway, figure, source line and its evidence."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

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


def draws_nothing(chart: Chart) -> bool:
    """True when the figure has no point to draw (no figure reported, or only in words):
    such a chart is a short note, never an empty plot drawn full size."""
    return not any(
        y is not None and y == y  # NaN is no point either
        for trace in chart.figure.data
        for y in (trace.y if trace.y is not None else ())
    )


def measures(
    definitions: dict[str, str], labels: dict[str, str], metric_ids: tuple[str, ...]
) -> str:
    """What a chart measures, from its metrics' definitions (which say what is unknown, e.g.
    the period or cohort of a rate): 'Label: definition' for each, or '' for none."""
    parts = [
        f"{labels.get(m, m)}: {definitions[m]}" if len(metric_ids) > 1 else definitions[m]
        for m in metric_ids
        if definitions.get(m)
    ]
    return " ".join(parts)
