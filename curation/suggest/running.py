"""A figure's dates from its sentence's structure: a running count's ends, an opening date (round 29).

"As of February 20, 1,050 users had been sent to centres since the campaign started", "has
swept up 23,000 since it was launched, ... told a meeting on Monday": the count runs from the
campaign's launch to the day the words give. The launch is no word of the sentence but the
curated campaign's first day (seeds/curated/phases.yaml, the first phase's start), so the
period is offered, never filled. "Since the campaign began in January last year, police ...
have detained 1,268 as of Monday": the words give both ends; the period ends on that day.
"As of 31 December 2017, 11,035 ... were receiving treatment, while 4,962 suspects were held":
a date opening the sentence frames every clause of it, the one after "while" too (offered).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from curation.suggest.dates import COMPARE_WORDS, When, offered, read_dates

# "since the campaign began", "since the crackdown was launched", "since the launch of the
# campaign", "since it was launched" (the campaign named before): the campaign's own start.
_CAMPAIGN = r"(?:campaign|crackdown|drive|drug\s+war|war\s+on\s+drugs)"
_SINCE_LAUNCH = re.compile(
    rf"\bsince\s+(?:the\s+(?:[\w'’-]+\s+){{0,3}}{_CAMPAIGN}\s+(?:was\s+|were\s+)?"
    r"(?:began|begun|started|launched|kicked\s+off)"
    rf"|the\s+(?:launch|start|beginning|outset)\s+of\s+the\s+(?:[\w'’-]+\s+){{0,3}}{_CAMPAIGN}"
    r"|it\s+(?:was\s+launched|began|started))\b",
    re.I,
)
_NAMES_CAMPAIGN = re.compile(rf"\b{_CAMPAIGN}\b", re.I)
_HELD = re.compile(r"\b(?:held|holds?|housed|houses)\b", re.I)
# A perfect tense in the clause before "since" ("had been arrested since"), or after it.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\b(?:(?!,\s|;|:).)*$", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\b", re.I)
# "since S ...": a running count whose start the words give.
_SINCE = re.compile(r"\bsince\b", re.I)


def campaign_launch(phases: Sequence[dict[str, Any]]) -> dt.date | None:
    """The campaign's first day: the earliest start of its curated phases (None without)."""
    starts = [p.get("start_date") for p in phases]
    days = [d for d in starts if isinstance(d, dt.date)]
    days += [dt.date.fromisoformat(d) for d in starts if isinstance(d, str) and d]
    return min(days, default=None)


def since_launch(sentence: str, at: int) -> bool:
    """The figure at offset ``at`` counts from the campaign's launch, which the words name
    without a date ("since the campaign began"; "since it was launched" with the campaign
    named before it)."""
    m = _SINCE_LAUNCH.search(sentence)
    if m is None or _HELD.search(sentence):
        # "The prisons have held more than 4,100 inmates since the drive began": a stock, as
        # of the day given (round eight), never a count run up since the launch.
        return False
    if m.group(0).lower().startswith("since it") and not _NAMES_CAMPAIGN.search(
        sentence, 0, m.start()
    ):
        return False
    # A count the campaign ran up ("have arrested 612 ... since", "Since the campaign began,
    # police have ..."), never a thing it is the ordinal of ("the ministry's fourth [report]
    # since the crackdown began counts 158 clinics as of December 31": a stock).
    return bool(
        _PERFECT_BEFORE.search(sentence, 0, m.start())
        or (not sentence[: m.start()].strip() and _PERFECT.search(sentence, m.end()))
    )


def running_ends(dates: When, sentence: str, at: int, launch: dt.date | None) -> When:
    """``dates`` with a running count's missing end (or start) where the structure gives it."""
    if dates.offer is not None or dates.as_of is None or dates.period_end is not None:
        return dates
    day = dates.as_of
    if (
        dates.period_start is None
        and launch is not None
        and launch < day
        and since_launch(sentence, at)
    ):
        # The start is the campaign's launch, which the words do not date: offered.
        note = (
            f"a running count since the campaign's launch ({launch}, its first phase's first "
            f"day) to the day the words give, {day}"
        )
        why = "a running count since the campaign's launch"
        inferred = When(
            launch, day, day, dates.said_on, dates.precision, (*dates.notes, note), 0.6,
            f"{why}, to the day the words give",
        )  # fmt: skip
        return offered(inferred, why, dates.said_on)
    if dates.period_start is not None and dates.period_start < day and _SINCE.search(sentence):
        # "since January last year ... 1,268 as of Monday": both ends are the words'.
        note = f"since {dates.period_start}, a running count as of {day}: to that day"
        return replace(dates, period_end=day, notes=(*dates.notes, note))
    return dates


# The words a sentence may open with before its framing date: "In", "As of", "During", "By".
_OPENS = re.compile(r"[\s\"“‘'(]*(?:(?:in|as\s+of|during|over|for|by)\s+)?(?:the\s+)?$", re.I)


def opening_date(dates: When, sentence: str, at: int, published: dt.date | None) -> When:
    """``dates``, or where the figure has none and no date of its own, the date the sentence
    opens with (a period, or an "as of" day) offered: another clause's words frame it."""
    if published is None or dates.offer is not None or dates.confidence:
        return dates
    if not dates.reason.startswith("no date in the words near it"):
        return dates  # its own words not read, a capacity, a list: their own rules
    readings = [
        r for r in read_dates(sentence, published) if r.role not in ("said", "compare", "event")
    ]
    if not readings or readings[0].start >= at or readings[0].role not in ("period", "as_of"):
        return dates
    first = readings[0]
    if (
        not _OPENS.fullmatch(sentence[: first.start])
        or any(r.start < at for r in readings[1:])  # another date before the figure: whose?
        or COMPARE_WORDS.search(sentence, max(first.end, at - 40), at)  # a count set against
        or first.last > published
    ):
        return dates
    start, end = (None, None) if first.role == "as_of" else (first.first, first.last)
    note = f"the date the sentence opens with ({first.words!r}) frames its clauses"
    inferred = When(
        start, end, first.last, dates.said_on, first.precision, (*dates.notes, note), 0.6,
        "the date the sentence opens with",
    )  # fmt: skip
    return offered(inferred, "the date the sentence opens with", dates.said_on)
