"""A Save reads the file it replaces on the build's own connection (Reader.of_build): the same
answers as a reader of its own, however the file is held open in the process."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import duckdb
import pytest

from database import queries
from database.connection import Reader, kept_open

HOLDERS: dict[str, Callable[[Path], AbstractContextManager[None]]] = {
    "not held": lambda path: nullcontext(),
    "held read-only, as a build holds the file it replaces": lambda path: kept_open(
        path, read_only=True
    ),
}

ASKED: dict[str, Callable[[Reader], object]] = {
    "the data versions": lambda db: queries.data_versions(db).to_dict("records"),
    "the charts' order": queries.chart_ordinals,
    "the chart keys": queries.chart_keys,
    "the schema": queries.same_schema,
}


@pytest.fixture(scope="module")
def copy_db(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fixture database this module may hold open for writing."""
    path = tmp_path_factory.mktemp("save-readers") / "m.duckdb"
    shutil.copyfile(fixture_db, path)
    return path


@pytest.mark.parametrize("holder", list(HOLDERS))
@pytest.mark.parametrize("asked", list(ASKED))
def test_the_build_reads_its_previous_file_as_a_reader_does(
    copy_db: Path, holder: str, asked: str
) -> None:
    with Reader(copy_db) as db:
        expected = ASKED[asked](db)
    assert expected  # a question with an answer to compare
    with HOLDERS[holder](copy_db), Reader.of_build(copy_db) as db:
        assert ASKED[asked](db) == expected


def test_a_missing_file_is_still_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        Reader.of_build(tmp_path / "none.duckdb")


def test_the_shared_file_stays_open_for_the_build(copy_db: Path) -> None:
    """Closing the build's reader leaves the connection the build keeps working."""
    with kept_open(copy_db, read_only=True):
        with Reader.of_build(copy_db) as db:
            queries.chart_ordinals(db)
        con = duckdb.connect(str(copy_db), read_only=True)
        try:
            assert con.execute("SELECT count(*) FROM build_versions").fetchone()[0] > 0
        finally:
            con.close()


@pytest.mark.parametrize("holder", list(HOLDERS))
def test_the_builds_reader_has_every_field_a_reader_has(copy_db: Path, holder: str) -> None:
    """Both kinds of Reader are made by its one __init__: a field a reader gains is the build's
    reader's too (one made without __init__ would lack it), and each answers its queries
    apart (a cursor of its own, noting the tables read when asked)."""
    with Reader(copy_db) as db:
        fields = set(vars(db))
    with HOLDERS[holder](copy_db), Reader.of_build(copy_db) as db:
        assert set(vars(db)) == fields
        read = db.note_tables()
        queries.chart_ordinals(db)
        assert read  # noted as a reader notes them
