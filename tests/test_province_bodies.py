"""Round thirty-seven (provinces37, issue 23): a province's body (its police, health department,
administration, court, prison) printed in any of its forms, English or Khmer, is one body with one
name and one id made from the province's name (convention C6 of tests/fixtures/drafting/README.md):
"the Siem Reap police commissariat", "Siem Reap police" and "ស្នងការដ្ឋាននគរបាលខេត្តសៀមរាប" are
siem-reap-provincial-police, in the drafts and in the keys. Names are our own; places real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.body_names import new_body_id
from corpus.province_bodies import province_body
from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


@pytest.mark.parametrize(
    ("name", "one"),
    [
        ("Battambang Provincial Police Commissariat", "Battambang Provincial Police"),
        ("the Battambang provincial police commissariat", "Battambang Provincial Police"),
        ("Battambang police", "Battambang Provincial Police"),
        ("the police commissariat of Battambang province", "Battambang Provincial Police"),
        ("Battambong Province Police", "Battambang Provincial Police"),  # a spelling of places.yaml
        ("Sihanoukville police", "Preah Sihanouk Provincial Police"),
        ("Kratie Provincial Police (ស្នងការដ្ឋាននគរបាលខេត្តក្រចេះ)", "Kratie Provincial Police"),
        ("ស្នងការដ្ឋាននគរបាលខេត្តក្រចេះ", "Kratie Provincial Police"),
        ("Takeo health department", "Takeo Provincial Health Department"),
        ("the provincial department of health of Takeo", "Takeo Provincial Health Department"),
        ("មន្ទីរសុខាភិបាលនៃរដ្ឋបាលខេត្តតាកែវ", "Takeo Provincial Health Department"),
        ("មន្ទីរសុខាភិបាលខេត្តតាកែវ", "Takeo Provincial Health Department"),
        ("Svay Rieng provincial administration", "Svay Rieng Provincial Administration"),
        ("រដ្ឋបាលខេត្តកណ្ដាល", "Kandal Provincial Administration"),  # a name also a common word
        ("Kandal Court of First Instance", "Kandal Provincial Court"),
        ("សាលាដំបូងខេត្តសៀមរាប", "Siem Reap Provincial Court"),
        ("Kampong Cham Provincial Prison", "Kampong Cham Provincial Prison"),
        ("Phnom Penh Municipal Court", "Phnom Penh Municipal Court"),  # the capital's level
        ("ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ", "Phnom Penh Municipal Police"),
    ],
)
def test_every_form_of_a_provinces_body_is_one_name(name: str, one: str) -> None:
    assert province_body(name) == one


@pytest.mark.parametrize(
    "name",
    [
        "Siem Reap Youth for Community association",  # a body named after a province
        "Bati district police",  # a district's, not a province's
        "Prey Veng Provincial Drug Treatment and Rehabilitation Centre",  # another kind
        "the provincial police",  # no province named: provincial_body reads it from the page
        "the Battambang police chief",  # a person
        "Thailand police",  # no province
        "ស្នងការដ្ឋាននគរបាលជាតិ",  # the national police
    ],
)
def test_other_names_are_no_provinces_body(name: str) -> None:
    assert province_body(name) is None


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("Siem Reap Provincial Police", "siem-reap-provincial-police"),
        ("Prey Veng Provincial Health Department", "prey-veng-provincial-health-department"),
    ],
)
def test_the_one_name_gives_the_id_the_keys_write(name: str, ident: str) -> None:
    assert new_body_id(name) == ident


def _figure_actors(text: str) -> dict[float, str | None]:
    _, rows = draft_rows(text, text.splitlines()[0], "t", dt.date(2022, 9, 14), CURATED)
    return {r.record["value"]: r.record.get("actor_id") for r in rows if r.kind == "indicators"}


@pytest.mark.parametrize(
    ("text", "value", "actor_id"),
    [
        ("Raids\n\nOfficers arrested 96 people in drug cases this year, the Kampot police said.\n",
         96, "kampot-provincial-police"),
        ("Raids\n\nOfficers arrested 41 people this year, according to the Kampot police "
         "commissariat.\n", 41, "kampot-provincial-police"),
        ("Raids\n\nThe Kampot Provincial Police Commissariat said it arrested 57 people in drug "
         "cases this year.\n", 57, "kampot-provincial-police"),
        ("Clinics\n\nNurses enrolled 23 people, according to the department of health of "
         "Kep province.\n", 23, "kep-provincial-health-department"),
    ],
)  # fmt: skip
def test_a_figure_given_by_a_provinces_body_is_drafted_under_its_one_id(
    text: str, value: float, actor_id: str
) -> None:
    assert _figure_actors(text)[value] == actor_id


_KM_REPORT = (
    "ក្នុងខែឧសភា ឆ្នាំ២០២៣ កម្លាំងនគរបាលបានបង្ក្រាបបទល្មើសគ្រឿងញៀនចំនួន ១៤ករណី និងឃាត់ខ្លួនជនសង្ស័យចំនួន ៣២នាក់។\n\n"
)


@pytest.mark.parametrize(
    ("head", "actor_id", "name"),
    [
        ("ស្នងការដ្ឋាននគរបាលខេត្តក្រចេះ", "kratie-provincial-police", "Kratie Provincial Police"),
        ("មន្ទីរសុខាភិបាលខេត្តតាកែវ", "takeo-provincial-health-department",
         "Takeo Provincial Health Department"),
    ],
)  # fmt: skip
def test_a_khmer_letterhead_of_a_provinces_body_is_its_one_id(head, actor_id, name) -> None:
    _, rows = draft_rows(f"{head}\nរបាយការណ៍ប្រចាំខែ\n\n{_KM_REPORT}", head, "t",
                         dt.date(2023, 6, 5), CURATED)  # fmt: skip
    figures = [r for r in rows if r.kind == "indicators"]
    new = {d["actor_id"]: d for r in figures if (d := r.new.get("actors"))}
    assert {r.record.get("actor_id") for r in figures} == {actor_id}
    assert new[actor_id]["name"] == name and new[actor_id]["name_km"] == head
