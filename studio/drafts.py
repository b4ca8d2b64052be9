"""An article's work in progress, kept under the researcher's name across reloads, browsers and
days: seeds/drafts/<source_id>/<researcher>.yaml, written atomically (never read by the build)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from corpus.atomic import write_atomic
from corpus.safe_yaml import dump_yaml
from curation.suggest.records import Row
from studio import history

DRAFTS = "drafts"


def slug(text: str, words: int = 6) -> str:
    """An id made from words: 'Tablets of methamphetamine' -> 'tablets-of-methamphetamine'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


@dataclass
class Draft:
    """Everything a researcher has done on one article, as the studio holds it."""

    source_id: str
    researcher: str
    rows: list[Row]
    set_aside: dict[int, str] = field(default_factory=dict)
    #: Codebook entries made in the studio (metrics, actors, units, categories), by kind and id.
    made: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    #: Why each published record was corrected, by "kind:id" (asked for on Save).
    reasons: dict[str, str] = field(default_factory=dict)
    reopened: bool = False  # a published article reopened to correct it
    saved_at: str = ""


def path_of(seeds_dir: Path, source_id: str, researcher: str) -> Path:
    return seeds_dir / DRAFTS / source_id / f"{slug(researcher, 12) or 'unnamed'}.yaml"


def save_draft(seeds_dir: Path, draft: Draft, target: Path | None = None) -> Path:
    """Write the draft atomically (to its own place unless ``target`` is given): a reader sees
    the old draft or the whole new one."""
    target = target or path_of(seeds_dir, draft.source_id, draft.researcher)
    target.parent.mkdir(parents=True, exist_ok=True)
    draft.saved_at = history.now()
    doc = {
        "source_id": draft.source_id,
        "researcher": draft.researcher,
        "saved_at": draft.saved_at,
        "reopened": draft.reopened,
        "rows": [asdict(r) for r in draft.rows],
        "set_aside": {int(k): v for k, v in draft.set_aside.items()},
        "made": draft.made,
        "reasons": draft.reasons,
    }
    text = dump_yaml(doc)
    write_atomic(target, text.encode("utf-8"))
    return target


def read(path: Path) -> Draft | None:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Draft(
            source_id=str(doc["source_id"]),
            researcher=str(doc["researcher"]),
            rows=[Row(**r) for r in doc.get("rows") or []],
            set_aside={int(k): str(v) for k, v in (doc.get("set_aside") or {}).items()},
            made=doc.get("made") or {},
            reasons=doc.get("reasons") or {},
            reopened=bool(doc.get("reopened")),
            saved_at=str(doc.get("saved_at") or ""),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
        return None  # a damaged draft is listed as such, never half-loaded


def load_draft(seeds_dir: Path, source_id: str, researcher: str) -> Draft | None:
    path = path_of(seeds_dir, source_id, researcher)
    return read(path) if path.exists() else None


def drafts(seeds_dir: Path, source_id: str | None = None) -> list[Draft]:
    """Every open draft (of one article, if given), the latest first."""
    pattern = f"{source_id}/*.yaml" if source_id else "*/*.yaml"
    found = [d for p in (seeds_dir / DRAFTS).glob(pattern) if (d := read(p)) is not None]
    return sorted(found, key=lambda d: d.saved_at, reverse=True)


def discard(seeds_dir: Path, source_id: str, researcher: str) -> None:
    path_of(seeds_dir, source_id, researcher).unlink(missing_ok=True)
