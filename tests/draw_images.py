"""The seed database's images pass for the tests: draw the images of a copy of the seed
database, then put it in place beside it as monitor.duckdb, whole or not at all. Run as a
process of its own by tests/conftest.py while other tests run.

Every image is drawn as the build draws it but one kind: a chart's print PNG in a language
other than English is stored as its English PNG (the same drawing, so drawn once). No test
reads a PNG in another language: the PNG's layout and words are read in the print SVG,
drawn from the same figure in every language (tests/test_chart_contrast.py), and the PNG
itself, its size and signature, in English (tests/test_chart_files.py,
tests/test_static_charts.py). Those 15 PNGs of 3,000 px were the costliest eighth of the
pass: about 8 s of Chromium's CPU of its 40 (NOTES-suite22c.md). The build's own pass
(etl.chart_images) is not changed: `python -m etl build` draws every one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from etl import chart_images
from etl.chart_images import KINDS, draw_later

#: The language whose PNG stands for every language's in the tests' seed images.
PNG_LANGUAGE = "en"


def _english_pngs(drawings):
    """etl.chart_images.drawings, with each chart's PNG in another language swapped for its
    English PNG's drawing: equal fingerprints are drawn once (draw_into)."""

    def planned(charts, *args, **kwargs):
        out = drawings(charts, *args, **kwargs)
        langs = [chart.lang for chart in charts for _ in KINDS]  # drawings' order
        english = {
            chart_id: drawing
            for (chart_id, kind, drawing), lang in zip(out, langs, strict=True)
            if kind == "png" and lang == PNG_LANGUAGE
        }
        return [
            (chart_id, kind, english.get(chart_id, drawing) if kind == "png" else drawing)
            for chart_id, kind, drawing in out
        ]

    return planned


def draw_images(drawing: Path) -> None:
    """Draw the images into `drawing` and move it to monitor.duckdb beside it."""
    drawings = chart_images.drawings
    chart_images.drawings = _english_pngs(drawings)
    try:  # (also called in a worker's own process: other builds there draw every image)
        print(draw_later(drawing), flush=True)
    finally:
        chart_images.drawings = drawings
    os.replace(drawing, drawing.with_name("monitor.duckdb"))


if __name__ == "__main__":
    draw_images(Path(sys.argv[1]))
