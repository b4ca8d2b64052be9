"""Round thirty (issue 23): on a Khmer page under a body's letterhead, a measure put forward by
the opening words of that body's name ("the hospital asks ...", "the commissariat will ...")
is that body's proposal; another body as the subject, or a page with no letterhead, leaves the
proposer blank. The pages are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.khmer_speech import speaker_key
from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
MOTTO = "ព្រះរាជាណាចក្រកម្ពុជា\nជាតិ សាសនា ព្រះមហាក្សត្រ"
HOSPITAL = "មន្ទីរពេទ្យបង្អែកខេត្តតាកែវ"  # Takeo referral hospital
COMMISSARIAT = "ស្នងការដ្ឋាននគរបាលខេត្តកំពត"  # Kampot provincial police commissariat
NOTICE = "សេចក្តីជូនដំណឹង"  # notice


def _proposers_km(text: str) -> list[str | None]:
    """The Khmer names of the drafted proposals' proposers (None: left blank)."""
    _, rows = draft_rows(text, text.splitlines()[0], "t", dt.date(2024, 5, 1), CURATED)
    known = {str(a["actor_id"]): a.get("name_km") for a in CURATED.actors}
    out: list[str | None] = []
    for r in (r for r in rows if r.kind == "policies"):
        who = r.record["proposed_by"]
        new = r.new.get("actors") or {}
        km = new.get("name_km") if new.get("actor_id") == who else known.get(str(who))
        out.append(speaker_key(str(km)) if who else None)
    return out


@pytest.mark.parametrize(
    ("page", "wanted"),
    [
        # The hospital (the letterhead's opening word) asks for more beds: the hospital proposes.
        (f"{MOTTO}\nក្រសួងសុខាភិបាល\n{HOSPITAL}\n{NOTICE}\n\n"
         "មន្ទីរពេទ្យសូមស្នើឲ្យក្រសួងសុខាភិបាលបន្ថែមគ្រែចំនួន ១០ សម្រាប់ផ្នែកព្យាបាលការញៀន។",
         HOSPITAL),
        # The commissariat will set up two checkpoints: the commissariat proposes.
        (f"{COMMISSARIAT}\n{NOTICE}\n\n"
         "ស្នងការដ្ឋាននឹងដាក់ប៉ុស្តិ៍ត្រួតពិនិត្យថ្មីចំនួន ២ នៅតាមផ្លូវជាតិលេខ៣ ចាប់ពីខែក្រោយ។",
         COMMISSARIAT),
    ],
    ids=["hospital asks", "commissariat will"],
)  # fmt: skip
def test_the_letterheads_own_body_proposes(page: str, wanted: str) -> None:
    assert _proposers_km(page) == [speaker_key(wanted)]


@pytest.mark.parametrize(
    "page",
    [
        # Under the hospital's letterhead, the ministry plans: not the hospital's proposal.
        f"{MOTTO}\nក្រសួងសុខាភិបាល\n{HOSPITAL}\n{NOTICE}\n\n"
        "ក្រសួងសុខាភិបាលគ្រោងនឹងបើកសេវាព្យាបាលការញៀននៅមន្ទីរពេទ្យបង្អែកគ្រប់ស្រុក។",
        # A news page (a headline, no letterhead): "the hospital asks" names no one body.
        "មន្ទីរពេទ្យខេត្តស្នើសុំគ្រែបន្ថែម\n\n"
        "មន្ទីរពេទ្យសូមស្នើឲ្យក្រសួងសុខាភិបាលបន្ថែមគ្រែចំនួន ១០ សម្រាប់ផ្នែកព្យាបាលការញៀន។",
    ],
    ids=["another body", "no letterhead"],
)
def test_another_subject_or_no_letterhead_leaves_it_blank(page: str) -> None:
    proposers = _proposers_km(page)
    assert proposers, "the measure is drafted"
    assert speaker_key(HOSPITAL) not in proposers


def _proposers(text: str) -> list[str | None]:
    """The drafted proposals' proposers, as ids (None: left blank)."""
    _, rows = draft_rows(text, text.splitlines()[0], "t", dt.date(2021, 3, 1), CURATED)
    return [r.record["proposed_by"] for r in rows if r.kind == "policies"]


RELEASE = "MINISTRY OF INTERIOR\nPRESS RELEASE\nPhnom Penh, 2 March 2021\n\n"
NEWS = "Drug news\n\n"


@pytest.mark.parametrize(
    ("page", "wanted"),
    [
        # The release's own voice puts the measure forward: its letterhead's body proposes.
        (RELEASE + "The Ministry proposes that provincial courts hold weekly sessions for drug "
         "cases.", "ministry-of-interior"),
        (RELEASE + "We call on the provinces to open a counselling room at every health centre.",
         "ministry-of-interior"),
        # A news page has no letterhead: "we" is no one the draft can name.
        (NEWS + "We call on the provinces to open a counselling room at every health centre.",
         None),
    ],
    ids=["release, the Ministry", "release, we", "news page, we"],
)  # fmt: skip
def test_a_releases_own_voice_proposes(page: str, wanted: str | None) -> None:
    assert _proposers(page) == [wanted]
