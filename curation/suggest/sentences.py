"""The article as sentences and tokens, split by corpus.sentences (the rule coverage publishes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.quotes import quoted_spans
from corpus.sentences import paragraphs
from corpus.sentences import sentences as corpus_sentences
from curation.suggest.furniture import dateline_length, head_and_tail, is_furniture


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, for long vocabularies."""
    return frozenset(text.split())


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


class SuggestError(Exception):
    """The article cannot be read; the message is one line."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean body, with quotation interiors blanked in ``masked``."""

    start: int
    end: int
    text: str
    masked: str


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank quotation interiors (same length) so that "As I said" inside is not a speaker."""
    chars = list(text)
    for start, end in spans:
        for i in range(start + 1, max(start + 1, end - 1)):
            chars[i] = " "
    return "".join(chars)


def split_sentences(body: str) -> tuple[list[Sentence], list[list[tuple[int, int]]]]:
    """Sentences of the clean body and each paragraph's quotations (corpus.quotes), furniture
    paragraphs left out."""
    quoted = iter(quoted_spans(body))
    split = iter(corpus_sentences(body))
    sentences: list[Sentence] = []
    quotations: list[list[tuple[int, int]]] = []
    # Both lists run in body order: one pass hands each paragraph its own.
    q, s = next(quoted, None), next(split, None)
    paras = list(paragraphs(body))
    # A paragraph that is only a dateline ("AKP Phnom Penh, December 5, 2019 --") is no stop.
    outside = head_and_tail([t for _, t in paras])
    for k, (start, text) in enumerate(paras):
        end = start + len(text)
        spans = []
        while q is not None and q[0] < end:
            spans.append(q)
            q = next(quoted, None)
        mine = []
        while s is not None and s.start < end:
            mine.append(s)
            s = next(split, None)
        if k in outside or _FURNITURE.match(text) or is_furniture(text):
            quotations.append([])
            continue
        quotations.append(spans)
        masked = _mask(text, [(a - start, b - start) for a, b in spans])
        # "PHNOM PENH, Sept. 4 (Xinhua) --" dates the article: no part of the first sentence.
        cut = start + dateline_length(text)
        for x in mine:
            a = max(x.start, cut)
            a += len(body[a : x.end]) - len(body[a : x.end].lstrip())
            if a < x.end:
                sentences.append(
                    Sentence(a, x.end, body[a : x.end], masked[a - start : x.end - start])
                )
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
