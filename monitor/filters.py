"""Filter widgets kept in the address as ids (the API's), and what to do when nothing matches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from data_model.i18n import N_, Translator, translator
from monitor import finding


def filter_panel(label: str, keys: tuple[str, ...], key: str) -> DeltaGenerator | None:
    """A 'Filter ...' expander to draw filter widgets in, or None while nobody needs them.

    Each kind of widget loads its own script in a fresh browser, so a reader who never
    filters should not wait for them: the widgets are drawn once the panel is opened, or
    whenever a filter is set (a shared link, or a filter set before the panel was closed),
    so closing the panel keeps the filters.
    """
    active = any(k in st.query_params for k in keys) or any(st.session_state.get(k) for k in keys)
    # The expander's identity includes `expanded`: were it `active`, clearing the last filter
    # would make a new expander, closed. The reader's own open/closed state leads instead.
    expanded = bool(st.session_state.get(key, active))
    panel = st.expander(
        label, expanded=expanded, icon=":material/filter_list:", key=key, on_change="rerun"
    )
    return panel if (panel.open or active) else None


def _seed_from_url(key: str, options: Sequence[Any], format_func: Callable[[Any], str]) -> None:
    """Set the widget `key` from the address when the address changed since this page last
    wrote it (a shared link followed, a first visit): ids as the API takes them, or the
    labels older links carry (?actor=Sar+Kheng), one per parameter or comma-separated;
    values naming nothing are left out, never an error."""
    raw = st.query_params.get_all(key)
    if raw == st.session_state.get(_url_shadow(key)):
        return
    by_text = {format_func(o): o for o in options} | {str(o): o for o in options}
    chosen = [
        by_text[part]
        for value in raw
        for part in ([value] if value in by_text else value.split(","))
        if part in by_text
    ]
    st.session_state[key] = list(dict.fromkeys(chosen))


def _write_url(key: str, values: Sequence[Any]) -> None:
    """Keep the chosen ids in the address (`?key=id&key=id`), the same ids as the API."""
    ids = [str(v) for v in values]
    if ids:
        st.query_params[key] = ids
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[_url_shadow(key)] = ids


def rename_in_address(old: str, new: str) -> None:
    """Follow a link that names a filter by its former parameter: its values move to `new`
    (the API's name), so the widget, the shared address and the API address agree."""
    if old in st.query_params:
        values = [*st.query_params.get_all(new), *st.query_params.get_all(old)]
        del st.query_params[old]
        st.query_params[new] = values


def _url_shadow(key: str) -> str:
    # What this page last wrote to ?key=: an address that differs was changed from outside.
    return f"_url_{key}"


def pick_many(
    label: str,
    options: Sequence[Any],
    key: str,
    format_func: Callable[[Any], str] = str,
) -> list[Any]:
    """Pills for a short fixed list (stance, status, year), any number chosen, kept in the
    URL under `key` as ids (words on screen). Pills load no script of their own; a
    multiselect does."""
    _seed_from_url(key, options, format_func)
    chosen = list(
        st.pills(label, list(options), selection_mode="multi", format_func=format_func, key=key)
        or []
    )
    _write_url(key, chosen)
    return chosen


#: What the narrowing box searches, for the catalogue.
_SEARCHED = (N_("name"), N_("title"))


def _find_words(noun: str, n: int, what: str, t: Translator) -> tuple[str, str]:
    """The label and placeholder of the box narrowing a long picker."""
    label = (
        f"Find {'an' if noun[:1] in 'aeiou' else 'a'} {noun}"
        if t.lang == "en"
        else t.gettext("Find by words")
    )
    placeholder = t.gettext("Words of its {what} · {n} to choose from").format(
        what=t.gettext(what), n=t.number_text(f"{n:,}")
    )
    return label, placeholder


def pick_named(
    label: str, names: dict[str, str], key: str, noun: str = "", t: Translator | None = None
) -> list[str]:
    """A searchable multiselect for a list that grows with the data (speakers, articles,
    metrics): shows names, returns ids, kept in the URL under `key` as ids. A list longer
    than finding.PICKER_LISTED gets a box above it whose words narrow what it offers (those
    chosen always among them), so a run sends tens of options, not thousands.

    Not Streamlit's `bind="query-params"`: that writes the shown labels to the address,
    which the API does not take and which change when a name is corrected."""
    t = t or translator()
    _seed_from_url(key, list(names), names.__getitem__)
    options = list(names)
    if len(names) > finding.PICKER_LISTED:
        noun = noun or label.lower()
        find, placeholder = _find_words(noun, len(names), "name", t)
        words = st.text_input(find, key=f"{key}-find", placeholder=placeholder)
        chosen = st.session_state.get(key) or []
        listed = finding.PICKER_LISTED
        options, matching = finding.listed_options(names, words, chosen, listed)
        note = finding.listed_text(
            len(options) - len(chosen), matching, len(names), noun, words, t.lang
        )
        if note:
            st.caption(note)
    chosen = st.multiselect(
        label,
        options,
        format_func=names.get,
        key=key,
        placeholder=t.gettext("Choose options"),
    )
    _write_url(key, chosen)
    return chosen


#: The span a day picker takes: the API takes any day, and a day outside the picker's span
#: would be dropped from a shared link without a word.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def pick_day(label: str, key: str) -> dt.date | None:
    """A day or none, kept in the URL under `key` as YYYY-MM-DD (as the API's from and to)."""
    day = st.date_input(
        label,
        value=None,
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        key=key,
        format="YYYY-MM-DD",
        bind="query-params",
    )
    return day if isinstance(day, dt.date) else None


def pick_one(label: str, names: dict[str, str], key: str) -> str:
    """Pills choosing exactly one of a few (the Data page's table), the first by default;
    kept in the URL under `key` as its id."""
    _seed_from_url(key, list(names), names.__getitem__)
    chosen = st.session_state.get(key)
    # The seed is a list (the shape many-choice widgets take); one choice is its first.
    chosen = (chosen or [None])[0] if isinstance(chosen, list) else chosen
    st.session_state[key] = chosen if chosen in names else next(iter(names))
    choice = st.pills(label, list(names), format_func=names.get, key=key, required=True)
    choice = choice if choice in names else next(iter(names))
    _write_url(key, [choice])
    return choice


def choose_by_id(
    label: str, options: dict[str, str], param: str, key: str, t: Translator | None = None
) -> str | None:
    """A selectbox whose choice lives in the URL as a stable id (?param=id), not as its label,
    so links from elsewhere in the app can name an item. An unknown id falls back to the first.
    A list longer than finding.PICKER_LISTED gets a box above it whose words narrow what it
    offers (the current choice always among them), as pick_named's lists do: at 5,000
    articles the Sources page sent every title in every run (462 KB)."""
    t = t or translator()
    ids = list(options)
    if not ids:
        return None
    requested = st.query_params.get(param)
    if len(options) > finding.PICKER_LISTED:
        noun = label.lower() if t.lang == "en" else "article"
        find, placeholder = _find_words(noun, len(options), "title", t)
        words = st.text_input(find, key=f"{key}-find", placeholder=placeholder)
        current = st.session_state.get(key, requested)
        chosen = [current] if current in options else [ids[0]]
        ids, matching = finding.listed_options(options, words, chosen, finding.PICKER_LISTED)
        note = finding.listed_text(len(ids) - 1, matching, len(options), noun, words, t.lang)
        if note:
            st.caption(note)
    choice = st.selectbox(
        label,
        ids,
        index=ids.index(requested) if requested in ids else 0,
        format_func=options.get,
        key=key,
    )
    st.query_params[param] = choice
    return choice


def url_choice(param: str, choices: list[str]) -> str:
    """The choice named by ?param= in the address, else the first (unknown values too)."""
    requested = st.query_params.get(param)
    return requested if requested in choices else choices[0]


def facet_counts(
    slots: dict[str, DeltaGenerator],
    facets: pd.DataFrame,
    t: Translator,
    speakers: dict[str, str] | None = None,
) -> None:
    """Under each picker, how many statements each value has under the other filters
    (speakers: the names the speaker picker shows, by actor id)."""
    for facet, slot in slots.items():
        counts = finding.facet_counts(facets, facet, t.lang, speakers if facet == "actor" else None)
        slot.caption(counts or t.gettext("No statement under the other filters."))


def clear_filters(keys: Sequence[str]) -> None:
    """Empty the search and every filter (a button's callback; the panel stays as it is)."""
    for k in keys:
        if k in st.session_state:  # a drawn widget: its binding clears the address too
            st.session_state[k] = "" if isinstance(st.session_state[k], str) else []
        else:
            st.query_params.pop(k, None)


def nothing_matched(reason: str, keys: Sequence[str], t: Translator) -> None:
    """Why nothing matched, and a button that clears the search and filters."""
    st.warning(reason, icon=":material/search_off:")
    st.button(
        t.gettext("Clear the search and every filter"),
        key="clear-filters",
        on_click=clear_filters,
        args=(tuple(keys),),
        icon=":material/filter_alt_off:",
    )
