"""Versions, citable releases, changes since a version and the corrections rule (issue 28)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import feedparser
import pytest
import yaml
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.routes import Database, make_routes
from corpus.problems import InputError
from database import queries
from database.connection import Reader
from etl.build import build
from etl.versions import next_version
from exports.release import write_release
from tests.apptests import open_app_page

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"
#: 5 December 2026, 12:00 UTC: every build here is "made" then.
EPOCH = "1796472000"
REASON = "The stance was read against the written rule; the event was a duplicate."


def _day_version() -> str:
    return dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).strftime("%Y.%m.%d")


def _version(db: Path) -> str:
    with Reader(db) as reader:
        return queries.build_info(reader)["data_version"]


def _corrections(db: Path) -> list[tuple[str, str, str | None, str]]:
    with Reader(db) as reader:
        frame = reader.frame(
            "SELECT record_id, action, field, reason FROM corrections ORDER BY correction_id"
        )
    return [tuple(None if v != v else v for v in row) for row in frame.itertuples(index=False)]


def _versions(db: Path) -> list[str]:
    """The file's version and every version its history (build_versions, the feed) holds."""
    with Reader(db) as reader:
        return [_version(db), *queries.data_versions(reader)["data_version"]]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A database built from the fixture corpus, refused a correction without a reason, then
    given one; and two releases of the corrected data. (A rebuild with nothing changed keeps
    the version: "unchanged" below, the build after the reason build, tests it.)"""
    root = tmp_path_factory.mktemp("release")
    seeds = root / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    db = root / "monitor.duckdb"
    out: dict[str, object] = {"db": db, "root": root}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        build(db, seeds, draw_images=False)
        out["first"] = _version(db)
        # What the feed test reads of the first build: its changes, and the statements'
        # answer a client holds (its ETag).
        with Reader(db) as reader:
            out["first_changes"] = queries.build_changes(reader)
        out["held"] = _client(db).get("/api/v1/statements.csv").headers["etag"]
        # A correction: one statement's stance changed, one event withdrawn.
        path = seeds / "curated" / "fixture-kampot.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["statements"][0]["stance"] = "critical"
        data["events"] = []
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        with pytest.raises(InputError) as refused:
            build(db, seeds, draw_images=False)
        out["refusal"] = str(refused.value)
        out["after_refusal"] = _version(db)
        build(db, seeds, draw_images=False, reason=REASON)
        out["second"] = _version(db)
        # This file, as if built by code of another schema version: built over below.
        older = root / "fresh.duckdb"
        shutil.copy(db, older)
        with duckdb.connect(str(older)) as con:
            con.execute("UPDATE build_info SET value = '0-older' WHERE key = 'schema_version'")
        # The reasons given are in corrections.yaml: a database built afresh from the seeds
        # alone logs the same corrections. Built over the file of another schema version
        # (the reason build's, marked so above, of the same input), whose rows are not this
        # code's: nothing of it is carried, so this build starts afresh (its version and
        # changes, below).
        out["yaml"] = (seeds / "curated" / "corrections.yaml").read_text(encoding="utf-8")
        build(older, seeds, draw_images=False)
        out["fresh"] = _versions(older)
        with Reader(older) as reader:
            out["fresh_changes"] = queries.build_changes(reader)
        out["corrections"] = {
            name: _corrections(path)
            for name, path in (("built", db), ("fresh", root / "fresh.duckdb"))
        }
        with Reader(db) as reader:
            out["releases"] = [write_release(reader, root / name) for name in ("a", "b")]
        # Later builds, on copies (the tests above read the database as the reason left it).
        later, later_seeds = root / "later.duckdb", root / "later-seeds"
        shutil.copy(db, later)
        shutil.copytree(seeds, later_seeds)
        build(later, later_seeds, draw_images=False)  # nothing changed since the reason build
        out["unchanged"] = _versions(later)
        with Reader(later) as reader:
            out["unchanged_changes"] = queries.build_changes(reader)
        data = yaml.safe_load((later_seeds / path.relative_to(seeds)).read_text("utf-8"))
        data["statements"][0]["stance"] = "supportive"
        (later_seeds / path.relative_to(seeds)).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
        )
        build(later, later_seeds, draw_images=False, reason=REASON)
        out["changed_again"] = _versions(later)
        out["later"] = later
    return out


def _client(db: Path) -> TestClient:
    return TestClient(Starlette(routes=make_routes(Database(lambda: db))))


@pytest.mark.parametrize(
    ("fingerprint", "day", "past", "expected"),
    [
        ("f1", dt.date(2026, 12, 5), [], "2026.12.05"),
        ("f1", dt.date(2026, 12, 6), [("2026.12.05", "f1")], "2026.12.05"),  # same data
        ("f2", dt.date(2026, 12, 5), [("2026.12.05", "f1")], "2026.12.05.2"),
        (
            "f3",
            dt.date(2026, 12, 5),
            [("2026.12.05", "f1"), ("2026.12.05.2", "f2")],
            "2026.12.05.3",
        ),
        ("f2", dt.date(2026, 12, 6), [("2026.12.05", "f1")], "2026.12.06"),
    ],
)
def test_next_version(fingerprint: str, day: dt.date, past: list, expected: str):
    assert next_version(fingerprint, day, past) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [("first", _day_version()), ("second", _day_version() + ".2")],
)
def test_version_stable_for_the_same_input(history: dict, key: str, expected: str):
    assert history[key] == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # The build after a reason build reads the logged corrections back from the YAML: the
        # same data, so the same version and no empty version in the history (issue 28).
        ("unchanged", [".2", "", ".2"]),
        ("changed_again", [".3", "", ".2", ".3"]),  # a real change still makes a new one
    ],
)
def test_version_kept_after_a_reason_build(history: dict, key: str, expected: list[str]):
    assert history[key] == [_day_version() + suffix for suffix in expected]


@pytest.mark.parametrize("record", ["sok-dara-continue", "kampot-march-arrests"])
def test_build_refuses_a_change_without_reason_naming_the_record(history: dict, record: str):
    assert record in history["refusal"]
    assert "--reason" in history["refusal"]
    assert history["after_refusal"] == history["first"]  # the old database stayed


def test_a_file_of_another_schema_version_starts_the_history_afresh(history: dict):
    """Its rows are not this code's: the feed says nothing rather than guess, and the data
    version is the day's first again (carried, the older file's history would have kept its
    .2 for the same data)."""
    assert history["fresh_changes"].empty
    assert history["fresh"] == [_day_version(), _day_version()]


def test_a_reason_given_to_the_build_is_kept_in_the_yaml_and_survives_a_fresh_build(history):
    assert history["yaml"].count(REASON) == 2  # the stance changed, the event withdrawn
    assert ("kampot-march-arrests", "withdrawn", None, REASON) in history["corrections"]["fresh"]
    assert history["corrections"]["fresh"] == history["corrections"]["built"]


@pytest.mark.parametrize(
    ("table", "record_id", "change", "field", "old", "new"),
    [
        ("statements", "sok-dara-continue", "changed", "stance", "supportive", "critical"),
        ("events", "kampot-march-arrests", "removed", None, None, None),
    ],
)
@pytest.mark.parametrize("since", [None, _day_version()])
def test_changes_json_after_a_correction(
    history: dict, since, table, record_id, change, field, old, new
):
    client = _client(history["db"])
    answer = client.get("/api/v1/changes.json", params={"since": since} if since else {})
    assert answer.status_code == 200
    doc = answer.json()
    assert doc["since"] == history["first"] and doc["data_version"] == history["second"]
    rows = [r for r in doc["changes"] if r["record_id"] == record_id]
    assert [
        (r["table_name"], r["change"], r["field"], r["old_value"], r["new_value"]) for r in rows
    ] == [(table, change, field, old, new)]
    assert rows[0]["reason"] == REASON
    csv = client.get("/api/v1/changes.csv", params={"since": since} if since else {})
    assert record_id in csv.text and REASON in csv.text


@pytest.mark.parametrize(("since", "status"), [("1999.01.01", 400), (_day_version() + ".2", 200)])
def test_changes_since_an_unknown_or_current_version(history: dict, since: str, status: int):
    client = _client(history["db"])
    answer = client.get("/api/v1/changes.json", params={"since": since})
    assert answer.status_code == status
    if status == 200:
        assert answer.json()["changes"] == []


def test_the_feed_keeps_earlier_builds_newest_first_and_the_history_every_one(
    history: dict, monkeypatch: pytest.MonkeyPatch
):
    """The history's builds after the first: the reason build (a statement changed, an event
    withdrawn) is the feed's newest entry, before the first build's; a build with nothing
    changed adds nothing; after another change the feed lists the last builds only (one,
    here), and the history keeps every one (moved here from test_api, whose three builds of
    the fixture corpus were these)."""
    first = history["first_changes"]
    with Reader(history["db"]) as r:
        changes = queries.build_changes(r)
    latest = changes[changes["build"] == changes["build"].max()]
    assert list(zip(latest["table_name"], latest["change"], strict=True)) == [
        ("events", "removed"),
        ("statements", "changed"),
    ]
    assert len(changes) == len(latest) + len(first)
    # Nothing changed: nothing new, the builds before kept.
    assert history["unchanged_changes"].equals(changes)
    # The changed data is a new answer for a client holding the old one (ETag by build).
    client = _client(history["db"])
    fresh = client.get("/api/v1/statements.csv", headers={"If-None-Match": history["held"]})
    assert fresh.status_code == 200
    assert "critical" in next(line for line in fresh.text.splitlines() if "sok-dara" in line)
    feed = feedparser.parse(client.get("/feed.atom").content)
    assert not feed.bozo
    titles = [e.title.split(": ", 1)[1] for e in feed.entries if "#build-" in e.id]
    assert titles[0] == "changed 1 statement; removed 1 event"
    assert len(titles) == 1 + first["source_id"].nunique()
    assert all("added" in t for t in titles[1:])
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    # Another change (changed_again): the feed's last builds only, every one in the history.
    monkeypatch.setattr("database.queries.FEED_BUILDS", 1)
    second = int(latest["build"].max())
    with Reader(history["later"]) as r:
        changes = queries.build_changes(r)
        since_first = queries.record_changes_after(r, 1)
    assert sorted(set(changes["build"])) == [second + 1]
    assert set(changes["change"]) == {"changed"}
    assert sorted(set(since_first["ordinal"])) == [second, second + 1]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_release_byte_identical(history: dict):
    (folder_a, zip_a), (folder_b, zip_b) = history["releases"]
    assert folder_a.name == f"cambodia-drug-campaign-data-v{history['second']}"
    assert _files(folder_a) == _files(folder_b)
    assert zip_a.read_bytes() == zip_b.read_bytes()
    files = _files(folder_a)
    for name in (
        "CITATION.cff",
        "RELEASE-NOTES.md",
        ".zenodo.json",
        "SHA256SUMS",
        "csv/corrections.csv",
    ):
        assert name in files
    assert json.loads(files[".zenodo.json"])["version"] == history["second"]
    notes = files["RELEASE-NOTES.md"].decode()
    assert "sok-dara-continue" in notes and "`supportive` → `critical`" in notes


#: cffconvert pins jsonschema < 4, which would pull the project's frictionless back to a
#: release that cannot read Parquet; uv runs it in an environment of its own instead.
CFFCONVERT = "cffconvert==2.0.0"
#: What `cffconvert --validate -i PATH` checks (its Citation's validate), for every path
#: given, in one process: a line each, "valid" or the schema's complaint.
VALIDATE = """
import sys
from cffconvert import Citation
for path in sys.argv[1:]:
    try:
        Citation(open(path, encoding="utf-8").read()).validate()
    except Exception as exc:
        print("invalid:", str(exc).splitlines()[0])
    else:
        print("valid")
"""


def _cffconvert(*paths: Path) -> list[bool]:
    """Whether cffconvert finds each file valid (one uv process for them all)."""
    uv = ROOT / ".uv" / "bin" / "uv"
    if not uv.exists():
        pytest.skip("uv (installed by make into .uv/) runs cffconvert")
    run = subprocess.run(
        [str(uv), "tool", "run", "--from", CFFCONVERT, "python", "-c", VALIDATE, *map(str, paths)],
        capture_output=True,
        text=True,
        env={**os.environ, "UV_PYTHON_DOWNLOADS": "never"},
    )
    assert run.returncode == 0, run.stderr
    return [line == "valid" for line in run.stdout.splitlines()]


def test_citation_cff_valid(history: dict, tmp_path: Path):
    """The release's CITATION.cff is valid, and the same file without its authors is not
    (the validator's control: the test can fail)."""
    folder = history["releases"][0][0]
    doc = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    assert doc["type"] == "dataset" and doc["version"] == history["second"]
    del doc["authors"]
    broken = tmp_path / "CITATION.cff"
    broken.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    assert _cffconvert(folder / "CITATION.cff", broken) == [True, False]


def test_corrections_page_lists_a_withdrawn_record(history: dict, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MONITOR_DB", str(history["db"]))
    at = open_app_page("views/corrections.py")
    assert not at.exception, [e.message for e in at.exception]
    text = "\n".join(m.value for m in at.markdown)
    entry = next(part for part in text.split("---") if "kampot-march-arrests" in part)
    assert "Withdrawn" in entry and REASON in entry
    # The footer: the data version and the citation naming it.
    assert any(history["second"] in c.value for c in at.caption)
    bodies = "".join(h.proto.body for h in at.get("html"))
    copied = [html.unescape(c) for c in re.findall(r'data-copy="([^"]*)"', bodies)]
    assert any(f"version {history['second']}" in c and "[data set]" in c for c in copied)
