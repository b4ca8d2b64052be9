"""The studio's drafts on made-up articles: metric, actor, topic and stance proposed from the
words, money in a declared unit, quotes without the 'he said' tail, proposals and events."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.guess import Curated
from curation.suggest.records import Row, draft_rows
from data_model.records import ID_FIELDS, RECORD_KINDS
from studio.passage import KINDS, passage_row, trimmed
from studio.review import accepted

PUBLISHED = dt.date(2018, 3, 8)
CURATED = Curated(
    metrics=[
        {"metric_id": "arrests-total", "label": "Total arrests", "unit": "people"},
        {"metric_id": "arrests-users", "label": "Drug users arrested", "unit": "people"},
        {"metric_id": "arrests-traffickers", "label": "Alleged traffickers arrested",
         "unit": "people"},
        {"metric_id": "drugs-seized-kg", "label": "Drugs seized", "unit": "kg"},
    ],
    actors=[
        {"actor_id": "nacd", "name": "National Authority for Combating Drugs", "aliases": ["NACD"],
         "kind": "organisation", "actor_type": "government"},
        {"actor_id": "sok-dara", "name": "Sok Dara", "aliases": ["Dara"], "kind": "person",
         "actor_type": "police"},
    ],
    policies=[
        {"policy_id": "voluntary-clinics", "name": "More voluntary treatment clinics",
         "description": "Open voluntary treatment clinics in every province."},
    ],
    phases=[],
    units=[],
)  # fmt: skip


def _rows(*paragraphs: str) -> list[Row]:
    raw = "A made-up headline\n\n" + "\n\n".join(paragraphs) + "\n"
    return draft_rows(raw, "A made-up headline", "made-up", PUBLISHED, CURATED)[1]


def _one(rows: list[Row], kind: str) -> Row:
    [row] = [r for r in rows if r.kind == kind]
    return row


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        ("Police arrested 1,300 people in the first two months, Sok Dara said.", "arrests-total"),
        ("About 960 drug users had been held by the end of February, Sok Dara said.",
         "arrests-users"),
        ("Police said 45 traffickers were arrested last month.", "arrests-traffickers"),
        ("Officers seized 24kg of methamphetamine, Sok Dara said.", "drugs-seized-kg"),
    ],
)  # fmt: skip
def test_the_metric_is_proposed_from_the_words(sentence: str, metric: str):
    row = _one(_rows(sentence), "indicators")
    assert row.record["metric_id"] == metric and "metrics" not in row.new


def test_money_gets_a_money_unit_and_a_new_metric_draft():
    row = _one(
        _rows("The donor pledged a $1 million fund for clinics, Sok Dara said."), "indicators"
    )
    assert row.record["value"] == 1_000_000
    assert row.new["metrics"]["unit"] == "usd"  # declared in units.yaml, with its currency
    assert row.record["metric_id"] == row.new["metrics"]["metric_id"]
    row.status = "accepted"
    saved = accepted([row])
    assert [m["metric_id"] for m in saved["metrics"]] == [row.record["metric_id"]]


def test_a_figure_according_to_a_report_by_a_body_is_attributed_to_that_body():
    row = _one(
        _rows(
            "About 9,660 drug users were held, according to a report by the National "
            "Authority for Combating Drugs."
        ),  # fmt: skip
        "indicators",
    )
    assert row.record["attribution"].startswith("a report by the National Authority")
    assert row.record["actor_id"] == "nacd"


def test_a_direct_quote_keeps_the_speakers_words_without_the_said_tail():
    row = _one(_rows("“We cannot arrest our way out of this,” Heng Vanna said."), "statements")
    assert row.record["quote"] == "We cannot arrest our way out of this"
    assert row.record["kind"] == "direct"


def test_a_new_speaker_is_offered_as_a_new_actor_with_role_and_organisation():
    rows = _rows("Kim Khoeun, chief of the ministry's secretariat, warned that those "
                 "convicted would go to prison.")  # fmt: skip
    row = _one(rows, "statements")
    actor = row.new["actors"]
    assert (actor["actor_id"], actor["name"]) == ("kim-khoeun", "Kim Khoeun")
    assert actor["role"] == "chief of the ministry's secretariat"
    assert actor["actor_type"] == "government"
    assert row.record["actor_id"] == "kim-khoeun"
    assert (row.record["topic"], row.record["stance"]) == ("prisons", "supportive")


@pytest.mark.parametrize(
    ("sentence", "topic", "stance"),
    [
        ("Rights worker Heng Vanna said that the rehabilitation centres were overcrowded and had "
         "no doctors.", "rehabilitation", "critical"),
        ("Sok Dara told reporters that the raids would continue until the end of the year.",
         "arrests", "supportive"),
    ],
)  # fmt: skip
def test_topic_and_stance_are_proposed_with_the_reason(sentence: str, topic: str, stance: str):
    row = _one(_rows(sentence), "statements")
    assert (row.record["topic"], row.record["stance"]) == (topic, stance)
    assert any(n.startswith(f"stance {stance}: ") for n in row.notes)


def test_a_topic_two_subjects_share_is_left_blank_and_says_so():
    """Crowded centres are the words of prisons and of rehabilitation alike: the draft fills
    no topic (such ties were right under half the time) and its note says why."""
    row = _one(_rows("Rights worker Heng Vanna said that the centres were overcrowded and had "
                     "no doctors."), "statements")  # fmt: skip
    assert row.record["topic"] is None and row.record["stance"] == "critical"
    assert any(n.startswith("topic ") and "two topics" in n for n in row.notes)


def test_a_call_for_a_new_measure_is_a_new_policy_draft():
    rows = _rows("Governor Men Sithan proposed a drug-testing programme for all bus drivers.")
    policy = _one(rows, "policies").record
    assert policy["proposed_by"] == "men-sithan" and policy["status"] == "proposed"
    assert policy["quote"].startswith("Governor Men Sithan proposed")


def test_a_position_on_a_curated_measure_is_a_position_record_of_the_article():
    rows = _rows("Sok Dara urged provinces to open more voluntary treatment clinics.")
    position = _one(rows, "positions")
    assert position.record | {"position_id": "-"} == {
        "position_id": "-",
        "policy_id": "voluntary-clinics",
        "actor_id": "sok-dara",
        "actor_role": None,
        "position": "supports",
        "source_id": "made-up",
        "relayed_by": None,
        "quote": "Sok Dara urged provinces to open more voluntary treatment clinics.",
        "kind": "reported",  # the article's words, not in quotation marks
    }
    assert position.status == "open"  # reviewed and saved like any other record
    position.status = "accepted"
    assert accepted([position])["positions"] == [position.record]


def test_a_dated_event_is_drafted_with_its_date_and_kind():
    event = _one(_rows("The campaign began on January 1, 2018, officials said."), "events").record
    assert (event["event_date"], event["kind"]) == (dt.date(2018, 1, 1), "launch")


def test_a_sentence_without_a_date_gives_no_event():
    assert not [r for r in _rows("The campaign began with raids, officials said.") if
                r.kind == "events"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_selection_no_draft_reads_gives_every_field_blank_but_what_the_words_tell(name: str):
    raw = "A made-up headline\n\nThe market reopened yesterday after the holiday.\n"
    body, drafted = draft_rows(raw, "A made-up headline", "made-up", PUBLISHED, CURATED)
    start = body.index("market reopened")
    end = start + len("market reopened")
    row = passage_row(body, start, end, name, drafted, "made-up", PUBLISHED, {"made-up-x"})
    kind = KINDS[name]
    assert (row.kind, row.start, row.end, row.status) == (kind, start, end, "open")
    assert set(row.record) == set(RECORD_KINDS[kind].model_fields)  # nothing the model lacks
    assert row.record["quote"] == "market reopened"
    assert row.record[ID_FIELDS[kind]].startswith("made-up-")
    # Nothing invented: no figure, speaker, stance or kind of event read into these words.
    for field in ("value", "metric_id", "actor_id", "proposed_by", "stance", "position"):
        assert row.record.get(field) is None, field
    if kind == "events":  # "yesterday" in an article of 8 March 2018
        assert row.record["event_date"] == dt.date(2018, 3, 7) and row.record["kind"] is None


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 10, (0, 10)),  # "Some words"
        (4, 17, (5, 15)),  # white space either side left out
        (10, 5, (5, 10)),  # selected backwards
        (15, 19, None),  # only white space
        (0, 2, None),  # shorter than a quote may be
    ],
)
def test_a_selection_is_trimmed_to_its_words(start: int, end: int, expected):
    assert trimmed("Some words here  \n\nmore", start, end) == expected


#: "លោក ស្រុក ខេត្ត" (a title, district, province): ស្រុ is a base, a coeng, a subscript and a
#: vowel sign; ខេត្ត ends with a subscript ta.
KHMER = "លោក ស្រុក ខេត្ត"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (4, 9, (4, 9)),  # whole words stay as they are
        (6, 9, (4, 9)),  # began on the subscript: the cluster's base and coeng come too
        (5, 9, (4, 9)),  # began on the coeng
        (4, 7, (4, 8)),  # stopped before the vowel sign: it comes too
        (10, 14, (10, 15)),  # stopped between the coeng and its subscript
        (1, 3, (0, 3)),  # began on a vowel sign
    ],
)
def test_a_selection_never_cuts_a_khmer_cluster(start: int, end: int, expected):
    """A mouse can stop inside a Khmer syllable; the quote kept holds whole clusters."""
    assert trimmed(KHMER, start, end) == expected
