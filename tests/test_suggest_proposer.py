"""Round twenty-seven (issue 23): a curated body named as the subject of the verb that puts a
measure forward ("The NACD plans to ...") proposes it, not the official telling of it; a bare
"the authority" after "X said", a modal ("the government should ...") and a person keep the
speaker's guess. Articles are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


def _proposers(sentence: str) -> list[str | None]:
    text = f"Drug news\n\n{sentence}\n"
    _, rows = draft_rows(text, "Drug news", "t", dt.date(2023, 3, 1), CURATED)
    return [r.record["proposed_by"] for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Meas Vyrith said the NACD plans to open a free telephone line for families in 2024.",
            "nacd",
        ),
        (
            "The National Authority for Combating Drugs (NACD) plans to build two new treatment "
            "centres in the north-west, Meas Vyrith said.",
            "nacd",
        ),
        (
            "Ke Kim Yan said the government planned to build a national centre in Kampot.",
            "government-of-cambodia",
        ),
        # Round thirty-six: a dateline's dash before the body, the day between it and "agreed".
        (
            "Phnom Penh, March 3 – The National Authority for Combating Drugs (NACD) on Monday "
            "agreed to open a telephone line for families.",
            "nacd",
        ),
    ],
)
def test_a_named_body_that_plans_proposes_the_measure(sentence: str, wanted: str) -> None:
    assert _proposers(sentence) == [wanted]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # A bare "the authority": which body is the speaker's to say; the speaker is kept.
        (
            "Meas Vyrith said the authority plans to open two more provincial centres in 2024.",
            "meas-vyrith",
        ),
        # A modal names whom the measure is asked of, not who proposes it.
        ("The government should publish the number of detainees every month, Meas Vyrith said.",
         "meas-vyrith"),
        # A person as subject proposes as before.
        ("Ke Kim Yan proposed extending the campaign to the end of the year.", "ke-kim-yan"),
    ],
)  # fmt: skip
def test_other_subjects_keep_the_speakers_guess(sentence: str, wanted: str) -> None:
    assert wanted in _proposers(sentence)
    assert "nacd" not in _proposers(sentence)
