"""Cleaning keeps the report and drops page furniture, on the real seeds and on a made-up page."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.cleaning import clean_body
from corpus.quotes import BodyIndex
from etl.build import check

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
FIXTURE = ROOT / "tests" / "fixtures" / "seeds" / "articles" / "100_kampot_fixture.txt"

# Page furniture of the captured pages, on any article; none of it may reach the database.
FURNITURE = ["Logo of Phnom Penh Post", "Read more:", "MOST VIEWED", "•"]
# Teasers on the made-up page copy the seeds' "MOST VIEWED" lists.
TEASERS = ["Festival draws record crowds", "Bank robber", "50,000 people attended"]


def _clean(path: Path) -> str:
    return clean_body(path.read_text(encoding="utf-8"))


def _quotes_by_file() -> dict[str, list[str]]:
    """Every curated quote, by the seed file it quotes: derived from the data, so an added
    article is covered without editing this test."""
    data = check()
    files = {s.source_id: s.seed_file for s in data.of("sources")}
    quotes: dict[str, list[str]] = {}
    for kind in ("indicators", "statements", "events", "policies"):
        for rec in data.of(kind):
            quote = getattr(rec, "quote", None)
            if quote and getattr(rec, "source_id", None) in files:
                quotes.setdefault(files[rec.source_id], []).append(quote)
    return quotes


def _teaser_lines(raw: str) -> list[str]:
    """Lines of a captured page after its "MOST VIEWED" heading: other stories, not this one."""
    _, heading, rest = raw.partition("MOST VIEWED")
    if not heading:
        return []
    return [line.strip(" •\t") for line in rest.splitlines() if len(line.strip(" •\t")) > 12]


def test_every_seed_article_is_registered_and_quoted():
    registered = {s.seed_file for s in check().of("sources")}
    assert ARTICLES, "no seed articles found"
    assert {p.name for p in ARTICLES} <= registered


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_seed_bodies_keep_no_furniture(path: Path):
    body = _clean(path)
    for word in FURNITURE:
        assert word not in body, f"{word!r} survived cleaning in {path.name}"
    for line in _teaser_lines(path.read_text(encoding="utf-8")):
        assert line not in body, f"teaser {line!r} survived cleaning in {path.name}"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_seed_bodies_keep_every_curated_quote(path: Path):
    index = BodyIndex(_clean(path))
    for quote in _quotes_by_file().get(path.name, []):
        assert index.locate(quote) is not None, f"{quote[:60]!r} lost from {path.name}"


def test_made_up_page_loses_its_teasers():
    body = _clean(FIXTURE)
    for text in [*FURNITURE, *TEASERS]:
        assert text not in body
    assert _teaser_lines(FIXTURE.read_text(encoding="utf-8"))


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
