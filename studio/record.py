"""The Review screen's one candidate, its card, fields and Accept and Reject, drawn as a fragment
of its own: a field changed, an Accept or a Reject reruns this card (and what shows it), not the
whole screen with every open record's editor (issue 22)."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from curation.reasons import say, visible
from curation.suggest.records import NO_CURATED, Row
from data_model.i18n import Translator
from data_model.records import ID_FIELDS
from data_model.safe_text import md
from studio import problems, session
from studio.codebook import CHANGED, KIND_LABELS
from studio.editors import number_text, row_editor
from studio.language import shortened, words
from studio.language import state as in_words
from studio.made import host, uses

#: A decision (record, status) clicked, taken once the record's fields are written.
DECIDED = "decided-record"
#: The fragment of the clean text beside the cards, whose highlights follow each record's status.
CLEAN_TEXT = "clean-text"


def card_key(n: int) -> str:
    """The name of candidate ``n``'s fragment, which st.rerun targets."""
    return f"card-{n}"


def record(n: int, seeds_dir: Path) -> None:
    """Candidate ``n``'s card, a fragment named for it (each card its own, so an Accept reruns
    the one card, where every card of one function would rerun together)."""
    st.fragment(key=card_key(n))(_card)(n, seeds_dir)


def _decide(n: int, status: str) -> None:
    """Widget callback (Accept, Reject): the decision noted, then a run of what shows it only:
    the record's card (its fields written first, then drawn closed, its new status in its
    title: studio.record._editor), the clean text's highlights, and the other open figures,
    whose Restates picker offers the accepted figures. The other cards are not drawn again:
    a curator's click waits for one card, not for every editor on the screen."""
    rows = st.session_state["rows"]
    st.session_state[DECIDED] = (n, status)
    shown = [card_key(n), CLEAN_TEXT]
    if rows[n].kind == "indicators":
        shown += [card_key(m) for m, r in enumerate(rows)
                  if m != n and r.kind == "indicators" and r.status == "open"]  # fmt: skip
    st.rerun(shown)


def _card(n: int, seeds_dir: Path) -> None:
    """The card: its title (kind, status, the article's words), drawn open while the record
    is open or the check flags it, the editor inside only when open (each widget costs a run
    a pass over the session's keys). What other records show runs the whole screen again
    (st.rerun's default scope): a codebook entry made, renamed or picked (every record's
    pickers; the one record an entry's fields are drawn under), a made entry's label changed.
    The work is kept as a draft here too, since a run of this card alone does not reach the
    end of the app's script."""
    state, t = st.session_state, words()
    rows = state["rows"]
    if state.pop(CHANGED, False):
        st.rerun()
    row, made = rows[n], state.setdefault("made", {})
    flagged_ids = {record for record, _ in state.get("problems") or {}}
    # Flagged too when the check names a new entry whose fields this card holds.
    own = {str(row.record.get(ID_FIELDS[row.kind]))} | {i for _, i, _ in _hosted(n, made)}
    flagged = bool(own & flagged_ids)
    label = " · ".join((t.gettext(KIND_LABELS[row.kind]), in_words(t, row.status), *_value(row, t),
                        shortened(str(state.get("body") or "")[row.start : row.end], 70)))  # fmt: skip
    box = st.expander(label, expanded=row.status == "open" or flagged, on_change="rerun",
                      key=f"record-{n}-{row.status}{'-flagged' * flagged}")  # fmt: skip
    if box.open:
        with box:
            _editor(n, row, made, state, t)
    if not state.get("submitted"):
        session.keep(state, seeds_dir)


def _hosted(n: int, made: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The new entries whose fields are drawn under card ``n`` (studio.made.host): kind, id,
    and its label or name."""
    rows = st.session_state.get("rows") or []
    return [(kind, ident, str(entry.get("label") or entry.get("name") or ident))
            for kind, ident in sorted(uses(rows[n], made))
            if (entry := made.get(kind, {}).get(ident)) is not None
            and host(rows, made, kind, ident) == n]  # fmt: skip


def named(rows: list[Row], ident: str, t: Translator) -> str:
    """A record as a researcher knows it on Coverage, its kind in words and a figure's value
    ('figure 800–950', 'statement'), never its id alone ('ppp-2023-07-03-...-figure-1')."""
    row = next((r for r in rows if str(r.record.get(ID_FIELDS[r.kind])) == ident), None)
    if row is None:
        return ident
    return " ".join((t.gettext(KIND_LABELS[row.kind]), *_value(row, t)))


def _value(row: Row, t: Translator) -> tuple[str, ...]:
    """A figure's value as its title gives it (two figures of one sentence told apart without
    opening them): '2,100', a range '800–950', in ``t``'s digits (Khmer '២.១០០'); nothing for
    other records or a vague amount."""
    rec = row.record
    if row.kind != "indicators" or rec.get("value") is None:
        return ()
    high = f"–{number_text(rec['value_to'])}" if rec.get("value_to") is not None else ""
    return (t.number_text(f"{number_text(rec['value'])}{high}"),)


def _editor(n: int, row: Row, made: dict[str, Any], state: MutableMapping[str, Any],
            t: Translator) -> None:  # fmt: skip
    """The record's fields, then Accept and Reject."""
    used = uses(row, made)
    where = t.gettext("characters {start}-{end}").format(start=row.start, end=row.end)
    # The draft's notes are etl suggest's English, rendered in the reader's language.
    read = t.gettext("how the draft read it: {notes}").format(
        notes="; ".join(visible(say(t, note)) for note in row.notes)
    )
    st.caption(md(f"{where}; {read}" if row.notes else where))
    problems.begin(state)
    row_editor(n, row, state.get("curated") or NO_CURATED)
    problems.rest(t, row.kind, str(row.record.get(ID_FIELDS[row.kind])), _hosted(n, made))
    accept, reject = st.columns(2)
    accept.button(t.gettext("Accept"), key=f"accept-{n}", on_click=_decide, args=(n, "accepted"))
    reject.button(t.gettext("Reject"), key=f"reject-{n}", on_click=_decide, args=(n, "rejected"))
    if (decided := state.get(DECIDED)) and decided[0] == n:
        # Taken after the fields: words typed and sent with the click are the record's.
        del state[DECIDED]
        row.status = decided[1]
        try:
            st.rerun(scope="fragment")  # the card (closed), the text and the figures again
        except StreamlitAPIException:  # a full run (another field's callback came with it)
            st.rerun()
    if uses(row, made) != used:
        st.rerun()
