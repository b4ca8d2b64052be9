"""The one place numbers, hedges, units and dates are put into words, for every page and file."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from data_model.i18n import N_, translator
from data_model.qualifiers import QUALIFIER_SYMBOLS, VAGUE_LOWER_BOUNDS, Qualifier
from data_model.records import Unit

#: The name every page, file and image is signed with.
PROJECT = N_("Cambodia drug campaign monitor")


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


#: strftime formats for a date known to the day, the month or the year (English; every
#: language, English included, is written by data_model.i18n from the catalogue's pattern).
DATE_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}

#: Each hedge as a phrase around the amount, for the catalogue: word order is the
#: translator's ("ជាង ៨.០០០"). In English each is qualifiers.QUALIFIER_WORDS, then the
#: amount (a test keeps them equal).
HEDGE_PHRASES: dict[Qualifier, str] = {
    Qualifier.approx: N_("about {amount}"),
    Qualifier.more_than: N_("more than {amount}"),
    Qualifier.at_least: N_("at least {amount}"),
    Qualifier.fewer_than: N_("fewer than {amount}"),
    Qualifier.at_most: N_("at most {amount}"),
}

#: A range ("between 300 and 400") in words and on a chart label: both ends, never one number.
RANGE_PHRASE = N_("{low}–{high}")

#: The vague words of qualifiers.VAGUE_LOWER_BOUNDS, for the catalogue; a test keeps the
#: two lists equal.
VAGUE_WORDS: tuple[str, ...] = (
    N_("dozens"),
    N_("hundreds"),
    N_("thousands"),
    N_("tens of thousands"),
    N_("many"),
    N_("several"),
    N_("some"),
)


def number(value: float, lang: str = "en") -> str:
    """'8,000', '3,554.13', '0.5' (Khmer: '៨.០០០', '៣.៥៥៤,១៣', '០,៥'): up to two decimals,
    none when the value is whole.

    Two decimals is the most any article gives ("3,554.13kg"); float noise beyond that
    (55.00000000000001) is never shown.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    rounded = round(float(value), 2)
    whole = rounded.is_integer()
    text = f"{rounded:,.0f}" if whole else f"{rounded:,.2f}".rstrip("0").rstrip(".")
    return translator(lang).number_text(text)


def amount(value: float, unit: UnitWords, lang: str = "en") -> str:
    """The number with its unit: '50%', '3,554.13 kg', 'USD 1,000,000', '8,000'."""
    t = translator(lang)
    text = number(value, lang)
    if unit.kind == "share":
        return t.gettext("{number}%").format(number=text)
    if unit.kind == "mass":
        return t.gettext("{number} kg").format(number=text)
    if unit.kind == "money":
        return t.gettext("{currency} {number}").format(currency=unit.currency, number=text)
    return text


def hedged_words(
    value: float,
    qualifier: Qualifier | str,
    unit: UnitWords,
    lang: str = "en",
    value_to: float | None = None,
) -> str:
    """'more than 8,000', 'about 17,800', '3,554.13 kg', '300–400' (Khmer: 'ជាង ៨.០០០'):
    the hedge in plain words; ``value_to`` is a range's upper end."""
    q = Qualifier(qualifier)
    if q is Qualifier.between:
        return _range(value, value_to, unit, lang)
    text = amount(value, unit, lang)
    if q is Qualifier.exact:
        return text
    return translator(lang).gettext(HEDGE_PHRASES[q]).format(amount=text)


def hedged_label(
    value: float,
    qualifier: Qualifier | str,
    unit: UnitWords,
    lang: str = "en",
    value_to: float | None = None,
) -> str:
    """'> 8,000', '≈ 17,800', '3,554.13 kg', '300–400': the hedge as a symbol, for chart
    labels; ``value_to`` is a range's upper end."""
    q = Qualifier(qualifier)
    if q is Qualifier.between:
        return _range(value, value_to, unit, lang)
    return QUALIFIER_SYMBOLS[q] + amount(value, unit, lang)


def _range(low: float, high: float | None, unit: UnitWords, lang: str) -> str:
    """'300–400', '30%–40%': a range keeps both its ends."""
    if high is None or (isinstance(high, float) and math.isnan(high)):
        raise ValueError(f"a range from {low!r} has no upper end (value_to)")
    return (
        translator(lang)
        .gettext(RANGE_PHRASE)
        .format(low=amount(low, unit, lang), high=amount(high, unit, lang))
    )


def date_text(day: object, precision: str = "day", lang: str = "en") -> str:
    """'14 Feb 2018', 'Feb 2022' or '2017' (Khmer: '១៤ កុម្ភៈ ២០១៨'): a date as far as it
    is known."""
    return translator(lang).date(day, precision)


def inferred_date(day: str, lang: str = "en") -> str:
    """'13 Jan 2017 (date inferred)': a publication date worked out, not printed (the
    fidelity review's F25), said wherever the article is cited."""
    return translator(lang).gettext("{date} (date inferred)").format(date=day)


def period_text(start: object, end: object, as_of: object, lang: str = "en") -> str:
    """'1 Jan 2017 – 11 Jan 2017', 'up to 11 Jan 2017', or 'as of 13 Feb 2018' where no
    period is stated."""
    t = translator(lang)
    if _known(start) and _known(end):
        return t.gettext("{start} – {end}").format(
            start=date_text(start, lang=lang), end=date_text(end, lang=lang)
        )
    if _known(end):
        return t.gettext("up to {end}").format(end=date_text(end, lang=lang))
    return t.gettext("as of {day}").format(day=date_text(as_of, lang=lang))


def _known(value: object) -> bool:
    return bool(pd.notna(value))


def vague_label(words: str, lang: str = "en") -> str:
    """How a vague figure reads wherever a number would stand: its words, no number."""
    t = translator(lang)
    shown = t.gettext(words) if words in VAGUE_LOWER_BOUNDS else words
    return t.gettext("{words} (no number given)").format(words=shown)


#: The stored codes a reader sees (stance, topic, organisation type, status, area,
#: position), in words for the catalogue; a code not listed reads as itself. Shared by the
#: dashboard (monitor.texts) and the studio (studio.language), so both say a code alike.
CODE_WORDS: dict[str, str] = {
    "supportive": N_("supportive"),
    "critical": N_("critical"),
    "mixed": N_("mixed"),
    "neutral": N_("neutral"),
    "arrests": N_("arrests"),
    "rehabilitation": N_("rehabilitation"),
    "treatment": N_("treatment"),
    "prisons": N_("prisons"),
    "rights": N_("rights"),
    "campaign": N_("campaign"),
    "policy": N_("policy"),
    "funding": N_("funding"),
    "prevention": N_("prevention"),
    "government": N_("government"),
    "police": N_("police"),
    "ngo": N_("ngo"),
    "international_organisation": N_("international organisation"),
    "expert": N_("expert"),
    "other": N_("other"),
    "proposed": N_("proposed"),
    "under_study": N_("under study"),
    "announced": N_("announced"),
    "in_effect": N_("in effect"),
    "dismissed": N_("dismissed"),
    "unknown": N_("unknown"),
    "enforcement": N_("enforcement"),
    "justice": N_("justice"),
    "corroboration": N_("corroboration"),
    "arithmetic": N_("arithmetic"),
    "gap": N_("gap"),
    "restatement": N_("restatement"),
    "status": N_("status"),
    "contested": N_("contested"),
}
