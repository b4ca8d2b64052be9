"""Load step: read the raw articles and the curated YAML files, recording where each record came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.problems import Problems, clipped
from corpus.safe_yaml import YamlRefused, read_yaml
from data_model.records import ID_FIELDS, RECORD_KINDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES_DIR = SEEDS / "articles"
CURATED_DIR = SEEDS / "curated"


@dataclass(frozen=True)
class RawRecord:
    """A record as written in YAML, with the file and position it came from."""

    kind: str
    file: str
    index: int
    data: dict[str, Any]

    @property
    def label(self) -> str:
        """The record's id where it has a usable one, else its position in the file."""
        ident = self.data.get(ID_FIELDS[self.kind])
        return (
            clipped(ident, 80) if isinstance(ident, str) and ident else f"{self.kind}[{self.index}]"
        )


@dataclass
class RawInput:
    """Everything read from disk, before validation."""

    articles: dict[str, bytes] = field(default_factory=dict)
    records: list[RawRecord] = field(default_factory=list)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def read_articles(articles_dir: Path) -> dict[str, bytes]:
    """Raw bytes of every article file, by file name."""
    if not articles_dir.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(articles_dir.glob("*.txt")) if p.is_file()}


def read_curated(curated_dir: Path, root: Path, problems: Problems) -> list[RawRecord]:
    """Every record of every YAML file under curated_dir (recursively)."""
    records: list[RawRecord] = []
    files = sorted([*curated_dir.rglob("*.yaml"), *curated_dir.rglob("*.yml")])
    if not files:
        problems.add(_relative(curated_dir, root), "-", "-", "no curated YAML files found")
    for path in files:
        name = _relative(path, root)
        try:
            document = read_yaml(path, ID_FIELDS)
        except YamlRefused as exc:
            for record, field_name, message in exc.problems:
                problems.add(name, record, field_name, message)
            continue
        if document is None:
            continue
        if not isinstance(document, dict):
            problems.add(name, "-", "-", "the file must be a mapping of record kinds to lists")
            continue
        for kind, items in document.items():
            if kind not in RECORD_KINDS:
                known = ", ".join(RECORD_KINDS)
                problems.add(
                    name,
                    "-",
                    clipped(str(kind), 60),
                    f"unknown record kind (expected one of {known})",
                )
                continue
            if not isinstance(items, list):
                problems.add(name, "-", kind, "must be a list of records")
                continue
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    problems.add(name, f"{kind}[{index}]", "-", "a record must be a mapping")
                    continue
                records.append(RawRecord(kind, name, index, item))
    return records


def load(seeds_dir: Path = SEEDS, problems: Problems | None = None) -> tuple[RawInput, Problems]:
    """Read articles and curated files under seeds_dir; file-level problems are collected."""
    problems = problems if problems is not None else Problems()
    root = seeds_dir.parent
    raw = RawInput(
        articles=read_articles(seeds_dir / "articles"),
        records=read_curated(seeds_dir / "curated", root, problems),
    )
    return raw, problems
