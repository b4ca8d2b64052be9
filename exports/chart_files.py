"""Charts as files to host or print: self-contained HTML pages, and print PNGs and SVGs drawn by charts.drawing."""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from charts.catalogue import chart_url
from charts.legible import fitted
from charts.model import NOTHING_DRAWN, ShownChart, StoredChart, draws_nothing
from charts.style import NARROW, PLOTLY_CONFIG, WIDE
from data_model.i18n import translator
from data_model.wording import PROJECT, date_text
from database import queries
from database.connection import Reader

# --- HTML ----------------------------------------------------------------------------------


_PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Khmer OS System",
       "Noto Sans Khmer", sans-serif; color: #222;
       margin: 0; padding: 1rem; }}
main {{ max-width: 1100px; margin: 0 auto; }}
h1 {{ font-size: 1.4rem; margin: 0 0 .4rem; }}
.takeaway {{ font-weight: 600; margin: 0 0 .8rem; }}
.source, .more {{ color: #555; font-size: .9rem; margin: .4rem 0; }}
.nothing {{ color: #333; border: 1px dashed #999; border-radius: .3rem; padding: .6rem .8rem; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="takeaway">{takeaway}</p>
{figure}
<p class="source">{source_line}</p>
<p class="more"><a href="{url}">{more}</a>.</p>
</main>
</body>
</html>
"""


#: At or below this window width the page draws the phone layout (as the dashboard does).
PHONE_WIDTH = 640

# Two layouts of one figure, the one that fits the window drawn (again when it is resized
# across the phone width): plotly places labels for one size and never moves them.
_FIGURE = """<div id="{div_id}"></div>
<script>{plotly_js}</script>
<script>(function () {{
  var layouts = {{wide: {wide}, narrow: {narrow}}}, config = {config}, shown = null;
  var el = document.getElementById("{div_id}");
  function draw() {{
    var want = window.innerWidth <= {phone} ? "narrow" : "wide";
    if (want === shown) return;
    shown = want;
    Plotly.react(el, layouts[want].data, layouts[want].layout, config);
  }}
  draw();
  window.addEventListener("resize", draw);
}})();</script>"""


@functools.cache
def _plotly_js() -> str:
    """plotly.js as plotly ships it, read once (4.6 MB from disk each call: 54 ms a chart)."""
    return get_plotlyjs()


def _json(fig: go.Figure) -> str:
    # Text from the data must not close the script element it sits in.
    return fig.to_json().replace("</", "<\\/")


def figure_html(chart: ShownChart) -> str:
    """The chart with plotly.js inlined, in its wide layout or, on a phone, its narrow one."""
    narrow = fitted(chart.figure, *NARROW)
    narrow.update_layout(height=NARROW[1])
    return _FIGURE.format(
        div_id=f"chart-{chart.chart_id}",  # a fixed id, so the same chart gives the same file
        plotly_js=_plotly_js(),
        wide=_json(fitted(chart.figure, *WIDE)),
        narrow=_json(narrow),
        config=json.dumps(PLOTLY_CONFIG),
        phone=PHONE_WIDTH,
    )


def chart_html(chart: ShownChart, dashboard_url: str) -> str:
    """One HTML file with plotly.js inlined: title, takeaway, figure, source line, link back.
    A chart with no point to draw says so in the figure's place (no empty axes, no script)."""
    t = translator(chart.lang)
    figure = (
        f'<p class="nothing">{html.escape(t.gettext(NOTHING_DRAWN), quote=False)}</p>'
        if draws_nothing(chart)
        else figure_html(chart)
    )
    return _PAGE.format(
        title=html.escape(chart.title, quote=False),
        takeaway=html.escape(chart.takeaway, quote=False),
        figure=figure,
        source_line=html.escape(chart.source_line, quote=False),
        url=html.escape(chart_url(dashboard_url, chart.chart_id, chart.lang), quote=True),
        lang=chart.lang,
        more=html.escape(
            t.gettext(
                "See this chart, the words behind each figure and the articles on the {project}"
            ).format(project=t.gettext(PROJECT)),
            quote=False,
        ),
    )


# --- every chart as files ------------------------------------------------------------------


def all_charts(reader: Reader) -> list[ShownChart]:
    """Every chart as the build stored it, in the catalogue's order."""
    rows = (queries.chart_parts(reader, chart_id) for chart_id in queries.chart_titles(reader))
    return [StoredChart.from_row(row) for row in rows if row is not None]


def data_date(reader: Reader) -> object:
    """The date of the data the print images name: the latest article's, as the build's
    images pass takes it (None when no article has a date)."""
    latest = queries.sources(reader)["published_on"].max()
    return None if pd.isna(latest) else latest


def write_chart_files(
    charts: Iterable[ShownChart],
    out_dir: Path,
    dashboard_url: str,
    *,
    images: bool = True,
    data_date: object = None,
    notes: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> list[Path]:
    """Write <chart_id>.html for each chart into out_dir, and (with images) its print
    images: <chart_id>.png for reports and <chart_id>.print.svg to print at any size, each
    naming the monitor's address and the data's date and carrying the chart's notes (by
    chart id and language: charts.notes.notes_by_chart); return the paths.

    Every HTML file is written before the first image, so a machine without Chromium still
    gets them before PngUnavailable is raised.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = list(charts)
    written = []
    for chart in charts:
        path = out_dir / f"{chart.chart_id}.html"
        path.write_text(chart_html(chart, dashboard_url), encoding="utf-8")
        written.append(path)
    if images:
        # Imported here: the dashboard imports this module for its HTML, and its process
        # must never load the drawing browser (tests/test_layers.py).
        from charts.drawing import draw_all, png_drawing, printed_svg

        planned = []
        for chart in charts:
            when = None if data_date is None else date_text(data_date, lang=chart.lang)
            said = (notes or {}).get((chart.chart_id, chart.lang), ())
            png = png_drawing(chart, dashboard_url, when, said)  # one layout for both
            planned.append((out_dir / f"{chart.chart_id}.png", png))
            planned.append((out_dir / f"{chart.chart_id}.print.svg", printed_svg(png)))
        # One batch, as the build's images pass draws (charts.drawing.draw_all).
        for (path, _), image in zip(planned, draw_all([d for _, d in planned]), strict=True):
            path.write_bytes(image)
            written.append(path)
    return written
