"""Proposals and positions in a sentence: what is proposed, suggested, called for, urged or
planned, each measure of a list as its own draft, and a position on a curated proposal only
when the words are that proposal (hand-written: no library reads policy proposals).

A sentence "proposed A and B" gives two drafts; "urged the government to adopt X" gives X.
A curated proposal is chosen when the measure's words hold most of its name's content words
(the name, not the long description: "new rehabilitation centres" is not "More rehabilitation
centres, paid for by selling seized motorbikes").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from curation.suggest.metrics import stems
from data_model.records import Position

_VERB = re.compile(
    r"\b(?P<verb>proposed|proposes|propose|suggested|suggests|called\s+for|calls\s+for|"
    r"called\s+on|calls\s+on|urged|urges|recommended|recommends|plans?\s+to|planned\s+to|"
    r"would\s+ask\s+for|will\s+ask\s+for|would\s+(?:open|build|introduce|set\s+up|create)|"
    r"will\s+(?:open|build|introduce|set\s+up|create))\b",
    re.I,
)
# "urged provincial governors to put ...": the measure starts after the addressee's "to".
_ADDRESSED = ("called on", "calls on", "urged", "urges")
_SUPPORTS = re.compile(r"\b(support(?:s|ed)?|welcome[sd]?|backed|backs|endorsed|praised|"
                       r"a model|continue)\b", re.I)  # fmt: skip
_OPPOSES = re.compile(
    r"\b(oppos(?:e|es|ed)|reject(?:s|ed)?|not the answer|criticis(?:e|es|ed)|doubted)\b", re.I
)
# A list's next measure: "and opening ...", "and to end ...", "and a special prison ...".
_NEXT = re.compile(r",?\s+and\s+(?=(?:to\s+\w+|\w+ing|an?\s|the\s|new\s|more\s))", re.I)
# Where a measure's words end: a trailing circumstance after a comma ("..., at its review").
_TAIL = re.compile(r",\s+(?:at|in|on|during|as|while|which|who|saying|according)\b.*$", re.I)
_AUTHORITY = re.compile(
    r"\b(?:government|ministry|ministries|authorit\w*|province\w*|governors?|police|officials|"
    r"state|parliament|lawmakers|assembly|donors|courts?|prisons?|agencies|department|"
    r"councils?|commune\w*|the\s+nacd|Royal)\b",
    re.I,
)
# Share of a curated proposal's name words the sentence must hold to be a position on it.
_NAME_SHARE = 0.6


@dataclass(frozen=True)
class Measure:
    """A measure a sentence proposes, or a position on a curated proposal."""

    policy_id: str | None  # the curated proposal a position is on; None for a new proposal
    position: Position
    verb: str
    name: str  # the measure in the article's words ("special drug courts to clear ...")
    reason: str
    confidence: float


def _curated_fit(words: str, policies: Sequence[dict[str, Any]]) -> tuple[dict, float] | None:
    """The curated proposal whose name the words hold most of, if they hold enough of it."""
    have = stems(words)
    best: tuple[dict, float] | None = None
    for p in policies:
        name = stems(str(p.get("name", "")))
        if len(name) < 1:
            continue
        share = len(name & have) / len(name)
        enough = len(name & have) >= min(2, len(name))
        if share >= _NAME_SHARE and enough and (best is None or share > best[1]):
            best = (p, share)
    return best


def _measures_after(text: str, verb: str) -> list[str]:
    rest = text
    if verb.lower() in _ADDRESSED:
        to = re.search(r"\bto\s+", rest)
        # "urged families to send their children" asks people, not a government: no measure.
        if to is None or to.start() > 80 or not _AUTHORITY.search(rest[: to.start()]):
            return []
        rest = rest[to.end() :]
    rest = _TAIL.sub("", rest.strip().rstrip(".")).strip()
    parts = [p.strip(" ,") for p in _NEXT.split(rest) if p.strip(" ,")]
    return [re.sub(r"^to\s+", "", p) for p in parts if len(p.split()) >= 2]


def find_measures(sentence: str, policies: Sequence[dict[str, Any]]) -> list[Measure]:
    """The proposals a sentence makes, one per measure, and its positions on curated ones."""
    out: list[Measure] = []
    opposes = _OPPOSES.search(sentence)
    position = Position.opposes if opposes else Position.supports
    fit = _curated_fit(sentence, policies)
    if fit is not None and (fit[1] >= 0.99 or _SUPPORTS.search(sentence) or opposes):
        p, share = fit
        return [
            Measure(
                str(p["policy_id"]), position, (opposes or _SUPPORTS.search(sentence) or
                _VERB.search(sentence))[0] if (opposes or _SUPPORTS.search(sentence) or
                _VERB.search(sentence)) else "",
                str(p.get("name", "")), f"holds {share:.0%} of the proposal's name", 0.7,
            )
        ]  # fmt: skip
    m = _VERB.search(sentence)
    if m is None:
        return out
    verb = " ".join(m.group("verb").split())
    for words in _measures_after(sentence[m.end() :], verb):
        fit = _curated_fit(words, policies)
        if fit is not None and fit[1] >= 0.99:  # the measure is that proposal, word for word
            p, share = fit
            out.append(Measure(str(p["policy_id"]), position, verb, str(p.get("name", "")),
                               f"holds {share:.0%} of the proposal's name", 0.7))  # fmt: skip
        else:
            name = words[:1].upper() + words[1:]
            out.append(Measure(None, position, verb, name[:120], "no curated proposal is it: a "
                               "new one", 0.6))  # fmt: skip
    return out
