"""A sentence that puts a measure forward is also the proposer's reported words (round twenty-six):
drafted as a statement when no speech reader gave one, once per sentence; since round thirty-one
(the keys' convention C3) a list's item is one too, and its lead-in none
(tests/test_suggest_statements_missed.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.measure_statements import measure_statements
from curation.suggest.records import Row, _judged, draft_rows

ROOT = Path(__file__).resolve().parent.parent

# Our own words, one structure each: (what, article, the sentence's opening, statements drafted
# from that sentence).
CASES = [
    (
        "a body's plan, no speech verb",
        "Clinics for Kampot\n\nKAMPOT - The provincial health department plans to open two "
        "drug-treatment clinics in Kampot next year.\n",
        "The provincial health department plans",
        1,
    ),
    (
        "a group's request in its own newsletter",
        "Outreach newsletter\n\nOur outreach workers met many families this spring.\n\nWe are "
        "asking the Ministry of Health to pay for a second nurse at each health centre.\n",
        "We are asking the Ministry of Health",
        1,
    ),
    (
        "a speech transcript's proposal",
        "Speech at the annual meeting\n\nTherefore I propose that every province open at least "
        "one treatment centre before the end of June.\n",
        "Therefore I propose",
        1,
    ),
    (
        "a speech verb already gives the statement: not twice",
        "Centres criticised\n\nSok Dara, a lawyer with the rights group Licadho, said on Monday "
        "that the government should close the compulsory centres.\n",
        "Sok Dara, a lawyer",
        1,
    ),
    (
        "a list's item under a lead-in: each item is a statement (C3)",
        "Recommendations\n\nThe coalition recommends that the government:\n\n1. Expand "
        "community-based treatment to every district.\n\n2. Release people held before trial "
        "for using drugs.\n",
        "Expand community-based treatment",
        1,
    ),
    (
        "a Khmer list's item",
        "អនុសាសន៍\n\nក្រុមការងារស្នើឲ្យ៖\n\n១. ពង្រីកសេវាព្យាបាលគ្រឿងញៀនតាមសហគមន៍ ឲ្យដល់គ្រប់ស្រុក។\n",
        "ពង្រីកសេវាព្យាបាល",
        1,
    ),
    (
        "a modal in a news report, no proposer: the article's own voice, no one's speech",
        "Centres\n\nThe government should publish every month how many people each centre holds.\n",
        "The government should publish",
        0,
    ),
    (
        "no measure put forward: nothing",
        "Arrests in Kandal\n\nPolice arrested 12 people in Kandal province last week.\n",
        "Police arrested",
        0,
    ),
]


@pytest.fixture(scope="module")
def curated() -> Any:
    return curated_lists(ROOT / "seeds")


def _drafts(article: str, curated: Any) -> list[Any]:
    _, rows = draft_rows(article, article.splitlines()[0], "t", dt.date(2024, 3, 5), curated)
    return rows


@pytest.mark.parametrize(("what", "article", "opening", "statements"), CASES,
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_sentence_putting_a_measure_forward_is_one_statement(
    what: str, article: str, opening: str, statements: int, curated: Any
) -> None:
    rows = _drafts(article, curated)
    said = [r for r in rows if r.kind == "statements" and opening in str(r.record["quote"])]
    assert len(said) == statements, what


def test_the_drafted_statement_is_reported_with_its_own_reason(curated: Any) -> None:
    """The curator sees why a sentence with no speech verb became a statement, and its id does
    not clash with the speech readers' numbering."""
    rows = _drafts(CASES[0][1], curated)
    (said,) = [r for r in rows if r.kind == "statements"]
    assert said.record["kind"] == "reported"
    assert "the words that put a measure forward" in said.why["kind"]
    assert said.record["statement_id"] == "t-statement-m1"
    assert getattr(said, "status", "open") != "offered"


def test_the_statement_takes_the_proposer_as_its_speaker() -> None:
    """A proposal whose proposer the draft found gives its statement the same speaker, whose
    side (a government actor) gives the stance when no stance word does."""
    quote = "The ministry wants a night clinic for drug users in every province."
    body = f"Title\n\n{quote}\n"
    start = body.index(quote)
    proposal = Row("policies", {"policy_id": "t-proposal-1", "proposed_by": "ministry-x",
                                "quote": quote}, start, start + len(quote),
                   notes=["speaker: The ministry = ministry-x"],
                   why={"proposed_by": "90%: speaker: The ministry = ministry-x"})  # fmt: skip
    (said,) = measure_statements([proposal], body, "t", dt.date(2024, 3, 5),
                                 {"ministry-x": "government"}, _judged)  # fmt: skip
    assert said.record["actor_id"] == "ministry-x"
    assert said.why["actor_id"].startswith("90%")
    assert said.record["stance"] == "supportive"
    assert (said.start, said.end) == (proposal.start, proposal.end)
