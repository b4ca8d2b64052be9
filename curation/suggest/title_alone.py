"""A Khmer statement with no speaker read opening on a title alone or a titled name: that person.

"ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាល ..." (His Excellency advised the health department to ...),
"លោកបានណែនាំឲ្យមេឃុំ ..." (he advised the commune chiefs to ...): a sentence that puts a
measure forward with a verb the speech reader does not take ("ណែនាំឲ្យ", advised to) is
drafted as a statement by curation/suggest/measure_statements.py with no speaker. Its subject
is an honorific title standing alone, which in Khmer refers back to the person last named with
that title, as the speech reader's "លោកបានបន្ថែមថា" (he added) already does (round
twenty-four). A statement opening on a titled name ("លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល ស្នងការនគរបាលខេត្ត
បានណែនាំឲ្យ ...") is that person's, the subject of its verb. Issue 23, round thirty-seven
(draft37c). Only a statement no reader gave a speaker is touched, and only when a titled name
is found (before it, with the same title, for a title alone).
"""

from __future__ import annotations

import re
from typing import Any

from corpus.khmer import ZERO_WIDTH, normalise
from corpus.khmer_speech import ROLE_FORMS, TITLES
from curation.suggest.khmer import (
    TITLED_NAME,
    KhmerPeople,
    khmer_actor,
    people_by_role,
    sure_of_speaker,
)

_TITLES = sorted({normalise(t).text for t in TITLES}, key=len, reverse=True)
# The title alone, the particle "ក៏" (also) after it, then the past marker "បាន" opening a verb.
_ALONE = re.compile("^(?P<title>" + "|".join(map(re.escape, _TITLES)) + r")\s?(?:ក៏\s?)?បាន")
# "លោក" (Mr, he) alone refers back to any man named with a title ("ឯកឧត្តម", His Excellency;
# a rank), never to a woman's titles.
_HIS = normalise("លោក").text
_HERS = tuple(normalise(t).text for t in ("លោកស្រី", "លោកជំទាវ", "អ្នកស្រី", "កញ្ញា"))
#: The reason's ending when no speaker was read (records and measure_statements write it so).
NO_SPEAKER = "no speaker found"


def title_alone(quote: str) -> str | None:
    """The title a statement opens on when it stands alone before "បាន" (no name after it)."""
    m = _ALONE.match(normalise(quote).text.strip(ZERO_WIDTH + " "))
    return m.group("title") if m else None


def _same_title(alone: str, named: str) -> bool:
    """Whether a name printed after the title ``named`` is referred back to by ``alone``: the
    same title, or any man's title for "លោក" (never "លោកស្រី", Mrs)."""
    if named == alone:
        return True
    return alone == _HIS and bool(named) and not named.startswith(_HERS)


def named_before(alone: str, before: str) -> str | None:
    """The last person ``before`` names with a title ``alone`` refers back to; None when none."""
    found = None
    for m in TITLED_NAME.finditer(normalise(before).text):
        name = m.group("name")
        words = name.split()
        if words[-1].startswith(ROLE_FORMS) or words[0].startswith(ROLE_FORMS):
            continue  # an office, not a name ("លោក អភិបាលរងខេត្ត")
        printed = m.group(0)[: m.start("name") - m.start()].strip()
        title = next((t for t in _TITLES if printed.startswith(t)), "")  # the longest
        if _same_title(alone, title):
            found = name
    return found


def titled_subject(quote: str) -> str | None:
    """The name of the titled person a statement's words open on ("លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល
    ស្នងការនគរបាលខេត្ត បានណែនាំឲ្យ ...", the provincial commissioner advised ...): the subject
    of the sentence that puts the measure forward; None for an office after the title."""
    m = TITLED_NAME.match(normalise(quote).text.strip(ZERO_WIDTH + " "))
    if m is None:
        return None
    words = m.group("name").split()
    return (
        None
        if words[-1].startswith(ROLE_FORMS) or words[0].startswith(ROLE_FORMS)
        else m.group("name")
    )


def title_alone_speakers(rows: list[Any], body: str, actors: list[dict[str, Any]]) -> None:
    """Give each Khmer statement with no speaker read whose words open on a title alone the
    person named before with that title, and one whose words open on a titled name that person
    (a curated actor, or a new person in Khmer as printed, the id every row of the article gives
    that name); ``rows``' spans index ``body``."""
    people: KhmerPeople | None = None
    for row in rows:
        if row.kind != "statements" or row.record.get("actor_id") is not None:
            continue
        if not str(row.why.get("actor_id", "")).endswith(NO_SPEAKER):
            continue
        quote = str(row.record.get("quote") or "")
        alone = title_alone(quote)
        name = named_before(alone, body[: row.start]) if alone else titled_subject(quote)
        if name is None:
            continue
        if people is None:  # the article's people, as the speech reader registered them
            drafted = [r.new["actors"] for r in rows if (r.new or {}).get("actors")]
            people = KhmerPeople(new={str(d["actor_id"]): dict(d) for d in drafted},
                                 by_role=people_by_role(body, actors))  # fmt: skip
        actor_id, notes = khmer_actor(name, actors, people, person=True)
        if actor_id is None:
            continue
        row.record["actor_id"] = actor_id
        row.why["actor_id"] = f"{sure_of_speaker(actor_id, people)}%: {notes[0]}"
        said = [f"{alone!r} alone: the speaker named before"] if alone else []
        row.notes[:] = [notes[0], *said, *(n for n in row.notes if n != NO_SPEAKER)]
        if actor_id in people.new:
            row.new["actors"] = dict(people.new[actor_id])
