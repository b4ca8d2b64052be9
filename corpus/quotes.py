"""Find a curated quote in an article's clean body, tolerating only white space and quote-mark style."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import overload

from corpus.khmer import KhmerBodyIndex, has_khmer  # KHMER HOOK (issue 25)

# Curly and typographic quotation marks fold to their straight forms; nothing else does.
_FOLD = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}


def _folded(text: str) -> str:
    # One str.replace per mark: each a pass in C, where str.translate with a table of
    # non-Latin-1 marks goes character by character (seconds on a 10 MB article).
    for curly, straight in _FOLD.items():
        text = text.replace(curly, straight)
    return text


# White space that is not exactly one plain space: only these runs move offsets.
_RUN = re.compile(r"\s\s+|[^\S ]")


class Offsets(Sequence[int]):
    """Per character of a normalised text, its offset in the original, stored only where
    the two drift apart (once per collapsed run, not once per character: a 50 MB article
    would otherwise need 50 million Python integers)."""

    def __init__(self, length: int, starts: array[int], shifts: array[int]) -> None:
        self._length, self._starts, self._shifts = length, starts, shifts

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        return i + self._shifts[bisect_right(self._starts, i) - 1]


def normalise(text: str) -> tuple[str, Offsets]:
    """Fold quote marks, collapse white space; return the text and, per character, its
    offset in the original (so a match maps back to the original's characters)."""
    folded = _folded(text)
    core = folded.strip()
    lead = len(folded) - len(folded.lstrip())
    starts, shifts = array("q", [0]), array("q", [lead])
    removed = 0
    for m in _RUN.finditer(core):
        space = m.start() - removed  # where the run's one space lands in the result
        starts.append(space)
        shifts.append(lead + m.start() - space)
        starts.append(space + 1)
        shifts.append(lead + m.end() - space - 1)
        removed += m.end() - m.start() - 1
    normal = _RUN.sub(" ", core)
    return normal, Offsets(len(normal), starts, shifts)


class BodyIndex:
    """An article body prepared once for many quote look-ups."""

    def __init__(self, body: str) -> None:
        self.body = body
        # Normalised on the first look-up: a build that knows every quote's place already
        # (etl.validate.KnownQuotes) never needs it.
        self._normalised: tuple[str, Offsets] | None = None
        self._khmer: KhmerBodyIndex | None = None  # KHMER HOOK (issue 25): built on first use

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Character offsets [start, end) of the quote's first occurrence, or None."""
        needle, _ = normalise(quote)
        if not needle:
            return None
        if self._normalised is None:
            self._normalised = normalise(self.body)
        norm, where = self._normalised
        at = norm.find(needle)
        if at < 0:
            return self._locate_khmer(quote)
        return where[at], where[at + len(needle) - 1] + 1

    def forget(self) -> None:
        """Let the look-ups' copies of the body go (made again if another look-up comes):
        validation calls it once the last record quoting the body is checked (issue 27)."""
        self._normalised = None
        self._khmer = None

    def _locate_khmer(self, quote: str) -> tuple[int, int] | None:
        # KHMER HOOK (issue 25): a Khmer quote typed without the body's zero-width spaces,
        # or with its signs in another order, found by Khmer-safe matching (corpus.khmer).
        if not has_khmer(quote):
            return None
        if self._khmer is None:
            self._khmer = KhmerBodyIndex(self.body)
        return self._khmer.locate(quote)


# KHMER HOOK (issue 25): «…» are Khmer (and French) quotation marks.
_OPEN = '“"«'
_CLOSE = '”"»'


# An opening mark, then everything up to the next closing mark or the paragraph's end.
_QUOTED = re.compile(f"[{_OPEN}][^{_CLOSE}]*(?:[{_CLOSE}]|\\Z)")


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the passages in double quotation marks, marks included.

    Paragraph by paragraph: an opening mark pairs with the next closing one; a quotation left
    open runs to the paragraph's end (news style continues a quote in the next paragraph that
    way). Single marks are not used: they double as apostrophes. The spans are in order and
    never overlap."""
    spans: list[tuple[int, int]] = []
    start = 0
    for para in body.split("\n\n"):
        # One regular expression per paragraph: a pass in C, where a loop over the
        # characters was a tenth of a Save's validation (issue 27).
        spans += [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(para)]
        start += len(para) + 2
    return spans


def within_quotation(span: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    """Whether the span lies inside one passage in quotation marks."""
    return any(qs <= span[0] and span[1] <= qe for qs, qe in quoted)
