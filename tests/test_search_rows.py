"""The Statements page's search rows as the build writes them: in batches, the same rows."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from corpus.khmer import fold_for_search
from data_model.tables import STATEMENT_SEARCH
from database import write


@contextlib.contextmanager
def _search_rows_as_selected(seed_db: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A copy of the seeds' file whose statement_search holds the rows of one INSERT of the
    build's SELECT, nothing folded yet, open for the block."""
    db = shutil.copyfile(seed_db, tmp_path / "copy.duckdb")
    names = ", ".join(f'"{c}"' for c in STATEMENT_SEARCH.column_names)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM statement_search")
        con.execute(f"INSERT INTO statement_search ({names}) {write.STATEMENT_SEARCH_SELECT}")
        yield con


@pytest.mark.parametrize(("batch", "in_transaction"), [(7, False), (7, True), (5, True)])
def test_the_search_rows_written_in_batches_are_those_of_one_insert_in_list_order(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int, in_transaction: bool
) -> None:
    # The build writes statement_search in batches (issue 27's memory), a full build with
    # each committed, a Save inside its transaction; the Statements page lists and searches
    # them by list_order and the rows as stored, the same as one INSERT of them all.
    with _search_rows_as_selected(seed_db, tmp_path) as con:
        write.fold_khmer_rows(con)
        whole = con.execute("SELECT * FROM statement_search ORDER BY list_order").fetchall()
        monkeypatch.setattr(write, "SEARCH_BATCH", batch)
        if in_transaction:
            con.execute("BEGIN")
        write.write_statement_search(con)
        if in_transaction:
            con.execute("COMMIT")
        batched = con.execute("SELECT * FROM statement_search ORDER BY rowid").fetchall()
    assert len(whole) > batch * 3 and batched == whole
    assert [row[1] for row in batched] == list(range(1, len(whole) + 1))


@pytest.mark.parametrize("in_transaction", [False, True])
def test_the_khmer_rows_haystack_is_the_python_fold_and_every_other_row_keeps_its_own(
    seed_db: Path, tmp_path: Path, in_transaction: bool
) -> None:
    # A search for a Khmer word finds its statement only through corpus.khmer's fold (SQL's
    # strip_accents drops Khmer vowel signs); fold_khmer_rows writes it into each such row
    # in one joined UPDATE (issue 27, stop 50), in a full build and in a Save's transaction.
    with _search_rows_as_selected(seed_db, tmp_path) as con:
        as_sql = dict(con.execute("SELECT statement_id, haystack FROM statement_search").fetchall())
        khmer = dict(con.execute(write._KHMER_ROWS).fetchall())
        if in_transaction:
            con.execute("BEGIN")
        write.fold_khmer_rows(con)
        if in_transaction:
            con.execute("COMMIT")
        stored = dict(con.execute("SELECT statement_id, haystack FROM statement_search").fetchall())
    assert khmer and len(khmer) < len(as_sql)  # the seeds hold Khmer rows, and others
    want = {sid: fold_for_search(khmer[sid]) if sid in khmer else h for sid, h in as_sql.items()}
    assert stored == want
