"""Fidelity classes the build refuses: paraphrase as direct words, vague words as numbers,
phases without a source, bad restatement links, bounded dates, and uncovered sentences.

Each case reproduces an error of the November 2026 review (item numbers in the ids) on the
made-up fixture corpus and shows it is refused, naming the file, the record and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from corpus.coverage import why_coded
from corpus.problems import InputError
from corpus.safe_yaml import dump_yaml
from corpus.sentences import sentences
from data_model.qualifiers import VAGUE_LOWER_BOUNDS
from data_model.records import Event, Indicator, Phase
from data_model.wording import vague_label
from etl.build import article_coverage, build, check, frames_for

RECORDS = "curated/fixture-kampot.yaml"
REGISTRY = "curated/registry.yaml"

GOOD_INDICATOR: dict[str, Any] = {
    "indicator_id": "x-thousands",
    "metric_id": "detainees-without-treatment",
    "as_of": dt.date(2018, 2, 14),
    "source_id": "src",
    "attribution": "NACD President Ke Kim Yan",
    "quote": "thousands of those detained were going without treatment",
}


def _edit(seeds: Path, name: str, change: Callable[[dict], None]) -> None:
    path = seeds / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(dump_yaml(doc), encoding="utf-8")


def _problems(seeds: Path, run: Callable[[Path], Any] = check) -> list[tuple[str, str, str, str]]:
    with pytest.raises(InputError) as caught:
        run(seeds)
    return [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]


# --- words signed by a person are that person's words (review 19, 20, 24) ---------------------


def _paraphrase_as_direct_statement(doc: dict) -> None:
    doc["statements"][1]["kind"] = "direct"  # "Rights worker Chan Vanna said the arrests…"


def _paraphrase_as_direct_position(doc: dict) -> None:
    doc["policies"][0]["positions"][0]["kind"] = "direct"  # "called for community-based…"


def _quotation_as_paraphrase(doc: dict) -> None:
    doc["statements"][0]["kind"] = "reported"  # words inside quotation marks in the article


def _position_without_kind(doc: dict) -> None:
    del doc["policies"][0]["positions"][0]["kind"]


def _relayed_by_nobody(doc: dict) -> None:
    doc["policies"][0]["positions"][0]["relayed_by"] = "nobody"


@pytest.mark.parametrize(
    ("change", "record", "field", "words"),
    [
        pytest.param(
            _paraphrase_as_direct_statement,
            "chan-vanna-not-the-answer",
            "quote",
            "not inside quotation marks",
            id="20-statement-paraphrase-as-direct",
        ),
        pytest.param(
            _quotation_as_paraphrase,
            "sok-dara-continue",
            "quote",
            "inside quotation marks in the article: they are someone's own words",
            id="19-quoted-words-as-paraphrase",
        ),
        pytest.param(
            _paraphrase_as_direct_position,
            "kampot-community-treatment",
            "positions.0.quote",
            "not inside quotation marks",
            id="20-position-paraphrase-as-direct",
        ),
        pytest.param(
            _position_without_kind,
            "kampot-community-treatment",
            "positions.0.kind",
            "required",
            id="20-position-must-say-direct-or-reported",
        ),
        pytest.param(
            _relayed_by_nobody,
            "kampot-community-treatment",
            "positions.0.relayed_by",
            "unknown actor",
            id="19-position-relayer-must-exist",
        ),
    ],
)
def test_attribution_errors_are_refused(fixture_seeds: Path, change, record, field, words):
    _edit(fixture_seeds, RECORDS, change)
    found = _problems(fixture_seeds)
    assert any(
        f.endswith(RECORDS) and r == record and fl == field and words in m for f, r, fl, m in found
    ), found


def test_direct_words_inside_quotation_marks_pass(fixture_seeds: Path):
    data = check(fixture_seeds)
    direct = [s for s in data.of("statements") if s.kind == "direct"]
    assert direct, "the fixture has a direct quote to test"


# --- vague quantities (review 3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        pytest.param({"vague": "thousands", "value": 2000.0}, "no value", id="3-vague-with-value"),
        pytest.param(
            {"vague": "thousands", "qualifier": "at_least"}, "no value", id="3-vague-with-hedge"
        ),
        pytest.param({"vague": "loads"}, "have no rule", id="3-vague-word-without-rule"),
        pytest.param({}, "required unless", id="3-neither-number-nor-words"),
    ],
)
def test_vague_amounts_are_words_not_numbers(extra, words):
    with pytest.raises(ValidationError) as caught:
        Indicator.model_validate(GOOD_INDICATOR | extra)
    assert words in str(caught.value)


def test_a_vague_amount_is_stored_as_its_words_with_the_rule_bound(fixture_seeds: Path):
    def add_vague(doc: dict) -> None:
        doc["indicators"].append(
            doc["indicators"][0]
            | {
                "indicator_id": "kampot-thousands",
                "value": None,
                "qualifier": None,
                "vague": "thousands",
                "quote": "more than 200 people were arrested",
            }
        )

    _edit(fixture_seeds, RECORDS, add_vague)
    frames = frames_for(check(fixture_seeds))
    row = frames["indicators"].set_index("indicator_id").loc["kampot-thousands"]
    assert row["value"] is None
    assert row["label"] == vague_label("thousands") == "thousands (no number given)"
    assert row["value_low"] == VAGUE_LOWER_BOUNDS["thousands"]
    assert row["value_high"] is None
    checked = " ".join(frames["consistency_checks"]["record_ids"].fillna(""))
    assert "kampot-thousands" not in checked  # never in arithmetic or corroboration


# --- restatements (review 4, 7, 8) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "words"),
    [
        pytest.param({"restates": "nothing-like-it"}, "unknown indicator", id="4-unknown-target"),
        pytest.param({"restates": "kampot-share-users-march"}, "measures", id="4-other-metric"),
        pytest.param({"restates": "kampot-arrests-march"}, "cannot restate itself", id="4-self"),
    ],
)
def test_restatement_links_are_checked(fixture_seeds: Path, link, words):
    def change(doc: dict) -> None:
        doc["indicators"][0].update(link, restates_note="made up")

    _edit(fixture_seeds, RECORDS, change)
    found = _problems(fixture_seeds)
    assert any(words in m for *_, m in found), found


def test_a_restatement_needs_its_reason():
    with pytest.raises(ValidationError, match="restates_note"):
        Indicator.model_validate(
            GOOD_INDICATOR | {"vague": "thousands", "restates": "another-figure"}
        )


# --- phases and events rest on a source (review 43, 44, 45) -----------------------------------


def test_a_phase_without_a_cited_passage_is_refused(fixture_seeds: Path):
    _edit(fixture_seeds, REGISTRY, lambda doc: doc["phases"][0].update(citations=[]))
    found = _problems(fixture_seeds)
    assert any(r == "phase-1" and f == "citations" for _, r, f, _ in found), found


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        pytest.param({"event_date_end": dt.date(2017, 1, 1)}, "before", id="44-range-reversed"),
        pytest.param({"date_basis": None}, "date_basis", id="45-no-basis"),
    ],
)
def test_event_dates_carry_a_range_and_a_basis(extra, words):
    event = {
        "event_id": "extension",
        "event_date": dt.date(2017, 6, 26),
        "event_date_end": dt.date(2017, 12, 31),
        "date_precision": "day",
        "date_basis": "not reported; after 26 June 2017, when it was pending",
        "kind": "extension",
        "title": "Extension decided",
        "source_id": "src",
        "quote": "but was extended until the end of the year",
    }
    Event.model_validate(event)
    data = {k: v for k, v in (event | extra).items() if v is not None}
    with pytest.raises(ValidationError) as caught:
        Event.model_validate(data)
    assert words in str(caught.value)


def test_phase_model_requires_a_citation():
    with pytest.raises(ValidationError, match="citations"):
        Phase.model_validate(
            {
                "phase_id": "phase-4",
                "ordinal": 4,
                "name": "Phase 4: continued enforcement",
                "start_date": dt.date(2018, 8, 1),
                "description": "d",
                "date_basis": "Project brief",
                "citations": [],
            }
        )


# --- coverage accounting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "needs"),
    [
        ("“We will continue,” said the chief.", "quotation marks"),
        ("He noted the backlog of cases.", "'noted'"),
        ("According to Souchenda, he wished to work together.", "'According to'"),
        ("The Ministry of Health could not be reached for comment.", "'could not be reached'"),
        ("Some 17,800 people have been arrested.", "figure"),
        ("Thousands were going without treatment.", "'Thousands'"),
        ("The event concluded at noon.", None),
        ("Overcrowding is one of the biggest challenges.", None),
    ],
)
def test_the_sentence_rule(sentence, needs):
    reason = why_coded(sentence)
    assert (reason is None) if needs is None else (needs in reason)


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("One. Two.", 2),
        ("“A . . . If they are still addicted, they stay.” He said.", 2),
        ("Mr. Sok said 3,554.13kg were seized. Then it ended.", 2),
        ("First paragraph.\n\nSecond “quoted.” Third.", 3),
    ],
)
def test_sentence_splitting(body, count):
    assert len(sentences(body)) == count


def test_an_uncovered_sentence_fails_the_build_naming_file_and_sentence(
    fixture_seeds: Path, tmp_path: Path
):
    _edit(fixture_seeds, RECORDS, lambda doc: doc.pop("not_coded"))
    found = _problems(
        fixture_seeds, lambda seeds: build(tmp_path / "m.duckdb", seeds, draw_images=False)
    )
    assert any(
        f.endswith(RECORDS)
        and r == "fixture-kampot"
        and fl == "not_coded"
        and "two new voluntary treatment clinics" in m
        for f, r, fl, m in found
    ), found
    assert not (tmp_path / "m.duckdb").exists()


def test_the_build_reports_coverage_per_article(fixture_seeds: Path, tmp_path: Path):
    lines: list[str] = []
    build(tmp_path / "m.duckdb", fixture_seeds, report=lines.append, draw_images=False)
    # Provenance warnings and the charts step's line follow the coverage lines.
    assert [line for line in lines if line.startswith("coverage ")] == [
        "coverage fixture-kampot: 100% of 4 sentences "
        "(3 coded, 1 not coded with a reason, 0 unaccounted)"
    ]


def test_every_seed_article_is_fully_accounted_for():
    """Whatever articles the seeds hold: each reaches 100%, with at least one sentence."""
    data = check()
    accounts = article_coverage(data)
    assert {a.source_id for a in accounts} == {s.source_id for s in data.of("sources")}
    for account in accounts:
        assert account.needed, account.source_id
        assert account.uncovered == [], account.line()
