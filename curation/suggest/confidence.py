"""Drafted fields filled only when the draft is sure enough (corpus/confidence.yaml, measured on
training): a guess under its field's threshold is left blank, its reason saying what it was."""

from __future__ import annotations

import re
from typing import Any

from corpus.confidence import fill_at

# Per record kind, the record field -> the field name the thresholds use.
FIELDS = {
    "indicators": {"metric_id": "metric", "period_start": "dates", "period_end": "dates",
                   "as_of": "dates"},
    "statements": {"actor_id": "speaker", "kind": "kind", "topic": "topic", "stance": "stance"},
}  # fmt: skip
_SURE = re.compile(r"^(\d+)%: ")
# Where a blanked field's guess lives besides the record: the new entry drafted for it.
_NEW = {"metric_id": "metrics", "actor_id": "actors"}


def sureness(why: str) -> float | None:
    """The confidence a reason states ("60%: ..." -> 0.6), None when it states none."""
    m = _SURE.match(why)
    return int(m.group(1)) / 100 if m else None


def below_threshold(row: Any) -> list[str]:
    """Blank every filled field of ``row`` whose stated confidence is under its field's
    threshold; a date is offered beside its blank. Returns the record fields blanked."""
    blanked = []
    for name, field in FIELDS.get(row.kind, {}).items():
        value, why = row.record.get(name), str(row.why.get(name, ""))
        sure = sureness(why)
        need = fill_at(field)
        if value is None or sure is None or sure >= need:
            continue
        row.record[name] = None
        if field == "dates":
            row.offers[name] = value
        elif name in _NEW and row.new.get(_NEW[name], {}).get(name) == value:
            row.new.pop(_NEW[name])  # nothing drafted for a blank
        shown = "suggested, not filled" if field == "dates" else "not filled"
        row.why[name] = (f"0%: left blank: {value} was {sure:.0%} sure, under the {need:.0%} a "
                         f"{field} guess needs ({shown}; {why.split(': ', 1)[-1]})")  # fmt: skip
        blanked.append(name)
    return blanked
