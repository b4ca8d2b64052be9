"""Process step: validate raw records against the models, each other and the article texts.

Long because validation across records (ids, references, quotes, restatements) reports all
problems in one pass; each rule is a short function.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from corpus.cleaning import clean_body
from corpus.load import RawInput, RawRecord
from corpus.problems import Problems, shown
from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from data_model.fidelity_rules import date_span, names_in, predates
from data_model.i18n import N_
from data_model.records import (
    ID_FIELDS,
    RECORD_KINDS,
    ActorKind,
    Indicator,
    Metric,
    Phase,
    Policy,
    Record,
    Source,
    UnitKind,
)

ARTICLES_PATH = "seeds/articles"


@dataclass(frozen=True, slots=True)
class Located:
    """A validated record, where it was written, and the offsets of its quotes."""

    record: Record
    file: str
    #: Its quotes' places, flat: field key, start, end, then the next. Not a dict per record
    #: (~200,000 records at 1000x the seeds: a dict and a tuple each, ~35 MB on the records'
    #: process's highest point, issue 27); `spans` gives them as one.
    placed: tuple[Any, ...] = ()

    @property
    def spans(self) -> dict[str, tuple[int, int]]:
        """The quotes' offsets by field key ("quote", "positions.0.quote"), made on each read."""
        p = self.placed
        return {p[i]: (p[i + 1], p[i + 2]) for i in range(0, len(p), 3)}

    def span(self, key: str) -> tuple[int, int] | None:
        """The offsets of the quote at `key`, if it was placed (the last placed, as a dict's)."""
        p = self.placed
        for i in range(len(p) - 3, -1, -3):
            if p[i] == key:
                return p[i + 1], p[i + 2]
        return None

    def place(self, key: str, span: tuple[int, int]) -> None:
        """Note where the quote at `key` is (validation's own, as it finds each)."""
        object.__setattr__(self, "placed", (*self.placed, key, *span))

    @property
    def span_sources(self) -> dict[str, str]:
        """The source each span is in, by the same field key (coverage accounting needs it):
        read from the record, not held (a second dict per record was ~30 MB at 1000x)."""
        return {key: source_of(self.record, key) for key in self.spans}


def source_of(record: Any, key: str) -> str:
    """The source id beside the quote at `key` ("quote", "positions.0.quote"): the
    `source_id` of the same part of the record, or a policy's own `first_source_id`."""
    *path, _ = key.split(".")
    if not path and isinstance(record, Policy):
        return record.first_source_id
    part = record
    for step in path:
        part = part[int(step)] if step.isdigit() else getattr(part, step)
    return part.source_id


#: Quote places by (SHA-256 of the article file, title, quote).
Spans = dict[tuple[str, str | None, str], tuple[int, int]]


@dataclass(frozen=True)
class KnownQuotes:
    """What a build by the same code found in the same articles (database.write
    .earlier_found): clean bodies by (SHA-256 of the article file, title), and quote
    places by (SHA-256, title, quote). Both are functions of those alone, so a Save takes
    them as found instead of cleaning every article and finding every quote again.

    A Save reads the places two ways: those of a record of a file the previous build checked
    (Checked) from the row it made of it, by the record's place in its file's run (`rows`,
    `runs`: that build's tables' quote places, row by row, and its table_runs); and, by their
    words, those of the quotes of the sources the records checked again quote (`more`, asked
    once; `spans` holds the places given at once). Every quote's words were read into one
    dict before: ~0.5 s of a Save's CPU at 1000x the seeds, whatever it changed (issue 27)."""

    bodies: dict[tuple[str, str | None], str] = field(default_factory=dict)
    spans: Spans = field(default_factory=dict)
    rows: dict[str, tuple[array[int], array[int]]] = field(default_factory=dict)
    runs: dict[tuple[str, int, str], tuple[int, int, str]] = field(default_factory=dict)
    more: Callable[[set[str]], Spans] | None = None


#: The table and part (etl.carry) whose rows hold a one-quote kind's places, one a record.
_ROWS_OF = {
    "indicators": ("indicators", 0),
    "statements": ("statements", 0),
    "events": ("events", 0),
    "not_coded": ("not_coded", 0),
    "positions": ("policy_positions", 1),
}


_NO_ROWS: array[int] = array("q")


class _RunPlaces:
    """The quote places of a checked record as the previous build stored them: the row its
    file's run of the table holds for it (KnownQuotes.rows and .runs). A record of a file
    unchanged since, by the same code, is the record that row was made of (etl.carry copies
    the run as it stands on the same grounds). None where that build placed no quote there,
    or holds no such run: the caller looks it up by its words."""

    def __init__(self, known: KnownQuotes) -> None:
        self.rows, self.runs = known.rows, known.runs
        # The next row of a policy's citations and positions, by (table, file): a policy's
        # rows follow the previous policy's of its file.
        self.next: dict[tuple[str, str], int] = {}

    def group(self, kind: str, file: str, first: int) -> tuple[Any, Any, int, int, int]:
        """For the records of `kind` in `file`, the first at index `first` of its kind's
        list: (starts, ends, off, low, high), the record at index i stored in row i + off
        when low <= i + off < high (empty when no run of a one-quote kind's table is held)."""
        table = _ROWS_OF.get(kind)
        run = None if table is None else self.runs.get((*table, file))
        if table is None or run is None or table[0] not in self.rows:
            return _NO_ROWS, _NO_ROWS, 0, 0, 0
        starts, ends = self.rows[table[0]]
        return starts, ends, run[0] - first, run[0], run[0] + run[1]

    def one(self, table: str, part: int, file: str, at: int) -> tuple[int, int] | None:
        """The place stored in the row of the `at`-th record of `file` in the table's run."""
        run = self.runs.get((table, part, file))
        if run is None or at >= run[1] or table not in self.rows:
            return None
        starts, ends = self.rows[table]
        start = starts[run[0] + at]
        return None if start < 0 else (start, ends[run[0] + at])

    def _following(self, table: str, file: str, count: int) -> list[tuple[int, int] | None]:
        """The next `count` rows' places of the file's run of `table` (part 0)."""
        run = self.runs.get((table, 0, file))
        if run is None or table not in self.rows:
            return [None] * count
        at = self.next.get((table, file), run[0])
        self.next[(table, file)] = at + count
        if at + count > run[0] + run[1]:
            return [None] * count
        starts, ends = self.rows[table]
        return [None if starts[i] < 0 else (starts[i], ends[i]) for i in range(at, at + count)]

    def policy(
        self, rec: Policy, file: str, at: int, bodies: dict[str, BodyIndex]
    ) -> tuple[Any, ...] | None:
        """The `at`-th policy of `file`: its quotes' places (Located.placed) in _quotes_of's
        order, a quote of a source without a body left unplaced; None if one is not stored."""
        spans = [
            self.one("policies", 0, file, at),
            *self._following("policy_citations", file, len(rec.status_citations)),
            *self._following("policy_positions", file, len(rec.positions)),
        ]
        placed: list[Any] = []
        for (key, sid, _), span in zip(_quotes_of("policies", rec), spans, strict=True):
            if sid not in bodies:
                continue
            if span is None:
                return None
            placed += (key, *span)
        return tuple(placed)


@dataclass(frozen=True)
class Checked:
    """What the previous build, by the same code, checked and found right: the curated files
    unchanged since (less those holding records that read a codebook record changed since:
    etl.codebook.CHECKS), and each source's article SHA-256 and title then
    (database.write.earlier_table_runs). When every one of those sources is here with
    the same article and title, a record of such a file quotes the same body as it did, so
    the checks that read only the record, the codebook and that body (references, quotes'
    kinds, periods within phases, values, own names) find what they found: nothing. Those
    checks are left out for it; the checks across files are not."""

    files: frozenset[str] = frozenset()
    sources: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


#: Kinds whose records are checked again even in an unchanged file: they name records of any
#: file (contested claims, corrections, checks' metrics), whose ids may have come or gone.
CHECKED_ALWAYS = frozenset({"contested", "corrections", "checks"})


@dataclass
class Dataset:
    """All validated records by kind, plus each source's clean body and raw hash."""

    records: dict[str, list[Located]]
    bodies: dict[str, str]
    raw_sha256: dict[str, str]
    #: Whether every article body the previous build's records quoted is the same (Checked).
    same_bodies: bool = False
    #: Whether the bodies are let go once the sources table holds them, and each kind's
    #: records once the tables made of them are made and no later table or the consistency
    #: checks (etl.consistency.READS, through CheckInputs) read them (etl.transform): a
    #: build's records' stage, where nothing reads them after it (issue 27).
    once: bool = False

    def of(self, kind: str) -> list[Any]:
        return [loc.record for loc in self.records.get(kind, [])]


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "-"


def _slim(item: RawRecord) -> RawRecord:
    """The record's place and id alone (all that the checks after parsing name it by), so
    the parsed YAML is let go once the models hold the values."""
    key = ID_FIELDS[item.kind]
    return RawRecord(
        item.kind, item.file, item.index, {key: item.data[key]} if key in item.data else {}
    )


#: One set of the names of the fields a record gave, per distinct set (_shared_fields).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
#: Per model class, an empty class whose instances' attribute dicts share one table of keys
#: (CPython's key-sharing dicts, PEP 412): _shared_fields moves a model's values into one.
_KEY_HOLDERS: dict[type, type] = {}
#: One object per distinct date a record gives (a corpus repeats its dates: an article's
#: statements are said on its day), as share_strings does for texts (etl.document_forms).
_DATES: dict[dt.date, dt.date] = {}


def _shared_fields(model: BaseModel) -> BaseModel:
    """The model (and the models it holds) with its set of the names of the fields given
    (pydantic's __pydantic_fields_set__) shared with every record that gave the same ones,
    and its values held in a dict that shares its keys with every model of its class.
    Each model holds its own set otherwise: a fifth of the validated records' memory (11
    of 55 MB at 100x the seeds), held until every table's rows are made. Safe as the
    records are frozen (nothing adds to the set) and nothing here reads which fields were
    given (no exclude_unset).

    pydantic gives each model a dict of its own keys (~500 bytes for a statement's 17
    fields); a key-sharing dict holds the values alone (~250): at 100x the seeds the
    models' dicts were 9.1 of the 21 MB the validated records hold, every one of them held
    from reading to the last table (issue 27). Equal dates are one object, as texts are.
    Nothing reads a model's dict but by key (pydantic's dump, equality and hash do), so
    the values and their order stay the same."""
    given = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault(frozenset(given), given)
    if shared is not given:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    cls = type(model)
    holder = _KEY_HOLDERS.get(cls)
    if holder is None:
        holder = _KEY_HOLDERS[cls] = type(f"{cls.__name__}Values", (), {"__module__": __name__})
    values = holder()
    for key, value in model.__dict__.items():
        if isinstance(value, BaseModel):
            _shared_fields(value)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, BaseModel):
                    _shared_fields(item)
        elif type(value) is dt.date:
            value = _DATES.setdefault(value, value)
        setattr(values, key, value)
    object.__setattr__(model, "__dict__", values.__dict__)
    return model


def _model(item: RawRecord, problems: Problems) -> Any | None:
    """The record's model, or None with every field error added to problems."""
    try:
        return _shared_fields(RECORD_KINDS[item.kind].model_validate(item.data))
    except ValidationError as exc:
        for err in exc.errors():
            where = (item.file, item.label, _field_name(err["loc"]))
            message = err["msg"]
            expected = (err.get("ctx") or {}).get("expected")
            if err["type"] == "extra_forbidden":
                problems.say(*where, N_("unknown field (not in the data model)"))
            elif err["type"] == "missing":
                problems.say(*where, N_("required field is missing"))
            elif err["type"] in ("enum", "literal_error") and "input" in err and expected:
                # pydantic's wording, kept, with the allowed codes as a value.
                problems.say(*where, N_("Input should be {expected} (got {value})"),
                             expected=expected, value=shown(err["input"]))  # fmt: skip
            elif "input" in err and err["type"] != "value_error":
                problems.add(*where, f"{message} (got {shown(err['input'])})")
            else:  # a model's own rule (data_model.records), in its English
                problems.add(*where, message)
        return None


def parse_records(records: list[RawRecord], problems: Problems) -> list[tuple[RawRecord, Any]]:
    """Model validation of one file's records: each record's place and id with its model
    (None when invalid, every field error added to problems). A build calls it file by file
    as it reads (RawInput.add), so the parsed YAML of every file is never all held at once."""
    return [(_slim(item), _model(item, problems)) for item in records]


def _parse(raw: RawInput, problems: Problems) -> dict[str, list[tuple[RawRecord, Any]]]:
    """Model validation: every field error of every record (those of a raw input whose
    models were made as it was read, RawInput.models, are reported already)."""
    # Any: each kind's list holds that kind's model, which the checks below rely on.
    parsed: dict[str, list[tuple[RawRecord, Any]]] = defaultdict(list)
    pairs = (
        zip(raw.records, raw.models, strict=True)
        if raw.models is not None
        else parse_records(raw.records, problems)
    )
    for item, model in pairs:
        if model is not None:
            parsed[item.kind].append((item, model))
    return parsed


def published(model: Any) -> bool:
    """Issue 24's two-person rule for one record's model: built only once approved (a record
    kind without a review status is always built)."""
    return getattr(model, "review_status", "approved") == "approved"


def _published_only(
    parsed: dict[str, list[tuple[RawRecord, Any]]], articles: dict[str, bytes]
) -> tuple[dict[str, list[tuple[RawRecord, Any]]], dict[str, bytes]]:
    """Issue 24's two-person rule: only approved records are built. A provisional or returned
    record is left out as if absent (a published record naming it is then refused), and the
    article file of a source awaiting review is set aside with it."""
    kept = {kind: [(r, m) for r, m in items if published(m)] for kind, items in parsed.items()}
    held = {m.seed_file for _, m in parsed.get("sources", []) if not published(m)}
    return kept, {name: data for name, data in articles.items() if name not in held}


def _unique(raw: RawInput, problems: Problems) -> None:
    """Ids are unique per kind, checked on the raw records so invalid ones count too."""
    seen: dict[tuple[str, str], str] = {}
    for item in raw.records:
        ident = item.data.get(ID_FIELDS[item.kind])
        # A not-coded sentence is named by its words, which two articles may share.
        if not isinstance(ident, str) or item.kind == "not_coded":
            continue
        key = (item.kind, ident)
        if key in seen:
            problems.say(
                item.file,
                ident,
                ID_FIELDS[item.kind],
                N_("duplicate id (first defined in {file})"),
                file=seen[key],
            )
        else:
            seen[key] = item.file


def _bodies(
    sources: list[tuple[RawRecord, Source]],
    articles: dict[str, bytes],
    problems: Problems,
    known: KnownQuotes,
) -> tuple[dict[str, BodyIndex], dict[str, str]]:
    """Clean body and raw hash per source; every article file must have a source. The
    articles are taken out of `articles` as their sources claim them."""
    bodies: dict[str, BodyIndex] = {}
    hashes: dict[str, str] = {}
    claimed: dict[str, str] = {}
    for raw, src in sources:
        if src.seed_file in claimed:
            problems.say(
                raw.file,
                src.source_id,
                "seed_file",
                N_("{file} is already the file of source {source}"),
                file=src.seed_file,
                source=repr(claimed[src.seed_file]),
            )
            continue
        claimed[src.seed_file] = src.source_id
        # Taken out: its bytes go once its body is made. What is left is claimed by none.
        data = articles.pop(src.seed_file, None)
        if data is None:
            problems.say(
                raw.file, src.source_id, "seed_file", N_("no file {path}"),
                path=f"{ARTICLES_PATH}/{src.seed_file}",
            )  # fmt: skip
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.say(
                f"{ARTICLES_PATH}/{src.seed_file}",
                src.source_id,
                "-",
                N_("article is not UTF-8 text ({reason} at byte {at})"),
                reason=exc.reason,
                at=str(exc.start),
            )
            continue
        sha = hashlib.sha256(data).hexdigest()
        body = known.bodies.get((sha, src.title))
        bodies[src.source_id] = BodyIndex(clean_body(text, src.title) if body is None else body)
        hashes[src.source_id] = sha
    for name in sorted(articles):
        problems.say(
            f"{ARTICLES_PATH}/{name}",
            "-",
            "-",
            N_("article file has no source record in seeds/curated (add one with "
               "`python -m etl add`)"),
        )  # fmt: skip
    return bodies, hashes


def _singular(kind: str) -> str:
    """'units' -> 'unit', 'categories' -> 'category': a kind as one record of it is named."""
    return kind[:-3] + "y" if kind.endswith("ies") else kind[:-1]


#: The kinds a reference or a correction names, as one record of each (_singular), for the
#: catalogue: a problem says them in the studio's language (corpus.problems.WORD).
SINGULAR_WORDS = (N_("source"), N_("unit"), N_("category"), N_("metric"), N_("actor"),
                  N_("phase"), N_("indicator"), N_("statement"), N_("policy"),
                  N_("position"), N_("event"))  # fmt: skip


class _Checker:
    """Cross-reference and quote checks, recording problems against one record at a time."""

    def __init__(
        self,
        ids: dict[str, set[str]],
        bodies: dict[str, BodyIndex],
        problems: Problems,
        known: dict[tuple[str, str | None, str], tuple[int, int]] | None = None,
        keys: dict[str, tuple[str, str | None]] | None = None,
        trusted: bool = False,
    ):
        self.ids = ids
        self.bodies = bodies
        self.problems = problems
        # Quote places a build by the same code found in the same article (KnownQuotes),
        # and each source's (SHA-256, title) to look them up by.
        self.known = known if known is not None else {}  # validate adds to it
        self.keys = keys or {}
        # Each body's quoted passages as two arrays (starts, ends), not a tuple of two
        # ints per passage: held for every body until validation ends (issue 27).
        self._quoted: dict[str, tuple[array[int], array[int]]] = {}
        #: Whether the records given are ones the previous build checked (Checked): only
        #: their quotes' places are found, as coverage needs them.
        self.trusted = trusted

    def forget(self, source_id: str) -> None:
        """Let the body's quoted passages go (found again if another record asks)."""
        self._quoted.pop(source_id, None)

    def ref(self, raw: RawRecord, field_name: str, kind: str, value: str | None) -> bool:
        if value is None or self.trusted:
            return True
        if value not in self.ids[kind]:
            self.problems.say(
                raw.file, raw.label, field_name, N_("unknown {kind_word} id {value}"),
                kind_word=_singular(kind), value=shown(value),
            )  # fmt: skip
            return False
        return True

    def quote(
        self, raw: RawRecord, field_name: str, source_field: str, source_id: str, quote: str
    ) -> tuple[int, int] | None:
        if not self.ref(raw, source_field, "sources", source_id):
            return None
        body = self.bodies.get(source_id)
        if body is None:  # the source's own problem is reported already
            return None
        sha, title = self.keys.get(source_id, ("", None))
        span = self.known.get((sha, title, quote)) or body.locate(quote)
        if span is None:
            shown = quote if len(quote) <= 80 else quote[:77] + "..."
            self.problems.say(
                raw.file,
                raw.label,
                field_name,
                N_("quote not found in the clean text of source {source}: {quote}"),
                source=repr(source_id),
                quote=repr(shown),
            )
        return span

    def speech(
        self, raw: RawRecord, field_name: str, source_id: str, span: tuple[int, int], kind: object
    ) -> None:
        """Direct speech lies inside quotation marks in the article, and words inside
        quotation marks are someone's own words, never the reporter's paraphrase (review 19)."""
        body = self.bodies.get(source_id)
        if body is None or self.trusted:
            return
        if source_id not in self._quoted:
            passages = quoted_spans(body.body)
            self._quoted[source_id] = (
                array("q", [start for start, _ in passages]),
                array("q", [end for _, end in passages]),
            )
        starts, ends = self._quoted[source_id]
        # The passages are in order and never overlap: only the last one starting at or
        # before the quote can hold it (a search, not a walk over every passage).
        at = bisect_right(starts, span[0]) - 1
        quoted = at >= 0 and within_quotation(span, [(starts[at], ends[at])])
        kind = getattr(kind, "value", kind)
        if kind == "direct" and not quoted:
            self.problems.say(
                raw.file,
                raw.label,
                field_name,
                N_("kind is 'direct' but the quote is not inside quotation marks in the "
                   "article: a paraphrase is 'reported'"),
            )  # fmt: skip
        elif kind != "direct" and quoted:
            self.problems.say(
                raw.file,
                raw.label,
                field_name,
                N_("kind is {kind} but the quote is inside quotation marks in the article: "
                   "they are someone's own words, 'direct' (with relayed_by when the one "
                   "quoted passes on another's words)"),
                kind=repr(kind),
            )  # fmt: skip


def _check_record(
    kind: str,
    raw: RawRecord,
    rec: Any,
    c: _Checker,
    phases: dict[str, Phase],
    loc: Located,
    indicators: dict[str, Indicator],
) -> None:
    def quote(
        field_name: str, source_field: str, source_id: str, text: str, speech: object = None
    ) -> None:
        span = c.quote(raw, field_name, source_field, source_id, text)
        if span:
            loc.place(field_name, span)  # its source: Located.span_sources
            if speech:
                c.speech(raw, field_name, source_id, span, speech)

    if kind == "metrics":
        c.ref(raw, "unit", "units", rec.unit)
        c.ref(raw, "category", "categories", rec.category)
    elif kind == "indicators":
        c.ref(raw, "metric_id", "metrics", rec.metric_id)
        c.ref(raw, "actor_id", "actors", rec.actor_id)
        if c.ref(raw, "phase_id", "phases", rec.phase_id) and rec.phase_id and not c.trusted:
            _check_in_phase(raw, rec, phases[rec.phase_id], c.problems)
        if c.ref(raw, "restates", "indicators", rec.restates) and rec.restates and not c.trusted:
            _check_restates(raw, rec, indicators[rec.restates], c.problems)
        quote("quote", "source_id", rec.source_id, rec.quote)
    elif kind == "statements":
        c.ref(raw, "actor_id", "actors", rec.actor_id)
        c.ref(raw, "relayed_by", "actors", rec.relayed_by)
        quote("quote", "source_id", rec.source_id, rec.quote, speech=rec.kind)
    elif kind in ("events", "not_coded"):
        quote("quote", "source_id", rec.source_id, rec.quote)
    elif kind == "policies":
        c.ref(raw, "proposed_by", "actors", rec.proposed_by)
        quote("quote", "first_source_id", rec.first_source_id, rec.quote)
        for i, cite in enumerate(rec.status_citations):
            f = f"status_citations.{i}"
            quote(f"{f}.quote", f"{f}.source_id", cite.source_id, cite.quote)
        for i, pos in enumerate(rec.positions):
            f = f"positions.{i}"
            c.ref(raw, f"{f}.actor_id", "actors", pos.actor_id)
            c.ref(raw, f"{f}.relayed_by", "actors", pos.relayed_by)
            quote(f"{f}.quote", f"{f}.source_id", pos.source_id, pos.quote, speech=pos.kind)
    elif kind == "positions":
        c.ref(raw, "policy_id", "policies", rec.policy_id)
        c.ref(raw, "actor_id", "actors", rec.actor_id)
        c.ref(raw, "relayed_by", "actors", rec.relayed_by)
        quote("quote", "source_id", rec.source_id, rec.quote, speech=rec.kind)
    elif kind == "phases":
        for i, cite in enumerate(rec.citations):
            quote(f"citations.{i}.quote", f"citations.{i}.source_id", cite.source_id, cite.quote)
    elif kind == "checks":
        c.ref(raw, "total", "metrics", rec.total)
        c.ref(raw, "share", "metrics", rec.share)
        for i, metric_id in enumerate(rec.parts):
            c.ref(raw, f"parts.{i}", "metrics", metric_id)
    elif kind == "contested":
        for i, claim in enumerate(rec.claims):
            c.ref(raw, f"claims.{i}.record_id", claim.record_kind, claim.record_id)
    elif kind == "corrections":
        _check_correction(raw, rec, c)


#: The kinds whose records quote once, from `source_id` (_quotes_of).
_ONE_QUOTE = frozenset({"indicators", "statements", "events", "not_coded", "positions"})
_NO_KEY: tuple[str, None] = ("", None)
#: The kinds with quotes to place (_quotes_of): the others' records have none.
_QUOTING = _ONE_QUOTE | {"policies", "phases"}


def _known_places(
    kind: str,
    rec: Any,
    known: dict[tuple[str, str | None, str], tuple[int, int]],
    keys: dict[str, tuple[str, str | None]],
    bodies: dict[str, BodyIndex],
) -> tuple[Any, ...] | None:
    """A checked record's quotes' places (Located.placed), as _check_record's placing alone
    finds them, when the previous build found every one (KnownQuotes); None when one must
    be looked up in its body. A quote of a source without a body is left unplaced, as there."""
    placed: list[Any] = []
    for key, sid, quote in _quotes_of(kind, rec):
        if sid not in bodies:
            continue
        sha, title = keys.get(sid, ("", None))
        span = known.get((sha, title, quote))
        if span is None:
            return None
        placed += (key, *span)
    return tuple(placed)


def _quotes_of(kind: str, rec: Any) -> Iterator[tuple[str, str, str]]:
    """Each quote _check_record places: its field key, its source and its words, in the
    order placed there."""
    if kind in _ONE_QUOTE:
        yield "quote", rec.source_id, rec.quote
    elif kind == "policies":
        yield "quote", rec.first_source_id, rec.quote
        for i, cite in enumerate(rec.status_citations):
            yield f"status_citations.{i}.quote", cite.source_id, cite.quote
        for i, pos in enumerate(rec.positions):
            yield f"positions.{i}.quote", pos.source_id, pos.quote
    elif kind == "phases":
        for i, cite in enumerate(rec.citations):
            yield f"citations.{i}.quote", cite.source_id, cite.quote


def _quoted_sources(kind: str, rec: Any) -> list[str]:
    """The sources whose bodies _check_record looks the record's quotes up in. Only when to
    let a body's look-up copies go hangs on it: a source left out has them made again."""
    if kind in ("indicators", "statements", "events", "not_coded", "positions"):
        return [rec.source_id]
    if kind == "policies":
        return [
            rec.first_source_id,
            *(cite.source_id for cite in rec.status_citations),
            *(pos.source_id for pos in rec.positions),
        ]
    if kind == "phases":
        return [cite.source_id for cite in rec.citations]
    return []


def _file_major(
    parsed: dict[str, list[tuple[RawRecord, Any]]], files: list[str]
) -> Iterator[tuple[str, int]]:
    """Every record as (kind, index in its kind's list), file by file in the order the files
    were read, each file's kinds in parsed's order: an article's records are checked
    together, so its body's look-up copies can go before the next article's are made. Each
    kind's list is in the order its files were read; a record out of that order (none is
    known) comes at the end, still checked."""
    at = dict.fromkeys(parsed, 0)
    for file in files:
        for kind, items in parsed.items():
            i = at[kind]
            while i < len(items) and items[i][0].file == file:
                yield kind, i
                i += 1
            at[kind] = i
    for kind, items in parsed.items():
        yield from ((kind, i) for i in range(at[kind], len(items)))


def _check_correction(raw: RawRecord, rec: Any, c: _Checker) -> None:
    """A correction names a record that exists, or for a withdrawn one a record that no longer
    does: a withdrawn id stays in the log and is never given to another record."""
    kind = rec.record_kind.value
    exists = rec.record_id in c.ids[kind]
    if rec.action == "withdrawn" and exists:
        c.problems.say(
            raw.file,
            raw.label,
            "record_id",
            N_("{kind_word} {record} is listed as withdrawn but is still in the data (a "
               "withdrawn id is never reused)"),
            kind_word=_singular(kind),
            record=shown(rec.record_id),
        )  # fmt: skip
    elif rec.action != "withdrawn":
        c.ref(raw, "record_id", kind, rec.record_id)


def _check_positions(records: dict[str, list[Located]], problems: Problems) -> None:
    """A position coded in an article's file is not one its proposal lists already (or another
    file codes): the same actor on the same proposal in the same words of the same article.
    Its id must not be one the build gives a listed position (policy id and a number)."""
    # Each position's place and how to name it (a policy's number, or None and its id),
    # worded only for a problem: a string per position was ~20 MB at 1000x the seeds, on
    # the records' process's highest point (issue 27).
    coded = records.get("positions", [])
    if not coded:  # what follows reports on positions coded in articles' files alone
        return
    # Of the listed positions, only those an article's file codes one beside are placed.
    wanted = {(loc.record.policy_id, loc.record.actor_id, loc.record.source_id) for loc in coded}
    held: dict[tuple[str, str, str], list[tuple[tuple[int, int], Located, int | None]]]
    held = defaultdict(list)
    listed: set[str] = set()
    for loc in records.get("policies", []):
        pol = loc.record
        for i, pos in enumerate(pol.positions):
            listed.add(f"{pol.policy_id}-{i + 1}")
            key = (pol.policy_id, pos.actor_id, pos.source_id)
            if key not in wanted:
                continue
            span = loc.span(f"positions.{i}.quote")
            if span:
                held[key].append((span, loc, i + 1))
    for loc in coded:
        pos = loc.record
        if pos.position_id in listed:
            problems.say(
                loc.file,
                pos.position_id,
                "position_id",
                N_("{id} is the id the build gives a position listed in policies.yaml: "
                   "choose another"),
                id=repr(pos.position_id),
            )  # fmt: skip
        span = loc.span("quote")
        if span is None:  # its quote's problem is reported already
            continue
        key = (pos.policy_id, pos.actor_id, pos.source_id)
        same = next(
            (_position_named(w, n) for s, w, n in held[key] if s[0] < span[1] and span[0] < s[1]),
            None,
        )
        if same is not None:
            problems.say(
                loc.file,
                pos.position_id,
                "quote",
                N_("the same position as {same} (same actor, proposal, article and words): "
                   "keep one of them"),
                same=same,
            )  # fmt: skip
        held[key].append((span, loc, None))


def _position_named(loc: Located, number: int | None) -> str:
    """A position as a problem names it: listed with its proposal (its number), or coded in an
    article's file (its id)."""
    if number is not None:
        return f"position {number} of policy {loc.record.policy_id!r} in {loc.file}"
    return f"position {loc.record.position_id!r} in {loc.file}"


def _check_own_name(parsed: dict[str, list[tuple[RawRecord, Any]]], problems: Problems) -> None:
    """Direct words never name their own speaker: "I have spoken with justice minister Koeut
    Rith" are Sar Kheng's words, not Koeut Rith's (audit fidelity-2026-12, F1). A position's
    direct words may be its relayer's, so only an unrelayed one is held to this."""
    names = {
        a.actor_id: [a.name, *a.aliases]
        for _, a in parsed.get("actors", [])
        if a.kind is ActorKind.person
    }

    def check(raw: RawRecord, field_name: str, actor_id: str, quote: str) -> None:
        found = names_in(quote, names.get(actor_id, []))
        if found:
            problems.say(
                raw.file,
                raw.label,
                field_name,
                N_("kind is 'direct' but the words name {actor} ({name}): they are someone "
                   "else's words about them; sign them to whoever said them"),
                actor=repr(actor_id),
                name=repr(found[0]),
            )  # fmt: skip

    for raw, st in parsed.get("statements", []):
        if st.kind == "direct":
            check(raw, "quote", st.actor_id, st.quote)
    for raw, pol in parsed.get("policies", []):
        for i, pos in enumerate(pol.positions):
            if pos.kind == "direct" and pos.relayed_by is None:
                check(raw, f"positions.{i}.quote", pos.actor_id, pos.quote)
    for raw, pos in parsed.get("positions", []):
        if pos.kind == "direct" and pos.relayed_by is None:
            check(raw, "quote", pos.actor_id, pos.quote)


def _check_proposal_times(
    parsed: dict[str, list[tuple[RawRecord, Any]]],
    problems: Problems,
    trusted: frozenset[str] = frozenset(),
) -> None:
    """No position is older than its proposal's first report: a January 2017 remark is not a
    view of a proposal first reported in February 2018 (audit fidelity-2026-12, F7).
    `trusted`: files the previous build checked (Checked), unchanged since; a position there
    whose proposal and article are there too reads what that build read, and is left out."""
    if trusted:
        where = {
            kind: {getattr(m, ID_FIELDS[kind]): r.file for r, m in parsed.get(kind, [])}
            for kind in ("policies", "sources")
        }
    for raw, field_name, policy, source in positions_in_time(parsed):
        if (
            trusted
            and raw.file in trusted
            and where["policies"].get(policy.policy_id) in trusted
            and where["sources"].get(source.source_id) in trusted
        ):
            continue
        problem = predates(
            date_span(policy.proposed_on, policy.proposed_on_precision),
            source.published_span,
        )
        if problem:
            problems.add(
                raw.file, raw.label, field_name, f"position on {policy.policy_id!r}: {problem}"
            )


def positions_in_time(
    parsed: dict[str, list[tuple[RawRecord, Any]]],
) -> Iterator[tuple[RawRecord, str, Policy, Source]]:
    """Every position with its field, its proposal and the article reporting it (positions
    whose proposal or article is unknown are left to the reference checks)."""
    sources = {s.source_id: s for _, s in parsed.get("sources", [])}
    policies = {p.policy_id: p for _, p in parsed.get("policies", [])}
    for raw, pol in parsed.get("policies", []):
        for i, pos in enumerate(pol.positions):
            if pos.source_id in sources:
                yield raw, f"positions.{i}.source_id", pol, sources[pos.source_id]
    for raw, pos in parsed.get("positions", []):
        if pos.policy_id in policies and pos.source_id in sources:
            yield raw, "source_id", policies[pos.policy_id], sources[pos.source_id]


def _check_restates(raw: RawRecord, rec: Indicator, target: Indicator, problems: Problems) -> None:
    """A restatement points at a figure of the same metric that is itself no restatement."""
    if target.metric_id != rec.metric_id:
        problems.say(
            raw.file,
            raw.label,
            "restates",
            N_("{target} measures {metric}, not {own}"),
            target=repr(target.indicator_id),
            metric=target.metric_id,
            own=rec.metric_id,
        )
    if target.restates is not None:
        problems.say(
            raw.file,
            raw.label,
            "restates",
            N_("{target} itself restates {other}: point at that one"),
            target=repr(target.indicator_id),
            other=repr(target.restates),
        )


def _check_in_phase(raw: RawRecord, rec: Indicator, phase: Phase, problems: Problems) -> None:
    """A figure assigned to a phase must cover days inside that phase."""
    start = rec.period_start or rec.as_of
    end = rec.period_end or rec.as_of
    too_early = start < phase.start_date
    too_late = phase.end_date is not None and end > phase.end_date
    if too_early or too_late:
        problems.say(
            raw.file,
            raw.label,
            "phase_id",
            N_("period {start}..{end} is not within {phase} ({phase_start}..{phase_end})"),
            start=start,
            end=end,
            phase=phase.phase_id,
            phase_start=phase.start_date,
            phase_end=phase.end_date or "open",
        )


def _check_values(
    parsed: dict[str, list[tuple[RawRecord, Any]]], problems: Problems, metrics: dict[str, Metric]
) -> None:
    """Values the model alone cannot judge: shares within 0-100, no negative counts. A signed
    metric (a change against an earlier period) may fall below zero and past 100 percent."""
    # A share is known by its unit's declared kind, so a new share unit is held to 0-100 too.
    shares = {r.unit_id for _, r in parsed.get("units", []) if r.kind is UnitKind.share}
    for raw, rec in parsed.get("indicators", []):
        if rec.value is None:  # a vague amount: no number to judge
            continue
        metric = metrics.get(rec.metric_id)
        if metric and metric.signed:
            continue
        for name in ("value", "value_to"):
            number = getattr(rec, name)
            if number is None:
                continue
            if number < 0:
                problems.say(raw.file, raw.label, name, N_("a figure cannot be negative"))
            elif metric and metric.unit in shares and number > 100:
                problems.say(
                    raw.file, raw.label, name, N_("a percentage must be between 0 and 100")
                )


def validate(
    raw: RawInput,
    problems: Problems,
    known: KnownQuotes | None = None,
    checked: Checked | None = None,
) -> Dataset:
    """Validate everything; problems are added to ``problems`` (the dataset is then partial).
    ``known``: the bodies and quote places a build by the same code found (taken as found);
    ``checked``: what it checked and found right (Checked), not checked again."""
    known = known or KnownQuotes()
    parsed, articles = _published_only(_parse(raw, problems), raw.articles)
    # Handed over: each article's bytes are let go once its clean body is made (_bodies).
    raw.articles = {}
    _unique(raw, problems)
    files = list(dict.fromkeys(item.file for item in raw.records))  # in the order read
    del raw  # a build hands its raw input over (etl.inputs.Inputs.take_raw): let it go
    ids = {
        kind: {getattr(r, ID_FIELDS[kind]) for _, r in parsed.get(kind, [])}
        for kind in RECORD_KINDS
    }
    # A position its proposal lists has the id the build gives it (policy id and a number):
    # a correction a build was given (--reason) names it so.
    ids["positions"] |= {
        f"{p.policy_id}-{i + 1}"
        for _, p in parsed.get("policies", [])
        for i in range(len(p.positions))
    }
    sources = parsed.get("sources", [])
    bodies, hashes = _bodies(sources, articles, problems, known)
    del articles  # every article's bytes: the clean bodies hold what is needed from here
    keys = {
        src.source_id: (hashes[src.source_id], src.title)
        for _, src in sources
        if src.source_id in hashes
    }
    phases = {r.phase_id: r for _, r in parsed.get("phases", [])}
    metrics = {r.metric_id: r for _, r in parsed.get("metrics", [])}
    checked = checked or Checked()
    same = bool(checked.sources) and all(
        keys.get(sid) == key for sid, key in checked.sources.items()
    )
    trusted = checked.files if same else frozenset()

    def fresh(kind: str, item: tuple[RawRecord, Any]) -> bool:
        """Whether the record is to be checked: not one the previous build checked, or one
        that names records of other files (a restatement; CHECKED_ALWAYS)."""
        raw_rec, rec = item
        return (
            raw_rec.file not in trusted
            or kind in CHECKED_ALWAYS
            or (kind == "indicators" and rec.restates is not None)
        )

    # Each record's answer, asked once: at 1000x the seeds ~200,000 records, of which a Save
    # checks the few of the files it changed and of those reading them (issue 27).
    checks = {kind: [fresh(kind, i) for i in items] for kind, items in parsed.items()}
    to_check = {
        kind: [i for i, yes in zip(items, checks[kind], strict=True) if yes]
        for kind, items in parsed.items()
    }
    spans_known = dict(known.spans)  # those of checked records' rows join them (below)
    if known.more is not None:
        # By their words, the places of only the quotes of the sources that the records
        # checked again of the files not checked then, and the phases (placed by their words
        # alone), quote: a record of a file checked then is found by its row.
        wanted = {
            sid
            for kind, items in to_check.items()
            for raw_rec, rec in items
            if raw_rec.file not in trusted
            for sid in _quoted_sources(kind, rec)
        }
        wanted.update(
            sid for _, ph in parsed.get("phases", []) for sid in _quoted_sources("phases", ph)
        )
        spans_known = {**spans_known, **known.more(wanted)}
    _check_values({**to_check, "units": parsed.get("units", [])}, problems, metrics)
    _check_own_name({**to_check, "actors": parsed.get("actors", [])}, problems)
    _check_proposal_times(parsed, problems, trusted)
    indicators = {r.indicator_id: r for _, r in parsed.get("indicators", [])}
    checker = _Checker(ids, bodies, problems, spans_known, keys)
    placer = _Checker(ids, bodies, problems, spans_known, keys, trusted=True)
    texts = {sid: b.body for sid, b in bodies.items()}
    # How many records quote each body: once the last is checked, its look-up copies (its
    # normalised text and offsets, its quoted passages) go. Checked file by file, at most an
    # article's worth are held, not every article's (~24 MB at 1000x the seeds, issue 27).
    # A record the previous build checked, whose quotes it found (KnownQuotes), reads no
    # body: only the others are counted (one that must look a quote up makes the body's
    # look-up copies again, and lets them go if no record still to come needs them).
    quoting: defaultdict[str, int] = defaultdict(int)
    for kind, items in parsed.items():
        for (_, rec), yes in zip(items, checks[kind], strict=True):
            if yes:
                for sid in _quoted_sources(kind, rec):
                    quoting[sid] += 1
    made: dict[str, list[Any]] = {kind: [None] * len(items) for kind, items in parsed.items()}
    # Each record's problems, put back in the order of a check kind by kind (the order
    # every earlier build reported them in).
    kinds = {kind: rank for rank, kind in enumerate(parsed)}
    found: dict[tuple[int, int], list[Any]] = {}
    stored = _RunPlaces(known)
    # The records come (kind, file) by (kind, file): of each such group, the rows of the
    # previous file's run (_RunPlaces.group), a record's row its index plus `off`.
    group: tuple[str, str] = ("", "")
    starts, ends, off, low, high, base = _NO_ROWS, _NO_ROWS, 0, 0, 0, 0
    for kind, i in _file_major(parsed, files):
        raw_rec, rec = parsed[kind][i]
        yes = checks[kind][i]
        file = raw_rec.file
        if kind != group[0] or file != group[1]:
            group, base = (kind, file), i
            starts, ends, off, low, high = stored.group(kind, file, i)
        if yes:
            row = i + off
            if low <= row < high and file in trusted and starts[row] >= 0:
                # Checked again (a restatement) in a file checked then: its quote where
                # the row made of it has it, taken as found by the check (the same words
                # of the same body), not looked up by its words.
                sha, title = keys.get(rec.source_id, _NO_KEY)
                spans_known.setdefault((sha, title, rec.quote), (starts[row], ends[row]))
        else:
            if kind in _ONE_QUOTE:  # most records: _known_places' work, without its calls
                sid = rec.source_id
                if sid not in bodies:
                    made[kind][i] = Located(rec, file)
                    continue
                row = i + off
                if low <= row < high and starts[row] >= 0:
                    placed = ("quote", starts[row], ends[row])
                else:
                    sha, title = keys.get(sid, _NO_KEY)
                    span = spans_known.get((sha, title, rec.quote))
                    placed = None if span is None else ("quote", *span)
            elif kind not in _QUOTING:  # no quote to place
                placed = ()
            elif kind == "policies":
                placed = stored.policy(rec, file, i - base, bodies)
                if placed is None:
                    placed = _known_places(kind, rec, spans_known, keys, bodies)
            else:
                placed = _known_places(kind, rec, spans_known, keys, bodies)
            if placed is not None:  # every quote where the previous build found it
                made[kind][i] = Located(rec, raw_rec.file, placed)
                continue
        loc = Located(rec, raw_rec.file)
        by = checker if yes else placer
        before = len(problems.items)
        _check_record(kind, raw_rec, rec, by, phases, loc, indicators)
        if len(problems.items) > before:
            found[(kinds[kind], i)] = problems.items[before:]
            del problems.items[before:]
        made[kind][i] = loc
        for sid in _quoted_sources(kind, rec):
            quoting[sid] -= yes
            if quoting[sid] <= 0 and sid in bodies:
                bodies[sid].forget()
                checker.forget(sid)
                placer.forget(sid)
    problems.items.extend(p for key in sorted(found) for p in found[key])
    records: dict[str, list[Located]] = {kind: [] for kind in RECORD_KINDS}
    records.update(made)
    by = None  # the last checker, let go with the others below
    del made, found, quoting
    # Each body's normalised copy (its quotes' look-ups, ~24 MB at 1000x the seeds) and the
    # records' lists by kind let go before the last check, not held through it (issue 27).
    del checker, placer, bodies, to_check, checks, parsed
    _check_positions(records, problems)
    return Dataset(
        records=records,
        bodies=texts,
        raw_sha256=hashes,
        same_bodies=same,
    )
