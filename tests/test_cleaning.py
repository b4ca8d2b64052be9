"""Cleaning keeps the report and drops page furniture, on the real seeds and on a made-up page."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.cleaning import clean_body

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
FIXTURE = ROOT / "tests" / "fixtures" / "seeds" / "articles" / "100_kampot_fixture.txt"

# Furniture seen in the captured pages; none of it may reach the database.
FURNITURE = [
    "Logo of Phnom Penh Post",
    "Read more:",
    "MOST VIEWED",
    "Heng Chivoan",
    "Pha Lina",
    "Bank robber",
    "School reopening",
    "quarantine",
    "G20",
    "Khmer New Year",
    "Hun Sen",
    "•",
]

# One sentence of the report from the start, middle and end of each seed.
REPORT = {
    "000_18fcdbdf29fb79cd.txt": [
        "Senior government figures yesterday",
        "“white villages”",
        "it should not build any more,” he said.",
    ],
    "001_45ad8d4c2d59c9f0.txt": [
        "Minister of Interior Sar Kheng has advised",
        "3,554.13kg of drugs",
    ],
    "002_66468cb91833f3de.txt": [
        "More than 1,000 people have been arrested",
        "We could be seeing deaths from overdoses.",
    ],
    "003_be4927462fb65aee.txt": [
        "announced his intention to extend",
        "The Post apologises for the error.",
    ],
    "004_eb1fca1661a9b39d.txt": ["has deemed it “necessary”", "performing their jobs,” he said."],
}


def _clean(path: Path) -> str:
    return clean_body(path.read_text(encoding="utf-8"))


def test_every_seed_article_is_covered():
    assert sorted(p.name for p in ARTICLES) == sorted(REPORT)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_seed_bodies_keep_no_furniture(path: Path):
    body = _clean(path)
    for word in FURNITURE:
        assert word not in body, f"{word!r} survived cleaning in {path.name}"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_seed_bodies_keep_the_report(path: Path):
    body = _clean(path)
    for sentence in REPORT[path.name]:
        assert sentence in body


def test_repeated_headline_and_caption_are_dropped_everywhere():
    body = _clean(ROOT / "seeds" / "articles" / "002_66468cb91833f3de.txt")
    assert "Drug campaign nets 1,000" not in body
    assert "National Police Chief Neth Savoeun speaking" not in body
    assert body.startswith("More than 1,000 people have been arrested")


def test_made_up_article_with_the_same_furniture():
    body = _clean(FIXTURE)
    assert body.split("\n\n") == [
        "Provincial police said more than 200 people were arrested in Kampot in March, "
        "roughly half of them drug users.",
        "“We will continue until the province is clean,” said provincial police chief Sok Dara.",
        "Rights worker Chan Vanna said the arrests were “not the answer” and called for "
        "community-based treatment.",
        "The province also plans two new voluntary treatment clinics, Sok Dara said.",
    ]


def test_trailing_bulleted_teasers_without_a_heading_are_dropped():
    raw = "First paragraph of the report.\n\nSecond one.\n\n\n  • Teaser one\n\n    Blurb one\n  • Teaser two\n"
    assert clean_body(raw) == "First paragraph of the report.\n\nSecond one."


def test_a_bulleted_list_inside_the_report_is_kept():
    raw = "The plan has parts:\n• build centres\n• train police\nThe minister said more."
    assert "• build centres" in clean_body(raw)


def test_known_title_standing_alone_is_dropped_once_even_if_not_repeated():
    raw = "A Headline\n\nThe report itself begins here."
    assert clean_body(raw, title="A Headline") == "The report itself begins here."


def test_windows_line_endings_and_blank_runs_do_not_matter():
    raw = "One paragraph.\r\n\r\n\r\n\r\nAnother paragraph.\r\n"
    assert clean_body(raw) == "One paragraph.\n\nAnother paragraph."
