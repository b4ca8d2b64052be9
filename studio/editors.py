"""The Review screen's editor of one candidate: pickers for every coded field, the new metric
or actor it needs created in place, and the check's problems shown on the field they concern."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from curation.suggest.guess import Curated
from curation.suggest.records import Row
from data_model.qualifiers import Qualifier
from data_model.records import (
    ID_FIELDS,
    ActorKind,
    ActorType,
    DatePrecision,
    EventKind,
    PolicyCategory,
    Position,
    Stance,
    StatementKind,
    Topic,
)
from data_model.safe_text import md


def _problems(record_id: str, name: str) -> None:
    """The check's words about this field, under it (as text: they quote the article)."""
    for message in st.session_state.get("problems", {}).get((record_id, name), []):
        st.error(md(message), icon=":material/error:")


def _pick(
    label: str, options: list[str], value: Any, key: str, *, blank: bool = True, new: str = ""
) -> str | None:
    """A picker over curated ids or allowed values; ``new`` is a draft id created in place."""
    choices = ([""] if blank else []) + list(options)
    if new and new not in choices:
        choices.append(new)
    value = "" if value is None else str(value)
    if value not in choices:
        choices.append(value)

    def shown(v: str) -> str:
        return "—" if v == "" else (f"{v} (new)" if v == new else v)

    picked = st.selectbox(label, choices, choices.index(value), key=key, format_func=shown)
    return picked or None


def _date(label: str, value: dt.date | None, key: str) -> dt.date | None:
    return st.date_input(label, value, key=key, format="YYYY-MM-DD")


def _ids(items: list[dict[str, Any]], field: str) -> list[str]:
    return [str(i[field]) for i in items if i.get(field)]


def _new_metric(n: int, draft: dict[str, Any], units: list[str], categories: list[str]) -> None:
    st.caption("New metric, created with this figure:")
    draft["label"] = st.text_input("Metric label", draft["label"], key=f"m-label-{n}")
    draft["unit"] = _pick("Unit", units, draft["unit"], f"m-unit-{n}", blank=False)
    draft["category"] = _pick("Category", categories, draft["category"], f"m-cat-{n}", blank=False)
    draft["definition"] = st.text_input(
        "What is counted, and what is not", draft["definition"], key=f"m-def-{n}"
    )
    _problems(draft["metric_id"], "definition")


def _new_actor(n: int, draft: dict[str, Any]) -> None:
    st.caption("New actor, created with this record:")
    draft["name"] = st.text_input("Name", draft["name"], key=f"a-name-{n}")
    draft["role"] = st.text_input("Role", draft["role"], key=f"a-role-{n}")
    draft["organisation"] = st.text_input("Organisation", draft["organisation"], key=f"a-org-{n}")
    draft["kind"] = _pick("Kind", [k.value for k in ActorKind], draft["kind"], f"a-kind-{n}",
                          blank=False)  # fmt: skip
    draft["actor_type"] = _pick(
        "Actor type", [t.value for t in ActorType], draft["actor_type"], f"a-type-{n}", blank=False
    )
    for name in ("role", "organisation"):
        _problems(draft["actor_id"], name)


def _actor_field(n: int, row: Row, field: str, curated: Curated) -> None:
    rec = row.record
    new = row.new.get("actors", {}).get("actor_id", "")
    rec[field] = _pick("Actor", _ids(curated.actors, "actor_id"), rec.get(field), f"actor-{n}",
                       new=new)  # fmt: skip
    _problems(str(rec.get(ID_FIELDS[row.kind], "")), field)
    if new and rec[field] == new:
        _new_actor(n, row.new["actors"])


def _figure(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["indicator_id"]
    new = row.new.get("metrics", {}).get("metric_id", "")
    rec["metric_id"] = _pick("Metric", _ids(curated.metrics, "metric_id"), rec["metric_id"],
                             f"metric-{n}", new=new)  # fmt: skip
    _problems(rid, "metric_id")
    if new and rec["metric_id"] == new:
        # Both lists are the curated data's, so a unit or category declared there is offered.
        units = _ids(curated.units, "unit_id") or [row.new["metrics"]["unit"]]
        categories = _ids(curated.categories, "category_id") or [row.new["metrics"]["category"]]
        _new_metric(n, row.new["metrics"], units, categories)
    if rec.get("vague"):
        st.caption(f"A vague amount: the article says {rec['vague']!r}, no number.")
    else:
        value = st.text_input("Value", "" if rec["value"] is None else f"{rec['value']:g}",
                              key=f"value-{n}")  # fmt: skip
        try:
            rec["value"] = float(value.replace(",", "")) if value.strip() else None
        except ValueError:
            st.error("The value must be a number, e.g. 1300 or 12.5.")
        _problems(rid, "value")
        rec["qualifier"] = _pick("Qualifier", [q.value for q in Qualifier], rec["qualifier"],
                                 f"qual-{n}")  # fmt: skip
    for name, label in (("period_start", "Period from"), ("period_end", "Period to"),
                        ("as_of", "As of")):  # fmt: skip
        rec[name] = _date(label, rec[name], f"{name}-{n}")
        _problems(rid, name)
    rec["phase_id"] = _pick("Phase", _ids(curated.phases, "phase_id"), rec["phase_id"],
                            f"phase-{n}")  # fmt: skip
    _problems(rid, "phase_id")
    _actor_field(n, row, "actor_id", curated)
    rec["attribution"] = st.text_input("Attribution (the article's words)",
                                       rec["attribution"] or "", key=f"attr-{n}") or None  # fmt: skip
    _problems(rid, "attribution")


def _statement(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["statement_id"]
    _actor_field(n, row, "actor_id", curated)
    rec["kind"] = _pick("Kind", [k.value for k in StatementKind], rec["kind"], f"kind-{n}",
                        blank=False)  # fmt: skip
    _problems(rid, "quote")
    rec["topic"] = _pick("Topic", [t.value for t in Topic], rec["topic"], f"topic-{n}")
    rec["stance"] = _pick("Stance", [s.value for s in Stance], rec["stance"], f"stance-{n}")
    rec["said_on"] = _date("Said on", rec["said_on"], f"said-{n}")


def _policy(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["policy_id"]
    rec["name"] = st.text_input("Name of the measure", rec["name"], key=f"p-name-{n}")
    _problems(rid, "name")
    rec["description"] = st.text_input("What is proposed", rec["description"], key=f"p-desc-{n}")
    _problems(rid, "description")
    rec["category"] = _pick("Category", [c.value for c in PolicyCategory], rec["category"],
                            f"p-cat-{n}", blank=False)  # fmt: skip
    _actor_field(n, row, "proposed_by", curated)
    rec["proposed_on"] = _date("Proposed on", rec["proposed_on"], f"p-date-{n}")


def _position(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["position_id"]
    policies = {str(p["policy_id"]): str(p.get("name", "")) for p in curated.policies
                if p.get("policy_id")}  # fmt: skip
    rec["policy_id"] = _pick("On the proposal", list(policies), rec["policy_id"], f"pos-pol-{n}")
    if rec["policy_id"] in policies:
        st.caption(md(policies[rec["policy_id"]]))
    _problems(rid, "policy_id")
    _actor_field(n, row, "actor_id", curated)
    rec["position"] = _pick("Position", [p.value for p in Position], rec["position"],
                            f"pos-pos-{n}", blank=False)  # fmt: skip
    rec["kind"] = _pick("Kind", [k.value for k in StatementKind], rec["kind"], f"pos-kind-{n}",
                        blank=False)  # fmt: skip
    _problems(rid, "quote")
    rec["actor_role"] = st.text_input("Role as this article gives it (if another)",
                                      rec.get("actor_role") or "", key=f"pos-role-{n}") or None  # fmt: skip
    rec["relayed_by"] = _pick("Relayed by (second-hand only)", _ids(curated.actors, "actor_id"),
                              rec.get("relayed_by"), f"pos-relay-{n}")  # fmt: skip
    _problems(rid, "relayed_by")


def _event(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["event_id"]
    rec["title"] = st.text_input("Title", rec["title"], key=f"e-title-{n}")
    rec["kind"] = _pick("Kind", [k.value for k in EventKind], rec["kind"], f"e-kind-{n}",
                        blank=False)  # fmt: skip
    rec["event_date"] = _date("Date", rec["event_date"], f"e-date-{n}")
    _problems(rid, "event_date")
    rec["date_precision"] = _pick("Known to the", [p.value for p in DatePrecision],
                                  rec["date_precision"], f"e-prec-{n}", blank=False)  # fmt: skip


EDITORS = {"indicators": _figure, "statements": _statement, "policies": _policy,
           "positions": _position, "events": _event}  # fmt: skip


def row_editor(n: int, row: Row, curated: Curated) -> None:
    """The fields of one candidate, each a picker where the codebook names the values."""
    editor = EDITORS.get(row.kind)
    if editor is not None:
        editor(n, row, curated)
