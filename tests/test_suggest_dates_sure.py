"""Round twenty-three (issue 23): a date is filled where its kind was right at least 95% of the
time on articles no rule had been tuned on, and says how sure it is as measured; the sentences
that made offered dates wrong are read by their structure. Sentences are our own. (Khmer by a
non-native author: needs native review.)"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.confidence import unseen_policy
from curation.suggest.confidence import below_threshold, date_class
from curation.suggest.dates import when
from curation.suggest.records import Row
from tests.drafted import figure

D = dt.date
NAMES = ("period_start", "period_end", "as_of")


# What a curator sees: the dates filled in the record, or left blank and offered beside it.
@pytest.mark.parametrize(
    ("text", "published", "words", "filled", "offered"),
    [
        # A Khmer half-year is a period (was classed a year): filled.
        ("ក្នុងឆមាសទី១ ឆ្នាំ២០២៣ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៦០០នាក់។", D(2023, 8, 1), "៦០០",
         (D(2023, 1, 1), D(2023, 6, 30), D(2023, 6, 30)), None),
        # A Khmer year written out: filled.
        ("ក្នុងឆ្នាំ២០២១ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៤០០នាក់។", D(2022, 2, 1), "៤០០",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), None),
        # A Khmer year told by its distance ("last year"): offered, never filled.
        ("កាលពីឆ្នាំមុន នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៤០០នាក់។", D(2022, 2, 1), "៤០០",
         None, (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31))),
        # An English period reached past other words in the figure's clause: filled.
        ("Police arrested 1,240 people and seized 30 kilograms of drugs, officials said on "
         "Friday, in figures covering the first five months of 2022.", D(2022, 6, 10), "1,240",
         (D(2022, 1, 1), D(2022, 5, 31), D(2022, 5, 31)), None),
        # An English year alone next to the figure: filled since round twenty-eight (76 of 80
        # unseen with the twenty-second and twenty-third blind sets).
        ("Police arrested 4,500 people in 2021.", D(2022, 2, 1), "4,500",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), None),
        # An English "last year" with no day or comparison in its sentence: filled since round
        # thirty-one (31 of 32 unseen); a year told by its distance otherwise stays offered.
        ("Police arrested 4,500 people last year.", D(2022, 2, 1), "4,500",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), None),
        # A date after the figure opening a clause of its own ("ហើយ", and then) with its own
        # count dates that count; the figure before keeps its own year.
        ("ក្នុងឆ្នាំ២០២២ អង្គការបានជួបអ្នកប្រើប្រាស់ ៣ ៤១៨នាក់ ហើយក្នុងរយៈពេល ៥ខែដើមឆ្នាំ២០២៣ "
         "ចំនួន ១ ៩០២នាក់។", D(2023, 6, 26), "៣ ៤១៨",
         (D(2022, 1, 1), D(2022, 12, 31), D(2022, 12, 31)), None),
    ],
)  # fmt: skip
def test_a_date_is_filled_where_its_kind_was_sure_unseen(text, published, words, filled, offered):
    row = figure(text, words, published)
    assert tuple(row.record[n] for n in NAMES) == (filled or (None, None, None))
    assert tuple(row.offers.get(n) for n in NAMES) == (offered or (None, None, None))


def test_a_filled_date_says_how_often_its_kind_was_right_unseen():
    row = figure("Police arrested 1,240 people in the first five months of 2022.", "1,240",
               D(2022, 6, 10))  # fmt: skip
    why = row.why["as_of"]
    # The measured share of its kind (English next-to-figure words, a period alone), not the
    # 90% its rule was written with; the counts are data, read here as the draft reads them.
    right, wrong = unseen_policy("dates")["unseen"]["English next-to-figure words: a period, alone"]
    assert why.startswith(f"{right * 100 // (right + wrong)}%: ") and "five months of 2022" in why
    assert not why.startswith("90%")


# Khmer "ពីដើមឆ្នាំមក" (from the start of the year on): where a total starts, never a day's count;
# its end no word gives, so nothing is offered (round twenty-four), the start kept in the reason.
def test_a_khmer_total_from_a_day_on_offers_nothing_but_says_where_it_starts():
    row = figure("បូកសរុបចាប់ពីដើមឆ្នាំមក មាន ១៤១នាក់។", "១៤១", D(2019, 5, 6))
    assert tuple(row.record[n] for n in NAMES) == (None, None, None)
    assert row.offers == {}
    assert "2019-01-01" in row.why["period_start"] and "nothing offered" in row.why["period_start"]


# English words that name no period of the figure's.
@pytest.mark.parametrize(
    ("sentence", "not_dates"),
    [
        # Someone's own first months are no calendar's.
        ("She said one in four new patients stopped coming within their first six months this "
         "year.", (D(2021, 1, 1), D(2021, 6, 30))),
        # The period a change is measured on, a hedge before the percentage.
        ("That is up about 170 percent on the first three months of last year.",
         (D(2020, 1, 1), D(2020, 3, 31))),
    ],
)  # fmt: skip
def test_words_that_date_something_else_do_not_date_the_figure(sentence, not_dates):
    got = when(sentence, D(2021, 10, 20))
    assert (got.period_start, got.period_end) != not_dates


# ... and the words that still do: a campaign's own first months are the calendar's.
def test_a_campaigns_first_months_are_still_its_period():
    row = figure("The campaign, launched on January 1, has filled prisons, with 9,870 people "
               "arrested on drug charges in its first six months.", "9,870", D(2021, 7, 20))  # fmt: skip
    dates = {n: row.record[n] or row.offers.get(n) for n in NAMES}
    assert (dates["period_start"], dates["period_end"]) == (D(2021, 1, 1), D(2021, 6, 30))


# "កាលពីម្សិលមិញ" (yesterday) names a day: no start of a count.
def test_a_khmer_day_after_kal_pi_is_still_a_day():
    row = figure("ជនសង្ស័យចំនួន ៣១នាក់ ត្រូវបានឃាត់ខ្លួន កាលពីម្សិលមិញ។", "៣១", D(2018, 2, 19))
    assert row.offers.get("period_end", row.record["period_end"]) == D(2018, 2, 18)


# The bar is the issue's 95% (of at least 5 unseen dates); a class over it that today's drafts
# got wrong on a training set more than 5% of the time (held_blank) stays offered.
@pytest.mark.parametrize(
    ("right", "wrong", "held", "filled"),
    [(62, 2, False, True), (44, 2, False, True), (61, 4, False, False), (5, 0, True, False),
     (4, 0, False, False)],
)  # fmt: skip
def test_a_dates_kind_fills_past_the_bar_unless_held_blank(monkeypatch, right, wrong, held,
                                                            filled):  # fmt: skip
    policy = {
        "bar": 95,
        "least": 5,
        "rules": {"English words": "^the words next"},
        "kinds": {"a year": r"\d{4}"},
        "unseen": {"English words: a year, alone": [right, wrong]},
        "held_blank_over": 5,
        "held_blank": {"English words: a year, alone": "held_out_9, 1 of 2"} if held else {},
    }
    monkeypatch.setattr("curation.suggest.confidence.dates_policy", lambda: policy)
    why = "90%: the words next to the figure ('2021'); the year 2021"
    row = Row("indicators", {"as_of": D(2021, 12, 31)}, 0, 1, why={"as_of": why})
    below_threshold(row)
    assert (row.record["as_of"] is not None, "as_of" in row.offers) == (filled, not filled)
    if held:
        assert "but wrong on held_out_9, 1 of 2" in row.why["as_of"]
    if filled:
        assert row.why["as_of"].startswith(f"{right * 100 // (right + wrong)}%: ")


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("'ឆមាសទី១ ឆ្នាំ២០២៣', the nearest date in the sentence", "Khmer words: a period, alone"),
        ("'ឆ្នាំមុន', the nearest date in the sentence",
         "Khmer words: a year told by its distance, alone"),
        ("the words next to the figure ('last year'); the year 2021",
         "last year, no day or comparison in its sentence"),
        ("the words next to the figure ('Last year'); the year 2022; 2022-06-26",
         "English next-to-figure words: a year told by its distance, alone"),
        ("the words next to the figure ('so far this year'); the year 2019",
         "English next-to-figure words: a year told by its distance, alone"),
        ("the words next to the figure ('2021'); the year 2021",
         "English next-to-figure words: a year, alone"),
    ],
)  # fmt: skip
def test_a_year_told_by_its_distance_is_a_kind_of_its_own(reason, kind):
    assert date_class(reason) == kind
