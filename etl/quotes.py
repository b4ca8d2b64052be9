"""Find a curated quote in an article's clean body, tolerating only white space and quote-mark style."""

from __future__ import annotations

import re

# Curly and typographic quotation marks fold to their straight forms; nothing else does.
_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold quote marks, collapse white space; return the text and, per character, its
    offset in the original (so a match maps back to the original's characters)."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch)
        where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


class BodyIndex:
    """An article body prepared once for many quote look-ups."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._norm, self._where = normalise(body)

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Character offsets [start, end) of the quote's first occurrence, or None."""
        needle, _ = normalise(quote)
        if not needle:
            return None
        at = self._norm.find(needle)
        if at < 0:
            return None
        return self._where[at], self._where[at + len(needle) - 1] + 1
