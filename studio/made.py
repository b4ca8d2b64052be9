"""The fields of a codebook entry made in the studio (a metric, unit, category or actor), drawn
once, under one record, the English and beside it the Khmer: what every record using the entry
shares, saved with the records."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from curation.suggest.guess import Curated
from curation.suggest.records import NO_CURATED, Row
from data_model.i18n import N_, Translator
from data_model.records import ActorKind, ActorType, UnitKind
from data_model.safe_text import md
from studio import keys, khmer
from studio.codebook import (
    CHANGED,
    KIND_LABELS,
    KINDS,
    RELABELLED,
    entries,
    new_id,
    picker,
    rename,
    stem,
)
from studio.drafts import slug
from studio.language import code, shortened


def _store(entry: dict[str, Any], name: str, key: str, split: bool = False,
           is_khmer: bool = False) -> None:  # fmt: skip
    """Widget callback: the value typed or picked, written once into the shared entry."""
    value = st.session_state.get(key)
    if is_khmer:
        value = khmer.normal(value)
    before = entry.get(name)
    entry[name] = [a.strip() for a in str(value).split(",") if a.strip()] if split else value
    if name in ("label", "name"):  # shown in every record's picker
        st.session_state[CHANGED] = True
    if name == "label":
        _follow(entry, str(before or ""), str(value or ""))


def _follow(entry: dict[str, Any], before: str, label: str) -> None:
    """A new metric's, unit's or category's id made anew from its new label, everywhere, while
    it is still the one made from the old label (stop 45: 'Liquid methamphetamine seized'
    stayed `litres-liquid-seized`, while the same label typed under the picker renamed it). An
    id renamed by hand is the researcher's and stays."""
    kind = next((k for k, field in KINDS.items() if k in RELABELLED and entry.get(field)), None)
    if kind is None or not slug(label):
        return
    ident = str(entry[KINDS[kind]])
    if not re.fullmatch(rf"{re.escape(slug(before) or ident)}(-\d+)?", ident):
        return
    state = st.session_state
    taken = set(entries(state.get("curated") or NO_CURATED, state.get("made") or {}, kind))
    fresh = new_id(label, taken - {ident})
    if fresh != ident:
        rename(state, kind, ident, fresh)


def _bound(widget, label: str, entry: dict[str, Any], name: str, key: str, **kw: Any) -> None:
    """A field of a shared entry, drawn once per run (made_editor), under a key of the entry:
    the entry's value when first drawn, then only what is typed or picked there, written into
    the entry by callback. Never set behind the widget: a browser that had not drawn that yet
    would send its old value back with the next click, and the callback would write it over
    the words typed."""
    split, is_khmer = kw.pop("split", False), kw.pop("is_khmer", False)
    key = keys.current(st.session_state, key)  # a new widget once relabelled (codebook)
    value = entry.get(name)
    if "options" not in kw:
        value = ", ".join(value or []) if split else ("" if value is None else value)
    if key not in st.session_state:
        st.session_state[key] = value
    if "options" in kw:
        # A choice not made yet shows as not chosen (None), never as the first option: a
        # picker showing "person" for a field the entry lacks was refused at Save as missing.
        widget(label, kw.pop("options"), key=key, on_change=_store, args=(entry, name, key),
               placeholder=khmer.words().gettext("Not chosen yet"), **kw)  # fmt: skip
        return
    widget(label, key=key, on_change=_store, args=(entry, name, key, split, is_khmer), **kw)


def _pair(label: str, km_label: str, entry: dict[str, Any], name: str, key: str,
          is_label: bool = True) -> None:  # fmt: skip
    """An English field and beside it its Khmer (``name``_km), optional: what Khmer pages
    show instead of the English."""
    english, own = st.columns(2)
    with english:
        _bound(st.text_input, label, entry, name, key)
    with own:
        _bound(st.text_input, km_label, entry, f"{name}_km", f"{key}-km", is_khmer=True,
               help=khmer.hint(is_label))  # fmt: skip
        khmer.show_problem(entry.get(f"{name}_km"), is_label)


#: What a made entry's fields say of it, by kind (catalogue entries).
_MADE_HERE = {
    "metrics": N_("New metric made in the studio (shared by every record using it):"),
    "actors": N_("New actor made in the studio (shared by every record using it):"),
    "units": N_("New unit made in the studio (shared by every record using it):"),
    "categories": N_("New category made in the studio (shared by every record using it):"),
}
_MADE_THERE = {
    "metrics": N_(
        "New metric made in the studio, shared by every record using it{summary}: "
        "its fields are under the {kind} “{words}”."
    ),
    "actors": N_(
        "New actor made in the studio, shared by every record using it{summary}: "
        "its fields are under the {kind} “{words}”."
    ),
    "units": N_(
        "New unit made in the studio, shared by every record using it{summary}: "
        "its fields are under the {kind} “{words}”."
    ),
    "categories": N_(
        "New category made in the studio, shared by every record using "
        "it{summary}: its fields are under the {kind} “{words}”."
    ),
}
#: The record fields whose made entry's editor is drawn under the record (editors.py).
_EDITED = {"metric_id": "metrics", "actor_id": "actors", "proposed_by": "actors"}


def uses(row: Row, made: dict[str, dict[str, dict[str, Any]]]) -> set[tuple[str, str]]:
    """The made entries whose editor a record draws: its metric (with the metric's unit and
    category) and its actor."""
    found = {(kind, str(row.record.get(f))) for f, kind in _EDITED.items() if row.record.get(f)}
    for kind, ident in list(found):
        if kind == "metrics" and ident in made.get("metrics", {}):
            entry = made["metrics"][ident]
            found |= {(sub, str(entry[f])) for f, sub in (("unit", "units"),
                      ("category", "categories")) if entry.get(f)}  # fmt: skip
    return found


def host(rows: list[Row], made: dict[str, dict[str, dict[str, Any]]], kind: str,
         ident: str) -> int | None:  # fmt: skip
    """The record under which a made entry's fields are drawn, the only one: the first that
    uses it (a fixed place: fields that move from record to record as records are accepted
    are redrawn while a person works). Two copies of one field (one per record) were two
    widgets for one value, and a browser behind by one answer sent the copy it had not
    redrawn back over the words just typed in the other."""
    return next((n for n, row in enumerate(rows) if (kind, ident) in uses(row, made)), None)


#: The fields a summary names, in words (catalogue entries).
_SUMMARY = {"actors": {"role": N_("role"), "organisation": N_("organisation"), "kind": N_("kind")},
            "metrics": {"unit": N_("unit"), "category": N_("category")},
            "units": {"kind": N_("kind"), "currency": N_("currency")}, "categories": {}}  # fmt: skip


def _summary(t: Translator, kind: str, entry: dict[str, Any]) -> str:
    given = [f"{t.gettext(word)} {code(t, entry[name])}" for name, word in _SUMMARY[kind].items()
             if entry.get(name)]  # fmt: skip
    return f" ({'; '.join(given)})" if given else ""


def made_editor(kind: str, ident: str, n: int, curated: Curated) -> None:
    """The fields of an entry made in the studio, edited once for every record using it:
    drawn under one record only (host), the others say where."""
    state = st.session_state
    made = state.setdefault("made", {})
    entry = made.get(kind, {}).get(ident)
    if entry is None:
        return
    rows, t = state.get("rows") or [], khmer.words()
    at = host(rows, made, kind, ident) if n < len(rows) else n
    if at is not None and at != n:
        words = shortened(str(state.get("body") or "")[rows[at].start : rows[at].end], 70)
        record = t.gettext(KIND_LABELS.get(rows[at].kind, N_("record")))
        st.caption(md(t.gettext(_MADE_THERE[kind]).format(
            summary=_summary(t, kind, entry), kind=record, words=words)))  # fmt: skip
        return
    st.caption(t.gettext(_MADE_HERE[kind]))
    # The entry's own keys: its fields are the same widgets under whichever record, and
    # after a rename (codebook.stem).
    own = stem(state, kind, ident)
    pick, shown = st.selectbox, {"format_func": lambda v: code(t, v)}
    if kind == "metrics":
        _pair(t.gettext("Metric label"), t.gettext("Metric label in Khmer (optional)"), entry,
              "label", f"m-label-{own}")  # fmt: skip
        _pair(t.gettext("What is counted, and what is not"),
              t.gettext("The definition in Khmer (optional)"), entry, "definition",
              f"m-def-{own}", is_label=False)  # fmt: skip
        for name, sub, label in (("unit", "units", t.gettext("Unit")),
                                 ("category", "categories", t.gettext("Category"))):  # fmt: skip
            picker(label, sub, entry.get(name), f"m-{name[:4]}-{own}", curated=curated,
                   context=str(entry.get("label")), into=(entry, name))  # fmt: skip
            if entry.get(name) in made.get(sub, {}):
                made_editor(sub, entry[name], n, curated)
        # A change metric ("down 12 percent") takes values below zero: a fall is negative.
        st.session_state.setdefault(f"m-sign-{own}", bool(entry.get("signed")))
        _bound(st.checkbox, t.gettext("A change against an earlier period (a fall is negative)"),
               entry, "signed", f"m-sign-{own}")  # fmt: skip
    elif kind == "actors":
        _pair(t.gettext("Name"), t.gettext("Name in Khmer, as Khmer outlets print it (optional)"),
              entry, "name", f"a-name-{own}")  # fmt: skip
        _pair(t.gettext("Role"), t.gettext("Role in Khmer (optional)"), entry, "role",
              f"a-role-{own}", is_label=False)  # fmt: skip
        _pair(t.gettext("Organisation"), t.gettext("Organisation in Khmer (optional)"), entry,
              "organisation", f"a-org-{own}", is_label=False)  # fmt: skip
        _bound(pick, t.gettext("Kind"), entry, "kind", f"a-kind-{own}",
               options=[a.value for a in ActorKind], **shown)  # fmt: skip
        _bound(pick, t.gettext("Actor type"), entry, "actor_type", f"a-type-{own}",
               options=[a.value for a in ActorType], **shown)  # fmt: skip
        _bound(st.text_input, t.gettext("Other spellings (comma between)"), entry, "aliases",
               f"a-alias-{own}", split=True)  # fmt: skip
    elif kind == "units":
        _pair(t.gettext("Unit label"), t.gettext("Unit label in Khmer (optional)"), entry,
              "label", f"u-label-{own}")  # fmt: skip
        entry.setdefault("kind", "count")
        _bound(pick, t.gettext("Unit kind"), entry, "kind", f"u-kind-{own}",
               options=[u.value for u in UnitKind], **shown)  # fmt: skip
        if entry["kind"] == "money":
            _bound(st.text_input, t.gettext("Currency (ISO 4217, e.g. USD)"), entry, "currency",
                   f"u-cur-{own}")  # fmt: skip
        else:
            entry["currency"] = None
        _bound(st.text_input, t.gettext("What one of it is"), entry, "definition",
               f"u-def-{own}")  # fmt: skip
    elif kind == "categories":
        _pair(t.gettext("Category label"), t.gettext("Category label in Khmer (optional)"),
              entry, "label", f"c-label-{own}")  # fmt: skip
        _bound(st.text_input, t.gettext("Which metrics belong here"), entry, "description",
               f"c-desc-{own}")  # fmt: skip
    base = f"{kind[0]}-id-{ident}"  # a new id is a new key: the field shows it when drawn
    key = keys.current(state, base)
    if key not in state:
        state[key] = ident
    st.text_input(t.gettext("Id (renameable until it is published)"), key=key,
                  on_change=_renamed, args=(kind, ident, base, key))  # fmt: skip
    if problem := state.pop(f"{base}-problem", None):
        st.error(md(problem))


def _renamed(kind: str, ident: str, base: str, key: str) -> None:
    """Widget callback: the entry renamed everywhere, or the reason it cannot be (the field
    then a new one showing the id it keeps)."""
    typed = str(st.session_state.get(key) or "")
    if problem := rename(st.session_state, kind, ident, typed, khmer.words()):
        st.session_state[f"{base}-problem"] = problem
        keys.replace(st.session_state, base, ident)
