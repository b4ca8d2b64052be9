"""A figure's giver the page names as a province's body nobody has curated: its one new actor."""

# Round thirty-eight (draft38b, issue 23). gap37 found the largest general block left: a figure's
# actor left blank where the key makes a new actor. Provinces37 gave a province's police, health
# department, administration, court and prison one name and id however printed (convention C6,
# corpus/province_bodies.yaml), so such a body can now be drafted under the id every key writes,
# where before a Khmer-named new entry was dropped (round twenty-three: "scored wrong on 9 of 13
# figures", its id the curator's to write). Two Khmer structures, seen in many folders:
#
# 1. "យោងតាម(របាយការណ៍របស់) <body>" (according to [the report of] <body>): the body whose count
#    the sentence gives (curation/suggest/letterhead.according_to reads it; this keeps it when it
#    is a province's body).
# 2. "<body> បានប្រកាសថា ..." (<body> announced that ...): a body as the speaker of the counts.
# And one English structure, 3. below.
#
# The new actor is drafted as the letterhead reader drafts it (letterhead.letterhead_actor: one
# entry per id, its Latin name from corpus/places.yaml, the Khmer name as printed), flagged in
# the reason as a new actor for review. A district's or commune's body is not covered: its id is
# no convention's, so it stays blank (a blank is better than a wrong id).
from __future__ import annotations

import re
from typing import Any

from corpus.khmer import normalise
from corpus.province_bodies import province_body
from curation.suggest.figure_source import COUNTING
from curation.suggest.letterhead import letterhead_actor
from curation.suggest.provincial_body import provincial_body


def is_province_body(name: str) -> bool:
    """Whether a Khmer (or English) name, as printed, is a province's body of C6 in full."""
    return province_body(normalise(name).text.strip()) is not None


def province_giver(
    name: str | None, actors: list[dict[str, Any]], fresh: dict[str, dict[str, Any]]
) -> tuple[str, str] | None:
    """The actor a Khmer speaker's name is when it is a province's body in full ("ស្នងការដ្ឋាន
    នគរបាលខេត្តកំពង់ចាម" -> kampong-cham-provincial-police: the curated actor with that Khmer
    name, else the new actor drafted into ``fresh``), with the reason; None for any other name."""
    if not name or not is_province_body(name):
        return None
    printed = normalise(name).text.strip()
    actor_id, _ = letterhead_actor(printed, actors, fresh)
    if actor_id in fresh:  # flagged: a new actor, its name the one C6 gives, for review
        return actor_id, f"speaker: {printed} (a new actor: {fresh[actor_id]['name']})"
    return actor_id, f"speaker: {printed} = {actor_id}"


def drafted_here(actor_id: str | None, fresh: dict[str, dict[str, Any]]) -> bool:
    """Whether an actor is a province's body this module's readers drafted new (named in Khmer
    as printed, its one name C6's): given only to the figures of the sentence naming it, never
    carried to a later sentence read as referring back (a "this" in "since the start of this
    year" is none: on training such a carry gave a parents' letter's own count to the police)."""
    got = fresh.get(str(actor_id)) or {}
    return bool(got.get("name_km")) and province_body(str(got.get("name", ""))) is not None


# 3. English: a province's body printed in lower case as the subject of a verb of counting
#    ("Kandal provincial police reported arresting 1,377 ...", "Provincial police recorded 642
#    drug arrests in Preah Sihanouk ..."): the body whose count it is, as figure_source reads a
#    Title Case body ("The NACD recorded ..."). Never "arrested", "seized", "sent": who made the
#    arrests is not always who gave the count (figure_source.COUNTING's verbs only).
_COUNTING_BODY = re.compile(
    rf"(?:^|[,;:]\s+|\bthat\s+)(?P<phrase>(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+){{0,2}}[Pp]rovincial\s+"
    rf"(?:police|health\s+department|administration))\s+{COUNTING}"
)


def counting_province(before: str, sentence: str, body: str) -> str | None:
    """The name of the province's body the words before a figure make the subject that counts
    it ("Kandal Provincial Police"), its province its own words', else the sentence's, the
    paragraph's or the article's one province (provincial_body); None for any other words."""
    m = _COUNTING_BODY.search(before)
    if m is None:
        return None
    got = provincial_body(m.group("phrase"), sentence, body)
    return got[0] if got else None
