"""Round thirty-six (issue 23): a page that is no press release (a newsletter, an annual report,
an event or fundraising page) names its owner on its first lines, and the page's own "We ask
..." is that organisation's proposal (the keys' C5), as under a release's letterhead. A page
whose first lines name no owner, a capitals line that is itself a kind of document ("JOINT
STATEMENT"), a newspaper's masthead and a quoted person's "we" leave the proposer blank.
Pages are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.proposer import page_owner
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
ASK = "We are asking the Ministry of Health to pay for a counsellor at every district clinic."


def _proposers(text: str) -> list[str | None]:
    _, rows = draft_rows(text, text.splitlines()[0], "t", dt.date(2022, 3, 1), CURATED)
    return [r.record["proposed_by"] for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    ("page", "owner"),
    [
        (f"RIVER LIGHT CAMBODIA - Quarterly Newsletter\nIssue 3 | May 2022\n\n{ASK}\n",
         "river-light-cambodia"),
        (f"RIVER LIGHT CAMBODIA\nAnnual Report 2021\n\nFOREWORD\n\n{ASK}\n",
         "river-light-cambodia"),
        (f"Walk for Recovery 2022\nHosted by Mekong Youth Outreach\nHome > Events\n\n{ASK}\n",
         "mekong-youth-outreach"),
        ("GiveNow\nHome > Health\nHelp us open a second dormitory\n"
         f"Organised by Safe Harbour House, Kampot, Cambodia · Created 2 March 2022\n\n{ASK}\n",
         "safe-harbour-house"),
    ],
    ids=["newsletter masthead", "annual report masthead", "hosted by", "organised by"],
)  # fmt: skip
def test_the_pages_owner_proposes_its_we(page: str, owner: str) -> None:
    assert _proposers(page) == [owner]


@pytest.mark.parametrize(
    "page",
    [
        # A capitals line that is a kind of document names no one.
        f"JOINT STATEMENT\n\nRights groups call for treatment, not cells\n\n{ASK}\n",
        # A newspaper's masthead is followed by a headline, not a kind of document.
        f"MEKONG DAILY NEWS\nCharity asks for more counsellors\n\n{ASK}\n",
        # No owner named on the first lines.
        f"Counsellors wanted\n\nPhnom Penh, 2 March 2022\n\n{ASK}\n",
        # A quoted person's "we" is that person's, never the page's.
        "RIVER LIGHT CAMBODIA - Quarterly Newsletter\n\n"
        '"We are asking the Ministry of Health to pay for a counsellor at every district '
        'clinic," one nurse said.\n',
    ],
    ids=["joint statement", "newspaper masthead", "no owner", "quoted we"],
)
def test_no_owner_named_leaves_it_blank(page: str) -> None:
    proposers = _proposers(page)
    assert proposers, "the measure is drafted"
    assert proposers == [None] * len(proposers)


@pytest.mark.parametrize(
    ("first_lines", "owner"),
    [
        ("RIVER LIGHT CAMBODIA - Quarterly Newsletter", "River Light Cambodia"),
        ("HOPE FOR FAMILIES\nAnnual report 2020", "Hope for Families"),
        ("Fun run\nRun by Kampot Youth Network | Home", "Kampot Youth Network"),
        ("JOINT STATEMENT\nRights groups", None),
        # A capitals line that is itself a kind of document, however the next words read.
        ("ANNUAL REPORT - Summary report for partners", None),
        ("THE MORNING POST\nPolice seize 10 kg", None),
    ],
)
def test_page_owner_reads_the_first_lines(first_lines: str, owner: str | None) -> None:
    assert page_owner(first_lines) == owner
