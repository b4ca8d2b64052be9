"""The words that tell a statement's topic and a few kinds of statement's stance: data in
statement_words.yaml beside this module (a new word or topic is a data change), read once and
compiled to the patterns curation/suggest/stance.py matches."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from data_model.records import Stance, Topic

_FILE = Path(__file__).with_name("statement_words.yaml")


def _pattern(word: str) -> str:
    """An English word matched where a word begins (``treat`` in "treatment", not in
    "retreat"); a Khmer word, written without spaces between words, anywhere."""
    return rf"(?<![a-z]){re.escape(word)}" if word.isascii() else re.escape(word)


def _alternatives(words: list[str], whole: bool = False) -> re.Pattern[str]:
    """One pattern for ``words``, the longest tried first; ``whole``: an English word must end
    where a word ends too."""
    end = r"(?![a-z])" if whole else ""
    parts = [_pattern(w) + (end if w.isascii() else "") for w in sorted(words, key=len)[::-1]]
    return re.compile("|".join(parts) or r"(?!)")  # no words: a pattern that never matches


@dataclass(frozen=True)
class StatementWords:
    """The compiled lists: per topic its words' patterns (the file's order, which breaks no tie:
    a tie is reported as one); the words read as no word or as another; the publishing, verdict,
    detention-staff, over-capacity and request-to-a-ministry rules (see statement_words.yaml)."""

    topics: dict[Topic, list[re.Pattern[str]]]
    false_friends: re.Pattern[str]
    read_as: dict[str, str]
    read_as_pattern: re.Pattern[str]
    publishing: re.Pattern[str]
    publishing_topic: Topic
    verdict: re.Pattern[str]
    verdict_topic: Topic
    verdict_stance: Stance
    staff: re.Pattern[str]
    staff_stance: Stance
    over_capacity: re.Pattern[str]
    over_capacity_stance: Stance
    request_to_ministry: re.Pattern[str]
    request_to_ministry_topic: Topic


def _words(section: Any) -> list[str]:
    return [str(w).lower() for w in section]


@cache
def statement_words() -> StatementWords:
    """The file's lists, compiled; a topic or stance the codebook does not know raises
    ValueError (tests/test_suggest_statement_words.py reads the file as shipped)."""
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    read_as = {str(k).lower(): str(v).lower() for k, v in data["read_as"].items()}
    verdict, staff = data["verdict"], data["detention_staff"]
    openings = [rf"{re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
                for w in _words(verdict["openings"])]  # fmt: skip
    roles, places = _words(staff["roles"]), _words(staff["places"])
    english = (rf"(?<![a-z])(?:{'|'.join(re.escape(r) for r in roles if r.isascii())})s? "
               rf"(?:at|in|of) (?:[\w'-]+ ){{0,4}}?(?:the )?"
               rf"(?:{'|'.join(re.escape(p) for p in places if p.isascii())})")  # fmt: skip
    khmer = (rf"(?:{'|'.join(re.escape(r) for r in roles if not r.isascii())})\S{{0,12}}?"
             rf"(?:{'|'.join(re.escape(p) for p in places if not p.isascii())})")  # fmt: skip
    return StatementWords(
        topics={
            Topic(t): [re.compile(_pattern(w)) for w in _words(ws)]
            for t, ws in data["topics"].items()
        },  # fmt: skip
        false_friends=_alternatives(_words(data["false_friends"]), whole=True),
        read_as=read_as,
        read_as_pattern=_alternatives(list(read_as)),
        publishing=_alternatives(_words(data["publishing"]["words"])),
        publishing_topic=Topic(data["publishing"]["topic"]),
        verdict=re.compile(rf"^[\W\d]*(?:{'|'.join(openings)})"),
        verdict_topic=Topic(verdict["topic"]),
        verdict_stance=Stance(verdict["stance"]),
        staff=re.compile(f"{english}|{khmer}", re.I),
        staff_stance=Stance(staff["stance"]),
        over_capacity=_alternatives(_words(data["over_capacity"]["words"]), whole=True),
        over_capacity_stance=Stance(data["over_capacity"]["stance"]),
        request_to_ministry=_alternatives(_words(data["request_to_ministry"]["words"])),
        request_to_ministry_topic=Topic(data["request_to_ministry"]["topic"]),
    )
