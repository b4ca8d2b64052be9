"""Build step 'charts': make every chart and the Trends sections from the new file and store
them (figure JSON, title, takeaway, evidence, sources), so no server rebuilds a chart or the
catalogue.

Each chart is made once per language (data_model.i18n.LANGUAGES) and stored as one row per
chart and language (chart_parts.lang), its words from the catalogue and label_km (charts.words
says why at build time): a page with ?lang=km reads the Khmer row, never a translation made
while it waits."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from charts.catalogue import Catalogue, catalogue
from charts.frames import ReaderFrames
from charts.model import Chart
from data_model.i18n import LANGUAGES
from data_model.tables import CHART_PARTS, TRENDS_SECTIONS
from database.connection import Reader
from database.write import add_rows


def part_rows(charts: list[Chart]) -> pd.DataFrame:
    """The chart_parts rows of these charts; the ordinal is a chart's place among the charts
    of its language (the catalogue's order)."""
    rows = []
    for lang in dict.fromkeys(c.lang for c in charts):
        in_lang = [c for c in charts if c.lang == lang]
        rows += [
            (
                c.chart_id,
                c.lang,
                ordinal,
                c.title,
                c.takeaway,
                c.figure.to_json(),
                c.evidence.to_json(orient="split", index=False),
                json.dumps(list(c.sources), ensure_ascii=False),
            )
            for ordinal, c in enumerate(in_lang)
        ]
    return pd.DataFrame(rows, columns=CHART_PARTS.column_names)


def section_rows(made: Catalogue) -> pd.DataFrame:
    """The trends_sections rows of the catalogue, one per section and language (its name in
    that language, the English one where it has none)."""
    return pd.DataFrame(
        [
            (
                s.section_id,
                lang,
                s.labels.get(lang, s.label),
                ordinal,
                json.dumps(list(s.chart_ids)),
            )
            for lang in LANGUAGES
            for ordinal, s in enumerate(made.sections.values())
        ],
        columns=TRENDS_SECTIONS.column_names,
    )


def make_charts(
    db_path: Path, languages: tuple[str, ...] = LANGUAGES
) -> tuple[Catalogue, list[Chart]]:
    """The catalogue of the database at db_path, and every chart of it built from its tables,
    once per language (English first)."""
    with Reader(db_path) as reader:
        frames = ReaderFrames(reader)
        made = catalogue(frames)
        return made, [
            spec.build(frames, lang) for lang in languages for spec in made.charts.values()
        ]


def store_charts(db_path: Path, made: Catalogue, charts: list[Chart]) -> str:
    """Store the charts' parts and the Trends sections in the database at db_path; one line
    back for the build."""
    add_rows(db_path, CHART_PARTS, part_rows(charts))
    add_rows(db_path, TRENDS_SECTIONS, section_rows(made))
    languages = len({c.lang for c in charts})
    return (
        f"stored {len({c.chart_id for c in charts})} charts' figures and words"
        f" in {languages} language{'s' if languages != 1 else ''}"
    )
