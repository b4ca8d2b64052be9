"""Build step 'checks', carried: the consistency checks copied from the previous database when
nothing they read changed since it (code, records, article names), else run again.

The checks read a Dataset through CheckInputs, which answers only the kinds in READS (and of
the statements only those a contested claim names), and the article names through a dict
that notes each name asked for; the key hashes exactly those, so a change the checks cannot
see (a statement's stance, an article without figures) no longer runs them over the corpus.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from data_model.tables import CONSISTENCY_CHECKS, STEP_KEYS
from database.write import earlier_step
from etl.carry import Runs
from etl.consistency import check_rows
from etl.validate import Dataset, Located

#: The record kinds the consistency checks read whole. A check that reads another kind fails
#: (CheckInputs.of) until it is listed here, so the key can never miss what a check read.
READS = ("checks", "metrics", "units", "phases", "indicators", "policies", "contested")
STEP = CONSISTENCY_CHECKS.name

#: The data tables whose rows hold every field of a kind's records (etl.transform.table_rows):
#: their digests (etl.carry.Runs.digests, made of each file's run, a copied run's as stored)
#: stand for the records in the key, so a Save does not hash every figure again.
HELD_IN = {
    "metrics": ("metrics",),
    "units": ("units",),
    "phases": ("phases", "phase_citations"),
    "indicators": ("indicators",),
    "policies": ("policies", "policy_citations", "policy_positions"),
}


class CheckInputs:
    """What of a Dataset the checks may read: the kinds in READS, and the statements that a
    contested claim names (the contested check quotes them; no other check reads one)."""

    def __init__(self, data: Dataset) -> None:
        self._kinds = {kind: data.of(kind) for kind in READS}
        self._kinds["statements"] = [loc.record for loc in read_by_checks(data, "statements")]

    def of(self, kind: str) -> list[Any]:
        if kind not in self._kinds:
            raise KeyError(
                f"the consistency checks read {kind!r}, which etl.check_carry.READS does not "
                "list: add it there, so that a change to it runs the checks again"
            )
        return self._kinds[kind]

    def digest(self, code: str, tables: dict[str, str] | None = None) -> Any:
        """SHA-256 (a hashlib object) of the code and of every record the checks may read,
        in order: the order is theirs too. A kind whose tables' digests are in `tables`
        (HELD_IN) is hashed by those."""
        digest = hashlib.sha256(code.encode())
        tables = tables or {}
        for kind in sorted(self._kinds):
            records = self._kinds[kind]
            digest.update(f"\0{kind}\0{len(records)}\0".encode())
            held = HELD_IN.get(kind, ())
            if held and all(t in tables for t in held):
                digest.update("\0".join(tables[t] for t in held).encode())
                continue
            for record in records:
                digest.update(record.model_dump_json().encode())
                digest.update(b"\0")
        return digest


def read_by_checks(data: Dataset, kind: str) -> list[Located]:
    """The records of `kind` the checks may read (CheckInputs): all of a kind in READS, the
    statements a contested claim names, none of any other kind. A build's records' stage
    lets the rest go once their tables are made (etl.transform.table_rows, issue 27)."""
    if kind in READS:
        return data.records.get(kind, [])
    if kind != "statements":
        return []
    named = {
        claim.record_id
        for contest in data.of("contested")
        for claim in contest.claims
        if claim.record_kind == "statements"
    }
    return [loc for loc in data.records.get(kind, []) if loc.record.statement_id in named]


class _Asked(dict[str, str]):
    """The article names, noting which ids the checks asked for (their only reads of it)."""

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__(names)
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def _key(base: Any, names: dict[str, str], asked: list[str]) -> str:
    digest = base.copy()
    digest.update(json.dumps([[sid, names.get(sid)] for sid in asked]).encode())
    return digest.hexdigest()


@dataclass
class CheckCarry:
    """The checks step of one build: called as to_rows' `checks`, it copies the rows from
    `previous` (built by the same `code`) when their key is unchanged, else runs the checks;
    `frame` is the step_keys row the new file stores for the next build."""

    previous: Path | None
    code: str
    #: The runs of the tables made so far, whose digests stand for the records (HELD_IN).
    runs: Runs | None = None
    carried: bool = False
    row: dict[str, str] = field(default_factory=dict)

    def __call__(self, data: Dataset, names: dict[str, str]) -> list[dict[str, Any]]:
        view = CheckInputs(data)
        base = view.digest(self.code, self.runs.digests() if self.runs else None)
        earlier = earlier_step(self.previous, STEP) if self.previous and self.code else None
        if earlier is not None:
            key, reads, rows = earlier
            if key == _key(base, names, json.loads(reads)):
                self.carried, self.row = True, {"step": STEP, "input_key": key, "reads": reads}
                return rows
        asked = _Asked(names)
        rows = check_rows(view, asked)  # type: ignore[arg-type]  # reads as a Dataset does
        reads = sorted(asked.asked)
        self.row = {"step": STEP, "input_key": _key(base, names, reads), "reads": json.dumps(reads)}
        return rows

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.row] if self.row else [], columns=STEP_KEYS.column_names)

    def line(self) -> str:
        """One line for the build's output."""
        if self.carried:
            return (
                "consistency checks: nothing they read changed, copied from the previous database"
            )
        return "consistency checks: run over every figure (what they read changed)"
