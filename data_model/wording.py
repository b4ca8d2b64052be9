"""The one place numbers, hedges, units and dates are put into words, for every page and file."""

from __future__ import annotations

import math

import pandas as pd

from data_model.qualifiers import QUALIFIER_SYMBOLS, QUALIFIER_WORDS, Qualifier

#: The name every page, file and image is signed with.
PROJECT = "Cambodia drug campaign monitor"

#: What follows a number of each unit; units not listed are named by the label instead.
UNIT_SUFFIX = {"percent": "%", "kg": " kg"}

#: strftime formats for a date known to the day, the month or the year.
DATE_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def number(value: float) -> str:
    """'8,000', '3,554.13', '0.5': up to two decimals, none when the value is whole.

    Two decimals is the most any article gives ("3,554.13kg"); float noise beyond that
    (55.00000000000001) is never shown.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return f"{rounded:,.0f}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str) -> str:
    """The number with its unit: '50%', '3,554.13 kg', '8,000'."""
    return number(value) + UNIT_SUFFIX.get(unit, "")


def hedged_words(value: float, qualifier: Qualifier | str, unit: str) -> str:
    """'more than 8,000', 'about 17,800', '3,554.13 kg': the hedge in plain words."""
    q = Qualifier(qualifier)
    text = amount(value, unit)
    return text if q is Qualifier.exact else f"{QUALIFIER_WORDS[q]} {text}"


def hedged_label(value: float, qualifier: Qualifier | str, unit: str) -> str:
    """'> 8,000', '≈ 17,800', '3,554.13 kg': the hedge as a symbol, for chart labels."""
    return QUALIFIER_SYMBOLS[Qualifier(qualifier)] + amount(value, unit)


def date_text(day: object, precision: str = "day") -> str:
    """'14 Feb 2018', 'Feb 2022' or '2017': a date as far as it is known."""
    return pd.Timestamp(day).strftime(DATE_FORMATS.get(precision, DATE_FORMATS["day"]))


def period_text(start: object, end: object, as_of: object) -> str:
    """'1 Jan 2017 – 11 Jan 2017', 'up to 11 Jan 2017', or 'as of 13 Feb 2018' where no
    period is stated."""
    if _known(start) and _known(end):
        return f"{date_text(start)} – {date_text(end)}"
    if _known(end):
        return f"up to {date_text(end)}"
    return f"as of {date_text(as_of)}"


def _known(value: object) -> bool:
    return bool(pd.notna(value))


def vague_label(words: str) -> str:
    """How a vague figure reads wherever a number would stand: its words, no number."""
    return f"{words} (no number given)"
