"""Agreement between two researchers who coded the same article independently: their records
paired by the words they quote, the fields where they differ, and a rate per field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curation.suggest.records import Row

#: The fields compared, as the methodology names them, and the record fields each covers.
FIELDS: dict[str, tuple[str, ...]] = {
    "value": ("value", "value_to"),
    "hedge": ("qualifier", "vague"),
    "date": ("as_of", "period_start", "period_end", "said_on", "event_date", "proposed_on"),
    "speaker": ("actor_id", "proposed_by"),
    "kind": ("kind",),
    "stance": ("stance", "position"),
}


@dataclass(frozen=True)
class Difference:
    """One field two researchers coded differently on the same words."""

    kind: str
    words: str
    field: str
    first: str
    second: str


@dataclass(frozen=True)
class Agreement:
    """Records paired, each compared field's agreement, and every difference."""

    paired: int
    only_first: int
    only_second: int
    rates: dict[str, tuple[int, int]]  # field -> (agreeing, compared)
    differences: list[Difference]

    def rate(self, name: str) -> float | None:
        agree, total = self.rates.get(name, (0, 0))
        return agree / total if total else None


def _overlap(a: Row, b: Row) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _pairs(first: list[Row], second: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Records of the same kind quoting overlapping words, the largest overlaps first."""
    candidates = sorted(
        ((_overlap(a, b), i, j) for i, a in enumerate(first) for j, b in enumerate(second)
         if a.kind == b.kind and _overlap(a, b) > 0),
        reverse=True,
    )  # fmt: skip
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[Row | None, Row | None]] = []
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((first[i], second[j]))
    out += [(a, None) for i, a in enumerate(first) if i not in used_a]
    out += [(None, b) for j, b in enumerate(second) if j not in used_b]
    return out


def _one(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _shown(record: dict[str, Any], names: tuple[str, ...]) -> str:
    values = [_one(record[n]) for n in names if record.get(n) not in (None, "")]
    return "; ".join(values) or "—"


def compare(first: list[Row], second: list[Row], body: str) -> Agreement:
    """Compare two codings of one article (accepted records only)."""
    a_rows = [r for r in first if r.status == "accepted"]
    b_rows = [r for r in second if r.status == "accepted"]
    rates = {name: [0, 0] for name in FIELDS}
    differences: list[Difference] = []
    pairs = _pairs(a_rows, b_rows)
    for a, b in pairs:
        if a is None or b is None:
            continue
        words = body[a.start : a.end][:80]
        for name, fields in FIELDS.items():
            present = [f for f in fields if f in a.record or f in b.record]
            if not present:
                continue
            x, y = _shown(a.record, tuple(present)), _shown(b.record, tuple(present))
            if x == "—" and y == "—":
                continue  # neither coded it: nothing to agree on
            rates[name][1] += 1
            if x == y:
                rates[name][0] += 1
            else:
                differences.append(Difference(a.kind, words, name, x, y))
    return Agreement(
        paired=sum(1 for a, b in pairs if a and b),
        only_first=sum(1 for a, b in pairs if b is None),
        only_second=sum(1 for a, b in pairs if a is None),
        rates={k: (v[0], v[1]) for k, v in rates.items()},
        differences=differences,
    )
