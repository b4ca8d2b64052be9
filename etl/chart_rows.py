"""Build step 'charts': make every chart and the Trends sections from the new file and store
them (figure JSON, title, takeaway, evidence, sources), so no server rebuilds a chart or the
catalogue; a chart whose input is unchanged since the file being replaced is copied from it.

Each chart is made once per language (data_model.i18n.LANGUAGES) and stored as one row per
chart and language (chart_parts.lang), its words from the catalogue and label_km (charts.words
says why at build time): a page with ?lang=km reads the Khmer row, never a translation made
while it waits. A chart's input key covers all its languages: they are made, or copied,
together.

Before any of that, the charts as a whole: the step_keys row `chart_parts` holds a SHA-256 of
the code and of the rows of every table the charts' queries read (the tables noted from the
SQL each query runs, through DuckDB's parse of it), by the digests the build's fingerprint takes
of them anyway. When none of those tables changed (a statement's stance, an article without
figures ...), every chart's rows are copied from the file being replaced in SQL, and no chart
reads anything. When one of them changed but no read of any chart (nor the catalogue's own)
answers otherwise (an article added without figures or events: a row of `sources` no chart
shows), the step_keys row `chart_reads` says so: the SHA-256 of the code and of each read's
answer as DuckDB digests it in one statement (database.answers), asked of the new file before
it is swapped in; every chart is then copied whole too (carried_by_reads).

Over 400 lines: making, comparing and storing the charts share their keys, read in one place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from charts.catalogue import Catalogue, ChartSpec, Frames, catalogue
from charts.frames import ReaderFrames
from charts.model import Chart
from data_model.i18n import LANGUAGES
from data_model.tables import CHART_KEYS, CHART_PARTS, STEP_KEYS, TRENDS_SECTIONS
from database import queries
from database.answers import Fetch, answer_digests
from database.connection import Reader
from database.write import (
    BUILD_MEMORY_LIMIT,
    base_tables,
    carry_charts_whole,
    step_key,
    store_rows,
)
from etl.document_forms import packed, unpacked
from etl.store import release_freed

#: The charts step's row in step_keys (named, as the checks' is, by the table it fills).
STEP = CHART_PARTS.name
#: Its second row: every read of the charts and their catalogue, with its answers' key.
READS_STEP = "chart_reads"


def part_rows(charts: list[Chart], ordinals: list[int] | None = None) -> pd.DataFrame:
    """The chart_parts rows of these charts (at these places in the catalogue; by default
    their places in the list)."""
    places = ordinals if ordinals is not None else list(range(len(charts)))
    return pd.DataFrame(
        [
            (
                c.chart_id,
                c.lang,
                ordinal,
                c.title,
                c.takeaway,
                c.figure.to_json(),
                c.evidence.to_json(orient="split", index=False, date_format="iso"),
                json.dumps(list(c.sources), ensure_ascii=False),
            )
            for ordinal, c in zip(places, charts, strict=True)
        ],
        columns=CHART_PARTS.column_names,
    )


def section_rows(made: Catalogue) -> pd.DataFrame:
    """The trends_sections rows of the catalogue, one per section and language (its name in
    that language, the English one where it has none)."""
    return pd.DataFrame(
        [
            (
                s.section_id,
                lang,
                s.labels.get(lang, s.label),
                ordinal,
                json.dumps(list(s.chart_ids)),
            )
            for lang in LANGUAGES
            for ordinal, s in enumerate(made.sections.values())
        ],
        columns=TRENDS_SECTIONS.column_names,
    )


# --- what a chart is made from -------------------------------------------------------------


def _call_text(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    return json.dumps([name, list(args), kwargs], sort_keys=True, default=list)


#: Answers of at most this many rows are kept for the next chart (the phases, the metrics):
#: read by nearly every chart, and small whatever the corpus.
_KEPT_ROWS = 1_000


class _Reads:
    """A Frames that answers each distinct call once and notes which calls a chart made: a
    chart is a function of the code, its definition and the answers to its reads, so equal
    answers make an equal chart. Any method of the Frames is noted, whatever it is called."""

    def __init__(self, frames: Frames) -> None:
        self._frames = frames
        self._answers: dict[str, pd.DataFrame] = {}
        self._digests: dict[str, str] = {}
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Callable[..., pd.DataFrame]:
        method = getattr(self._frames, name)

        def read(*args: Any, **kwargs: Any) -> pd.DataFrame:
            call = _call_text(name, args, kwargs)
            if call not in self.calls:
                self.calls.append(call)
            if call not in self._answers:
                self._answers[call] = method(*args, **kwargs)
            # A copy: a chart that changed a frame in place would change the next one's.
            return self._answers[call].copy()

        return read

    def answer(self, call: str) -> pd.DataFrame:
        """The answer to a call noted by an earlier build (asked again of this file)."""
        name, args, kwargs = json.loads(call)
        getattr(self, name)(*args, **kwargs)
        return self._answers[_call_text(name, tuple(args), kwargs)]

    def digest(self, call: str) -> str:
        if call not in self._digests:
            self._digests[call] = frame_digest(self.answer(call))
        return self._digests[call]

    def query_of(self, call: str) -> Any:
        """The one query whose answer the call's answer is made of (database.answers), or
        None when the Frames has none for it."""
        name, args, kwargs = json.loads(call)
        query_of = getattr(self._frames, "query_of", None)
        return query_of(name, args, kwargs) if query_of is not None else None

    def start(self) -> None:
        """Note the calls of the next chart afresh."""
        self.calls = []

    def forget(self) -> None:
        """Let go of the answers of more than _KEPT_ROWS rows, once a chart is made or found
        unchanged: a chart's figures (one metric's, or a curated chart's few) are read by
        that chart alone, and every chart's held to the step's end grew the build's memory
        with the corpus. Their digests stay; an answer asked again is read again."""
        for call in [c for c, frame in self._answers.items() if len(frame) > _KEPT_ROWS]:
            del self._answers[call]


def frame_digest(frame: pd.DataFrame) -> str:
    """SHA-256 of a frame's columns, types, index and every value, exact (no rounding)."""
    digest = hashlib.sha256()
    digest.update(
        json.dumps([[str(c) for c in frame.columns], [str(t) for t in frame.dtypes]]).encode()
    )
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    except TypeError:  # a cell pandas cannot hash (a list): its JSON text, all digits kept
        text = frame.to_json(
            orient="split", date_format="iso", double_precision=15, default_handler=str
        )
        digest.update(text.encode())
    return digest.hexdigest()


def _definition(spec: ChartSpec) -> str:
    """The chart's definition as text: its kind and every field but the code it runs (whose
    text the code version covers); a chart made for a metric from the data has the metric's
    label here."""
    if dataclasses.is_dataclass(spec):
        fields = {f.name: getattr(spec, f.name) for f in dataclasses.fields(spec)}
    else:
        fields = dict(vars(spec))
    kept = {k: v for k, v in fields.items() if not callable(v)}
    return json.dumps([type(spec).__qualname__, kept], sort_keys=True, default=repr)


def input_key(code: str, spec: ChartSpec, reads: _Reads, calls: list[str]) -> str:
    """SHA-256 of the code version, the chart's definition and the answer to each read."""
    digest = hashlib.sha256()
    for part in (code, _definition(spec), *(f"{c}\n{reads.digest(c)}" for c in calls)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class MadeCharts:
    """The charts of a new file: those made afresh, and those whose input is unchanged since
    the file being replaced (copied from it by store_charts)."""

    #: None when every chart is copied whole (its sections are copied with them).
    catalogue: Catalogue | None
    #: The chart_parts rows of the charts made afresh (each made, stored as a row, let go),
    #: their figure and evidence JSON packed (_PACKED).
    rows: list[tuple[Any, ...]]
    #: Those charts themselves, when asked to keep them (the images step draws them).
    made: list[Chart]
    #: Place in the catalogue of each chart, by id (made and carried).
    ordinals: dict[str, int]
    #: chart_keys rows: chart id -> (input key, reads as JSON).
    keys: dict[str, tuple[str, str]]
    carried: list[str] = field(default_factory=list)
    previous: Path | None = None
    #: The languages each chart is made in (a row per chart and language).
    languages: tuple[str, ...] = LANGUAGES
    #: The step_keys row of the charts as a whole (input key, tables read as JSON), when the
    #: build gave the digests of its tables; whether every chart is copied by it.
    step_row: tuple[str, str] | None = None
    whole: bool = False
    #: The step_keys row READS_STEP (input key, every read as JSON), when the build gave the
    #: digests and every read has a query (reads_row); whether the charts are copied whole
    #: by it (carried_by_reads), not by the tables' digests.
    reads_row: tuple[str, str] | None = None
    by_reads: bool = False


def _earlier_keys(previous: Path | None) -> dict[str, tuple[str, str]]:
    """The chart keys of the file being replaced ({} when there is none, or it is of another
    schema or damaged: every chart is then made afresh)."""
    if previous is None or not previous.exists():
        return {}
    try:
        with Reader.of_build(previous) as reader:
            return queries.chart_keys(reader)
    except duckdb.Error:
        return {}


def _unchanged(code: str, spec: ChartSpec, reads: _Reads, kept: tuple[str, str]) -> bool:
    """Whether the chart's input is what it was made from in the file being replaced."""
    try:
        calls = json.loads(kept[1])
        return input_key(code, spec, reads, calls) == kept[0]
    except (AttributeError, TypeError, ValueError, KeyError):
        # A read this code cannot ask again: the chart is made afresh, never guessed.
        return False


def whole_key(code: str, digests: dict[str, str], tables: list[str]) -> str | None:
    """SHA-256 of the code and of the digest of each table the charts read (`digests`: the
    build's etl.store.table_digests); None when one of them has no digest (a table the build
    fills or changes after taking them), so the charts are never copied whole on its word."""
    if not code or any(t not in digests for t in tables):
        return None
    digest = hashlib.sha256(code.encode())
    for table in sorted(tables):
        digest.update(f"\0{table}\0{digests[table]}".encode())
    return digest.hexdigest()


def reads_row(
    code: str, reads: _Reads, calls: list[str], fetch: Fetch, at_once: bool = True
) -> tuple[str, str] | None:
    """The READS_STEP row of these calls (every read of the charts and the catalogue):
    SHA-256 of the code and of each call with its answer's digest, taken in SQL by `fetch`
    from the file the charts read; None when a call has no query to digest. Without
    `at_once` each answer is digested by a statement of its own (the same digests): one
    statement of them all runs every read at the same time, and at 1000x that was the
    charts step's highest memory after the last chart (stop 47)."""
    found = [reads.query_of(c) for c in calls]
    if not code or any(q is None for q in found):
        return None
    if at_once:
        digests = answer_digests(fetch, found)
    else:
        digests = [answer_digests(fetch, [query])[0] for query in found]
    return reads_key(code, calls, digests), json.dumps(calls)


def reads_key(code: str, calls: list[str], digests: list[str]) -> str:
    digest = hashlib.sha256(code.encode())
    for call, answer in zip(calls, digests, strict=True):
        digest.update(f"\0{call}\0{answer}".encode())
    return digest.hexdigest()


def carried_by_reads(
    fetch: Fetch, previous: Path, code: str, digests: dict[str, str]
) -> MadeCharts | None:
    """Every chart of `previous`, to be copied as it is, when a table they read changed but
    every read they and the catalogue made there (its READS_STEP row) answers the same from
    the new file (`fetch` runs a statement on it): the same code then makes the same
    catalogue and charts. None otherwise. Its step_row is the one a full build of the new
    file makes (the same tables read, their digests now)."""
    earlier, tables = step_key(previous, READS_STEP), step_key(previous, STEP)
    if not code or earlier is None or tables is None:
        return None
    calls = json.loads(earlier[1])
    with Reader.of_build(previous) as reader:
        reads = _Reads(ReaderFrames(reader))
        row = reads_row(code, reads, calls, fetch)
        if row is None or row[0] != earlier[0]:
            return None
        ordinals = queries.chart_ordinals(reader)
    read = json.loads(tables[1])
    key = whole_key(code, digests, read)
    return MadeCharts(
        None,
        [],
        [],
        ordinals,
        {},
        carried=list(ordinals),
        previous=previous,
        step_row=None if key is None else (key, json.dumps(read)),
        whole=True,
        reads_row=earlier,
        by_reads=True,
    )


def _carried_whole(
    previous: Path, code: str, digests: dict[str, str], languages: tuple[str, ...]
) -> MadeCharts | None:
    """Every chart of `previous`, to be copied as it is, when the code and every table its
    charts read are unchanged since it; None otherwise."""
    earlier = step_key(previous, STEP)
    if earlier is None:
        return None
    key, reads = earlier
    if whole_key(code, digests, json.loads(reads)) != key:
        return None
    with Reader.of_build(previous) as reader:
        ordinals = queries.chart_ordinals(reader)
    return MadeCharts(
        None,
        [],
        [],
        ordinals,
        {},
        carried=list(ordinals),
        previous=previous,
        languages=languages,
        step_row=earlier,
        whole=True,
        reads_row=step_key(previous, READS_STEP),
    )


def make_charts(
    db_path: Path,
    previous: Path | None = None,
    code: str = "",
    keep: bool = True,
    languages: tuple[str, ...] = LANGUAGES,
    digests: dict[str, str] | None = None,
) -> MadeCharts:
    """The catalogue of the database at db_path and its charts: each made from its tables,
    unless `previous` (the file being replaced) holds it made from the same input by the
    same code (`code`, etl.inputs.code_version; without it every chart is made). Without
    `keep` only each chart's row is kept, not its figure: a build that draws no images holds
    one figure at a time. With `digests` (each data table's, as the build's fingerprint takes
    them) every chart is copied at once when no table they read changed (whole_key), and the
    key of that is made for the next build."""
    if digests is not None and previous is not None and code:
        whole = _carried_whole(previous, code, digests, languages)
        if whole is not None:
            return whole
    earlier = _earlier_keys(previous) if code else {}
    with Reader(db_path, BUILD_MEMORY_LIMIT) as reader:
        noted = reader.note_tables()
        reads = _Reads(ReaderFrames(reader))
        made = catalogue(reads)  # type: ignore[arg-type]  # _Reads answers as a Frames does
        every = set(reads.calls)  # the catalogue's reads, then each chart's
        out = MadeCharts(made, [], [], {}, {}, previous=previous, languages=languages)
        for ordinal, (chart_id, spec) in enumerate(made.charts.items()):
            out.ordinals[chart_id] = ordinal
            kept = earlier.get(chart_id)
            if kept is not None and _unchanged(code, spec, reads, kept):
                every.update(json.loads(kept[1]))
                out.carried.append(chart_id)
                out.keys[chart_id] = kept
                reads.forget()
                continue
            reads.start()
            for lang in languages:  # the same reads: one key for every language
                chart = spec.build(reads, lang)  # type: ignore[arg-type]
                for row in part_rows([chart], [ordinal]).itertuples(index=False, name=None):
                    out.rows.append(_packed_row(row))
                if keep:
                    out.made.append(chart)
                del chart
            calls = list(reads.calls)
            every.update(calls)
            out.keys[chart_id] = (input_key(code, spec, reads, calls), json.dumps(calls))
            reads.forget()
            # What the chart's frames and figure took (Arrow's pool keeps it otherwise):
            # the step's memory is then its largest chart's, not the sum of them all.
            release_freed(collect=False)
        if digests is not None:
            # Every chart's reads were asked (made or checked), so these are all they read.
            tables = sorted(base_tables(noted))
            key = whole_key(code, digests, tables)
            out.step_row = None if key is None else (key, json.dumps(tables))
            out.reads_row = reads_row(
                code,
                reads,
                sorted(every),
                lambda sql, params: list(reader.frame(sql, params).itertuples(False, None)),
                at_once=False,
            )
    return out


#: The places in a chart_parts row of its figure's JSON and its evidence's, held packed
#: (etl.document_forms.packed) from the chart's making to its storing: every chart's at once in
#: plain text was a fifth of a 1000x build's peak memory.
_PACKED = tuple(CHART_PARTS.column_names.index(name) for name in ("figure", "evidence"))


def _packed_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(packed(v) if i in _PACKED else v for i, v in enumerate(row))


def _unpacked_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(unpacked(v) if i in _PACKED else v for i, v in enumerate(row))


def step_rows(charts: MadeCharts) -> list[tuple[str, str, str]]:
    """The charts step's step_keys rows: STEP's, then READS_STEP's (those it has)."""
    rows = [(STEP, *charts.step_row)] if charts.step_row else []
    return rows + ([(READS_STEP, *charts.reads_row)] if charts.reads_row else [])


def _step_keys(charts: MadeCharts) -> pd.DataFrame:
    return pd.DataFrame(step_rows(charts), columns=STEP_KEYS.column_names)


def carried_whole(previous: Path, code: str, digests: dict[str, str]) -> MadeCharts | None:
    """Every chart of `previous`, to be copied as it is (database.write.copy_charts_whole),
    when the code and every table its charts read are unchanged since it; None otherwise."""
    return _carried_whole(previous, code, digests, LANGUAGES) if code else None


def whole_line(charts: MadeCharts) -> str:
    """The build's line for charts all copied whole."""
    why = (
        "a table they read changed, but none of the answers their reads give"
        if charts.by_reads
        else "none of the tables they read changed"
    )
    return (
        f"stored {len(charts.carried)} charts' figures and words: 0 made, "
        f"{len(charts.carried)} unchanged and copied from the previous database"
        f" (each in {len(charts.languages)} languages; {why})"
    )


def check_copied(charts: MadeCharts, copied: int) -> None:
    """Raise unless `copied` chart_parts rows are every language's row of each chart copied."""
    wanted = len(charts.carried) * len(charts.languages)
    if copied != wanted:
        raise RuntimeError(f"{charts.previous}: {wanted - copied} unchanged chart rows missing")


def store_charts(db_path: Path, charts: MadeCharts) -> str:
    """Store the charts' parts (the unchanged ones copied from the file being replaced), their
    keys and the Trends sections in the database at db_path; one line back for the build."""
    if charts.whole and charts.previous is not None:
        copied = carry_charts_whole(db_path, charts.previous, step_rows(charts))
        wanted = len(charts.carried) * len(charts.languages)
        if copied != wanted:
            raise RuntimeError(f"{charts.previous}: {wanted - copied} unchanged chart rows missing")
        return whole_line(charts)
    # One chart's languages at a time: a frame of every figure's JSON at once (and DuckDB's
    # copy of it) was the top of a 1000x build's memory.
    step = len(charts.languages)
    parts = (
        (
            CHART_PARTS,
            # Objects, not Arrow strings (pandas' default): each figure's JSON copied into
            # Arrow's pool only for DuckDB to copy it again (at 300x, storing the charts
            # peaked 20 MB higher and kept 30 MB more).
            pd.DataFrame(
                [_unpacked_row(row) for row in charts.rows[start : start + step]],
                columns=CHART_PARTS.column_names,
                dtype=object,
            ),
        )
        for start in range(0, len(charts.rows), step)
    )
    carried = None
    if charts.carried and charts.previous is not None:
        ordinals = pd.DataFrame(
            [(c, charts.ordinals[c]) for c in charts.carried], columns=["chart_id", "ordinal"]
        )
        carried = (charts.previous, ordinals)
    keys = pd.DataFrame(
        [(c, key, calls) for c, (key, calls) in charts.keys.items()],
        columns=CHART_KEYS.column_names,
    )
    rest = [(CHART_KEYS, keys)]
    if charts.catalogue is not None:
        rest.append((TRENDS_SECTIONS, section_rows(charts.catalogue)))
    if charts.step_row or charts.reads_row:
        rest.append((STEP_KEYS, _step_keys(charts)))
    # Every part through one connection to the new file (database.write.store_rows).
    # No chart made: a Save's copy of the previous file may keep its charts where they are.
    copied = store_rows(db_path, parts, carried, rest, 0 if charts.rows else len(charts.languages))
    if carried is not None:
        # Every language's row of each chart (the same code made them: the same languages).
        wanted = len(charts.carried) * len(charts.languages)
        if copied != wanted:
            raise RuntimeError(f"{charts.previous}: {wanted - copied} unchanged chart rows missing")
    made = len({row[0] for row in charts.rows})
    total = made + len(charts.carried)
    return (
        f"stored {total} charts' figures and words: {made} made, "
        f"{len(charts.carried)} unchanged and copied from the previous database"
        f" (each in {len(charts.languages)} languages)"
    )
