"""A record drafted from a passage the curator selected: the draft's reading of those words
where it has one (metric, speaker, dates), blank fields where it has none, offsets kept."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from corpus.khmer import whole_clusters
from corpus.quotes import quoted_spans, within_quotation
from corpus.sentences import sentences
from curation.suggest.confidence import sure_geography
from curation.suggest.dates import when
from curation.suggest.geography import guess_geography, names_no_smaller_place, opening_of
from curation.suggest.records import Row
from data_model.records import ID_FIELDS, RECORD_KINDS

#: The kinds a passage can become, as the curator names them.
KINDS = {"figure": "indicators", "statement": "statements", "proposal": "policies",
         "position": "positions", "event": "events"}  # fmt: skip
_NAMES = {kind: name for name, kind in KINDS.items()}
#: A quote shorter than this is refused by the model; the selection must hold at least that.
MIN_QUOTE = 3


def trimmed(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The selection within the text, widened to whole written clusters (a Khmer syllable is
    never cut), white space at either end left out; None when it holds fewer than MIN_QUOTE
    characters."""
    start, end = max(0, min(start, end)), min(len(body), max(start, end))
    start, end = whole_clusters(body, start, end)
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return (start, end) if end - start >= MIN_QUOTE else None


def _overlap(row: Row, start: int, end: int) -> int:
    return min(row.end, end) - max(row.start, start)


def _blank(
    kind: str, body: str, start: int, end: int, source_id: str, published: dt.date | None,
    drafted: list[Row],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[str]]:  # fmt: skip
    """Every field of the kind empty but what the sentence tells: the article, the speaker a
    draft found in the sentence, and the dates read from its words."""
    record: dict[str, Any] = dict.fromkeys(RECORD_KINDS[kind].model_fields)
    around = " ".join(s.text for s in sentences(body) if s.overlaps((start, end)))
    said = next(
        (r for r in drafted if r.record.get("actor_id") and _overlap(r, start, end) > 0), None
    )
    dates = when(around or body[start:end], published)
    notes = ["no draft read these words: fill in the fields"]
    new: dict[str, dict[str, Any]] = {}
    who = said.record["actor_id"] if said else None
    if said is not None:
        notes.append(f"speaker from the draft of this sentence: {who}")
        new = {k: v for k, v in said.new.items() if k == "actors"}
    if kind == "policies":
        # The fields the Review editor has no picker for are filled as the draft fills them.
        record |= {"first_source_id": source_id, "proposed_by": who, "status": "proposed",
                   "status_note": f"Proposed in {source_id}; no decision reported.",
                   "proposed_on": dates.said_on or published, "name": "", "description": ""}  # fmt: skip
        return record, new, notes
    record["source_id"] = source_id
    if kind == "indicators":
        guess = guess_geography(around or body[start:end], opening_of("", body),
                               no_smaller=names_no_smaller_place("", body))  # fmt: skip
        area = sure_geography(guess.value, guess.confidence, guess.reason)
        record |= {"geography": area, "actor_id": who,
                   "period_start": dates.period_start, "period_end": dates.period_end,
                   "as_of": dates.as_of, "attribution": said.record.get("attribution") if said
                   else None}  # fmt: skip
    elif kind in ("statements", "positions"):
        record["actor_id"] = who
        if kind == "statements":
            record["said_on"] = dates.said_on
    elif kind == "events":
        day = dates.period_start or dates.said_on or dates.as_of
        record |= {"event_date": day, "title": body[start:end][:120],
                   "date_precision": str(dates.precision or "day") if day else None,
                   "date_basis": f"{'; '.join(dates.notes)}, in an article of {published}"
                   if day else f"given by the curator, from the article of {published}"}  # fmt: skip
    return record, new, notes


def passage_row(
    body: str,
    start: int,
    end: int,
    name: str,
    drafted: list[Row],
    source_id: str,
    published: dt.date | None,
    taken: set[str],
) -> Row:
    """A row for the words body[start:end] as a record of kind ``name`` (figure, statement,
    proposal, position or event), to accept, edit or reject like any draft.

    ``drafted`` is the article's draft; a draft of that kind overlapping the words lends its
    reading (the one holding the figure's own words first, then the one overlapping most).
    ``taken`` holds the ids in use, so the new id is unique.
    """
    kind = KINDS[name]
    text = body[start:end]
    near = [r for r in drafted if r.kind == kind and _overlap(r, start, end) > 0]
    best = max(
        near, key=lambda r: (bool(r.words) and r.words in text, _overlap(r, start, end)),
        default=None,
    )  # fmt: skip
    offers: dict = {}
    if best is not None:
        record, new = copy.deepcopy(best.record), copy.deepcopy(best.new)
        offers = dict(best.offers)  # the dates the draft only offered, offered here too
        notes = [f"read as the draft read these words: {'; '.join(best.notes)}"]
    else:
        record, new, notes = _blank(kind, body, start, end, source_id, published, drafted)
    ident, n = f"{source_id}-{_NAMES[kind]}-at-{start}", 1
    while ident in taken:
        n += 1
        ident = f"{source_id}-{_NAMES[kind]}-at-{start}-{n}"
    record[ID_FIELDS[kind]] = ident
    record["quote"] = text
    if kind in ("statements", "positions"):
        # Own words only inside quotation marks; the check refuses either mislabelled.
        own = within_quotation((start, end), quoted_spans(body))
        record["kind"] = "direct" if own else "reported"
    return Row(kind, record, start, end, notes=["selected by hand", *notes],
               new=new, offers=offers)  # fmt: skip
