"""Dates and durations in an article's words, so that "June 26" or "2017" is not taken for a figure."""

from __future__ import annotations

from collections.abc import Sequence

from curation.suggest.sentences import _Tok, _words

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
    after = toks[j].text if j < len(toks) else ""
    if prev in _MONTHS or after in _MONTHS:
        return True
    return prev in ("to", "-", "–", "and") and i >= 3 and toks[i - 3].text in _MONTHS


def _is_year(tok: _Tok, value: float, unit: str | None, noun: str | None) -> bool:
    """A bare four-digit 1900-2100 is a year unless a counted noun follows ("2000 people")."""
    plain = tok.text.isdigit() and not tok.suffix
    return plain and len(tok.text) == 4 and 1900 <= value <= 2100 and unit is None and noun is None
