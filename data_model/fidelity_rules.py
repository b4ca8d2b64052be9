"""Written rules that keep the fidelity audits' classes of error out of the data (issue 28)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

#: A position reported this long after its proposal was first reported is on a later stage
#: of it (a new extension, a minister's instruction years on): a proposal of its own. Six
#: months is the length of the campaign's first phase; audit fidelity-2026-12 found two
#: merges (F4: 189 days apart, F6: almost five years).
PROPOSAL_SPAN_DAYS = 183

OWN_NAME_RULE = (
    "A `direct` statement is the speaker's own words, so they never name the speaker: "
    "words in quotation marks that name a person are someone else's words about them "
    "(the build refuses them, as it refuses a direct position that names its actor unless "
    "relayed_by says whose words they are)."
)

PROPOSAL_TIME_RULE = (
    "A position is on a proposal as it stood when the position was reported. The build refuses "
    "a position from an article published before the proposal was first reported (it is a view "
    "of something else), and warns of one published more than "
    f"{PROPOSAL_SPAN_DAYS} days (six months) after it: a later stage (a second extension, an "
    "instruction years on) is a proposal of its own, with status notes saying how the two "
    "relate, while a later position on the same, still open measure stays on it. Dates known "
    "only to the month or year count with their whole span: a position is refused or warned of "
    "only when every day its date can be breaks the rule."
)


def date_span(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date of the given precision ('day', 'month', 'year') can be."""
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day


def predates(proposed: tuple[dt.date, dt.date], reported: tuple[dt.date, dt.date]) -> str | None:
    """Why a position reported in ``reported`` cannot be on a proposal first reported in
    ``proposed`` (each its first and last possible day), or None when it can."""
    if reported[1] < proposed[0]:
        return (
            f"the position's article ({reported[1]:%Y-%m-%d} at the latest) predates the "
            f"proposal's first report ({proposed[0]:%Y-%m-%d}): it is a view of something else"
        )
    return None


def later_stage(proposed: tuple[dt.date, dt.date], reported: tuple[dt.date, dt.date]) -> str | None:
    """Why a position reported in ``reported`` may be on a later stage of a proposal first
    reported in ``proposed``, or None when it is within six months of it."""
    gap = (reported[0] - proposed[1]).days
    if gap > PROPOSAL_SPAN_DAYS:
        return (
            f"the position's article is {gap} days after the proposal's first report (more "
            f"than {PROPOSAL_SPAN_DAYS}): if it is on a later stage, that stage is a proposal "
            "of its own"
        )
    return None


def names_in(quote: str, names: Iterable[str]) -> list[str]:
    """The names (whole words, any case) that occur in the quote."""
    folded = " ".join(quote.split()).casefold()
    return [
        name
        for name in names
        if name.strip() and re.search(rf"\b{re.escape(name.strip().casefold())}\b", folded)
    ]
