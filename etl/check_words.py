"""The Data checks' reader sentences: each check's headline from a catalogue template, per language.

A check says what it found in one or two short sentences a journalist can read; the words are
gettext templates (locales/), filled with numbers, hedges, dates and labels formatted for each
language by data_model.wording, so the build stores every check in English and in Khmer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
    """One sentence in every language of the catalogue, keyed by language code."""

    texts: Mapping[str, str]

    def __getitem__(self, lang: str) -> str:
        return self.texts[lang]


def said(template: str, **params: Words | str) -> Said:
    """The template (an N_-marked msgid) in every language, its placeholders filled with words
    made for that language."""
    texts = {}
    for lang in LANGUAGES:
        values = {k: v(lang) if callable(v) else v for k, v in params.items()}
        texts[lang] = translator(lang).gettext(template).format(**values)
    return Said(texts)


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
# Short sentences, the finding first; placeholders are named so a translation can reorder them.

CORROBORATION = {
    "pass": N_("{metric}, {period}: {n} articles agree ({range})."),
    "fail": N_(
        "{metric}, {period}: two articles disagree. One gives {high}, another {low}; "
        "they cannot both be right."
    ),
}
CUMULATIVE = {
    "pass": N_("{metric}: {earlier} by {earlier_day}, then {later} by {later_day}, in order."),
    "warn": N_(
        "{metric} may have fallen: {earlier} by {earlier_day}, then {later} by {later_day}. "
        "A running total cannot fall; the hedges leave it open."
    ),
    "fail": N_(
        "{metric} fell: {earlier} by {earlier_day}, then {later} by {later_day}. "
        "A running total cannot fall."
    ),
}
SUM_EQUAL = {
    "pass": N_("{parts} add up to {total}."),
    "warn": N_("{parts} may add up to {total}; an open hedge leaves it undecided."),
    "fail": N_("{parts} cannot add up to {total}. The figures do not agree."),
}
SUM_AT_MOST = {
    "pass": N_("{parts} fit within {total}."),
    "warn": N_("Cannot tell whether {parts} fit within {total}: a hedge sets no limit."),
    "fail": N_("{parts} are more than {total}. The figures do not agree."),
}
SUM_ACCOUNTED = N_("{parts} account for at least {least} of {total}.")
SHARE = {
    "pass": N_("The reported share ({share}) matches the counts: {part} of {total} is {computed}."),
    "warn": N_(
        "The reported share ({share}) cannot be checked: an open hedge leaves the counts' share wide."
    ),
    "fail": N_(
        "The reported share ({share}) does not match the counts: {part} of {total} is {computed}."
    ),
}
SHARE_BOUND = {
    "pass": N_("{part} fit within the reported share ({share}) of {total}."),
    "warn": N_(
        "{part} out of {total} means a share of at least {implied}, above the reported share "
        "({share}). Either the share is too low or the count includes others."
    ),
    "fail": N_("{part} are more than the reported share ({share}) of {total} allows."),
}
RESTATEMENT = {
    "pass": N_("{metric}: a later article repeats {value}; it is counted once."),
    "fail": N_(
        "{metric}: a later article repeats a figure but gives {later} where the first gave "
        "{earlier}."
    ),
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
CONTESTED = N_("Claims contradict each other: {note}")


def severity(status: str, note: bool = False) -> Severity:
    """Where a check goes on the page: conflicts first, notes and agreements folded."""
    if status == "fail":
        return Severity.conflict
    if status == "pass":
        return Severity.agreement
    return Severity.note if note else Severity.question


def words_of(names: Mapping[str, tuple[str, str | None]], key: str) -> Words:
    """A label looked up by id (metric, phase), the id itself when unknown."""
    english, khmer = names.get(key, (key, None))
    return label(english, khmer)
