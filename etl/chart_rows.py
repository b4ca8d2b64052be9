"""Build step 'charts': make every chart and the Trends sections from the new file and store
them (figure JSON, title, takeaway, evidence, sources), so no server rebuilds a chart or the
catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from charts.catalogue import Catalogue, catalogue
from charts.frames import ReaderFrames
from charts.model import Chart
from data_model.tables import CHART_PARTS, TRENDS_SECTIONS
from database.connection import Reader
from database.write import add_rows


def part_rows(charts: list[Chart]) -> pd.DataFrame:
    """The chart_parts rows of these charts."""
    return pd.DataFrame(
        [
            (
                c.chart_id,
                ordinal,
                c.title,
                c.takeaway,
                c.figure.to_json(),
                c.evidence.to_json(orient="split", index=False),
                json.dumps(list(c.sources), ensure_ascii=False),
            )
            for ordinal, c in enumerate(charts)
        ],
        columns=CHART_PARTS.column_names,
    )


def section_rows(made: Catalogue) -> pd.DataFrame:
    """The trends_sections rows of the catalogue."""
    return pd.DataFrame(
        [
            (s.section_id, s.label, ordinal, json.dumps(list(s.chart_ids)))
            for ordinal, s in enumerate(made.sections.values())
        ],
        columns=TRENDS_SECTIONS.column_names,
    )


def make_charts(db_path: Path) -> tuple[Catalogue, list[Chart]]:
    """The catalogue of the database at db_path, and every chart of it built from its tables."""
    with Reader(db_path) as reader:
        frames = ReaderFrames(reader)
        made = catalogue(frames)
        return made, [spec.build(frames) for spec in made.charts.values()]


def store_charts(db_path: Path, made: Catalogue, charts: list[Chart]) -> str:
    """Store the charts' parts and the Trends sections in the database at db_path; one line
    back for the build."""
    add_rows(db_path, CHART_PARTS, part_rows(charts))
    add_rows(db_path, TRENDS_SECTIONS, section_rows(made))
    return f"stored {len(charts)} charts' figures and words"
