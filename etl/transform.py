"""Process step: turn validated records into one DataFrame per database table."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd
from pandas.api.types import infer_dtype

from data_model.i18n import LANGUAGES, translator
from data_model.methodology import methodology_key, render_methodology
from data_model.qualifiers import VAGUE_LOWER_BOUNDS, bounds
from data_model.records import Correction, Source
from data_model.tables import SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLES, TABLES_BY_NAME, Table
from data_model.wording import UnitWords, date_text, hedged_label, inferred_date, vague_label
from etl.carry import FED_BY, Runs
from etl.consistency import check_rows, read_by_checks
from etl.validate import Dataset, Located


def _when(src: Source, lang: str = "en") -> str:
    return date_text(src.published_on, src.date_precision, lang)


def citation(src: Source, lang: str = "en") -> str:
    """Outlet, title and date as far as they are known, e.g. for a chart's source line; a
    date worked out rather than printed says so. (Legends and pickers keep the short label,
    whose words old links still filter by.)"""
    title = f", \u201c{src.title}\u201d" if src.title else ""
    when = _when(src, lang)
    day = inferred_date(when, lang) if src.date_inferred else when
    return f"{src.outlet}{title}, {day}"


def short_label(src: Source, lang: str = "en") -> str:
    """Date and title, for legends and pickers: '13 Jan 2017 · Drug campaign nets 1,000'.
    In another language the date is that language's and the title stays as published (a
    headline is the outlet's words, like a quote)."""
    t = translator(lang)
    when = _when(src, lang)
    if src.title:
        return f"{when} · {src.title}"
    if src.url:
        page = src.url.rstrip("/").rsplit("/", 1)[-1]
        return f"{when} · " + t.gettext("untitled ({page})").format(page=page)
    return f"{when} · " + t.gettext("untitled, {outlet}").format(outlet=src.outlet)


#: Columns (pandas.api.types.infer_dtype) whose values a frame keeps as the rows give them.
_AS_GIVEN = frozenset({"string", "empty", "boolean", "date", "mixed"})


class Rows:
    """A table's rows as table_rows makes them, list-like for etl.carry.Runs (`append`,
    `len`, `rows[start:]` and `del rows[start:]` of the run being made): the rows of the
    runs already made are held as one list per column (`seal`), not as a dict per row. A
    row's dict was ~1 KB, 87,000 statements' ~100 MB at 1000x the seeds, held until the
    table's frame was made: the records' process's highest point (issue 27)."""

    __slots__ = ("columns", "held", "sealed")

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {}
        self.held: list[dict[str, Any]] = []
        self.sealed = 0

    def append(self, row: dict[str, Any]) -> None:
        self.held.append(row)

    def __len__(self) -> int:
        return self.sealed + len(self.held)

    def __getitem__(self, part: slice) -> list[dict[str, Any]]:
        return self.held[self._held(part) :]

    def __delitem__(self, part: slice) -> None:
        del self.held[self._held(part) :]

    def _held(self, part: slice) -> int:
        # Only the run being made is read or taken back, from its start to the end.
        if part.start is None or part.start < self.sealed or part.stop is not None:
            raise IndexError("only the rows of the run being made are held as rows")
        return part.start - self.sealed

    def seal(self, names: tuple[str, ...] | list[str]) -> None:
        """The rows held, moved into the columns `names` (a table's, in order)."""
        for name in names:
            column = self.columns.setdefault(name, [None] * self.sealed)
            column.extend([row.get(name) for row in self.held])
        self.sealed += len(self.held)
        self.held.clear()


def table_frame(table: Table, rows: list[dict[str, Any]] | Rows) -> pd.DataFrame:
    """A DataFrame with exactly the table's columns, in order, whatever the rows hold: Python
    values, None for a gap."""
    # Made column by column, not pd.DataFrame(rows): that puts every cell in one 2-D array
    # first and then copies it into the frame's own, twice the table at once over its rows
    # (the statements at 1000x the seeds: the records' process's highest point, issue 27).
    names = table.column_names
    columns: dict[str, list[Any]] | None = None
    if isinstance(rows, Rows):
        rows.seal(names)
        columns, rows.columns = rows.columns, {}
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    for name in names:
        cells = [row.get(name) for row in rows] if columns is None else columns.pop(name)
        # Made as objects: pandas would turn every text column into an Arrow string column,
        # only to be turned back (it was most of a Save's table building at 100x the seeds).
        column = pd.Series(cells, index=frame.index, dtype=object)
        kind = infer_dtype(column, skipna=True)
        if kind == "string" and any(type(v) is not str for v in column if v is not None):
            # A coded value (an enum of data_model.records) as its plain text, one text per
            # code: a new text per cell was ~25 MB of equal texts at 1000x the seeds.
            texts: dict[str, str] = {}
            plain = [
                v if v is None or type(v) is str else texts.setdefault(v, str.__str__(v))
                for v in column
            ]
            column = pd.Series(plain, index=frame.index, dtype=object)
        elif kind not in _AS_GIVEN:
            # Numbers as pandas reads them (a whole number beside a gap or a fraction is a
            # float): the rows, so the content fingerprint, stay what they were.
            column = pd.Series(column.tolist(), index=frame.index).astype(object)
        frame[name] = column.where(column.notna(), None)
    return frame


def correction_row(correction: Correction) -> dict[str, Any]:
    """A curated correction's row in the corrections table (etl.versions reads the ones a
    reason step logged through this too, to fingerprint them as the next build will)."""
    # data_version is filled by the build that first carries each entry (database.write).
    return correction.model_dump() | {"data_version": None}


def _span(loc: Located, key: str) -> dict[str, int | None]:
    start, end = loc.span(key) or (None, None)
    return {"quote_start": start, "quote_end": end}


#: What makes the consistency checks' rows from the data and the articles' short labels:
#: check_rows, or a build's etl.check_carry.CheckCarry, which may copy them unchanged.
Checks = Callable[[Dataset, dict[str, str]], list[dict[str, Any]]]


def to_rows(
    data: Dataset, built_at: dt.datetime, checks: Checks = check_rows
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table name; derived columns (bounds, labels, offsets) are computed here."""
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
    rows.update(table_rows(data, built_at, checks))
    return rows


def table_rows(
    data: Dataset,
    built_at: dt.datetime,
    checks: Checks = check_rows,
    runs: Runs | None = None,
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table name, rows) for every table, each table as soon as its rows are complete, so a
    caller can make its frame and let the rows go before the next table's are made. Each
    data table's rows are runs, one per curated file (etl.carry.Runs): those `runs` copies
    from the previous database are neither made nor given, and it notes every run."""
    runs = runs if runs is not None else Runs()
    # The methodology rendered first, from every record (it reads the first of each kind
    # that shows a rule), so each kind's records may go once their tables are made.
    by_kind = {k: data.of(k) for k in data.records}
    methodology = [(methodology_key(lang), render_methodology(by_kind, lang)) for lang in LANGUAGES]
    del by_kind
    metrics = {m.metric_id: m for m in data.of("metrics")}
    units = {u.unit_id: u for u in data.of("units")}
    rows: dict[str, Any] = {t.name: Rows() for t in TABLES}
    counts: dict[str, int] = {}

    def done(*names: str) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        for name in names:
            made = rows.pop(name)
            counts[name] = runs.count(name) if name in FED_BY else len(made)
            yield name, made

    def each(table: str, kind: str | None = None, part: int = 0) -> Iterator[Located]:
        made, names, file = rows[table], TABLES_BY_NAME[table].column_names, None
        for loc in runs.each(table, part, data.records[kind or table], made):
            if loc.file != file:  # a run begins: the runs before it are made and digested
                made.seal(names)
                file = loc.file
            yield loc

    def let_go(*kinds: str) -> None:
        """In a build's records' stage (Dataset.once), the records of `kinds` whose tables
        are made, but those the consistency checks read (etl.consistency.read_by_checks)."""
        if data.once:
            for kind in kinds:
                data.records[kind] = read_by_checks(data, kind)

    for loc in each("sources"):
        src = loc.record
        rows["sources"].append(
            src.model_dump()
            | dict(zip(("published_earliest", "published_latest"), src.published_span, strict=True))
            | {
                "citation": citation(src),
                "short_label": short_label(src),
                "short_label_km": short_label(src, "km"),
                "citation_km": citation(src, "km"),
                "body": data.bodies.get(src.source_id),
                "raw_sha256": data.raw_sha256.get(src.source_id),
            }
        )
    # The details name each article by its short label, as the pages do.
    names = {src.source_id: short_label(src) for src in data.of("sources")}
    if data.once:  # each body is in the sources table now (~34 MB at 1000x)
        data.bodies = {}
    let_go("sources")
    yield from done("sources")
    # Appended one by one: a run's rows are those appended while its records are given.
    for loc in each("units"):
        rows["units"].append(loc.record.model_dump())
    # A category's place is its place in the codebook: any change to a category remakes the
    # runs of every file holding categories (etl.codebook.ORDERED).
    ordinals = {c.category_id: n for n, c in enumerate(data.of("categories"), start=1)}
    for loc in each("categories"):
        rows["categories"].append(
            loc.record.model_dump() | {"ordinal": ordinals[loc.record.category_id]}
        )
    for loc in each("metrics"):
        rows["metrics"].append(loc.record.model_dump())
    yield from done("units", "categories", "metrics")
    for loc in each("actors"):
        rows["actors"].append(loc.record.model_dump() | {"aliases": "; ".join(loc.record.aliases)})
    let_go("actors")
    yield from done("actors")
    for loc in each("phases"):
        rows["phases"].append(loc.record.model_dump(exclude={"citations"}))
    for loc in each("phase_citations", "phases"):
        for i, cite in enumerate(loc.record.citations):
            rows["phase_citations"].append(
                {"phase_id": loc.record.phase_id, "source_id": cite.source_id, "quote": cite.quote}
                | _span(loc, f"citations.{i}.quote")
            )
    yield from done("phases", "phase_citations")
    for loc in each("indicators"):
        ind = loc.record
        metric = metrics[ind.metric_id]
        unit = units[metric.unit]
        if ind.vague is not None:  # the words, and only the bound their rule gives
            low, high, label = VAGUE_LOWER_BOUNDS[ind.vague], None, vague_label(ind.vague)
        else:
            low, high = bounds(ind.value, ind.qualifier, unit.kind, ind.value_to, metric.signed)
            label = hedged_label(
                ind.value, ind.qualifier, UnitWords.of(unit), value_to=ind.value_to
            )
        rows["indicators"].append(
            ind.model_dump()
            | {"value_low": low, "value_high": high, "label": label}
            | {"unit": unit.unit_id, "currency": unit.currency}
            | _span(loc, "quote")
        )
    yield from done("indicators")
    for loc in each("statements"):
        said = loc.record.model_dump()
        # One JSON cell (tables.STATEMENTS): a statement has a translation per language at most.
        said["translations"] = (
            json.dumps(said["translations"], ensure_ascii=False) if said["translations"] else None
        )
        rows["statements"].append(said | _span(loc, "quote"))
    let_go("statements")  # ~half of the records at 1000x the seeds
    yield from done("statements")
    for loc in each("events"):
        rows["events"].append(loc.record.model_dump() | _span(loc, "quote"))
    let_go("events")
    yield from done("events")
    for loc in each("policies"):
        pol = loc.record
        rows["policies"].append(
            pol.model_dump(exclude={"positions", "status_citations"}) | _span(loc, "quote")
        )
    for loc in each("policy_citations", "policies"):
        pol = loc.record
        for i, cite in enumerate(pol.status_citations):
            rows["policy_citations"].append(
                {"policy_id": pol.policy_id, "source_id": cite.source_id, "quote": cite.quote}
                | _span(loc, f"status_citations.{i}.quote")
            )
    for loc in each("policy_positions", "policies"):
        pol = loc.record
        for i, pos in enumerate(pol.positions):
            rows["policy_positions"].append(
                pos.model_dump()
                | {"position_id": f"{pol.policy_id}-{i + 1}", "policy_id": pol.policy_id}
                | _span(loc, f"positions.{i}.quote")
            )
    # Positions coded in an article's own file join those listed with their proposal.
    for loc in each("policy_positions", "positions", part=1):
        rows["policy_positions"].append(loc.record.model_dump() | _span(loc, "quote"))
    let_go("positions")
    yield from done("policies", "policy_citations", "policy_positions")
    for loc in each("not_coded"):
        rows["not_coded"].append(loc.record.model_dump() | _span(loc, "quote"))
    let_go("not_coded")
    yield from done("not_coded")
    rows["consistency_checks"] = checks(data, names)
    if data.once:  # the corrections' records are all that is read from here
        data.records = {"corrections": data.records.get("corrections", [])}
    rows["corrections"] = [correction_row(c) for c in data.of("corrections")]
    yield from done("consistency_checks", "corrections")
    rows["build_info"] = [
        {"key": "built_at", "value": built_at.isoformat(timespec="seconds")},
        {"key": SCHEMA_VERSION_KEY, "value": SCHEMA_VERSION},
        {"key": "sources", "value": str(counts["sources"])},
        {"key": "indicators", "value": str(counts["indicators"])},
        {"key": "statements", "value": str(counts["statements"])},
        # The methodology as the data it was built from illustrates it: the package README
        # carries the same text as docs/methodology.md.
        # Each language's under its own key (the Khmer from the catalogue, like the charts).
        *({"key": key, "value": text} for key, text in methodology),
    ]
    yield from done("build_info")


def frames_of(
    data: Dataset,
    built_at: dt.datetime,
    checks: Checks = check_rows,
    runs: Runs | None = None,
    keep: Callable[[str, pd.DataFrame], Any] | None = None,
) -> dict[str, pd.DataFrame]:
    """One DataFrame per table (as to_frames(to_rows(...))), each made as soon as its rows
    are: the rows of every table are never all held at once (the consistency checks, the
    build's peak of memory, run after the data tables' rows are made). Of the runs `runs`
    copies, no rows (table_rows). Each table is given to `keep` with its name as it is made,
    and what that returns is given in its place (etl.build's hand-over: written out, not held
    with the records)."""
    made = {
        name: keep(name, frame) if keep is not None else frame
        for name, rows in table_rows(data, built_at, checks, runs)
        for frame in (table_frame(TABLES_BY_NAME[name], rows),)
    }
    return {t.name: made[t.name] for t in TABLES}


def to_frames(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, columns as the schema declares them. Each table's rows are
    taken out of `rows` as its frame is made, so they are let go one table at a time."""
    return {t.name: table_frame(t, rows.pop(t.name)) for t in TABLES}
