"""The seed database's images pass for the tests: draw the chart images the tests read into a
copy of the seed database, as the build draws them, then put it in place beside it as
monitor.duckdb, whole or not at all. Run as a process of its own by tests/conftest.py while
other tests run.

It draws what the tests read, not the build's every kind (`python -m etl build` draws every
kind of every chart in every language; tests/test_static_charts.py checks that on a build
of the fixture corpus, Chromium's drawing faked):

- every English chart's wide and narrow SVG (what the dashboard's pages, the API, the static
  site and the light embeds show) and print SVG (every word's contrast, labels not clashing
  or cut: the print PNG's layout, read as vectors);
- the same three in every other language for one chart of each sort the seeds have
  (png_charts): a language changes a drawing's words and font, not its colours, and the
  contrast check holds every word against every backdrop wherever it sits
  (tests/test_chart_contrast.py), so one chart of each sort is that check's case per
  language; the Khmer drawing served apart from the English is PRINTED's
  (tests/test_khmer_charts.py, the static site's km/ folder). A page asking for a chart
  not drawn in its language is served the English drawing (database.queries), as a build
  whose Khmer drawing failed would be. The other Khmer SVGs, read by no other test, were
  36 of the pass's 93 drawings (docs/benchmarks.md, stop 42);
- the print PNG, in English, of one chart of each sort the seeds have (png_charts): PRINTED
  (the API's PNG route, the share page's download), the first with nothing to draw and the
  first metric chart drawn: a report-ready image is checked on each (its size and
  signature, tests/test_chart_files.py). A PNG's layout and words are its print SVG's.

The PNGs, 3,000 px each, are the costliest kind to draw (the 15 English ones about 13 s of
Chromium's CPU, measured kind by kind); drawing 3 of them, the pass takes 0.86 of its CPU
(docs/benchmarks.md, stop 40). The Khmer ones were already left out.

It also draws TITLES, a blank chart's PNG at scale 1 for each title, into the folder
TITLES_FOLDER beside the database: tests/test_static_charts.py reads whether Khmer is
drawn as letters, not boxes, in them (in this pass's Chromium: a Chromium start of its own
in a test worker was that test's 7 s, docs/benchmarks.md, stop 42 suite22y)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from charts.catalogue import CURATED, METRIC_CHART
from charts.drawing import Drawing, close_png_session, draw_all, png_drawing
from charts.model import EVIDENCE_COLUMNS, Chart, StoredChart, draws_nothing
from charts.notes import notes_by_chart
from data_model.tables import CHART_IMAGES
from database import queries
from database.connection import Reader
from database.write import add_rows
from etl.chart_images import PUBLIC_URL_VARIABLE, _data_date, drawings

#: The chart whose print PNG is always drawn: the one the API's tests ask for
#: (tests/test_api.py CHART), the share page opens first and the embed page test shows.
PRINTED = next(iter(CURATED))
#: The language of the PNGs drawn.
PNG_LANGUAGE = "en"
#: The kinds drawn of every English chart, and in every language of png_charts' charts.
EVERY_CHART = ("svg-wide", "svg-narrow", "svg-print")
#: The folder, beside the database, of the titles' PNGs (TITLES' names, .png).
TITLES_FOLDER = "titles"
#: Titles drawn for the Khmer check: letters no font has (supplementary private use), which
#: draw as alike boxes (the check's control), and eight different Khmer consonants each.
TITLES = {
    "boxes": "".join(map(chr, range(0x100001, 0x100009))),
    "other-boxes": "".join(map(chr, range(0x100011, 0x100019))),
    "khmer": "កខគឃងចឆជ",
    "other-khmer": "ញដឋឌឍណតថ",
}


def title_drawing(title: str) -> Drawing:
    """A blank chart's PNG carrying `title`: the print PNG's layout at scale 1 (the same
    font, a ninth of the pixels to draw)."""
    chart = Chart(
        "arrests-over-time", title, "", go.Figure(), pd.DataFrame(columns=EVIDENCE_COLUMNS), ()
    )
    return png_drawing(chart).as_format("png")


def png_charts(charts: list[StoredChart]) -> set[str]:
    """The charts whose print PNG the pass draws: PRINTED, and the first chart of each sort
    among `charts` (one with nothing to draw, a metric's own drawn), where there is one."""
    sorts = (
        lambda chart: chart.chart_id == PRINTED,
        draws_nothing,
        lambda chart: chart.chart_id.startswith(METRIC_CHART) and not draws_nothing(chart),
    )
    english = [chart for chart in charts if chart.lang == PNG_LANGUAGE]
    firsts = (next((c.chart_id for c in english if sort(c)), None) for sort in sorts)
    return {chart_id for chart_id in firsts if chart_id}


def draw_images(drawing: Path) -> None:
    """Draw the images the tests read of the database at `drawing` (a copy, not yet in
    place) into it, each as the build lays it out (etl.chart_images.drawings, for the
    published address and the data's date), then move it to monitor.duckdb beside it."""
    with Reader(drawing) as reader:
        charts = [
            StoredChart.from_row(queries.chart_parts(reader, chart_id, lang) or {})
            for lang in queries.chart_languages(reader)
            for chart_id in queries.chart_titles(reader, lang)
        ]
        notes = notes_by_chart(reader, charts)  # type: ignore[arg-type]  # a StoredChart reads as a Chart
    public_url = os.environ.get(PUBLIC_URL_VARIABLE) or None
    data_date = _data_date(drawing)
    pngs = png_charts(charts)
    printed = [c for c in charts if c.chart_id in pngs and c.lang == PNG_LANGUAGE]
    svgs = [c for c in charts if c.lang == PNG_LANGUAGE or c.chart_id in pngs]
    planned = []
    for kinds, some in ((EVERY_CHART, svgs), (("png",), printed)):
        langs = [chart.lang for chart in some for _ in kinds]  # drawings' order
        laid_out = drawings(some, public_url, data_date, notes, kinds)  # type: ignore[arg-type]
        planned += [(*row, lang) for row, lang in zip(laid_out, langs, strict=True)]
    fingerprints = [d.fingerprint() for _, _, d, _ in planned]
    once = dict(zip(fingerprints, (d for _, _, d, _ in planned), strict=True))
    titles = [title_drawing(title) for title in TITLES.values()]
    try:  # equal fingerprints draw equal bytes: each once, in one batch
        images = draw_all([*once.values(), *titles])
    finally:
        close_png_session()
    drawn = dict(zip(once, images[: len(once)], strict=True))
    folder = drawing.with_name(TITLES_FOLDER)
    folder.mkdir(exist_ok=True)
    for name, image in zip(TITLES, images[len(once) :], strict=True):
        (folder / f"{name}.png").write_bytes(image)
    rows = [
        (chart_id, lang, kind, fp, drawn[fp])
        for (chart_id, kind, _, lang), fp in zip(planned, fingerprints, strict=True)
    ]
    add_rows(drawing, CHART_IMAGES, pd.DataFrame(rows, columns=CHART_IMAGES.column_names))
    print(f"drew {len(once)} images ({len(rows)} stored)", flush=True)
    os.replace(drawing, drawing.with_name("monitor.duckdb"))


if __name__ == "__main__":
    draw_images(Path(sys.argv[1]))
