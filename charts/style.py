"""The look shared by every chart: a colour-blind-safe palette, fonts and hedge markers."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from data_model.i18n import N_, translator
from data_model.wording import number

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
PALETTE = [
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow (last: weak on white)
]

# Phase bands alternate two pale greys so labels stay readable on top of them.
PHASE_FILLS = ["rgba(0,0,0,0.06)", "rgba(0,0,0,0.02)"]

#: Marker per qualifier: the hedge is visible in the shape, not only in the label.
SYMBOLS = {
    "exact": "circle",
    "approx": "diamond-open",
    "more_than": "triangle-up",
    "at_least": "triangle-up",
    "fewer_than": "triangle-down",
    "at_most": "triangle-down",
    "between": "square-open",
}

#: Plotly's mode bar is noise for most readers; PNG export lives on the Embed & share page.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}

#: Chart drawing sizes in CSS pixels: a wide one for laptops, a tall narrow one for phones.
WIDE, NARROW = (1000, 460), (420, 620)
#: The interactive chart's phone layout: plotly draws text at its own size in whatever width
#: the phone leaves (320 px screens less the page's padding), where the narrow SVG is scaled.
INTERACTIVE_NARROW = (300, 620)

MARKER_KEY = N_(
    "● exact   ◇ approximate, with its range<br>"
    "▲ more than / at least (arrow: no upper limit)<br>▼ fewer than / at most"
    "   □ a range (bar: its low to its high end)"
)
#: Plotly's default families, then Khmer fonts (fonts-khmeros, Noto): a Khmer chart's SVG is
#: drawn by the reader's browser, which must find a font with Khmer glyphs.
KHMER_FAMILY = (
    '"Open Sans", verdana, arial, "Khmer OS System", "Khmer OS", "Noto Sans Khmer", sans-serif'
)


#: Every chart's template.
TEMPLATE = "plotly_white"
_TEMPLATE_VALUES = pio.templates[TEMPLATE].to_plotly_json()


def new_figure(data: object = None, layout: dict | None = None) -> go.Figure:
    """A figure in the charts' template, set unchecked as plotly sets its default template
    (its values are plotly's own, valid): set the usual way, the template's thousands of
    values were copied and checked for every figure, a fifth of a seed build's time. Not
    plotly's default itself: Streamlit makes its own the default when imported. Should
    plotly drop the flag, the template is only set the slow way, the same."""
    fig = go.Figure(data=data, layout=layout)
    fig.layout._validate = False
    try:
        fig.layout.template = pio.templates[TEMPLATE]
    finally:
        fig.layout._validate = True
    return fig


def figure_from(source: go.Figure | dict) -> go.Figure:
    """A new figure of the same traces and layout as `source` (a figure, or its JSON read
    back), free to change: in the charts' template made as new_figure makes it (plotly's own
    copy checked the template's values again, a third of the images pass's planning), any
    other template copied."""
    values = source.to_plotly_json() if isinstance(source, go.Figure) else source
    layout = dict(values.get("layout", {}))
    if layout.get("template") != _TEMPLATE_VALUES:
        return go.Figure(data=values.get("data"), layout=layout)
    del layout["template"]
    return new_figure(values.get("data"), layout)


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def home_colour(key: str) -> int:
    """The palette slot a series key hashes to: the same for a key on every chart, run and
    machine (sha256, not Python's per-process salted hash)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % len(PALETTE)


def series_colours(keys: Sequence[str]) -> dict[str, str]:
    """A colour per series keyed to the series (a source id), never to its position.

    Keys are placed in the order given (callers pass the first-added source first); each
    takes its home colour, or, if an earlier key on the same chart holds it, the next free
    one. An article added later therefore never recolours the sources already drawn, whatever
    its date. Past eight series colours repeat.
    """
    taken: dict[str, str] = {}
    used: set[int] = set()
    for key in dict.fromkeys(keys):
        home = home_colour(key)
        slot = next(
            (
                s % len(PALETTE)
                for s in range(home, home + len(PALETTE))
                if s % len(PALETTE) not in used
            ),
            home,
        )
        used.add(slot)
        taken[key] = PALETTE[slot]
    return taken


#: About how many steps a value axis is cut into, as plotly's own ticks are at this height.
_Y_STEPS = 5


def _nice_step(span: float) -> float:
    """A tick step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` in about
    _Y_STEPS steps, as plotly's automatic ticks do."""
    raw = span / _Y_STEPS
    power = 10 ** math.floor(math.log10(raw))
    return next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw)


def native_y_ticks(fig: go.Figure, lang: str) -> None:
    """The value axis's ticks written the way `lang` writes numbers (Khmer digits and
    separators: '២០.០០០'), placed from the figure's own values. Plotly writes Latin digits
    whatever its separators say, so the ticks are given as text (tickvals and ticktext).
    Nothing changes in English, or where the axis shows no numbers (event rows)."""
    if lang == "en":
        return
    values = [
        float(v)
        for trace in fig.data
        if getattr(trace, "y", None) is not None and getattr(trace, "yaxis", None) in (None, "y")
        for v in pd.to_numeric(pd.Series(list(trace.y)), errors="coerce").dropna()
    ]
    if not values:
        return
    low, high = min(0.0, *values), max(0.0, *values)
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    first, last = math.floor(low / step), math.ceil(high / step)
    # One tick past the data: plotly pads its range, and shows only the ticks inside it.
    ticks = [round(n * step, 10) for n in range(first, last + 2)]
    fig.update_yaxes(tickvals=ticks, ticktext=[number(v, lang) for v in ticks])


def append_to_layout(
    fig: go.Figure, annotations: Sequence[dict] = (), shapes: Sequence[dict] = ()
) -> None:
    """Add annotations and shapes after those already on the figure, in one assignment each.

    plotly's update_layout and add_annotation check every annotation already there again,
    each through a search of the whole list, so a chart with thousands of labelled reports
    (1000x the seeds) took minutes; the layout's plain copy and one assignment take a
    fraction of a second and give the same figure.
    """
    if not annotations and not shapes:
        return
    # Only the lists extended are copied: the whole layout's copy took its template too.
    if shapes:
        fig.layout.shapes = [*(s.to_plotly_json() for s in fig.layout.shapes), *shapes]
    if annotations:
        held = (a.to_plotly_json() for a in fig.layout.annotations)
        fig.layout.annotations = [*held, *annotations]


def base_layout(
    fig: go.Figure, *, y_title: str, height: int = 420, legend_y: float = -0.18, lang: str = "en"
) -> go.Figure:
    """Readable on a laptop and at phone width: legend below, labels not clipped. In Khmer,
    Khmer fonts, and numbers grouped the way the catalogue says (plotly's separators: the
    decimal mark, then the thousands separator)."""
    layout: dict = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "font": {"size": 14},
        "legend": {"orientation": "h", "yanchor": "top", "y": legend_y, "x": 0, "title": None},
        "hoverlabel": {"font_size": 13},
        "yaxis": {"title": y_title, "rangemode": "tozero", "separatethousands": True},
        # A little space under the axis, so the first date clears the y axis's "0".
        "xaxis": {"title": None, "ticklabelstandoff": 6},
    }
    if lang != "en":
        t = translator(lang)
        native_y_ticks(fig, lang)
        layout["font"]["family"] = KHMER_FAMILY
        layout["separators"] = t.pgettext("decimal mark", ".") + t.pgettext(
            "thousands separator", ","
        )
        # Whole numbers on the axis ("20.000"), not SI's Latin "20k".
        layout["yaxis"]["exponentformat"] = "none"
    # One update: each checks and dispatches the layout again.
    fig.update_layout(layout)
    return fig
