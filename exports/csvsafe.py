"""The one way the project writes CSV: UTF-8 with BOM, ISO dates, plain numbers, formula cells defused.

One writer, pandas' own to_csv, because every caller holds a pandas frame (the Data page, the
data package, the static site, the API's rows) and it writes what we promise as it stands:
quotes only where a cell needs them, a missing value as an empty cell, plain numbers through
float_format. bench/csv_writers.py (2026-12-05, 2 shared cores, 100x the seeds, median ms,
statements 8,600 rows / indicators 2,700): pandas 137 / 87, pyarrow.csv 43 / 35, DuckDB COPY
69 / 103. pyarrow.csv is quicker but quotes every text cell and header and writes 2.5e+15;
DuckDB COPY needs a temporary file per answer and writes 487 as 487.0; each answer is made
once per build and kept by the API, so a tenth of a second does not pay for a second path.
Float noise is not hidden here: the build stores numbers as the article gave them
(data_model/qualifiers.py).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

#: Leading characters that make Excel, LibreOffice or Google Sheets read a cell as a
#: formula (OWASP "CSV Injection"); a text cell starting with one gets a leading "'".
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: RFC 4180's CRLF on every platform: the same data always gives the same bytes.
EOL = "\r\n"


def neutralise(text: str) -> str:
    """The text with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _cell(value: object) -> object:
    """A cell of a text (or mixed) column: dates as ISO text, text defused."""
    # datetime is a subclass of date, so it must be tested first to keep its time.
    if isinstance(value, dt.datetime):
        value = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return neutralise(value) if isinstance(value, str) else value


def _datetime_column(column: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD; a column with real times of day keeps them, in ISO 8601."""
    values = column.dt.tz_localize(None) if column.dt.tz is not None else column
    has_time = bool((values.dropna() != values.dropna().dt.normalize()).any())
    text = column.map(lambda v: v.isoformat()) if has_time else column.dt.strftime("%Y-%m-%d")
    return text.astype(object).where(column.notna(), None)


def plain_number(value: float) -> str:
    """'487' for 487.0, '0.125', '2500000000000000': the shortest digits that read back as
    the same number, positional, no exponent, no thousands separator."""
    return "0" if value == 0 else np.format_float_positional(value, trim="-")


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy ready for CSV or for showing: dates as ISO text, text cells and headers
    defused, numbers left as numbers."""
    out = df.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            out[name] = _datetime_column(column)
        elif isinstance(column.dtype, pd.StringDtype):
            # Text only: one whole-column test (Arrow kernels), not a Python call per cell.
            risky = column.str.startswith(FORMULA_TRIGGERS).fillna(False).astype(bool)
            out[name] = column.mask(risky, "'" + column)
        elif not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            out[name] = column.astype(object).map(_cell, na_action="ignore")
    # Headers are cells too; ours are plain names, but callers may pass any frame.
    return out.rename(columns=lambda c: neutralise(c) if isinstance(c, str) else c)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV bytes with a header row and no index, safe to open in a spreadsheet.

    The bytes start with a byte-order mark: without it Excel reads the file in the
    machine's legacy code page and garbles "≈", "–" and Khmer names. Python's csv module
    quotes a cell holding any line-end character, so a lone "\\r" cannot split a row.
    """
    text = safe_frame(df).to_csv(index=False, lineterminator=EOL, float_format=plain_number)
    return text.encode("utf-8-sig")
