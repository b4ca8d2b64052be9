"""A download serves exactly the rows on screen, with provenance, as safe CSV named by its
filter, made only when the reader clicks."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import os
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from api.routes import Database, make_routes
from database import downloads, queries
from database.connection import Reader
from exports.csvsafe import to_csv_bytes
from monitor import data_rows
from monitor.addresses import FALLBACK_URL
from monitor.texts import download_file_name
from tests.apptests import data_page_download, open_app_page


@pytest.fixture
def on_seeds(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The dashboard's reads (monitor.cached) on the seed database."""
    monkeypatch.setenv("MONITOR_DB", str(seed_db))
    return seed_db


@pytest.fixture
def data_page(on_seeds: Path):
    def open_page(**params: str | list[str]) -> AppTest:
        at = open_app_page("views/data.py", **params)
        assert not at.exception
        return at

    return open_page


def test_the_csv_is_made_only_when_the_reader_clicks(data_page):
    """A run of the page (each filter, each page of the table) makes no CSV: the button holds
    what makes it, which Streamlit calls on the click."""
    at = data_page(table="statements")
    button = next(b for b in at.get("download_button") if b.proto.label.endswith("as CSV"))
    assert button.proto.label == "Download these rows as CSV"
    assert button.proto.HasField("deferred_file_id") and not button.proto.url


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
    at = data_page(**params, view="Sort and search")
    on_screen = at.dataframe[0].value
    assert len(on_screen) > 0
    served = data_page_download(at)
    assert served == to_csv_bytes(on_screen)
    back = pd.read_csv(io.BytesIO(served))
    assert list(back.columns) == list(on_screen.columns)
    assert len(back) == len(on_screen)
    if params:
        table = params.get("table", "Figures (indicators)")
        everything = data_page(table=table, view="Sort and search")
        assert len(on_screen) <= len(everything.dataframe[0].value)


def _table_rows(at: AppTest) -> list[list[str]]:
    """The body cells of the plain table, as text (tags and entities undone), a figure's
    "Copy citation" button aside."""
    body = at.html[0].value.split("<tbody>", 1)[1]
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell))
            for cell in re.findall(r"<td(?! class=\"copy\")[^>]*>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


@pytest.mark.parametrize(
    "params",
    [{}, {"table": "Statements"}, {"source": "13 Jan 2017 · Drug campaign nets 1,000"}],
)
def test_plain_table_shows_the_rows_the_download_has(data_page, params):
    """Page after page, the plain table shows every row the download holds, in its order."""
    at = data_page(**params)
    assert not at.dataframe, "the grid loads only when asked for"
    back = pd.read_csv(io.BytesIO(data_page_download(at)), dtype=str, keep_default_na=False)
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
    at = data_page(table="Statements")
    total = len(pd.read_csv(io.BytesIO(data_page_download(at))))
    assert at.pagination[0].value == 1
    assert len(_table_rows(at)) == 10
    last = downloads.page_count(total)
    at.pagination[0].set_value(last).run()
    assert len(_table_rows(at)) == total - 10 * (last - 1)


def _metric_id(db: Path, label: str) -> str:
    with Reader(db) as reader:
        metrics = queries.metrics(reader)
    return str(metrics.loc[metrics["label"] == label, "metric_id"].iloc[0])


def test_figures_download_keeps_hedges_and_provenance(on_seeds):
    choice = data_rows.choose("indicators", metric_ids=[_metric_id(on_seeds, "Total arrests")])
    served = data_rows.csv(data_rows.download(choice, FALLBACK_URL))
    assert served.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
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


def test_download_name_says_what_was_filtered_and_the_data_version(on_seeds):
    with Reader(on_seeds) as reader:
        version = queries.build_info(reader)["data_version"]
        source = str(queries.sources(reader)["source_id"].iloc[0])
    metric = _metric_id(on_seeds, "Total arrests")
    choice = data_rows.choose("indicators", [source], [metric], [2017])
    name = (
        f"cambodia-drug-campaign-indicators-source-{source}-metric-{metric}-2017-km-v{version}.csv"
    )
    assert data_rows.download(choice, FALLBACK_URL, "km").name == name
    # The data version it was downloaded from ends the name: -v2026.12.05.csv
    assert re.search(r"-v\d{4}\.\d{2}\.\d{2}(\.\d+)?\.csv$", name)
    # A filter the table does not take is left out of its name, as out of its rows.
    statements = data_rows.choose("statements", metric_ids=[metric])
    assert data_rows.download(statements, FALLBACK_URL).name == (
        f"cambodia-drug-campaign-statements-v{version}.csv"
    )


def test_a_rebuild_before_the_click_never_names_new_rows_with_the_old_version(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Issue 24: a Data page shown, then a Save rebuilds the database, then the reader
    clicks: the file's name and its rows come from one read of one database file, so the
    file is the build its name says, and the next run of the page names the new build."""
    path = tmp_path / "monitor.duckdb"
    shutil.copy(seed_db, path)
    monkeypatch.setenv("MONITOR_DB", str(path))
    choice = data_rows.choose("statements")
    shown = data_rows.download(choice, FALLBACK_URL)  # the page's run
    newer = tmp_path / "newer.duckdb"
    shutil.copy(seed_db, newer)
    with duckdb.connect(str(newer)) as con:  # a build that dropped a statement
        con.execute("DELETE FROM statement_search WHERE statement_id = "
                    "(SELECT min(statement_id) FROM statement_search)")  # fmt: skip
        con.execute("UPDATE build_info SET value = '2099.01.01' WHERE key = 'data_version'")
        con.execute("UPDATE content_fingerprint SET fingerprint = 'a later build'")
    os.replace(newer, path)
    clicked = pd.read_csv(io.BytesIO(data_rows.csv(shown)), dtype=str)  # the click
    with Reader(seed_db) as reader:
        old = queries.build_info(reader)["data_version"]
        before = len(downloads.rows(reader, "statements"))
    assert shown.name.endswith(f"-v{old}.csv") and len(clicked) == before
    again = data_rows.download(choice, FALLBACK_URL)  # the page's next run
    assert again.name.endswith("-v2099.01.01.csv") and len(again.rows) == before - 1


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


@pytest.mark.parametrize(
    ("dates", "name"),
    [
        ({"years": (2017, 2018)}, "cambodia-drug-campaign-sources-2017-2018.csv"),
        ({"date_from": dt.date(2017, 1, 1)}, "cambodia-drug-campaign-sources-from-2017-01-01.csv"),
        ({"years": (), "date_to": dt.date(2017, 6, 30)}, "cambodia-drug-campaign-sources-to-2017-06-30.csv"),
    ],
)  # fmt: skip
def test_download_file_name_says_the_dates_chosen(dates, name):
    assert download_file_name("sources", [], [], dates) == name


# --- dates and numbers as the API gives them -----------------------------------------------


@pytest.fixture(scope="module")
def api(seed_db: Path) -> TestClient:
    # The host the Data page names outside a browser (addresses.FALLBACK_URL): a figure's
    # citation, in both, gives its address there.
    routes = make_routes(Database(lambda: seed_db))
    return TestClient(Starlette(routes=routes), base_url=FALLBACK_URL)


DATED = [t for t, spec in downloads.DOWNLOAD_TABLES.items() if spec.dated_on]
DATE_QUERIES = [
    {"year": "2017"},
    {"year": "2018,2021"},
    {"from": "2017-01-01", "to": "2017-06-30"},
    {"from": "2018-01-01"},
]


def _choice(table: str, query: dict[str, str]) -> data_rows.RowsChoice:
    day = lambda key: dt.date.fromisoformat(query[key]) if key in query else None  # noqa: E731
    years = [int(y) for y in query.get("year", "").split(",") if y]
    return data_rows.choose(table, years=years, date_from=day("from"), date_to=day("to"))


#: Every date query on the statements, and each other dated table with one of them: the
#: choice of rows is one code for every table (monitor.data_rows), what differs by table is
#: the day it reads. 8 cases where every table with every query made 20 (2.4 s of CPU).
DATE_CASES = [("statements", d) for d in DATE_QUERIES] + list(
    zip([t for t in DATED if t != "statements"], DATE_QUERIES, strict=False)
)


@pytest.mark.parametrize(
    ("table", "dates"),
    DATE_CASES,
    ids=[f"{t}-" + "&".join(f"{k}={v}" for k, v in d.items()) for t, d in DATE_CASES],
)
def test_a_date_filter_downloads_what_the_api_gives(on_seeds, api, table, dates):
    served = data_rows.csv(data_rows.download(_choice(table, dates), FALLBACK_URL))
    query = "&".join(f"{k}={v}" for k, v in dates.items())
    assert served == api.get(f"/api/v1/{table}.csv?{query}").content
    everything = pd.read_csv(io.BytesIO(api.get(f"/api/v1/{table}.csv").content))
    back = pd.read_csv(io.BytesIO(served))
    assert 0 < len(back) < len(everything)
    # The API's JSON pages give its CSV's rows: tests/test_api.py (its date filters' test).


def test_date_widgets_filter_and_a_link_sets_them(data_page):
    at = data_page(table="policies", year="2017")
    whole_year = int(_count_rows(at))
    at.date_input(key="from").set_value(dt.date(2017, 1, 1)).run()
    at.date_input(key="to").set_value(dt.date(2017, 3, 31)).run()
    assert at.query_params["year"] == "2017"
    address = "/api/v1/policies.csv?year=2017&from=2017-01-01&to=2017-03-31"
    assert address in " ".join(c.value for c in at.caption)
    assert int(_count_rows(at)) < whole_year
    # The pickers are bound to ?from= and ?to= (the browser writes them): a link sets them.
    linked = data_page(table="policies", year="2017", **{"from": "2017-01-01", "to": "2017-03-31"})
    assert linked.date_input(key="from").value == dt.date(2017, 1, 1)
    assert linked.date_input(key="to").value == dt.date(2017, 3, 31)
    assert _count_rows(linked) == _count_rows(at)


def _count_rows(at: AppTest) -> str:
    return next(m.value.strip("*").split()[0] for m in at.markdown if m.value.endswith("rows**"))


def test_a_hedged_figure_shows_the_articles_numbers(data_page, seed_db):
    """'Roughly half': 50, between 45 and 55, in the table, the grid and the download."""
    rows = queries.indicators(Reader(seed_db))
    figure = rows[(rows["qualifier"] == "approx") & (rows["value"] == 50)]
    metric = str(figure["metric_id"].iloc[0])
    at = data_page(metric=metric)
    served = data_page_download(at)
    header = list(pd.read_csv(io.BytesIO(served), nrows=0).columns)
    cells = next(r for r in _table_rows(at) if str(figure["indicator_id"].iloc[0]) in r)
    shown = [cells[header.index(c)] for c in ("value", "value_low", "value_high")]
    assert shown == ["50", "45", "55"]
    csv = pd.read_csv(io.BytesIO(served), dtype=str).set_index("indicator_id")
    assert list(csv.loc[figure["indicator_id"].iloc[0], ["value_low", "value_high"]]) == [
        "45",
        "55",
    ]
    grid = data_page(metric=metric, view="Sort and search").dataframe[0]
    row = grid.value.set_index("indicator_id").loc[figure["indicator_id"].iloc[0]]
    assert (row["value_low"], row["value_high"]) == (45, 55)  # 55, not 55.00000000000001
    formats = json.loads(grid.proto.columns)
    assert all(formats[c]["type_config"]["format"] == "plain" for c in ("value_low", "value_high"))


def test_a_statement_with_no_day_said_shows_an_empty_date(data_page, seed_db):
    undated = queries.statements(Reader(seed_db)).query("said_on.isna()")
    source = str(undated["source_id"].iloc[0])
    at = data_page(table="statements", source=source)
    header = list(downloads.DOWNLOAD_TABLES["statements"].columns)
    said = {
        row[header.index("statement_id")]: row[header.index("said_on")] for row in _table_rows(at)
    }
    missing = [i for i in undated["statement_id"] if i in said]
    assert missing and all(said[i] == "" for i in missing)


def test_metric_filter_offers_only_metrics_with_figures(data_page, seed_db):
    metrics = queries.metrics(Reader(seed_db))
    empty = set(metrics.loc[metrics["n_figures"] == 0, "label"])
    at = data_page(metric="Total arrests")
    offered = set(next(m for m in at.multiselect if m.label == "Metrics").options)
    assert offered == set(metrics["label"]) - empty
    assert "Total arrests" in offered
