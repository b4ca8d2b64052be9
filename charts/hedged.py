"""Plotly primitives that draw reported figures with their hedges: bounds as arrows, gaps as gaps."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.alike import REPORTS, more_line
from charts.legible import KEY_NAME, phase_tag, text_width, wrap_text
from charts.style import (
    MARKER_KEY,
    PHASE_FILLS,
    SYMBOLS,
    append_to_layout,
    base_layout,
    new_figure,
    series_colours,
)
from corpus.khmer import has_khmer
from data_model.i18n import N_, translator
from data_model.safe_text import plotly_text
from data_model.wording import period_text

LOWER = {"more_than", "at_least"}

#: What a timeline with no figure to draw says in its place (figures in words only, or none).
NOTHING_TO_DRAW = N_("No figure with a number to draw")
UPPER = {"fewer_than", "at_most"}


def reference_date(frame: pd.DataFrame) -> pd.Series:
    """The day a figure stands for on a time axis: the end of its period, else its as-of date."""
    return pd.to_datetime(frame["period_end"]).fillna(pd.to_datetime(frame["as_of"]))


def _hover(frame: pd.DataFrame, lang: str = "en") -> list[str]:
    # The columns as lists: a row loop over a frame of Arrow text reads each cell slowly.
    columns = ("label", "metric_label", "period_start", "period_end", "as_of", "attribution",
               "source_citation")  # fmt: skip
    # A point several articles report alike (charts.alike) says how many more there are.
    reports = frame[REPORTS].tolist() if REPORTS in frame.columns else [1] * len(frame)
    return [
        f"<b>{plotly_text(label)}</b> {plotly_text(metric)}<br>"
        f"{plotly_text(period_text(start, end, as_of, lang))}"
        f"<br>{plotly_text(said_by)}<br><i>{plotly_text(citation)}</i>{more_line(n, lang)}"
        for label, metric, start, end, as_of, said_by, citation, n in zip(
            *(frame[c].tolist() for c in columns), reports, strict=True
        )
    ]


def _error_bars(frame: pd.DataFrame) -> dict[str, object]:
    """Approximate figures and ranges show their range; other figures show none."""
    approx = frame["qualifier"].isin(["approx", "between"])
    plus = (frame["value_high"] - frame["value"]).where(approx, 0).fillna(0)
    minus = (frame["value"] - frame["value_low"]).where(approx, 0).fillna(0)
    return {
        "type": "data",
        "symmetric": False,
        "array": plus.tolist(),
        "arrayminus": minus.tolist(),
        "thickness": 1.5,
        "width": 6,
        "visible": bool(approx.any()),
    }


#: Up to this many reports in one chart, every marker carries its printed label; above it,
#: only the reports that matter do (the earliest, the latest, the highest, the lowest) and
#: every other report keeps its marker, its hedge shape and its hover text.
LABEL_ALL_UP_TO = 12


def notable(frame: pd.DataFrame, xs: Sequence[object], up_to: int = LABEL_ALL_UP_TO) -> pd.Series:
    """Which reports get a printed label: all of them in a small chart; in a large one the
    earliest and latest on the x axis and the highest and lowest value."""
    if len(frame) <= up_to:
        return pd.Series(True, index=frame.index)
    order = pd.Series(list(xs), index=frame.index)
    keep = pd.Series(False, index=frame.index)
    values = frame["value"].dropna()
    picks = [order.idxmin(), order.idxmax()]
    if not values.empty:
        picks += [values.idxmax(), values.idxmin()]
    keep[picks] = True
    return keep


def _bound_arrows(xs: Sequence[object], frame: pd.DataFrame, span: float) -> list[dict]:
    """An open-ended arrow from each bound: up for 'more than', down for 'fewer than'.

    Returned as plain dicts for ONE assignment (charts.style.append_to_layout):
    ``fig.add_annotation`` re-checks every annotation already there, so one call per arrow
    grows with the square of the reports (800 arrows: over a minute one by one).
    """
    arrows = []
    for x, value, qualifier in zip(xs, frame["value"], frame["qualifier"], strict=True):
        if qualifier in LOWER:
            head = value + span
        elif qualifier in UPPER:
            head = max(value - span, 0)
        else:
            continue
        arrows.append(
            {
                "x": x,
                "y": head,
                "ax": x,
                "ay": value,
                "xref": "x",
                "yref": "y",
                "axref": "x",
                "ayref": "y",
                "showarrow": True,
                "arrowhead": 2,
                "arrowsize": 1.2,
                "arrowwidth": 1.5,
                "arrowcolor": "rgba(60,60,60,0.7)",
                "text": "",
            }
        )
    return arrows


def _series_colours(frame: pd.DataFrame, group: str) -> dict[str, str]:
    """Colour per group, keyed to its source (and metric), the first-added source first
    (source_added, else the oldest), so adding an article never recolours the others, even
    one about earlier events (donors embed these charts)."""
    if frame.empty or "source_id" not in frame.columns:
        return series_colours(
            [str(g) for g in dict.fromkeys(frame[group])] if not frame.empty else []
        )
    keyed = frame.assign(
        _key=frame["source_id"]
        if group == "source_label" or "metric_id" not in frame.columns
        else frame["metric_id"] + " " + frame["source_id"]
    )
    first = "source_added" if "source_added" in keyed.columns else "source_published_on"
    order = [c for c in (first, "source_id") if c in keyed.columns]
    keyed = keyed.sort_values(order, kind="stable")
    by_key = series_colours(keyed["_key"].tolist())
    return {str(g): by_key[k] for g, k in zip(keyed[group], keyed["_key"], strict=True)}


def _points(
    fig: go.Figure,
    frame: pd.DataFrame,
    xs: Sequence[object],
    name: str,
    colour: str,
    labelled: pd.Series | None = None,
    lang: str = "en",
) -> None:
    shown = labelled.loc[frame.index] if labelled is not None else None
    text = [
        plotly_text(label) if shown is None or shown[idx] else ""
        for idx, label in zip(frame.index, frame["label"], strict=True)
    ]
    fig.add_trace(
        go.Scatter(
            x=list(xs),
            y=frame["value"].tolist(),
            mode="markers+text",
            name=plotly_text(name),
            text=text,
            # Alternate label sides so figures reported days apart stay legible.
            textposition=["middle right" if n % 2 == 0 else "top left" for n in range(len(frame))],
            textfont={"size": 13},
            cliponaxis=False,
            marker={
                "size": 13,
                "color": colour,
                "symbol": [SYMBOLS[q] for q in frame["qualifier"]],
                "line": {"width": 2, "color": colour},
            },
            error_y=_error_bars(frame),
            hovertext=_hover(frame, lang),
            hoverinfo="text",
        )
    )


def _span(frame: pd.DataFrame) -> float:
    top = pd.concat([frame["value"], frame["value_high"]]).max()
    return float(top) * 0.18 if pd.notna(top) and top > 0 else 1.0


def add_phase_bands(fig: go.Figure, phases: pd.DataFrame, until: dt.date, lang: str = "en") -> None:
    """Shade each campaign phase and name it, so a figure is read against its phase."""
    # Written as the shapes and labels plotly's add_vrect makes (a rectangle over the
    # x range, the full height; its label inside the top left corner), and added in one
    # layout update: add_vrect checks every annotation already on the figure again, and
    # cost a fifth of a seed build. The figure comes out the same.
    t = translator(lang)
    shapes: list[dict] = []
    labels: list[dict] = []
    for i, ph in enumerate(phases.itertuples()):
        if pd.Timestamp(ph.start_date) >= pd.Timestamp(until):
            continue  # begins after the last figure: its label would hang off the edge
        end = ph.end_date if pd.notna(ph.end_date) else pd.Timestamp(until)
        end = min(pd.Timestamp(end), pd.Timestamp(until))
        at = {"xref": "x", "yref": "y domain"}
        shapes.append(
            at | {"type": "rect", "x0": ph.start_date, "x1": end, "y0": 0, "y1": 1}
            | {"fillcolor": PHASE_FILLS[i % 2], "line": {"width": 0}, "layer": "below"}
        )  # fmt: skip
        number = t.digits(str(ph.ordinal))
        labels.append(
            at | {"x": ph.start_date, "y": 1, "xanchor": "left", "yanchor": "top"}
            | {"text": t.gettext("Phase {number}").format(number=number),
               # Its number and the words for a run of phases: where the phases are too
               # close for each to be named, charts.legible names a run of them once.
               "name": phase_tag(number, t.gettext("Phases {first}–{last}")),
               "showarrow": False, "font": {"size": 11, "color": "#555"},
               # Short phases sit close together: every other label a line lower, so
               # neighbours never print over each other on a phone.
               "yshift": -14 * (i % 2)}
        )  # fmt: skip
    append_to_layout(fig, labels, shapes)


def timeline(
    frame: pd.DataFrame, phases: pd.DataFrame, group: str, y_title: str, lang: str = "en"
) -> go.Figure:
    """Each figure as a marker on the date it stands for, one colour per group, no lines
    between reports (a line would claim values the articles never gave)."""
    fig = new_figure()
    if frame.empty:
        # Empty axes would read as a scale with nothing, or zero, on it: a sentence instead.
        fig.add_annotation(
            text=translator(lang).gettext(NOTHING_TO_DRAW),
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 14, "color": "#555"},
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return base_layout(fig, y_title=y_title, lang=lang)
    frame = frame.assign(_x=reference_date(frame)).sort_values("_x").reset_index(drop=True)
    span = _span(frame)
    colours = _series_colours(frame, group)
    labelled = notable(frame, frame["_x"].tolist())
    arrows: list[dict] = []
    for name, part in frame.groupby(group, sort=False):
        _points(fig, part, part["_x"].tolist(), str(name), colours[str(name)], labelled, lang)
        arrows += _bound_arrows(part["_x"].tolist(), part, span)
    append_to_layout(fig, arrows)
    first = min(frame["_x"].min(), pd.to_datetime(phases["start_date"]).min())
    # Room on the right for the last marker's label ("3,554.13 kg").
    last = frame["_x"].max() + max(pd.Timedelta(days=60), (frame["_x"].max() - first) * 0.15)
    add_phase_bands(fig, phases, last.date(), lang)
    fig.update_xaxes(range=[first - pd.Timedelta(days=20), last])
    year_ticks(fig, first - pd.Timedelta(days=20), last, lang)
    return _with_key(base_layout(fig, y_title=y_title, lang=lang), lang)


def year_ticks(fig: go.Figure, first: pd.Timestamp, last: pd.Timestamp, lang: str) -> None:
    """In a language other than English, a tick at each new year written in its digits
    (plotly would write English month names and Latin digits under a date axis)."""
    if lang == "en":
        return
    years = range(pd.Timestamp(first).year + 1, pd.Timestamp(last).year + 1)
    t = translator(lang)
    fig.update_xaxes(
        tickvals=[pd.Timestamp(year=y, month=1, day=1) for y in years],
        ticktext=[t.digits(str(y)) for y in years],
    )


def categorical(
    frame: pd.DataFrame,
    x: str,
    order: list[str],
    group: str,
    y_title: str,
    empty_note: str = N_("no figure reported"),
    lang: str = "en",
) -> go.Figure:
    """Figures placed on named categories (phases, metrics); a category with no figure
    gets a note at the baseline, never a zero."""
    fig = new_figure()
    span = _span(frame) if not frame.empty else 1.0
    frame = frame.reset_index(drop=True)
    colours = _series_colours(frame, group)
    # Categories have no order in time: a large chart labels its highest and lowest
    # report in each category, so no category is left without a printed figure.
    labelled = _notable_per_category(frame, x) if not frame.empty else None
    arrows: list[dict] = []
    for name, part in frame.groupby(group, sort=False):
        _points(fig, part, part[x].tolist(), str(name), colours[str(name)], labelled, lang)
        arrows += _bound_arrows(part[x].tolist(), part, span)
    append_to_layout(fig, arrows)
    empty_note = translator(lang).gettext(empty_note)
    present = set(frame[x]) if not frame.empty else set()
    append_to_layout(
        fig,
        [
            {
                "x": cat,
                "y": 0,
                "yref": "y",
                "text": empty_note,
                "showarrow": False,
                "yshift": 14,
                "font": {"size": 12, "color": "#555"},
            }
            for cat in order
            if cat not in present
        ],
    )
    # Long category names wrap, so they stay level and legible at phone width.
    fig.update_xaxes(
        tickvals=order,
        ticktext=[wrap_label(c, room=_category_room(order)) for c in order],
        # The axis's own size (a phone's is smaller) unless a long Khmer word needs less.
        **({"tickfont": {"size": size}} if (size := _category_font_size(order)) else {}),
        tickangle=0,
        type="category",
        categoryorder="array",
        categoryarray=order,
        range=[-0.5, len(order) - 0.5],
    )
    if frame.empty:
        fig.update_yaxes(range=[0, 1], showticklabels=False)
    # Wrapped category names take three lines under the axis, Khmer ones sometimes more:
    # the legend goes lower, below the longest.
    lines = max(
        (wrap_label(c, room=_category_room(order)).count("<br>") + 1 for c in order), default=1
    )
    legend_y = -max(0.34, 0.14 + 0.065 * lines)
    return _with_key(base_layout(fig, y_title=y_title, legend_y=legend_y, lang=lang), lang)


def _notable_per_category(frame: pd.DataFrame, x: str) -> pd.Series:
    if len(frame) <= LABEL_ALL_UP_TO:
        return pd.Series(True, index=frame.index)
    keep = pd.Series(False, index=frame.index)
    for _, part in frame.groupby(x, sort=False):
        values = part["value"].dropna()
        if not values.empty:
            keep[[values.idxmax(), values.idxmin()]] = True
    return keep


#: The plot's width in the phone drawing (charts.style.NARROW less the y axis and its title:
#: 310 of 420 px measured in a Khmer drawing), which the category names share: a name wider
#: than its share runs into its neighbour's.
NARROW_PLOT = 310
#: Pixels kept clear between two category names, so they never touch.
NAME_GAP = 6
#: The axis's font size, and the least it is made to fit a long Khmer word.
_TICK_SIZE, _LEAST_TICK_SIZE = 14, 11


def _category_room(order: list[str]) -> float:
    """Pixels a wrapped Khmer category name may take: its share of the phone drawing's plot,
    at most the width of 16 Latin characters."""
    return min(16 * 14 * 0.45, NARROW_PLOT / max(len(order), 1) - NAME_GAP)


def _category_font_size(order: list[str]) -> int | None:
    """The category axis's font size where a Khmer word, which is never broken, is wider than
    its category's room at 14 px ('អ្នកប្រើប្រាស់' is 83 px; four categories share 71 px each
    on a phone): as much smaller as it needs, at least 11 px. None: the axis's own size."""
    room = _category_room(order)
    widest = max(
        (text_width(wrap_label(c, room=room), _TICK_SIZE) for c in order if has_khmer(c)),
        default=0.0,
    )
    if widest <= room:
        return None
    return max(_LEAST_TICK_SIZE, math.floor(_TICK_SIZE * room / widest))


def wrap_label(text: str, width: int = 16, room: float | None = None) -> str:
    """Break a category label into short lines (Plotly wraps nothing by itself); Khmer,
    written without spaces, breaks between its words (charts.legible.wrap_text), as many
    of its characters as measure the width of `width` Latin ones (its vowel signs and
    subscripts stack, so a character count says little)."""
    # Khmer: lines measured at most `room` pixels wide, else about as wide as `width`
    # characters of Latin text at 14 px (0.45 em each on average); its words are never cut.
    px = (room or width * 14 * 0.45) if has_khmer(text) else None
    lines = wrap_text(text, width, px, cut=False)  # a word too wide: the font shrinks
    return "<br>".join(plotly_text(line) for line in lines) or plotly_text(text)


def _with_key(fig: go.Figure, lang: str = "en") -> go.Figure:
    """Explain the marker shapes under the plot, so the hedge reads without a legend hunt."""
    key = dict(name=KEY_NAME, text=translator(lang).gettext(MARKER_KEY), showarrow=False)
    key |= dict(xref="paper", yref="paper", x=0, y=1.01, xanchor="left", yanchor="bottom")
    append_to_layout(fig, [key | dict(font={"size": 11, "color": "#555"}, align="left")])
    fig.update_layout(margin={"t": 85})
    return fig
