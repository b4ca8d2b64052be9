"""An edit to one file of a copy of the seeds, as the Save tests make them (one place each)."""

from __future__ import annotations

from pathlib import Path


def replace_once(seeds: Path, name: str, old: str, new: str) -> None:
    """`old` replaced by `new` once in the seeds' file `name`; a test whose edit no longer
    applies (the seeds changed under it) fails here, saying so, instead of testing nothing."""
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}: the test's edit no longer applies"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
