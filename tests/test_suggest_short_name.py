"""Round thirty-eight (issue 23, draft38c): an English statement whose speaker is one name
alone is the person the article named before in full with that name (a statement drafted from
a sentence that puts a measure forward too), or spelt one letter apart when the word is five
letters or more (flagged "spelt differently"); two such people, a short name one letter off, a
name read across a sentence's end, or nobody named: left as before. And a sentence of counts
set against the hands that must meet them ("more than its two nurses can follow", "only two
motorbikes to cover 14 communes") is a statement as well as its figures (the keys' C1); a
count against a capacity or an earlier count stays figures only. Sentences are our own. Khmer
names are not romanised, so the spelling step has no Khmer form; a Khmer given name alone is
round twenty's (tests/test_suggest_speaker_names.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.beyond_count import claim_beside_count
from curation.suggest.records import Row
from curation.suggest.short_name import short_name_speakers
from tests.drafted import CURATED, speaker_of, statements

_DAY = dt.date(2024, 5, 20)
_HEAD = "Provincial news\n\n"


def _curated_person(ident: str) -> dict:
    """A curated person the test spells otherwise, read from the codebook (seeds/curated)."""
    return next(a for a in CURATED.actors if a.get("actor_id") == ident)


def _variant(name: str) -> str:
    """The family name's given word spelt one letter apart, y for i or i for y ("Vyrith" ->
    "Virith"), as romanisations of one Khmer name differ."""
    word = name.split()[-1]
    return word.replace("y", "i", 1) if "y" in word else word.replace("i", "y", 1)


_VYRITH = _curated_person("meas-vyrith")


@pytest.mark.parametrize(
    ("text", "opening", "speaker", "reason"),
    [
        # A measure's sentence with the given name alone: the person named in full before.
        (
            _HEAD + "Chea Sovanny, deputy director of the provincial health department, visited "
            "the clinic on Monday. Sovanny said she had proposed to the Ministry of Health that "
            "five more health centres offer drug treatment next year.",
            "Sovanny said she had proposed",
            "Chea Sovanny",
            "(a new actor: Chea Sovanny)",
        ),
        # The curated person spelt one letter apart: that person, flagged for a check.
        (
            _HEAD + f"{_VYRITH['name']} visited the centre last week. "
            f"{_variant(_VYRITH['name'])} urged provincial authorities to open a voluntary "
            "clinic in each district before the end of next year.",
            f"{_variant(_VYRITH['name'])} urged",
            _VYRITH["actor_id"],
            "spelt differently",
        ),
    ],
)
def test_one_name_is_the_person_named_before(
    text: str, opening: str, speaker: str | None, reason: str
) -> None:
    got, why = speaker_of(text, opening, _DAY)
    assert got == speaker and reason in why, (got, why)


def _row(name: str, start: int) -> Row:
    """A statement drafted at ``start`` whose speaker the readers read as ``name`` alone."""
    note = f"speaker: {name} (a new actor: {name})"
    fresh = {"actor_id": name.lower(), "name": name, "kind": "person"}
    return Row("statements", {"actor_id": name.lower()}, start, start + 10, notes=[note],
               new={"actors": fresh}, why={"actor_id": f"50%: {note}"})  # fmt: skip


@pytest.mark.parametrize(
    ("before", "name", "speaker"),
    [
        ("Chea Sovanny visited the clinic on Monday. ", "Sovanny", "chea-sovanny"),
        # The curated person, spelt one letter apart.
        (f"{_VYRITH['name']} visited the centre. ", _variant(_VYRITH["name"]),
         _VYRITH["actor_id"]),
        # One letter apart from a person the codebook lacks: no measured class says so, left.
        ("Chea Sovanny visited the clinic on Monday. ", "Sovany", "sovany"),
        # Two people named before with that name: no one is chosen.
        ("Chea Sovanny, a nurse, and Lim Sovanny, a counsellor, met the families. ", "Sovanny",
         "sovanny"),
        # A short name one letter off ("Dana" after "Sok Dara"): another person.
        ("Sok Dara, a district official, opened the meeting. ", "Dana", "dana"),
        # A month ending one sentence and the name opening the next are no one's name.
        ("The programme reached 900 pupils by the end of October. Sreyneang, 16, sat in the "
         "front row. ", "Sreyneang", "sreyneang"),
        # A body's name is no person's ("the Svay Rieng Provincial Police").
        ("The Svay Rieng Provincial Police opened the road. ", "Rieng", "rieng"),
        # Nobody named before.
        ("The meeting opened at nine. ", "Sovanny", "sovanny"),
    ],
)  # fmt: skip
def test_the_person_named_before_with_that_name(before: str, name: str, speaker: str) -> None:
    body = f"{before}{name} said she had proposed that five more clinics open."
    row = _row(name, len(before))
    short_name_speakers([row], body, CURATED.actors)
    assert row.record["actor_id"] == speaker, row.notes
    # A new person chosen rides on the row, drafted from the name when no row drafted it.
    fresh = row.new.get("actors") or {}
    assert fresh.get("actor_id", speaker) == speaker


def test_only_statements_with_one_name_are_touched() -> None:
    """A statement whose speaker has a full name keeps it, whatever was named before."""
    text = _HEAD + (
        "Chea Sovanny visited the clinic. Lim Sokha, a counsellor, said families now come on "
        "their own and the waiting room is full by nine."
    )
    got, why = speaker_of(text, "Lim Sokha, a counsellor", _DAY)
    assert got == "Lim Sokha", why


def test_the_hook_needs_a_person_named_before() -> None:
    """Nothing named before the statement: the rows are as the readers left them."""
    rows = statements(_HEAD + "Sovanny said she had proposed that five more health centres "
                      "offer drug treatment next year.", _DAY)  # fmt: skip
    before = [(r.record.get("actor_id"), list(r.notes)) for r in rows]
    short_name_speakers(rows, "", CURATED.actors)
    assert [(r.record.get("actor_id"), list(r.notes)) for r in rows] == before


@pytest.mark.parametrize(
    ("sentence", "beyond"),
    [
        # A count set against the hands that must meet it: a shortfall, said.
        ("Heng Dara, the chief of the health centre, said it had enrolled 58 people since "
         "March, more than its three trained nurses can follow.", True),
        ("A clerk who asked not to be named said the court had received about 300 drug files "
         "this year, far more than its two judges could handle.", True),
        ("An officer said his post had only three motorbikes to patrol 20 villages.", True),
        # Counts only: against an earlier count, against a capacity (C1).
        ("A clerk said the court had received about 300 drug files this year, more than "
         "last year.", False),
        ("The prison holds 900 people, more than the 300 it was built for, an official said.",
         False),
        ("An officer said his post had only three motorbikes.", False),
    ],
)  # fmt: skip
def test_a_shortfall_is_said_beside_the_count(sentence: str, beyond: bool) -> None:
    assert claim_beside_count(sentence) is beyond


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (_HEAD + "Heng Dara, the chief of the Chhuk health centre, said the centre had enrolled "
         "58 people for drug treatment since March, more than its three trained nurses can "
         "follow.", "Heng Dara, the chief"),
        (_HEAD + "A police officer in Chhuk district, who asked not to be named, said his unit "
         "had only three motorbikes to cover 20 villages.", "A police officer in Chhuk"),
    ],
)  # fmt: skip
def test_the_shortfall_sentence_is_drafted_as_a_statement(text: str, opening: str) -> None:
    quotes = [str(r.record["quote"]) for r in statements(text, _DAY)]
    assert any(q.startswith(opening) for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "opening", "speaker", "reason"),
    [
        # Named doing, not saying, then "She said": the person her paragraph named.
        (_HEAD + "At the Chhuk health centre, nurse Keo Malis sees about 20 patients a day. "
         "She said families now bring their sons on their own.", "She said families",
         "Keo Malis", "(a new actor: Keo Malis)"),
        # A place named after the person is no one: still the person.
        (_HEAD + "Keo Malis has worked in Kampong Speu since 2019. She said families now bring "
         "their sons on their own.", "She said families", "Keo Malis", "(a new actor: Keo Malis)"),
        # A curated person by the name the codebook gives, possessive and all.
        (_HEAD + f"The meeting followed {_VYRITH['name']}'s visit to the centre. He added that "
         "users would be treated rather than jailed.", "He added that users",
         _VYRITH["actor_id"], f"= {_VYRITH['actor_id']}"),
        # The person named in the paragraph before: not carried over a paragraph's break.
        (_HEAD + "At the Chhuk health centre, nurse Keo Malis sees about 20 patients a day.\n\n"
         "She said families now bring their sons on their own.", "She said families", None,
         "no speaker found"),
    ],
)  # fmt: skip
def test_a_pronoun_is_the_person_its_paragraph_named(
    text: str, opening: str, speaker: str | None, reason: str
) -> None:
    got, why = speaker_of(text, opening, _DAY)
    assert got == speaker and reason in why, (got, why)
