"""Candidates for review: each draft record as an editable row with its span in the clean text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from curation.suggest import candidates
from curation.suggest.dates import when
from etl.cleaning import clean_body
from etl.quotes import BodyIndex


@dataclass
class Row:
    """One candidate as the curator sees it: accepted, edited or rejected in one action."""

    kind: str  # "indicators" or "statements"
    record: dict[str, Any]
    start: int  # character offsets of the quote in the clean text
    end: int
    status: str = "open"  # "open", "accepted" or "rejected"
    notes: list[str] = field(default_factory=list)


def draft_rows(
    raw: str, title: str | None, source_id: str, published: dt.date | None
) -> tuple[str, list[Row]]:
    """The clean text and a row per candidate, dated from the words, blanks left blank."""
    body = clean_body(raw, title)
    index = BodyIndex(body)
    figures, statements = candidates(raw, title)
    rows: list[Row] = []
    for n, c in enumerate(figures, 1):
        fig = c.figure
        if fig is None:  # a figure candidate always carries one; the type cannot say so
            continue
        dates = when(c.quote, published)
        start, end = index.locate(c.quote) or (0, 0)
        record = {
            "indicator_id": f"{source_id}-figure-{n}",
            "metric_id": None,
            "value": None if fig.vague else fig.value,
            "qualifier": fig.qualifier.value,
            "period_start": dates.period_start,
            "period_end": dates.period_end,
            "as_of": dates.as_of,
            "phase_id": None,
            "geography": "national",
            "source_id": source_id,
            "actor_id": None,
            "attribution": c.speaker.phrase if c.speaker else None,
            "quote": c.quote,
            "note": fig.note,
        }
        notes = [f"{fig.words!r}", *dates.notes] + (["vague: no number"] if fig.vague else [])
        rows.append(Row("indicators", record, start, end, notes=notes))
    for n, c in enumerate(statements, 1):
        start, end = index.locate(c.quote) or (0, 0)
        record = {
            "statement_id": f"{source_id}-statement-{n}",
            "actor_id": None,
            "source_id": source_id,
            "quote": c.quote,
            "kind": c.kind,
            "said_on": when(c.quote, published).said_on,
            "topic": None,
            "stance": None,
        }
        speaker = [f"speaker: {c.speaker.phrase}"] if c.speaker else []
        rows.append(Row("statements", record, start, end, notes=speaker))
    rows.sort(key=lambda r: r.start)
    return body, rows


def accepted(rows: list[Row]) -> dict[str, list[dict[str, Any]]]:
    """The records to save: accepted rows only, by kind."""
    out: dict[str, list[dict[str, Any]]] = {"indicators": [], "statements": []}
    for row in rows:
        if row.status == "accepted":
            out[row.kind].append(row.record)
    return out
