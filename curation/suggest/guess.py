"""Guesses a curator confirms: the actor and event of a draft (topic and stance: stance.py), each matched to
the curated records; spelling variants of a name through rapidfuzz (kept: bench/draft_libraries.py
finds 91 of 100 speakers right with it, 88 with exact names, aliases and surnames alone).

Every guess is a proposal shown beside its reason; nothing here is saved unchecked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from corpus.body_names import head_first
from corpus.load import RawRecord
from curation.suggest.draft import _curated  # the one reader of curated files for drafts
from data_model.records import EventKind

#: How alike two spellings of a name must be (rapidfuzz ratio, 0-100) to offer a match:
#: "Mak Chito" ~ "Mok Chito" is 89, two different Khmer names sharing a surname score lower.
FUZZY_NAME = 85
#: How alike each word of two names of as many words must be as well: two people who share
#: one long word ("Hak Sovann" and "Chea Sovann", 86 in all) differ in the other ("hak" ~
#: "chea" 57), where a misspelling differs a little in each ("mak" ~ "mok" 67).
FUZZY_WORD = 60


def _alike(who: str, known: str) -> float:
    """How alike two names are (0-100): the whole's ratio, or 0 when they have as many words
    and one pair of words is unlike."""
    score = fuzz.ratio(who, known)
    words, known_words = who.split(), known.split()
    if len(words) == len(known_words) and any(
        fuzz.ratio(a, b) < FUZZY_WORD for a, b in zip(words, known_words, strict=True)
    ):
        return 0.0
    return score


def another_family(who: str, known: str) -> bool:
    """Two persons' names whose family names (a Khmer name's first word, in Latin letters as in
    Khmer) differ, however alike the rest: "Pen Sokhom" is not "Pin Sokhom" (round thirty-five:
    a family name spelt with another letter names another family). A spelling the curated
    person is known by is an alias of theirs ("Mak Chito" of Mok Chito), matched exactly."""
    mine, theirs = who.casefold().split()[:1], known.casefold().split()[:1]
    return bool(mine and theirs) and mine != theirs


def fuzzy_actor(
    names: Iterable[str], actors: Sequence[dict[str, Any]]
) -> tuple[dict[str, Any], str, float] | None:
    """The curated actor whose name or alias is spelt most like the speaker's, with the
    spelling matched and its score, when the score reaches FUZZY_NAME (flagged for review).
    A person whose family name is spelt otherwise is never offered (another_family)."""
    best: tuple[dict[str, Any], str, float] | None = None
    for who in (n.strip() for n in names if n and len(n.split()) >= 2):
        for actor in actors:
            if actor.get("kind") == "unnamed":
                continue
            for known in [
                str(actor.get("name", "")),
                *[str(a) for a in actor.get("aliases") or []],
            ]:
                if actor.get("kind") == "person" and another_family(who, known):
                    continue
                score = _alike(who.casefold(), known.casefold())
                if score >= FUZZY_NAME and (best is None or score > best[2]):
                    best = (actor, known, score)
    return best


def other_family(names: Iterable[str], actors: Sequence[dict[str, Any]]) -> str | None:
    """The curated person spelt like the speaker but for the family name ("Pin Sokhom" beside
    a "Pen Sokhom"): said beside the new actor drafted, for the curator to check."""
    for who in (n.strip() for n in names if n and len(n.split()) >= 2):
        for actor in actors:
            known = str(actor.get("name", ""))
            if (
                actor.get("kind") == "person"
                and another_family(who, known)
                and fuzz.ratio(who.casefold(), known.casefold()) >= FUZZY_NAME
            ):
                return f"{known} ({actor.get('actor_id')})"
    return None


def guess_actor(names: Iterable[str], actors: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The curated actor named (name, alias, or a surname/short form of either), if one is."""
    for who in (n.casefold().strip() for n in names if n):
        for actor in actors:
            known = [str(actor.get("name", "")), *[str(a) for a in actor.get("aliases") or []]]
            folded = [k.casefold() for k in known if k]
            org = str(actor.get("organisation", "")).casefold()
            if who in folded or any(k.endswith(" " + who) for k in folded):
                return actor
            # "Deputy Premier Sar Kheng", "Oknha Krolahom Sar Kheng": a curated full name of two
            # words or more after titles the codebook does not list is that person.
            if actor.get("kind") == "person" and any(
                len(k.split()) >= 2 and who.endswith(" " + k) for k in folded
            ):
                return actor
            if actor.get("kind") == "organisation" and who and org.startswith(who):
                return actor
            # Round thirty-seven: "the Health Ministry" is the codebook's "Ministry of Health".
            if actor.get("kind") == "organisation" and head_first(who) in folded:
                return actor
    return None


def names_in(phrase: str, name: str) -> list[str]:
    """Names to look up for a speaker phrase: its name, and the body after 'a report by'."""
    out = [name]
    if m := re.search(r"\b(?:report|statement|study|survey) (?:by|from) (?:the )?(.+)$", phrase):
        out.append(m.group(1))
    return out


# --- events ---------------------------------------------------------------------------------

_EVENT_VERBS: tuple[tuple[str, EventKind], ...] = (
    (r"launch(?:ed)?|began|begun|started|kicked off", EventKind.launch),
    (r"extended|extension", EventKind.extension),
    (r"destroyed|burned|burnt|incinerated", EventKind.destruction),
    (r"died|death of|killed", EventKind.death),
    (r"met to review|review meeting|reviewed", EventKind.review_meeting),
    (r"opened|announced", EventKind.announcement),
)


def guess_event(sentence: str) -> tuple[EventKind, str] | None:
    """The kind of dated moment a sentence reports ('the campaign began on ...'), if any."""
    for pattern, kind in _EVENT_VERBS:
        if m := re.search(rf"\b(?:{pattern})\b", sentence, re.I):
            return kind, m.group(0)
    return None


@dataclass(frozen=True)
class Curated:
    """The curated lists guesses are matched against, as plain mappings."""

    metrics: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    policies: list[dict[str, Any]]
    phases: list[dict[str, Any]]
    units: list[dict[str, Any]]
    categories: list[dict[str, Any]] = field(default_factory=list)
    # Positions coded in articles' own files (those inside policies.yaml sit on the policy).
    positions: list[dict[str, Any]] = field(default_factory=list)

    def coded_positions(self) -> list[tuple[str, str, str]]:
        """(policy_id, source_id, quote) of every position already curated."""
        found = [
            (str(p.get("policy_id")), str(q.get("source_id")), str(q.get("quote", "")))
            for p in self.policies
            for q in p.get("positions") or []
        ]
        found += [
            (str(q.get("policy_id")), str(q.get("source_id")), str(q.get("quote", "")))
            for q in self.positions
        ]
        return found


def curated_lists(seeds_dir: Path) -> Curated:
    """Read the curated files under ``seeds_dir`` (problems are the check's business)."""
    return curated_of(_curated(seeds_dir))


def curated_of(records: Iterable[RawRecord]) -> Curated:
    """The curated records drafts are matched against, by kind."""
    by: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by.setdefault(r.kind, []).append(r.data)
    kinds = ("metrics", "actors", "policies", "phases", "units", "categories", "positions")
    return Curated(*(by.get(k, []) for k in kinds))


_GOVERNMENT = re.compile(r"\b(minist\w*|government|authority|governor|council)\b", re.I)
_POLICE = re.compile(r"\b(police|military police|gendarmerie)\b", re.I)
_NGO = re.compile(r"\b(rights|network|ngo|charity|association|licadho|adhoc)\b", re.I)


def actor_type_of(words: str) -> str:
    """The kind of organisation a new actor's role and organisation suggest."""
    if _POLICE.search(words):
        return "police"
    if _GOVERNMENT.search(words):
        return "government"
    if _NGO.search(words):
        return "ngo"
    if re.search(r"\b(doctor|dr|professor|researcher|expert)\b", words, re.I):
        return "expert"
    return "other"


#: How a reason names an actor drafted from the name an article prints in Khmer.
IN_KHMER_AS_PRINTED = (
    "a new actor: named in Khmer as printed, its name in Latin letters left to the curator"
)


def khmer_named(fresh: dict[str, dict[str, Any]], kind: str, key: str, printed: str) -> str:
    """The id of a new actor (a person or an organisation) drafted from the name an article
    prints in Khmer, its Latin name left to the curator (never romanised here); `key` is the
    printed name however spaced, so the same name is one entry with one id in every article."""
    prefix = "person" if kind == "person" else "org"
    ident = f"{prefix}-km-" + hashlib.sha1(key.encode()).hexdigest()[:8]
    fresh.setdefault(ident, {"actor_id": ident, "name": "", "name_km": printed, "aliases": [],
                             "kind": kind, "role": "", "organisation": "",
                             "actor_type": "other"})  # fmt: skip
    return ident
