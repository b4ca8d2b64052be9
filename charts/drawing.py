"""Draw a chart as a static image (SVG for pages, PNG for reports) through a kept Chromium.

The PNG's print layout (title, takeaway, key, legend, footer in pixels) and the kept
browser (kaleido's own sync server) live here together.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import textwrap
import threading
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

from charts.catalogue import chart_url
from charts.legible import LINE, fitted
from charts.model import Chart
from charts.style import MARKER_KEY
from data_model.wording import PROJECT

#: Debian's Chromium; $MONITOR_CHROMIUM points elsewhere (e.g. on a Mac).
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "install it with `apt-get install chromium` (as root), or run `make browser`"

#: 1600 x 900 CSS pixels at scale 2: a 3200 x 1800 image, sharp in print and on slides.
PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1600, 900, 2
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


#: The browser kaleido's sync server was started with; None while it is stopped.
_server_browser: Path | None = None
#: kaleido's sync server answers one caller at a time (its return queue is shared).
_server_lock = threading.Lock()

# Raised when Chromium cannot start or dies; anything else is a bug in the figure.
_BROWSER_ERRORS = (
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
