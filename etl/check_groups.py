"""The consistency checks in groups, each keyed by exactly what it reads (issue 27).

A group's checks read only its own records, so a Save runs the groups whose key changed and
copies every other group's rows from the previous file (etl.check_carry). The groups: per
metric (corroboration, cumulative order, restatements, the metric's gap), per article with a
figure some arithmetic rule totals (its sums and shares: they compare figures of one article
only), the phases (one group: every phase against the phase-coverage metrics' figures), per
policy whose status needs evidence, per contested claim. The rows of every group, merged in
the order of `ORDER` (the order run_checks gives them), are the rows a whole run makes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from data_model.check_rules import STATUSES_NEEDING_EVIDENCE
from data_model.records import CheckRuleKind
from etl.consistency import (
    Check,
    Figure,
    Rules,
    arithmetic_checks,
    contested_checks,
    corroboration_checks,
    cumulative_checks,
    figures,
    gap_checks,
    restatement_checks,
    rows_of,
    status_checks,
)
from etl.validate import Dataset

#: The checks' sections in the order a whole run gives them, told by their ids' prefixes.
ORDER = (
    "corroboration:",
    "cumulative:",
    "arithmetic:",
    "restatement:",
    "gap:phase:",
    "gap:metric:",
    "status:",
    "contested:",
)
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


def _section(check_id: str) -> int:
    return next(i for i, lead in enumerate(ORDER) if check_id.startswith(lead))


def group_of(row: dict[str, Any]) -> str:
    """The group a consistency_checks row belongs to, told by its own columns."""
    cid = row["check_id"]
    if cid.startswith(("corroboration:", "cumulative:", "restatement:", "gap:metric:")):
        return f"metric:{row['metric_id']}"
    if cid.startswith("arithmetic:"):
        return f"article:{row['source_ids']}"
    if cid.startswith("gap:phase:"):
        return "phases"
    if cid.startswith("status:"):
        return f"policy:{row['record_ids']}"
    return f"contested:{cid.split(':')[1]}"


def order_key(row: dict[str, Any], contests: dict[str, int]) -> tuple[Any, ...]:
    """Where a row goes among all: its section, then what orders it there (a metric's rows
    by its id, an arithmetic check by its total figure as `figures` sorts them, a policy by
    its id, a contested claim by its place in contested.yaml). Rows with one key are of one
    group, kept in the group's order by a stable sort."""
    cid = row["check_id"]
    at = _section(cid)
    lead = ORDER[at]
    if lead == "arithmetic:":
        total = row["record_ids"].split("; ")[0]
        return (at, row["metric_id"], str(row["period_end"]), row["source_ids"], total)
    if lead == "gap:phase:":
        return (at,)
    if lead == "status:":
        return (at, row["record_ids"])
    if lead == "contested:":
        return (at, f"{contests.get(cid.split(':')[1], -1):09d}")
    return (at, row["metric_id"])


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
        named = {
            c.record_id for k in self.contested for c in k.claims if c.record_kind == "statements"
        }
        self.statements = {
            s.statement_id: s for s in data.of("statements") if s.statement_id in named
        }
        self._digests: dict[int, bytes] = {}
        self._figures: dict[int, Figure | None] = {}
        #: Each group's run: (the function making it, its arguments), called with this
        #: object when the group runs (no closure over it: the two would make a cycle that
        #: kept every figure alive after the step, ~22 MB at 1000x, until a collection).
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
            yield self._add(f"metric:{mid}", reads, sources, (partial_metric, mid), launch)
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
            yield self._add(f"article:{sid}", reads, [sid], (partial_article, sid))
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
            yield self._add("phases", reads, sources, (partial_phases, inds))
        for pol in sorted(self.data.of("policies"), key=lambda p: p.policy_id):
            if pol.status in STATUSES_NEEDING_EVIDENCE:
                sources = [c.source_id for c in pol.status_citations]
                run = (partial_policy, pol)
                yield self._add(f"policy:{pol.policy_id}", [pol], sources, run)
        for contest in self.contested:
            claims = [self._claim(c) for c in contest.claims]
            metrics = [r.metric_id for r in claims if r is not None and hasattr(r, "metric_id")]
            reads = [contest, *claims, *self._metric_reads(metrics)]
            sources = [r.source_id for r in claims if r is not None]
            name = f"contested:{contest.contest_id}"
            yield self._add(name, reads, sources, (partial_contest, contest, claims))

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
        """The figures of `inds` (consistency.figures, made once each), in its order."""
        new = [i for i in inds if id(i) not in self._figures]
        if new:
            made = {id(f.ind): f for f in figures(_Part(self.data, indicators=new), self.rules)}
            for ind in new:
                self._figures[id(ind)] = made.get(id(ind))
        out = [f for i in inds if (f := self._figures[id(i)]) is not None]
        return sorted(out, key=lambda f: (f.metric, f.ref, f.source, f.ind.indicator_id))

    def keys(self) -> dict[str, str]:
        """Each group's key, in the groups' order: SHA-256 of the code and of every record,
        rule and article name the group's checks read."""
        return self._keys

    def contests(self) -> dict[str, int]:
        return {c.contest_id: n for n, c in enumerate(self.contested)}

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The group's rows, in the order a whole run gives them, ids unique within it."""
        make, *args = self.runs[name]
        rows = rows_of(make(self, *args)(), self.curated)
        unique_ids(rows)
        return rows


def partial_metric(groups: Groups, mid: str) -> Callable[[], Iterable[Check]]:
    def run() -> Iterable[Check]:
        every = groups.figures_of(groups.by_metric.get(mid, []))
        figs = [f for f in every if f.restates is None]
        vague = [i for i in groups.by_metric.get(mid, []) if i.vague is not None]
        metric = [groups.metrics[mid]]
        return itertools.chain(
            corroboration_checks(figs),
            cumulative_checks(figs, groups.rules.cumulative),
            restatement_checks(every),
            gap_checks(figs, (), metric, every, vague, groups.rules),
        )

    return run


def partial_article(groups: Groups, sid: str) -> Callable[[], Iterable[Check]]:
    def run() -> Iterable[Check]:
        figs = [f for f in groups.figures_of(groups.by_source[sid]) if f.restates is None]
        return arithmetic_checks(figs, groups.rules)

    return run


def partial_phases(groups: Groups, inds: list[Any]) -> Callable[[], Iterable[Check]]:
    def run() -> Iterable[Check]:
        every = groups.figures_of(inds)
        figs = [f for f in every if f.restates is None]
        phases = groups.data.of("phases")
        return gap_checks(figs, phases, (), every, (), groups.rules)

    return run


def partial_policy(groups: Groups, policy: Any) -> Callable[[], Iterable[Check]]:
    return lambda: status_checks([policy], groups.rules)


def partial_contest(
    groups: Groups, contest: Any, claims: list[Any]
) -> Callable[[], Iterable[Check]]:
    statements = [c for c in claims if c is not None and hasattr(c, "statement_id")]
    indicators = [c for c in claims if c is not None and hasattr(c, "indicator_id")]
    part = _Part(groups.data, contested=[contest], statements=statements, indicators=indicators)
    return lambda: contested_checks(part, groups.rules)  # type: ignore[arg-type]
