"""Round thirty-seven (issue 23): a Khmer measure that grows a service with "ពង្រីក" (expand) and
holds all the rest of a curated name that grows it, but the name's scope ("ទូទាំងប្រទេស",
nationwide) and "ផ្អែក" ("based" on the community), is a position on that proposal, as the
English "extend community-based treatment to every health centre" is (round twenty-three's
_holds_but_verb). A measure that grows something else, or names the service with no growth
verb, or grows it by a count ("to 60 more health centres": a plan of its own), stays a new
proposal. Sentences are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


def _drafted(sentence: str) -> list[tuple[str, str | None]]:
    """(kind, the curated proposal of a position) of each measure drafted."""
    text = "ព័ត៌មានគ្រឿងញៀន\n\n" + sentence + "\n"
    _, rows = draft_rows(text, "ព័ត៌មានគ្រឿងញៀន", "t", dt.date(2024, 5, 1), CURATED)
    return [(r.kind, r.record.get("policy_id") if r.kind == "positions" else None)
            for r in rows if r.kind in ("positions", "policies")]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        # "He proposed that the Ministry of Health expand community treatment to every district."
        "លោកស្នើឲ្យក្រសួងសុខាភិបាលពង្រីកការព្យាបាលតាមសហគមន៍ទៅគ្រប់ស្រុក។",
        # The same with zero-width spaces between the words, as web pages print them.
        "លោក\u200bស្នើ\u200bឲ្យ\u200bអាជ្ញាធរ\u200bឃុំ\u200bពង្រីក\u200bការព្យាបាល\u200bតាម\u200bសហគមន៍។",
    ],
    ids=["to every district", "zero-width spaces"],
)
def test_growing_the_curated_service_is_a_position_on_it(sentence: str) -> None:
    assert _drafted(sentence) == [("positions", "expand-community-treatment")]


@pytest.mark.parametrize(
    "sentence",
    [
        # "He proposed that the province expand the health centre in Pursat" (grows another thing)
        "លោកស្នើឲ្យខេត្តពង្រីកមណ្ឌលសុខភាពនៅពោធិ៍សាត់។",
        # "... expand community treatment to 60 more health centres": a counted plan of its own
        "លោកស្នើឲ្យក្រសួងសុខាភិបាលពង្រីកការព្យាបាលតាមសហគមន៍ទៅមណ្ឌលសុខភាព ៦០ កន្លែងបន្ថែមទៀត។",
        # "He proposed sending users to treatment in the community" (no growth verb)
        "លោកស្នើឲ្យអាជ្ញាធរបញ្ជូនអ្នកញៀនទៅព្យាបាលតាមសហគមន៍។",
    ],
    ids=["grows another thing", "a counted plan", "no growth verb"],
)
def test_other_measures_stay_new(sentence: str) -> None:
    drafted = _drafted(sentence)
    assert drafted, "the measure is drafted"
    assert ("positions", "expand-community-treatment") not in drafted
