"""Metric categories are data: a new one is declared in a curated file and shows; an undeclared one is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from corpus.problems import InputError
from corpus.safe_yaml import dump_yaml
from database import downloads, queries
from database.connection import Reader
from etl.build import build
from monitor.texts import rows_html

ROOT = Path(__file__).resolve().parent.parent
#: A made-up article whose metrics sit in categories the fixture corpus does not declare
#: ('finance', 'seizures'): they are declared only in its curated file.
UNITS_FIXTURE = ROOT / "tests" / "fixtures" / "units"


def _grown(seeds: Path) -> Path:
    shutil.copy(UNITS_FIXTURE / "101_kampot_fund.txt", seeds / "articles")
    shutil.copy(UNITS_FIXTURE / "kampot-fund.yaml", seeds / "curated")
    return seeds


def test_a_new_category_declared_in_data_builds_and_shows(grown_fixture_db: Path):
    # The fixture corpus with the units fixture's article, built once per run (tests/conftest.py).
    with Reader(grown_fixture_db) as reader:
        metrics = queries.metrics(reader)
        shown = downloads.rows(reader, "indicators")
    by_metric = dict(zip(metrics["metric_id"], metrics["category_label"], strict=True))
    assert by_metric["treatment-fund-riel"] == "Money and budgets"
    assert by_metric["boats-seized"] == "Seizures"
    # The Data page's figures table names each figure's category by its declared label.
    row = shown[shown["indicator_id"] == "kampot-fund-riel"].iloc[0]
    assert row["category_label"] == "Money and budgets"
    assert "Money and budgets" in rows_html(shown)


def test_every_undeclared_category_is_reported_at_once_with_file_record_and_field(
    fixture_seeds: Path,
):
    seeds = _grown(fixture_seeds)
    fund = seeds / "curated" / "kampot-fund.yaml"
    doc = yaml.safe_load(fund.read_text(encoding="utf-8"))
    doc["categories"] = []  # neither 'finance' nor 'seizures' declared any more
    fund.write_text(dump_yaml(doc), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build(fixture_seeds.parent / "never.duckdb", seeds, draw_images=False)
    problems = caught.value.problems.items
    assert {(p.record, p.field) for p in problems} == {
        ("treatment-fund-riel", "category"),
        ("clinic-donations-usd", "category"),
        ("boats-seized", "category"),
    }
    assert all(p.file.endswith("kampot-fund.yaml") for p in problems)
    assert "unknown category id 'finance'" in str(caught.value)
    assert not (fixture_seeds.parent / "never.duckdb").exists()
