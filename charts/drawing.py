"""Draw a chart as a static image (SVG for pages, PNG and SVG for print) through a kept Chromium.

The PNG's print layout (title, takeaway, key, legend, footer in pixels) and the browsers
(kaleido's own sync server for one image; kaleido's own tabs for a build's batch, TABS at
once: bench/draw_images.py measures the two side by side) live here together.
Long because the print layout (bands measured in pixels, the note-only form of a chart with
nothing to draw) is one piece with the Drawing it makes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import json
import os
import re
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kaleido
import plotly.graph_objects as go
from choreographer.errors import (
    BrowserClosedError,
    BrowserDepsError,
    BrowserFailedError,
    ChannelClosedError,
    ChromeNotFoundError,
)
from kaleido.errors import JavascriptError

from charts.catalogue import chart_url
from charts.hedged import KEY_NAME
from charts.legible import (
    LINE,
    PITCH,
    fitted,
    line_box,
    settle_the_plot,
    splits_brackets,
    stagger_band_labels,
    text_width,
    thin_date_ticks,
    thin_point_labels,
    wrap_legend,
    wrap_text,
)
from charts.model import NOTHING_DRAWN, Chart, draws_nothing
from charts.style import figure_from
from corpus.khmer import has_khmer
from data_model.i18n import translator
from data_model.wording import PROJECT

#: Debian's Chromium; $MONITOR_CHROMIUM points elsewhere (e.g. on a Mac).
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "install it with `apt-get install chromium` (as root), or run `make browser`"

#: The PNG is a print layout: 1000 CSS pixels wide at scale 3 (3000 pixels, 300 dpi at 25 cm),
#: every text at least PRINT_MIN_FONT px, which printed 16 cm wide (A4 less margins) is
#: 18 x 0.16 m / 1000 px = 8.2 pt. Its height follows from its texts, for a plot at least
#: PRINT_PLOT_HEIGHT high.
PNG_WIDTH, PNG_SCALE = 1000, 3
PRINT_MIN_FONT, PRINT_PLOT_HEIGHT = 18, 420
#: Pixels a Khmer title takes beyond a Latin one at 28 px (see png_figure).
KHMER_TITLE_EXTRA = 14
#: The title's size, and its left edge in the image (not the plot's, which the y axis's
#: labels push right by an amount known only once drawn): a title wrapped to the width
#: left of that edge is never cut at the right.
TITLE_SIZE, EDGE = 28, 40
#: Printed width the minimum font size is reckoned for (cm), and points per cm.
PRINT_WIDTH_CM, PT_PER_CM = 16.0, 72 / 2.54
#: The screen images' note for a chart with no point to draw: its font size and the space
#: above and below it, in CSS pixels.
NOTE_FONT, NOTE_PAD = 16, 12
RENDER_TIMEOUT = 60.0
#: Images kaleido draws at once for a batch (a build's images pass), one Chromium tab each:
#: while one tab waits on plotly.js, the other renders (bench/draw_images.py).
TABS = 2


class PngUnavailable(RuntimeError):
    """Drawing images cannot run on this machine; the message says what to install."""


# --- PNG -----------------------------------------------------------------------------------


def _lines(
    text: str, width: int, size: float = PRINT_MIN_FONT, room: float = PNG_WIDTH - 80
) -> list[str]:
    """The text's lines, each measured to fit `room` pixels at `size` px (escaped for plotly,
    which reads <, > and & as markup in titles and annotations)."""
    if has_khmer(text) and text:
        # Khmer has few spaces: it breaks between words, each line measured in its font.
        return [html.escape(line) for line in wrap_text(text, width, room, size)] or [""]
    # Addresses and ids hold hyphens: lines break at spaces only, where `width` characters
    # fit; a line of wide letters or a long address is measured and broken again.
    lines = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)
    if any(text_width(line, size) > room for line in lines) or splits_brackets(lines):
        lines = wrap_text(text, width, room, size, spaces_only=True)
    return [html.escape(line) for line in lines] or [""]


#: Pixels kept between the takeaway's last line and the marker key under it.
KEY_GAP = 5


def _takeaway_foot(title: list[str], takeaway: list[str]) -> float:
    """Where the print's takeaway ends, in pixels from the image's top, as plotly draws it
    (measured in Chromium): the title's first line's box from 9 px down (4 px in Khmer, whose
    box is taller), the takeaway 14 px under the title (28 px when it is one line), and
    each text as tall as text_height says."""
    plain = [html.unescape(line) for line in title]
    start = 4 if any(has_khmer(line) for line in plain) else 9
    below = 14 + (14 if len(takeaway) == 1 else 0)
    shown = [html.unescape(line) for line in takeaway]
    return start + text_height(plain, TITLE_SIZE) + below + text_height(shown, 20)


def _plot_left(fig: go.Figure) -> float:
    """The plot's left edge in the print layout, erring right: the left margin, then where
    the y axis is shown, its widest tick label (its category names, measured; or its top
    figure, a quarter past the highest drawn, written as plotly writes it: "25k" in English,
    every digit in Khmer) and its title."""
    size = PRINT_MIN_FONT
    axis = fig.layout.yaxis
    if axis.visible is False:
        return 40.0
    names = [str(n) for n in (axis.ticktext or axis.categoryarray or ())]
    if not names:
        values = [
            abs(float(v))
            for trace in fig.data
            if getattr(trace, "y", None) is not None
            for v in trace.y
            if isinstance(v, int | float) and v == v
        ]
        top = max(values, default=1.0) * 1.25
        # Plotly writes thousands as "12.5k" unless told to write every digit (Khmer).
        names = ["88.8k" if top >= 1000 and axis.exponentformat != "none" else f"{top:,.0f}"]
    widest = max(text_width(n, size) * (1.1 if has_khmer(n) else 1) for n in names)
    titled = bool(axis.title and axis.title.text)
    return 40 + widest + 10 + (size * LINE if titled else 0)


def printed_pt(px: float) -> float:
    """The size in points of px CSS pixels of the PNG printed PRINT_WIDTH_CM wide."""
    return px * PRINT_WIDTH_CM * PT_PER_CM / PNG_WIDTH


def _chars(size: float, glyph: float = 0.56) -> int:
    """Characters of a line the full width of the PNG at this font size (erring short)."""
    return int((PNG_WIDTH - 80) / (size * glyph))


def _legend_height(fig: go.Figure) -> float:
    """Pixels the horizontal legend takes at PNG width; 0 when plotly shows no legend.

    As plotly lays it out: entries side by side when all fit on one row, else in columns as
    wide as the widest entry (so one short entry does not share a row with a long one: a
    made-up "1 Jan 2013 · A made-up report" first in the legend was reckoned beside the next,
    and the footer ran up over the last row), each row as tall as its tallest entry. A legend
    whose rows are set apart (charts.legible.wrap_legend: Khmer) lays each entry beside the
    last where it fits, else on the next row, with the gap between rows."""
    names = [str(t.name) for t in fig.data if t.showlegend is not False and t.name]
    if fig.layout.showlegend is False or (len(names) < 2 and fig.layout.showlegend is not True):
        return 0
    lines = [name.split("<br>") for name in names]
    # Khmer is drawn in a fallback font wider than the one measured: an estimate short by a
    # row let the footer run up over the legend's last row.
    widths = [
        50
        + max(text_width(line, PRINT_MIN_FONT) * (1.1 if has_khmer(line) else 1) for line in name)
        for name in lines
    ]
    # The legend starts at the plot's left, after the y axis's labels (about 70 px, erring wide).
    room = PNG_WIDTH - 80 - 70
    gap = fig.layout.legend.tracegroupgap if fig.layout.legend.traceorder == "grouped" else None
    if sum(widths) <= room:
        rows = [list(range(len(lines)))]
    elif gap is not None:  # each entry beside the last where it fits
        rows, used = [[]], 0.0
        for i, wide in enumerate(widths):
            if rows[-1] and used + wide > room:
                rows, used = [*rows, []], 0.0
            rows[-1].append(i)
            used += wide
    else:
        across = max(1, int(room // max(widths)))
        rows = [
            list(range(at, min(at + across, len(lines)))) for at in range(0, len(lines), across)
        ]
    tall = sum(max(len(lines[i]) for i in row) for row in rows)
    return (PRINT_MIN_FONT * LINE + 8) * tall + (gap or 0) * (len(rows) - 1)


def text_height(lines: Sequence[str], size: float) -> float:
    """Pixels a text of these lines takes as the browser draws it: plotly's PITCH between
    lines, and the last line's box as tall as its script stands (charts.legible.line_box: a
    Khmer line's is 1.8 font sizes, not the 1.25 a Latin one was reckoned at)."""
    if not lines:
        return 0.0
    return PITCH * size * (len(lines) - 1) + max(line_box(line) for line in lines) * size


def _key_height(fig: go.Figure) -> int:
    """Pixels the marker-shape key above the plot takes, with the gap under it (0 when the
    chart has none): at least as the key's lines were always reckoned, more where they are
    drawn taller (Khmer)."""
    for note in fig.layout.annotations:
        if note.name == KEY_NAME:
            size = (note.font.size if note.font and note.font.size else 16) or 16
            lines = str(note.text).split("<br>")
            return int(max(len(lines) * size * LINE, text_height(lines, size))) + 8
    return 0


def at_least(fig: go.Figure, size: float) -> go.Figure:
    """A copy with every text (axes, legend, labels, notes, phase names) at least size px."""
    fig = figure_from(fig)
    fig.update_layout(font={"size": max(fig.layout.font.size or 12, size)})
    fig.update_layout(legend={"font": {"size": size}}, hoverlabel={"font_size": size})
    # The first date under the axis sits further down, clear of the y axis's "0" beside it.
    fig.update_xaxes(tickfont={"size": size}, title_font={"size": size}, ticklabelstandoff=size)
    fig.update_yaxes(tickfont={"size": size}, title_font={"size": size})
    for trace in fig.data:
        if "textfont" in trace:
            current = trace.textfont.size if trace.textfont and trace.textfont.size else 0
            trace.update(textfont={"size": max(current or 0, size)})
    notes = []
    for note in fig.layout.annotations:
        current = note.font.size if note.font and note.font.size else 0
        notes.append(note.update(font={"size": max(current or 0, size)}))
    fig.update_layout(annotations=notes)
    return fig


def title_lines(title: str) -> list[str]:
    """The print title's lines (escaped for plotly), each measured to fit the image's width
    (Khmer in its own font, see charts.legible)."""
    room = PNG_WIDTH - 2 * EDGE
    # The Latin font measured is wider than the bold one drawn; Khmer's bold is drawn about
    # a tenth wider than the regular one measured.
    size = TITLE_SIZE * (1.1 if has_khmer(title) else 1)
    chars = max(12, int(len(title) * room / max(text_width(title, size), 1)))
    lines = wrap_text(title, chars, room, size)
    return [html.escape(line) for line in lines] or [""]


def _note_only(chart: Chart, width: int = PNG_WIDTH, size: float = PRINT_MIN_FONT) -> go.Figure:
    """A chart with no point to draw, as every image of it shows it: a band saying so in the
    plot's place (its lines wrapped to `width` at `size` px), with no axes, phases or key
    (an empty plot reads as a scale of zero)."""
    fig = figure_from({"layout": chart.figure.layout.to_plotly_json()})
    fig.layout.annotations, fig.layout.shapes = (), ()
    fig.update_layout(showlegend=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    room = width - 80
    chars = int(room / (size * 0.56))
    note = _lines(translator(chart.lang).gettext(NOTHING_DRAWN), chars, size, room)
    fig.add_annotation(
        text="<br>".join(note),
        xref="paper",
        x=0,
        xanchor="left",
        yref="paper",
        y=0.5,
        showarrow=False,
        align="left",
        font={"size": size, "color": "#333"},
    )
    return fig


def png_figure(
    chart: Chart,
    dashboard_url: str | None = None,
    data_date: str | None = None,
    notes: Sequence[str] = (),
) -> go.Figure:
    """The chart laid out for print: its title, takeaway, the notes the screen shows under
    it (charts.notes.print_notes), source line, the monitor's address and the data's date
    drawn in, every text legible at A4 width."""
    t = translator(chart.lang)
    takeaway = _lines(chart.takeaway, _chars(20, 0.6), 20)
    empty = draws_nothing(chart)
    figure = _note_only(chart) if empty else chart.figure
    fig = at_least(figure, PRINT_MIN_FONT)
    # The legend and the footer start at the plot's left, which the y axis's labels push
    # right (Khmer event kinds by 170 px): their lines are measured to end inside the drawing.
    left = _plot_left(fig)
    fig = wrap_legend(fig, PNG_WIDTH, PRINT_MIN_FONT, left)
    room = PNG_WIDTH - 40 - left
    footer = [line for note in notes for line in _lines(note, _chars(PRINT_MIN_FONT), room=room)]
    # A blank line sets the notes apart from the sources under them.
    footer += [""] if footer else []
    footer += _lines(chart.source_line, _chars(PRINT_MIN_FONT), room=room)
    where = chart_url(dashboard_url, chart.chart_id, chart.lang) if dashboard_url else ""
    as_of = t.gettext("data as of {date}").format(date=data_date) if data_date else ""
    stamp = " · ".join(part for part in (t.gettext(PROJECT), where, as_of) if part)
    footer += _lines(stamp, _chars(PRINT_MIN_FONT), room=room)
    # Every band below the plot is laid out in pixels, so the legend sits under the axis
    # labels and the footer at the image's foot, with no gaps. Wrapped category names (up
    # to three lines) need more room under the axis than dates.
    wrapped = max((str(t).count("<br>") for t in fig.layout.xaxis.ticktext or ()), default=0)
    line = PRINT_MIN_FONT * LINE
    axis, gap, legend = 56 + line * wrapped, 20, _legend_height(fig)
    # With nothing drawn, the plot is one band as tall as its note, with no axis under it.
    plot = (line * (str(fig.layout.annotations[0].text).count("<br>") + 1) + 24) if empty else 0
    axis = 0 if empty else axis
    # The marker key sits just above the plot: the title and takeaway end above it.
    key = _key_height(fig)
    title = title_lines(chart.title)
    # A Khmer title stands taller (its font's ascent and subscripts): plotly sets the
    # takeaway that much lower (by 13.6 px at 28 px, measured in the drawn SVG).
    # The key starts under the takeaway's last line as drawn: a Khmer line stands taller
    # than the 1.25 font sizes a line was reckoned at, and a one-line Khmer takeaway ran
    # 4 px down over the key under it.
    top = (
        max(
            70
            + TITLE_SIZE * LINE * (len(title) - 1)
            + 20 * LINE * len(takeaway)
            + (KHMER_TITLE_EXTRA if has_khmer(chart.title) else 0),
            _takeaway_foot(title, takeaway) + KEY_GAP,
        )
        + key
    )
    bottom = axis + legend + gap + line * len(footer) + 14
    height = int(top + bottom + (plot or PRINT_PLOT_HEIGHT))
    fig.update_layout(
        title={
            "text": "<br>".join(f"<b>{line}</b>" for line in title),
            "subtitle": {"text": "<br>".join(takeaway), "font": {"size": 20, "color": "#333"}},
            # At the image's edge, as it was wrapped for, not at the plot's.
            "x": EDGE / PNG_WIDTH,
            "xref": "container",
            "xanchor": "left",
            # Plotly sets a title of several lines up by all but one of them.
            "y": 1 - (14 + TITLE_SIZE * LINE * (len(title) - 1)) / height,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": TITLE_SIZE},
        },
        legend={"y": -axis / PRINT_PLOT_HEIGHT, "yanchor": "top"},
        margin={"l": 40, "r": 40, "t": top, "b": bottom},
        height=height,
        width=PNG_WIDTH,
    )
    fig.add_annotation(
        text="<br>".join(footer),
        xref="paper",
        x=0,
        xanchor="left",
        yref="paper",
        y=0,
        yanchor="bottom",
        yshift=-(bottom - 14),
        align="left",
        showarrow=False,
        font={"size": PRINT_MIN_FONT, "color": "#444"},
    )
    # Placed at the print's own size and fonts, as the screen drawings are (charts.legible):
    # phase names staggered for 11 px and set in 18 px printed over each other once a figure
    # years after the rest squeezed the phases together.
    fig = stagger_band_labels(settle_the_plot(fig, PNG_WIDTH), PNG_WIDTH)
    return thin_date_ticks(thin_point_labels(fig, PNG_WIDTH, height), PNG_WIDTH)


def chromium_path() -> Path:
    """The browser kaleido drives: $MONITOR_CHROMIUM, else Debian's /usr/bin/chromium."""
    return Path(os.environ.get("MONITOR_CHROMIUM") or DEFAULT_CHROMIUM)


def _unavailable(browser: Path, why: str) -> PngUnavailable:
    return PngUnavailable(f"PNG export needs Chromium at {browser}, which {why}: {INSTALL_HINT}.")


def _installed(browser: Path) -> bool:
    return browser.is_file() and os.access(browser, os.X_OK)


def png_problem() -> str | None:
    """Why PNG export cannot run here, with what to install; None when Chromium is there.

    A cheap check for the UI (no browser is started): a Chromium that is present but
    cannot start still raises PngUnavailable from chart_png.
    """
    browser = chromium_path()
    return None if _installed(browser) else str(_unavailable(browser, "is not installed"))


#: The browser kaleido's sync server was started with; None while it is stopped.
_server_browser: Path | None = None
#: kaleido's sync server answers one caller at a time (its return queue is shared).
_server_lock = threading.Lock()

# Raised when Chromium cannot start or dies; anything else is a bug in the figure.
_BROWSER_ERRORS = (
    # A tab whose page had not yet loaded kaleido's scripts ("kaleido_scopes is not
    # defined", seen once in a full test run): a fresh browser draws it.
    JavascriptError,
    ChromeNotFoundError,
    BrowserDepsError,
    BrowserFailedError,
    BrowserClosedError,
    ChannelClosedError,
)


def _kaleido_options(browser: Path) -> dict[str, Any]:
    # path= skips kaleido's browser search (and any downloaded copy); mathjax=False stops
    # it fetching MathJax from a CDN, which charts without LaTeX never need.
    return {"path": str(browser), "mathjax": False, "n": 1, "timeout": RENDER_TIMEOUT}


def _draw(browser: Path, fig: go.Figure, opts: dict[str, Any]) -> bytes:
    """One image through kaleido's sync server, started on the first image of a process.

    Starting Chromium takes seconds and a render well under one, so the server is kept.
    The first image is drawn by kaleido's one-shot call, which raises when Chromium cannot
    start; only then is the server started (a server whose browser failed to open would
    leave its callers waiting for ever).
    """
    global _server_browser
    with _server_lock:
        if _server_browser == browser:
            return kaleido.calc_fig_sync(fig, opts=opts)
        if _server_browser is not None:
            kaleido.stop_sync_server(silence_warnings=True)
            _server_browser = None
        image = kaleido.calc_fig_sync(fig, opts=opts, kopts=_kaleido_options(browser))
        kaleido.start_sync_server(**_kaleido_options(browser), silence_warnings=True)
        _server_browser = browser
        return image


def close_png_session() -> None:
    """Stop the Chromium kept for PNG export, if one is running."""
    global _server_browser
    with _server_lock:
        if _server_browser is not None:
            # Closing a browser that has already died may raise; it is closed either way.
            with contextlib.suppress(Exception):
                kaleido.stop_sync_server(silence_warnings=True)
            _server_browser = None


@dataclass(frozen=True)
class Drawing:
    """One image to draw: the figure and kaleido's options (format, size, scale)."""

    figure: go.Figure
    opts: dict[str, Any]
    #: An SVG's printed width in cm, written as its width (its drawing units kept in its
    #: viewBox): a browser or word processor then prints it that wide. None: in pixels.
    print_cm: float | None = None

    def fingerprint(self) -> str:
        """Identifies the image: equal fingerprints draw equal bytes, so one can be reused."""
        spec = json.dumps({**self.opts, "print_cm": self.print_cm}, sort_keys=True)
        return hashlib.sha256((spec + self.figure.to_json()).encode("utf-8")).hexdigest()

    def draw(self) -> bytes:
        image = _render(self.figure, self.opts)
        return _printed_size(image, self.print_cm) if self.print_cm else image

    def as_format(self, fmt: str) -> Drawing:
        """The same image laid out at the same size in another format (at scale 1)."""
        return Drawing(self.figure, {**self.opts, "format": fmt, "scale": 1})

    def as_svg(self) -> str:
        """The same image laid out at the same size, as SVG text: a PNG's words and colours
        can then be read (contrast checks) rather than guessed from its pixels."""
        return self.as_format("svg").draw().decode("utf-8")


def png_drawing(
    chart: Chart,
    dashboard_url: str | None = None,
    data_date: str | None = None,
    notes: Sequence[str] = (),
) -> Drawing:
    """The chart as a print PNG (3000 px wide) carrying its title, takeaway, notes, source
    line, the monitor's address and the data's date."""
    figure = png_figure(chart, dashboard_url, data_date, notes)
    opts = {"format": "png", "width": PNG_WIDTH, "height": figure.layout.height, "scale": PNG_SCALE}
    return Drawing(figure, opts)


def printed_svg(png: Drawing) -> Drawing:
    """A print PNG's drawing as the print SVG, on the same layout: a caller wanting both lays
    the chart out once (png_figure is most of an images pass's Python)."""
    svg = png.as_format("svg")
    return Drawing(svg.figure, svg.opts, print_cm=PRINT_WIDTH_CM)


def _printed_size(svg: bytes, width_cm: float) -> bytes:
    """The SVG with its root's width and height in millimetres (width_cm wide, its height in
    proportion); its viewBox keeps the drawing's own units."""
    head, sep, rest = svg.partition(b">")
    width = re.search(rb' width="([\d.]+)"', head)
    height = re.search(rb' height="([\d.]+)"', head)
    if not (sep and width and height and b"viewBox=" in head):
        raise ValueError("an SVG root with width, height and viewBox was expected")
    mm = width_cm * 10
    tall = mm * float(height.group(1)) / float(width.group(1))
    head = head.replace(width.group(0), f' width="{mm:g}mm"'.encode(), 1)
    head = head.replace(height.group(0), f' height="{tall:.1f}mm"'.encode(), 1)
    return head + sep + rest


def svg_drawing(chart: Chart, width: int, height: int) -> Drawing:
    """The chart's figure alone as SVG, for pages that show it static (no plotly.js to load
    in the reader's browser)."""
    if draws_nothing(chart):
        # Not empty axes at the plot's size: the short note the print images carry, as tall
        # as its lines (the gallery, the chart files and a static copy show this image).
        figure = _note_only(chart, width, NOTE_FONT)
        lines = str(figure.layout.annotations[0].text).count("<br>") + 1
        height = int(lines * NOTE_FONT * LINE + 2 * NOTE_PAD)
        figure.update_layout(
            margin={"l": 40, "r": 40, "t": NOTE_PAD, "b": NOTE_PAD}, height=height, width=width
        )
    else:
        figure = fitted(chart.figure, width, height)
    return Drawing(figure, {"format": "svg", "width": width, "height": height, "scale": 1})


def chart_png(
    chart: Chart, dashboard_url: str | None = None, data_date: str | None = None
) -> bytes:
    """The chart as a PNG; raises PngUnavailable, with what to install, when Chromium is
    missing or cannot start."""
    return png_drawing(chart, dashboard_url, data_date).draw()


def draw_all(drawings: Sequence[Drawing]) -> list[bytes]:
    """Every image of `drawings`, in their order, TABS at a time in a Chromium of kaleido's
    own, closed at the end. If that browser fails, they are drawn one at a time through the
    kept one (which tries a fresh browser once); raises PngUnavailable as Drawing.draw does."""
    if not drawings:
        return []
    browser = chromium_path()
    if not _installed(browser):
        raise _unavailable(browser, "is not installed")
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop in this thread: the batch may run one
        try:
            images = asyncio.run(_draw_batch(browser, drawings))
        except _BROWSER_ERRORS:
            return [d.draw() for d in drawings]
    else:  # called from async code, which asyncio.run cannot nest in
        return [d.draw() for d in drawings]
    return [
        _printed_size(image, d.print_cm) if d.print_cm else image
        for image, d in zip(images, drawings, strict=True)
    ]


async def _draw_batch(browser: Path, drawings: Sequence[Drawing]) -> list[bytes]:
    async with kaleido.Kaleido(**{**_kaleido_options(browser), "n": TABS}) as tabs:
        # Each waits for a free tab; gather keeps their order.
        return await asyncio.gather(*(tabs.calc_fig(d.figure, opts=d.opts) for d in drawings))


def _render(fig: go.Figure, opts: dict[str, Any]) -> bytes:
    """Render through the kept Chromium, starting it (again) when needed."""
    browser = chromium_path()
    if not _installed(browser):
        raise _unavailable(browser, "is not installed")
    try:
        return _draw(browser, fig, opts)
    except _BROWSER_ERRORS:
        # Chromium died since the last render (killed, out of memory), or would not start:
        # once more, in a fresh browser.
        close_png_session()
        try:
            return _draw(browser, fig, opts)
        except _BROWSER_ERRORS as exc:
            raise _unavailable(browser, f"could not draw ({exc})") from exc
