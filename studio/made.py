"""The fields of a codebook entry made in the studio (a metric, unit, category or actor), drawn
once, under one record, the English and beside it the Khmer: what every record using the entry
shares, saved with the records."""

from __future__ import annotations

from typing import Any

import streamlit as st

from curation.suggest.guess import Curated
from curation.suggest.records import Row
from data_model.records import ActorType, UnitKind
from data_model.safe_text import md
from studio import keys, khmer
from studio.codebook import KIND_LABELS, picker, rename


def _store(entry: dict[str, Any], name: str, key: str, split: bool = False,
           is_khmer: bool = False) -> None:  # fmt: skip
    """Widget callback: the value typed or picked, written once into the shared entry."""
    value = st.session_state.get(key)
    if is_khmer:
        value = khmer.normal(value)
    entry[name] = [a.strip() for a in str(value).split(",") if a.strip()] if split else value


def _bound(widget, label: str, entry: dict[str, Any], name: str, key: str, **kw: Any) -> None:
    """A field of a shared entry, drawn once per run (made_editor), under a key of the entry:
    the entry's value when first drawn, then only what is typed or picked there, written into
    the entry by callback. Never set behind the widget: a browser that had not drawn that yet
    would send its old value back with the next click, and the callback would write it over
    the words typed."""
    split, is_khmer = kw.pop("split", False), kw.pop("is_khmer", False)
    value = entry.get(name)
    if "options" not in kw:
        value = ", ".join(value or []) if split else ("" if value is None else value)
    if key not in st.session_state:
        st.session_state[key] = value
    if "options" in kw:
        # A choice not made yet shows as not chosen (None), never as the first option: a
        # picker showing "person" for a field the entry lacks was refused at Save as missing.
        widget(label, kw.pop("options"), key=key, on_change=_store, args=(entry, name, key),
               placeholder="Not chosen yet", **kw)  # fmt: skip
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


#: One entry of each kind, in words ("New category made in the studio").
_ONE = {"metrics": "metric", "actors": "actor", "units": "unit", "categories": "category"}
#: The record fields whose made entry's editor is drawn under the record (editors.py).
_EDITED = {"metric_id": "metrics", "actor_id": "actors", "proposed_by": "actors"}


def _uses(row: Row, made: dict[str, dict[str, dict[str, Any]]]) -> set[tuple[str, str]]:
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
    return next((n for n, row in enumerate(rows) if (kind, ident) in _uses(row, made)), None)


def _summary(kind: str, entry: dict[str, Any]) -> str:
    fields = {"actors": ("role", "organisation", "kind"), "metrics": ("unit", "category"),
              "units": ("kind", "currency"), "categories": ()}[kind]  # fmt: skip
    given = [f"{name} {entry[name]}" for name in fields if entry.get(name)]
    return f" ({'; '.join(given)})" if given else ""


def made_editor(kind: str, ident: str, n: int, curated: Curated) -> None:
    """The fields of an entry made in the studio, edited once for every record using it:
    drawn under one record only (host), the others say where."""
    state = st.session_state
    made = state.setdefault("made", {})
    entry = made.get(kind, {}).get(ident)
    if entry is None:
        return
    rows = state.get("rows") or []
    at = host(rows, made, kind, ident) if n < len(rows) else n
    if at is not None and at != n:
        words = str(state.get("body") or "")[rows[at].start : rows[at].end][:70]
        st.caption(md(f"New {_ONE[kind]} made in the studio, shared by every record using it"
                      f"{_summary(kind, entry)}: its fields are under the "
                      f"{KIND_LABELS.get(rows[at].kind, 'record')} “{words}”."))  # fmt: skip
        return
    st.caption(f"New {_ONE[kind]} made in the studio (shared by every record using it):")
    # The entry's own keys: its fields are the same widgets under whichever record.
    t, pick = khmer.words(), st.selectbox
    if kind == "metrics":
        _pair("Metric label", t.gettext("Metric label in Khmer (optional)"), entry, "label",
              f"m-label-{ident}")  # fmt: skip
        _pair("What is counted, and what is not", t.gettext("The definition in Khmer (optional)"),
              entry, "definition", f"m-def-{ident}", is_label=False)  # fmt: skip
        for name, sub, label in (("unit", "units", "Unit"), ("category", "categories", "Category")):
            picker(label, sub, entry.get(name), f"m-{name[:4]}-{ident}", curated=curated,
                   context=str(entry.get("label")), into=(entry, name))  # fmt: skip
            if entry.get(name) in made.get(sub, {}):
                made_editor(sub, entry[name], n, curated)
    elif kind == "actors":
        _pair("Name", t.gettext("Name in Khmer, as Khmer outlets print it (optional)"), entry,
              "name", f"a-name-{ident}")  # fmt: skip
        _pair("Role", t.gettext("Role in Khmer (optional)"), entry, "role", f"a-role-{ident}",
              is_label=False)  # fmt: skip
        _pair("Organisation", t.gettext("Organisation in Khmer (optional)"), entry,
              "organisation", f"a-org-{ident}", is_label=False)  # fmt: skip
        _bound(pick, "Kind", entry, "kind", f"a-kind-{ident}",
               options=["person", "organisation", "unnamed"])  # fmt: skip
        _bound(pick, "Actor type", entry, "actor_type", f"a-type-{ident}",
               options=[a.value for a in ActorType])  # fmt: skip
        _bound(st.text_input, "Other spellings (comma between)", entry, "aliases",
               f"a-alias-{ident}", split=True)  # fmt: skip
    elif kind == "units":
        _pair("Unit label", t.gettext("Unit label in Khmer (optional)"), entry, "label",
              f"u-label-{ident}")  # fmt: skip
        entry.setdefault("kind", "count")
        _bound(pick, "Unit kind", entry, "kind", f"u-kind-{ident}",
               options=[u.value for u in UnitKind])  # fmt: skip
        if entry["kind"] == "money":
            _bound(st.text_input, "Currency (ISO 4217, e.g. USD)", entry, "currency",
                   f"u-cur-{ident}")  # fmt: skip
        else:
            entry["currency"] = None
        _bound(st.text_input, "What one of it is", entry, "definition", f"u-def-{ident}")
    elif kind == "categories":
        _pair("Category label", t.gettext("Category label in Khmer (optional)"), entry, "label",
              f"c-label-{ident}")  # fmt: skip
        _bound(st.text_input, "Which metrics belong here", entry, "description",
               f"c-desc-{ident}")  # fmt: skip
    base = f"{kind[0]}-id-{ident}"  # a new id is a new key: the field shows it when drawn
    key = keys.current(state, base)
    if key not in state:
        state[key] = ident
    st.text_input("Id (renameable until it is published)", key=key, on_change=_renamed,
                  args=(kind, ident, base, key))  # fmt: skip
    if problem := state.pop(f"{base}-problem", None):
        st.error(md(problem))


def _renamed(kind: str, ident: str, base: str, key: str) -> None:
    """Widget callback: the entry renamed everywhere, or the reason it cannot be (the field
    then a new one showing the id it keeps)."""
    if problem := rename(st.session_state, kind, ident, str(st.session_state.get(key) or "")):
        st.session_state[f"{base}-problem"] = problem
        keys.replace(st.session_state, base, ident)
