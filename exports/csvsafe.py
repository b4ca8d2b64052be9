"""The one way the project writes CSV: UTF-8 with BOM, ISO dates, plain numbers, formula cells defused."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Significant digits kept in a decimal number. A float carries 15-17, the last ones noise
#: from arithmetic (55.00000000000001); no figure an article reports has more than 12.
SIGNIFICANT_DIGITS = 12

#: Leading characters that make Excel, LibreOffice or Google Sheets read a cell as a
#: formula (OWASP "CSV Injection"); a text cell starting with one gets a leading "'".
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: The line end of every row: RFC 4180's CRLF on every platform, so the same data always
#: gives the same bytes.
EOL = "\r\n"

#: What makes Python's csv module (QUOTE_MINIMAL, the writer pandas uses) quote a cell: the
#: delimiter, the quote character or a character of the line end. The fast writer below
#: quotes exactly these, so its bytes are the csv module's.
_NEEDS_QUOTES = '[,"\r\n]'


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


def _is_text(column: pd.Series) -> bool:
    """True for a column of strings only (missing values aside), whatever its dtype."""
    if isinstance(column.dtype, pd.StringDtype):
        return True
    return column.dtype == object and pd.api.types.infer_dtype(column, skipna=True) in (
        "string",
        "empty",
    )


def _text_column(column: pd.Series) -> pd.Series:
    if _is_text(column):
        # Whole-column string operations (Arrow kernels for pandas' str dtype): the same
        # rule as neutralise(), without a Python call per cell.
        text = column if isinstance(column.dtype, pd.StringDtype) else column.astype("str")
        risky = text.str.startswith(FORMULA_TRIGGERS).fillna(False).astype(bool)
        return text.mask(risky, "'" + text) if risky.any() else text

    # Mixed objects (dates, numbers, text in one column) are rare: one cell at a time.
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


def _number_column(column: pd.Series) -> pd.Series:
    # A column repeats few distinct values (years, counts, bounds): each is written once.
    written = {v: plain_number(v) for v in pd.unique(column.dropna())}
    return column.map(written).astype(object).where(column.notna(), None)


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy ready for CSV: dates as ISO text, text cells defused, decimals without float
    noise, whole numbers untouched."""
    out = df.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            out[name] = _datetime_column(column)
        elif pd.api.types.is_float_dtype(column):
            out[name] = _number_column(column)
        elif not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            out[name] = _text_column(column)
    # Headers are cells too; ours are plain names, but callers may pass any frame.
    return out.rename(columns=lambda c: neutralise(c) if isinstance(c, str) else c)


def _days(column: pd.Series) -> pa.Array | None:
    """A column of whole days as YYYY-MM-DD by Arrow kernels, as _datetime_column writes it;
    None for one with a time zone, a time of day, or a year strftime pads differently."""
    if column.dt.tz is not None:
        return None
    return _stamp_days(pa.array(column, from_pandas=True))


def _stamp_days(stamps: pa.Array) -> pa.Array | None:
    """Timestamps without a zone as YYYY-MM-DD (see _days); None when none is known."""
    if stamps.null_count == len(stamps):
        return None
    first, last = pc.min_max(pc.year(stamps)).values()
    if first.as_py() < 1000 or last.as_py() > 9999:
        return None
    if pc.any(pc.not_equal(pc.floor_temporal(stamps, unit="day"), stamps)).as_py():
        return None
    return pc.cast(pc.strftime(stamps, format="%Y-%m-%d"), pa.large_string())


def _cell_text(column: pd.Series) -> tuple[pa.Array, bool] | None:
    """A column's cells as the text the CSV holds before defusing and quoting (missing as
    null), and whether it is a text column to defuse; None for a column this writer leaves
    to pandas."""
    if pd.api.types.is_datetime64_any_dtype(column):
        days = _days(column)
        if days is not None:
            return days, False
        text, is_text = _datetime_column(column), False
    elif pd.api.types.is_float_dtype(column):
        text, is_text = _number_column(column), False
    elif column.dtype == bool:
        return pa.array(np.where(column.to_numpy(), "True", "False"), pa.large_string()), False
    elif isinstance(column.dtype, np.dtype) and column.dtype.kind in "iu":
        return pc.cast(pa.array(column.to_numpy()), pa.large_string()), False
    elif _is_text(column):
        text, is_text = column, True
    else:
        return None
    array = pa.array(text, type=pa.large_string(), from_pandas=True)
    return (array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array), is_text


def _each(columns: list[pa.Array], kernel: Callable[[pa.Array], pa.Array]) -> list[pa.Array]:
    """kernel applied to every column in one call (on the columns end to end): a request's
    cost stays in Arrow's loops, not in a Python call per column."""
    if not columns:
        return columns
    done = kernel(pa.concat_arrays(columns))
    out, start = [], 0
    for column in columns:
        out.append(done.slice(start, len(column)))
        start += len(column)
    return out


def _large(text: str) -> pa.Scalar:
    # Every column is large_string (64-bit offsets: no 2 GB ceiling when joined), so are
    # the literals Arrow's kernels join them with.
    return pa.scalar(text, pa.large_string())


#: FORMULA_TRIGGERS as an Arrow set, to test a cell's first character against.
_TRIGGERS = pa.array(FORMULA_TRIGGERS, pa.large_string())


def _defuse(text: pa.Array) -> pa.Array:
    # The first character looked up in a set: a tenth of the time a regular expression over
    # every cell takes (bench/api_scale.py at 100x).
    first = pc.utf8_slice_codeunits(text, 0, 1)
    risky = pc.fill_null(pc.is_in(first, value_set=_TRIGGERS), False)
    if not pc.any(risky).as_py():
        return text
    return pc.if_else(risky, pc.binary_join_element_wise(_large("'"), text, _large("")), text)


#: The bytes of _NEEDS_QUOTES; none occurs inside a longer UTF-8 character, so a byte
#: search finds exactly the characters.
_QUOTED_BYTES = tuple(map(ord, ',"\r\n'))


def _needs_quotes(text: pa.Array) -> pa.Array:
    """Which cells hold a delimiter, a quote or a line end: one numpy pass over the bytes
    of every cell at once (a tenth of the time of a regular expression per cell)."""
    needs = np.zeros(len(text), dtype=bool)
    offsets_buffer, data_buffer = text.buffers()[1:3]
    if data_buffer is not None and len(text):
        offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[
            text.offset : text.offset + len(text) + 1
        ]
        data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
        hit = data == _QUOTED_BYTES[0]
        for byte in _QUOTED_BYTES[1:]:
            hit |= data == byte
        found = np.flatnonzero(hit) + offsets[0]
        needs[np.searchsorted(offsets, found, side="right") - 1] = True
    return pc.and_(pa.array(needs), text.is_valid())


def _quote(text: pa.Array) -> pa.Array:
    # As the csv module writes a cell: quoted (inner quotes doubled) only when it holds a
    # delimiter, a quote or a line end; a missing value as an empty cell. Only the cells
    # that need it are rewritten (few: most cells are ids, dates and short names).
    needs = _needs_quotes(text)
    none = _large("")
    if pc.any(needs).as_py():
        mark, chosen = _large('"'), pc.filter(text, needs)
        quoted = pc.binary_join_element_wise(
            mark, pc.replace_substring(chosen, '"', '""'), mark, none
        )
        text = pc.replace_with_mask(text, needs, quoted)
    return pc.fill_null(text, none)


def _body(df: pd.DataFrame) -> bytes | None:
    """The rows of a frame as safe CSV bytes, made by Arrow kernels over whole columns;
    None when a column (or the frame's shape) is one only pandas' writer handles."""
    # One column: the csv module writes an empty row as '""'; no table of ours has one.
    if len(df.columns) < 2 or not all(isinstance(c, str) for c in df.columns):
        return None
    return _rows([_cell_text(df.iloc[:, i]) for i in range(len(df.columns))])


def _rows(cells: list[tuple[pa.Array, bool] | None]) -> bytes | None:
    """Columns of cell text (and whether each is text to defuse) joined into CSV rows."""
    if any(c is None for c in cells):
        return None
    texts = [i for i, c in enumerate(cells) if c[1]]  # type: ignore[index]
    columns = [c[0] for c in cells]  # type: ignore[index]
    for i, defused in zip(texts, _each([columns[i] for i in texts], _defuse), strict=True):
        columns[i] = defused
    lines = pc.binary_join_element_wise(*_each(columns, _quote), _large(","))
    lines = pc.binary_join_element_wise(lines, _large(EOL), _large(""))
    rows = pa.LargeListArray.from_arrays(pa.array([0, len(lines)], pa.int64()), lines)
    return pc.binary_join(rows, _large(""))[0].as_buffer().to_pybytes()


def _header(names: list[str]) -> bytes:
    header = io.StringIO()
    csv.writer(header, lineterminator=EOL).writerow([neutralise(c) for c in names])
    return header.getvalue().encode("utf-8-sig")


def _arrow_cell_text(column: pa.ChunkedArray) -> tuple[pa.Array, bool] | None:
    """_cell_text for a column as DuckDB answers it, before pandas: the same text for the
    types our queries give (text, dates, decimals, whole numbers and flags without a
    missing value); None for any other."""
    kind, column = column.type, column.combine_chunks()
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pc.cast(column, pa.large_string()), True
    if pa.types.is_date32(kind):
        if column.null_count == len(column):
            return pa.nulls(len(column), pa.large_string()), False
        first, last = pc.min_max(pc.year(column)).values()
        if first.as_py() < 1000 or last.as_py() > 9999:  # strftime pads those differently
            return None
        # Arrow writes a day as YYYY-MM-DD, as strftime does (fifty times quicker).
        return pc.cast(column, pa.large_string()), False
    if pa.types.is_float64(kind):
        if pc.any(pc.is_nan(column)).as_py():
            return None
        # As _number_column: each distinct value written once.
        distinct = pc.unique(column.drop_null())
        written = pa.array([plain_number(v) for v in distinct.to_pylist()], pa.large_string())
        return pc.take(written, pc.index_in(column, value_set=distinct)), False
    if column.null_count:  # pandas makes a nullable dtype of these: its writer's path
        return None
    if pa.types.is_integer(kind):
        return pc.cast(column, pa.large_string()), False
    if pa.types.is_boolean(kind):
        return pc.if_else(column, _large("True"), _large("False")), False
    return None


def arrow_csv_bytes(table: pa.Table) -> bytes | None:
    """to_csv_bytes() of the frame Reader.frame would make of this Arrow answer, byte for
    byte, written straight from Arrow; None for an answer with a column type it does not
    write (then convert it and call to_csv_bytes)."""
    if table.num_columns < 2:
        return None
    body = _rows([_arrow_cell_text(column) for column in table.columns])
    return None if body is None else _header(table.column_names) + body


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV bytes with a header row and no index, safe to open in a spreadsheet.

    The bytes start with a byte-order mark: without it Excel reads the file in the
    machine's legacy code page and garbles "≈", "–" and Khmer names.
    """
    body = _body(df)
    if body is None:
        # Python's csv module quotes a cell holding any line-terminator character, so a
        # lone "\r" inside a cell cannot split a row.
        return safe_frame(df).to_csv(index=False, lineterminator=EOL).encode("utf-8-sig")
    return _header(list(df.columns)) + body
