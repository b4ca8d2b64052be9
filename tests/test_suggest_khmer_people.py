"""Round twenty (issue 23): a Khmer article's speaker the curated actors lack is drafted as a new
actor named in Khmer exactly as printed, its name in Latin letters left blank for the curator
(never romanised by the draft). Sentences are our own, the names invented; Khmer by a non-native
author, needs native review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2024, 3, 12)


def _statements(text: str) -> list[Row]:
    _, rows = draft_rows(text, "ព័ត៌មាន", "t", PUBLISHED, CURATED)
    return [r for r in rows if r.kind == "statements"]


def _new(rows: list[Row]) -> dict[str, dict]:
    return {d["actor_id"]: d for r in rows if (d := r.new.get("actors"))}


@pytest.mark.parametrize(
    ("text", "name_km"),
    [
        # A title, a name, a role, a verb of speech: the name as printed, title and role off.
        ("លោក ស៊ាន វណ្ណី អ្នកនាំពាក្យមន្ទីរពេទ្យខេត្ត បានប្រាប់ថា «យើងត្រូវការគ្រែបន្ថែម»។",
         "ស៊ាន វណ្ណី"),
        # Another title (a woman, a doctor), reported speech.
        ("លោកស្រី ឡឹម ចន្ថា បានឲ្យដឹងថា មណ្ឌលសុខភាពត្រូវការគិលានុបដ្ឋាកបន្ថែម។", "ឡឹម ចន្ថា"),
        ("លោកវេជ្ជបណ្ឌិត កែវ រតនា បានថ្លែងថា «អ្នកជំងឺភាគច្រើនមកយឺតពេក»។", "កែវ រតនា"),
        # A deputy of a curated person's office (deputy secretary-general) is not that person.
        ("ឯកឧត្តម គង់ សុផល អគ្គលេខាធិការរងនៃអាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន បានថ្លែងថា "
         "«យើងនឹងបន្ត»។", "គង់ សុផល"),
    ],
)  # fmt: skip
def test_a_person_new_to_the_codebook_is_drafted_named_in_khmer(text: str, name_km: str) -> None:
    (row,) = _statements(text)
    actor = row.new["actors"]
    assert row.record["actor_id"] == actor["actor_id"]
    assert actor["name_km"] == name_km and actor["name"] == "" and actor["kind"] == "person"
    assert "its name in Latin letters left to the curator" in row.why["actor_id"]


def test_the_given_name_alone_and_the_title_alone_are_the_person_named_before() -> None:
    text = (
        "លោក ស៊ាន វណ្ណី បានប្រាប់ថា «យើងត្រូវការគ្រែបន្ថែម»។\n\n"
        "លោក វណ្ណី បានបន្តថា «អ្នកជំងឺកើនឡើងរៀងរាល់ខែ»។\n\nលោកបានបន្ថែមថា ក្រសួងគួរជួយ។"
    )
    rows = _statements(text)
    assert len(rows) == 3 and len({r.record["actor_id"] for r in rows}) == 1
    assert [d["name_km"] for d in _new(rows).values()] == ["ស៊ាន វណ្ណី"]


def test_the_same_printed_name_is_one_new_actor_in_every_article() -> None:
    one = _statements("លោក ស៊ាន វណ្ណី បានប្រាប់ថា «យើងត្រូវការគ្រែបន្ថែម»។")
    two = _statements("ទីក្រុងភ្នំពេញ៖ លោក ស៊ាន វណ្ណី បានឲ្យដឹងថា ការព្យាបាលកំពុងរីកចម្រើន។")
    assert one[0].record["actor_id"] == two[0].record["actor_id"]
    assert str(one[0].record["actor_id"]).startswith("person-km-")


@pytest.mark.parametrize(
    "text",
    [
        # A title and a role, no name ("the deputy governor proposed"): no new person.
        "លោក​អភិបាលរង​បាន​ស្នើ​ឲ្យ​បង្កើន​ការ​ល្បាត។",
        # An unnamed source who asked not to be named: unnamed, never a new person.
        "មន្ត្រីម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ បានប្រាប់ថា «គុកពេញហើយ»។",
        # A body speaks in its own name: no person.
        "ក្រសួងសុខាភិបាល បានអំពាវនាវដល់មាតាបិតាឲ្យតាមដានកូន។",
    ],
)
def test_a_role_an_unnamed_source_or_a_body_is_no_new_person(text: str) -> None:
    assert _new(_statements(text)) == {}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # A curated Khmer name, with zero-width spaces and a title before it.
        ("ឯកឧត្តម\u200bម៉ក់ ជីតូ បាន\u200bថ្លែង\u200bថា «យើង\u200bនឹង\u200bបន្ត»។", "mok-chito"),
        # A curated person the codebook has no Khmer name for, named beside the curated role
        # and body (secretary-general of the NACD): that person, never a new actor.
        ("ឯកឧត្តម គង់ សុផល អគ្គលេខាធិការនៃអាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន បានថ្លែងថា "
         "«យើងនឹងបន្ត»។", "meas-vyrith"),
    ],
)  # fmt: skip
def test_a_curated_person_is_never_drafted_as_a_new_one(text: str, actor: str) -> None:
    (row,) = _statements(text)
    assert row.record["actor_id"] == actor and not row.new.get("actors")
