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
#: The database a build writes and the dashboard reads unless told otherwise.
DEFAULT_DB = ROOT / "data" / "monitor.duckdb"
ARTICLES_DIR = SEEDS / "articles"
CURATED_DIR = SEEDS / "curated"


@dataclass(frozen=True, slots=True)
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
    #: Each record's model (None: invalid, its problems reported), in the order of
    #: `records`, when a build made them file by file as it read (etl.inputs): each record
    #: then keeps only its place and id, and the parsed YAML is let go file by file. None
    #: when validation is to make them.
    models: list[Any] | None = None

    def add(self, pairs: list[tuple[RawRecord, Any]]) -> None:
        """Add records whose models are made (record, model or None)."""
        if self.models is None:
            self.models = []
        for record, model in pairs:
            self.records.append(record)
            self.models.append(model)


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


def curated_files(curated_dir: Path, root: Path, problems: Problems) -> list[tuple[Path, str]]:
    """Every YAML file under curated_dir (recursively), in reading order, with the name
    problems give it."""
    files = sorted([*curated_dir.rglob("*.yaml"), *curated_dir.rglob("*.yml")])
    if not files:
        problems.add(_relative(curated_dir, root), "-", "-", "no curated YAML files found")
    return [(path, _relative(path, root)) for path in files]


def records_of(name: str, document: Any, problems: Problems) -> list[RawRecord]:
    """The records of one curated file's document, its shape's problems added."""
    records: list[RawRecord] = []
    if document is None:
        return records
    if not isinstance(document, dict):
        problems.add(name, "-", "-", "the file must be a mapping of record kinds to lists")
        return records
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


def read_curated(curated_dir: Path, root: Path, problems: Problems) -> list[RawRecord]:
    """Every record of every YAML file under curated_dir (recursively)."""
    records: list[RawRecord] = []
    for path, name in curated_files(curated_dir, root, problems):
        try:
            document = read_yaml(path, ID_FIELDS)
        except YamlRefused as exc:
            for record, field_name, message in exc.problems:
                problems.add(name, record, field_name, message)
            continue
        records.extend(records_of(name, document, problems))
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
