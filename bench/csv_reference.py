"""The CSV writer as it was before vectorising (cell by cell, pandas' writer): the reference
the fast writer in exports.csvsafe must match byte for byte, and the "old" side of
bench/api_scale.py.

Kept verbatim apart from this docstring and the names: change it only together with a
deliberate change of the CSV format.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd

#: Significant digits kept in a decimal number. A float carries 15-17, the last ones noise
#: from arithmetic (55.00000000000001); no figure an article reports has more than 12.
SIGNIFICANT_DIGITS = 12

#: Leading characters that make Excel, LibreOffice or Google Sheets read a cell as a
#: formula (OWASP "CSV Injection"); a text cell starting with one gets a leading "'".
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """The text with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _iso(value: object) -> object:
    # datetime is a subclass of date, so it must be tested first to keep its time.
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _datetime_column(column: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD; a column with real times of day keeps them, in ISO 8601."""
    values = column.dt.tz_localize(None) if column.dt.tz is not None else column
    has_time = bool((values.dropna() != values.dropna().dt.normalize()).any())
    text = column.map(lambda v: v.isoformat()) if has_time else column.dt.strftime("%Y-%m-%d")
    return text.where(column.notna(), None)


def _text_column(column: pd.Series) -> pd.Series:
    def cell(value: object) -> object:
        value = _iso(value)
        return neutralise(value) if isinstance(value, str) else value

    return column.astype(object).map(cell)


def plain_number(value: float) -> str | None:
    """'55' for 55.00000000000001, '3554.13', '0.125': positional, no exponent, no
    thousands separator, at most SIGNIFICANT_DIGITS digits; None for a missing value."""
    if pd.isna(value):
        return None
    text = format(Decimal(f"{value:.{SIGNIFICANT_DIGITS}g}").normalize(), "f")
    return "0" if text == "-0" else text


def reference_safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy ready for CSV: dates as ISO text, text cells defused, decimals without float
    noise, whole numbers untouched."""
    out = df.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            out[name] = _datetime_column(column)
        elif pd.api.types.is_float_dtype(column):
            out[name] = column.astype(object).map(plain_number)
        elif not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            out[name] = _text_column(column)
    # Headers are cells too; ours are plain names, but callers may pass any frame.
    return out.rename(columns=lambda c: neutralise(c) if isinstance(c, str) else c)


def reference_csv_bytes(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV bytes with a header row and no index, safe to open in a spreadsheet.

    The bytes start with a byte-order mark: without it Excel reads the file in the
    machine's legacy code page and garbles "≈", "–" and Khmer names.
    """
    # RFC 4180's CRLF on every platform: the same data always gives the same bytes, and
    # Python's csv module quotes a cell holding any line-terminator character, so a
    # lone "\r" inside a cell cannot split a row.
    text = reference_safe_frame(df).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")
