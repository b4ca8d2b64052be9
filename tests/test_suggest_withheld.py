"""Round thirty-seven (issue 23): a figure whose sentence withholds its source's name ("an
official at <a body>, who declined to be named", "a provincial police officer who asked not to
be named", Khmer "<someone>ម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ") is an unnamed source's, drafted as a new
unnamed actor, never the body the official works for nor a person named before; an outlet that
only saw a document ("a police report seen by <outlet>") is not its source: blank. "The Health
Ministry" is the codebook's "Ministry of Health". Sentences our own; bodies and people invented
but for curated ones. Khmer by a non-native author, needs native review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists, guess_actor
from curation.suggest.records import draft_rows
from curation.suggest.withheld import withheld_english, withheld_khmer

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2023, 6, 5)


def _figures(text: str, title: str) -> list[tuple[str | None, dict]]:
    """Each drafted figure's actor and the new actor its row carries (empty if none)."""
    _, rows = draft_rows(f"{title}\n\n{text}\n", title, "t", PUBLISHED, CURATED)
    return [
        (r.record.get("actor_id"), r.new.get("actors") or {})
        for r in rows
        if r.kind == "indicators"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # An official of a curated body, the name withheld: not the body.
        "An official at the National Authority for Combating Drugs, who declined to be named, "
        "said police had arrested 4,210 people in the first quarter.",
        # The source after the figure, a body's word in the description.
        "Police in Kratie arrested 57 people in May, said a provincial police officer who asked "
        "not to be named.",
        # Not authorised to speak, a ministry in the description.
        "A Health Ministry official, who was not authorised to speak publicly, said 26 nurses "
        "had been trained this year.",
        # On condition of anonymity, an outlet after "told": neither the outlet nor the body.
        "Police seized 80 kilograms of cannabis last week, a border officer who spoke on "
        "condition of anonymity told Radio Mekong.",
    ],
)
def test_a_source_whose_name_is_withheld_is_a_new_unnamed_actor(text) -> None:
    got = _figures(text, "Weekly news")
    assert got and all(str(actor).startswith("unnamed-") for actor, _ in got)
    assert got[0][1].get("kind") == "unnamed"  # the first figure carries its draft


@pytest.mark.parametrize(
    "text",
    [
        # A prison official who asked not to be named said that ...
        "មន្ត្រីពន្ធនាគារម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ បានឲ្យដឹងថា ពន្ធនាគារខេត្តកំពុងឃុំអ្នកទោសជាង ២ ១០០នាក់។",
        # After a named governor's words: a provincial health official who is not authorised to
        # speak to reporters told ... : not the governor.
        "លោក សុខ វាសនា អភិបាលខេត្ត បានថ្លែងថា ខេត្តនឹងពង្រីកការព្យាបាល។ "
        "មន្ត្រីមន្ទីរសុខាភិបាលខេត្តម្នាក់ ដែលមិនមានសិទ្ធិនិយាយជាមួយអ្នកសារព័ត៌មាន បានប្រាប់ថា "
        "មណ្ឌលសុខភាព ៩កន្លែង កំពុងព្យាបាលអ្នកញៀនប្រមាណ ១៤០នាក់។",
    ],
)
def test_a_khmer_source_whose_name_is_withheld_is_a_new_unnamed_actor(text) -> None:
    got = _figures(text, "ព័ត៌មានប្រចាំសប្តាហ៍")
    assert got and all(str(actor).startswith("unnamed-km-") for actor, _ in got)
    assert got[0][1].get("kind") == "unnamed" and got[0][1].get("name_km", "").endswith("ម្នាក់")


@pytest.mark.parametrize(
    ("sentence", "english", "khmer"),
    [
        # A definite "the official" refers back to someone named before: not read.
        ("The official, who declined to be named, said 40 people were held.", None, None),
        # No name withheld.
        ("A court clerk said 40 cases were heard.", None, None),
        # Khmer without "one person": the officials (plural), not read.
        ("មន្ត្រីពន្ធនាគារ ដែលសុំមិនបញ្ចេញឈ្មោះ បានឲ្យដឹងថា មានអ្នកទោស ៤០នាក់។", None, None),
        ("មន្ត្រីនគរបាលម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ បានប្រាប់ថា", None, "មន្ត្រីនគរបាលម្នាក់"),
        ("A guard at the prison, who asked not to be named, said so.",
         "A guard at the prison, who asked not to be named", None),
    ],
)  # fmt: skip
def test_the_withheld_description_read(sentence, english, khmer) -> None:
    assert withheld_english(sentence) == english
    assert withheld_khmer(sentence) == khmer


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # A report the outlet saw: the outlet is not the source; nothing else named: blank.
        ("Provincial police recorded 318 drug arrests in the first half, according to a police "
         "report seen by The Mekong Times.", None),
        ("About 260 people were sent to the centre this year, according to figures the "
         "department shared with Radio Mekong.", None),
        # A body's figures the outlet saw: never the outlet (the body before "seen by" is not
        # read from the phrase yet: blank, where the draft gave the outlet before).
        ("Prisons held 41,300 inmates in May, according to General Department of Prisons "
         "figures seen by The Mekong Times.", None),
    ],
)  # fmt: skip
def test_an_outlet_that_saw_a_document_is_not_its_source(text, actor) -> None:
    got = _figures(text, "Weekly news")
    assert got and {a for a, _ in got} == {actor}


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Health Ministry", "ministry-of-health"),
        ("the Education Ministry", "ministry-of-education"),
        ("Ministry of Health", "ministry-of-health"),
        ("Justice Ministry", None),  # not in the codebook: drafted new, as before
    ],
)
def test_a_ministry_named_field_first_is_the_codebooks(name, actor) -> None:
    known = guess_actor([name], CURATED.actors)
    assert (known or {}).get("actor_id") == actor


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # The police detained suspects, and users were treated in the community: the users are
        # in community treatment, not arrests.
        ("ក្នុងឆ្នាំ២០២២ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ហើយអ្នកញៀនជាង ៤ ២០០នាក់ "
         "ត្រូវបានព្យាបាលតាមសហគមន៍។", "community-treatment-people"),
        # Users who went to a health centre for treatment, after a count of suspects detained.
        ("សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ២១០នាក់ ហើយអ្នកប្រើប្រាស់ ៥៥នាក់ "
         "បានចូលព្យាបាលដោយស្ម័គ្រចិត្តនៅមណ្ឌលសុខភាព។", "community-treatment-people"),
        # Treated at a centre that is no health centre: no curated metric, not arrests (a new
        # metric named by its noun, as for any count no curated metric fits).
        ("សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ហើយអ្នកញៀន ៧៣នាក់ ត្រូវបានព្យាបាលនៅមណ្ឌលមួយក្នុងខេត្ត។",
         "users"),
        # Detained in its own clause: still arrests.
        ("សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៩១នាក់ ដើម្បីយកទៅព្យាបាល។", "arrests-total"),
    ],
)  # fmt: skip
def test_a_khmer_count_treated_not_detained_is_not_arrests(text, metric) -> None:
    _, rows = draft_rows(f"ព័ត៌មានប្រចាំសប្តាហ៍\n\n{text}\n", "ព័ត៌មានប្រចាំសប្តាហ៍", "t", PUBLISHED,
                         CURATED)  # fmt: skip
    figures = [r for r in rows if r.kind == "indicators"]
    assert figures and figures[-1].record.get("metric_id") == metric
