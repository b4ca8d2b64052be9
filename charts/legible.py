"""A chart's figure fitted to a fixed drawing size: point labels that would collide are left out, long legend entries wrap.

Plotly places text but never moves it out of another's way, so at phone width two figures
reported weeks apart print over each other ("> 17,8≈017,800"). Labels are measured in
pixels (Pillow, with the sans font the drawings fall back to; Khmer with a Khmer font) and
kept greedily, the latest report first, then the largest, clear of other labels, markers,
range bars, bound arrows and phase names: a label left out still has its marker, its hover
text and its line in "How we know", so no report becomes unreachable. The y axis is given
room above the highest arrow for the phase names, so no arrow runs through one.

Whatever the span of dates (a figure added years after the rest squeezes the others to the
plot's left edge), everything placed by hand is placed in pixels at the drawing's size, not
in days: the date axis reaches EDGE_ROOM pixels past its first and last marker, so no arrow
head or range bar's cap runs into the y axis's tick labels; the phase names take rows at the
size they are drawn (the print layout's too); year ticks given as text (Khmer digits) keep
every first, second, fifth or tenth year, as many as fit side by side (docs/dashboard.md).

Long because every fitting a drawing needs (labels, phase names, legend, marker key) is here
together: each measures text the same way and yields to the others in one order.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import math
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from charts.style import figure_from
from corpus.khmer import ZERO_WIDTH, has_khmer, word_spans

#: The Khmer sign that sets the next consonant under the one before it, as a subscript.
COENG = "\u17d2"

#: Average glyph width as a share of the font size (Arial-like sans; errs wide).
GLYPH = 0.62
LINE = 1.25  # line height as a share of the font size
#: Where a label may go when its own place is taken, nearest first.
CANDIDATES = ("middle right", "middle left", "top center", "bottom center", "top left", "top right")
#: Below this drawing width the right margin grows, so the latest report's label fits.
NARROW_BELOW = 600
_TAGS = re.compile(r"<[^>]+>|&[a-z#0-9]+;")


@dataclass(frozen=True)
class _Box:
    left: float
    top: float
    right: float
    bottom: float

    def hits(self, other: _Box, pad: float = 3.0) -> bool:
        return not (
            self.right + pad <= other.left
            or other.right + pad <= self.left
            or self.bottom + pad <= other.top
            or other.bottom + pad <= self.top
        )


#: The fonts text is measured with: the sans a browser draws plotly's "Open Sans, verdana,
#: arial, sans-serif" in when Open Sans is not installed (DejaVu Sans, as wide as Verdana),
#: and a Khmer font for Khmer script. Missing fonts fall back to GLYPH per character.
FONTS = {
    "latin": (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    ),
    "khmer": (
        Path("/usr/share/fonts/truetype/khmeros/KhmerOS.ttf"),
        Path("/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf"),
    ),
}
_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
#: Measured at this size and scaled: one font object per script.
_MEASURE_AT = 100


@functools.cache
def _font(script: str) -> object | None:
    try:
        from PIL import ImageFont
    except ImportError:
        return None
    for path in FONTS[script]:
        if path.is_file():
            return ImageFont.truetype(str(path), _MEASURE_AT)
    return None


#: Runs of one script in a line: Khmer (with the spaces and marks inside it), or anything else.
_RUNS = re.compile("[\u1780-\u17ff\u19e0-\u19ff\u200b-\u200d]+|[^\u1780-\u17ff\u19e0-\u19ff]+")


def _line_width(line: str, size: float) -> float:
    plain = html.unescape(re.sub(r"<[^>]+>", "", line))
    width = 0.0
    # Each run in its own script's font, as the browser draws it: a Khmer source line's
    # "The Phnom Penh Post" is drawn in the Latin sans, wider than the Khmer font's Latin
    # letters it was measured in (a Khmer print footer ran off the drawing).
    for run in _RUNS.findall(plain):
        font = _font("khmer" if _KHMER.search(run) else "latin")
        if font is None:
            width += len(run) * size * GLYPH
        else:
            # 5% wider than DejaVu: readers' browsers may draw it in Verdana or Arial instead.
            width += font.getlength(run) * size / _MEASURE_AT * 1.05  # type: ignore[attr-defined]
    return width


def text_width(text: str, size: float) -> float:
    """Width in pixels of plotly text (lines split at <br>) at this font size."""
    return max(_line_width(line, size) for line in str(text).split("<br>"))


def _label_box(x: float, y: float, text: str, size: float, position: str) -> _Box:
    w, h, gap = text_width(text, size), size * LINE, 8.0  # gap: the marker's half-width
    vertical, _, horizontal = position.partition(" ")
    if horizontal == "right":
        left = x + gap
    elif horizontal == "left":
        left = x - gap - w
    else:
        left = x - w / 2
    if vertical == "top":
        top = y - gap - h
    elif vertical == "bottom":
        top = y + gap
    else:
        top = y - h / 2
    return _Box(left, top, left + w, top + h)


def _numeric(values: list[object], categories: list[object] | None) -> list[float] | None:
    if categories is not None:
        index = {c: i for i, c in enumerate(categories)}
        return [float(index[v]) for v in values] if all(v in index for v in values) else None
    try:
        return [pd.Timestamp(v).value / 1e9 if not isinstance(v, int | float) else float(v)
                for v in values]  # fmt: skip
    except (TypeError, ValueError):
        return None


def _band_labels(
    fig: go.Figure, left: float, sx: float, x0: float, plot_top: float, categories: list | None
) -> list[_Box]:
    """Boxes of labels pinned to the top of the plot at an x value (the phase names)."""
    boxes = []
    for note in fig.layout.annotations:
        if note.xref != "x" or note.yref not in ("y domain", "paper") or note.y != 1:
            continue
        at = _numeric([note.x], categories)
        if not note.text or at is None:
            continue
        size = (note.font.size if note.font and note.font.size else 12) or 12
        x, y = left + (at[0] - x0) * sx + (note.xshift or 0), plot_top - (note.yshift or 0)
        boxes.append(_Box(x, y, x + text_width(note.text, size), y + size * LINE))
    return boxes


def _range_bars(
    traces: list[go.Scatter], categories: list | None
) -> list[tuple[float, float, float]]:
    """(x, low, high) of every drawn range bar (approximate figures' error bars)."""
    out = []
    for trace in traces:
        bar = trace.error_y
        if not bar or bar.visible is False or bar.array is None:
            continue
        xs = _numeric(list(trace.x), categories) or []
        minus = bar.arrayminus if bar.arrayminus is not None else bar.array
        for x, y, plus, less in zip(xs, trace.y, bar.array, minus, strict=False):
            if y is not None and pd.notna(y) and (plus or less):
                out.append((x, float(y) - float(less or 0), float(y) + float(plus or 0)))
    return out


def _arrows(fig: go.Figure, categories: list | None) -> list[tuple[float, float, float]]:
    """(x, low, high) of every bound arrow drawn in data coordinates."""
    out = []
    for note in fig.layout.annotations:
        if not note.showarrow or note.axref != "x" or note.ayref != "y" or note.xref != "x":
            continue
        at = _numeric([note.x], categories)
        if at is None or note.y is None or note.ay is None:
            continue
        low, high = sorted((float(note.y), float(note.ay)))
        out.append((at[0], low, high))
    return out


def _on_bar(x: float, low: float, high: float, px: float, py: float) -> bool:
    """Whether the report at (px, py) is the one this range bar is drawn for."""
    return px == x and low <= py <= high


def _at_arrow_end(x: float, low: float, high: float, px: float, py: float) -> bool:
    """Whether the report at (px, py) is the one this bound arrow starts from."""
    return px == x and py in (low, high)


def _narrow_margin(margin: dict, width: int) -> dict:
    """The margins a drawing narrower than NARROW_BELOW is given: 40 px at the right at least,
    so the latest report's label fits."""
    if width >= NARROW_BELOW:
        return margin
    return {**margin, "r": max(margin.get("r") or 0, 40)}


#: Pixels kept between either end of a date axis and the nearest marker's centre: a marker's
#: half with its outline (7.5), an arrow's head or a range bar's cap beside it (6), and a gap.
#: A span given in days ("20 days before the first figure") is 2 px at phone width once a
#: figure lands seven years after the rest, and the first report's arrow ran into "5k".
EDGE_ROOM = 14
#: Pixels kept between two tick labels of a date axis given as text.
TICK_GAP = 10


def _plot_edges(layout: dict, width: int) -> tuple[float, float]:
    """The plot's left and right edges in pixels, erring narrow: the y axis's tick labels and
    title take about 70 px (as thin_point_labels reckons)."""
    margin = layout.get("margin") or {}
    return (margin.get("l") or 0) + 70, width - (margin.get("r") or 0)


def _date_span(layout: dict) -> tuple[float, float] | None:
    """The x axis's range in seconds where it is a date axis with a range set, else None."""
    axis = layout.get("xaxis") or {}
    if axis.get("type") == "category" or axis.get("categoryarray") is not None:
        return None
    x_range = axis.get("range")
    if not x_range or any(isinstance(v, int | float) for v in x_range):
        return None
    span = _numeric(list(x_range), None)
    return (span[0], span[1]) if span and span[1] > span[0] else None


def _seconds(t: float) -> str:
    return pd.Timestamp(int(t * 1e9)).isoformat()


def settle_the_plot(fig: go.Figure, width: int) -> go.Figure:
    """The figure with the plot's width and date range as they will be drawn at this width,
    before anything is placed in it by hand: a narrow drawing's right margin (_narrow_margin),
    and a date axis reaching EDGE_ROOM pixels (erring narrow) past its first and last marker,
    so a marker, its bound arrow or its range bar stays clear of the y axis's tick labels
    however many years the figures span. A copy where anything changes; the figure itself
    where nothing does (a category axis, a range already roomy enough, a wide drawing): the
    copy was a third of a chart's fitting (bench/fitting.py)."""
    margin = {"l": fig.layout.margin.l, "r": fig.layout.margin.r}
    narrow = _narrow_margin(margin, width)
    layout = {"margin": narrow, "xaxis": fig.layout.xaxis.to_plotly_json()}
    span = _date_span(layout)
    settled = span
    if span is not None:
        xs = [
            x
            for trace in fig.data
            if isinstance(trace, go.Scatter) and trace.x is not None
            for x in pd.to_datetime(pd.Series(list(trace.x)), errors="coerce").dropna()
        ]
        if xs:
            first, last = min(xs).value / 1e9, max(xs).value / 1e9
            left, right = _plot_edges(layout, width)
            share = EDGE_ROOM / max(right - left, 1.0)  # of the axis's length, at each end
            x0, x1 = span
            for _ in range(6):  # each end's room depends on the other's: a few rounds settle it
                room = share * (x1 - x0)
                x0, x1 = min(span[0], first - room), max(span[1], last + room)
            settled = (x0, x1)
    if narrow == margin and settled == span:
        return fig
    values = fig.to_plotly_json()
    layout = values.setdefault("layout", {})
    layout["margin"] = {**(layout.get("margin") or {}), "r": narrow["r"]}
    if settled != span and settled is not None:
        layout["xaxis"] = {**layout["xaxis"], "range": [_seconds(settled[0]), _seconds(settled[1])]}
    return figure_from(values)


def thin_date_ticks(fig: go.Figure, width: int) -> go.Figure:
    """The figure with its date axis's ticks given as text (a year each, in Khmer digits:
    charts.hedged.year_ticks) keep every year, or every 2nd, 5th, 10th..., as many as stand
    side by side at this width with TICK_GAP pixels between them (measured, in the axis's
    font). Plotly thins its own ticks but not ones it is given: eight years of Khmer digits
    printed over each other at phone width. A copy where a tick is left out, else the figure
    itself."""
    axis = fig.layout.xaxis.to_plotly_json()
    layout = {"margin": fig.layout.margin.to_plotly_json(), "xaxis": axis}
    span = _date_span(layout)
    vals, texts = axis.get("tickvals"), axis.get("ticktext")
    if span is None or vals is None or texts is None or len(vals) < 2:
        return fig  # nothing to thin: the figure itself, not a copy
    layout["font"] = fig.layout.font.to_plotly_json()
    size = (axis.get("tickfont") or {}).get("size") or (layout.get("font") or {}).get("size") or 14
    left, right = _plot_edges(layout, width)
    sx = (right - left) / (span[1] - span[0])
    ticks = [
        (
            pd.Timestamp(v).year,
            (at - span[0]) * sx,
            text_width(str(t), size) * (1.1 if has_khmer(str(t)) else 1),
        )
        for v, t in zip(vals, texts, strict=True)
        if span[0] <= (at := _numeric([v], None)[0]) <= span[1]  # type: ignore[index]
    ]
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        kept = [t for t in ticks if t[0] % step == 0]
        if all(b[1] - a[1] >= (a[2] + b[2]) / 2 + TICK_GAP for a, b in itertools.pairwise(kept)):
            break
    if len(kept) == len(ticks):
        return fig
    years = {t[0] for t in kept}
    pairs = [(v, t) for v, t in zip(vals, texts, strict=True) if pd.Timestamp(v).year in years]
    values = fig.to_plotly_json()
    values["layout"]["xaxis"] = {
        **values["layout"]["xaxis"],
        "tickvals": [v for v, _ in pairs],
        "ticktext": [t for _, t in pairs],
    }
    return figure_from(values)


def thin_point_labels(fig: go.Figure, width: int, height: int, *, widen: bool = True) -> go.Figure:
    """A copy of the figure whose point labels do not overlap each other or the image edges
    at width x height pixels (estimated). Narrower than NARROW_BELOW, the right margin
    widens (when `widen`) where the latest report's label would otherwise be left out."""
    fig = figure_from(fig)
    if width < NARROW_BELOW:
        fig.update_layout(margin=_narrow_margin({"r": fig.layout.margin.r}, width))
    traces = [
        t
        for t in fig.data
        if isinstance(t, go.Scatter) and t.text is not None and not isinstance(t.text, str)
    ]
    if not traces:
        return fig
    margin = fig.layout.margin
    # Room the y-axis ticks and title take (automargin); erring wide keeps labels inside.
    left = (margin.l or 0) + 70
    right = width - (margin.r or 0)
    # The plot's foot: where a layout reserves its bands below in pixels (the print PNG),
    # its margin says; else the legend below takes an estimated share.
    reserved = (margin.b or 0) > height * 0.2
    top, bottom = (margin.t or 0), height - margin.b - 4 if reserved else height * 0.62
    categories = list(fig.layout.xaxis.categoryarray) if fig.layout.xaxis.categoryarray else None
    points = []
    for t_index, trace in enumerate(traces):
        xs = _numeric(list(trace.x), categories)
        if xs is None:
            return fig
        size = (trace.textfont.size if trace.textfont and trace.textfont.size else 13) or 13
        positions = trace.textposition
        for i, (x, y, text) in enumerate(zip(xs, trace.y, trace.text, strict=True)):
            if text and y is not None and pd.notna(y):
                pos = positions if isinstance(positions, str) or positions is None else positions[i]
                points.append(
                    (t_index, i, x, float(y), str(text), float(size), pos or "middle right")
                )
    if not points:
        return fig
    if categories is not None:
        x0, x1 = -0.5, len(categories) - 0.5
    elif fig.layout.xaxis.range:
        x0, x1 = (float(v) for v in _numeric(list(fig.layout.xaxis.range), None) or (0, 1))
    else:
        x0, x1 = min(p[2] for p in points), max(p[2] for p in points)
    bars = _range_bars(traces, categories)
    arrows = _arrows(fig, categories)
    bands = _band_labels(fig, 0, 1, 0, margin.t or 0, None)
    highest = max([p[3] for p in points] + [b[2] for b in bars] + [a[2] for a in arrows])
    # Room above the highest marker, range bar or arrow head for a label and, where phases
    # are named along the top, for their names (two rows): nothing runs through "Phase 3".
    names = max((b.bottom - (margin.t or 0) for b in bands), default=0.0)  # their rows' depth
    room = (max(40.0, 20.0 + names) if bands else 20.0) / max(bottom - top, 1.0)
    y1 = highest / (1 - room) if highest > 0 else 1.0
    if fig.layout.yaxis.type in (None, "-", "linear") and not fig.layout.yaxis.range:
        fig.update_yaxes(range=[0, y1], autorange=False)
    sx = (right - left) / ((x1 - x0) or 1.0)
    sy = (bottom - top) / y1

    def at(x: float, y: float) -> tuple[float, float]:
        return left + (x - x0) * sx, bottom - y * sy

    # Range bars and bound arrows are lines a label must not be printed across. Each keeps
    # the report it is drawn for: beside its own bar or arrow (left or right of the marker)
    # a report's label crosses neither, so only another report's lines block it there.
    lines: list[tuple[_Box, Callable[[float, float], bool]]] = []
    for x, low, high in bars:  # the bar, and its caps at both ends
        (px, foot), (_, head) = at(x, low), at(x, high)
        mine = functools.partial(_on_bar, x, low, high)
        lines += [(_Box(px - 1.5, head, px + 1.5, foot), mine)]
        lines += [(_Box(px - 7, end - 1.5, px + 7, end + 1.5), mine) for end in (head, foot)]
    for x, low, high in arrows:  # the shaft, and the head at its far end
        (px, foot), (_, head) = at(x, low), at(x, high)
        mine = functools.partial(_at_arrow_end, x, low, high)
        lines += [(_Box(px - 1.5, head, px + 1.5, foot), mine)]
        lines += [(_Box(px - 6, head - 2, px + 6, head + 10), mine)]

    # Markers are obstacles too: a label printed over another report's marker hides it.
    markers = {
        (t_index, i): _Box(left + (x - x0) * sx - 7, bottom - y * sy - 7,
                           left + (x - x0) * sx + 7, bottom - y * sy + 7)
        for t_index, i, x, y, *_ in points
    }  # fmt: skip
    kept: list[_Box] = _band_labels(fig, left, sx, x0, margin.t or 0, categories)
    shown: dict[int, list[str]] = {n: [""] * len(t.x) for n, t in enumerate(traces)}
    where: dict[int, list[str]] = {
        n: [t.textposition] * len(t.x) if isinstance(t.textposition, str) or t.textposition is None
        else list(t.textposition)
        for n, t in enumerate(traces)
    }  # fmt: skip
    # The latest report first, then the largest: the labels a reader looks for.
    for t_index, i, x, y, text, size, pos in sorted(points, key=lambda p: (-p[2], -p[3])):
        px, py = left + (x - x0) * sx, bottom - y * sy
        for candidate in (pos, *CANDIDATES):
            box = _label_box(px, py, text, size, candidate)
            # Not over the y axis's tick labels either, left of the plotting area, nor
            # below the plot over the x axis's (a low figure's label met a phase's name).
            inside = (
                box.left >= left - 2
                and box.right <= width - 2 + 1e-6  # a widened margin puts it exactly there
                and box.top >= top - 10
                and box.bottom <= bottom + 2
            )
            own = markers[(t_index, i)]
            # A marker drawn on the same spot as this one (two reports of one figure) is
            # this marker's place, not an obstacle.
            others = [m for m in markers.values() if not m.hits(own, pad=-4)]
            beside = candidate.endswith(("left", "right"))
            crossed = [b for b, mine in lines if not (beside and mine(x, y))]
            if inside and not any(box.hits(other) for other in (*kept, *others, *crossed)):
                kept.append(box)
                shown[t_index][i], where[t_index][i] = text, candidate
                break
    latest = max(points, key=lambda p: (p[2], p[3]))
    if widen and width < NARROW_BELOW and not shown[latest[0]][latest[1]]:
        # The latest report's label is the one a reader looks for (Khmer digits run a few
        # pixels wider than the margin left): the plot narrows until it fits at its right.
        share = (latest[2] - x0) / ((x1 - x0) or 1.0)
        label = text_width(latest[4], latest[5]) + 8 + 2
        if 0 < share <= 1 and label < width - left:
            need = width - left - (width - label - left) / share
            if need > (margin.r or 0):
                fig.update_layout(margin={"r": need})
                # The plot narrowed: the axis's room at its ends and the phase names' rows
                # are reckoned again at its new width.
                fig = stagger_band_labels(settle_the_plot(fig, width), width)
                return thin_point_labels(fig, width, height, widen=False)
    for n, trace in enumerate(traces):
        trace.update(text=shown[n], textposition=where[n])
    return fig


def clusters(word: str) -> list[str]:
    """A word's clusters, the least pieces a line may break it into: a letter with the marks
    after it, and in Khmer the consonant after a COENG (U+17D2), drawn as the subscript under
    the letter before it ("ក្រ" is one cluster, never "ក្" and "រ"). As the browser breaks
    a word too long for its line (its grapheme clusters), with Khmer's subscripts kept."""
    out: list[str] = []
    for ch in word:
        joins = unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in ZERO_WIDTH[1:]
        if out and (joins or out[-1].endswith(COENG)):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _pieces(word: str, fits: Callable[[str], bool]) -> list[str]:
    """The word whole where it fits a line, else cut between clusters into pieces that do
    (a cluster wider than the line on its own stays whole: it cannot be cut)."""
    if fits(word):
        return [word]
    pieces = [""]
    for cluster in clusters(word):
        if pieces[-1] and not fits(pieces[-1] + cluster):
            pieces.append("")
        pieces[-1] += cluster
    return pieces


#: Brackets a line may not end on (the opening) or start with (the closing).
OPENING, CLOSING = ("(", "["), (")", "]")


def splits_brackets(lines: list[str]) -> bool:
    """Whether a line ends on an opening bracket or starts with a closing one."""
    return any(line.endswith(OPENING) or line.startswith(CLOSING) for line in lines)


def _bracketed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words, an opening bracket joined to the word after it and a closing one to the
    word before (Khmer's words are found apart from their brackets: a Khmer print footer's
    line ended on "(", its "(កាលបរិច្ឆេទសន្និដ្ឋាន)" on the next)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (text[slice(*out[-1])].endswith(OPENING) or text[start:end].startswith(CLOSING)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def wrap_text(
    text: str,
    chars: int,
    px: float | None = None,
    size: float = 14,
    *,
    cut: bool = True,
    spaces_only: bool = False,
) -> list[str]:
    """Lines of at most about `chars` characters, or, given `px`, at most `px` pixels wide
    at font `size` (measured, see text_width). Latin breaks at spaces (textwrap), a line
    still wider than `px` (wide letters, a long word) measured and broken again; Khmer,
    written without spaces between words, breaks between the words khmercut finds (a
    zero-width space is a break too). A word wider than the line on its own breaks between
    its clusters, never inside one, unless `cut` is False (the caller makes the font smaller
    instead: category names, charts.hedged.wrap_label). `spaces_only`: Latin, given `px`,
    breaks at spaces and is measured from the start (an address keeps its hyphens whole).
    No line ends on an opening bracket or starts with a closing one (_bracketed)."""
    if px is None:

        def too_long(line: str) -> bool:
            return len(line) > chars

    else:

        def too_long(line: str) -> bool:
            return text_width(line.strip(), size) > px

    if not has_khmer(text):
        lines = [] if spaces_only and px is not None else textwrap.wrap(text, chars)
        fit = px is None or not any(too_long(line) for line in lines)
        if lines and fit and not splits_brackets(lines):
            return lines  # the lines as they always were, where they fit
        spans = [m.span() for m in re.finditer(r"\S+", text)]
    else:
        spans = word_spans(text)
    spans = _bracketed(text, spans)

    lines: list[str] = []
    line, at = "", 0
    for start, end in spans:
        word = text[at:end]  # with the space or zero-width space before it, if any
        if line and too_long(line + word):
            lines.append(line.strip())
            word = text[start:end]
            line = ""
        if cut and too_long(line + word):  # alone on its line, still too wide: cut it
            *whole, word = _pieces(word.strip(), lambda piece: not too_long(piece))
            lines += whole
        line += word
        at = end
    line += text[at:]
    return [*lines, line.strip()] if line.strip() else lines


#: Plotly sets a legend's rows, and the lines of any text, 1.3 font sizes apart (its
#: LINE_SPACING). A line's box in the browser is as tall as its font's ascent and descent:
#: about 1.1 font sizes for Latin, 1.7-1.8 for Khmer (its vowels above and subscripts below;
#: measured in Chromium with fonts-khmeros: 24-25 px at 14 px, 31 at 18, 34 at 20).
PITCH, LATIN_BOX, KHMER_BOX = 1.3, 1.1, 1.8


def line_box(text: str) -> float:
    """The height of one line of this text's script, in font sizes (LATIN_BOX, KHMER_BOX)."""
    return KHMER_BOX if has_khmer(text) else LATIN_BOX


def row_gap(names: list[str], size: float) -> int:
    """Pixels added between a horizontal legend's rows so that no entry's text box reaches
    into the row below: plotly sets rows one line (PITCH) plus 3 px apart, less than a Khmer
    line's box; 0 where every name is in a script that fits (Latin)."""
    tallest = max((line_box(name) for name in names), default=LATIN_BOX)
    return max(0, math.ceil((tallest - PITCH) * size - 3) + 2)  # 2 px clear of the row below


#: Pixels a legend entry's symbol takes before its text (plotly's itemwidth and gaps).
SYMBOL = 40


def wrap_legend(
    fig: go.Figure, width: int, size: float = 14, left: float | None = None
) -> go.Figure:
    """A copy whose legend entries wrap to fit the drawing: each entry's text, after its
    symbol, ends inside width pixels where the legend starts at `left` (the plot's left: the
    print layout's y axis labels push it 60-210 px right); without `left`, its text is
    width - 60 px at most (a screen drawing's margin is 10 px and its text measured 5% wide).
    Widths are measured with the script's font. Where a name's script stands taller than
    plotly's rows (Khmer), the rows are set row_gap apart (each entry its own group, so
    plotly's gap between groups is a gap between rows)."""
    fig = figure_from(fig)
    room = width - 60 if left is None else width - left - SYMBOL - 2
    for trace in fig.data:
        name = trace.name
        if name and "<br>" not in name and text_width(name, size) > room:
            # Characters per line from this name's own measured width per character; Khmer
            # measured word by word.
            chars = max(12, int(len(name) * room / text_width(name, size)))
            trace.update(name="<br>".join(wrap_text(name, chars, room, size)))
    shown = [t for t in fig.data if t.showlegend is not False and t.name]
    if gap := row_gap([str(t.name) for t in shown], size):
        # Each entry a group of its own (a click still hides only its trace): laid out as
        # before, beside the last where it fits, else on the next row, rows gap px apart.
        for n, trace in enumerate(shown):
            if not trace.legendgroup:
                trace.update(legendgroup=f"entry-{n}")
        fig.update_layout(legend={"traceorder": "grouped", "tracegroupgap": gap})
    return fig


def _is_band_label(note: dict) -> bool:
    return bool(
        note.get("text")
        and note.get("xref") == "x"
        and note.get("yref") in ("y domain", "paper")
        and note.get("y") == 1
    )


def _size(note: dict) -> float:
    return (note.get("font") or {}).get("size") or 12


# The two fittings below work on the figure's values, not its plotly objects: setting an
# annotation through plotly checks every annotation again, which was most of a chart's
# fitting (bench/fitting.py).


#: The rows phase names may take along the top of the plot; names that would need more are
#: said together, "Phases 1–3" over their bands (the room left above the arrows is rows deep).
PHASE_ROWS = 2
#: An annotation's name that marks it a phase's name: the phase's number as written, and the
#: words for a run of phases ("Phases {first}–{last}"), in the chart's language.
PHASE_TAG = "phase-name:"


def phase_tag(number: str, run: str) -> str:
    """The name add_phase_bands gives a phase's name annotation (PHASE_TAG)."""
    return PHASE_TAG + json.dumps({"number": number, "run": run}, ensure_ascii=False)


def _tagged(note: dict) -> dict | None:
    name = note.get("name") or ""
    return json.loads(name[len(PHASE_TAG) :]) if name.startswith(PHASE_TAG) else None


@dataclass
class _Name:
    """A phase's name to place: its annotation, its text and where it starts in pixels right
    of the plot's left edge; the number of the last phase it stands for."""

    index: int
    text: str
    left: float
    last: str | None = None


def _rows(names: list[_Name], notes: list[dict], edge: float) -> list[tuple[_Name, float, int]]:
    """Each name with its shift left (to end inside the image) and the highest row where it
    clears the name before it."""
    ends: list[float] = []  # where the last name on each row ends, in pixels
    out = []
    for name in names:
        size = _size(notes[name.index])
        wide = text_width(name.text, size)
        # Khmer is drawn in a fallback font a tenth wider than the one measured.
        shift = min(0.0, edge - (name.left + wide * (1.1 if _KHMER.search(name.text) else 1)))
        left = name.left + shift
        row = next((r for r, end in enumerate(ends) if left >= end + 6), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = left + wide
        out.append((name, shift, row))
    return out


def _runs(names: list[_Name], notes: list[dict], together: bool) -> list[_Name]:
    """The names with each run of phases whose names reach the next phase's start said as
    one ("Phases 1–3", at the first's place), or all of them as one where `together`."""
    runs: list[list[_Name]] = []
    reach = 0.0  # where the name before ends
    for name in names:
        if runs and (together or name.left < reach + 6):
            runs[-1].append(name)
        else:
            runs.append([name])
        reach = name.left + text_width(name.text, _size(notes[name.index]))
    out = []
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            out.append(first)
            continue
        first_tag, last_tag = _tagged(notes[first.index]), _tagged(notes[last.index])
        number = last.last or last_tag["number"]
        out.append(
            _Name(
                first.index,
                first_tag["run"].format(first=first_tag["number"], last=number),
                first.left,
                number,
            )
        )
    return out


def stagger_band_labels(fig: go.Figure, width: int) -> go.Figure:
    """A copy of the figure whose phase names, pinned along the top of the plot, each take
    the highest row where they clear the name before them at this width. Khmer phase names
    ("ដំណាក់កាលទី១") are twice as wide as "Phase 1": at phone width two rows let the first
    and third print over each other, and a six-month phase is narrower than its name. A name
    that would run past the image's right edge (the phases squeezed to the right by a figure
    years before them) moves left until it ends inside it. Where the names would need more
    than PHASE_ROWS rows (the phases a thin slice of an axis years long), each run of phases
    too close for their names is named once, "Phases 1–3", and where even those need more,
    all the phases are named as one run: the room thin_point_labels leaves above the arrows
    is rows deep, and three rows of Khmer names ran into an arrow (stop 49's growth check)."""
    values = fig.to_plotly_json()
    layout = values.get("layout", {})
    notes = layout.get("annotations") or []
    bands = [i for i, note in enumerate(notes) if _is_band_label(note)]
    x_range = (layout.get("xaxis") or {}).get("range")
    span = _numeric(list(x_range), None) if x_range else None
    if not bands or not span:
        return fig
    margin = layout.get("margin") or {}
    # The plot's width, erring narrow (the y axis's labels take about 70 px): names that
    # may touch go a row lower.
    sx = (width - (margin.get("l") or 0) - (margin.get("r") or 0) - 70) / (
        (span[1] - span[0]) or 1.0
    )
    at = {i: _numeric([notes[i].get("x")], None) for i in bands}
    # Where the image ends, right of the plot's left edge: the plot ends at the right margin,
    # and its scale errs small, so a name's place measured from that end errs right.
    edge = (span[1] - span[0]) * sx + (margin.get("r") or 0) - 2
    names = [
        _Name(i, notes[i]["text"], (at[i][0] - span[0]) * sx)
        for i in sorted((i for i in bands if at[i]), key=lambda i: at[i][0])
    ]
    placed = _rows(names, notes, edge)
    tagged = all(_tagged(notes[n.index]) for n in names)
    for together in (False, True):
        if not tagged or max((row for *_, row in placed), default=0) < PHASE_ROWS:
            break
        names = _runs(names, notes, together)
        placed = _rows(names, notes, edge)
    said = {name.index for name in names}
    for name, shift, row in placed:
        note, size = notes[name.index], _size(notes[name.index])
        # A row is a line of the name's script: Khmer's stacked letters need more.
        line = 1.6 if _KHMER.search(name.text) else LINE
        notes[name.index] = {**note, "text": name.text, "yshift": -round(size * line + 0.5) * row}
        if shift or note.get("xshift"):
            notes[name.index]["xshift"] = round(shift)
    # The names said in a run's: their bands stay shaded, under the run's name.
    layout["annotations"] = [
        n for i, n in enumerate(notes) if i not in bands or i in said or not at[i]
    ]
    return figure_from(values)


#: The name of the marker-shape key's annotation, so a layout finds it in any language, and what
#: separates its entries on one line.
KEY_NAME, KEY_GAP = "marker-key", "   "


def wrap_key(fig: go.Figure, width: int) -> go.Figure:
    """A copy whose marker-shape key above the plot puts each entry of a line too wide for
    the plot on a line of its own (a Khmer key ran off a phone-width image's right edge);
    the top margin grows by the lines added."""
    values = fig.to_plotly_json()
    layout = values.setdefault("layout", {})
    margin = layout.get("margin") or {}
    # The key starts at the plot's left, after the y axis's labels (erring wide, as above).
    room = width - (margin.get("l") or 0) - 70 - (margin.get("r") or 0)
    notes = layout.get("annotations") or []
    for i, note in enumerate(notes):
        if note.get("name") == KEY_NAME and note.get("text"):
            size = _size(note)
            lines = []

            def wide(line: str) -> bool:
                # Khmer is drawn in a fallback font a tenth wider than the one measured.
                return text_width(line, size) * (1.1 if has_khmer(line) else 1) > room  # noqa: B023

            for line in str(note["text"]).split("<br>"):
                entries = [e.strip() for e in line.split(KEY_GAP)] if wide(line) else [line]
                for entry in entries:
                    # An entry too wide on a line of its own wraps between its words.
                    px = room / (1.1 if has_khmer(entry) else 1)
                    lines += wrap_text(entry, len(entry), px, size) if wide(entry) else [entry]
            added = len(lines) - str(note["text"]).count("<br>") - 1
            notes[i] = {**note, "text": "<br>".join(lines)}
            if added:
                margin = layout.get("margin") or {}
                layout["margin"] = {**margin, "t": (margin.get("t") or 0) + added * size * LINE}
    return figure_from(values)


def fitted(fig: go.Figure, width: int, height: int) -> go.Figure:
    """The figure as it will be drawn at width x height: the date axis clear of the y axis's
    labels, phase names in rows that keep them apart, labels thinned, year ticks that fit,
    legend and marker key wrapped."""
    fig = stagger_band_labels(settle_the_plot(fig, width), width)
    fig = thin_point_labels(wrap_key(fig, width), width, height)
    # The latest report's label may have widened the right margin: the key fits what is
    # left (a line that fitted before stays as it was).
    fig = wrap_key(fig, width)
    return wrap_legend(thin_date_ticks(fig, width), width)
