"""A draft of a made-up article does the work: dates, shared hedges, vague words, reported speech."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from curation.add_article import add_article
from curation.suggest import suggest

# These tests read dates; which of them are sure enough to fill is tested apart.
pytestmark = pytest.mark.usefixtures("dates_as_read")
ROOT = Path(__file__).resolve().parent.parent
KRATIE = ROOT / "tests" / "fixtures" / "suggest" / "kratie_campaign.txt"
D = dt.date


@pytest.fixture
def draft(fixture_seeds: Path) -> tuple[dict, str]:
    """The draft of the Kratie article, registered as published on Thursday 11 January 2018."""
    added = add_article(
        KRATIE,
        seeds_dir=fixture_seeds,
        title="Kratie campaign reports 1,300 arrests",
        outlet="The Example Daily",
        url="https://example.org/kratie",
        published="2018-01-11",
    )
    text = suggest(added.source_id, fixture_seeds)
    return yaml.safe_load(text), text


@pytest.mark.parametrize(
    ("value", "qualifier", "period_start", "period_end", "as_of"),
    [
        (1300, "exact", D(2017, 1, 1), D(2017, 6, 30), D(2017, 6, 30)),
        (9660, "approx", None, D(2017, 12, 15), D(2017, 12, 15)),
        (8200, "approx", None, D(2017, 12, 15), D(2017, 12, 15)),
        (310, "exact", None, None, D(2018, 1, 10)),
        (45, "exact", D(2017, 12, 1), D(2017, 12, 31), D(2017, 12, 31)),
    ],
)
def test_figures_are_dated_from_the_words(draft, value, qualifier, period_start, period_end, as_of):
    records = [r for r in draft[0]["indicators"] if r["value"] == value]
    assert len(records) == 1
    got = records[0]
    assert (got["qualifier"], got["period_start"], got["period_end"], got["as_of"]) == (
        qualifier,
        period_start,
        period_end,
        as_of,
    )


def test_no_figure_gets_the_publication_date_silently(draft):
    # The running count "since the launch ... have been sent" names no day it ends: its end is
    # left blank, and the publication day is not offered either (round twenty-four: the keys
    # end such counts on different days); the reason says so.
    assert [r for r in draft[0]["indicators"] if D(2018, 1, 11) in r.values()] == []
    assert "suggested, not filled: period_end 2018-01-11" not in draft[1]
    reason = "a running count whose end the words do not give: left blank, nothing offered"
    assert reason in draft[1]


def test_a_vague_word_is_flagged_and_offers_no_number(draft):
    vague = [r for r in draft[0]["indicators"] if r["value"] is None]
    assert len(vague) == 1 and "thousands" in vague[0]["quote"]
    assert vague[0]["vague"] == "thousands"
    assert "the article says 'thousands'" in vague[0]["note"]


@pytest.mark.parametrize(
    ("opening", "actor_id", "role"),
    [
        ("Rights worker Ouk Srey, who has visited", "ouk-srey", "Rights worker"),
        # The role comes from the richest mention ("provincial police chief Chea Rithy said").
        ("Chea Rithy told reporters", "chea-rithy", "provincial police chief"),
        ("The ministry's spokesman Khieu Sopheak urged", "khieu-sopheak", "spokesman"),
        (
            "Kim Khoeun, chief of the ministry's secretariat, warned",
            "kim-khoeun",
            "chief of the ministry's secretariat",
        ),
        ("Dara told reporters", "sok-dara", None),  # a curated actor, by the short name
    ],
)
def test_reported_speech_becomes_a_statement_with_its_speaker(draft, opening, actor_id, role):
    found = [r for r in draft[0]["statements"] if r["quote"].startswith(opening)]
    assert len(found) == 1, opening
    assert found[0]["kind"] == "reported"
    assert found[0]["actor_id"] == actor_id
    new = {a["actor_id"]: a for a in draft[0]["actors"] or []}
    assert (new[actor_id]["role"] if actor_id in new else None) == role


def test_a_figure_sentence_is_not_also_a_reported_statement(draft):
    quotes = [r["quote"] for r in draft[0]["statements"]]
    assert not any(q.startswith(("According to Chea Rithy", "Police in Kratie")) for q in quotes)


def test_the_command_line_drafts_proposals_positions_and_events_too(draft):
    """`etl suggest` drafts every kind the studio drafts: the proposal an answer key names
    is there with the article's own words, and every sentence-drawn record quotes the text."""
    records, text = draft
    article = " ".join(KRATIE.read_text(encoding="utf-8").split())
    assert {"policies", "positions", "events"} <= records.keys()
    proposals = [p["quote"] for p in records["policies"]]
    assert any(q.startswith("Chea Rithy told reporters") for q in proposals), proposals
    for kind in ("policies", "positions", "events"):
        for record in records[kind] or []:
            assert " ".join(record["quote"].split()) in article, (kind, record["quote"])
    assert "# read: 'would open'" in text  # what the draft read, beside the record
