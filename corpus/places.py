"""The places a sentence names, for a figure's geography: Cambodia's provinces and capital, places
outside Cambodia and words for the whole country, as data in places.yaml beside this module (a
new spelling is a data change), read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_FILE = Path(__file__).with_name("places.yaml")
_KM_PROVINCE = "ខេត្ត"  # "province", before a Khmer name that is also a common word


@dataclass(frozen=True)
class Place:
    """One place named in a text: the province it is (None outside Cambodia) and the words."""

    province: str | None  # the province's name as places.yaml writes it; None: outside Cambodia
    words: str  # as the text writes it ("Takeo", "Sihanoukville", "តាកែវ", "Thailand")
    start: int


def _words(names: list[str]) -> str:
    ordered = sorted({str(n) for n in names}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in ordered)


@cache
def _patterns() -> tuple[
    list[tuple[str | None, re.Pattern[str]]], re.Pattern[str], re.Pattern[str]
]:
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    found: list[tuple[str | None, re.Pattern[str]]] = []
    for p in data["provinces"]:
        english = _words([p["name"], *(p.get("spellings") or [])])
        # English names are proper nouns, matched as written: a dateline's "PHNOM PENH" is none.
        found.append((p["name"], re.compile(rf"(?<![\w-])(?:{english})(?![\w-])")))
        if p.get("km"):
            found.append((p["name"], re.compile(_words(p["km"]))))
        if p.get("km_after"):
            found.append(
                (p["name"], re.compile(rf"(?<={_KM_PROVINCE})(?:{_words(p['km_after'])})"))
            )
    out = data["outside"]
    found.append((None, re.compile(rf"(?<![\w-])(?:{_words(out['en'])})(?![\w-])")))
    found.append((None, re.compile(_words(out["km"]))))
    not_places = re.compile(_words(data["not_places"]["en"]))
    whole = data["nationwide"]
    nationwide = re.compile(
        rf"(?<![\w-])(?:{_words(whole['en'])})(?![\w-])|{_words(whole['km'])}", re.I
    )
    return found, not_places, nationwide


def places_in(text: str) -> list[Place]:
    """Every place ``text`` names, in order of appearance (an outlet's name is no place)."""
    found, not_places, _ = _patterns()
    text = not_places.sub(lambda m: " " * len(m.group(0)), text)
    hits = [Place(province, m.group(0), m.start()) for province, pattern in found
            for m in pattern.finditer(text)]  # fmt: skip
    return sorted(hits, key=lambda p: p.start)


@cache
def _local() -> re.Pattern[str]:
    words = yaml.safe_load(_FILE.read_text(encoding="utf-8"))["local"]
    english = rf"(?<![\w-])(?:{_words(words['en'])})(?![\w-])"
    return re.compile(rf"(?i:{english})|{_words(words['km'])}")


def says_local(text: str) -> str | None:
    """Words in ``text`` for a place smaller than the country ("district", "provincial")."""
    m = _local().search(text)
    return m.group(0) if m else None


def says_nationwide(text: str) -> str | None:
    """The words in ``text`` that say a figure covers the whole country, if any."""
    m = _patterns()[2].search(text)
    return m.group(0) if m else None
