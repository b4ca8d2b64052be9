"""Round thirty-five (issue 23): a figure whose sentence names the document it comes from and
the body that issued it ("citing a report of ...", "a report from ... showed", "according to
...'s annual report") is that body's, curated or new, where the speaker reader left it blank
(the phrase's speaker an outlet, or none). An outlet or a person named after "citing", or two
owners in one sentence, is not read so. The Khmer form ("យោងតាមរបាយការណ៍របស់ <body>", according
to the report of) was read before this round (letterhead.according_to). Sentences our own;
bodies invented but for a curated one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.document_owner import document_owners
from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2023, 6, 5)


def _actors(sentence: str) -> list[str | None]:
    """The actor of each figure drafted from one sentence under a plain heading."""
    text = f"Weekly news\n\n{sentence}\n"
    _, rows = draft_rows(text, "Weekly news", "t", PUBLISHED, CURATED)
    return [r.record.get("actor_id") for r in rows if r.kind == "indicators"]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # A wire relays an agency that cites the curated authority's report: the authority.
        ("Police detained 9,412 drug suspects in the first half of 2022, the state news agency "
         "reported on Friday, citing a report of the National Authority for Combating Drugs.",
         "nacd"),
        # "a report from <a new body> showed": that body, drafted by its name; a province's
        # police under its one id (provinces37, convention C6).
        ("Authorities arrested 3,107 people in 1,420 drug cases in the first quarter, a report "
         "from the Mondulkiri Provincial Police Commissariat showed on Monday.",
         "mondulkiri-provincial-police"),
        ("Authorities arrested 3,107 people in 1,420 drug cases in the first quarter, a report "
         "from the Koh Kong Youth Health Network showed on Monday.",
         "koh-kong-youth-health-network"),
        # A board's figures, the body's name after "on the": the body.
        ("Figures on the NACD's display board at the gate: 20,110 people arrested in 2022.", "nacd"),
    ],
)  # fmt: skip
def test_the_body_that_issued_the_document_gives_its_figures(sentence, actor) -> None:
    got = _actors(sentence)
    assert got and set(got) == {actor}


@pytest.mark.parametrize(
    "sentence",
    [
        # An outlet after "citing": no body.
        "Arrests reached 812 in May, the newspaper reported, citing Kampuchea Thmey.",
        # A person after "citing": not a document's owner.
        "Arrests reached 812 in May, the newspaper reported, citing Chan Dara.",
    ],
)  # fmt: skip
def test_no_body_named_as_the_documents_owner_leaves_it_blank(sentence) -> None:
    assert _actors(sentence) == [None]


def test_two_owners_in_one_sentence_name_none() -> None:
    sentence = "citing the Kampot Provincial Police's report and the Takeo Provincial Police's data"
    assert document_owners(sentence) == []
