"""The studio's coverage accounting: `etl check`'s rule applied to the records being reviewed.

The sentences and the reason each needs coding come from corpus.coverage, the code the build runs,
so the screen and the check can never disagree on what must be accounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.coverage import why_coded
from corpus.sentences import Sentence, sentences
from curation.suggest.records import Row
from data_model.i18n import N_, Translator

#: The reasons curators give most often (seeds/curated/articles/*: not_coded), offered first;
#: "restates <figure>" is added for each accepted figure, and any other reason can be typed.
#: They are saved in English (the curated data's language) and shown in the studio's.
USUAL_REASONS: tuple[str, ...] = (
    N_("not about the campaign"),
    N_("page furniture"),
    N_("background, no claim"),
    N_("no words to code: nobody answered"),
)
_RESTATES = "restates "
_FIGURE = "carries a figure: "
#: A number whole: its digits (any script's: Python's \d holds the Khmer ០-៩) and the
#: separators between them, as in "2,100", "២.១០០", "១២០".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _whole(why: str | None, text: str) -> str | None:
    """The check's reason with the number named whole: it quotes the first digit it meets
    ("carries a figure: '2'" for "January 2017", "'១'" for "១២០"; stop 45's friction 11),
    which read as a figure of its own. The rule itself (which sentences need coding) is the
    check's, unchanged."""
    digit = why[len(_FIGURE) :].strip("'") if why and why.startswith(_FIGURE) else ""
    if len(digit) == 1 and digit.isdigit() and (m := _NUMBER.search(text)):
        return f"{_FIGURE}'{m.group(0)}'"
    return why


@dataclass(frozen=True)
class Line:
    """One sentence the rule asks to be accounted for, and how it is (or is not yet)."""

    sentence: Sentence
    why: str  # why it needs coding, in the check's words ("carries a figure: '310'")
    covered_by: tuple[str, ...]  # ids of the accepted records quoting words of it
    reason: str | None  # "not coded, because ..." when set aside

    @property
    def state(self) -> str:
        if self.covered_by:
            return "covered"
        return "set aside" if self.reason else "not yet coded"


def _record_id(row: Row) -> str:
    rec = row.record
    return str(next((rec[k] for k in rec if k.endswith("_id") and k != "source_id"), row.kind))


def coverage(body: str, rows: list[Row], set_aside: dict[int, str]) -> list[Line]:
    """Every sentence needing coding, with the accepted records covering it or its reason.

    ``set_aside`` maps a sentence's start offset to the reason it is not coded.
    """
    kept = [r for r in rows if r.status == "accepted" and r.end > r.start]
    out = []
    for sentence in sentences(body):
        why = _whole(why_coded(sentence.text), sentence.text)
        if why is None:
            continue
        by = tuple(_record_id(r) for r in kept if sentence.overlaps((r.start, r.end)))
        out.append(Line(sentence, why, by, None if by else set_aside.get(sentence.start)))
    return out


def reasons(rows: list[Row]) -> list[str]:
    """The reasons to pick from: the usual ones, then 'restates <id>' per accepted figure."""
    figures = [
        f"{_RESTATES}{r.record['indicator_id']}"
        for r in rows
        if r.kind == "indicators" and r.status == "accepted"
    ]
    return [*USUAL_REASONS, *figures]


def not_coded(source_id: str, lines: list[Line]) -> list[dict[str, str]]:
    """The article's `not_coded` entries: each set-aside sentence quoted with its reason."""
    return [
        {"source_id": source_id, "quote": line.sentence.text, "reason": line.reason}
        for line in lines
        if line.state == "set aside" and line.reason
    ]


def reason_words(t: Translator, reason: str | None) -> str:
    """A reason as the studio's language says it: a usual reason translated, 'restates <id>'
    with the id kept; one a curator typed, as typed."""
    text = reason or ""
    if text in USUAL_REASONS:
        return t.gettext(text)
    if text.startswith(_RESTATES):
        return t.gettext("restates {record}").format(record=text[len(_RESTATES) :])
    return text


#: The check's reasons a sentence needs coding (corpus.coverage.why_coded), in words for the
#: catalogue: the prefix it writes, and the sentence's own words quoted after it kept.
_WHY = {
    "attributes words: quotation marks": N_("attributes words: quotation marks"),
    "attributes words: ": N_("attributes words: {words}"),
    "carries a figure: ": N_("carries a figure: {words}"),
}


def why_words(t: Translator, why: str) -> str:
    """Why a sentence needs coding, in the studio's language; the article's words it quotes
    stay as written ("carries a figure: '310'" -> "មានតួលេខ៖ '310'")."""
    if why in _WHY:
        return t.gettext(_WHY[why])
    for prefix, words in _WHY.items():
        if why.startswith(prefix):
            return t.gettext(words).format(words=why[len(prefix) :])
    return why
