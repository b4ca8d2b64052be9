"""A Khmer speaker named by a title and an office alone, the person named before with it.

"លោកអភិបាលរងបានស្នើ ..." (the deputy governor asked ...), "លោកស្នងការ បានបញ្ជាក់ថា ..." (the
commissioner stated ...): the words before the verb are an honorific title and an office with
no name, so the speech reader finds no speaker (stop 49's "Khmer titles alone"). The speaker is
the person the article named earlier with a title and that office beside the name ("លោក ហេង
សុខុម អភិបាលរងខេត្ត ..."); none when no earlier person holds it. The offices are data
(corpus/speech_verbs.yaml ``title_offices``); the titles are the speech reader's.
"""

from __future__ import annotations

import re

from corpus.khmer import normalise
from corpus.khmer_speech import ROLE_FORMS, TITLES, alternation
from corpus.speech_verbs import speech_verbs

_OFFICES = alternation(speech_verbs("km", "title_offices"))
# The words before the verb: a list mark or a time code at most, a title, an office glued to it
# or after a space, and the office's place ("ខេត្តស្វាយរៀង", of Svay Rieng province) if any,
# the particle "ក៏" (also) set aside.
_HEAD = re.compile(
    r"^(?:[-•]\s?|[០-៩0-9:|\s]+)?(?P<title>" + alternation(TITLES) + r")\s?"
    r"(?P<office>" + _OFFICES + r")[\u1780-\u17d3]*\s?(?:" + normalise("ក៏").text + r"\s?)?$"
)
# A titled name as the drafts read one (two words after the title, an office glued to the
# title allowed: "ឯកឧត្តមឧបនាយករដ្ឋមន្ត្រី កែ គឹមយ៉ាន"), the name glued to a rank too
# ("ឧត្តមសេនីយ៍ត្រីឡុង ពិសិដ្ឋ"); a "name" opening on an office or a verb is none.
_NAMED = re.compile(
    r"(?:" + alternation(TITLES) + r")(?:" + _OFFICES + r"|"
    + alternation(("ឧបនាយករដ្ឋមន្ត្រី", "នាយករដ្ឋមន្ត្រី", "រដ្ឋមន្ត្រី"))
    + r")?\s?(?P<name>[\u1780-\u17d3]+\s[\u1780-\u17d3]+)"
)  # fmt: skip
#: How near the name the office must stand, before or after it, in characters: a name and its
#: office in one apposition ("ឧត្តមសេនីយ៍ត្រី ឡុង ពិសិដ្ឋ ស្នងការនគរបាលខេត្ត").
NEAR = 60


def office_alone(head: str) -> tuple[str, str] | None:
    """The title and the office when the words before a speech verb are those alone (a place
    after the office allowed), else None."""
    m = _HEAD.match(normalise(head).text.strip())
    return (m.group("title"), m.group("office")) if m else None


def holder(office: str, before: str) -> str | None:
    """The last person named with a title in ``before`` (the article up to the statement)
    whose apposition holds ``office``: the words after the name up to the next titled name or
    the sentence's end, or those before its title back to the last one (NEAR characters at
    most either way). None when no one named holds it."""
    text = normalise(before).text
    named = list(_NAMED.finditer(text))
    found = None
    for i, m in enumerate(named):
        name = m.group("name")
        if name.split()[-1].startswith(ROLE_FORMS) or name.split()[0].startswith(ROLE_FORMS):
            continue  # an office, not a name ("លោក អភិបាលរងខេត្ត")
        end = min(m.end() + NEAR, named[i + 1].start() if i + 1 < len(named) else len(text))
        after = text[m.end() : end].split("។")[0]
        start = max(m.start() - NEAR, named[i - 1].end() if i else 0)
        ahead = text[start : m.start()].split("។")[-1]
        if office in after or office in ahead:
            found = name
    return found
