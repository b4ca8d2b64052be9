"""Round thirty-six (issue 23): a date class right on nearly every training set is filled, not
only one never wrong. A class with wrong offers fills when it is right on 95% of them in all
(round thirty-six: 90; round thirty-seven: the blind sets' bar) and, on each set it was wrong on,
wrong once at most and (offered there more than twice) right on 95% (corpus/confidence.yaml
dates.training_share, training_folder_share, training_folder_wrong, and the sets it was wrong
on, training_wrong_on); its reason then says so ("wrong on 1 of them, once at most on each") and
its confidence counts its wrong offers. Filled this way: a Khmer "among" given the whole period
of the count before it (an English running count to the day it was given, 17 of 18, is offered
again since round thirty-seven); filled as never wrong: a year told by its distance with no
calendar day beside it (a whole period), a Khmer day alone, an English month next to the figure.
Sentences are our own (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.confidence import dates_policy, mostly_right, training_sure
from tests.drafted import figure

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
    ("name", "sure"),
    [
        ("refers back, Khmer 'among': a whole period", True),  # 32 of 33 on 16 sets
        # 17 of 18: under the 95% share in all since round thirty-seven, offered again.
        ("English next-to-figure words: a day, alone, a whole period to that day", False),
        ("English next-to-figure words: a year told by its distance, alone, no calendar day", True),
        ("refers back", False),  # the rest: wrong twice on held_out_10
        ("English nearest-in-clause words: a year, alone", False),  # not listed: 5 sets only
    ],
)  # fmt: skip
def test_the_listed_classes_are_sure_by_their_training_record(name, sure):
    assert bool(training_sure(name)) is sure


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


@pytest.mark.parametrize(
    ("text", "published", "words", "dates", "record"),
    [
        # A Khmer "among those" after a count of March: March, filled, its one wrong said.
        ("ក្នុងខែមីនា ឆ្នាំ២០២២ នគរបាលបានឃាត់ខ្លួនមនុស្ស ៨០នាក់។ ក្នុងចំណោមអ្នកទាំងនោះ "
         "មានស្ត្រី ៩នាក់។", D(2022, 4, 8), "៩នាក់", MARCH_22, "wrong on 1 of them"),
        # An English year told by its distance beside a comparison: that year, never wrong.
        ("Police seized 2.4 tonnes of drugs in 2019, up from 1.2 tonnes a year earlier, the "
         "authority said.", D(2020, 2, 3), "1.2 tonnes",
         (D(2018, 1, 1), D(2018, 12, 31), D(2018, 12, 31)), "wrong on none"),
        # A Khmer day alone ("yesterday"): the day before publication, never wrong.
        ("កាលពីម្សិលមិញ នគរបាលបានឃាត់ខ្លួនមនុស្ស ១៥នាក់។", D(2023, 7, 5), "១៥នាក់",
         (D(2023, 7, 4), D(2023, 7, 4), D(2023, 7, 4)), "wrong on none"),
        # An English whole month next to the figure, its year written.
        ("Police arrested 640 people in drug cases in May 2021, the provincial police said.",
         D(2021, 6, 9), "640", (D(2021, 5, 1), D(2021, 5, 31), D(2021, 5, 31)), "wrong on none"),
    ],
)  # fmt: skip
def test_a_class_right_on_nearly_every_set_is_filled_and_says_its_record(
    text, published, words, dates, record
):
    row = figure(text, words, published)
    assert tuple(row.record[n] for n in NAMES) == dates
    assert "training sets, " + record in row.why["as_of"]
    assert not any(row.offers.get(n) for n in NAMES)
    if record != "wrong on none":  # its confidence counts the wrong one and one more
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
