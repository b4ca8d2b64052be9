"""Who added or last changed each record and when, kept as a comment above it in the YAML.

A comment, not a field: the records' models forbid unknown fields and the database has no use
for it, while the curated file (the source of truth, reviewed in git) shows it beside the
record. One line per record: ``# who: added by A at T; changed by B at T2``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from data_model.records import ID_FIELDS

_WHO = re.compile(
    r"^# who: added by (?P<added_by>.*?) at (?P<added_at>\S+)"
    r"(?:; changed by (?P<changed_by>.*?) at (?P<changed_at>\S+))?$"
)
_SECTION = re.compile(r"^([a-z_]+):")
_REVIEW_FIELDS = ("review_status", "approved_by", "approved_at")


@dataclass(frozen=True)
class Who:
    """Who added a record and when, and who last changed it and when (if anyone has)."""

    added_by: str
    added_at: str
    changed_by: str | None = None
    changed_at: str | None = None

    def line(self) -> str:
        changed = f"; changed by {self.changed_by} at {self.changed_at}" if self.changed_by else ""
        return f"# who: added by {self.added_by} at {self.added_at}{changed}"


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _key(kind: str, record: dict[str, Any]) -> str:
    return f"{kind}:{record.get(ID_FIELDS.get(kind, ''), '')}"


def read(text: str) -> dict[str, tuple[Who, dict[str, Any]]]:
    """The records of a curated file saved by the studio, by kind and id, with who and when."""
    data = yaml.safe_load(text) or {}
    out: dict[str, tuple[Who, dict[str, Any]]] = {}
    kind, seen = "", 0
    pending: Who | None = None
    for line in text.splitlines():
        if m := _SECTION.match(line):
            kind, seen = m.group(1), 0
        elif m := _WHO.match(line):
            pending = Who(**m.groupdict())
        elif line.startswith("- ") and kind in data:
            record = data[kind][seen]
            seen += 1
            if pending is not None:
                out[_key(kind, record)] = (pending, record)
            pending = None
    return out


def _own(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in _REVIEW_FIELDS}


def stamp(
    kind: str, record: dict[str, Any], old: dict[str, tuple[Who, dict[str, Any]]], editor: str
) -> Who:
    """Who and when for a record about to be written: kept when it is unchanged."""
    editor = " ".join(editor.split()) or "unknown"  # one line: a comment cannot hold more
    before = old.get(_key(kind, record))
    if before is None:
        return Who(editor, now())
    who, was = before
    if _own(was) == _own(record):  # an approval alone is not a change of the record
        return who
    return Who(who.added_by, who.added_at, editor, now())


@dataclass(frozen=True)
class Change:
    """One line of the recent-changes list."""

    at: str
    by: str
    action: str  # "added" or "changed"
    kind: str
    record_id: str
    file: str


def recent(articles_dir: Path, limit: int = 20) -> list[Change]:
    """The latest additions and changes across the studio's files, newest first."""
    changes: list[Change] = []
    for path in sorted(articles_dir.glob("*.yaml")):
        try:
            records = read(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, IndexError, TypeError, KeyError):
            continue  # a hand-edited file the check will name; nothing to list from it
        for key, (who, _) in records.items():
            kind, ident = key.split(":", 1)
            if who.changed_by and who.changed_at:
                changes.append(Change(who.changed_at, who.changed_by, "changed", kind, ident,
                                      path.name))  # fmt: skip
            changes.append(Change(who.added_at, who.added_by, "added", kind, ident, path.name))
    # On the same second a change comes after the addition it changes.
    return sorted(changes, key=lambda c: (c.at, c.action == "changed"), reverse=True)[:limit]
