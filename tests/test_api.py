"""The open data routes: status, content types, caching, filters, paging, hostile values, feed.

Long because every route is tested here, table-driven, as datasette keeps its API tests.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import duckdb
import feedparser
import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.feed import FEED_CORRECTIONS
from api.filters import API_TABLES, DATE_FILTERS, FILTERS
from api.metadata import LICENCE, RAW_TABLES
from api.routes import Database, build_version, make_routes
from charts.catalogue import CURATED
from data_model.tables import TABLES_BY_NAME
from database import downloads, queries
from database.connection import Reader
from database.downloads import DOWNLOAD_TABLES
from database.write import write_indicator_rows, write_statement_search
from exports.citations import with_citations
from exports.csvsafe import to_csv_bytes

CHART = next(iter(CURATED))
HOSTILE_QUOTE = '=HYPERLINK("http://evil.example","click")'
HOSTILE_TITLE = "<script>alert(1)</script> & co"


def _client(path: Path) -> TestClient:
    return TestClient(Starlette(routes=make_routes(Database(lambda: path))))


@pytest.fixture(scope="module")
def client(seed_db: Path) -> TestClient:
    return _client(seed_db)


@pytest.fixture(scope="module")
def reader(seed_db: Path):
    with Reader(seed_db) as r:
        yield r


@pytest.fixture(scope="module")
def image_client(seed_db_images: Path) -> TestClient:
    """The routes on the seed database with its chart images (the chart files, the light
    embed)."""
    return _client(seed_db_images)


@pytest.fixture(scope="module")
def hostile(seed_db_images: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The seed database, with its chart images (the light embed shows them), and a formula
    as a quote and markup as every article title."""
    return _hostile(seed_db_images, tmp_path_factory)


def _hostile(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("hostile") / "monitor.duckdb"
    shutil.copy(seed_db, path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE statements SET quote = ?", [HOSTILE_QUOTE])
    con.execute("UPDATE sources SET title = ?, citation = ?, short_label = ?", [HOSTILE_TITLE] * 3)
    write_statement_search(con)  # the joined tables carry the titles too, as a build's would
    write_indicator_rows(con)
    # The charts' words as the build stores them (a chart's source line is its articles'
    # titles): set here, not made again from the rows above (making every chart was 1.3 s
    # of CPU for the one embed read; what a chart's words are made of is charts' tests').
    con.execute(
        "UPDATE chart_parts SET title = ?, sources = ?",
        [HOSTILE_TITLE, json.dumps([f"The Phnom Penh Post, “{HOSTILE_TITLE}”, 13 Jan 2017"])],
    )
    con.close()
    return _client(path)


# --- every route ---------------------------------------------------------------------------

DATA_URLS = [
    *(f"/api/v1/{t}.{fmt}" for t in API_TABLES for fmt in ("csv", "json", "metadata.json")),
    *(f"/api/v1/tables/{t}.{fmt}" for t in RAW_TABLES for fmt in ("csv", "json", "metadata.json")),
    "/api/v1/datapackage.zip",
    "/feed.atom",
]
CHART_URLS = [
    (f"/charts/{CHART}.svg", "image/svg+xml"),
    (f"/charts/{CHART}.narrow.svg", "image/svg+xml"),
    (f"/charts/{CHART}.png", "image/png"),
    (f"/charts/{CHART}.print.svg", "image/svg+xml"),
    (f"/charts/{CHART}.html", "text/html"),
]
TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "zip": "application/zip",
    "atom": "application/atom+xml",
}


@pytest.mark.parametrize("url", DATA_URLS)
def test_every_data_route_answers_with_its_type_and_cache_headers(client, url):
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(TYPES[url.rsplit(".", 1)[1]])
    assert answer.headers["etag"].startswith('"')
    assert "max-age" in answer.headers["cache-control"]


@pytest.mark.parametrize(("url", "content_type"), CHART_URLS)
def test_chart_files_answer_with_their_type(image_client, url, content_type):
    answer = image_client.get(url)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(content_type)
    assert answer.headers["etag"]


def _answers_304_to_a_client_holding_it(client, url: str) -> None:
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    stale = client.get(url, headers={"If-None-Match": '"an-older-build"'})
    assert stale.status_code == 200


@pytest.mark.parametrize("url", [DATA_URLS[0], "/feed.atom"])
def test_a_client_holding_the_answer_gets_304(client, url):
    _answers_304_to_a_client_holding_it(client, url)


def test_a_client_holding_a_chart_file_gets_304(image_client):
    # Its own test, naming the images' client: it runs with the tests that wait for the
    # images (tests/conftest.py), not among those that need none.
    _answers_304_to_a_client_holding_it(image_client, f"/charts/{CHART}.html")


def test_filtered_answers_have_their_own_etag(client, reader):
    source = str(queries.sources(reader)["source_id"].iloc[0])
    plain = client.get("/api/v1/statements.csv").headers["etag"]
    filtered = client.get(f"/api/v1/statements.csv?source={source}").headers["etag"]
    assert plain != filtered


def _two_sources(reader: Reader) -> tuple[str, str]:
    ids = sorted(queries.sources(reader)["source_id"].astype(str))
    return ids[0], ids[-1]


def _spellings(reader: Reader) -> list[tuple[str, str]]:
    """Pairs of addresses that ask for the same thing, written differently."""
    a, b = _two_sources(reader)
    return [
        (
            f"/api/v1/statements.csv?stance=critical&source={a}",
            f"/api/v1/statements.csv?source={a}&stance=critical",
        ),
        (f"/api/v1/statements.csv?source={a},{b}", f"/api/v1/statements.csv?source={b}&source={a}"),
        ("/api/v1/statements.csv?q=Phnom%20%20PENH", "/api/v1/statements.csv?q=phnom+penh"),
        (
            "/api/v1/statements.json?per_page=100&page=1&stance=critical",
            "/api/v1/statements.json?stance=critical",
        ),
        (
            f"/api/v1/indicators.json?per_page=5&source={b},{a}",
            f"/api/v1/indicators.json?source={a},{b}&per_page=5",
        ),
    ]


@pytest.mark.parametrize("which", range(5))
def test_two_spellings_of_one_request_share_one_answer(seed_db, reader, which):
    database = Database(lambda: seed_db)
    client = TestClient(Starlette(routes=make_routes(database)))
    first_url, second_url = _spellings(reader)[which]
    first = client.get(first_url)
    second = client.get(second_url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second.headers["etag"] == first.headers["etag"]
    assert len(database.current().bodies) == 1  # made once, kept once
    held = client.get(second_url, headers={"If-None-Match": first.headers["etag"]})
    assert held.status_code == 304


def test_json_links_name_the_filters_one_way(client, reader):
    a, b = _two_sources(reader)
    page = client.get(f"/api/v1/statements.json?per_page=1&source={b},{a}").json()
    assert page["next"] == f"/api/v1/statements.json?source={a},{b}&per_page=1&page=2"


def test_forget_answers_makes_the_next_answer_afresh(seed_db, monkeypatch):
    from api import routes

    made: list[int] = []
    write = routes.to_csv_bytes

    def counting(rows: pd.DataFrame) -> bytes:
        made.append(1)
        return write(rows)

    monkeypatch.setattr(routes, "to_csv_bytes", counting)
    database = Database(lambda: seed_db)
    client = TestClient(Starlette(routes=make_routes(database)))
    first = client.get("/api/v1/statements.csv")
    assert client.get("/api/v1/statements.csv").content == first.content
    assert len(made) == 1  # the second came from the answers kept
    database.current().forget_answers()
    assert database.current().bodies == {} and database.current().kept == 0
    again = client.get("/api/v1/statements.csv")
    assert len(made) == 2
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]


def test_a_client_holding_an_answer_from_before_a_new_column_gets_the_new_answer(
    seed_db, monkeypatch
):
    """The same build served by code with another column (note_km, issue 24) is another
    answer: a client revalidating the one it holds gets the new one, not a 304."""
    client = _client(seed_db)
    url = "/api/v1/statements.csv"
    spec = DOWNLOAD_TABLES["statements"]
    with monkeypatch.context() as before:
        older = replace(spec, columns=tuple(c for c in spec.columns if c != "note_km"))
        before.setitem(DOWNLOAD_TABLES, "statements", older)
        held = client.get(url)
    assert "note_km" not in held.text.splitlines()[0]
    answer = client.get(url, headers={"If-None-Match": held.headers["etag"]})
    assert answer.status_code == 200
    assert "note_km" in answer.text.splitlines()[0]


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/nope.csv",
        "/api/v1/indicators.xlsx",
        "/api/v1/tables/chart_images.csv",
        "/api/v1/tables/positions.csv",
        f"/charts/{CHART}.gif",
        "/charts/no-such-chart.svg",
        "/charts/no-such-chart.html",
    ],
)
def test_unknown_things_get_a_json_404(client, url):
    answer = client.get(url)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["error"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=SELL+THEM", {"text": "SELL THEM"}),
        ("q=%25_", {"text": "%_"}),  # LIKE's wildcards are plain characters
        ("year=2017,2018", {"years": [2017, 2018]}),
    ],
)
def test_statements_search_and_years_as_the_page_has_them(client, reader, query, expected):
    rows = pd.read_csv(io.BytesIO(client.get(f"/api/v1/statements.csv?{query}").content))
    assert list(rows["statement_id"]) == list(
        queries.statements(reader, **expected)["statement_id"]
    )


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/indicators.csv?metric=no-such-metric", "metric"),
        ("/api/v1/indicators.csv?colour=red", "colour"),
        ("/api/v1/indicators.csv?stance=critical", "stance"),
        ("/api/v1/statements.csv?stance=supports", "stance"),
        ("/api/v1/statements.csv?actor_type=army", "actor_type"),
        ("/api/v1/statements.csv?topic=%27%3B+DROP+TABLE+statements%3B--", "topic"),
        ("/api/v1/statements.csv?from=2017-13-01", "from"),
        ("/api/v1/statements.csv?to=yesterday", "to"),
        ("/api/v1/statements.csv?from=2017-01-01&from=2018-01-01", "from"),
        ("/api/v1/statements.csv?source=", "source"),
        ("/api/v1/statements.csv?year=17", "year"),
        ("/api/v1/indicators.csv?year=2017,twenty", "year"),
        ("/api/v1/policies.csv?year=", "year"),
        ("/api/v1/positions.csv?from=2017-02-30", "from"),
        ("/api/v1/sources.csv?to=30/06/2017", "to"),
        ("/api/v1/indicators.json?from=2017-07-01&to=2017-06-30", "to"),
        ("/api/v1/actors.csv?year=2017", "year"),
        ("/api/v1/statements.csv?q=a&q=b", "q"),
        ("/api/v1/statements.csv?q=" + "x" * 201, "q"),
        ("/api/v1/indicators.csv?q=arrests", "q"),
        ("/api/v1/statements.csv?page=2", "page"),
        ("/api/v1/statements.json?page=0", "page"),
        ("/api/v1/statements.json?page=999", "page"),
        ("/api/v1/statements.json?per_page=100000", "per_page"),
        ("/api/v1/statements.json?per_page=ten", "per_page"),
        ("/api/v1/actors.csv?source=x", "source"),
        ("/api/v1/tables/sources.csv?source=x", "source"),
        ("/api/v1/tables/sources.json?page=1&source=x", "source"),
        ("/api/v1/tables/sources.csv?per_page=5", "per_page"),
        ("/api/v1/indicators.metadata.json?metric=x", "metric"),
    ],
)
def test_invalid_parameters_get_a_400_naming_them(client, url, parameter):
    answer = client.get(url)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["parameter"] == parameter
    assert answer.headers["cache-control"] == "no-store"


# --- filters give the Data page's rows -----------------------------------------------------


def _shown(reader: Reader, table: str, **filters) -> pd.DataFrame:
    """The Data page's rows (monitor.cached.download_rows): a figure's citation last, naming
    the host asked (the test client's) and the data version."""
    version = queries.build_info(reader)["data_version"]
    rows = downloads.rows(reader, table, **filters)
    return with_citations(table, rows, "http://testserver", version)


@pytest.mark.parametrize("table", list(DOWNLOAD_TABLES))
def test_unfiltered_csv_is_the_data_page_download(client, reader, table):
    assert client.get(f"/api/v1/{table}.csv").content == to_csv_bytes(_shown(reader, table))


@pytest.mark.parametrize("table", list(RAW_TABLES))
def test_raw_table_csv_holds_every_row_of_the_table(client, reader, table):
    rows = queries.table_rows(reader, TABLES_BY_NAME[table])
    assert client.get(f"/api/v1/tables/{table}.csv").content == to_csv_bytes(rows)


def test_answers_over_half_a_megabyte_are_kept_within_a_memory_bound(seed_db, monkeypatch):
    # A whole table at 100x the seeds is about 4 MB of CSV: it is made once per build, and
    # what a process keeps stays under KEEP_TOTAL however many such answers are asked for.
    from api import routes

    snap = Database(lambda: seed_db).current()
    made: list[int] = []

    def big() -> bytes:
        made.append(1)
        return b"x" * 600_000

    assert snap.body("a", big) == snap.body("a", big)
    assert len(made) == 1
    monkeypatch.setattr(routes, "KEEP_TOTAL", 2_000_000)
    for name in "bcde":
        snap.body(name, big)
    assert snap.kept == sum(len(b) for b in snap.bodies.values()) <= 2_000_000
    assert list(snap.bodies) == ["c", "d", "e"]  # the least recently asked for went first


@pytest.mark.parametrize("table", [t for t in DOWNLOAD_TABLES if "source" in API_TABLES[t].filters])
def test_source_filter_gives_the_data_page_rows(client, reader, table):
    ids = list(queries.sources(reader)["source_id"])[:2]
    expected = to_csv_bytes(_shown(reader, table, source_ids=ids))
    assert client.get(f"/api/v1/{table}.csv?source={ids[0]}&source={ids[1]}").content == expected
    assert client.get(f"/api/v1/{table}.csv?source={ids[0]},{ids[1]}").content == expected


def test_metric_filter_gives_the_data_page_rows(client, reader):
    metric = str(queries.indicators(reader)["metric_id"].iloc[0])
    expected = _shown(reader, "indicators", metric_ids=[metric])
    answer = client.get(f"/api/v1/indicators.csv?metric={metric}")
    assert answer.content == to_csv_bytes(expected)
    assert 0 < len(expected) < len(downloads.rows(reader, "indicators"))


def test_statement_filters_combine_as_the_query_does(client, reader):
    every = queries.statements(reader)
    actor = str(every["actor_id"].iloc[0])
    stance = str(every["stance"].iloc[0])
    expected = queries.statements(
        reader, actor_ids=[actor], stances=[stance], date_from=pd.Timestamp("2017-01-01").date()
    )
    answer = client.get(f"/api/v1/statements.json?actor={actor}&stance={stance}&from=2017-01-01")
    rows = answer.json()["rows"]
    assert [r["quote"] for r in rows] == list(expected["quote"])
    assert rows and all(r["stance"] == stance for r in rows)


def test_json_pages_chain_to_every_row(client):
    url = "/api/v1/statements.json?per_page=7"
    seen: list[dict] = []
    while url:
        page = client.get(url).json()
        seen += page["rows"]
        url = page["next"]
    csv = pd.read_csv(io.BytesIO(client.get("/api/v1/statements.csv").content))
    assert len(seen) == page["total_rows"] == len(csv)
    assert [r["statement_id"] for r in seen] == list(csv["statement_id"])


def test_json_keeps_not_reported_as_null_never_zero(client):
    rows = client.get("/api/v1/indicators.json?per_page=1000").json()["rows"]
    assert any(r["value_high"] is None for r in rows)
    assert all(r["value_high"] != 0 or r["value"] == 0 for r in rows)


def test_a_statement_with_no_day_said_is_null_in_json_and_empty_in_csv(client, reader):
    undated = queries.statements(reader).query("said_on.isna()")["statement_id"]
    assert len(undated) > 0
    rows = client.get("/api/v1/statements.json?per_page=1000").json()["rows"]
    said = {r["statement_id"]: r["said_on"] for r in rows}
    assert all(said[i] is None for i in undated)  # never "NaT"
    assert all(d is None or dt.date.fromisoformat(d) for d in said.values())
    csv = pd.read_csv(
        io.BytesIO(client.get("/api/v1/statements.csv").content), dtype=str, keep_default_na=False
    ).set_index("statement_id")
    assert (csv.loc[list(undated), "said_on"] == "").all()


def _hedged_half(reader: Reader) -> str:
    """The seeds' "roughly half of those arrested": about 50%, bounds 45 and 55."""
    rows = queries.indicators(reader)
    found = rows[(rows["qualifier"] == "approx") & (rows["value"] == 50)]
    assert len(found) == 1, "the seeds have one figure worded as roughly half"
    return str(found["indicator_id"].iloc[0])


def test_a_hedged_figure_keeps_the_articles_numbers_in_json_and_csv(client, reader):
    figure = _hedged_half(reader)
    text = client.get("/api/v1/indicators.json?per_page=1000").text
    row = next(r for r in json.loads(text)["rows"] if r["indicator_id"] == figure)
    # As written in the answer: 50, 45, 55, never 50.0 or 55.00000000000001.
    assert [json.dumps(row[c]) for c in ("value", "value_low", "value_high")] == ["50", "45", "55"]
    raw = client.get("/api/v1/tables/indicators.json?per_page=1000").json()["rows"]
    stored = next(r for r in raw if r["indicator_id"] == figure)
    assert [json.dumps(stored[c]) for c in ("value_low", "value_high")] == ["45", "55"]
    csv = pd.read_csv(
        io.BytesIO(client.get("/api/v1/indicators.csv").content), dtype=str, keep_default_na=False
    ).set_index("indicator_id")
    assert list(csv.loc[figure, ["value", "value_low", "value_high"]]) == ["50", "45", "55"]


#: Where a Khmer column's English sits, when not under the same name less `_km`.
ENGLISH_OF = {"label_km": "name"}  # a proposal's name in Khmer is its stored label_km
#: Each Data page table with Khmer: the stored table and key its rows are read back by,
#: and its Khmer columns (the stored ones, and the names and roles of the actors and
#: proposals it names).
KHMER_TABLES = {
    "indicators": ("indicators", "indicator_id", {"note_km", "actor_name_km"}),
    "statements": (
        "statements",
        "statement_id",
        {"actor_name_km", "actor_role_km", "organisation_km", "relayed_by_name_km", "note_km"},
    ),
    "policies": (
        "policies",
        "policy_id",
        {"label_km", "description_km", "status_note_km", "proposed_by_name_km"},
    ),
    "positions": (
        "policy_positions",
        "position_id",
        {
            "policy_name_km",
            "actor_name_km",
            "actor_role_km",
            "organisation_km",
            "relayed_by_name_km",
        },
    ),
    "actors": ("actors", "actor_id", {"name_km", "role_km", "organisation_km"}),
    "sources": ("sources", "source_id", {"date_basis_km", "citation_km"}),
}
#: Khmer made by the build for every record (a citation's date in Khmer), never blank.
MADE_FOR_EVERY = {"citation_km"}
KHMER_LETTER = re.compile("[\u1780-\u17ff]")


@pytest.fixture(scope="module")
def half_khmer(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The seeds with one record of each kind left with its English but without its Khmer
    (a figure's note, a proposal's name, description and status note, an actor's name, role
    and organisation, a statement's and a position's role and a statement's note), beside
    others that have both; and one relayer given a Khmer name (the seeds' statements have
    none)."""
    path = tmp_path_factory.mktemp("half-khmer") / "monitor.duckdb"
    shutil.copy(seed_db, path)
    con = duckdb.connect(str(path))
    for table, key, column in [
        ("indicators", "indicator_id", "note_km"),
        ("policies", "policy_id", "label_km"),
        ("policies", "policy_id", "description_km"),
        ("policies", "policy_id", "status_note_km"),
        ("actors", "actor_id", "name_km"),
        ("actors", "actor_id", "role_km"),
        ("actors", "actor_id", "organisation_km"),
        ("sources", "source_id", "date_basis_km"),
    ]:  # identifiers from the list above, not from input
        con.execute(
            f"UPDATE {table} SET {column} = NULL WHERE {key} = "
            f"(SELECT min({key}) FROM {table} WHERE {column} IS NOT NULL)"
        )
    for table, key in [("statements", "statement_id"), ("policy_positions", "position_id")]:
        con.execute(
            f"UPDATE {table} SET actor_role = 'A role given in English only', "
            f"actor_role_km = NULL WHERE {key} = (SELECT max({key}) FROM {table})"
        )
    con.execute(
        "UPDATE statements SET note = 'A caveat written in English only.' WHERE statement_id = "
        "(SELECT min(statement_id) FROM statements WHERE note IS NULL)"
    )
    con.execute(
        "UPDATE actors SET name_km = 'អ្នកចូលរួមកិច្ចប្រជុំ' WHERE actor_id = "
        "(SELECT max(relayed_by) FROM statements)"
    )
    # A figure's actor without a Khmer name, beside another's with one.
    con.execute(
        "UPDATE actors SET name_km = NULL WHERE actor_id = (SELECT min(actor_id) FROM indicators)"
    )
    con.execute(
        "UPDATE actors SET name_km = 'ប៉ូលិសជាតិ' WHERE actor_id = "
        "(SELECT max(actor_id) FROM indicators) AND name_km IS NULL"
    )
    write_statement_search(con)  # the joined tables the routes read, as a build's would be
    write_indicator_rows(con)
    con.close()
    return _client(path)


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("table", KHMER_TABLES)
def test_each_khmer_field_sits_beside_its_english_and_stays_blank_where_none(
    half_khmer, table, fmt
):
    """Issue 24: analysts working in Khmer cite a name, a role or a note as written in Khmer,
    in the column right after the English; where no Khmer was written it is blank (empty in
    CSV, null in JSON), never the English copied in. A role shown in Khmer may be the actor's
    usual one where the statement or position gives none in Khmer (the pages do the same)."""
    answer = half_khmer.get(f"/api/v1/{table}.{fmt}" + "?per_page=1000" * (fmt == "json"))
    if fmt == "csv":
        frame = pd.read_csv(io.BytesIO(answer.content), dtype=str, keep_default_na=False)
        served = frame.replace({"": None}).to_dict("records")
        header = list(frame.columns)
    else:
        served = answer.json()["rows"]
        header = list(served[0])
    stored_table, key, expected = KHMER_TABLES[table]
    khmer = [c for c in header if c.endswith("_km")]
    assert set(khmer) == expected
    english = {k: ENGLISH_OF.get(k, k.removesuffix("_km")) for k in khmer}
    assert [header[header.index(k) - 1] for k in khmer] == [english[k] for k in khmer]
    stored_rows = half_khmer.get(f"/api/v1/tables/{stored_table}.json?per_page=1000").json()
    stored = {r[key]: r for r in stored_rows["rows"]}
    for row in served:
        for k in khmer:
            cell = row[k]
            assert cell is None or (KHMER_LETTER.search(cell) and cell != row[english[k]]), (k, row)
            if stored[row[key]].get(k) is not None:  # the record's own Khmer, as stored
                assert cell == stored[row[key]][k], (k, row)
    for k in khmer:  # both kinds of row are there to compare
        pairs = {(r[english[k]] is not None, r[k] is not None) for r in served}
        assert {(True, True), (True, False) if k not in MADE_FOR_EVERY else (True, True)} <= (
            pairs
        ), k
    fields = half_khmer.get(f"/api/v1/{table}.metadata.json").json()["fields"]
    described = {f["name"]: f["description"] for f in fields}
    assert all("in Khmer" in described[k] for k in khmer)


# --- dates: year, from, to on every table with dates ----------------------------------------

#: The day each table's date filters read, as docs/api.md and the metadata's dated_on say.
DATE_OF = {
    "indicators": lambda f: f["as_of"],
    "statements": lambda f: f["said_on"].fillna(f["source_published_on"]),
    "policies": lambda f: f["proposed_on"],
    "positions": lambda f: f["source_published_on"],
    "sources": lambda f: f["published_on"],
}
SPANS = {
    "year=2017": (dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    "year=2018,2021": None,  # two whole years, checked by year
    "from=2017-01-01&to=2017-06-30": (dt.date(2017, 1, 1), dt.date(2017, 6, 30)),
    "from=2018-01-01": (dt.date(2018, 1, 1), dt.date.max),
    "to=2017-06-30": (dt.date.min, dt.date(2017, 6, 30)),
}


def test_every_table_with_dates_says_which_date_it_filters_on():
    assert set(DATE_OF) == {t for t, spec in DOWNLOAD_TABLES.items() if spec.dated_on}
    assert all(set(DATE_FILTERS) <= set(API_TABLES[t].filters) for t in DATE_OF)


#: Every span on the statements, and each other table with one of them: the parsing and
#: filtering are one code for every table (api.filters), what differs by table is the day
#: it reads (DATE_OF). 9 cases where every table with every span made 25 (2 s of CPU).
DATE_CASES = [("statements", q) for q in SPANS] + list(
    zip([t for t in DATE_OF if t != "statements"], SPANS, strict=False)
)


@pytest.mark.parametrize(("table", "query"), DATE_CASES)
def test_date_filters_give_exactly_the_rows_dated_within(client, reader, table, query):
    everything = _shown(reader, table)
    days = pd.to_datetime(DATE_OF[table](everything)).dt.date
    span = SPANS[query]
    if span is None:
        inside = days.map(lambda d: d is not None and d.year in {2018, 2021})
    else:
        inside = days.map(lambda d: d is not None and span[0] <= d <= span[1])
    expected = everything[inside.fillna(False).astype(bool)].reset_index(drop=True)
    answer = client.get(f"/api/v1/{table}.csv?{query}")
    assert answer.status_code == 200, answer.text
    assert answer.content == to_csv_bytes(expected)
    assert 0 < len(expected) < len(everything), "the seeds have rows on both sides"
    pages = client.get(f"/api/v1/{table}.json?{query}&per_page=1000").json()
    assert pages["total_rows"] == len(expected)
    assert [r[expected.columns[0]] for r in pages["rows"]] == list(expected.iloc[:, 0])


@pytest.mark.parametrize("table", list(DATE_OF))
def test_a_year_without_rows_gives_no_rows_not_an_error(client, table):
    answer = client.get(f"/api/v1/{table}.json?year=1999")
    assert answer.status_code == 200
    assert answer.json()["total_rows"] == 0


@pytest.mark.parametrize("table", list(API_TABLES))
def test_metadata_states_the_filters_each_table_takes(client, table):
    doc = client.get(f"/api/v1/{table}.metadata.json").json()
    named = [f["name"] for f in doc["filters"]]
    assert named == list(API_TABLES[table].filters)
    assert all(f["description"] for f in doc["filters"])
    assert bool(doc["dated_on"]) == (table in DATE_OF)
    assert "per_page" in doc["paging"]
    for name in set(FILTERS) - set(named):  # what the metadata leaves out, the route refuses
        answer = client.get(f"/api/v1/{table}.csv?{name}=2017")
        assert (answer.status_code, answer.json()["parameter"]) == (400, name)


@pytest.mark.parametrize("table", ["indicators", "statements", "sources"])
def test_stored_tables_metadata_describes_them_as_stored_with_no_filters(client, table):
    doc = client.get(f"/api/v1/tables/{table}.metadata.json").json()
    header = pd.read_csv(io.BytesIO(client.get(f"/api/v1/tables/{table}.csv").content)).columns
    assert [f["name"] for f in doc["fields"]] == list(header)
    assert doc["filters"] == []


def test_metadata_describes_every_column_and_names_the_data_licence(client):
    for table in API_TABLES:
        doc = client.get(f"/api/v1/{table}.metadata.json").json()
        header = pd.read_csv(io.BytesIO(client.get(f"/api/v1/{table}.csv").content)).columns
        assert [f["name"] for f in doc["fields"]] == list(header)
        assert all(f["description"] for f in doc["fields"])
        assert doc["licence"] == LICENCE
        assert "CC-BY-4.0" in doc["licence"] and doc["licence_url"].endswith("/by/4.0/")
        assert "remain their publishers'" in doc["rights"]
        assert (
            doc["build"]["built_at"] in doc["citation"]
            or doc["build"]["built_at"][:10] in (doc["citation"])
        )


# --- hostile values ------------------------------------------------------------------------


def test_formula_cells_are_defused_in_the_csv(hostile):
    text = hostile.get("/api/v1/statements.csv").text
    assert "'" + HOSTILE_QUOTE.replace('"', '""') in text
    assert "\n" + HOSTILE_QUOTE not in text and "," + HOSTILE_QUOTE not in text


def test_json_keeps_the_words_as_they_are(hostile):
    rows = hostile.get("/api/v1/statements.json").json()["rows"]
    assert rows[0]["quote"] == HOSTILE_QUOTE


def test_markup_in_data_is_escaped_in_the_embed(hostile):
    page = hostile.get(f"/charts/{CHART}.html")
    assert page.status_code == 200
    assert "<script" not in page.text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page.text
    assert "script-src" not in page.headers["content-security-policy"]


def test_the_feed_carries_markup_as_text(hostile):
    feed = feedparser.parse(hostile.get("/feed.atom").content)
    assert not feed.bozo
    assert feed.entries[0].title.startswith(HOSTILE_TITLE)


# --- the light embed -----------------------------------------------------------------------


def test_embed_is_light_and_links_back(image_client):
    page = image_client.get(f"/charts/{CHART}.html").text
    assert "plotly" not in page.lower() and "streamlit" not in page.lower()
    assert "<script" not in page
    assert f'src="{CHART}.svg"' in page and 'alt="Chart: ' in page
    assert f'href="{CHART}.png"' in page and f'href="{CHART}.print.svg"' in page
    assert f"#{CHART}" in page
    assert len(page.encode()) < 10_000


# --- the feed ------------------------------------------------------------------------------


def test_feed_lists_the_first_build_as_added_articles(client, reader):
    feed = feedparser.parse(client.get("/feed.atom").content)
    assert not feed.bozo
    sources = list(queries.sources(reader)["source_id"])
    builds = [e for e in feed.entries if "#build-" in e.id]
    assert len(builds) == len(sources)
    assert all("sources?source=" in e.link for e in builds)
    assert all("added" in e.title for e in builds)
    # The corrections log is part of the feed too, newest first, each with its reason.
    corrections = [e for e in feed.entries if "/corrections#" in e.id]
    assert len(corrections) == min(FEED_CORRECTIONS, len(queries.corrections(reader)))
    assert all(e.title.startswith("Correction (") and e.summary for e in corrections)


# --- the data package ----------------------------------------------------------------------


def test_data_package_is_valid_frictionless(client, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    with zipfile.ZipFile(io.BytesIO(client.get("/api/v1/datapackage.zip").content)) as archive:
        archive.extractall(tmp_path)
    descriptor = next(tmp_path.rglob("datapackage.json"))
    package = frictionless.Package(str(descriptor))
    # frictionless reads Parquet through pyarrow and counts no bytes, so it cannot check a
    # Parquet file's byte count; everything else (hashes, schemas, every cell) it checks.
    parquet = frictionless.Checklist(skip_errors=["byte-count"])
    formats = set()
    for resource in package.resources:
        formats.add(resource.format)
        report = resource.validate(checklist=parquet if resource.format == "parquet" else None)
        assert report.valid, (
            f"{resource.name}: {report.flatten(['rowNumber', 'fieldName', 'note'])}"
        )
    assert formats == {"csv", "parquet"}


# --- the launcher serves them --------------------------------------------------------------


def test_the_server_registers_the_routes(monkeypatch):
    import importlib
    import sys

    import streamlit as st

    made: dict[str, object] = {}

    class FakeApp:
        def __init__(self, script: str, **kwargs: object) -> None:
            made.update(kwargs, script=script)

    monkeypatch.setattr(st, "App", FakeApp)
    monkeypatch.delitem(sys.modules, "serve", raising=False)
    importlib.import_module("serve")  # serve.py builds its st.App when imported
    monkeypatch.delitem(sys.modules, "serve", raising=False)
    paths = {route.path for route in made["routes"]}  # type: ignore[attr-defined]
    assert made["script"] == "app.py"
    assert {"/api/v1/{name}", "/charts/{name}", "/feed.atom", "/api/v1/datapackage.zip"} <= paths


# --- the same files for a static host ------------------------------------------------------


def _kind(path: str) -> tuple[str, str]:
    """A static site file's folder and ending (`charts`, `narrow.svg`)."""
    folder, _, name = path.rpartition("/")
    return folder, name.partition(".")[2]


def test_static_site_holds_what_the_routes_answer(image_client, seed_db_images, tmp_path):
    from api.site import write_site

    client = image_client
    with Reader(seed_db_images) as reader:
        written = write_site(reader, tmp_path, "http://testserver/")
    files = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {f"api/v1/{t}.csv" for t in API_TABLES} <= files
    assert "feed.atom" in files and "api/v1/datapackage.zip" in files
    same = [p for p in files if p.endswith((".csv", ".html", ".svg", ".metadata.json", ".atom"))]
    # One file of each kind (folder and ending: one code path each) and the figures' CSV,
    # whose citations name the host: asking the routes for all ~170 made each answer again
    # (about 4 s of CPU) to compare files the same code wrote.
    one_of_each = {_kind(p): p for p in sorted(same)}
    assert len(one_of_each) >= 9  # API, stored tables, charts, Khmer charts, feed
    for path in {*one_of_each.values(), "api/v1/indicators.csv"}:
        assert (tmp_path / path).read_bytes() == client.get("/" + path).content, path
    whole = json.loads((tmp_path / "api/v1/statements.json").read_text(encoding="utf-8"))
    assert whole["next"] is None and whole["total_rows"] == len(whole["rows"])
    assert f"charts/{CHART}.html" in files
    # Khmer in its own folder (a static host cannot answer ?lang=), each language's embed
    # linking to the other's.
    assert f"km/charts/{CHART}.html" in files and f"km/charts/{CHART}.svg" in files
    khmer = (tmp_path / f"km/charts/{CHART}.html").read_text(encoding="utf-8")
    english = (tmp_path / f"charts/{CHART}.html").read_text(encoding="utf-8")
    assert '<html lang="km"' in khmer and f'href="../../charts/{CHART}.html"' in khmer
    assert f'href="../km/charts/{CHART}.html"' in english


def test_an_answer_for_one_host_is_never_served_for_another(image_client):
    client = image_client
    url = f"/charts/{CHART}.html"
    evil = client.get(url, headers={"Host": "evil.example"})
    assert "evil.example" in evil.text
    ours = client.get(url)
    assert "evil.example" not in ours.text
    assert ours.headers["etag"] != evil.headers["etag"]


@pytest.mark.parametrize("suffix", [".svg", ".narrow.svg"])
def test_a_chart_file_named_with_its_build_is_kept_for_good(image_client, seed_db_images, suffix):
    client = image_client
    with Reader(seed_db_images) as reader:
        version = build_version(queries.build_info(reader))
    kept = client.get(f"/charts/{CHART}{suffix}?v={version}")
    assert kept.status_code == 200 and kept.content.startswith(b"<svg")
    assert "immutable" in kept.headers["cache-control"]
    # An older build's name (a page opened before a rebuild) gets today's image, revalidated.
    stale = client.get(f"/charts/{CHART}{suffix}?v=0123456789abcdef")
    assert stale.status_code == 200 and "immutable" not in stale.headers["cache-control"]


def test_organisation_names_are_repeated_never_split_on_commas():
    """An organisation's name may hold a comma: the address repeats ?org= and the API takes
    each value whole (ids, which never hold commas, may be joined)."""
    from api.filters import _ids, api_path

    path = api_path("statements", ".csv", {"org": ["Social Affairs, Veterans", "Licadho"]})
    assert path == "/api/v1/statements.csv?org=Social+Affairs%2C+Veterans&org=Licadho"
    assert _ids("org", ["Social Affairs, Veterans", "Licadho"]) == [
        "Social Affairs, Veterans",
        "Licadho",
    ]
    assert _ids("source", ["a,b"]) == ["a", "b"]


def test_statements_filtered_by_organisation(client: TestClient, reader: Reader):
    answer = client.get("/api/v1/statements.json?org=Human+Rights+Watch&per_page=1000")
    assert answer.status_code == 200, answer.text
    rows = answer.json()["rows"]
    assert rows and {r["organisation"] for r in rows} == {"Human Rights Watch"}
    assert len(rows) == len(queries.statements(reader, organisations=["Human Rights Watch"]))
    unknown = client.get("/api/v1/statements.csv?org=Nobody+at+all")
    assert unknown.status_code == 400 and unknown.json()["parameter"] == "org"


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/statements.csv",
        "/api/v1/tables/sources.json",
        "/api/v1/datapackage.zip",
        "/charts/arrests-over-time.svg",
        "/feed.atom",
    ],
)
def test_before_the_first_build_every_route_says_so_in_json(tmp_path: Path, address: str):
    client = TestClient(Starlette(routes=make_routes(Database(lambda: tmp_path / "none.duckdb"))))
    response = client.get(address)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/json"
    assert response.headers["retry-after"] == "60"
    assert "not built yet" in response.json()["error"]


def test_a_removed_file_keeps_the_build_already_open(seed_db: Path, tmp_path: Path):
    db = tmp_path / "monitor.duckdb"
    shutil.copy(seed_db, db)
    client = TestClient(Starlette(routes=make_routes(Database(lambda: db))))
    before = client.get("/api/v1/statements.csv")
    db.unlink()
    after = client.get("/api/v1/statements.csv")
    assert after.status_code == before.status_code == 200
    assert after.content == before.content


def test_each_figure_row_carries_its_citation_with_this_host_and_data_version(client, reader):
    """The indicators table ends with the citation the Data page's buttons copy: the figure
    as labelled, its words, its row's address on the host asked, the data version."""
    version = queries.build_info(reader)["data_version"]
    rows = client.get("/api/v1/indicators.json?per_page=1000").json()["rows"]
    assert rows and all(list(r)[-1] == "citation" for r in rows)
    for r in rows:
        assert r["citation"].startswith(f"{r['metric_label']}: {r['label']} (")
        assert f"“{' '.join(r['quote'].split())}”" in r["citation"]
        assert f"data version {version}." in r["citation"]
        assert r["citation"].endswith(
            f"Permalink: http://testserver/data?table=indicators&source={r['source_id']}"
            f"&metric={r['metric_id']}"
        )
