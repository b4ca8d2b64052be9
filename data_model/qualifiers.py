"""How a reported figure's hedge ("more than", "roughly") turns into numeric bounds."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class Qualifier(StrEnum):
    """The hedge an article puts on a figure, in the article's own terms."""

    exact = "exact"
    approx = "approx"
    more_than = "more_than"
    at_least = "at_least"
    fewer_than = "fewer_than"
    at_most = "at_most"
    between = "between"


#: Relative half-width of the band given to an approximate figure ("some", "about",
#: "roughly"). Ten per cent either side is wide enough for "roughly half" of 1,055
#: (487 users) to count as agreeing, and narrow enough that 8,000 and 17,800 do not.
APPROX_TOLERANCE = 0.10

#: Plain words for each qualifier, used in labels and in the data package README.
QUALIFIER_WORDS: dict[Qualifier, str] = {
    Qualifier.exact: "exactly",
    Qualifier.approx: "about",
    Qualifier.more_than: "more than",
    Qualifier.at_least: "at least",
    Qualifier.fewer_than: "fewer than",
    Qualifier.at_most: "at most",
    Qualifier.between: "between",
}

#: Symbols used on chart labels ("≥ 8,000").
QUALIFIER_SYMBOLS: dict[Qualifier, str] = {
    Qualifier.exact: "",
    Qualifier.approx: "≈ ",
    Qualifier.more_than: "> ",
    Qualifier.at_least: "≥ ",
    Qualifier.fewer_than: "< ",
    Qualifier.at_most: "≤ ",
    Qualifier.between: "",
}

_LOW = f"value x {1 - APPROX_TOLERANCE:.2f}"
_HIGH = f"value x {1 + APPROX_TOLERANCE:.2f}"
_WORDS = f'"some", "about": +/- {APPROX_TOLERANCE:.0%}'
BOUNDS_RULE = f"""\
value_low and value_high are derived from value and qualifier by one rule:

| qualifier  | value_low          | value_high         | words in the article          |
|------------|--------------------|--------------------|-------------------------------|
| exact      | value              | value              | the figure as it stands       |
| approx     | {_LOW:<18} | {_HIGH:<18} | {_WORDS:<29} |
| more_than  | value (strict)     | empty              | "more than", "over"           |
| at_least   | value (inclusive)  | empty              | "at least"                    |
| fewer_than | empty              | value (strict)     | "fewer than", "under"         |
| at_most    | empty              | value (inclusive)  | "at most", "up to"            |
| between    | value              | value_to           | "between 300 and 400", "300-400" |

An empty bound means the article sets none: it is never zero. A range ("between 300 and
400") keeps both ends, value and value_to, and reads "300–400": it is never collapsed to one
number. A share (a percentage of a whole) is clipped to 0-100 after the rule is applied; a
change against an earlier period (a signed metric, "fell 12 percent") is not: a fall keeps its
bounds below zero, the lower the further from zero."""


def _scaled(value: float, sign: int) -> float:
    """value x (1 +/- APPROX_TOLERANCE) in decimal: 50 x 1.1 is stored as 55, as a reader
    works it out, not as the float product 55.00000000000001."""
    factor = 1 + sign * Decimal(str(APPROX_TOLERANCE))
    return float(Decimal(repr(float(value))) * factor)


def bounds(
    value: float,
    qualifier: Qualifier,
    kind: str,
    value_to: float | None = None,
    signed: bool = False,
) -> tuple[float | None, float | None]:
    """Return (value_low, value_high) for a figure of a unit of this kind (units.yaml: count,
    share, mass, money); ``None`` means unbounded. ``value_to`` is a range's upper end;
    ``signed``: the figure is a change (metrics.signed), which no share's 0-100 holds."""
    low: float | None
    high: float | None
    match qualifier:
        case Qualifier.exact:
            low, high = value, value
        case Qualifier.approx:
            # Sorted: "about -12" (a fall) runs from -13.2 up to -10.8.
            low, high = sorted((_scaled(value, -1), _scaled(value, +1)))
        case Qualifier.more_than | Qualifier.at_least:
            low, high = value, None
        case Qualifier.fewer_than | Qualifier.at_most:
            low, high = None, value
        case Qualifier.between:
            if value_to is None:
                raise ValueError("a range (between) needs its upper end, value_to")
            low, high = value, value_to
    if kind == "share" and not signed:
        low = None if low is None else max(0.0, low)
        high = None if high is None else min(100.0, high)
    return low, high


#: Vague quantities: the article's words, and the lower bound a written rule gives them.
#: A plural of a round number means at least two of it ("thousands" >= 2,000); words with
#: no such reading ("many", "several") get no bound at all. Never a count, never charted.
VAGUE_LOWER_BOUNDS: dict[str, float | None] = {
    "dozens": 24.0,
    "hundreds": 200.0,
    "thousands": 2000.0,
    "tens of thousands": 20000.0,
    "many": None,
    "several": None,
    "some": None,
}

VAGUE_RULE = (
    """\
A vague quantity ("thousands", "dozens", "hundreds", "many") is stored as the article's
words in `vague`, with no `value` and no `qualifier`. Its only number is a lower bound
given by one written rule: a plural of a round number means at least two of it.

| words | lower bound (value_low) |
|---|---|
"""
    + "\n".join(
        f"| {w} | {'none' if b is None else f'{b:,.0f}'} |" for w, b in VAGUE_LOWER_BOUNDS.items()
    )
    + """

A vague figure is never drawn on a chart, never used in a sum or ratio of the consistency
checks, and never shown as a headline figure; its label is the words, e.g. "thousands (no
number given)"."""
)
