"""Round twenty-six (issue 23): a date inside the words reported ("said that in the first five
months ...", "reported that during the January-May period ...") dates the counts it heads, never
the day the words were said; a day before "that" ("said on Monday that ...") stays the day of the
saying. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows

ROOT = Path(__file__).resolve().parent.parent
CURATED = curated_lists(ROOT / "seeds")
D = dt.date


def _row(text: str, words: str, published: dt.date) -> Row:
    _, rows = draft_rows(text, None, "t", published, CURATED)
    found = [r for r in rows if r.kind == "indicators" and words in r.words]
    assert len(found) == 1, (words, [r.words for r in rows if r.kind == "indicators"])
    return found[0]


SAID_THAT_PERIOD = (
    "The provincial police chief said that in the first four months of this year his officers "
    "had opened 318 drug cases and detained 702 suspects, including 41 women, and seized about "
    "3.5 kilograms of drugs."
)
REPORTED_THAT_RANGE = (
    "The secretariat reported that from February 1 to April 30, 2022, the forces had detained "
    "1,260 suspects in 590 cases."
)


@pytest.mark.parametrize(
    ("text", "published", "words", "start", "end"),
    [
        # The period after "said that" heads the reported clause: every count it heads is of
        # that period, the nearest and the ones coordinated after it.
        (SAID_THAT_PERIOD, D(2019, 5, 9), "318", D(2019, 1, 1), D(2019, 4, 30)),
        (SAID_THAT_PERIOD, D(2019, 5, 9), "702", D(2019, 1, 1), D(2019, 4, 30)),
        (SAID_THAT_PERIOD, D(2019, 5, 9), "41", D(2019, 1, 1), D(2019, 4, 30)),
        (SAID_THAT_PERIOD, D(2019, 5, 9), "3.5 kilograms", D(2019, 1, 1), D(2019, 4, 30)),
        (REPORTED_THAT_RANGE, D(2022, 5, 6), "1,260", D(2022, 2, 1), D(2022, 4, 30)),
        (REPORTED_THAT_RANGE, D(2022, 5, 6), "590", D(2022, 2, 1), D(2022, 4, 30)),
    ],
)
def test_a_period_inside_the_reported_words_dates_its_counts(
    text: str, published: dt.date, words: str, start: dt.date, end: dt.date
) -> None:
    row = _row(text, words, published)
    assert (row.record["period_start"], row.record["period_end"]) == (start, end), row.why


@pytest.mark.parametrize(
    ("text", "published", "words"),
    [
        # The day before "that" is the day the words were said: the count is not that day's.
        (
            "Police said on Monday that 46 people had been detained in the raids.",
            D(2021, 3, 10),
            "46",
        ),
        (
            "The ministry announced on Friday that 2,300 users were in treatment.",
            D(2020, 7, 6),
            "2,300",
        ),
    ],
)
def test_a_day_before_that_stays_the_day_it_was_said(
    text: str, published: dt.date, words: str
) -> None:
    row = _row(text, words, published)
    assert row.record["period_start"] is None and row.record["period_end"] is None, row.why
