"""The curation studio, screen by screen (AppTest): add, review, save; YAML written, not the DB.

Long because the studio's screens are one flow, tested in the order a researcher meets them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from corpus.safe_yaml import dump_yaml
from curation.suggest.records import Row
from database import queries
from database.connection import Reader
from etl.build import build
from etl.warm import SOCKET_VARIABLE
from studio import history, store
from studio.coverage import coverage
from studio.editors import number_text
from studio.selection import marks
from studio.store import render_yaml
from tests import warm_builds
from tests.apptests import clicked

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "studio" / "app.py")
KRATIE = ROOT / "tests" / "fixtures" / "suggest" / "kratie_campaign.txt"
_LINES = KRATIE.read_text(encoding="utf-8").splitlines()
#: The headline and its first sentence: one figure covers every sentence the build asks to
#: be accounted for (the coverage rule), so a Save can go through.
SHORT = "\n".join(_LINES[:3]) + "\n"
#: The headline and the three sentences whose words the passage tests pick: the Review screen
#: of the whole article redraws 12 candidates on every action, which these tests do not read.
PASSAGES = "\n\n".join(_LINES[i] for i in (0, 2, 6, 10)) + "\n"


@pytest.fixture
def studio(fixture_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("STUDIO_SEEDS", str(fixture_seeds))
    monkeypatch.setenv("MONITOR_DB", str(tmp_path / "monitor.duckdb"))
    monkeypatch.setenv("STUDIO_NO_CHARTS", "1")
    # These tests are about coding: one person alone publishes (the two-person rule has its
    # own tests in test_studio_review.py).
    monkeypatch.setenv("STUDIO_SINGLE_EDITOR", "1")
    at = AppTest.from_file(APP, default_timeout=120)
    return at.run()


def _add(at: AppTest, text: str | None = None, inferred: bool = False) -> AppTest:
    at.radio(key="screen").set_value("Add").run()
    at.text_area(key="text").set_value(text or KRATIE.read_text(encoding="utf-8")).run()
    at.text_input(key="outlet").set_value("The Example Daily")
    if inferred:  # worked out to the month, then narrowed by what the article reports; the
        # day picked in the month is not known, and stored as the month's first (no refusal)
        at.date_input(key="published").set_value(dt.date(2018, 1, 11))
        at.selectbox(key="precision").set_value("month").run()
        at.date_input(key="published-earliest").set_value(dt.date(2018, 1, 11))
        at.date_input(key="published-latest").set_value(dt.date(2018, 1, 31))
    else:
        at.date_input(key="published").set_value(dt.date(2018, 1, 11))
    at.checkbox(key="date-inferred").set_value(inferred)
    at.text_input(key="editor").set_value("Dara Test")
    return at.button(key="add").click().run()


@pytest.mark.parametrize("inferred", [False, True], ids=["printed", "worked-out"])
def test_add_prefills_the_title_and_registers_the_source(
    studio: AppTest, fixture_seeds: Path, inferred: bool
):
    at = _add(studio, inferred=inferred)
    assert not at.exception
    assert at.text_input(key="title").value == "Kratie campaign reports 1,300 arrests"
    assert at.success and "Added as source" in at.success[0].value
    sources = (fixture_seeds / "curated" / "sources.yaml").read_text(encoding="utf-8")
    assert "Kratie campaign reports 1,300 arrests" in sources
    assert "url: null" in sources  # the web address is optional
    # A date worked out from the article, not printed on it, is said so (its citations too),
    # and a month is narrowed to the days the article can have appeared on, without YAML.
    assert ("date_inferred: true" in sources) is inferred
    assert ("published_earliest: 2018-01-11\n  published_latest: 2018-01-31" in sources) is inferred
    assert f"published_on: 2018-01-{'01' if inferred else '11'}\n" in sources


def test_a_duplicate_is_refused_with_the_reason(studio: AppTest):
    at = _add(studio)
    at = at.button(key="add").click().run()
    # Escaped for markdown (shown as text): a reader sees it without the backslashes.
    shown = at.error[0].value.replace("\\", "") if at.error else ""
    assert "the same content is already seeds/articles/" in shown


def test_add_without_a_date_says_what_is_missing(studio: AppTest):
    studio.radio(key="screen").set_value("Add").run()
    studio.text_area(key="text").set_value("A headline\n\nSome text.").run()
    at = studio.button(key="add").click().run()
    assert at.error and "publication date" in at.error[0].value


def test_review_shows_every_candidate_and_accepts_or_rejects_in_one_click(studio: AppTest):
    at = _add(studio)
    at.radio(key="screen").set_value("Review").run()
    assert not at.exception
    rows = at.session_state["rows"]
    assert at.subheader[1].value == f"{len(rows)} candidates"
    kinds = [r.kind for r in rows]
    # 6 figures (one vague), 5 statements, and the launch on New Year's Day as an event.
    assert (kinds.count("indicators"), kinds.count("statements"), kinds.count("events")) == (
        6,
        5,
        1,
    )
    at = at.button(key="accept-0").click().run()
    # That click's run draws what shows the decision only (studio.record), the open figures
    # among it: each offers the accepted figure to restate at once.
    accepted = rows[0].record["indicator_id"]
    figures = [n for n, r in enumerate(rows) if r.kind == "indicators" and r.status == "open"]
    assert figures and all(accepted in at.selectbox(key=f"restates-{n}").options for n in figures)
    at = at.run().button(key="reject-1").click().run()
    rows = at.session_state["rows"]
    assert [r.status for r in rows[:3]] == ["accepted", "rejected", "open"]
    # The span offsets point at the quote in the clean text.
    assert at.session_state["body"][rows[0].start : rows[0].end] == rows[0].record["quote"]


def test_review_before_adding_says_what_to_do(studio: AppTest):
    at = studio.radio(key="screen").set_value("Review").run()
    assert at.info and "Add an article first" in at.info[0].value


def _set_aside_the_rest(at: AppTest, reason: str = "not about the campaign") -> AppTest:
    """On Coverage, give a reason for every sentence not yet coded, one action each."""
    at.radio(key="screen").set_value("Coverage").run()
    while picks := [s for s in at.selectbox if s.key and s.key.startswith("pick-")]:
        at = picks[0].set_value(reason).run()
    return at


def test_save_with_a_blank_shows_the_check_and_changes_nothing(
    studio: AppTest, fixture_seeds: Path, tmp_path: Path
):
    at = _add(studio, SHORT)
    at.radio(key="screen").set_value("Review").run()
    at.selectbox(key="metric-0").set_value("")  # the proposed metric taken away
    at = clicked(at, "accept-0")
    at = _set_aside_the_rest(at)
    at.radio(key="screen").set_value("Save").run()
    at = at.button(key="save").click().run()
    assert at.error and "Nothing was changed" in at.error[0].value
    assert "problem(s) in the input" in at.code[0].value and "metric_id" in at.code[0].value
    assert not list((fixture_seeds / "curated" / "articles").glob("*.yaml"))
    assert not (tmp_path / "monitor.duckdb").exists()
    # Back on Review, each problem sits on its field, in the check's words.
    at = at.radio(key="screen").set_value("Review").run()
    shown = [e.value for e in at.error]
    assert any("required field is missing" in e for e in shown), shown


def test_a_new_speaker_s_kind_shows_as_not_chosen_until_it_is_chosen(studio: AppTest):
    """A speaker typed in as new has no kind or actor type yet: the pickers say so, rather
    than show a first option that is not stored (Save then refused it as missing)."""
    at = _add(studio, SHORT)
    at.radio(key="screen").set_value("Review").run()
    at = at.text_input(key="actor-0-new").set_value("Sok Phalla").run()
    kind, kind_of_actor = (
        at.selectbox(key="a-kind-sok-phalla"),
        at.selectbox(key="a-type-sok-phalla"),
    )
    assert (kind.value, kind_of_actor.value) == (None, None)
    at = kind.set_value("person").run()
    assert at.selectbox(key="a-kind-sok-phalla").value == "person"
    assert at.session_state["made"]["actors"]["sok-phalla"]["kind"] == "person"


def test_save_waits_until_every_sentence_is_covered_or_set_aside(studio: AppTest):
    at = _add(studio, PASSAGES)
    at.radio(key="screen").set_value("Review").run()
    at = clicked(at, "accept-0")
    at.radio(key="screen").set_value("Save").run()
    assert at.button(key="save").disabled
    assert any("not yet coded" in w.value for w in at.warning)


def test_coverage_lists_each_sentence_covered_or_not_yet_coded(studio: AppTest):
    at = _add(studio)
    at.radio(key="screen").set_value("Review").run()
    at = clicked(at, "accept-0")
    at = at.radio(key="screen").set_value("Coverage").run()
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    # Every sentence of the Kratie article attributes words or carries a figure: 10 of them,
    # one covered by the accepted figure.
    assert shown == {"Covered by a record": "1", "Not coded, with a reason": "0",
                     "Not yet coded": "9"}  # fmt: skip
    # Named by its kind and value (stop 45), not its id.
    value = number_text(at.session_state["rows"][0].record["value"])
    assert any(f"Covered by figure {value}." == c.value for c in at.caption)
    assert any("Not yet coded (attributes words" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("The campaign began in January 2017.", "carries a figure: '2017'"),
        ("ប៉ូលិស​កំពត​ឃាត់ខ្លួន​មនុស្ស ១២០ នាក់។", "carries a figure: '១២០'"),
        ("The prison holds nearly 2,100 inmates.", "carries a figure: '2,100'"),
        ("ពន្ធនាគារ​មាន​អ្នកទោស ២.១០០ នាក់។", "carries a figure: '២.១០០'"),
        ("Thousands of people were held in 2016.", "carries a figure: 'Thousands'"),
        ("Police held 5 people.", "carries a figure: '5'"),
        ("He said 40 were held.", "attributes words: 'said'"),
    ],
)
def test_coverage_names_the_whole_number_a_sentence_carries(sentence: str, shown: str):
    """Stop 45's friction 11: the reason a sentence needs coding names its number whole
    (Khmer digits too), never a year's or a longer number's first digit ('2', '១')."""
    [line] = coverage(f"Title\n\n{sentence}\n", [], {})
    assert line.why == shown


@pytest.mark.parametrize("how", ["picked", "typed"])
def test_not_coded_because_is_one_action_per_sentence(studio: AppTest, how: str):
    at = _add(studio, PASSAGES)
    at = at.radio(key="screen").set_value("Coverage").run()
    pick = next(s for s in at.selectbox if s.key.startswith("pick-"))
    start = pick.key.removeprefix("pick-")
    if how == "picked":
        assert "page furniture" in pick.options
        at = pick.set_value("page furniture").run()
        reason = "page furniture"
    else:
        reason = "a caption under the photo, repeated from the text"
        at = at.text_input(key=f"type-{start}").set_value(reason).run()
    assert at.session_state["set_aside"] == {int(start): reason}
    assert any(c.value == f"Not coded, because: {reason}" for c in at.caption)
    assert {m.label: m.value for m in at.metric}["Not coded, with a reason"] == "1"
    # ... and undone in one click.
    at = at.button(key=f"undo-{start}").click().run()
    assert at.session_state["set_aside"] == {}


def test_a_position_on_a_curated_policy_is_reviewed_saved_and_built(
    studio: AppTest, fixture_seeds: Path, tmp_path: Path
):
    # The fixture's policy (community-based treatment in Kampot) lists Chan Vanna's position.
    text = (
        "Kampot police back treatment\n\n"
        "Provincial police chief Sok Dara said he supports community-based treatment of drug "
        "users in Kampot.\n"
    )
    listed = (fixture_seeds / "curated" / "fixture-kampot.yaml").read_bytes()
    at = _add(studio, text)
    at.radio(key="screen").set_value("Review").run()
    rows = at.session_state["rows"]
    n = next(i for i, r in enumerate(rows) if r.kind == "positions")
    assert at.selectbox(key=f"pos-pol-{n}").value == "kampot-community-treatment"
    assert at.selectbox(key=f"actor-{n}").value == "sok-dara"
    assert at.selectbox(key=f"pos-pos-{n}").value == "supports"
    assert at.selectbox(key=f"pos-kind-{n}").value == "reported"
    at = clicked(at, f"accept-{n}")
    at = _set_aside_the_rest(at)
    at.radio(key="screen").set_value("Save").run()
    at = at.button(key="save").click().run()
    assert not at.error, at.code[0].value if at.code else ""
    [saved] = (fixture_seeds / "curated" / "articles").glob("*.yaml")
    [position] = yaml.safe_load(saved.read_text(encoding="utf-8"))["positions"]
    assert (position["policy_id"], position["actor_id"], position["kind"]) == (
        "kampot-community-treatment",
        "sok-dara",
        "reported",
    )
    # The file listing the policy is left as it was: the position is the article's own record.
    assert (fixture_seeds / "curated" / "fixture-kampot.yaml").read_bytes() == listed
    with Reader(tmp_path / "monitor.duckdb") as db:
        on_it = queries.policy_positions(db, policy_ids=["kampot-community-treatment"])
    assert position["position_id"] in set(on_it["position_id"])
    assert set(on_it["actor_id"]) == {"chan-vanna", "sok-dara"}


@pytest.mark.parametrize(
    ("kind", "words", "expected"),
    [
        # The figure's own words: the draft's reading of them (value, metric, dates) kept.
        ("figure", "arrested 1,300 people", {"value": 1300, "metric_id": "arrests-total"}),
        # Reported speech: the article's words, with the speaker the draft found.
        ("statement", "the centre had no doctors", {"kind": "reported", "actor_id": "ouk-srey"}),
        # Words no draft reads as an event: the date its sentence gives ("As of Wednesday"
        # before 11 January 2018), the kind left blank for the curator.
        ("event", "provincial rehabilitation centre",
         {"event_date": dt.date(2018, 1, 10), "kind": None}),
    ],
)  # fmt: skip
def test_a_selected_passage_becomes_a_draft_with_its_offsets(
    studio: AppTest, kind: str, words: str, expected: dict
):
    at = _add(studio, PASSAGES)
    at.radio(key="screen").set_value("Review").run()
    body, before = at.session_state["body"], len(at.session_state["rows"])
    start = body.index(words)
    # What the text component sends when words are selected with the mouse.
    at.session_state["passage"] = (start, start + len(words))
    at.run()
    assert words in [t.value for t in at.text]
    at.radio(key="passage-kind").set_value(kind).run()
    at = at.button(key="passage-draft").click().run()
    assert not at.exception, [e.message for e in at.exception]
    rows = at.session_state["rows"]
    assert len(rows) == before + 1 and at.session_state["passage"] is None
    row = rows[-1]
    assert (row.start, row.end, row.status) == (start, start + len(words), "open")
    assert row.record["quote"] == words == body[row.start : row.end]
    assert {k: row.record[k] for k in expected} == expected
    # Reviewed like any draft: accepted in one click, it covers its sentence.
    at = at.button(key=f"accept-{len(rows) - 1}").click().run()
    assert at.session_state["rows"][-1].status == "accepted"


def test_words_can_be_picked_by_keyboard_too(studio: AppTest):
    at = _add(studio, PASSAGES)
    at.radio(key="screen").set_value("Review").run()
    body = at.session_state["body"]
    pick = at.selectbox(key="kb-sentence")
    sentence = next(i for i, o in enumerate(pick.options) if "Ouk Srey" in o)
    at = pick.set_value(sentence).run()
    at.text_input(key=f"kb-words-{sentence}").set_value("the centre had no doctors").run()
    at = at.button(key="kb-select").click().run()
    start = body.index("the centre had no doctors")
    assert at.session_state["passage"] == (start, start + len("the centre had no doctors"))
    at = at.button(key="passage-draft").click().run()
    assert at.session_state["rows"][-1].record["quote"] == "the centre had no doctors"


@pytest.mark.usefixtures("dates_as_read")  # a draft with its dates filled
def test_a_real_article_saves_minimal_yaml_once_every_sentence_is_accounted_for_and_is_listed(
    studio: AppTest, fixture_seeds: Path, fixture_db: Path, tmp_path: Path
):
    """One Save, read three ways: what the YAML holds (minimal, who and when, the sentences
    set aside with their reasons), the build, and the Changes screen listing each build.
    (A Save's first build of a studio with no database yet: the position's test below.)"""
    db = tmp_path / "monitor.duckdb"
    shutil.copyfile(fixture_db, db)  # build 1: the fixture (the run's, copied)
    records = fixture_seeds / "curated" / "fixture-kampot.yaml"
    doc = yaml.safe_load(records.read_text(encoding="utf-8"))
    doc["events"][0]["title"] = doc["events"][0]["title"] + " (retitled)"
    records.write_text(dump_yaml(doc), "utf-8")
    build(db, fixture_seeds, draw_images=False, reason="Retitled.")  # build 2: one event changed
    at = _add(studio)
    at.radio(key="screen").set_value("Review").run()
    assert at.selectbox(key="metric-0").value == "arrests-total"  # proposed from the words
    # The speaker is new: created in place, role read from the words, organisation typed.
    assert at.selectbox(key="actor-0").value == "chea-rithy"
    assert at.text_input(key="a-role-chea-rithy").value == "provincial police chief"
    at.text_input(key="a-org-chea-rithy").set_value("Kratie provincial police")
    # Sent with the click, as a quick person's typing is: the field's callback makes the
    # click's run the whole screen's, the decision taken there too (studio.record).
    at = at.button(key="accept-0").click().run()
    assert not at.exception, [e.message for e in at.exception]
    at = at.run()
    at = _set_aside_the_rest(at, f"restates {at.session_state['rows'][0].record['indicator_id']}")
    assert {m.label: m.value for m in at.metric}["Not yet coded"] == "0"
    at.radio(key="screen").set_value("Save").run()
    at = at.button(key="save").click().run()  # build 3: the article and its figure added
    assert not at.error, at.code[0].value if at.code else ""
    # Said in one line; the build's report ("built ...") under "What the build said".
    assert at.success and "data version" in at.success[0].value
    assert any(c.value.startswith("read ") and "\nbuilt " in c.value for c in at.code)
    [saved] = (fixture_seeds / "curated" / "articles").glob("*.yaml")
    text = saved.read_text(encoding="utf-8")
    assert "# Last saved by Dara Test at " in text
    record = yaml.safe_load(text)["indicators"][0]
    assert record["value"] == 1300 and record["period_end"] == dt.date(2017, 6, 30)
    assert "phase_id" not in record  # blanks left out: minimal
    assert "# who: added by Dara Test at " in text
    assert at.dataframe[0].value["Who"].tolist()[0] == "Dara Test"
    [actor] = yaml.safe_load(text)["actors"]
    assert (actor["actor_id"], actor["organisation"]) == ("chea-rithy", "Kratie provincial police")
    entries = yaml.safe_load(text)["not_coded"]
    assert len(entries) == 9
    assert entries[0]["reason"].startswith("restates ") and entries[0]["quote"].startswith(
        "About 9,660 drug users"
    )
    at = at.radio(key="screen").set_value("Changes").run()
    assert not at.exception, [e.message for e in at.exception]
    shown = [m.value for m in at.markdown]
    builds = [m for m in shown if m.startswith("**Build ")]
    assert [b.split(" · ")[0] for b in builds] == ["**Build 3**", "**Build 2**", "**Build 1**"]
    assert "Kratie campaign reports 1,300 arrests: added 1 article; added 1 figure" in shown
    assert "Province reports drug arrests: changed 1 event" in shown, shown
    # Beside it, who added which record in the studio.
    assert at.subheader[-1].value == "Recent changes"
    assert at.dataframe[0].value["Who"].tolist()[0] == "Dara Test"


def test_saved_yaml_is_stable():
    records = {"indicators": [{"quote": "q", "indicator_id": "a", "note": None, "value": 1}]}
    first = render_yaml("s", records, "x")
    second = render_yaml("s", records, "x", first)
    assert first.split("\n", 2)[2] == second.split("\n", 2)[2]  # the header has the save time
    body = first.split("\n", 2)[2]
    assert re.fullmatch(r"indicators:\n# who: added by x at \S+\n- indicator_id: a\n  value: 1\n"
                        r"  quote: q\nstatements: \[\]\n", body), body  # fmt: skip


def test_who_and_when_are_kept_per_record_and_listed_as_recent_changes(tmp_path: Path):
    records = {"indicators": [{"indicator_id": "a", "value": 1, "quote": "q"},
                              {"indicator_id": "b", "value": 2, "quote": "r"}]}  # fmt: skip
    first = render_yaml("s", records, "Ann")
    records["indicators"][1]["value"] = 3
    second = render_yaml("s", records, "Bob", first)
    who = {k: w for k, (w, _) in history.read(second).items()}
    assert (who["indicators:a"].added_by, who["indicators:a"].changed_by) == ("Ann", None)
    assert (who["indicators:b"].added_by, who["indicators:b"].changed_by) == ("Ann", "Bob")
    (tmp_path / "s.yaml").write_text(second, encoding="utf-8")
    changes = history.recent(tmp_path)
    assert {(c.by, c.action, c.record_id) for c in changes} == {
        ("Ann", "added", "a"), ("Ann", "added", "b"), ("Bob", "changed", "b")
    }  # fmt: skip
    assert changes[0].action == "changed"  # newest first


# --- the login gate, as deployed (OIDC configured in secrets) ------------------------------

AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8502/oauth2callback",
        "cookie_secret": "not-a-secret",
        "client_id": "studio",
        "client_secret": "not-a-secret",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    },
    "studio": {"editors": ["Editor@Example.org"]},
}


@pytest.mark.parametrize(
    ("user", "sees_add", "message", "way_out"),
    [
        ({"is_logged_in": False}, False, "log in to continue", "login"),
        # A signed-in stranger is stopped, with the way out (the real provider's sign-in is
        # tests/test_studio_review_browser.py's: the address it gives reaches this same list).
        ({"is_logged_in": True, "email": "reader@example.org"}, False, "not on the editors' list",
         "logout"),
        ({"is_logged_in": True, "email": "editor@example.org"}, True, None, None),
    ],
    ids=["logged-out", "not-an-editor", "editor"],
)  # fmt: skip
def test_deployed_studio_lets_in_logged_in_editors_only(
    fixture_seeds: Path, monkeypatch: pytest.MonkeyPatch, user, sees_add, message, way_out
):
    monkeypatch.setenv("STUDIO_SEEDS", str(fixture_seeds))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets = AUTH
    at.user = user
    at.run()
    assert not at.exception
    assert bool([r for r in at.radio if r.key == "screen"]) is sees_add
    shown = [e.value for e in (*at.info, *at.error)]
    if message:
        assert any(message in m for m in shown), shown
    assert [b.key for b in at.button if b.key in ("login", "logout")] == (
        [way_out] if way_out else []
    )
    if sees_add:
        # The signed-in address is who saved; no name to type.
        assert not [t for t in at.text_input if t.key == "editor"]


def test_local_studio_needs_no_login(studio: AppTest):
    assert not studio.exception
    assert studio.radio(key="screen").value == "Open"
    assert not [b for b in studio.button if b.key == "login"]


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        (None, [[0, 38, "open"], [62, 77, "accepted"]]),  # rejected rows are not tinted
        # The selection outlined, the candidate's tint kept either side of it.
        ((10, 20), [[0, 10, "open"], [10, 20, "selected"], [20, 38, "open"], [62, 77, "accepted"]]),
    ],
)
def test_candidates_are_tinted_in_the_clean_text(selected, expected):  # fmt: skip
    body = "Police arrested 1,300 people, he said. **bold** :red[x]\n\nThen 45 traffickers."
    at45 = body.index("45")
    rows = [Row("indicators", {}, 0, 38), Row("indicators", {}, at45, at45 + 15, "accepted"),
            Row("statements", {}, 39, 47, "rejected")]  # fmt: skip
    assert marks(rows, selected) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A Khmer headline has two spaces in it: its words are counted as Khmer is written.
        ("មន្ត្រីសុខាភិបាលខេត្តតាកែវ ស្នើឲ្យព្យាបាលអ្នកញៀននៅសហគមន៍\n\nតាកែវ៖ នគរបាលបានឃាត់ខ្លួនមនុស្ស ១២០ នាក់។",
         "មន្ត្រីសុខាភិបាលខេត្តតាកែវ ស្នើឲ្យព្យាបាលអ្នកញៀននៅសហគមន៍"),
        ("LOGO\nPolice detain 300 in raids\nKampot: police detained 300.",
         "Police detain 300 in raids"),
    ],
)  # fmt: skip
def test_the_title_is_taken_from_the_headline_in_either_script(text, title):
    from studio.session import headline

    assert headline(text) == title


def test_a_build_and_its_changes_are_summed_up_in_khmer(
    fixture_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """Issue 24: an approval in the Khmer studio says what the build did in Khmer (its data
    version, the records it holds, how many warnings), the build's own English shown apart;
    the Changes screen counts each article's changes in Khmer. English says it in one line
    too, the report shown apart."""
    from data_model.i18n import translator
    from etl.__main__ import main
    from studio.changes import build_log
    from studio.publish import build_words

    db = tmp_path / "monitor.duckdb"
    assert main(["--seeds", str(fixture_seeds), "build", "--db", str(db), "--no-images"]) == 0
    log = capsys.readouterr().out
    km, en = translator("km"), translator("en")
    said = build_words(log, km)
    version = re.search(r"^data version (\S+)$", log, re.M)[1]
    assert km.digits(version) in said and "warning" in log
    curated = yaml.safe_load((fixture_seeds / "curated" / "fixture-kampot.yaml").read_bytes())
    figures = len(curated["indicators"])  # the fixture's figures, all from its one article
    assert f"{km.number_text(str(figures))} {km.gettext('figure')}" in said
    assert not re.findall(r"[A-Za-z]{3,}", said), said
    # English too in one line (stop 45: the report as printed, run together into one
    # paragraph, filled the screen); the report itself is shown apart.
    english = build_words(log, en)
    assert "\n" not in english and version in english and f"{figures} indicators" in english
    assert "warning:" not in english and len(english) < len(log) / 3
    [article] = build_log(db)[0].articles
    assert article.said(en) == article.summary and f"added {figures} figures" in article.summary
    assert not re.findall(r"[A-Za-z]{3,}", article.said(km)) and km.gettext("figure") in (
        article.said(km)
    )
    # The second editor's diff names each record by its kind in words, its id as written.
    from studio.screens import _record

    assert _record("indicators:kampot-arrests-march", en) == "indicators:kampot-arrests-march"
    assert _record("indicators:kampot-arrests-march", km) == (
        f"{km.gettext('figure')} · kampot-arrests-march"
    )


def test_the_warm_build_process_a_studio_starts_is_stopped_when_the_tests_end(
    monkeypatch: pytest.MonkeyPatch, fixture_db: Path
):
    """The studio starts a warm build process when it opens (etl.warm), which outlives the
    page and exits only after 15 idle minutes: the test run stops every one it started when it
    ends (pytest_unconfigure, tests/warm_builds.py), the process and its socket gone."""
    path = Path(tempfile.gettempdir()) / f"etl-warm-check-{os.getpid()}.sock"
    monkeypatch.setenv(SOCKET_VARIABLE, str(path))
    # What the studio does when it opens: the server keeps its corpus's models warm.
    store.warm_build(ROOT / "tests" / "fixtures" / "seeds", fixture_db)
    try:
        deadline = time.monotonic() + 120
        # Polled until it listens: it imports the build and reads its corpus first (and until
        # it execs, its process shows the test's own command line, not etl.warm's).
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.exists() and warm_builds.running(path)
    finally:
        warm_builds.stop(path)
    assert not warm_builds.running(path) and not path.exists()
    assert not Path(f"{path}.lock").exists()
