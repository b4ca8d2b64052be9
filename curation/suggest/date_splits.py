"""The sub-classes of a date's class of reason (corpus/confidence.yaml dates.splits): what a
date's fields give and how many dates its sentence read, so a part of a class that holds on
training is measured and filled on its own record (split from confidence.py at round 36)."""

from __future__ import annotations

import re
from typing import Any

from corpus.confidence import unseen_policy

# The date words an English reason quotes: its first parenthesised run of quotations.
QUOTED = re.compile(r"""\(((?:'[^']*'|"[^"]*")(?:; (?:'[^']*'|"[^"]*"))*)\)""")


def _gives(dates: dict[str, Any]) -> str:
    """What a date's fields give: "whole period", "one end" (a start or an end alone), "as of"
    (a day, no period) or "nothing"."""
    start, end = dates.get("period_start") is not None, dates.get("period_end") is not None
    if start and end:
        return "whole period"
    if start or end:
        return "one end"
    return "as of" if dates.get("as_of") is not None else "nothing"


def _gives_any(dates: dict[str, Any], wanted: str) -> bool:
    """Whether a date's fields give ``wanted``: one of _gives's, or (round thirty-five) "one
    day", a whole period that starts and ends on the same day (an event's day), or (round
    thirty-six) "a span", a whole period over more than one day."""
    start, end = dates.get("period_start"), dates.get("period_end")
    if wanted == "one day":
        return start is not None and start == end
    if wanted == "a span":
        return start is not None and end is not None and start != end
    return _gives(dates) == wanted


def sentence_dates(reason: str) -> int:
    """How many dates a words rule's reason lists after the words it quotes (the dates it read
    in the figure's sentence, its own among them); 0 when it quotes no words."""
    quoted = QUOTED.search(reason)
    if not quoted:
        return 0
    return len([part for part in reason[quoted.end() :].split("; ") if part.strip(" )")])


def split_class(name: str | None, reason: str, dates: dict[str, Any], quote: str) -> str | None:
    """The sub-class of a date class (corpus/confidence.yaml dates.splits, round thirty-four)
    that a date's reason, the fields it gives and its sentence (one it must say, ``quote``, or
    must not, ``not_quote``) fall in; the class itself when no sub-class takes them. A sub-class
    is measured and filled on its own record."""
    for sub, rule in ((unseen_policy("dates").get("splits") or {}).get(name) or {}).items():
        if "reason" in rule and not re.search(rule["reason"], reason):
            continue
        if "gives" in rule and not _gives_any(dates, str(rule["gives"])):
            continue
        if "quote" in rule and not re.search(rule["quote"], quote, re.I):
            continue
        if "not_quote" in rule and re.search(rule["not_quote"], quote, re.I):
            continue
        if "sentence_dates" in rule and sentence_dates(reason) != int(rule["sentence_dates"]):
            continue
        return str(sub)
    return name
