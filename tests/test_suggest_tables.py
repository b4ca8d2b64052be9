"""Pages read line by line (issue 23, round nineteen): a statistical table pasted as text, each
cell a figure of its row's label and its column's year or month, and a live ticker's time-coded
lines; written in our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows
from curation.suggest.tables import table_cells

pytestmark = pytest.mark.usefixtures("dates_as_read")
ROOT = Path(__file__).resolve().parent.parent
CURATED = curated_lists(ROOT / "seeds")
D = dt.date

PIPES = """PROVINCIAL POLICE COMMISSARIAT
Summary of anti-drug work

Item | Measure                 | 2021    | 2022    | Change
1    | Drug cases              | 310     | 402     | +29.7%
2    | People arrested         | 655     | 590     | -9.9%
2.1  |    of whom women        | 41      | 57      | +39.0%
3    | Drugs seized (kg)       | 12.4    | 8.25    | n/a

Notes: figures for 2022 are provisional.
"""
TABS = (
    "Treatment figures by year\n\nIndicator\t2023\t2024\nPeople treated in centres\t1,204\t1,388\n"
)
LEADERS = """Arrests by month, 2024

                               March      April
Suspects arrested ........ 1,120 ........ 1,310
Total arrested ........... 1,120 ........ 1,310
"""


def _cells(text: str) -> dict[str, tuple]:
    """The first cell of each words and period: its value, unit, label and period."""
    out: dict[str, tuple] = {}
    for c in table_cells(text):
        out.setdefault(f"{c.words}@{c.period_start}",
                       (c.value, c.unit, c.label, c.period_start, c.period_end))  # fmt: skip
    return out


@pytest.mark.parametrize(
    ("text", "words", "value", "unit", "label", "start", "end"),
    [
        (PIPES, "310", 310, None, "Drug cases", D(2021, 1, 1), D(2021, 12, 31)),
        (PIPES, "402", 402, None, "Drug cases", D(2022, 1, 1), D(2022, 12, 31)),
        # A change column: a signed percent of the last period, set against the one before.
        (PIPES, "-9.9%", -9.9, "percent", "People arrested", D(2022, 1, 1), D(2022, 12, 31)),
        # A sub-row counts its parent's thing: women arrested.
        (PIPES, "57", 57, None, "women arrested", D(2022, 1, 1), D(2022, 12, 31)),
        # The unit in the label's brackets is the cells' unit.
        (PIPES, "8.25", 8.25, "kg", "Drugs seized", D(2022, 1, 1), D(2022, 12, 31)),
        (TABS, "1,388", 1388, None, "People treated in centres", D(2024, 1, 1), D(2024, 12, 31)),
        # Months as columns take the year of the table's title; dot leaders split the cells.
        (LEADERS, "1,310", 1310, None, "Suspects arrested", D(2024, 4, 1), D(2024, 4, 30)),
    ],
)
def test_a_cell_is_a_figure_of_its_row_and_column(text, words, value, unit, label, start, end):
    assert _cells(text)[f"{words}@{start}"] == (value, unit, label, start, end)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (PIPES, 11),  # 4 rows of 2 periods and 3 changes; "n/a" and the row numbers give nothing
        (TABS, 2),
        (LEADERS, 4),  # the total row is its own figures, counted once each
        ("Share this: Facebook | Twitter | Email\n", 0),  # a line of links is no table
        ("By Sok Dara | 2019 | 2020 edition\nThe police arrested 12 people.\n", 0),  # no rows
        # Months with no year anywhere near: no period, so no cell (a blank beats a guess).
        ("            March      April\nSuspects arrested    10    12\n", 0),
    ],
)
def test_only_a_header_of_periods_and_its_rows_make_figures(text, count):
    assert len(table_cells(text)) == count


def _indicators(text: str) -> list[Row]:
    _, rows = draft_rows(text, None, "t", D(2023, 2, 1), CURATED)
    return [r for r in rows if r.kind == "indicators"]


@pytest.mark.parametrize(
    ("words", "metric", "start"),
    [
        ("655", "arrests-total", D(2021, 1, 1)),
        ("8.25", "drugs-seized-kg", D(2022, 1, 1)),
    ],
)
def test_a_table_cell_is_drafted_once_with_its_metric_and_period(words, metric, start):
    found = [r for r in _indicators(PIPES) if r.words == words]
    assert len(found) == 1
    assert (found[0].record["metric_id"], found[0].record["period_start"]) == (metric, start)
    assert found[0].record["qualifier"] == "exact"


def test_a_table_drafts_no_row_number_nor_note_year():
    values = sorted(r.record["value"] for r in _indicators(PIPES))
    assert 2.1 not in values and 2022 not in values and len(values) == 11


# A live ticker's time-coded lines ("០៧:១០ | ..."), none stopped with "។": each line is a report,
# not a headline restating one, though a quotation stopped in a later line (round nineteen).
TICKER = """ព័ត៌មានរត់ ផ្ទាល់

០៧:០០ | ប៉ូលិស​ខេត្ត​កំពត​ប្រកាស​លទ្ធផល​ប្រចាំឆ្នាំ

០៧:១០ | ឆ្នាំ២០២៣ សមត្ថកិច្ច​បាន​ឃាត់ខ្លួន​ជនសង្ស័យ ១ ២៥០នាក់

០៧:២០ | ក្នុង​នោះ​ជនបរទេស ៣៤នាក់

០៧:៣០ | ម្តាយ​ម្នាក់៖ «កូន​ខ្ញុំ​បាន​ឈប់​ប្រើ​ហើយ។»
"""


@pytest.mark.parametrize(("words", "value"), [("១ ២៥០នាក់", 1250), ("៣៤នាក់", 34)])
def test_a_live_tickers_lines_are_its_reports(words, value):
    found = [r for r in _indicators(TICKER) if r.words == words]
    assert [r.record["value"] for r in found] == [value]
