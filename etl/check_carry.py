"""Build step 'checks', carried per group: the consistency checks of each group whose key is
unchanged since the previous database are copied from it, the others run (etl.check_groups).

The checks read a Dataset through CheckInputs, which answers only the kinds in
etl.consistency.READS (and of the statements only those a contested claim names); each
group's key hashes the records, rules and article names its checks read
(etl.check_groups.Groups), and the step_keys row stores every group's key, so a change runs
only the groups that read it (issue 27).
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
from etl.check_groups import Groups, group_of, order_key, unique_ids
from etl.consistency import READS, read_by_checks
from etl.validate import Dataset

STEP = CONSISTENCY_CHECKS.name
#: How many of the groups run again a build's line names (the rest it counts).
NAMED = 12

#: The data tables whose rows hold every field of a kind's records (etl.transform.table_rows):
#: their digests (etl.carry.Runs.digests, made of each file's run, a copied run's as stored)
#: stand for the records in the step's key, so a Save that changed nothing the checks read
#: copies them all without hashing every figure (the groups' keys do, when one changed).
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
                f"the consistency checks read {kind!r}, which etl.consistency.READS does not "
                "list: add it there, so that a change to it runs the checks again"
            )
        return self._kinds[kind]

    def digest(self, code: str, names: dict[str, str], tables: dict[str, str] | None) -> str:
        """The step's key: SHA-256 of the code, of every record the checks may read, in
        order (the order is theirs too), and of the names of every article a record of
        them cites. A kind whose tables' digests are in `tables` (HELD_IN) is hashed by
        those."""
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
        cited = {i.source_id for i in self._kinds["indicators"]}
        cited |= {c.source_id for p in self._kinds["policies"] for c in p.status_citations}
        cited |= {s.source_id for s in self._kinds["statements"]}
        digest.update(json.dumps([[sid, names.get(sid)] for sid in sorted(cited)]).encode())
        return digest.hexdigest()


def _pairs(reads: str) -> dict[str, str]:
    """The group keys a step_keys row stored ([group, key] pairs), {} for any other reads."""
    try:
        found = json.loads(reads)
        return {str(name): str(key) for name, key in found}
    except (ValueError, TypeError):
        return {}


@dataclass
class CheckCarry:
    """The checks step of one build: called as to_rows' `checks`, it copies every row from
    `previous` (built by the same `code`) when no group's key changed, else runs the groups
    whose key changed and copies the others' rows; `frame` is the step_keys row the new file
    stores for the next build, `ran` the groups run."""

    previous: Path | None
    code: str
    #: The runs of the tables made so far, whose digests stand for the records (HELD_IN).
    runs: Runs | None = None
    carried: bool = False
    ran: list[str] = field(default_factory=list)
    groups: int = 0
    row: dict[str, str] = field(default_factory=dict)

    def __call__(self, data: Dataset, names: dict[str, str]) -> list[dict[str, Any]]:
        view = CheckInputs(data)
        whole = view.digest(self.code, names, self.runs.digests() if self.runs else None)
        earlier = earlier_step(self.previous, STEP) if self.previous and self.code else None
        before: dict[str, str] = {}
        rows: list[dict[str, Any]] = []
        if earlier is not None:
            key, reads, rows = earlier
            if key == whole:
                self.carried, self.row = True, {"step": STEP, "input_key": key, "reads": reads}
                return rows
            before = _pairs(reads)
        groups = Groups(view, names, self.code)  # type: ignore[arg-type]  # reads as a Dataset
        keys, contests = groups.keys(), groups.contests()
        self.groups = len(keys)
        self.ran = [name for name, key in keys.items() if before.get(name) != key]
        kept = set(keys) - set(self.ran)
        out = [row for row in rows if group_of(row) in kept] if kept else []
        for name in self.ran:
            out += groups.rows(name)
        out.sort(key=lambda row: order_key(row, contests))
        # Ids repeated across groups (never seen: their sections and records tell them
        # apart) are suffixed over every row, and then no group's rows can be copied.
        clean = unique_ids(out)
        pairs = json.dumps([[name, key] for name, key in keys.items()] if clean else [])
        self.row = {"step": STEP, "input_key": whole if clean else "", "reads": pairs}
        return out

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.row] if self.row else [], columns=STEP_KEYS.column_names)

    def line(self) -> str:
        """One line for the build's output: the groups run again, named when few."""
        if self.carried or (self.groups and not self.ran):
            return (
                "consistency checks: nothing they read changed, copied from the previous database"
            )
        if len(self.ran) == self.groups:
            return f"consistency checks: every group run ({self.groups}: what they read changed)"
        named = ", ".join(self.ran[:NAMED]) + (", ..." if len(self.ran) > NAMED else "")
        return (
            f"consistency checks: {len(self.ran)} of {self.groups} groups run again, what they "
            f"read changed ({named}); the others copied from the previous database"
        )
