"""The words around a number that say it counts nothing the campaign is measured by: data in
number_words.yaml beside this module (a new word is a data change), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("number_words.yaml")


@cache
def number_words(role: str) -> frozenset[str]:
    """The words for ``role``: "labels" (before a number: "page 48") or "uncounted" (after it:
    "40 cars", "21 points")."""
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data[role])
