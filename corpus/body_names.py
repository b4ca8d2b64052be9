"""The formal names of bodies the curated actors lack that the press names in several ways:
data in body_names.yaml beside this module (a new body is a data change), read once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("body_names.yaml")


@cache
def _bodies() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8")) or []
    return tuple(
        (str(b["name"]), re.compile(b["pattern"], re.I),
         re.compile(b["not_with"], re.I) if b.get("not_with") else None)
        for b in data
    )  # fmt: skip


# A person at the body, not the body: "an official at the Interior Ministry's anti-drug
# department", "a spokesman for ...".
_PERSON_AT = re.compile(
    r"\b(?:official|officer|spokes(?:man|woman|person)|director|chief|head|commander|source|"
    r"deputy|member|worker)s?\s+(?:at|of|for|in|from|with)\b",
    re.I,
)


def formal_body(phrase: str, before: str = "") -> str | None:
    """The formal name of the body a source phrase names in one of its printed forms, read with
    the words just ``before`` it ("the National Police's Anti-Drug Department", "the Interior
    Ministry's anti-drug [department]": "Anti-Drug Police Department"), or that those words name
    as its unit ("the anti-drug department of [the Interior Ministry]"); None when they name none,
    name a person at it ("an official at ..."), or name it beside words that make it another
    body ("the provincial anti-drug department")."""
    text = f"{before}{phrase}".rstrip(" ,")
    for name, pattern, not_with in _bodies():
        ends = re.compile(rf"(?:{pattern.pattern})$", re.I)
        unit = re.compile(rf"(?:{pattern.pattern})\s+of\s+(?:the\s+)?$", re.I)
        if not (ends.search(text) or (before and unit.search(before))):
            continue
        tail = text[-len(phrase) - 60 :]
        if not (not_with and not_with.search(tail)) and not _PERSON_AT.search(tail):
            return name
    return None


def counting_body(before: str, verbs: str) -> str | None:
    """The formal name of the body that the words before a figure say counted it, named in one
    of its printed forms ("the ministry's anti-drug department counted ..."); ``verbs`` is the
    regex of counting verbs the caller reads."""
    for name, pattern, not_with in _bodies():
        for m in re.finditer(rf"(?:{pattern.pattern})\s+{verbs}", before, re.I):
            tail = before[max(0, m.start() - 60) : m.end()]
            if not (not_with and not_with.search(tail)) and not _PERSON_AT.search(tail):
                return name
    return None


def formal_in(name: str) -> str | None:
    """The formal name of the body a printed name is in one of its forms (a Khmer name too:
    "នាយកដ្ឋានប្រឆាំងគ្រឿងញៀន នៃក្រសួងមហាផ្ទៃ"), None when it is none or another body's own."""
    for formal, pattern, not_with in _bodies():
        if pattern.search(name) and not (not_with and not_with.search(name)):
            return formal
    return None


def new_body_id(name: str) -> str:
    """The id a draft gives a new organisation of this name: the short name it gives itself in
    brackets ("Khmer Family Recovery Association (KFRA)": "kfra"), else its first six words
    ("Ministry of Interior": "ministry-of-interior"). The keys give a body_names.yaml body the
    id of its formal name (convention C6 of tests/fixtures/drafting/README.md)."""
    short = re.search(r"\(([A-Z][A-Za-z]{1,9})\)\s*$", name)
    if short:
        return short.group(1).lower()
    return "-".join(re.findall(r"[a-z0-9]+", name.lower())[:6]) or "new"


# "the Health Ministry" is the Ministry of Health turned round (round thirty-seven): English puts
# a ministry's field before its head or after "of", a codebook the latter. One rule for a name
# (guess.py looks a folded name up) and for an article's text (bare_body.py reads a body's name
# in full); an article ("The Ministry") is no field.
_NO_FIELD = r"(?!(?i:the|an?)\b)"
_FIELD_FIRST = re.compile(
    rf"(?:the\s+)?{_NO_FIELD}(?P<field>[a-z][a-z\s]*?)\s+(?P<head>ministry)", re.I
)
# In running text a name is told from its sentence by its capitals: one field word.
_FIELD_FIRST_IN_TEXT = re.compile(rf"\b{_NO_FIELD}[A-Z][a-z]+\s+Ministry\b")


def head_first(name: str) -> str:
    """A body's whole name with its head first, as a codebook writes it ("health ministry" ->
    "ministry of health", "the Health Ministry" -> "Ministry of Health"); "" when the name has
    no field before its head."""
    m = _FIELD_FIRST.fullmatch(name)
    return f"{m['head']} of {m['field']}" if m else ""


def heads_first(text: str) -> str:
    """An article's text with every body named field first turned round by head_first ("the
    Health Ministry said" -> "the Ministry of Health said")."""
    return _FIELD_FIRST_IN_TEXT.sub(lambda m: head_first(m.group(0)), text)
