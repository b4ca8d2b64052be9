"""The seed database's images pass for the tests: draw the images of a copy of the seed
database, then put it in place beside it as monitor.duckdb, whole or not at all. Run as a
process of its own by tests/conftest.py while other tests run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from etl.chart_images import draw_later


def draw_images(drawing: Path) -> None:
    """Draw the images into `drawing` and move it to monitor.duckdb beside it."""
    print(draw_later(drawing), flush=True)
    os.replace(drawing, drawing.with_name("monitor.duckdb"))


if __name__ == "__main__":
    draw_images(Path(sys.argv[1]))
