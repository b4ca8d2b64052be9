"""What every chart carries: a stable id, title, takeaway, figure, source line and its evidence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from charts.style import figure_from
from data_model.i18n import N_, translator

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
    # Cited where recorded (exports.citations): an archived copy, the day the article was read.
    "source_archive_url",
    "source_accessed",
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
    #: The language of the chart's words (title, takeaway, axes, legend, labels).
    lang: str = "en"

    @property
    def source_line(self) -> str:
        """e.g. 'Source: The Phnom Penh Post, "Drug campaign nets 1,000", Jan 2017' (the
        citations as published; the word before them in the chart's language)."""
        t = translator(self.lang)
        if not self.sources:
            return t.gettext("Source: no article reports these figures yet.")
        said = t.ngettext("Source: {sources}", "Sources: {sources}", len(self.sources))
        return said.format(sources="; ".join(self.sources))

    @property
    def is_empty(self) -> bool:
        return self.evidence.empty


@dataclass(frozen=True)
class StoredChart:
    """A chart read back from chart_parts, shown as a Chart is: everything but the figure is
    ready; the figure is decoded from its JSON the first time it is asked for (static pages
    never ask)."""

    chart_id: str
    title: str
    takeaway: str
    evidence: pd.DataFrame
    sources: tuple[str, ...]
    figure_json: str
    lang: str = "en"

    source_line = Chart.source_line
    is_empty = Chart.is_empty

    @classmethod
    def from_row(cls, row: dict[str, str]) -> StoredChart:
        """The chart of one chart_parts row (database.queries.chart_parts)."""
        split = json.loads(row["evidence"])
        return cls(
            chart_id=row["chart_id"],
            title=row["title"],
            takeaway=row["takeaway"],
            evidence=pd.DataFrame(split["data"], columns=split["columns"] or EVIDENCE_COLUMNS),
            sources=tuple(json.loads(row["sources"])),
            figure_json=row["figure"],
            lang=row.get("lang") or "en",
        )

    @cached_property
    def figure(self) -> go.Figure:
        # cached_property writes the instance's __dict__ directly: allowed on a frozen class.
        return figure_from(json.loads(self.figure_json))


#: What pages, routes and exports show: a chart just built, or one read back.
ShownChart = Chart | StoredChart


#: What an embed or a print image of a chart with no point to draw says in the plot's place.
NOTHING_DRAWN = N_("No figure with a number to draw yet: the takeaway says what is reported.")


def draws_nothing(chart: ShownChart) -> bool:
    """True when the figure has no point to draw (no figure reported, or only in words):
    such a chart is a short note, never an empty plot drawn full size."""
    if isinstance(chart, StoredChart) and "figure" not in chart.__dict__:
        # A stored figure not yet decoded is read as JSON (a millisecond, where decoding it
        # takes tens): the Share page asks this of every chart for its gallery.
        traces = json.loads(chart.figure_json).get("data") or []
        ys = [trace.get("y") for trace in traces]
        if all(y is None or isinstance(y, list) for y in ys):  # else typed arrays: decode
            return not any(_a_point(y) for values in ys for y in values or ())
    return not any(
        _a_point(y) for trace in chart.figure.data for y in (trace.y if trace.y is not None else ())
    )


def _a_point(y: object) -> bool:
    return y is not None and y == y  # NaN is no point either (JSON writes it as null)


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


def measured(
    metrics: pd.DataFrame, metric_ids: tuple[str, ...], lang: str = "en"
) -> tuple[str, str]:
    """(What a chart measures, the language it is said in): in Khmer the metrics' Khmer
    definitions and labels (definition_km, label_km) where every metric drawn has one, else
    the English, so one sentence never mixes two languages and a page can mark its language."""
    english = dict(zip(metrics["metric_id"], metrics["definition"].fillna(""), strict=True))
    labels = dict(zip(metrics["metric_id"], metrics["label"], strict=True))
    said = [m for m in metric_ids if english.get(m)]
    if lang != "en" and said and "definition_km" in metrics.columns:
        t = translator(lang)
        khmer = dict(zip(metrics["metric_id"], metrics["definition_km"], strict=True))
        if all(isinstance(khmer.get(m), str) and khmer[m].strip() for m in said):
            named = dict(
                zip(metrics["metric_id"], metrics.get("label_km", metrics["label"]), strict=True)
            )
            local = {m: t.pick(labels[m], named.get(m)) for m in labels}
            return measures(khmer, local, metric_ids), lang
    return measures(english, labels, metric_ids), "en"
