"""Derive an article's clean body: the report, without the captured page's furniture."""

from __future__ import annotations

import re

# Headings after which a captured page lists unrelated stories.
_TEASER_HEADINGS = re.compile(
    r"^(most viewed|most read|most popular|related( stories| articles)?|"
    r"more stories|you may also like|trending|latest news)\s*:?\s*$",
    re.IGNORECASE,
)
_LOGO = re.compile(r"^logo of\b", re.IGNORECASE)
_READ_MORE = re.compile(r"^(read more|see also|related)\s*:", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•·▪●◦‣*]\s+")
# Shorter lines ("He said.") may legitimately recur in a report.
_MIN_REPEAT_CHARS = 8
# A caption's second copy carries a photo credit: a few words, not a sentence.
_MAX_CREDIT_CHARS = 40


def _paragraphs(raw: str) -> list[str]:
    """Split on line breaks; every non-blank line is one paragraph of the capture."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return [line.strip() for line in text.split("\n") if line.strip()]


def _cut_teaser_lists(raw_lines: list[str]) -> list[str]:
    """Drop a teaser heading and all after it, and a trailing run of bulleted teasers."""
    for i, line in enumerate(raw_lines):
        if _TEASER_HEADINGS.match(line.strip()):
            raw_lines = raw_lines[:i]
            break
    # A trailing list of teasers: from the first bullet on, every non-blank line is a
    # bullet or an indented blurb under one. Bullets inside the report are kept.
    for i, line in enumerate(raw_lines):
        if _BULLET.match(line) and all(
            not rest.strip() or _BULLET.match(rest) or rest[:1].isspace() for rest in raw_lines[i:]
        ):
            return raw_lines[:i]
    return raw_lines


def _repeated(paragraphs: list[str]) -> set[int]:
    """Indexes of headlines and captions: a line that stands again, alone or followed by a
    short photo credit. Sorting puts every line right before the lines it begins, so the
    search stays near-linear however long the article."""
    order = sorted(range(len(paragraphs)), key=lambda i: paragraphs[i])
    found: set[int] = set()
    for pos, i in enumerate(order):
        line = paragraphs[i]
        if len(line) < _MIN_REPEAT_CHARS:
            continue
        for j in order[pos + 1 :]:
            other = paragraphs[j]
            if not other.startswith(line):
                break
            if len(other) - len(line) <= _MAX_CREDIT_CHARS:
                found.update((i, j))
    return found


def clean_body(raw: str, title: str | None = None) -> str:
    """Return the report's paragraphs joined by blank lines, furniture removed.

    Rules, applied to any captured article (not to these five by position):
    the "Logo of ..." line; the known title standing alone; every line that appears
    again (a repeated headline, or a photo caption repeated with its credit);
    "Read more: ..." links; a "MOST VIEWED"-style heading and all after it; and a
    trailing list of bulleted teasers.
    """
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs = _paragraphs("\n".join(_cut_teaser_lists(raw_lines)))
    repeated = _repeated(paragraphs)
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        if i in repeated or _LOGO.match(para) or _READ_MORE.match(para):
            continue
        if title and para.casefold() == title.strip().casefold():
            continue
        kept.append(para)
    return "\n\n".join(kept)
