"""The campaign timeline: phases as bands, dated events as markers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.hedged import add_phase_bands
from charts.model import EVIDENCE_COLUMNS, Chart
from charts.style import base_layout, colour
from data_model.safe_text import plotly_text
from data_model.wording import date_text

#: Event kinds as row labels, top to bottom.
KIND_LABELS = {
    "launch": "Launch",
    "extension": "Extension",
    "announcement": "Announcement",
    "review_meeting": "Review meeting",
    "destruction": "Drugs destroyed",
    "death": "Death",
    "other": "Other",
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


def _known(r: object) -> str:
    """How much of an event's date is known, in words."""
    end = getattr(r, "event_date_end", None)
    if end is not None and not pd.isna(end):
        first = date_text(r.event_date, "day")  # type: ignore[attr-defined]
        return f"between {first} and {date_text(end, 'day')}, day not reported"
    return f"date known to the {r.date_precision}"  # type: ignore[attr-defined]


def _evidence(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    return pd.DataFrame(
        {
            "label": [date_text(r.event_date, r.date_precision) for r in events.itertuples()],
            "metric_label": events["title"],
            "period": [_known(r) for r in events.itertuples()],
            "attribution": events["source_outlet"],
            "quote": events["quote"],
            "source_id": events["source_id"],
            "source_citation": events["source_citation"],
            "source_url": events["source_url"],
        }
    )


def campaign_timeline(phases: pd.DataFrame, events: pd.DataFrame) -> Chart:
    """Phases and events on one time axis; events with a month or year date say so."""
    fig = go.Figure()
    dates = (
        pd.to_datetime(events["event_date"])
        if not events.empty
        else pd.Series(dtype="datetime64[ns]")
    )
    last = max(
        [d for d in [dates.max(), pd.to_datetime(phases["end_date"]).max()] if pd.notna(d)],
        default=pd.Timestamp("2018-12-31"),
    ) + pd.Timedelta(days=120)
    add_phase_bands(fig, phases, last.date())
    if not events.empty:
        rows = [KIND_LABELS.get(k, k) for k in events["kind"]]
        _precision_spans(fig, events, rows)
        dates = pd.Series([_midpoint(r) for r in events.itertuples()])
        fig.add_trace(
            go.Scatter(
                x=dates,
                y=rows,
                mode="markers",
                name="Event",
                marker={
                    "size": 13,
                    "color": colour(1),
                    "line": {"width": 2, "color": colour(1)},
                    "symbol": [
                        "circle" if p == "day" else "circle-open" for p in events["date_precision"]
                    ],
                },
                hovertext=[
                    f"<b>{date_text(r.event_date, r.date_precision)}</b>"
                    f"<br>{plotly_text(r.title)}<br><i>{plotly_text(r.source_citation)}</i>"
                    for r in events.itertuples()
                ],
                hoverinfo="text",
            )
        )
    first = pd.to_datetime(phases["start_date"]).min() - pd.Timedelta(days=30)
    fig.update_xaxes(range=[first, last])
    present = [label for kind, label in KIND_LABELS.items() if kind in set(events["kind"])]
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=present[::-1],
        title=None,
        rangemode="normal",
    )
    base_layout(fig, y_title="", height=340)
    fig.update_layout(showlegend=False)
    n_open = phases["end_date"].isna().sum()
    takeaway = (
        f"{len(phases)} phases so far"
        + (", the last still continuing" if n_open else "")
        + f"; {len(events)} dated events reported. Hollow markers with a bar: only the month or "
        "year is known, and the event may fall anywhere along the bar."
    )
    sources = tuple(dict.fromkeys(events.sort_values("event_date")["source_citation"]))
    return Chart(
        "campaign-timeline",
        "The campaign's phases and events",
        takeaway,
        fig,
        _evidence(events),
        sources,
    )
