"""Figures in an article's sentences: numbers in digits or words, their hedges and units.

Hand-written rules, kept over the libraries (bench/draft_libraries.py): they read 99% of the
keyed figures and took one number from page furniture, where quantulum3 and Recognizers-Text
read 93% and took 45 and 61 (clock times, phone numbers, datelines); quantulum3 reads "half a
tonne" as 0.5 "per tonne", and neither knows hedges ("more than", "nearly").

Long because numbers come in digits, words, fractions and vague plurals, each with its hedge
and unit; the vocabulary and the readers stay together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corpus.number_words import number_words
from curation.suggest.clock import CLOCK_AFTER
from curation.suggest.dates import _DURATIONS, _is_date_number, _is_year
from curation.suggest.sentences import _QUOTE_MARKS, Sentence, _Tok, _tokens, _words
from data_model.qualifiers import Qualifier

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


# A number after these names a thing ("district 5", "Article 14", "page 48"), it does not count
# one (corpus/number_words.yaml).
_LABELS = number_words("labels")


_SUFFIX_SCALE = {"k": 1_000, "K": 1_000, "M": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


_MASS = {
    "kg": 1, "kgs": 1, "kilogram": 1, "kilograms": 1, "kilogramme": 1, "kilogrammes": 1,
    "kilo": 1, "kilos": 1, "tonne": 1000, "tonnes": 1000, "ton": 1000, "tons": 1000,
    "gram": 0.001, "grams": 0.001, "gramme": 0.001, "grammes": 0.001, "g": 0.001,
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


# "three times the number", "five times its capacity": a multiple, not a count of times.
_MULTIPLIED = _words("the its their as what capacity higher more larger compared over")

# "twice the number", "double its capacity" (round twenty-seven; "doubled" is a verb of change).
_TWICE = _words("twice double")
_TWICE_OF = _words("the its their")

# A number's noun never stands past these: "2020 and arrested ..." counts nobody.
_NOUN_STOP = _words("and or in on at to from for with by during since while were was")

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
    "as much as": Qualifier.at_most,
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
    vague: bool = False  # a word such as "thousands": flagged, never offered as a number
    start: int = 0  # character offsets of ``words`` in the sentence
    end: int = 0
    value_to: float | None = None  # a range's high end ("between 300 and 400"): qualifier between


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
        if tok.kind != "word" or tok.low in _NOUN_STOP:
            return None  # "in 2020 and arrested 21,580": the noun of another clause
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
    if w == "times" and _next_word(toks, j + 1) in ("a", "an", "per", "each", "every"):
        return value, None, j + 1, True  # "20 times a year": how often, not how many
    if w == "times" and _next_word(toks, j + 1) in _MULTIPLIED:
        # "five times its capacity": a ratio, as the codebook keeps shares, in percent.
        return value * 100, "percent", j + 1, False
    if w in _MONEY:
        return value, _MONEY[w], j + 1, False
    if w in _DURATIONS or w.split("-")[0] in _DURATIONS:
        return value, None, j + 1, True
    return value, None, j, False


# The rest of a score after its first number: "-3 to Vietnam", "-1 win", "-1." (no unit after).
_SCORE = re.compile(
    r"\s?[-–]\s?\d{1,2}(?![\d.,]\d)\s*(?:[,.;:)]|$|(?:to|against|on|in|at|over|win|victory|"
    r"defeat|loss|draw|lead|scoreline)\b)"
)
# Words after which a bare four-digit 1900-2100 is the year it names, not a count.
_BEFORE_A_YEAR = _words("in since by until till from during before after of early late mid")
# A person named by a noun, whose age may follow between commas ("the defendant, 23,").
_PERSON_NOUNS = _words(
    "defendant suspect driver man woman boy girl mother father son daughter wife husband "
    "officer victim user client patient farmer student courier dealer widow"
)
# A sentence that gives an age and nothing else ("He was 51.", "She is 34 years old.").
# "My son is 19.", "Her husband was 42." (round ten): a family member's age, the whole sentence.
_AGE_ALONE = re.compile(
    r"^\W*(?:He|She|(?:My|Our|His|Her|Their)\s+(?:son|daughter|brother|sister|husband|wife|"
    r"father|mother|child|boy|girl|nephew|niece|grandson|granddaughter))\s+(?:was|is)\s+"
    r"\d{1,3}(?:\s+years?\s+old)?\s*[.!]?\s*$"
)


def _numeric(toks: Sequence[_Tok], i: int, text: str) -> tuple[float, str | None, int] | None:
    """A figure written in digits at token i: (value, unit, next index), or None."""
    tok = toks[i]
    if tok.start > 0 and (text[tok.start - 1].isalnum() or text[tok.start - 1] in "-./:+"):
        return None  # "Covid-19", "G20", "24/7", the "06" of "08:06", "+855"
    if text[tok.end : tok.end + 1] == ":" and text[tok.end + 1 : tok.end + 2].isdigit():
        return None  # "08:06": a clock time
    if i > 0 and toks[i - 1].low.rstrip(".") in _LABELS and tok.text.isdigit():
        return None  # "district 5", "Article 14", "Phase 2"
    if (
        1 < i < len(toks) - 1
        and toks[i - 1].text == ","
        and toks[i + 1].text == ","
        and (toks[i - 2].text[:1].isupper() or toks[i - 2].low in _PERSON_NOUNS)
        and tok.text.isdigit()
        and int(tok.text) < 120
    ):
        return None  # "Khath Sophy, 54, from ...", "the youngest defendant, 23,": an age
    if _AGE_ALONE.match(text) and tok.text.isdigit() and int(tok.text) < 120:
        return None  # "He was 51.": an age, the whole sentence
    if tok.text.isdigit() and len(tok.text) <= 2 and _SCORE.match(text, tok.end):
        return None  # "lost 0-3 to Vietnam", "the 2-1 win": a match's score
    money = "$" in tok.text
    value = float(tok.text.split("$")[-1].replace(",", ""))
    unit: str | None = "usd" if money else None
    suffix = tok.suffix
    if suffix in _ORDINAL_SUFFIXES or suffix in ("s", "am", "pm"):
        return None  # "11th day", "1990s", "10am"
    glued = tok.hyphen[1:].split("-")[0].lower() if tok.hyphen else ""
    if glued in _DURATIONS or (glued.isalpha() and glued not in _MASS and glued != "percent"):
        return None  # "14-day quarantine", "the 64-page report", "a 10-point plan": a describer
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
    if _is_year(tok, value, unit, None) and i > 0 and toks[i - 1].low in _BEFORE_A_YEAR:
        return None  # "In 2019 our outreach workers met ...": a year, whatever noun follows
    return value, unit or noun, j


def _word_parts(tok: _Tok) -> list[str]:
    return tok.low.split("-") if tok.kind == "word" else []


def _is_number_word(tok: _Tok) -> bool:
    parts = _word_parts(tok)
    return bool(parts) and all(p in _NUMBER_WORDS for p in parts)


def _worded(toks: Sequence[_Tok], i: int) -> tuple[float, str | None, int, str | None] | None:
    """A figure written in words at token i: (value, unit, next index, note), or None."""
    if toks[i].low in _TWICE and _next_word(toks, i + 1) in _TWICE_OF:
        # "almost twice the number", "more than double the amount": a ratio of two counts, in
        # percent as "three times the number" is (round twenty-seven); "twice a week", "twice
        # as likely", "twice that number" (a count said before) are none.
        return 200.0, "percent", i + 1, None
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
        if nxt == "a" and _next_word(toks, i + 2) in _DURATIONS:
            return None  # "half a year in": a length of time
        if nxt == "a" and _next_word(toks, i + 2) in ("million", "billion"):
            return 0.5 * _SCALES[_next_word(toks, i + 2)], None, i + 3, None
        if nxt in ("a", "an") and (mass := _next_word(toks, i + 2)) in _MASS:
            return 0.5 * _MASS[mass], "kg", i + 3, None  # "half a tonne" is 500 kg, not 50%
        return 50.0, "percent", i + 1, None
    if lead in ("a", "an"):
        if nxt in _FRACTIONS and _next_word(toks, i + 2) == "as":
            return None  # "a quarter as many people": a ratio of two counts, not a share
        if (
            nxt in _FRACTIONS
            and _next_word(toks, i + 2) == "of"
            and _next_word(toks, i + 3) in ("a", "an")
            and (mass := _next_word(toks, i + 4)) in _MASS
        ):
            return _MASS[mass] / _FRACTIONS[nxt], "kg", i + 5, None  # "a quarter of a tonne"
        if nxt in _FRACTIONS and nxt not in ("thirds", "quarters"):
            return round(100 / _FRACTIONS[nxt], 2), "percent", i + 2, None
        if nxt not in ("dozen", "hundred", "thousand", "million", "billion"):
            return None
        parts, j = ["one", nxt], i + 2
    elif len(first) == 2 and first[0] in _UNITS and first[1] in _FRACTIONS:
        return round(_UNITS[first[0]] * 100 / _FRACTIONS[first[1]], 2), "percent", i + 1, None
    elif _is_number_word(toks[i]):
        if i > 0 and _refers_back(toks[i - 1]):
            return None  # "the two countries", "the club's two exits": things already known
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
    if len(parts) == 1 and parts[0] in _UNITS and _next_word(toks, j) == "in" and j + 1 < len(toks):
        # "about one in five", "fewer than one in ten", "roughly two in five" (round eleven):
        # a share, in percent.
        whole = _UNITS.get(_next_word(toks, j + 1)) or (
            int(toks[j + 1].text) if toks[j + 1].kind == "num" and toks[j + 1].text.isdigit() else 0
        )
        # "up from five in 2017" is no share: a year is never the whole.
        if whole > _UNITS[parts[0]] >= 1 and (parts[0] == "one" or whole <= 100):
            return round(100 * _UNITS[parts[0]] / whole, 2), "percent", j + 2, None
    value = _words_value(parts)
    value, unit, j2, duration = _measure(toks, j, value)
    if duration:
        return None
    noun = _noun_unit(toks, j2) if unit is None else None
    if parts == ["one"] and unit is None and _next_word(toks, j) not in _NOUN_UNITS:
        return None  # "one of the", "no one", "number one": not a count
    return value, unit or noun, j2, None


_DETERMINERS = _words("the its their his her our these those")


def _refers_back(tok: _Tok) -> bool:
    """A determiner or possessive before a spelled-out number: "the two", "the club's two"."""
    return tok.low in _DETERMINERS or tok.low.endswith(("'s", "’s"))


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


# Words that end a coordinated list of figures: a new clause has its own hedge (or none).
_CLAUSE_WORDS = _words(
    "was were is are be been have has had said says told but while whereas although who which "
    "that than because after before"
)
_SHARED_GAP = 6


def _shared_hedge(
    toks: Sequence[_Tok], i: int, prev: Figure | None, sentence: int, prev_end: int
) -> Figure | None:
    """The earlier figure whose hedge covers this one: "about 9,660 users and 8,200 dealers"."""
    if prev is None or prev.sentence != sentence or not prev.hedge or prev.vague:
        return None
    if _next_word(toks, i + 1) == "of" and _next_word(toks, i + 2) in ("them", "those", "whom"):
        return None  # "some 11,400 people, 880 of them women": a subset counted exactly
    gap = toks[prev_end:i]
    if not gap or len(gap) > _SHARED_GAP or gap[-1].low not in ("and", "or", ","):
        return None
    if any(t.low in _CLAUSE_WORDS or (t.kind == "word" and t.low.endswith("ed")) for t in gap):
        return None
    return prev


# "Under Cambodian law, trafficking more than 80 grams ... faces life": a legal threshold.
_LAW = re.compile(
    r"^\s*Under\s+(?:its|the|Cambodian|Cambodia['’]s|the\s+country['’]s)\s+law"
    r"|\blife\s+(?:sentence|imprisonment|in\s+prison)\b|\bjailed\s+for\s+life\b"
    r"|\bdeath\s+(?:penalty|sentence)\b"
    r"|\bany(?:one|body)\s+(?:caught|found|convicted)\b",
    re.I,
)


# "aged 54", and each age of a list ("aged 29, 34 and 41").
_AGE = re.compile(
    r"(?:\bwho\s+(?:is|was)|\baged|\bage)(?:\s*\d{1,2}\s*,)*(?:\s*\d{1,2}\s*,?\s*and)?\s*$",
    re.I,
)
# "1.", "2-", "3)" opening a paragraph: a list's marker, not a count (Khmer digits too).
_MARKER = re.compile(r"\s*\d{1,2}\s*[.)\-/](?:\s|$)")  # "1.", "2)", a thread's "3/"
# "woke us at four": a clock time in words.
_AT_CLOCK = re.compile(r"\bat\s+$", re.I)
# "were under 25", "all over 60": an age bound, when no unit follows the number.
_AGE_BOUND = re.compile(r"\b(?:were|was|are|is|all|those|people|users)\s+(?:under|over|below|above)\s*$",
                        re.I)  # fmt: skip
# "agreed to ... train 500 officers", "plans to open two centres", "proposed ... in three
# provinces": a number inside the measure put forward is its target, not a count made.
_TARGET = re.compile(
    r"\b(?:agreed|agrees|plans?|planned|aims?|aimed|pledged|promised|vowed|expects?|expected|"
    r"hopes?|hoped)\s+to\b[^,.;]*$"
    # "urged the ministry to add ... in three more provinces": the measure demanded of others.
    r"|\b(?:urged|urges|asked|asks|called\s+on|calls\s+on|appealed\s+to|wants?|wanted)\s+"
    r"(?:[\w'’-]+\s+){0,6}?to\s+(?!the\b)[^,.;]*$"
    r"|\b(?:proposed|proposes|called\s+for|calls\s+for)\b[^,.;]*$"
    r"|\b(?:will|would|should)\s+(?:open|build|train|hire|recruit|set\s+up|add|deploy|station|"
    r"send|dispatch|provide|give|create|establish|install|buy)\b[^,.;]*$"
    # "The evaluator will visit at least 24 of the health centres and interview no fewer than
    # 150": the work a plan or a tender sets out, in its own clause (round fourteen).
    r"|\b(?:the\s+)?(?:evaluator|consultant|contractor|team|study|survey|project|programme|"
    r"program)\s+(?:will|shall|is\s+to|must)\s+[^,.;]*$"
    # "We are also building a new prison in Kampong Speu for 3,000 inmates": a place not yet
    # built, its size no count.
    r"|\b(?:building|to\s+build|constructing|to\s+construct)\s+(?:a\s+|an\s+)?new\b[^,.;]*\bfor\s+$"
    # "suggested that each district hospital keep at least two beds": a measure's own terms.
    r"|\b(?:suggested|suggests|recommended|recommends)\s+that\s+(?:each|every|all)\b[^,.;]*$",
    re.I,
)
# "a cell for 40", "a room built for eight": one room's size, not a count the campaign made. A
# facility's capacity ("built for 200 inmates") is a figure of a capacity metric (metrics.py).
_CAPACITY = re.compile(
    r"\b(?:cells?|rooms?|wards?|dormitory|dormitories)\s+(?:built|designed|meant|intended)\s+"
    r"(?:to\s+(?:hold|house)|for)\s+$"
    r"|\b(?:cell|room|ward|dormitory|prison|centre|center)\s+(?:built\s+)?for\s+$"
    r"|\b(?:cell|room|ward|dormitory)\s+with\s+$"
    # "the national centre, which will hold 2,000 people when it opens": a future capacity or a
    # plan's size, nothing counted yet (round nine).
    r"|\b(?:will|would)\s+(?:be\s+able\s+to\s+)?(?:hold|house|accommodate|take\s+in|open|build|"
    r"hire|train|deploy|recruit)\s+(?:up\s+to\s+|about\s+|some\s+|another\s+|a\s+further\s+)?$",
    re.I,
)
_ONE_CELL = re.compile(r"\s+[\w-]+\s+in\s+(?:a|one|the|each)\s+(?:cell|room)\b", re.I)
_SPEAKER_AFTER = re.compile(r"(?:\s+[\w-]+){1,3}\s+(?:told|said|say|says)\b", re.I)
_EXCEEDS = re.compile(r"\b(?:exceeds?|exceeded|surpass(?:es|ed)?|passed|tops?|topped)\s+$", re.I)
_KINDS_OF = _words("nationalities countries provinces")
# "attended by some 300 officials", "120 delegates": who came to a meeting, not a count made.
_ATTENDED = re.compile(
    r"\b(?:attended\s+by|drew|brought\s+together|in\s+front\s+of|watched\s+by)\s+"
    r"(?:(?:some|about|around|nearly|almost|roughly|over|more\s+than)\s+)?$",
    re.I,
)
# Goods impounded that no codebook unit counts ("212 cars, 1,480 motorbikes and 93 guns"), people
# at a meeting, an audience, a document's length, a distance, a dose, a score (corpus/number_words.yaml).
_UNCOUNTED = number_words("uncounted")
# "Across East and Southeast Asia, ...", "worldwide": a region's total, not Cambodia's.
_ELSEWHERE = re.compile(
    r"^\W*(?:across|throughout)\s+(?:the\s+)?(?:region|world|(?:east\s+and\s+)?south-?east\s+"
    r"asia|east\s+asia|asia|the\s+mekong(?:\s+region)?)\b|\b(?:worldwide|globally)\b",
    re.I,
)
# A court docket's line ("No. 54/2023 – S. Chanthou, 29, ...: 7.8 grams; four years"): one
# case's record (a file number, ages, grams, a term, a fine), no count of the campaign. Round
# twenty-five (a): a hearing list's line may open on its sitting ("Mon 12 March, Courtroom 1,
# 8:00 - Case 1182/17: ...", "... - Cases 0061/18 to 0066/18: ...") before the file number.
_DOCKET = re.compile(r"^\W*(?:\d{1,2}\s*[.)]\s*)?(?:[^.;\n]{0,60}?\s[-–—]\s+)?"
                     r"(?:cases?|file|no\.?|dossier)\s*\d+\s*/\s*\d{2,4}\b", re.I)  # fmt: skip
# A day's verdicts handing down prison terms ("jailing 12 defendants for terms of between three
# and 20 years"): one court's docket, its counts no campaign figure.
_VERDICTS = re.compile(
    r"\bterms?\s+of\s+(?:between\s+)?[\w.-]+\s+(?:and|to|-|–)\s+[\w.-]+\s+years\b"
    r"|\b(?:sentencing|jailing|sentenced|jailed)\s+[\w\s,-]{0,40}?\b(?:to|for)\s+"
    r"(?:prison\s+)?terms?\b",
    re.I,
)
# A telephone number ("hotline 115 or 023 880 261", "at 1288 or 012 885 104", any digits): the
# numbers after a phone word, and digit groups led by a zero ("012 885 104").
_PHONE = re.compile(
    r"(?:\b(?:hotline|phone|telephone|tel|call|dial|whatsapp|telegram)\b|លេខទូរស័ព្ទ|"
    r"ទូរស័ព្ទលេខ|(?<!តួ)លេខ)(?:\s*(?:at|on|number|numbers|no\.?|is|:|-)?\s*){0,2}"
    r"\d[\d\s-]*\d(?:\s*(?:or|and|,|/|ឬ|និង)\s*\d[\d\s-]*\d)*"
    r"|(?<!\d)0\d{1,2}[\s-]\d{3}[\s-]\d{3,4}(?!\d)",
    re.I,
)
# A threshold ("caught with less than two grams", "each below three grams"): a measure's or a
# law's line, not an amount seized.
_THRESHOLD = re.compile(
    r"\b(?:(?:caught|found|stopped|arrested)\s+(?:with|carrying|holding|possessing)|each)\s+"
    r"(?:less\s+than|fewer\s+than|under|below|more\s+than|over|above|up\s+to)\s*$",
    re.I,
)
# A body described by its size ("an association of some 25 lawyers who work in four
# provinces", "a unit that also runs ... in the country's 25 provinces"): no campaign count.
_DESCRIBED_BODY = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:group|network|association|coalition|alliance|union|"
    r"federation|unit|organi[sz]ation|body|charity|team|consortium)\s+(?:of|that|which|who|"
    r"with|working|made)\b[^,;]*$",
    re.I,
)
# The country's administrative divisions ("all of the country's 25 provinces"): a fact of the
# map, no count.
_DIVISIONS_BEFORE = re.compile(
    r"(?:\b(?:country|cambodia|kingdom|nation)['’]s|\ball(?:\s+of)?(?:\s+the)?)\s*$", re.I
)
_DIVISIONS = _words("provinces province districts communes municipalities capital")
# "in 14 provinces", "across six provinces": the places a count or a measure covers (round 14).
_SCOPE_BEFORE = re.compile(r"\b(?:in|across|throughout|over)\s+(?:the\s+)?(?:other\s+)?$", re.I)
# People present at an event ("About 600 students ... attended", "are here"): an audience.
_PRESENT_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:attended|attend|are\s+here|were\s+here|are\s+there|were\s+there|"
    r"were\s+present|are\s+present|gathered|turned\s+out|looked\s+on|watched)\b",
    re.I,
)
# A sum that is a price, a fine, a cost or a rate ("a fine of 8 million riel", "about US$1.20 a
# day", "US$45,000 per province"), never a counted metric.
_PRICED_BEFORE = re.compile(
    r"\b(?:fine|fined|fines|cost|costs|costing|price|priced|worth|salary|wage|bail|bribe|fee|"
    r"fees)\s+(?:of\s+)?(?:[\w$.,]+\s+){0,2}?$",
    re.I,
)
_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each)\s+(?:day|week|month|year|hour|person|client|"
                         r"patient|province|head|pill|gram|kilogram|dose)\b", re.I)  # fmt: skip
# "300 people who attended a party were arrested": people the campaign acted on, counted.
_ACTED_ON = re.compile(r"\b(?:who|which|that|arrested|detained|held|caught|raided)\b", re.I)
# One cell's crowding ("as many as 20 people shared a room built for eight", "cells built for 20
# inmates now held more than 60"): an anecdote of a room, no count of the campaign.
_SHARED_ROOM = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:shared|share|sharing|crammed\s+into|"
                          r"packed\s+into)\s+(?:a|one|the|each)\s+(?:cell|room)\b", re.I)  # fmt: skip
_ROOM_NOW_HELD = re.compile(
    r"\b(?:cells?|rooms?|wards?)\s+(?:built|designed|meant)\s+for\s+[\w,]+\s+[\w-]+\s+(?:now\s+)?"
    r"(?:hold|holds|held|house|housed)\s+(?:(?:more\s+than|over|up\s+to|as\s+many\s+as|some|"
    r"about|nearly)\s+)?$",
    re.I,
)
# Round twenty. "some cells held more than 60 people": cells' crowding, no count of the campaign.
_CELLS_HELD = re.compile(
    r"\b(?:some|many|most|several|its|the|their)\s+cells\s+(?:now\s+)?(?:hold|held|housed|"
    r"house)\s+(?:(?:more\s+than|over|up\s+to|as\s+many\s+as|some|about|nearly)\s+)?$",
    re.I,
)
# A plan's or a design's number, not a count made: "(target: 450)", "24 (31 planned by the end
# of 2019)", "well above the 40 percent the project design had assumed".
_TARGET_BEFORE = re.compile(r"\b(?:target|goal)\s*(?::|of|was|is)?\s*$", re.I)
_PLANNED_AFTER = re.compile(
    r"(?:\s+(?:planned|targeted|projected|budgeted)\b)|(?:\s+(?:percent|per\s+cent|%))?\s+"
    r"(?:that\s+)?the\s+(?:[\w-]+\s+){0,3}(?:had|has|have)\s+(?:assumed|expected|projected|"
    r"targeted|forecast|planned)\b",
    re.I,
)
# One defendant named by age ("a 34-year-old driver", "aged 41"): grams found on him are his case.
_ONE_DEFENDANT = re.compile(r"\b\d{1,2}-year-old\b|\baged\s+\d{1,2}\b", re.I)
_DEGREES = _words("degrees degree celsius")


# A reference marker: "[1]", "[2, 3]", "[4-6]" points to a footnote or a source (in any digits).
_REFERENCE = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")


# A corrections box (round thirteen): an earlier article's title quoted after the word for it
# ("In the article «... ជិត១ម៉ឺននាក់ ...»", 'the story "Police hold 300 ..."'), and the words it
# takes back ("we wrongly wrote that ... 98,700"), give no figure; the corrected one does.
_TITLE = re.compile(
    r"(?:អត្ថបទ|\barticle|\bheadline|\bstory)\s*(?:(?:en)?titled\s*)?(?:[«“\"][^»”\"]{1,200}[»”\"])",
    re.I,
)
_TAKEN_BACK = re.compile(
    r"(?:សរសេរខុសថា|\bwrongly\s+(?:said|reported|stated|wrote|gave)\b)[^។.;]*", re.I
)


def no_count_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence's numbers are telephone numbers, reference markers ("[1]", a footnote's
    number), a quoted article title or words a correction takes back, in any digits: no figure
    there."""
    return sorted(m.span() for rule in (_PHONE, _REFERENCE, _TITLE, _TAKEN_BACK)
                  for m in rule.finditer(text))  # fmt: skip


# "in 500 packs of about one kilogram each": how a haul was packed, not another figure.
_PACKED_EACH = re.compile(r"\s+(?:[\w-]+\s+){0,2}of\s+(?:[\w.,-]+\s+){1,3}each\b", re.I)
_COUNTED_LABELS = _words("year phase day week level grade stage")
_RANGE_TO = re.compile(r"\s*(?:to|-|–)\s*")
_RANGE_AND = re.compile(r"\s*and\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
# "rose from 300 to 400": a change between two figures, not a range.
_FROM = re.compile(r"\bfrom\s*$", re.I)


_CHANGED_FROM = re.compile(
    r"\b(?:rose|risen|rises|grew|grown|increased|decreased|fell|fallen|dropped|declined|climbed|"
    r"jumped|doubled|went\s+(?:up|down))\s+from\s+(?:(?:some|about|around|nearly|just)\s+)?$",
    re.I,
)


def _range(
    prev: Figure, text: str, value: float, unit: str | None, at: tuple[int, int]
) -> Figure | None:
    """ "between 300 and 400 people", "$25 to $70": one figure, a range from the figure before
    to this one (qualifier between, both ends kept, never one number); None when the two are
    not one range. ``at`` is where this figure's words lie in the sentence."""
    gap, before = text[prev.end : at[0]], text[: prev.start]
    between = _BETWEEN.search(before)
    if prev.vague or not (
        (between and _RANGE_AND.fullmatch(gap))
        or (_RANGE_TO.fullmatch(gap) and (unit or "") == (prev.unit or ""))
    ):
        return None
    if not between and _CHANGED_FROM.search(before):
        # "has risen from 7 to 16": the count before and the count now, two figures, no range
        # (round eleven).
        return None
    top = f"a range: {prev.words} to {text[at[0] : at[1]]}"
    if prev.qualifier is not Qualifier.exact or value < prev.value or _FROM.search(before):
        return replace(prev, note=top + "; not drafted as a range, left to the coder")
    start = between.start() if between else prev.start
    return replace(
        prev,
        qualifier=Qualifier.between,
        hedge=text[start : prev.start].strip() or gap.strip(),
        unit=prev.unit or unit,
        value_to=value,
        words=text[start : at[1]],
        start=start,
        end=at[1],
        note=top,
    )


def _not_counted(
    text: str,
    toks: Sequence[_Tok],
    at: tuple[int, int],
    unit: str | None,
    value: float,
    phones: list,
) -> bool:
    """Whether the number at tokens i..j is no campaign count: a telephone number, a
    threshold, the size of a body described, the country's divisions, an audience, a price,
    fine or rate, a temperature."""
    i, j = at
    a, b = toks[i].start, toks[j - 1].end
    before, nxt = text[:a], _next_word(toks, j)
    if any(s <= a < e for s, e in phones):
        return True
    if _SHARED_ROOM.match(text, b) or _ROOM_NOW_HELD.search(before) or _CELLS_HELD.search(before):
        return True
    if _TARGET_BEFORE.search(before) or _PLANNED_AFTER.match(text, b):
        return True  # a target or a design's assumption: nothing counted (round twenty)
    if unit == "kg" and value < 0.1 and _ONE_DEFENDANT.search(text):
        return True
    if unit == "kg" and _THRESHOLD.search(before):
        return True
    if _DESCRIBED_BODY.search(before):
        return True
    if nxt in _DIVISIONS and (_DIVISIONS_BEFORE.search(before) or _SCOPE_BEFORE.search(before)):
        return True  # "all 25 provinces"; "trained staff in 14 provinces": where, not how many
    present = _PRESENT_AFTER.match(text, b)
    if present and unit in (None, "people") and not _ACTED_ON.search(present.group(0)):
        return True
    if unit in ("usd", "riel") and (_PRICED_BEFORE.search(before) or _RATE_AFTER.match(text, b)):
        return True
    if CLOCK_AFTER.match(text, b) or _AGES_BEFORE.search(before) or _NUMBERED.search(before):
        return True  # "from 7 am to 11 am", "eight o'clock", "aged 26 to 41", "numbered 1187"
    if _ONE_IN.search(before):
        return True  # "one Cambodian in every 130": a ratio's denominator, no count
    return nxt in _DEGREES or text[b : b + 1] == "°"


# "one Cambodian in every": the denominator of a ratio follows.
_ONE_IN = re.compile(r"\bone\s+(?:[A-Za-z]+\s+){1,2}in\s+(?:every\s+)?$", re.I)
# The high end of an age range ("aged 26 to 41", "aged between 18 and 25").
_AGES_BEFORE = re.compile(r"\baged\s+(?:between\s+)?\d{1,2}\s*(?:to|and|-|–)\s*$", re.I)
# A document's or a case's number ("numbered 1187", "No. 54", "letter number 212").
_NUMBERED = re.compile(r"\b(?:numbered|No\.|number)\s*(?:[A-Z]{2,}\s*)?$")


def find_figures(sentences: Sequence[Sentence], dropped: set[int] | None = None) -> list[Figure]:
    """Every figure in the sentences, in reading order, years and dates left out. The indices
    of sentences whose numbers are no campaign figure (a region's total, cars impounded, a
    meeting's attendance, a haul's packs) are added to ``dropped``: they are no one's words."""
    figures: list[Figure] = []
    for number, sentence in enumerate(sentences):
        text = sentence.text
        if _LAW.search(text):
            continue
        if _DOCKET.match(text) or _VERDICTS.search(text):
            if dropped is not None:
                dropped.add(number)
            continue  # one case's record, or one day's verdicts: no campaign count
        phones = no_count_spans(text)
        if _ELSEWHERE.search(text):
            if dropped is not None:
                dropped.add(number)
            continue  # a region's total: no figure of the campaign
        toks = _tokens(text)
        i = last_end = 0
        while i < len(toks):
            if _AGE.search(text[: toks[i].start]) or (
                i > 0 and toks[i - 1].low in _COUNTED_LABELS and toks[i].kind == "word"
            ):
                i += 1  # "who is 17", "aged 54", "in year two": not a count
                continue
            if toks[i].kind == "num":
                found = _numeric(toks, i, text)
                parsed = (*found, None) if found else None
            else:
                parsed = _worded(toks, i)
            if parsed is None:
                i += 1
                continue
            value, unit, j, note = parsed
            before = text[: toks[i].start]
            if _not_counted(text, toks, (i, j), unit, float(value), phones):
                i = j  # a phone number, threshold, body's size, map fact, audience or price
                continue
            if _next_word(toks, j) == "each" or _ONE_CELL.match(text, toks[j - 1].end):
                i = j  # "one kilogram each", "140 men in a cell": one item, one cell
                continue
            if toks[i].kind == "word" and _SPEAKER_AFTER.match(text, toks[j - 1].end):
                i = j  # "Officials at two provincial courts told ...": who speaks, no count
                continue
            if _EXCEEDS.search(before) and unit == "percent":
                i = j  # "exceeds half of the 2023 total": a comparison, not a share counted
                continue
            if (toks[i].start == 0 or not text[: toks[i].start].strip()) and _MARKER.match(
                text, toks[i].start
            ):
                i = j  # "1. Amend the law": a list's marker
                continue
            if toks[i].kind == "word" and unit is None and value <= 12 and _AT_CLOCK.search(before):
                i = j  # "woke us at four": a clock time in words
                continue
            if (
                _ATTENDED.search(before)
                or _next_word(toks, j) in _UNCOUNTED
                or (_next_word(toks, j) != "" and _next_word(toks, j + 1) in _UNCOUNTED)
                or _PACKED_EACH.match(text, toks[j - 1].end)
            ):
                if dropped is not None:
                    dropped.add(number)
                i = j  # a meeting's attendance, cars or guns, a haul's packs: no campaign count
                continue
            if _next_word(toks, j) in _KINDS_OF and re.search(r"\b(?:of|from)\s+$", before):
                i = j  # "497 foreigners of 17 nationalities": how varied, not how many
                continue
            if (
                _TARGET.search(before)
                or _CAPACITY.search(before)
                or (unit is None and value < 100 and _AGE_BOUND.search(before))
            ):
                i = j  # a measure's target or an age bound: no campaign figure
                continue
            ranged = (
                _range(figures[-1], text, float(value), unit, (toks[i].start, toks[j - 1].end))
                if figures and figures[-1].sentence == number
                else None
            )
            if ranged is not None:
                # "$25 to $70": the top of the range the figure before gives, not a figure.
                figures[-1] = ranged
                i = j
                continue
            qualifier, hedge, first = _hedge(toks, i)
            vague = note is not None and toks[i].kind != "num"
            if note and not hedge:
                qualifier = Qualifier.at_least
            shared = _shared_hedge(toks, i, figures[-1] if figures else None, number, last_end)
            if shared is not None and (shared.unit or "people") != (unit or "people"):
                shared = None  # "some 17,800 arrests and 290 kg": another unit, its own hedge
            if shared is not None and not hedge and not vague:
                qualifier, hedge = shared.qualifier, shared.hedge
                note = f"hedge {shared.hedge!r} shared with {shared.words!r}"
            a, b = toks[first].start, toks[j - 1].end
            figures.append(
                Figure(float(value), qualifier, hedge, unit, text[a:b], number, note, vague, a, b)
            )
            last_end = j
            i = j
    return figures
