"""Suggest command: draft indicator and statement records from an article's figures and quotes."""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from data_model.qualifiers import Qualifier
from data_model.records import Stance, Topic
from etl.cleaning import clean_body
from etl.load import RawRecord, read_curated
from etl.problems import Problems

# --- vocabulary ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, for long vocabularies."""
    return frozenset(text.split())


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_SCALES) | {"dozen"}
# Fractions are shares of a whole: the codebook records them as percentages.
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
# Plural counts ("thousands") give no number; the lowest value the word allows is used,
# as the curated seeds do ("thousands" is at least 2,000).
_VAGUE = {"dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}
_VAGUE_LEAD = frozenset({"several", "few"})
# Numbers attached to these are lengths of time, not figures the codebook measures.
_DURATIONS = _words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades year-old years-old"
)
_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
# A number after these names a thing ("district 5", "Article 14"), it does not count one.
_LABELS = _words(
    "article chapter section clause route road street highway district block room phase "
    "number no level grade zone building floor sangkat prison cc"
)
_SUFFIX_SCALE = {"k": 1_000, "K": 1_000, "M": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_MASS = {
    "kg": 1, "kgs": 1, "kilogram": 1, "kilograms": 1, "kilogramme": 1, "kilogrammes": 1,
    "kilo": 1, "kilos": 1, "tonne": 1000, "tonnes": 1000, "ton": 1000, "tons": 1000,
    "gram": 0.001, "grams": 0.001, "g": 0.001,
}  # fmt: skip
_MONEY = {"dollar": "usd", "dollars": "usd", "usd": "usd", "riel": "riel", "riels": "riel"}
_NOUN_UNITS = {
    **dict.fromkeys(
        _words(
            "people person persons individuals users user suspects suspect detainees detainee "
            "prisoners prisoner inmates inmate traffickers trafficker dealers dealer addicts addict "
            "clients patients residents students officers officials workers children men women "
            "youths villagers offenders arrests arrested detained"
        ),
        "people",
    ),
    **dict.fromkeys(
        _words(
            "centres centre centers center clinics clinic facilities facility prisons prison "
            "hospitals hospital camps"
        ),
        "facilities",
    ),
    **dict.fromkeys(
        _words("cases case crimes crime offences offenses investigations raids incidents"),
        "cases",
    ),
    **dict.fromkeys(_words("villages village communes"), "villages"),
}
# How far after a number its noun may stand: "200 voluntary treatment clinics".
_NOUN_WINDOW = 4

# The hedge is read from the words just before the figure, longest phrase first.
# "nearly" and "almost" are read as approx, not at_most: the article puts the true value
# close to the figure, and "≤ 8,000" would hide that; the curator may still narrow it.
_QUALIFIER_PHRASES: dict[str, Qualifier] = {
    "no more than": Qualifier.at_most,
    "not more than": Qualifier.at_most,
    "a maximum of": Qualifier.at_most,
    "as many as": Qualifier.at_most,
    "no fewer than": Qualifier.at_least,
    "no less than": Qualifier.at_least,
    "a minimum of": Qualifier.at_least,
    "in excess of": Qualifier.more_than,
    "more than": Qualifier.more_than,
    "just over": Qualifier.more_than,
    "well over": Qualifier.more_than,
    "upwards of": Qualifier.more_than,
    "at least": Qualifier.at_least,
    "fewer than": Qualifier.fewer_than,
    "less than": Qualifier.fewer_than,
    "just under": Qualifier.fewer_than,
    "up to": Qualifier.at_most,
    "at most": Qualifier.at_most,
    "close to": Qualifier.approx,
    "an estimated": Qualifier.approx,
    "over": Qualifier.more_than,
    "above": Qualifier.more_than,
    "under": Qualifier.fewer_than,
    "below": Qualifier.fewer_than,
    "some": Qualifier.approx,
    "about": Qualifier.approx,
    "around": Qualifier.approx,
    "roughly": Qualifier.approx,
    "approximately": Qualifier.approx,
    "nearly": Qualifier.approx,
    "almost": Qualifier.approx,
    "estimated": Qualifier.approx,
}
_QUALIFIER_MAX_WORDS = max(len(p.split()) for p in _QUALIFIER_PHRASES)

_SAY = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|noted|explained|confirmed|announced|stressed|"
    r"warned|claimed|argued|recalled|wrote|insisted|estimated|advised|suggested|urged|stated|"
    r"cautioned|replied|responded|commented|emphasised|emphasized|acknowledged|admitted|"
    r"according to)\b",
    re.IGNORECASE,
)
# After "told" stands the listener ("told The Post"), not the speaker.
_LISTENER_VERBS = frozenset({"told", "tells"})
# Words between a speaker and "said" that are not part of the speaker.
_SKIP_BEFORE_VERB = _words(
    "yesterday today also later previously then meanwhile earlier recently again had has have "
    "was who monday tuesday wednesday thursday friday saturday sunday on last week month "
    "in an a email interview statement"
)
_PRONOUNS = frozenset({"he", "she", "they"})
_SPEAKER_NOUNS = _words(
    "official officials police authorities spokesman spokeswoman spokesperson participant "
    "participants source sources ministry government experts expert observers critics "
    "report statement organisation organization"
)
_TITLES = _words(
    "president minister director deputy chief secretary secretary-general commissioner "
    "governor principal spokesman spokeswoman spokesperson officer manager head chairman "
    "chairwoman general undersecretary executive dr mr mrs ms prime ambassador representative "
    "coordinator advocate official lieutenant colonel judge prosecutor founder lawyer "
    "researcher analyst consultant worker monitor investigator"
)
# Capitalised words that open a sentence without being part of a name.
_NOT_NAMES = _words(
    "the a an this that these those he she they it we i but and or so then meanwhile however "
    "yesterday today last in on at as after before when while according also"
)
_ABBREVIATIONS = _words("dr mr mrs ms st no jan feb mar apr jun jul aug sep sept oct nov dec")
_CLOSED = re.compile(r"[,.;:!?”\"]$")
_CONNECTORS = frozenset({"of", "for", "and"})
_APPOSITION_WORDS = frozenset({"of", "from", "at", "with"}) | _TITLES
_ROLE_WORDS = frozenset({"ministry", "police", "national", "provincial", "deputy", "senior"})
_MAX_APPOSITION = 8
# Quotations of one to three words are scare quotes ("white villages"), not statements.
_MIN_QUOTE_WORDS = 4
_PRONOUN_LOOKBACK = 5
# A paragraph that is plainly page furniture clean_body does not know about.
_FURNITURE = re.compile(
    r"^(published|updated|posted|photo|photograph|picture|image|credit|tags|share this|"
    r"follow us|subscribe|copyright|©|advertisement)\b",
    re.IGNORECASE,
)
_MAX_ID = 80
# libyaml's emitter, where installed, is many times faster on a long article's scalars.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Characters either side of a sentence stop or a "said" that are read to interpret it.
_LOOKAROUND = 200

_TOKEN = re.compile(
    r"(?P<num>(?:US)?\$?\d+(?:,\d{3})*(?:\.\d+)?)(?P<suffix>[A-Za-z%]*)(?P<hyphen>(?:-[A-Za-z]+)*)"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)*(?:-[A-Za-z]+)*)"
    r"|(?P<punct>[^\sA-Za-z0-9])"
)
_QUOTE_MARKS = frozenset("“”\"‘’'")
_BOUNDARY = re.compile(r"(?<=\S)[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9$])")
_RIGHT_NAME = re.compile(
    r"^\s+(?P<role>(?:[a-z][\w-]*\s+){0,5}?)(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*)"
    r"(?=\s*(?:[,.;:!?]|$))"
)
_CLAUSE = re.compile(r"^\s+([^,.;:!?“”\"]{3,120})")


class SuggestError(Exception):
    """The article cannot be read; the message is one line."""


# --- the article as sentences ----------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean body, with quotation interiors blanked in ``masked``."""

    start: int
    end: int
    text: str
    masked: str


@dataclass(frozen=True)
class Speaker:
    """Who a passage is attributed to: the words as written, and a name to match actors."""

    phrase: str
    name: str
    named: bool
    pronoun: bool = False


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence, read as the codebook records figures."""

    value: float
    qualifier: Qualifier
    hedge: str
    unit: str | None
    words: str
    sentence: int
    note: str | None = None


@dataclass(frozen=True)
class Quotation:
    """A quotation of a sentence or more, with the whole sentences it stands in."""

    text: str
    first: int
    last: int


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


# --- figures ---------------------------------------------------------------------------------


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


def _next_word(toks: Sequence[_Tok], j: int) -> str:
    return toks[j].low if j < len(toks) and toks[j].kind == "word" else ""


def _noun_unit(toks: Sequence[_Tok], j: int) -> str | None:
    """The unit implied by the noun just after a number ("200 voluntary treatment clinics")."""
    seen = 0
    while j < len(toks) and seen < _NOUN_WINDOW:
        tok = toks[j]
        if tok.kind == "punct":
            if tok.text in _QUOTE_MARKS:  # "five “white villages”"
                j += 1
                continue
            return None
        if tok.kind != "word":
            return None
        unit = _NOUN_UNITS.get(tok.low) or _NOUN_UNITS.get(tok.low.split("-")[-1])
        if unit:
            return unit
        seen, j = seen + 1, j + 1
    return None


def _measure(toks: Sequence[_Tok], j: int, value: float) -> tuple[float, str | None, int, bool]:
    """Scale words and a unit after a number: (value, unit, next index, is a duration)."""
    while (w := _next_word(toks, j)) in _SCALES:
        value, j = value * _SCALES[w], j + 1
    w = _next_word(toks, j)
    if j < len(toks) and toks[j].text == "%":
        return value, "percent", j + 1, False
    if w == "percent" or w == "percentage":
        return value, "percent", j + 1, False
    if w == "per" and _next_word(toks, j + 1) == "cent":
        return value, "percent", j + 2, False
    if w in _MASS:
        return value * _MASS[w], "kg", j + 1, False
    if w in _MONEY:
        return value, _MONEY[w], j + 1, False
    if w in _DURATIONS or w.split("-")[0] in _DURATIONS:
        return value, None, j + 1, True
    return value, None, j, False


def _is_date_number(toks: Sequence[_Tok], i: int, j: int, value: float) -> bool:
    """Dates are not figures: "February 23", "23 February", the "16" of "April 13 to 16"."""
    if not (value.is_integer() and 1 <= value <= 31):
        return False
    prev = toks[i - 1].text if i > 0 else ""
    after = toks[j].text if j < len(toks) else ""
    if prev in _MONTHS or after in _MONTHS:
        return True
    return prev in ("to", "-", "–", "and") and i >= 3 and toks[i - 3].text in _MONTHS


def _is_year(tok: _Tok, value: float, unit: str | None, noun: str | None) -> bool:
    """A bare four-digit 1900-2100 is a year unless a counted noun follows ("2000 people")."""
    plain = tok.text.isdigit() and not tok.suffix
    return plain and len(tok.text) == 4 and 1900 <= value <= 2100 and unit is None and noun is None


def _numeric(toks: Sequence[_Tok], i: int, text: str) -> tuple[float, str | None, int] | None:
    """A figure written in digits at token i: (value, unit, next index), or None."""
    tok = toks[i]
    if tok.start > 0 and (text[tok.start - 1].isalnum() or text[tok.start - 1] in "-./"):
        return None  # "Covid-19", "G20", "24/7"
    if i > 0 and toks[i - 1].low.rstrip(".") in _LABELS and tok.text.isdigit():
        return None  # "district 5", "Article 14", "Phase 2"
    money = "$" in tok.text
    value = float(tok.text.split("$")[-1].replace(",", ""))
    unit: str | None = "usd" if money else None
    suffix = tok.suffix
    if suffix in _ORDINAL_SUFFIXES or suffix in ("s", "am", "pm"):
        return None  # "11th day", "1990s", "10am"
    if tok.hyphen and tok.hyphen[1:].split("-")[0].lower() in _DURATIONS:
        return None  # "14-day quarantine"
    if suffix == "%":
        unit = "percent"
    elif suffix.lower() in _MASS:
        value, unit = value * _MASS[suffix.lower()], "kg"
    elif suffix in _SUFFIX_SCALE or (money and suffix == "m"):
        value *= _SUFFIX_SCALE.get(suffix, 1_000_000)
    elif suffix:
        return None  # "10km", "4G": not a quantity the codebook measures
    value, measured, j, duration = _measure(toks, i + 1, value)
    if duration:
        return None
    unit = measured or unit
    if _is_date_number(toks, i, j, value):
        return None
    noun = _noun_unit(toks, j) if unit is None else None
    if _is_year(tok, value, unit, noun):
        return None
    return value, unit or noun, j


def _word_parts(tok: _Tok) -> list[str]:
    return tok.low.split("-") if tok.kind == "word" else []


def _is_number_word(tok: _Tok) -> bool:
    parts = _word_parts(tok)
    return bool(parts) and all(p in _NUMBER_WORDS for p in parts)


def _worded(toks: Sequence[_Tok], i: int) -> tuple[float, str | None, int, str | None] | None:
    """A figure written in words at token i: (value, unit, next index, note), or None."""
    first = _word_parts(toks[i])
    if not first:
        return None
    lead = first[0]
    nxt = _next_word(toks, i + 1)
    if lead in ("tens", "hundreds") and nxt == "of" and _next_word(toks, i + 2) in _VAGUE:
        # "tens of thousands" is at least 20,000.
        value = {"tens": 10, "hundreds": 100}[lead] * _VAGUE[_next_word(toks, i + 2)]
        words = " ".join(t.text for t in toks[i : i + 3])
        note = f"the article says {words!r}; {value:,} is the lowest value the words allow"
        return value, _noun_unit(toks, i + 3), i + 3, note
    if lead in _VAGUE:
        note = f"the article says {toks[i].text!r}; {_VAGUE[lead]:,} is the lowest value the word allows"
        return _VAGUE[lead], _noun_unit(toks, i + 1), i + 1, note
    if lead in _VAGUE_LEAD and nxt in ("hundred", "thousand"):
        value, j = _SCALES[nxt] * 2, i + 2
        note = (
            f"the article says {toks[i].text} {nxt}; {value:,} is the lowest value the words allow"
        )
        return value, _noun_unit(toks, j), j, note
    if lead == "half" and len(first) == 1:
        prev = toks[i - 1].low if i > 0 else ""
        if prev in ("first", "second", "last", "past", "the", "other") or nxt in ("an", "way"):
            return None
        if nxt == "a" and _next_word(toks, i + 2) in ("million", "billion"):
            return 0.5 * _SCALES[_next_word(toks, i + 2)], None, i + 3, None
        return 50.0, "percent", i + 1, None
    if lead in ("a", "an"):
        if nxt in _FRACTIONS and nxt not in ("thirds", "quarters"):
            return round(100 / _FRACTIONS[nxt], 2), "percent", i + 2, None
        if nxt not in ("dozen", "hundred", "thousand", "million", "billion"):
            return None
        parts, j = ["one", nxt], i + 2
    elif len(first) == 2 and first[0] in _UNITS and first[1] in _FRACTIONS:
        return round(_UNITS[first[0]] * 100 / _FRACTIONS[first[1]], 2), "percent", i + 1, None
    elif _is_number_word(toks[i]):
        parts, j = list(first), i + 1
    else:
        return None
    # Consume the rest of a compound number: "one hundred and twenty", "twenty-five".
    while j < len(toks):
        if _is_number_word(toks[j]):
            parts, j = parts + _word_parts(toks[j]), j + 1
        elif toks[j].low == "and" and j + 1 < len(toks) and _is_number_word(toks[j + 1]):
            j += 1
        else:
            break
    after = _next_word(toks, j)
    if after in _FRACTIONS and len(parts) == 1 and parts[0] in _UNITS:
        return round(_UNITS[parts[0]] * 100 / _FRACTIONS[after], 2), "percent", j + 1, None
    value = _words_value(parts)
    value, unit, j2, duration = _measure(toks, j, value)
    if duration:
        return None
    noun = _noun_unit(toks, j2) if unit is None else None
    if parts == ["one"] and unit is None and _next_word(toks, j) not in _NOUN_UNITS:
        return None  # "one of the", "no one", "number one": not a count
    return value, unit or noun, j2, None


def _words_value(parts: Sequence[str]) -> float:
    total, current = 0, 0
    for p in parts:
        if p in _UNITS:
            current += _UNITS[p]
        elif p in ("hundred", "dozen"):
            current = max(current, 1) * (100 if p == "hundred" else 12)
        else:
            total, current = total + max(current, 1) * _SCALES[p], 0
    return float(total + current)


def _hedge(toks: Sequence[_Tok], i: int) -> tuple[Qualifier, str, int]:
    """The qualifier in the words just before token i: (qualifier, words, first token)."""
    words: list[_Tok] = []
    k = i - 1
    while k >= 0 and toks[k].kind == "word" and len(words) < _QUALIFIER_MAX_WORDS:
        words.insert(0, toks[k])
        k -= 1
    for n in range(len(words), 0, -1):
        phrase = " ".join(t.low for t in words[-n:])
        if phrase in _QUALIFIER_PHRASES:
            return _QUALIFIER_PHRASES[phrase], " ".join(t.text for t in words[-n:]), i - n
    return Qualifier.exact, "", i


def find_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    """Every figure in the sentences, in reading order, years and dates left out."""
    figures: list[Figure] = []
    for number, sentence in enumerate(sentences):
        text = sentence.text
        toks = _tokens(text)
        i = 0
        while i < len(toks):
            if toks[i].kind == "num":
                found = _numeric(toks, i, text)
                parsed = (*found, None) if found else None
            else:
                parsed = _worded(toks, i)
            if parsed is None:
                i += 1
                continue
            value, unit, j, note = parsed
            qualifier, hedge, first = _hedge(toks, i)
            if note and not hedge:
                qualifier = Qualifier.at_least
            words = text[toks[first].start : toks[j - 1].end]
            figures.append(Figure(float(value), qualifier, hedge, unit, words, number, note))
            i = j
    return figures


# --- speakers --------------------------------------------------------------------------------


def _clean_token(token: str) -> str:
    return token.strip("()[]")


def _is_cap(token: str) -> bool:
    token = _clean_token(token)
    return bool(token) and token[0].isupper() and token.lower() not in _NOT_NAMES


def _name_of(run: list[str]) -> str:
    """The person or body in a run like "NACD President Ke Kim Yan": after the last title."""
    cut = max((k + 1 for k, t in enumerate(run) if t.lower() in _TITLES), default=0)
    rest = run[cut:] or run
    # "Minister of Interior Sar Kheng": the office's "of Interior" is not the name.
    while len(rest) > 2 and rest[0].lower() in _CONNECTORS:
        rest = rest[2:]
    return " ".join(_clean_token(t) for t in rest)


def _cap_run(tokens: Sequence[str], end: int) -> int:
    """Start index of the run of capitalised words ending at tokens[end] (end + 1 if none)."""
    k = end
    while k >= 0 and (k == end or not _CLOSED.search(tokens[k])):
        word = tokens[k].rstrip(",") if k == end else tokens[k]
        if _is_cap(word):
            k -= 1
        elif word.lower() in _CONNECTORS and k < end and k > 0 and _is_cap(tokens[k - 1]):
            k -= 1  # "Ministry of Health"
        else:
            break
    return k + 1


def _appositive(tokens: list[str]) -> Speaker | None:
    """The person first named in "Choub Sok Chamreun, executive director of NGO Khana, said"."""
    for j in range(len(tokens) - 2, max(-1, len(tokens) - 2 - _MAX_APPOSITION), -1):
        if not tokens[j].endswith(","):
            continue
        between = tokens[j + 1 :]
        start = _cap_run(tokens, j)
        if start > j or not any(t.strip(",").lower() in _APPOSITION_WORDS for t in between):
            return None
        name = [t.rstrip(",") for t in tokens[start : j + 1]]
        phrase = " ".join(tokens[start:]).rstrip(",")
        return Speaker(phrase, _name_of(name), named=True)
    return None


def _left_speaker(before: str) -> Speaker | None:
    """The speaker in "Interior Minister Sar Kheng yesterday said"."""
    tokens = before.split()
    while tokens and tokens[-1].strip(",").lower() in _SKIP_BEFORE_VERB:
        tokens.pop()
    if not tokens:
        return None
    if tokens[-1].endswith(",") and (found := _appositive(tokens)):
        return found
    tokens[-1] = tokens[-1].rstrip(",")
    last = tokens[-1].lower()
    if last in _PRONOUNS:
        return Speaker(tokens[-1], tokens[-1], named=False, pronoun=True)
    start = _cap_run(tokens, len(tokens) - 1)
    run = tokens[start:]
    if run and not (len(run) == 1 and run[0].lower() in _SPEAKER_NOUNS):
        # Widen to the role as written: "National Police anti-drug chief Mok Chito".
        k = start - 1
        while k >= 0 and start - k <= 6 and not _CLOSED.search(tokens[k]):
            t = tokens[k].lower()
            if not (_is_cap(tokens[k]) or t in _TITLES or t in _ROLE_WORDS or "-" in t):
                break
            k -= 1
        return Speaker(" ".join(tokens[k + 1 :]), _name_of(run), named=True)
    if last.rstrip("’'") in _SPEAKER_NOUNS:
        # "officials", "Provincial police", "a ministry official"
        k = len(tokens) - 1
        while k > 0 and len(tokens) - k < 4 and not _CLOSED.search(tokens[k - 1]):
            word = tokens[k - 1]
            if word.lower() in ("the", "a", "an"):
                k -= 1
                break
            if not (_is_cap(word) or word.lower() in _ROLE_WORDS):
                break
            k -= 1
        phrase = " ".join(tokens[k:])
        return Speaker(phrase, phrase, named=False)
    return None


def _right_speaker(after: str, according: bool) -> Speaker | None:
    """The speaker in "..., said provincial police chief Sok Dara." or "according to X"."""
    if m := _RIGHT_NAME.match(after):
        name = m.group("name").split()
        role = m.group("role").split()
        if len(name) == 1 and name[0].lower() in _NOT_NAMES:
            return None
        phrase = " ".join([*role, *name])
        return Speaker(phrase, _name_of(name), named=True)
    if according and (m := _CLAUSE.match(after)):
        words = m.group(1).split()
        # "according to law" names nobody; "according to a participant" does.
        if any(w.lower() in _SPEAKER_NOUNS or _is_cap(w) for w in words):
            phrase = " ".join(words)
            return Speaker(phrase, phrase, named=False)
    return None


def speaker_in(masked: str) -> Speaker | None:
    """The speaker a sentence names itself, if any; a pronoun is returned as such."""
    best: Speaker | None = None
    for m in _SAY.finditer(masked):
        verb = m.group().lower()
        according = verb == "according to"
        # A speaker stands within a few words of the verb: bounded windows keep this linear.
        before = masked[max(0, m.start() - _LOOKAROUND) : m.start()]
        after = masked[m.end() : m.end() + _LOOKAROUND]
        left = None if according else _left_speaker(before)
        right = None if verb in _LISTENER_VERBS else _right_speaker(after, according)
        for found in (left, right):
            if found is None:
                continue
            if found.named:
                return found
            if best is None or (best.pronoun and not found.pronoun):
                best = found
    return best


@dataclass(frozen=True)
class Attribution:
    """Each sentence's own speaker, and its speaker once "he said" is resolved."""

    own: list[Speaker | None]
    resolved: list[Speaker | None]


def attribute(sentences: Sequence[Sentence]) -> Attribution:
    """Speakers of all sentences; "he said" takes the last speaker named a few sentences back."""
    own = [speaker_in(s.masked) for s in sentences]
    resolved: list[Speaker | None] = []
    last: Speaker | None = None
    last_at = -_PRONOUN_LOOKBACK - 1
    for k, s in enumerate(own):
        if s is not None and not s.pronoun:
            last, last_at = s, k
            resolved.append(s)
        elif s is not None and last is not None and k - last_at <= _PRONOUN_LOOKBACK:
            last_at = k  # a run of "he said" paragraphs keeps the same speaker
            resolved.append(last)
        else:
            resolved.append(None)
    return Attribution(own, resolved)


def _resolve(first: int, last: int, who: Attribution) -> tuple[Speaker | None, str]:
    """The nearest speaker for sentences first..last, and where it was found."""
    span = range(first, last + 1)
    for k in span:
        if (s := who.own[k]) is not None and not s.pronoun:
            return s, "this sentence"
    for k in span:
        if who.own[k] is not None:  # "he said" in the passage itself
            s = who.resolved[k]
            return s, f"an earlier sentence ('{who.own[k].phrase}' refers back)" if s else ""
    # Unattributed: an unmarked quotation paragraph continues the previous speaker.
    for k, where in ((first - 1, "the previous sentence"), (last + 1, "the next sentence")):
        if 0 <= k < len(who.resolved) and (s := who.resolved[k]) is not None:
            return s, where
    return None, ""


# --- quotations ------------------------------------------------------------------------------


def find_quotations(
    body: str, sentences: Sequence[Sentence], spans: Sequence[Sequence[tuple[int, int]]]
) -> list[Quotation]:
    """Quotations of four words or more, each widened to the whole sentences around it."""
    ends = [s.end for s in sentences]
    found: list[Quotation] = []
    last_taken = -1
    for quotes in spans:
        for start, end in quotes:
            if len(re.findall(r"[\w’'-]+", body[start:end])) < _MIN_QUOTE_WORDS:
                continue
            # The sentences holding the first and the last character of the quotation.
            a = bisect.bisect_right(ends, start)
            b = min(bisect.bisect_left(ends, end), len(sentences) - 1)
            if a >= len(sentences) or a <= last_taken:
                continue  # furniture, or already inside the previous statement
            found.append(Quotation(body[sentences[a].start : sentences[b].end], a, b))
            last_taken = b
    return found


# --- reading the article and the codebook --------------------------------------------------


@dataclass(frozen=True)
class Article:
    """The text to read and what is known of its source."""

    raw: str
    file: Path
    source_id: str | None
    title: str | None
    published_on: dt.date | None


@dataclass(frozen=True)
class Hints:
    """Curated ids to name in the TODO comments."""

    metrics: dict[str, list[str]]
    actors: list[dict[str, Any]]
    phases: list[str]


def _curated(seeds_dir: Path) -> list[RawRecord]:
    curated = seeds_dir / "curated"
    if not curated.is_dir():
        return []
    return read_curated(curated, seeds_dir.parent, Problems())


def _hints(records: Sequence[RawRecord]) -> Hints:
    metrics: dict[str, list[str]] = {}
    actors, phases = [], []
    for r in records:
        if r.kind == "metrics" and isinstance(r.data.get("metric_id"), str):
            metrics.setdefault(str(r.data.get("unit")), []).append(r.data["metric_id"])
        elif r.kind == "actors" and isinstance(r.data.get("actor_id"), str):
            actors.append(r.data)
        elif r.kind == "phases" and isinstance(r.data.get("phase_id"), str):
            phases.append(r.data["phase_id"])
    return Hints(metrics, actors, phases)


def _decode(data: bytes, file: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SuggestError(f"{file} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_article(target: str, seeds_dir: Path, records: Sequence[RawRecord]) -> Article:
    """A registered source id (its seed file and title) or a path to any text file."""
    sources = {r.data.get("source_id"): r.data for r in records if r.kind == "sources"}
    path = Path(target)
    src = sources.get(target)
    if src is not None:
        path = seeds_dir / "articles" / str(src.get("seed_file"))
        if not path.is_file():
            raise SuggestError(f"source {target!r} names {path}, which does not exist")
    elif path.is_file():
        # A seed file given by path still gets its source's title and id.
        src = next(
            (
                s
                for s in sources.values()
                if s.get("seed_file") == path.name
                and (seeds_dir / "articles" / path.name).resolve() == path.resolve()
            ),
            None,
        )
    else:
        raise SuggestError(f"{target!r} is neither a registered source id nor a file")
    published = src.get("published_on") if src else None
    return Article(
        raw=_decode(path.read_bytes(), path),
        file=path,
        source_id=src.get("source_id") if src else None,
        title=src.get("title") if src else None,
        published_on=published if isinstance(published, dt.date) else None,
    )


# --- rendering the draft ---------------------------------------------------------------------


def _scalar(value: Any) -> str:
    """A YAML scalar on one line, quoted where YAML needs it."""
    if value is None:
        return "null"
    text = yaml.dump(
        value, Dumper=_DUMPER, allow_unicode=True, width=10**9, default_flow_style=True
    )
    return text.strip().removesuffix("...").strip()


def _comment(text: str) -> str:
    return "  # " + " ".join(text.split())


def _slug(text: str, words: int = 4) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


def _make_id(prefix: str, tail: str, taken: dict[str, int]) -> str:
    """A valid id, unique in this draft; ``taken`` counts the uses of each base."""
    tail = tail.strip("-") or "item"
    room = _MAX_ID - 4 - len(tail) - 1
    base = f"{prefix[:room].rstrip('-')}-{tail}"[: _MAX_ID - 4]
    n = taken.get(base, 0) + 1
    ident = base if n == 1 else f"{base}-{n}"
    while ident in taken:  # a suffixed id may equal another base; rare, so short
        n += 1
        ident = f"{base}-{n}"
    taken[base] = n
    taken.setdefault(ident, 1)
    return ident


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def _actor_guess(speaker: Speaker | None, hints: Hints) -> list[str]:
    if speaker is None:
        return []
    who = speaker.name.casefold()
    found = []
    for actor in hints.actors:
        names = [str(actor.get("name", "")), *[str(a) for a in actor.get("aliases") or []]]
        folded = [n.casefold() for n in names if n]
        # A short form ("Eno" for "Maggie Eno") only counts for a named speaker.
        short = speaker.named and any(
            n.endswith(" " + who) or who.endswith(" " + n) for n in folded
        )
        if who in folded or short:
            found.append(actor["actor_id"])
    return found


@dataclass(frozen=True)
class Candidate:
    """One draft record: the passage it rests on, its figure if any, and the speaker guessed."""

    quote: str
    speaker: Speaker | None
    found_in: str
    figure: Figure | None = None


def candidates(raw: str, title: str | None = None) -> tuple[list[Candidate], list[Candidate]]:
    """Indicator and statement candidates of an article, from its clean body."""
    body = clean_body(raw, title)
    sentences, spans = split_sentences(body)
    who = attribute(sentences)
    figures = [
        Candidate(sentences[f.sentence].text, *_resolve(f.sentence, f.sentence, who), figure=f)
        for f in find_figures(sentences)
    ]
    quotes = [
        Candidate(q.text, *_resolve(q.first, q.last, who))
        for q in find_quotations(body, sentences, spans)
    ]
    return figures, quotes


def _maybe(speaker: Speaker, hints: Hints) -> str:
    guess = _actor_guess(speaker, hints)
    return f"; maybe {', '.join(guess)}" if guess else ""


def _hedge_comment(fig: Figure) -> str:
    if not fig.hedge:
        return "no hedge before the figure" + ("; a plural count" if fig.note else "")
    if fig.hedge.lower() in ("nearly", "almost"):
        return f'from "{fig.hedge}": read as approx; at_most if only the ceiling matters'
    return f'from "{fig.hedge}"'


def _indicator_lines(c: Candidate, article: Article, hints: Hints, ident: str) -> list[str]:
    fig = c.figure
    assert fig is not None
    unit = fig.unit or "unknown"
    metric_ids = hints.metrics.get(unit, [])
    metric_note = f"unit guess: {unit}" + (
        f"; {unit} metrics: {', '.join(metric_ids)}" if metric_ids else ""
    )
    phases = f" ({', '.join(hints.phases)})" if hints.phases else ""
    if article.published_on:
        as_of = _scalar(article.published_on) + _comment("TODO check: the publication date")
    else:
        as_of = "null" + _comment("TODO the date the figure is as of")
    if c.speaker is None:
        actor = _comment("TODO choose from actors.yaml, or leave empty")
        attribution = "null" + _comment("TODO who gave the figure, in the article's words")
    else:
        actor = _comment(
            f"TODO choose from actors.yaml (speaker: {c.speaker.name}{_maybe(c.speaker, hints)})"
        )
        attribution = _scalar(c.speaker.phrase) + _comment(f"TODO check: guessed from {c.found_in}")
    return [
        f"# {fig.words!r} -> {_number(fig.value)} ({unit}), {fig.qualifier.value}",
        f"- indicator_id: {_scalar(ident)}",
        "  metric_id: null" + _comment(f"TODO choose from metrics.yaml ({metric_note})"),
        f"  value: {_scalar(_number(fig.value))}",
        f"  qualifier: {fig.qualifier.value}" + _comment(_hedge_comment(fig)),
        "  period_start: null" + _comment("TODO first day the figure covers, or leave empty"),
        "  period_end: null" + _comment("TODO last day the figure covers, or leave empty"),
        f"  as_of: {as_of}",
        "  phase_id: null" + _comment(f"TODO choose from phases.yaml{phases}, or leave empty"),
        "  geography: national" + _comment("TODO check"),
        f"  source_id: {_source_line(article)}",
        "  actor_id: null" + actor,
        f"  attribution: {attribution}",
        f"  quote: {_scalar(c.quote)}",
        f"  note: {_scalar(fig.note)}",
    ]


def _statement_lines(c: Candidate, article: Article, hints: Hints, ident: str) -> list[str]:
    if c.speaker is None:
        who = "TODO choose from actors.yaml (no speaker found)"
    else:
        found = f"speaker {c.speaker.phrase!r}, found in {c.found_in}{_maybe(c.speaker, hints)}"
        who = f"TODO choose from actors.yaml ({found})"
    return [
        f"- statement_id: {_scalar(ident)}",
        "  actor_id: null" + _comment(who),
        f"  source_id: {_source_line(article)}",
        f"  quote: {_scalar(c.quote)}",
        "  kind: direct" + _comment("the speaker's words in quotation marks"),
        "  said_on: null"
        + _comment("TODO when it was said, where the article tells; else leave empty"),
        "  topic: null" + _comment(f"TODO one of: {', '.join(t.value for t in Topic)}"),
        "  stance: null" + _comment(f"TODO one of: {', '.join(s.value for s in Stance)}"),
    ]


def _indicator_tail(c: Candidate) -> str:
    fig = c.figure
    assert fig is not None
    return f"{_number(fig.value)}-{fig.unit or 'figure'}".replace(".", "-")


def _statement_tail(c: Candidate) -> str:
    said_by = _slug(c.speaker.name, 3) if c.speaker else ""
    spoken = _slug(c.quote, 3)
    return spoken if not said_by or spoken.startswith(said_by) else f"{said_by}-{spoken}"


def _source_line(article: Article) -> str:
    if article.source_id:
        return _scalar(article.source_id)
    return "null" + _comment("TODO the source_id given by `python -m etl add`")


def render(article: Article, hints: Hints) -> str:
    """The draft YAML: candidates with every field a person must decide left as a TODO."""
    figures, quotes = candidates(article.raw, article.title)
    name = article.source_id or article.file.stem
    prefix = article.source_id or "draft"
    target = f"seeds/curated/articles/{article.source_id or '<source_id>'}.yaml"
    lines = [
        f"# Draft records for {name} ({article.file.name}), suggested by `python -m etl suggest`.",
        "# Nothing here is checked yet. Keep the candidates worth keeping, fill in every TODO,",
        f"# then paste into {target} and run `python -m etl check`.",
        f"# {len(figures)} figure(s) and {len(quotes)} quotation(s) found in the clean text.",
    ]
    taken: dict[str, int] = {}
    lines.append("indicators:" if figures else "indicators: []")
    for c in figures:
        lines += _indicator_lines(c, article, hints, _make_id(prefix, _indicator_tail(c), taken))
    lines.append("statements:" if quotes else "statements: []")
    for c in quotes:
        lines += _statement_lines(c, article, hints, _make_id(prefix, _statement_tail(c), taken))
    return "\n".join(lines) + "\n"


def suggest(target: str, seeds_dir: Path) -> str:
    """The draft for a registered source id or a text file; nothing is written."""
    records = _curated(seeds_dir)
    return render(read_article(target, seeds_dir, records), _hints(records))


# --- command line ------------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `python -m etl suggest`."""
    parser.add_argument("target", help="a registered source_id, or the path of a text file")


def run(args: argparse.Namespace) -> int:
    """Run `python -m etl suggest`; print the draft, or one line on stderr and exit code 1."""
    try:
        draft = suggest(args.target, args.seeds)
    except SuggestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(draft)
    return 0
