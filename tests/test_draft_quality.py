"""The drafting bench's scoring of proposals and positions: each by the fields a curator checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.draft_quality import Score, same_measure, score_article
from curation.suggest.guess import curated_lists

ROOT = Path(__file__).resolve().parent.parent

# Our own words: a rights worker against a curated proposal, a minister putting a new one forward.
ARTICLE = """Rights group backs away from white villages

PHNOM PENH - Am Sam Ath, monitoring director at Licadho, said on Monday that he opposed the white villages plan.

Interior Minister Sar Kheng proposed that every province open a night clinic for drug users, he said.
"""
POSITION = {"opening": "Am Sam Ath, monitoring director", "proposal": "white-villages"}
PROPOSAL = {"opening": "Interior Minister Sar Kheng proposed", "proposal": "night-clinics", "new": True,
            "name": "A night clinic for drug users in every province (Sar Kheng, March 2019)"}  # fmt: skip


@pytest.fixture(scope="module")
def curated() -> Any:
    return curated_lists(ROOT / "seeds")


def _score(tmp_path: Path, curated: Any, key: dict[str, Any]) -> tuple[int, int, Score]:
    """The fields the key's proposals and positions hold and those a curator changes (a drafted
    record the key lacks, counted apart, left out)."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.expected.yaml").write_text(
        yaml.safe_dump({"published": "2019-03-05", **key}), encoding="utf-8"
    )
    s = Score()
    changed, _, fields = score_article(tmp_path / "a.txt", tmp_path / "a.expected.yaml", curated, s)
    rejected = s.changes.get("a drafted record not in the key (rejected)", 0)
    return changed - rejected, fields - rejected, s


@pytest.mark.parametrize(
    "position, changed, fields",
    [
        ({"actor": "am-sam-ath", "position": "opposes"}, 0, 3),  # all right: nothing to write
        ({"actor": "am-sam-ath", "position": "supports"}, 1, 3),  # the stance
        ({"actor": "ke-kim-yan", "position": "opposes"}, 1, 3),  # the actor
        ({"actor": "ke-kim-yan", "position": "mixed"}, 2, 3),
        ({"actor": "am-sam-ath"}, 0, 2),  # a key without a stance does not score one
    ],
)
def test_a_found_position_is_scored_by_its_actor_and_stance_not_a_name(
    tmp_path: Path, curated: Any, position: dict, changed: int, fields: int
) -> None:
    """A position has no name or description to write: before round twenty-five the bench
    charged it two changed fields of seven whatever the draft got right or wrong."""
    got = _score(tmp_path, curated, {"positions": [{**POSITION, **position}]})
    assert got[:2] == (changed, fields)


@pytest.mark.parametrize(
    "actor, changed",
    [("sar-kheng", 2), ("hun-sen", 3), (None, 2)],  # None: the key names no proposer
)
def test_a_found_new_proposal_is_also_checked_for_its_proposer(
    tmp_path: Path, curated: Any, actor: str | None, changed: int
) -> None:
    """Its name and description are still written (2 of 7); a wrong proposer is a third."""
    entry = {**PROPOSAL, **({"actor": actor} if actor else {})}
    got, fields, s = _score(tmp_path, curated, {"proposals": [entry]})
    assert (got, fields) == (changed, 7)
    assert s.n.get("proposal proposer right", [0, 0]) == (
        [int(changed == 2), 1] if actor else [0, 0]
    )


@pytest.mark.parametrize(
    "key, fields",
    [
        ({"positions": [{**POSITION, "opening": "Nobody said this", "actor": "x", "position": "supports"}]}, 3),
        ({"proposals": [{**PROPOSAL, "opening": "Nobody proposed this", "actor": "sar-kheng"}]}, 7),
    ],
)  # fmt: skip
def test_a_missed_entry_charges_every_field_of_its_own_kind(
    tmp_path: Path, curated: Any, key: dict, fields: int
) -> None:
    assert _score(tmp_path, curated, key)[:2] == (fields, fields)


@pytest.mark.parametrize(
    "drafted, key, same",
    [
        # Our own words: the article's verb phrase against a curator's noun phrase and brackets.
        ("Build a treatment centre in every district",
         "A drug treatment centre in every district (a provincial lawmaker, 2019)", True),
        ("Every province open a night clinic for drug users",
         "A night clinic for drug users in every province (Sar Kheng, March 2019)", True),
        ("Open two more border offices", "Extra budget for drug testing kits (2023)", False),
        ("Open a clinic", "A night clinic for drug users in every province", False),  # too little
        ("បើកមណ្ឌលព្យាបាលថ្មី", "A new treatment centre (2024)", False),  # Khmer words, English name
        ("Open a clinic", "", False),  # a key with no name: nothing to keep
        (None, "A night clinic (2019)", False),
    ],
)  # fmt: skip
def test_a_drafted_name_says_the_keys_measure_when_it_holds_its_content_words(
    drafted: str | None, key: str, same: bool
) -> None:
    """The second count of round twenty-six: a name a curator could keep, in other words."""
    assert same_measure(drafted, key) is same


def test_a_name_saying_the_measure_is_counted_apart_not_in_the_totals(
    tmp_path: Path, curated: Any
) -> None:
    """The drafted name "every province open a night clinic for drug users" says the key's
    measure: counted on its own line, while the name is still one of the fields changed."""
    got, fields, s = _score(tmp_path, curated, {"proposals": [{**PROPOSAL, "actor": "sar-kheng"}]})
    assert (got, fields) == (2, 7)
    assert s.n["proposal name says the key's measure"] == [1, 1]
    assert s.kept_names == 1


# Our own words: a dated count, then a share with a span of its own, whose period is offered.
SHARE = """Centre report

The centre treated 800 people in the first half of 2023, its director said. About a third of those who enrol stop coming within three months.
"""


@pytest.mark.parametrize(
    "as_of, changed",
    [
        (None, 2),  # a key writing no as_of: the period's two ends, each one click
        ("2023-06-30", 3),  # a stock's day asked too: three
    ],
)
def test_a_blank_as_of_beside_a_key_writing_none_is_no_change(
    tmp_path: Path, curated: Any, as_of: str | None, changed: int
) -> None:
    (tmp_path / "a.txt").write_text(SHARE, encoding="utf-8")
    third = {"words": "a third", "value": 33.33, "period_start": "2023-01-01",
             "period_end": "2023-06-30", "as_of": as_of}  # fmt: skip
    key = {"published": "2023-07-20", "figures": [third]}
    (tmp_path / "a.expected.yaml").write_text(yaml.safe_dump(key), encoding="utf-8")
    s = Score()
    score_article(tmp_path / "a.txt", tmp_path / "a.expected.yaml", curated, s)
    assert s.changes.get("figure date (blank, offered right)", 0) == changed
