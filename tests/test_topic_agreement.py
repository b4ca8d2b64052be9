"""The topic and stance agreement study's measures: Cohen's kappa, the sentence shown blind, and
a committed coding that answers every sampled statement in the codebook's codes."""

from __future__ import annotations

import pytest
import yaml

from bench.topic_agreement import CODING, SAMPLE, STANCES, TOPICS, kappa, sentence
from data_model.records import Stance, Topic


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # Two coders who always agree.
        ([("a", "a"), ("b", "b"), ("a", "a"), ("b", "b")], 1.0),
        # Agreement no better than chance: half the items agree, each coder splits 50/50.
        ([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")], 0.0),
        # Textbook 2x2: 20 both yes, 15 both no, 5 and 10 apart: seen 0.70, chance 0.50.
        ([("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15, 0.4),
        # Worse than chance: the coders always differ.
        ([("a", "b"), ("b", "a")], -1.0),
    ],
    ids=["perfect", "chance", "textbook", "opposed"],
)
def test_kappa(pairs, expected):
    assert kappa(pairs) == pytest.approx(expected)


# Our own words: a wire paragraph, a quotation that runs on, a Khmer line of two sentences.
TEXT = (
    "Title line\n\n"
    "Police raided a house on Monday. Officer Sok Dara said the men had fled, adding that "
    "none was found.\n\n"
    '"We will go on," he said. "Nobody is safe."\n\n'
    "ឯកឧត្តមបានថ្លែងថា យុទ្ធនាការនឹងបន្ត។ លោកបានអំពាវនាវដល់មាតាបិតា ឲ្យតាមដានកូនចៅ។\n"
)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # The sentence from its start, the speaker named before the words included.
        (
            "the men had fled",
            "Officer Sok Dara said the men had fled, adding that none was found.",
        ),
        # A quotation's sentence closes after its closing quotation mark's sentence.
        ('"We will go on', '"We will go on," he said.'),
        # A Khmer sentence ends at the khan (។), the next sentence left out.
        ("លោកបានអំពាវនាវ", "លោកបានអំពាវនាវដល់មាតាបិតា ឲ្យតាមដានកូនចៅ។"),
        ("ឯកឧត្តមបានថ្លែងថា", "ឯកឧត្តមបានថ្លែងថា យុទ្ធនាការនឹងបន្ត។"),
    ],
    ids=["speaker-before", "quotation", "khmer-second", "khmer-first"],
)
def test_sentence_shown_blind(opening, expected):
    assert sentence(TEXT, opening) == expected


def test_a_missing_opening_is_said_not_guessed():
    assert sentence(TEXT, "words nowhere in the page").startswith("[opening not found]")


def test_the_coding_answers_every_sampled_statement_in_the_codebooks_codes():
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    coding = yaml.safe_load(CODING.read_text(encoding="utf-8"))
    assert sorted(c["id"] for c in coding) == sorted(r["id"] for r in sample)
    assert {c["topic"] for c in coding} <= set(TOPICS) == {t.value for t in Topic}
    assert {c["stance"] for c in coding} <= set(STANCES) == {s.value for s in Stance}
    assert len({r["folder"] for r in sample}) >= 20 and sum(r["khmer"] for r in sample) > 0
