"""The studio's language: ?lang= read as the dashboard reads it, the switch in the sidebar, the
Khmer type settings, and the codes a researcher picks (a hedge, a stance) in words."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_model import wording
from data_model.i18n import (
    KHMER_CSS,
    LANGUAGES,
    N_,
    NATIVE_NAMES,
    SOURCE_LANGUAGE,
    Translator,
    translator,
)

PARAM = "lang"
_SWITCH = "studio-language"


def words() -> Translator:
    """The studio's words in the language the address asks for (?lang=km), as the dashboard."""
    return translator(st.query_params.get(PARAM))


def shortened(text: str, limit: int) -> str:
    """At most about ``limit`` characters, cut after a whole word (a space, or U+200B between
    Khmer words) and marked '…': a quote cut mid-word ('on dr') reads as another word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    at = max(head.rfind(" "), head.rfind("\u200b"))
    cut = head[:at] if at > limit // 2 else text[:limit]
    return cut.rstrip(" ,;:\u200b") + "…"


def moment(t: Translator, at: object) -> str:
    """When work was saved or decided, as a person reads it: '7 Dec 2026, 05:55 UTC' (Khmer
    digits and month in Khmer), never '2026-12-07 05:55:45+00:00'; as stored if unreadable."""
    try:
        when = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    except ValueError:
        return str(at)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return f"{t.date(when.date())}, {t.digits(when.strftime('%H:%M'))} UTC"


def number(t: Translator, n: int) -> str:
    """A count as the language writes it ('1,234'; Khmer '១.២៣៤')."""
    return t.number_text(f"{n:,}")


def _switched() -> None:
    st.query_params[PARAM] = st.session_state.get(_SWITCH) or SOURCE_LANGUAGE


def switch(t: Translator) -> None:
    """'English | ខ្មែរ' in the sidebar, writing ?lang= (each language named in its own words),
    as on the dashboard; the studio is one page, so the address keeps it."""
    st.session_state[_SWITCH] = t.lang
    with st.sidebar:
        st.segmented_control("Language · ភាសា", list(LANGUAGES), key=_SWITCH, required=True,
                             format_func=NATIVE_NAMES.__getitem__, on_change=_switched)  # fmt: skip


def styles(t: Translator) -> None:
    """The document's language (fonts, line breaking, screen readers) and the Khmer type
    settings the dashboard uses; a constant, no input reaches it."""
    if t.lang == SOURCE_LANGUAGE:
        return
    st.html(
        f"<style>{KHMER_CSS}</style><script>document.documentElement.lang = {t.lang!r};</script>",
        unsafe_allow_javascript=True,
    )


#: The codes a researcher picks, in words for the catalogue: the dashboard's words for the
#: codes it shows (data_model.wording.CODE_WORDS), and those only the studio shows; a code not
#: listed reads as itself. The code is what is saved.
CODE_WORDS: dict[str, str] = {
    **wording.CODE_WORDS,
    # hedges (data_model.qualifiers)
    "exact": N_("exact"), "approx": N_("about"), "at_least": N_("at least"),
    "more_than": N_("more than"), "fewer_than": N_("fewer than"), "at_most": N_("at most"),
    "between": N_("between (a range)"),
    # statements and positions
    "direct": N_("direct (own words, in quotation marks)"), "reported": N_("reported speech"),
    "supports": N_("for"), "opposes": N_("against"),
    # actors
    "person": N_("person"), "organisation": N_("organisation"), "unnamed": N_("unnamed"),
    # events, units
    "launch": N_("Launch"), "extension": N_("Extension"), "review_meeting": N_("Review meeting"),
    "destruction": N_("Drugs destroyed"), "death": N_("Death"), "announcement": N_("Announcement"),
    "count": N_("count"), "share": N_("share"), "mass": N_("mass"), "money": N_("money"),
    # dates
    "day": N_("day"), "month": N_("month"), "year": N_("year"),
    # record states on Review
    "open": N_("open"), "accepted": N_("accepted"), "rejected": N_("rejected"),
    "offered": N_("offered, not drafted"),
    "provisional": N_("provisional"), "returned": N_("returned"), "approved": N_("approved"),
    "added": N_("added"), "changed": N_("changed"),
}  # fmt: skip


def code(t: Translator, value: object) -> str:
    """A code as words: in English the code itself (what the codebook and the YAML say), in
    another language its words and, after them, the code ('គាំទ្រ · supportive')."""
    text = "" if value is None else str(value)
    if t.lang == SOURCE_LANGUAGE or text not in CODE_WORDS:
        return text
    return f"{t.gettext(CODE_WORDS[text])} · {text}"


def state(t: Translator, value: object) -> str:
    """A state a record or a piece of work is in ('accepted', 'provisional'), in words only:
    a heading reads it, nobody picks it."""
    text = "" if value is None else str(value)
    return t.gettext(CODE_WORDS[text]) if text in CODE_WORDS else text


#: Every kind of record the studio writes, in words (the dashboard's words for the same).
KIND_WORDS = {"indicators": N_("figure"), "statements": N_("statement"),
              "policies": N_("proposal"), "positions": N_("position"), "events": N_("event"),
              "metrics": N_("metric"), "actors": N_("actor"), "units": N_("unit"),
              "categories": N_("category"), "phases": N_("phase"), "sources": N_("article"),
              "not_coded": N_("sentence not coded"), "corrections": N_("correction"),
              "reviews": N_("review")}  # fmt: skip


def kind(t: Translator, value: object) -> str:
    """A kind of record in words ('indicators' -> 'figure', Khmer 'តួលេខ'); else as stored."""
    text = "" if value is None else str(value)
    return t.gettext(KIND_WORDS[text]) if text in KIND_WORDS else text
