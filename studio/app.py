"""The curation studio: open or add an article, review its draft records, save them for a second
editor's approval, approve others' work, compare two researchers' coding."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import streamlit as st

from corpus.load import DEFAULT_DB, SEEDS
from corpus.problems import report
from corpus.sentences import sentences
from curation.add_article import AddRefused, add_article
from curation.suggest.guess import curated_lists
from curation.suggest.records import NO_CURATED, Row, draft_rows
from data_model.i18n import N_
from data_model.records import DatePrecision
from data_model.safe_text import md
from studio import agreement, drafts, language, publish, screens, session, store
from studio.access import gate
from studio.codebook import CHANGED, KIND_LABELS, adopt
from studio.coverage import coverage, not_coded, reason_words, reasons, why_words
from studio.language import code, number, shortened, state
from studio.passage import KINDS, passage_row, trimmed
from studio.record import CLEAN_TEXT, named, record
from studio.review import accepted
from studio.selection import selectable_text

#: The screens by the name a widget key keeps, in words for the catalogue.
SCREENS = {"Open": N_("Open"), "Add": N_("Add"), "Review": N_("Review"),
           "Coverage": N_("Coverage"), "Save": N_("Save"), "Approve": N_("Approve"),
           "Agreement": N_("Agreement"), "Changes": N_("Changes")}  # fmt: skip
SEEDS_DIR = Path(os.environ.get("STUDIO_SEEDS", SEEDS))
DB_PATH = Path(os.environ.get("MONITOR_DB", DEFAULT_DB))
STATE = st.session_state


@st.cache_resource
def _warm_build() -> None:
    """Start the warm build process once per studio (etl.warm), so a Save is a fork of it
    that finds this corpus's files' models kept."""
    store.warm_build(SEEDS_DIR, DB_PATH)


_warm_build()

T = language.words()  # this run's language (?lang=km), kept in the address
st.set_page_config(page_title=T.gettext("Curation studio"), layout="wide")
language.styles(T)
language.switch(T)
st.title(T.gettext("Curation studio"))
SIGNED_IN = gate(T)  # stops here unless local, or a logged-in editor when deployed
# One person alone on their own machine approves their own work; never when deployed.
SINGLE = os.environ.get("STUDIO_SINGLE_EDITOR") == "1" and not SIGNED_IN
EDITOR = SIGNED_IN or st.text_input(T.gettext("Your name (kept with what you save)"), key="editor")
if SINGLE:
    st.warning(
        T.gettext("Single-editor mode: you work alone on this machine, so what you save is "
                  "published at once, recorded as approved by you alone (no second editor has "
                  "checked it)."),
        icon=":material/person:",
    )  # fmt: skip
st.caption(
    T.gettext("Writes drafts and curated YAML under {folder}; the dashboard reads the built "
              "database, which holds approved records only.").format(folder=SEEDS_DIR)
)  # fmt: skip
screen = st.radio(T.gettext("Screen"), list(SCREENS), horizontal=True, key="screen",
                  format_func=lambda s: T.gettext(SCREENS[s]))  # fmt: skip


def add_screen() -> None:
    """Paste or upload the text; title from the first line; the source registered by `add`."""
    upload = st.file_uploader(T.gettext("Upload the article (UTF-8 text)"), type=["txt"],
                              key="upload")  # fmt: skip
    if upload is not None and not STATE.get("text"):
        STATE["text"] = upload.getvalue().decode("utf-8", errors="replace")
    text = st.text_area(T.gettext("Or paste the article as captured"), key="text", height=240)
    if text and not STATE.get("title"):
        STATE["title"] = session.headline(text)
    title = st.text_input(T.gettext("Title"), key="title")
    outlet = st.text_input(T.gettext("Outlet"), key="outlet")
    url = st.text_input(T.gettext("Web address (optional)"), key="url")
    published = st.date_input(T.gettext("Published on"), key="published", value=None)
    precision = st.selectbox(T.gettext("How much of the date is known"),
                             [p.value for p in DatePrecision], key="precision",
                             format_func=lambda v: code(T, v))  # fmt: skip
    if published is not None and precision != DatePrecision.day:
        # Only the month or the year is known: it is stored as its first day, as `etl add`
        # asks (which would refuse another day in English), whatever day the picker shows.
        published = published.replace(day=1, month=1 if precision == DatePrecision.year else
                                       published.month)  # fmt: skip
    bounds: list[dt.date | None] = [None, None]
    if precision != DatePrecision.day:  # what the article reports may narrow the month or year
        early, late = st.columns(2)
        bounds = [
            early.date_input(T.gettext("Earliest day it can have appeared (optional)"),
                             key="published-earliest", value=None,
                             help=T.gettext("From what it reports, e.g. the day of the meeting "
                                            "it reports. Lists order the article by it; "
                                            "citations keep the {precision} only.").format(
                                                precision=state(T, precision))),
            late.date_input(T.gettext("Latest day it can have appeared (optional)"),
                            key="published-latest", value=None),
        ]  # fmt: skip
    inferred = st.checkbox(
        T.gettext("The date is worked out from what the article reports, not printed on it"),
        key="date-inferred",
        help=T.gettext(
            "Citations of the article then say '(date inferred)', so no reader "
            "quotes a worked-out day as the article's own."
        ),
    )
    editor = EDITOR
    if st.button(T.gettext("Add article"), key="add", type="primary"):
        if not text.strip() or published is None or not editor.strip():
            st.error(T.gettext("Paste the article, give its publication date and your name "
                               "first."))  # fmt: skip
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
                # Said in the studio's language; the reason in `etl add`'s words, naming the
                # file, escaped: shown as text, never markup.
                reason = str(exc).replace(str(path), T.gettext("the pasted article"))
                st.error(md(T.gettext("The article was not added: {reason}").format(reason=reason)))
                return
        # Kept outside the widget keys: Streamlit drops those when the Add screen is left.
        session.start(STATE, SEEDS_DIR, added.source_id, editor)
        STATE["submitted"] = False
        said = (T.gettext("Added as source {source_id}, but no candidate could be drafted: "
                          "code it by hand on Review.") if STATE.get("draft_failed")
                else T.gettext("Added as source {source_id}. Review its candidates next."))  # fmt: skip
        show = st.warning if STATE.get("draft_failed") else st.success
        show(said.format(source_id=added.source_id))


def review_screen() -> None:
    """The clean text beside each candidate: accept, edit or reject it in one action."""
    rows: list[Row] | None = STATE.get("rows")
    if STATE.get("draft_failed"):
        # The drafting raised (curation.suggest.failure): said, the clean text kept to code by hand.
        st.warning(md(T.gettext("No candidate was drafted: {reason}. Pick the words of each "
                                "record in the clean text to code the article by hand.")
                      .format(reason=STATE["draft_failed"])))  # fmt: skip
    elif not rows:
        st.info(T.gettext("Add an article first, or open one: its candidates appear here."))
        return
    left, right = st.columns([2, 3])
    with left:
        clean_text()
    with right:
        st.subheader(T.ngettext("{n} candidate", "{n} candidates", len(rows))
                     .format(n=number(T, len(rows))))  # fmt: skip
        for n in range(len(rows)):
            record(n, SEEDS_DIR)  # each card a fragment of its own (studio.record)


@st.fragment(key=CLEAN_TEXT)
def clean_text() -> None:
    """The article's clean text, its candidates highlighted, and words picked in it drafted
    as a record: a fragment, so a selection reruns the text, not every record's editor."""
    body: str = STATE["body"]
    rows: list[Row] = STATE["rows"]
    st.subheader(T.gettext("Clean text"))
    st.caption(
        T.gettext("Candidates highlighted: orange while open, green once accepted. Select "
                  "words with the mouse to draft a record for them, or pick them below by "
                  "keyboard.")
    )  # fmt: skip
    passage = STATE.get("passage")
    chosen = selectable_text(body, rows, passage, T.gettext("Clean text: select words to "
                             "draft a record for them"))  # fmt: skip
    if chosen is not None:
        STATE["passage"] = passage = trimmed(body, int(chosen["start"]), int(chosen["end"]))
    with st.expander(T.gettext("Pick words by keyboard"), key="by-keyboard"):
        pick_by_keyboard(body)
    passage = STATE.get("passage")
    if passage:
        passage_form(body, rows, passage)


def pick_by_keyboard(body: str) -> None:
    """The fallback for a selection by mouse: the sentence, then the words within it."""
    found = sentences(body)
    which = st.selectbox(
        T.gettext("Sentence"), range(len(found)), index=None, key="kb-sentence",
        format_func=lambda i: shortened(found[i].text, 90), placeholder=T.gettext("pick a sentence"),
    )  # fmt: skip
    if which is None:
        return
    sentence = found[which]
    # One field per sentence: a new sentence starts from its own words, not the last one's.
    words = st.text_input(
        T.gettext("The words to code (part of the sentence, as written)"), sentence.text,
        key=f"kb-words-{which}",
    )  # fmt: skip
    at = sentence.text.find(words.strip()) if words.strip() else -1
    if at < 0:
        st.error(T.gettext("Those words are not in the sentence: copy them as written."))
    else:
        start = sentence.start + at
        st.button(T.gettext("Select these words"), key="kb-select", on_click=_select,
                  args=(trimmed(body, start, start + len(words.strip())),))  # fmt: skip


def _select(passage: tuple[int, int] | None) -> None:
    """Widget callback: the words picked (or none), outlined in the text, the form for them
    shown (a run of the clean text's fragment)."""
    STATE["passage"] = passage


def _draft(body: str, rows: list[Row], passage: tuple[int, int]) -> None:
    """Widget callback: a record drafted for the selected words, the selection cleared; the
    whole screen runs once (a new card, its highlight)."""
    source_id = STATE["source_id"]
    raw, title, published = STATE["draft_input"]
    drafted = [] if STATE.get("draft_failed") else draft_rows(  # a failed drafting not rerun
        raw, title, source_id, published, STATE.get("curated") or NO_CURATED)[1]  # fmt: skip
    row = passage_row(body, *passage, STATE["passage-kind"], drafted, source_id, published,
                      session.ids_in_use(rows))  # fmt: skip
    adopt(STATE, STATE.get("curated") or NO_CURATED, [row])
    rows.append(row)
    STATE["passage"] = None
    st.rerun()


def passage_form(body: str, rows: list[Row], passage: tuple[int, int]) -> None:
    """The selected words, the kind of record to draft for them, and the draft added."""
    start, end = passage
    with st.container(border=True, key="passage-form"):
        st.caption(T.gettext("Selected (characters {start}-{end}):").format(start=start, end=end))
        st.text(body[start:end])  # the article's words, as text
        st.radio(
            T.gettext("Draft a"),
            list(KINDS),
            horizontal=True,
            key="passage-kind",
            format_func=T.gettext,
        )  # the kinds' names are catalogue entries
        st.button(T.gettext("Draft a record for these words"), key="passage-draft",
                  type="primary", on_click=_draft, args=(body, rows, passage))  # fmt: skip
        st.button(T.gettext("Clear the selection"), key="passage-clear", on_click=_select,
                  args=(None,))  # fmt: skip


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
    if not STATE.get("rows") and not STATE.get("draft_failed"):
        st.info(T.gettext("Add an article first: its sentences appear here."))
        return
    lines = _lines()
    counts = {s: sum(line.state == s for line in lines) for s in ("covered", "set aside")}
    left = len(lines) - sum(counts.values())
    a, b, c = st.columns(3)
    a.metric(T.gettext("Covered by a record"), number(T, counts["covered"]))
    b.metric(T.gettext("Not coded, with a reason"), number(T, counts["set aside"]))
    c.metric(T.gettext("Not yet coded"), number(T, left))
    st.caption(
        T.gettext("Each sentence below attributes words or carries a figure, so the check asks "
                  "for a record quoting it or a reason it is not coded. Accept a candidate on "
                  "Review to cover it, or say here why it is not coded.")
    )  # fmt: skip
    choices = reasons(STATE["rows"])
    for line in lines:
        start = line.sentence.start
        with st.container(border=True, key=f"sentence-{start}"):
            words, action = st.columns([3, 2])
            words.text(line.sentence.text)  # the article's words, shown as text, never markup
            if line.state == "covered":
                words.caption(T.gettext("Covered by {records}.").format(records=", ".join(
                    named(STATE["rows"], r, T) for r in line.covered_by)))  # fmt: skip
                continue
            if line.state == "set aside":
                words.caption(T.gettext("Not coded, because: {reason}").format(
                    reason=reason_words(T, line.reason)))  # fmt: skip
                action.button(T.gettext("Code it after all"), key=f"undo-{start}",
                              on_click=_undo, args=(start,))  # fmt: skip
                continue
            why = why_words(T, line.why)  # the check's reason, the article's words kept
            words.caption(T.gettext("Not yet coded ({why}).").format(why=why))
            action.selectbox(
                T.gettext("Not coded, because …"),
                choices,
                index=None,
                key=f"pick-{start}",
                format_func=lambda reason: reason_words(T, reason),
                placeholder=T.gettext("pick a reason"),
                on_change=_set_aside,
                args=(start, f"pick-{start}"),
            )
            action.text_input(
                T.gettext("or type the reason (Enter)"),
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
    count = sum(len(v) for k, v in records.items() if k in KIND_LABELS)  # not new entries
    open_lines = [line for line in lines if line.state == "not yet coded"]
    st.write(
        T.gettext("{records} accepted record(s) and {sentences} sentence(s) not coded with a "
                  "reason, for {article}.").format(
            records=number(T, count), sentences=number(T, len(records["not_coded"])),
            article=STATE.get("source_id") or T.gettext("no article yet"))
    )  # fmt: skip
    if open_lines:
        st.warning(
            T.gettext("{n} sentence(s) are not yet coded: cover each with a record on Review "
                      "or give the reason it is not coded on Coverage, then save.").format(
                n=number(T, len(open_lines)))
        )  # fmt: skip
    sid = STATE.get("source_id", "")
    fixes = screens.correction_reasons(SEEDS_DIR, sid, records, T) if rows else []
    missing = [c for c in fixes if not STATE["reasons"].get(c)]
    ready = bool(rows) and not open_lines and not missing
    label = (
        T.gettext("Save and publish (single-editor)") if SINGLE else T.gettext("Save for review")
    )
    if st.button(label, key="save", type="primary", disabled=not ready):
        editor = STATE.get("editor_name", "") or EDITOR
        result = publish.submit(SEEDS_DIR, sid, records, editor, STATE["reasons"], T)
        if result.ok and SINGLE:
            result = publish.approve(SEEDS_DIR, sid, editor, DB_PATH, single=True, t=T)
        if result.ok:
            coding = drafts.Draft(sid, editor, rows, reopened=bool(STATE.get("reopened")))
            compared = agreement.on_save(SEEDS_DIR, coding)  # a second coding is compared
            STATE["submitted"], STATE["problems"] = True, {}
            STATE["curated"] = curated_lists(SEEDS_DIR)  # what was published is offered now
            st.success(result.message)
            screens.build_details(result.details, T)
            if compared:
                st.info(T.gettext("Compared with an earlier independent coding of this "
                                  "article, kept as {ids}: the Methodology page reports it.")
                        .format(ids=", ".join(compared)))  # fmt: skip
        else:
            # Each problem also shows on its field on Review, in the same words.
            problems: dict[tuple[str, str], list[str]] = {}
            for p in result.problems:  # in the studio's language where the check gave words
                problems.setdefault((p.record, p.field), []).append(p.words(T))
            STATE["problems"] = problems
            st.error(T.gettext("Nothing was changed. The check says (each problem is also on "
                               "its field):"))  # fmt: skip
            said = report(list(result.problems), T) if result.problems else result.message
            st.code(said, language=None, wrap_lines=True)  # a laptop's width cut it off
    screens.recent_changes(SEEDS_DIR, T)


SHOWN = {"Add": add_screen, "Review": review_screen, "Coverage": coverage_screen,
         "Save": save_screen,
         "Changes": lambda: screens.changes_screen(SEEDS_DIR, DB_PATH, T),
         "Open": lambda: screens.open_screen(SEEDS_DIR, EDITOR, T),
         "Approve": lambda: screens.approve_screen(SEEDS_DIR, DB_PATH, EDITOR, T),
         "Agreement": lambda: screens.agreement_screen(SEEDS_DIR, T)}  # fmt: skip
STATE.pop(CHANGED, None)  # this run draws every record anew
SHOWN[screen]()
if not STATE.get("submitted"):
    session.keep(STATE, SEEDS_DIR)  # the work is a draft under the researcher's name
