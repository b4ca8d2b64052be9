"""Numbers that are no figure by their shape or their line (round thirty-two): a clause's or a
named part's number, a file number joined by a slash, a year standing alone, a file's size, one
court case's haul, a quiz's options and score bands, a poll's votes or a post's views, a
contents line or a teaser's headline, a campaign's goal or a plan's aim, an hour of the clock
(round thirty-seven). Hand-written: the shapes are a page's, no library reads them."""

from __future__ import annotations

import re
from collections.abc import Callable

from curation.suggest.clock import CLOCK_AFTER, CLOCK_BEFORE, HOUR

# Khmer digits read as ASCII ones, one for one, so offsets stay the same.
_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

# "1.2 On 30 June ...", "2.1 The Authority recommends ...": a numbered clause's label.
_CLAUSE_LABEL = re.compile(r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?$")
_LABELLED = re.compile(r"\s+[A-Z]")  # a clause's words follow its label, no unit
# "recommendation 2.1", "section 4", "ចំណុច ៣": a numbered part of a document, named before it.
_PART_BEFORE = re.compile(
    r"(?:\b(?:recommendations?|sections?|paragraphs?|clauses?|articles?|chapters?|annex|"
    r"appendix|items?|points?|findings?|questions?|options?|pages?|p\.|pp\.)|§|ចំណុច|ប្រការ|"
    r"មាត្រា|អនុសាសន៍|ជំពូក|ទំព័រ)\s*(?:no\.?\s*)?(?:\d[\d.]*\s*(?:,|and|or|to|&|-|–)\s*)*$",
    re.I,
)
# "case file 1234/2022", "No. 12/2024": an identifier joined by a slash, no count.
_SLASHED_AFTER = re.compile(r"\s*/\s*\d")
_SLASHED_BEFORE = re.compile(r"\d\s*/\s*$")
# "2.4 MB", "(៨៤០ KB)": a file's size.
_SIZE_AFTER = re.compile(r"\s*(?:[KMGT]B|[kK]b|bytes?)\b")
_YEAR = re.compile(r"(?:19|20)\d{2}$")
# "arrested 2015 people", "held 1998 residents": a plural noun after it makes the number a count.
_COUNTED_NEXT = re.compile(r"\s+(?:[a-z]+s|people|men|women|children)\b")
# "sentenced two men to 18 years for trafficking 3.4 kg": the haul of the one case judged, a
# court's record; the keys count a campaign's hauls where police report them (C1).
_SENTENCE_VERB = re.compile(r"\b(?:sentenced|jailed|convicted|upheld)\b", re.I)
_TERM = re.compile(r"\b\d{1,2}[-\s]+years?\b|\b(?:life|years?)\s+(?:in\s+prison|imprisonment)\b",
                   re.I)  # fmt: skip
_WEIGHT_AFTER = re.compile(r"\s*(?:kg|kilo(?:gram(?:me)?s?)?|grams?|g|tonnes?|tons?)\b", re.I)
# "..., when officers seized nearly 4.2 kilograms": a seizure's own clause, the campaign's count.
_SEIZED_BEFORE = re.compile(r"\b(?:seiz|confiscat|raid|found|impound)\w*\b[^,;]*$", re.I)
_SENTENCE_END = re.compile(r"[.!?។]\s+(?=\S)")
# Two option labels or more on one line: "A) 3,980   B) 7,412   C) 11,060", "ក) ... ខ) ...".
# A short line only: a sentence listing "a) ... b) ..." in prose keeps its counts.
_OPTION = re.compile(r"(?:^|\s)(?:[A-D]|[កខគឃ])\s*[).]\s+\S")
_OPTIONS_LINE = 100
# "0-2 Time to read more news. 3-4 Well informed.": score bands, two or more on a line.
_BAND = re.compile(r"(?:^|[\s:.])\d{1,3}\s*[-–]\s*\d{1,3}\s*(?:points?\s*)?[:.]?\s+[A-Z]")
# "(1,486 votes)", "12,000 views", "shared more than 12,000 times": a poll's or a post's audience
# tallied, no count of the campaign.
_TALLY_AFTER = re.compile(
    r"\s*(?:votes?|ballots?|views?|likes?|shares?|followers?|subscribers?|comments?|reactions?|"
    r"retweets?|reposts?)\b|\s*(?:សំឡេង|ការចូលមើល|អ្នកតាមដាន|ចំណែករំលែក)",
    re.I,
)
_SHARED_TIMES = re.compile(r"\b(?:shared|viewed|watched|liked|retweeted|reposted|played)\b", re.I)
_TIMES_AFTER = re.compile(r"\s*times\b", re.I)
# "Arrests rise again ........ 4": a contents line, its page number after its leaders.
_CONTENTS_LINE = re.compile(r"(?:\.{3,}|…{2,}|\s{4,}|\t)\s*\d{1,3}\s*$")
# "Provinces ● page 4", "ព័ត៌មានខេត្ត ● ទំព័រ ៤" (Khmer digits read as ASCII): a teaser's label line.
_PAGE_REF = re.compile(r"(?:\bpages?|\bp\.|ទំព័រ)\s*\d{1,3}\s*\)?\s*$", re.I)
_SENTENCE_CLOSE = re.compile(r"[.!?។]\s*(?:\(.*\))?\s*$")
# "កាត់បន្ថយ ... ឲ្យបាន ១០ភាគរយ" (cut ... so as to reach 10%): a plan's aim, nothing counted yet.
_AIM_BEFORE = re.compile(r"(?:ឲ្យ|អោយ|ឱ្យ)បាន\s*(?:យ៉ាងតិច|ជាង|ចំនួន)?\s*$")
# Round thirty-seven: "7-9 am and 4-6 pm", "at 10.30 a.m.", "ម៉ោង ៧ព្រឹក" (at seven in the
# morning): a time of day, a page's opening hours or an event's start, never a count.
# The hour's words are clock.py's, shared with numbers.py.
# "of its $10,000 goal": the amount a campaign asks for, not what it counted.
_GOAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:goal|target)\b", re.I)


def _clause(line: str, a: int, b: int, above: str) -> bool:
    """A numbered clause's label at its line's start, or a part named before its number."""
    words = line[a:b]
    if _CLAUSE_LABEL.match(words) and not line[:a].strip() and _LABELLED.match(line, b):
        return True
    return bool(_PART_BEFORE.search(line[:a]))


def _identifier(line: str, a: int, b: int, above: str) -> bool:
    return bool(_SLASHED_AFTER.match(line, b) or _SLASHED_BEFORE.search(line[:a]))


def _size(line: str, a: int, b: int, above: str) -> bool:
    return bool(_SIZE_AFTER.match(line, b))


def _choices(line: str, a: int, b: int, above: str) -> bool:
    """A line of two options or more (a quiz's or a form's choices), or a score band."""
    if len(line) <= _OPTIONS_LINE and len(_OPTION.findall(line)) >= 2:
        return True
    return len(_BAND.findall(line)) >= 2


def _sentenced_haul(line: str, a: int, b: int, above: str) -> bool:
    """A weight in the sentence that hands down one case's prison term."""
    if not _WEIGHT_AFTER.match(line, b):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    first = max([e for e in ends if e <= a], default=0)
    last = min([e for e in ends if e > b], default=len(line))
    sentence = line[first:last]
    if _SEIZED_BEFORE.search(line[first:a]):
        return False
    return bool(_SENTENCE_VERB.search(sentence) and _TERM.search(sentence))


def _tally(line: str, a: int, b: int, above: str) -> bool:
    """Votes, views, likes or shares after the number, or "shared ... N times"."""
    if _TALLY_AFTER.match(line, b):
        return True
    return bool(_TIMES_AFTER.match(line, b) and _SHARED_TIMES.search(line[:a]))


def _contents(line: str, a: int, b: int, above: str) -> bool:
    """A contents line (its page after leaders ends it), or a teaser's headline under a page
    reference ("Provinces ● page 4"), which the teaser's summary restates."""
    if _CONTENTS_LINE.search(line):
        return True
    return bool(_PAGE_REF.search(above)) and not _SENTENCE_CLOSE.search(line)


def _clock(line: str, a: int, b: int, above: str) -> bool:
    """An hour of the clock: am/pm or o'clock after it (a range's first hour too), or the
    Khmer ម៉ោង (hour) before it; "48 ម៉ោង" (48 hours) after the number is a span and stays."""
    if not HOUR.match(line[a:b]):
        return False
    if CLOCK_AFTER.match(line, b):
        return True
    return bool(CLOCK_BEFORE.search(line[:a]))


def _goal(line: str, a: int, b: int, above: str) -> bool:
    return bool(_GOAL_AFTER.match(line, b) or _AIM_BEFORE.search(line[:a]))


# Each rule by name, given a line, where the number's words lie in it and the line above it
# (blank lines skipped): the number is no figure.
RULES: dict[str, Callable[[str, int, int, str], bool]] = {
    "a numbered clause or part": _clause,
    "an identifier joined by a slash": _identifier,
    "a file's size": _size,
    "one case's haul at its sentencing": _sentenced_haul,
    "an option or a score band": _choices,
    "a poll's or a post's audience": _tally,
    "a contents line or a teaser's headline": _contents,
    "a campaign's goal or a plan's aim": _goal,
    "an hour of the clock": _clock,
}


def _digits_at(words: str) -> int | None:
    """Where the number itself opens in a figure's words ("about 4.2 kg" -> 6), if in digits."""
    m = re.search(r"\d", words.translate(_DIGITS))
    return m.start() if m else None


def non_figure(body: str, start: int, words: str) -> str | None:
    """The rule saying the figure read from ``words`` at or after ``start`` in ``body`` is no
    figure, or None."""
    text = body.translate(_DIGITS)
    at = text.find(words.translate(_DIGITS), start)
    if at < 0:
        return None
    if _YEAR.match(words.translate(_DIGITS).strip()) and not _COUNTED_NEXT.match(
        text, at + len(words)
    ):
        return "a year alone"  # no key holds a bare year as a count: it dates, never counts
    inner = _digits_at(words)
    if inner is None:  # a number in words ("About a quarter"): the words themselves
        a, b = at, at + len(words)
    else:
        a = at + inner
        b = a + len(re.match(r"\d+(?:[.,]\d+)*", text[a:]).group(0))
    first = text.rfind("\n", 0, a) + 1
    last = text.find("\n", b)
    line = text[first : last if last >= 0 else len(text)]
    above = text[:first].rstrip().rsplit("\n", 1)[-1]
    return next(
        (name for name, rule in RULES.items() if rule(line, a - first, b - first, above)), None
    )
