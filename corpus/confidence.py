"""How sure a draft must be to fill a field, and how sure each class of reason is: data in
confidence.yaml beside this module (measured on the training corpus), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_FILE = Path(__file__).with_name("confidence.yaml")


@cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def fill_at(field: str) -> float:
    """The least confidence (0-1) at which a draft fills ``field`` (dates, metric, speaker,
    kind, topic, stance); 0 for a field the file does not name."""
    return float(_data()["fill_at"].get(field, 0)) / 100


def measured(field: str, reason: str, stated: float) -> float:
    """The confidence (0-1) of a guess of ``field`` given for ``reason``: its class's share
    right on training when the reason opens with a class the file names, else ``stated``."""
    for opening, percent in (_data()["classes"].get(field) or {}).items():
        if reason.startswith(opening):
            return float(percent) / 100
    return stated


def unseen_policy(field: str) -> dict[str, Any]:
    """A field's section measured on articles no rule was tuned on (dates, speaker): the bar
    (percent right unseen) and least number of unseen guesses a class needs to be filled, the
    rules (and for dates the kinds of words) that class a reason, and the unseen counts
    ([right, wrong] per class) measured on the blind sets; empty for any other field."""
    return _data().get(field) or {}
