"""The Review screen's editor of one candidate: pickers for every coded field (codebook entries
by label and definition, made in place and shared), and the check's problems on their field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import streamlit as st

from curation.reasons import say, visible
from curation.suggest.guess import Curated
from curation.suggest.records import Row
from data_model.i18n import N_, Translator
from data_model.qualifiers import Qualifier
from data_model.records import (
    EARLIEST_DATE,
    FUTURE_DAYS,
    ID_FIELDS,
    DatePrecision,
    EventKind,
    PolicyCategory,
    Position,
    Stance,
    StatementKind,
    Topic,
)
from data_model.safe_text import md
from studio import keys, khmer, problems
from studio.codebook import picker
from studio.language import code, words
from studio.made import made_editor


def _problems(record_id: str, name: str) -> None:
    """The check's words about this field, under it, named by its label (studio.problems)."""
    rows = st.session_state.get("rows") or []
    kind = next((r.kind for r in rows if str(r.record.get(ID_FIELDS[r.kind])) == record_id), "")
    problems.under_field(words(), kind, record_id, name)


def _said(row: Row, name: str, before: dict[str, Any]) -> str | None:
    """The draft's confidence and reason for a field it filled ("98%: ..."), as `etl suggest`
    prints them beside the value; None for a field left blank (its reason is said where the
    draft offers it: a date's offer, a blank geography) or filled by the curator. A field the
    curator changed loses its reason: it was the draft's value's, not theirs."""
    why, value = str(row.why.get(name) or ""), row.record.get(name)
    if why and value != before.get(name):
        row.why.pop(name, None)
        return None
    if not why or why.startswith("0%") or value in (None, "", []):
        return None  # "0%": a blank's reason, or an offered date the curator took
    return why


def _why(row: Row, name: str, before: dict[str, Any]) -> None:
    """Under a field the draft filled: how sure it was and why, in the reader's language (the
    reason's parts rendered by curation.reasons), the article's words as written."""
    if (why := _said(row, name, before)) is not None:
        t = words()
        st.caption(md(visible(t.gettext("The draft's guess, {why}").format(why=say(t, why)))))


def _dates_why(row: Row, before: dict[str, Any], fields: tuple[tuple[str, str], ...]) -> None:
    """Under a figure's dates, one line per reason, naming the dates it is for: a period's ends
    and its as-of are most often read from the same words (three times the same reason would
    crowd a phone's screen)."""
    said = {name: why for name, _ in fields if (why := _said(row, name, before)) is not None}
    t = words()
    for why in dict.fromkeys(said.values()):
        named = ", ".join(label for name, label in fields if said.get(name) == why)
        st.caption(md(visible(t.gettext("{fields}: the draft's guess, {why}")
                              .format(fields=named, why=say(t, why)))))  # fmt: skip


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

    t = words()

    def shown(v: str) -> str:
        return "—" if v == "" else (v + t.gettext(" (new)") if v == new else code(t, v))

    picked = st.selectbox(label, choices, choices.index(value), key=key, format_func=shown)
    return picked or None


def _clear(key: str, rec: dict[str, Any], name: str) -> None:
    """Widget callback: the date taken away (a blank beats a wrong guess), in a new field (a
    browser still showing the date would send it back with the next click: studio.keys)."""
    rec[name] = None
    keys.replace(st.session_state, key)


def _date(label: str, value: dt.date | None, key: str, rec: dict[str, Any] | None = None,
          name: str = "") -> dt.date | None:  # fmt: skip
    """A date, and beside it a button clearing it (a typed date's segments cannot be emptied)."""
    t = words()
    field, clear = st.columns([5, 1], vertical_alignment="bottom")
    with field:
        picked = st.date_input(label, value, key=keys.current(st.session_state, key),
                               format="YYYY-MM-DD",
                               min_value=EARLIEST_DATE,
                               max_value=dt.date.today() + dt.timedelta(days=FUTURE_DAYS))  # fmt: skip
    if rec is not None and picked is not None:
        clear.button(t.gettext("Clear"), key=f"clear-{key}", on_click=_clear,
                     args=(key, rec, name),
                     help=t.gettext("Empty it: the article does not say"))  # fmt: skip
    return picked


def number_text(value: float | None) -> str:
    """A figure as a person writes it: 2,500,000 (never 2.5e+06), 12.5, 3,554.13."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6f}".rstrip("0")


def _number(label: str, rec: dict[str, Any], name: str, key: str) -> float | None:
    """A number typed as a person writes it (2,500,000 or 12.5); blank is empty."""
    typed = st.text_input(label, number_text(rec.get(name)), key=key)
    try:
        return float(typed.replace(",", "")) if typed.strip() else None
    except ValueError:
        st.error(words().gettext("{field} must be a number, e.g. 1300 or 12.5.")
                 .format(field=label.split(" (")[0]))  # fmt: skip
        return rec.get(name)


def _actor_field(n: int, row: Row, field: str, curated: Curated, label: str = "") -> None:
    rec, before = row.record, dict(row.record)
    label = label or words().gettext("Actor")
    rec[field] = picker(label, "actors", rec.get(field), f"{field.split('_')[0]}-{n}"
                        if field != "actor_id" else f"actor-{n}", curated=curated,
                        context=rec.get("quote") or "")  # fmt: skip
    _why(row, field, before)
    _problems(str(rec.get(ID_FIELDS[row.kind], "")), field)
    if rec[field]:
        made_editor("actors", rec[field], n, curated)


def _figure(n: int, row: Row, curated: Curated) -> None:
    rec, rid, t = row.record, row.record["indicator_id"], words()
    before = dict(rec)  # the fields as drafted (or last drawn): a change drops its reason
    rec["metric_id"] = picker(t.gettext("Metric"), "metrics", rec["metric_id"], f"metric-{n}",
                              curated=curated, context=rec.get("quote") or "")  # fmt: skip
    _why(row, "metric_id", before)
    _problems(rid, "metric_id")
    if rec["metric_id"]:
        made_editor("metrics", rec["metric_id"], n, curated)
    if rec.get("vague"):
        st.caption(t.gettext("A vague amount: the article says {words}, no number.")
                   .format(words=repr(rec["vague"])))  # fmt: skip
    else:
        rec["value"] = _number(t.gettext("Value"), rec, "value", f"value-{n}")
        _why(row, "value", before)
        _problems(rid, "value")
        rec["qualifier"] = _pick(t.gettext("Qualifier (the hedge)"), [q.value for q in Qualifier],
                                 rec["qualifier"], f"qual-{n}")  # fmt: skip
        _why(row, "qualifier", before)
        if rec["qualifier"] == Qualifier.between:
            # A range keeps both ends: "between 300 and 400" is 300 to 400, never one number.
            rec["value_to"] = _number(t.gettext("Up to (the range's high end)"), rec,
                                      "value_to", f"value-to-{n}")  # fmt: skip
            _problems(rid, "value_to")
        else:
            rec["value_to"] = None
    dates = (("period_start", t.gettext("Period from")), ("period_end", t.gettext("Period to")),
             ("as_of", t.gettext("As of")))  # fmt: skip
    for name, label in dates:
        rec[name] = _date(label, rec[name], f"{name}-{n}", rec, name)
        _problems(rid, name)
    _dates_why(row, before, dates)
    _offer(n, row)
    rec["phase_id"] = picker(t.gettext("Phase"), "phases", rec["phase_id"], f"phase-{n}", curated=curated,
                             can_make=False)  # fmt: skip
    _problems(rid, "phase_id")
    rec["geography"] = st.text_input(t.gettext("Geography (as the article gives it)"),
                                     rec.get("geography") or "", key=f"geo-{n}") or None  # fmt: skip
    _why(row, "geography", before)
    if not rec["geography"]:  # the draft left it blank (two places, a provincial story): asked
        said = str(row.why.get("geography", ""))
        # The draft's reason in the reader's language (curation.reasons), its "NN%: " dropped.
        st.caption(t.gettext("Say the area the figure covers: national, or the place as the "
                             "article gives it.") + (" " + t.gettext(
                                 "(the draft's reason: {why})").format(
                                 why=say(t, said.split(": ", 1)[-1])) if said else ""))  # fmt: skip
    _problems(rid, "geography")
    _actor_field(n, row, "actor_id", curated)
    rec["attribution"] = st.text_input(t.gettext("Attribution (the article's words)"),
                                       rec["attribution"] or "", key=f"attr-{n}") or None  # fmt: skip
    _problems(rid, "attribution")
    figures = [str(r.record["indicator_id"]) for r in st.session_state.get("rows") or []
               if r.kind == "indicators" and r.status == "accepted"
               and r.record.get("indicator_id") != rid]  # fmt: skip
    rec["restates"] = _pick(t.gettext("Restates (the better-specified figure)"), figures,
                            rec.get("restates"), f"restates-{n}")  # fmt: skip
    if rec["restates"]:
        rec["restates_note"] = st.text_input(t.gettext("Why it is a restatement"),
                                             rec.get("restates_note") or "",
                                             key=f"restates-note-{n}") or None  # fmt: skip
    _problems(rid, "restates")
    english, own = st.columns(2)  # a drafted note ("a range: ...") is public: seen, edited here
    rec["note"] = english.text_input(t.gettext("Note for readers (a caveat, shown beside it)"),
                                     rec.get("note") or "", key=f"f-note-{n}") or None  # fmt: skip
    with own:
        rec["note_km"] = khmer.field(t.gettext("That note in Khmer (optional)"),
                                     rec.get("note_km"), f"f-note-km-{n}", is_label=False)  # fmt: skip


def _take(n: int, row: Row) -> None:
    """Widget callback: the suggested dates filled in, their pickers showing them."""
    for name in row.take_offer():  # a fresh picker showing it (studio.keys: why)
        keys.replace(st.session_state, f"{name}-{n}", row.record[name])


def _offer(n: int, row: Row) -> None:
    """Dates the draft only inferred (from another sentence or the dateline): left blank,
    offered here with the reason, taken in one click."""
    open_ = {k: v for k, v in row.offers.items() if v is not None and row.record.get(k) is None}
    if not open_:
        return
    why = next((w for k, w in row.why.items() if k in open_ and "suggested, not" in w), "")
    t = words()
    # The dates said from their parts, the draft's reason rendered after them, in either
    # language ("as_of 2024-01-31" and a reason cut before its confidence read as code).
    dates = ", ".join(f"{t.gettext(DATE_WORDS.get(k, k))} {_day(t, v)}" for k, v in
                      open_.items())  # fmt: skip
    said = t.gettext("suggested, not filled: {dates}").format(dates=dates)
    if reason := _offer_reason(why):
        said += " " + t.gettext("(the draft's reason: {why})").format(why=say(t, reason))
    said = visible(said)  # the article's words as written, U+200B never '\u200b'
    st.caption(md(f"{said[:1].upper()}{said[1:]}"))  # "Suggested, not filled: as_of ... (why)"
    st.button(t.gettext("Use the suggested dates"), key=f"offer-{n}", on_click=_take,
              args=(n, row))  # fmt: skip


#: The reason of an offer, as curation.suggest words it: "suggested, not filled: as_of 2024-01-31
#: (60%: REASON)" (records.py), or "... (suggested, not filled; REASON)" (confidence.py).
_OFFERED = re.compile(r"suggested, not filled(?:: [^(]*\((.+)\)|; (.+)\))$", re.S)
#: A date left blank under its bar (confidence.py): how sure it was, why not sure enough, then
#: the reason it was read by.
_UNDER = re.compile(
    r"left blank: [^(]*? was (\d+)% sure, (.+) \(suggested, not filled; (.+)\)$", re.S
)


def _offer_reason(why: str) -> str:
    """An offer's reason as a filled date's reads ("60%: REASON; its kind of reason ... was
    right 5 of 19 on unseen articles, under the 95% ... a filled date needs"): how sure, why,
    and why that was not enough to fill it; "" when the draft gave none."""
    if under := _UNDER.search(why):
        return f"{under[1]}%: {under[3]}; {under[2]}"
    found = _OFFERED.search(why)
    return next((g for g in found.groups() if g), "") if found else ""


#: The date fields a draft may offer, in the words their pickers are labelled with.
DATE_WORDS = {"period_start": N_("Period from"), "period_end": N_("Period to"),
              "as_of": N_("As of"), "said_on": N_("Said on"), "proposed_on": N_("Proposed on"),
              "event_date": N_("Date")}  # fmt: skip


def _day(t: Translator, value: object) -> str:
    try:
        return t.date(value)
    except (TypeError, ValueError):
        return str(value)


def _role(n: int, rec: dict[str, Any]) -> None:
    english, own, t = *st.columns(2), words()
    rec["actor_role"] = english.text_input(t.gettext("Role as this article gives it (if another)"),
                                           rec.get("actor_role") or "", key=f"role-{n}") or None  # fmt: skip
    with own:
        rec["actor_role_km"] = khmer.field(
            t.gettext("That role in Khmer (optional)"), rec.get("actor_role_km"),
            f"role-km-{n}", is_label=False,
        )  # fmt: skip


def _statement(n: int, row: Row, curated: Curated) -> None:
    rec, rid, t = row.record, row.record["statement_id"], words()
    before = dict(rec)
    _actor_field(n, row, "actor_id", curated, t.gettext("Speaker"))
    _role(n, rec)
    rec["kind"] = _pick(t.gettext("Kind"), [k.value for k in StatementKind], rec["kind"],
                        f"kind-{n}", blank=False)  # fmt: skip
    _why(row, "kind", before)
    _problems(rid, "quote")
    rec["topic"] = _pick(t.gettext("Topic"), [v.value for v in Topic], rec["topic"], f"topic-{n}")
    _why(row, "topic", before)
    rec["stance"] = _pick(t.gettext("Stance"), [v.value for v in Stance], rec["stance"],
                          f"stance-{n}")  # fmt: skip
    _why(row, "stance", before)
    rec["said_on"] = _date(t.gettext("Said on"), rec["said_on"], f"said-{n}", rec, "said_on")
    _why(row, "said_on", before)
    rec["relayed_by"] = picker(t.gettext("Relayed by (second-hand only)"), "actors",
                               rec.get("relayed_by"), f"relay-{n}", curated=curated)  # fmt: skip
    english, own = st.columns(2)
    rec["note"] = english.text_input(t.gettext("Note for readers (a caveat, shown beside it)"),
                                     rec.get("note") or "", key=f"note-{n}") or None  # fmt: skip
    with own:
        rec["note_km"] = khmer.field(t.gettext("That note in Khmer (optional)"),
                                     rec.get("note_km"), f"note-km-{n}", is_label=False)  # fmt: skip


def _policy(n: int, row: Row, curated: Curated) -> None:
    rec, rid = row.record, row.record["policy_id"]
    t, (english, own), before = khmer.words(), st.columns(2), dict(row.record)
    rec["name"] = english.text_input(t.gettext("Name of the measure"), rec["name"],
                                     key=f"p-name-{n}")  # fmt: skip
    with own:
        rec["label_km"] = khmer.field(t.gettext("Name of the measure in Khmer (optional)"),
                                      rec.get("label_km"), f"p-name-km-{n}", is_label=True)  # fmt: skip
    _why(row, "name", before)
    _problems(rid, "name")
    english, own = st.columns(2)
    rec["description"] = english.text_input(t.gettext("What is proposed"), rec["description"],
                                            key=f"p-desc-{n}")  # fmt: skip
    with own:
        rec["description_km"] = khmer.field(t.gettext("What is proposed, in Khmer (optional)"),
                                            rec.get("description_km"), f"p-desc-km-{n}",
                                            is_label=False)  # fmt: skip
    _problems(rid, "description")
    rec["category"] = _pick(t.gettext("Category"), [c.value for c in PolicyCategory],
                            rec["category"], f"p-cat-{n}", blank=False)  # fmt: skip
    _why(row, "category", before)
    _actor_field(n, row, "proposed_by", curated, t.gettext("Proposed by"))
    rec["proposed_on"] = _date(t.gettext("Proposed on"), rec["proposed_on"], f"p-date-{n}", rec,
                               "proposed_on")  # fmt: skip
    _why(row, "proposed_on", before)


def _position(n: int, row: Row, curated: Curated) -> None:
    rec, rid, t = row.record, row.record["position_id"], words()
    before = dict(rec)
    rec["policy_id"] = picker(t.gettext("On the proposal"), "policies", rec["policy_id"], f"pos-pol-{n}",
                              curated=curated, context=rec.get("quote") or "",
                              can_make=False)  # fmt: skip
    _why(row, "policy_id", before)
    _problems(rid, "policy_id")
    _actor_field(n, row, "actor_id", curated)
    rec["position"] = _pick(t.gettext("Position"), [p.value for p in Position], rec["position"],
                            f"pos-pos-{n}", blank=False)  # fmt: skip
    _why(row, "position", before)
    rec["kind"] = _pick(t.gettext("Kind"), [k.value for k in StatementKind], rec["kind"],
                        f"pos-kind-{n}", blank=False)  # fmt: skip
    _why(row, "kind", before)
    _problems(rid, "quote")
    _role(n, rec)
    rec["relayed_by"] = picker(t.gettext("Relayed by (second-hand only)"), "actors",
                               rec.get("relayed_by"), f"pos-relay-{n}", curated=curated)  # fmt: skip
    _problems(rid, "relayed_by")


def _event(n: int, row: Row, curated: Curated) -> None:
    rec, rid, t = row.record, row.record["event_id"], words()
    english, own, before = *st.columns(2), dict(rec)
    rec["title"] = english.text_input(t.gettext("Title"), rec["title"], key=f"e-title-{n}")
    with own:
        rec["title_km"] = khmer.field(t.gettext("Title in Khmer (optional)"),
                                      rec.get("title_km"), f"e-title-km-{n}", is_label=False)  # fmt: skip
    rec["kind"] = _pick(t.gettext("Kind"), [k.value for k in EventKind], rec["kind"],
                        f"e-kind-{n}", blank=False)  # fmt: skip
    _why(row, "kind", before)
    rec["event_date"] = _date(t.gettext("Date"), rec["event_date"], f"e-date-{n}", rec,
                              "event_date")  # fmt: skip
    _why(row, "event_date", before)
    _problems(rid, "event_date")
    rec["date_precision"] = _pick(t.gettext("Known to the"), [p.value for p in DatePrecision],
                                  rec["date_precision"], f"e-prec-{n}", blank=False)  # fmt: skip


EDITORS = {"indicators": _figure, "statements": _statement, "policies": _policy,
           "positions": _position, "events": _event}  # fmt: skip


def row_editor(n: int, row: Row, curated: Curated) -> None:
    """The fields of one candidate, each a picker where the codebook names the values."""
    editor = EDITORS.get(row.kind)
    if editor is not None:
        editor(n, row, curated)
