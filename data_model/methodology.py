"""Render the methodology (how figures, hedges, vague words, periods, restatements, stances, roles
and coverage are coded) from the rule texts and model descriptions, each rule with an example."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from data_model.coverage_rule import SENTENCE_RULE
from data_model.fidelity_rules import OWN_NAME_RULE, PROPOSAL_TIME_RULE
from data_model.qualifiers import BOUNDS_RULE, VAGUE_RULE
from data_model.records import (
    CheckRule,
    CodingAgreement,
    Event,
    Indicator,
    Phase,
    Policy,
    PolicyPositionEntry,
    Record,
    Statement,
    Translation,
)
from data_model.safe_text import md
from data_model.wording import UnitWords, hedged_label, vague_label

#: build_info key under which the build stores the methodology text (not a count).
METHODOLOGY_KEY = "methodology"

HEADER = """\
# Methodology

Generated from `data_model/` by `python -m etl methodology`; do not edit by hand (a test
fails when this file and the rules disagree). Each rule is the text the code applies, followed
by an example from the data.
"""


def _describe(model: type[Record], field: str) -> str:
    return model.model_fields[field].description or ""


def _first(records: Sequence[Any], test: Callable[[Any], bool]) -> Any | None:
    return next((r for r in records if test(r)), None)


def _example(text: str | None) -> str:
    # An example quotes the data: shown as text, never as Markdown (data_model.safe_text).
    return f"\n\n*Example:* {md(text)}" if text else "\n\n*Example:* none in the data yet."


#: A figure whose unit is not among the records (an example rendered from a partial set)
#: reads as a bare number, as a count does.
_BARE = UnitWords("count", "")


def _figure(ind: Indicator, units: dict[str, UnitWords]) -> str:
    unit = units.get(ind.metric_id, _BARE)
    if ind.vague is not None:
        return vague_label(ind.vague)
    assert ind.value is not None and ind.qualifier is not None  # the model guarantees both
    return hedged_label(ind.value, ind.qualifier, unit, value_to=ind.value_to)


def _section(title: str, rule: str, example: str | None) -> str:
    return f"## {title}\n\n{rule}{_example(example)}\n"


#: How the monitor speaks Khmer and English, and what it never translates.
TRANSLATION_RULE = (
    "The interface's words are kept in gettext catalogues (`locales/`), English the source "
    "and Khmer a translation, chosen with `?lang=en` or `?lang=km` in the address. In Khmer, "
    "numbers are written in Khmer digits with "
    "'.' between thousands and ',' before decimals, as Khmer news writes them, dates with "
    "Khmer month names, and every hedge keeps its meaning (\u201cmore than\u201d is "
    "\u201c\u1787\u17b6\u1784\u201d). The labels of metrics, categories, units, phases and "
    "proposals and the names of actors carry a Khmer version where one is sure "
    "(`label_km`, `name_km`), and so do the events' titles, the metrics' definitions, the "
    "check rules, the contested claims' notes and the corrections' reasons (`title_km`, "
    "`definition_km`, `rule_km`, `note_km`, `reason_km`); where none is, the English is shown, marked as English, never a guess. "
    "A check's computation is worded in English only. A headline stays as published. A quote is "
    "never translated in its place: it stays in the words and language it was said in, and "
    "a translation, where a record has one, is shown beside it as unofficial, with its "
    "translator. Who translated what is recorded in `translations`; "
    + _describe(Translation, "status")
)


def _translations(records: Sequence[Translation]) -> str | None:
    """Who translated what, one clause per piece of work."""
    return (
        "; ".join(
            f"{', '.join(t.covers)} into {t.language}: {t.translator}, {t.status}"
            + (f" (reviewed by {t.reviewed_by})" if t.reviewed_by else "")
            for t in records
        )
        or None
    )


AGREEMENT_RULE = (
    "An article can be coded by two researchers independently (the studio's *Code it "
    "myself*); their records are paired by the words they quote and compared field by field "
    "(value, hedge, date, speaker, kind, stance). The comparison is kept in `agreements` "
    "when the second of them saves their coding, once per pair: a later save by either is no "
    "longer independent and is not counted again. The rate of a field is the share of records both coded on which the two "
    "agree; a field neither coded on a record is not counted."
)

#: What the Methodology page says while no article has been coded twice: no rate, not 0%.
NO_AGREEMENT = (
    "No article has been coded by two researchers independently yet, so there is no "
    "agreement rate to report: it is not measured, not 0%."
)


def _share(agree: int, total: int) -> str:
    return f"{agree} of {total} ({agree / total:.0%})" if total else "not compared"


def agreement_text(records: Sequence[CodingAgreement]) -> str:
    """The agreement between coders in words: per field and overall, over every comparison
    kept; the plain NO_AGREEMENT while there is none. (Its only data are counts, article
    ids and field names: nothing a reader typed reaches the Markdown.)"""
    if not records:
        return NO_AGREEMENT
    fields: dict[str, list[int]] = {}
    for rec in records:
        for f in rec.fields:
            tally = fields.setdefault(f.field, [0, 0])
            tally[0] += f.agreeing
            tally[1] += f.compared
    agree, total = sum(a for a, _ in fields.values()), sum(t for _, t in fields.values())
    articles = sorted({r.source_id for r in records})
    paired = sum(r.paired for r in records)
    alone = sum(r.only_first + r.only_second for r in records)
    per_field = "; ".join(f"{name} {_share(a, t)}" for name, (a, t) in fields.items())
    return (
        f"{len(articles)} article(s) coded by two researchers independently "
        f"({', '.join(articles)}): {paired} records both coded, {alone} "
        f"coded by one of them only. Agreement per field: {per_field}. Over every field "
        f"compared: {_share(agree, total)}."
    )


def _check_rules(rules: Sequence[CheckRule]) -> str | None:
    """Each curated check rule: its id, kind, metrics and words."""
    return (
        "; ".join(
            f"`{r.check_id}` ({r.kind.value}: "
            + ", ".join(m for m in (r.total, *r.parts, r.share) if m)
            + f"): {r.rule}"
            for r in rules
        )
        or None
    )


def render_methodology(records: dict[str, Sequence[Any]]) -> str:
    """The methodology as Markdown; ``records`` are the validated records by kind."""
    inds: Sequence[Indicator] = records.get("indicators", [])
    stmts: Sequence[Statement] = records.get("statements", [])
    policies: Sequence[Policy] = records.get("policies", [])
    declared = {u.unit_id: UnitWords.of(u) for u in records.get("units", [])}
    units = {m.metric_id: declared.get(m.unit, _BARE) for m in records.get("metrics", [])}
    positions = [(p, pos) for p in policies for pos in p.positions]

    hedged = _first(inds, lambda i: i.qualifier not in (None, "exact"))
    vague = _first(inds, lambda i: i.vague is not None)
    period = _first(inds, lambda i: i.period_start is not None and i.note)
    again = _first(inds, lambda i: i.restates is not None)
    stance = _first(stmts, lambda s: s.stance == "mixed")
    relayed = _first(stmts, lambda s: s.relayed_by is not None)
    reported_pos = _first(positions, lambda pp: pp[1].kind == "reported")
    role = _first(positions, lambda pp: pp[1].actor_role is not None)
    ranged = _first(records.get("events", []), lambda e: e.event_date_end is not None)
    phase = _first(records.get("phases", []), lambda p: p.citations)
    status = _first(policies, lambda p: p.status_citations)
    skipped = _first(records.get("not_coded", []), lambda n: True)
    contest = _first(records.get("contested", []), lambda c: True)
    split = _first(policies, lambda p: " separate proposal " in p.status_note)
    fix = _first(records.get("corrections", []), lambda c: c.action == "withdrawn")

    parts = [
        HEADER,
        _section(
            "Figures and hedges",
            f"{_describe(Indicator, 'value')} {_describe(Indicator, 'qualifier')}\n\n"
            + BOUNDS_RULE,
            hedged
            and f"\u201c{hedged.quote}\u201d ({hedged.source_id}) is stored as "
            f"{_figure(hedged, units)} ({hedged.qualifier}).",
        ),
        _section(
            "Vague words",
            VAGUE_RULE,
            vague
            and f"\u201c{vague.quote}\u201d ({vague.source_id}) is stored as "
            f"\u201c{_figure(vague, units)}\u201d.",
        ),
        _section(
            "Periods",
            f"{_describe(Indicator, 'period_start')} {_describe(Indicator, 'period_end')} "
            f"{_describe(Indicator, 'as_of')} {_describe(Indicator, 'phase_id')}",
            period
            and f"\u201c{period.quote}\u201d ({period.source_id}): {period.period_start} to "
            f"{period.period_end}. {period.note}",
        ),
        _section(
            "Restatements",
            f"{_describe(Indicator, 'restates')} {_describe(Indicator, 'restates_note')}",
            again
            and f"\u201c{again.quote}\u201d ({again.source_id}) restates `{again.restates}`: "
            f"{again.restates_note}",
        ),
        _section(
            "Stances",
            f"{_describe(Statement, 'stance')} Recommendations are coded by what they say of "
            "the campaign as carried out, whoever makes them; officials' self-criticism is "
            "critical, a critic's welcome of a remedy is mixed.",
            stance and f"\u201c{stance.quote}\u201d ({stance.source_id}) is {stance.stance}.",
        ),
        _section(
            "Direct words, paraphrase and relayed words",
            f"{_describe(Statement, 'kind')} {_describe(PolicyPositionEntry, 'kind')} "
            "The build refuses `direct` for words not inside quotation marks in the article, "
            "and `reported` for words inside them: words in quotation marks are someone's own. "
            f"{_describe(Statement, 'relayed_by')} Relayed words are signed by whoever relayed "
            f"them; a paraphrase is never signed. {OWN_NAME_RULE}",
            (
                relayed
                and f"\u201c{relayed.quote}\u201d ({relayed.source_id}) is {relayed.actor_id}'s, "
                f"relayed by {relayed.relayed_by}."
            )
            or (
                reported_pos
                and f"\u201c{reported_pos[1].quote}\u201d is reported, not {reported_pos[1].actor_id}'s "
                "words."
            ),
        ),
        _section(
            "Roles",
            f"{_describe(Statement, 'actor_role')} {_describe(PolicyPositionEntry, 'actor_role')}",
            role
            and f"{role[1].actor_id} on {role[0].policy_id}: \u201c{role[1].actor_role}\u201d, "
            f"as {role[1].source_id} gives it.",
        ),
        _section(
            "Phases, events and statuses rest on a source",
            f"{_describe(Phase, 'citations')} {_describe(Event, 'event_date_end')} "
            f"{_describe(Event, 'date_basis')} {_describe(Policy, 'status_citations')} "
            f"{_describe(Policy, 'status_as_of')}",
            "; ".join(
                x
                for x in (
                    phase and f"{phase.phase_id} cites \u201c{phase.citations[0].quote}\u201d",
                    ranged
                    and f"{ranged.event_id} is dated {ranged.event_date} to "
                    f"{ranged.event_date_end} ({ranged.date_basis})",
                    status
                    and f"{status.policy_id} is {status.status}, citing "
                    f"\u201c{status.status_citations[0].quote}\u201d",
                )
                if x
            )
            or None,
        ),
        _section(
            "Proposals and their positions",
            PROPOSAL_TIME_RULE,
            split and f"{split.policy_id}: {split.status_note}",
        ),
        _section(
            "Corrections",
            "Every change to a published record is logged in `corrections` with the field, the "
            "old and the new value, the reason, the date, who made it and the review finding it "
            "answers; a withdrawn record stays listed as withdrawn, and its id is never reused.",
            fix and f"{fix.record_kind} `{fix.record_id}` withdrawn: {fix.reason}",
        ),
        _section(
            "Coverage",
            SENTENCE_RULE + " A sentence is covered when a record's quote lies in it, and "
            "excused when a `not_coded` entry quotes it with a reason; the build fails while any "
            "such sentence is neither.",
            skipped and f"\u201c{skipped.quote}\u201d ({skipped.source_id}): {skipped.reason}.",
        ),
        _section(
            "Contested claims",
            "Claims that contradict each other are linked in `contested` and listed on the "
            "Data checks page with their words, so that neither is shown as settled.",
            contest and f"`{contest.contest_id}`: {contest.note}",
        ),
        f"## Agreement between coders\n\n{AGREEMENT_RULE}\n\n"
        f"{agreement_text(records.get('agreements', []))}\n",
        _section(
            "Checks between metrics",
            "Which metrics the Data checks sum, compare and bound is curated in `checks` "
            "(`seeds/curated/checks.yaml`), one rule per entry; a new check between two "
            "metrics is one more entry, never a code change. " + _describe(CheckRule, "kind"),
            _check_rules(records.get("checks", [])),
        ),
        _section(
            "Languages and translations",
            TRANSLATION_RULE,
            _translations(records.get("translations", [])),
        ),
    ]
    return "\n".join(parts)
