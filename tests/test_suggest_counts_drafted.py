"""Round thirty-seven (issue 23): counts the drafts missed or only offered, by structure: a
table with its periods as rows, a list's "label: N" item, and a small count that a subset after
it names ("Five of the suspects"). Each has a twin the draft still leaves alone. Articles are our
own words (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows
from curation.suggest.tables import table_cells

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2024, 5, 2)


def _figures(body: str) -> dict[float, str]:
    """Each drafted or offered figure's value -> its status ("open" drafted, "offered")."""
    _, rows = draft_rows(f"Provincial report\n\n{body}\n", "Provincial report", "t", PUBLISHED,
                         CURATED)  # fmt: skip
    return {r.record["value"]: r.status for r in rows if r.kind == "indicators"}


_TURNED = """The provincial police office gave its last three years as a table.

Year | Cases | People arrested | Drugs seized (kg)
2021 | 310 | 655 | 12.5
2022 | 342 | 701 | 40
2023 | 389 | 766 | 18.25

Most of those arrested were users, the office said.
"""


def test_a_table_with_its_periods_as_rows_gives_each_cell_its_row_year() -> None:
    cells = {c.value: c for c in table_cells(_TURNED)}
    assert sorted(cells) == [12.5, 18.25, 40, 310, 342, 389, 655, 701, 766]
    assert (cells[701].label, cells[701].period_start, cells[701].period_end) == (
        "People arrested", dt.date(2022, 1, 1), dt.date(2022, 12, 31))  # fmt: skip
    assert (cells[18.25].unit, cells[18.25].label) == ("kg", "Drugs seized")
    assert all(c.by_row for c in cells.values())


@pytest.mark.parametrize(
    ("what", "text"),
    [
        # one row only: a list's line, not a table read by rows
        ("one period row", "Year | Cases | People arrested\n2023 | 389 | 766\n"),
        # a header of two cells: a label and a value, nothing to turn
        ("a two-column list", "Year | Cases\n2022 | 342\n2023 | 389\n"),
        # a header that is itself numbers: a row of data, not names
        ("numbers as the header", "2020 | 12 | 13\n2021 | 310 | 655\n2022 | 342 | 701\n"),
    ],
)
def test_no_turned_table_without_named_columns_over_two_period_rows(what: str, text: str) -> None:
    assert table_cells(text) == []


def test_the_turned_table_is_drafted_and_the_sentence_after_it_kept() -> None:
    # The count opens the line right under the table: a row's last cell ends its line.
    table = _TURNED.split("\n\nMost")[0]
    body = table + "\n\n41 foreigners were among those arrested in 2023, the office said.\n"
    got = _figures(body)
    for value in (310, 655, 12.5, 342, 701, 40, 389, 766, 18.25, 41):
        assert got.get(value) == "open", value


# (what, text, the count, whether it is drafted rather than offered)
CASES = [
    ("a list's item after its label's colon", "- New admissions for drug use in May: 23", 23.0),
    ("a list's item, a stock", "- Patients on the ward at the end of May: 6", 6.0),
    # Khmer: "- New people starting treatment: 14 people"
    ("a list's item, Khmer", "- អ្នកចាប់ផ្តើមព្យាបាលថ្មី៖ ១៤នាក់", 14.0),
    (
        "a subset in words",
        "Police detained 63 people in April. Six of the suspects were Lao nationals, police said.",
        6.0,
    ),  # fmt: skip
    (
        "a subset of those named",
        "Police detained 63 people in April. Seven of those detained are suspected of dealing.",
        7.0,
    ),  # fmt: skip
    (
        "a subset of them, in digits",
        "Officers inspected 410 pharmacies in May and shut 74 of "
        "them for selling without a licence.",
        74.0,
    ),  # fmt: skip
]


@pytest.mark.parametrize(("what", "text", "value"), CASES, ids=[c[0] for c in CASES])
def test_a_count_whose_structure_says_what_it_counts_is_drafted(
    what: str, text: str, value: float
) -> None:
    assert _figures(text).get(value) == "open"


# Twins: the same small numbers with nothing saying what they count stay offered.
TWINS = [
    ("a number after a colon in prose", "The nurse's answer was short: 23", 23.0),
    (
        "a number in words, no subset",
        "Police raided a house in Kampot on Monday and arrested four men, police said.",
        4.0,
    ),  # fmt: skip
]


@pytest.mark.parametrize(("what", "text", "value"), TWINS, ids=[t[0] for t in TWINS])
def test_a_small_count_with_no_such_structure_is_only_offered(
    what: str, text: str, value: float
) -> None:
    assert _figures(text).get(value) == "offered"
