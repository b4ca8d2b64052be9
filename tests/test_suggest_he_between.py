"""Round twenty-eight (issue 23): "he said" is carried back to the last person who spoke only
when no other person is named in the sentences between; with one named there, the speaker is
left blank (it may be either). A place or a body named between changes nothing. Articles are
our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
_FIRST = (
    'Interior Minister Sar Kheng opened the review meeting in Phnom Penh on Monday. "The '
    'campaign will go on until the networks are broken," Sar Kheng said.'
)
_LAST = '"We will send the users to treatment and the traffickers to court," he said.'


def _speaker_of_last(between: str) -> str | None:
    text = f"Drug review\n\n{_FIRST}\n\n{between}\n\n{_LAST}\n"
    _, rows = draft_rows(text, "Drug review", "t", dt.date(2019, 3, 5), CURATED)
    said = [r for r in rows if r.kind == "statements" and "users to treatment" in r.record["quote"]]
    assert len(said) == 1
    return said[0].record["actor_id"]


@pytest.mark.parametrize(
    "between",
    [
        "Meas Vyrith, who sat beside him, had given the year's arrest totals an hour earlier.",
        "Later in the morning Ke Kim Yan handed certificates to twelve provincial officers.",
    ],
)
def test_another_person_named_between_leaves_he_blank(between: str) -> None:
    assert _speaker_of_last(between) is None


@pytest.mark.parametrize(
    "between",
    [
        # No one named: "he" is the last speaker, as before.
        "The meeting lasted four hours and ended with a vote.",
        # A province and a ministry named: places and bodies are no other person.
        "Officials from Banteay Meanchey and the Interior Ministry sat in the front rows.",
    ],
)
def test_no_other_person_between_carries_he_to_the_last_speaker(between: str) -> None:
    assert _speaker_of_last(between) == "sar-kheng"
