"""An unnamed source as a new actor draft (issue 23, round twenty-three (c)): "A prison guard,
who asked not to be named, said ..." gives the unnamed actor a curator would add, described in
the article's own words, rather than a blank speaker beside its description."""

from __future__ import annotations

import re
from typing import Any

from curation.suggest.guess import actor_type_of
from curation.suggest.plural_sources import plural_source

#: A person described, not named: an indefinite head ("a guard", "one member", "another
#: mother", "her sister") or words saying the name is withheld. A definite head ("the report",
#: "the official") or "we" refers back to someone named before: that one is theirs, not new.
_INDEFINITE = re.compile(r"^(?:an?|one|another|her|his|their)\s+\S", re.I)
_WITHHELD = re.compile(
    r"not to be named|declined to be named|not want to be named|name not be used|anonymity|"
    r"condition that|not authori[sz]ed to speak",
    re.I,
)
#: A document or a body, not a person: its organisation speaks (a letterhead, a report's author).
_NOT_A_PERSON = re.compile(
    r"\b(?:statement|report|release|letter|agencies|groups|organi[sz]ations|coalition)\b", re.I
)
#: Where a description's head ends: its first comma, a "who"/"whose" clause or a parenthesis.
_HEAD_END = re.compile(r",|\s+(?:who|whose)\b|\s*\(")


def unnamed_source(phrase: str, notes: list[str]) -> dict[str, Any] | None:
    """The new-actor draft of a statement's unnamed source ("A guard at Prey Sar, who asked not
    to be named"): kind unnamed, its role the article's description; None when the speaker
    drafted is not an unnamed person (a pronoun, a document, a definite "the official", a
    name, a Khmer description: its Latin name is the curator's)."""
    if not (notes and notes[0].startswith("speaker (unnamed): ")) or not phrase.isascii():
        return None
    # Round twenty-seven (a): "Relatives of men held at the centre" (a plural of people that
    # opens its sentence, curation.suggest.plural_sources) is described, not named, too.
    described = (
        _INDEFINITE.match(phrase) or _WITHHELD.search(phrase) or plural_source(phrase.split())
    )
    if not described or _NOT_A_PERSON.search(phrase):
        return None
    head = _HEAD_END.split(phrase, maxsplit=1)[0].strip()
    words = re.findall(r"[a-z0-9]+", head.lower())
    words = [w for w in words if w not in ("a", "an", "one", "another", "her", "his", "their")]
    if not words:
        return None
    return {
        "actor_id": "unnamed-" + "-".join(words[:5]),
        "name": f"{head[0].upper()}{head[1:]} (unnamed)",
        "aliases": [],
        "kind": "unnamed",
        "role": phrase.strip(),
        "organisation": "Not stated",  # as the codebook's unnamed actors: a valid record
        "actor_type": actor_type_of(phrase),
    }


def named_speaker(row: Any) -> str | None:
    """A drafted statement's speaker when it is someone named (a curated or new actor); None
    for no speaker and for an unnamed source drafted as a new unnamed actor."""
    fresh = row.new.get("actors") or {}
    return None if fresh.get("kind") == "unnamed" else row.record.get("actor_id")
