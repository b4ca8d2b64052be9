"""Positions on an existing proposal coded in an article's own file: merged by the build into
the proposals' positions, shown wherever a position is, and refused with named errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.routes import Database, make_routes
from corpus.problems import InputError
from corpus.safe_yaml import dump_yaml
from database import queries
from database.connection import Reader
from etl.build import check
from tests.apptests import open_app_page

ROOT = Path(__file__).resolve().parent.parent
POSITIONS = "curated/articles/fixture-kampot-positions.yaml"

#: Sok Dara's own words, inside quotation marks in the fixture article; the fixture's policy
#: lists only Chan Vanna's position. The fixture file grown_fixture_db builds with
#: (tests/conftest.py), so the refusals below are that record with one field changed.
GOOD: dict[str, Any] = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "positions" / Path(POSITIONS).name).read_text("utf-8")
)["positions"][0]


def _write(seeds: Path, *positions: dict[str, Any]) -> None:
    path = seeds / POSITIONS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_yaml({"positions": list(positions)}), "utf-8")


def _problems(seeds: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(InputError) as caught:
        check(seeds)
    return [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]


@pytest.fixture
def built(grown_fixture_db: Path) -> Path:
    """The fixture corpus with GOOD coded in the article's own file, built once per run (read
    only): shared with the units' and categories' tests (tests/conftest.py)."""
    return grown_fixture_db


def test_a_position_in_an_article_file_joins_the_proposals_positions(built: Path):
    with Reader(built) as db:
        rows = queries.policy_positions(db, policy_ids=["kampot-community-treatment"])
        exported = queries.policy_positions_with_sources(db)
    assert set(rows["actor_id"]) == {"chan-vanna", "sok-dara"}
    mine = rows[rows["position_id"] == GOOD["position_id"]].iloc[0]
    assert (mine["position"], mine["kind"], mine["quote"]) == ("opposes", "direct", GOOD["quote"])
    assert GOOD["position_id"] in set(exported["position_id"])


def test_the_api_and_the_feed_carry_it(built: Path):
    client = TestClient(Starlette(routes=make_routes(Database(lambda: built))))
    answer = client.get("/api/v1/positions.json", params={"per_page": 100}).json()
    assert any(r["position_id"] == GOOD["position_id"] for r in answer["rows"]), answer
    assert f"policy_positions:{GOOD['position_id']}" in client.get("/feed.atom").text


def test_the_policies_page_shows_it(built: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MONITOR_DB", str(built))
    at = open_app_page("views/policies.py", policy=GOOD["policy_id"])
    assert not at.exception, [e.message for e in at.exception]
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "Sok Dara" in shown and "until the province is clean" in shown, shown


def _with(**changes: Any) -> dict[str, Any]:
    return {**GOOD, **changes}


@pytest.mark.parametrize(
    ("record", "field", "words"),
    [
        pytest.param(_with(policy_id="no-such-policy"), "policy_id", "unknown policy id",
                     id="unknown-policy"),
        pytest.param(_with(actor_id="nobody"), "actor_id", "unknown actor id", id="unknown-actor"),
        pytest.param(_with(relayed_by="nobody"), "relayed_by", "unknown actor id",
                     id="unknown-relayer"),
        pytest.param(_with(quote="the arrests were a triumph"), "quote", "quote not found",
                     id="quote-not-in-article"),
        pytest.param(_with(actor_id="chan-vanna", position="supports", kind="reported",
                           quote="called for community-based treatment"),
                     "quote", "same position as position 1 of policy 'kampot-community-treatment'",
                     id="duplicate-of-policies-yaml"),
        pytest.param(_with(kind="reported"), "quote", "inside quotation marks",
                     id="own-words-as-paraphrase"),
        pytest.param(_with(position_id="kampot-community-treatment-1"), "position_id",
                     "the id the build gives", id="id-of-a-listed-position"),
        pytest.param(_with(position="neutral"), "position", "Input should be",
                     id="unknown-position"),
        pytest.param(_with(colour="red"), "colour", "unknown field", id="unknown-field"),
    ],
)  # fmt: skip
def test_a_bad_position_is_refused_naming_file_record_and_field(
    fixture_seeds: Path, record: dict[str, Any], field: str, words: str
):
    _write(fixture_seeds, record)
    found = _problems(fixture_seeds)
    assert any(
        f.endswith(POSITIONS) and r == record["position_id"] and fl == field and words in m
        for f, r, fl, m in found
    ), found


def test_every_bad_position_is_reported_at_once(fixture_seeds: Path):
    bad = [
        _with(position_id="p-unknown-policy", policy_id="no-such-policy"),
        _with(position_id="p-unknown-actor", actor_id="nobody"),
        _with(position_id="p-not-in-article", quote="the arrests were a triumph"),
    ]
    _write(fixture_seeds, *bad)
    found = {(r, fl) for f, r, fl, _ in _problems(fixture_seeds) if f.endswith(POSITIONS)}
    assert {
        ("p-unknown-policy", "policy_id"),
        ("p-unknown-actor", "actor_id"),
        ("p-not-in-article", "quote"),
    } <= found


def test_the_same_position_coded_twice_in_article_files_is_refused(fixture_seeds: Path):
    _write(fixture_seeds, GOOD, _with(position_id="kampot-sok-dara-again"))
    found = _problems(fixture_seeds)
    assert any(r == "kampot-sok-dara-again" and fl == "quote" and "same position" in m
               for _, r, fl, m in found), found  # fmt: skip
