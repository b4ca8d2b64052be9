"""The build's steps in order: load, validate, transform, store, charts, images.

`check` runs the first two; `build` runs them all (`draw_images=False` skips only the drawing
of the static images: unchanged charts keep theirs, `etl images` draws the rest later). A
build reads again only the curated files whose bytes changed since the database it replaces
(etl.inputs), and makes again only the charts whose rows changed (etl.chart_rows: the others
are copied from it) and runs only the groups of consistency checks whose reads changed
(etl.check_carry); it takes each unchanged article's clean body, quote places and sentences
needing coding from that database too, the coverage account of each article whose body and
spans are unchanged (_accounts: only the others are accounted again), the rows of every
unchanged curated file (etl.carry), and the derived tables when none of their tables
changed. Record validation still runs over the whole corpus.

Over 400 lines because the steps' order, and what each hands the next, is read in one place.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from corpus.coverage import (
    ArticleCoverage,
    account,
    account_key,
    accounted_line,
    coverage_problems,
    needs,
)
from corpus.load import DEFAULT_DB, SEEDS
from corpus.problems import InputError
from corpus.sentences import Sentence
from data_model.fidelity_rules import date_span, later_stage
from data_model.i18n import LANGUAGES
from data_model.records import Policy
from data_model.tables import (
    BUILD_INFO,
    CORRECTIONS,
    COVERAGE_ACCOUNTS,
    COVERAGE_NEEDS,
    STEP_KEYS,
    TABLE_RUNS,
    Table,
)
from data_model.wording import date_text, number
from database.connection import kept_open
from database.write import (
    EarlierNeeds,
    carry_chart_images,
    copy_charts_whole,
    earlier_found,
    earlier_quote_places,
    earlier_table_runs,
    record_fingerprint,
)
from etl import apart
from etl.carry import Runs, runs_for
from etl.check import check as check  # the build's first two steps, re-exported
from etl.check_carry import CheckCarry
from etl.consistency import check_rows
from etl.inputs import read_inputs
from etl.reasons import CORRECTIONS_FILE, reason_step, write_back
from etl.store import build_lock, release_freed, table_digest, write_database
from etl.transform import Checks, frames_of
from etl.validate import Checked, Dataset, KnownQuotes, source_of, validate
from etl.versions import build_time, fingerprint_with_logged, stamp_version


def _spans_by_source(data: Dataset) -> tuple[dict[str, list], dict[str, list], dict[str, str]]:
    """Record spans and not_coded spans per source, and the curated file of each source."""
    coded: dict[str, list[tuple[int, int]]] = {}
    excused: dict[str, list[tuple[int, int]]] = {}
    files: dict[str, str] = {}
    for kind, items in data.records.items():
        into = excused if kind == "not_coded" else coded
        names_file = kind in ("indicators", "statements", "positions", "events", "not_coded")
        for loc in items:
            # Every Save reads every record's spans (each article's account key): a record
            # of one quote, most, read straight from its flat places, not as Located.spans
            # and Located.span_sources make them (two dicts a record: at 100x the seeds,
            # 0.054 of the accounting's 0.071 s).
            p, record = loc.placed, loc.record
            if not p:  # nothing placed (a record of a kind without quotes: a fifth of them)
                continue
            if len(p) == 3 and p[0] == "quote" and not isinstance(record, Policy):
                sid = record.source_id  # source_of's answer for a record's own quote
                if sid is not None:
                    into.setdefault(sid, []).append((p[1], p[2]))
                    if names_file:
                        files.setdefault(sid, loc.file)
                continue
            for key, span in loc.spans.items():
                sid = source_of(record, key)
                if sid is None:
                    continue
                into.setdefault(sid, []).append(span)
                if names_file:
                    files.setdefault(sid, loc.file)
    for loc in data.records.get("sources", []):
        files.setdefault(loc.record.source_id, loc.file)
    return coded, excused, files


#: Each article's coverage account as the previous file stored it, by source_id: (its key,
#: sentences needing coding, covered, excused) (database.write.earlier_found).
KeptAccounts = dict[str, tuple[str, int, int, int]]


def article_coverage(
    data: Dataset,
    known: EarlierNeeds | None = None,
    rows: Callable[[list[dict[str, Any]]], None] | None = None,
    kept: KeptAccounts | None = None,
) -> list[ArticleCoverage]:
    """The coverage accounting (corpus.coverage) of every article, in source order. `known`:
    the sentences needing coding of each clean body a build by the same code read (by the
    body's SHA-256: database.write.earlier_found), taken as found; `rows`, when given,
    receives the coverage_needs rows of each body `known` does not hold, for the next build
    (those it holds are noted in its `read`: the new file takes their rows from the
    previous one). `kept`: the accounts that build stored; an article whose key (its body
    and the spans coded and excused in it: corpus.coverage.account_key) is the one stored,
    and whose body's sentences `known` holds, has its account carried over, counts only,
    the others are accounted again."""
    return list(_accounts(data, known, rows, kept))


def _accounts(
    data: Dataset,
    known: EarlierNeeds | None = None,
    rows: Callable[[list[dict[str, Any]]], None] | None = None,
    kept: KeptAccounts | None = None,
) -> Iterator[ArticleCoverage]:
    """article_coverage's accounts, each as it is made."""
    coded, excused, files = _spans_by_source(data)
    known, kept = known or EarlierNeeds(), kept or {}
    held = known.held
    # Each article's key first: the held sentences of only the bodies accounted again are
    # read (EarlierNeeds.rows), not every body's.
    keyed = []
    for src in data.of("sources"):
        body = data.bodies.get(src.source_id)
        if body is None:
            continue
        sha = hashlib.sha256(body.encode()).hexdigest()
        coded_here, excused_here = coded.get(src.source_id, []), excused.get(src.source_id, [])
        key = account_key(sha, coded_here, excused_here)
        then = kept.get(src.source_id)
        carried = then is not None and then[0] == key and sha in held
        keyed.append((src.source_id, body, sha, key, coded_here, excused_here, then, carried))
    again = known.rows(sha for *_, sha, _, _, _, _, carried in keyed if not carried)
    done = set()
    for source_id, body, sha, key, coded_here, excused_here, then, carried in keyed:
        file = files.get(source_id, "seeds/curated")
        if carried and then is not None:
            # Only a clean account is stored (a problem stops the build before it writes):
            # the same body and spans give the same counts and no problem.
            _, count, covered, excused_count = then
            acc = ArticleCoverage(
                source_id, file, covered=covered, excused=excused_count, carried=count
            )
            needed = None
        else:
            found = again.get(sha)
            if found is not None:
                needed = [
                    (Sentence(start, end, body[start:end] if text is None else text), reason)
                    for start, end, text, reason in found
                ]
            else:
                needed = needs(body)
            acc = account(source_id, file, body, coded_here, excused_here, needed)
        acc.key = key
        if sha in held:
            known.read.add(sha)  # its rows as stored: the new file takes them from there
        elif rows is not None and sha not in done:
            done.add(sha)
            made = _found_of(body, needed or [])
            rows(
                [
                    {
                        "body_sha256": sha,
                        "sentence_start": start,
                        "sentence_end": end,
                        "sentence": text,
                        "reason": reason,
                    }
                    for start, end, text, reason in made
                ]
            )
        yield acc


def _found_of(
    body: str, needed: list[tuple[Sentence, str]]
) -> list[tuple[int, int, str | None, str]]:
    """A body's sentences needing coding as coverage_needs stores them: the text only where
    it is not the body between the offsets."""
    return [
        (s.start, s.end, None if body[s.start : s.end] == s.text else s.text, reason)
        for s, reason in needed
    ]


def provenance_warnings(data: Dataset) -> list[str]:
    """One line per source without an archived copy or an access date: a warning, not a
    failure, since an old article's may be unknown (issue 28)."""
    lines = []
    for src in data.of("sources"):
        missing = [
            words
            for name, words in (
                ("archive_url", "archived copy (archive_url)"),
                ("accessed", "date it was read (accessed)"),
            )
            if getattr(src, name) is None
        ]
        if missing:
            lines.append(
                f"warning: source {src.source_id} has no {' and no '.join(missing)}: "
                "readers cannot check it if its page moves or dies"
            )
    return lines


#: Curators' English a Khmer page shows, and the field holding its Khmer (issue 25): kind,
#: the record's id field, the English field, the Khmer one.
KHMER_SIBLINGS = (
    ("policies", "policy_id", "description", "description_km"),
    ("policies", "policy_id", "status_note", "status_note_km"),
    ("sources", "source_id", "date_basis", "date_basis_km"),
    ("indicators", "indicator_id", "note", "note_km"),
    ("statements", "statement_id", "note", "note_km"),
    ("corrections", "correction_id", "reason", "reason_km"),
)


def translation_warnings(data: Dataset) -> list[str]:
    """One line per kind of curators' English that some record gives without its Khmer: a
    warning, not a failure. A record added or corrected in the studio or with `etl add`
    carries its coder's English, which Khmer pages show marked as English until a translator
    adds the Khmer; the line tells the translator where."""
    lines = []
    for kind, key, english, khmer in KHMER_SIBLINGS:
        left = [
            getattr(r, key)
            for r in data.of(kind)
            if getattr(r, english, None) and not getattr(r, khmer, None)
        ]
        if left:
            shown = ", ".join(left[:5]) + (f" and {len(left) - 5} more" if len(left) > 5 else "")
            lines.append(
                f"warning: {len(left)} {kind} give their {english} in English only "
                f"(no {khmer}): {shown}; Khmer pages show the English, marked"
            )
    return lines


def later_stage_warnings(data: Dataset) -> list[str]:
    """One line per position reported over six months after its proposal was first reported:
    a warning, not a failure, since a later position on the same open measure is right, and a
    later stage of it (audit fidelity-2026-12, F4 and F6) is a curator's call."""
    sources = {s.source_id: s.published_span for s in data.of("sources")}
    policies = {p.policy_id: p for p in data.of("policies")}
    held = [
        (f"{p.policy_id}-{i + 1}", p, pos)
        for p in policies.values()
        for i, pos in enumerate(p.positions)
    ]
    held += [(pos.position_id, policies.get(pos.policy_id), pos) for pos in data.of("positions")]
    lines = []
    for position_id, policy, pos in held:
        if policy is None or pos.source_id not in sources:
            continue
        why = later_stage(
            date_span(policy.proposed_on, policy.proposed_on_precision), sources[pos.source_id]
        )
        if why:
            lines.append(
                f"warning: position {position_id} ({pos.actor_id}) on {policy.policy_id}: {why}"
            )
    return lines


def data_by_kind(data: Dataset) -> dict[str, list]:
    """The validated records by kind, as the methodology renders its examples from them."""
    return {kind: data.of(kind) for kind in data.records}


def frames_for(
    data: Dataset,
    built_at: dt.datetime | None = None,
    checks: Checks = check_rows,
    runs: Runs | None = None,
    keep: Callable[[str, pd.DataFrame], Any] | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables as DataFrames, derived columns included (of the runs `runs` copies, none);
    each given to `keep` with its name as it is made (transform.frames_of)."""
    built_at = built_at or dt.datetime.now(dt.UTC)
    return frames_of(data, built_at, checks, runs, keep)


def _chart_steps(
    previous: Path,
    draw_images: bool,
    notes: list[str],
    code: str,
    digests: dict[str, str],
    whole: tuple[list[Any], list[int]] | None = None,
) -> list:
    """The charts and images steps, run on the new file before it replaces `previous`: a
    chart whose input is unchanged since `previous` (by the same `code`) is copied from it,
    and every chart at once when none of the tables they read changed (by their `digests`).
    `whole`: the charts (etl.chart_rows.carried_whole) and their images copied with the
    tables (_copy_whole; when they were, its list holds them), and how many images: the
    steps only say so."""
    # Imported here so that check and the studio need not load plotly and kaleido.
    from etl.chart_rows import make_charts, store_charts, whole_line

    made: list = []

    def charts(new: Path) -> None:
        if whole is not None and whole[0]:
            notes.append(whole_line(whole[0][0]))
            return
        result = make_charts(new, previous, code, keep=draw_images, digests=digests)
        made.append(result)
        notes.append(store_charts(new, result))

    def images(new: Path) -> None:
        from etl.chart_images import draw_into, stored_charts

        result = made[0]
        # Each chart once per language: a chart's words, so its images, differ by language.
        by_key = {(c.chart_id, c.lang): c for c in result.made}
        by_key.update(stored_charts(new, result.carried))
        ordered = sorted(by_key.values(), key=lambda c: (result.ordinals[c.chart_id], c.lang))
        notes.append(draw_into(new, ordered, previous))

    def carried(new: Path) -> None:
        if whole is not None and whole[0]:
            notes.append(f"kept {whole[1][0]} static images of unchanged charts; drew none")
            return
        kept = carry_chart_images(new, previous)
        notes.append(f"kept {kept} static images of unchanged charts; drew none")

    return [charts, images] if draw_images else [charts, carried]


def build(
    db_path: Path = DEFAULT_DB,
    seeds_dir: Path = SEEDS,
    *,
    draw_images: bool = True,
    report: Callable[[str], None] | None = None,
    reason: str | None = None,
    inputs_read: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Run every step: validate everything and account for every sentence that needs coding,
    then write the database atomically with its charts (and their images unless
    `draw_images` is False); return row counts per table. ``report`` receives the coverage
    lines and one line per chart step. A build that changes or withdraws a published record
    needs a `reason` (etl.reasons), logged in the corrections table; without one it refuses
    and the old file stays.

    Builds are one at a time per database file (a lock beside it): a second Save waits for
    the first build, then builds from the inputs as both left them, so neither is lost.
    `inputs_read` is called once this build holds the lock and has read its inputs, before it
    writes anything: an edit from then on is the next build's (the tests' hand-off to a
    second Save, tests/test_incremental.py).
    """
    load_locale_data()
    # The database being replaced is read by many steps: opened once for them all.
    with build_lock(db_path), _collector_for_bulk():
        built_at = build_time()
        # Forked before any database is opened here: a child must not share a connection.
        tables = (
            apart.run_apart(
                partial(_tables_alone, db_path, seeds_dir, built_at), report, db_path.parent
            )
            if apart.wanted()
            else None
        )
        with kept_open(db_path, read_only=True):
            if tables is None:
                tables = _tables(db_path, seeds_dir, report, built_at)
            if inputs_read is not None:
                inputs_read()
            return _build(db_path, seeds_dir, draw_images, report, reason, built_at, tables)


def _tables_alone(
    db_path: Path, seeds_dir: Path, built_at: dt.datetime, report: Callable[[str], None] | None
) -> Any:
    """_tables in a process of its own (etl.apart), the previous database kept open there."""
    with kept_open(db_path, read_only=True):
        tables = _tables(db_path, seeds_dir, report, built_at)
    # The records and bodies are let go: what the allocator can hand back goes back before
    # the tables are handed over (their pickling then grows from there).
    release_freed()
    return tables


def load_locale_data() -> None:
    """Load every language's catalogue and Babel's locale data now, before the records are
    read. Loaded on first use, mid-validation, their tens of thousands of small objects live
    on among the records' freed memory and keep Python's allocator from giving it back (an
    arena is handed back only when empty): at 300x the seeds, 278 MB stayed resident after
    the records and tables were let go, 214 MB with this (bench/build_memory.py)."""
    for lang in LANGUAGES:
        for precision in ("day", "month", "year"):
            date_text(dt.date(2000, 1, 1), precision, lang)
        number(1234.5, lang)


#: Allocations between two young collections during a build (Python's default is 700): a
#: build makes millions of objects that live until its end, so a young pass rarely frees any.
YOUNG_THRESHOLD = 20_000


@contextmanager
def _collector_for_bulk() -> Iterator[None]:
    """The cyclic collector tuned for the build's bulk of long-lived objects, as it was
    afterwards. What exists before the build (the interpreter and the libraries imported,
    none of it garbage) is left out of the collector's full passes (gc.freeze, as Python's
    docs advise before a fork), and young passes run every YOUNG_THRESHOLD allocations.
    Measured on a Save at 300x the seeds: CPU 9.6 -> 7.4 s, peak memory within the noise."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _tables(
    db_path: Path,
    seeds_dir: Path,
    report: Callable[[str], None] | None,
    built_at: dt.datetime,
) -> tuple[
    dict[str, pd.DataFrame],
    list[tuple[Table, pd.DataFrame]],
    tuple[list[pd.DataFrame], tuple[Path | None, list[str]], tuple[Path | None, list[str]]],
    str,
    Runs,
    _Handing,
]:
    """Read, validate and transform: the tables, the internal tables the next build carries
    over, the build_inputs rows' frames (those read afresh, and the previous database and paths of
    those whose rows are copied from it, and the previous database and the bodies whose
    coverage_needs rows are), the code version, the runs of rows copied from
    the previous database (etl.carry) and each data table's rows and digest (_Handing). The raw input, the records and the
    articles' bodies are let go on return, before the database is written (the build's
    memory peaks there: 1000x the seeds held them all through it)."""
    # The build_inputs rows (every curated file's packed text) handed over as they are
    # read, in the records' process written out (etl.apart.later): nothing here reads them
    # again, and held they were 36 MB of its highest point at 1000x the seeds (issue 27);
    # the parent reads them only as it writes them.
    inputs = read_inputs(seeds_dir, db_path, hand=apart.later)
    if report:
        report(inputs.line())
    inputs_frames = [*inputs.handed, *(apart.later(frame) for frame in inputs.frames())]
    inputs.rows.clear()
    inputs.handed.clear()
    # What the previous file found in the articles, if the same code made it: clean bodies,
    # quote places and the sentences that need coding, each a function of its keys alone.
    # And each article's coverage account, carried over while its body and spans are the same.
    bodies, places, needed, kept = (
        earlier_found(db_path) if inputs.same_code else ({}, {}, EarlierNeeds(), {})
    )
    # What it checked and found right, and the runs of rows it made (etl.carry).
    runs_then, sources_then = (
        earlier_table_runs(db_path) if inputs.unchanged is not None else ({}, {})
    )
    # Less the files whose checks read a codebook record changed since (etl.codebook).
    checked = Checked(inputs.trusted, sources_then)
    # The quotes' places: of the records it checked, from the rows it made of them; of
    # those checked again, by their words (KnownQuotes).
    more = partial(earlier_quote_places, db_path) if inputs.same_code else None
    known = KnownQuotes(bodies, rows=places, runs=runs_then, more=more)
    data = validate(inputs.take_raw(), inputs.problems, known, checked)
    if inputs.problems:
        raise InputError(inputs.problems)
    del bodies, places, known
    # The coverage_needs rows made into frames NEEDS_AT_ONCE rows at a time, each handed
    # over as made: held whole, their dicts were ~18 MB at 1000x the seeds, and their one
    # frame the records' process's highest point once they were not (issue 27).
    needs_frames: list[Any] = []
    needs_rows: list[dict[str, Any]] = []

    def needs_out(rows: list[dict[str, Any]], last: bool = False) -> None:
        needs_rows.extend(rows)
        if len(needs_rows) >= NEEDS_AT_ONCE or (last and needs_rows):
            needs_frames.append(apart.later(_needs_frame(needs_rows)))
            needs_rows.clear()

    # Each article's accounting reported as made, and kept only if it has a problem: every
    # sentence needing coding, held for every article, was +33 MB at 1000x the seeds.
    accounts = []
    account_rows = []  # the coverage_accounts rows, every article's (five values each)
    afresh = []  # the articles accounted again, not carried from the previous file
    for acc in _accounts(data, needed, needs_out, kept):
        if report:
            report(acc.line())
        if acc.uncovered:
            accounts.append(acc)
        if acc.carried is None:
            afresh.append(acc.source_id)
        account_rows.append((acc.source_id, acc.key, acc.count, acc.covered, acc.excused))
    needs_out([], last=True)
    if report:
        report(accounted_line(afresh, len(account_rows)))
    for line in [
        *provenance_warnings(data),
        *translation_warnings(data),
        *later_stage_warnings(data),
    ]:
        if report:
            report(line)
    problems = coverage_problems(accounts)
    if problems:
        raise InputError(problems)
    # The bodies read whose sentences the previous file holds: their rows are taken from it
    # (database.write.NeedsKept, carry_needs), not made again here.
    carried_needs = (db_path, sorted(needed.read)) if needed.read else (None, [])
    del accounts, needed, kept
    code = inputs.code
    carried_inputs = (inputs.previous, inputs.reused)
    runs = runs_for(inputs, data, runs_then)
    del inputs  # the parsed YAML: validated records hold what the tables need
    carry = CheckCarry(db_path, code, runs)
    # The bodies, and each kind's records, let go as soon as the tables and checks that read
    # them are made (etl.transform.table_rows; the checks read through CheckInputs).
    data.once = True
    # In the records' process each table is written out as it is made, and left there
    # until written (_Handing).
    handing = _Handing(runs.plans)
    frames = frames_for(data, built_at, carry, runs, handing)
    # The records, let go before the last table is made: its rows' objects take the place
    # theirs had, not more (at 1000x the seeds, made with them held: +34 MB, issue 27).
    del data
    if report:
        report(carry.line())
        report(runs.line())
    internal = [
        (STEP_KEYS, carry.frame()),
        *((COVERAGE_NEEDS, frame) for frame in needs_frames),
        (COVERAGE_ACCOUNTS, pd.DataFrame(account_rows, columns=COVERAGE_ACCOUNTS.column_names)),
    ]
    return frames, internal, (inputs_frames, carried_inputs, carried_needs), code, runs, handing


class _Handing:
    """Each data table, as it is made, handed over to be read only when written (etl.apart.
    later: in the records' process written out, and left in the hand-over's file until
    etl.store.write_database loads it), its row count and digest (etl.store.table_digest)
    taken first: the build's own process then never holds every table at once. At 1000x the
    seeds it held 305 MB once they came back all together, and what its allocators kept of
    them was the floor its later steps started from (issue 27, stop 48). build_info comes
    back at once (etl.versions.stamp_version adds to it); no digest of a table whose rows are
    runs (`carried`: etl.carry.Runs.digests gives it), as stamp_version took none."""

    def __init__(self, carried: Collection[str]) -> None:
        self.carried = carried
        #: Each table's rows, and its digest (build_info's and the runs' tables' not).
        self.rows: dict[str, int] = {}
        self.digests: dict[str, str] = {}

    def __call__(self, name: str, frame: pd.DataFrame) -> Any:
        self.rows[name] = len(frame)
        if name == BUILD_INFO.name:
            return apart.keep(frame)
        if name not in self.carried:
            self.digests[name] = table_digest(frame)
        return apart.later(frame)


#: coverage_needs rows in one frame (200,000 rows at 1000x the seeds).
NEEDS_AT_ONCE = 20_000


def _needs_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The coverage_needs rows as a frame whose texts stay Python's own objects (each
    body's SHA-256 one object for all its sentences), not Arrow strings: only inserted
    (database.write.insert casts to the table's types), and as Arrow strings the table
    was +35 MB at 1000x the seeds, on the records' stage's highest point (issue 27)."""
    frame = pd.DataFrame(rows, columns=COVERAGE_NEEDS.column_names, dtype=object)
    whole = ["sentence_start", "sentence_end"]
    return frame.astype(dict.fromkeys(whole, "int64")) if rows else frame


def _copy_whole(
    previous: Path, draw_images: bool, code: str, digests: dict[str, str]
) -> tuple[tuple[list[Any], list[int]] | None, Callable[[Any, bool], None] | None]:
    """When no image is drawn (a Save): a list that receives the charts when every one is
    copied from `previous` as it is, and one that receives how many images were kept, and
    the step that copies both with the tables (a Save's transaction: no connection and
    checkpoint of their own). Every chart is copied when none of the tables they read
    changed (etl.chart_rows.carried_whole, known before the tables are written), or when
    every read of theirs answers from the tables written as it did from `previous`
    (carried_by_reads, asked of them in the transaction); else the charts step makes those
    that changed. (None, None) when images are drawn or there is no previous file."""
    if draw_images or not previous.exists():
        return None, None
    from etl.chart_rows import carried_by_reads, carried_whole, check_copied, step_rows

    known = carried_whole(previous, code, digests)
    whole: list[Any] = []
    kept: list[int] = []

    def copy(con: Any, in_place: bool) -> None:
        charts = known or carried_by_reads(
            lambda sql, params: con.execute(sql, params).fetchall(), previous, code, digests
        )
        if charts is None:
            return  # the charts step makes those that changed
        copied, images = copy_charts_whole(
            con, previous, step_rows(charts), images=True, in_place=in_place
        )
        check_copied(charts, copied)
        whole.append(charts)
        kept.append(images)

    return (whole, kept), copy


def _each_loaded(items: list[Any]) -> Iterator[Any]:
    """Each of `items` (a table, or a pair of a Table and its table) taken from the list as
    it is wanted, its table read from the records' hand-over file if left there
    (etl.apart.later): each let go once written, none held before it is."""
    items.reverse()
    while items:
        item = items.pop()
        yield (item[0], apart.loaded(item[1])) if isinstance(item, tuple) else apart.loaded(item)


def _build(
    db_path: Path,
    seeds_dir: Path,
    draw_images: bool,
    report: Callable[[str], None] | None,
    reason: str | None,
    built_at: dt.datetime,
    tables: Any,
) -> dict[str, int]:
    frames, internal, (inputs_frame, carried_inputs, carried_needs), code, runs, handing = tables
    del tables
    release_freed()  # the records and bodies _tables held (none when they ran apart)
    # The tables' digests taken as they were made (_Handing): none of them read here.
    stamp = stamp_version(frames, db_path, built_at.date(), runs.digests() | handing.digests)
    if report:
        report(f"data version {stamp.version}")
    notes: list[str] = []
    logged: list[dict[str, Any]] = []
    counts = dict(handing.rows)
    counts |= {name: runs.count(name) for name in runs.plans}
    internal.append((TABLE_RUNS, runs.frame()))
    # write_database lets the tables go once written; the reason step's fingerprint needs
    # only the corrections and every table's digest.
    corrections = frames[CORRECTIONS.name]
    # The digests of the tables as written; the corrections are not: the file gets the
    # previous one's build-given corrections and the reason step's, so no digest of them.
    chart_digests = {k: v for k, v in stamp.digests.items() if k != CORRECTIONS.name}

    def logged_fingerprint(new: Path) -> None:
        # The version is recorded with the corrections just logged, as the next build will
        # read them from corrections.yaml: that build, on the same input, keeps the version.
        if logged:
            record_fingerprint(
                new, fingerprint_with_logged(apart.loaded(corrections), logged, stamp.digests)
            )
        release_freed()  # the tables write_database let go

    steps = [
        reason_step(reason, built_at.date().isoformat(), report=report, logged=logged),
        logged_fingerprint,
    ]
    whole, last = _copy_whole(db_path, draw_images, code, chart_digests)
    write_database(
        frames,
        db_path,
        [*steps, *_chart_steps(db_path, draw_images, notes, code, chart_digests, whole)],
        inputs=_each_loaded(inputs_frame),
        internal=_each_loaded(internal),  # type: ignore[arg-type]  # iterated once
        fingerprint=stamp.fingerprint,
        carried_inputs=carried_inputs,
        carried_needs=carried_needs,
        runs=runs,
        last=last,
        # The charts step then keeps them in a Save's copy if none changed (no image drawn).
        keep_charts=not draw_images,
        shared=len(steps),  # the reason and fingerprint steps open the file as its writer
    )
    # The reasons given are curated data from now on: a rebuild from the YAML keeps them.
    if (added := write_back(seeds_dir, logged)) and report:
        report(f"corrections: {added} written to {seeds_dir / CORRECTIONS_FILE}")
    for note in notes:
        if report:
            report(note)
    return counts
