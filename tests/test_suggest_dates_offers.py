"""Round twenty-four (issue 23): a date offered beside a blank is right or not offered at all. The
structures that made offers wrong, read by their structure: a period still running at
publication, a running count whose end no word gives, "so far this year" said on a named day, a
date in the clause describing the speaker, Khmer "this year" after a range or quarter, and a
Khmer date joined to its figure by "មាន" (has). Sentences are our own. (Khmer by a non-native
author: needs native review.)"""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.records import Row
from tests.drafted import figure

D = dt.date
NAMES = ("period_start", "period_end", "as_of")
NOTHING = None  # nothing filled and nothing offered


def _taken(row: Row) -> tuple | None:
    """The dates a curator has after one click on the offer (filled ones kept); None when the
    draft filled nothing and offered nothing."""
    if not any(row.record[n] for n in NAMES) and not any(row.offers.get(n) for n in NAMES):
        return NOTHING
    row.take_offer()
    return tuple(row.record[n] for n in NAMES)


@pytest.mark.parametrize(
    ("text", "published", "words", "dates"),
    [
        # A period still running when the article was written: where it ends no word says, and
        # a start alone was never the answer key's date; nothing filled, nothing offered.
        ("Nearly half of the people detained this year were first offenders, the chief said.",
         D(2020, 9, 22), "Nearly half", NOTHING),
        ("ក្នុងខែនេះ នគរបាលស្រុកបានរឹបអូសគ្រឿងញៀនបាន ២១០ក្រាម។", D(2022, 4, 2), "២១០", NOTHING),
        ("ក្នុងឆ្នាំនេះ មណ្ឌលសុខភាពបានទទួលអ្នកប្រើប្រាស់ ៦៥នាក់។", D(2021, 9, 14), "៦៥", NOTHING),
        # A running count "since" a day, its end not given: the keys end it on the day it was
        # said, the day before publication or a month's end; nothing offered.
        ("Since the drive began on January 1, 2017, more than 900 people have been sent to the "
         "provincial centre.", D(2019, 4, 10), "900", NOTHING),
        ("ចាប់តាំងពីខែមករា ឆ្នាំ២០១៩ មក អង្គការបានជួយអ្នកប្រើប្រាស់ ៨៤០នាក់។", D(2020, 6, 26), "៨៤០",
         NOTHING),
        # "so far this year" said on a named day runs to that day; with no day, nothing.
        ("The director said Sunday that 2,100 people had enrolled at the clinics so far this "
         "year.", D(2018, 12, 31), "2,100", (D(2018, 1, 1), D(2018, 12, 30), D(2018, 12, 30))),
        ("A clerk said the court had received 190 drug cases so far this year.", D(2020, 11, 12),
         "190", NOTHING),
        # A date in the clause describing the speaker is the speaker's, never the figure's.
        ("Keo Dara, who has led the provincial police since 2015, said officers had seized 3 "
         "kilogrammes of methamphetamine between January 1 and March 31.", D(2018, 4, 10), "3 kilogrammes",
         (D(2018, 1, 1), D(2018, 3, 31), D(2018, 3, 31))),
        ("The centre held 250 people at the end of May, according to Sok Chan, who has run it "
         "since it moved to the district in 2019.", D(2021, 6, 10), "250",
         (None, None, D(2021, 5, 31))),
        # Khmer "this year" after a range, a quarter or a count of months in words: that year's.
        ("ចាប់ពីខែមករា ដល់ខែឧសភា ឆ្នាំនេះ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៤ ១០០នាក់។", D(2024, 6, 20),
         "៤ ១០០", (D(2024, 1, 1), D(2024, 5, 31), D(2024, 5, 31))),
        ("ក្នុងត្រីមាសទី១ ឆ្នាំនេះ នគរបាលខេត្តបានបង្ក្រាបករណីគ្រឿងញៀន ៧២ករណី។", D(2023, 5, 2), "៧២",
         (D(2023, 1, 1), D(2023, 3, 31), D(2023, 3, 31))),
        ("ក្នុងរយៈពេលបីខែដើមឆ្នាំនេះ នគរបាលបានឃាត់ខ្លួន ៥៦នាក់។", D(2022, 4, 9), "៥៦",
         (D(2022, 1, 1), D(2022, 3, 31), D(2022, 3, 31))),
        # Khmer "DATE មាន N" (DATE has N): the date before "មាន" is the figure's, however near
        # the next one.
        ("ចំនួនករណី៖ ខែឧសភា ឆ្នាំ២០២១ មាន ៣៣ករណី (ខែមេសា ឆ្នាំ២០២១ មាន ២៨ករណី)។", D(2021, 6, 7),
         "៣៣", (D(2021, 5, 1), D(2021, 5, 31), D(2021, 5, 31))),
    ],
)  # fmt: skip
def test_an_offer_is_right_or_not_made(text, published, words, dates):
    assert _taken(figure(text, words, published)) == dates
