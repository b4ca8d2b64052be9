"""The reader's language on every page: the switch, ?lang= kept in links, Khmer type settings."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from data_model.i18n import (
    KHMER_CSS,
    LANGUAGES,
    NATIVE_NAMES,
    SOURCE_LANGUAGE,
    Translator,
    language,
    script_language,
    translator,
)

__all__ = ["script_language"]  # the Sources page asks it here

#: The address parameter; the API and the light embeds read the same name.
PARAM = "lang"


#: Where a session keeps the reader's language, for the runs whose address lost ?lang=.
_KEPT = "_reader_language"
_SWITCH = "language-switch"


def current() -> Translator:
    """The translator for this run's ?lang= (English when missing or unknown)."""
    return translator(st.query_params.get(PARAM))


def keep_in_address() -> Translator:
    """The reader's language for this run, kept in the address: a ?lang= naming a language
    loosely ('KM', 'km-KH') is rewritten to its code, and a change of page through the
    navigation (which drops the query string) gets the session's language back. Call once,
    from the main script, before anything is drawn."""
    raw = st.query_params.get(PARAM)
    if raw is None:
        kept = st.session_state.get(_KEPT, SOURCE_LANGUAGE)
        if kept != SOURCE_LANGUAGE:
            st.query_params[PARAM] = kept
    else:
        code = language(raw)
        if raw != code:
            st.query_params[PARAM] = code
    t = current()
    st.session_state[_KEPT] = t.lang
    return t


def _switched() -> None:
    chosen = st.session_state.get(_SWITCH) or SOURCE_LANGUAGE
    st.query_params[PARAM] = chosen
    st.session_state[_KEPT] = chosen


def switch(t: Translator) -> None:
    """'English | ខ្មែរ' in the sidebar, writing ?lang= (each language named in its own
    words). Not Streamlit's bind="query-params": that writes the shown name, 'ខ្មែរ', to
    the address, where the API and every link use the code, 'km'."""
    st.session_state[_SWITCH] = t.lang
    with st.sidebar:
        st.segmented_control(
            "Language · ភាសា",
            list(LANGUAGES),
            format_func=NATIVE_NAMES.__getitem__,
            required=True,
            key=_SWITCH,
            on_change=_switched,
        )


def styles(t: Translator) -> None:
    """The document's language (for fonts, hyphenation and screen readers) and the Khmer type
    settings. The script is a constant: no reader's input reaches it."""
    if t.lang == SOURCE_LANGUAGE:
        return
    st.html(
        f"<style>{KHMER_CSS}</style><script>document.documentElement.lang = {t.lang!r};</script>",
        unsafe_allow_javascript=True,
    )


def params(t: Translator, given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Query parameters of a link to another page, with ?lang= kept (English needs none)."""
    out = dict(given or {})
    if t.lang != SOURCE_LANGUAGE:
        out[PARAM] = t.lang
    return out


def suffix(t: Translator, joiner: str = "&") -> str:
    """'&lang=km' to add to an address that already has a query ('' in English)."""
    return "" if t.lang == SOURCE_LANGUAGE else f"{joiner}{PARAM}={t.lang}"
