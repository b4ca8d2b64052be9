"""A Save makes again only the derived rows (statement search, indicator rows) its change
touches, and the file it leaves equals a full build's, table for table, row for row."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import database.write
import etl.build
from data_model.tables import COVERAGE_NEEDS
from database.connection import tables_of
from etl.build import build
from tests import kep_article
from tests.seed_edits import MIXED, edit_quote, replace_once

ROOT = Path(__file__).resolve().parent.parent
REASON = "a test of the derived rows a Save makes again"

#: The day of the article added: between the seeds' articles, so in the middle of the list
#: (the test checks that rows after it moved).
MIDDLE_DAY = "2017-09-01"


def _add_article(seeds: Path) -> None:
    kep_article.add(seeds, MIDDLE_DAY)


def _remove_article(seeds: Path) -> None:
    kep_article.remove(seeds, MIDDLE_DAY)


def _rename_actor(seeds: Path) -> None:
    replace_once(seeds, "curated/actors.yaml", "name: Sar Kheng\n", "name: Samdech Sar Kheng\n")


def _change_address(seeds: Path) -> None:
    """An article's address: shown beside its statements and figures, its quotes unmoved."""
    text = (seeds / "curated" / "sources.yaml").read_text(encoding="utf-8")
    at = text.index(f"source_id: {MIXED_ID}")
    cut = text.index("url: ", at) + len("url: ")
    (seeds / "curated" / "sources.yaml").write_text(
        text[:cut] + "https://example.org/moved/" + text[cut:], encoding="utf-8"
    )


def _change_metric(seeds: Path) -> None:
    """One figure moved to another metric of the same unit."""
    text = (seeds / MIXED).read_text(encoding="utf-8")
    at = text.index("indicator_id: ppp-2018-02-14-relapse-rate")
    cut = text.index("metric_id: relapse-rate", at)
    new = "metric_id: arrests-share-users"
    (seeds / MIXED).write_text(text[:cut] + new + text[cut + len("metric_id: relapse-rate") :])


#: The rows each derived table's Save should make again, counted in the database the Save
#: is compared with (SQL), or None when the Save makes every row afresh (no row renewed).
RemadeSql = dict[str, str]
MIXED_ID = "ppp-2018-02-14-mixed-results"

#: What a Save's file is compared with, table for table: a full build of the seeds as that
#: Save left them (FULL), the run's full build of the seeds when the Save put them back as
#: they were (SEEDS: the seed database), or nothing yet (LATER: a later Save of the chain
#: copies its rows on, and the chain's last comparison sees them).
FULL, SEEDS, LATER = "full", "seeds", "later"

#: A Save: (what changed, the change, the rows made again by derived table, whether list
#: places moved, what its file is compared with).
Step = tuple[str, Callable[[Path], None], RemadeSql | None, bool, str]

#: Saves one after another on one copy of the seeds, each on the file the Save before left,
#: with a full build only where no other Save's compared state will do (two in all, where a
#: full build per Save took six, and a build more for the removal's added article). A row
#: a Save should have made again but copied stays wrong in every later Save that copies it
#: on, so the chain's last comparison sees it: the Saves that make every row afresh go first,
#: where they can hide nothing; then those renewing the most rows (every row of an article),
#: before those renewing one row of that article.
CHAINS: list[tuple[str, list[Step]]] = [
    (
        "an article added, then removed",
        [
            (
                "an article added in the middle of the list",
                _add_article,
                {
                    "statement_search": "SELECT count(*) FROM statements "
                    "WHERE source_id = 'test-kep-night-patrols'",
                    "indicator_rows": "SELECT count(*) FROM indicators "
                    "WHERE source_id = 'test-kep-night-patrols'",
                },
                True,
                FULL,
            ),
            # A removed article's source moves the quotes' places: every row is made afresh.
            ("an article removed", _remove_article, None, True, SEEDS),
        ],
    ),
    (
        "records and codebook edited",
        [
            # (A Save making every row afresh, a title's, renews no derived row: the removal's
            # above holds that, tests/test_incremental.py's title Save the title's rows.)
            # No row of another file reads an actor's name (etl.codebook): the statements'
            # search rows, which show the speaker's, are made again for the statements naming
            # the actor.
            (
                "an actor renamed",
                _rename_actor,
                {
                    "statement_search": "SELECT count(*) FROM statements "
                    "WHERE 'sar-kheng' IN (actor_id, relayed_by)",
                    "indicator_rows": "SELECT 0",
                },
                False,
                LATER,
            ),
            (
                "a source's address changed",
                _change_address,
                {
                    "statement_search": "SELECT count(*) FROM statements "
                    f"WHERE source_id = '{MIXED_ID}'",
                    "indicator_rows": "SELECT count(*) FROM indicators "
                    f"WHERE source_id = '{MIXED_ID}'",
                },
                False,
                LATER,
            ),
            (
                "a statement's quote edited",
                edit_quote,
                {"statement_search": "SELECT 1"},
                False,
                LATER,
            ),
            (
                "a figure's metric changed",
                _change_metric,
                {"indicator_rows": "SELECT 1"},
                False,
                FULL,
            ),
        ],
    ),
]

#: Tables of the history of builds, not of this one's data (each build adds to them).
HISTORY = {"build_changes", "change_fields", "build_versions", "corrections"}


def _every_row(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows but the history's and the build's time, version and fingerprint (it
    counts the corrections a Save's reason logs), sorted: a
    Save's remade rows come after the others in the file, and readers order them."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        out = {}
        for name in set(names) - HISTORY:
            rows = con.execute(f'SELECT * FROM "{name}"').fetchall()
            if name == "build_info":
                rows = [
                    r for r in rows if r[0] not in ("built_at", "data_version", "data_fingerprint")
                ]
            out[name] = sorted(rows, key=repr)
        return out


def _list_order(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("SELECT statement_id, list_order FROM statement_search").fetchall())


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


@pytest.mark.parametrize("steps", [c[1] for c in CHAINS], ids=[c[0] for c in CHAINS])
def test_saves_remake_the_derived_rows_they_touch_and_equal_a_full_build(
    seed_db, tmp_path, monkeypatch, steps
):
    """Saves after each kind of change, one after another: the rows of statement_search and
    indicator_rows each makes again are those its change touches (its statements, an
    actor's, an article's), and every table of the file the Saves leave, the list's places
    too, equals a full build's."""
    seeds = tmp_path / "seeds"
    for part in ("articles", "curated"):
        shutil.copytree(ROOT / "seeds" / part, seeds / part)
    db = tmp_path / "saved.duckdb"
    shutil.copyfile(seed_db, db)  # the first Save is on the full build's file itself
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    redone: dict[str, int] = {}  # by derived table, the rows the Save made again
    real = database.write._redo_keys

    def counted(con: duckdb.DuckDBPyConnection, derived: str, *args: object) -> None:
        real(con, derived, *args)
        row = con.execute("SELECT count(*) FROM redo_keys").fetchone()
        redone[derived] = int(row[0]) if row else 0

    for at, (name, change, remade, moves, compared) in enumerate(steps):
        places = _list_order(db)
        redone.clear()
        change(seeds)
        with monkeypatch.context() as patched:
            patched.setattr(database.write, "_redo_keys", counted)
            # The sentences needing coding handed over in many pieces, as at scale: a body
            # gone is known only once every piece is in (database.write.NeedsKept).
            patched.setattr(etl.build, "NEEDS_AT_ONCE", 3)
            build(db, seeds, draw_images=False, report=lambda _: None, reason=REASON)
        log.write_bytes(read)
        full = {FULL: tmp_path / f"full-{at}.duckdb", SEEDS: seed_db}.get(compared)
        if compared == FULL:
            build(full, seeds, draw_images=False, report=lambda _: None)
        want = {t: _count(full or db, sql) for t, sql in (remade or {}).items()}
        assert redone == want, name
        if full is not None:
            got, rows = _every_row(db), _every_row(full)
            assert set(got) == set(rows), name
            for table in rows:
                assert got[table] == rows[table], f"after {name}: {table} differs from a full build"
        now = _list_order(db)
        moved = any(places[s] != n for s, n in now.items() if s in places)
        assert moved == moves, name
    assert compared != LATER, "the chain's last Save is compared with a full build"


def test_what_a_derived_row_is_made_of_names_every_table_its_select_reads():
    """A table joined into a derived table's SELECT but not in MADE_OF would leave that
    table's changes out of a Save's rows."""
    con = duckdb.connect(":memory:")
    try:
        for table, select, _ in database.write._DERIVED:
            driving, _, joins = database.write.MADE_OF[table.name]
            assert tables_of(con, select) == {driving, *joins}, table.name
    finally:
        con.close()


def test_a_saves_sentences_that_need_coding_are_those_of_the_bodies_it_reads():
    """A body the copy held keeps its rows, a body gone loses them, a new body's are added."""
    want = [("kept", 0, 4, None, "said"), ("new", 2, 9, "text", "said"), ("new", 9, 12, None, "x")]
    con = duckdb.connect(":memory:")
    try:
        database.write.create(con, COVERAGE_NEEDS)
        held = [("old", 0, 5, None, "said"), ("kept", 0, 4, None, "said")]
        con.executemany("INSERT INTO coverage_needs VALUES (?, ?, ?, ?, ?)", held)
        # As the build makes it (etl.build._needs_frame): Python's own objects.
        frame = pd.DataFrame(want, columns=COVERAGE_NEEDS.column_names, dtype=object)
        # In two pieces, as a build hands them over (etl.build.NEEDS_AT_ONCE): a body gone is
        # known only once both are in.
        database.write.keep_coverage_needs(con, [frame.iloc[:1], frame.iloc[1:]])
        rows = con.execute("SELECT * FROM coverage_needs ORDER BY ALL").fetchall()
    finally:
        con.close()
    assert rows == sorted(want, key=repr)
