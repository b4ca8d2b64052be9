"""Draw a chart as a static image (SVG for pages, PNG for reports) through a kept Chromium.

Long because the PNG's print layout (title, takeaway, key, legend, footer in pixels) and the
kept browser session belong together; each part is short.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import hashlib
import html
import json
import os
import textwrap
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import kaleido
import plotly.graph_objects as go
from choreographer.errors import (
    BrowserClosedError,
    BrowserDepsError,
    BrowserFailedError,
    ChannelClosedError,
    ChromeNotFoundError,
)

from charts.catalogue import chart_url
from charts.legible import LINE, fitted
from charts.model import Chart
from charts.style import MARKER_KEY
from data_model.wording import PROJECT

T = TypeVar("T")

#: Debian's Chromium; $MONITOR_CHROMIUM points elsewhere (e.g. on a Mac).
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "install it with `apt-get install chromium` (as root), or run `make browser`"

#: 1600 x 900 CSS pixels at scale 2: a 3200 x 1800 image, sharp in print and on slides.
PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1600, 900, 2
OPEN_TIMEOUT = 60.0  # a cold Chromium start can take several seconds on a small machine
RENDER_TIMEOUT = 60.0


class PngUnavailable(RuntimeError):
    """Drawing images cannot run on this machine; the message says what to install."""


# --- PNG -----------------------------------------------------------------------------------


def _lines(text: str, width: int) -> list[str]:
    # Plotly reads <, > and & as markup in titles and annotations.
    return [html.escape(line) for line in textwrap.wrap(text, width)] or [""]


def _legend_rows(fig: go.Figure) -> int:
    """Rows the horizontal legend takes at PNG width; 0 when plotly shows no legend."""
    names = [str(t.name) for t in fig.data if t.showlegend is not False and t.name]
    if fig.layout.showlegend is False or (len(names) < 2 and fig.layout.showlegend is not True):
        return 0
    rows, used = 1, 0.0
    for name in names:
        width = 60 + 9 * len(name)  # symbol plus text at 16 px, erring wide
        if used and used + width > PNG_WIDTH - 80:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def _key_height(fig: go.Figure) -> int:
    """Pixels the marker-shape key above the plot takes (0 when the chart has none)."""
    for note in fig.layout.annotations:
        if note.text == MARKER_KEY:
            size = (note.font.size if note.font and note.font.size else 16) or 16
            return int((MARKER_KEY.count("<br>") + 1) * size * LINE) + 8
    return 0


def png_figure(chart: Chart, dashboard_url: str | None = None) -> go.Figure:
    """The chart's figure with its title, takeaway and source line drawn in."""
    takeaway = _lines(chart.takeaway, 150)
    footer = _lines(chart.source_line, 190)
    footer.append(
        html.escape(
            f"{PROJECT} · {chart_url(dashboard_url, chart.chart_id)}" if dashboard_url else PROJECT
        )
    )
    fig = fitted(chart.figure, PNG_WIDTH, PNG_HEIGHT)
    # Every band below the plot is laid out in pixels (the image size is fixed), so the
    # legend sits under the axis labels and the footer at the image's foot, with no gaps.
    # Wrapped category names (up to three lines) need more room under the axis than dates.
    wrapped = max((str(t).count("<br>") for t in fig.layout.xaxis.ticktext or ()), default=0)
    axis, gap, legend = 50 + 20 * wrapped, 20, 28 * _legend_rows(fig)
    # The marker key sits just above the plot: the title and takeaway end above it.
    key = _key_height(fig)
    top = 80 + 24 * len(takeaway) + key
    bottom = axis + legend + gap + 18 * len(footer) + 14
    plot_height = PNG_HEIGHT - top - bottom
    fig.update_layout(
        title={
            "text": f"<b>{html.escape(chart.title)}</b>",
            "subtitle": {"text": "<br>".join(takeaway), "font": {"size": 17, "color": "#333"}},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 1 - 16 / PNG_HEIGHT,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 26},
        },
        font={"size": 16},
        legend={"y": -axis / plot_height, "yanchor": "top"},
        margin={"l": 40, "r": 40, "t": top, "b": bottom},
        height=None,
        width=None,
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
        font={"size": 13, "color": "#444"},
    )
    return fig


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


class _Session:
    """One Chromium with one kaleido tab, driven from its own event-loop thread.

    Starting Chromium takes seconds and a render well under one, so the session is kept
    for the life of the process. Callers on any thread submit renders to the loop;
    kaleido's tab queue runs them one at a time.
    """

    def __init__(self, browser: Path) -> None:
        self.browser = browser
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="png-export", daemon=True
        )
        self._thread.start()
        try:
            self._kaleido = self._run(self._open(), OPEN_TIMEOUT)
        except BaseException:
            self._stop_loop()
            raise

    async def _open(self) -> kaleido.Kaleido:
        # path= skips kaleido's browser search (and any downloaded copy); mathjax=False
        # stops it fetching MathJax from a CDN, which charts without LaTeX never need.
        k = kaleido.Kaleido(path=str(self.browser), mathjax=False, n=1, timeout=RENDER_TIMEOUT)
        await k.open()
        return k

    def _run(self, coroutine: Coroutine[Any, Any, T], timeout: float) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def render(self, fig: go.Figure, opts: dict[str, Any]) -> bytes:
        return self._run(self._kaleido.calc_fig(fig, opts=opts), RENDER_TIMEOUT + 5)

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if not self._thread.is_alive():
            self._loop.close()

    def close(self) -> None:
        # Closing a browser that has already died may raise; it is closed either way.
        with contextlib.suppress(Exception):
            self._run(self._kaleido.close(), 30)
        self._stop_loop()


_session: _Session | None = None
_session_lock = threading.Lock()

# Raised when Chromium cannot start or dies; anything else is a bug in the figure.
_BROWSER_ERRORS = (
    ChromeNotFoundError,
    BrowserDepsError,
    BrowserFailedError,
    BrowserClosedError,
    ChannelClosedError,
)


def _current_session(browser: Path) -> _Session:
    global _session
    with _session_lock:
        if _session is not None and _session.browser != browser:
            _session.close()
            _session = None
        if _session is None:
            try:
                _session = _Session(browser)
            except _BROWSER_ERRORS as exc:
                raise _unavailable(browser, f"could not be started ({exc})") from exc
            except TimeoutError as exc:
                raise _unavailable(browser, f"did not start within {OPEN_TIMEOUT:.0f}s") from exc
        return _session


def close_png_session() -> None:
    """Stop the Chromium kept for PNG export, if one is running."""
    global _session
    with _session_lock:
        if _session is not None:
            _session.close()
            _session = None


atexit.register(close_png_session)


@dataclass(frozen=True)
class Drawing:
    """One image to draw: the figure and kaleido's options (format, size, scale)."""

    figure: go.Figure
    opts: dict[str, Any]

    def fingerprint(self) -> str:
        """Identifies the image: equal fingerprints draw equal bytes, so one can be reused."""
        spec = json.dumps(self.opts, sort_keys=True) + self.figure.to_json()
        return hashlib.sha256(spec.encode("utf-8")).hexdigest()

    def draw(self) -> bytes:
        return _render(self.figure, self.opts)

    def as_svg(self) -> str:
        """The same image laid out at the same size, as SVG text: a PNG's words and colours
        can then be read (contrast checks) rather than guessed from its pixels."""
        opts = {**self.opts, "format": "svg", "scale": 1}
        return _render(self.figure, opts).decode("utf-8")


def png_drawing(chart: Chart, dashboard_url: str | None = None) -> Drawing:
    """The chart as a 3200 x 1800 PNG carrying its title, takeaway and source line."""
    opts = {"format": "png", "width": PNG_WIDTH, "height": PNG_HEIGHT, "scale": PNG_SCALE}
    return Drawing(png_figure(chart, dashboard_url), opts)


def svg_drawing(chart: Chart, width: int, height: int) -> Drawing:
    """The chart's figure alone as SVG, for pages that show it static (no plotly.js to load
    in the reader's browser)."""
    figure = fitted(chart.figure, width, height)
    return Drawing(figure, {"format": "svg", "width": width, "height": height, "scale": 1})


def chart_png(chart: Chart, dashboard_url: str | None = None) -> bytes:
    """The chart as a PNG; raises PngUnavailable, with what to install, when Chromium is
    missing or cannot start."""
    return png_drawing(chart, dashboard_url).draw()


def chart_svg(chart: Chart, width: int, height: int) -> str:
    """The chart as SVG text; raises PngUnavailable like chart_png."""
    return svg_drawing(chart, width, height).draw().decode("utf-8")


def _render(fig: go.Figure, opts: dict[str, Any]) -> bytes:
    """Render through the kept Chromium, starting it (again) when needed."""
    browser = chromium_path()
    if not _installed(browser):
        raise _unavailable(browser, "is not installed")
    try:
        return _current_session(browser).render(fig, opts)
    except _BROWSER_ERRORS:
        # Chromium died since the last render (killed, out of memory): start it once more.
        close_png_session()
        try:
            return _current_session(browser).render(fig, opts)
        except _BROWSER_ERRORS as exc:
            raise _unavailable(browser, f"stopped while rendering ({exc})") from exc
