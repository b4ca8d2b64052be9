"""Drafting never fails on a sentence cut short after a figure: the words a reader looks ahead for
may not be there ("found 4 of 31, the principal said"), and the whole article's drafting must
not raise (bench/draft_fuzz.py sweeps the training corpus the same way)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.records import draft_rows
from tests.drafted import CURATED, figure

PUBLISHED = dt.date(2023, 5, 2)


# "4 of 31," leaves the word "of" alone before the comma: the figure is drafted, its metric left
# blank (no noun says what is counted). Both cases raised IndexError before 12dae7a.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Urine tests at the school found 4 of 31, the principal said.", "4"),
        ("Of the guards, 2 of 40; of the drivers, 5 of 12, the report said.", "5"),
    ],
)  # fmt: skip
def test_a_count_of_a_count_before_a_comma_is_drafted_with_no_metric(text, words):
    record = figure(text, words, PUBLISHED).record
    assert record["value"] == float(words)
    assert record["metric_id"] is None


# Every cut of a sentence right after one of its figures, and a word or two later, drafts.
_SENTENCES = [
    "Police destroyed 1,370.9 kilogrammes of seized drugs in Kandal on Friday, the governor said.",
    "Of the 2,140 people held since January, 312 were women and 57 of them foreigners.",
    "ក្នុងរយៈពេល ៦ ខែ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យចំនួន ១ ២០០ នាក់ ក្នុងនោះស្ត្រី ៨០ នាក់។",
]


def _cuts(sentence: str) -> list[str]:
    words = sentence.split()
    return [" ".join(words[: k + 1]) + tail for k, word in enumerate(words)
            if any(c.isdigit() for c in word)
            for tail in ("", ".", ", he said.", " of", " of,")]  # fmt: skip


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_every_cut_after_a_figure_drafts(sentence):
    for cut in _cuts(sentence):
        draft_rows(cut, None, "t", PUBLISHED, CURATED)
