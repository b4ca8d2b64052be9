"""Safe CSV: formula cells defused, numbers and dates as they should be, and it parses back."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from exports.csvsafe import FORMULA_TRIGGERS, safe_frame, to_csv_bytes

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\rx",
]
HARMLESS = ["normal text", 'a, b and "c"', "line one\nline two", "ក្រសួងមហាផ្ទៃ", "1,055"]


def _cells(data: bytes) -> pd.DataFrame:
    """Every cell as the exact text written, empty cells as ''."""
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def _unprefixed(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS) else cell


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_cell_gets_a_leading_apostrophe(value: str) -> None:
    cells = _cells(to_csv_bytes(pd.DataFrame({"text": [value]})))
    assert cells["text"].tolist() == ["'" + value]


@pytest.mark.parametrize("value", HARMLESS)
def test_ordinary_text_is_written_as_it_is(value: str) -> None:
    cells = _cells(to_csv_bytes(pd.DataFrame({"text": [value]})))
    assert cells["text"].tolist() == [value]


def test_numbers_stay_numbers_and_negative_ones_keep_their_sign() -> None:
    frame = pd.DataFrame({"n": [-5, 0, 12], "x": [-1.5, None, 2.25]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    assert text.splitlines() == ["n,x", "-5,-1.5", "0,", "12,2.25"]


def test_text_that_looks_like_a_negative_number_is_still_defused() -> None:
    # In a text column "-5" is a string a spreadsheet would evaluate; only numbers are exempt.
    cells = _cells(to_csv_bytes(pd.DataFrame({"text": ["-5"]})))
    assert cells["text"].tolist() == ["'-5"]


def test_dates_are_iso_days_without_a_time_part() -> None:
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2017-01-13", None]),
            "object_day": [dt.date(2018, 2, 14), None],
            "stamp": pd.to_datetime(["2017-01-13 09:30:00", "2017-01-14 00:00:00"]),
        }
    )
    cells = _cells(to_csv_bytes(frame))
    assert cells["day"].tolist() == ["2017-01-13", ""]
    assert cells["object_day"].tolist() == ["2018-02-14", ""]
    # A real time of day is information: it is kept, in ISO 8601.
    assert cells["stamp"].tolist() == ["2017-01-13T09:30:00", "2017-01-14T00:00:00"]


def test_header_row_utf8_with_bom_and_no_index() -> None:
    data = to_csv_bytes(pd.DataFrame({"name": ["ស ខេង"], "n": [1]}, index=[7]))
    # The byte-order mark makes Excel read UTF-8 ("≈", Khmer) instead of a legacy code page.
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == ["name,n", "ស ខេង,1"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (55.0, "55"),
        (3554.13, "3554.13"),
        (0.125, "0.125"),
        (8000.0, "8000"),
        (-1.5, "-1.5"),
        (123456.789012, "123456.789012"),
        (2.5e15, "2500000000000000"),
        (1e-7, "0.0000001"),
        (-0.0, "0"),
        (None, ""),
    ],
)
def test_decimals_are_plain_numbers_with_every_digit(value, written) -> None:
    frame = pd.DataFrame({"x": pd.Series([value, 1.0], dtype="float64")})
    assert _cells(to_csv_bytes(frame))["x"].tolist() == [written, "1"]


def test_none_becomes_an_empty_cell() -> None:
    cells = _cells(to_csv_bytes(pd.DataFrame({"text": [None, "x"]})))
    assert cells["text"].tolist() == ["", "x"]


@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_every_text_dtype_is_defused(dtype: object) -> None:
    frame = pd.DataFrame({"text": pd.Series(["=1+1", "ok"], dtype=dtype)})
    assert _cells(to_csv_bytes(frame))["text"].tolist() == ["'=1+1", "ok"]


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("a, b", '"a, b",1'),
        ('say "x"', '"say ""x""",1'),
        ("one\ntwo", '"one\ntwo",1'),
        ("\rx", '"\'\rx",1'),
        ("plain", "plain,1"),
        ("ស ខេង", "ស ខេង,1"),
    ],
)
def test_only_cells_that_need_quotes_are_quoted(value: str, line: str) -> None:
    text = to_csv_bytes(pd.DataFrame({"text": [value], "n": [1]})).decode("utf-8-sig")
    assert text == f"text,n\r\n{line}\r\n"


def test_a_mixed_column_writes_dates_as_iso_and_defuses_its_text() -> None:
    frame = pd.DataFrame({"mixed": [dt.date(2018, 2, 14), "=x", 3, None], "n": [1, 2, 3, 4]})
    assert _cells(to_csv_bytes(frame))["mixed"].tolist() == ["2018-02-14", "'=x", "3", ""]


def test_the_shown_table_is_defused_like_the_download() -> None:
    # views/data.py shows safe_frame(...): a reader copying a cell gets the defused text.
    frame = pd.DataFrame({"text": pd.Series(["=1+1", "ok", None], dtype="str"), "n": [1, 2, 3]})
    assert safe_frame(frame)["text"].tolist()[:2] == ["'=1+1", "ok"]
    assert safe_frame(frame)["n"].tolist() == [1, 2, 3]


def test_a_hostile_header_is_defused_too() -> None:
    assert to_csv_bytes(pd.DataFrame({"=cmd": [1]})).decode("utf-8-sig").splitlines()[0] == "'=cmd"


def test_it_parses_back_to_the_same_rows_apart_from_the_prefix() -> None:
    values = [*HOSTILE, *HARMLESS, None]
    frame = pd.DataFrame(
        {
            "text": values,
            "n": range(-5, -5 + len(values)),
            "day": pd.to_datetime(["2017-01-13"] * (len(values) - 1) + [None]),
        }
    )
    parsed = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), keep_default_na=False)
    assert len(parsed) == len(frame)  # a "\r" or "\n" inside a cell did not split a row
    assert [_unprefixed(c) for c in parsed["text"]] == [v or "" for v in values]
    assert parsed["n"].tolist() == frame["n"].tolist()
    assert parsed["day"].tolist() == ["2017-01-13"] * (len(values) - 1) + [""]


def test_the_input_frame_is_left_alone() -> None:
    frame = pd.DataFrame({"text": ["=1+1"], "day": pd.to_datetime(["2017-01-13"])})
    to_csv_bytes(frame)
    assert frame["text"].tolist() == ["=1+1"]
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
