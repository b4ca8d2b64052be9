"""Round twenty-six (issue 23): a date inside the words reported ("said that in the first five
months ...", "reported that during the January-May period ...") dates the counts it heads, never
the day the words were said; a day before "that" ("said on Monday that ...") stays the day of the
saying. A capacity set against a stock ("held 21,900 at the end of February, against an official
capacity of 11,000") is the capacity on the stock's day. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.drafted import figure

D = dt.date


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
    row = figure(text, words, published)
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
    row = figure(text, words, published)
    assert row.record["period_start"] is None and row.record["period_end"] is None, row.why


@pytest.mark.parametrize(
    ("text", "published", "words", "as_of"),
    [
        # A capacity set against a stock on a named day is the capacity on that day.
        (
            "The province's two prisons held about 3,400 inmates at the end of March, against an "
            "official capacity of roughly 1,500, the rights group said.",
            D(2021, 4, 20),
            "1,500",
            D(2021, 3, 31),
        ),
        (
            "Treatment centres housed 2,150 people at the end of 2022, against a combined capacity "
            "of some 1,300 beds.",
            D(2023, 2, 8),
            "1,300",
            D(2022, 12, 31),
        ),
    ],
)
def test_a_capacity_set_against_a_stock_shares_its_day(
    text: str, published: dt.date, words: str, as_of: dt.date
) -> None:
    row = figure(text, words, published)
    assert row.record["as_of"] == as_of, row.why


@pytest.mark.parametrize(
    ("text", "published", "words"),
    [
        # A count set against another count keeps no date of the other's: "against 530 kg in
        # 2018" is 2018's, and the capacity rule does not reach a count that is not a capacity.
        (
            "Seizures reached 725 kilograms, against 530 kilograms at the end of 2018.",
            D(2020, 1, 20),
            "725",
        ),
    ],
)
def test_a_count_set_against_another_keeps_no_date_of_its(
    text: str, published: dt.date, words: str
) -> None:
    row = figure(text, words, published)
    assert row.record["as_of"] is None and row.record["period_end"] is None, row.why
