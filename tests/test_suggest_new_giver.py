"""Round thirty-eight (draft38b, issue 23): a figure's giver the page names as a province's body
that no actor is curated for is drafted as that body's one new actor (convention C6: its name and
id from corpus/province_bodies.yaml and corpus/places.yaml), flagged in the reason as a new actor;
a district's body, whose id no convention fixes, stays blank. Khmer: "according to <body>" and
"<body> announced that ..."; English: "Provincial police said ... in <province>", "<Province>'s
provincial health department says". Sentences are our own; places are real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.body_names import new_body_id
from corpus.province_bodies import province_body
from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2023, 6, 5)


def _figures(text: str) -> dict[float, Row]:
    _, rows = draft_rows(text, text.splitlines()[0], "t", PUBLISHED, CURATED)
    return {r.record["value"]: r for r in rows if r.kind == "indicators"}


def _one_id(printed: str) -> str:
    """The id the keys write for a province's body printed so (C6), read from the data."""
    one = province_body(printed)
    assert one is not None, printed
    return new_body_id(one)


@pytest.mark.parametrize(
    ("text", "value", "body"),
    [
        # According to the report of the Kampot police commissariat, in May 27 people were held.
        ("ព័ត៌មាន\n\nយោងតាមរបាយការណ៍របស់ស្នងការដ្ឋាននគរបាលខេត្តកំពត ក្នុងខែឧសភា ឆ្នាំ២០២៣ "
         "ជនសង្ស័យចំនួន ២៧នាក់ ត្រូវបានឃាត់ខ្លួន។\n", 27, "ស្នងការដ្ឋាននគរបាលខេត្តកំពត"),
        # In May 14 health centres gave treatment, this according to the Takeo health department.
        ("ព័ត៌មាន\n\nក្នុងខែឧសភា ឆ្នាំ២០២៣ មណ្ឌលសុខភាពចំនួន ១៤កន្លែង បានផ្តល់សេវាព្យាបាល "
         "នេះបើតាមមន្ទីរសុខាភិបាលខេត្តតាកែវ។\n", 14, "មន្ទីរសុខាភិបាលខេត្តតាកែវ"),
        # The Kratie police commissariat announced on Monday that in May officers held 32 people.
        ("ព័ត៌មាន\n\nស្នងការដ្ឋាននគរបាលខេត្តក្រចេះ បានប្រកាសកាលពីថ្ងៃចន្ទថា ក្នុងខែឧសភា "
         "ឆ្នាំ២០២៣ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យចំនួន ៣២នាក់។\n", 32,
         "ស្នងការដ្ឋាននគរបាលខេត្តក្រចេះ"),
    ],
)  # fmt: skip
def test_a_khmer_figure_given_by_a_provinces_body_is_its_new_actor(
    text: str, value: float, body: str
) -> None:
    row = _figures(text)[value]
    assert row.record["actor_id"] == _one_id(body)
    new = row.new.get("actors") or {}
    assert new.get("name") == province_body(body) and new.get("name_km") == body
    assert "a new actor" in row.why["actor_id"]  # flagged for the curator's review


@pytest.mark.parametrize(
    ("text", "value", "body"),
    [
        ("Arrests\n\nProvincial police said they arrested 1,034 people on drug charges in Kampong "
         "Speu between January and September.\n", 1034, "Kampong Speu provincial police"),
        ("Clinics\n\nKampot's provincial health department says 176 people started outpatient "
         "treatment last year.\n", 176, "Kampot provincial health department"),
        # The body as the subject of a verb of counting, no one quoted.
        ("Arrests\n\nKandal provincial police reported arresting 1,377 people in drug cases in "
         "2022.\n", 1377, "Kandal provincial police"),
        ("Arrests\n\nProvincial police recorded 642 drug arrests in Pursat in the first eight "
         "months of 2019.\n", 642, "Pursat provincial police"),
    ],
)  # fmt: skip
def test_an_english_figure_given_by_a_provinces_body_is_its_new_actor(
    text: str, value: float, body: str
) -> None:
    row = _figures(text)[value]
    assert row.record["actor_id"] == _one_id(body)
    # The new actor is drafted with the row (saved with it), under its one name.
    assert (row.new.get("actors") or {}).get("name") == province_body(body)
    assert "a new actor" in row.why["actor_id"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A district's police inspectorate: no convention fixes its id, so the giver stays blank.
        ("ព័ត៌មាន\n\nយោងតាមរបាយការណ៍របស់អធិការដ្ឋាននគរបាលស្រុកថ្មគោល ក្នុងខែឧសភា ឆ្នាំ២០២៣ "
         "ជនសង្ស័យចំនួន ២៧នាក់ ត្រូវបានឃាត់ខ្លួន។\n", 27),
        # The next sentence names no source ("since the start of this year, at least 5 more"):
        # the body is not carried to it as though "this year" referred back.
        ("ព័ត៌មាន\n\nយោងតាមរបាយការណ៍របស់ស្នងការដ្ឋាននគរបាលខេត្តកំពត ក្នុងឆ្នាំ២០២២ "
         "សិស្សចំនួន ៣៨នាក់ ត្រូវបានឃាត់ខ្លួន។ ចាប់តាំងពីដើមឆ្នាំនេះមក សិស្សយ៉ាងហោចណាស់ "
         "៥នាក់ទៀត ត្រូវបានឃាត់ខ្លួន។\n", 5),
        # Two provinces in the sentence: whose police is not said.
        ("Arrests\n\nProvincial police said they arrested 52 people in Kampot and Takeo this "
         "year.\n", 52),
        # Who made the arrests is not said to be who counted them ("arrested", not "recorded").
        ("Arrests\n\nKampot provincial police arrested 214 drug suspects in the first three "
         "months of this year.\n", 214),
        # The provincial police chief is a person, not the police.
        ("Arrests\n\nThe provincial police chief said officers arrested 61 people in Kampot this "
         "year.\n", 61),
    ],
)  # fmt: skip
def test_no_new_body_where_the_page_does_not_say_whose(text: str, value: float) -> None:
    row = _figures(text)[value]
    assert not str(row.record.get("actor_id") or "").endswith(
        ("-provincial-police", "-district-police")
    ), row.why.get("actor_id")
