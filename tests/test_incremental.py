"""Incremental builds: a build after a change reads only what changed, and makes the same
database a full build makes from the same input; saves never overwrite each other.

Long because every kind of change is one row of one table-driven test, with its edits here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path

import duckdb
import pytest

import database.write
import etl.inputs
from charts.catalogue import Frames
from charts.frames import ReaderFrames
from corpus.problems import InputError
from database import queries
from database.answers import answer_digests
from database.connection import Reader, tables_of
from database.write import base_tables, earlier_inputs
from etl import warm
from etl.build import build, check
from etl.carry import Runs
from etl.chart_rows import _Reads, make_charts, reads_row
from etl.check_carry import CheckInputs
from etl.inputs import CODE_PATH, KeptModels, code_version
from tests import kep_article, warm_builds
from tests.seed_edits import MIXED, change_title, replace_once

ROOT = Path(__file__).resolve().parent.parent

NEW_DAY = "2019-05-03"  # after the seeds' articles: the new source comes last
NEW_ARTICLE, NEW_SOURCE, NEW_RECORDS = (
    kep_article.ARTICLE,
    kep_article.source(NEW_DAY),
    kep_article.RECORDS,
)


def _add_article(seeds: Path) -> None:
    kep_article.add(seeds, NEW_DAY)


def _add_place_article(seeds: Path, place: str, number: int, first: bool = False) -> None:
    """Another article like the test's, of another place, its source added after the others
    (or before them: `first`)."""
    kep = ("Kep", "900_kep", "test-kep", "kep-")
    other = (place, f"{number}_{place.lower()}", f"test-{place.lower()}", f"{place.lower()}-")
    text, source, records = NEW_ARTICLE, NEW_SOURCE, NEW_RECORDS
    for old, new in zip(kep, other, strict=True):
        text, source, records = (t.replace(old, new) for t in (text, source, records))
    (seeds / "articles" / f"{number}_{place.lower()}_night_patrols.txt").write_text(
        text, encoding="utf-8"
    )
    sources = seeds / "curated" / "sources.yaml"
    now = sources.read_text(encoding="utf-8")
    now = now.replace("sources:\n", "sources:\n" + source, 1) if first else now + source
    sources.write_text(now, encoding="utf-8")
    target = seeds / "curated" / "articles" / f"test-{place.lower()}-night-patrols.yaml"
    target.write_text(records, encoding="utf-8")


def _remove_article(seeds: Path) -> None:
    kep_article.remove(seeds, NEW_DAY)


def _change_record(seeds: Path) -> None:
    replace_once(seeds, MIXED, "stance: critical", "stance: mixed")


def _change_metric_entry(seeds: Path) -> None:
    """The codebook's name of a metric that has a chart of its own (its title)."""
    replace_once(
        seeds,
        "curated/metrics.yaml",
        "label: Relapse rate after treatment",
        "label: Share who relapsed after treatment",
    )


def _change_codebook(seeds: Path) -> None:
    """Two metrics' names in the codebook: one shown on the arrests charts, and one with a
    chart of its own (its title)."""
    replace_once(seeds, "curated/metrics.yaml", "label: Total arrests", "label: All arrests")
    _change_metric_entry(seeds)


def _change_one_chart(seeds: Path) -> None:
    """The speaker's role beside the one methadone figure: words only its chart shows."""
    replace_once(
        seeds,
        "curated/articles/ppp-2017-01-13-campaign-nets-1000.yaml",
        "executive director of NGO Khana",
        "head of the NGO Khana",
    )


#: Changes to published records need a reason (etl.reasons).
REASON = "a test of incremental builds"

#: Tables that record the history of builds, not the data of this one.
HISTORY = {"build_changes", "change_fields", "build_versions", "corrections"}


#: Tables read only by their key, whose rows an incremental build may add in another order:
#: the charts step inserts the charts it makes before those it copies (readers order them by
#: `ordinal`), the build_inputs rows of the files read afresh come before the copied ones,
#: and a Save adds the derived rows its change touches, and the sentences of an article body
#: new to it, after the others (readers order them by list_order, or by the figure's metric,
#: date and id; a body's sentences stay in their order).
BY_KEY = {"chart_parts", "build_inputs", "statement_search", "indicator_rows", "coverage_needs"}


def _rows(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, in order, but what is history by design: the build time and data
    version, the feed and the versions it lists (each build compares with the file it
    replaced), and the corrections the second build's reason logged (with the version's
    fingerprint, which counts them: etl.versions.fingerprint_with_logged)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        out = {}
        for name in names:
            if name in HISTORY:
                continue
            rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
            if name == "build_info":
                rows = [
                    r for r in rows if r[0] not in ("built_at", "data_version", "data_fingerprint")
                ]
            # In order: a table carried over keeps the order a full build gives its rows.
            out[name] = sorted(rows, key=repr) if name in BY_KEY else rows
        return out
    finally:
        con.close()


def _runs(db: Path) -> set[tuple]:
    """Every run of rows the file holds (table_runs): table, part, file, rows and digest."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return set(
            con.execute(
                "SELECT table_name, part, file, row_count, digest FROM table_runs"
            ).fetchall()
        )
    finally:
        con.close()


def _rows_of(db: Path, files: set[str], before: set[tuple]) -> int:
    """How many rows of the data tables the curated files give (table_runs) in runs that
    differ from those of the file `before` held: the rows a Save makes. Of a file in GROWN,
    only the rows after those its run held before (records added after its own: the rows
    of those are copied)."""
    held = {run[:3]: run[3] for run in before if run[2] in GROWN}
    return sum(run[3] - held.get(run[:3], 0) for run in _runs(db) - before if run[2] in files)


def _copy_seeds(target: Path) -> Path:
    for part in ("articles", "curated"):
        shutil.copytree(ROOT / "seeds" / part, target / part)
    return target


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return _copy_seeds(tmp_path / "seeds")


#: The curated files a change leaves changed, when the rows of the others are copied.
RECORDS = {"seeds/" + MIXED}
ADDED = {"seeds/curated/sources.yaml", "seeds/curated/articles/test-kep-night-patrols.yaml"}
#: The files a change adds records to after their own (an article's source at the end of
#: sources.yaml): the rows of the records there before are copied (etl.carry).
GROWN = {"seeds/curated/sources.yaml"}
CHART = {"seeds/curated/articles/ppp-2017-01-13-campaign-nets-1000.yaml"}

#: A change: (its name, its edit, what the build says it read, how many charts it makes
#: again, whether the consistency checks are copied, whether the charts are copied whole, the
#: files whose rows are made afresh, those of their runs that changed, while the rest are
#: copied, or None when every row is made): a chart whose rows did not change, checks whose
#: records and names did not, and the rows of the files unchanged are copied from the previous
#: database; every chart at once, without a read, when no table the charts read changed. An
#: article's title or a removed article moves quotes' places; a codebook change is read by
#: the rows that read the records changed (etl.codebook, tests/test_codebook_carry.py).
Change = tuple[str, Callable[[Path], None], str, int, bool, bool, set[str] | None]

#: Saved one after another on one copy of the seeds, then compared with one full build of
#: the result (one full build for four changes, not one each). A part a Save copies when it
#: should have made it again stays wrong in every later Save that copies it on, so the last
#: comparison sees it; the changes that make the most rows afresh (a codebook file's, a
#: title's) go first, where they can hide the least, and those that copy most last.
IN_A_ROW: list[Change] = [
    (
        "a codebook change, one metric's chart title among its words",
        _change_codebook,
        "codebook files seeds/curated/metrics.yaml",
        5,
        False,
        False,
        # Its own rows alone: no figure's row reads a metric's words (etl.codebook).
        {"seeds/curated/metrics.yaml"},
    ),
    ("an article's title the checks name", change_title, "read 1 changed", 8, False, False, None),
    ("one record changed", _change_record, "read 1 changed curated files", 0, True, True, RECORDS),
    ("words one chart shows", _change_one_chart, "read 1 changed", 1, False, False, CHART),
]


def _save(
    seeds: Path, db: Path, change: Change, full: Path | None = None, report: list | None = None
) -> None:
    """Build db (a full build of the seeds before the change, made) as a Save does, and
    check what the build says it did: what it read, the charts it made again, what it
    copied, and how many rows it made (counted in the runs of `full`, the full build of the
    changed seeds, when the run has one, else of db's own). The build's lines are added to
    `report`."""
    name, _, said, remade, checks_copied, whole, made = change
    lines: list[str] = [] if report is None else report
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    before = _runs(db)
    build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
    # The reason's corrections are written back to corrections.yaml once the build is in
    # place; the full build reads the inputs the incremental one read.
    log.write_bytes(read)
    assert any(said in line for line in lines), (name, lines[:1])
    assert any(f": {remade} made," in line for line in lines), [
        name,
        *(line for line in lines if "charts'" in line),
    ]
    copied = "consistency checks: nothing they read changed, copied" in "\n".join(lines)
    assert copied == checks_copied, name
    assert ("none of the tables they read changed" in "\n".join(lines)) == whole, name
    said_tables = next(line for line in lines if line.startswith("tables:"))
    if made is None:
        assert said_tables == "tables: every row made afresh", name
    else:  # as many rows made as the changed files' changed runs give, the rest copied
        assert f", {_rows_of(full or db, made, before)} made;" in said_tables, name


def _catalog(db: Path) -> list[tuple]:
    """Every table as the file declares it (its columns and keys) and its constraints."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (
            con.execute(
                "SELECT table_name, sql FROM duckdb_tables() ORDER BY table_name"
            ).fetchall()
            + con.execute(
                "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() "
                "ORDER BY ALL"
            ).fetchall()
        )
    finally:
        con.close()


def _same_tables(got: Path, want: Path, what: str) -> None:
    rows, full = _rows(got), _rows(want)
    assert set(rows) == set(full)
    # Declared alike: a table a Save writes anew gets its key after its rows (database.write
    # .add_key), and keeps it.
    assert _catalog(got) == _catalog(want), what
    for table in full:
        assert rows[table] == full[table], f"{what}: table {table} differs from a full build"


#: The tables a Save of IN_A_ROW changes in place (database.write.update_runs: True) or writes
#: anew (False), by the change's name: one field of one record leaves every run of the
#: statements as many rows where they were, that file's rows changed in place.
IN_PLACE = {"one record changed": {"statements": True}}


def _spy_update_runs(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """What update_runs answers for each table, from here on (cleared by the caller)."""
    calls: dict[str, bool] = {}
    real = database.write.update_runs

    def spied(con, table, frame, made):  # type: ignore[no-untyped-def]
        calls[table.name] = real(con, table, frame, made)
        return calls[table.name]

    monkeypatch.setattr(database.write, "update_runs", spied)
    return calls


#: Articles added by Saves after IN_A_ROW's changes, on the same copy, with how many sources
#: rows each Save makes (None: every one): one added before the others (every sources row
#: made again), then one after them (its row added after those the copy holds), then another
#: after that (a file a Save grew, grown again). The one before the others goes first of the
#: three: it makes every sources row again, so it would hide a wrong sources row copied before
#: it (before it, only IN_A_ROW's last two Saves copy sources rows, of a file neither changes).
GROWING: list[tuple[str, Callable[[Path], None], str, int | None]] = [
    (
        "added before the others",
        partial(_add_place_article, place="Takeo", number=902, first=True),
        "test-takeo",
        None,
    ),
    ("added after the others", _add_article, "test-kep", 1),
    (
        "added after an added one",
        partial(_add_place_article, place="Kampot", number=901),
        "test-kampot",
        1,
    ),
]


def test_changes_saved_one_after_another_equal_a_full_build(seeds, seed_db, tmp_path, monkeypatch):
    """IN_A_ROW's changes, then GROWING's articles, each a Save on the file the Save before
    left, compared with one full build of the result (one full build, not one each).

    The seven Saves are also a researcher saving again and again: a Save changes a copy of
    the previous file in place (etl.store.write_database), and the blocks of the tables it
    writes anew are reused by the next Save, so the file stays within twice the size of a
    full build's (measured: about 1.4x), however many Saves. Two of them make every row
    afresh (the codebook's and a title's changes), the most a Save writes anew.

    A record changed (a stance) is changed where the copy holds it (IN_PLACE): no later Save
    makes the statements rows again, so a row set wrong in place stays wrong to the end."""
    db = tmp_path / "incremental.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of the seeds before the first change
    updated = _spy_update_runs(monkeypatch)
    sizes: list[int] = []
    for change in IN_A_ROW:
        change[1](seeds)
        updated.clear()
        _save(seeds, db, change)
        if change[0] in IN_PLACE:
            assert updated == IN_PLACE[change[0]], change[0]
        sizes.append(db.stat().st_size)
    log = seeds / "curated" / "corrections.yaml"
    for case, add, source, made in GROWING:
        add(seeds)
        lines: list[str] = []
        read = log.read_bytes()
        build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
        log.write_bytes(read)
        # This Save's sources rows: the added one's alone, or every one; and its statements.
        tables = next(line for line in lines if line.startswith("tables:"))
        statements = _one(db, f"SELECT count(*) FROM statements WHERE source_id LIKE '{source}%'")
        every = _one(db, "SELECT count(*) FROM sources")
        want = (made if made is not None else every) + statements
        assert statements and f", {want} made;" in tables, (case, tables, every)
        sizes.append(db.stat().st_size)
    full = tmp_path / "full.duckdb"
    build(full, seeds, draw_images=False)
    assert max(sizes) <= 2 * full.stat().st_size, (full.stat().st_size, sizes)
    # The last no larger than the third (the first Save that copies rows), give or take.
    assert sizes[-1] <= sizes[2] * 1.2, sizes
    names = [c[0] for c in IN_A_ROW] + [g[0] for g in GROWING]
    _same_tables(db, full, "after " + ", ".join(names))


#: An article added, then removed (ending on the seeds, whose full build the run has).
ARTICLES: list[Change] = [
    ("one article added", _add_article, "read 2 changed curated files", 0, True, False, ADDED),
    ("one article removed", _remove_article, "read 1 changed curated files", 0, True, False, None),
]


def _images(db: Path) -> list[tuple]:
    """The static images the file holds: chart, language, kind and image."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT chart_id, lang, kind, image FROM chart_images ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()


def _said(lines: list[str]) -> str:
    """The line a build said of the charts' figures."""
    return next(line for line in lines if "charts' figures" in line)


def test_an_article_added_then_removed_equals_a_full_build_and_keeps_the_charts_images(
    seeds, seed_db, tmp_path
):
    """An article added, then removed, each a Save (ARTICLES), on a file whose charts have
    their images: the result is the seeds' full build, table for table. A Save's copy of the
    previous file keeps its charts where they are when none changed (database.write
    .store_rows), with their images, each once; when one chart changes (a third Save), its
    image goes and the others' stay (the next images pass draws it).

    Every chart is copied whole when no read of theirs answers otherwise (etl.chart_rows
    carried_by_reads: a table the charts read changed, but no read of theirs answers
    otherwise): an article without figures or events (a `sources` row no chart shows) is;
    words one chart shows are not (nor an article's title its figures show: IN_A_ROW's
    title Save makes 8 charts again). An added article's full build is the chain's above
    (its "added after the others")."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of these seeds (no images drawn)
    con = duckdb.connect(str(db))
    try:  # an image of every chart, as the images pass leaves them
        con.execute(
            "INSERT INTO chart_images SELECT chart_id, lang, 'png', 'f', "
            "encode(chart_id || lang) FROM chart_parts"
        )
    finally:
        con.close()
    drawn = _images(db)
    assert drawn
    for change in ARTICLES:  # no chart shows the article
        lines: list[str] = []
        change[1](seeds)
        _save(seeds, db, change, report=lines)
        assert "none of the answers their reads give" in _said(lines), change[0]
        assert _images(db) == drawn, change[0]
    got, want = _rows(db), _rows(seed_db)
    assert want.pop("chart_images") == [] and got.pop("chart_images")  # as drawn: above
    assert [t for t in want if got.get(t) != want[t]] == [], "an article added, then removed"
    _change_one_chart(seeds)
    lines = []
    build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
    assert "none of the answers their reads give" not in _said(lines)
    assert ": 1 made," in _said(lines)
    left = _images(db)
    gone = {c for c, *_ in drawn} - {c for c, *_ in left}
    assert len(gone) == 1  # the one chart made again: every language's image of it
    assert left == [row for row in drawn if row[0] not in gone]


#: Changes to one file that make records of files left unchanged wrong: a record the previous
#: build checked is checked again when it names records of other files (etl.validate.Checked).
CROSS_FILE = [
    (
        "a restated figure now measures another metric",
        "curated/articles/ppp-2018-necessary-crackdown.yaml",
        "indicator_id: ppp-2018-arrests-2017\n  metric_id: arrests-total",
        "indicator_id: ppp-2018-arrests-2017\n  metric_id: arrests-users",
    ),
    (
        "a statement a contested claim names is given another id",
        MIXED,
        "statement_id: ppp-2018-02-14-nacd-report-rehabilitation-not-working",
        "statement_id: ppp-2018-02-14-nacd-report-renamed",
    ),
    (
        "a withdrawn statement's id is given again",
        MIXED,
        "statement_id: ppp-2018-02-14-sar-kheng-prison-alternatives",
        "statement_id: ppp-2022-02-koeut-rith-supports-plan",
    ),
]


@pytest.mark.parametrize(
    ("change", "name", "old", "new"), CROSS_FILE, ids=[c[0] for c in CROSS_FILE]
)
def test_a_save_that_breaks_another_files_records_reports_what_a_full_check_does(
    seeds, seed_db, tmp_path, change, name, old, new
):
    """All problems at once, the same as a full check's, though the other files' records
    were checked by the previous build."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)
    replace_once(seeds, name, old, new)
    with pytest.raises(InputError) as saved:
        build(db, seeds, draw_images=False, reason=REASON)
    with pytest.raises(InputError) as full:
        check(seeds)
    assert full.value.problems.items, change
    assert saved.value.problems.items == full.value.problems.items


def _log(db: Path) -> dict[str, list[tuple]]:
    """The change log's rows, sorted: every reader orders them (database.queries), and a
    Save's copy of the previous file adds this build's rows after the history it keeps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("build_changes", "change_fields", "build_versions")
        }
    finally:
        con.close()


def test_a_save_that_copies_rows_logs_the_changes_a_save_making_every_row_logs(
    seeds, seed_db, tmp_path, monkeypatch
):
    """The change log leaves out the tables a Save copied whole (none of their records
    changed): it logs what a Save that makes every row logs. One Save of a record changed
    and an article added: a record changed, records added, a file grown (sources.yaml) and
    the tables neither touches, copied whole."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")  # one build time for both
    _change_record(seeds)
    _add_article(seeds)
    copied, made = tmp_path / "copied.duckdb", tmp_path / "made.duckdb"
    for db in (copied, made):
        shutil.copyfile(seed_db, db)
    build(copied, seeds, draw_images=False, reason=REASON)
    log = seeds / "curated" / "corrections.yaml"
    log.write_bytes((ROOT / "seeds" / "curated" / "corrections.yaml").read_bytes())
    monkeypatch.setattr("etl.build.runs_for", lambda *_: Runs())
    build(made, seeds, draw_images=False, reason=REASON)
    got, want = _log(copied), _log(made)
    last = max(row[4] for row in want["build_changes"])  # this Save's build (the seeds' is 1)
    changes = {(row[0], row[2]) for row in want["build_changes"] if row[4] == last}
    assert {("statements", "changed"), ("sources", "added"), ("statements", "added")} <= changes
    assert got == want


def test_charts_are_copied_only_from_a_file_the_same_code_made(seed_db, tmp_path):
    """A chart is copied when its rows and the code that made it are unchanged; another
    version of the code (or of the translations) makes every chart again."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of the seeds
    code = earlier_inputs(db)[CODE_PATH][1]
    same = make_charts(db, db, code, keep=False)
    # In English only: whether a chart is copied is decided per chart, whatever the language
    # (the Khmer charts made too cost 0.8 s of CPU and tell nothing more).
    other = make_charts(db, db, "another version of the code", keep=False, languages=("en",))
    assert (len(same.rows), len(same.carried)) == (0, len(same.ordinals))
    # A row per chart: every chart made again, none copied.
    assert ({r[0] for r in other.rows}, len(other.carried)) == (set(other.ordinals), 0)


def _digests(db: Path) -> dict[str, str]:
    """Each chart read's digest (the calls the file's charts made), taken in SQL."""
    with Reader(db) as reader:
        frames = ReaderFrames(reader)
        calls = sorted(
            {c for reads in queries.chart_keys(reader).values() for c in json.loads(reads[1])}
        )
        found = [frames.query_of(*json.loads(c)) for c in calls]
        fetch = partial(_fetched, reader)
        return dict(zip(calls, answer_digests(fetch, found), strict=True))


def _fetched(reader: Reader, sql: str, params: list[object]) -> list[tuple]:
    return list(reader.frame(sql, params).itertuples(False, None))


#: The seeds' digests, read once for every edit below (each edits a copy of the same file;
#: read for each, they were 0.2 s of CPU an edit). Readers must not change the dict.
_seed_digests = cache(_digests)


#: Edits to a copy of the seeds' database, and whether the answer to the charts' reads of
#: figures changes: a value they show (an article's place in the order articles were added,
#: which ReaderFrames.indicators merges in; a figure's number), or a row no figure names.
EDITS = [
    (
        "a figure's article's place",
        "UPDATE sources SET seed_file = 'zzz.txt' WHERE source_id = "
        "(SELECT min(source_id) FROM indicator_rows)",
        True,
    ),
    ("a figure's number", "UPDATE indicator_rows SET value = value + 1", True),
    (
        "an article no figure cites",
        "INSERT INTO sources (source_id, seed_file) SELECT 'no-figure', 'zzz.txt'",
        False,
    ),
]


@pytest.mark.parametrize(("sql", "changes"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_a_chart_reads_digest_follows_every_value_its_answer_holds(seed_db, tmp_path, sql, changes):
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)
    before = _seed_digests(seed_db)  # the copy's, before its edit
    con = duckdb.connect(str(db))
    try:
        con.execute(sql)
    finally:
        con.close()
    after = _digests(db)
    figures = [c for c in before if c.startswith('["indicators"')]
    assert figures and any(before[c] != after[c] for c in figures) == changes


def test_a_full_builds_reads_key_is_the_one_a_save_asks_again(seed_db):
    """make_charts digests each read by a statement of its own (stop 47), a Save
    (carried_by_reads) all at once: the same key either way, or a Save whose reads all
    answer the same would draw every chart again."""
    with Reader(seed_db) as reader:
        calls = sorted(
            {c for reads in queries.chart_keys(reader).values() for c in json.loads(reads[1])}
        )
        fetch = partial(_fetched, reader)
        row = reads_row("code", _Reads(ReaderFrames(reader)), calls, fetch, at_once=False)
        once = reads_row("code", _Reads(ReaderFrames(reader)), calls, fetch)
    assert calls and row is not None and row == once


def test_every_read_a_chart_can_make_has_a_query_to_digest():
    """A Frames method without one would never let the charts be copied by their reads."""
    frames = ReaderFrames(None)  # type: ignore[arg-type]  # query_of reads nothing
    methods = [m for m in vars(Frames) if not m.startswith("_")]
    assert methods and all(frames.query_of(m, [], {}) is not None for m in methods)
    assert frames.query_of("indicators", [], {"metric_ids": ["arrests-total"]}) is not None
    assert frames.query_of("events", [], {"since": "2020"}) is None


def test_the_charts_whole_key_names_every_table_a_query_reads():
    """The charts are copied whole only when no table they read changed: a table read in a
    subquery, through a parameter or behind a derived table counts; a CTE's name is no table."""
    sql = (
        "WITH picked AS (SELECT metric_id FROM metrics WHERE category = ?) "
        "SELECT f.* FROM indicator_rows f WHERE f.metric_id IN (SELECT metric_id FROM picked) "
        "AND f.phase_id IN (SELECT phase_id FROM phases)"
    )
    con = duckdb.connect()
    try:
        read = tables_of(con, sql)
    finally:
        con.close()
    assert read == {"metrics", "indicator_rows", "phases"}
    assert {"indicators", "sources", "units", "actors"} <= base_tables(read)
    assert "indicator_rows" not in base_tables(read)


def test_the_checks_cannot_read_what_their_key_leaves_out():
    """A check reading a kind of record the carry's key does not hash would be copied stale
    after a change to it: such a read fails instead."""
    data = check(ROOT / "seeds")
    view = CheckInputs(data)
    named = {
        c.record_id for k in data.of("contested") for c in k.claims if c.record_kind == "statements"
    }
    assert named and {s.statement_id for s in view.of("statements")} == named
    with pytest.raises(KeyError, match="READS"):
        view.of("events")


def test_a_failed_incremental_build_leaves_the_old_database(seeds, seed_db, tmp_path, monkeypatch):
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of these seeds
    before = db.read_bytes()
    _change_record(seeds)
    real_insert = database.write.insert

    def failing_insert(con, table, frame, **options):
        if table.name == "build_inputs":
            raise OSError("disk full (simulated)")
        real_insert(con, table, frame, **options)

    monkeypatch.setattr(database.write, "insert", failing_insert)
    with pytest.raises(OSError, match="simulated"):
        build(db, seeds, draw_images=False, reason=REASON)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["m.duckdb"]


def _one(db: Path, sql: str) -> object:
    """The one value `sql` (a constant query, no parameters) reads from the database at db."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _stance(db: Path) -> object:
    """The stance of the statement _change_record changes, in the database at db."""
    return _one(db, "SELECT stance FROM statements "
                    "WHERE statement_id = 'ppp-2018-02-14-sar-kheng-prison-alternatives'")  # fmt: skip


def _inputs_read(db: Path) -> dict[str, str]:
    """Each seed file the database says its build read, with the SHA-256 of its bytes."""
    return {p: sha for p, (kind, sha, _) in earlier_inputs(db).items() if kind != "code"}


def _inputs_on_disk(seeds: Path) -> dict[str, str]:
    """Each article and curated file in the seeds now, named as build_inputs names them."""
    return {
        f"seeds/{p.relative_to(seeds).as_posix()}": hashlib.sha256(p.read_bytes()).hexdigest()
        for part in ("articles", "curated")
        for p in (seeds / part).rglob("*")
        if p.is_file()
    }


@contextlib.contextmanager
def _warm_server(seeds: Path, db: Path) -> Iterator[Path]:
    """A warm build process (etl.warm) on a socket of its own, started with the corpus (as
    the studio opens: every curated file's models kept) and listening, stopped when the
    block ends."""
    with tempfile.TemporaryDirectory(prefix="w-") as tmp:  # a socket path must be short
        path = Path(tmp) / "s.sock"
        server = warm.start(path, seeds, db)
        try:
            # Listening once it has kept the corpus's models as the files are now: a test's
            # edits from here on are the Saves' (its socket is made after that).
            for _ in range(int(warm.START_SECONDS / 0.02)):
                if path.exists() or server.poll() is not None:
                    break
                time.sleep(0.02)
            yield path
        finally:
            warm_builds.stop(path)  # the server and any Save forked from it
            server.wait()


def _waiting_on(folder: Path) -> bool:
    """Whether some process is blocked on the lock of `folder` (etl.store.build_lock): the
    kernel lists each waiter for a lock in /proc/locks, marked "->", by device and inode."""
    st = folder.stat()
    where = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    with open("/proc/locks", encoding="ascii") as locks:
        return any("->" in line and "FLOCK" in line and where in line.split() for line in locks)


def _versions(db: Path) -> list[str]:
    """The reasons of the builds the database's history holds, oldest first."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT reason FROM build_versions ORDER BY ordinal").fetchall()
    finally:
        con.close()
    return [r[0] or "" for r in rows]


def test_two_saves_at_once_through_a_warm_process_both_land_and_a_refused_one_says_why(
    seeds, seed_db, tmp_path
):
    """Two researchers save different articles at once: the first Save's build holds the
    lock and has read its inputs when the second researcher edits and saves (through the
    warm build process, as the studio saves: a fork of it, taking the models it kept); the
    second waits on the lock until the first's file is in place, then builds from the inputs
    as both left them, and the database after both holds both changes. The first runs here,
    as a Save without a warm process runs (a build in a process of its own), so the test
    hands over at a step of its build (build's inputs_read), not after a guessed time.
    Without the lock, the second Save builds while the first waits, and the first's file,
    made from inputs without the second's edit, replaces it: the second's change is lost.

    Then a Save the check refuses: the studio gets each problem (to show on its field) from
    the fork, and the database stays as it was. Then a Save undoing both changes (the
    corrections file as the seeds have it): the seeds' full build, table for table (a Save
    from a fork makes what a full build makes; the run has that build, where the two Saves'
    own content would need one of its own). One warm process for the Saves (each a fork)."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of these seeds
    argv = ["--seeds", str(seeds), "build", "--db", str(db), "--no-images", "--reason", REASON]
    first, second = f"{REASON}: the first Save", f"{REASON}: the second Save"
    answers: list[warm.Answer | None] = []
    events: list[str] = []
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    versions = _versions(db)
    before = db.read_bytes()
    with _warm_server(seeds, db) as server:
        done = threading.Event()

        def save_second() -> None:
            try:
                answers.append(warm.run([*argv[:-1], second], server))
            finally:
                events.append("the second Save ended")
                done.set()

        def hand_over() -> None:
            """The first build holds the lock and has read its inputs: the second researcher
            edits and saves, and this build goes on once the second waits on the lock (or,
            with no lock to wait on, has ended)."""
            events.append("the first Save read its inputs")
            assert db.read_bytes() == before  # nothing of the first Save's written yet
            _add_article(seeds)
            events.append("the second researcher edited")
            threading.Thread(target=save_second).start()
            for _ in range(12_000):  # at most two minutes: the fork starts under load
                if done.wait(0.01):
                    break
                if _waiting_on(db.parent):
                    events.append("the second Save waited on the lock")
                    break

        _change_record(seeds)
        build(db, seeds, draw_images=False, reason=first, inputs_read=hand_over)
        events.append("the first Save ended")
        # Whole at each step (each Save swaps a whole file in): the first's, or the second's.
        assert _stance(db) == "mixed"
        done.wait(120)
        assert events == [
            "the first Save read its inputs",
            "the second researcher edited",
            "the second Save waited on the lock",
            "the first Save ended",
            "the second Save ended",
        ]
        assert [a and (a.code, a.stderr) for a in answers] == [(0, "")]
        assert all("unchanged, carried over" in a.stdout for a in answers if a)
        assert (
            _one(db, "SELECT count(*) FROM statements WHERE statement_id = 'test-kep-vendor'") == 1
        )
        assert _stance(db) == "mixed"
        # The second waited for one build, the first's, and built on its file: the history
        # holds the seeds' builds, then the first Save's, then the second's.
        assert _versions(db) == [*versions, first, second]
        # The file says it was built from the inputs as both Saves left them (the first
        # Save's reason in corrections.yaml, as the second read it): the next Save copies
        # by these, and the lock is what orders them (without it, the first's file records
        # the bytes before the second's edit).
        assert _inputs_read(db) == _inputs_on_disk(seeds)
        before = db.read_bytes()
        replace_once(seeds, MIXED, "stance: mixed", "stance: furious")
        done = warm.run(argv, server)
        assert done is not None and done.code == 1
        assert (f"seeds/{MIXED}", "stance") in [(f, field) for f, _, field, *_ in done.problems]
        assert "stance" in done.stderr and db.read_bytes() == before
        replace_once(seeds, MIXED, "stance: furious", "stance: critical")
        _remove_article(seeds)
        log.write_bytes(read)  # the reasons the two Saves logged are history, not data
        undone = warm.run(argv, server)
    assert undone is not None and (undone.code, undone.stderr) == (0, "")
    got, want = _rows(db), _rows(seed_db)
    assert [t for t in want if got.get(t) != want[t]] == []


def test_a_warm_build_process_of_other_code_refuses_to_build(seeds, tmp_path):
    """A warm build process whose imports are not the code on disk never builds: it answers
    stale (and the caller starts a fresh one), so no Save is built by old code."""
    db = tmp_path / "m.duckdb"
    argv = ["--seeds", str(seeds), "build", "--db", str(db), "--no-images"]
    request = {"argv": argv, "cwd": str(tmp_path), "env": {}}
    assert warm._run_command(request, "another version of the code") == {"status": warm.STALE}
    assert not db.exists()


# --- the models a warm build process keeps between Saves (etl.inputs.KEPT) ------------------


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> KeptModels:
    """This process's kept models, empty, as a warm build process's are before it warms."""
    models = KeptModels()
    monkeypatch.setattr(etl.inputs, "KEPT", models)
    return models


def _change_record_back(seeds: Path) -> None:
    replace_once(seeds, MIXED, "stance: mixed", "stance: critical")


def _restore_seeds(seeds: Path) -> None:
    """The record changed back and the test's article removed, in one edit: the seeds again."""
    _change_record_back(seeds)
    _remove_article(seeds)


#: Whether the models are kept up to date before each Save, as the warm process does, or only
#: once before the first (models older than the files). Either way three Saves, each after
#: another: a record changed, the test's article added (the record's file unchanged since the
#: Save before: its models kept for those bytes taken, when kept before each Save), then both
#: undone at once (the record's file and sources.yaml back to the bytes kept at first, their
#: models taken; the article's file removed). They end on the seeds, whose full build the run
#: has: the one compared.
KEPT_SAVES = [(True, "kept before each Save"), (False, "models older than the files")]


@pytest.mark.parametrize("each", [k[0] for k in KEPT_SAVES], ids=[k[1] for k in KEPT_SAVES])
def test_saves_with_kept_models_equal_a_full_build(seeds, seed_db, tmp_path, kept, each):
    """Saves in a warm build process that keeps the curated files' models between them make
    the database a full build makes from the same input, table for table and row for row."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)
    kept.refresh(seeds, code_version(), db)
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    for save in (_change_record, _add_article, _restore_seeds):
        save(seeds)
        if each:
            kept.refresh(seeds, code_version(), db)
        lines: list[str] = []
        build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
        # The reason's corrections are written back once the build is in place; the next
        # Save, and the full build, read the corrections file as it was.
        log.write_bytes(read)
        assert any("unchanged, carried over" in line for line in lines), f"{each}: {lines[:1]}"
        # The changed record as its file says (a model kept for its other bytes would not).
        assert _stance(db) == ("mixed" if save is not _restore_seeds else "critical"), each
    got, want = _rows(db), _rows(seed_db)
    assert [t for t in want if got.get(t) != want[t]] == [], each


#: A statement of MIXED that a contested claim names (seeds/curated/contested.yaml).
NAMED = "ppp-2018-02-14-nacd-report-rehabilitation-not-working"


@pytest.mark.parametrize("other", ["code", "bytes"])
def test_a_kept_model_is_taken_only_for_the_same_bytes_and_code(
    seeds, seed_db, tmp_path, kept, other
):
    """Models kept for a file's other bytes, or made by other code, are never built from: the
    Save parses the file as it is. Here the kept models say a statement was given another id
    (it was not), and the Save changes the file of the contested claim that names it, so the
    claim is checked against every statement's model: a stale one would refuse the Save. (A
    statement's own rows are copied from the previous file while its file is unchanged, so
    they cannot show which models were taken.)"""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)
    changed = tmp_path / "other" / "seeds"  # its files named as those of `seeds`
    replace_once(_copy_seeds(changed), MIXED, f"statement_id: {NAMED}", f"statement_id: {NAMED}-x")
    code = code_version()
    kept.refresh(changed, code)
    name = f"seeds/{MIXED}"
    sha, _, models = kept.files[name]
    if other == "code":
        sha = hashlib.sha256((seeds / MIXED).read_bytes()).hexdigest()
        code = "another version of the code"
    kept.files[name] = (sha, code, models)
    contested = seeds / "curated" / "contested.yaml"
    contested.write_text(contested.read_text(encoding="utf-8") + "# read again\n", "utf-8")
    lines: list[str] = []
    build(db, seeds, draw_images=False, report=lines.append)  # no InputError
    assert any("read 1 changed curated files" in line for line in lines), lines[:1]
    assert _one(db, f"SELECT count(*) FROM statements WHERE statement_id = '{NAMED}'") == 1


#: Two curated files' statements, each with its stance in the seeds: the edits below change
#: them one file at a time.
OTHER = "curated/articles/ppp-2017-06-27-extend-drug-war.yaml"
STANCES = {
    "ppp-2018-02-14-sar-kheng-prison-alternatives": (MIXED, "critical"),
    "ppp-2017-06-27-ke-kim-yan-strengthening": (OTHER, "supportive"),
}


def _same_stat_edit(seeds: Path, name: str, old: str, new: str) -> None:
    """An edit that leaves the file's size and modification time as they were (an editor
    that keeps times, a same-length change within the clock's tick): only its bytes say."""
    path = seeds / name
    was = path.stat()
    replace_once(seeds, name, old, new)
    os.utime(path, ns=(was.st_atime_ns, was.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (was.st_size, was.st_mtime_ns)


def _put_back(seeds: Path, name: str, first: Path) -> None:
    """The file replaced by another (renamed over it, as editors save) holding its first
    bytes, with their size and modification time."""
    spare = seeds / "curated" / "put-back.tmp"
    shutil.copy2(first / name, spare)
    os.replace(spare, seeds / name)


#: Saves one after another through one warm process, each after its edit (the corpus as it
#: was at first: `first`), with the stances STANCES's statements then have: an edit; a
#: same-length edit keeping size and time (spaces after the colon are YAML's, not the
#: value's); a file replaced by its first bytes (models the process let go of, for bytes it
#: parsed before); none. Each Save also changes an article's bytes (a line ending), so
#: every row is made again from the records' models, those of the files unchanged since the
#: Save before taken as kept: a model kept for other bytes than the file's shows its value
#: there (a changed file is parsed by the Save itself, so one Save later).
STALE_EDITS: list[tuple[str, Callable[[Path, Path], None], tuple[str, str]]] = [
    (
        "an edit",
        lambda s, _: replace_once(s, MIXED, "stance: critical", "stance: neutral"),
        ("neutral", "supportive"),
    ),
    (
        "a same-length edit keeping size and time",
        lambda s, _: _same_stat_edit(s, OTHER, "stance: supportive", "stance:    neutral"),
        ("neutral", "neutral"),
    ),
    (
        "a file replaced by its first bytes",
        lambda s, first: _put_back(s, MIXED, first),
        ("critical", "neutral"),
    ),
    ("no edit", lambda s, _: None, ("critical", "neutral")),
]


def _stances(db: Reader) -> tuple[str, ...]:
    """The stances of STANCES's statements in its order, as the statements page shows them."""
    rows = queries.statements(db, statement_ids=list(STANCES)).set_index("statement_id")
    return tuple(rows.loc[list(STANCES), "stance"])


def test_a_warm_process_never_builds_a_file_from_models_of_other_bytes(seeds, seed_db, tmp_path):
    """After each edit of a curated file, and each Save after it, the Save the warm process
    serves shows the file's value on the dashboard (the statements page's rows), however the
    file changed: a process that kept a changed file's old models (etl.inputs.KeptModels
    keyed by the path, or refreshed by size and time) would show the old one."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)
    first = _copy_seeds(tmp_path / "first")
    argv = ["--seeds", str(seeds), "build", "--db", str(db), "--no-images", "--reason", REASON]
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    with Reader(db) as reader:
        shown = [_stances(reader)]
    with _warm_server(seeds, db) as server:
        for _, edit, _ in STALE_EDITS:
            edit(seeds, first)
            # An article's bytes changed (a line ending added, its text the same): every row
            # is made again (etl.inputs.Inputs.unchanged is None).
            article = sorted((seeds / "articles").glob("*.txt"))[0]
            article.write_bytes(article.read_bytes() + b"\n")
            done = warm.run(argv, server)
            assert done is not None and (done.code, done.stderr) == (0, "")
            assert "every row made afresh" in done.stdout
            log.write_bytes(read)  # the reason's corrections: history, not the next edit's
            with Reader(db) as reader:
                shown.append(_stances(reader))
    assert shown == [tuple(s for _, s in STANCES.values()), *(s for *_, s in STALE_EDITS)]


def test_kept_models_are_those_of_the_files_there_now(seeds, seed_db, kept):
    """What a warm process keeps is bounded by the corpus: a file removed is let go, and a
    file with a problem is not kept (the Save parses it and reports the problem)."""
    _add_article(seeds)
    kept.refresh(seeds, code_version(), seed_db)
    names = {f"seeds/{p.relative_to(seeds)}" for p in (seeds / "curated").rglob("*.yaml")}
    assert set(kept.files) == names
    _remove_article(seeds)
    replace_once(seeds, MIXED, "stance: critical", "stance: furious")
    kept.refresh(seeds, code_version(), seed_db)
    assert set(kept.files) == names - {
        "seeds/curated/articles/test-kep-night-patrols.yaml",
        f"seeds/{MIXED}",
    }


# --- equal texts held once (etl.document_forms.share_strings) -----------------------------


def _texts(models: list) -> list[str]:
    """Every text the models hold as read, nested models and lists included (one entry per
    place; a field's enum member, which the model makes, is not)."""
    found: list[str] = []
    stack = list(models)
    while stack:
        value = stack.pop()
        if type(value) is str:
            found.append(value)
        elif isinstance(value, list | tuple):
            stack.extend(value)
        elif hasattr(value, "__pydantic_fields_set__"):
            stack.extend(value.__dict__.values())
    return found


@pytest.mark.parametrize("how", ["a build", "a warm process"])
def test_equal_texts_of_the_records_are_held_once(seeds, seed_db, kept, how):
    """The records' models hold each distinct text once however often the files repeat it
    (an actor's id, a stance, a source's id in every record it backs): what a build holds
    follows the corpus's distinct values, not its records."""
    if how == "a build":
        models = [m for m in etl.inputs.read_inputs(seeds, None).raw.models or [] if m]
    else:
        kept.refresh(seeds, code_version(), seed_db)
        models = [m for _, _, parsed in kept.files.values() for _, m in parsed.pairs if m]
    texts = _texts(models)
    assert len(texts) > len(set(texts))  # the seeds repeat values: the test can fail
    assert len({id(t) for t in texts}) == len(set(texts))


@pytest.mark.parametrize(
    ("text", "problems"),
    [("", []), ("42\n", ["the file must be a mapping of record kinds to lists"])],
    ids=["empty", "a bare number"],
)
def test_a_curated_file_without_texts_is_read_as_before(seeds, text, problems):
    """A curated file whose document holds no text at all is read, and reported, as any
    other: the sharing of equal texts walks only mappings and lists."""
    (seeds / "curated" / "odd.yaml").write_text(text)
    got = etl.inputs.read_inputs(seeds, None).problems
    assert [p.message for p in got.items if p.file.endswith("odd.yaml")] == problems


def _rename_statement(seeds: Path) -> None:
    """A statement's id changed: the row's key, which no row may change in place."""
    replace_once(
        seeds,
        MIXED,
        "statement_id: ppp-2018-02-14-sar-kheng-sell-motorbikes",
        "statement_id: ppp-2018-02-14-sar-kheng-sells-motorbikes",
    )


def test_a_changed_key_is_not_changed_in_place_and_equals_a_full_build(
    seeds, seed_db, tmp_path, monkeypatch
):
    """A Save whose change leaves every run of a table as many rows where they were changes
    them where the copy of the previous file holds them (update_runs; at 1000x the seeds,
    every statement not written again: the chain's record change, IN_PLACE), but a changed
    key is not changed in place: the table is written anew, its rows in a full build's order,
    and the file equals a full build's, row for row."""
    db = tmp_path / "saved.duckdb"
    shutil.copyfile(seed_db, db)
    calls = _spy_update_runs(monkeypatch)
    _rename_statement(seeds)
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    build(db, seeds, draw_images=False, reason=REASON)
    log.write_bytes(read)
    assert calls == {"statements": False}
    full = tmp_path / "full.duckdb"
    build(full, seeds, draw_images=False, reason=REASON)
    _same_tables(db, full, "a statement's id changed")
