"""An unnamed source drafted as the new unnamed actor a curator would add (round twenty-three
(c)): a person described, not named, in the article's words; a pronoun, a document, a body or a
definite "the official" (someone named before) stays blank."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows
from curation.suggest.unnamed import unnamed_source
from data_model.records import Actor

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A prison guard, who asked not to be named, said the cells held twice their number.",
         "A prison guard (unnamed)"),
        ('"We sleep in shifts because there are not enough mats for all of us," said a mother '
         "whose son is held there.", "A mother (unnamed)"),
        ("A district police officer, who spoke on condition of anonymity, said raids were "
         "planned weekly.", "A district police officer (unnamed)"),
        ("The report said the centres were full.", None),
        ("The group said the centres were full.", None),
        ("Sok Lina, a lawyer, said the centres were full.", None),
    ],
)  # fmt: skip
def test_an_unnamed_person_is_drafted_as_a_new_unnamed_actor(text, name):
    _, rows = draft_rows(text, None, "t", dt.date(2024, 5, 2), CURATED)
    (row,) = [r for r in rows if r.kind == "statements"]
    fresh = row.new.get("actors") or {}
    assert (fresh.get("name") if fresh.get("kind") == "unnamed" else None) == name
    if name:  # filled, its description kept whole as its role, its reason saying so
        assert row.record["actor_id"] == fresh["actor_id"]
        assert fresh["role"] in text
        assert row.why["actor_id"].endswith("(a new unnamed source)")
        Actor.model_validate(fresh)  # saved as drafted: a valid unnamed actor


@pytest.mark.parametrize(
    ("phrase", "drafted"),
    [
        ("A guard at Prey Sar, who asked not to be named", True),
        ("Her sister, who attended the hearing", True),
        ("a court clerk who declined to be named", True),
        ("the official", False),  # someone named before
        ("the New York-based group's report", False),  # a document
        ("Two United Nations agencies", False),  # bodies
        ("groups", False),
        ("មន្ត្រីម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ", False),  # its Latin name is the curator's
    ],
)  # fmt: skip
def test_only_a_person_described_not_named_is_an_unnamed_source(phrase, drafted):
    got = unnamed_source(phrase, [f"speaker (unnamed): {phrase}"])
    assert (got is not None) == drafted
    assert unnamed_source(phrase, [f"speaker: {phrase} = someone"]) is None
