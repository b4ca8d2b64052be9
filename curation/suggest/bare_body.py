"""Who proposes a measure whose subject is a body named by its bare head ("X said the ministry
plans to ...", "the government would open ..."): the one curated body of that head the article
names in full (round thirty-seven; round twenty-seven's body proposer left these to the
speaker's guess).

A bare head ("the ministry", "the government") is resolved only when the article names exactly
one curated body with that head word and no other body (nor a minister) of that head; otherwise
the speaker's guess stands. "The authority" is left to the speaker: on training the keys give
the official as often as the body (4 of 7). A modal ("would open", "will ask") is a body's own
plan here, never "should": "should" names whom a measure is asked of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from corpus.body_names import heads_first

# The subject right before the verb, after a clause opening ("said", "that", a comma, or the
# sentence's start): "the ministry", "The ministry also", "the government had".
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\bthat\s+|\b(?:said|says|added|told\s+\w+)\s+)"
    r"(?:[Tt]he\s+)(?:(?:drug|anti-drug|health|national)\s+)?"
    r"(?P<head>ministry|government)\s+"
    r"(?:(?:also|now|had|has|have|would|will|is|was|already|still)\s+){0,2}$"
)
# A body's own plan: the verbs of round twenty-seven's body proposer and a body's modal plan.
_OWN = re.compile(
    r"^(?:plans?|planned|planning|proposed|proposes|propose|asked|asks|recommends?|recommended|"
    r"decided|intends|intended|is\s+preparing|was\s+preparing|agreed|agrees|"
    r"(?:would|will)(?:\s+also)?(?:\s+(?:ask|open|build|set\s+up|introduce|create|start|begin|"
    r"install|train|publish|propose|expand))?)\b",
    re.I,
)
# A body's name in full, in capitals around its head: "the Interior Ministry", "Ministry of
# Social Affairs", "Royal Government of Cambodia".
_SPAN = (
    r"(?:[A-Z][\w'’-]*\s+)*{head}(?:\s+(?:of|for|and)\s+[A-Z][\w'’-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)?"
)
# "would open A and that every hospital should set up B": B's own subject is asked to act.
_ASKED_OF = re.compile(r"\b(?:should|must)\b", re.I)


def _names(actor: dict[str, Any]) -> list[str]:
    return [str(n) for n in (actor.get("name"), *(actor.get("aliases") or [])) if n]


def bare_body_proposer(
    sentence: str, verb: str, actors: Sequence[dict[str, Any]], text: str, name: str = ""
) -> tuple[str, str] | None:
    """(actor id, the subject's words) of the one curated body whose name holds the bare head
    that is the proposing verb's subject, named in full somewhere in the article; or None."""
    at = sentence.find(verb) if verb else -1
    if at <= 0 or not _OWN.match(verb) or _ASKED_OF.search(name):
        return None
    m = _SUBJECT.search(sentence[:at])
    if m is None:
        return None
    head = m.group("head").lower()
    # "the Health Ministry" is the Ministry of Health turned round; "the Interior Ministry" another.
    text = heads_first(text)
    found = [
        a
        for a in actors
        if a.get("kind") == "organisation"
        and any(re.search(rf"\b{head}\b", n, re.I) for n in _names(a))
        and any(re.search(rf"\b{re.escape(n)}\b", text) for n in _names(a))
    ]
    if len(found) != 1:
        return None
    # "the Interior Ministry ... the ministry plans": a body of that head no curated actor is,
    # named in the article, may be the one meant.
    names = [n.casefold() for n in _names(found[0])]
    spans = _SPAN.format(head=head.capitalize())
    if head == "ministry":
        spans += r"|(?:[A-Z][\w'’-]*\s+)+Minister\b"  # "Interior Minister Sar Kheng"
    for span in re.finditer(spans, text):
        if not any(n in span.group(0).casefold() for n in names):
            return None
    return str(found[0]["actor_id"]), m.group(0).strip(" ,;:")
