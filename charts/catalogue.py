"""Every chart the product shows, embeds and exports, by stable id, and the Trends sections, from the data.

Over 400 lines: the curated charts are declarations, one per chart with its takeaway (a
charts.yaml could hold them as data); the build alone runs it (etl.chart_rows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol
from urllib.parse import quote_plus, urlsplit

import numpy as np
import pandas as pd

from charts.alike import alike_note, more_reports, one_per_point
from charts.campaign import campaign_timeline
from charts.hedged import categorical, notable, reference_date, timeline
from charts.model import EVIDENCE_COLUMNS, Chart
from charts.words import (
    localised_events,
    localised_figures,
    localised_phases,
    metric_labels,
    of_the_country,
)
from data_model.i18n import LANGUAGES, N_, translator
from data_model.wording import hedged_words, number, period_text, unit_words


class Frames(Protocol):
    """Where charts get their data: monitor.data in the app, a Reader adapter in exports."""

    def indicators(self, *, metric_ids: Sequence[str] = ...) -> pd.DataFrame: ...

    def phases(self) -> pd.DataFrame: ...

    def metrics(self) -> pd.DataFrame: ...

    def events(self) -> pd.DataFrame: ...


def _when(row: Mapping, lang: str = "en") -> str:
    return period_text(row["period_start"], row["period_end"], row["as_of"], lang)


def _words(row: Mapping, lang: str = "en") -> str:
    """The figure with its hedge, worded from its unit's declaration (units.yaml)."""
    return hedged_words(
        row["value"], row["qualifier"], unit_words(row), lang, value_to=row.get("value_to")
    )


def _evidence(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    out = frame.assign(period=[_when(r, lang) for r in _rows(frame)])
    return out[EVIDENCE_COLUMNS].reset_index(drop=True)


#: A takeaway names every figure up to this many; beyond, only the ones that matter.
LIST_ALL_UP_TO = 6


def _figure_list(frame: pd.DataFrame, with_metric: bool = False, lang: str = "en") -> str:
    """The figures in words; with many, the earliest, latest, highest and lowest, and how
    many more there are (every one stays in 'How we know' and on the Data page)."""
    shown = frame
    if len(frame) > LIST_ALL_UP_TO:
        frame = frame.reset_index(drop=True)
        shown = frame[notable(frame, reference_date(frame).tolist(), LIST_ALL_UP_TO)]
    parts = []
    for r in _rows(shown):
        what = f"{r['metric_label'].lower()}: " if with_metric else ""
        parts.append(f"{what}{_words(r, lang)} ({_when(r, lang)})")
    text = "; ".join(parts)
    if len(shown) < len(frame):
        t = translator(lang)
        more = len(frame) - len(shown)
        text += "; " + t.ngettext(
            "{count} other report, in 'How we know' and on the Data page",
            "{count} other reports, each in 'How we know' and on the Data page",
            more,
        ).format(count=number(more, lang))
    return text


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures by the day they stand for, then by value (missing ones last in each, as
    pandas sorts): one take of the rows, not a frame with a column added, sorted, dropped."""
    days = reference_date(frame)
    when = days.to_numpy(dtype="datetime64[ns]").astype("int64").astype(float)
    when[days.isna().to_numpy()] = np.inf
    order = np.lexsort((frame["value"].to_numpy(dtype=float, na_value=np.nan), when))
    return frame.iloc[order]


def _rows(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as dicts: a row loop without a Series made for every row."""
    return frame.to_dict("records")


# --- takeaways: one plain sentence computed from the figures shown --------------------------


def _independent(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(independent reports, restatements): a figure marked as restating another is the same
    fact told again, drawn and linked but never counted as news (review 6, 7)."""
    if "restates" not in frame.columns:
        return frame, frame.iloc[0:0]
    again = frame["restates"].notna()
    return frame[~again], frame[again]


def _restated(again: pd.DataFrame, lang: str = "en") -> str:
    if again.empty:
        return ""
    n = len(again)
    said = translator(lang).ngettext(
        "{count} report restates another figure: drawn, not counted.",
        "{count} reports restate another figure: drawn, not counted.",
        n,
    )
    return " " + said.format(count=number(n, lang))


#: What a takeaway is given: the figures drawn, the phases, and the language to word it in.
Takeaway = Callable[[pd.DataFrame, pd.DataFrame, str], str]


def _national(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the country's figures, one area's): a takeaway compares the country's alone where
    there are any (as the Overview's headline does)."""
    compared = of_the_country(frame)
    return frame[compared], frame[~compared]


def _areas(local: pd.DataFrame, lang: str = "en") -> str:
    if local.empty:
        return ""
    said = translator(lang).ngettext(
        "{count} figure for one area is drawn beside them, not compared.",
        "{count} figures for one area each are drawn beside them, not compared.",
        len(local),
    )
    return " " + said.format(count=number(len(local), lang))


def _takeaway_arrests(frame: pd.DataFrame, phases: pd.DataFrame, lang: str = "en") -> str:
    t = translator(lang)
    independent, again = _independent(frame)
    country, local = _national(independent if not independent.empty else frame)
    ordered = _sorted(country)
    first, last = ordered.iloc[0], ordered.iloc[-1]
    if len(ordered) == 1:
        said = t.gettext("One arrest figure is reported: {figures}.")
        figures = _figure_list(ordered, lang=lang)
        return said.format(figures=figures) + _areas(local, lang) + _restated(again, lang)
    said = t.gettext(
        "Reported arrests rose from {first} ({first_when}) to {last} ({last_when}). Each "
        "figure counts everyone arrested since the launch; none is a tally for one phase alone."
    )
    return (
        said.format(
            first=_words(first, lang),
            first_when=_when(first, lang),
            last=_words(last, lang),
            last_when=_when(last, lang),
        )
        + _areas(local, lang)
        + _restated(again, lang)
    )


def _takeaway_by_phase(frame: pd.DataFrame, phases: pd.DataFrame, lang: str = "en") -> str:
    # A phase is covered by an independent report only: a restatement dated later does not
    # make a phase look reported (review 7).
    t = translator(lang)
    independent, again = _independent(frame)
    covered = set(independent["phase_name"])
    with_figures = [p for p in phases["name"] if p in covered]
    without = [p for p in phases["name"] if p not in covered]
    text = t.gettext("Arrest figures are reported in {reported} of {phases} phases").format(
        reported=number(len(with_figures), lang), phases=number(len(phases), lang)
    )
    if without:
        text += t.gettext("; none for {phases}").format(phases=", ".join(without))
        if set(again["phase_name"]) & set(without):
            text += t.gettext(" (a report placed there restates an earlier figure)")
    return text + t.gettext(
        ". Figures are cumulative since the launch, placed in the phase they reach."
    )


def _takeaway_list(prefix: str, with_metric: bool = False) -> Takeaway:
    """A takeaway listing the figures after `prefix` (a catalogue string with {figures})."""

    def takeaway(frame: pd.DataFrame, phases: pd.DataFrame, lang: str = "en") -> str:
        independent, again = _independent(frame)
        listed = independent if not independent.empty else frame
        figures = _figure_list(_sorted(listed), with_metric, lang)
        if "{figures}" not in prefix:  # a prefix given in code: the figures follow it
            return f"{prefix} {figures}.{_restated(again, lang)}"
        said = translator(lang).gettext(prefix).format(figures=figures)
        return said + _restated(again, lang)

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
    takeaway: Takeaway
    question: str  # the question the chart answers, for the Embed & share page
    #: The title and y_title are the data's words in every language (a metric's own chart:
    #: its label and unit, translated by the caller), not catalogue strings.
    from_data: bool = False

    def build(self, frames: Frames, lang: str = "en") -> Chart:
        t = translator(lang)
        reported = localised_figures(frames.indicators(metric_ids=list(self.metric_ids)), lang)
        # Vague words ("thousands") have no number: they are never drawn as one.
        data = reported[reported["value"].notna()]
        # Two articles reporting the same metric get their own colours, never one series.
        data = data.assign(metric_and_source=data["metric_label"] + " · " + data["source_label"])
        # Every article cited in the source line; a figure reported alike drawn once.
        cited = data
        data = one_per_point(data, self.group)
        phases = localised_phases(frames.phases(), lang)
        y_title = self.y_title if self.from_data else t.gettext(self.y_title)
        if self.layout == "timeline":
            fig = timeline(data, phases, self.group, y_title, lang)
        elif self.layout == "by_phase":
            data = _assign_phase(data, phases, lang)
            # A figure dated outside every phase has no column here: it was drawn off the
            # axis, unseen, and stopped the labels' thinning. It stays on the timeline and in
            # the data.
            data = data[data["phase_name"].isin(set(phases["name"]))]
            fig = categorical(
                data, "phase_name", list(phases["name"]), self.group, y_title, lang=lang
            )
        else:
            labels = metric_labels(frames.metrics(), lang)
            order = [labels.get(m, m) for m in self.metric_ids]
            fig = categorical(data, "metric_label", order, self.group, y_title, lang=lang)
        if not reported.empty and reported["value"].isna().all():
            # Only words ("thousands"): said as the articles say them, and shown in 'How we
            # know', never drawn.
            cited, data = reported, one_per_point(reported, self.group)
            takeaway = _in_words_only(data, lang) + alike_note(more_reports(data), lang)
        elif data.empty:
            takeaway = t.gettext("No article reports these figures yet.")
        else:
            takeaway = self.takeaway(data, phases, lang) + alike_note(more_reports(data), lang)
        sources = tuple(dict.fromkeys(_sorted(cited)["source_citation"])) if not data.empty else ()
        title = self.title if self.from_data else t.gettext(self.title)
        return Chart(self.chart_id, title, takeaway, fig, _evidence(data, lang), sources, lang)


def _in_words_only(frame: pd.DataFrame, lang: str = "en") -> str:
    """The takeaway of a chart whose every figure is vague words with no number."""
    t = translator(lang)
    # In English the article's own word, quoted; in another language its translation, which
    # is not the article's word and so carries no quotation marks.
    said = "; ".join(
        (f"“{r['vague']}”" if lang == "en" else t.gettext(str(r["vague"]))) + f" ({_when(r, lang)})"
        for r in _rows(_sorted(frame))
    )
    return t.gettext("Reported only in words, with no number to draw: {said}.").format(said=said)


def _assign_phase(frame: pd.DataFrame, phases: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Place each figure in the phase its reference date falls in (figures that span phases
    have no phase_id of their own, but their end date lies in one)."""
    starts = pd.to_datetime(phases["start_date"])
    ends = pd.to_datetime(phases["end_date"])
    names = []
    for day in reference_date(frame):
        match = phases[(starts <= day) & (ends.isna() | (ends >= day))]
        outside = translator(lang).gettext("outside the phases")
        names.append(match["name"].iloc[0] if not match.empty else outside)
    return frame.assign(phase_name=names)


class ChartSpec(Protocol):
    """What every chart definition offers: a stable id, a title, its question, a builder."""

    chart_id: str
    title: str
    question: str

    def build(self, frames: Frames, lang: str = ...) -> Chart: ...


#: The curated charts: several metrics drawn together, or one drawn its own way, each with a
#: takeaway of its own. Each shows in the Trends section of every category it draws figures
#: of; a metric none of them draws gets a chart of its own from the data (metric_chart).
CURATED: dict[str, ChartDef] = {
    c.chart_id: c
    for c in [
        ChartDef(
            "arrests-over-time",
            N_("Arrests reported since the campaign began"),
            ("arrests-total",),
            "timeline",
            "source_label",
            N_("people arrested (cumulative)"),
            _takeaway_arrests,
            "How many people have been arrested?",
        ),
        ChartDef(
            "arrests-by-phase",
            N_("Arrest figures by campaign phase"),
            ("arrests-total",),
            "by_phase",
            "source_label",
            N_("people arrested (cumulative)"),
            _takeaway_by_phase,
            "What arrest figures are reported in each phase?",
        ),
        ChartDef(
            "users-share",
            N_("Drug users as a share of those arrested"),
            ("arrests-share-users",),
            "timeline",
            "source_label",
            N_("% of arrests"),
            _takeaway_list(N_("Reports put drug users at {figures}.")),
            "Are those arrested users or traffickers?",
        ),
        ChartDef(
            "users-vs-traffickers",
            N_("Users and traffickers: arrested and imprisoned"),
            ("arrests-users", "arrests-traffickers", "users-imprisoned", "traffickers-imprisoned"),
            "by_metric",
            "source_label",
            N_("people"),
            _takeaway_list(N_("Reported: {figures}."), with_metric=True),
            "How do users and traffickers compare?",
        ),
        ChartDef(
            "treatment-capacity",
            N_("Rehabilitation centres and treatment clinics"),
            ("rehabilitation-centres", "voluntary-treatment-clinics"),
            "by_metric",
            "source_label",
            N_("facilities"),
            _takeaway_list(N_("Reported: {figures}."), with_metric=True),
            "How much treatment capacity is there?",
        ),
        ChartDef(
            "treatment-people",
            N_("People sent to rehabilitation or in community-based treatment"),
            ("sent-to-rehabilitation", "community-treatment-people"),
            "timeline",
            "metric_and_source",
            N_("people"),
            _takeaway_list(N_("Reported: {figures}."), with_metric=True),
            "How many people reach rehabilitation or treatment?",
        ),
        ChartDef(
            "methadone-dropouts",
            N_("Methadone clients who stopped treatment"),
            ("methadone-dropouts",),
            "timeline",
            "source_label",
            N_("clients"),
            _takeaway_list(N_("Reported: {figures}.")),
            "Did the crackdown interrupt treatment?",
        ),
        ChartDef(
            "drug-seizures",
            N_("Drugs seized and destroyed"),
            ("drugs-seized-kg", "drugs-destroyed-kg", "precursors-seized-kg"),
            "timeline",
            "metric_and_source",
            N_("kilograms"),
            _takeaway_list(N_("Reported: {figures}."), with_metric=True),
            "How much was seized and destroyed?",
        ),
    ]
}


@dataclass(frozen=True)
class TimelineDef:
    """The phases-and-events chart, which draws no metric."""

    chart_id: str = "campaign-timeline"
    title: str = N_("The campaign's phases and events")
    question: str = "When did what happen?"

    def build(self, frames: Frames, lang: str = "en") -> Chart:
        phases, events = localised_phases(frames.phases(), lang), frames.events()
        return campaign_timeline(phases, localised_events(events, lang), lang)


TIMELINE = TimelineDef()

#: Prefix of the id of a chart made for one metric from the data: metric-<metric_id>.
METRIC_CHART = "metric-"


def metric_chart(metric_id: str, label: str, unit_label: str) -> ChartDef:
    """The chart of one metric no curated chart draws: its figures over time, one colour per
    article, each listed with its hedge in the takeaway. Its title and axis are the data's
    words (label, unit label): Khmer ones come from label_km (localised_metric_chart)."""
    return ChartDef(
        f"{METRIC_CHART}{metric_id}",
        label,
        (metric_id,),
        "timeline",
        "source_label",
        unit_label,
        _takeaway_list(N_("Reported: {figures}.")),
        f"What figures are reported for {label[:1].lower()}{label[1:]}?",
        from_data=True,
    )


@dataclass(frozen=True)
class _InLanguage:
    """A metric's own chart whose title and axis are its labels in each language (label_km).
    Plain data only: the build keys a chart by its definition's text (etl.chart_rows)."""

    chart_id: str
    title: str
    question: str
    metric_ids: tuple[str, ...]
    unit_label: str
    #: (language, title, axis title) for each language.
    words: tuple[tuple[str, str, str], ...]

    def build(self, frames: Frames, lang: str = "en") -> Chart:
        english = metric_chart(self.metric_ids[0], self.title, self.unit_label)
        said = {code: (title, axis) for code, title, axis in self.words}
        title, y_title = said.get(lang, (english.title, english.y_title))
        return replace(english, title=title, y_title=y_title).build(frames, lang)


@dataclass(frozen=True)
class TrendsSection:
    """One section of the Trends page (a category of metrics): the id its address carries,
    the name readers see, the charts it shows."""

    section_id: str
    label: str
    chart_ids: tuple[str, ...]
    #: The section's name in each language the build wrote (categories.yaml label_km).
    labels: dict[str, str] = field(default_factory=dict, compare=False)


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


def _label_km(part: pd.DataFrame) -> str | None:
    """The category's Khmer name (categories.yaml label_km), when the query gives one."""
    if "category_label_km" not in part.columns:
        return None
    value = part["category_label_km"].iloc[0]
    return value if isinstance(value, str) else None


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
                english = metric_chart(row.metric_id, row.label, row.unit_label)
                words = tuple(
                    (
                        lang,
                        translator(lang).pick(row.label, getattr(row, "label_km", None)),
                        translator(lang).pick(row.unit_label, getattr(row, "unit_label_km", None)),
                    )
                    for lang in LANGUAGES
                )
                charts[english.chart_id] = _InLanguage(
                    english.chart_id,
                    english.title,
                    english.question,
                    english.metric_ids,
                    row.unit_label,
                    words,
                )
                shown.append(english.chart_id)
        if shown:
            labels = {
                lang: translator(lang).pick(str(label), _label_km(part)) for lang in LANGUAGES
            }
            sections[str(category)] = TrendsSection(str(category), str(label), tuple(shown), labels)
    charts[TIMELINE.chart_id] = TIMELINE
    return Catalogue(charts, sections)


def chart_page(chart_id: str) -> str:
    """Path and query of the dashboard view that shows the chart (anchor: the chart id): the
    Overview for the timeline, else Trends opened on the section holding it (?chart=, so the
    link holds wherever the data places the chart)."""
    if chart_id == TIMELINE.chart_id:
        return ""
    return f"trends?chart={quote_plus(chart_id)}"


def chart_url(dashboard_url: str, chart_id: str, lang: str = "en") -> str:
    """The chart's place on the dashboard, e.g. https://host/trends?chart=x#x, in the
    reader's language (&lang=km)."""
    if urlsplit(dashboard_url).scheme not in ("http", "https"):
        # The link goes into files others host: never a javascript: or file: address.
        raise ValueError(f"dashboard URL must start with http:// or https://: {dashboard_url!r}")
    # The same address as the dashboard's own permalinks (monitor.ui.permalink).
    page = chart_page(chart_id)
    if lang != "en":
        page += ("&" if "?" in page else "?") + f"lang={lang}"
    return f"{dashboard_url.rstrip('/')}/{page}#{chart_id}"


def chart_metrics(chart_id: str) -> tuple[str, ...]:
    """The metrics a chart draws, from its id alone (a curated chart's list, metric-<id>'s
    one metric, none for the timeline): the embed's "get the data" and "what is measured"."""
    if chart_id in CURATED:
        return CURATED[chart_id].metric_ids
    if chart_id.startswith(METRIC_CHART):
        return (chart_id.removeprefix(METRIC_CHART),)
    return ()
