"""A statement drafted from a sentence that puts a measure forward when no statement was drafted
from it (issue 23, round twenty-six): "The NACD plans to build two centres", "We are asking the
Ministry of Health to pay for a nurse", "Therefore I propose that every province ...".

The speech readers look for a speech verb ("said", "ថា"); a proposing verb (plans, asks,
recommends, proposes) was read only as a proposal, and the keys code those sentences as the
proposer's reported words as well: 35 of the 49 such sentences on training (71%, 19 folders).
A list's item ("1. Amend the law ...", "(a) create ...", "• expand ...") was left out while the
keys made it a statement about as often as not (8 of 17); since the keys' convention C3 (round
twenty-nine, tests/fixtures/drafting/README.md) every item that puts a measure forward is a
statement of the lead-in's speaker, and the lead-in that only frames the list ("We call on the
Government to:", "... សូមស្នើដល់លោកអភិបាល៖") is no record (round thirty-one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from curation.suggest.dates import when
from curation.suggest.stance import guess_stance, guess_topic, said_words, speaker_side

#: A list's item opens on a number, a letter or a bullet ("1.", "២)", "(a)", "•", "-").
_LIST_ITEM = re.compile(
    r"^\s*(?:(?:\d{1,2}|[០-៩]{1,2}|[a-zA-Z])[.)]|\((?:\d{1,2}|[a-z]|[០-៩]{1,2})\)|[•*–-])\s"
)
#: A sentence's end: a line ending so is prose, not a list's lead-in or heading.
_SENTENCE_END = re.compile(r"[.!?។៕]\s*$")


def _style(line: str) -> str:
    """A list item's marker kind ("1." and "២." alike, "(a)", "a)", "•"): the items of one list
    share it."""
    m = _LIST_ITEM.match(line)
    mark = m.group(0).strip() if m else ""
    if mark.startswith("("):
        return "(" + ("1" if mark[1:-1].isdigit() else "a")
    if mark[:1].isdigit():
        return "1" + mark[-1]
    if mark[:1].isalpha():
        return "a" + mark[-1]
    return mark


def _under_a_lead_in(body: str, line_start: int) -> bool:
    """The item opening at ``line_start`` belongs to a list under a lead-in or a heading: the
    line before its list's items (same marker) ends on a colon or is no sentence at all. A
    numbered paragraph of prose ("7. I will present my report ...", after a sentence) is not."""
    style = _style(body[line_start : body.find("\n", line_start) % (len(body) + 1)])
    for line in reversed(body[:line_start].split("\n")):
        if not line.strip() or (_LIST_ITEM.match(line) and _style(line) == style):
            continue
        return not _SENTENCE_END.search(line)
    return False


#: A measure read from a modal ("should", "must"): with no proposer found, the article's own
#: voice in a news report, no one's speech (an opinion page's is its authors', drafted by the
#: speech readers already).
_MODAL = re.compile(r"^'(?:should|would|will|must)\b")
#: A sentence opening on a quotation mark is the proposer's own words.
_QUOTED = re.compile(r"^\s*[\"“‘']")

Judge = Callable[[str, tuple[Any, str]], tuple[Any, str, str]]


def measure_statements(
    rows: list[Any],
    body: str,
    source_id: str,
    published: Any,
    actor_types: dict[str, str],
    judged: Judge,
) -> list[Any]:
    """A reported statement for each sentence a proposal or position was drafted from and no
    statement covers (one per sentence, its speaker the measure's proposer; ``body`` the clean
    text the rows' spans index, whose line tells a list's item); ``judged`` gives a topic or stance guess its measured confidence
    (records._judged), ``actor_types`` the curated actors' types (the speaker's side)."""
    said = [(r.start, r.end) for r in rows if r.kind == "statements"]
    n = 0  # numbered apart ("-statement-m1"): the speech readers' numbers may skip
    out: list[Any] = []
    seen: set[str] = set()
    for m in rows:
        if m.kind not in ("policies", "positions"):
            continue
        quote = str(m.record.get("quote") or "")
        if not quote or quote in seen or any(a < m.end and m.start < b for a, b in said):
            continue
        line_start = body.rfind("\n", 0, m.start) + 1
        listed = bool(_LIST_ITEM.match(body[line_start : m.start] + quote))
        if listed and not _under_a_lead_in(body, line_start):
            continue
        actor_id = m.record.get("proposed_by" if m.kind == "policies" else "actor_id")
        if actor_id is None and any(_MODAL.match(x) for x in m.notes):
            continue
        seen.add(quote)
        n += 1
        who = m.why.get(
            "proposed_by" if m.kind == "policies" else "actor_id", "0%: no speaker found"
        )
        speaker = [x for x in m.notes if x.startswith(("speaker", "no speaker"))]
        fresh = dict(m.new.get("actors") or {})
        side = speaker_side(
            actor_types.get(str(actor_id)),
            [*speaker, *(str(fresh.get(k) or "") for k in ("role", "organisation"))],
            named=bool(actor_id) and fresh.get("kind") != "unnamed",
            unnamed=fresh.get("kind") == "unnamed",
        )
        words = said_words(quote, None)
        topic, topic_why, topic_note = judged("topic", guess_topic(words))
        stance, stance_why, stance_note = judged("stance", guess_stance(words, side))
        direct = bool(_QUOTED.match(quote))
        record = {
            "statement_id": f"{source_id}-statement-m{n}",
            "actor_id": actor_id,
            "source_id": source_id,
            "quote": quote,
            "kind": "direct" if direct else "reported",
            "said_on": when(quote, published).said_on,
            "topic": topic,
            "stance": stance,
        }
        why = {
            "actor_id": who,
            "kind": "100%: in quotation marks: the speaker's own words"
            if direct
            else "90%: reported speech: the words that put a measure forward",
            "said_on": "90%: the day named beside the speech verb"
            if record["said_on"]
            else "0%: no day beside the speech verb",
            "topic": topic_why,
            "stance": stance_why,
        }
        if listed:  # the item's speaker is its lead-in's, which the proposal's reason names
            why["kind"] = "90%: reported speech: a list's item that puts a measure forward"
        notes = [*speaker, "reported speech", topic_note, stance_note]
        new = {"actors": fresh} if fresh else {}
        out.append(type(m)("statements", record, m.start, m.end, notes=notes, new=new, why=why))
    return out


#: A line that ends on a colon (English or Khmer "៖") and introduces what follows it.
_ENDS_ON_COLON = re.compile(r"[:៖]\s*$")


def framing_lead_ins(rows: list[Any], body: str) -> list[Any]:
    """The rows less each statement that is only a list's lead-in ("We call on the Royal
    Government to:", "ហេតុនេះ យើងខ្ញុំសូមស្នើដល់លោកអភិបាល៖"): its quote ends on a colon and the
    next line with words is a list's item from which a proposal or position was drafted. Its
    words are the items' (the keys' C3), so the statements are the items' (measure_statements)."""
    items = [m.start for m in rows if m.kind in ("policies", "positions")]
    kept: list[Any] = []
    for r in rows:
        quote = str(r.record.get("quote") or "")
        if r.kind == "statements" and _ENDS_ON_COLON.search(quote):
            rest = body[r.end :].lstrip()
            nxt = r.end + (len(body) - r.end - len(rest))
            line_end = body.find("\n", nxt)
            line_end = len(body) if line_end < 0 else line_end
            if _LIST_ITEM.match(rest) and any(nxt <= a < line_end for a in items):
                continue
        kept.append(r)
    return kept
