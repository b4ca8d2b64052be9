"""The check's problems where a researcher fixes them: each on its card, named by the label of
the field it concerns (a new entry's under the card its fields are drawn under), never a bare
'required field is missing' away from any field."""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

import streamlit as st

from data_model.i18n import N_, Translator
from data_model.safe_text import md

#: The problems this card's run has shown under their fields (record id, field).
_SHOWN = "problems-shown"
#: The label of each field a problem may name, by the kind of record or codebook entry: the
#: same words as the field's own label (studio.editors, studio.made).
_FIELDS = {
    "indicators": {"metric_id": N_("Metric"), "value": N_("Value"),
                   "value_to": N_("Up to (the range's high end)"),
                   "qualifier": N_("Qualifier (the hedge)"), "period_start": N_("Period from"),
                   "period_end": N_("Period to"), "as_of": N_("As of"), "phase_id": N_("Phase"),
                   "geography": N_("Geography (as the article gives it)"),
                   "actor_id": N_("Actor"), "attribution": N_("Attribution (the article's words)"),
                   "restates": N_("Restates (the better-specified figure)")},
    "statements": {"actor_id": N_("Speaker"), "kind": N_("Kind"), "topic": N_("Topic"),
                   "stance": N_("Stance"), "said_on": N_("Said on"),
                   "relayed_by": N_("Relayed by (second-hand only)")},
    "policies": {"name": N_("Name of the measure"), "description": N_("What is proposed"),
                 "category": N_("Category"), "proposed_by": N_("Proposed by"),
                 "proposed_on": N_("Proposed on")},
    "positions": {"policy_id": N_("On the proposal"), "actor_id": N_("Actor"),
                  "position": N_("Position"), "kind": N_("Kind"),
                  "relayed_by": N_("Relayed by (second-hand only)")},
    "events": {"title": N_("Title"), "kind": N_("Kind"), "event_date": N_("Date")},
    "metrics": {"label": N_("Metric label"), "definition": N_("What is counted, and what is not"),
                "unit": N_("Unit"), "category": N_("Category")},
    "actors": {"name": N_("Name"), "role": N_("Role"), "organisation": N_("Organisation"),
               "kind": N_("Kind"), "actor_type": N_("Actor type")},
    "units": {"label": N_("Unit label"), "kind": N_("Unit kind"),
              "currency": N_("Currency (ISO 4217, e.g. USD)"), "definition": N_("What one of it is")},
    "categories": {"label": N_("Category label"), "description": N_("Which metrics belong here")},
}  # fmt: skip


def field_words(t: Translator, kind: str, field: str) -> str:
    """The field's label in ``t``'s language; a field without one (the quote) as the YAML
    names it."""
    word = _FIELDS.get(kind, {}).get(field)
    return t.gettext(word) if word else field


def begin(state: MutableMapping[str, Any]) -> None:
    """A card's fields are about to be drawn: none of its problems shown yet."""
    state[_SHOWN] = set()


def under_field(t: Translator, kind: str, record_id: str, field: str) -> None:
    """The check's words about this field, under it, named by its label (as text: they
    quote the article); noted as shown, so the card does not list them again."""
    state = st.session_state
    for message in state.get("problems", {}).get((record_id, field), []):
        st.error(md(f"{field_words(t, kind, field)}: {message}"), icon=":material/error:")
        state.setdefault(_SHOWN, set()).add((record_id, field))


def rest(t: Translator, kind: str, record_id: str, hosted: Iterable[tuple[str, str, str]]) -> None:
    """The card's problems no field above showed: its own, and those of the new entries whose
    fields it holds (``hosted``: kind, id, name), each named '<entry> · <field>: <words>'."""
    state = st.session_state
    shown = state.get(_SHOWN) or set()
    owners = {record_id: (kind, "")} | {ident: (k, name) for k, ident, name in hosted}
    for (record, field), messages in (state.get("problems") or {}).items():
        if record not in owners or (record, field) in shown:
            continue
        owner, name = owners[record]
        where = f"{name} · " if name else ""
        for message in messages:
            st.error(md(f"{where}{field_words(t, owner, field)}: {message}"),
                     icon=":material/error:")  # fmt: skip
