"""An edit to one file of a copy of the seeds, as the Save tests make them (one place each)."""

from __future__ import annotations

from pathlib import Path


def replace_once(seeds: Path, name: str, old: str, new: str) -> None:
    """`old` replaced by `new` once in the seeds' file `name`; a test whose edit no longer
    applies (the seeds changed under it) fails here, saying so, instead of testing nothing."""
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}: the test's edit no longer applies"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: The seeds' curated file of the article most Save tests edit.
MIXED = "curated/articles/ppp-2018-02-14-mixed-results.yaml"


def edit_quote(seeds: Path) -> None:
    """A statement's quote cut to the words inside it (still the article's words)."""
    replace_once(
        seeds,
        MIXED,
        "quote: Sar Kheng yesterday said “alternatives” to overcrowded prisons had to be found",
        "quote: “alternatives” to overcrowded prisons had to be found",
    )


def change_title(seeds: Path) -> None:
    """An article's title changed: its quotes' places move, and the checks name it by it."""
    replace_once(
        seeds,
        "curated/sources.yaml",
        "title: 'Mixed results in Cambodia''s drug war: officials'",
        "title: 'Mixed results in the drug war, officials say'",
    )
