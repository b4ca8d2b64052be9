"""The Review screen's one candidate, its fields and its Accept and Reject, drawn as a fragment:
a field changed reruns this record only, where it reran the whole screen (issue 22)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from curation.reasons import say
from curation.suggest.records import NO_CURATED
from data_model.safe_text import md
from studio import session
from studio.codebook import CHANGED
from studio.editors import row_editor
from studio.language import words
from studio.made import uses


@st.fragment
def record(n: int, seeds_dir: Path) -> None:
    """Candidate ``n``'s fields. What other records or the text beside them show runs the whole
    screen again (st.rerun's default scope): Accept and Reject (the highlights, the counts), a
    codebook entry made, renamed or picked (every record's pickers; the one record an entry's
    fields are drawn under), a made entry's label changed. The work is kept as a draft here
    too, since a run of this record alone does not reach the end of the app's script."""
    state, t = st.session_state, words()
    rows = state["rows"]
    if state.pop(CHANGED, False):
        st.rerun()
    row, made = rows[n], state.setdefault("made", {})
    used = uses(row, made)
    where = t.gettext("characters {start}-{end}").format(start=row.start, end=row.end)
    # The draft's notes are etl suggest's English, rendered in the reader's language.
    read = t.gettext("how the draft read it: {notes}").format(
        notes="; ".join(say(t, note) for note in row.notes)
    )
    st.caption(md(f"{where}; {read}" if row.notes else where))
    row_editor(n, row, state.get("curated") or NO_CURATED)
    accept, reject = st.columns(2)
    if accept.button(t.gettext("Accept"), key=f"accept-{n}"):
        row.status = "accepted"
        st.rerun()
    if reject.button(t.gettext("Reject"), key=f"reject-{n}"):
        row.status = "rejected"
        st.rerun()
    if uses(row, made) != used:
        st.rerun()
    if not state.get("submitted"):
        session.keep(state, seeds_dir)
