"""The notes a chart carries under it (what is measured and left unknown, phases with no figure of their own), for the screen and the print images."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from charts.catalogue import chart_metrics
from charts.model import Chart, measured
from data_model.i18n import translator
from data_model.qualifiers import Qualifier
from data_model.wording import HEDGE_PHRASES, period_text
from database import queries
from database.connection import Reader

#: How a check's detail states the bound it works out ('users must be at least 61.8%').
_BOUND = re.compile(r"must be (at least|at most) ([\d.,]+%?)")


def phase_gaps_text(
    indicators: pd.DataFrame,
    phases: pd.DataFrame,
    checks: pd.DataFrame,
    metric_ids: tuple[str, ...],
    lang: str = "en",
) -> str:
    """For a chart of one metric: the campaign phases its figures span that no figure of
    its own covers (a figure over a longer period, or one restating another, is not one),
    and the checks whose arithmetic bounds the metric over such a phase, with the bound
    they work out ('at least 61.8%'). '' when every phase spanned has a figure of its own."""
    t = translator(lang)
    if len(metric_ids) != 1 or phases.empty:
        return ""
    rows = indicators[indicators["metric_id"] == metric_ids[0]]
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return ""
    own = set(rows.loc[rows["restates"].isna(), "phase_id"].dropna())
    if not own:  # a metric never reported phase by phase: no phase is missing its figure
        return ""
    share = set(rows["unit_kind"]) == {"share"}
    first = pd.to_datetime(rows["period_start"].fillna(rows["as_of"])).min()
    last = pd.to_datetime(rows["as_of"]).max()
    spanned = phases[
        (pd.to_datetime(phases["start_date"]) <= last)
        & (pd.to_datetime(phases["end_date"]) >= first)
    ]
    missing = spanned[~spanned["phase_id"].isin(own)]
    if missing.empty:
        return ""
    names = [f"“{t.pick(p.name, getattr(p, 'label_km', None))}”" for p in missing.itertuples()]
    text = t.ngettext(
        "No figure of its own is reported for {phases}: the figures drawn across it cover "
        "a longer period or repeat an earlier one.",
        "No figure of their own is reported for {phases}: the figures drawn across them "
        "cover longer periods or repeat earlier ones.",
        len(names),
    ).format(phases=t.gettext(" and ").join(names))
    for check in checks[checks["kind"] == "arithmetic"].itertuples():
        bound = _BOUND.search(str(check.detail))
        # The check names the metric by its id or, worded for readers, by its label.
        named = (metric_ids[0], str(rows["metric_label"].iloc[0]).lower())
        mentioned = any(n in str(check.detail).lower() for n in named)
        overlaps = any(
            pd.Timestamp(check.period_start) <= pd.Timestamp(p.end_date)
            and pd.Timestamp(check.period_end) >= pd.Timestamp(p.start_date)
            for p in missing.itertuples()
        )
        # A share's bound is a percentage, a count's a number: never one for the other.
        if bound and mentioned and overlaps and bound.group(2).endswith("%") == share:
            hedge = t.gettext(HEDGE_PHRASES[Qualifier(bound.group(1).replace(" ", "_"))])
            text += " " + t.gettext(
                "The counts reported for {period} imply {bound}: see the [Data checks]({href})."
            ).format(
                period=period_text(check.period_start, check.period_end, None, lang),
                bound=hedge.format(amount=t.number_text(bound.group(2))),
                href="checks" + ("?lang=" + lang if lang != "en" else ""),
            )
    return text


#: A markdown link, kept as its words on paper.
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def print_notes(
    chart: Chart,
    metrics: pd.DataFrame,
    indicators: pd.DataFrame,
    phases: pd.DataFrame,
    checks: pd.DataFrame,
) -> tuple[str, ...]:
    """The notes the dashboard shows under a chart, as plain sentences for its print images:
    what is measured (and what the articles leave unknown), and
    the phases with no figure of their own with the checks that bound them."""
    t = translator(chart.lang)
    notes = []
    metric_ids = chart_metrics(chart.chart_id)
    said, _said_lang = measured(metrics, metric_ids, chart.lang)
    if said:
        notes.append(t.gettext("What is measured: {measures}").format(measures=said))
    gaps = phase_gaps_text(indicators, phases, checks, metric_ids, chart.lang)
    if gaps:
        notes.append(_LINK.sub(r"\1", gaps))
    return tuple(notes)


def notes_by_chart(
    reader: Reader, charts: Iterable[Chart]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """print_notes of each chart, by (chart id, language), read from one database."""
    tables = (
        queries.metrics(reader),
        queries.indicators(reader),
        queries.phases(reader),
        queries.consistency_checks(reader),
    )
    return {(c.chart_id, c.lang): print_notes(c, *tables) for c in charts}
