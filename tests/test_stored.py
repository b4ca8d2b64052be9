"""What is expensive is made by the build: pages read chart parts and worded checks back, and a
rebuild of the same data keeps the dashboard's caches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import plotly.io as pio
import streamlit as st

from charts.catalogue import catalogue
from charts.frames import ReaderFrames
from charts.model import Chart, StoredChart
from data_model.safe_text import md
from database import queries
from database.connection import Reader
from etl.build import build
from tests.apptests import open_app_page

ROOT = Path(__file__).resolve().parent.parent


def _fingerprint(db: Path) -> str | None:
    with Reader(db) as reader:
        return queries.content_fingerprint(reader)


def _differences(built: Chart, parts: dict[str, str] | None) -> list[str]:
    """What a chart read back from chart_parts has other than the chart built afresh."""
    if parts is None:
        return ["not stored"]
    stored = StoredChart.from_row(parts)
    fields = ("title", "takeaway", "sources", "source_line")
    out = [f for f in fields if getattr(stored, f) != getattr(built, f)]
    if stored.evidence.astype(object).fillna("").values.tolist() != (
        built.evidence.astype(object).fillna("").values.tolist()
    ) or list(stored.evidence.columns) != list(built.evidence.columns):
        out.append("evidence")
    # The same figure once through JSON (from_json drops empty title objects only), compared
    # as values: the order plotly writes a template's keys in is no difference a reader sees.
    if json.loads(stored.figure.to_json()) != json.loads(
        pio.from_json(built.figure.to_json()).to_json()
    ):
        out.append("figure")
    return out


def test_every_stored_chart_is_the_chart_the_data_gives(seed_db: Path):
    """Every chart of the data, the ones made for a single metric too."""
    with Reader(seed_db) as reader:
        frames = ReaderFrames(reader)
        charts = catalogue(frames).charts
        differences = {
            chart_id: _differences(spec.build(frames), queries.chart_parts(reader, chart_id))
            for chart_id, spec in charts.items()
        }
    assert len(charts) > 1
    assert {c: d for c, d in differences.items() if d} == {}


def test_the_page_shows_the_charts_and_sections_the_build_stored(
    seed_db: Path, tmp_path: Path, monkeypatch
):
    """The Trends page takes the takeaway and its sections from the database, not from
    rebuilding the chart or the catalogue."""
    db = tmp_path / "monitor.duckdb"
    db.write_bytes(seed_db.read_bytes())
    chart_id = "arrests-over-time"
    marker = "Takeaway as the build stored it."
    section = "Section as the build stored it"
    con = duckdb.connect(str(db))
    con.execute("UPDATE chart_parts SET takeaway = ? WHERE chart_id = ?", [marker, chart_id])
    con.execute("UPDATE trends_sections SET label = ? WHERE ordinal = 1", [section])
    con.close()
    monkeypatch.setenv("MONITOR_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = open_app_page("views/trends.py")
    assert not at.exception
    assert f"**{md(marker)}**" in [m.value for m in at.markdown]
    menu = [p.proto.label for p in at.get("page_link")] + [m.value for m in at.markdown]
    assert any(section in label for label in menu)


def test_a_rebuild_of_the_same_data_keeps_the_cached_rows(
    fixture_seeds: Path, fixture_db: Path, tmp_path: Path, monkeypatch
):
    from monitor import cached

    db = tmp_path / "monitor.duckdb"
    shutil.copyfile(fixture_db, db)  # the fixture corpus's build (the run's, copied)
    monkeypatch.setenv("MONITOR_DB", str(db))
    st.cache_data.clear()
    st.cache_resource.clear()
    asked: list[str] = []
    frame = Reader.frame

    def counting(self: Reader, sql: str, params=()):
        asked.append(sql)
        return frame(self, sql, params)

    monkeypatch.setattr(Reader, "frame", counting)

    def metrics_read() -> tuple[object, int]:
        """The metrics as the pages get them, and whether the database was asked for them."""
        asked.clear()
        rows = cached.metrics()
        return rows, sum("FROM metrics" in sql for sql in asked)

    first, queried = metrics_read()
    assert queried == 1
    stamp = cached.database_stamp()
    build(db, fixture_seeds, draw_images=False)  # a new file, the same data
    assert cached.database_stamp() != stamp
    assert _fingerprint(db) == _fingerprint(fixture_db)
    again, queried = metrics_read()
    assert again.equals(first)
    assert queried == 0, "a rebuild with the same data must not empty the cache"
    registry = fixture_seeds / "curated" / "registry.yaml"
    registry.write_text(registry.read_text().replace("Total arrests", "All arrests"))
    build(db, fixture_seeds, draw_images=False)
    assert _fingerprint(db) != _fingerprint(fixture_db)  # new data, a new fingerprint
    changed, queried = metrics_read()
    assert "All arrests" in set(changed["label"]) and queried == 1
    st.cache_data.clear()
    st.cache_resource.clear()
