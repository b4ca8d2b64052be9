"""The data package: every CSV and Parquet file matches the database, and every column is described."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from api.filters import table_rows
from data_model.qualifiers import BOUNDS_RULE
from data_model.tables import INDICATORS, POLICY_CITATIONS, TABLES
from database import queries
from database.connection import Reader
from etl.__main__ import main
from exports import package
from exports.citations import CITATION_COLUMN, with_citations
from exports.csvsafe import FORMULA_TRIGGERS
from exports.package import FLATTENED, ZIP_NAME, package_bytes, write_package

DASHBOARD = "https://monitor.example.org"

#: How to read each table back from the database, by resource name (a figure table with
#: its citations, checked against the API's below).
ROWS: dict[str, Callable[[Reader], pd.DataFrame]] = {
    **{t.name: (lambda r, t=t: queries.table_rows(r, t)) for t in TABLES},
    **{
        f.name: (
            lambda r, f=f: package.flattened_rows(
                r, f, DASHBOARD, queries.build_info(r).get("data_version")
            )
        )
        for f in FLATTENED
    },
}


@pytest.fixture(scope="module")
def reader(seed_db: Path) -> Iterator[Reader]:
    db = Reader(seed_db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def out_dir(reader: Reader, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("package")
    write_package(reader, target, DASHBOARD, unpacked=True)
    return target


@pytest.fixture(scope="module")
def files(out_dir: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(out_dir / ZIP_NAME) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def descriptor(files: dict[str, bytes]) -> dict:
    return json.loads(files["datapackage.json"])


def _csv_resources(descriptor: dict) -> list[dict]:
    return [r for r in descriptor["resources"] if r["format"] == "csv"]


# --- reading a CSV back by its declared schema ---------------------------------------------


def _from_csv(cell: str, kind: str) -> object:
    if cell == "":
        return None
    if kind == "string":
        defused = cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS)
        return cell[1:] if defused else cell
    if kind == "number":
        return float(cell)
    if kind == "integer":
        return int(cell)
    if kind == "date":
        return dt.date.fromisoformat(cell)
    if kind == "boolean":  # Frictionless's default true and false values
        return {"true": True, "false": False}[cell.lower()]
    raise AssertionError(f"unexpected field type {kind}")


def _from_db(value: object, kind: str) -> object:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "string":
        return str(value) or None  # an empty string and a NULL are both an empty cell
    if kind == "number":
        return float(value)  # type: ignore[arg-type]
    if kind == "integer":
        return int(value)  # type: ignore[call-overload]
    if kind == "date":
        return pd.Timestamp(value).date()  # type: ignore[arg-type]
    if kind == "boolean":
        return bool(value)
    raise AssertionError(f"unexpected field type {kind}")


def _rows(frame: pd.DataFrame, fields: list[dict], convert: Callable) -> list[tuple]:
    return [
        tuple(convert(row[f["name"]], f["type"]) for f in fields)
        for row in frame.to_dict("records")
    ]


# --- the tests -----------------------------------------------------------------------------


def test_every_csv_parses_back_to_the_rows_of_the_database(
    reader: Reader, files: dict[str, bytes], descriptor: dict
) -> None:
    checked = set()
    for resource in _csv_resources(descriptor):
        fields = resource["schema"]["fields"]
        parsed = pd.read_csv(io.BytesIO(files[resource["path"]]), dtype=str, keep_default_na=False)
        assert list(parsed.columns) == [f["name"] for f in fields], resource["name"]
        expected = ROWS[resource["name"]](reader)
        assert _rows(parsed, fields, _from_csv) == _rows(expected, fields, _from_db), resource[
            "name"
        ]
        checked.add(resource["name"])
    assert checked == set(ROWS)


def test_datapackage_lists_every_file_table_and_column_with_a_description(
    files: dict[str, bytes], descriptor: dict
) -> None:
    resources = descriptor["resources"]
    paths = {r["path"] for r in resources}
    assert paths == set(files) - {"README.md", "datapackage.json"}
    names = {r["name"] for r in resources}
    assert len(names) == len(resources)
    for name in ROWS:
        assert {name, f"{name}-parquet"} <= names
    for resource in resources:
        assert resource["type"] == "table"
        assert resource["description"]
        content = files[resource["path"]]
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        for field in resource["schema"]["fields"]:
            assert field["description"].strip(), (resource["name"], field["name"])
            assert field["type"] in {"string", "number", "integer", "date", "boolean", "datetime"}
    for resource in _csv_resources(descriptor):
        assert resource["mediatype"] == "text/csv"
        assert resource["encoding"] == "utf-8"


def test_descriptions_and_keys_come_from_the_data_model(descriptor: dict) -> None:
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for table in TABLES:
        schema = by_name[table.name]["schema"]
        assert [(f["name"], f["description"]) for f in schema["fields"]] == [
            (c.name, c.description) for c in table.columns
        ]
        if table.primary_key:
            assert schema["primaryKey"] == list(table.primary_key)
        else:
            assert "primaryKey" not in schema
    dates = {f["name"] for f in by_name["indicators"]["schema"]["fields"] if f["type"] == "date"}
    assert dates == {c.name for c in INDICATORS.columns if c.sql_type == "DATE"}


def test_datapackage_names_the_articles_the_licence_and_when_it_was_built(
    reader: Reader, descriptor: dict
) -> None:
    assert descriptor["name"] == package.PACKAGE_NAME
    assert descriptor["title"]
    assert descriptor["created"] == queries.build_info(reader)["built_at"]
    assert descriptor["homepage"] == DASHBOARD
    articles = queries.sources(reader)
    assert len(descriptor["sources"]) == len(articles)
    listed = {s["title"]: s.get("path") for s in descriptor["sources"]}
    for _, article in articles.iterrows():
        assert listed[article["citation"]] == (article["url"] or None)
    (licence,) = descriptor["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    assert licence["path"] == "https://creativecommons.org/licenses/by/4.0/"


def test_flattened_tables_carry_the_provenance_analysts_need(
    reader: Reader, files: dict[str, bytes]
) -> None:
    def header(name: str) -> set[str]:
        return set(pd.read_csv(io.BytesIO(files[f"csv/{name}.csv"]), nrows=0).columns)

    source = {"source_title", "source_outlet", "source_url", "source_published_on", "quote"}
    assert source | {"qualifier", "value", "value_low", "value_high"} <= header(
        "indicators_with_sources"
    )
    speaker = {"actor_name", "actor_usual_role", "actor_organisation"}
    assert source | speaker <= header("statements_with_sources")
    assert source | speaker | {"policy_name", "position"} <= header("policy_positions_with_sources")
    for flat in FLATTENED:
        assert len(flat.query(reader)) == len(queries.table_rows(reader, flat.base))


@pytest.mark.parametrize("dashboard", [DASHBOARD, None])
def test_a_figure_is_cited_in_the_package_as_the_api_cites_it(
    reader: Reader, dashboard: str | None
) -> None:
    version = queries.build_info(reader)["data_version"]
    flat = next(f for f in FLATTENED if f.name == "indicators_with_sources")
    packaged = package.flattened_rows(reader, flat, dashboard, version)
    api = with_citations(
        "indicators", table_rows(reader, "indicators", {}), dashboard or "", version
    )
    cited = dict(zip(api["indicator_id"], api[CITATION_COLUMN], strict=True))
    assert len(packaged) == len(cited)
    for figure, citation in zip(packaged["indicator_id"], packaged[CITATION_COLUMN], strict=True):
        assert citation == cited[figure]
        # Never a made-up address: the dashboard's, else a path on it.
        assert f"\nPermalink: {dashboard or ''}/data?table=indicators&source=" in citation
    (table,) = (r for r in package.resources(reader, dashboard, version) if r.name == flat.name)
    (field,) = (c for c in table.columns if c.name == CITATION_COLUMN)
    readme = package.package_files(reader, dashboard)["README.md"].decode("utf-8")
    assert field.description in " ".join(readme.split())
    assert (dashboard or "no dashboard address") in field.description


def test_parquet_files_load_in_duckdb_with_the_same_rows_and_types(
    reader: Reader, out_dir: Path, descriptor: dict
) -> None:
    con = duckdb.connect()
    for resource in descriptor["resources"]:
        if resource["format"] != "parquet":
            continue
        path = str(out_dir / resource["path"])
        count = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()
        name = resource["name"].removesuffix("-parquet")
        assert count == (len(ROWS[name](reader)),), name
        described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert [row[0] for row in described] == list(types)
        for column, sql_type, *_ in described:
            if types[column] == "date":
                assert sql_type == "DATE", (name, column)


def test_readme_has_the_codebook_the_bounds_rule_a_citation_and_the_build_date(
    reader: Reader, files: dict[str, bytes]
) -> None:
    text = files["README.md"].decode("utf-8")
    built = queries.build_info(reader)["built_at"]
    assert BOUNDS_RULE in text
    assert "## How to cite" in text and f"built {built[:10]}" in text and DASHBOARD in text
    assert built in text
    assert "## Licence and rights" in text
    assert "(CC-BY-4.0, https://creativecommons.org/licenses/by/4.0/)" in text
    assert "remain their publishers'" in text
    for table in TABLES:
        assert f"`{table.name}`" in text
    for metric_id in queries.table_rows(reader, package.METRICS)["metric_id"]:
        assert f"`{metric_id}`" in text


def test_the_folder_holds_the_files_of_the_zip(out_dir: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        assert (out_dir / name).read_bytes() == content


def test_package_bytes_is_the_same_zip_every_time(reader: Reader, out_dir: Path) -> None:
    assert package_bytes(reader, DASHBOARD) == (out_dir / ZIP_NAME).read_bytes()


def test_a_column_without_a_description_stops_the_package(
    reader: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    flat = FLATTENED[0]
    extra = package.Flattened(
        flat.name, flat.base, flat.description, lambda r: flat.query(r).assign(mystery=1)
    )
    monkeypatch.setattr(package, "FLATTENED", (extra,))
    with pytest.raises(KeyError, match="mystery"):
        package.resources(reader)


def test_empty_tables_are_written_with_their_header(fixture_db: Path) -> None:
    fixture = Reader(fixture_db)  # the run's build of the fixture corpus (read only)
    try:
        assert queries.table_rows(fixture, POLICY_CITATIONS).empty  # the case under test
        data = zipfile.ZipFile(io.BytesIO(package_bytes(fixture)))
    finally:
        fixture.close()
    header = data.read("csv/policy_citations.csv").decode("utf-8-sig").splitlines()
    assert header == [",".join(POLICY_CITATIONS.column_names)]


def test_cli_export_writes_the_zip_and_its_files(seed_db: Path, tmp_path: Path) -> None:
    assert main(["export", "--out", str(tmp_path), "--db", str(seed_db)]) == 0
    assert (tmp_path / ZIP_NAME).is_file()
    assert (tmp_path / "datapackage.json").is_file()
    assert (tmp_path / "csv" / "indicators_with_sources.csv").is_file()


def test_cli_export_without_a_database_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--out", str(tmp_path), "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert not (tmp_path / ZIP_NAME).exists()
