"""Build step 'images': draw every chart as static images (wide and narrow SVG, print PNG and SVG) into the new database file."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from charts.drawing import (
    Drawing,
    PngUnavailable,
    close_png_session,
    draw_all,
    png_drawing,
    png_problem,
    printed_svg,
    svg_drawing,
)
from charts.model import Chart, StoredChart
from charts.notes import notes_by_chart
from charts.style import NARROW, WIDE
from data_model.tables import CHART_IMAGES
from data_model.wording import date_text
from database import queries
from database.connection import Reader, file_stamp
from database.write import add_rows, clear_rows
from etl.store import build_lock

# Static chart sizes in CSS pixels (charts.style): a wide one for laptops, a tall narrow one
# for phones.

#: Where the dashboard is published, written into each print image's footer when set.
PUBLIC_URL_VARIABLE = "MONITOR_PUBLIC_URL"
#: The images drawn of every chart, in the order drawings() lists them: for laptops, for
#: phones, and the print layout as PNG (reports) and SVG (print at any size).
KINDS = ("svg-wide", "svg-narrow", "png", "svg-print")


def drawings(
    charts: list[Chart],
    public_url: str | None,
    data_date: object = None,
    notes: Mapping[tuple[str, str], Sequence[str]] | None = None,
    kinds: Collection[str] = KINDS,
) -> list[tuple[str, str, Drawing]]:
    """Every image the build draws for these charts: (chart id, kind, drawing), one of each
    of KINDS per chart in that order (the print PNG and SVG name the data's date, written in
    the chart's language when given as a date, and carry the chart's notes, by (chart id,
    language): charts.notes.notes_by_chart). `kinds` keeps some of them, laying out no
    other: the tests' images passes draw only the kinds their tests read (tests/draw_images.py)."""
    out = []
    for chart in charts:
        when = data_date if isinstance(data_date, str) or data_date is None else None
        if when is None and data_date is not None:
            when = date_text(data_date, lang=chart.lang)
        said = (notes or {}).get((chart.chart_id, chart.lang), ())
        if "svg-wide" in kinds:
            out.append((chart.chart_id, "svg-wide", svg_drawing(chart, *WIDE)))
        if "svg-narrow" in kinds:
            out.append((chart.chart_id, "svg-narrow", svg_drawing(chart, *NARROW)))
        if "png" in kinds or "svg-print" in kinds:
            # One print layout for both: each was laid out apart, twice the pass's costliest
            # step (png_figure: about 80 ms a chart).
            png = png_drawing(chart, public_url, when, said)
            if "png" in kinds:
                out.append((chart.chart_id, "png", png))
            if "svg-print" in kinds:
                out.append((chart.chart_id, "svg-print", printed_svg(png)))
    return out


def _earlier_images(previous: Path | None) -> dict[str, bytes]:
    """Images of the database being replaced, by fingerprint ({} when there is none). A file
    of another schema version is not read: it is being rebuilt because it is not this code's."""
    if previous is None or not previous.exists():
        return {}
    try:
        with Reader(previous) as reader:
            if not queries.same_schema(reader):
                return {}
            return queries.chart_images_by_fingerprint(reader)
    except duckdb.Error:  # a damaged file: draw everything afresh
        return {}


def _data_date(db_path: Path) -> object:
    """The date of the data, for the print PNG: the latest article's (the same from build to
    build until an article is added, so unchanged charts keep their images)."""
    with Reader(db_path) as reader:
        latest = queries.sources(reader)["published_on"].max()
    return latest if pd.notna(latest) else None


def draw_into(db_path: Path, charts: list[Chart], previous: Path | None = None) -> str:
    """Draw the charts of the database at db_path and store the images in it.

    An image whose figure is unchanged since `previous` (the file being replaced) is copied
    from it rather than drawn again: adding one article redraws only the charts it changes.
    Returns one line for the build's output. Without a working Chromium nothing is stored
    and the line says so: the pages then show the interactive charts.
    """
    started = time.perf_counter()
    earlier = _earlier_images(previous)
    # With no earlier image every chart is missing: ask for Chromium before laying out every
    # print figure (about 3x a small build's CPU) only to find it cannot be drawn.
    if charts and not earlier and (problem := png_problem()):
        return f"static charts not drawn ({problem}); pages will show interactive charts"
    with Reader(db_path) as reader:
        notes = notes_by_chart(reader, charts)
    planned = drawings(
        charts, os.environ.get(PUBLIC_URL_VARIABLE) or None, _data_date(db_path), notes
    )
    fingerprints = [d.fingerprint() for _, _, d in planned]
    # Each missing image once (equal fingerprints draw equal bytes).
    missing = {
        fp: d for (_, _, d), fp in zip(planned, fingerprints, strict=True) if fp not in earlier
    }
    if missing and (problem := png_problem()):
        return f"static charts not drawn ({problem}); pages will show interactive charts"
    rows: list[tuple[str, str, str, str, bytes]] = []
    # KINDS per chart, in the order drawings() lists them: each takes its chart's lang.
    langs = [chart.lang for chart in charts for _ in KINDS]
    try:
        earlier.update(zip(missing, draw_all(list(missing.values())), strict=True))  # one batch
        for (chart_id, kind, _), fp, lang in zip(planned, fingerprints, langs, strict=True):
            rows.append((chart_id, lang, kind, fp, earlier[fp]))
    except PngUnavailable as exc:
        return f"static charts not drawn ({exc}); pages will show interactive charts"
    finally:
        close_png_session()  # the browser is not kept beyond the build
    add_rows(db_path, CHART_IMAGES, pd.DataFrame(rows, columns=CHART_IMAGES.column_names))
    drawn = len(missing)
    return (
        f"drew {len({c.chart_id for c in charts})} charts in {len({c.lang for c in charts})} "
        f"languages as static images ({drawn} of {len(rows)} "
        f"images new) in {time.perf_counter() - started:.1f}s"
    )


def stored_charts(db_path: Path, chart_ids: list[str]) -> dict[tuple[str, str], StoredChart]:
    """The charts of the database at db_path with these ids, read back from chart_parts in
    every language stored, by (chart id, language)."""
    if not chart_ids:
        return {}
    with Reader(db_path) as reader:
        return {
            (i, lang): StoredChart.from_row(queries.chart_parts(reader, i, lang) or {})
            for lang in queries.chart_languages(reader)
            for i in chart_ids
        }


def draw_later(db_path: Path) -> str:
    """The images pass a Save leaves for after its data is on screen: draw the images of the
    database at db_path that it lacks (a chart whose figure changed) into a copy of it, and
    swap the copy in unless a newer build replaced the file meanwhile (that build's own pass
    then draws). Only the swap waits for the build lock, so a Save never waits for drawing."""
    stamp = file_stamp(db_path)
    with Reader(db_path) as reader:
        charts = [
            StoredChart.from_row(queries.chart_parts(reader, i, lang) or {})
            for lang in queries.chart_languages(reader)
            for i in queries.chart_titles(reader, lang)
        ]
        # Every kind counted: a file drawn before a kind was added gets it here.
        wanted = {(c.chart_id, c.lang, kind) for c in charts for kind in KINDS}
        if wanted <= queries.chart_image_kinds(reader):
            return "every chart already has its static images"
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".images", dir=db_path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        shutil.copyfile(db_path, tmp)
        if file_stamp(db_path) != stamp:
            return "not drawn: a newer build replaced the database; its own pass draws"
        clear_rows(tmp, CHART_IMAGES)
        note = draw_into(tmp, charts, db_path)  # type: ignore[arg-type]  # StoredChart reads as a Chart
        with build_lock(db_path):
            if file_stamp(db_path) != stamp:
                return "not swapped in: a newer build replaced the database; its own pass draws"
            os.replace(tmp, db_path)
        return note
    finally:
        tmp.unlink(missing_ok=True)
