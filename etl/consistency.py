"""Process step: check the validated figures against each other and for gaps in coverage.

Over 400 lines: one function per check kind, each short, over one validated Dataset; the
table SECTIONS at the end puts them in order for a whole run and for a Save's groups.
Which metrics are compared, summed and bounded is curated data (seeds/curated/checks.yaml,
records.CheckRule); each check words its own finding (etl.check_words: a headline in every
language, the detail in English) and fills the ``consistency_checks`` table on every build.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from data_model.check_rules import NATIONAL, SHARE_TOLERANCE_PP, STATUSES_NEEDING_EVIDENCE
from data_model.i18n import SOURCE_LANGUAGE, translator
from data_model.qualifiers import Qualifier, bounds
from data_model.records import CheckRule, CheckRuleKind, Indicator, Metric, Phase, Policy
from data_model.wording import PERCENT, UnitWords, amount, date_text, hedged_words
from etl import check_words as cw
from etl.check_words import Said, Severity, Words
from etl.validate import Dataset, Located

# Float noise from the approx band (1,100 x 0.9 is 990.0000000000001) must not turn two
# touching ranges into a conflict.
_EPS = 1e-9


class Status(StrEnum):
    passed = "pass"
    warn = "warn"
    fail = "fail"


@dataclass(frozen=True)
class Check:
    """One row of the consistency_checks table: what was checked, the finding in a headline
    (every language) and in detail, and where it belongs on the page (severity)."""

    check_id: str
    kind: str
    metric_id: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    status: Status
    detail: str
    source_ids: str
    said: Said
    severity: Severity
    record_ids: str = ""

    @property
    def headline(self) -> str:
        return self.said["en"]


@dataclass(frozen=True)
class Rules:
    """The curated check rules (checks.yaml) by kind, and the labels the headlines use."""

    sums: tuple[CheckRule, ...] = ()
    shares: tuple[CheckRule, ...] = ()
    share_bounds: tuple[CheckRule, ...] = ()
    cumulative: frozenset[str] = frozenset()
    phase_totals: tuple[str, ...] = ()
    metric_names: dict[str, tuple[str, str | None]] | None = None
    source_names: dict[str, str] | None = None

    @classmethod
    def of(cls, data: Dataset, source_names: dict[str, str] | None = None) -> Rules:
        rules: list[CheckRule] = data.of("checks")

        def kind(k: CheckRuleKind) -> tuple[CheckRule, ...]:
            return tuple(r for r in rules if r.kind is k)

        return cls(
            sums=kind(CheckRuleKind.sum),
            shares=kind(CheckRuleKind.share),
            share_bounds=kind(CheckRuleKind.share_bound),
            cumulative=frozenset(m for r in kind(CheckRuleKind.cumulative) for m in r.parts),
            phase_totals=tuple(
                dict.fromkeys(r.total for r in kind(CheckRuleKind.phase_coverage) if r.total)
            ),
            metric_names={m.metric_id: (m.label, m.label_km) for m in data.of("metrics")},
            source_names=source_names if source_names is not None else {},
        )

    def name(self, metric_id: str) -> Words:
        """The metric's label in the reader's language (its id where it has none)."""
        return cw.words_of(self.metric_names or {}, metric_id)

    def metric_words(self, metric_id: str) -> str:
        """The metric as the detail says it: 'total arrests' (its id where it has no label)."""
        found = (self.metric_names or {}).get(metric_id)
        return found[0].lower() if found else metric_id

    def source_words(self, source_id: str) -> str:
        """The article as the detail says it: its short label, '13 Jan 2017 · Drug campaign
        nets 1,000' (its id where none was given)."""
        return (self.source_names or {}).get(source_id, source_id)


@dataclass(frozen=True)
class Figure:
    """An indicator with its unit, range, reference date and (possibly read-in) start."""

    ind: Indicator
    unit: UnitWords
    start: dt.date | None
    start_read_in: bool
    low: float | None
    high: float | None
    name: Words = cw.label("", None)
    metric_words: str = ""
    source_words: str = ""

    @property
    def metric(self) -> str:
        return self.ind.metric_id

    @property
    def source(self) -> str:
        return self.ind.source_id

    @property
    def geo(self) -> str:
        return self.ind.geography

    @property
    def ref(self) -> dt.date:
        return self.ind.period_end or self.ind.as_of

    @property
    def hedged(self) -> str:
        """The figure in the article's terms, e.g. 'more than 17,800' or 'about 50%'."""
        return hedged_words(
            self.ind.value, self.ind.qualifier, self.unit, value_to=self.ind.value_to
        )

    @property
    def cited(self) -> str:
        return f"{self.hedged} ({self.source_words or self.source})"

    @property
    def said(self) -> Words:
        """'Total arrests (more than 17,800)' in the reader's language."""
        return cw.figure(
            self.name, self.ind.value, self.ind.qualifier, self.unit, self.ind.value_to
        )

    @property
    def amount_said(self) -> Words:
        """'more than 17,800' in the reader's language."""
        return cw.hedged(self.ind.value, self.ind.qualifier, self.unit, self.ind.value_to)

    @property
    def restates(self) -> str | None:
        return self.ind.restates

    @property
    def when(self) -> str:
        """The period the figure covers, as the article states it."""
        start, end, as_of = self.ind.period_start, self.ind.period_end, self.ind.as_of
        if start and end:
            return f"{_day(start)} to {_day(end)}"
        if end:
            return f"to {_day(end)}, start not stated"
        if start:
            return f"from {_day(start)}, as of {_day(as_of)}"
        return f"as of {_day(as_of)}, no period stated"

    @property
    def when_read(self) -> str:
        """The stated period, plus the start read in for a cumulative count."""
        read = f"; start read as the launch, {_day(self.start)}" if self.start_read_in else ""
        return self.when + read


# --- formatting --------------------------------------------------------------------------


def _range(low: float | None, high: float | None, unit: UnitWords, lang: str = "en") -> str:
    if low is not None and high is not None:
        if math.isclose(low, high):
            return amount(low, unit, lang)
        return f"{amount(low, unit, lang)}–{amount(high, unit, lang)}"
    t = translator(lang)
    if low is not None:
        return t.gettext("{amount} or more").format(amount=amount(low, unit, lang))
    if high is not None:
        return t.gettext("up to {amount}").format(amount=amount(high, unit, lang))
    return t.gettext("any value")


def _day(day: dt.date | None) -> str:
    """'11 Jan 2017': dates in the detail as a reader writes them."""
    return date_text(day) if day else "an unstated day"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _geo_suffix(geo: str) -> str:
    return "" if geo == NATIONAL else f":{_slug(geo)}"


def _geo_words(geo: str) -> str:
    return "" if geo == NATIONAL else f" ({geo})"


def _period_key(start: dt.date | None, end: dt.date) -> str:
    return f"{start or 'unstated'}:{end}"


def _sources(figures: Iterable[Figure]) -> str:
    return "; ".join(dict.fromkeys(f.source for f in figures))


# --- ranges ------------------------------------------------------------------------------


def _lo(x: float | None) -> float:
    return -math.inf if x is None else x


def _hi(x: float | None) -> float:
    return math.inf if x is None else x


def _overlap(ranges: Sequence[tuple[float | None, float | None]]) -> bool:
    return max(_lo(low) for low, _ in ranges) <= min(_hi(high) for _, high in ranges) + _EPS


def _is_open(f: Figure) -> bool:
    return f.low is None or f.high is None


# --- figures -----------------------------------------------------------------------------


def _launch(phases: Sequence[Phase]) -> dt.date | None:
    return min((p.start_date for p in phases), default=None)


class FigureMaker:
    """Makes an indicator's figure, the lookups every figure needs (each metric's unit, the
    signed metrics, the launch) built once: a Save makes the figures of each group of checks
    it runs apart (etl.check_groups), and a full build runs every group."""

    def __init__(self, data: Dataset, rules: Rules) -> None:
        declared = {u.unit_id: UnitWords.of(u) for u in data.of("units")}
        self.rules = rules
        self.units = {m.metric_id: declared.get(m.unit) for m in data.of("metrics")}
        self.signed = {m.metric_id for m in data.of("metrics") if m.signed}
        self.launch = _launch(data.of("phases"))

    def __call__(self, ind: Indicator) -> Figure | None:
        """The indicator's figure, None where it has none."""
        unit, rules, launch = self.units.get(ind.metric_id), self.rules, self.launch
        # An unknown metric or unit is the validation's to report; vague words have no number.
        if unit is None or ind.vague is not None:
            return None
        signed = ind.metric_id in self.signed
        low, high = bounds(ind.value, Qualifier(ind.qualifier), unit.kind, ind.value_to, signed)
        read_in = ind.period_start is None and ind.metric_id in rules.cumulative
        start = launch if read_in else ind.period_start
        name = rules.name(ind.metric_id)
        words = rules.metric_words(ind.metric_id), rules.source_words(ind.source_id)
        return Figure(ind, unit, start, read_in and launch is not None, low, high, name, *words)


def in_order(figs: Iterable[Figure]) -> list[Figure]:
    """The figures in the order every check reads them: by metric, date, article and id."""
    return sorted(figs, key=lambda f: (f.metric, f.ref, f.source, f.ind.indicator_id))


def figures(data: Dataset, rules: Rules | None = None) -> list[Figure]:
    """Every indicator with its range; cumulative counts with no start read from the launch."""
    make = FigureMaker(data, rules or Rules.of(data))
    return in_order(f for ind in data.of("indicators") if (f := make(ind)) is not None)


# --- corroboration -----------------------------------------------------------------------


def _corroborate(group: list[Figure]) -> Check:
    first = group[0]
    whens = {f.when_read for f in group}
    if len(whens) == 1:
        listed = " vs ".join(f.cited for f in group) + f" ({first.when_read})"
    else:  # periods stated differently that still share start and reference date
        listed = " vs ".join(f"{f.cited} ({f.when_read})" for f in group)
    when = cw.period(first.start, first.ref, first.ref)
    if _overlap([(f.low, f.high) for f in group]):
        low = max((f.low for f in group if f.low is not None), default=None)
        high = min((f.high for f in group if f.high is not None), default=None)
        status = Status.passed
        verdict = f"ranges overlap ({_range(low, high, first.unit)})"
        n = len({f.source for f in group})
        shared = lambda lang: _range(low, high, first.unit, lang)  # noqa: E731
        said = cw.said(
            cw.CORROBORATION["pass"], metric=first.name, period=when, n=cw.count(n), range=shared
        )
    else:
        top = max(group, key=lambda f: _lo(f.low))
        bottom = min(group, key=lambda f: _hi(f.high))
        status = Status.fail
        verdict = (
            f"ranges do not overlap: {top.cited} allows {_range(top.low, top.high, top.unit)}, "
            f"{bottom.cited} allows {_range(bottom.low, bottom.high, bottom.unit)}"
        )
        said = cw.said(
            cw.CORROBORATION["fail"],
            metric=first.name,
            period=when,
            high=top.amount_said,
            low=bottom.amount_said,
        )
    return Check(
        check_id=f"corroboration:{first.metric}:{_period_key(first.start, first.ref)}"
        + _geo_suffix(first.geo),
        kind="corroboration",
        metric_id=first.metric,
        period_start=first.start,
        period_end=first.ref,
        status=status,
        detail=f"{first.metric_words}{_geo_words(first.geo)}: {listed}: {verdict}.",
        source_ids=_sources(group),
        said=said,
        severity=cw.severity(status),
    )


def corroboration_checks(figs: Sequence[Figure]) -> Iterator[Check]:
    """Same metric, geography, start and reference date, reported by two or more articles."""
    groups: dict[tuple[Any, ...], list[Figure]] = defaultdict(list)
    for f in figs:
        groups[(f.metric, f.geo, str(f.start), f.ref)].append(f)
    for key in sorted(groups):
        group = groups[key]
        if len({f.source for f in group}) > 1:
            yield _corroborate(group)


def _in_order(later: Figure, earlier: Figure) -> Check:
    floor = earlier.low
    assert floor is not None  # only earlier figures with a lower bound are chosen
    reach = _range(later.low, later.high, later.unit)
    if _hi(later.high) < floor - _EPS:
        status = Status.fail
        verdict = (
            f"the later count ({reach}) is certainly lower, which a cumulative count cannot be"
        )
    elif _lo(later.low) < floor - _EPS:
        status = Status.warn
        verdict = (
            f"the later count ({reach}) might be lower, which a cumulative count cannot be; "
            "the hedges leave it open"
        )
    else:
        status = Status.passed
        verdict = f"the later count ({reach}) cannot be lower: in order"
    said = cw.said(
        cw.CUMULATIVE[str(status)],
        metric=later.name,
        earlier=earlier.amount_said,
        earlier_day=cw.day(earlier.ref),
        later=later.amount_said,
        later_day=cw.day(later.ref),
    )
    detail = (
        f"Cumulative {later.metric_words}{_geo_words(later.geo)} from {_day(later.start)}: "
        f"{later.cited} by {_day(later.ref)} ({later.when_read}) vs {earlier.cited} by "
        f"{_day(earlier.ref)} ({earlier.when_read}), the highest figure given earlier as a "
        f"minimum ({amount(floor, later.unit)}): "
        f"{verdict}."
    )
    return Check(
        check_id=f"cumulative:{later.metric}:{_period_key(later.start, later.ref)}:{later.source}"
        + _geo_suffix(later.geo),
        kind="corroboration",
        metric_id=later.metric,
        period_start=later.start,
        period_end=later.ref,
        status=status,
        detail=detail,
        source_ids=_sources([later, earlier]),
        said=said,
        severity=cw.severity(str(status)),
    )


def cumulative_checks(figs: Sequence[Figure], cumulative: frozenset[str]) -> Iterator[Check]:
    """Each cumulative count against the highest lower bound reported earlier in its series."""
    series: dict[tuple[str, str, dt.date], list[Figure]] = defaultdict(list)
    for f in figs:
        if f.metric in cumulative and f.start is not None:
            series[(f.metric, f.geo, f.start)].append(f)
    for key in sorted(series):
        # Walk the series in date order, carrying the binding earlier figure (highest lower
        # bound, latest on ties) instead of searching all earlier figures for each one.
        items = series[key]
        by_date: dict[dt.date, list[Figure]] = defaultdict(list)
        for f in items:
            by_date[f.ref].append(f)
        binding: Figure | None = None
        checks: dict[int, Check] = {}
        for day in sorted(by_date):
            if binding is not None:
                for later in by_date[day]:
                    checks[id(later)] = _in_order(later, binding)
            for f in by_date[day]:
                if f.low is not None and (
                    binding is None or (f.low, f.ref) > (binding.low, binding.ref)
                ):
                    binding = f
        # Same order as the series was given in.
        yield from (checks[id(f)] for f in items if id(f) in checks)


# --- arithmetic --------------------------------------------------------------------------


def _same_period(a: Figure, b: Figure) -> bool:
    """Same article, geography and reference date; stated starts equal where both are stated."""
    sa, sb = a.ind.period_start, b.ind.period_start
    return (
        a.source == b.source
        and a.geo == b.geo
        and a.ref == b.ref
        and (sa is None or sb is None or sa == sb)
    )


def _compared(total: Figure, others: Sequence[Figure]) -> str:
    periods = "; ".join(dict.fromkeys(f"{f.metric_words} {f.when}" for f in (total, *others)))
    return f"Within {total.source_words}{_geo_words(total.geo)} ({periods})"


def _arithmetic(
    name: str, total: Figure, others: Sequence[Figure], status: Status, detail: str, said: Said
) -> Check:
    return Check(
        check_id=f"arithmetic:{name}:{total.source}:"
        f"{_period_key(total.ind.period_start, total.ref)}{_geo_suffix(total.geo)}",
        kind="arithmetic",
        metric_id=total.metric,
        period_start=total.ind.period_start,
        period_end=total.ref,
        status=status,
        detail=f"{_compared(total, others)}: {detail}.",
        source_ids=total.source,
        record_ids="; ".join(f.ind.indicator_id for f in (total, *others)),
        said=said,
        severity=cw.severity(str(status)),
    )


def _with_range(f: Figure) -> str:
    """'at least 300 (sent-to-rehabilitation, 300 or more)'; an exact figure is its own range."""
    if Qualifier(f.ind.qualifier) in (Qualifier.exact, Qualifier.between):
        return f"{f.hedged} ({f.metric_words})"
    return f"{f.hedged} ({f.metric_words}, {_range(f.low, f.high, f.unit)})"


def _sum(parts: Sequence[Figure]) -> tuple[float, float | None]:
    # Counts are never negative, so an open lower end adds nothing below zero.
    low = sum(max(_lo(p.low), 0.0) for p in parts)
    high = None if any(p.high is None for p in parts) else sum(p.high or 0.0 for p in parts)
    return low, high


def _equal_status(ranges: Sequence[tuple[float | None, float | None]], open_: bool) -> Status:
    if not _overlap(ranges):
        return Status.fail
    return Status.warn if open_ else Status.passed


def _at_most_status(
    low: float, high: float | None, total_low: float | None, total_high: float | None
) -> tuple[Status, str]:
    if low > _hi(total_high) + _EPS:
        return Status.fail, "certainly more than the total"
    if high is not None and total_low is not None and high <= total_low + _EPS:
        return Status.passed, "certainly within the total"
    if high is None:
        return Status.warn, "cannot be decided: the parts have no upper bound"
    if total_low is None:
        return Status.warn, "cannot be decided: the total has no lower bound"
    return Status.passed, "within the total as far as the hedges allow"


def _parts_check(rule: CheckRule, total: Figure, parts: Sequence[Figure], rules: Rules) -> Check:
    low, high = _sum(parts)
    if len(parts) == 1:
        summed = _with_range(parts[0])
    else:
        terms = " + ".join(f"{p.hedged} ({p.metric_words})" for p in parts)
        summed = f"{terms} = {_range(low, high, total.unit)}"
    missing = [rules.metric_words(m) for m in rule.parts if m not in {p.metric for p in parts}]
    if rule.exhaustive and not missing:
        open_ = any(_is_open(f) for f in (total, *parts))
        status = _equal_status([(low, high), (total.low, total.high)], open_)
        verdict = {
            Status.fail: "the parts cannot add up to the total",
            Status.warn: "the parts may add up to the total; cannot be decided: an open bound",
            Status.passed: "the parts add up to the total within the hedges",
        }[status]
        template = cw.SUM_EQUAL[str(status)]
    elif rule.combined and total.low is not None and low <= total.low + _EPS:
        # Set together, the parts' least sum fits the total: nothing contradicts them, and
        # how much of the total they account for is worth saying.
        status = Status.passed
        verdict = (
            f"consistent: at least {amount(low, total.unit)} of "
            f"{_range(total.low, total.high, total.unit)} accounted for"
            + (f" ({', '.join(missing)} not reported)" if missing else "")
        )
        template = cw.SUM_ACCOUNTED
    else:
        status, verdict = _at_most_status(low, high, total.low, total.high)
        if rule.exhaustive:
            verdict += f" ({', '.join(missing)} not reported, so only 'at most' can be checked)"
        template = cw.SUM_AT_MOST[str(status)]
    detail = f"{summed} vs {_with_range(total)}: {verdict}"
    said = cw.said(
        template,
        parts=cw.joined([p.said for p in parts]),
        total=total.said,
        least=cw.quantity(low, total.unit),
    )
    return _arithmetic(rule.check_id, total, parts, status, detail, said)


def _rehab_share_check(rule: CheckRule, total: Figure, share: Figure, rehab: Figure) -> Check:
    """The part (people sent to rehabilitation are users) cannot exceed share x total."""
    implied = (rehab.low or 0.0) / total.ind.value * 100 if total.ind.value else math.inf
    least = (rehab.low or 0.0) / total.high * 100 if total.high else None
    at_least = f"{amount(round(implied, 1), PERCENT)} at the reported total" + (
        f", {amount(round(least, 1), PERCENT)} at its highest ({amount(total.high, total.unit)})"
        if least is not None and not math.isclose(least, implied)
        else ""
    )
    if share.high is not None and least is not None and least > share.high + _EPS:
        status, verdict = Status.fail, "more users went to rehabilitation than the share allows"
    elif implied > _hi(share.ind.value) + SHARE_TOLERANCE_PP:
        status = Status.warn
        verdict = (
            f"users must be at least {at_least}: the reported {share.hedged} is literally true "
            "but the counts imply a much higher share, or the rehabilitation count includes "
            "people who were not arrested users"
        )
    else:
        status, verdict = Status.passed, f"consistent (implied share at least {at_least})"
    detail = (
        f"{_with_range(rehab)} of {_with_range(total)}, reported share {share.hedged}: {verdict}"
    )
    said = cw.said(
        cw.SHARE_BOUND[str(status)],
        part=rehab.said,
        total=total.said,
        share=share.amount_said,
        implied=cw.quantity(round(implied, 1), PERCENT),
    )
    return _arithmetic(rule.check_id, total, [share, rehab], status, detail, said)


def _share_range(users: Figure, total: Figure) -> tuple[float, float]:
    """users / total in percent from the ends of both ranges; a part is at most its total."""
    low = 0.0 if users.low is None or total.high is None else users.low / total.high * 100
    high = 100.0 if users.high is None or not total.low else users.high / total.low * 100
    return min(low, 100.0), min(high, 100.0)


def _share_check(rule: CheckRule, total: Figure, users: Figure, share: Figure) -> Check:
    low, high = _share_range(users, total)
    wide = (max(low - SHARE_TOLERANCE_PP, 0.0), min(high + SHARE_TOLERANCE_PP, 100.0))
    reported = (share.low or 0.0, 100.0 if share.high is None else share.high)
    status = _equal_status([wide, reported], _is_open(users) or _is_open(total))
    point = users.ind.value / total.ind.value * 100 if total.ind.value else math.inf
    verdict = {
        Status.fail: "the reported share is outside the computed range",
        Status.warn: "cannot be decided: an open bound leaves the computed share wide",
        Status.passed: "consistent"
        if _overlap([(low, high), reported])
        else f"consistent only within the {SHARE_TOLERANCE_PP:g}-point tolerance",
    }[status]
    detail = (
        f"reported {share.hedged} ({_range(*reported, PERCENT)}) vs computed "
        f"{users.hedged} / {total.hedged} = {amount(round(point, 1), PERCENT)} "
        f"({_range(low, high, PERCENT)}; {_range(*wide, PERCENT)} with the "
        f"{SHARE_TOLERANCE_PP:g}-point tolerance): {verdict}"
    )
    said = cw.said(
        cw.SHARE[str(status)],
        share=share.amount_said,
        part=users.said,
        total=total.amount_said,
        computed=cw.quantity(round(point, 1), PERCENT),
    )
    return _arithmetic(rule.check_id, total, [users, share], status, detail, said)


def arithmetic_checks(figs: Sequence[Figure], rules: Rules) -> Iterator[Check]:
    """Parts against totals and shares against counts, within one article and period, as
    the curated rules (checks.yaml) set them."""
    # Only figures of one article, geography and date can match: group once, so the cost
    # grows with the corpus, not with its square.
    groups: dict[tuple[str, str, dt.date], list[Figure]] = defaultdict(list)
    for f in figs:
        groups[(f.source, f.geo, f.ref)].append(f)
    totals = {r.total for r in (*rules.sums, *rules.shares, *rules.share_bounds)}
    for total in (f for f in figs if f.metric in totals):
        matched: dict[str, list[Figure]] = defaultdict(list)
        for f in groups[(total.source, total.geo, total.ref)]:
            if f is not total and _same_period(f, total):
                matched[f.metric].append(f)
        for rule in rules.sums:
            if rule.total != total.metric:
                continue
            present = [matched[m] for m in rule.parts if matched.get(m)]
            if rule.combined and len(present) < 2:
                continue
            for parts in itertools.product(*present) if present else ():
                yield _parts_check(rule, total, parts, rules)
        for rule in rules.shares:
            if rule.total == total.metric and rule.share:
                for part, share in itertools.product(matched[rule.parts[0]], matched[rule.share]):
                    yield _share_check(rule, total, part, share)
        for rule in rules.share_bounds:
            if rule.total == total.metric and rule.share:
                for share, part in itertools.product(matched[rule.share], matched[rule.parts[0]]):
                    yield _rehab_share_check(rule, total, share, part)


def restatement_checks(figs: Sequence[Figure]) -> Iterator[Check]:
    """Each restatement against the figure it restates: the same fact must agree with itself."""
    by_id = {f.ind.indicator_id: f for f in figs}
    for f in figs:
        target = by_id.get(f.restates or "")
        if target is None:
            continue
        agree = _overlap([(f.low, f.high), (target.low, target.high)])
        verdict = "the ranges agree" if agree else "the ranges cannot agree"
        status = Status.passed if agree else Status.fail
        said = cw.said(
            cw.RESTATEMENT[str(status)],
            metric=f.name,
            value=target.amount_said,
            later=f.amount_said,
            earlier=target.amount_said,
        )
        yield Check(
            check_id=f"restatement:{f.ind.indicator_id}",
            kind="restatement",
            metric_id=f.metric,
            period_start=target.ind.period_start,
            period_end=target.ref,
            status=status,
            detail=(
                f"{f.cited} ({f.when}) restates {target.cited} ({target.when}): {verdict}; "
                f"counted once, as the latter. {f.ind.restates_note}"
            ),
            source_ids=_sources([f, target]),
            said=said,
            severity=cw.severity(str(status)),
            record_ids=f"{f.ind.indicator_id}; {target.ind.indicator_id}",
        )


# --- gaps --------------------------------------------------------------------------------


def _phase_check(
    phase: Phase,
    figs: Sequence[Figure],
    restated: Sequence[Figure],
    total_metric: str,
    rules: Rules,
) -> Check:
    end = phase.end_date
    inside = [
        f
        for f in figs
        if f.metric == total_metric and phase.start_date <= f.ref and (end is None or f.ref <= end)
    ]
    national = [f for f in inside if f.geo == NATIONAL]
    # A figure whose period starts before the phase spans earlier phases too: it says nothing
    # of this phase alone, so it is named but does not cover it.
    within = [f for f in national if f.start is not None and f.start >= phase.start_date]
    # The rest, by the same test (`not in within` compared every pair: quadratic at scale).
    spanning = [f for f in national if f.start is None or f.start < phase.start_date]
    others = [f for f in inside if f.geo != NATIONAL]
    dates = f"{_day(phase.start_date)} to {_day(end) if end else 'open'}"
    metric_words = rules.metric_words(total_metric)
    if within:
        listed = "; ".join(f"{f.cited} by {_day(f.ref)}" for f in within)
        status = Status.passed
        figures_word = "figure" if len(within) == 1 else "figures"
        detail = f"{len(within)} national {metric_words} {figures_word} for it: {listed}"
    else:
        status = Status.warn
        detail = f"no national {metric_words} figure for this phase alone"
        if spanning:
            detail += "; covered only by figures spanning earlier phases: " + "; ".join(
                f"{f.cited} ({f.when_read})" for f in spanning
            )
        if others:
            detail += "; only " + "; ".join(f"{f.cited} for {f.geo}" for f in others)
        again = [
            f
            for f in restated
            if f.metric == total_metric
            and phase.start_date <= f.ref
            and (end is None or f.ref <= end)
        ]
        if again:
            detail += "; dated in it, but restating an earlier total: " + "; ".join(
                f.cited for f in again
            )
    shown = within or spanning or others
    # A second phase-coverage rule (another metric) gets its own ids; the first keeps the
    # ids readers' links and the tests know.
    suffix = "" if total_metric == rules.phase_totals[0] else f":{total_metric}"
    return Check(
        check_id=f"gap:phase:{phase.phase_id}{suffix}",
        kind="gap",
        metric_id=total_metric,
        period_start=phase.start_date,
        period_end=end,
        status=status,
        detail=f"{phase.name} ({dates}): {detail}.",
        source_ids=_sources(shown),
        said=cw.said(
            cw.PHASE[str(status)],
            phase=cw.label(phase.name, phase.label_km),
            metric=rules.name(total_metric),
        ),
        severity=cw.severity(str(status)),
        record_ids="; ".join(f.ind.indicator_id for f in shown),
    )


def _metric_check(
    metric: Metric,
    figs: Sequence[Figure],
    every: Sequence[Figure],
    vague: Sequence[Indicator],
    rules: Rules,
) -> Check:
    mine = [f for f in figs if f.metric == metric.metric_id]
    again = [f for f in every if f.metric == metric.metric_id and f.restates is not None]
    words = [i for i in vague if i.metric_id == metric.metric_id]
    sources = list(dict.fromkeys(f.source for f in mine))
    name = cw.label(metric.label, metric.label_km)
    note = False
    if not mine and words:
        listed = "; ".join(
            f"\u201c{i.vague}\u201d ({rules.source_words(i.source_id)})" for i in words
        )
        status, detail = Status.warn, f"no number, only vague words: {listed}"
        said = cw.said(cw.METRIC_VAGUE, metric=name)
    elif not mine:
        status, detail = Status.warn, "no figure at all"
        said = cw.said(cw.METRIC_NONE, metric=name)
    elif len(mine) == 1:
        status, detail = Status.warn, f"reported once only: {mine[0].cited}, {mine[0].when}"
        said, note = cw.said(cw.METRIC_ONCE, metric=name, value=mine[0].amount_said), True
    elif len(sources) == 1:
        status = Status.warn
        detail = f"reported {len(mine)} times, all by {rules.source_words(sources[0])}"
        said, note = cw.said(cw.METRIC_ONE_ARTICLE, metric=name, n=cw.count(len(mine))), True
    else:
        status, detail = Status.passed, f"reported {len(mine)} times by {len(sources)} articles"
        said = cw.said(cw.METRIC_AGREED, metric=name, n=cw.count(len(sources)))
    if again:
        detail += f" (independent reports; {len(again)} restatement(s) not counted)"
    return Check(
        check_id=f"gap:metric:{metric.metric_id}",
        kind="gap",
        metric_id=metric.metric_id,
        period_start=None,
        period_end=None,
        status=status,
        detail=f"{metric.label}: {detail}.",
        source_ids="; ".join(sources),
        said=said,
        severity=cw.severity(str(status), note),
        record_ids="; ".join(f.ind.indicator_id for f in mine),
    )


def gap_checks(
    figs: Sequence[Figure],
    phases: Sequence[Phase],
    metrics: Sequence[Metric],
    every: Sequence[Figure] = (),
    vague: Sequence[Indicator] = (),
    rules: Rules | None = None,
) -> Iterator[Check]:
    """Phases with no national figure of a phase-coverage metric (checks.yaml); metrics
    reported by one article or none."""
    rules = rules or Rules()
    restated = [f for f in every if f.restates is not None]
    for total_metric in rules.phase_totals:
        for phase in sorted(phases, key=lambda p: (p.ordinal, p.phase_id)):
            yield _phase_check(phase, figs, restated, total_metric, rules)
    for metric in sorted(metrics, key=lambda m: m.metric_id):
        yield _metric_check(metric, figs, every, vague, rules)


def status_checks(policies: Sequence[Policy], rules: Rules | None = None) -> Iterator[Check]:
    """A status that says something happened must rest on a passage saying so."""
    rules = rules or Rules()
    for pol in sorted(policies, key=lambda p: p.policy_id):
        if pol.status not in STATUSES_NEEDING_EVIDENCE:
            continue
        problems = []
        if not pol.status_citations:
            problems.append("no passage cited saying it happened (status_citations)")
        if pol.status == "in_effect" and pol.status_as_of is None:
            problems.append("no date it was last reported in effect (status_as_of)")
        sources = [c.source_id for c in pol.status_citations]
        cited = "; ".join(
            f"\u201c{c.quote}\u201d ({rules.source_words(c.source_id)})"
            for c in pol.status_citations
        )
        status = Status.fail if problems else Status.passed
        said = cw.said(
            cw.STATUS[str(status)],
            policy=cw.label(pol.name, pol.label_km),
            status=cw.status_word(pol.status),
        )
        yield Check(
            check_id=f"status:{pol.policy_id}",
            kind="status",
            metric_id=None,
            period_start=None,
            period_end=pol.status_as_of,
            status=status,
            detail=f"{pol.name}: status {pol.status.replace('_', ' ')}"
            + (f" as of {_day(pol.status_as_of)}" if pol.status_as_of else "")
            + (": " + "; ".join(problems) if problems else f", resting on {cited}")
            + ".",
            source_ids="; ".join(dict.fromkeys(sources)),
            said=said,
            severity=cw.severity(str(status)),
            record_ids=pol.policy_id,
        )


def contested_checks(data: Dataset, rules: Rules | None = None) -> Iterator[Check]:
    """Curated links between claims that contradict each other, listed with their words."""
    rules = rules or Rules()
    found: dict[tuple[str, str], Any] = {}
    for kind, id_field in (("statements", "statement_id"), ("indicators", "indicator_id")):
        for rec in data.of(kind):
            found[(kind, getattr(rec, id_field))] = rec
    for contest in data.of("contested"):
        claims = [found.get((c.record_kind, c.record_id)) for c in contest.claims]
        words = "; vs ".join(
            f"\u201c{rec.quote}\u201d ({rules.source_words(rec.source_id)})"
            for rec in claims
            if rec is not None
        )
        # What the claims are about, from the first: a figure's metric or a statement's
        # topic; the curator's note says what stands against what.
        first = next(r for r in claims if r is not None)
        about = (
            cw.in_sentence(rules.name(first.metric_id))
            if hasattr(first, "metric_id")
            else cw.topic(str(first.topic))
        )
        yield Check(
            check_id=f"contested:{contest.contest_id}",
            kind="contested",
            metric_id=None,
            period_start=None,
            period_end=None,
            status=Status.warn,
            detail=f"{contest.note} Claims: {words}.",
            source_ids="; ".join(dict.fromkeys(r.source_id for r in claims if r is not None)),
            said=cw.said(cw.CONTESTED, topic=about, more=cw.label(contest.note, contest.note_km)),
            severity=Severity.question,
            record_ids="; ".join(c.record_id for c in contest.claims),
        )


# --- entry points ------------------------------------------------------------------------


def _unique_ids(checks: Iterable[Check]) -> list[Check]:
    """Suffix repeated ids (':2', ':3') so the primary key holds; order is deterministic."""
    seen: dict[str, int] = defaultdict(int)
    out: list[Check] = []
    for c in checks:
        seen[c.check_id] += 1
        n = seen[c.check_id]
        out.append(c if n == 1 else replace(c, check_id=f"{c.check_id}:{n}"))
    return out


@dataclass(frozen=True)
class Scope:
    """What one run of the checks reads: the records (a Dataset's `of`: all of them, or one
    group's, etl.check_groups), the figures of its indicators (restatements too) and the rules."""

    data: Dataset
    rules: Rules
    every: Sequence[Figure] = ()

    @cached_property
    def figs(self) -> list[Figure]:
        """The independent reports: every figure but the restatements."""
        return [f for f in self.every if f.restates is None]


def _phase_gaps(s: Scope) -> Iterator[Check]:
    return gap_checks(s.figs, s.data.of("phases"), (), s.every, (), s.rules)


def _metric_gaps(s: Scope) -> Iterator[Check]:
    vague = [i for i in s.data.of("indicators") if i.vague is not None]
    return gap_checks(s.figs, (), s.data.of("metrics"), s.every, vague, s.rules)


@dataclass(frozen=True)
class Section:
    """One section of the checks: its checks' ids' prefix, what makes its checks of a scope,
    and the kind of group (etl.check_groups.GROUPINGS) a Save reruns them by."""

    prefix: str
    make: Callable[[Scope], Iterable[Check]]
    group: str


#: The checks' sections, in the order a whole run gives them: read by run_checks and by a
#: Save's groups (etl.check_groups), so a new section is one row here (and a kind it reads
#: one word in READS).
SECTIONS = (
    Section("corroboration:", lambda s: corroboration_checks(s.figs), "metric"),
    Section("cumulative:", lambda s: cumulative_checks(s.figs, s.rules.cumulative), "metric"),
    Section("arithmetic:", lambda s: arithmetic_checks(s.figs, s.rules), "article"),
    Section("restatement:", lambda s: restatement_checks(s.every), "metric"),
    Section("gap:phase:", _phase_gaps, "phases"),
    Section("gap:metric:", _metric_gaps, "metric"),
    Section("status:", lambda s: status_checks(s.data.of("policies"), s.rules), "policy"),
    Section("contested:", lambda s: contested_checks(s.data, s.rules), "contested"),
)

#: The record kinds the checks read. A check that reads another kind fails in a build
#: (etl.check_carry.CheckInputs) until it is listed here and a group's key hashes it.
READS = ("checks", "metrics", "units", "phases", "indicators", "policies", "contested")


def read_by_checks(data: Dataset, kind: str) -> list[Located]:
    """The records of `kind` the checks may read: all of a kind in READS, the statements a
    contested claim names (the contested check quotes them; no other check reads one), none
    of any other kind. Here, below both, for the build's CheckInputs and for the records'
    stage (etl.transform.table_rows), which lets the rest go once their tables are made."""
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


def run_checks(data: Dataset, source_names: dict[str, str] | None = None) -> list[Check]:
    """Every consistency check of the dataset, in a stable order; articles named in the
    details by `source_names` (their short labels), else by id."""
    rules = Rules.of(data, source_names)
    scope = Scope(data, rules, figures(data, rules))
    return _unique_ids(itertools.chain.from_iterable(s.make(scope) for s in SECTIONS))


def rule_of(check_id: str, metric_id: str | None, rules: Sequence[CheckRule]) -> CheckRule | None:
    """The curated rule (checks.yaml) a check applies, told by the check's id: an arithmetic
    check names its rule, a cumulative check is its metric's cumulative rule, a phase gap the
    phase_coverage rule; None for the checks every figure gets."""
    kind, _, rest = check_id.partition(":")
    for rule in rules:
        named = kind == "arithmetic" and rest.split(":", 1)[0] == rule.check_id
        grows = kind == "cumulative" and rule.kind is CheckRuleKind.cumulative
        covers = check_id.startswith("gap:phase:") and rule.kind is CheckRuleKind.phase_coverage
        if named or (grows and metric_id in rule.parts) or (covers and rule.total == metric_id):
            return rule
    return None


def check_rows(data: Dataset, source_names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Rows for the consistency_checks table: the finding's headline in every language, and
    the curated rule it applies in the words of checks.yaml."""
    return rows_of(run_checks(data, source_names), data.of("checks"))


def rows_of(checks: Iterable[Check], curated: Sequence[CheckRule]) -> list[dict[str, Any]]:
    """The consistency_checks rows of `checks`, each with the curated rule it applies."""
    rows = []
    for c in checks:
        row = {k: v for k, v in asdict(c).items() if k != "said"}
        rule = rule_of(c.check_id, c.metric_id, curated)
        row |= {"rule": rule.rule if rule else None, "rule_km": rule.rule_km if rule else None}
        row |= {"status": str(c.status), "severity": str(c.severity)}
        row |= {
            "headline" if lang == SOURCE_LANGUAGE else f"headline_{lang}": text
            for lang, text in c.said.texts.items()
        }
        row |= {
            "explanation" if lang == SOURCE_LANGUAGE else f"explanation_{lang}": c.said.more.get(
                lang
            )
            for lang in c.said.texts
        }
        rows.append(row)
    return rows
