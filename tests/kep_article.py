"""The made-up Kep article the Save tests add to a copy of the seeds and take away again."""

from __future__ import annotations

from pathlib import Path

# Written for these tests in our own words: no digits, one sentence that attributes words.
ARTICLE = (
    "Night patrols in Kep\n\n"
    "Police officers in Kep walked through the night market on Friday evening. "
    "Shop owners welcomed the patrols, a market vendor said.\n"
)
RECORDS = """\
statements:
- statement_id: test-kep-vendor
  actor_id: sar-kheng
  source_id: test-kep-night-patrols
  quote: Shop owners welcomed the patrols, a market vendor said.
  kind: reported
  topic: campaign
  stance: supportive
"""
TEXT_FILE = "900_kep_night_patrols.txt"
RECORDS_FILE = "test-kep-night-patrols.yaml"


def source(day: str) -> str:
    """The article's sources.yaml entry, published on `day` (its place in the list)."""
    return f"""\
- source_id: test-kep-night-patrols
  seed_file: {TEXT_FILE}
  outlet: The Test Courier
  reporter: null
  title: Night patrols in Kep
  url: https://example.org/test/kep-night-patrols
  published_on: {day}
  date_precision: day
  date_basis: given when the test article was written
"""


def add(seeds: Path, day: str) -> None:
    """The article's text, its source (after the others) and its records into `seeds`."""
    (seeds / "articles" / TEXT_FILE).write_text(ARTICLE, encoding="utf-8")
    sources = seeds / "curated" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + source(day), encoding="utf-8")
    (seeds / "curated" / "articles" / RECORDS_FILE).write_text(RECORDS, encoding="utf-8")


def remove(seeds: Path, day: str) -> None:
    """The article `add` put in, taken out again."""
    (seeds / "articles" / TEXT_FILE).unlink()
    sources = seeds / "curated" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    assert source(day) in text, "the article's source is not where add put it"
    sources.write_text(text.replace(source(day), "", 1), encoding="utf-8")
    (seeds / "curated" / "articles" / RECORDS_FILE).unlink()
