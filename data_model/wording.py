"""The one place numbers, hedges, units and dates are put into words, for every page and file."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from data_model.qualifiers import QUALIFIER_SYMBOLS, QUALIFIER_WORDS, Qualifier
from data_model.records import Unit

#: The name every page, file and image is signed with.
PROJECT = "Cambodia drug campaign monitor"


@dataclass(frozen=True)
class UnitWords:
    """What wording needs of a unit, taken from its declaration in units.yaml (never its id).

    How a number reads follows the unit's kind, so a unit declared only in the data reads
    right with no code change: a share is '50%', a mass '3,554.13 kg' (mass is counted in
    kilograms), money 'USD 1,000,000' (its ISO 4217 code first: one convention for every
    currency, no table of symbols to keep), and a count the bare number, its label ('people',
    'boats') standing where the unit is named: the metric, the axis, the unit_label column.
    """

    kind: str
    label: str
    currency: str | None = None

    @classmethod
    def of(cls, unit: Unit) -> UnitWords:
        return cls(str(unit.kind), unit.label, unit.currency)


#: The unit of a share the checks compute themselves (users / total), whatever the data holds.
PERCENT = UnitWords("share", "percent")


def unit_words(row: Any) -> UnitWords:
    """The unit of a figure as the read layer gives it (unit_kind, unit_label, currency), from
    a pandas row, a named tuple or a dict."""
    get = row.get if hasattr(row, "get") else lambda key: getattr(row, key, None)
    kind, label, currency = get("unit_kind"), get("unit_label"), get("currency")
    if not isinstance(kind, str):
        raise KeyError(f"the figure carries no unit_kind: {row!r}")
    return UnitWords(kind, str(label), currency if isinstance(currency, str) else None)


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


def amount(value: float, unit: UnitWords) -> str:
    """The number with its unit: '50%', '3,554.13 kg', 'USD 1,000,000', '8,000'."""
    text = number(value)
    if unit.kind == "share":
        return f"{text}%"
    if unit.kind == "mass":
        return f"{text} kg"
    if unit.kind == "money":
        return f"{unit.currency} {text}"
    return text


def hedged_words(value: float, qualifier: Qualifier | str, unit: UnitWords) -> str:
    """'more than 8,000', 'about 17,800', '3,554.13 kg': the hedge in plain words."""
    q = Qualifier(qualifier)
    text = amount(value, unit)
    return text if q is Qualifier.exact else f"{QUALIFIER_WORDS[q]} {text}"


def hedged_label(value: float, qualifier: Qualifier | str, unit: UnitWords) -> str:
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
