"""Render the methodology (how figures, hedges, vague words, periods, restatements, stances, roles
and coverage are coded) from the rule texts and model descriptions, each rule with an example,
in any language of the catalogue: every paragraph is a catalogue entry (msgctxt "methodology";
data_model.generated_messages hands the generated ones to `make translations`).

Long because it is the one text of the rules, section by section, each example's sentence a
catalogue template of its own (a reviewer reads the rules in order here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from data_model.coverage_rule import SENTENCE_RULE
from data_model.fidelity_rules import OWN_NAME_RULE, PROPOSAL_TIME_RULE
from data_model.i18n import (
    NATIVE_NAMES,
    SOURCE_LANGUAGE,
    Translator,
    script_language,
    translator,
)
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
    TranslationStatus,
)
from data_model.safe_text import md
from data_model.wording import UnitWords, hedged_label, vague_label

#: build_info key under which the build stores the methodology text (not a count); another
#: language's text is under methodology_key(lang).
METHODOLOGY_KEY = "methodology"
#: The catalogue context of the methodology's paragraphs, so a reviewer finds them together.
CONTEXT = "methodology"


def methodology_key(lang: str) -> str:
    """The build_info key of the methodology in a language ('methodology', 'methodology_km')."""
    return METHODOLOGY_KEY if lang == SOURCE_LANGUAGE else f"{METHODOLOGY_KEY}_{lang}"


HEADER = """\
# Methodology

Generated from `data_model/` by `python -m etl methodology`; do not edit by hand (a test
fails when this file and the rules disagree). Each rule is the text the code applies, followed
by an example from the data.
"""


def say(t: Translator, text: str) -> str:
    """Generated English (a model's description, a rule's words) in the reader's language,
    paragraph by paragraph: each is a catalogue entry of its own (msgctxt "methodology"),
    so a changed rule shows up as one missing translation, not a whole text gone stale."""
    return "\n\n".join(t.pgettext(CONTEXT, part) for part in text.split("\n\n"))


def _describe(t: Translator, model: type[Record], *fields: str) -> str:
    return " ".join(say(t, model.model_fields[f].description or "") for f in fields)


def _first(records: Sequence[Any], test: Callable[[Any], bool]) -> Any | None:
    return next((r for r in records if test(r)), None)


def _data(t: Translator, text: object) -> str:
    """Words of the data (a quote, a curator's note, an id) as Markdown text; on a page in
    another language marked with the language they are in: they are never translated here."""
    if not str(text):
        return ""
    shown = md(text)
    said = script_language(str(text))
    return shown if said == t.lang else f'<span lang="{said}">{shown}</span>'


def _fill(t: Translator, template: str, **values: object) -> str:
    """An example's sentence (its template, already translated) with the data's words in it,
    shown as text, never as Markdown (data_model.safe_text). The English reads as it always
    has, the whole sentence escaped; another language escapes and marks each value."""
    if t.lang == SOURCE_LANGUAGE:
        return md(template.format(**values))
    return template.format(**{k: _data(t, v) for k, v in values.items()})


def _example(t: Translator, text: str | None) -> str:
    label = t.pgettext("methodology", "*Example:*")
    if not text:
        return f"\n\n{label} " + t.pgettext("methodology", "none in the data yet.")
    return f"\n\n{label} {text}"


#: A figure whose unit is not among the records (an example rendered from a partial set)
#: reads as a bare number, as a count does.
_BARE = UnitWords("count", "")


def _figure(ind: Indicator, units: dict[str, UnitWords], lang: str) -> str:
    unit = units.get(ind.metric_id, _BARE)
    if ind.vague is not None:
        return vague_label(ind.vague, lang)
    assert ind.value is not None and ind.qualifier is not None  # the model guarantees both
    return hedged_label(ind.value, ind.qualifier, unit, lang, value_to=ind.value_to)


def _section(t: Translator, title: str, rule: str, example: str | None) -> str:
    return f"## {title}\n\n{rule}{_example(t, example)}\n"


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
    "check rules, the contested claims' notes, the corrections' reasons, the proposals' "
    "descriptions and status notes, the articles' date bases, the figures' and statements' "
    "notes and the "
    "roles an article gives a speaker (`title_km`, `definition_km`, `rule_km`, `note_km`, `reason_km`, "
    "`description_km`, `status_note_km`, `date_basis_km`, `actor_role_km`); where none is, "
    "the English is shown, marked as English, never a guess. "
    "A check's computation is worded in English only. A headline stays as published. A quote is "
    "never translated in its place: it stays in the words and language it was said in, and "
    "a translation, where a record has one, is shown beside it as unofficial, with its "
    "translator. This methodology and the checks' general rules are catalogue entries too "
    "(context `methodology`), generated from the same rules. Who translated what is recorded "
    "in `translations`;"
)


def _translations(t: Translator, records: Sequence[Translation]) -> str | None:
    """Who translated what, one clause per piece of work (the language and status by their
    codes in English, in words in another language)."""
    english = t.lang == SOURCE_LANGUAGE
    statuses = {
        TranslationStatus.needs_review: t.pgettext("methodology", "needs review"),
        TranslationStatus.reviewed: t.pgettext("methodology", "reviewed"),
    }
    clauses = []
    for r in records:
        clause = t.pgettext("methodology", "{covers} into {language}: {translator}, {status}")
        clause = clause.format(
            covers=", ".join(r.covers),
            language=r.language if english else NATIVE_NAMES.get(r.language, r.language),
            translator=r.translator if english else _data(t, r.translator),
            status=r.status if english else statuses[r.status],
        )
        if r.reviewed_by:
            clause += " " + t.pgettext("methodology", "(reviewed by {reviewer})").format(
                reviewer=r.reviewed_by if english else _data(t, r.reviewed_by)
            )
        clauses.append(clause)
    # The English escapes the whole (as an example always was); the other escaped each value.
    return (md("; ".join(clauses)) if english else "; ".join(clauses)) or None


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


def _share(t: Translator, agree: int, total: int) -> str:
    if not total:
        return t.pgettext("methodology", "not compared")
    return t.pgettext("methodology", "{agree} of {total} ({share})").format(
        agree=t.number_text(f"{agree:,}"),
        total=t.number_text(f"{total:,}"),
        share=t.number_text(f"{agree / total:.0%}"),
    )


def agreement_text(
    records: Sequence[CodingAgreement], lang: str = SOURCE_LANGUAGE, t: Translator | None = None
) -> str:
    """The agreement between coders in words: per field and overall, over every comparison
    kept; the plain NO_AGREEMENT while there is none. (Its only data are counts, article
    ids and field names: nothing a reader typed reaches the Markdown.)"""
    t = t or translator(lang)
    if not records:
        return say(t, NO_AGREEMENT)
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
    per_field = "; ".join(f"{name} {_share(t, a, n)}" for name, (a, n) in fields.items())
    return t.pgettext(
        "methodology",
        "{n} article(s) coded by two researchers independently ({articles}): {paired} records "
        "both coded, {alone} coded by one of them only. Agreement per field: {per_field}. Over "
        "every field compared: {overall}.",
    ).format(
        n=t.number_text(str(len(articles))),
        articles=", ".join(articles),
        paired=t.number_text(f"{paired:,}"),
        alone=t.number_text(f"{alone:,}"),
        per_field=per_field,
        overall=_share(t, agree, total),
    )


def _check_rules(t: Translator, rules: Sequence[CheckRule]) -> str | None:
    """Each curated check rule: its id, kind, metrics and words (rule_km in Khmer)."""
    if t.lang == SOURCE_LANGUAGE:
        return md("; ".join(f"`{r.check_id}` ({_what(r)}): {r.rule}" for r in rules)) or None
    words = [md(r.rule_km) if t.lang == "km" and r.rule_km else _data(t, r.rule) for r in rules]
    return (
        "; ".join(
            f"`{r.check_id}` ({md(_what(r))}): {w}" for r, w in zip(rules, words, strict=True)
        )
        or None
    )


def _what(rule: CheckRule) -> str:
    """'sum: arrests-total, arrests-users': a check's kind and metrics, by their ids."""
    return f"{rule.kind.value}: " + ", ".join(m for m in (rule.total, *rule.parts, rule.share) if m)


def render_methodology(
    records: dict[str, Sequence[Any]], lang: str = SOURCE_LANGUAGE, t: Translator | None = None
) -> str:
    """The methodology as Markdown in a language; ``records`` are the validated records by
    kind. (``t`` stands in for the language's translator: generated_messages listens to it.)"""
    t = t or translator(lang)
    lang = t.lang
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
    own = lang != SOURCE_LANGUAGE  # the data's own translations (*_km) where it has them

    def note(text: str | None) -> str | None:
        """A curator's note, which has no translation in the data: left out of an example
        in another language (the quote and the stored values show the rule) rather than
        shown in English among the reader's words."""
        return "" if own else text

    def quoted(text: str) -> str:
        return f"\u201c{text}\u201d"

    parts = [
        HEADER,
        _section(
            t,
            t.pgettext("methodology", "Figures and hedges"),
            _describe(t, Indicator, "value", "qualifier") + "\n\n" + say(t, BOUNDS_RULE),
            hedged
            and _fill(
                t,
                t.pgettext(
                    "methodology", "{quote} ({source}) is stored as {figure} ({qualifier})."
                ),
                quote=quoted(hedged.quote),
                source=hedged.source_id,
                figure=_figure(hedged, units, lang),
                qualifier=hedged.qualifier,
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Vague words"),
            say(t, VAGUE_RULE),
            vague
            and _fill(
                t,
                t.pgettext("methodology", "{quote} ({source}) is stored as \u201c{figure}\u201d."),
                quote=quoted(vague.quote),
                source=vague.source_id,
                figure=_figure(vague, units, lang),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Periods"),
            _describe(t, Indicator, "period_start", "period_end", "as_of", "phase_id"),
            period
            and _fill(
                t,
                t.pgettext("methodology", "{quote} ({source}): {start} to {end}. {note}"),
                quote=quoted(period.quote),
                source=period.source_id,
                start=period.period_start if not own else t.date(period.period_start),
                end=period.period_end if not own else t.date(period.period_end),
                note=note(period.note),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Restatements"),
            _describe(t, Indicator, "restates", "restates_note"),
            again
            and _fill(
                t,
                t.pgettext("methodology", "{quote} ({source}) restates `{restated}`: {note}"),
                quote=quoted(again.quote),
                source=again.source_id,
                restated=again.restates,
                note=note(again.restates_note),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Stances"),
            _describe(t, Statement, "stance")
            + " "
            + t.pgettext(
                "methodology",
                "Recommendations are coded by what they say of "
                "the campaign as carried out, whoever makes them; officials' self-criticism is "
                "critical, a critic's welcome of a remedy is mixed.",
            )
            + " "
            # Round thirty-seven (topic37): what the sentence above left open, read from a
            # blind coding's disagreements with the keys (appeals, announcements, reports and
            # a recommendation's implied criticism: 22 of 29 stance disagreements).
            + t.pgettext(
                "methodology",
                "An appeal to the public that serves the campaign's aims (watch your children, "
                "report dealers, bring users for treatment) and an announcement of the "
                "campaign's own measures or plans are supportive, whoever makes them; a step of "
                "procedure (a draft sent on, a date set) is neutral. A recommendation that "
                "carries out or extends a measure the government has adopted is supportive, one "
                "that names a failing beside its remedy (a backlog, crowding, no money) is "
                "mixed, and one that asks the campaign to stop or undo what it does (close the "
                "centres, release detainees) is critical. A report of facts, a practice or the "
                "drug trade is neutral; a person's account of their own case takes the side it "
                "tells (wronged by the campaign: critical; helped by it: supportive).",
            ),
            stance
            and _fill(
                t,
                t.pgettext("methodology", "{quote} ({source}) is {stance}."),
                quote=quoted(stance.quote),
                source=stance.source_id,
                stance=stance.stance if not own else t.gettext(stance.stance),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Direct words, paraphrase and relayed words"),
            _describe(t, Statement, "kind")
            + " "
            + _describe(t, PolicyPositionEntry, "kind")
            + " "
            + t.pgettext(
                "methodology",
                "The build refuses `direct` for words not inside quotation marks in the article, "
                "and `reported` for words inside them: words in quotation marks are someone's own.",
            )
            + " "
            + _describe(t, Statement, "relayed_by")
            + " "
            + t.pgettext(
                "methodology",
                "Relayed words are signed by whoever relayed them; a paraphrase is never signed.",
            )
            + " "
            + say(t, OWN_NAME_RULE),
            (
                relayed
                and _fill(
                    t,
                    t.pgettext(
                        "methodology", "{quote} ({source}) is {actor}'s, relayed by {relayer}."
                    ),
                    quote=quoted(relayed.quote),
                    source=relayed.source_id,
                    actor=relayed.actor_id,
                    relayer=relayed.relayed_by,
                )
            )
            or (
                reported_pos
                and _fill(
                    t,
                    t.pgettext("methodology", "{quote} is reported, not {actor}'s words."),
                    quote=quoted(reported_pos[1].quote),
                    actor=reported_pos[1].actor_id,
                )
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Roles"),
            _describe(t, Statement, "actor_role")
            + " "
            + _describe(t, PolicyPositionEntry, "actor_role"),
            role
            and _fill(
                t,
                t.pgettext("methodology", "{actor} on {policy}: {role}, as {source} gives it."),
                actor=role[1].actor_id,
                policy=role[0].policy_id,
                role=quoted(role[1].actor_role),
                source=role[1].source_id,
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Phases, events and statuses rest on a source"),
            " ".join(
                [
                    _describe(t, Phase, "citations"),
                    _describe(t, Event, "event_date_end", "date_basis"),
                    _describe(t, Policy, "status_citations", "status_as_of"),
                ]
            ),
            "; ".join(
                x
                for x in (
                    phase
                    and _fill(
                        t,
                        t.pgettext("methodology", "{phase} cites {quote}"),
                        phase=phase.phase_id,
                        quote=quoted(phase.citations[0].quote),
                    ),
                    ranged
                    and _fill(
                        t,
                        t.pgettext("methodology", "{event} is dated {start} to {end} ({basis})"),
                        event=ranged.event_id,
                        start=ranged.event_date if not own else t.date(ranged.event_date),
                        end=ranged.event_date_end if not own else t.date(ranged.event_date_end),
                        basis=note(ranged.date_basis),
                    ),
                    status
                    and _fill(
                        t,
                        t.pgettext("methodology", "{policy} is {status}, citing {quote}"),
                        policy=status.policy_id,
                        status=status.status
                        if not own
                        else t.gettext(str(status.status).replace("_", " ")),
                        quote=quoted(status.status_citations[0].quote),
                    ),
                )
                if x
            )
            or None,
        ),
        _section(
            t,
            t.pgettext("methodology", "Proposals and their positions"),
            say(t, PROPOSAL_TIME_RULE),
            split
            and _fill(
                t,
                t.pgettext("methodology", "{policy}: {note}"),
                policy=split.policy_id,
                note=note(split.status_note),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Corrections"),
            t.pgettext(
                "methodology",
                "Every change to a published record is logged in `corrections` with the field, "
                "the old and the new value, the reason, the date, who made it and the review "
                "finding it answers; a withdrawn record stays listed as withdrawn, and its id is "
                "never reused.",
            ),
            fix
            and _fill(
                t,
                t.pgettext("methodology", "{kind} `{record}` withdrawn: {reason}"),
                kind=fix.record_kind,
                record=fix.record_id,
                reason=fix.reason_km if own and fix.reason_km else fix.reason,
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Coverage"),
            say(t, SENTENCE_RULE)
            + " "
            + t.pgettext(
                "methodology",
                "A sentence is covered when a record's quote lies in it, and "
                "excused when a `not_coded` entry quotes it with a reason; the build fails while "
                "any such sentence is neither.",
            ),
            skipped
            and _fill(
                t,
                t.pgettext("methodology", "{quote} ({source}): {reason}."),
                quote=quoted(skipped.quote),
                source=skipped.source_id,
                reason=note(skipped.reason),
            ),
        ),
        _section(
            t,
            t.pgettext("methodology", "Contested claims"),
            t.pgettext(
                "methodology",
                "Claims that contradict each other are linked in `contested` and listed on the "
                "Data checks page with their words, so that neither is shown as settled.",
            ),
            contest
            and _fill(
                t,
                t.pgettext("methodology", "`{contest}`: {note}"),
                contest=contest.contest_id,
                note=contest.note_km if own and contest.note_km else contest.note,
            ),
        ),
        "## "
        + t.pgettext("methodology", "Agreement between coders")
        + f"\n\n{say(t, AGREEMENT_RULE)}\n\n"
        f"{agreement_text(records.get('agreements', []), t=t)}\n",
        _section(
            t,
            t.pgettext("methodology", "Checks between metrics"),
            t.pgettext(
                "methodology",
                "Which metrics the Data checks sum, compare and bound is curated in `checks` "
                "(`seeds/curated/checks.yaml`), one rule per entry; a new check between two "
                "metrics is one more entry, never a code change.",
            )
            + " "
            + _describe(t, CheckRule, "kind"),
            _check_rules(t, records.get("checks", [])),
        ),
        _section(
            t,
            t.pgettext("methodology", "Languages and translations"),
            say(t, TRANSLATION_RULE) + " " + _describe(t, Translation, "status"),
            _translations(t, records.get("translations", [])),
        ),
    ]
    return "\n".join(parts)
