"""What a build stores of each curated file it read (build_inputs): the document packed, read
back as the file was read, and a file of the older text form read afresh, never decoded."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest

import data_model.tables
from corpus.load import curated_files
from corpus.problems import Problems
from corpus.safe_yaml import read_yaml
from data_model.records import ID_FIELDS
from data_model.tables import BUILD_INPUTS
from etl.document_forms import from_json, to_json, unpacked
from etl.inputs import read_inputs
from tests.conftest import FIXTURE_SEEDS

CURATED = curated_files(FIXTURE_SEEDS / "curated", FIXTURE_SEEDS.parent, Problems())


def _stored(db: Path) -> dict[str, bytes | None]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT path, document FROM build_inputs").fetchall()
    return dict(rows)


@pytest.mark.parametrize(("path", "name"), CURATED, ids=[name for _, name in CURATED])
def test_a_curated_files_stored_document_is_the_file_as_read(fixture_db: Path, path, name):
    """Dates and all: the next build parses an unchanged file from this alone."""
    stored = _stored(fixture_db)[name]
    assert isinstance(stored, bytes)
    assert from_json(unpacked(stored)) == read_yaml(path, ID_FIELDS)


def test_the_stored_documents_are_packed(fixture_db: Path):
    """Compressed, not the JSON text: at 1000x the seeds, writing their text was the top of a
    build's own memory (+448 MB for 137 MB of JSON)."""
    stored = _stored(fixture_db)
    packed = sum(len(stored[name]) for _, name in CURATED)
    text = sum(len(to_json(read_yaml(path, ID_FIELDS)).encode()) for path, _ in CURATED)
    assert packed < text / 2


def test_an_unchanged_corpus_is_read_from_the_stored_documents(fixture_db: Path):
    """Every curated file taken from the previous database, each record's model as a build
    reading the YAML makes it."""
    again = read_inputs(FIXTURE_SEEDS, fixture_db)
    fresh = read_inputs(FIXTURE_SEEDS, None)
    assert again.reused == [name for _, name in CURATED]
    assert again.parsed == [] and again.full_because == ""
    assert again.raw.models == fresh.raw.models
    assert again.raw.records == fresh.raw.records


def test_a_database_of_the_text_form_is_read_afresh(fixture_db: Path, tmp_path: Path, monkeypatch):
    """A file whose build_inputs holds each document's JSON text (the schema before the
    documents were packed) is of another schema version: every file is parsed again."""
    text_form = dataclasses.replace(
        BUILD_INPUTS,
        columns=tuple(
            dataclasses.replace(c, sql_type="VARCHAR") if c.name == "document" else c
            for c in BUILD_INPUTS.columns
        ),
    )
    internal = tuple(
        text_form if t is BUILD_INPUTS else t for t in data_model.tables.INTERNAL_TABLES
    )
    monkeypatch.setattr(data_model.tables, "INTERNAL_TABLES", internal)
    old_version = data_model.tables._schema_version()
    monkeypatch.undo()
    assert old_version != data_model.tables.SCHEMA_VERSION
    db = tmp_path / "older.duckdb"
    shutil.copyfile(fixture_db, db)
    with duckdb.connect(str(db)) as con:
        texts = [
            (p, unpacked(d))
            for p, d in con.execute("SELECT path, document FROM build_inputs").fetchall()
        ]
        con.execute("ALTER TABLE build_inputs DROP COLUMN document")
        con.execute("ALTER TABLE build_inputs ADD COLUMN document VARCHAR")
        con.executemany(
            "UPDATE build_inputs SET document = ? WHERE path = ?", [(t, p) for p, t in texts]
        )
        con.execute("UPDATE build_info SET value = ? WHERE key = 'schema_version'", [old_version])
    inputs = read_inputs(FIXTURE_SEEDS, db)
    assert inputs.reused == []
    assert inputs.parsed == [name for _, name in CURATED]
    assert inputs.full_because
