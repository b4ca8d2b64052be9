"""The corrections log as the Corrections page shows it: newest first, withdrawn records
listed as withdrawn, each with what it said before and after and why."""

from __future__ import annotations

from typing import Any

import pandas as pd

from data_model.i18n import N_, script_language, translator
from data_model.safe_text import md
from data_model.wording import CODE_WORDS, date_text
from monitor.texts import in_language, shown_text, words

#: How each action reads on the page.
ACTIONS = {
    "withdrawn": N_("Withdrawn (no longer in the data; listed here so it is never silently gone)"),
    "changed": N_("Changed"),
    "added": N_("Added by a correction"),
}


#: Which kind of record a correction names, in words (the kinds of records.CorrectedKind);
#: a kind not listed shows its code.
KINDS = {
    "sources": N_("article"),
    "units": N_("unit"),
    "categories": N_("category"),
    "metrics": N_("metric"),
    "actors": N_("actor"),
    "phases": N_("phase"),
    "indicators": N_("figure"),
    "statements": N_("statement"),
    "policies": N_("proposal"),
    "positions": N_("position"),
    "events": N_("event"),
    "not_coded": N_("sentence not coded"),
    "contested": N_("contested claim"),
    "translations": N_("translation"),
}


#: Fields whose values are codes (a stance, a status, a kind of body): a Khmer page says
#: them in Khmer words, as everywhere else; other values are the record's words as logged.
CODED_FIELDS = frozenset({"stance", "status", "actor_type", "position", "kind", "topic"})


def _value_markdown(field: str | None, value: str, lang: str) -> str:
    """A before or after value in a page in `lang`: a code in the reader's words, else the
    words as logged, marked with their language where it is not the page's."""
    if lang != "en" and field in CODED_FIELDS and value in CODE_WORDS:
        return md(words(value, lang))
    return in_language(md(value), script_language(value), lang)


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def correction_markdown(r: Any, lang: str = "en") -> str:
    """One correction: when, which record, what happened to it, before and after, why (the
    values are the record's words, as logged; the reason the curator's, in Khmer where
    corrections.yaml gives reason_km, else in English marked as English: render the
    markdown with unsafe_allow_html=True)."""
    t = translator(lang)
    when = date_text(pd.Timestamp(r.corrected_on).date(), "day", lang)
    field = _text(r.field)
    kind = str(r.record_kind)
    kind = t.gettext(KINDS[kind]) if kind in KINDS and lang != "en" else kind
    head = f"**{md(when)}** · {md(kind)} `{md(str(r.record_id))}`" + (
        t.gettext(", field {field}").format(field=md(field)) if field else ""
    )
    action = str(r.action)
    lines = [head, f"**{t.gettext(ACTIONS[action]) if action in ACTIONS else md(action)}**"]
    for label, value in (
        (N_("Before: {value}"), _text(r.old_value)),
        (N_("After: {value}"), _text(r.new_value)),
    ):
        if value is not None:
            lines.append(t.gettext(label).format(value=_value_markdown(field, value, lang)))
    reason, reason_lang = shown_text(r, "reason", lang)
    lines.append(
        t.gettext("Why: {reason}").format(reason=in_language(md(reason), reason_lang, lang))
    )
    who = t.gettext("By {curator}").format(curator=md(str(r.corrected_by)))
    item = _text(r.review_item)
    lines.append(
        who
        + (" · " + t.gettext("answers {item}").format(item=md(item)) if item else "")
        + " · "
        + t.gettext("data version {version}").format(version=md(str(r.data_version)))
    )
    return "  \n".join(lines)


def summary_line(log: pd.DataFrame, lang: str = "en") -> str:
    """How many corrections, and how many of them withdrew a record."""
    t = translator(lang)
    withdrawn = int((log["action"] == "withdrawn").sum())
    return t.ngettext(
        "{count} correction, {withdrawn} of them withdrawn records.",
        "{count} corrections, {withdrawn} of them withdrawn records.",
        len(log),
    ).format(count=t.digits(str(len(log))), withdrawn=t.digits(str(withdrawn)))


def corrections_markdown(log: pd.DataFrame, lang: str = "en") -> str:
    """Every correction of the log, in the order given (newest first)."""
    if log.empty:
        return translator(lang).gettext("No record has been corrected yet.")
    return "\n\n---\n\n".join(correction_markdown(r, lang) for r in log.itertuples())
