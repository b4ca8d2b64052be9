"""Every chart the product shows, embeds and exports, by stable id, and the Trends sections, from the data.

Over 400 lines: the curated charts are declarations, one per chart with its takeaway (a
charts.yaml could hold them as data); the build alone runs it (etl.chart_rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote_plus, urlsplit

import pandas as pd

from charts.campaign import campaign_timeline
from charts.hedged import categorical, notable, reference_date, timeline
from charts.model import EVIDENCE_COLUMNS, Chart
from data_model.wording import hedged_words, period_text, unit_words


class Frames(Protocol):
    """Where charts get their data: monitor.data in the app, a Reader adapter in exports."""

    def indicators(self, *, metric_ids: Sequence[str] = ...) -> pd.DataFrame: ...

    def phases(self) -> pd.DataFrame: ...

    def metrics(self) -> pd.DataFrame: ...

    def events(self) -> pd.DataFrame: ...


def _when(row: pd.Series) -> str:
    return period_text(row["period_start"], row["period_end"], row["as_of"])


def _words(row: pd.Series) -> str:
    """The figure with its hedge, worded from its unit's declaration (units.yaml)."""
    return hedged_words(
        row["value"], row["qualifier"], unit_words(row), value_to=row.get("value_to")
    )


def _evidence(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    out = frame.assign(period=[_when(r) for _, r in frame.iterrows()])
    return out[EVIDENCE_COLUMNS].reset_index(drop=True)


#: A takeaway names every figure up to this many; beyond, only the ones that matter.
LIST_ALL_UP_TO = 6


def _figure_list(frame: pd.DataFrame, with_metric: bool = False) -> str:
    """The figures in words; with many, the earliest, latest, highest and lowest, and how
    many more there are (every one stays in 'How we know' and on the Data page)."""
    shown = frame
    if len(frame) > LIST_ALL_UP_TO:
        frame = frame.reset_index(drop=True)
        shown = frame[notable(frame, reference_date(frame).tolist(), LIST_ALL_UP_TO)]
    parts = []
    for _, r in shown.iterrows():
        what = f"{r['metric_label'].lower()}: " if with_metric else ""
        parts.append(f"{what}{_words(r)} ({_when(r)})")
    text = "; ".join(parts)
    if len(shown) < len(frame):
        text += (
            f"; {len(frame) - len(shown):,} other reports, each in 'How we know' and on "
            "the Data page"
        )
    return text


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return (
        frame.assign(_ref=reference_date(frame)).sort_values(["_ref", "value"]).drop(columns="_ref")
    )


# --- takeaways: one plain sentence computed from the figures shown --------------------------


def _independent(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(independent reports, restatements): a figure marked as restating another is the same
    fact told again, drawn and linked but never counted as news (review 6, 7)."""
    if "restates" not in frame.columns:
        return frame, frame.iloc[0:0]
    again = frame["restates"].notna()
    return frame[~again], frame[again]


def _restated(again: pd.DataFrame) -> str:
    if again.empty:
        return ""
    n = len(again)
    return (
        f" {n} report{'s' if n > 1 else ''} restat{'e' if n > 1 else 'es'} another figure: "
        "drawn, not counted."
    )


def _takeaway_arrests(frame: pd.DataFrame, phases: pd.DataFrame) -> str:
    independent, again = _independent(frame)
    ordered = _sorted(independent if not independent.empty else frame)
    first, last = ordered.iloc[0], ordered.iloc[-1]
    if len(ordered) == 1:
        return f"One arrest figure is reported: {_figure_list(ordered)}.{_restated(again)}"
    return (
        f"Reported arrests rose from {_words(first)}"
        f" ({_when(first)}) to {_words(last)}"
        f" ({_when(last)}). Each figure counts everyone arrested since the launch; none is "
        f"a tally for one phase alone.{_restated(again)}"
    )


def _takeaway_by_phase(frame: pd.DataFrame, phases: pd.DataFrame) -> str:
    # A phase is covered by an independent report only: a restatement dated later does not
    # make a phase look reported (review 7).
    independent, again = _independent(frame)
    covered = set(independent["phase_name"])
    with_figures = [p for p in phases["name"] if p in covered]
    without = [p for p in phases["name"] if p not in covered]
    text = f"Arrest figures are reported in {len(with_figures)} of {len(phases)} phases"
    if without:
        text += "; none for " + ", ".join(without)
        if set(again["phase_name"]) & set(without):
            text += " (a report placed there restates an earlier figure)"
    return text + ". Figures are cumulative since the launch, placed in the phase they reach."


def _takeaway_list(
    prefix: str, with_metric: bool = False
) -> Callable[[pd.DataFrame, pd.DataFrame], str]:
    def takeaway(frame: pd.DataFrame, phases: pd.DataFrame) -> str:
        independent, again = _independent(frame)
        listed = independent if not independent.empty else frame
        return f"{prefix} {_figure_list(_sorted(listed), with_metric)}.{_restated(again)}"

    return takeaway


@dataclass(frozen=True)
class ChartDef:
    """How to build one chart: which metrics, drawn how, summed up how."""

    chart_id: str
    title: str
    metric_ids: tuple[str, ...]
    layout: str  # "timeline", "by_phase" or "by_metric"
    group: str  # column that picks the colour: source_label or metric_and_source
    y_title: str
    takeaway: Callable[[pd.DataFrame, pd.DataFrame], str]
    question: str  # the question the chart answers, for the Embed & share page

    def build(self, frames: Frames) -> Chart:
        reported = frames.indicators(metric_ids=list(self.metric_ids))
        # Vague words ("thousands") have no number: they are never drawn as one.
        data = reported[reported["value"].notna()]
        # Two articles reporting the same metric get their own colours, never one series.
        data = data.assign(metric_and_source=data["metric_label"] + " · " + data["source_label"])
        phases = frames.phases()
        if self.layout == "timeline":
            fig = timeline(data, phases, self.group, self.y_title)
        elif self.layout == "by_phase":
            data = _assign_phase(data, phases)
            fig = categorical(data, "phase_name", list(phases["name"]), self.group, self.y_title)
        else:
            order = _metric_order(frames, self.metric_ids)
            fig = categorical(data, "metric_label", order, self.group, self.y_title)
        if data.empty and not reported.empty:
            # Only words ("thousands"): said as the articles say them, and shown in 'How we
            # know', never drawn.
            data = reported
            takeaway = _in_words_only(reported)
        elif data.empty:
            takeaway = "No article reports these figures yet."
        else:
            takeaway = self.takeaway(data, phases)
        sources = tuple(dict.fromkeys(_sorted(data)["source_citation"])) if not data.empty else ()
        return Chart(self.chart_id, self.title, takeaway, fig, _evidence(data), sources)


def _in_words_only(frame: pd.DataFrame) -> str:
    """The takeaway of a chart whose every figure is vague words with no number."""
    said = "; ".join(f"“{r['vague']}” ({_when(r)})" for _, r in _sorted(frame).iterrows())
    return f"Reported only in words, with no number to draw: {said}."


def _assign_phase(frame: pd.DataFrame, phases: pd.DataFrame) -> pd.DataFrame:
    """Place each figure in the phase its reference date falls in (figures that span phases
    have no phase_id of their own, but their end date lies in one)."""
    starts = pd.to_datetime(phases["start_date"])
    ends = pd.to_datetime(phases["end_date"])
    names = []
    for day in reference_date(frame):
        match = phases[(starts <= day) & (ends.isna() | (ends >= day))]
        names.append(match["name"].iloc[0] if not match.empty else "outside the phases")
    return frame.assign(phase_name=names)


def _metric_order(frames: Frames, metric_ids: Sequence[str]) -> list[str]:
    """Category labels for the metrics, in the chart's order, figures or not."""
    labels = dict(zip(frames.metrics()["metric_id"], frames.metrics()["label"], strict=True))
    return [labels.get(m, m) for m in metric_ids]


class ChartSpec(Protocol):
    """What every chart definition offers: a stable id, a title, its question, a builder."""

    chart_id: str
    title: str
    question: str

    def build(self, frames: Frames) -> Chart: ...


#: The curated charts: several metrics drawn together, or one drawn its own way, each with a
#: takeaway of its own. Each shows in the Trends section of every category it draws figures
#: of; a metric none of them draws gets a chart of its own from the data (metric_chart).
CURATED: dict[str, ChartDef] = {
    c.chart_id: c
    for c in [
        ChartDef(
            "arrests-over-time",
            "Arrests reported since the campaign began",
            ("arrests-total",),
            "timeline",
            "source_label",
            "people arrested (cumulative)",
            _takeaway_arrests,
            "How many people have been arrested?",
        ),
        ChartDef(
            "arrests-by-phase",
            "Arrest figures by campaign phase",
            ("arrests-total",),
            "by_phase",
            "source_label",
            "people arrested (cumulative)",
            _takeaway_by_phase,
            "What arrest figures are reported in each phase?",
        ),
        ChartDef(
            "users-share",
            "Drug users as a share of those arrested",
            ("arrests-share-users",),
            "timeline",
            "source_label",
            "% of arrests",
            _takeaway_list("Reports put drug users at"),
            "Are those arrested users or traffickers?",
        ),
        ChartDef(
            "users-vs-traffickers",
            "Users and traffickers: arrested and imprisoned",
            ("arrests-users", "arrests-traffickers", "users-imprisoned", "traffickers-imprisoned"),
            "by_metric",
            "source_label",
            "people",
            _takeaway_list("Reported:", with_metric=True),
            "How do users and traffickers compare?",
        ),
        ChartDef(
            "treatment-capacity",
            "Rehabilitation centres and treatment clinics",
            ("rehabilitation-centres", "voluntary-treatment-clinics"),
            "by_metric",
            "source_label",
            "facilities",
            _takeaway_list("Reported:", with_metric=True),
            "How much treatment capacity is there?",
        ),
        ChartDef(
            "treatment-people",
            "People sent to rehabilitation or in community-based treatment",
            ("sent-to-rehabilitation", "community-treatment-people"),
            "timeline",
            "metric_and_source",
            "people",
            _takeaway_list("Reported:", with_metric=True),
            "How many people reach rehabilitation or treatment?",
        ),
        ChartDef(
            "methadone-dropouts",
            "Methadone clients who stopped treatment",
            ("methadone-dropouts",),
            "timeline",
            "source_label",
            "clients",
            _takeaway_list("Reported:"),
            "Did the crackdown interrupt treatment?",
        ),
        ChartDef(
            "drug-seizures",
            "Drugs seized and destroyed",
            ("drugs-seized-kg", "drugs-destroyed-kg", "precursors-seized-kg"),
            "timeline",
            "metric_and_source",
            "kilograms",
            _takeaway_list("Reported:", with_metric=True),
            "How much was seized and destroyed?",
        ),
    ]
}


@dataclass(frozen=True)
class TimelineDef:
    """The phases-and-events chart, which draws no metric."""

    chart_id: str = "campaign-timeline"
    title: str = "The campaign's phases and events"
    question: str = "When did what happen?"

    def build(self, frames: Frames) -> Chart:
        return campaign_timeline(frames.phases(), frames.events())


TIMELINE = TimelineDef()

#: Prefix of the id of a chart made for one metric from the data: metric-<metric_id>.
METRIC_CHART = "metric-"


def metric_chart(metric_id: str, label: str, unit_label: str) -> ChartDef:
    """The chart of one metric no curated chart draws: its figures over time, one colour per
    article, each listed with its hedge in the takeaway."""
    return ChartDef(
        f"{METRIC_CHART}{metric_id}",
        label,
        (metric_id,),
        "timeline",
        "source_label",
        unit_label,
        _takeaway_list("Reported:"),
        f"What figures are reported for {label[:1].lower()}{label[1:]}?",
    )


@dataclass(frozen=True)
class TrendsSection:
    """One section of the Trends page (a category of metrics): the id its address carries,
    the name readers see, the charts it shows."""

    section_id: str
    label: str
    chart_ids: tuple[str, ...]


#: Links made when the Trends sections were a list in code, by id or by name, and a chart
#: each section showed: such a link opens the section that holds that chart now.
EARLIER_SECTIONS = {
    "arrests": "arrests-over-time",
    "Arrests": "arrests-over-time",
    "users-traffickers": "users-share",
    "Users and traffickers": "users-share",
    "treatment": "treatment-capacity",
    "Rehabilitation and treatment": "treatment-capacity",
    "seizures": "drug-seizures",
    "Seizures and destruction": "drug-seizures",
}


def pick_section(
    sections: list[TrendsSection], requested: str | None, chart_id: str | None = None
) -> TrendsSection | None:
    """The section an address names, by id or by its name (links made before ids), or the
    one holding `chart_id` (?chart=, the links chart_page makes); the first section for
    anything else; None when no category has a chart."""
    for section in sections:
        if requested in (section.section_id, section.label):
            return section
    shown = {c for s in sections for c in s.chart_ids}
    holding = chart_id if chart_id in shown else EARLIER_SECTIONS.get(requested or "")
    for section in sections:
        if holding in section.chart_ids:
            return section
    return next(iter(sections), None)


@dataclass(frozen=True)
class Catalogue:
    """Every chart of one database, by id, and the Trends sections that show them."""

    charts: dict[str, ChartSpec]
    sections: dict[str, TrendsSection]

    def section(self, requested: str | None, chart_id: str | None = None) -> TrendsSection | None:
        """The section an address names (see pick_section)."""
        return pick_section(list(self.sections.values()), requested, chart_id)

    def build(self, chart_id: str, frames: Frames) -> Chart | None:
        """The chart with this id, or None for an id this database has no chart for."""
        spec = self.charts.get(chart_id)
        return spec.build(frames) if spec else None


def catalogue(frames: Frames) -> Catalogue:
    """The charts and Trends sections of the data: one section per category with a chart,
    in the order of categories.yaml; in it the curated charts that draw its metrics, then a
    chart of its own for each of its reported metrics that no curated chart draws."""
    metrics = frames.metrics().sort_values(["category_ordinal", "category", "label"], kind="stable")
    charts: dict[str, ChartSpec] = dict(CURATED)
    drawn = {m for spec in CURATED.values() for m in spec.metric_ids}
    has_numbers = set(metrics.loc[metrics["n_numbers"] > 0, "metric_id"])
    has_figures = set(metrics.loc[metrics["n_figures"] > 0, "metric_id"])
    category_of = dict(zip(metrics["metric_id"], metrics["category"], strict=True))
    # A curated chart always shows in the section of its first metric, figures or not, so
    # its address never moves; it also shows wherever it draws figures of another category.
    home = {
        c: category_of.get(spec.metric_ids[0]) for c, spec in CURATED.items() if spec.metric_ids
    }
    sections: dict[str, TrendsSection] = {}
    for (category, label), part in metrics.groupby(["category", "category_label"], sort=False):
        shown = [
            c
            for c, spec in CURATED.items()
            if home[c] == category or has_numbers & set(spec.metric_ids) & set(part["metric_id"])
        ]
        for row in part.itertuples():
            if row.metric_id in has_figures and row.metric_id not in drawn:
                spec = metric_chart(row.metric_id, row.label, row.unit_label)
                charts[spec.chart_id] = spec
                shown.append(spec.chart_id)
        if shown:
            sections[str(category)] = TrendsSection(str(category), str(label), tuple(shown))
    charts[TIMELINE.chart_id] = TIMELINE
    return Catalogue(charts, sections)


def chart_page(chart_id: str) -> str:
    """Path and query of the dashboard view that shows the chart (anchor: the chart id): the
    Overview for the timeline, else Trends opened on the section holding it (?chart=, so the
    link holds wherever the data places the chart)."""
    if chart_id == TIMELINE.chart_id:
        return ""
    return f"trends?chart={quote_plus(chart_id)}"


def chart_url(dashboard_url: str, chart_id: str) -> str:
    """The chart's place on the dashboard, e.g. https://host/trends#arrests-over-time."""
    if urlsplit(dashboard_url).scheme not in ("http", "https"):
        # The link goes into files others host: never a javascript: or file: address.
        raise ValueError(f"dashboard URL must start with http:// or https://: {dashboard_url!r}")
    # The same address as the dashboard's own permalinks (monitor.ui.permalink).
    return f"{dashboard_url.rstrip('/')}/{chart_page(chart_id)}#{chart_id}"


def chart_metrics(chart_id: str) -> tuple[str, ...]:
    """The metrics a chart draws, from its id alone (a curated chart's list, metric-<id>'s
    one metric, none for the timeline): the embed's "get the data" and "what is measured"."""
    if chart_id in CURATED:
        return CURATED[chart_id].metric_ids
    if chart_id.startswith(METRIC_CHART):
        return (chart_id.removeprefix(METRIC_CHART),)
    return ()
