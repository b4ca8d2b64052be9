"""Round thirty-six (issue 23): a date class right on nearly every training set is filled, not
only one never wrong. A class with wrong offers fills when it is right on 95% of them in all
(round thirty-six: 90; round thirty-seven: the blind sets' bar) and, on each set it was wrong on,
wrong once at most and (offered there more than twice) right on 95% (corpus/confidence.yaml
dates.training_share, training_folder_share, training_folder_wrong, and the sets it was wrong
on, training_wrong_on); its reason then says so ("wrong on 1 of them, once at most on each") and
its confidence counts its wrong offers. Round thirty-eight: which classes the record fills is
read from corpus/confidence.yaml (training's growth moves classes across the bar: with
held_out_32, an English year told by its distance, 15 of 16, fell under it), and a structure is
asserted as a curator sees it: filled with its record's reason, or blank with the dates offered.
Sentences are our own (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.confidence import dates_policy, mostly_right, training_sure
from tests.drafted import assert_dated_by_record, figure, training_record

D = dt.date
NAMES = ("period_start", "period_end", "as_of")
NONE = (None, None, None)
RULE = {"training_share": 95, "training_folder_share": 95, "training_folder_wrong": 1}


@pytest.mark.parametrize(
    ("right", "wrong", "per_set", "fills"),
    [
        # One wrong, alone on its set: 32 of 33.
        (32, 1, {"set a": [0, 1]}, True),
        # One wrong on a set of twenty (95% there).
        (40, 1, {"set a": [19, 1]}, True),
        # Wrong once on a set where it was offered three times: 67% there.
        (32, 1, {"set a": [2, 1]}, False),
        # Wrong twice on one set.
        (32, 2, {"set a": [0, 2]}, False),
        # Each wrong alone on its set, but 10 of 12 in all: under 90%.
        (10, 2, {"set a": [0, 1], "set b": [0, 1]}, False),
        # Round thirty-seven: one wrong alone on its set, 17 of 18 in all (94%): under the 95%
        # share in all (at 90 it filled; the blind sets were wrong 1 in 6 on such fills).
        (17, 1, {"set a": [0, 1]}, False),
        # A wrong the record does not place on a set.
        (32, 1, {}, False),
    ],
)  # fmt: skip
def test_a_class_with_wrong_offers_fills_only_when_right_on_nearly_every_set(
    right, wrong, per_set, fills
):
    policy = {**RULE, "training_wrong_on": {"a class": per_set}}
    assert mostly_right(policy, "a class", right, wrong) is fills


@pytest.mark.parametrize(
    "name",
    [
        "refers back, Khmer 'among': a whole period",  # 32 of 33 on 16 sets at round 36
        "English next-to-figure words: a day, alone, a whole period to that day",  # 17 of 18
        "English next-to-figure words: a year told by its distance, alone, no calendar day",
        "refers back",  # the rest: wrong twice on held_out_10
        "English nearest-in-clause words: a year, alone",  # 5 sets only
    ],
)  # fmt: skip
def test_a_class_is_sure_only_when_its_training_record_is_listed_and_passes(name):
    # Round thirty-eight: which classes the record fills changes as training grows (two failed
    # with held_out_32 in it), so the test reads the record: listed, and passing the rule.
    line = dates_policy()["training"].get(name)
    policy = dates_policy()
    passes = bool(line) and line[0] >= policy["training_least"] and (
        line[2] >= policy["training_sets"]) and (not line[1] or mostly_right(
            policy, name, line[0], line[1]))  # fmt: skip
    assert bool(training_sure(name)) is passes
    assert training_sure(name) == ((line[0], line[2]) if passes else None)


@pytest.mark.parametrize(
    ("right", "wrong", "fills"),
    [(32, 1, True), (17, 1, False), (18, 1, False), (19, 1, True)],  # 97%, 94%, 94.7%, 95%
)  # fmt: skip
def test_the_corpus_rule_needs_the_blind_bar_in_all(right, wrong, fills):
    # Round thirty-seven: corpus/confidence.yaml's own share, the 95% a class needs unseen.
    policy = {**dates_policy(), "training_wrong_on": {"a class": {"set a": [0, 1]}}}
    assert mostly_right(policy, "a class", right, wrong) is fills


def test_every_wrong_offer_of_a_listed_class_is_placed_on_a_set():
    policy = dates_policy()
    for name, (right, wrong, _sets) in policy["training"].items():
        if wrong:
            assert mostly_right(policy, name, right, wrong), name


MARCH_22 = (D(2022, 3, 1), D(2022, 3, 31), D(2022, 3, 31))
YEAR_16 = (D(2016, 1, 1), D(2016, 12, 31), D(2016, 12, 31))
AMONG = "refers back, Khmer 'among': a whole period"
DISTANCE = "English next-to-figure words: a year told by its distance, alone, no calendar day"


@pytest.mark.parametrize(
    ("text", "published", "words", "dates", "name"),
    [
        # A Khmer "among those" after a count of March: March.
        ("ក្នុងខែមីនា ឆ្នាំ២០២២ នគរបាលបានឃាត់ខ្លួនមនុស្ស ៨០នាក់។ ក្នុងចំណោមអ្នកទាំងនោះ "
         "មានស្ត្រី ៩នាក់។", D(2022, 4, 8), "៩នាក់", MARCH_22, AMONG),
        # An English year told by its distance beside a comparison: that year.
        ("Police seized 2.4 tonnes of drugs in 2019, up from 1.2 tonnes a year earlier, the "
         "authority said.", D(2020, 2, 3), "1.2 tonnes",
         (D(2018, 1, 1), D(2018, 12, 31), D(2018, 12, 31)), DISTANCE),
        # Round thirty-eight: the same beside a weekday the words were said on ...
        ("Police in Takeo arrested 900 people last year, the chief said on Monday, against 700 "
         "in 2015.", D(2017, 6, 6), "900", YEAR_16, DISTANCE),
        # ... but a count running since an event in its own sentence has a span of its own: the
        # year told by its distance is its comparison's ("well past the whole of last year"),
        # the class's rest, never filled by it.
        ("Police in Takeo have arrested more than 900 people since the campaign began, the chief "
         "said on Monday, well past the count for the whole of last year.", D(2017, 6, 6), "900",
         YEAR_16, "English next-to-figure words: a year told by its distance, alone"),
        # A Khmer day alone ("yesterday"): the day before publication.
        ("កាលពីម្សិលមិញ នគរបាលបានឃាត់ខ្លួនមនុស្ស ១៥នាក់។", D(2023, 7, 5), "១៥នាក់",
         (D(2023, 7, 4), D(2023, 7, 4), D(2023, 7, 4)), "Khmer words: a day, alone"),
        # An English whole month next to the figure, its year written.
        ("Police arrested 640 people in drug cases in May 2021, the provincial police said.",
         D(2021, 6, 9), "640", (D(2021, 5, 1), D(2021, 5, 31), D(2021, 5, 31)),
         "English next-to-figure words: a month, alone, a whole period, no comparison's base"),
    ],
)  # fmt: skip
def test_a_class_the_record_fills_is_filled_and_says_its_record(
    text, published, words, dates, name
):
    # Filled with its record ("right 32 of 33 on 16 training sets, wrong on 1 of them") when
    # corpus/confidence.yaml fills the class today; else offered, blank, one click away.
    row = figure(text, words, published)
    assert_dated_by_record(row, dates, name)
    record = training_record(name)
    if record and record[1]:  # its confidence counts the wrong one and one more
        assert int(row.why["as_of"].split("%")[0]) < 95


@pytest.mark.parametrize(
    ("text", "published", "words", "offered"),
    [
        # A year told by its distance in a sentence naming a calendar day: the key took the day.
        ("Last year's ceremony burned about 1.8 tonnes of drugs on June 26, 2022.",
         D(2023, 6, 20), "1.8 tonnes", True),
        # "This year", still running at publication: a start alone, neither filled nor offered.
        ("Nearly half of the people detained this year were first offenders, the chief said.",
         D(2020, 9, 22), "Nearly half", False),
        # A stock held on one day is not a span to that day: offered as of it.
        ("The provincial centre held about 640 people on Monday, its director said.",
         D(2020, 8, 12), "640", True),
        # An English count since the campaign's first day to the day it was given: a span to
        # that day, 17 of 18 on training, under the 95% share since round thirty-seven: offered.
        ("Police in Kandal have arrested 1,240 people since the campaign began on January 1, the "
         "provincial police chief said on Tuesday.", D(2017, 3, 16), "1,240", True),
        # A timeline's entry opening with its day gives that one day, no span to it: offered.
        ("Dec. 31, 2017 — The year closes with about 18,300 drug arrests, the authority says.",
         D(2025, 1, 5), "18,300", True),
    ],
)  # fmt: skip
def test_the_parts_that_do_not_hold_stay_blank(text, published, words, offered):
    row = figure(text, words, published)
    assert tuple(row.record[n] for n in NAMES) == NONE
    assert any(row.offers.get(n) for n in NAMES) is offered
