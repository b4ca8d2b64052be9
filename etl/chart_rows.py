"""Build step 'charts': make every chart from the new file and store its parts (figure JSON,
title, takeaway, evidence, sources), so no server rebuilds a chart."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from charts.catalogue import catalogue
from charts.frames import ReaderFrames
from charts.model import Chart
from data_model.tables import CHART_PARTS
from database.connection import Reader
from database.write import add_rows


def part_rows(charts: list[Chart]) -> pd.DataFrame:
    """The chart_parts rows of these charts."""
    return pd.DataFrame(
        [
            (
                c.chart_id,
                c.title,
                c.takeaway,
                c.figure.to_json(),
                c.evidence.to_json(orient="split", index=False),
                json.dumps(list(c.sources), ensure_ascii=False),
            )
            for c in charts
        ],
        columns=CHART_PARTS.column_names,
    )


def make_charts(db_path: Path) -> list[Chart]:
    """Every chart of the catalogue, built from the tables of the database at db_path."""
    with Reader(db_path) as reader:
        frames = ReaderFrames(reader)
        return [spec.build(frames) for spec in catalogue(frames).charts.values()]


def store_charts(db_path: Path, charts: list[Chart]) -> str:
    """Store the charts' parts in the database at db_path; one line back for the build."""
    add_rows(db_path, CHART_PARTS, part_rows(charts))
    return f"stored {len(charts)} charts' figures and words"
