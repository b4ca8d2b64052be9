"""An hour of the clock is one definition for both figure readers (round thirty-eight, tidy38):
every word corpus/number_words.yaml lists after an hour (clock_after) or before one in Khmer
(clock_before) keeps that number out of the drafts, whichever reader meets it first (numbers.py
in a sentence's words, non_figures.py on the figure's line), and a count in the same text stays.
The words are read from the data, so a new form is a data change these tests cover at once.
Sentences are our own; the Khmer by a non-native author (needs native review)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.number_words import number_words
from curation.suggest.guess import curated_lists
from curation.suggest.non_figures import non_figure
from curation.suggest.numbers import find_figures
from curation.suggest.records import draft_rows
from curation.suggest.sentences import split_sentences

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
AFTER = sorted(number_words("clock_after"))
BEFORE = sorted(number_words("clock_before"))


def _values(body: str) -> list[float]:
    _, rows = draft_rows(f"Clinic notice\n\n{body}\n", "Clinic notice", "t", dt.date(2024, 5, 2),
                         CURATED)  # fmt: skip
    return [r.record["value"] for r in rows if r.kind == "indicators"]


def _read(text: str) -> list[float]:
    """The values the English sentence reader takes, before any line rule."""
    return [float(f.value) for f in find_figures(split_sentences(text)[0])]


def test_the_data_lists_both_sides():
    assert AFTER and BEFORE  # the file was read: an empty list would make every case vacuous


@pytest.mark.parametrize("mark", AFTER)
def test_an_hour_before_each_mark_is_no_figure_and_the_count_stays(mark: str) -> None:
    """In "The clinic opens at 8 am and treated 64 people in April" 8 is no figure, 64 is one;
    the sentence reader drops the hour itself, and the line rule names it."""
    text = f"The clinic opens at 8 {mark} and treated 64 people in April."
    assert _read(text) == [64.0]
    assert _values(text) == [64.0]
    line = f"Open 8-11 {mark} on weekdays."
    assert non_figure(line, 0, "8") == "an hour of the clock"
    assert non_figure(line, 0, "11") == "an hour of the clock"


@pytest.mark.parametrize("mark", AFTER)
def test_minutes_before_a_mark_are_an_hour_too(mark: str) -> None:
    line = f"The burning began at 10.30 {mark} before 300 students."
    assert non_figure(line, 0, "10.30") == "an hour of the clock"
    assert 300.0 in _values(line)


@pytest.mark.parametrize(
    ("what", "text", "kept"),
    [
        # A mark's letters opening another word: "8 amphetamine labs" counts labs.
        ("a word that opens like a mark", "Police closed 8 amphetamine labs in May.", 8.0),
        ("hours counted, not an hour", "Police held 30 people for 48 hours in May.", 30.0),
    ],
)
def test_a_count_of_the_same_shape_stays(what: str, text: str, kept: float) -> None:
    assert kept in _values(text)


@pytest.mark.parametrize("word", BEFORE)
@pytest.mark.parametrize(
    ("template", "digits", "rule"),
    [
        # "at 8 in the morning": the hour after the word.
        ("{word} ៨ព្រឹក", "៨", "an hour of the clock"),
        # "from 7 to 9 in the morning": a range's second hour after the word too.
        ("{word} ៧-៩ព្រឹក", "៩", "an hour of the clock"),
        # "within 48 hours": the word after the number counts hours, a span.
        ("ក្នុងរយៈពេល ៤៨ {word}", "៤៨", None),
    ],
)
def test_the_khmer_word_for_an_hour_before_the_number(
    word: str, template: str, digits: str, rule: str | None
) -> None:
    assert non_figure(template.format(word=word), 0, digits) == rule
