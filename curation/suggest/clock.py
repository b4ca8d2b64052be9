"""An hour of the clock, one definition for both figure readers (numbers.py drops it as it reads
a sentence, non_figures.py from the figure's line): the words after an hour ("7 am", "10.30 a.m.",
"eight o'clock") and the Khmer word before one ("ម៉ោង ៧ព្រឹក", at seven in the morning), data in
corpus/number_words.yaml (clock_after, clock_before). Round thirty-seven wrote it twice; one
since round thirty-eight."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.number_words import number_words


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# After the hour's number: a range's second hour ("7-9 am", so the first is an hour too) and
# minutes ("10.30") allowed, then the mark, a whole word ("8 amphetamine pills" is no hour).
CLOCK_AFTER = re.compile(
    r"(?:\s*[-–]\s*\d{1,2})?(?:[:.]\d{2})?\s*(?:" + _alternation(number_words("clock_after"))
    + r")(?!\w)",
    re.I,
)  # fmt: skip
# Before it, in Khmer: the word for an hour, and a range's first hour ("ម៉ោង ៧-៩", Khmer digits
# read as ASCII ones by the caller).
CLOCK_BEFORE = re.compile(
    r"(?:" + _alternation(number_words("clock_before")) + r")\s*(?:\d{1,2}\s*[-–]\s*)?$"
)
# An hour's own number: one or two digits, minutes after a colon or a dot allowed.
HOUR = re.compile(r"\d{1,2}(?:[:.]\d{2})?$")
