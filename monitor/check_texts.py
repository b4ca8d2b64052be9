"""Words of the data checks: their counts, kinds, badges and the list a page shows."""

from __future__ import annotations

import pandas as pd

from data_model.i18n import N_, translator
from data_model.safe_text import md
from monitor.texts import shown_text, words

CHECK_LABELS = {"fail": N_("Conflicts"), "warn": N_("Open questions"), "pass": N_("Agree")}


#: Each status's badge: its colour and icon, and its word (for the catalogue).
_BADGE_WORDS = {"fail": N_("Conflict"), "warn": N_("Open question"), "pass": N_("Agree")}
_BADGE_LOOKS = {"fail": ("red", "error"), "warn": ("orange", "help"), "pass": ("green", "check")}


def check_badge(status: str, lang: str = "en") -> str:
    """':red-badge[:material/error: Conflict]' in the reader's language."""
    colour, icon = _BADGE_LOOKS[status]
    return f":{colour}-badge[:material/{icon}: {translator(lang).gettext(_BADGE_WORDS[status])}]"


CHECK_BADGES = {status: check_badge(status) for status in _BADGE_WORDS}


CHECK_KINDS = ["corroboration", "arithmetic", "gap", "restatement", "status", "contested"]


def check_summary(checks: pd.DataFrame) -> dict[str, int]:
    """How many checks pass, warn and fail."""
    counts = checks["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in CHECK_LABELS}


def check_summary_markdown(summary: dict[str, int], lang: str = "en") -> str:
    """'0 conflicts · 22 open questions · 12 agree', each with its badge."""
    t = translator(lang)
    return " · ".join(
        f"{check_badge(status, lang)} **{t.digits(str(summary[status]))}**"
        for status in CHECK_LABELS
    )


def filter_checks(checks: pd.DataFrame, statuses: list[str], kinds: list[str]) -> pd.DataFrame:
    """The checks with the chosen statuses and kinds (all when none is chosen)."""
    keep = checks["status"].isin(statuses or list(CHECK_LABELS))
    keep &= checks["kind"].isin(kinds or list(checks["kind"].unique()))
    return checks[keep].reset_index(drop=True)


#: Where each severity goes on the page, in order: conflicts lead, then the open questions;
#: figures reported once only and the arithmetic that holds are folded below.
SEVERITIES = ("conflict", "question", "note", "agreement")


def by_severity(checks: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The checks split by what they mean to a reader (the build's severity), in page order;
    in each, the arithmetic (parts against totals, shares against counts) grouped below
    the contested claims and the gaps, in the build's order otherwise."""
    last = checks["kind"].eq("arithmetic")
    ordered = pd.concat([checks[~last], checks[last]])
    return {s: ordered[ordered["severity"] == s].reset_index(drop=True) for s in SEVERITIES}


#: The rule of the checks every figure gets, which no entry of checks.yaml states (the
#: curated rules' own words are in the data: consistency_checks.rule and rule_km).
KIND_RULES = {
    "corroboration": N_(
        "Figures of the same metric, place and period from two or more articles agree when "
        "their ranges overlap."
    ),
    "restatement": N_(
        "A figure that restates another is checked against the figure it restates, and "
        "counted in no other check."
    ),
    "gap": N_(
        "A metric needs figures from two or more independent articles: one reported once "
        "only, or not at all, is a gap."
    ),
    "status": N_("A proposal whose status says it happened must cite a passage saying so."),
    "contested": N_(
        "Claims a curator has linked as contradicting each other are listed, so that neither "
        "is shown as settled."
    ),
}


def _small(text: str, text_lang: str, lang: str) -> str:
    """Escaped text in small type, marked with its language where it is not the page's
    (the caller renders with unsafe_allow_html=True)."""
    if text_lang == lang:
        return f":small[{md(text)}]"
    return f'<small lang="{text_lang}">{md(text)}</small>'


def _said(row: object, field: str) -> bool:
    value = getattr(row, field, None)
    return isinstance(value, str) and bool(value)


def check_details(c: object, lang: str = "en") -> str:
    """How one check was computed: the rule it applies in the reader's language (the
    curated rule's rule_km, else a rule of its kind from the catalogue, else the English
    rule marked as English), then the computation, which the build words in English only."""
    t = translator(lang)
    rule, rule_lang = shown_text(c, "rule", lang)
    if not rule and getattr(c, "kind", None) in KIND_RULES:
        rule, rule_lang = t.gettext(KIND_RULES[c.kind]), lang  # type: ignore[attr-defined]
    said = [_small(t.gettext("Rule: {rule}").format(rule=rule), lang, lang)] if rule else []
    if rule and rule_lang != lang:
        label = _small(t.gettext("Rule:"), lang, lang)
        said = [f"{label} {_small(rule, rule_lang, lang)}"]
    said.append(_small(str(c.detail), "en", lang))  # type: ignore[attr-defined]
    return "  \n".join(said) + "  \n"


def checks_markdown(checks: pd.DataFrame, lang: str = "en", details: bool = False) -> str:
    """The checks as one block of text: each its badge and kind, its headline (one short
    plain sentence, worded by the build in the reader's language) and the line under it
    (why it matters, or a curator's note), with `details` the rule it applies and the whole
    computation (check_details), and its articles. Render it with unsafe_allow_html=True: a
    Khmer page marks English text as English."""
    t = translator(lang)
    if checks.empty:
        return "_" + t.gettext("No checks match.") + "_"
    return "\n\n".join(
        f"{check_badge(c.status, lang)} · {md(words(c.kind, lang))}  \n{md(c.headline)}  \n"
        + (
            f"{_small(c.explanation, getattr(c, 'explanation_lang', lang), lang)}  \n"
            if _said(c, "explanation")
            else ""
        )
        + (check_details(c, lang) if details else "")
        + ":gray["
        + t.gettext("Articles: {ids}").format(ids=md(c.articles or t.gettext("none")))
        + "]"
        for c in checks.itertuples()
    )


#: Checks drawn per page run: the page stays the same size however many checks there are.
CHECKS_PER_PAGE = 50
