"""Who proposes a measure when a body is the subject of the proposing verb ("The ministry plans
to ...", "the NACD would ask ..."): that body, not the official telling of it (round 27).

The body is a curated actor named in the subject ("the NACD", "the government"). A bare "the
ministry" / "the authority" after "X said" is left to the speaker's guess (the keys give the
official three times in four), as is any other subject (a person, "we", a body no curated actor
is), and a modal ("the government should ..." names whom a measure is asked of).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from curation.suggest.guess import guess_actor

# The subject just before the verb: "the ministry", "The National Authority for Combating Drugs
# (NACD)", "the government" (after a comma, "that" or "said"), auxiliaries between.
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\s[–—]\s+|\bthat\s+|\bsaid\s+)(?P<subject>(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*|ministry|"
    r"authority|department|government)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]+){0,5}"
    # "The NACD on Monday agreed to ...": the day between (round thirty-six).
    r"(?:\s*\([A-Z]{2,6}\))?)\s+(?:on\s+[A-Z]\w+day\s+|yesterday\s+|today\s+)?"
    r"(?:(?:also|now|had|has|have|would|will|is|was|already|still)\s+)"
    r"{0,2}$"
)
# Verbs a body's own plan or request is put forward with; a modal ("the government should ...")
# names whom the measure is asked of, never who proposes it.
_PLANS = re.compile(
    r"^(?:plans?|planned|planning|proposed|proposes|propose|asked|asks|recommends?|recommended|"
    r"decided|suggested|suggests|called|calls|urged|urges|intends|intended|is\s+preparing|"
    r"agreed|agrees|"
    r"was\s+preparing)\b",
    re.I,
)
# A bare body noun: which body is the speaker's to say.
_BARE = re.compile(r"^(?:the\s+)?(ministry|authority|department)$", re.I)


def body_proposer(
    sentence: str, verb: str, actors: Sequence[dict[str, Any]]
) -> tuple[str, str] | None:
    """(actor id, the subject's words) of the curated body the proposing verb's subject is, or
    None."""
    at = sentence.find(verb) if verb else -1
    if at <= 0 or not _PLANS.match(verb):
        return None
    m = _SUBJECT.search(sentence[:at])
    if m is None:
        return None
    subject = m.group("subject").strip()
    if _BARE.match(subject):
        return None  # "said the authority plans ...": the keys give the official 3 times in 4
    # A person is the speaker's guess already; "officials" are no body.
    bodies = [a for a in actors if a.get("kind") == "organisation"]
    forms = (subject, re.sub(r"\s*\(([A-Z]{2,6})\)$", "", subject))
    actor = guess_actor([re.sub(r"^the\s+", "", f, flags=re.I) for f in forms], bodies)
    return (str(actor["actor_id"]), subject) if actor else None


# Round thirty (draft30a): on a release under a body's letterhead, "We call on ...", "We also
# ask ...", "The Ministry proposes ..." opening the sentence put forward the page's own measure
# (README convention C5: "we" on an organisation's own page is that organisation).
_OWN_PAGE = re.compile(
    r"^(?:We|The\s+(?:Ministry|Authority|Association|Organisation|Organization|Department|"
    r"Commission|Committee|Coalition))\s+(?:(?:also|therefore|again|now|have|has|are|is|will|"
    r"would)\s+){0,2}(?:asks?|asking|asked|calls?|calling|called|proposes?|proposed|recommends?|"
    r"recommended|urges?|urged|plans?|planned)\b"
)


def own_page_subject(sentence: str) -> bool:
    """Whether a sentence opens with the page's own voice putting a measure forward ("We call
    on ...", "The Ministry proposes ..."); a quoted person's "we" is inside quotation marks."""
    return bool(_OWN_PAGE.match(sentence.strip()))


# Round thirty-six (draft36b): a page that is no press release names its owner on its first
# lines ("Hosted by Green Path Outreach", "ROADS HOME CAMBODIA - Quarterly Newsletter"); the
# page's own "We ask ..." is that organisation's (C5), as under a release's letterhead.
_WORDS = Path(__file__).resolve().parents[2] / "corpus" / "page_owner_words.yaml"
# Where a name on a "by" line ends: ", Siem Reap", " · Created ...", " | ...", " (...)".
_NAME_END = re.compile(r"\s*(?:[,·|(]|\s-\s|\s–\s).*$")
_DASH = re.compile(r"\s+[-–|]\s+")


@cache
def _owner_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = yaml.safe_load(_WORDS.read_text(encoding="utf-8")) or {}
    by = "|".join(re.escape(str(w)) for w in data.get("by") or [])
    docs = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in data.get("documents") or [])
    return (re.compile(rf"^(?:{by})\s+by\s+(?P<name>[A-Z].*)$"),
            re.compile(rf"^(?:\w+\s+){{0,2}}(?:{docs})\b", re.I))  # fmt: skip


def page_owner(text: str) -> str | None:
    """The organisation a page's first lines name as its owner: the name on a "Hosted by" /
    "Organised by" line, or a masthead in capitals (two to six words) followed by the kind of
    document the page is; None when they name none."""
    by, document = _owner_words()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:6]
    for line in lines:
        if m := by.match(line):
            name = _NAME_END.sub("", m.group("name")).strip()
            return name if 2 <= len(name.split()) <= 8 else None
    if not lines:
        return None
    head, *after = _DASH.split(lines[0], maxsplit=1)
    rest = after[0] if after else (lines[1] if len(lines) > 1 else "")
    capitals = re.fullmatch(r"[A-Z][A-Z&'’.-]*(?:\s+[A-Z][A-Z&'’.-]*){1,5}", head)
    if capitals and not document.match(head) and document.match(rest):
        return " ".join(w.lower().capitalize() if w.lower() not in _SMALL else w.lower()
                        for w in head.split())  # fmt: skip
    return None


_SMALL = frozenset({"of", "and", "for", "the", "on"})
