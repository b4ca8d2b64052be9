"""A figure's source whose name its sentence withholds, and an outlet that only saw a document
(issue 23, round thirty-seven): "An official at the NACD, who declined to be named, said ..."
is an unnamed source, not the NACD; "មន្ត្រីពន្ធនាគារម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ បានឲ្យដឹងថា ..." (a
prison official who asked not to be named said ...) is one too, not the person named before; "a
police report seen by Cambodianess" is the police's, never the outlet's. The words are data:
corpus/withheld_words.yaml."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from curation.suggest.unnamed import unnamed_source

_FILE = Path(__file__).resolve().parents[2] / "corpus" / "withheld_words.yaml"
_ZW = re.compile("[\u200b\u200c\u200d\ufeff]")


@cache
def _words() -> dict[str, Any]:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


@cache
def _english() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    en = _words()["en"]
    withheld = re.compile(rf"\b(?:{_alt(en['withheld'])})\b", re.I)
    # The clause's opener right after the person described, the withheld words within it.
    opener = re.compile(rf",?\s+(?:{_alt(en['opener'])})\b[^.;]{{0,60}}$", re.I)
    indefinite = re.compile(rf"(?:^|\s)(?:{_alt(en['indefinite'])})\s+\S", re.I)
    reader = re.compile(rf"\b(?:{_alt(en['reader'])})\s+(?:the\s+)?(?P<who>.+)$", re.I)
    return withheld, opener, indefinite, reader


def withheld_english(sentence: str) -> str | None:
    """The words describing a source whose name the sentence withholds ("a provincial police
    officer, who asked not to be named"), from its indefinite head to the withholding words;
    None when the sentence withholds no name, or its person is definite ("the official, who
    ...": someone named before) or not found."""
    withheld, opener, indefinite, _ = _english()
    if (w := withheld.search(sentence)) is None:
        return None
    if (o := opener.search(sentence[: w.start()])) is None:
        return None
    before = sentence[: o.start()]
    # The person described stands after the last clause break before the opener.
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(". "), before.rfind("—"))
    part = before[cut + 1 :]
    if (head := indefinite.search(part)) is None:
        return None
    return f"{part[head.start() :].strip()}, {sentence[o.start() : w.end()].strip(' ,')}"


def unnamed_english(sentence: str) -> dict[str, Any] | None:
    """The new unnamed actor (curation.suggest.unnamed) a sentence's withheld source is."""
    if (phrase := withheld_english(sentence)) is None:
        return None
    return unnamed_source(phrase, [f"speaker (unnamed): {phrase}"])


@cache
def _khmer() -> re.Pattern[str]:
    km = _words()["km"]
    one, who = re.escape(km["one_person"]), re.escape(km["relative"])
    # "<description>ម្នាក់ ដែល(សុំ)មិន ... បញ្ចេញឈ្មោះ": the description ends on "one person".
    return re.compile(rf"(?P<who>\S+?{one})\s*{who}[^។]{{0,30}}?(?:{_alt(km['withheld'])})")


def withheld_khmer(sentence: str) -> str | None:
    """The words describing a Khmer sentence's source whose name it withholds
    ("មន្ត្រីពន្ធនាគារម្នាក់", a prison official), or None."""
    m = _khmer().search(_ZW.sub("", sentence))
    return m.group("who") if m else None


def unnamed_khmer(fresh: dict[str, dict[str, Any]], printed: str) -> str:
    """The id of a new unnamed actor described in Khmer as printed (its English description
    the curator's), entered once in the article's new actors ``fresh``."""
    ident = "unnamed-km-" + hashlib.sha1(printed.encode()).hexdigest()[:8]
    fresh.setdefault(ident, {"actor_id": ident, "name": "", "name_km": printed, "aliases": [],
                             "kind": "unnamed", "role": printed, "organisation": "Not stated",
                             "actor_type": "other"})  # fmt: skip
    return ident


def withheld_source(
    quote: str, phrase: str | None, got: tuple[str | None, dict, list[str]], drafted: set[str]
) -> tuple[str | None, dict, list[str]]:
    """An English figure's source as drafted (``got``: id, new-actor draft, notes), mended: the
    unnamed source its sentence withholds the name of, in place of any named one; no source for
    an outlet that only saw the document. ``drafted`` holds the new actors drafted before."""
    actor_id, draft, notes = got
    if str(actor_id).startswith("unnamed") or (phrase and unnamed_source(phrase, notes)):
        return got  # an unnamed source already (the codebook's, or the new one drafted next)
    if (fresh := unnamed_english(quote)) is not None:
        ident = str(fresh["actor_id"])
        said = f"speaker (unnamed): {withheld_english(quote)} (a new unnamed source)"
        return ident, (fresh if ident not in drafted else {}), [said]
    if phrase and outlet_not_source(phrase, str(draft.get("name") or "")):
        return (
            None,
            {},
            [f"no speaker found: {phrase!r} names who saw the document, not its source"],
        )
    return got


def outlet_not_source(phrase: str, drafted: str) -> bool:
    """The source phrase names the actor drafted only as a document's reader ("a police report
    seen by Cambodianess", "figures the department shared with CamboJA"): not the source."""
    if not drafted or (m := _english()[3].search(phrase)) is None:
        return False
    name = re.sub(r"^the\s+", "", drafted.strip(), flags=re.I).casefold()
    return bool(name) and m.group("who").strip().casefold().startswith(name)
