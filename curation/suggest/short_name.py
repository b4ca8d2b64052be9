"""An English statement whose speaker is one name alone ("Sothea said she had proposed ...",
"Virith urged ...") as the person the article named before with that name in full (issue 23,
round thirty-eight, draft38c).

The speech readers already carry a short name to the full one (speakers._full_names: "Khoeun
said" after "Kim Khoeun"), but only where the words spell it the same and only for the
sentences they read. A statement drafted from a sentence that puts a measure forward takes the
proposer reader's speaker (measure_statements), which reads the name alone, and a short name
spelt otherwise than the full one ("Virith" after "Meas Vyrith", a romanisation's y for i) was
read by neither: both became a new actor of one name, the class left blank as mostly wrong
unseen. Here, before the confidence bars, such a speaker is the person named before in the
article (a curated actor, or a new person drafted in full) whose given or family name is that
word, else one spelt one letter apart (a word of five letters or more, the same first letter),
flagged as spelt differently. No such person, or two: left as it was.

A statement with no speaker read whose subject is a pronoun before a speech verb ("She said
patients will not talk ...", "..., he said.") is the last person its own paragraph named before
it ("At the health centre, nurse Him Dara sees about a dozen patients a day. She said ..."):
the readers carry a pronoun back only to the last speaker, and that person had said nothing
yet. A paragraph naming no one leaves it blank (a thread's "6/ ... he says" under its author's
name is another person's words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import Levenshtein

from corpus.places import places_in
from curation.suggest.guess import actor_type_of, guess_actor
from curation.suggest.speakers import _names_in

#: "speaker: PHRASE (a new actor: NAME)" where NAME is one word (titles aside): the reason the
#: speech and proposer readers give a speaker read as one name alone.
_ONE_NAME = re.compile(
    r"^speaker: (?P<phrase>[^()]*?) \(a new actor: "
    r"(?:(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Pol|Maj|Brig|Lok|Oknha)\.? )*(?P<name>[A-Z][\w'’-]+)\)$"
)
#: A name that is a body's, not a person's ("National Police", "Health Ministry").
_BODY = re.compile(
    r"\b(?:Police|Ministry|Department|Authority|Commissariat|Commission|Committee|Council|"
    r"Gendarmerie|Prisons?|Court|Office|Agency|Association|Organi[sz]ation|Foundation|Network|"
    r"Coalition|Centre|Center|Society|Institute|Union|Province|District|Nations|Cambodia|"
    r"Phnom|Penh|Hospital|Fund|Group|News|Times|Post)\b"
)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _slug(text: str) -> str:
    """The id a draft gives a new person (records._slug)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:4]) or "new"


#: A spelling variant is one letter apart in a word at least this long (shorter names differ
#: by one letter as often as they are other people: "Dara", "Dana").
_VARIANT_LEAST = 5


def _persons_before(
    rows: Sequence[Any], body: str, start: int, actors: Sequence[dict[str, Any]]
) -> list[tuple[str, str, bool]]:
    """The persons the article names in full before ``start``: (actor id, full name, curated).
    A curated person by the name the article gives; another name of two words or more that is
    no body ("the National Police") as the new person a draft makes of it, under the id a row
    already gave it."""
    drafted = {
        str(d.get("name")): str(d["actor_id"])
        for r in rows
        if (d := r.new.get("actors")) and d.get("actor_id") and d.get("kind") == "person"
    }
    out: list[tuple[str, str, bool]] = []
    # Sentence by sentence: a name run read across "... of October. Sreyneang, 16, said" is
    # no one's name.
    names = [n for part in _SENTENCE_END.split(body[:start]) for n in _names_in(part)]
    for name in names:
        known = guess_actor([name], actors)
        if known is not None:
            if known.get("kind") == "person":
                out.append((str(known["actor_id"]), str(known.get("name") or name), True))
        elif not _BODY.search(name):
            out.append((drafted.get(name) or _slug(name), name, False))
    return out


def _who(word: str, persons: list[tuple[str, str, bool]]) -> tuple[str, str, bool, str]:
    """The one person ``word`` names (id, full name, curated, the word as the name spells it),
    by a name word spelt the same, else a curated person's spelt one letter apart (the class
    "a curated actor, spelt differently"); ('', '', False, '') if none or two."""
    low = word.casefold()
    for alike in (
        lambda w, _: w == low,
        lambda w, curated: (
            curated
            and len(low) >= _VARIANT_LEAST
            and w[:1] == low[:1]
            and Levenshtein.distance(w, low) == 1
        ),
    ):
        fits = {
            (ident, name, curated, w)
            for ident, name, curated in persons
            for w in (x.casefold() for x in name.split())
            if alike(w, curated)
        }
        ids = {f[0] for f in fits}
        if len(ids) == 1:
            ident, name, curated, w = max(fits, key=lambda f: len(f[1]))
            spelt = next(x for x in name.split() if x.casefold() == w)
            return ident, name, curated, spelt
        if ids:
            return "", "", False, ""
    return "", "", False, ""


def _new_person(rows: Sequence[Any], ident: str, name: str) -> dict[str, Any]:
    """The new person ``ident`` as a row already drafted it, else drafted here from the name
    alone (role and organisation the curator's to write)."""
    drafted = [d for r in rows if (d := r.new.get("actors")) and d.get("actor_id") == ident]
    return dict(drafted[0]) if drafted else {
        "actor_id": ident, "name": name, "aliases": [name.split()[-1]], "kind": "person",
        "role": "", "organisation": "", "actor_type": actor_type_of(""),
    }  # fmt: skip


def short_name_speakers(rows: Sequence[Any], body: str, actors: Sequence[dict[str, Any]]) -> None:
    """Give each statement whose speaker is one name alone the person named before with it
    (in place: its actor, its new actor draft, its reason and note)."""
    for row in rows:
        if row.kind != "statements":
            continue
        k, m = next(
            ((k, m) for k, n in enumerate(row.notes) if (m := _ONE_NAME.match(n))), (None, None)
        )
        if m is None:
            continue
        ident, name, curated, spelt = _who(
            m["name"], _persons_before(rows, body, row.start, actors)
        )
        if not ident:
            continue
        phrase = m["phrase"]
        if spelt.casefold() != m["name"].casefold():
            score = 100 * (
                1 - Levenshtein.normalized_distance(spelt.casefold(), m["name"].casefold())
            )
            note = f"speaker: {phrase} ~ {spelt} = {ident} (spelt differently, {score:.0f}% alike: check)"
        elif curated:
            note = f"speaker: {phrase} = {ident}"
        else:
            note = f"speaker: {phrase} (a new actor: {name})"
        row.record["actor_id"] = ident
        if curated:
            row.new.pop("actors", None)
        else:
            row.new["actors"] = _new_person(rows, ident, name)
        row.notes[k] = note
        row.why["actor_id"] = f"{row.why.get('actor_id', '50%').split(':')[0]}: {note}"


#: A pronoun subject of a speech verb: "She said ...", "..., he said.", "He added that ...".
_PRONOUN = re.compile(
    r"\b(?P<pronoun>[Hh]e|[Ss]he)\s+(?:also\s+)?(?:said|says|added|adds|told|urged|warned|"
    r"explained|noted)\b"
)


def _last_person(paragraph: str) -> str | None:
    """The last person a paragraph names in full (no place, no body; "Hun Manet's" is Hun
    Manet), or None."""
    names = [n for part in _SENTENCE_END.split(paragraph) for n in _names_in(part)]
    people = [re.sub(r"['’]s$", "", n) for n in names if not _BODY.search(n) and not places_in(n)]
    return people[-1] if people else None


def pronoun_speakers(rows: Sequence[Any], body: str, actors: Sequence[dict[str, Any]]) -> None:
    """Give each statement with no speaker read whose subject is "he" or "she" the last person
    its paragraph named before it (in place: its actor, new actor draft, reason and note)."""
    for row in rows:
        if row.kind != "statements" or "no speaker found" not in row.notes:
            continue
        m = _PRONOUN.search(str(row.record.get("quote") or ""))
        name = _last_person(body[body.rfind("\n", 0, row.start) + 1 : row.start]) if m else None
        if m is None or name is None:
            continue
        known = guess_actor([name], actors)
        if known is not None and known.get("kind") != "person":
            continue
        if known is not None:
            ident, note = str(known["actor_id"]), f"speaker: {m['pronoun']} = {known['actor_id']}"
            row.new.pop("actors", None)
        else:
            ident, note = _slug(name), f"speaker: {m['pronoun']} (a new actor: {name})"
            row.new["actors"] = _new_person(rows, ident, name)
        row.record["actor_id"] = ident
        row.notes[row.notes.index("no speaker found")] = note
        row.why["actor_id"] = f"50%: {note}"
