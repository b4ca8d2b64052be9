"""The Data checks' reader sentences: each check's headline from a catalogue template, per language.

A check leads with what it found in one short plain sentence a journalist can read, and may
say why it matters on a second line; the words are gettext templates (locales/), filled with
numbers, hedges, dates and labels formatted for each language by data_model.wording, so the
build stores every check in English and in Khmer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from data_model.i18n import LANGUAGES, N_, translator
from data_model.qualifiers import Qualifier
from data_model.wording import UnitWords, amount, date_text, hedged_words, period_text

#: Words in one language: called with the language's code ('en', 'km').
Words = Callable[[str], str]


class Severity(StrEnum):
    """What a check means to a reader, which decides where the page puts it."""

    conflict = "conflict"  # the figures cannot all be right
    question = "question"  # undecided, or worth a look
    note = "note"  # a figure reported once only: nothing confirms or contradicts it
    agreement = "agreement"  # the arithmetic holds


@dataclass(frozen=True)
class Said:
    """A finding's lead sentence in every language of the catalogue, keyed by language code,
    and the second line under it (why it matters, or a curator's note) where it has one."""

    texts: Mapping[str, str]
    more: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, lang: str) -> str:
        return self.texts[lang]


#: A finding's words: its lead alone, or (lead, second line), each an N_-marked msgid.
Template = str | tuple[str, str]


def said(template: Template, *, more: Words | None = None, **params: Words | str) -> Said:
    """The template in every language, its placeholders filled with words made for that
    language; `more` gives the second line's words when they are data (a curator's note)."""
    lead, then = (template, "") if isinstance(template, str) else template
    texts, mores = {}, {}
    for lang in LANGUAGES:
        t = translator(lang)
        values = {k: v(lang) if callable(v) else v for k, v in params.items()}
        texts[lang] = t.gettext(lead).format(**values)
        if then or more:
            mores[lang] = more(lang) if more else t.gettext(then).format(**values)
    return Said(texts, mores)


def label(english: str, khmer: str | None) -> Words:
    """A label of the data (a metric's, a phase's, a proposal's) in the reader's language."""
    return lambda lang: translator(lang).pick(english, khmer)


def figure(
    what: Words, value: float, qualifier: str, unit: UnitWords, value_to: float | None = None
) -> Words:
    """'Total arrests (more than 17,800)' / 'ចំនួនចាប់ខ្លួនសរុប (ជាង ១៧.៨០០)'; ``value_to`` is
    a range's upper end."""
    return lambda lang: (
        translator(lang)
        .gettext("{label} ({amount})")
        .format(
            label=what(lang),
            amount=hedged_words(value, Qualifier(qualifier), unit, lang, value_to),
        )
    )


def hedged(value: float, qualifier: str, unit: UnitWords, value_to: float | None = None) -> Words:
    """'more than 17,800', '300–400' in the reader's language."""
    return lambda lang: hedged_words(value, Qualifier(qualifier), unit, lang, value_to)


def quantity(value: float, unit: UnitWords) -> Words:
    """'46.2%', '1,055' in the reader's language."""
    return lambda lang: amount(value, unit, lang)


def day(value: object) -> Words:
    """'11 Jan 2017' / '១១ មករា ២០១៧'."""
    return lambda lang: date_text(value, lang=lang)


def period(start: object, end: object, as_of: object) -> Words:
    """'1 Jan 2017 – 11 Jan 2017', 'up to 11 Jan 2017' or 'as of 12 Jan 2017'."""
    return lambda lang: period_text(start, end, as_of, lang)


def count(n: int) -> Words:
    """A whole number in the reader's digits."""
    return lambda lang: translator(lang).number_text(f"{n:,}")


def joined(parts: Sequence[Words]) -> Words:
    """'A (1) + B (2)': parts of a sum, in the reader's language."""
    return lambda lang: " + ".join(p(lang) for p in parts)


#: A policy status in words, for the catalogue (the same msgids as the Policies page's).
STATUS_WORDS = {
    "announced": N_("announced"),
    "in_effect": N_("in effect"),
    "dismissed": N_("dismissed"),
}


def status_word(status: str) -> Words:
    """'in effect' / 'កំពុងអនុវត្ត'."""
    english = STATUS_WORDS.get(status, status.replace("_", " "))
    return lambda lang: translator(lang).gettext(english)


# --- the templates, one per finding -------------------------------------------------------
# The lead is one short sentence, the finding first; a second, where there is one, says why it
# matters. Placeholders are named so a translation can reorder them.

#: The second lines a finding may have (several findings share one).
NOT_BOTH = N_("They cannot both be right.")
DO_NOT_AGREE = N_("The figures do not agree.")
CANNOT_FALL = N_("A running total cannot fall.")

CORROBORATION: dict[str, Template] = {
    "pass": N_("{metric}, {period}: {n} articles agree ({range})."),
    "fail": (N_("{metric}, {period}: two articles disagree ({high} against {low})."), NOT_BOTH),
}
CUMULATIVE: dict[str, Template] = {
    "pass": N_("{metric}: {earlier} by {earlier_day}, then {later} by {later_day}, in order."),
    "warn": (
        N_("{metric} may have fallen: {earlier} by {earlier_day}, then {later} by {later_day}."),
        N_("A running total cannot fall; the hedges leave it open."),
    ),
    "fail": (
        N_("{metric} fell: {earlier} by {earlier_day}, then {later} by {later_day}."),
        CANNOT_FALL,
    ),
}
SUM_EQUAL: dict[str, Template] = {
    "pass": N_("{parts} add up to {total}."),
    "warn": (N_("{parts} may add up to {total}."), N_("An open hedge leaves it undecided.")),
    "fail": (N_("{parts} cannot add up to {total}."), DO_NOT_AGREE),
}
SUM_AT_MOST: dict[str, Template] = {
    "pass": N_("{parts} fit within {total}."),
    "warn": (N_("Cannot tell whether {parts} fit within {total}."), N_("A hedge sets no limit.")),
    "fail": (N_("{parts} are more than {total}."), DO_NOT_AGREE),
}
SUM_ACCOUNTED = N_("{parts} account for at least {least} of {total}.")
SHARE: dict[str, Template] = {
    "pass": N_("The reported share ({share}) matches the counts: {part} of {total} is {computed}."),
    "warn": (
        N_("The reported share ({share}) cannot be checked."),
        N_("An open hedge leaves the counts' share wide."),
    ),
    "fail": N_(
        "The reported share ({share}) does not match the counts: {part} of {total} is {computed}."
    ),
}
SHARE_BOUND: dict[str, Template] = {
    "pass": N_("{part} fit within the reported share ({share}) of {total}."),
    "warn": (
        N_(
            "{part} out of {total} means a share of at least {implied}, above the reported "
            "share ({share})."
        ),
        N_("Either the share is too low or the count includes others."),
    ),
    "fail": N_("{part} are more than the reported share ({share}) of {total} allows."),
}
RESTATEMENT: dict[str, Template] = {
    "pass": (N_("{metric}: a later article repeats {value}."), N_("It is counted once.")),
    "fail": N_("{metric}: a later article repeats the figure as {later}, not {earlier}."),
}
PHASE = {
    "pass": N_("{phase}: a national figure of {metric} covers it."),
    "warn": N_("{phase}: no national figure of {metric} for this phase alone."),
}
METRIC_AGREED = N_("{metric}: reported by {n} articles.")
METRIC_NONE = N_("{metric}: no article gives a figure.")
METRIC_VAGUE = N_("{metric}: only vague words, no number.")
METRIC_ONCE = N_("{metric}: reported once only ({value}).")
METRIC_ONE_ARTICLE = N_("{metric}: reported {n} times, all by one article.")
STATUS = {
    "pass": N_("{policy}: “{status}” rests on a passage saying so."),
    "fail": N_("{policy}: marked “{status}” with no passage saying so."),
}
#: Contested claims lead with what they are about (a statement's topic, else the metric of
#: a figure); the curator's note follows on the second line.
CONTESTED = N_("Claims about {topic} are contested.")


def severity(status: str, note: bool = False) -> Severity:
    """Where a check goes on the page: conflicts first, notes and agreements folded."""
    if status == "fail":
        return Severity.conflict
    if status == "pass":
        return Severity.agreement
    return Severity.note if note else Severity.question


def topic(code: str) -> Words:
    """A statement's topic in words ('prisons' / its Khmer), as the pages name it."""
    return lambda lang: translator(lang).gettext(code.replace("_", " "))


def in_sentence(what: Words) -> Words:
    """A label set inside a sentence: 'relapse rate after treatment', its capital dropped
    unless it begins an acronym ('NACD …'); Khmer has no capitals."""

    def lowered(lang: str) -> str:
        text = what(lang)
        return text[:1].lower() + text[1:] if text[1:2].islower() else text

    return lowered


def words_of(names: Mapping[str, tuple[str, str | None]], key: str) -> Words:
    """A label looked up by id (metric, phase), the id itself when unknown."""
    english, khmer = names.get(key, (key, None))
    return label(english, khmer)
