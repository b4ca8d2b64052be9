"""Drafts date their figures from the words, against the publication date, or leave a blank."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from curation.suggest.dates import When, read_dates, when
from curation.suggest.numbers import find_figures
from curation.suggest.sentences import split_sentences
from data_model.records import DatePrecision

D = dt.date
# A Thursday: "on Wednesday" is the day before, "last month" December 2017.
PUBLISHED = D(2018, 1, 11)
DAY, MONTH, YEAR = DatePrecision.day, DatePrecision.month, DatePrecision.year


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A day's count covers that day.
        (
            "Police arrested 30 people yesterday.",
            When(D(2018, 1, 10), D(2018, 1, 10), D(2018, 1, 10), precision=DAY),
        ),
        (
            "Officers held 12 people on Wednesday in Kampot.",
            When(D(2018, 1, 10), D(2018, 1, 10), D(2018, 1, 10), precision=DAY),
        ),
        (
            "Arrests rose to 400 last month.",
            When(D(2017, 12, 1), D(2017, 12, 31), D(2017, 12, 31), precision=MONTH),
        ),
        (
            "About 9,660 users were held last year.",
            When(D(2017, 1, 1), D(2017, 12, 31), D(2017, 12, 31), precision=YEAR),
        ),
        (
            "In 2017, 1,200 were sent to rehabilitation.",
            When(D(2017, 1, 1), D(2017, 12, 31), D(2017, 12, 31), precision=YEAR),
        ),
        (
            # Unsaid year: the latest first half that had ended by publication.
            "In the first six months, 4,000 were arrested.",
            When(D(2017, 1, 1), D(2017, 6, 30), D(2017, 6, 30), precision=MONTH),
        ),
        (
            "Police arrested 2,400 in the first three months of 2017.",
            When(D(2017, 1, 1), D(2017, 3, 31), D(2017, 3, 31), precision=MONTH),
        ),
        # A period after publication is a misreading: left blank, never filled.
        ("Police arrested 2,400 in the first three months of 2019.", When()),
        (
            "The campaign netted 17,800 people through mid-December last year.",
            When(period_end=D(2017, 12, 15), as_of=D(2017, 12, 15), precision=MONTH),
        ),
        ("As of Wednesday, 510 remained in custody.", When(as_of=D(2018, 1, 10), precision=DAY)),
        (
            # A running count since a day, no day given for it: its end left blank, and nothing
            # offered for it (round twenty-four: the keys end such counts on different days).
            "Since the launch on New Year's Day, 1,055 people have been arrested.",
            When(D(2018, 1, 1), precision=DAY),
        ),
        (
            # Said on Monday: the day of the speech, not of the figure.
            "Police held 80 people, the chief said on Monday.",
            When(said_on=D(2018, 1, 8)),
        ),
        (
            "On February 23, 40 were held.",
            When(D(2017, 2, 23), D(2017, 2, 23), D(2017, 2, 23), precision=DAY),
        ),
        # A stock on a day is as of that day only.
        ("The prisons held 650 on Wednesday.", When(as_of=D(2018, 1, 10), precision=DAY)),
        # The end of a year dates a stock on that day, never the whole year.
        (
            "Centres held 2,310 people at the end of 2016.",
            When(as_of=D(2016, 12, 31), precision=DAY),
        ),
        (
            "Centres held 2,900 people by the end of last year.",
            When(as_of=D(2017, 12, 31), precision=DAY),
        ),
        # "Last week" names no day: blank, not the Monday-to-Sunday before publication.
        ("Officers burnt 75 kg of heroin last week.", When()),
        # The year of the amount set against is not the figure's.
        ("Customs seized 3 tonnes, twice the amount seized in 2016.", When()),
        (
            # A running count from cited figures of a day not given: its start only.
            "Since the crackdown began in January 2017, at least 4,100 people have been sent to "
            "centres, according to health ministry figures.",
            When(period_start=D(2017, 1, 1), precision=MONTH),
        ),
        # "in May" is the month ("may" alone is a verb).
        (
            "Courts jailed 35 traffickers in May.",
            When(D(2017, 5, 1), D(2017, 5, 31), D(2017, 5, 31), precision=MONTH),
        ),
        # When a place opened, and "mid-2016", date no figure.
        ("The clinic, opened in 2016, treats 300 users.", When()),
        ("By mid-2016, 300 users had been treated.", When()),
        (
            # A running count given "in December", on no day: its start only.
            "Since 2017, 9,100 people have been arrested, officials said in December.",
            When(period_start=D(2017, 1, 1), precision=YEAR),
        ),
        # "a rise from January" sets January against the figure; "an operation that ended on
        # Wednesday" ends its period that day.
        ("Arrests rose 9 percent from January.", When()),
        (
            "Police held 120 people in an operation that ended on Wednesday.",
            When(period_end=D(2018, 1, 10), as_of=D(2018, 1, 10), precision=DAY),
        ),
        # No date in the words: every field blank, never the publication date.
        ("There were 12 cases.", When()),
        ("He may go home after 20 days.", When()),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_dates_are_read_against_the_publication_date(sentence: str, expected: When):
    got = when(sentence, PUBLISHED)
    assert (got.period_start, got.period_end, got.as_of, got.said_on, got.precision) == (
        expected.period_start,
        expected.period_end,
        expected.as_of,
        expected.said_on,
        expected.precision,
    )
    offered = got.offer.period_end if got.offer else None
    assert offered == (expected.offer.period_end if expected.offer else None)


@pytest.mark.parametrize(
    ("sentence", "words", "other", "dates"),
    [
        # Each stock takes the day written right after it, not the one nearest by letters.
        ("Drug detainees rose from 6,050 at the end of 2015 to 9,800 at the end of November.",
         "6,050", "9,800", (None, None, D(2015, 12, 31))),
        ("Drug detainees rose from 6,050 at the end of 2015 to 9,800 at the end of November.",
         "9,800", "6,050", (None, None, D(2017, 11, 30))),
        # A date between two figures follows the one before it ...
        ("Police held 410 people last month and 380 the month before.", "410", "380",
         (D(2017, 12, 1), D(2017, 12, 31), D(2017, 12, 31))),
        # ... unless it leads a clause of its own.
        ("In 2016, 2,200 users were treated and, in 2017, 3,100.", "3,100", "2,200",
         (D(2017, 1, 1), D(2017, 12, 31), D(2017, 12, 31))),
        # A figure whose own date words are not resolved is blank, never another's date.
        ("Police held 410 people last month and 380 the month before.", "380", "410",
         (None, None, None)),
        ("Seizures reached 95 kg in December and 60 kg a year earlier.", "60 kg", "95 kg",
         (None, None, None)),
        ("Officials counted 2,200 users in 2017 and 1,400 two years ago.", "1,400", "2,200",
         (None, None, None)),
        # A new clause opened before a date runs on to the next figure.
        ("Police burnt 700 kg on Wednesday, bringing the total burnt since 2017 to 9,000 kg.",
         "700 kg", "9,000 kg", (D(2018, 1, 10), D(2018, 1, 10), D(2018, 1, 10))),
    ],
)  # fmt: skip
def test_each_figure_takes_only_its_own_date_words(sentence: str, words: str, other: str, dates):
    at, them = sentence.index(words), sentence.index(other)
    got = when(sentence, PUBLISHED, (at, at + len(words)), [(them, them + len(other))])
    assert (got.period_start, got.period_end, got.as_of) == dates
    assert (got.confidence > 0) == any(dates), got.reason


@pytest.mark.parametrize(
    ("sentence", "words", "others", "dates"),
    [
        # "since the start of the year" starts a running count that ends on the day it is given;
        # the count set against it ("more than the 1,020 ... in 2016") lends it no date.
        ("Provincial police have held 1,310 people since the start of the year, more than the "
         "1,020 held in the whole of 2016, the chief told reporters on Tuesday.",
         "1,310", ["1,020"], (D(2018, 1, 1), D(2018, 1, 9), D(2018, 1, 9))),
        ("Provincial police have held 1,310 people since the start of the year, more than the "
         "1,020 held in the whole of 2016, the chief told reporters on Tuesday.",
         "1,020", ["1,310"], (D(2016, 1, 1), D(2016, 12, 31), D(2016, 12, 31))),
        # A part's day ("including 3 kg ... on Monday") never dates the whole before it.
        ("Customs officers seized over 14 kg of drugs in the fortnight, including 3 kg of "
         "heroin taken at a border post on Monday.", "14 kg", ["3 kg"], (None, None, None)),
        ("Customs officers seized over 14 kg of drugs in the fortnight, including 3 kg of "
         "heroin taken at a border post on Monday.", "3 kg", ["14 kg"],
         (D(2018, 1, 8), D(2018, 1, 8), D(2018, 1, 8))),
        # A date after the breakdown's comma is the whole sentence's.
        ("Police handled 950 cases and arrested 2,100 suspects, including 140 women, in the "
         "first half of 2017.", "2,100", ["950", "140"],
         (D(2017, 1, 1), D(2017, 6, 30), D(2017, 6, 30))),
        # Coordinated counts share the whole date phrase, both of its ends.
        ("Officers have detained 880 suspects in 395 cases from January 1 up to Tuesday.",
         "880", ["395"], (D(2018, 1, 1), D(2018, 1, 9), D(2018, 1, 9))),
    ],
)  # fmt: skip
def test_a_figure_borrows_no_date_across_a_comparison_or_a_breakdown(
    sentence: str, words: str, others: list[str], dates
) -> None:
    at = sentence.index(words)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    got = when(sentence, PUBLISHED, (at, at + len(words)), spans)
    assert (got.period_start, got.period_end, got.as_of) == dates, got.reason


@pytest.mark.parametrize(
    ("sentence", "words", "confidence", "shown"),
    [
        # The studio shows how sure each filled date is and the words it rests on; a year the
        # words leave out (taken as the latest before publication) makes it less sure.
        ("Police held 640 people in November 2017.", "640", 0.9, "'November 2017'"),
        ("Police held 640 people in November.", "640", 0.8, "the year not written"),
        ("In 2016, police held 640 people and seized 80 kg.", "80 kg", 0.7, "'2016'"),
        ("Police held 640 people.", "640", 0.0, "left blank"),
    ],
)
def test_each_date_says_how_sure_it_is_and_why(sentence, words, confidence, shown):
    at = sentence.index(words)
    others = [(m.start(), m.end()) for m in re.finditer(r"\b\d+ (?:people|kg)", sentence)]
    got = when(sentence, PUBLISHED, (at, at + len(words)), [o for o in others if o[0] != at])
    assert round(got.confidence, 2) == confidence and shown in got.reason


def test_without_a_publication_date_nothing_is_resolved():
    assert when("Police arrested 30 people yesterday.", None) == When()


def test_each_reading_keeps_its_words_and_offsets():
    sentence = "Officials said on Wednesday that 300 were held in March."
    readings = read_dates(sentence, PUBLISHED)
    assert [sentence[r.start : r.end] for r in readings] == ["Wednesday", "March"]
    assert [r.role for r in readings] == ["said", "period"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "About 9,660 drug users and 8,200 traffickers were held.",
            [(9660, "approx", False), (8200, "approx", False)],
        ),
        (
            "Nearly 300 users, 120 dealers and 40 growers were held.",
            [(300, "approx", False), (120, "approx", False), (40, "approx", False)],
        ),
        # A new clause does not share the hedge.
        (
            "More than 200 people were arrested and 50 were released.",
            [(200, "more_than", False), (50, "exact", False)],
        ),
        # Vague words are flagged as vague, and the draft offers no number for them.
        ("Thousands of users went untreated.", [(2000, "at_least", True)]),
        (
            "Hundreds of dealers and 40 growers were held.",
            [(200, "at_least", True), (40, "exact", False)],
        ),
    ],
)
def test_a_hedge_is_shared_by_coordinated_numbers_and_vague_words_are_flagged(
    sentence: str, expected: list[tuple[float, str, bool]]
):
    sentences, _ = split_sentences(sentence)
    got = [(f.value, f.qualifier.value, f.vague) for f in find_figures(sentences)]
    assert got == expected
