"""A province's body (its police, health department, administration, court, prison) in any printed
form, English or Khmer, as one name and one id: words in province_bodies.yaml beside this module,
provinces in places.yaml (a new form or spelling is a data change), read once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from corpus.places import provinces as _provinces

_FILE = Path(__file__).with_name("province_bodies.yaml")
# A bracketed gloss after a name ("Siem Reap provincial police (ស្នងការដ្ឋាន...)") and an article.
_GLOSS = re.compile(r"\s*\(.*\)\s*$")
_THE = re.compile(r"^(?:the)\s+", re.I)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], dict[str, str], dict[str, str]], ...]:
    """Per province: one English and one Khmer pattern of the whole name, with the kind each
    printed kind word is, and the province's canonical name."""
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    en_kind = {w.lower(): k["kind"] for k in data["kinds"] for w in k["en"]}
    km_kind = {w: k["kind"] for k in data["kinds"] for w in k["km"]}
    level = _alt(data["levels"]["en"])
    kind_en, kind_km = _alt(list(en_kind)), _alt(list(km_kind))
    names: dict[str, str] = {}
    km_names: dict[str, str] = {}
    for p in _provinces():
        names |= dict.fromkeys([p["name"], *(p.get("spellings") or [])], p["name"])
        km_names |= dict.fromkeys([*(p.get("km") or []), *(p.get("km_after") or [])], p["name"])
    prov = _alt(list(names))
    english = re.compile(
        rf"^(?:(?P<p1>{prov})(?:\s+(?:{level}))?\s+(?P<k1>{kind_en})"
        rf"|(?:(?:{level})\s+)?(?P<k2>{kind_en})\s+(?:of|in)\s+(?:the\s+)?(?P<p2>{prov})"
        rf"(?:\s+(?:province|capital))?)$",
        re.I,
    )
    lv = data["levels"]["km"]
    khmer = re.compile(
        rf"^(?P<k>{kind_km})\s*(?:{lv['province']}|{lv['capital']})\s*(?P<p>{_alt(list(km_names))})$"
    )
    folded = {n.lower(): c for n, c in names.items()}
    return ((english, en_kind, folded), (khmer, km_kind, km_names))


def province_body(name: str) -> str | None:
    """The one name of the province's body ``name`` is in any of its printed forms
    ("Siem Reap police commissariat", "the provincial police of Siem Reap",
    "ស្នងការដ្ឋាននគរបាលខេត្តសៀមរាប": "Siem Reap Provincial Police"; the capital's are
    "Phnom Penh Municipal ..."); None when it is no such body ("Siem Reap Youth for Community",
    "Bati district police")."""
    text = _THE.sub("", _GLOSS.sub("", name.strip())).strip().rstrip(".,")
    text = " ".join(text.split()) if text.isascii() else text
    for pattern, kinds, provinces in _patterns():
        m = pattern.match(text)
        if m is None:
            continue
        got = {k: v for k, v in m.groupdict().items() if v}
        place = got.get("p1") or got.get("p2") or got["p"]
        kind = got.get("k1") or got.get("k2") or got["k"]
        province = provinces.get(place.lower() if place.isascii() else place)
        if province is None:
            return None
        kind = kinds[kind.lower() if kind.isascii() else kind]
        level = "Municipal" if province == "Phnom Penh" else "Provincial"
        return f"{province} {level} {kind}"
    return None
