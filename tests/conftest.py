"""Shared fixtures: the real seed database (built once) and a copy of the small fixture corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from charts.static import draw_into
from charts.stored import store_into
from etl.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the real seeds, once per test session, as `python -m etl
    build` builds it: chart parts stored, static images drawn in where Chromium is installed."""
    path = tmp_path_factory.mktemp("db") / "monitor.duckdb"
    build(path, finish=lambda new: (store_into(new), draw_into(new)))
    return path


@pytest.fixture
def fixture_seeds(tmp_path: Path) -> Path:
    """A private copy of the made-up fixture corpus, free to corrupt."""
    target = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, target)
    return target
