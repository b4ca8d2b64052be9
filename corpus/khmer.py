"""Khmer text: Khmer-safe normalisation with an offset map, quote location, sentences, search folding.

Libraries, compared on the five test articles in tests/fixtures/khmer/ (bench/khmer_text.py and
the report of issue 25): khmercut and khmer-nltk ship the same CRF word model and cut "ស ខេង",
"ចាន់ សុភ័ក្ត្រ" and "បាន|ឲ្យដឹង|ថា" identically, but only khmercut's tokens join back to the
input (5/5 articles; khmer-nltk drops zero-width spaces and line breaks, 0/5), so only its word
spans are offsets into the clean body; it is also faster (42k against 30k characters/s) and
smaller (python-crfsuite and a 20 MB model, against scikit-learn, SciPy and a pickled model,
~180 MB). khmer-viterbi-segmenter cuts the name ខេង into ខេ|ង, loads in 8 s and its dictionary
is licensed non-commercial. Neither segmenter reorders characters: khmerspell packages SIL's
reference normaliser (khnormal) of the SIL/Unicode Khmer character specification, which this
module applies one syllable at a time so that every output character still maps to the clean
text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import khmercut
from khmerspell import khnormal

#: Invisible characters Khmer web text carries between words (ZWSP) or inside clusters
#: (ZWNJ, ZWJ), and their relatives; none is white space to Python's str.isspace.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

# Quotation marks of every style fold to one straight mark: the quote's words are what is
# verified, not the style of marks the article used.
_MARKS = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
_MARKS |= {"«": '"', "»": '"'}

_BASE = "\u1780-\u17b3"
_SIGN = "\u17b4-\u17d3\u17dd"
# What follows a base in its syllable: a subscript (coeng + base), a sign or a joiner.
_SIGNS = rf"\u17d2[\u200c\u200d]*[{_BASE}]|[{_SIGN}]|[\u200c\u200d]"
_WORK = re.compile(
    # A run of white space or invisible characters: one space if it holds white space.
    rf"(?P<gap>[\s{ZERO_WIDTH}]+)"
    # A Khmer syllable with two signs or more, or a subscript da (a base with one sign is
    # already in order, and most are: skipping them keeps this fast): a base, then its signs
    # in any order, and bases written under a coeng.
    rf"|(?P<syl>[{_BASE}](?=(?:{_SIGNS}){{2}}|(?:{_SIGNS})*\u17d2[\u200c\u200d]*\u178a)(?:{_SIGNS})*)"
    rf"|(?P<mark>[{''.join(_MARKS)}])"
    # A letter with combining accents: NFC composes it ("é" typed as e + U+0301).
    r"|(?P<comb>.[\u0300-\u036f]+)"
)

_KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")

# What cannot begin a cut: a Khmer sign (a vowel sign, the coeng itself), a joiner, or a
# combining accent; and a base written under a coeng (checked in _splits).
_BOUND = re.compile(rf"[{_SIGN}\u200c\u200d\u0300-\u036f]")


def _splits(text: str, i: int) -> bool:
    """Whether a cut before text[i] would split a written cluster (a syllable's base from its
    signs, or a subscript from the coeng above it)."""
    if i <= 0 or i >= len(text):
        return False
    if _BOUND.match(text[i]):
        return True
    j = i - 1
    while j >= 0 and text[j] in "\u200c\u200d":
        j -= 1
    return j >= 0 and text[j] == "\u17d2"


# A Khmer word matched only as whole written clusters (stop 49: "ថា", said, matched inside
# "ស្ថាប័ន", an institution, where it is the subscript ថ under ស and its vowel): no coeng (a
# joiner aside) right before the match, no sign, joiner or coeng right after it; the sign "ៈ"
# (U+17C8) excepted, which writers put after "ថា" as a colon ("ថាៈ").
_CLUSTER_START = r"(?<!\u17d2)(?<!\u17d2[\u200c\u200d])"
_CLUSTER_END = r"(?![\u17b4-\u17c7\u17c9-\u17d3\u17dd\u200c\u200d])"


def cluster_bounded(pattern: str) -> str:
    """A regular expression that matches ``pattern`` only where it starts and ends on a
    written cluster's edge, so a speech word is never read inside a longer word's cluster."""
    return f"{_CLUSTER_START}(?:{pattern}){_CLUSTER_END}"


def whole_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection widened to whole written clusters: a mouse (or a browser's word snapping)
    can stop inside a Khmer syllable, and a quote cut there would show a dangling sign."""
    while start > 0 and _splits(text, start):
        start -= 1
    while end < len(text) and _splits(text, end):
        end += 1
    return start, end


@lru_cache(maxsize=65536)
def _syllable(text: str) -> str:
    """One Khmer syllable in the specification's order, its joiners dropped."""
    bare = text.replace("\u200c", "").replace("\u200d", "")
    return unicodedata.normalize("NFC", khnormal(bare))


class OffsetMap:
    """Where each character of a normalised text came from in the original.

    Stored once per changed piece (a reordered syllable, a collapsed gap, a folded mark), not
    per character: between pieces the two texts run in step."""

    def __init__(self) -> None:
        self._out: list[int] = []  # where each piece starts in the normalised text
        self._len: list[int] = []  # its length there
        self._src: list[int] = []  # where it starts in the original
        self._src_len: list[int] = []

    def _add(self, out: int, length: int, src: int, src_len: int) -> None:
        self._out.append(out)
        self._len.append(length)
        self._src.append(src)
        self._src_len.append(src_len)

    def _locate(self, i: int) -> tuple[int, int]:
        k = bisect_right(self._out, i) - 1
        if k < 0:
            return i, i + 1
        if i < self._out[k] + self._len[k]:
            return self._src[k], self._src[k] + self._src_len[k]
        at = i - self._out[k] - self._len[k] + self._src[k] + self._src_len[k]
        return at, at + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's [start, end) for the normalised text's [start, end), end > start."""
        return self._locate(start)[0], self._locate(end - 1)[1]


@dataclass(frozen=True)
class Normalised:
    """A text made comparable, with its way back to the original's characters."""

    text: str
    offsets: OffsetMap
    #: Positions in ``text`` where an invisible word break (zero-width space) was removed.
    breaks: frozenset[int]


def normalise(text: str) -> Normalised:
    """NFC, Khmer syllables in the SIL/Unicode order, zero-width spaces and joiners removed,
    quotation marks folded, white space collapsed to one space and trimmed at both ends."""
    out: list[str] = []
    where = OffsetMap()
    breaks: set[int] = set()
    size = 0  # length of the output so far
    last = 0  # end of the last match in the original
    for m in _WORK.finditer(text):
        if m.start() > last:
            out.append(text[last : m.start()])
            size += m.start() - last
        last = m.end()
        found = m.group()
        kind = m.lastgroup
        if kind == "gap":
            spaced = any(c.isspace() for c in found)
            edge = m.start() == 0 or m.end() == len(text)
            new = " " if spaced and not edge else ""
            if not spaced:
                breaks.add(size)
        elif kind == "syl":
            new = _syllable(found)
        elif kind == "mark":
            new = _MARKS[found]
        else:
            new = unicodedata.normalize("NFC", found)
        if new != found:
            where._add(size, len(new), m.start(), len(found))
        out.append(new)
        size += len(new)
    out.append(text[last:])
    return Normalised("".join(out), where, frozenset(breaks))


class KhmerBodyIndex:
    """An article body normalised once for many quote look-ups (same use as etl.quotes.BodyIndex)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._norm = normalise(body)

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Offsets [start, end) in the body of the quote's first occurrence, or None: a quote
        typed without the body's zero-width spaces, or with its signs in another order, is found."""
        needle = normalise(quote).text
        if not needle:
            return None
        at = self._norm.text.find(needle)
        if at < 0:
            return None
        return self._norm.offsets.span(at, at + len(needle))


def has_khmer(text: str) -> bool:
    """Whether the text holds Khmer script (the Khmer readers apply)."""
    return _KHMER.search(text) is not None


# ---------------------------------------------------------------------------------------
# Search folding


_BETWEEN_KHMER = re.compile(r"(?<=[\u1780-\u17ff]) (?=[\u1780-\u17ff])")


def _strip_latin_accents(text: str) -> str:
    # Accents come off Latin letters only: NFD would also split nothing in Khmer, but
    # dropping every combining mark (as DuckDB's strip_accents does) erases Khmer vowel
    # signs, which are combining marks: "ខេង" would become "ខង".
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii() or _KHMER.match(ch):
            out.append(ch)
            continue
        out.append(
            "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        )
    return "".join(out)


def fold_for_search(text: str) -> str:
    """The form both a search and the searched text take: lower case, Latin accents off,
    quotation marks straight, Khmer normalised with no zero-width spaces and no spaces
    between Khmer letters (Khmer marks phrases, not words, with spaces, and writers differ),
    so "ស ខេង" finds "ស​ខេង" and "សខេង"; Khmer signs are never removed."""
    folded = normalise(text).text.lower()
    return _BETWEEN_KHMER.sub("", _strip_latin_accents(folded))


# ---------------------------------------------------------------------------------------
# Words


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans [start, end) of the words of a text (khmercut's segmentation), spaces and
    invisible breaks left out: a selection can snap to whole Khmer words."""
    blank = ZERO_WIDTH + " \t\r\n\u00a0"
    spans: list[tuple[int, int]] = []
    at = 0
    for token in khmercut.tokenize(text) if text else []:
        word = token.strip(blank)
        if word:
            # khmercut may leave a zero-width space on a word's edge ("ស\u200b").
            lead = len(token) - len(token.lstrip(blank))
            spans.append((at + lead, at + lead + len(word)))
        at += len(token)
    return spans


# ---------------------------------------------------------------------------------------
# Sentences


#: What ends a Khmer sentence: khan, bariyoosan, question and exclamation marks. A full
#: stop does not: in Khmer text "." groups thousands ("២.៤២៨") or ends an abbreviation.
_STOP = re.compile(r"[។៕?!？！]+[\"'”’»)\]]*")
_OPENERS = {"«": "»", "“": "”", '"': '"'}

#: Lines of a captured Khmer page that are furniture, not report (photo, share, read more,
#: advertisement, related news).
_FURNITURE = re.compile(
    r"^(រូបភាព|ចែករំលែក|អានបន្ថែម|អាន​បន្ថែម|ផ្ទាំងផ្សព្វផ្សាយពាណិជ្ជកម្ម|ពាណិជ្ជកម្ម|"
    r"ព័ត៌មានពាក់ព័ន្ធ|ព័ត៌មាន​ពាក់ព័ន្ធ|ពាក់ព័ន្ធ\s*[:៖])"
)


@dataclass(frozen=True)
class KhmerSentence:
    """One sentence of a Khmer clean body, quotation interiors blanked in ``masked``."""

    start: int
    end: int
    text: str
    masked: str


def quotation_spans(line: str) -> list[tuple[int, int]]:
    """Spans [start, end) of «…», “…” and "…" quotations in one line, marks included; one
    left open runs to the line's end (a quotation continued in the next paragraph)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(line)
    while i < n:
        close = _OPENERS.get(line[i])
        if close is None:
            i += 1
            continue
        end = line.find(close, i + 1)
        end = n if end < 0 else end + 1
        spans.append((i, end))
        i = end
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start + 1, max(start + 1, end - 1)):
            chars[i] = " "
    return "".join(chars)


def split_sentences(body: str) -> list[KhmerSentence]:
    """Sentences of a Khmer clean body: each line apart, cut after ។ ៕ ? ! (and the closing
    marks after them) but never inside a quotation, so «…។ …!» stays whole with the speech
    verb before it; a quotation ending with a stop ends its sentence."""
    found: list[KhmerSentence] = []
    for line in re.finditer(r"[^\n]+", body):
        text = line.group()
        if _FURNITURE.match(text.strip(ZERO_WIDTH + " ")):
            continue
        quoted = quotation_spans(text)
        masked = _blank(text, quoted)
        cuts = [m.end() for m in _STOP.finditer(masked)]
        # A quotation whose words end with a stop ends the sentence at its closing mark.
        cuts += [b for a, b in quoted if b - a > 2 and text[b - 2] in "។៕?!？！"]
        cuts = sorted(set(cuts))
        start = 0
        for end in [*cuts, len(text)]:
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip(ZERO_WIDTH + " \t"))
            a, b = start + lead, start + len(chunk.rstrip(ZERO_WIDTH + " \t\r"))
            if b > a:
                at = line.start()
                found.append(KhmerSentence(at + a, at + b, text[a:b], masked[a:b]))
            start = end
    return found
