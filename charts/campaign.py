"""The campaign timeline: phases as bands, dated events as markers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.hedged import add_phase_bands
from charts.model import EVIDENCE_COLUMNS, Chart
from charts.style import base_layout, colour
from monitor.safe_text import plotly_text

_PRECISION_FORMAT = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def event_date_text(day: object, precision: str) -> str:
    """A date shown only as precisely as it is known: '26 Jun 2017', 'May 2017', '2018'."""
    return pd.Timestamp(day).strftime(_PRECISION_FORMAT.get(precision, "%-d %b %Y"))


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


def _midpoint(day: object, precision: str) -> pd.Timestamp:
    """An event known only to the month or year sits in the middle of it, not on the 1st."""
    start = pd.Timestamp(day)
    if precision not in _SPAN:
        return start
    return start + (start + _SPAN[precision] - start) / 2


def _precision_spans(fig: go.Figure, events: pd.DataFrame, rows: list[str]) -> None:
    """A bar across the whole month or year an imprecisely dated event may fall in."""
    for y, r in zip(rows, events.itertuples(), strict=True):
        if r.date_precision in _SPAN:
            start = pd.Timestamp(r.event_date)
            fig.add_trace(
                go.Scatter(
                    x=[start, start + _SPAN[r.date_precision]],
                    y=[y, y],
                    mode="lines",
                    line={"color": colour(1), "width": 3},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                )
            )


def _evidence(events: pd.DataFrame) -> pd.DataFrame:
    if events.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    return pd.DataFrame(
        {
            "label": [event_date_text(r.event_date, r.date_precision) for r in events.itertuples()],
            "metric_label": events["title"],
            "period": [f"date known to the {p}" for p in events["date_precision"]],
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
        dates = pd.Series([_midpoint(r.event_date, r.date_precision) for r in events.itertuples()])
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
                    f"<b>{event_date_text(r.event_date, r.date_precision)}</b>"
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
