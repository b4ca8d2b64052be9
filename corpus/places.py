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
def _data() -> dict:
    """places.yaml, read once."""
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def provinces() -> list[dict]:
    """places.yaml's provinces (each its name, English spellings and Khmer forms), read once."""
    return _data()["provinces"]


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, str | None], re.Pattern[str], re.Pattern[str]]:
    """One pattern for every place's every spelling (a scan per text, not per place), and the
    province each spelling is (None: outside Cambodia)."""
    data = _data()
    english: dict[str, str | None] = {}
    khmer: dict[str, str | None] = {}
    after: dict[str, str | None] = {}
    for p in data["provinces"]:
        english |= dict.fromkeys([p["name"], *(p.get("spellings") or [])], p["name"])
        khmer |= dict.fromkeys(p.get("km") or [], p["name"])
        after |= dict.fromkeys(p.get("km_after") or [], p["name"])
    english |= dict.fromkeys(data["outside"]["en"], None)
    khmer |= dict.fromkeys(data["outside"]["km"], None)
    # English names are proper nouns, matched as written: a dateline's "PHNOM PENH" is none.
    found = re.compile(rf"(?<![\w-])(?:{_words(list(english))})(?![\w-])|{_words(list(khmer))}|"
                       rf"(?<={_KM_PROVINCE})(?:{_words(list(after))})")  # fmt: skip
    not_places = re.compile(_words(data["not_places"]["en"]))
    whole = data["nationwide"]
    nationwide = re.compile(
        rf"(?<![\w-])(?:{_words(whole['en'])})(?![\w-])|{_words(whole['km'])}", re.I
    )
    return found, english | khmer | after, not_places, nationwide


def places_in(text: str) -> list[Place]:
    """Every place ``text`` names, in order of appearance (an outlet's name is no place)."""
    found, province, not_places, _ = _patterns()
    text = not_places.sub(lambda m: " " * len(m.group(0)), text)
    return [Place(province[m.group(0)], m.group(0), m.start()) for m in found.finditer(text)]


def says_nationwide(text: str) -> str | None:
    """The words in ``text`` that say a figure covers the whole country, if any."""
    m = _patterns()[3].search(text)
    return m.group(0) if m else None


@cache
def _local() -> re.Pattern[str]:
    words = _data()["local"]
    english = rf"(?<![\w-])(?:{_words(words['en'])})(?![\w-])"
    return re.compile(rf"(?i:{english})|{_words(words['km'])}")


def says_local(text: str) -> str | None:
    """Words in ``text`` for a place smaller than the country ("district", "provincial")."""
    m = _local().search(text)
    return m.group(0) if m else None
