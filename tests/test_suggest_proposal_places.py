"""Round thirty-six (issue 23): a new proposal's name keeps the places the sentence names right
after the measure's words ("plans to open two new centres, in Kampong Thom and Pursat"), where
the measure's words stop at the comma; a place before the verb (where it was said), inside the
next measure's words, or after ", and" opening a clause of its own is not its place. Sentences
are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


def _names(sentence: str) -> list[str]:
    text = f"Drug news\n\n{sentence}\n"
    _, rows = draft_rows(text, "Drug news", "t", dt.date(2023, 3, 1), CURATED)
    return [str(r.record["name"]) for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The ministry plans to open two new detox wards, in Kratie and Stung Treng, next year.",
         ["Open two new detox wards, in Kratie and Stung Treng"]),
        # The second measure's place stays with it, after ", and".
        ("The ministry plans to open two new detox wards, in Kratie and Stung Treng, and will "
         "ask the Takeo provincial hall to train 40 nurses.",
         ["Open two new detox wards, in Kratie and Stung Treng", "Train 40 nurses"]),
    ],
    ids=["one measure", "two measures"],
)  # fmt: skip
def test_the_places_after_a_measures_words_are_its_own(sentence: str, wanted: list[str]) -> None:
    assert _names(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # Where it was said, before the verb.
        ("At a ceremony in Siem Reap, Meas Vyrith said the NACD plans to open a hotline for "
         "families.", ["Open a hotline for families"]),
        # A place the measure's words already hold.
        ("The ministry plans to open a detox ward in Kratie, Meas Vyrith said.",
         ["Open a detox ward in Kratie"]),
    ],
    ids=["place before the verb", "place in the words"],
)  # fmt: skip
def test_no_other_place_is_added(sentence: str, wanted: list[str]) -> None:
    assert _names(sentence) == wanted
