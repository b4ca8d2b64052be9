"""What the studio saves from a review: the accepted rows and the new records they need."""

from __future__ import annotations

from typing import Any

from curation.suggest.records import Row
from studio.store import ARTICLE_KINDS


def accepted(rows: list[Row]) -> dict[str, list[dict[str, Any]]]:
    """The records to save: accepted rows, and the new metrics and actors they need, by kind."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ARTICLE_KINDS if k != "not_coded"}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        if row.status != "accepted":
            continue
        out[row.kind].append(row.record)
        for kind, draft in row.new.items():
            ident = str(next(iter(draft.values())))
            if (kind, ident) not in seen and row.record.get(f"{kind[:-1]}_id") == ident:
                seen.add((kind, ident))
                out[kind].append(draft)
    return out
