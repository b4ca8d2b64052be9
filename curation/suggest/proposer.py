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
from typing import Any

from curation.suggest.guess import guess_actor

# The subject just before the verb: "the ministry", "The National Authority for Combating Drugs
# (NACD)", "the government" (after a comma, "that" or "said"), auxiliaries between.
_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\bthat\s+|\bsaid\s+)(?P<subject>(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*|ministry|"
    r"authority|department|government)(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’-]+){0,5}"
    r"(?:\s*\([A-Z]{2,6}\))?)\s+(?:(?:also|now|had|has|have|would|will|is|was|already|still)\s+)"
    r"{0,2}$"
)
# Verbs a body's own plan or request is put forward with; a modal ("the government should ...")
# names whom the measure is asked of, never who proposes it.
_PLANS = re.compile(
    r"^(?:plans?|planned|planning|proposed|proposes|propose|asked|asks|recommends?|recommended|"
    r"decided|suggested|suggests|called|calls|urged|urges|intends|intended|is\s+preparing|"
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
