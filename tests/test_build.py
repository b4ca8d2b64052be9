"""The build writes every table, keeps quotes traceable, and never half-writes the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import database.write
import etl.__main__
import etl.build
from corpus.coverage import needs
from corpus.problems import InputError, Problems
from corpus.quotes import normalise
from data_model.tables import TABLES
from database import queries
from database.connection import Reader
from etl import apart
from etl.__main__ import main as etl_main
from etl.build import build
from tests.conftest import FIXTURE_SEEDS


def _tables(path: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns ORDER BY ordinal_position"
        ).fetchall()
    out: dict[str, list[str]] = {}
    for table, column in rows:
        out.setdefault(table, []).append(column)
    return out


def test_every_table_has_its_declared_columns(seed_db: Path):
    found = _tables(seed_db)
    for table in TABLES:
        assert found[table.name] == table.column_names


def test_the_issue_minimum_columns_exist(seed_db: Path):
    found = _tables(seed_db)
    minimum = {
        "sources": "source_id seed_file outlet title url published_on date_precision date_basis body",
        "metrics": "metric_id label unit definition",
        "indicators": "indicator_id metric_id value qualifier value_low value_high unit period_start "
        "period_end as_of phase_id geography source_id actor_id quote quote_start quote_end",
        "actors": "actor_id name aliases role organisation actor_type",
        "statements": "statement_id actor_id source_id quote topic stance",
        "policies": "policy_id name description category status proposed_by first_source_id",
        "policy_positions": "policy_id actor_id position source_id quote",
        "phases": "phase_id name start_date end_date description",
        "events": "event_id event_date title source_id quote",
    }
    for table, columns in minimum.items():
        assert set(columns.split()) <= set(found[table]), table


def test_every_stored_quote_offset_points_at_the_quote(seed_db: Path):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows = con.execute(
            "SELECT c.record_id, c.quote, c.quote_start, c.quote_end, s.body "
            "FROM citations c JOIN sources s USING (source_id)"
        ).fetchall()
    assert len(rows) > 50
    for record_id, quote, start, end, body in rows:
        assert start is not None and end is not None, record_id
        assert normalise(body[start:end])[0] == normalise(quote)[0], record_id


def test_failed_build_leaves_the_old_database_byte_for_byte(
    fixture_seeds: Path, seed_db: Path, tmp_path: Path
):
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # a database built before (the run's, copied)
    before = db.read_bytes()
    records = fixture_seeds / "curated" / "fixture-kampot.yaml"
    records.write_text(records.read_text().replace("qualifier: more_than", "qualifier: lots"))
    with pytest.raises(InputError):
        build(db, fixture_seeds, draw_images=False)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["m.duckdb"]


def test_crash_while_writing_leaves_the_old_database(fixture_seeds, seed_db, tmp_path, monkeypatch):
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # a database built before (the run's, copied)
    before = db.read_bytes()
    calls = {"n": 0}
    real_insert = database.write.insert

    def failing_insert(con, table, frame, **options):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full (simulated)")
        real_insert(con, table, frame, **options)

    monkeypatch.setattr(database.write, "insert", failing_insert)
    with pytest.raises(OSError, match="simulated"):
        build(db, fixture_seeds, draw_images=False)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["m.duckdb"]


def test_cli_build_fails_cleanly_and_keeps_the_old_file(
    fixture_seeds: Path, seed_db: Path, tmp_path: Path, capsys
):
    """`python -m etl build` in this process (no interpreter start; a traceback would be an
    exception raised here). Its own process is tested by the server's first build
    (tests/test_serve.py) and an unwritable target (tests/test_hostile.py)."""
    db = tmp_path / "m.duckdb"
    shutil.copyfile(seed_db, db)  # a database built before (the run's, copied)
    before = db.read_bytes()
    (fixture_seeds / "curated" / "bad.yaml").write_text("actors:\n  - actor_id: x\n")
    assert etl_main(["--seeds", str(fixture_seeds), "build", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "not changed" in err
    assert db.read_bytes() == before


def test_the_command_lines_default_database_is_the_builds():
    """The command line's help names the database the build writes by default (both read
    corpus.load's, which loads no pandas or duckdb)."""
    assert etl.__main__.DEFAULT_DB == etl.build.DEFAULT_DB


def _one(path: Path, sql: str) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _every_row(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {name: con.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


def _built_at(db: Path) -> str:
    with Reader(db) as reader:
        return queries.build_info(reader)["built_at"]


#: How many sentences needing coding the build of `alone` hands on at once: fewer than the
#: fixture corpus has (asserted below), so a piece is handed on once it is full, not only
#: the rest at the end (a body's rows go in one piece; the seeds' Saves, with many bodies,
#: hand on many pieces: tests/test_derived_rows.py).
ALONE_AT_ONCE = 3


@pytest.fixture(scope="module")
def alone(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The fixture corpus built again, in this process (its records' stage not apart), a
    second before the run's fixture database (the same day: the same data version), its
    sentences needing coding handed on ALONE_AT_ONCE rows at a time, not in one table: the
    file and the lines the build reported."""
    built_at = dt.datetime.fromisoformat(_built_at(fixture_db))
    midnight = built_at.replace(hour=0, minute=0, second=0)
    other = built_at + dt.timedelta(seconds=1 if built_at == midnight else -1)
    lines: list[str] = []
    alone_db = tmp_path_factory.mktemp("alone") / "alone.duckdb"
    with pytest.MonkeyPatch.context() as patched:
        patched.setenv("SOURCE_DATE_EPOCH", str(int(other.timestamp())))
        patched.setattr(apart, "ENABLED", False)
        patched.setattr(etl.build, "NEEDS_AT_ONCE", ALONE_AT_ONCE)
        build(alone_db, FIXTURE_SEEDS, draw_images=False, report=lines.append)
    return alone_db, lines


def test_a_build_with_its_records_read_apart_writes_what_one_process_writes(
    fixture_db: Path, alone: tuple[Path, list[str]]
):
    """The run's fixture database was built as `etl build` builds, its records' stage in a
    child process (apart.wanted() in a test process); the same corpus built here in one
    process, a second earlier (`alone`), reports the same lines and writes the same rows,
    but for the build time; and the data's fingerprint, which the dashboard's caches are
    keyed by, is the same: same data, same fingerprint, whenever it was built (new data's
    new fingerprint: tests/test_stored.py's rebuild). Rows handed on in pieces (the
    sentences needing coding) are written as the whole table is."""
    assert apart.wanted()  # as fixture_db was built (no kept models in a test process)
    forked_at = _built_at(fixture_db)
    alone_db, lines = alone
    forked_lines = fixture_db.with_name("build.log").read_text(encoding="utf-8").split("\n")
    assert forked_lines == lines and any("coverage" in line for line in lines)
    with Reader(fixture_db) as forked_reader, Reader(alone_db) as alone_reader:
        fingerprints = [queries.content_fingerprint(r) for r in (forked_reader, alone_reader)]
    assert fingerprints[0] == fingerprints[1] is not None
    alone_at = _built_at(alone_db)
    assert alone_at != forked_at
    forked, by_one = _every_row(fixture_db), _every_row(alone_db)
    assert forked.keys() == by_one.keys() and len(forked) > 20
    for table, rows in by_one.items():  # the build time is the one difference
        at = [tuple(alone_at if v == forked_at else v for v in row) for row in forked[table]]
        assert at == rows, table


class _Stamped(Exception):
    """Raised by the spy on stamp_version once it has seen what the build holds."""


def test_a_builds_own_process_holds_no_data_table_before_it_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The records' process hands every data table back left in the hand-over's file, read
    only as write_database writes it (etl.build._Handing): the build's own process never
    holds them all at once (issue 27: 305 MB at 1000x the seeds when it did); build_info
    alone comes back whole, as the data version is added to it. That both ways write the
    same rows: test_a_build_with_its_records_read_apart_writes_what_one_process_writes."""
    held: dict[str, str] = {}

    def spy(frames, *args, **kwargs):
        held.update({name: type(frame).__name__ for name, frame in frames.items()})
        raise _Stamped

    monkeypatch.setattr(etl.build, "stamp_version", spy)
    assert apart.wanted()
    with pytest.raises(_Stamped):
        build(tmp_path / "b.duckdb", FIXTURE_SEEDS, draw_images=False)
    assert held.pop("build_info") == "DataFrame"
    assert set(held.values()) == {"Later"} and len(held) == len(TABLES) - 1


def _reports_then_answers(report):
    report("first")
    report("second")
    return {"rows": [1, 2]}


def _input_problem(report):
    problems = Problems()
    problems.add("seeds/curated/a.yaml", "rec-1", "stance", "not a stance: 'furious'")
    raise InputError(problems)


def _dies(report):
    os._exit(3)


@pytest.mark.parametrize(
    ("work", "answer", "error"),
    [
        (_reports_then_answers, {"rows": [1, 2]}, None),
        (_input_problem, None, "seeds/curated/a.yaml: record 'rec-1', field 'stance'"),
        (_dies, None, "without an answer (exit status 3)"),
    ],
)
def test_a_step_run_apart_hands_back_its_lines_and_answer_or_its_error(work, answer, error):
    lines: list[str] = []
    if error is None:
        assert apart.run_apart(work, lines.append) == answer
        assert lines == ["first", "second"]
        return
    with pytest.raises(Exception) as raised:
        apart.run_apart(work, lines.append)
    assert error in str(raised.value)
    if isinstance(raised.value, InputError):  # each problem still on its field
        assert [p.field for p in raised.value.problems.items] == ["stance"]


def _cells(frame: pd.DataFrame) -> list:
    """Every cell with its type, the index and the columns: what a table is written from."""
    return [
        list(frame.columns),
        list(frame.index),
        [str(t) for t in frame.dtypes],
        [[(type(v).__name__, repr(v)) for v in frame[c]] for c in frame.columns],
    ]


def _tables_of(report):
    many = pd.DataFrame(
        {
            "id": [f"s-{i}" for i in range(8)],
            "value": [1.5, None, 3, float("nan"), None, 6, 7, 8.25],
            "when": [None, dt.date(2017, 1, 13), *[dt.date(2018, 2, 14)] * 6],
        },
        dtype=object,
    )
    named = pd.DataFrame({"n": [3, 1, 2]}, index=["c", "a", "b"])
    # Tables written out as they are made (apart.keep), some read back only when wanted
    # (apart.later), and tables returned, in one result.
    return (
        {
            "first": apart.keep(named),
            "many": many,
            "kept": apart.keep(many),
            "none": many[:0],
            "later": apart.later(many),
        },
        [("named", named), ("named later", apart.later(named))],
        "code",
    )


@pytest.mark.parametrize("rows_at_once", [1, 3, 8, 10_000])
def test_tables_handed_back_from_apart_are_the_tables_made_there_cell_for_cell(
    rows_at_once, monkeypatch: pytest.MonkeyPatch
):
    """The records' step hands its tables back in slices (etl.apart.SLICE), those written
    out as they were made (etl.apart.keep), those left in the hand-over's file until wanted
    (etl.apart.later) and those returned: whatever the slice, every table reads back with
    the same rows, order, gaps and types, each under its own name."""
    monkeypatch.setattr(apart, "SLICE", rows_at_once)
    frames, internal, code = apart.run_apart(_tables_of)
    made, named = _tables_of(None)[:2]
    assert code == "code" and frames.keys() == made.keys()
    assert isinstance(frames["later"], apart.Later)  # not read until wanted
    for name, frame in made.items():
        assert _cells(apart.loaded(frames[name])) == _cells(frame), name
    assert [table for table, _ in internal] == ["named", "named later"]
    for (_, got), (_, want) in zip(internal, named, strict=True):
        assert _cells(apart.loaded(got)) == _cells(want)


@pytest.mark.parametrize("db_of", ["alone", "fixture_db"], ids=["in pieces", "all at once"])
def test_every_article_s_sentences_needing_coding_are_kept_for_the_next_build(db_of: str, request):
    """The next build takes each body's sentences needing coding from coverage_needs
    instead of finding them again: whatever number of rows the records' stage hands on at
    once (etl.build.NEEDS_AT_ONCE), every body's are kept, in order, none twice. In pieces:
    `alone`'s build (each piece handed on once full); all at once: the run's fixture
    database, built as `etl build` builds (the rows handed on at the end)."""
    found = request.getfixturevalue(db_of)
    db = found[0] if db_of == "alone" else found
    rows = _one(db, "SELECT count(*) FROM coverage_needs")
    assert ALONE_AT_ONCE < rows < etl.build.NEEDS_AT_ONCE  # so both ways are what they say
    with duckdb.connect(str(db), read_only=True) as con:
        bodies = [r[0] for r in con.execute("SELECT body FROM sources").fetchall()]
        kept = con.execute(
            "SELECT body_sha256, sentence_start, sentence_end, reason FROM coverage_needs"
        ).fetchall()
    want, seen = [], set()
    for body in filter(None, bodies):
        sha = hashlib.sha256(body.encode()).hexdigest()
        if sha in seen:
            continue
        seen.add(sha)
        want += [(sha, s.start, s.end, reason) for s, reason in needs(body)]
    assert len(want) > 3 and kept == want
