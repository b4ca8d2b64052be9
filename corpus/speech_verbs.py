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


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of the words as written, longest first (so "called for" is tried
    before a shorter verb it begins with)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
