"""Safe CSV: formula cells defused, numbers and dates as they should be, and it parses back."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from exports.csvsafe import FORMULA_TRIGGERS, to_csv_bytes

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
        (55.00000000000001, "55"),
        (0.1 + 0.2, "0.3"),
        (3554.13, "3554.13"),
        (0.125, "0.125"),
        (8000.0, "8000"),
        (-1.5, "-1.5"),
        (123456.789012, "123456.789012"),
        (2.5e15, "2500000000000000"),
        (None, ""),
    ],
)
def test_decimals_are_written_without_float_noise_or_lost_digits(value, written) -> None:
    frame = pd.DataFrame({"x": pd.Series([value, 1.0], dtype="float64")})
    assert _cells(to_csv_bytes(frame))["x"].tolist() == [written, "1"]


def test_none_becomes_an_empty_cell() -> None:
    cells = _cells(to_csv_bytes(pd.DataFrame({"text": [None, "x"]})))
    assert cells["text"].tolist() == ["", "x"]


@pytest.mark.parametrize("dtype", [object, "string", "str"])
def test_every_text_dtype_is_defused(dtype: object) -> None:
    frame = pd.DataFrame({"text": pd.Series(["=1+1", "ok"], dtype=dtype)})
    assert _cells(to_csv_bytes(frame))["text"].tolist() == ["'=1+1", "ok"]


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


# --- the fast writer against the writer it replaced ----------------------------------------

#: Cells that stress defusing and quoting: every trigger, every character the csv module
#: quotes for, both combined, and look-alikes that must be left alone.
TRICKY = [
    *HOSTILE,
    *HARMLESS,
    "",
    " ",
    " =1",
    "'=1",
    "=",
    "-",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\n=1",
    '"=1"',
    '=A1,"x"',
    "-\r\n-",
    "@\n",
    "a\r\nb",
    ",",
    '"',
    '""',
    "x\x00y",
    "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    "−5",  # a minus sign, not a hyphen: no spreadsheet runs it
    "＝1",  # a full-width equals sign, likewise
    'ស ខេង, "="',
    "≈ 1,055 – 2,000",
]


def _frame_of(values: list[object]) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame(
        {
            "str": pd.Series(values, dtype="str"),
            "string": pd.Series(values, dtype="string"),
            "object": pd.Series(list(reversed(values)), dtype=object),
            "float": [(0.1 + 0.2) * i if i % 3 else None for i in range(n)],
            "int": [i - n // 2 for i in range(n)],
            "bool": [i % 2 == 0 for i in range(n)],
            "day": pd.to_datetime(["2017-01-13", None] * (n // 2) + ["2018-02-14"] * (n % 2)),
        }
    )


def test_the_writer_gives_the_old_writers_bytes_for_tricky_cells() -> None:
    from bench.csv_reference import reference_csv_bytes

    frame = _frame_of([*TRICKY, None])
    assert to_csv_bytes(frame) == reference_csv_bytes(frame)


@pytest.mark.parametrize("value", TRICKY)
def test_each_tricky_cell_is_written_as_the_old_writer_wrote_it(value: str) -> None:
    from bench.csv_reference import reference_csv_bytes

    frame = pd.DataFrame({"text": [value, None, value], "n": [1, 2, 3]})
    assert to_csv_bytes(frame) == reference_csv_bytes(frame)


@pytest.mark.parametrize("seed", range(5))
def test_random_cells_are_written_as_the_old_writer_wrote_them(seed: int) -> None:
    import random

    from bench.csv_reference import reference_csv_bytes

    rng = random.Random(seed)
    alphabet = ["=", "+", "-", "@", "\t", "\r", "\n", ",", '"', "'", " ", "a", "ស", "\x00"]
    values = ["".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(300)]
    frame = _frame_of([*values, None])
    assert to_csv_bytes(frame) == reference_csv_bytes(frame)


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"only": ["=1", None, ""]}),  # one column: an empty row is '""'
        pd.DataFrame({"a": pd.Series([], dtype="str"), "b": pd.Series([], dtype="float")}),
        pd.DataFrame({"mixed": [dt.date(2018, 2, 14), "=x", 3, None], "n": [1, 2, 3, 4]}),
        pd.DataFrame({"=cmd": ["x"], 7: ["y"]}),
        pd.DataFrame({"stamp": pd.to_datetime(["2017-01-13 09:30", None]), "t": ["-", "+"]}),
    ],
    ids=["one-column", "no-rows", "mixed-objects", "odd-headers", "times"],
)
def test_unusual_frames_are_written_as_the_old_writer_wrote_them(frame: pd.DataFrame) -> None:
    from bench.csv_reference import reference_csv_bytes

    assert to_csv_bytes(frame) == reference_csv_bytes(frame)


def test_the_shown_table_is_defused_as_before() -> None:
    # pages/data.py shows safe_frame(...): the same cells as the old cell-by-cell version.
    from bench.csv_reference import reference_safe_frame
    from exports.csvsafe import safe_frame

    frame = _frame_of([*TRICKY, None])

    def cells(df: pd.DataFrame) -> list[list[object]]:
        return df.astype(object).where(df.notna(), None).values.tolist()

    assert cells(safe_frame(frame)) == cells(reference_safe_frame(frame))
    assert list(safe_frame(frame).columns) == list(reference_safe_frame(frame).columns)


# --- straight from Arrow (the API's path) against the old writer ---------------------------


@pytest.fixture(scope="module")
def tricky_reader(tmp_path_factory: pytest.TempPathFactory):
    """A database of the tricky cells in every column type our queries return."""
    import random

    import duckdb

    from database.connection import Reader

    rng = random.Random(7)
    alphabet = ["=", "+", "-", "@", "\t", "\r", "\n", ",", '"', "'", " ", "a", "ស", "\x00"]
    randoms = ["".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(300)]
    path = tmp_path_factory.mktemp("tricky") / "tricky.duckdb"
    con = duckdb.connect(str(path))
    for name, values in (("tricky", [*TRICKY, None]), ("randoms", [*randoms, None])):
        frame = _frame_of(values).assign(n=range(len(values)))
        con.register("incoming", frame)
        con.execute(
            f"CREATE TABLE {name} AS SELECT n, str AS text, float, int, bool, "
            "CAST(day AS DATE) AS day, CAST(NULL AS VARCHAR) AS nothing, "
            "CAST(NULL AS DATE) AS no_day, CAST(0.1 AS DOUBLE) * n AS tenths FROM incoming"
        )
        con.unregister("incoming")
    con.close()
    with Reader(path) as reader:
        yield reader


ARROW_CASES = {
    "every-type": ("SELECT * FROM tricky ORDER BY n", True),
    "random-cells": ("SELECT text, n, day FROM randoms ORDER BY n", True),
    "no-rows": ("SELECT text, float, day FROM tricky WHERE n < 0", True),
    "all-missing": ("SELECT nothing, no_day, text FROM tricky ORDER BY n", True),
    # Whole numbers with gaps become pandas' nullable Int64: left to the frame's writer.
    "int-gaps": ("SELECT text, CASE WHEN n % 2 = 0 THEN n END AS gaps FROM tricky", False),
    "bool-gaps": ("SELECT text, CASE WHEN n % 2 = 0 THEN bool END AS gaps FROM tricky", False),
    "old-day": ("SELECT text, DATE '0999-12-31' AS day FROM tricky", False),
    "decimal": ("SELECT text, 0.1 * n AS tenths FROM tricky", False),
}


@pytest.mark.parametrize(("sql", "written_from_arrow"), ARROW_CASES.values(), ids=ARROW_CASES)
def test_a_query_written_from_arrow_gives_the_old_writers_bytes(
    tricky_reader, sql: str, written_from_arrow: bool
) -> None:
    from bench.csv_reference import reference_csv_bytes
    from exports.csvsafe import arrow_csv_bytes

    table = tricky_reader.arrow(sql)
    written = arrow_csv_bytes(table)
    assert (written is not None) == written_from_arrow
    if written is None:  # as the API does: the frame Reader.frame would make, then written
        written = to_csv_bytes(tricky_reader.to_frame(table))
    assert written == reference_csv_bytes(tricky_reader.frame(sql))
