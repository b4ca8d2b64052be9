"""The curation studio: open or add an article, review its draft records, save them for a second
editor's approval, approve others' work, compare two researchers' coding."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import streamlit as st

from corpus.load import SEEDS
from corpus.sentences import sentences
from curation.add_article import AddRefused, add_article
from curation.suggest.guess import curated_lists
from curation.suggest.records import NO_CURATED, Row, draft_rows
from data_model.records import DatePrecision
from data_model.safe_text import md
from studio import agreement, drafts, history, publish, screens, session, store
from studio.access import gate
from studio.changes import build_log
from studio.codebook import KIND_LABELS, adopt
from studio.coverage import coverage, not_coded, reasons
from studio.editors import row_editor
from studio.passage import KINDS, passage_row, trimmed
from studio.review import accepted
from studio.selection import selectable_text

SCREENS = ["Open", "Add", "Review", "Coverage", "Save", "Approve", "Agreement", "Changes"]
SEEDS_DIR = Path(os.environ.get("STUDIO_SEEDS", SEEDS))
DB_PATH = Path(os.environ.get("MONITOR_DB", SEEDS.parent / "data" / "monitor.duckdb"))
STATE = st.session_state


@st.cache_resource
def _warm_build() -> None:
    """Start the warm build process once per studio (etl.warm), so a Save is a fork of it."""
    store.warm_build()


_warm_build()
#: Record ids listed per article and build; a first build adds every record there is.
SHOWN_IDS = 12

st.set_page_config(page_title="Curation studio", layout="wide")
st.title("Curation studio")
SIGNED_IN = gate()  # stops here unless local, or a logged-in editor when deployed
# One person alone on their own machine approves their own work; never when deployed.
SINGLE = os.environ.get("STUDIO_SINGLE_EDITOR") == "1" and not SIGNED_IN
EDITOR = SIGNED_IN or st.text_input("Your name (kept with what you save)", key="editor")
if SINGLE:
    st.warning(
        "Single-editor mode: you work alone on this machine, so what you save is published "
        "at once, recorded as approved by you alone (no second editor has checked it).",
        icon=":material/person:",
    )
st.caption(
    f"Writes drafts and curated YAML under {SEEDS_DIR}; the dashboard reads the built "
    "database, which holds approved records only."
)
screen = st.radio("Screen", SCREENS, horizontal=True, key="screen")


def add_screen() -> None:
    """Paste or upload the text; title from the first line; the source registered by `add`."""
    upload = st.file_uploader("Upload the article (UTF-8 text)", type=["txt"], key="upload")
    if upload is not None and not STATE.get("text"):
        STATE["text"] = upload.getvalue().decode("utf-8", errors="replace")
    text = st.text_area("Or paste the article as captured", key="text", height=240)
    if text and not STATE.get("title"):
        STATE["title"] = session.headline(text)
    title = st.text_input("Title", key="title")
    outlet = st.text_input("Outlet", key="outlet")
    url = st.text_input("Web address (optional)", key="url")
    published = st.date_input("Published on", key="published", value=None)
    precision = st.selectbox(
        "How much of the date is known", [p.value for p in DatePrecision], key="precision"
    )
    bounds: list[dt.date | None] = [None, None]
    if precision != DatePrecision.day:  # what the article reports may narrow the month or year
        early, late = st.columns(2)
        bounds = [
            early.date_input("Earliest day it can have appeared (optional)", key="published-earliest",
                             value=None, help="From what it reports, e.g. the day of the meeting "
                             "it reports. Lists order the article by it; citations keep the "
                             f"{precision} only."),
            late.date_input("Latest day it can have appeared (optional)", key="published-latest",
                            value=None),
        ]  # fmt: skip
    inferred = st.checkbox(
        "The date is worked out from what the article reports, not printed on it",
        key="date-inferred",
        help="Citations of the article then say '(date inferred)', so no reader quotes a "
        "worked-out day as the article's own.",
    )
    editor = EDITOR
    if st.button("Add article", key="add", type="primary"):
        if not text.strip() or published is None or not editor.strip():
            st.error("Paste the article, give its publication date and your name first.")
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "article.txt"
            path.write_text(text, encoding="utf-8")
            try:
                added = add_article(
                    path,
                    seeds_dir=SEEDS_DIR,
                    title=title,
                    outlet=outlet,
                    url=url.strip() or None,
                    published=published.isoformat(),
                    precision=precision,
                    date_basis=f"{'worked out' if inferred else 'given'} in the studio by "
                    f"{editor or 'an editor'}",
                    date_inferred=inferred,
                    published_range=tuple(d.isoformat() if d else None for d in bounds),
                    review_status="provisional",  # built once a second editor approves
                )
            except AddRefused as exc:
                # Shown as text: the reason names the file, never markup.
                st.error(str(exc).replace(str(path), "the pasted article"))
                return
        # Kept outside the widget keys: Streamlit drops those when the Add screen is left.
        session.start(STATE, SEEDS_DIR, added.source_id, editor)
        STATE["submitted"] = False
        st.success(f"Added as source {added.source_id}. Review its candidates next.")


def review_screen() -> None:
    """The clean text beside each candidate: accept, edit or reject it in one action."""
    rows: list[Row] | None = STATE.get("rows")
    if not rows:
        st.info("Add an article first, or open one: its candidates appear here.")
        return
    body: str = STATE["body"]
    STATE["accepted_figures"] = [r.record for r in rows
                                 if r.kind == "indicators" and r.status == "accepted"]  # fmt: skip
    left, right = st.columns([2, 3])
    with left:
        st.subheader("Clean text")
        st.caption(
            "Candidates highlighted: orange while open, green once accepted. Select words "
            "with the mouse to draft a record for them, or pick them below by keyboard."
        )
        passage = STATE.get("passage")
        chosen = selectable_text(body, rows, passage)
        if chosen is not None:
            STATE["passage"] = passage = trimmed(body, int(chosen["start"]), int(chosen["end"]))
        with st.expander("Pick words by keyboard", key="by-keyboard"):
            pick_by_keyboard(body)
        passage = STATE.get("passage")
        if passage:
            passage_form(body, rows, passage)
    with right:
        st.subheader(f"{len(rows)} candidates")
        for n, row in enumerate(rows):
            label = f"{KIND_LABELS[row.kind]} · {row.status} · {body[row.start : row.end][:70]}"
            with st.expander(label, expanded=row.status == "open"):
                st.caption(f"characters {row.start}-{row.end}; " + "; ".join(row.notes))
                row_editor(n, row, STATE.get("curated") or NO_CURATED)
                accept, reject = st.columns(2)
                if accept.button("Accept", key=f"accept-{n}"):
                    row.status = "accepted"
                    st.rerun()
                if reject.button("Reject", key=f"reject-{n}"):
                    row.status = "rejected"
                    st.rerun()


def pick_by_keyboard(body: str) -> None:
    """The fallback for a selection by mouse: the sentence, then the words within it."""
    found = sentences(body)
    which = st.selectbox(
        "Sentence", range(len(found)), index=None, key="kb-sentence",
        format_func=lambda i: found[i].text[:90], placeholder="pick a sentence",
    )  # fmt: skip
    if which is None:
        return
    sentence = found[which]
    # One field per sentence: a new sentence starts from its own words, not the last one's.
    words = st.text_input(
        "The words to code (part of the sentence, as written)", sentence.text,
        key=f"kb-words-{which}",
    )  # fmt: skip
    at = sentence.text.find(words.strip()) if words.strip() else -1
    if at < 0:
        st.error("Those words are not in the sentence: copy them as written.")
    elif st.button("Select these words", key="kb-select"):
        start = sentence.start + at
        STATE["passage"] = trimmed(body, start, start + len(words.strip()))
        st.rerun()


def passage_form(body: str, rows: list[Row], passage: tuple[int, int]) -> None:
    """The selected words, the kind of record to draft for them, and the draft added."""
    start, end = passage
    with st.container(border=True, key="passage-form"):
        st.caption(f"Selected (characters {start}-{end}):")
        st.text(body[start:end])  # the article's words, as text
        name = st.radio("Draft a", list(KINDS), horizontal=True, key="passage-kind")
        if st.button("Draft a record for these words", key="passage-draft", type="primary"):
            source_id = STATE["source_id"]
            raw, title, published = STATE["draft_input"]
            drafted = draft_rows(
                raw, title, source_id, published, STATE.get("curated") or NO_CURATED
            )[1]
            taken = session.ids_in_use(rows)
            row = passage_row(body, start, end, name, drafted, source_id, published, taken)
            adopt(STATE, STATE.get("curated") or NO_CURATED, [row])
            rows.append(row)
            STATE["passage"] = None
            st.rerun()
        if st.button("Clear the selection", key="passage-clear"):
            STATE["passage"] = None
            st.rerun()


def _lines():
    return coverage(STATE["body"], STATE["rows"], STATE.setdefault("set_aside", {}))


def _set_aside(start: int, key: str) -> None:
    """Widget callback: the reason picked or typed sets the sentence aside at once."""
    reason = (STATE.get(key) or "").strip()
    if reason:
        STATE["set_aside"][start] = reason
    STATE[key] = None if key.startswith("pick") else ""


def _undo(start: int) -> None:
    STATE["set_aside"].pop(start, None)


def coverage_screen() -> None:
    """Every sentence `etl check` asks to be accounted for: covered, set aside, or still open."""
    if not STATE.get("rows"):
        st.info("Add an article first: its sentences appear here.")
        return
    lines = _lines()
    counts = {s: sum(line.state == s for line in lines) for s in ("covered", "set aside")}
    left = len(lines) - sum(counts.values())
    a, b, c = st.columns(3)
    a.metric("Covered by a record", counts["covered"])
    b.metric("Not coded, with a reason", counts["set aside"])
    c.metric("Not yet coded", left)
    st.caption(
        "Each sentence below attributes words or carries a figure, so the check asks for a "
        "record quoting it or a reason it is not coded. Accept a candidate on Review to cover "
        "it, or say here why it is not coded."
    )
    choices = reasons(STATE["rows"])
    for line in lines:
        start = line.sentence.start
        with st.container(border=True, key=f"sentence-{start}"):
            words, action = st.columns([3, 2])
            words.text(line.sentence.text)  # the article's words, shown as text, never markup
            if line.state == "covered":
                words.caption(f"Covered by {', '.join(line.covered_by)}.")
                continue
            if line.state == "set aside":
                words.caption(f"Not coded, because: {line.reason}")
                action.button(
                    "Code it after all", key=f"undo-{start}", on_click=_undo, args=(start,)
                )
                continue
            words.caption(f"Not yet coded ({line.why}).")
            action.selectbox(
                "Not coded, because …",
                choices,
                index=None,
                key=f"pick-{start}",
                placeholder="pick a reason",
                on_change=_set_aside,
                args=(start, f"pick-{start}"),
            )
            action.text_input(
                "or type the reason (Enter)",
                key=f"type-{start}",
                on_change=_set_aside,
                args=(start, f"type-{start}"),
            )


def save_screen() -> None:
    """Save the accepted records for a second editor (after the check), each correction of a
    published record with its reason; in single-editor mode, publish them at once."""
    rows: list[Row] = STATE.get("rows") or []
    records = accepted(rows, STATE.get("made") or {})
    lines = _lines() if rows else []
    records["not_coded"] = not_coded(STATE.get("source_id", ""), lines)
    count = sum(len(v) for k, v in records.items() if k != "not_coded")
    open_lines = [line for line in lines if line.state == "not yet coded"]
    st.write(
        f"{count} accepted record(s) and {len(records['not_coded'])} sentence(s) not coded "
        f"with a reason, for {STATE.get('source_id', 'no article yet')}."
    )
    if open_lines:
        st.warning(
            f"{len(open_lines)} sentence(s) are not yet coded: cover each with a record on "
            "Review or give the reason it is not coded on Coverage, then save."
        )
    sid = STATE.get("source_id", "")
    fixes = screens.correction_reasons(SEEDS_DIR, sid, records) if rows else []
    missing = [c for c in fixes if not STATE["reasons"].get(c)]
    ready = bool(rows) and not open_lines and not missing
    label = "Save and publish (single-editor)" if SINGLE else "Save for review"
    if st.button(label, key="save", type="primary", disabled=not ready):
        editor = STATE.get("editor_name", "") or EDITOR
        result = publish.submit(SEEDS_DIR, sid, records, editor, STATE["reasons"])
        if result.ok and SINGLE:
            result = publish.approve(SEEDS_DIR, sid, editor, DB_PATH, single=True)
        if result.ok:
            coding = drafts.Draft(sid, editor, rows, reopened=bool(STATE.get("reopened")))
            compared = agreement.on_save(SEEDS_DIR, coding)  # a second coding is compared
            STATE["submitted"], STATE["problems"] = True, {}
            STATE["curated"] = curated_lists(SEEDS_DIR)  # what was published is offered now
            st.success(result.message)
            if compared:
                st.info(f"Compared with an earlier independent coding of this article, kept as "
                        f"{', '.join(compared)}: the Methodology page reports it.")  # fmt: skip
        else:
            # Each problem also shows on its field on Review, in the same words.
            problems: dict[tuple[str, str], list[str]] = {}
            for p in result.problems:
                problems.setdefault((p.record, p.field), []).append(p.message)
            STATE["problems"] = problems
            st.error("Nothing was changed. The check says (each problem is also on its field):")
            st.code(result.message, language=None)
    recent_changes()


def changes_screen() -> None:
    """What each recent build added, changed or removed (the feed's facts), then who added or
    changed which record in the studio's files."""
    st.subheader("What each build changed")
    log = build_log(DB_PATH)
    if not log:
        st.caption("No build yet: saving an article builds the database.")
    for build in log:
        with st.container(border=True, key=f"build-{build.build}"):
            st.markdown(f"**Build {build.build}** · {md(build.built_at)}")
            for article in build.articles:
                # Titles and ids are the articles' and curators' words: escaped, never obeyed.
                st.markdown(f"{md(article.title)}: {md(article.summary)}")
                ids = ", ".join(article.records[:SHOWN_IDS])
                more = len(article.records) - SHOWN_IDS
                st.caption(md(ids + (f" and {more} more" if more > 0 else "")))
    recent_changes()


def recent_changes() -> None:
    """Who added or changed which record, and when, across the studio's files."""
    changes = history.recent(SEEDS_DIR / "curated" / "articles")
    st.subheader("Recent changes")
    if not changes:
        st.caption("No record saved with the studio yet.")
        return
    st.dataframe(
        [
            {"When (UTC)": c.at, "Who": c.by, "What": c.action, "Kind": c.kind,
             "Record": c.record_id, "File": c.file}
            for c in changes
        ],
        key="recent",
        hide_index=True,
    )  # fmt: skip


SHOWN = {"Add": add_screen, "Review": review_screen, "Coverage": coverage_screen,
         "Save": save_screen, "Changes": changes_screen,
         "Open": lambda: screens.open_screen(SEEDS_DIR, EDITOR),
         "Approve": lambda: screens.approve_screen(SEEDS_DIR, DB_PATH, EDITOR),
         "Agreement": lambda: screens.agreement_screen(SEEDS_DIR)}  # fmt: skip
SHOWN[screen]()
if not STATE.get("submitted"):
    session.keep(STATE, SEEDS_DIR)  # the work is a draft under the researcher's name
