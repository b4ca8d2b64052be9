"""Derive an article's clean body: the report, without the captured page's furniture."""

from __future__ import annotations

import re
from bisect import bisect_left

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
    # bullet or an indented blurb under one. Bullets inside the report are kept. One pass
    # from the end finds where that tail starts (checking the rest from every bullet
    # would be quadratic in a long article).
    tail = len(raw_lines)
    while tail > 0:
        rest = raw_lines[tail - 1]
        if rest.strip() and not _BULLET.match(rest) and not rest[:1].isspace():
            break
        tail -= 1
    for i in range(tail, len(raw_lines)):
        if _BULLET.match(raw_lines[i]):
            return raw_lines[:i]
    return raw_lines


def _repeated(paragraphs: list[str]) -> set[int]:
    """Indexes of headlines and captions: a line that stands again, alone or followed by a
    short photo credit (another line starting with it, at most _MAX_CREDIT_CHARS longer).

    Sorted, every line comes right before the lines it begins, so one comparison per line
    finds the few lines that begin others; each line is then looked up only at their
    lengths. The work grows with the article's length, not its square.
    """
    where: dict[str, list[int]] = {}
    for i, line in enumerate(paragraphs):
        where.setdefault(line, []).append(i)
    ordered = sorted(where)
    begins_another = {
        line
        for line, after in zip(ordered, ordered[1:], strict=False)
        if len(line) >= _MIN_REPEAT_CHARS and after.startswith(line)
    }
    lengths = sorted({len(line) for line in begins_another})
    found: set[int] = set()
    for line, indexes in where.items():
        if len(indexes) > 1 and len(line) >= _MIN_REPEAT_CHARS:
            found.update(indexes)
        low = bisect_left(lengths, len(line) - _MAX_CREDIT_CHARS)
        for n in lengths[low : bisect_left(lengths, len(line))]:
            if line[:n] in begins_another:
                found.update(where[line[:n]])
                found.update(indexes)
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
    known_title = title.strip().casefold() if title else None
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        if i in repeated or _LOGO.match(para) or _READ_MORE.match(para):
            continue
        if known_title and para.casefold() == known_title:
            continue
        kept.append(para)
    return "\n\n".join(kept)
