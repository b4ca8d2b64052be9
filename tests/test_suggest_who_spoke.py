"""Reported words whose speaker the article gives without a name the draft can use (round
twenty-seven (a)). People named by a plural head that opens the sentence speak, unnamed:
"Relatives of men held at the centre say ...", "Officials at two courts told ...": the sentence
is their reported words, described as the article describes them; a clause joined to the
subject, a comma or a body that is no person leaves the reading to the other rules. And "He
added that ..." whose "he" the draft cannot trace to a name is still a person's reported words,
drafted with its speaker blank; "it said" of a thing is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.plural_sources import plural_source
from curation.suggest.records import draft_rows

ROOT = Path(__file__).resolve().parent.parent

# Our own words, one structure each: (what, sentence, the speaker phrase drafted or None when
# the sentence is no statement of such a source).
CASES = [
    (
        "relatives placed by whom they visit, present tense",
        "Relatives of men held at the Chamkar Leu centre say the rooms are so full that the men "
        "sleep in shifts.",
        "Relatives of men held at the Chamkar Leu centre",
    ),
    (
        "officials placed by where they work, a listener after the verb",
        "Officials at three district courts told our researchers that judges were refusing bail "
        "in almost every drug case.",
        "Officials at three district courts",
    ),
    (
        "an adjective and a count before the head",
        "Two former detainees at a centre in Pursat said guards beat them with hoses in front of "
        "the others.",
        "Two former detainees at a centre in Pursat",
    ),
    (
        "placed by a participle",
        "Nurses working in the Kampot health centres say they now see more young users than "
        "they did a year ago.",
        "Nurses working in the Kampot health centres",
    ),
]

# Sentences this rule must leave to the others: (what, sentence, opening of the sentence).
CONTROLS = [
    (
        "a second clause joined to the subject: no description alone",
        "Officials in Kampot arrested twelve people and told reporters that the raids would go on "
        "until the end of the year.",
    ),
    (
        "a body, no people",
        "Reports of abuse at the centre say the guards beat the detainees who tried to run away.",
    ),
    (
        "no word after the head that places them",
        "Relatives say the rooms are so full that the men sleep in shifts.",
    ),
]


@pytest.fixture(scope="module")
def curated() -> Any:
    return curated_lists(ROOT / "seeds")


def _statements(text: str, curated: Any) -> list[Any]:
    article = f"Drug centres\n\n{text}\n"
    _, rows = draft_rows(article, "Drug centres", "t", dt.date(2024, 3, 5), curated)
    return [r for r in rows if r.kind == "statements"]


@pytest.mark.parametrize(("what", "text", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_a_plural_of_people_opening_the_sentence_speaks_unnamed(
    what: str, text: str, phrase: str, curated: Any
) -> None:
    (said,) = _statements(text, curated)
    assert said.record["kind"] == "reported", what
    assert said.record["quote"].startswith(text.split()[0]), what
    assert any(phrase in note and "unnamed" in note for note in said.notes), what
    # The unnamed source a curator would add, described in the article's own words.
    fresh = said.new.get("actors") or {}
    assert (fresh.get("kind"), fresh.get("role")) == ("unnamed", phrase), what
    assert said.record["actor_id"] == fresh["actor_id"], what


@pytest.mark.parametrize(("what", "text"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_the_rule_leaves_other_subjects_alone(what: str, text: str) -> None:
    words = text.split()
    verb = next(k for k, w in enumerate(words) if w in ("say", "said", "told"))
    assert plural_source(words[:verb]) is None, what


# (what, article, the sentence's opening, statements drafted from it)
UNTRACED = [
    (
        "a timeline's entry: the office is named, the person is not",
        "Timeline\n\nAug. 2023 - The new prime minister tells officials to keep up the raids. He "
        "added that users would be sent to health centres rather than to prison.\n",
        "He added that users",
        1,
    ),
    (
        "a live thread's numbered post",
        "Live: the half-year report\n\n5/ The press conference has started.\n\n6/ Asked about "
        "crowding at the provincial centre, he said he would have to check the numbers first.\n",
        "Asked about crowding",
        1,
    ),
    (
        "'it said' of a thing: no person's words",
        "Seizure\n\nPolice said on Monday they had made an arrest. The young man was stopped at a "
        "checkpoint outside Poipet in the afternoon, it said, after a call from villagers.\n",
        "The young man was stopped",
        0,
    ),
]


@pytest.mark.parametrize(("what", "article", "opening", "statements"), UNTRACED,
                         ids=[c[0] for c in UNTRACED])  # fmt: skip
def test_he_said_with_no_name_to_trace_is_drafted_with_its_speaker_blank(
    what: str, article: str, opening: str, statements: int, curated: Any
) -> None:
    _, rows = draft_rows(article, article.splitlines()[0], "t", dt.date(2024, 3, 5), curated)
    said = [r for r in rows if r.kind == "statements" and opening in str(r.record["quote"])]
    assert len(said) == statements, what
    for row in said:  # a blank speaker, never a guess
        assert row.record["kind"] == "reported" and row.record["actor_id"] is None, what
