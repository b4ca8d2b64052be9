"""Round twenty-five (issue 23): a Khmer body of state that "will" (នឹង) act on something puts a
measure forward, what only will happen does not; a second measure told as speech ("... and
stated that the police plan to ..."); English stands referring back ("asked for the same",
"intends to support that plan", "We support that idea, but ..."). Sentences are our own words, by a non-native author:
they need native review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.khmer import khmer_measures
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # "The ministry of health will send nurses to every district's health centre."
        ("លោកបានបញ្ជាក់ថា ក្រសួងសុខាភិបាលនឹងបញ្ជូនគិលានុបដ្ឋាយិកាទៅមណ្ឌលសុខភាពគ្រប់ស្រុក។", 1),
        # "The provincial commissariat will install three new cameras at the border crossing."
        ("ស្នងការដ្ឋាននគរបាលខេត្តនឹងដំឡើងកាមេរ៉ាថ្មីបីនៅច្រកព្រំដែន។", 1),
        # "... arrested 12 people, and the district administration will open a counselling room."
        ("ប៉ូលិសបានឃាត់ខ្លួនមនុស្ស ១២នាក់ ហើយរដ្ឋបាលស្រុកនឹងបើកបន្ទប់ប្រឹក្សាមួយនៅសាលាស្រុក។", 1),
        # Controls: what will happen to the centre, not what a body will do ("will open next
        # year"); the authorities will act at once with no object; a family, not a body of state;
        # a passive ("will be checked").
        ("លោកថា មណ្ឌលថ្មីនៅខេត្តកំពត នឹងបើកនៅឆ្នាំក្រោយ។", 0),
        ("បើមានភស្តុតាង សមត្ថកិច្ចនឹងបិទភ្លាម។", 0),
        ("លោកស្រីថា គ្រួសារនឹងដាក់ពាក្យបណ្តឹងទៅតុលាការនៅខែក្រោយ។", 0),
        ("ក្រសួងបានបញ្ជាក់ថា ករណីនេះនឹងត្រូវបានពិនិត្យឡើងវិញ។", 0),
    ],
)  # fmt: skip
def test_a_body_that_will_act_puts_a_measure_forward(text: str, count: int) -> None:
    assert len([m for m in khmer_measures(text) if m.position is None]) == count


def test_a_second_plan_told_as_speech_is_a_measure_of_its_own() -> None:
    # "He asked the customs office to check every truck, and stated that the police plan to put
    # five new posts along the river."
    text = ("លោកបានស្នើឲ្យការិយាល័យគយត្រួតពិនិត្យឡានដឹកទំនិញទាំងអស់ ហើយបានបញ្ជាក់ថា "
            "នគរបាលគ្រោងនឹងដាក់ប៉ុស្តិ៍ថ្មីប្រាំនៅតាមដងទន្លេ។")  # fmt: skip
    names = [m.name for m in khmer_measures(text) if m.position is None]
    assert len(names) == 2
    assert names[1].startswith("ដាក់ប៉ុស្តិ៍ថ្មីប្រាំ")


def _measures(text: str) -> list[tuple[str, str | None, str | None]]:
    """The drafted measures: (kind, policy id of a position, its stance)."""
    _, rows = draft_rows(text, None, "t", dt.date(2021, 4, 2), CURATED)
    return [
        (r.kind, r.record["policy_id"] if r.kind == "positions" else None, r.record.get("position"))
        for r in rows
        if r.kind in ("policies", "positions")
    ]


# English stands that refer back to what the article put forward before (our own words).
ASKED = (
    "The rights group said the government should publish the number of detainees in each "
    "centre, and the courts should send first offenders to clinics instead of prison. "
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "asked for the same": a stand for each of the two measures before it.
        (ASKED + "Lawyers have asked for the same since 2019.",
         [("policies", None, None)] * 2 + [("positions", "t-proposal-1", "supports"),
                                                 ("positions", "t-proposal-1-2", "supports")]),
        # "intends to support that plan": a stand on the measure before it, not a new one.
        (ASKED + "The foundation intends to support that plan with a grant.",
         [("policies", None, None)] * 2 + [("positions", "t-proposal-1", "supports")]),
        # "We support that idea, but ...": for it, with a reservation.
        (ASKED + "We support that idea, but the courts have no clinics to send anyone to.",
         [("policies", None, None)] * 2 + [("positions", "t-proposal-1", "mixed")]),
        # Control: "asked for the same breakdown" names a thing of its own.
        (ASKED + "Donors had asked for the same breakdown for years.",
         [("policies", None, None)] * 2),
    ],
)  # fmt: skip
def test_a_stand_refers_back_to_the_measures_before_it(text: str, want: list) -> None:
    assert _measures(text) == want


@pytest.mark.parametrize(
    ("sentence", "proposer"),
    [
        # "His Excellency NAME asked the ministry of health to send more doctors ...": his.
        ("ឯកឧត្តម មាស វីរិទ្ធ បានស្នើឲ្យក្រសួងសុខាភិបាលបញ្ជូនគ្រូពេទ្យបន្ថែមទៅមណ្ឌលព្យាបាលគ្រប់ខេត្ត។", True),
        # "... stated that the authority plans to build two centres": the authority's plan, not
        # the speaker's: left blank.
        ("ឯកឧត្តម មាស វីរិទ្ធ បានបញ្ជាក់ថា អាជ្ញាធរគ្រោងនឹងសាងសង់មណ្ឌលព្យាបាលថ្មីចំនួន ២ នៅខេត្តកំពត។", False),
        # "The provincial court asked the ministry of justice ...": the court's request.
        ("សាលាដំបូងខេត្តបានស្នើសុំក្រសួងយុត្តិធម៌ ឲ្យបញ្ជូនចៅក្រមបន្ថែម។", False),
    ],
)  # fmt: skip
def test_a_khmer_proposal_is_put_forward_by_the_person_who_asks(
    sentence: str, proposer: bool
) -> None:
    body = f"ព័ត៌មានជាតិ\n\n{sentence}\n"
    _, rows = draft_rows(body, "ព័ត៌មានជាតិ", "t", dt.date(2019, 3, 5), CURATED)
    speakers = {r.record.get("actor_id") for r in rows if r.kind == "statements"} - {None}
    drafted = [r.record["proposed_by"] for r in rows if r.kind == "policies"]
    assert len(drafted) == 1
    assert drafted[0] in speakers if proposer else drafted[0] is None, (drafted, speakers)
