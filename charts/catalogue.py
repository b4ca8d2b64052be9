"""Every chart the product shows, embeds and exports, by stable id, built from query results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

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
    return hedged_words(row["value"], row["qualifier"], unit_words(row))


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
        data = frames.indicators(metric_ids=list(self.metric_ids))
        # Vague words ("thousands") have no number: they are never drawn as one.
        data = data[data["value"].notna()]
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
        takeaway = (
            self.takeaway(data, phases)
            if not data.empty
            else "No article reports these figures yet."
        )
        sources = tuple(dict.fromkeys(_sorted(data)["source_citation"])) if not data.empty else ()
        return Chart(self.chart_id, self.title, takeaway, fig, _evidence(data), sources)


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


CHARTS: dict[str, ChartSpec] = {
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


CHARTS["campaign-timeline"] = TimelineDef()


#: The Trends page's sections, one shown at a time, and the charts in each.
@dataclass(frozen=True)
class TrendsSection:
    """One section of the Trends page: the id its address carries, the name readers see."""

    section_id: str
    label: str
    chart_ids: tuple[str, ...]


TRENDS_SECTIONS: dict[str, TrendsSection] = {
    s.section_id: s
    for s in (
        TrendsSection("arrests", "Arrests", ("arrests-over-time", "arrests-by-phase")),
        TrendsSection(
            "users-traffickers", "Users and traffickers", ("users-share", "users-vs-traffickers")
        ),
        TrendsSection(
            "treatment",
            "Rehabilitation and treatment",
            ("treatment-capacity", "treatment-people", "methadone-dropouts"),
        ),
        TrendsSection("seizures", "Seizures and destruction", ("drug-seizures",)),
    )
}


def trends_section(requested: str | None) -> TrendsSection:
    """The section an address names, by id or (links made before ids) by its name; the first
    section for anything else."""
    for section in TRENDS_SECTIONS.values():
        if requested in (section.section_id, section.label):
            return section
    return next(iter(TRENDS_SECTIONS.values()))


def chart_page(chart_id: str) -> str:
    """Path and query of the dashboard view that shows the chart (anchor: the chart id):
    the Overview for the timeline, else the Trends section holding it."""
    for section in TRENDS_SECTIONS.values():
        if chart_id in section.chart_ids:
            return f"trends?section={section.section_id}"
    return ""


def build_chart(chart_id: str, frames: Frames) -> Chart | None:
    """The chart with this id, or None for an unknown id."""
    spec = CHARTS.get(chart_id)
    return spec.build(frames) if spec else None
