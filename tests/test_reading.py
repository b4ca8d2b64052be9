"""Statements and Proposals at any corpus size: a page at a time, one search with facets and
a reason when nothing matches, a permalink and a citation for each record (AppTest)."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from data_model.safe_text import md
from database import queries
from database.connection import Reader
from database.write import write_statement_search
from monitor import finding
from tests.apptests import open_app_page

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
COUNT = re.compile(r"\*\*([\d,]+) (?:statement|proposal)s?\*\*")


def _citations(at) -> list[str]:
    """The citations a page shows to copy (monitor.copying.copy_text), the footer's
    citation of the data set aside."""
    bodies = "".join(h.proto.body for h in at.get("html") if 'class="copy-text"' in h.proto.body)
    copied = [html.unescape(c) for c in re.findall(r'data-copy="([^"]*)"', bodies)]
    return [c for c in copied if "[data set]" not in c]


def _open(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, **params: str) -> AppTest:
    monkeypatch.setenv("MONITOR_DB", str(db))
    at = open_app_page(page, **params)
    assert not at.exception, [e.message for e in at.exception]
    return at


def _count(at: AppTest) -> int:
    for text in [*(m.value for m in at.markdown), *(h.value for h in at.header)]:
        if found := COUNT.fullmatch(text):
            return int(found.group(1).replace(",", ""))
    raise AssertionError("no count on the page")


def _listed(at: AppTest) -> list[str]:
    """The statements drawn, by the permalink each carries."""
    return [
        m.group(1)
        for md in at.markdown
        for m in re.finditer(r"\(statements\?statement=([^)]+)\)", md.value)
    ]


def _elements(block) -> int:
    children = getattr(block, "children", {})
    return sum(1 + _elements(child) for child in children.values())


@pytest.fixture(scope="module")
def db(seed_db: Path):
    with Reader(seed_db) as reader:
        yield reader


def test_statements_come_a_page_at_a_time_and_the_download_has_them_all(app, db):
    total = len(queries.statements(db))
    assert total > finding.STATEMENTS_PER_PAGE, "the seeds must fill more than one page"
    at = app("views/statements.py")
    assert _count(at) == total
    first = _listed(at)
    assert len(first) == finding.STATEMENTS_PER_PAGE
    assert at.pagination, "more statements than one page holds, and no pages"
    at.pagination[0].set_value(2).run()
    second = _listed(at)
    assert second and not set(second) & set(first)
    assert first + second == list(queries.statements(db)["statement_id"])[: len(first + second)]
    download = next(b for b in at.get("download_button") if b.proto.label.startswith("Download"))
    assert download.proto.label == f"Download these {total} statements as CSV"


def test_a_new_search_goes_back_to_the_first_page(app):
    at = app("views/statements.py")
    at.pagination[0].set_value(3).run()
    at.session_state["statement-filters"] = True
    at.run()
    at.text_input(key="q").set_value("rehabilitation").run()
    assert at.pagination[0].value == 1 if at.pagination else True
    assert any(c.value.startswith("Statements 1–") for c in at.caption)
    assert at.query_params.get("page") in (None, ["1"]), "the address still names page 3"


def test_searching_an_organisation_finds_its_statements_with_facet_counts(app, db):
    hrw = queries.statements(db, organisations=["Human Rights Watch"])
    assert len(hrw) > 0
    at = app("views/statements.py", q="Human Rights Watch")
    assert _count(at) >= len(hrw)
    assert set(hrw["statement_id"]) <= set(_listed(at))
    captions = [c.value for c in at.caption]
    assert any(c.startswith(f"Human Rights Watch **{len(hrw)}**") for c in captions)
    assert any("critical **" in c for c in captions), "no stance counts"


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"q": "zzzz"}, "Nothing matches the search “zzzz” on its own"),
        (
            {"q": "Robertson", "stance": "supportive"},
            "No statement matches the search “Robertson” and stance supportive together.",
        ),
        ({"q": "Robertson zzzz"}, "No statement holds “zzzz”."),
        ({"q": "qqqq Robertson zzzz"}, "No statement holds “qqqq” or “zzzz”."),
        (
            {"q": "Robertson methadone"},
            "Each word is found, never all in one statement: “robertson” {robertson} "
            "statements, “methadone” {methadone} statements.",
        ),
    ],
)
def test_no_match_says_why_and_clearing_keeps_the_panel_open(app, db, params, said):
    at = app("views/statements.py", **params)
    assert _count(at) == 0
    reason = at.warning[0].value
    found = {w: len(queries.statements(db, text=w)) for w in ("robertson", "methadone")}
    assert said.format(**found) in reason
    if "stance" in params:
        alone = len(queries.statements(db, text="Robertson"))
        assert f"Without stance supportive: {alone} statements." in reason
    at.button(key="clear-filters").click().run()
    assert _count(at) == len(queries.statements(db))
    assert at.text_input(key="q").value == ""
    assert not at.warning
    assert at.text_input(key="q"), "clearing the search closed the filter panel"


@pytest.mark.parametrize(
    "statement_id",
    ["ppp-2017-06-27-meas-vyrith-its-easy", "ppp-2018-02-14-robertson-bail"],
)
def test_a_statement_permalink_shows_it_alone_with_its_citation(app, db, statement_id):
    row = next(queries.statements(db, statement_ids=[statement_id]).itertuples())
    at = app("views/statements.py", statement=statement_id)
    assert not at.pagination and not at.text_input
    assert at.button(key="back-to-all").label == "All statements"
    (citation,) = _citations(at)
    assert row.source_url in citation and row.source_citation in citation
    assert f"statements?statement={statement_id}" in citation
    words = " ".join(row.quote.split())
    if row.kind == "direct":
        assert f"“{words}”" in citation
    else:  # the article's words: never in quotation marks signed by the person
        assert f"“{words}”" not in citation and words in citation
        assert "not a quotation" in citation


def test_an_unknown_statement_id_says_so(app):
    at = app("views/statements.py", statement="no-such-statement")
    assert "no-such-statement" in at.info[0].value
    assert not _citations(at)


def test_each_listed_statement_copies_its_citation_in_one_click(app):
    """A button per statement that copies (monitor.copying), not a popover to open first."""
    at = app("views/statements.py", stance="critical")
    bodies = "".join(h.proto.body for h in at.get("html"))
    copied = [html.unescape(c) for c in re.findall(r'data-copy="([^"]*)"', bodies)]
    copied = [c for c in copied if "[data set]" not in c]  # the footer's, on every page
    assert len(copied) == len(_listed(at)) > 0 and not at.get("popover")
    assert [c.rsplit("statement=", 1)[1] for c in copied] == _listed(at)
    assert all("Source: " in c and "data version " in c for c in copied)
    # The date said, then the article by its title: never the same date twice in a row.
    assert not any(re.search(r"(\w+ \d{4}) · \[[^]]*\1", m.value) for m in at.markdown)


def test_the_download_of_one_statement_says_one_statement(app, db):
    counts = queries.statements(db)["actor_id"].value_counts()
    at = app("views/statements.py", actor=str(counts[counts == 1].index[0]))
    download = next(b for b in at.get("download_button") if b.proto.label.startswith("Download"))
    assert download.proto.label == "Download this 1 statement as CSV"


def test_proposals_come_a_page_at_a_time_with_positions_on_demand(app, db, monkeypatch):
    monkeypatch.setattr(finding, "PROPOSALS_PER_PAGE", 5)
    at = app("views/policies.py")
    assert _count(at) == len(queries.policies(db))
    boxes = [e for e in at.expander if e.label.startswith("Who stands where")]
    assert len(boxes) == 5 and at.pagination
    assert all(not b.markdown for b in boxes), "positions were read before anyone asked"
    page = queries.policy_summaries(db, 1, 5)
    discussed = page[page["n_supports"] + page["n_opposes"] + page["n_mixed"] > 0]
    policy_id = str(discussed["policy_id"].iloc[0])
    at.session_state[f"positions-{policy_id}"] = True  # the reader opens one
    at.run()
    opened = [e for e in at.expander if e.label.startswith("Who stands where") and e.markdown]
    assert len(opened) == 1
    names = queries.policy_positions(db, policy_ids=[policy_id])["actor_name"]
    shown = "\n".join(m.value for m in opened[0].markdown)
    assert all(name in shown for name in names)


def test_a_proposal_permalink_shows_it_with_everyone_on_it(app, db):
    at = app("views/policies.py", policy="extend-campaign")
    policy = queries.policies(db).set_index("policy_id").loc["extend-campaign"]
    assert [h.value for h in at.header][-1] == md(policy["name"])  # shown as text
    positions = queries.policy_positions(db, policy_ids=["extend-campaign"])
    shown = "\n".join(m.value for e in at.expander for m in e.markdown)
    assert shown.count("\n\n**") >= 1 and len(positions) > 0
    for name in positions["actor_name"].unique():
        assert md(name) in shown
    at.button(key="back-to-all").click().run()
    assert "policy" not in at.query_params
    assert _count(at) == len(queries.policies(db))


def test_a_proposal_permalink_offers_its_citation(app, db):
    p = next(queries.policy_summaries(db, policy_ids=["white-villages"]).itertuples())
    at = app("views/policies.py", policy="white-villages")
    (citation,) = _citations(at)
    words = " ".join(p.quote.split())
    assert citation.startswith(f"{p.name} (")
    assert f"put forward by {p.proposed_by_name}" in citation
    assert f"As the article reports it: “{words}”" in citation
    assert p.source_citation in citation and p.source_url in citation
    assert citation.endswith("policies?policy=white-villages")


def test_each_listed_proposal_offers_its_citation_once_its_panel_opens(app):
    at = app("views/policies.py")
    links = [
        m.group(1)
        for md_ in at.markdown
        for m in re.finditer(r"\(policies\?policy=([^)]+)\)", md_.value)
    ]
    assert links and not _citations(at), "citations were drawn before anyone asked"
    for policy_id in links:  # the reader opens each proposal's panel
        at.session_state[f"positions-{policy_id}"] = True
    at.run()
    assert [c.rsplit("policy=", 1)[1] for c in _citations(at)] == links
    panels = [e for e in at.expander if e.label.startswith("Who stands where")]
    assert all(e.label.endswith("· citation to copy") and _citations(e) for e in panels)


def _scaled(seed_db: Path, target: Path, times: int) -> Path:
    """The seed database with every statement, proposal and position there `times` times
    under fresh ids: the reading pages' tables at a larger corpus, in a fraction of a second."""
    shutil.copy(seed_db, target)
    with duckdb.connect(str(target)) as con:
        con.execute(
            "INSERT INTO statements SELECT t.* REPLACE (t.statement_id || '-c' || r.n AS "
            "statement_id) FROM statements t, range(1, ?) r(n)",
            [times],
        )
        con.execute(
            "INSERT INTO policy_positions SELECT x.* REPLACE (x.position_id || '-c' || r.n AS "
            "position_id, x.policy_id || '-c' || r.n AS policy_id) "
            "FROM policy_positions x, range(1, ?) r(n)",
            [times],
        )
        con.execute(
            "INSERT INTO policies SELECT p.* REPLACE (p.policy_id || '-c' || r.n AS policy_id) "
            "FROM policies p, range(1, ?) r(n)",
            [times],
        )
        write_statement_search(con)  # what the build derives from the statements
        # The dashboard's caches are keyed by the build's fingerprint of the data: data
        # changed behind the build's back must say so, or it would be read from the cache.
        con.execute("UPDATE content_fingerprint SET fingerprint = fingerprint || ?", [f"x{times}"])
    return target


@pytest.fixture(scope="module")
def scaled(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The seed database at 10x and 100x, made once for the four cases below (read only)."""
    folder = tmp_path_factory.mktemp("scaled")
    return {times: _scaled(seed_db, folder / f"x{times}.duckdb", times) for times in (10, 100)}


@pytest.mark.parametrize("page", ["views/statements.py", "views/policies.py"])
@pytest.mark.parametrize("params", [{}, {"q": "rights", "stance": "critical"}])
def test_a_page_run_draws_as_many_elements_at_100x_as_at_10x(scaled, monkeypatch, page, params):
    if page == "views/policies.py" and params:
        params = {"status": "proposed"}
    drawn = {}
    for times, db in scaled.items():
        at = _open(db, monkeypatch, page, **params)
        text = sum(len(m.value) for m in at.markdown)
        drawn[times] = (_elements(at.main), text)
        assert _count(at) > finding.STATEMENTS_PER_PAGE
    assert drawn[100][0] == drawn[10][0], drawn
    # The same records drawn; only counts and the copies' ids ("-c57") have more digits.
    assert drawn[100][1] < drawn[10][1] * 1.2, drawn


def test_every_citation_signs_words_only_by_whoever_spoke_them(db):
    rows = queries.statements(db)
    assert {"direct", "reported"} <= set(rows["kind"]) and rows["relayed_by"].notna().any()
    for row in rows.itertuples():
        text = finding.citation_text(row, "https://example.org/statements?statement=x")
        words = " ".join(row.quote.split())
        signed = re.findall(r"“(.*)”\n— ([^,\n]+)", text)
        relayer = row.relayed_by_name if isinstance(row.relayed_by_name, str) else None
        if row.kind == "direct":
            assert signed == [(words, relayer or row.actor_name)], text
        else:  # the article's paraphrase: in the citation, never signed by a person
            assert signed == [] and words in text and "not a quotation" in text, text
        assert row.source_citation in text and text.endswith("statement=x")
        role = row.actor_role if isinstance(row.actor_role, str) else ""
        assert role in text  # the role as the article gave it


@pytest.mark.parametrize(
    ("page", "label"), [("views/statements.py", "Article"), ("views/data.py", "Articles")]
)
def test_a_long_article_picker_sends_a_few_and_finds_any_by_its_words(
    app, db, monkeypatch, page, label
):
    """At thousands of articles the picker lists a bounded few; a link naming any article by
    its id still chooses it (its label on screen), and words typed find any other."""
    monkeypatch.setattr(finding, "PICKER_LISTED", 2)
    articles = queries.sources(db)  # the picker's order: newest first
    assert len(articles) > 3, "the seeds must hold more articles than listed plus one"
    oldest, other = articles.iloc[-1], articles.iloc[-2]
    at = app(page, source=oldest.source_id)
    picker = at.multiselect(key="source")
    assert picker.label == label
    assert picker.value == [oldest.source_id]
    assert len(picker.options) == 3  # the one chosen and the first two
    assert oldest.short_label in picker.options and other.short_label not in picker.options
    assert any(c.value.startswith("Listed: the first 2 of") for c in at.caption)
    words = " ".join(other.title.split()[1:3])  # two words from inside its title
    at.text_input(key="source-find").set_value(words.upper()).run()
    assert other.short_label in at.multiselect(key="source").options
    at.multiselect(key="source").set_value([oldest.source_id, other.source_id]).run()
    assert not at.exception
    assert at.query_params["source"] == [oldest.source_id, other.source_id]


def test_the_sources_article_picker_sends_a_few_and_finds_any_by_its_words(app, db, monkeypatch):
    """The Sources page's one-article picker is bounded too (at 5,000 articles it sent every
    title in every run, 462 KB); a link naming any article still opens it, and words typed
    find any other."""
    monkeypatch.setattr(finding, "PICKER_LISTED", 2)
    articles = queries.sources(db)
    oldest, other = articles.iloc[-1], articles.iloc[-2]
    at = app("views/sources.py", source=oldest.source_id)
    picker = at.selectbox(key="sources-article")
    assert picker.value == oldest.source_id
    assert len(picker.options) == 3  # the one shown and the first two
    assert other.short_label not in picker.options
    assert any(c.value.startswith("Listed: the first 2 of") for c in at.caption)
    assert any(h.value == md(oldest.display_title) for h in at.header)
    words = " ".join(other.title.split()[1:3])
    at.text_input(key="sources-article-find").set_value(words.upper()).run()
    picker = at.selectbox(key="sources-article")
    assert picker.value == oldest.source_id  # typing does not change what is shown
    assert other.short_label in picker.options
    picker.set_value(other.source_id).run()
    assert not at.exception
    assert at.query_params["source"] == other.source_id
    assert any(h.value == md(other.display_title) for h in at.header)


@pytest.mark.parametrize(
    ("words", "chosen", "listed", "matching"),
    [
        ("", [], ["a0", "a1", "a2"], 30),
        ("", ["a20"], ["a20", "a0", "a1", "a2"], 30),
        ("ÉTUDE 1", ["a5"], ["a5", "a1", "a10", "a11"], 12),
        ("‘quoted’ 2", [], ["a2", "a12", "a20"], 12),
        ("nowhere", ["a3"], ["a3"], 0),
    ],
    ids=["first-few", "chosen-first", "words-any-case-and-accent", "curly-quotes", "none"],
)
def test_a_long_picker_lists_those_chosen_then_the_first_that_match(
    words, chosen, listed, matching
):
    names = {f"a{i}": f"Étude 'quoted' {i}" for i in range(30)}
    assert finding.listed_options(names, words, chosen, 3) == (listed, matching)
