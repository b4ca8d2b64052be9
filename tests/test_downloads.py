"""A download serves exactly the rows on screen, with provenance, as safe CSV (AppTest)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from exports.csvsafe import to_csv_bytes

APP = str(Path(__file__).resolve().parent.parent / "app.py")


class _RecordingStorage(MemoryMediaFileStorage):
    """AppTest's in-memory media store, kept so the test can read what a button serves."""

    made: list[MemoryMediaFileStorage] = []

    def __init__(self, endpoint: str) -> None:
        super().__init__(endpoint)
        _RecordingStorage.made.append(self)


@pytest.fixture
def data_page(seed_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MONITOR_DB", str(seed_db))
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", _RecordingStorage)

    def open_page(**params: str | list[str]) -> tuple[AppTest, bytes]:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page("pages/data.py")
        at.run()
        assert not at.exception
        button = at.get("download_button")[0]
        name = button.proto.url.rsplit("/", 1)[-1]
        served = _RecordingStorage.made[-1].get_file(name).content
        return at, served

    return open_page


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"metric": "Total arrests"},
        {"source": "13 Jan 2017 · Drug campaign nets 1,000"},
        {
            "table": "Statements",
            "source": "27 Jun 2017 · Government hopes to extend controversial drug war",
        },
        {"table": "Positions on proposals"},
        {"table": "Actors"},
    ],
)
def test_download_is_exactly_the_rows_on_screen(data_page, params):
    at, served = data_page(**params)
    on_screen = at.dataframe[0].value
    assert len(on_screen) > 0
    assert served == to_csv_bytes(on_screen)
    back = pd.read_csv(io.BytesIO(served))
    assert list(back.columns) == list(on_screen.columns)
    assert len(back) == len(on_screen)
    if params:
        everything = data_page(table=params.get("table", "Figures (indicators)"))[0]
        assert len(on_screen) <= len(everything.dataframe[0].value)


def test_figures_download_keeps_hedges_and_provenance(data_page):
    at, served = data_page(metric="Total arrests")
    rows = pd.read_csv(io.BytesIO(served))
    for column in (
        "source_title",
        "source_outlet",
        "source_url",
        "source_published_on",
        "quote",
        "qualifier",
        "value_low",
        "value_high",
    ):
        assert column in rows.columns
    lower_bounds = rows[rows["qualifier"] == "more_than"]
    assert len(lower_bounds) > 0
    assert lower_bounds["value_high"].isna().all()  # open, not zero
    assert (rows["metric_label"] == "Total arrests").all()
    assert rows["source_published_on"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
