"""The article as sentences and tokens: boundaries that skip quotations and abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, for long vocabularies."""
    return frozenset(text.split())


_ABBREVIATIONS = _words("dr mr mrs ms st no jan feb mar apr jun jul aug sep sept oct nov dec")


# A paragraph that is plainly page furniture clean_body does not know about.
_FURNITURE = re.compile(
    r"^(published|updated|posted|photo|photograph|picture|image|credit|tags|share this|"
    r"follow us|subscribe|copyright|©|advertisement)\b",
    re.IGNORECASE,
)


# Characters either side of a sentence stop or a "said" that are read to interpret it.
_LOOKAROUND = 200


_TOKEN = re.compile(
    r"(?P<num>(?:US)?\$?\d+(?:,\d{3})*(?:\.\d+)?)(?P<suffix>[A-Za-z%]*)(?P<hyphen>(?:-[A-Za-z]+)*)"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*)"
    r"|(?P<punct>[^\sA-Za-z0-9])"
)


_QUOTE_MARKS = frozenset("“”\"‘’'")


_BOUNDARY = re.compile(r"(?<=\S)[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9$])")


class SuggestError(Exception):
    """The article cannot be read; the message is one line."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean body, with quotation interiors blanked in ``masked``."""

    start: int
    end: int
    text: str
    masked: str


def _quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations, marks included; an unclosed one runs to the paragraph's end."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if opened is None:
            if ch in '“"':
                opened = i
        elif ch in '”"':
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank quotation interiors (same length) so that "As I said" inside is not a speaker."""
    chars = list(text)
    for start, end in spans:
        for i in range(start + 1, max(start + 1, end - 1)):
            chars[i] = " "
    return "".join(chars)


def _sentence_ends(text: str) -> list[int]:
    ends = []
    for m in _BOUNDARY.finditer(text):
        # Only the word before the stop matters; a bounded look-back keeps this linear.
        word = re.search(r"([A-Za-z]+)\W*$", text[max(0, m.start() - _LOOKAROUND) : m.start() + 1])
        before = word.group(1) if word else ""
        if before.lower() in _ABBREVIATIONS or (len(before) == 1 and before.isupper()):
            continue
        ends.append(m.end())
    return [*ends, len(text)]


def split_sentences(body: str) -> tuple[list[Sentence], list[list[tuple[int, int]]]]:
    """Sentences of the clean body (one paragraph a line) and each paragraph's quotations."""
    sentences: list[Sentence] = []
    quotations: list[list[tuple[int, int]]] = []
    for para in re.finditer(r"[^\n]+", body):
        text = para.group()
        if _FURNITURE.match(text):
            quotations.append([])
            continue
        spans = _quotation_spans(text)
        quotations.append([(para.start() + a, para.start() + b) for a, b in spans])
        masked = _mask(text, spans)
        start = 0
        for end in _sentence_ends(text):
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            a, b = start + lead, start + len(chunk.rstrip())
            if b > a:
                sentences.append(
                    Sentence(para.start() + a, para.start() + b, text[a:b], masked[a:b])
                )
            start = end
    return sentences, quotations


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int
    suffix: str = ""
    hyphen: str = ""

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("word", "punct") else "num"
        out.append(
            _Tok(
                kind,
                m.group(kind),
                m.start(),
                m.end(),
                m.group("suffix") or "",
                m.group("hyphen") or "",
            )
        )
    return out
