"""Who puts forward or backs a Khmer measure whose sentence opens on a titled person: its speaker.

"ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាល ..." (His Excellency advised the health department to
...), "លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល ... បានណែនាំឲ្យ ..." (Brigadier General Sun Vibol advised
...): the person the title stands for is the subject of the verb that puts the measure
forward, so the proposer ("ឯកឧត្តមក៏បានគាំទ្រឲ្យ ...", His Excellency also backed ...: the
position's actor). The Khmer measures take their proposer from the statement drafted on
the same words (round twenty-five), but such a statement gets its speaker only later, from
curation/suggest/title_alone.py (round thirty-seven), after the measures were drafted: the
proposal stayed blank while its statement was right. Issue 23, round thirty-eight (draft38d).

Only a proposal with no proposer (a position with no actor) is filled, only from a statement covering its words whose
speaker is set, and only when the sentence opens on a title alone or a titled name (a body, a
place or an unnamed subject before the verb is no person's measure) whose verb is not speech
("ឯកឧត្តមបានបន្តថា រដ្ឋបាលខេត្តគ្រោងនឹង ...", His Excellency went on that the provincial
administration plans to ...: the measure's subject is the clause after "ថា", that).
"""

from __future__ import annotations

import re
from typing import Any

from corpus.khmer import normalise
from curation.suggest.title_alone import NO_SPEAKER, title_alone, titled_subject

# The person's verb after "បាន" (past) is speech: a verb of saying joined to "ថា" (that), "ក៏"
# (also) before it; what follows is a clause with a subject of its own.
_REPORTED = re.compile(r"បាន\s?(?:ក៏\s?)?\S{0,12}?ថា")


#: The person field of each kind of measure row.
_WHO = {"policies": "proposed_by", "positions": "actor_id"}


def titled_proposers(rows: list[Any]) -> None:
    """Give each Khmer proposal with no proposer (position with no actor) whose words open on a
    titled person the speaker of the statement drafted on those words (its reason and new-actor
    draft with it)."""
    for row in rows:
        who = _WHO.get(row.kind)
        if who is None or row.record.get(who) is not None:
            continue
        quote = str(row.record.get("quote") or "")
        if title_alone(quote) is None and titled_subject(quote) is None:
            continue
        if _REPORTED.search(normalise(quote).text):
            continue  # "... បានបន្ថែមថា ស្រុកគ្រោងនឹង ...": the clause's own subject proposes
        said = next(
            (
                r
                for r in rows
                if r.kind == "statements"
                and r.record.get("actor_id")
                and r.start <= row.start < r.end
            ),
            None,
        )
        if said is None:
            continue
        row.record[who] = said.record["actor_id"]
        row.why[who] = said.why.get("actor_id", row.why.get(who))
        if said.new.get("actors"):
            row.new["actors"] = said.new["actors"]
        row.notes[:] = [n for n in row.notes if n != NO_SPEAKER]
