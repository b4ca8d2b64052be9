"""The campaign timeline: phases as bands, dated events as markers, one per event however many articles report it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.alike import more_line
from charts.hedged import add_phase_bands, year_ticks
from charts.model import EVIDENCE_COLUMNS, Chart
from charts.style import base_layout, colour, new_figure
from data_model.i18n import N_, translator
from data_model.safe_text import plotly_text
from data_model.wording import date_text, number

#: Event kinds as row labels, top to bottom.
KIND_LABELS = {
    "launch": N_("Launch"),
    "extension": N_("Extension"),
    "announcement": N_("Announcement"),
    "review_meeting": N_("Review meeting"),
    "destruction": N_("Drugs destroyed"),
    "death": N_("Death"),
    "other": N_("Other"),
}

_SPAN = {"month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def _span(r: object) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The days an event may fall in: the range the article bounds it to, else the whole
    month or year of an imprecise date; None for an event known to the day."""
    start = pd.Timestamp(r.event_date)  # type: ignore[attr-defined]
    end = getattr(r, "event_date_end", None)
    if end is not None and not pd.isna(end):
        return start, pd.Timestamp(end) + pd.DateOffset(days=1)
    precision = r.date_precision  # type: ignore[attr-defined]
    if precision in _SPAN:
        return start, start + _SPAN[precision]
    return None


def _midpoint(r: object) -> pd.Timestamp:
    """An event not known to the day sits in the middle of its span, not on its first day."""
    span = _span(r)
    if span is None:
        return pd.Timestamp(r.event_date)  # type: ignore[attr-defined]
    return span[0] + (span[1] - span[0]) / 2


def _precision_spans(fig: go.Figure, events: pd.DataFrame, rows: list[str]) -> None:
    """A bar across the days an imprecisely dated or bounded event may fall in."""
    for y, r in zip(rows, events.itertuples(), strict=True):
        span = _span(r)
        if span is not None:
            fig.add_trace(
                go.Scatter(
                    x=list(span),
                    y=[y, y],
                    mode="lines",
                    line={"color": colour(1), "width": 3},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                )
            )


#: How much of an event's date is known, by its precision.
_KNOWN_TO = {
    "day": N_("date known to the day"),
    "month": N_("date known to the month"),
    "year": N_("date known to the year"),
}


def _known(r: object, lang: str = "en") -> str:
    """How much of an event's date is known, in words."""
    t = translator(lang)
    end = getattr(r, "event_date_end", None)
    if end is not None and not pd.isna(end):
        first = date_text(r.event_date, "day", lang)  # type: ignore[attr-defined]
        said = t.gettext("between {first} and {last}, day not reported")
        return said.format(first=first, last=date_text(end, "day", lang))
    precision = str(r.date_precision)  # type: ignore[attr-defined]
    return t.gettext(_KNOWN_TO[precision]) if precision in _KNOWN_TO else precision


#: What makes two reports one event, drawn as one marker: the same kind, date (and its end and
#: precision) and title. What the chart holds then follows the events it shows, not how many
#: articles report them (issue 27: a 1000x corpus repeats each seed event 1,000 times).
SAME_EVENT = ["kind", "event_date", "event_date_end", "date_precision", "title"]

#: A marker cites this many of the articles reporting its event (its hover and the chart's
#: evidence); the rest are counted, and every one is on the Data page.
CITED_UP_TO = 3


def one_per_event(events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[int]]:
    """(one row per event, its first report, in the events' order; the reports cited, the
    first CITED_UP_TO of each event's; how many articles report each event)."""
    if events.empty:
        return events, events, []
    events = events.reset_index(drop=True)
    keys = events.reindex(columns=SAME_EVENT).astype(str)  # NaT and None group alike
    groups = keys.groupby(SAME_EVENT, sort=False, dropna=False).indices
    places = sorted(groups.values(), key=lambda at: at[0])
    cited = sorted(int(i) for at in places for i in at[:CITED_UP_TO])
    firsts = [int(at[0]) for at in places]
    return events.iloc[firsts], events.iloc[cited], [len(at) for at in places]


def _hover(markers: pd.DataFrame, events: pd.DataFrame, reports: list[int], lang: str) -> list[str]:
    """Each marker's date, title and the articles it cites (the first CITED_UP_TO reports'
    citations, each once), then how many more reports there are."""
    by_event = events.reindex(columns=SAME_EVENT).astype(str).apply(tuple, axis=1)
    citations: dict[tuple, list[str]] = {}
    for key, citation in zip(by_event, events["source_citation"], strict=True):
        said = citations.setdefault(key, [])
        if citation not in said:
            said.append(citation)
    out = []
    for key, r, n in zip(by_event.loc[markers.index], markers.itertuples(), reports, strict=True):
        cited = "".join(f"<br><i>{plotly_text(c)}</i>" for c in citations[key])
        # The reports beyond those cited, said as a point's reports beyond its first are.
        more = more_line(n - CITED_UP_TO + 1, lang)
        date = date_text(r.event_date, r.date_precision, lang)
        out.append(f"<b>{date}</b><br>{plotly_text(r.title)}{cited}{more}")
    return out


def _evidence(events: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    return pd.DataFrame(
        {
            "label": [date_text(r.event_date, r.date_precision, lang) for r in events.itertuples()],
            "metric_label": events["title"],
            "period": [_known(r, lang) for r in events.itertuples()],
            "attribution": events["source_outlet"],
            "quote": events["quote"],
            "source_id": events["source_id"],
            "source_citation": events["source_citation"],
            "source_url": events["source_url"],
            "source_archive_url": events.get("source_archive_url"),
            "source_accessed": events.get("source_accessed"),
        }
    )


def _axis_span(phases: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time axis's ends: 30 days before the first phase's start or event (or the first
    day an imprecisely dated event may fall on), 120 days after the last phase's end or
    event (or the last day it may fall on). The axis began at the first phase: an event
    years before it was drawn off the chart, its marker and its bar unseen."""
    days: list[pd.Timestamp] = []
    for column in ("start_date", "end_date"):
        days += [pd.Timestamp(d) for d in phases.get(column, ()) if pd.notna(d)]
    for r in events.itertuples():
        if pd.notna(r.event_date):
            days += [pd.Timestamp(r.event_date), *(_span(r) or ())]
    if not days:
        return pd.Timestamp("2018-01-01"), pd.Timestamp("2018-12-31") + pd.Timedelta(days=120)
    return min(days) - pd.Timedelta(days=30), max(days) + pd.Timedelta(days=120)


def campaign_timeline(phases: pd.DataFrame, events: pd.DataFrame, lang: str = "en") -> Chart:
    """Phases and events on one time axis; events with a month or year date say so. The
    events' titles are in the chart's language where the caller gave them so
    (charts.words.localised_events: title_km, else the English)."""
    t = translator(lang)
    fig = new_figure()
    first, last = _axis_span(phases, events)
    add_phase_bands(fig, phases, last.date(), lang)
    markers, cited, reports = one_per_event(events)
    if not events.empty:
        rows = [t.gettext(KIND_LABELS[k]) if k in KIND_LABELS else k for k in markers["kind"]]
        _precision_spans(fig, markers, rows)
        dates = pd.Series([_midpoint(r) for r in markers.itertuples()])
        fig.add_trace(
            go.Scatter(
                x=dates,
                y=rows,
                mode="markers",
                name=t.gettext("Event"),
                marker={
                    "size": 13,
                    "color": colour(1),
                    "line": {"width": 2, "color": colour(1)},
                    "symbol": [
                        "circle" if p == "day" else "circle-open" for p in markers["date_precision"]
                    ],
                },
                hovertext=_hover(markers, cited, reports, lang),
                hoverinfo="text",
            )
        )
    fig.update_xaxes(range=[first, last])
    year_ticks(fig, first, last, lang)
    present = [
        t.gettext(label) for kind, label in KIND_LABELS.items() if kind in set(events["kind"])
    ]
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=present[::-1],
        title=None,
        rangemode="normal",
    )
    base_layout(fig, y_title="", height=340, lang=lang)
    fig.update_layout(showlegend=False)
    n_open = phases["end_date"].isna().sum()
    counts = {"phases": number(len(phases), lang), "events": number(len(markers), lang)}
    takeaway = (
        t.gettext(
            "{phases} phases so far, the last still continuing; {events} dated events reported."
        )
        if n_open
        else t.gettext("{phases} phases so far; {events} dated events reported.")
    ).format(**counts) + t.gettext(
        " Hollow markers with a bar: only the month or year is known, and the event may fall "
        "anywhere along the bar."
    )
    if len(events) > len(cited):
        more = len(events) - len(cited)
        takeaway += t.ngettext(
            " {count} more report of the same events is on the Data page: each event is drawn "
            "once, citing at most {up_to} of the articles that report it.",
            " {count} more reports of the same events are on the Data page: each event is drawn "
            "once, citing at most {up_to} of the articles that report it.",
            more,
        ).format(count=number(more, lang), up_to=number(CITED_UP_TO, lang))
    sources = tuple(dict.fromkeys(events.sort_values("event_date")["source_citation"]))
    return Chart(
        "campaign-timeline",
        t.gettext("The campaign's phases and events"),
        takeaway,
        fig,
        _evidence(cited, lang),
        sources,
        lang,
    )
