"""Round twenty-one (issue 23): a Khmer page under a body's letterhead (a provincial police
commissariat's report, a court's list, a department under its ministry's name) gives the figures
that name no source to that body: the curated body with that Khmer name, else a new actor named
in Khmer as printed, its name in Latin letters left to the curator. Pages are our own, the bodies
invented or curated; Khmer by a non-native author, needs native review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2023, 6, 5)
_REPORT = (
    "ក្នុងខែឧសភា ឆ្នាំ២០២៣ កម្លាំងនគរបាលបានបង្ក្រាបបទល្មើសគ្រឿងញៀនចំនួន ១៤ករណី និងឃាត់ខ្លួនជនសង្ស័យចំនួន ៣២នាក់។\n\n"
)


def _figure_actors(head: str, lines: str) -> tuple[list[str | None], dict[str, dict]]:
    _, rows = draft_rows(f"{lines}{_REPORT}", head, "t", PUBLISHED, CURATED)
    figures = [r for r in rows if r.kind == "indicators"]
    new = {d["actor_id"]: d for r in figures if (d := r.new.get("actors"))}
    return [r.record.get("actor_id") for r in figures], new


@pytest.mark.parametrize(
    ("head", "lines", "name_km", "name"),
    [
        # A commissariat's letterhead on the first line: a new body, named as printed; a
        # province's body has its one name in Latin letters too (provinces37, C6).
        ("ស្នងការដ្ឋាននគរបាលខេត្តព្រះវិហារ", "របាយការណ៍ប្រចាំខែ\n\n", "ស្នងការដ្ឋាននគរបាលខេត្តព្រះវិហារ",
         "Preah Vihear Provincial Police"),
        # A ministry, then its department: the department under it issues the page.
        ("ក្រសួងមហាផ្ទៃ", "អគ្គនាយកដ្ឋានអត្តសញ្ញាណកម្ម\nកំណត់ត្រាប្រចាំខែ\n\n",
         "អគ្គនាយកដ្ឋានអត្តសញ្ញាណកម្ម", ""),
        # Its name in Latin letters under the Khmer one, a short name after it: the Khmer name.
        ("អង្គការជំនួយយុវជនរតនៈ (YRA)", "Youth Relief Association\nសេចក្តីប្រកាសព័ត៌មាន\n\n",
         "អង្គការជំនួយយុវជនរតនៈ", ""),
    ],
)  # fmt: skip
def test_a_letterheads_body_gives_the_figures_with_no_source(head, lines, name_km, name) -> None:
    actors, new = _figure_actors(head, lines)
    assert len(set(actors)) == 1 and actors[0] in new
    assert new[actors[0]]["name_km"] == name_km and new[actors[0]]["name"] == name


def test_a_curated_body_spelt_a_little_differently_is_that_body() -> None:
    # The NACD without "នឹង" (against): the curated NACD, never a second entry for it.
    actors, new = _figure_actors("អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន - NACD", "២៦ មិថុនា · សាធារណៈ\n\n")
    assert set(actors) == {"nacd"} and new == {}


@pytest.mark.parametrize(
    ("head", "lines"),
    [
        # A headline that opens with a body's name is no letterhead.
        ("ស្នងការដ្ឋាននគរបាលខេត្តព្រះវិហារ គ្រោងបើកយុទ្ធនាការថ្មីនៅខែក្រោយ", "ព័ត៌មាន\n\n"),
        # A news outlet's name on the first line: its figures' source is not the outlet.
        ("កាសែតព័ត៌មានថ្ងៃនេះ", "ព័ត៌មានជាតិ\n\n"),
        # The Kingdom's motto line first: the body's name is further down, not read.
        ("ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ\n\n"),
    ],
)
def test_a_page_with_no_letterhead_leaves_the_source_blank(head: str, lines: str) -> None:
    actors, new = _figure_actors(head, lines)
    assert actors and set(actors) == {None} and new == {}
