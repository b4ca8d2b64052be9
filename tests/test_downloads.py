"""A download serves exactly the rows on screen, with provenance, as safe CSV named by its filter (AppTest)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from database import downloads, queries
from database.connection import Reader
from exports.csvsafe import to_csv_bytes
from monitor.texts import download_file_name

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
        at.switch_page("views/data.py")
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
def test_download_is_exactly_the_rows_in_the_grid(data_page, params):
    at, served = data_page(**params, view="Sort and search")
    on_screen = at.dataframe[0].value
    assert len(on_screen) > 0
    assert served == to_csv_bytes(on_screen)
    back = pd.read_csv(io.BytesIO(served))
    assert list(back.columns) == list(on_screen.columns)
    assert len(back) == len(on_screen)
    if params:
        table = params.get("table", "Figures (indicators)")
        everything = data_page(table=table, view="Sort and search")[0]
        assert len(on_screen) <= len(everything.dataframe[0].value)


def _table_rows(at: AppTest) -> list[list[str]]:
    """The body cells of the plain table, as text (tags and entities undone)."""
    body = at.html[0].value.split("<tbody>", 1)[1]
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell))
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


@pytest.mark.parametrize(
    "params",
    [{}, {"table": "Statements"}, {"source": "13 Jan 2017 · Drug campaign nets 1,000"}],
)
def test_plain_table_shows_the_rows_the_download_has(data_page, params):
    """Page after page, the plain table shows every row the download holds, in its order."""
    at, served = data_page(**params)
    assert not at.dataframe, "the grid loads only when asked for"
    back = pd.read_csv(io.BytesIO(served), dtype=str, keep_default_na=False)
    shown = _table_rows(at)
    for page in range(2, downloads.page_count(len(back)) + 1):
        at.pagination[0].set_value(page).run()
        shown += _table_rows(at)
    assert len(shown) == len(back) > 0
    id_column = next(c for c in back.columns if c.endswith("_id"))
    at_id = list(back.columns).index(id_column)
    assert [row[at_id] for row in shown] == list(back[id_column])


def test_plain_table_pages_long_tables(data_page, monkeypatch):
    monkeypatch.setattr(downloads, "PAGE_ROWS", 10)
    at, served = data_page(table="Statements")
    total = len(pd.read_csv(io.BytesIO(served)))
    assert at.pagination[0].value == 1
    assert len(_table_rows(at)) == 10
    last = downloads.page_count(total)
    at.pagination[0].set_value(last).run()
    assert len(_table_rows(at)) == total - 10 * (last - 1)


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


def _served_name(at: AppTest) -> str:
    button = at.get("download_button")[0]
    return _RecordingStorage.made[-1].get_file(button.proto.url.rsplit("/", 1)[-1]).filename


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({}, "cambodia-drug-campaign-indicators.csv"),
        (
            {"source": "13 Jan 2017 · Drug campaign nets 1,000"},
            "cambodia-drug-campaign-indicators-source-",
        ),
        ({"metric": "Total arrests"}, "cambodia-drug-campaign-indicators-metric-"),
        ({"table": "Statements"}, "cambodia-drug-campaign-statements.csv"),
    ],
)
def test_download_file_name_says_what_was_filtered(data_page, params, name):
    at, served = data_page(**params)
    assert _served_name(at).startswith(name)
    assert served.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel


@pytest.mark.parametrize(
    ("table", "sources", "metrics", "name"),
    [
        ("indicators", [], [], "cambodia-drug-campaign-indicators.csv"),
        ("indicators", ["pp-2017-01"], [], "cambodia-drug-campaign-indicators-source-pp-2017-01.csv"),
        ("indicators", ["a", "b"], ["arrests"], "cambodia-drug-campaign-indicators-2-sources-metric-arrests.csv"),
        ("statements", ["../x y"], [], "cambodia-drug-campaign-statements-source-x-y.csv"),
    ],
)  # fmt: skip
def test_download_file_name(table, sources, metrics, name):
    assert download_file_name(table, sources, metrics) == name


def test_metric_filter_offers_only_metrics_with_figures(data_page, seed_db):
    metrics = queries.metrics(Reader(seed_db))
    empty = set(metrics.loc[metrics["n_figures"] == 0, "label"])
    at, _ = data_page(metric="Total arrests")
    offered = set(next(m for m in at.multiselect if m.label == "Metrics").options)
    assert offered == set(metrics["label"]) - empty
    assert "Total arrests" in offered
