"""A ministry named field first is the codebook's ministry named head first, by one rule for a
name looked up and for an article's text (round thirty-eight, tidy38: guess.py and bare_body.py
each wrote it in round thirty-seven). Khmer names a ministry head first already
("ក្រសួងសុខាភិបាល", ministry of health): the structure is English only. Names are our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.body_names import head_first, heads_first
from curation.suggest.guess import curated_lists, guess_actor

ACTORS = curated_lists(Path(__file__).resolve().parent.parent / "seeds").actors


@pytest.mark.parametrize(
    ("name", "turned"),
    [
        ("health ministry", "ministry of health"),  # folded, as guess.py looks names up
        ("the health ministry", "ministry of health"),
        ("Education Ministry", "Ministry of Education"),  # capitals kept
        ("the public works ministry", "ministry of public works"),  # a field of two words
        ("ministry of health", ""),  # head first already
        ("the ministry", ""),  # an article is no field
        ("a ministry", ""),
        ("health ministry official", ""),  # a name whole, never a phrase holding one
    ],
)
def test_a_name_is_turned_head_first_only_when_its_field_comes_first(name: str, turned: str):
    assert head_first(name) == turned


@pytest.mark.parametrize(
    ("text", "turned"),
    [
        ("A Health Ministry official said", "A Ministry of Health official said"),
        ("The Interior Ministry and the Justice Ministry met.",
         "The Ministry of Interior and the Ministry of Justice met."),
        ("The Ministry said", "The Ministry said"),  # no field
        ("An Ministry", "An Ministry"),
        ("the health ministry said", "the health ministry said"),  # no capitals: no name
        ("the Ministry of Health said", "the Ministry of Health said"),
    ],
)  # fmt: skip
def test_an_articles_text_turns_each_name_field_first(text: str, turned: str):
    assert heads_first(text) == turned


@pytest.mark.parametrize(
    ("printed", "name"),
    [("Health Ministry", "Ministry of Health"), ("the Health Ministry", "Ministry of Health")],
)
def test_a_curated_ministry_printed_field_first_is_found(printed: str, name: str):
    """The codebook's own ministry (read from the seeds, not written here) is the one found."""
    curated = [a for a in ACTORS if a.get("name") == name]
    assert len(curated) == 1, f"the seeds name {name!r} once"
    found = guess_actor([printed], ACTORS)
    assert found is not None and found["actor_id"] == curated[0]["actor_id"]
