"""Build step: draw every chart as static images (wide and narrow SVG, PNG) into the new database file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd

from charts.catalogue import catalogue
from charts.drawing import (
    Drawing,
    PngUnavailable,
    close_png_session,
    png_drawing,
    png_problem,
    svg_drawing,
)
from charts.frames import ReaderFrames
from charts.stored import StoredChart
from charts.style import NARROW, WIDE
from data_model.tables import CHART_IMAGES
from data_model.wording import date_text
from database import queries
from database.connection import Reader
from etl.store import add_rows

# Static chart sizes in CSS pixels (charts.style): a wide one for laptops, a tall narrow one
# for phones.

#: Where the dashboard is published, written into each PNG's footer when set.
PUBLIC_URL_VARIABLE = "MONITOR_PUBLIC_URL"


def drawings(db_path: Path, public_url: str | None) -> list[tuple[str, str, Drawing]]:
    """Every image the build draws for the database at db_path: (chart id, kind, drawing),
    kind being 'svg-wide', 'svg-narrow' or 'png'."""
    with Reader(db_path) as reader:
        frames = ReaderFrames(reader)
        # The print PNG's data date: the latest article's (stable from build to build).
        latest = queries.sources(reader)["published_on"].max()
        data_date = date_text(latest) if pd.notna(latest) else None
        out = []
        for chart_id, spec in catalogue(frames).charts.items():
            # The parts the build stored (charts.stored) when there are: no chart built twice.
            parts = queries.chart_parts(reader, chart_id)
            chart = StoredChart(parts) if parts is not None else spec.build(frames)
            out.append((chart_id, "svg-wide", svg_drawing(chart, *WIDE)))
            out.append((chart_id, "svg-narrow", svg_drawing(chart, *NARROW)))
            out.append((chart_id, "png", png_drawing(chart, public_url, data_date)))
    return out


def _earlier_images(previous: Path | None) -> dict[str, bytes]:
    """Images of the database being replaced, by fingerprint ({} when there is none)."""
    if previous is None or not previous.exists():
        return {}
    try:
        with Reader(previous) as reader:
            return queries.chart_images_by_fingerprint(reader)
    except Exception:  # an older or damaged file: draw everything afresh
        return {}


def draw_into(db_path: Path, previous: Path | None = None) -> str:
    """Draw every chart of the database at db_path and store the images in it.

    An image whose figure is unchanged since `previous` (the file being replaced) is copied
    from it rather than drawn again: adding one article redraws only the charts it changes.
    Returns one line for the build's output. Without a working Chromium nothing is stored
    and the line says so: the pages then show the interactive charts.
    """
    started = time.perf_counter()
    planned = drawings(db_path, os.environ.get(PUBLIC_URL_VARIABLE) or None)
    earlier = _earlier_images(previous)
    fingerprints = [d.fingerprint() for _, _, d in planned]
    missing = [fp for fp in fingerprints if fp not in earlier]
    if missing and (problem := png_problem()):
        return f"static charts not drawn ({problem}); pages will show interactive charts"
    rows: list[tuple[str, str, str, bytes]] = []
    try:
        for (chart_id, kind, drawing), fp in zip(planned, fingerprints, strict=True):
            image = earlier.get(fp)
            if image is None:
                image = drawing.draw()
                earlier[fp] = image
            rows.append((chart_id, kind, fp, image))
    except PngUnavailable as exc:
        return f"static charts not drawn ({exc}); pages will show interactive charts"
    finally:
        close_png_session()  # the browser is not kept beyond the build
    add_rows(db_path, CHART_IMAGES, pd.DataFrame(rows, columns=CHART_IMAGES.column_names))
    drawn = len(set(missing))
    return (
        f"drew {len({c for c, _, _ in planned})} charts as static images ({drawn} of {len(rows)} images new) "
        f"in {time.perf_counter() - started:.1f}s"
    )
