"""The one sentence splitter: an article's clean body as sentences, by the published rule.

The rule (data_model.coverage_rule.SENTENCE_RULE, printed in docs/methodology.md): a
sentence ends at '.', '!' or '?' (closing marks included) followed by a space and a capital,
a digit or an opening mark; not inside an ellipsis ". . ." and not after an abbreviation.
A paragraph holding Khmer script ends its sentences at '។', '៕', '?', '!' and line breaks,
never inside «…» or “…”.
Coverage accounting and the drafting of records (curation.suggest) both split with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.khmer import has_khmer
from corpus.khmer import split_sentences as khmer_sentences

_END = re.compile(r"[.!?][”’\"')\]]*\s+(?=[A-Z0-9“‘\"'(\[])")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "sgt", "prof", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
     "h.e", "maj", "brig", "capt")
)  # fmt: skip
# Characters before a stop read to find the word it ends; a bounded look-back keeps the
# split linear however long a paragraph is.
_LOOKBACK = 200


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's clean body, by offsets."""

    start: int
    end: int
    text: str

    def overlaps(self, span: tuple[int, int]) -> bool:
        return span[0] < self.end and self.start < span[1]


def _is_boundary(para: str, at: int) -> bool:
    """Whether the punctuation at ``at`` really ends a sentence."""
    if para[at] == ".":
        if para[max(0, at - 2) : at] == ". ":  # the last dot of ". . ."
            return False
        word = re.search(r"([A-Za-z.]+)$", para[max(0, at - _LOOKBACK) : at])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            return False
    return True


def paragraphs(body: str) -> list[tuple[int, str]]:
    """The paragraphs of a clean body (blank-line separated) with their start offsets."""
    out: list[tuple[int, str]] = []
    offset = 0
    for para in body.split("\n\n"):
        out.append((offset, para))
        offset += len(para) + 2
    return out


def sentences(body: str) -> list[Sentence]:
    """The sentences of a clean body, paragraph by paragraph."""
    out: list[Sentence] = []
    for offset, para in paragraphs(body):
        if has_khmer(para):  # Khmer ends sentences at ។ ៕ ? ! and line breaks (corpus.khmer)
            out += [
                Sentence(offset + s.start, offset + s.end, s.text) for s in khmer_sentences(para)
            ]
            continue
        start = 0
        for match in _END.finditer(para):
            if _is_boundary(para, match.start()):
                end = match.end()
                text = para[start:end].rstrip()
                out.append(Sentence(offset + start, offset + start + len(text), text))
                start = end
        text = para[start:].rstrip()
        if text:
            out.append(Sentence(offset + start, offset + start + len(text), text))
    return out
