"""What the studio saves from a review: the accepted rows and the codebook entries made in the
studio that they use (a metric's new unit and category too), by kind."""

from __future__ import annotations

from typing import Any

from curation.suggest.records import Row
from studio.codebook import KINDS, REFERENCES
from studio.store import ARTICLE_KINDS


def accepted(
    rows: list[Row], made: dict[str, dict[str, dict[str, Any]]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The records to save: accepted rows, then every made entry they use, by kind.

    Without ``made``, the rows' own drafts of new entries stand for it (the command line's
    and the tests' way: one row, its new metric or actor)."""
    out: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ARTICLE_KINDS if k not in ("not_coded", "corrections", "reviews")
    }
    if made is None:
        made = {}
        for row in rows:
            for kind, draft in row.new.items():
                made.setdefault(kind, {})[str(draft.get(KINDS[kind]))] = draft
    kept = [r for r in rows if r.status == "accepted"]
    for row in kept:
        out[row.kind].append(row.record)
    used: set[tuple[str, str]] = set()
    todo = [(REFERENCES[f], str(v)) for r in kept for f, v in r.record.items()
            if f in REFERENCES and v]  # fmt: skip
    while todo:  # a used metric brings its made unit and category
        kind, ident = todo.pop()
        entry = made.get(kind, {}).get(ident)
        if entry is None or (kind, ident) in used:
            continue
        used.add((kind, ident))
        todo += [(REFERENCES[f], str(v)) for f, v in entry.items() if f in REFERENCES and v]
    for kind, ident in sorted(used, key=lambda u: (ARTICLE_KINDS.index(u[0]), u[1])):
        out[kind].append(made[kind][ident])
    return out
