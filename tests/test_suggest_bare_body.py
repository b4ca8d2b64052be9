"""Round thirty-seven (issue 23): "X said the ministry plans to ...", "the government would build
...": a body named by its bare head proposes the measure when the article names exactly one
curated body with that head in full; a second body of that head named in the article (or its
minister), "the authority" (the keys give the official as often as the body), and a clause of
its own subject ("and that every hospital should ...") keep the speaker's guess. The Khmer form
is round thirty-six's khmer_body_proposer (tests/test_suggest_khmer_proposer.py). Articles are our own
words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
HEALTH = "The Ministry of Health opened a clinic in Kratie last month.\n\n"


def _proposers(text: str) -> list[str | None]:
    _, rows = draft_rows(text, "Clinics", "t", dt.date(2022, 3, 1), CURATED)
    return [r.record["proposed_by"] for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    ("article", "body"),
    [
        (HEALTH + "Sok Dara, a health official in Kratie, said the ministry plans to open "
         "three more clinics in the province next year.\n", "ministry-of-health"),
        (HEALTH + "Sok Dara said the ministry also planned to train forty more nurses.\n",
         "ministry-of-health"),
        # "the Health Ministry" is the Ministry of Health turned round.
        ("A Health Ministry official, who asked not to be named, said the ministry planned to "
         "open four more methadone sites next year.\n", "ministry-of-health"),
        ("Chan Rith, a spokesman, said the government would build a new treatment centre in "
         "Kampot next year.\n", "government-of-cambodia"),
        ("Chan Rith said on Monday that the government will open two more clinics in Takeo.\n",
         "government-of-cambodia"),
    ],
    ids=["ministry plans", "ministry also planned", "health ministry", "government would build",
         "government will open"],
)  # fmt: skip
def test_the_bare_body_proposes(article: str, body: str) -> None:
    assert _proposers(article)[:1] == [body]


@pytest.mark.parametrize(
    "article",
    [
        # Two ministries named: which one "the ministry" is, is the speaker's to say.
        HEALTH + "The Ministry of Interior runs the prisons. Sok Dara said the ministry plans to "
        "open three more clinics in the province next year.\n",
        # "the Interior Ministry" is another ministry of that head, turned round.
        HEALTH + "The Interior Ministry runs the prisons. Sok Dara said the ministry plans to "
        "open three more clinics in the province next year.\n",
        # A minister of another ministry: "the ministry" is likely his.
        HEALTH + "Interior Minister Chan Rith said the ministry plans to build two new prisons "
        "by 2024.\n",
        # No curated body of that head named in the article.
        "Sok Dara, a provincial official, said the ministry plans to open three more clinics "
        "next year.\n",
        # "the authority": the keys give the official as often as the body.
        "The National Authority for Combating Drugs met on Monday. Its secretary-general, Chan "
        "Rith, said the authority plans to open two more centres next year.\n",
    ],
    ids=[
        "two ministries",
        "interior ministry",
        "another ministry's minister",
        "none named",
        "the authority",
    ],
)
def test_the_speakers_guess_stands(article: str) -> None:
    proposers = _proposers(article)
    assert proposers, "the measure is drafted"
    assert not {"ministry-of-health", "nacd"} & set(proposers)


def test_a_clause_of_its_own_subject_is_not_the_bodys() -> None:
    article = ("Chan Rith said the government would open a national centre in Kampot in 2023 "
               "and that every provincial hospital should set up a drug ward.\n")  # fmt: skip
    proposers = _proposers(article)
    assert len(proposers) == 2
    assert proposers[0] == "government-of-cambodia"
    assert proposers[1] != "government-of-cambodia"
