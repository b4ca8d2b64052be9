"""Dates in an article's words, each figure's own, resolved against the publication date.

Hand-written rules, kept over the libraries (bench/draft_libraries.py, training articles): they
date 84% of figures right with 1% wrong, where dateparser with the publication date as
RELATIVE_BASE got 12% right and 64% wrong (points only: no ranges, "April 29, 76" read as 1976,
the day of the base date pasted into "January") and Recognizers-Text 38% right and 38% wrong (no
"January-August" range, no comparison), and each takes 1.4-2 s to import.

Sure dates only (round eight): a date is filled only from words in the figure's own clause (or
its line's date heading); a date only inferred (another sentence's period, the dateline's day,
a running count's end) is left blank and offered beside it (``When.offer``), with its reason.

Long because every date phrase the drafts resolve (relative days, months, years, spans) is a
small rule of its own, listed together so they are read and tested as one table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from curation.suggest.sentences import _Tok, _words
from data_model.records import DatePrecision

# Numbers attached to these are lengths of time, not figures the codebook measures.
_DURATIONS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades year-old years-old"
)


_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)


def _is_date_number(toks: Sequence[_Tok], i: int, j: int, value: float) -> bool:
    """Dates are not figures: "February 23", "23 February", the "16" of "April 13 to 16"."""
    if not (value.is_integer() and 1 <= value <= 31):
        return False
    prev = toks[i - 1].text if i > 0 else ""
    if prev == "." and i > 1:
        prev = toks[i - 2].text  # "Dec. 21"
    after = toks[j].text if j < len(toks) else ""
    if prev in _MONTHS or after in _MONTHS:
        return True
    return prev in ("to", "-", "–", "and") and i >= 3 and toks[i - 3].text in _MONTHS


def _is_year(tok: _Tok, value: float, unit: str | None, noun: str | None) -> bool:
    """A bare four-digit 1900-2100 is a year unless a counted noun follows ("2000 people")."""
    plain = tok.text.isdigit() and not tok.suffix
    return plain and len(tok.text) == 4 and 1900 <= value <= 2100 and unit is None and noun is None


# --- dates resolved against the publication date -----------------------------------------

_MONTH_NUMBER = {
    **{m.lower(): n for n, m in enumerate(calendar.month_name) if m},
    **{m.lower(): n for n, m in enumerate(calendar.month_abbr) if m},
    "sept": 9,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_COUNT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_YEAR_RE = r"(?:19|20)\d{2}"
# Which year a phrase refers to: stated, "last year", "this year", or unsaid.
_WHICH_YEAR = rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE}|last\s+year|this\s+year))?"

_OF_CAMPAIGN = r"(?:\s+of\s+(?:the|this|that)\s+(?:anti-drug\s+)?(?:campaign|drive|crackdown))?"
# Not after a person's possessive ("their first six months", a patient's): someone's own stretch
# of time, not the calendar's (round twenty-three). "its first six months" is a campaign's.
_NOT_THEIRS = r"(?<!their )(?<!his )(?<!her )(?<!your )"
_M1 = rf"(?=[A-Z])(?P<m1>{_MONTH_RE})\.?"
_M2 = rf"(?=[A-Z])(?P<m2>{_MONTH_RE})\.?"

# Phrase patterns, tried in this order; each names what it gives (see _reading).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "4.3 tonnes in 2021, up from about 1.5 tonnes a year earlier": the whole year before a
    # whole year named "in 2021" (never a part of a year: "the first five months of 2023");
    # otherwise read as a time the drafts do not resolve (below).
    (
        "year_earlier",
        re.compile(
            r"\ba\s+year\s+(?:earlier|before)\b"
            r"(?!\s+(?:the|it|its|a|an|when|which)\b)",
            re.I,
        ),
    ),  # fmt: skip
    # Times the drafts do not resolve: "a year earlier", "the month before", "two years ago",
    # "over the past three months", "earlier this month". A figure they date is left blank
    # rather than given the date of another figure in the sentence.
    (
        "unread",
        re.compile(
            r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?:years?|months?|weeks?|days?)\s+(?:earlier|before|ago|later|previously)"
            r"|the\s+(?:month|week|day)\s+(?:before|earlier|prior)"
            r"|(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?"
            r"(?:years?|months?|weeks?|days?|decades?)"
            r"|earlier\s+this\s+(?:month|week|year)|the\s+previous\s+(?:month|week|day)"
            rf"|(?:mid|early|late)[-\s]?{_YEAR_RE})\b",
            re.I,
        ),
    ),
    # "against 1,200 in the same ten months of 2017": the first ten months of that year.
    (
        "same_months",
        re.compile(
            rf"\bthe\s+same\s+(?P<n>\w+)\s+months\s+(?:of|in)\s+(?P<year>{_YEAR_RE}|last\s+year)",
            re.I,
        ),
    ),
    # "in the same period last year": the date of a comparison, never of the figure.
    (
        "same_period",
        # "the same months of 2022", "the same quarter last year": a stretch named only by
        # the one it is set against is a comparison's, whatever the noun.
        re.compile(
            # "the same eleven days of last year": a count of the stretch may stand before it.
            rf"\b(?:the\s+)?same\s+(?:[\w-]+\s+)?(?:period|months|weeks|days|quarter|half|time|"
            rf"stretch)\s+"
            rf"(?:of\s+|in\s+)?(?P<year>{_YEAR_RE}|last\s+year)",
            re.I,
        ),
    ),
    # "at the end of April", "by the end of March 2020": the month's last day.
    (
        "end_of_month",
        # "as of the end of January" too: the end of a month is a day, never the month.
        re.compile(
            # "figures for the end of October": the day the figures stand at, too.
            rf"\b(?:at|by|for|as\s+(?:of|at))\s+the\s+end\s+of\s+{_M1}"
            rf"(?:\s+(?P<year>{_YEAR_RE}))?",
            re.I,
        ),
    ),
    # "at the end of 2016", "by the end of last year": the year's last day, a stock's day.
    (
        "end_of_year",
        re.compile(
            rf"\b(?:at|by|as\s+(?:of|at))\s+the\s+end\s+of\s+"
            rf"(?:(?P<year>{_YEAR_RE})|(?P<rel>last|this)\s+year)\b",
            re.I,
        ),
    ),
    # "the first seven days of the year", "the first week of 2017"
    (
        "first_days",
        re.compile(
            rf"\bfirst\s+(?:(?P<n>\w+)\s+days|week)\s+of\s+(?:the\s+year|(?P<year>{_YEAR_RE})"
            # "the first eleven days of this month": from the month's first day.
            r"|(?P<this_month>this\s+month))",
            re.I,
        ),
    ),
    # "in the campaign's first seven days", "the drive ... in its first week": the yearly
    # campaign runs from 1 January of its year, so its first N days are that year's.
    (
        "first_days",
        re.compile(
            r"\b(?:(?:campaign|drive|crackdown)['’]s|its)\s+first\s+(?:(?P<n>\w+)\s+days|week)\b"
            r"(?P<campaign>)",
            re.I,
        ),
    ),
    ("last_week", re.compile(r"\blast\s+week\b", re.I)),
    # "20,120 in 2019, compared with 16,240 the year before": the year before the one named.
    # "At the end of 2016, the year before the campaign began": an apposition naming 2016 by what
    # came after it, not the year before 2016.
    (
        "year_before",
        re.compile(
            r"\bthe\s+(?:year\s+before|previous\s+year)\b"
            r"(?!\s+(?:the|it|its|a|an|when|which)\b)",
            re.I,
        ),
    ),  # fmt: skip
    ("so_far", re.compile(r"\bso\s+far\s+this\s+year\b", re.I)),
    # "since the start of the year": the first day of the publication's year (role from "since").
    ("year_start", re.compile(r"\bthe\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b", re.I)),
    # "from January to the end of July", "from January through August 2022"
    (
        "month_range",
        re.compile(
            rf"\b(?:from|between)\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_M1}"
            rf"(?:\s+(?P<y1>{_YEAR_RE}))?\s+(?:to|through|until|till|and)\s+"
            rf"(?:the\s+end\s+of\s+)?{_M2}" + _WHICH_YEAR,
            re.I,
        ),
    ),
    # "the January-August period this year", "January to July"
    (
        "month_range",
        re.compile(
            rf"\b{_M1}\s*(?:-|–|—|\s+to\s+)\s*{_M2}(?:\s+period)?" + _WHICH_YEAR,
            re.I,
        ),
    ),
    # "From 1 January 2023 to 21 December 2023", "from January 1 to March 31, 2018"
    (
        "date_range",
        re.compile(
            rf"\b(?:from|between)\s+(?:{_M1}\s+(?P<d1>\d{{1,2}})|(?P<e1>\d{{1,2}})\s+{_M1.replace('m1', 'n1')})"
            rf",?(?:\s+(?P<y1>{_YEAR_RE}))?\s+(?:to|and|until|through|till)\s+"
            rf"(?:{_M2}\s+(?P<d2>\d{{1,2}})|(?P<e2>\d{{1,2}})\s+{_M2.replace('m2', 'n2')})"
            rf",?(?:\s+(?P<year>{_YEAR_RE}))?",
            re.I,
        ),
    ),
    # "between 2017 and 2023", "from 2018 to 2020"
    (
        "year_range",
        re.compile(
            rf"\b(?:from|between)\s+(?P<y1>{_YEAR_RE})\s+(?:to|and|until|through)\s+"
            rf"(?P<year>{_YEAR_RE})\b",
            re.I,
        ),
    ),
    # "From January 1 to the end of March", "from 2017 through November 2023", "from the start
    # of 2017 to the end of 2024": a range whose two ends are written differently (a day and a
    # month, a year and a month), one stretch from the first day of the one to the last day of
    # the other (round twenty-eight; the forms above read like ends only).
    (
        "open_range",
        re.compile(
            rf"\b(?:from|between)\s+(?:the\s+(?:start|beginning)\s+of\s+)?"
            rf"(?:{_M1}(?:\s+(?P<d1>\d{{1,2}})\b)?|(?P<e1>\d{{1,2}})\s+{_M1.replace('m1', 'n1')})?"
            rf",?(?:\s*(?P<y1>{_YEAR_RE}))?\s+(?:to|through|until|till|and)\s+"
            rf"(?:the\s+end\s+of\s+)?(?:{_M2}(?:\s+(?P<d2>\d{{1,2}})\b)?)?"
            rf",?(?:\s*(?P<year>{_YEAR_RE}))?\b",
            re.I,
        ),
    ),
    # "... on 1 January 2017 to the end of 2020", "until the end of March": the end of a
    # period whose start other words give (round twenty-eight).
    (
        "to_end",
        re.compile(
            rf"\b(?:to|through|until|till)\s+the\s+end\s+of\s+"
            rf"(?:{_M2}(?:\s+(?P<year_m>{_YEAR_RE}))?|(?P<year>{_YEAR_RE})|(?P<rel>last|this)\s+year)\b",
            re.I,
        ),
    ),
    # "between April 22 and 28", "between April 22 and May 3"
    (
        "day_range",
        re.compile(
            rf"\b(?:between|from)\s+{_M1}\s+(?P<d1>\d{{1,2}})\s+(?:and|to|through|until)\s+"
            rf"(?:{_M2}\s+)?(?P<d2>\d{{1,2}})\b"
            rf"(?:,?\s+(?P<year>{_YEAR_RE}))?",
            re.I,
        ),
    ),
    # "in January and February": two months joined by "and" are one stretch when they follow
    # each other; apart ("in January and March") the phrase is read and dates nothing (round ten).
    (
        "month_pair",
        re.compile(
            rf"\b(?:in|during|over|for)\s+(?:both\s+)?{_M1}\s+and\s+{_M2}(?!\s+\d)" + _WHICH_YEAR,
            re.I,
        ),
    ),
    # "between Saturday and Monday", "from Friday to Sunday": a run of days ending on the last
    # such weekday before publication (round ten).
    (
        "weekday_range",
        re.compile(
            r"\b(?:between|from)\s+(?:last\s+)?(?=[A-Z])(?P<w1>" + "|".join(_WEEKDAYS) + r")"
            r"\s+(?:and|to|through|until|till)\s+(?=[A-Z])(?P<w2>" + "|".join(_WEEKDAYS) + r")\b",
            re.I,
        ),
    ),
    (
        "first_months",
        re.compile(
            # "the first six months of the campaign last year": the yearly campaign's months.
            # "their first six months" (a patient's own) is a stretch of theirs, no calendar's.
            r"\b(?:the\s+)?"
            + _NOT_THEIRS
            + r"first\s+(?P<n>\w+)\s+months"
            + _OF_CAMPAIGN
            + _WHICH_YEAR,
            re.I,
        ),
    ),
    (
        "first_half",
        re.compile(
            r"\b(?:the\s+)?"
            + _NOT_THEIRS
            + r"first\s+(?P<part>half|quarter)"
            + _OF_CAMPAIGN
            + _WHICH_YEAR,
            re.I,
        ),
    ),
    (
        "mid_month",
        re.compile(
            rf"\b(?P<edge>mid|early|late)[-\s](?=[A-Z])(?P<month>{_MONTH_RE})\b\.?" + _WHICH_YEAR,
            re.I,
        ),
    ),
    (
        "new_year",
        re.compile(r"\bNew\s+Year['’]s\s+(?:Day|Eve)" + rf"(?:\s+(?P<year>{_YEAR_RE}))?", re.I),
    ),
    (
        "month_day",
        re.compile(
            rf"\b(?=[A-Z])(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>{_YEAR_RE}))?\b",
            re.I,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})\s+(?=[A-Z])(?P<month>{_MONTH_RE})\b(?:\s+(?P<year>{_YEAR_RE}))?",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?=[A-Z])(?P<month>{_MONTH_RE})\b"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE}|last\s+year|this\s+year))?",
            re.I,
        ),
    ),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    # "destroyed this morning", "burnt this afternoon": the day of publication, as "today" is.
    ("today", re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.I)),
    (
        "weekday",
        # "visits the centre every Friday": a day that recurs dates nothing (round twenty-eight).
        re.compile(
            r"(?<!every )(?<!each )\b(?:last\s+)?(?=[A-Z])(?P<weekday>"
            + "|".join(_WEEKDAYS)
            + r")\b",
            re.I,
        ),
    ),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("this_month", re.compile(r"\bthis\s+month\b", re.I)),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("this_year", re.compile(r"\bthis\s+year\b", re.I)),
    ("year", re.compile(rf"\b(?P<year>{_YEAR_RE})\b")),
]

_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|added|stated|warned|urged|noted|reported|explained|"
    r"issued|released|published)"
    # "said in a statement on", "released by the National Police on": the day of the words.
    r"(?:\s+(?:in\s+an?\s+(?:\w+\s+)?(?:statement|report|release|speech|letter|post)"
    r"|by\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s*){1,5}))?"
    r"(?:\s+\w+){0,3}\s*$"
    # "told the National Assembly on Thursday": a listener named in capitals, then the day.
    # "according to police reports seen by Khmer Times yesterday": the day an outlet saw the
    # document is the reporting's, never the count's (round ten).
    r"|\b(?:seen|obtained|reviewed)\s+by\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,5}(?:on\s+)?$"
    r"|\btold\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}(?:on\s+)?$"
    # "told reporters outside the court on Monday": a listener and where they were, then the
    # day; never a "that" clause or a number, which may be what was told (round eleven).
    r"|\btold\s+(?:(?!that\b|about\b)[A-Za-z][\w'’.-]*\s+){1,6}?(?:on\s+)?$"
    # "told a meeting of health officials on Monday", "given at its mid-year briefing on
    # Tuesday": the day of a gathering where words are spoken is the speaking's, not a count's.
    r"|\b(?:told|addressed|given\s+at|said\s+at|speaking\s+at|announced\s+at)\s+(?:an?|the|its|"
    r"their|his|her)\s+(?:[a-z][\w'’-]*\s+){0,3}(?:meeting|briefing|conference|forum|workshop|"
    r"session|hearing|ceremony|gathering|seminar)(?:\s+(?:of|for|with|in)\s+(?:[\w'’-]+\s+)"
    r"{1,5}?)?\s*(?:on\s+)?$",
    re.I,
)
# "said that in the first five months ...", "reported that during the January-May period ...":
# a date after "that" stands inside the words reported, so it is what they date, never the day
# they were said (round twenty-six; "said on Monday that ..." keeps its day before "that").
_REPORTED = re.compile(r"\bthat\b", re.I)
# "in January 2017 that has since put thousands behind bars": the date starts a running count.
_SINCE_AFTER = re.compile(r"\s*,?\s*(?:that|which)?\s*(?:has|have)\s+since\b", re.I)


_SPEECH_AFTER = re.compile(
    r"\s*(?:said|says|told|announced|added|stated|warned|urged|noted|reported|explained|"
    r"suggested|proposed|called)\b",
    re.I,
)


@dataclass(frozen=True)
class DateReading:
    """A date phrase resolved: the days it spans, how precisely, and what it dates."""

    words: str
    start: int  # character offsets in the sentence
    end: int
    first: dt.date
    last: dt.date
    precision: DatePrecision
    role: str  # "point", "period", "start", "end", "as_of", "said" or "compare"
    note: str
    kind: str = ""  # the phrase pattern that read it


@dataclass(frozen=True)
class When:
    """The dates a draft record gets from its sentence; None is an explicit blank."""

    period_start: dt.date | None = None
    period_end: dt.date | None = None
    as_of: dt.date | None = None
    said_on: dt.date | None = None
    precision: DatePrecision | None = None  # of the figure's dates (not of said_on)
    notes: tuple[str, ...] = ()
    confidence: float = 0.0  # how sure the draft is of the dates it filled (0 when blank)
    reason: str = ""  # which words the dates came from
    # Dates only inferred (from another sentence, the publication day, a running count's day):
    # never filled, offered to the curator as a one-click suggestion with its own reason.
    offer: When | None = None


def offered(inferred: When, why: str, said_on: dt.date | None = None) -> When:
    """A blank that offers ``inferred`` as a suggestion: a date the figure's own clause does
    not state is never filled (a blank beats a wrong guess), but the curator may take it."""
    if inferred.offer is not None:  # an inference on an inference: the first one's dates
        inferred = inferred.offer
    if not any((inferred.period_start, inferred.period_end, inferred.as_of)):
        return When(said_on=said_on, notes=inferred.notes, reason=f"{why}: left blank")
    return When(
        said_on=said_on,
        notes=inferred.notes,
        reason=f"{why}: left blank, offered as a suggestion",
        offer=inferred,
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(text: str | None, published: dt.date, month: int | None = None) -> int:
    """The year a phrase means: stated, last/this year, else the latest not after publication."""
    if text is None:
        if month is not None and month > published.month:
            return published.year - 1
        return published.year
    low = text.lower().split()
    if low[0] == "last":
        return published.year - 1
    if low[0] == "this":
        return published.year
    return int(text)


# "in May", "since May", "late May": a preposition makes "May" the month, not the verb.
_MONTH_PREPOSITION = re.compile(
    r"\b(?:in|since|until|till|by|from|during|of|through|to|early|late|mid|end\s+of)[\s-]+$", re.I
)


def _span(
    kind: str, m: re.Match[str], pub: dt.date
) -> tuple[dt.date, dt.date, DatePrecision, str] | None:
    """The days a matched phrase covers, its precision, and how it was read."""
    g = m.groupdict()
    day, month, year = DatePrecision.day, DatePrecision.month, DatePrecision.year
    if kind == "end_of_month":
        mo = _MONTH_NUMBER[g["m1"].lower()]
        when = _month_end(_year_of(g.get("year"), pub, mo), mo)
        return when, when, day, f"{m.group(0).strip()}: {when}"
    if kind == "unread":
        return pub, pub, day, f"{m.group(0).strip()}: a time the drafts do not resolve"
    if kind == "end_of_year":
        y = int(g["year"]) if g.get("year") else pub.year - (g["rel"].lower() == "last")
        when = dt.date(y, 12, 31)
        return when, when, day, f"{m.group(0).strip()}: {when}"
    if kind == "first_days":
        n = (
            7
            if not g.get("n")
            else _COUNT.get(g["n"].lower(), int(g["n"]) if g["n"].isdigit() else 0)
        )
        y = int(g["year"]) if g.get("year") else pub.year
        if not 1 <= n <= 31:
            return None
        if g.get("campaign") is not None and not re.search(
            r"\b(?:campaign|drive|crackdown)\b", m.string, re.I
        ):
            return None  # "its first week" of something not the campaign: not read
        if g.get("campaign") is not None and dt.date(y, 1, n) > pub:
            return None
        if g.get("this_month"):
            if n >= pub.day:
                return None  # the first days of this month must lie before publication
            return pub.replace(day=1), pub.replace(day=n), day, f"first {n} days of this month"
        return dt.date(y, 1, 1), dt.date(y, 1, n), day, f"first {n} days of {y}"
    if kind == "year_before":
        named = [int(y) for y in re.findall(rf"\b({_YEAR_RE})\b", m.string[: m.start()])]
        if not named:
            return None  # before which year? Not said: left blank
        y = named[-1] - 1
        return dt.date(y, 1, 1), dt.date(y, 12, 31), year, f"the year before {y + 1}: {y}"
    if kind == "year_earlier":
        named = re.findall(rf"\b(?:in|during)\s+({_YEAR_RE})\b", m.string[: m.start()])
        if not named:
            return None  # a year earlier than what? Not a whole year named: left blank
        y = int(named[-1]) - 1
        return dt.date(y, 1, 1), dt.date(y, 12, 31), year, f"a year earlier than {y + 1}: {y}"
    if kind == "last_week":
        return None  # which day of it? Not said: the phrase is read, and dates nothing
    if kind == "year_start":
        first = dt.date(pub.year, 1, 1)
        return first, first, day, f"the start of the year: {first}"
    if kind == "so_far":
        return dt.date(pub.year, 1, 1), pub, day, f"so far this year: {pub.year}-01-01 to {pub}"
    if kind == "same_period":
        y = _year_of(g.get("year"), pub)
        return dt.date(y, 1, 1), dt.date(y, 12, 31), year, f"{m.group(0)}: a comparison"
    if kind == "month_range":
        m1, m2 = _MONTH_NUMBER[g["m1"].lower()], _MONTH_NUMBER[g["m2"].lower()]
        y = _year_of(g.get("year"), pub) if g.get("year") else None
        if y is None:  # unsaid: the latest such stretch that had ended by publication
            y = pub.year if _month_end(pub.year, m2) <= pub or m2 <= pub.month else pub.year - 1
        y1 = int(g["y1"]) if g.get("y1") else (y if m1 <= m2 else y - 1)
        first, last = dt.date(y1, m1, 1), _month_end(y, m2)
        return first, last, month, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "month_pair":
        m1, m2 = _MONTH_NUMBER[g["m1"].lower()], _MONTH_NUMBER[g["m2"].lower()]
        if m2 != m1 + 1:
            return None  # two months apart: no one stretch, and either alone would be wrong
        y = _year_of(g.get("year"), pub) if g.get("year") else None
        if y is None:  # unsaid: the latest such pair that had ended by publication
            y = pub.year if _month_end(pub.year, m2) <= pub or m2 <= pub.month else pub.year - 1
        first, last = dt.date(y, m1, 1), _month_end(y, m2)
        return first, last, month, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "weekday_range":
        back = (pub.weekday() - _WEEKDAYS.index(g["w2"].lower())) % 7
        last = pub - dt.timedelta(days=back)
        first = last - dt.timedelta(
            days=(_WEEKDAYS.index(g["w2"].lower()) - _WEEKDAYS.index(g["w1"].lower())) % 7
        )
        return first, last, day, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "date_range":
        m1 = _MONTH_NUMBER[(g.get("m1") or g["n1"]).lower()]
        m2 = _MONTH_NUMBER[(g.get("m2") or g["n2"]).lower()]
        y2 = int(g["year"]) if g.get("year") else _year_of(None, pub, m2)
        y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        try:
            first = dt.date(y1, m1, int(g.get("d1") or g["e1"]))
            last = dt.date(y2, m2, int(g.get("d2") or g["e2"]))
        except ValueError:
            return None
        return first, last, day, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "open_range":
        return _open_range(m, pub)
    if kind == "to_end":
        if g.get("m2"):
            mo = _MONTH_NUMBER[g["m2"].lower()]
            when = _month_end(_year_of(g.get("year_m"), pub, mo), mo)
        else:
            y = int(g["year"]) if g.get("year") else pub.year - (g["rel"].lower() == "last")
            when = dt.date(y, 12, 31)
        return when, when, day, f"{m.group(0).strip()}: {when}"
    if kind == "year_range":
        first, last = dt.date(int(g["y1"]), 1, 1), dt.date(int(g["year"]), 12, 31)
        return first, last, year, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "day_range":
        m1 = _MONTH_NUMBER[g["m1"].lower()]
        m2 = _MONTH_NUMBER[g["m2"].lower()] if g.get("m2") else m1
        y = _year_of(g.get("year"), pub, m1)
        try:
            first, last = dt.date(y, m1, int(g["d1"])), dt.date(y, m2, int(g["d2"]))
        except ValueError:
            return None
        return first, last, day, f"{m.group(0).strip()}: {first} to {last}"
    if kind == "same_months":
        n = _COUNT.get(g["n"].lower(), int(g["n"]) if g["n"].isdigit() else 0)
        if not 1 <= n <= 12:
            return None
        y = _year_of(g.get("year"), pub)
        return dt.date(y, 1, 1), _month_end(y, n), month, f"the same {n} months of {y}"
    if kind in ("first_months", "first_half"):
        n = {"half": 6, "quarter": 3}.get((g.get("part") or "").lower()) or _COUNT.get(
            (g.get("n") or "").lower(), int(g["n"]) if (g.get("n") or "").isdigit() else 0
        )
        if not 1 <= n <= 12:
            return None
        # Unsaid year: the latest such stretch that had ended by publication.
        y = _year_of(g.get("year"), pub)
        if g.get("year") is None and _month_end(y, n) > pub:
            y -= 1
        return dt.date(y, 1, 1), _month_end(y, n), month, f"first {n} months of {y}"
    if kind == "mid_month":
        mo = _MONTH_NUMBER[g["month"].lower()]
        y = _year_of(g.get("year"), pub, mo)
        d = {"mid": 15, "early": 1, "late": _month_end(y, mo).day}[g["edge"].lower()]
        when = dt.date(y, mo, d)
        return when, when, month, f"{m.group(0).strip()} read as {when.isoformat()}"
    if kind == "new_year":
        y = int(g["year"]) if g.get("year") else pub.year
        eve = m.group(0).lower().endswith("eve")
        when = dt.date(y - 1, 12, 31) if eve else dt.date(y, 1, 1)
        return when, when, day, f"New Year's {'Eve' if eve else 'Day'} {when.year}"
    if kind in ("month_day", "day_month"):
        mo, d = _MONTH_NUMBER[g["month"].lower()], int(g["day"])
        y = _year_of(g.get("year"), pub, mo)
        if g.get("year") is None and dt.date(y, mo, min(d, 28)) > pub:
            y -= 1
        try:
            when = dt.date(y, mo, d)
        except ValueError:
            return None
        return when, when, day, when.isoformat()
    if kind == "month":
        if (
            g["month"].lower() == "may"
            and not g.get("year")
            and not _MONTH_PREPOSITION.search(m.string[: m.start()])
        ):
            return None  # "may" is a verb far more often than a month; "in May" is the month
        mo = _MONTH_NUMBER[g["month"].lower()]
        y = _year_of(g.get("year"), pub, mo)
        return dt.date(y, mo, 1), _month_end(y, mo), month, f"{calendar.month_name[mo]} {y}"
    if kind in ("yesterday", "today"):
        when = pub - dt.timedelta(days=1 if kind == "yesterday" else 0)
        return when, when, day, f"{kind}: {when.isoformat()}"
    if kind == "weekday":
        # News reports the past: the latest such weekday on or before publication.
        back = (pub.weekday() - _WEEKDAYS.index(g["weekday"].lower())) % 7
        when = pub - dt.timedelta(days=back)
        return when, when, day, f"{g['weekday']} before publication: {when.isoformat()}"
    if kind in ("last_month", "this_month"):
        first = (
            (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
            if kind == "last_month"
            else pub.replace(day=1)
        )
        return (
            first,
            _month_end(first.year, first.month),
            month,
            f"{kind.replace('_', ' ')}: {first:%B %Y}",
        )
    if kind in ("last_year", "this_year", "year"):
        y = int(g["year"]) if kind == "year" else pub.year - (kind == "last_year")
        return dt.date(y, 1, 1), dt.date(y, 12, 31), year, f"the year {y}"
    return None


def _open_range(
    m: re.Match[str], pub: dt.date
) -> tuple[dt.date, dt.date, DatePrecision, str] | None:
    """A range of two differently written ends ("From January 1 to the end of March", "from 2017
    through November 2023"): the first day of the first end to the last day of the second; a
    year left out is the latest such stretch that had ended by publication. Each end must name
    a month or a year."""
    g = m.groupdict()
    m1 = g.get("m1") or g.get("n1")
    d1 = g.get("d1") or g.get("e1")
    if not (m1 or g.get("y1")) or not (g.get("m2") or g.get("year")):
        return None
    mo1 = _MONTH_NUMBER[m1.lower()] if m1 else 1
    mo2 = _MONTH_NUMBER[g["m2"].lower()] if g.get("m2") else 12
    if g.get("year"):
        y2 = int(g["year"])
    elif g.get("y1"):
        y2 = int(g["y1"]) + (mo2 < mo1)
    else:
        y2 = pub.year if _month_end(pub.year, mo2) <= pub or mo2 <= pub.month else pub.year - 1
    y1 = int(g["y1"]) if g.get("y1") else (y2 if mo1 <= mo2 else y2 - 1)
    try:
        first = dt.date(y1, mo1, int(d1) if d1 else 1)
        last = dt.date(y2, mo2, int(g["d2"])) if g.get("d2") else _month_end(y2, mo2)
    except ValueError:
        return None
    if last < first:
        return None
    precision = (
        DatePrecision.day if g.get("d2") or "end of" in m.group(0).lower()
        else DatePrecision.month if g.get("m2") else DatePrecision.year
    )  # fmt: skip
    return first, last, precision, f"{m.group(0).strip()}: {first} to {last}"


# ", opened in 2017,", "which was built in 2018": the day of something the sentence names.
# "It was built in 2016 for 300", "the centre was opened in 2019": one thing's founding (a
# singular "was"; "1,200 homes were built in 2019" may be the count of that year) (round
# twenty-eight).
_FOUNDED = re.compile(
    r"(?:,|\b(?:which|that)\s+(?:was|were)?|\b(?:it|which|that|the\s+[\w-]+)\s+was)\s*"
    r"(?:first\s+)?(?:opened|built|founded|set\s+up|established|created|adopted|passed)\s+"
    r"(?:in|on)\s+$",
    re.I,
)
_AS_OF = re.compile(r"\bas\s+(?:of|at)\s*$", re.I)
_END = re.compile(
    r"\b(?:through|until|till|to|by|up\s+to|(?:that|which)\s+(?:ended|ends)\s+(?:on|in)?)\s*$",
    re.I,
)
_START_NOW = re.compile(r"\b(?:since|from|starting)\s*$", re.I)
# "since the launch on New Year's Day": the start word may stand a few words back.
# "from the launch of the campaign against illegal drugs on 1 January 2017 to ...": "from the
# launch" starts the period as "since" does.
_START_BACK = re.compile(
    r"\b(?:since|from\s+the\s+(?:launch|start|beginning|opening))(?:\s+[\w'’-]+){1,8}\s*$", re.I
)
# "compared to 2016", "than in 2016": the date of the number compared with, not the figure's.
_COMPARE = re.compile(
    r"\b(?:compared\s+(?:to|with)|than|versus|vs\.?)\s+(?:(?:in|during|the|of)\s+)*$"
    # "a 9 percent rise from January", "down from 2019": the period set against.
    r"|\b(?:rise|rises|increase|increases|drop|drops|fall|falls|decline|declines|jump|up|down|"
    # "up about 170 percent on the first three months of last year": a hedge may stand between.
    # Round thirty-seven: "Change against January to August 2018: up 27 percent", "up 27
    # percent against 2018": "against" after a change names its base as "from" does.
    r"rose|fell|increased|decreased|dropped|climbed|change|changes)(?:\s+(?:about|around|some|"
    r"nearly|almost|roughly|more\s+than|over|just\s+over|just\s+under))?"
    r"(?:\s+[\d.,]+\s*(?:%|percent|per\s+cent))?\s+(?:from|over|on|against)\s+(?:the\s+)?$"
    # "three times the amount seized in 2018": the year of the amount set against.
    # "twice the 198 it referred in 2019" is the date of the 198 (round twenty-eight): a number
    # between is the count the date belongs to, set against the figure as a whole.
    r"|\b(?:times|twice|double|triple)\s+(?:the|that|its)\s+(?:(?!\d)[\w-]+\s+){0,4}?(?:in|during|of|for)\s+(?:the\s+)?$",
    re.I,
)


def _role(before: str, first: dt.date, last: dt.date, kind: str = "") -> str:
    """What the date is to the sentence's figure, from the words just before it."""
    if kind == "same_period" or _COMPARE.search(before):
        return "compare"
    if _FOUNDED.search(before):
        return "event"  # "The centre, opened in 2017, now houses 420": when it opened
    if _AS_OF.search(before):
        # "As of 2019, the government ran 12 centres": a stock needs a day, and a year names
        # none (round twenty-eight): read, and nothing dated.
        return "unread" if kind == "year" else "as_of"
    if _END.search(before):
        return "end"
    if _START_NOW.search(before):
        return "start"
    speech = _SPEECH.search(before)
    if speech and not _REPORTED.search(speech.group(0)):
        return "said"
    if _START_BACK.search(before):
        return "start"
    return "period" if first != last else "point"


def read_dates(sentence: str, published: dt.date) -> list[DateReading]:
    """Every date phrase in the sentence resolved against the publication date, in order."""
    found: list[DateReading] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            span = _span(kind, m, published)
            if span is None:
                continue
            first, last, precision, note = span
            role = "unread" if kind == "unread" else _role(sentence[: m.start()], first, last, kind)
            if role in ("point", "period") and _SPEECH_AFTER.match(sentence[m.end() :]):
                role = "said"  # "the chief yesterday warned ...": the day of the speech
            elif role in ("point", "period") and _SINCE_AFTER.match(sentence[m.end() :]):
                role = "start"
            if kind == "to_end" and role in ("point", "period", "start"):
                role = "end"  # "... on 1 January 2017 to the end of 2020": its own words say
            taken.append((m.start(), m.end()))
            found.append(
                DateReading(
                    m.group(0), m.start(), m.end(), first, last, precision, role, note, kind
                )
            )
    return sorted(found, key=lambda r: r.start)


# The clause describing a speaker: from "who" to the verb of speech after it, or, after
# "according to", to the sentence's end.
_SPEAKER_WHO = re.compile(
    r"(?:,\s*|\s)(who\b[^;:\"“”]*?),\s+(?:said|says|told|tells|added|adds|estimated|estimates)\b"
    # "..., said Chhun Vireak, deputy director of ..., who has run the centre since it opened
    # in 2018": the speaker named after the verb, described to the sentence's end (round
    # twenty-eight).
    r"|\baccording to [^;\"“”]*?,\s+(who\b[^;\"“”]*)$"
    r"|,\s*(?:said|says|told|added)\s+[^;\"“”]*?(?:,\s*|\s)(who\b[^;\"“”]*)$"
)


def _owned(
    readings: Sequence[DateReading],
    sentence: str,
    at: tuple[int, int],
    others: Sequence[tuple[int, int]],
) -> tuple[list[DateReading], str]:
    """The readings that date the figure at ``at``: those nearer to it than to any other figure
    with no comparison between ("725 kg in 2019, against 530 kg in 2018"); else the nearest
    reading no comparison separates from it ("In 2017, ... 17,800 suspects in 8,170 cases")."""

    def gap(r: DateReading, span: tuple[int, int]) -> int:
        return max(span[0] - r.end, r.start - span[1], 0)

    def open_to(r: DateReading, span: tuple[int, int]) -> bool:
        between = sentence[min(r.end, span[1]) : max(r.start, span[0])]
        if r.end <= span[0] and _CAPACITY_AGAINST.search(between):
            return True  # "held 21,900 at the end of February, against a capacity of 11,000"
        return not _COMPARE_WORDS.search(between)

    def owner(r: DateReading) -> tuple[int, int] | None:
        """The figure a date phrase belongs to. Between two figures it follows the one before
        it ("9,000 at the end of 2016 to 19,400 ...") unless it leads a clause of its own
        (", and in 2020, 6,000 ..."); else the only figure no comparison separates from it."""
        spans = [s for s in (at, *others) if open_to(r, s)]
        before = [s for s in spans if s[1] <= r.start]
        after = [s for s in spans if s[0] >= r.end]
        if before and after:
            leads = _LEADS_AFTER.match(sentence, r.end) and _LEADS_BEFORE.search(
                sentence[: r.start]
            )
            # "700 kg ... on Wednesday, bringing the total since 2017 to 9 tonnes": a new
            # clause opens before the date and runs on to the next figure.
            opens = "," in sentence[max(before)[1] : r.start] and not re.search(
                r"[,;]", sentence[r.end : min(after)[0]]
            )
            return min(after) if leads or opens else max(before)
        if before or after:
            return max(before) if before else min(after)
        return min(spans, key=lambda s: gap(r, s)) if spans else None

    own = [
        r
        for r in readings
        if owner(r) == at
        and not _present_apart(sentence, r, at)
        # "Shares fell on Tuesday after customs officers found 1.6 tonnes": the day is the
        # main clause's; the figure stands in a clause of its own that the day does not reach.
        and not (r.end <= at[0] and _SUBORDINATE.search(sentence[r.end : at[0]]))
        and not (r.start >= at[1] and _CAUSE.search(sentence[at[1] : r.start]))
        and not _in_leading_clause(sentence, r, at)
    ]
    if any(r.start >= at[1] for r in own):
        # "... flat until 2020 and then climbs: police seized 4.5 tonnes in 2021": a date in the
        # clause before a colon or semicolon is not the figure's when its own words after it
        # give one (round fourteen).
        own = [
            r for r in own if not (r.end <= at[0] and re.search(r"[:;]", sentence[r.end : at[0]]))
        ]
    reason = "the words next to the figure"
    label = _LABEL.match(sentence)
    if not own and label is not None:
        # "2017: 17,690 people arrested in 7,960 cases; 1,158 kg seized", "2023 (January to
        # November only): ...": a line headed by a date, as a table's row is, dates every
        # figure on it.
        own = [r for r in readings if r.end <= label.end()]
        return own, "the date heading its line"
    if not own:
        near = sorted(
            (gap(r, at), r.start, r)
            for r in readings
            if open_to(r, at)
            and not _CLAUSE_BREAK.search(sentence[min(r.end, at[1]) : max(r.start, at[0])])
            and not (r.end <= at[0] and _SUBORDINATE.search(sentence[r.end : at[0]]))
            and not (r.start >= at[1] and _PART.search(sentence[at[1] : r.start]))
            and not (r.start >= at[1] and _CAUSE.search(sentence[at[1] : r.start]))
            and not _present_apart(sentence, r, at)
            and not _in_leading_clause(sentence, r, at)
            and not _set_against(sentence, owner(r), at)
        )
        own, reason = ([near[0][2]], "the nearest date in its clause") if near else ([], "")
        holder = owner(own[0]) if own else None
        if (
            holder is not None
            and holder[0] >= at[1]
            and _RATIO.search(sentence[at[0] : at[1] + 8])
            and re.search(r"\bthe\s+$", sentence[at[1] : holder[0]])
        ):
            # "17 percent on the 9,760 held in the same months of 2021", "three times the 1.6
            # tonnes seized a year earlier": a change or multiple is set against the count that
            # owns the date; that date is the other count's, never the change's.
            own, reason = [], ""
            holder = None
        if holder is not None:
            # "4,930 people in 2,204 cases from January 1 up to Sunday": the whole date
            # phrase of the figure it is coordinated with, not its first word alone.
            own = [r for r in readings if owner(r) == holder and open_to(r, at)]
    if any(r.role != "point" for r in own):
        own = [r for r in own if r.role != "point"]  # a period beats a stray day beside it
    return own, reason


# "prisons held 41,520 inmates at the end of October 2024, against an official capacity of
# 26,600": a capacity set against a stock is the capacity on the stock's day, never a count of
# another time (round twenty-six); the date and the capacity stand in one clause.
_CAPACITY_AGAINST = re.compile(
    r"^[^;:.]*?\bagainst\s+(?:an?|the|its|their)\s+(?:combined\s+)?(?:official\s+)?"
    r"capacity\s+of\s+(?:about\s+|some\s+|roughly\s+|around\s+|nearly\s+|just\s+)*$",
    re.I,
)
# "compared to 18,223 in 2018", "against 530 kg in 2018": a count set against another.
_SET_AGAINST = re.compile(
    r"\b(?:compared\s+(?:to|with)|against|versus|vs\.?|than|from)\s+(?:the\s+|those\s+)?$", re.I
)


def _set_against(sentence: str, holder: tuple[int, int] | None, at: tuple[int, int]) -> bool:
    """Whether a date belongs to another figure that is a count set against one before it: the
    compared count's date is never lent to a third figure ("20,139 in 2019, compared to 18,223
    in 2018, and nearly two thirds of them ..." gives "two thirds" no 2018) (round ten)."""
    if holder is None or holder == at:
        return False
    return bool(_SET_AGAINST.search(sentence[max(0, holder[0] - 30) : holder[0]]))


# "When I visited the prison in August, its director told me ...": a clause opening the sentence
# on when something happened; its date is that event's (round nine).
_LEADING_WHEN = re.compile(r"^\W*(?:When|While|As(?!\s+of\b))\s[^,;]*$")


def _in_leading_clause(sentence: str, r: DateReading, at: tuple[int, int]) -> bool:
    """Whether the date stands in a "When ..." clause that opens the sentence and closes with a
    comma before the figure: the day of that clause's event, not the figure's."""
    return (
        r.end <= at[0]
        and bool(_LEADING_WHEN.match(sentence[: r.start]))
        and "," in sentence[r.end : at[0]]
    )


# Clauses joined into one sentence (", and ...", "; ...", ", but ..."), and the words of a
# clause about now: "have been sent ... since 2017, and at least 11 of those centres still take
# people" counts the centres today, never since 2017.
_JOIN = re.compile(r",\s*(?:and|but)\b|;")
_NOW = re.compile(r"\b(?:still|now|currently|today|nowadays|remain|remains)\b", re.I)


def clause_about_now(sentence: str, at: tuple[int, int]) -> bool:
    """Whether the figure at ``at`` stands in a clause of its own about the present, joined to
    others in the sentence (", and at least 11 of those centres still take ...")."""
    prev = [m.end() for m in _JOIN.finditer(sentence, 0, at[0])]
    nxt = _JOIN.search(sentence, at[1])
    if not prev and nxt is None:
        return False
    clause = sentence[prev[-1] if prev else 0 : nxt.start() if nxt else len(sentence)]
    return bool(_NOW.search(clause))


def _present_apart(sentence: str, r: DateReading, at: tuple[int, int]) -> bool:
    """Whether the figure at ``at`` stands in a clause about the present and the date in
    another: a date from another clause would give a stock of today a past period."""
    a, b = min(r.end, at[1]), max(r.start, at[0])
    return bool(_JOIN.search(sentence, a, b)) and clause_about_now(sentence, at)


# A date phrase that leads its own clause (", and in 2020, 6,000 ..."): it dates what follows.
_LEADS_AFTER = re.compile(r"\s*,")
_LEADS_BEFORE = re.compile(
    r"(?:[,;:]|\band|\bwhile|\bbut)\s*(?:(?:in|on|during|by|for)\s+)?$", re.I
)
# "the prisons held 39,000", "remained", "counted": a stock on a day, not a day's count.
_STOCK = re.compile(
    r"\b(?:(?:prisons?|centres?|centers?|facilit\w+|jails?|cells?)\s+(?:now\s+)?held|holds?|"
    r"housed|counted|remained|remains?|there\s+(?:are|were|is|was))\b",
    re.I,
)
_PERFECT = re.compile(
    # "had led to 57,650 arrests since ...", told on a day: reported speech's perfect too.
    r"\b(?:have|has|had)\s+(?:since\s+)?(?:been\s+)?(?:\w+ed|led|sent|held|caught|taken|brought|put|found|seen)\b"
    r"|\b(?:counts|stands|so\s+far|to\s+date)\b",
    re.I,
)
# "has swept up 23,000 since it was launched", "so far": a running total (not "have been
# seized ..., officials said Monday", one haul).
_RUNNING = re.compile(r"\b(?:has|have|had)\b.*\bsince\b|\bso\s+far\b|\bto\s+date\b", re.I)
# "according to government figures": a count from a document whose own day is not given.
_CITED = re.compile(
    r"\baccording\s+to\s+(?:[\w'’-]+\s+){0,4}(?:figures|data|statistics|records|numbers)\b",
    re.I,
)
# A line headed by a date and a colon: "2019: ...", "2023 (January to November only): ...".
_LABEL = re.compile(r"\s*(?:19|20)\d{2}\s*(?:\([^)]{0,60}\))?\s*:\s")
# A change or a multiple: "17 percent", "three times".
_RATIO = re.compile(r"%|\bper\s?cent\b|\bpercent\b|\btimes\b", re.I)
# A clause of its own opening between a date and the figure after it.
# Not right after the date ("in 2021, when 14,000 were held" is the date's own clause), nor
# a date's apposition ("2016, the year before the campaign began").
_SUBORDINATE = re.compile(
    r"(?<!^)(?<!^,)(?<!^, )(?<!year )(?<!month )(?<!week )(?<!day )\b(?:after|before|when|"
    r"because|whereas|while)\s+(?!\d)",
    re.I,
)
# "met about 1,250, fewer than hoped because of the lockdown in April": a date in the cause
# given after a figure is the cause's, never the figure's (round twenty-eight).
_CAUSE = re.compile(r"\b(?:because\s+of|due\s+to|owing\s+to)\b", re.I)
# Words that end the clause a fallback date may reach across ("... and estimated that ...",
# "..., and police separately took ...": another event, round fifteen).
_CLAUSE_BREAK = re.compile(r"\b(?:that|while|whereas|but|estimated|separately)\b|;", re.I)
# A breakdown's own clause ("including 6.8 kg ... found on Thursday"): its date is the part's,
# never the whole's; a date after a comma (", including 611 women, in 2022") is the sentence's.
_PART = re.compile(r"\b(?:including|among\s+them|of\s+which)\b[^,;]*$", re.I)
_COMPARE_WORDS = re.compile(
    r"\b(?:compared|(?<!more )(?<!less )(?<!fewer )(?<!rather )than|versus|against|"
    r"up\s+from|down\s+from|same\s+period|(?:up|down|from)(?=\s+[\d$]))\b"
    # "more than the 2,130 arrested in 2019": a count set against, not a hedge.
    r"|\b(?:more|fewer|less)\s+than\s+(?:the|those)\b",
    re.I,
)

COMPARE_WORDS = _COMPARE_WORDS  # for the rules that infer a date from a sentence's structure


# Phrases whose year the reader supplies when the words leave it out ("in March").
_YEAR_FROM_PUBLICATION = frozenset(
    ("month", "month_day", "day_month", "end_of_month", "mid_month", "month_range", "month_pair",
     "date_range", "day_range", "first_months", "first_half", "same_months")
)  # fmt: skip


def _year_unsaid(r: DateReading) -> bool:
    return r.kind in _YEAR_FROM_PUBLICATION and not re.search(
        rf"{_YEAR_RE}|\b(?:this|last)\s+year|\bthe\s+year\b", r.words, re.I
    )


def when(
    sentence: str,
    published: dt.date | None,
    at: tuple[int, int] | None = None,
    others: Sequence[tuple[int, int]] = (),
) -> When:
    """The dates of a figure (at its offsets ``at``, the sentence's other figures at
    ``others``) or of a statement (``at`` None) in this sentence; blanks where unsure.

    The publication date is never filled in silently: without a date phrase, or without the
    publication date to resolve one against, every field stays None. A comparison's date
    ("compared to 2016") dates nothing; a day after publication is never filled in.
    """
    if published is None:
        return When()
    readings = read_dates(sentence, published)
    said = next((r.first for r in readings if r.role == "said"), None)
    # The day a count was given ends a running count only when the words name that day.
    said_day = next(
        (r.first for r in readings if r.role == "said" and r.precision == DatePrecision.day), None
    )
    usable = [
        r for r in readings if r.role not in ("said", "compare", "event") and r.first <= published
    ]
    reason = "the dates in the sentence"
    if at is None:
        usable = [r for r in usable if r.role != "unread"]
    else:
        # "X, who has led the police since 2015, said 38 ...", "according to X, who has run the
        # centre since it moved in 2019": a date in the clause describing the speaker is the
        # speaker's, never the figure's (round twenty-four; Khmer has the same rule).
        about = [
            next(m.span(i) for i in (1, 2, 3) if m.group(i))
            for m in _SPEAKER_WHO.finditer(sentence)
        ]
        usable = [
            r for r in usable
            if not any(a <= r.start and r.end <= b and not a <= at[0] < b for a, b in about)
        ]  # fmt: skip
        usable, reason = _owned(usable, sentence, at, others)
        unread = [
            r
            for r in usable
            if r.role == "unread" and (r.start >= at[1] or _LEADS_AFTER.match(sentence, r.end))
        ]
        # "A report earlier this month counted 17,680 ...": the report's day, not the figure's.
        usable = [r for r in usable if r.role != "unread"]
        if unread:
            # "200 a year earlier": its own date words are not read, and another figure's
            # date would be a guess.
            return When(
                notes=tuple(r.note for r in readings),
                reason=f"its own date words ({unread[0].words!r}) are not resolved: left blank",
            )
    periods = [r for r in usable if r.role == "period"]
    # "2023 (January to November only)": of two periods the figure owns, one inside the
    # other, the narrower is what the words count; the wider only names its year.
    usable = [
        r
        for r in usable
        if not any(
            o is not r and r.first <= o.first and o.last <= r.last and (o.first, o.last) !=
            (r.first, r.last) for o in periods
        ) or r.role != "period"
    ]  # fmt: skip
    start = end = as_of = None
    precision: DatePrecision | None = None
    for r in usable:
        precision = r.precision
        if r.role == "start":
            start = r.first
        elif r.role == "end":
            end = r.last
        elif r.role == "as_of":
            as_of = r.last
        elif r.role == "period" and start is None and end is None:
            start, end = r.first, r.last
        elif r.role == "point" and as_of is None and start is None:
            as_of = r.first
            if not _STOCK.search(sentence) and r.kind not in ("end_of_month", "end_of_year"):
                start = end = r.first  # "seized 130 kg on Monday": the count of that day
    notes = [r.note for r in readings]
    no_end: str | None = None  # why the words give a start but no end: then nothing is offered
    so_far = next((r for r in usable if r.kind == "so_far"), None)
    if so_far is not None and (start, end) == (so_far.first, so_far.last):
        # "said Sunday that 5,600 ... so far this year": up to the day it was said, as a
        # running count "since" is (round twenty-four); with no day named, the keys end it on
        # publication day, the day before or not at all: nothing offered.
        if said_day is not None and start <= said_day < end:
            end = said_day
            notes.append(f"so far this year, a running count: to the day it is given, {end}")
        elif said_day is None:
            no_end = f"so far this year, from {start}, a running count whose end no word gives"
    if start is not None and end is None and as_of is None and _PERFECT.search(sentence):
        if said is not None and said_day is None:
            notes.append(f"since {start}, a running count given in a month, not on a day: "
                         "its end left blank")  # fmt: skip
        elif said is None and _CITED.search(sentence):
            # "..., according to government figures cited by the group": the figures' own day
            # is not given, and the publication day would be a guess.
            notes.append(f"since {start}, a running count from figures of a day not given: "
                         "its end left blank")  # fmt: skip
            no_end = f"since {start}, a running count whose end the words do not give"
        elif said_day is not None and said_day >= start:
            # "have arrested 3,350 since January 1, he said on Monday": up to that day.
            end = said_day
            notes.append(f"since {start}, a running count: to the day it is given, {end}")
        else:
            # No day named for the count: its end would be the dateline's, a suggestion.
            notes.append(f"since {start}, a running count: its end not given, left blank")
            no_end = f"since {start}, a running count whose end the words do not give"
    if (
        at is not None
        and start is end is as_of is None
        and said_day is not None
        and (_STOCK.search(sentence) or _RUNNING.search(sentence))
    ):
        # "the prisons held 39,000, he said at a meeting on Tuesday", "has swept up 23,000
        # since it was launched, he told a meeting on Monday": a stock or running total stands
        # as of the day the words name for it.
        as_of = said_day
        notes.append(f"a stock or running total, given on {said_day}: as of that day")
    if end is not None and end > published:
        # "this year": the period had not ended when the article was written.
        notes.append(f"the period runs past publication ({published}): its end left blank")
        no_end = f"the period runs past publication ({published})"
        end = None
    if as_of is not None and as_of > published:
        as_of = None
    if no_end is not None and as_of is None:
        # "since January 1, 2017, police have arrested 48,000", "arrested this year": the keys
        # end such a count on the day it was said, the day before publication, the month's
        # end or publication day, and no word tells which (round twenty-four: 24 of 37 offers
        # to publication and every "this year" past publication were wrong on training). A
        # start alone is no right date either: the record leaves it blank and offers nothing
        # (curation/suggest/confidence.py below_threshold), the start kept in the reason.
        notes.append(f"{no_end}: left blank, nothing offered")
        end = None if no_end.startswith("so far") else end
    as_of = as_of or end
    filled = any(v is not None for v in (start, end, as_of))
    confidence = (0.9 if reason.startswith("the words") else 0.7) if filled else 0.0
    if filled and any(_year_unsaid(r) for r in usable):
        # "in March", "from January to July": the year is the latest not after publication.
        confidence -= 0.1
        reason += ", the year not written (the latest before publication)"
    if filled and usable:
        reason += f" ({'; '.join(repr(r.words) for r in usable)})"
    skipped = [r.note for r in readings if r.role == "compare"]
    notes += [f"not the figure's date: {n}" for n in skipped]
    found = When(
        start, end, as_of, said_day, precision if filled else None, tuple(notes), confidence,
        reason if filled else "no date in the words near it: left blank",
    )  # fmt: skip
    return found
