"""Build step 'carry': the rows each unchanged curated file gives the data tables, copied from
the database being replaced in SQL instead of made again, with their count and digest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby, islice
from typing import Any

import pandas as pd

from etl.inputs import Inputs
from etl.validate import Dataset, Located

#: The data tables made of runs of rows, each run from one curated file's records of one kind
#: (etl.transform.table_rows), in file order. Such a run is a function of that file, the
#: codebook records it reads (etl.codebook.ROWS: a change to one makes the runs of the files
#: reading it again, etl.inputs) and the articles its quotes are in, so a build copies the
#: runs of the unchanged files. The tables not named here are made
#: by every build: the consistency checks (etl.check_carry), the corrections (each build adds
#: to their history) and build_info. The value: the kinds whose records the table holds.
FED_BY: dict[str, frozenset[str]] = {
    "sources": frozenset({"sources"}),
    "units": frozenset({"units"}),
    "categories": frozenset({"categories"}),
    "metrics": frozenset({"metrics"}),
    "actors": frozenset({"actors"}),
    "phases": frozenset({"phases"}),
    "phase_citations": frozenset({"phases"}),
    "indicators": frozenset({"indicators"}),
    "statements": frozenset({"statements"}),
    "events": frozenset({"events"}),
    "policies": frozenset({"policies"}),
    "policy_citations": frozenset({"policies"}),
    # The positions each proposal lists (part 0), then those coded in articles' files (1).
    "policy_positions": frozenset({"policies", "positions"}),
    "not_coded": frozenset({"not_coded"}),
}

#: The record kind each part of a table is made of (FED_BY's kinds, by part).
KIND_OF: dict[tuple[str, int], str] = {
    **{(table, 0): next(iter(kinds)) for table, kinds in FED_BY.items() if len(kinds) == 1},
    ("policy_positions", 0): "policies",
    ("policy_positions", 1): "positions",
}

#: A run's place in the previous file: (table, part, file) -> (first row, rows, digest).
Earlier = dict[tuple[str, int, str], tuple[int, int, str]]


@dataclass(frozen=True)
class Run:
    """One file's rows of a table part: copied from the previous file (its first row there),
    or made (its first row among the rows this build makes of the table)."""

    file: str
    part: int
    first: int
    count: int
    digest: str
    copied: bool
    #: The run goes on in the next one (the file's rows copied, then those of its records
    #: added after them, made): the table_runs row and the digests show the two as one run,
    #: the next one's digest, as a full build makes it.
    goes_on: bool = False
    #: Of a run made: the first row of the file's run in the previous file when that run held
    #: as many rows (its records changed, none added or removed), else None (Runs.updated).
    was: int | None = None


def run_digest(rows: list[dict[str, Any]], start: str = "") -> str:
    """SHA-256 of a run's rows as the build made them (a function of its records alone: a
    table's frame would type a column by every run's values), chained row by row from
    `start` (the digest of the rows before them in the run, "" for none): a file's rows with
    rows added after them have the digest of the rows before, carried on over the new ones,
    so a Save that copies the first makes the digest a full build makes."""
    digest = start
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, default=str)
        digest = hashlib.sha256(f"{digest}\0{text}".encode()).hexdigest()
    return digest


@dataclass
class Runs:
    """The runs of every table in FED_BY, in order, as table_rows makes them: each of a file
    in `files` (unchanged since) that the previous file holds is copied, every other made."""

    earlier: Earlier = field(default_factory=dict)
    files: frozenset[str] = frozenset()
    plans: dict[str, list[Run]] = field(default_factory=dict)
    #: Of changed files: how many of their records of a kind are those the previous file
    #: made its run of (etl.inputs.Inputs.appended): their rows are copied, the rest made.
    appended: dict[str, dict[str, int]] = field(default_factory=dict)

    def each(
        self, table: str, part: int, locs: list[Located], rows: list[dict[str, Any]]
    ) -> Iterator[Located]:
        """The records whose rows are to be made into `rows`, run by run; the runs copied
        are noted and their records left out."""
        plan = self.plans.setdefault(table, [])
        for file, group in groupby(locs, key=lambda loc: loc.file):
            kept = self.earlier.get((table, part, file))
            if kept is not None and file in self.files:
                plan.append(Run(file, part, kept[0], kept[1], kept[2], True))
                continue
            start = len(rows)
            head = self.appended.get(file, {}).get(KIND_OF[table, part], 0) if kept else 0
            if head and kept is not None:
                # The file's first `head` records are those the previous file made its run
                # of (the same code, codebook and bodies: runs_for): their rows are that run.
                group = iter(group)
                if sum(1 for _ in islice(group, head)) == head:
                    yield from group
                    made = rows[start:]
                    if not made:  # records of another kind added: these rows are the same
                        plan.append(Run(file, part, kept[0], kept[1], kept[2], True))
                        continue
                    digest = run_digest(made, kept[2])
                    plan.append(Run(file, part, kept[0], kept[1], kept[2], True, goes_on=True))
                    plan.append(Run(file, part, start, len(made), digest, False))
                    continue
                raise RuntimeError(f"{file}: fewer {table} records than the previous file's")
            yield from group
            made = rows[start:]
            digest = run_digest(made)
            if kept is not None and kept[1:] == (len(made), digest):
                # A changed file's rows of this table came out as the previous file holds
                # them (its figures, when a statement changed): copied too, so a table no
                # row of which changed is copied whole, with what is derived from it.
                del rows[start:]
                plan.append(Run(file, part, kept[0], kept[1], kept[2], True))
                continue
            was = kept[0] if kept is not None and kept[1] == len(made) else None
            plan.append(Run(file, part, start, len(made), digest, False, was=was))

    def count(self, table: str) -> int:
        return sum(run.count for run in self.plans.get(table, []))

    @staticmethod
    def _whole(plan: list[Run]) -> Iterator[tuple[Run, int]]:
        """Each run as a full build makes it, with its rows: a run that goes on (Run.goes_on)
        joined to the next."""
        before = 0
        for run in plan:
            if run.goes_on:
                before += run.count
                continue
            yield run, before + run.count
            before = 0

    def digests(self) -> dict[str, str]:
        """Each table's digest, made of its runs' in order (the content fingerprint's)."""
        out = {}
        for table, plan in self.plans.items():
            digest = hashlib.sha256()
            for run, count in self._whole(plan):
                digest.update(f"{count}\0{run.digest}\n".encode())
            out[table] = digest.hexdigest()
        return out

    def for_write(self) -> dict[str, list[tuple[bool, int, int]]]:
        """(copied, first row, rows) of each run of every table with a run copied
        (database.write.insert_runs): the others are inserted as made."""
        return {
            table: [(run.copied, run.first, run.count) for run in plan]
            for table, plan in self.plans.items()
            if any(run.copied for run in plan)
        }

    def grown(self) -> set[str]:
        """The tables whose rows are every row of the previous file's, in order, then rows
        made: kept where they are in a Save's copy, the new rows added after them."""
        total = self._totals()
        out = set()
        for table, plan in self.plans.items():
            at, made = 0, False
            for run in plan:
                if run.copied and (made or run.first != at):
                    break
                if run.copied:
                    at += run.count
                made = made or not run.copied
            else:
                if made and at == total.get(table, -1):
                    out.add(table)
        return out

    def updated(self) -> dict[str, list[tuple[int, int, int]]]:
        """The tables whose every row stays where the previous file held it, some runs made
        again as as many rows (a record changed: database.write.update_runs changes them
        where they are in a Save's copy, not every row of the table written again); for
        each, its made runs as (first row made, first row in the table, rows)."""
        total = self._totals()
        out = {}
        for table, plan in self.plans.items():
            at, made = 0, []
            for run in plan:
                if run.goes_on or (run.first if run.copied else run.was) != at:
                    break
                if not run.copied:
                    made.append((run.first, at, run.count))
                at += run.count
            else:
                if made and at == total.get(table, -1):
                    out[table] = made
        return out

    def _totals(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for (table, _, _), (_, count, _) in self.earlier.items():
            total[table] = total.get(table, 0) + count
        return total

    def unchanged(self) -> set[str]:
        """The tables copied whole, every row where it was: none of their records changed."""
        total = self._totals()
        out = set()
        for table, plan in self.plans.items():
            at = 0
            for run in plan:
                if not run.copied or run.first != at:
                    break
                at += run.count
            else:
                if at == total.get(table, -1):
                    out.add(table)
        return out

    def frame(self) -> pd.DataFrame:
        """The table_runs rows: every run with its first row in the new table."""
        rows = []
        for table, plan in self.plans.items():
            at = 0
            for run, count in self._whole(plan):
                rows.append((table, run.part, run.file, at, count, run.digest))
                at += count
        return pd.DataFrame(
            rows, columns=["table_name", "part", "file", "first_row", "row_count", "digest"]
        )

    def line(self) -> str:
        """One line for the build's output."""
        copied = sum(run.count for plan in self.plans.values() for run in plan if run.copied)
        if not copied:
            return "tables: every row made afresh"
        runs = [run for plan in self.plans.values() for run in plan if not run.copied]
        made = sum(run.count for run in runs)
        return (
            f"tables: {copied} rows unchanged since the previous database copied from it, "
            f"{made} made; {len(self.unchanged())} tables copied whole; {len(runs)} runs "
            f"of {len({run.file for run in runs})} files made"
        )


def runs_for(inputs: Inputs, data: Dataset, earlier: Earlier) -> Runs:
    """The runs a build may copy from the previous database (`earlier`, its runs): those of
    the curated files unchanged since it whose records read no codebook record changed since
    (etl.inputs), when the same code made it, and every article body its records quote is
    the same (data.same_bodies: the same article file, and title, of every source it held;
    a run's rows hold the places of quotes in them). Else every run is made."""
    if inputs.unchanged is None or not data.same_bodies:
        return Runs()
    return Runs(earlier, inputs.unchanged, appended=inputs.appended)
