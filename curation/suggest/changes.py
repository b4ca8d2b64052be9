"""The period of a change set against an earlier one, from the report's own rhythm (round 29).

"បើធៀបនឹងខែកញ្ញា ចំនួនជនសង្ស័យបានកើនឡើង ១២នាក់" (compared with September, suspects rose by
12), "ចំនួននេះកើនឡើង ៣៥ភាគរយ បើធៀបនឹងឆ្នាំ២០២២" (this rose 35 percent on 2022): the words
date only what the change is set against. A report compares its own period with one of the same
length before it, and it reports the latest whole one before its publication: a month's report
early in the next month, a year's early in the next year. So the change covers the latest whole
month (quarter, half, year) before publication, when that comes after the one compared with.
An inference from the report's rhythm, no word of the figure's: offered, never filled. English
too, for a percentage: "Compared with 2016, the number of cases rose by 121 percent".
"""

from __future__ import annotations

import calendar
import datetime as dt

from curation.suggest.dates import COMPARE_WORDS, When, offered, read_dates

# The lengths of a whole period a report covers, in months: a month, a quarter, a half, a year.
_WHOLE = (1, 3, 6, 12)


def latest_like(
    first: dt.date, last: dt.date, published: dt.date
) -> tuple[dt.date, dt.date] | None:
    """The latest whole period as long as ``first``..``last`` (a whole month, quarter, half or
    year) that ends before ``published`` and after ``last``; None when the compared period is
    no whole one, or none comes between it and publication."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    month_end = calendar.monthrange(last.year, last.month)[1]
    if months not in _WHOLE or first.day != 1 or last.day != month_end:
        return None
    if (first.month - 1) % months:
        return None  # "March to May": no quarter of the calendar
    now = published.year * 12 + published.month - 1  # months since year 0, publication's
    begin = now - now % months - months  # the whole period before the one publication is in
    start = dt.date(begin // 12, begin % 12 + 1, 1)
    stop = begin + months - 1
    end = dt.date(stop // 12, stop % 12 + 1, calendar.monthrange(stop // 12, stop % 12 + 1)[1])
    return (start, end) if start > last else None


def change_on_compared(
    dates: When, sentence: str, at: int, unit: str | None, published: dt.date | None
) -> When:
    """``dates``, or for a percentage change whose sentence dates only what it is set against
    ("Compared with 2016, the number of cases rose by 121 percent"), the latest whole period
    of that length before publication, offered."""
    if published is None or unit != "percent" or dates.offer is not None or dates.confidence:
        return dates
    if not dates.reason.startswith("no date in the words near it"):
        return dates
    readings = [r for r in read_dates(sentence, published) if r.role != "said"]
    if len(readings) != 1 or readings[0].role != "compare" or readings[0].kind.startswith("same"):
        return dates
    if COMPARE_WORDS.search(sentence, max(0, at - 25), at):
        return dates  # "up from 11 percent in 2023": the percentage set against, not the change
    like = latest_like(readings[0].first, readings[0].last, published)
    if like is None:
        return dates
    note = f"a change set against {readings[0].words!r}: the latest whole period before publication"
    inferred = When(
        like[0], like[1], like[1], dates.said_on, readings[0].precision, (*dates.notes, note),
        0.5, "the latest whole period of that length before publication",
    )  # fmt: skip
    return offered(inferred, f"a change set against {readings[0].words!r}", dates.said_on)
