"""The attack-and-fault findings of issue 13, each replayed: nothing a reader or contributor sends hurts.

Long because each finding of the attack review is replayed as it was reported.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import io
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import streamlit as st
import yaml
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.testing.v1 import AppTest

import curation.add_article as add_module
from corpus.cleaning import clean_body
from corpus.problems import InputError
from corpus.safe_yaml import MAX_BYTES, YamlRefused, dump_yaml, parse_yaml
from curation.add_article import MAX_ARTICLE_BYTES, AddRefused, add_article
from data_model.safe_text import WORD_JOINER, html_text, md, md_link, plotly_text
from database import queries
from database.connection import Reader
from etl.__main__ import main as etl_main
from etl.build import build, check
from monitor import texts as views
from monitor.bootstrap import ensure_database
from tests.apptests import data_page_download, open_app_page
from tests.conftest import FIXTURE_SEEDS, _made_once

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
RECORDS = "curated/fixture-kampot.yaml"
REGISTRY = "curated/registry.yaml"
ARTICLE = "articles/100_kampot_fixture.txt"


def _problems(seeds: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(InputError) as caught:
        check(seeds)
    return [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]


def _edit(seeds: Path, name: str, change) -> None:
    path = seeds / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(dump_yaml(doc), encoding="utf-8")


def _etl(*args: str, seeds: Path) -> subprocess.CompletedProcess[str]:
    # The timeout only stops a hang from stalling the suite; nothing is asserted on time.
    return subprocess.run(
        [sys.executable, "-m", "etl", "--seeds", str(seeds), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


# --- 1. a viewer's clear_cache message ------------------------------------------------


# A server like serve.py whose one route counts how often a cached function has run, behind
# ViewerGuard; a connection to ?unguarded=1 goes to Streamlit without it (the control: the
# test must be able to fail, on the same server).
GUARDED_APP = """
import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from monitor.guards import ViewerGuard

runs = []

@st.cache_data
def counted() -> int:
    runs.append(1)
    return len(runs)

class Guard:
    def __init__(self, app):
        self.app, self.guarded = app, ViewerGuard(app)

    async def __call__(self, scope, receive, send):
        unguarded = b"unguarded=1" in scope.get("query_string", b"")
        await (self.app if unguarded else self.guarded)(scope, receive, send)

app = st.App(
    "page.py",
    routes=[Route("/api/runs", lambda request: PlainTextResponse(str(counted())))],
    middleware=[Middleware(Guard)],
)
"""


@contextlib.contextmanager
def _guarded_app(tmp_path: Path) -> Iterator[str]:
    """GUARDED_APP served as serve.py is (`streamlit run` from the project's folder, so with
    its .streamlit/config.toml); its base URL."""
    from tests.serving import start_server, stop_server

    (tmp_path / "page.py").write_text("import streamlit as st\nst.write('hello')\n")
    (tmp_path / "serve_guarded.py").write_text(GUARDED_APP)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "streamlit", "run", str(tmp_path / "serve_guarded.py")]
    proc, url = start_server(command, env, tmp_path / "log")
    try:
        yield url
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def guarded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One guarded server for the two guards' tests and the clear_cache test's control (a
    server start, about 2 s of CPU, each)."""
    with _guarded_app(tmp_path_factory.mktemp("guarded")) as url:
        yield url


def _runs(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(f"{url}/api/runs", timeout=30) as answer:
        return answer.read()


async def _send_clear_cache(url: str, query: str = "") -> None:
    import websockets

    stream = url.replace("http://", "ws://") + "/_stcore/stream" + query
    async with websockets.connect(stream, subprotocols=["streamlit"]) as viewer:
        message = BackMsg()
        message.clear_cache = True
        await viewer.send(message.SerializeToString())
        # Messages are handled in order: once the next one's run ends, the first is done.
        assert await _page_finished(viewer)


def test_a_viewers_clear_cache_message_leaves_the_shared_caches_alone(guarded_url: str):
    from tests.serving import run_async

    assert _runs(guarded_url) == b"1"
    run_async(_send_clear_cache(guarded_url))
    assert _runs(guarded_url) == b"1"
    # The control, on the same server: without the guard the same message clears them.
    run_async(_send_clear_cache(guarded_url, "?unguarded=1"))
    assert _runs(guarded_url) == b"2"


def test_config_hides_error_details_and_caps_messages():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxMessageSize"] <= 50


async def _page_finished(socket, page: str = "") -> bool:
    """Ask for a page on an open session; True once its script run has finished."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    request = BackMsg()
    request.rerun_script.query_string = ""
    request.rerun_script.page_name = page
    await socket.send(request.SerializeToString())
    while True:
        message = ForwardMsg()
        message.ParseFromString(await socket.recv())
        if message.WhichOneof("type") == "script_finished":
            return True


def test_a_real_server_drops_an_over_limit_frame_and_keeps_serving(guarded_url: str):
    """Replays item 10 on the wire: a client sending a frame over the 1 MB cap
    (server.maxWidgetStateSize) is cut off (1009, message too big) before Streamlit parses
    it; a reader connected beside it still gets pages, and so does a new one. The server is
    the clear_cache test's: an st.App behind ViewerGuard started from the project's folder,
    as serve.py is (the cap is the config's, the guard lets such a frame through to it)."""
    import asyncio

    import websockets

    from tests.serving import run_async

    stream = guarded_url.replace("http://", "ws://") + "/_stcore/stream"

    async def scenario() -> int | None:
        connect = {"subprotocols": ["streamlit"], "max_size": None}
        async with websockets.connect(stream, **connect) as reader:
            assert await _page_finished(reader)
            async with websockets.connect(stream, **connect) as attacker:
                with pytest.raises(websockets.ConnectionClosed) as closed:
                    await attacker.send(b"\x00" * 2_000_000)
                    await asyncio.wait_for(attacker.recv(), timeout=30)
            assert await _page_finished(reader)
        async with websockets.connect(stream, **connect) as newcomer:
            assert await _page_finished(newcomer)
        return closed.value.rcvd.code if closed.value.rcvd else None

    assert run_async(scenario()) == 1009  # "message too big", from the server


# --- 2. values and dates the pages cannot draw ------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind_index", "field", "value", "words"),
    [
        (RECORDS, ("indicators", 0), "as_of", dt.date(9999, 12, 31), "outside 2000-01-01"),
        (RECORDS, ("indicators", 0), "value", float("nan"), "finite"),
        (RECORDS, ("indicators", 0), "value", float("inf"), "finite"),
        (RECORDS, ("indicators", 0), "value", float("-inf"), "finite"),
        (RECORDS, ("indicators", 0), "value", 1.0e308, "less than or equal"),
        (RECORDS, ("indicators", 0), "period_start", dt.date(1999, 12, 31), "outside"),
        (RECORDS, ("events", 0), "event_date", dt.date(2999, 1, 1), "outside"),
        (RECORDS, ("policies", 0), "proposed_on", dt.date(1, 1, 1), "outside"),
        (REGISTRY, ("sources", 0), "published_on", dt.date(1, 1, 1), "outside"),
        (REGISTRY, ("sources", 0), "published_on", dt.date(2999, 1, 1), "outside"),
    ],
)
def test_values_and_dates_out_of_bounds_are_one_line_errors(
    fixture_seeds: Path, name, kind_index, field, value, words
):
    kind, index = kind_index
    _edit(fixture_seeds, name, lambda d: d[kind][index].update({field: value}))
    problems = _problems(fixture_seeds)
    hits = [p for p in problems if p[0].endswith(name) and p[2] == field and words in p[3]]
    assert hits, problems
    assert all("\n" not in p[3] and len(p[3]) < 300 for p in problems)


def test_a_figure_that_cannot_be_drawn_is_never_stored(fixture_seeds: Path, tmp_path: Path):
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][0].update(value=float("nan")))
    db = tmp_path / "m.duckdb"
    with pytest.raises(InputError):
        build(db, fixture_seeds, draw_images=False)
    assert not db.exists()


# --- 3. duplicate keys ------------------------------------------------------------------


def test_a_key_written_twice_in_a_record_is_an_error(fixture_seeds: Path):
    path = fixture_seeds / RECORDS
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    value: 200\n", "    value: 200\n    value: 99999999\n"), "utf-8"
    )
    problems = _problems(fixture_seeds)
    assert any(
        p[0].endswith(RECORDS)
        and p[1] == "kampot-arrests-march"
        and p[2] == "value"
        and "duplicate key" in p[3]
        for p in problems
    ), problems


def test_a_second_list_key_at_the_end_of_a_file_is_an_error(fixture_seeds: Path):
    path = fixture_seeds / RECORDS
    path.write_text(path.read_text(encoding="utf-8") + "indicators: []\n", "utf-8")
    problems = _problems(fixture_seeds)
    assert any(p[2] == "indicators" and "duplicate key" in p[3] for p in problems), problems


def test_every_duplicate_key_is_reported_at_once():
    text = "events:\n  - {event_id: e-1, title: a, title: b}\n  - event_id: e-2\n    kind: x\n    kind: y\n"
    with pytest.raises(YamlRefused) as caught:
        parse_yaml(text, {"events": "event_id"})
    assert [(r, f) for r, f, _ in caught.value.problems] == [("e-1", "title"), ("e-2", "kind")]


# --- 4. colliding labels in pickers -----------------------------------------------------


def test_pickers_never_merge_two_records_with_the_same_label():
    frame = pd.DataFrame(
        {
            "source_id": ["a-1", "a-2", "b-1"],
            "short_label": ["13 Jan 2017 · Nets 1,000"] * 2 + ["x"],
        }
    )
    names = views.labels(frame, "source_id", "short_label")
    assert list(names) == ["a-1", "a-2", "b-1"]
    assert len(set(names.values())) == 3
    assert names["b-1"] == "x"


#: Two more articles with the fixture article's date and title (so one short label for
#: three articles), and a second speaker named Sok Dara: (file, text, source_id).
_TWIN_ARTICLES = (
    (
        "101_kampot_twin_b.txt",
        "“Second article words on the campaign,” said police chief Sok Dara.",
    ),
    (
        "102_kampot_twin_c.txt",
        "“Third article words on the campaign,” said deputy governor Sok Dara.",
    ),
)
_TWIN_RECORDS = """# Two more articles with the first one's date and title, and a second Sok Dara.
statements:
  - statement_id: twin-b-police-chief
    actor_id: sok-dara
    source_id: fixture-kampot-b
    quote: Second article words on the campaign,
    kind: direct
    topic: campaign
    stance: supportive
  - statement_id: twin-c-deputy
    actor_id: sok-dara-deputy
    source_id: fixture-kampot-c
    quote: Third article words on the campaign,
    kind: direct
    topic: campaign
    stance: critical
"""
#: Each record a reader can pick, and the words of its statements (of those below).
_ITS_WORDS = {
    ("source", "fixture-kampot"): {"We will continue until the province is clean"},
    ("source", "fixture-kampot-b"): {"Second article words on the campaign"},
    ("source", "fixture-kampot-c"): {"Third article words on the campaign"},
    ("actor", "sok-dara"): {
        "We will continue until the province is clean",
        "Second article words on the campaign",
    },
    ("actor", "sok-dara-deputy"): {"Third article words on the campaign"},
}
_ALL_WORDS = set().union(*_ITS_WORDS.values())


@pytest.fixture(scope="module")
def twins_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus with two same-named articles and two same-named actors, built once
    for every case (read only)."""
    fixture_seeds = tmp_path_factory.mktemp("twins") / "seeds"
    shutil.copytree(FIXTURE_SEEDS, fixture_seeds)
    for name, line in _TWIN_ARTICLES:
        (fixture_seeds / "articles" / name).write_text(
            f"Province reports drug arrests\n\n{line}\n", encoding="utf-8"
        )
    registry = fixture_seeds / REGISTRY
    twins = "".join(
        f"""  - source_id: fixture-kampot-{k}
    seed_file: {name}
    outlet: The Fixture Post
    title: Province reports drug arrests
    url: https://example.org/province-reports-drug-arrests-{k}
    published_on: 2017-04-02
    date_precision: day
    date_basis: printed on the page (made up for tests)
"""
        for k, (name, _) in zip("bc", _TWIN_ARTICLES, strict=True)
    )
    deputy = """  - actor_id: sok-dara-deputy
    name: Sok Dara
    kind: person
    role: Deputy governor
    organisation: Kampot provincial hall
    actor_type: government
"""
    text = registry.read_text(encoding="utf-8")
    text = text.replace("sources:\n", "sources:\n" + twins, 1).replace(
        "actors:\n", "actors:\n" + deputy, 1
    )
    registry.write_text(text, encoding="utf-8")
    (fixture_seeds / "curated" / "twins.yaml").write_text(_TWIN_RECORDS, encoding="utf-8")
    db = fixture_seeds.parent / "twins.duckdb"
    build(db, fixture_seeds, draw_images=False)
    return db


def _open(page: str, panel: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)  # straight onto the page, as its address opens it
    at.session_state[panel] = True  # the reader opens the filter panel
    at.run()
    return at


@pytest.mark.parametrize(("param", "record_id"), sorted(_ITS_WORDS))
def test_a_reader_picking_one_of_two_same_named_records_sees_only_its_rows(
    twins_db: Path, monkeypatch: pytest.MonkeyPatch, param: str, record_id: str
):
    """Replays item 4 on the screen: each choice shows that record's statements, in the page,
    in the link it leaves in the address, and in the Data page's 'rows shown' CSV."""
    monkeypatch.setenv("MONITOR_DB", str(twins_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    mine = _ITS_WORDS[(param, record_id)]
    others = _ALL_WORDS - mine

    at = _open("views/statements.py", "statement-filters")
    at.multiselect(key=param).set_value([record_id]).run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert all(w in shown for w in mine) and not any(w in shown for w in others), record_id

    # The shared link: a fresh session opened at the address the choice left. A value the
    # page writes itself is in at.query_params; Streamlit's own binding writes the option's
    # visible text in the browser only, so AppTest does not see it: take that text then.
    link = dict(at.query_params) or {param: list(at.multiselect(key=param).values)}
    again = _open("views/statements.py", "statement-filters", **link)
    assert again.multiselect(key=param).value == [record_id]
    shown = " ".join(m.value for m in again.markdown)
    assert all(w in shown for w in mine) and not any(w in shown for w in others), (record_id, link)

    if param == "source":  # the Data page filters by article
        data = _open("views/data.py", "data-filters")
        data.pills(key="table").set_value("statements").run()
        data.multiselect(key="source").set_value([record_id]).run()
        assert not data.exception
        rows = data_page_download(data).decode("utf-8")
        assert all(w in rows for w in mine) and not any(w in rows for w in others), rows
        with Reader(twins_db) as db:
            expected = set(queries.statements(db, source_ids=[record_id])["statement_id"])
        in_csv = {r["statement_id"] for r in csv.DictReader(io.StringIO(rows.lstrip("\ufeff")))}
        assert in_csv == expected


# --- 5. the grid's own CSV download -----------------------------------------------------


def test_the_data_grid_is_given_defused_cells():
    # The grid writes its own CSV from the frame it is given: that frame must be defused.
    page = (ROOT / "views" / "data.py").read_text(encoding="utf-8")
    assert re.search(r"st\.dataframe\(\s*safe_frame\(shown\)", page)


# --- 6. text from data shown exactly as stored ------------------------------------------

HOSTILE = [
    "$2 million in 2017 and $3 million",
    "**bold** and _under_ and ~~struck~~",
    "# A heading",
    "- a list item",
    "1. a numbered item",
    ":red[coloured] and :material/warning: and :smile:",
    "see the [official NACD site](http://evil.example/) now",
    "![x](http://evil.example/pixel.png)",
    '<a href="http://evil.example">click</a> <img src=x onerror=alert(1)>',
    "a bare http://evil.example/ and www.evil.example and me@evil.example",
    "&amp; &#x41; \\* back\\slash `code` | pipe | > quoted",
    "===\n---\n> nested",
]
# Every character Markdown may read as syntax must come out escaped.
_UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*(?:[`*_\[\]()#!|~$&<>=/@]|:(?=\S))")


def _unescape(markdown: str) -> str:
    """The text a reader sees: escapes resolved, the invisible word joiners dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escaping_shows_text_exactly(text: str):
    shown = md(text)
    assert _unescape(shown) == text
    assert not _UNESCAPED.search(re.sub(r"\\.", "", shown)), shown
    # No line starts with a list, heading, quote or rule marker (an escaped one starts "\\").
    assert not re.search(r"^\s*(?:[-+*]|\d+[.)]|#|>|=)", shown, re.MULTILINE)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a_(b)", True),
        ("http://example.org/", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("https://example.org/ with space", False),
    ],
)
def test_links_come_only_from_http_urls(url: str, linked: bool):
    out = md_link("the article", url)
    assert ("](" in out) is linked
    if linked:
        target = out.split("](", 1)[1][:-1]
        assert "(" not in target and ")" not in target and " " not in target


def test_html_and_plotly_text_stay_text():
    assert "<a" not in plotly_text('<a href="http://evil.example">x</a>')
    assert html_text("<b>x</b>") == "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>"
    frame = pd.DataFrame({"quote": ["http://evil.example/"], "url": ["javascript:alert(1)"]})
    table = views.rows_html(frame)
    assert "<a " not in table
    good = views.rows_html(pd.DataFrame({"url": ["https://example.org/a"]}))
    assert 'href="https://example.org/a"' in good


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_controls_cannot_reorder_a_name(control: str):
    name = f"gnp{control}exe.png"
    for shown in (_unescape(md(name)), html_text(name), plotly_text(name)):
        assert control not in shown
        assert f"U+{ord(control):04X}" in shown
    assert html_text(name).startswith("<bdi>")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus with every hostile string as a quote, and an RTL override in a name,
    built once per run for the page's AppTest and the browser's check (read only; the xdist
    workers share it: tests/conftest.py `_made_once`)."""
    with _made_once(tmp_path_factory, "hostile-db") as (db, to_make):
        if to_make:
            seeds = db.with_name("seeds")
            shutil.rmtree(seeds, ignore_errors=True)  # a copy left by a build that failed
            shutil.copytree(FIXTURE_SEEDS, seeds)
            _make_hostile(seeds, db)
    return db


def _make_hostile(fixture_seeds: Path, db: Path) -> None:
    article = fixture_seeds / ARTICLE
    paragraphs = [q.replace("\n", " ") for q in HOSTILE]
    # Direct words stand inside quotation marks in the article, as the build requires.
    printed = [f"\u201c{q}\u201d" if n % 2 else q for n, q in enumerate(paragraphs)]
    article.write_text("\n\n".join(printed) + "\n\n" + article.read_text(encoding="utf-8"), "utf-8")

    def add(doc: dict) -> None:
        for n, quote in enumerate(paragraphs):
            doc["statements"].append(
                {
                    "statement_id": f"hostile-{n}",
                    "actor_id": "chan-vanna",
                    "source_id": "fixture-kampot",
                    "quote": quote,
                    "kind": "direct" if n % 2 else "reported",
                    "topic": "rights",
                    "stance": "critical",
                }
            )

    _edit(fixture_seeds, RECORDS, add)
    _edit(fixture_seeds, REGISTRY, lambda d: d["actors"][1].update(name="Chan \u202egnp.exe"))
    build(db, fixture_seeds, draw_images=False)


def test_hostile_quotes_render_as_literal_text_on_the_statements_page(
    hostile_db: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MONITOR_DB", str(hostile_db))
    at = open_app_page("views/statements.py")
    assert not at.exception, [e.message for e in at.exception]
    page = "\n".join(m.value for m in at.markdown)
    for quote in HOSTILE:
        assert md(quote.replace("\n", " ")) in page, quote
    # Data made no link, image or raw HTML: every such character arrived escaped.
    assert not re.search(r"(?<!\\)\]\(http|(?<!\\)<(?:a|img)\b", page)
    assert "\u202e" not in page and "U+202E" in _unescape(page)


def test_an_unknown_chart_id_is_echoed_as_text(seed_db: Path, monkeypatch):
    """The embed page names a chart id it does not know, as text and cut short: one id
    holding a heading, a link and an image, then 5,000 characters (one page run: the escaping
    of each kind of markup is md's, tested above)."""
    chart_id = "# [click here](http://evil.example/login) ![x](http://evil.example/x.png) "
    monkeypatch.setenv("MONITOR_DB", str(seed_db))
    at = open_app_page("views/embed.py", embed="true", chart=chart_id + "x" * 5000)
    assert not at.exception
    (info,) = at.info
    assert "](http" not in info.value and not info.value.lstrip().startswith("#")
    assert "[click here](http" in _unescape(info.value)  # the id is named, as text
    assert len(info.value) < 300


# --- 7. query parameters ----------------------------------------------------------------


#: An empty value, and one no table has, made of markup and a bidi control (any unknown name
#: takes the same path: tests/test_pages.py's invalid URL values hold a plain one).
@pytest.mark.parametrize("table", ["", "[x](http://e)\u202e"])
def test_the_data_page_survives_any_table_parameter(seed_db: Path, monkeypatch, table: str):
    monkeypatch.setenv("MONITOR_DB", str(seed_db))
    at = open_app_page("views/data.py", table=table)
    assert not at.exception, [e.message for e in at.exception]
    assert any(re.fullmatch(r"\*\*\d+ rows?\*\*", m.value) for m in at.markdown)


# --- 8. YAML bombs ----------------------------------------------------------------------

ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "sources:\n  - source_id: bomb\n    outlet: *i\n"
)


BOMBS = {
    "alias-bomb": ALIAS_BOMB,
    "deep-flow-list": "[" * 100_000,
    "deep-block-list": "- " * 100_000 + "x",
    "deep-mapping": "{a: " * 50_000,
    "self-alias": "a: &a [*a]\n",
    "unclosed": "a: [\n",
}


def test_yaml_bombs_give_a_one_line_error_each_all_at_once(fixture_seeds: Path):
    # The promise is one short line naming each file, no traceback, nothing built; which
    # words say why (ours or the YAML parser's own) is not part of it. One run of the command
    # line meets every bomb, as a curator's folder would hold them: all are reported at once.
    for name, text in BOMBS.items():
        (fixture_seeds / "curated" / f"bomb-{name}.yaml").write_text(text, encoding="utf-8")
    run = _etl("check", seeds=fixture_seeds)
    assert run.returncode == 1, run.stderr[-500:]
    assert "Traceback" not in run.stderr
    for name in BOMBS:
        lines = [line for line in run.stderr.splitlines() if f"bomb-{name}.yaml" in line]
        assert len(lines) == 1 and len(lines[0]) < 300, (name, lines)


def test_an_oversized_curated_file_is_refused_unread(fixture_seeds: Path):
    with (fixture_seeds / "curated" / "huge.yaml").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing to read if the size is checked first
    problems = _problems(fixture_seeds)
    assert any(p[0].endswith("huge.yaml") and "limit" in p[3] for p in problems)


def test_a_huge_wrong_value_is_shown_cut_short(fixture_seeds: Path):
    # 5,000 items (some 70 kB written out, over 200 times a message's 300 characters): as
    # huge as the promise needs; 100,000 cost 3.7 s of parsing to show the same cut.
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][0].update(value=["x" * 10] * 5_000))
    problems = _problems(fixture_seeds)
    assert all(len(p[3]) < 300 for p in problems)


# --- 9. a huge article ------------------------------------------------------------------


def test_cleaning_a_long_article_of_repeated_lines_keeps_one_copy_rule():
    # Thousands of copies of one caption (quadratic before): all are furniture.
    caption = "Police officers stand outside the court."
    raw = "\n".join([caption, f"{caption} Sam Rith"] * 5_000 + ["The report itself."])
    assert clean_body(raw) == "The report itself."


def test_add_refuses_an_oversized_file_before_reading_it(
    fixture_seeds: Path, tmp_path: Path, monkeypatch
):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(AddRefused, match="over"):
        add_article(
            big,
            seeds_dir=fixture_seeds,
            title="Big",
            outlet="The Fixture Post",
            url="https://example.org/big",
            published="2017-05-03",
        )


# --- 11. faults in commands ---------------------------------------------------------------


def test_build_on_a_full_disk_is_one_line_and_keeps_the_database(
    fixture_seeds: Path, fixture_db: Path, tmp_path: Path, monkeypatch, capsys
):
    db = tmp_path / "m.duckdb"
    shutil.copyfile(fixture_db, db)  # a database built before (the run's, copied)
    before = db.read_bytes()

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(db))

    monkeypatch.setattr("etl.store.os.replace", full)
    # One record changed, with its reason, so the build reaches the swap (a Save: the
    # fixture corpus's other rows copied, not the whole seed corpus withdrawn and rebuilt).
    _edit(fixture_seeds, RECORDS, lambda d: d["statements"][0].update(stance="critical"))
    argv = ["--seeds", str(fixture_seeds), "build", "--db", str(db), "--no-images"]
    assert etl_main([*argv, "--reason", "a stance read again"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and "not changed" in err[0]
    assert db.read_bytes() == before


# `build` to such a target is the launcher's first-run fault below (the same command, its
# own process, through monitor.bootstrap): one process start (1.3 s of CPU) fewer. These two
# run the command in this process (a traceback would be an exception raised here, as in
# tests/test_suggest.py's one-line errors): the command's own process is the YAML bombs'
# test above and the first-run fault's below, two process starts (2.6 s of CPU) fewer.
@pytest.mark.parametrize("command", ["export", "codebook"])
def test_an_unwritable_target_is_one_line(
    fixture_seeds: Path, tmp_path: Path, seed_db, command, capsys
):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    target = blocker / "inside"  # no folder can be made inside a file, even as root
    args = {
        "export": ["export", "--db", str(seed_db), "--out", str(target)],
        "codebook": ["codebook", "--out", str(target / "CODEBOOK.md")],
    }[command]
    assert etl_main(["--seeds", str(fixture_seeds), *args]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_first_run_build_fault_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("MONITOR_BUILD_IMAGES", "0")
    problem = ensure_database(blocker / "data" / "monitor.duckdb")
    # The build runs as its own process (`python -m etl build`, the command's one real
    # process with test_serve's) and ends the fault with one line, no traceback.
    assert problem and "Traceback" not in problem and len(problem.splitlines()) == 1
    assert "Not a directory" in problem and "not changed" in problem


# --- 12. concurrent adds ----------------------------------------------------------------


def test_four_concurrent_adds_all_land(fixture_seeds: Path, tmp_path: Path):
    runs = []
    for n in range(4):
        article = tmp_path / f"story-{n}.txt"
        article.write_text(f"Story number {n}: police said {n * 10 + 7} people were held.\n")
        runs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "etl",
                    "--seeds",
                    str(fixture_seeds),
                    "add",
                    str(article),
                    "--title",
                    f"Story {n} of four",
                    "--outlet",
                    "The Fixture Post",
                    "--url",
                    f"https://example.org/story-{n}",
                    "--published",
                    "2017-05-03",
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, outputs
    sources = yaml.safe_load((fixture_seeds / "curated" / "sources.yaml").read_text("utf-8"))
    assert sorted(s["title"] for s in sources["sources"]) == [
        f"Story {n} of four" for n in range(4)
    ]
    assert len(list((fixture_seeds / "articles").glob("*.txt"))) == 5
    check(fixture_seeds)


def test_added_files_have_normal_permissions(fixture_seeds: Path, tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text("Police said 12 people were held.\n")
    old = os.umask(0o022)
    try:
        added = add_article(
            article,
            seeds_dir=fixture_seeds,
            title="Twelve held",
            outlet="The Fixture Post",
            url="https://example.org/twelve",
            published="2017-05-03",
        )
    finally:
        os.umask(old)
    for path in (added.seed_path, added.sources_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_add_on_a_read_only_seeds_folder_is_one_line(tmp_path: Path, monkeypatch, capsys):
    article = tmp_path / "story.txt"
    article.write_text("Police said 12 people were held.\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    args = SimpleNamespace(
        path=article,
        seeds=blocker / "seeds",
        title="Twelve held",
        outlet="The Fixture Post",
        url="https://example.org/twelve",
        published="2017-05-03",
        precision="day",
        reporter=None,
        date_basis=add_module.DEFAULT_DATE_BASIS,
        date_inferred=False,
        published_earliest=None,
        published_latest=None,
        source_id=None,
    )
    assert add_module.run(args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: cannot add")


def test_a_chart_that_cannot_be_drawn_says_so_in_place(seed_db: Path, monkeypatch):
    from monitor import cached as data

    def broken(chart_id: str):
        raise ValueError(f"cannot draw {chart_id}")

    monkeypatch.setenv("MONITOR_DB", str(seed_db))
    monkeypatch.setattr(data, "chart", broken)
    at = open_app_page("views/trends.py")
    assert not at.exception
    assert any("cannot be drawn" in w.value for w in at.warning)


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_hostile_quotes_read_word_for_word_in_a_real_browser(
    dashboard, hostile_db: Path, open_page
):
    """What Streamlit's own Markdown renderer makes of the escaped quotes, in Chromium: the
    run's one browser and dashboard server, lent the hostile database (sorted first, it has
    it before the seed database is built)."""
    with dashboard.lent(hostile_db) as url:
        page = open_page(f"{url}/statements")
        main = page.locator("[data-testid='stMain']")
        text = " ".join(main.inner_text().replace(WORD_JOINER, "").split())
        for quote in HOSTILE:
            if ":smile:" in quote:  # Streamlit draws emoji short codes (README)
                quote = quote.replace(":smile:", "")
            for piece in quote.replace("\n", " ").split(" "):
                assert piece in text, (piece, quote)
        links = main.locator("a[href*='evil'], img[src*='evil']")
        assert links.count() == 0, [
            links.nth(i).evaluate("e => e.outerHTML") for i in range(links.count())
        ]
        assert main.locator(".katex, h1:has-text('A heading')").count() == 0
        assert "\u202e" not in text
