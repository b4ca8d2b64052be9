"""Round twenty-eight (issue 23): two ways a Khmer statement's speaker is read. A body named by
its head noun alone ("ក្រសួង", the ministry; "ស្នងការដ្ឋានក៏", the commissariat also) on a page
under that body's letterhead is the page's own body; a name typed with its role right after it
and only an invisible (zero-width) space between is the name alone. Articles are our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
ZW = "\u200b"  # a zero-width space, as Khmer typists put between words


def _statements(text: str) -> list:
    title = text.strip().splitlines()[0]
    _, rows = draft_rows(text, title, "t", dt.date(2024, 5, 2), CURATED)
    return [r for r in rows if r.kind == "statements"]


_MINISTRY = "ក្រសួងសុខាភិបាល\nសេចក្តីជូនដំណឹង ស្តីពីការព្យាបាលតាមសហគមន៍\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        # The ministry appeals to parents ...
        "ក្រសួងសូមអំពាវនាវដល់មាតាបិតា ឲ្យនាំកូនដែលប្រើគ្រឿងញៀន ទៅមណ្ឌលសុខភាពនៅជិតផ្ទះ។",
        # The ministry also asks the provinces ... (a particle after the head noun)
        "ក្រសួងក៏សូមស្នើឲ្យរដ្ឋបាលខេត្តទាំងអស់ ជួយផ្សព្វផ្សាយសេវាព្យាបាលនេះដល់ប្រជាពលរដ្ឋ។",
    ],
)
def test_a_head_noun_alone_under_its_letterhead_is_the_pages_body(sentence: str) -> None:
    said = _statements(_MINISTRY + sentence + "\n")
    assert [r.record["actor_id"] for r in said] == ["ministry-of-health"]
    assert "the page's own body" in said[0].why["actor_id"]


@pytest.mark.parametrize(
    "text",
    [
        # No letterhead: the same sentence in a news story names no one body.
        "ព័ត៌មានសង្គម\nភ្នំពេញ៖ ថ្ងៃនេះ\n\n"
        "ក្រសួងសូមអំពាវនាវដល់មាតាបិតា ឲ្យនាំកូនដែលប្រើគ្រឿងញៀន ទៅមណ្ឌលសុខភាពនៅជិតផ្ទះ។\n",
        # A head noun the letterhead does not open with (an organisation under a ministry).
        _MINISTRY + "អង្គការសូមអំពាវនាវដល់មាតាបិតា ឲ្យនាំកូនដែលប្រើគ្រឿងញៀន ទៅមណ្ឌលសុខភាពនៅជិតផ្ទះ។\n",
    ],
)
def test_no_letterhead_or_another_head_noun_names_no_body(text: str) -> None:
    said = _statements(text)
    assert said, "the appeal is still a statement"
    assert [r.record["actor_id"] for r in said] == [None]


def test_a_new_body_under_its_letterhead_is_drafted_as_that_body() -> None:
    """An organisation the curated actors lack: a new actor named in Khmer as the letterhead
    prints it. Round thirty-four: its class, never measured on unseen articles, is filled by its
    training record (19 of 19 on 12 sets, corpus/confidence.yaml speaker.training); it was left
    blank before."""
    text = (
        "អង្គការជំនួយសុខភាពយុវជន\nសេចក្តីប្រកាសព័ត៌មាន\n\n"
        "អង្គការសូមអំពាវនាវដល់អាជ្ញាធរ ឲ្យបញ្ជូនអ្នកប្រើប្រាស់ទៅព្យាបាល ជំនួសឲ្យការឃុំខ្លួន។\n"
    )
    said = _statements(text)
    drafted = said[0].new.get("actors") or {}
    assert [r.record["actor_id"] for r in said] == [drafted.get("actor_id")]
    assert drafted.get("name_km") == "អង្គការជំនួយសុខភាពយុវជន"
    assert "អង្គការជំនួយសុខភាពយុវជន" in said[0].why["actor_id"]


@pytest.mark.parametrize(
    ("who", "wanted"),
    [
        # A doctor's name, then his role glued on after an invisible space.
        (f"លោកវេជ្ជបណ្ឌិត ស៊ុន ដារ៉ា{ZW}ប្រធានផ្នែកព្យាបាលការញៀននៃមន្ទីរពេទ្យខេត្ត", "ស៊ុន ដារ៉ា"),
        (f"លោកស្រី កែវ សុភា{ZW}អនុប្រធានមន្ទីរសុខាភិបាលខេត្ត", "កែវ សុភា"),
        # Control: an invisible space inside the given name itself keeps the name whole.
        (f"លោក ហេង សុវណ្ណ{ZW}ឌី", "ហេង សុវណ្ណឌី"),
    ],
)  # fmt: skip
def test_a_name_ends_where_an_invisible_space_starts_its_role(who: str, wanted: str) -> None:
    text = (
        "ព័ត៌មានសុខភាព\nបាត់ដំបង៖ ថ្ងៃនេះ\n\n"
        f"{who} បានមានប្រសាសន៍ថា «អ្នកប្រើគ្រឿងញៀនត្រូវការគ្រូពេទ្យ មិនមែនបន្ទប់ឃុំទេ»។\n"
    )
    said = _statements(text)
    assert len(said) == 1
    drafted = said[0].new.get("actors") or {}
    assert drafted.get("name_km", "").replace(ZW, "") == wanted
