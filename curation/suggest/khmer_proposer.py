"""Who proposes a Khmer measure when a curated body is the subject of its verb
("អាជ្ញាធរជាតិគ្រោងនឹងសាងសង់ ...", the national authority plans to build ...): that body, not the
official telling of it (round thirty-six, issue 23; the English rule is curation.suggest.proposer).

The subject is all the words between the clause's break ("ថា", that; "៖"; "ហើយ", and; a
quotation mark) and the verb, its auxiliaries set aside: a curated body's Khmer name (or spelt a
little differently), one of its short forms, or a bare head noun ("អាជ្ញាធរ", the authority) when
the article names exactly one curated body in full whose name opens with it. Any word more (a
person, "ប្រធាន" the head of, a date) and it is no body's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from corpus.khmer import normalise
from corpus.khmer_speech import speaker_key

_FILE = Path(__file__).resolve().parents[2] / "corpus" / "khmer_body_forms.yaml"
# Where the subject's clause starts: "ថា" (that), "៖", "ហើយ" (and), a quotation mark, a comma.
_BREAK = re.compile(r'ថា|៖|:|ហើយ|"|,|។')
# What a body says between its name and the verb: did, will, also, plans, please.
_AUX = re.compile(r"(?:\s?(?:បាន|នឹង|សូម|ក៏|គ្រោង|មានគម្រោង|ផងដែរ))+\s*$")
# A list item's number or bullet before the subject ("៦. អាជ្ញាធរជាតិ...", "- ក្រសួង...").
_MARKER = re.compile(r"^(?:[0-9០-៩]{1,2}\s*[.)]|[•\-–])\s*")
# How alike a subject and a curated name must be to be one body spelt differently (as a
# letterhead's: curation.suggest.letterhead).
_ALIKE = 0.9


def _alike(key: str, name: str) -> bool:
    """One body's name spelt a little differently ("ប្រឆាំងគ្រឿងញៀន" for "ប្រឆាំងនឹងគ្រឿងញៀន"):
    the same opening word and 90% alike; a word put before it ("ប្រធាន...", the head of the
    ...) makes it another subject, however alike the rest."""
    return key[:6] == name[:6] and SequenceMatcher(None, key, name).ratio() >= _ALIKE


@cache
def _forms() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8")) or {}
    short = {str(k): frozenset(speaker_key(normalise(v).text) for v in vs)
             for k, vs in (data.get("short") or {}).items()}  # fmt: skip
    return short, frozenset(speaker_key(normalise(h).text) for h in data.get("heads") or [])


def _named(body: str, actor: dict[str, Any], short: frozenset[str]) -> bool:
    """Whether the article names the body in full or by a short form of its own."""
    text, name = speaker_key(normalise(body).text), speaker_key(str(actor["name_km"]))
    if name in text or any(s in text for s in short):
        return True
    # Spelt a little differently ("ប្រឆាំងគ្រឿងញៀន" for "ប្រឆាំងនឹងគ្រឿងញៀន"): a span as long
    # as the name, give or take its difference, opening where it does.
    starts = (m.start() for m in re.finditer(re.escape(name[:6]), text))
    return any(_alike(text[i : i + n], name) for i in starts for n in range(len(name) - 4,
               len(name) + 5))  # fmt: skip


def khmer_body_proposer(
    before: str, body: str, actors: Sequence[dict[str, Any]]
) -> tuple[str, str] | None:
    """(actor id, the subject's words) of the curated body a Khmer measure's verb has for its
    subject, read from the normalised words ``before`` the verb; None for a person, a body no
    curated actor is, or a bare head the article does not tie to one curated body."""
    subject = _MARKER.sub("", _AUX.sub("", _BREAK.split(before)[-1]).strip())
    key = speaker_key(subject)
    if len(key) < 3:
        return None
    short, heads = _forms()
    bodies = [a for a in actors if a.get("kind") == "organisation" and a.get("name_km")]
    for a in bodies:
        name = speaker_key(str(a["name_km"]))
        own = short.get(str(a["actor_id"]), frozenset())
        if key == name or key in own or _alike(key, name):
            return str(a["actor_id"]), subject
    if key in heads:
        named = [a for a in bodies if speaker_key(str(a["name_km"])).startswith(key)
                 and _named(body, a, short.get(str(a["actor_id"]), frozenset()))]  # fmt: skip
        return (str(named[0]["actor_id"]), subject) if len(named) == 1 else None
    return None
