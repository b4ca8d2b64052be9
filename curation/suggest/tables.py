"""A statistical table pasted as text: each cell a figure, its row's label the thing counted and
its column's year or month the period (issue 23, round nineteen).

A table is a header line naming two periods or more as columns ("| 2018 | 2019 | Change", "2018
<tab> 2019", "January   February"), then rows split the same way ("|", a tab, two spaces or
more, or dot leaders "Label .... 1,234 .... 1,456"), until a line that is no row. A cell under a
"change" column is a signed percent set against the columns before it; a sub-row ("of whom
women") counts its parent row's thing; a total row is one figure of its own, never added to its
parts. Cells carry no hedge: "exact" unless the cell says otherwise ("~", "about"), and a cell
with no number ("n/a", "-") gives nothing. Round thirty-seven: the same table turned, its periods
as rows under a header of named columns ("Year | Cases | People arrested"), is read too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): n for n, m in enumerate(calendar.month_abbr) if m}
_YEAR = r"(?:19|20)\d{2}"
_YEAR_CELL = re.compile(rf"^(?:FY\s*)?({_YEAR})$", re.I)
_MONTH_CELL = re.compile(rf"^([A-Za-z]{{3,9}})\.?(?:\s+|-|/)?({_YEAR})?$")
_CHANGE_HEAD = re.compile(r"^(?:change|%\s*change|change\s*\(%\)|difference|growth|\+/-|±)", re.I)
# A cell's number: "1,234", "641.3", "+8.0%", "−12%", "~300"; nothing else in the cell.
_NUMBER = re.compile(r"^(?P<hedge>~|about\s+|approx\.?\s+)?(?P<sign>[+\-−–])?"
                     r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<pct>%)?$", re.I)  # fmt: skip
_ROW_NUMBER = re.compile(r"^(?:No\.?|#|\d+(?:\.\d+)*\.?|[a-z]\)|\(?[ivx]+\)?)$", re.I)
_LEADERS = re.compile(r"\s*\.{3,}\s*|\t+|\s{2,}")
_SUB_ROW = re.compile(r"^(?:of\s+(?:whom|which|them|these)|incl(?:uding|\.)|among\s+them|-|–)\s*",
                      re.I)  # fmt: skip
_TOTAL = re.compile(r"^(?:total|grand\s+total|all|overall|sum)\b", re.I)
_UNIT = re.compile(r"\s*\((kg|g|tonnes?|tons?|%|percent|people|persons|cases)\)\s*$", re.I)


@dataclass(frozen=True)
class Cell:
    """One figure of a table: its words and where they are, the row's label, the period."""

    words: str  # the cell as printed, e.g. "+8.7%"
    start: int  # offsets of ``words`` in the text
    end: int
    value: float
    unit: str | None  # "percent", "kg", ... or None (a count)
    label: str  # what the row counts, in the table's words ("women arrested")
    change: bool  # a change column's cell: a signed percent against the columns before
    period_start: dt.date | None
    period_end: dt.date | None
    line: str  # the row as printed
    header: str  # the header line the period was read from
    approx: bool = False
    by_row: bool = False  # the period is the row's first cell, the thing counted the column's


def _split(line: str) -> list[tuple[str, int]]:
    """The cells of a line with their offsets in it: split on "|", else a tab, two spaces or
    dot leaders; one cell when nothing splits it."""
    if line.count("|") >= 2:
        cells, at = [], 0
        for part in line.split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append((part.strip(), at + lead))
            at += len(part) + 1
        return [(c, k) for c, k in cells if c]
    cells, at = [], 0
    for m in _LEADERS.finditer(line):
        if m.start() > at:
            cells.append((line[at : m.start()], at))
        at = m.end()
    if at < len(line):
        cells.append((line[at:], at))
    return [(c.strip(), k + len(c) - len(c.lstrip())) for c, k in cells if c.strip()]


def _period(cell: str, year: int | None) -> tuple[dt.date, dt.date] | None:
    """The whole year or month a header cell names; a month with no year takes the table's."""
    if m := _YEAR_CELL.match(cell):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = _MONTH_CELL.match(cell)
    if m and m[1].lower() in _MONTHS:
        y = int(m[2]) if m[2] else year
        if y is None:
            return None
        month = _MONTHS[m[1].lower()]
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
    return None


def _table_year(lines: list[str]) -> int | None:
    """The one year the lines before a header name (its title), else None."""
    for line in reversed(lines[-3:]):
        years = set(re.findall(rf"\b({_YEAR})\b", line))
        if len(years) == 1:
            return int(years.pop())
    return None


def _label(cells: list[tuple[str, int]], first_number: int) -> str:
    words = [c for c, _ in cells[:first_number] if not _ROW_NUMBER.match(c)]
    return " ".join(words)


def table_cells(text: str) -> list[Cell]:
    """Every figure of the text's tables, in order; none when no line heads a table."""
    out: list[Cell] = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    k = 0
    while k < len(lines):
        head = _split(lines[k].rstrip("\n"))
        year = _table_year([ln.strip() for ln in lines[max(0, k - 6) : k] if ln.strip()])
        periods = [_period(c, year) for c, _ in head]
        if sum(p is not None for p in periods) < 2:
            found, k = _period_rows(lines, offsets, k, head, year)
            out += found
            continue
        found, k = _rows(lines, offsets, k, head, periods)
        out += found
    return out


def _rows(lines, offsets, k, head, periods) -> tuple[list[Cell], int]:
    """The cells of the rows under the header at line ``k``, and the line after the table."""
    header = lines[k].strip()
    changes = [bool(_CHANGE_HEAD.match(c)) for c, _ in head]
    last_period = next((p for p in reversed(periods) if p is not None), None)
    out: list[Cell] = []
    parent = ""
    k += 1
    while k < len(lines):
        raw = lines[k].rstrip("\n")
        if not raw.strip():
            k += 1
            continue
        cells = _split(raw)
        first = next((i for i, (c, _) in enumerate(cells) if _NUMBER.match(c) and _label(cells, i)),
                     None)  # fmt: skip
        if first is None or len(cells) < 2:
            break  # "Notes:", a paragraph: the table is over
        label = _label(cells, first)
        unit = None
        if u := _UNIT.search(label):
            unit = {"%": "percent", "tons": "tonnes", "ton": "tonnes", "tonne": "tonnes",
                    "persons": "people"}.get(u[1].lower(), u[1].lower())  # fmt: skip
            label = label[: u.start()]
        if sub := _SUB_ROW.match(label):
            rest = parent.split(None, 1)[1] if len(parent.split()) > 1 else ""
            label = f"{label[sub.end() :]} {rest}".strip()
        elif _TOTAL.match(label) and len(label.split()) == 1:
            label = f"{label} {parent}".strip()  # "Total": the total of the rows' thing
        else:
            parent = label
        # The cells right of the label line up with the header's rightmost cells.
        shift = len(head) - len(cells)
        for i in range(first, len(cells)):
            m = _NUMBER.match(cells[i][0])
            col = i + shift
            if not m or not 0 <= col < len(head):
                continue
            change = changes[col]
            period = last_period if change else periods[col]
            if period is None:
                continue
            value = float(m["num"].replace(",", ""))
            if m["sign"] and m["sign"] != "+":
                value = -value
            words, at = cells[i]
            start = offsets[k] + at
            out.append(Cell(words, start, start + len(words), value,
                            "percent" if m["pct"] or change else unit, label, change, *period,
                            raw.strip(), header, approx=bool(m["hedge"])))  # fmt: skip
        k += 1
    return out, k


def _unit_of(label: str) -> tuple[str, str | None]:
    """A row's or column's label without its "(kg)", and the unit it names (None: a count)."""
    u = _UNIT.search(label)
    if not u:
        return label, None
    unit = {"%": "percent", "tons": "tonnes", "ton": "tonnes", "tonne": "tonnes",
            "persons": "people"}.get(u[1].lower(), u[1].lower())  # fmt: skip
    return label[: u.start()].strip(), unit


def _period_rows(lines, offsets, k, head, year) -> tuple[list[Cell], int]:
    """Round thirty-seven: the same table turned, its periods as rows ("Year | Drug cases |
    People arrested" over "2017 | 9,460 | 18,170"): each cell's column names the thing counted,
    its row's first cell the period. A header of three cells or more, none a number, over two
    such rows at least; else nothing, and the line after the header."""
    names = [c for c, _ in head]
    if len(names) < 3 or any(_NUMBER.match(c) for c in names):
        return [], k + 1
    out: list[Cell] = []
    at, rows = k + 1, 0
    while at < len(lines):
        raw = lines[at].rstrip("\n")
        if not raw.strip():
            at += 1
            continue
        cells = _split(raw)
        period = _period(cells[0][0], year) if len(cells) == len(names) else None
        if period is None:
            break
        rows += 1
        for col in range(1, len(names)):
            m = _NUMBER.match(cells[col][0])
            if not m or _CHANGE_HEAD.match(names[col]):
                continue  # no number, or a change against the row before: not read here
            label, unit = _unit_of(names[col])
            value = float(m["num"].replace(",", ""))
            if m["sign"] and m["sign"] != "+":
                value = -value
            words, off = cells[col]
            start = offsets[at] + off
            out.append(Cell(words, start, start + len(words), value,
                            "percent" if m["pct"] else unit, label, False, *period,
                            raw.strip(), lines[k].strip(), bool(m["hedge"]), True))  # fmt: skip
        at += 1
    if rows < 2:
        return [], k + 1
    return out, at
