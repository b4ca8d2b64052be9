"""Round thirty-two (issue 23): whose figure it is when the source is a province's body named by
its kind ("the provincial police said", "according to the provincial health department"): that
province's body, the province read from the body's own words, else the sentence, else the
paragraph before it, else the article's one province; and plural officials placed only by their
level ("provincial officials told a meeting"): the codebook's unnamed officials. Pages are our
own; places real, bodies' words invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2022, 9, 14)


def _actors(text: str) -> list[tuple[float | None, str | None, str]]:
    """(value, actor id, the drafted new actor's name) of each drafted figure, in order."""
    title = text.strip().splitlines()[0]
    _, rows = draft_rows(text, title, "t", PUBLISHED, CURATED)
    new = {d["actor_id"]: d.get("name", "") for r in rows if (d := r.new.get("actors"))}
    return [
        (r.record.get("value"), r.record.get("actor_id"), new.get(r.record.get("actor_id"), ""))
        for r in rows
        if r.kind == "indicators"
    ]


@pytest.mark.parametrize(
    ("text", "value", "actor_id"),
    [
        # The sentence names the province itself; the body is named by its kind at the end.
        ("Families wait for news\n\nPolice in Pursat arrested 318 people on drug charges in the "
         "first eight months of the year, the provincial police said on Monday.\n", 318,
         "pursat-provincial-police"),
        # "According to" at the sentence's head; the province is in the paragraph before it.
        ("Clinics near home\n\nMothers in Kratie say the clinic changed their sons' lives. "
         "According to the provincial health department, 27 health centres now offer the "
         "treatment.\n", 27, "kratie-provincial-health-department"),
        # "According to" at the end; the province only in an earlier paragraph of the article.
        ("A day at the clinic\n\nThe health centre in Stung Treng opened its doors in 2021.\n\n"
         "Nurses there have enrolled 143 people since January, according to the provincial "
         "health department.\n", 143, "stung-treng-provincial-health-department"),
        # The body's own name gives the province; it is the subject, not a closing "said".
        ("Raids on the border\n\nThe Koh Kong provincial police said they had arrested 96 people "
         "in drug cases this year.\n", 96, "koh-kong-provincial-police"),
        # The body opens the sentence ("says"), the province after it in the same sentence.
        ("A school campaign\n\nThe provincial health department says 19 health centres in "
         "Kep now offer the treatment.\n", 19, "kep-provincial-health-department"),
    ],
)  # fmt: skip
def test_a_body_named_by_its_kind_is_that_provinces_body(text, value, actor_id) -> None:
    got = {v: (a, name) for v, a, name in _actors(text)}
    assert got[value][0] == actor_id
    assert got[value][1].lower() == actor_id.replace("-", " ")  # drafted, its name written


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Two provinces in the sentence and none in the body's name: which one is not said.
        ("Two provinces\n\nPolice in Takeo and Kampot arrested 140 people last month, the "
         "provincial police said.\n", 140),
        # The chief of the provincial police is a person, not the body.
        ("A raid\n\nOfficers in Kampot seized 14 kilograms of drugs last week, the provincial "
         "police chief said.\n", 14),
    ],
)  # fmt: skip
def test_a_body_whose_province_cannot_be_read_is_no_provinces_body(text, value) -> None:
    got = {v: a for v, a, _ in _actors(text)}
    assert "provincial" not in str(got[value])


@pytest.mark.parametrize(
    ("text", "value", "actor_id"),
    [
        # Officials placed by their level alone are the codebook's unnamed officials...
        ("Referrals rise\n\nKratie referred 230 drug users to health centres last year, "
         "provincial officials told a review meeting.\n", 230, "unnamed-officials"),
        # ...even when the sentence opens on the police, who counted but did not speak.
        ("Half a year\n\nPolice in Kep province arrested 91 people in the first half of the "
         "year, provincial officials told The Post on Tuesday.\n", 91, "unnamed-officials"),
    ],
)  # fmt: skip
def test_officials_placed_only_by_their_level_are_unnamed_officials(text, value, actor_id) -> None:
    got = {v: a for v, a, _ in _actors(text)}
    assert got[value] == actor_id


def test_officials_of_a_named_service_are_not_the_codebooks_officials() -> None:
    # "Provincial health officials": a group of one service, not officials in general.
    text = ("Treatment near home\n\nProvincial health officials said 74 people had enrolled in "
            "treatment at health centres in 2021.\n")  # fmt: skip
    got = {v: a for v, a, _ in _actors(text)}
    assert got[74] != "unnamed-officials"
