"""Chart files: a self-contained HTML page with provenance, and a PNG that carries it too."""

from __future__ import annotations

import html
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from api.embed import chart_context, embed_html
from charts import drawing as chart_drawing
from charts.catalogue import chart_url
from charts.drawing import (
    EDGE,
    PNG_WIDTH,
    PRINT_PLOT_HEIGHT,
    PRINT_WIDTH_CM,
    TITLE_SIZE,
    Drawing,
    PngUnavailable,
    chart_png,
    close_png_session,
    draw_all,
    png_drawing,
    png_figure,
    png_problem,
    printed_pt,
    printed_svg,
    svg_drawing,
    title_lines,
)
from charts.legible import text_width
from charts.model import NOTHING_DRAWN, Chart, StoredChart, draws_nothing
from charts.notes import notes_by_chart
from charts.style import NARROW, WIDE
from data_model.i18n import translator
from database import queries
from database.connection import Reader
from etl.chart_images import drawings
from exports.chart_files import all_charts, chart_html, write_chart_files
from tests.draw_images import PRINTED, png_charts

DASHBOARD = "https://monitor.example.org"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Without Chromium the PNG test is skipped on a laptop, but never under CI.
needs_chromium = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists() and not os.environ.get("CI"),
    reason="needs /usr/bin/chromium (apt-get install chromium); never skipped when CI is set",
)


@pytest.fixture(scope="module")
def charts(seed_db: Path) -> Iterator[list[Chart]]:
    reader = Reader(seed_db)
    yield all_charts(reader)
    reader.close()
    close_png_session()


def _hostile_chart() -> Chart:
    return Chart(
        chart_id="arrests-over-time",
        title="<script>alert('title')</script> & more",
        takeaway="Fewer than <5> & rising",
        figure=go.Figure(go.Scatter(x=[1, 2], y=[3, 4])),
        evidence=pd.DataFrame(),
        sources=("The Phnom Penh Post, “A & B”, 13 Jan 2017",),
    )


def test_every_catalogue_chart_is_exported(charts: list[Chart], seed_charts) -> None:
    assert [c.chart_id for c in charts] == list(seed_charts.charts)
    assert any(c.chart_id.startswith("metric-") for c in charts)


def test_chart_files_are_an_html_page_for_every_chart_with_its_words_and_a_link_back(
    charts: list[Chart], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`etl export --charts` (without images): one HTML file per chart, each showing the
    chart's title, takeaway and source line and linking back to the chart on its page. The
    figure in it is a stand-in: its wide and narrow layouts (charts.legible.fitted, 90% of
    the export's CPU) are every chart's screen SVGs' too, which the seed images pass lays out
    and draws; the figure's script is read in test_html_is_one_file_with_plotly_inlined."""
    monkeypatch.setattr(
        "exports.chart_files.figure_html", lambda chart: f'<div id="{chart.chart_id}-figure">'
    )
    paths = write_chart_files(charts, tmp_path, DASHBOARD, images=False)
    assert sorted(p.name for p in paths) == sorted(f"{c.chart_id}.html" for c in charts)
    for chart in charts:
        page = (tmp_path / f"{chart.chart_id}.html").read_text(encoding="utf-8")
        assert (f'<div id="{chart.chart_id}-figure">' in page) != draws_nothing(chart)
        assert f"<h1>{html.escape(chart.title, quote=False)}</h1>" in page
        assert html.escape(chart.takeaway, quote=False) in page
        assert html.escape(chart.source_line, quote=False) in page
        assert f'href="{chart_url(DASHBOARD, chart.chart_id)}"' in page


def test_html_is_one_file_with_plotly_inlined(charts: list[Chart], tmp_path: Path) -> None:
    page = chart_html(charts[0], DASHBOARD)
    assert "plotly.js v" in page  # the library itself, not a link to it
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link\b", page)
    assert not re.search(r"<(img|iframe)[^>]*\bsrc=", page)
    path = tmp_path / "chart.html"
    path.write_text(page, encoding="utf-8")
    size = path.stat().st_size
    print(f"\nstandalone chart HTML: {size / 1e6:.1f} MB")
    assert 1_000_000 < size < 15_000_000


def test_html_escapes_text_from_the_data() -> None:
    page = chart_html(_hostile_chart(), DASHBOARD)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert('title')&lt;/script&gt; &amp; more" in page


def test_chart_links_point_at_the_chart_on_its_page() -> None:
    assert (
        chart_url(DASHBOARD + "/", "arrests-over-time")
        == f"{DASHBOARD}/trends?chart=arrests-over-time#arrests-over-time"
    )
    assert chart_url(DASHBOARD, "campaign-timeline") == f"{DASHBOARD}/#campaign-timeline"
    with pytest.raises(ValueError, match="http"):
        chart_url("javascript:alert(1)", "arrests-over-time")


@pytest.fixture(scope="module")
def planned(charts: list[Chart], print_notes: dict) -> list[tuple[str, str, Drawing]]:
    """The print images the build's images pass would draw for the seed charts (their figures
    and options, not drawn), for a monitor at DASHBOARD with data of 14 Feb 2018: laid out
    once for the tests of what they carry. (That the pass plans and stores every kind of
    every chart once, each its own fingerprint, is tested on a build of the fixture corpus:
    tests/test_static_charts.py; the screen SVGs' layouts cost a third of these.)"""
    return drawings(charts, DASHBOARD, "14 Feb 2018", print_notes, kinds=("png", "svg-print"))


def _planned(planned: list, kind: str) -> dict[str, Drawing]:
    return {chart_id: drawing for chart_id, k, drawing in planned if k == kind}


def test_png_figure_carries_title_takeaway_and_source_line(charts: list[Chart], planned) -> None:
    pngs = _planned(planned, "png")
    for chart in charts:
        fig = pngs[chart.chart_id].figure
        title = re.sub("</?b>", "", fig.layout.title.text).replace("<br>", " ")
        assert title == html.escape(chart.title)
        subtitle = fig.layout.title.subtitle.text.replace("<br>", " ")
        assert subtitle == html.escape(chart.takeaway)
        footer = fig.layout.annotations[-1].text.replace("<br>", " ")
        assert html.escape(chart.source_line) in footer
        # An address wider than the footer's room breaks at its line's end, as a browser
        # breaks a word too long for its line (charts.legible.wrap_text), and stays whole.
        joined = fig.layout.annotations[-1].text.replace("<br>", "")
        assert chart_url(DASHBOARD, chart.chart_id) in joined
    # the chart shown on screen is not changed by the export
    assert charts[0].figure.layout.title.text != png_figure(charts[0]).layout.title.text


@needs_chromium
def test_png_is_a_report_ready_image(charts: list[Chart], seed_db_images: Path) -> None:
    """The PNG the build stores for a chart (drawn by chart_png's drawing), for a chart of
    each sort the seeds have (tests/draw_images.py: curated, with nothing to draw, a
    metric's own): the layout every chart's PNG has is read in its print SVG
    (tests/test_chart_contrast.py, tests/test_browser.py)."""
    with Reader(seed_db_images) as reader:
        stored = {c.chart_id: queries.chart_png(reader, c.chart_id) for c in charts}
    drawn = {chart_id for chart_id, data in stored.items() if data}
    assert drawn == png_charts(charts) and PRINTED in drawn
    empty = {c.chart_id for c in charts if draws_nothing(c)}
    for chart_id in drawn:
        data = stored[chart_id]
        assert data.startswith(PNG_SIGNATURE), chart_id
        width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
        # 3000 px wide (a print layout 1000 px wide at scale 3), as tall as its texts need;
        # a chart with nothing to draw is a short note.
        tall = (500, 2000) if chart_id in empty else (2000, 4000)
        assert width == 3000 and tall[0] <= height <= tall[1], chart_id


def _font_sizes(fig: go.Figure) -> list[tuple[str, float]]:
    """Every text's font size in a laid-out figure: (what, size)."""
    layout = fig.layout
    sizes = [("title", layout.title.font.size), ("subtitle", layout.title.subtitle.font.size)]
    sizes += [("legend", layout.legend.font.size), ("x ticks", layout.xaxis.tickfont.size)]
    sizes += [("y ticks", layout.yaxis.tickfont.size), ("y title", layout.yaxis.title.font.size)]
    sizes += [(f"note {n.text[:20]!r}", n.font.size) for n in layout.annotations if n.text]
    sizes += [(f"labels {t.name}", t.textfont.size) for t in fig.data if "textfont" in t]
    return sizes


@pytest.mark.parametrize(
    ("kind", "fmt"), [("png", "png"), ("svg-print", "svg")], ids=["png", "svg"]
)
def test_the_print_images_print_legibly_at_a4_width_with_notes_address_and_data_date(
    charts: list[Chart], print_notes: dict, planned, kind: str, fmt: str
):
    """Printed 16 cm wide (A4 less margins), no text of the print PNG or SVG is under 8 pt,
    and each carries the notes the screen shows under the chart and says where the monitor
    is and the date of its data (as the images pass lays them out)."""
    images = _planned(planned, kind)
    for chart in charts:
        notes = print_notes[(chart.chart_id, chart.lang)]
        image = images[chart.chart_id]
        assert image.opts["format"] == fmt and image.opts["width"] == PNG_WIDTH
        # The SVG says how wide it prints: the width the font sizes were reckoned for.
        assert image.print_cm == (PRINT_WIDTH_CM if fmt == "svg" else None)
        fig = image.figure
        small = [(what, printed_pt(size or 0)) for what, size in _font_sizes(fig)]
        assert [s for s in small if s[1] < 8] == [], chart.chart_id
        footer = fig.layout.annotations[-1].text.replace("<br>", " ")
        assert DASHBOARD in footer and "data as of 14 Feb 2018" in footer
        assert all(html.escape(note) in footer for note in notes), chart.chart_id


@pytest.fixture(scope="module")
def print_notes(seed_db: Path) -> dict:
    with Reader(seed_db) as reader:
        return notes_by_chart(reader, all_charts(reader))


@pytest.mark.parametrize(
    ("chart_id", "said"),
    [
        ("metric-relapse-rate", "do not say over which period or cohort"),
        ("users-share", "No figure of their own is reported for “Phase 2"),
        ("users-share", "imply at least 61.8%: see the Data checks."),
        ("metric-detainees-without-treatment", "stored as those words (vague)"),
    ],
)
def test_print_notes_say_what_is_unknown_and_which_phases_have_no_figure(
    print_notes: dict, chart_id: str, said: str
):
    """The notes a print image carries are the screen's, in plain words (no link markup)."""
    notes = " ".join(print_notes[(chart_id, "en")])
    assert said in notes and "](" not in notes


@pytest.fixture(scope="module")
def both_languages(seed_db: Path) -> list[StoredChart]:
    """Every chart as stored in English and in Khmer."""
    with Reader(seed_db) as reader:
        ids = list(queries.chart_titles(reader))
        rows = [queries.chart_parts(reader, i, lang) for i in ids for lang in ("en", "km")]
    return [StoredChart.from_row(row) for row in rows if row is not None]


def test_a_chart_with_nothing_to_draw_is_a_short_note_in_every_image_and_file(
    both_languages, seed_db: Path
) -> None:
    """No empty plot drawn full size, on paper or on screen: the print image has the title,
    takeaway, a line saying nothing is drawn and why, then the notes, sources, address and
    date; the screen images (gallery, chart files, static copy) are that line alone; the
    standalone HTML and the light embed say it in the figure's place. No axes, no key, no
    plotting script, no image."""
    with Reader(seed_db) as reader:
        metrics = queries.metrics(reader)
    empty = [c for c in both_languages if draws_nothing(c)]
    assert {c.lang for c in empty} == {"en", "km"}
    for chart in empty:
        said = html.escape(translator(chart.lang).gettext(NOTHING_DRAWN))
        printed = png_figure(chart, DASHBOARD, "14 Feb 2018")
        assert printed.layout.height < PRINT_PLOT_HEIGHT, chart.chart_id
        for fig in (printed, *(svg_drawing(chart, *size).figure for size in (WIDE, NARROW))):
            assert not fig.data and not fig.layout.shapes
            assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
            # Khmer breaks between words, with no space: the lines are compared unspaced.
            lines = [n.text.replace("<br>", " ") for n in fig.layout.annotations][0]
            assert lines.replace(" ", "") == said.replace(" ", "")
        for size in (WIDE, NARROW):
            assert svg_drawing(chart, *size).opts["height"] < size[1] / 4, (chart.lang, size)
        page = chart_html(chart, DASHBOARD)
        assert translator(chart.lang).gettext(NOTHING_DRAWN) in page and "Plotly" not in page
        embed = embed_html(chart, DASHBOARD, chart_context(metrics, chart, lang=chart.lang))
        assert said in embed and "<img" not in embed


def test_print_titles_wrap_within_the_image_in_either_script(both_languages, planned) -> None:
    """A long title (Khmer's run wider) wraps rather than running off the image's right edge:
    every line measured in its script's font fits between the edges it is placed at. The
    English PNGs as the images pass lays them out (`planned`, made once); each Khmer title
    as the print layout wraps it (title_lines), and the longest laid out whole, to see the
    layout places those lines (a whole layout is 80 ms a chart; the title is all read)."""
    english = _planned(planned, "png")
    assert {c.chart_id for c in both_languages if c.lang == "en"} == set(english)
    khmer = [c for c in both_languages if c.lang == "km"]
    longest = max(khmer, key=lambda c: len(c.title))
    laid_out = {("en", chart_id): d.figure.layout.title for chart_id, d in english.items()}
    laid_out[("km", longest.chart_id)] = png_figure(longest).layout.title
    assert laid_out[("km", longest.chart_id)].text == "<br>".join(
        f"<b>{line}</b>" for line in title_lines(longest.title)
    )
    for chart in both_languages:
        title = laid_out.get((chart.lang, chart.chart_id))
        if title is None:  # a Khmer title not laid out whole: its lines, placed as above
            title = go.layout.Title(
                text="<br>".join(f"<b>{line}</b>" for line in title_lines(chart.title)),
                font={"size": TITLE_SIZE},
                x=EDGE / PNG_WIDTH,
                xref="container",
            )
        assert (title.xref, title.x * PNG_WIDTH) == ("container", EDGE)
        lines = re.sub("</?b>", "", title.text).split("<br>")
        assert "".join(html.unescape(line) for line in lines).replace(" ", "") == (
            chart.title.replace(" ", "")
        )
        assert max(text_width(line, title.font.size) for line in lines) <= PNG_WIDTH - 2 * EDGE, (
            chart.chart_id,
            chart.lang,
        )


def test_missing_chromium_raises_png_unavailable_with_the_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(PngUnavailable, match="apt-get install chromium"):
        chart_png(_hostile_chart())


def test_png_problem_says_what_to_install_only_when_chromium_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_CHROMIUM", str(tmp_path / "no-chromium"))
    problem = png_problem()
    assert problem and "apt-get install chromium" in problem
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("MONITOR_CHROMIUM", str(fake))
    assert png_problem() is None


def test_a_browser_that_will_not_start_raises_png_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Chromium that is there but will not start: a build's batch (draw_all) fails, falls
    back to drawing one image at a time (chart_png's path: Drawing.draw), which tries a
    fresh browser once and then says what to install. A real failing browser for the batch
    and for the first one-at-a-time try (kaleido's two ways in: each start a wrapper process
    and about 2 s of choreographer's waits); the fresh browser's try fails as that one did
    (the same call again, counted), where a third real start only waited."""
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("MONITOR_CHROMIUM", str(fake))
    real_draw = chart_drawing._draw
    failed: list[BaseException] = []

    def first_real_then_the_same(browser: Path, fig: go.Figure, opts: dict) -> bytes:
        if failed:  # the fresh browser: fails as the real one did
            raise failed[0]
        try:
            return real_draw(browser, fig, opts)
        except BaseException as exc:
            failed.append(exc)
            raise

    tries = []
    monkeypatch.setattr(
        chart_drawing, "_draw", lambda *a: tries.append(1) or first_real_then_the_same(*a)
    )
    small = _hostile_chart()
    with pytest.raises(PngUnavailable, match="apt-get install chromium"):
        draw_all([png_drawing(small), svg_drawing(small, 600, 400)])
    assert len(tries) == 2  # the kept browser, then a fresh one once


def test_exported_charts_come_with_a_png_and_an_svg_to_print(
    charts: list[Chart], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`etl export --charts` hands out each chart's print images: the PNG and the SVG that
    prints 16 cm wide, both naming the monitor's address and the data's date. Chromium's
    drawing is faked (an image's bytes are its layout's fingerprint): what the export asks
    for is checked here; what Chromium draws for those layouts is read in the images pass's
    PNG (test_png_is_a_report_ready_image) and print SVG (16 cm wide:
    tests/test_static_charts.py), drawn by the same draw_all."""
    monkeypatch.setattr(
        "charts.drawing.draw_all", lambda drawings: [d.fingerprint().encode() for d in drawings]
    )
    chart = charts[0]
    paths = write_chart_files([chart], tmp_path, DASHBOARD, data_date=pd.Timestamp("2018-02-14"))
    suffixes = (".html", ".png", ".print.svg")
    assert sorted(p.name for p in paths) == sorted(f"{chart.chart_id}{s}" for s in suffixes)
    png = png_drawing(chart, DASHBOARD, "14 Feb 2018")
    for suffix, drawing in ((".png", png), (".print.svg", printed_svg(png))):
        assert (tmp_path / f"{chart.chart_id}{suffix}").read_bytes() == (
            drawing.fingerprint().encode()
        ), suffix
        footer = drawing.figure.layout.annotations[-1].text
        assert chart_url(DASHBOARD, chart.chart_id) in footer and "14 Feb 2018" in footer
    assert printed_svg(png_drawing(chart)).print_cm == PRINT_WIDTH_CM
