"""Agreement between two researchers who coded the same article independently: their records
paired by the words they quote, the fields where they differ, and a rate per field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from corpus.atomic import write_atomic
from corpus.cleaning import clean_body
from corpus.safe_yaml import dump_yaml
from curation.suggest.records import Row
from data_model.records import CodingAgreement
from studio import drafts, history, session
from studio.drafts import slug
from studio.publish import same_person

#: Where kept comparisons live: curated data, read by the build for the Methodology page.
AGREEMENTS = Path("curated") / "agreement.yaml"
_HEADER = (
    "# Two researchers' independent codings of one article compared (the studio's Agreement\n"
    "# screen, or kept when the second of them saves); the Methodology page reports the rate. Model:\n"
    "# data_model/records.py, CodingAgreement.\n"
)

#: Each researcher's first saved coding of an article, kept beside the drafts (on the studio's
#: machine, never read by the build) to compare with the next researcher's: Save discards drafts.
SAVED = "saved"

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


def keep(seeds_dir: Path, source_id: str, first: str, second: str, result: Agreement) -> str:
    """Keep a comparison in seeds/curated/agreement.yaml (replacing the same pair's earlier
    one), validated by its model; return its id."""
    ident = "-".join(x for x in (source_id, slug(first, 4), slug(second, 4)) if x)[:80].rstrip("-")
    record = CodingAgreement(
        agreement_id=ident, source_id=source_id, first=first, second=second,
        compared_at=history.now(), paired=result.paired, only_first=result.only_first,
        only_second=result.only_second,
        fields=[{"field": k, "agreeing": a, "compared": t} for k, (a, t) in result.rates.items()],
    )  # fmt: skip
    path = seeds_dir / AGREEMENTS
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    kept = [a for a in (doc or {}).get("agreements") or [] if a.get("agreement_id") != ident]
    kept.append(record.model_dump(mode="json"))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (_HEADER + dump_yaml({"agreements": kept})).encode("utf-8"))
    return record.agreement_id


def article_body(seeds_dir: Path, source_id: str) -> str:
    """The article's clean text, as the studio codes it ("" for an unregistered article)."""
    src = session.source(seeds_dir, source_id) or {}
    path = seeds_dir / "articles" / str(src.get("seed_file"))
    return clean_body(path.read_text(encoding="utf-8"), src.get("title")) if path.is_file() else ""


def saved_codings(seeds_dir: Path, source_id: str) -> list[drafts.Draft]:
    """Every researcher's saved independent coding of the article, the earliest saved first."""
    folder = seeds_dir / drafts.DRAFTS / source_id / SAVED
    found = [d for p in folder.glob("*.yaml") if (d := drafts.read(p)) is not None]
    return sorted(found, key=lambda d: d.saved_at)


def _compared(seeds_dir: Path, source_id: str) -> list[frozenset[str]]:
    """The pairs of researchers already compared on the article (in either order)."""
    path = seeds_dir / AGREEMENTS
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return [_pair(str(a.get("first", "")), str(a.get("second", "")))
            for a in (doc or {}).get("agreements") or [] if a.get("source_id") == source_id]  # fmt: skip


def _pair(a: str, b: str) -> frozenset[str]:
    """Two researchers as the same person is told apart (publish.same_person), in any order."""
    return frozenset(" ".join(n.split()).casefold() for n in (a, b))


def on_save(seeds_dir: Path, coding: drafts.Draft) -> list[str]:
    """A researcher's work on an article is saved: discard their draft, keep their coding, and
    compare it with each other researcher's coding of the article saved before. Each pair is
    compared once, at the second of their saves: a later save by either (after a return, or a
    correction) is no longer independent, and counting it again would double the article's
    weight. A correction of published records (reopened) is no independent coding. Return the
    ids of the comparisons kept."""
    drafts.discard(seeds_dir, coding.source_id, coding.researcher)
    if coding.reopened or not coding.researcher.strip():
        return []
    earlier = [d for d in saved_codings(seeds_dir, coding.source_id)
               if not same_person(d.researcher, coding.researcher)]  # fmt: skip
    own = drafts.path_of(seeds_dir, coding.source_id, coding.researcher)
    own = own.parent / SAVED / own.name
    if not own.exists():  # the first saved coding is the independent one
        drafts.save_draft(seeds_dir, coding, own)
    done = _compared(seeds_dir, coding.source_id)
    body, kept = article_body(seeds_dir, coding.source_id), []
    for other in earlier:
        pair = _pair(other.researcher, coding.researcher)
        if pair in done:
            continue
        result = compare(other.rows, coding.rows, body)
        kept.append(keep(seeds_dir, coding.source_id, other.researcher, coding.researcher, result))
        done.append(pair)
    return kept
