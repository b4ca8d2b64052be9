"""Round thirty-six (issue 23): a Khmer measure whose verb has a curated body for its whole
subject ("the national authority plans to ...", "and the Ministry of Health will ...", "the
NACD's initials plan to ...") is that body's proposal, as the English "The NACD plans to ..."
is (tests/test_suggest_proposer.py); a bare "the authority" or "the ministry" is the body the
article names in full, and only when it names one. A person before the body, a body no curated
actor is, or a bare head with no body named leaves the proposer blank. Articles are our own
words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
NACD = "អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងនឹងគ្រឿងញៀន"  # the NACD's name, as curated
HEALTH = "ក្រសួងសុខាភិបាល"  # the Ministry of Health
# "On Monday, the NACD held its meeting to review the work of the past nine months." (a lead
# that names the body in full; its spelling without "នឹង" is the one the press often prints)
LEAD_NACD = "កាលពីថ្ងៃច័ន្ទ អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន បានបើកកិច្ចប្រជុំបូកសរុបការងារ ៩ខែ។"
# "The Ministry of Health held a meeting with the provinces' health departments on Tuesday."
LEAD_HEALTH = "ក្រសួងសុខាភិបាលបានរៀបចំកិច្ចប្រជុំជាមួយមន្ទីរសុខាភិបាលខេត្ត កាលពីថ្ងៃអង្គារ។"


def _proposers(*sentences: str) -> list[str | None]:
    """The drafted proposals' proposers, as ids (None: left blank)."""
    text = "ព័ត៌មានគ្រឿងញៀន\n\n" + "\n\n".join(sentences) + "\n"
    _, rows = draft_rows(text, "ព័ត៌មានគ្រឿងញៀន", "t", dt.date(2024, 5, 1), CURATED)
    return [r.record["proposed_by"] for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    ("sentences", "wanted"),
    [
        # "He added that the national authority plans to build a treatment centre in Pursat."
        ((LEAD_NACD, "លោកបានបន្ថែមថា អាជ្ញាធរជាតិគ្រោងនឹងសាងសង់មណ្ឌលព្យាបាលមួយនៅខេត្តពោធិ៍សាត់។"),
         "nacd"),
        # "The authority plans to train 200 peer educators next year" after the lead naming it.
        ((LEAD_NACD, "ឯកឧត្តមបានបញ្ជាក់ថា អាជ្ញាធរគ្រោងនឹងបណ្តុះបណ្តាលអ្នកអប់រំមិត្តអប់រំមិត្ត ២០០នាក់ នៅឆ្នាំក្រោយ។"),
         "nacd"),
        # "Forty people were arrested, and the NACD (initials) plans to open a youth hotline."
        (("មនុស្ស ៤០នាក់ ត្រូវបានឃាត់ខ្លួន ហើយ អ.ប.ញ គ្រោងនឹងបើកខ្សែទូរស័ព្ទជំនួយសម្រាប់យុវជន។",),
         "nacd"),
        # "The Ministry of Health will send doctors to the centres in the provinces."
        (("ក្រសួងសុខាភិបាលនឹងបញ្ជូនគ្រូពេទ្យទៅមណ្ឌលព្យាបាលនៅតាមខេត្ត។",), "ministry-of-health"),
        # "He told the radio that the ministry plans to expand treatment to health centres", the
        # ministry named in full before.
        ((LEAD_HEALTH, "លោកបានប្រាប់វិទ្យុថា ក្រសួងគ្រោងនឹងពង្រីកសេវាព្យាបាលទៅមណ្ឌលសុខភាពទាំងអស់។"),
         "ministry-of-health"),
    ],
    ids=["national authority plans", "bare authority, named before", "initials",
         "ministry will", "bare ministry, named before"],
)  # fmt: skip
def test_a_curated_body_as_the_subject_proposes(sentences: tuple[str, ...], wanted: str) -> None:
    assert _proposers(*sentences) == [wanted]


@pytest.mark.parametrize(
    "sentences",
    [
        # "The head of the NACD plans to build ...": a person, however alike the rest.
        (f"ប្រធាន{NACD} គ្រោងនឹងសាងសង់មណ្ឌលព្យាបាលមួយនៅខេត្តពោធិ៍សាត់។",),
        # "The authority plans to ..." with no body named in the article: which authority?
        ("លោកបានបន្ថែមថា អាជ្ញាធរគ្រោងនឹងសាងសង់មណ្ឌលព្យាបាលមួយនៅខេត្តពោធិ៍សាត់។",),
        # "The provincial police plan to open a post ...": a body no curated actor is.
        ("លោកបន្តថា នគរបាលខេត្តគ្រោងនឹងបើកប៉ុស្តិ៍ត្រួតពិនិត្យថ្មីនៅព្រំដែន។",),
        # "The ministry plans to ..." after a lead naming two curated ministries.
        (LEAD_HEALTH + " ក្រសួងអប់រំ យុវជន និងកីឡា ក៏បានចូលរួមដែរ។",
         "លោកថា ក្រសួងគ្រោងនឹងដាក់មេរៀនអំពីគ្រឿងញៀនក្នុងសាលារៀន។"),
    ],
    ids=["head of the body", "bare head, nothing named", "no curated body", "two ministries"],
)  # fmt: skip
def test_no_one_curated_body_leaves_it_blank(sentences: tuple[str, ...]) -> None:
    proposers = _proposers(*sentences)
    assert proposers, "the measure is drafted"
    assert proposers[-1] is None
