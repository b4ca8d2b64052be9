"""The codebook as the studio offers it: curated entries and those made in the studio, by kind;
pickers that show labels and definitions beside ids, likely choices first; new entries made
from a label, usable on every record at once, and renamed everywhere before publication."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

import streamlit as st

from curation.suggest.guess import Curated
from curation.suggest.metrics import stems
from curation.suggest.records import Row
from data_model.i18n import N_, Translator, translator
from data_model.safe_text import md
from studio import keys, language
from studio.drafts import slug

#: The codebook kinds a record names, the field holding each id, and the words shown for it.
KINDS = {"metrics": "metric_id", "actors": "actor_id", "units": "unit_id",
         "categories": "category_id", "policies": "policy_id", "phases": "phase_id"}  # fmt: skip
_LABEL = {"metrics": "label", "actors": "name", "units": "label", "categories": "label",
          "policies": "name", "phases": "name"}  # fmt: skip
_DEFINITION = {"metrics": "definition", "actors": "role", "units": "definition",
               "categories": "description", "policies": "description", "phases": "description"}  # fmt: skip
#: The field holding the Khmer of an entry's label (its name, for an actor).
_KHMER = {"actors": "name_km"}
#: An id a made entry never gets: the draft's placeholder says nothing about what is counted.
_MEANINGLESS = {"figure", "new", "metric", "actor", "unit"}
#: The words for a record's kind, as the Review screen lists candidates (catalogue entries).
KIND_LABELS = {"indicators": N_("figure"), "statements": N_("statement"),
               "policies": N_("proposal"), "positions": N_("position"),
               "events": N_("event")}  # fmt: skip
#: What the field under a picker asks for, by kind.
_NEW_ONE = {
    "metrics": N_("or type a new metric's label and press Enter"),
    "actors": N_("or type a new actor's name and press Enter"),
    "units": N_("or type a new unit's label and press Enter"),
    "categories": N_("or type a new category's label and press Enter"),
    "policies": N_("or type a new proposal's name and press Enter"),
    "phases": N_("or type a new phase's name and press Enter"),
}
#: Which record fields name an entry of which kind (the references a rename follows).
REFERENCES = {"metric_id": "metrics", "actor_id": "actors", "proposed_by": "actors",
              "relayed_by": "actors", "unit": "units", "category": "categories"}  # fmt: skip
#: Set by a widget callback whose change every record shows (a made entry's label, which
#: its pickers show): the next run is the whole Review screen's, not one record's (record).
CHANGED = "codebook-changed"
#: The kinds a label typed under a picker relabels (the made entry picked, named nowhere else:
#: the draft's new metric) rather than adds, and the key of their label field (studio.made),
#: before its stem. Not actors: a person's aliases and kind are not another person's.
RELABELLED = {"metrics": "m-label", "units": "u-label", "categories": "c-label"}


def entries(curated: Curated, made: dict[str, dict[str, dict[str, Any]]], kind: str) -> dict:
    """Every entry of a kind by id: curated first, then those made in the studio."""
    out = {str(e[KINDS[kind]]): e for e in getattr(curated, kind, []) if e.get(KINDS[kind])}
    return out | made.get(kind, {})


def shown(kind: str, entry: dict[str, Any] | None, ident: str, new: bool = False,
          t: Translator | None = None) -> str:  # fmt: skip
    """'Total arrests · arrests-total — People arrested for any drug offence' (searchable);
    in ``t``'s language the entry's Khmer label where it has one, the id always."""
    if not ident:
        return "—"
    if entry is None:
        return ident
    t = t or translator()
    khmer = entry.get(_KHMER.get(kind, "label_km"))
    # A person drafted from a Khmer article has its Khmer name only (round twenty): shown by it.
    label = t.pick(entry.get(_LABEL[kind]) or "", khmer) or str(khmer or "")
    about = definition(kind, entry, t)
    tail = f" — {about[:90]}" if about else ""
    fresh = t.gettext(" (new)") if new else ""
    return f"{label} · {ident}{fresh}{tail}"


def definition(kind: str, entry: dict[str, Any] | None, t: Translator) -> str:
    """An entry's definition whole, in ``t``'s language where it has one; blank if none."""
    if not entry or kind not in _DEFINITION:
        return ""
    return t.pick(str(entry.get(_DEFINITION[kind]) or ""), entry.get(f"{_DEFINITION[kind]}_km"))


def likely(options: dict[str, dict[str, Any]], kind: str, context: str) -> list[str]:
    """Ids in order of the words they share with the record's sentence, then by label."""
    words = stems(context)

    def score(ident: str) -> tuple[int, str]:
        entry = options[ident]
        own = stems(f"{entry.get(_LABEL[kind], '')} {ident.replace('-', ' ')}")
        return (-len(own & words), str(entry.get(_LABEL[kind], ident)).casefold())

    return sorted(options, key=score)


def new_id(label: str, taken: set[str]) -> str:
    """An id made from the label, unique, never a meaningless placeholder."""
    base = slug(label) or "entry"
    if base in _MEANINGLESS:
        base = f"{base}-{len(taken) + 1}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def make(state: MutableMapping[str, Any], curated: Curated, kind: str, label: str,
         defaults: dict[str, Any] | None = None) -> str:  # fmt: skip
    """A new entry of the kind, made from its label, offered on every record at once."""
    made = state.setdefault("made", {})
    taken = set(entries(curated, made, kind))
    ident = new_id(label, taken)
    entry = dict(defaults or {})
    entry |= {KINDS[kind]: ident, _LABEL[kind]: label.strip()}
    made.setdefault(kind, {})[ident] = entry
    return ident


def adopt(state: MutableMapping[str, Any], curated: Curated, rows: list[Row]) -> None:
    """Move the drafts' new metrics and actors into the session's codebook, once each; an
    actor's alias that names someone else (an NGO's name) or an unnamed speaker's is dropped;
    a metric whose draft id is a placeholder ('figure') gets an id from its label."""
    made = state.setdefault("made", {})
    names = {str(v).casefold() for a in curated.actors for v in
             (a.get("name"), a.get("actor_id"), *(a.get("aliases") or []))}  # fmt: skip
    for row in rows:
        for kind, draft in list(row.new.items()):
            field = KINDS.get(kind)
            if field is None:
                continue
            ident = str(draft.get(field))
            if ident in entries(curated, made, kind):
                continue
            entry = dict(draft)
            if kind == "actors":
                unnamed = entry.get("kind") == "unnamed" or not str(entry.get("name", "")).istitle()
                entry["aliases"] = [] if unnamed else [
                    a for a in entry.get("aliases") or [] if a.casefold() not in names
                ]  # fmt: skip
            if kind == "metrics" and ident in _MEANINGLESS:
                fresh = new_id(entry.get("label") or ident, set(entries(curated, made, kind)))
                _retarget(rows, "metrics", ident, fresh)
                ident = entry["metric_id"] = fresh
            if kind == "metrics":  # a unit or category the codebook lacks is made with it
                for name, sub in (("unit", "units"), ("category", "categories")):
                    value = str(entry.get(name) or "")
                    if value and value not in entries(curated, made, sub):
                        made.setdefault(sub, {})[value] = {
                            KINDS[sub]: value,
                            _LABEL[sub]: value,
                            _DEFINITION[sub]: "",
                        } | ({"kind": "count"} if sub == "units" else {})
            made.setdefault(kind, {})[ident] = entry
        row.new = {}


def stem(state: MutableMapping[str, Any], kind: str, ident: str) -> str:
    """The name a made entry's fields are keyed by (studio.made): its id when first drawn,
    kept through renames, so a field being typed in is the same widget after the entry is
    renamed or relabelled (a new key is a new, empty field: the words typed meanwhile lost)."""
    stems = state.setdefault("made-stems", {})
    if f"{kind}/{ident}" not in stems:
        taken = {v for k, v in stems.items() if k.startswith(f"{kind}/")}
        name, n = ident, 2
        while name in taken:  # another entry's fields already have this id's name
            name, n = f"{ident}~{n}", n + 1
        stems[f"{kind}/{ident}"] = name
    return str(stems[f"{kind}/{ident}"])


def uses(state: MutableMapping[str, Any], kind: str, ident: str) -> int:
    """How many records and other made entries name the entry (a metric its unit)."""
    named = [(r.record, "") for r in state.get("rows") or []]
    named += [(e, KINDS[k]) for k, es in (state.get("made") or {}).items() for e in es.values()]
    return sum(1 for rec, own in named for name, target in REFERENCES.items()
               if target == kind and name != own and rec.get(name) == ident)  # fmt: skip


def relabel(state: MutableMapping[str, Any], curated: Curated, kind: str, old: str,
            label: str) -> str:  # fmt: skip
    """A made entry given a new label, its id made anew from it and followed everywhere; its
    other fields kept (what the draft gave and what was typed meanwhile). Its id."""
    made = state["made"][kind]
    made[old][_LABEL[kind]] = label.strip()
    ident = new_id(label, set(entries(curated, state["made"], kind)) - {old})
    if ident != old:
        rename(state, kind, old, ident)
    # Its label field shows the label: a new widget (studio.keys), the only one replaced.
    keys.replace(state, f"{RELABELLED[kind]}-{stem(state, kind, ident)}", label.strip())
    return ident


def _retarget(rows: list[Row], kind: str, old: str, new: str) -> None:
    for row in rows:
        for name, target in REFERENCES.items():
            if target == kind and row.record.get(name) == old:
                row.record[name] = new


def rename(state: MutableMapping[str, Any], kind: str, old: str, new: str,
           t: Translator | None = None) -> str | None:  # fmt: skip
    """Rename a made entry everywhere it is used (records and other entries); the reason it
    cannot be (in ``t``'s language), else None. Published entries are never renamed here."""
    t = t or translator()
    made = state.setdefault("made", {}).setdefault(kind, {})
    if old not in made:
        return t.gettext("{id} is published: it keeps its id").format(id=old)
    new = slug(new, 12)
    if not new or new in _MEANINGLESS:
        return t.gettext("an id says what it names: use words")
    if new != old and new in made:
        return t.gettext("{id} is taken").format(id=new)
    entry = made.pop(old)
    entry[KINDS[kind]] = new
    made[new] = entry
    stems = state.setdefault("made-stems", {})
    if f"{kind}/{old}" in stems:  # its fields keep their widgets
        stems[f"{kind}/{new}"] = stems.pop(f"{kind}/{old}")
    _retarget(state.get("rows") or [], kind, old, new)  # its pickers show it anew (picker)
    for other in state["made"].values():
        for e in other.values():
            for name, target in REFERENCES.items():
                if target == kind and e.get(name) == old:
                    e[name] = new
    return None


def _known(kind: str, value: Any, options: dict[str, dict[str, Any]], made: dict) -> Any:
    """The id a picked value stands for. The browser may send a choice's shown words rather
    than its id (when the list of choices changed since it was drawn): mapped back here."""
    if not value or value in options:
        return value
    # "label · id (new) — definition": the label or definition may have changed since.
    # The "(new)" mark is in the studio's language: any words in brackets after the id.
    for ident in re.findall(r" · ([a-z0-9][a-z0-9-]*)(?= \([^)]*\)| — |$)", str(value)):
        if ident in options:
            return ident
    return value


def _picked(kind: str, key: str, curated: Curated, into: tuple[dict[str, Any], str]) -> None:
    """Widget callback: a pick written into a shared entry."""
    made = st.session_state.get("made", {})
    value = _known(kind, st.session_state.get(key), entries(curated, made, kind), made)
    st.session_state[key] = value
    into[0][into[1]] = value or None


def _typed(kind: str, key: str, typed: str, curated: Curated,
           into: tuple[dict[str, Any], str] | None) -> None:  # fmt: skip
    """Widget callback: a label typed makes a new entry, picked at once where it was typed;
    where the pick was a made entry named nowhere else (the draft's new metric), that entry
    takes the label instead, its fields kept: the same fields, so words typed in them while
    this run was going are not lost to a second, empty entry. The picker and the emptied
    field are new widgets (studio.keys): a browser still showing the old pick or the typed
    label cannot send them back (a second entry, the pick undone)."""
    state = st.session_state
    label = str(state.get(typed) or "").strip()
    keys.replace(state, f"{key}-new", "")
    if not label:
        return
    made = state.setdefault("made", {})
    now = into[0].get(into[1]) if into is not None else state.get(keys.current(state, key))
    now = _known(kind, now, entries(curated, made, kind), made)
    if now in made.get(kind, {}) and uses(state, kind, str(now)) <= 1 and kind in RELABELLED:
        ident = relabel(state, curated, kind, str(now), label)
    else:
        ident = make(state, curated, kind, label)
    keys.replace(state, key, ident)
    if into is not None:
        into[0][into[1]] = ident


def picker(label: str, kind: str, value: Any, key: str, *, curated: Curated,
           context: str = "", blank: bool = True, can_make: bool = True,
           into: tuple[dict[str, Any], str] | None = None) -> str | None:  # fmt: skip
    """A picker over a codebook kind: labels and definitions beside the ids, searched by words,
    likely choices first; below it, a label typed (and Enter) makes a new entry at once.

    ``into`` (an entry and its field) binds the picker to a shared entry: the entry's value is
    shown, and a pick is written there by callback."""
    state, t = st.session_state, language.words()
    made = state.setdefault("made", {})
    options = entries(curated, made, kind)
    ids = likely(options, kind, context)
    value = "" if value is None else str(value)
    choices = ([""] if blank else []) + ids
    if value not in choices:
        choices.append(value)
    widget = keys.current(state, key)
    if widget not in state:
        state[widget] = value
    else:
        now = _known(kind, state[widget], options, made)
        if now != value and (into is not None or now not in choices):
            # Changed behind the widget (its entry renamed, or picked where it was typed).
            widget = keys.replace(state, key, value)
        elif now != state[widget]:
            # The browser sends a choice's shown words, which change with its entry's label
            # or definition; Streamlit, not finding them among the choices, would show the
            # blank. The same choice, by its id (sent back, it maps to the same id again).
            state[widget] = now
    picked = st.selectbox(
        label,
        choices,
        key=widget,
        # The language is taken now: a format function may be called outside the run.
        format_func=lambda i: shown(kind, options.get(i), i, i in made.get(kind, {}), t),
        placeholder=t.gettext("type words to search"),
        on_change=None if into is None else _picked,
        args=None if into is None else (kind, widget, curated, into),
    )
    picked = _known(kind, picked, options, made)
    # The option's words are cut at the picker's width (stop 45's friction 15): the chosen
    # entry's definition whole under it, wrapped, at any width, in either language. In a slot
    # drawn on every run, so the fields below keep their place in the page when a pick gains
    # or loses a definition (else the browser redraws them, the old beside the new, mid-run).
    slot = st.empty()
    if about := definition(kind, options.get(picked or ""), t):
        slot.caption(md(about))
    if can_make:
        typed = keys.current(state, f"{key}-new")
        st.text_input(
            t.gettext("{field}: or a new one").format(field=label),
            key=typed,
            placeholder=t.gettext(_NEW_ONE.get(kind, _NEW_ONE["metrics"])),
            label_visibility="collapsed",
            on_change=_typed,
            args=(kind, key, typed, curated, into),
        )
    return picked or None
