"""The consistency checks in groups, each keyed by exactly what it reads (issue 27).

A group's checks read only its own records, so a Save runs the groups whose key changed and
copies every other group's rows from the previous file (etl.check_carry). The groups: per
metric (corroboration, cumulative order, restatements, the metric's gap), per article with a
figure some arithmetic rule totals (its sums and shares: they compare figures of one article
only), the phases (one group: every phase against the phase-coverage metrics' figures), per
policy whose status needs evidence, per contested claim. Which checks a group runs is
consistency.SECTIONS, the table run_checks reads too: each section names its kind of group
(GROUPINGS here). The rows of every group, merged in the sections' order (run_checks'), are
the rows a whole run makes.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from data_model.check_rules import STATUSES_NEEDING_EVIDENCE
from data_model.records import CheckRuleKind
from etl.consistency import (
    SECTIONS,
    Figure,
    FigureMaker,
    Rules,
    Scope,
    Section,
    in_order,
    rows_of,
)
from etl.validate import Dataset

ARITHMETIC = (CheckRuleKind.sum, CheckRuleKind.share, CheckRuleKind.share_bound)


def figure_records(data: Any) -> list[Any]:
    """The figures (indicator records) the checks read: the one place they are taken from."""
    return list(data.of("indicators"))


class _Part:
    """A Dataset's `of` over some of its records: `kinds` given here, every other kind whole."""

    def __init__(self, data: Any, **kinds: Sequence[Any]) -> None:
        self._data, self._kinds = data, kinds

    def of(self, kind: str) -> list[Any]:
        return list(self._kinds[kind]) if kind in self._kinds else self._data.of(kind)


def _section(check_id: str) -> tuple[int, Section]:
    """The section of the checks (consistency.SECTIONS) a check is of, told by its id."""
    return next((i, s) for i, s in enumerate(SECTIONS) if check_id.startswith(s.prefix))


def group_of(row: dict[str, Any]) -> str:
    """The group a consistency_checks row belongs to, told by its own columns."""
    _, section = _section(row["check_id"])
    return GROUPINGS[section.group].name(row, row["check_id"][len(section.prefix) :])


def order_key(row: dict[str, Any], contests: dict[str, int]) -> tuple[Any, ...]:
    """Where a row goes among all: its section, then what orders it there (a metric's rows
    by its id, an arithmetic check by its total figure as `figures` sorts them, a policy by
    its id, a contested claim by its place in contested.yaml). Rows with one key are of one
    group, kept in the group's order by a stable sort."""
    at, section = _section(row["check_id"])
    rest = row["check_id"][len(section.prefix) :]
    return (at, *GROUPINGS[section.group].order(row, rest, contests))


def unique_ids(rows: list[dict[str, Any]]) -> bool:
    """Suffix repeated ids (':2', ':3') in order, as consistency._unique_ids does; True when
    none repeated (each group's ids are made unique within it: across groups they differ
    by their sections and records)."""
    seen: dict[str, int] = defaultdict(int)
    clean = True
    for row in rows:
        seen[row["check_id"]] += 1
        n = seen[row["check_id"]]
        if n > 1:
            row["check_id"], clean = f"{row['check_id']}:{n}", False
    return clean


class Groups:
    """The groups of one Dataset's checks: `keys()` each group's key, `rows(name)` its rows."""

    def __init__(self, data: Dataset, names: dict[str, str], code: str) -> None:
        unknown = {s.group for s in SECTIONS} - set(GROUPINGS)
        if unknown:  # a section no group would run: a Save would lose its rows
            raise ValueError(f"consistency.SECTIONS names groups with no grouping: {unknown}")
        self.data, self.names, self.code = data, names, code
        self.curated = list(data.of("checks"))
        self.rules = Rules.of(data, names)
        self.metrics = {m.metric_id: m for m in data.of("metrics")}
        self.units = {u.unit_id: u for u in data.of("units")}
        self.by_metric: dict[str, list[Any]] = defaultdict(list)
        self.by_source: dict[str, list[Any]] = defaultdict(list)
        self.by_id: dict[str, Any] = {}
        for ind in figure_records(data):
            self.by_metric[ind.metric_id].append(ind)
            self.by_source[ind.source_id].append(ind)
            self.by_id[ind.indicator_id] = ind
        self.contested = list(data.of("contested"))
        # The statements a contested claim names, and only those: `data` holds no others
        # (CheckInputs, by consistency.read_by_checks: the one place they are told apart).
        self.statements = {s.statement_id: s for s in data.of("statements")}
        self._digests: dict[int, bytes] = {}
        self._figures: dict[int, Figure | None] = {}
        self._make: FigureMaker | None = None  # made when a group first runs
        #: Each group's run: (its kind in GROUPINGS, the arguments of the kind's scope),
        #: called with this object when the group runs (no closure over it: the two would
        #: make a cycle that kept every figure alive after the step, ~22 MB at 1000x).
        self.runs: dict[str, tuple[Any, ...]] = {}
        self._keys = dict(self._groups())
        self._digests.clear()  # each record's, needed by the keys alone (~5 MB at 1000x)

    # --- what each group reads ----------------------------------------------------------

    def _digest(self, record: Any) -> bytes:
        found = self._digests.get(id(record))
        if found is None:
            found = hashlib.sha256(record.model_dump_json().encode()).digest()
            self._digests[id(record)] = found
        return found

    def _key(self, name: str, records: Iterable[Any], sources: Iterable[str], *more: Any) -> str:
        digest = hashlib.sha256(f"{self.code}\0{name}\0".encode())
        for record in records:
            digest.update(self._digest(record) if record is not None else b"\0none")
        said = {sid: self.names.get(sid) for sid in sorted(set(sources))}
        digest.update(json.dumps([said, *more], default=str).encode())
        return digest.hexdigest()

    def _metric_reads(self, metric_ids: Iterable[str]) -> list[Any]:
        out = []
        for mid in sorted(set(metric_ids)):
            metric = self.metrics.get(mid)
            out += [metric, self.units.get(metric.unit) if metric else None]
        return out

    def _rules(self, *kinds: CheckRuleKind) -> list[Any]:
        return [r for r in self.curated if r.kind in kinds]

    def _groups(self) -> Iterator[tuple[str, str]]:
        # Every figure's start may be read in from the launch (the first phase) for a
        # cumulative metric: the groups that read starts hash both.
        launch = min((p.start_date for p in self.data.of("phases")), default=None)
        cumulative = self._rules(CheckRuleKind.cumulative)
        for mid in sorted(self.metrics):
            inds = self.by_metric.get(mid, [])
            reads = [*self._metric_reads([mid]), *cumulative, *inds]
            sources = [i.source_id for i in inds]
            yield self._add(f"metric:{mid}", reads, sources, ("metric", mid), launch)
        arithmetic = self._rules(*ARITHMETIC)
        totals = {r.total for r in arithmetic}
        for sid in sorted(self.by_source):
            inds = self.by_source[sid]
            reported = {i.metric_id for i in inds}
            if not reported & totals:
                continue
            rules = [r for r in arithmetic if r.total in reported]
            named = {m for r in rules for m in (r.total, *r.parts, r.share) if m}
            reads = [*rules, *self._metric_reads(reported | named), *inds]
            yield self._add(f"article:{sid}", reads, [sid], ("article", sid))
        phase_rules = self._rules(CheckRuleKind.phase_coverage)
        if phase_rules:
            inds = [i for m in self.rules.phase_totals for i in self.by_metric.get(m, [])]
            reads = [
                *phase_rules,
                *cumulative,
                *self._metric_reads(self.rules.phase_totals),
                *self.data.of("phases"),
                *inds,
            ]
            sources = [i.source_id for i in inds]
            yield self._add("phases", reads, sources, ("phases", inds))
        for pol in sorted(self.data.of("policies"), key=lambda p: p.policy_id):
            if pol.status in STATUSES_NEEDING_EVIDENCE:
                sources = [c.source_id for c in pol.status_citations]
                run = ("policy", pol)
                yield self._add(f"policy:{pol.policy_id}", [pol], sources, run)
        for contest in self.contested:
            claims = [self._claim(c) for c in contest.claims]
            # By kind, as the contested check looks them up (its scope's records).
            claimed: dict[str, list[Any]] = {"statements": [], "indicators": []}
            for claim, record in zip(contest.claims, claims, strict=True):
                if record is not None:
                    claimed[claim.record_kind].append(record)
            metrics = [r.metric_id for r in claimed["indicators"]]
            reads = [contest, *claims, *self._metric_reads(metrics)]
            sources = [r.source_id for r in claims if r is not None]
            name = f"contested:{contest.contest_id}"
            yield self._add(name, reads, sources, ("contested", contest, claimed))

    def _claim(self, claim: Any) -> Any:
        if claim.record_kind == "statements":
            return self.statements.get(claim.record_id)
        if claim.record_kind == "indicators":
            return self.by_id.get(claim.record_id)
        return None

    def _add(
        self,
        name: str,
        reads: list[Any],
        sources: list[str],
        run: tuple[Any, ...],
        *more: Any,
    ) -> tuple[str, str]:
        self.runs[name] = run
        return name, self._key(name, reads, sources, *more)

    # --- running a group ----------------------------------------------------------------

    def figures_of(self, inds: Sequence[Any]) -> list[Figure]:
        """The figures of `inds` (as consistency.figures makes them, each once), in its
        order; the maker's lookups built once per run, not once per group."""
        if self._make is None:
            self._make = FigureMaker(self.data, self.rules)
        for ind in inds:
            if id(ind) not in self._figures:
                self._figures[id(ind)] = self._make(ind)
        return in_order(f for i in inds if (f := self._figures[id(i)]) is not None)

    def keys(self) -> dict[str, str]:
        """Each group's key, in the groups' order: SHA-256 of the code and of every record,
        rule and article name the group's checks read."""
        return self._keys

    def contests(self) -> dict[str, int]:
        return {c.contest_id: n for n, c in enumerate(self.contested)}

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The group's rows, in the order a whole run gives them, ids unique within it: the
        checks of every section of its kind (consistency.SECTIONS), in their order."""
        kind, *args = self.runs[name]
        scope = GROUPINGS[kind].scope(self, *args)
        checks = [c for section in SECTIONS if section.group == kind for c in section.make(scope)]
        rows = rows_of(checks, self.curated)
        unique_ids(rows)
        return rows


# --- each kind of group: the scope of one group's checks, and a row's group and place ---


def _metric_scope(groups: Groups, mid: str) -> Scope:
    inds = groups.by_metric.get(mid, [])
    part = _Part(groups.data, metrics=[groups.metrics[mid]], indicators=inds)
    return Scope(part, groups.rules, groups.figures_of(inds))  # type: ignore[arg-type]


def _article_scope(groups: Groups, sid: str) -> Scope:
    inds = groups.by_source[sid]
    part = _Part(groups.data, indicators=inds)
    return Scope(part, groups.rules, groups.figures_of(inds))  # type: ignore[arg-type]


def _phases_scope(groups: Groups, inds: list[Any]) -> Scope:
    part = _Part(groups.data, indicators=inds)
    return Scope(part, groups.rules, groups.figures_of(inds))  # type: ignore[arg-type]


def _policy_scope(groups: Groups, policy: Any) -> Scope:
    return Scope(_Part(groups.data, policies=[policy]), groups.rules)  # type: ignore[arg-type]


def _contest_scope(groups: Groups, contest: Any, claimed: dict[str, list[Any]]) -> Scope:
    part = _Part(groups.data, contested=[contest], **claimed)
    return Scope(part, groups.rules)  # type: ignore[arg-type]


def _arithmetic_order(row: dict[str, Any], _: str, __: dict[str, int]) -> tuple[Any, ...]:
    total = row["record_ids"].split("; ")[0]
    return (row["metric_id"], str(row["period_end"]), row["source_ids"], total)


def _contest(rest: str) -> str:
    return rest.split(":")[0]  # the contest's id, without a suffix unique_ids gave


@dataclass(frozen=True)
class Grouping:
    """One kind of group (consistency.Section.group): the group a row is of, told by its own
    columns and its id after the section's prefix; what orders it among its section's rows
    of other groups; the scope one group's checks read (called with the group's arguments)."""

    name: Callable[[dict[str, Any], str], str]
    order: Callable[[dict[str, Any], str, dict[str, int]], tuple[Any, ...]]
    scope: Callable[..., Scope]


GROUPINGS = {
    "metric": Grouping(
        lambda row, _: f"metric:{row['metric_id']}",
        lambda row, _, __: (row["metric_id"],),
        _metric_scope,
    ),
    "article": Grouping(
        lambda row, _: f"article:{row['source_ids']}", _arithmetic_order, _article_scope
    ),
    "phases": Grouping(lambda _, __: "phases", lambda *_: (), _phases_scope),
    "policy": Grouping(
        lambda row, _: f"policy:{row['record_ids']}",
        lambda row, _, __: (row["record_ids"],),
        _policy_scope,
    ),
    "contested": Grouping(
        lambda _, rest: f"contested:{_contest(rest)}",
        lambda _, rest, contests: (f"{contests.get(_contest(rest), -1):09d}",),
        _contest_scope,
    ),
}
