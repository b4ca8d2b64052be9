"""The verbs of attribution the drafts read as speech, in English and Khmer: data in
speech_verbs.yaml beside this module (a new verb is a data change), read once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("speech_verbs.yaml")


@cache
def speech_verbs(language: str, role: str) -> tuple[str, ...]:
    """The verbs of ``language`` ("en", "km") for ``role`` ("speaker", "statement", "speech")."""
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return tuple(str(v) for v in data[language][role])


# An adverb inside a verb of two words: "called again on", "called also for" (round fifteen).
_INSIDE = r"\s+(?:(?:again|also|once\s+more|repeatedly|publicly)\s+)?"


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of the words as written, longest first (so "called for" is tried
    before a shorter verb it begins with); a verb of two words may hold an adverb between them."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(_INSIDE.join(re.escape(p) for p in w.split(" ")) for w in ordered)
