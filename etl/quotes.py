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


_OPEN = '“"'
_CLOSE = '”"'


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the passages in double quotation marks, marks included.

    Paragraph by paragraph: an opening mark pairs with the next closing one; a quotation left
    open runs to the paragraph's end (news style continues a quote in the next paragraph that
    way). Single marks are not used: they double as apostrophes."""
    spans: list[tuple[int, int]] = []
    start = 0
    for para in body.split("\n\n"):
        i, n = 0, len(para)
        while i < n:
            if para[i] in _OPEN:
                close = next((j for j in range(i + 1, n) if para[j] in _CLOSE), n - 1)
                spans.append((start + i, start + close + 1))
                i = close + 1
            else:
                i += 1
        start += len(para) + 2
    return spans


def within_quotation(span: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    """Whether the span lies inside one passage in quotation marks."""
    return any(qs <= span[0] and span[1] <= qe for qs, qe in quoted)
