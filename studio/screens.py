"""The studio's screens around coding: Open (drafts, work under review, published articles),
Approve (a second editor's diff, approval or return), Agreement (two codings compared), and the
corrections' reasons asked for on Save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from corpus.problems import report
from curation.suggest.guess import curated_lists
from data_model.i18n import N_, Translator
from data_model.safe_text import md
from studio import drafts, history, publish, session, split
from studio.agreement import FIELDS, SAVED, article_body, compare, keep, saved_codings
from studio.changes import build_log
from studio.codebook import KIND_LABELS, REFERENCES, entries
from studio.editors import number_text
from studio.language import kind, moment, number, shortened, state
from studio.problems import field_words

STATE = st.session_state
#: The compared fields (studio.agreement.FIELDS) in words for the catalogue.
FIELD_WORDS = {"value": N_("value"), "hedge": N_("hedge"), "date": N_("date"),
               "speaker": N_("speaker"), "kind": N_("kind"), "stance": N_("stance")}  # fmt: skip


def correction_reasons(seeds_dir: Path, source_id: str, records: dict[str, list],
                       t: Translator) -> list[str]:  # fmt: skip
    """Each published record the work changes, its fields old and new, and the reason asked
    for; the keys ("kind:id") of those corrected."""
    changes = [c for c in publish.diff(publish.published(seeds_dir, source_id), records)
               if c.old is not None or c.field != "record"]  # fmt: skip
    keys = list(dict.fromkeys(c.key for c in changes))
    if keys:
        st.subheader(t.gettext("Corrections of published records"))
        st.caption(t.gettext("Each correction is kept with the records, with its reason: say why."))
    for key in keys:
        with st.container(border=True, key=f"fix-{key.replace(':', '-')}"):
            st.markdown(f"**{md(_record(key, t))}**")
            heads = (t.gettext("Field"), t.gettext("Published"), t.gettext("Corrected"))
            st.dataframe(
                [dict(zip(heads, (c.field, c.old or "—", c.new or "—"), strict=True))
                 for c in changes if c.key == key],
                hide_index=True,
            )  # fmt: skip
            reason = st.text_input(t.gettext("Why is it corrected?"),
                                   STATE["reasons"].get(key, ""), key=f"reason-{key}")  # fmt: skip
            STATE["reasons"][key] = reason.strip()
    return keys


def _record(key: str, t: Translator) -> str:
    """A record named as "kind:id": the codes in English (as the YAML names them), the kind in
    words in another language ('តួលេខ · kampot-arrests-march')."""
    if t.lang == "en" or ":" not in key:
        return key
    table, record_id = key.split(":", 1)
    return f"{kind(t, table)} · {record_id}"


def _returned(sub: dict[str, Any], key: str, t: Translator) -> str:
    """A returned record as its researcher knows it: its kind in words, a figure's value and
    the start of its quote ('figure 77 “Police in Kep arrested 77…”'), not its id alone."""
    table, ident = key.split(":", 1)
    rec = next(
        (r for r in sub["records"].get(table, []) if publish.ident_of(table, r) == ident), {}
    )
    if not rec:
        return _record(key, t)
    said = [t.gettext(KIND_LABELS[table]) if table in KIND_LABELS else kind(t, table)]
    if table == "indicators" and rec.get("value") is not None:
        said.append(t.number_text(number_text(rec["value"])))
    if rec.get("quote"):
        said.append(f"“{shortened(str(rec['quote']), 60)}”")
    return " ".join(said)


def build_details(details: str, t: Translator) -> None:
    """The build's own report, in English, under a summary said in another language."""
    if details:
        with st.expander(t.gettext("What the build said (in English)"), key="build-said"):
            st.code(details, language=None, wrap_lines=True)


def _button(label: str, key: str, on_click, *args: Any) -> None:
    st.button(label, key=key, on_click=on_click, args=args)


def _go_review() -> None:
    STATE["screen"] = "Review"
    STATE["submitted"] = False


def _continue(seeds_dir: Path, draft: drafts.Draft) -> None:
    session.continue_draft(STATE, seeds_dir, draft)
    _go_review()


def _reopen(seeds_dir: Path, source_id: str, editor: str) -> None:
    STATE["opened"] = session.reopen(STATE, seeds_dir, source_id, editor)
    _go_review()


def _code_afresh(seeds_dir: Path, source_id: str, editor: str) -> None:
    session.start(STATE, seeds_dir, source_id, editor)
    _go_review()


def open_screen(seeds_dir: Path, editor: str, t: Translator) -> None:
    """Open drafts, work waiting for review or returned, and published articles."""
    titles = session.titles(seeds_dir)
    if not editor.strip():
        st.info(t.gettext("Give your name above: your drafts are kept under it."))
    st.subheader(t.gettext("Drafts"))
    found = drafts.drafts(seeds_dir)
    if not found:
        st.caption(t.gettext("No draft yet: add an article, or code a published one."))
    for d in found:
        with st.container(border=True, key=f"draft-{d.source_id}-{drafts.slug(d.researcher)}"):
            done = sum(r.status == "accepted" for r in d.rows)
            st.markdown(f"**{md(titles.get(d.source_id, d.source_id))}** · {md(d.researcher)}")
            said = t.gettext("{article}; {done} of {rows} records accepted; last saved {at}")
            fixes = t.gettext("; corrections of the published records") if d.reopened else ""
            st.caption(said.format(article=d.source_id, done=number(t, done),
                                   rows=number(t, len(d.rows)), at=moment(t, d.saved_at)) + fixes)  # fmt: skip
            if editor.strip() and publish.same_person(d.researcher, editor):
                _button(t.gettext("Continue"), f"continue-{d.source_id}", _continue, seeds_dir, d)
    st.subheader(t.gettext("Saved for review"))
    waiting = publish.submissions(seeds_dir)
    if not waiting:
        st.caption(t.gettext("Nothing is waiting for a second editor."))
    for sub in waiting:
        sid = sub["source_id"]
        with st.container(border=True, key=f"waiting-{sid}"):
            status = state(t, sub["review_status"])
            st.markdown(f"**{md(titles.get(sid, sid))}** · {md(status)}")
            st.caption(md(t.gettext("saved by {who} at {at}").format(who=sub["saved_by"],
                                                                     at=moment(t, sub["saved_at"]))))  # fmt: skip
            if sub.get("comment") and sub["review_status"] == "returned":
                st.warning(md(t.gettext("Returned: {comment}").format(comment=sub["comment"])))
            for key, comment in (sub.get("returned") or {}).items():
                st.warning(md(t.gettext("Returned: {record}: {comment}").format(
                    record=_returned(sub, key, t), comment=comment)))  # fmt: skip
            if editor.strip() and publish.same_person(sub["saved_by"], editor):
                _button(t.gettext("Reopen to fix"), f"fix-{sid}", _reopen, seeds_dir, sid, editor)
    st.subheader(t.gettext("Published articles"))
    published = sorted(p.stem for p in (seeds_dir / "curated" / "articles").glob("*.yaml"))
    if not published:
        st.caption(t.gettext("No article's records are published from the studio yet."))
    for sid in published:
        with st.container(border=True, key=f"published-{sid}"):
            left, a, b = st.columns([4, 1, 1], vertical_alignment="center")
            left.markdown(f"**{md(titles.get(sid, sid))}**  \n{md(sid)}")
            if editor.strip():
                with a:
                    _button(t.gettext("Reopen to correct"), f"reopen-{sid}", _reopen,
                            seeds_dir, sid, editor)  # fmt: skip
                with b:
                    _button(t.gettext("Code it myself"), f"afresh-{sid}", _code_afresh,
                            seeds_dir, sid, editor)  # fmt: skip


def _diff_table(seeds_dir: Path, sub: dict[str, Any], t: Translator) -> None:
    """What changed against the published data, record by record, field by field."""
    sid = sub["source_id"]
    old = publish.published(seeds_dir, sid)
    changes = publish.diff(old, sub["records"])
    if not changes:
        st.caption(t.gettext("No record differs from the published data."))
    proposed = {f"{k}:{publish.ident_of(k, r)}": r for k, v in sub["records"].items() for r in v}
    reasons = {f"{c['record_kind']}:{c['record_id']}": c["reason"] for c in sub["corrections"]}
    codebook = curated_lists(seeds_dir)
    own = {k: {publish.ident_of(k, r): r for r in v} for k, v in sub["records"].items()}

    def named(field: str, value: str) -> str:
        """A code by its entry's label, the id beside it ('Total arrests · arrests-total')."""
        kind = REFERENCES.get(field) or _NAMED.get(field)
        entry = entries(codebook, own, kind).get(value) if kind else None
        words = entry and (entry.get("label") or entry.get("name"))
        return f"{words} · {value}" if words and words != value else value

    for key in dict.fromkeys(c.key for c in changes):
        mine = [c for c in changes if c.key == key]
        added = mine[0].field == "record" and mine[0].new == "added"
        removed = mine[0].field == "record" and mine[0].old == "published"
        what = N_("added") if added else N_("removed") if removed else N_("corrected")
        heads = (t.gettext("Field"), t.gettext("Published"), t.gettext("Proposed"))
        with st.container(border=True, key=f"diff-{key.replace(':', '-')}"):
            st.markdown(f"**{md(_record(key, t))}** · {md(t.gettext(what))}")
            if added:
                cells = [(f, "—", publish.diff_text(v) or "—") for f, v in proposed[key].items()
                         if f not in publish.REVIEW_FIELDS and v not in (None, "")]  # fmt: skip
            else:
                cells = [(c.field, c.old or "—", c.new or "—") for c in mine]
            table = key.split(":", 1)[0]
            # A few lines, read whole: plain text, no grid to load. Each field by its label
            # with its id beside it, each code by its entry's words (stop 45: a second editor
            # read 'metric_id: arrests-total').
            # st.table reads every cell as Markdown: the values (a quote, a note, a label a
            # researcher typed) are shown as their text, never as formatting or a link.
            st.table([dict(zip(heads, (_field(t, table, f), md(named(f, old_v)),
                                       md(named(f, new_v))), strict=True))
                      for f, old_v, new_v in cells])  # fmt: skip
            if key in reasons:
                st.caption(md(t.gettext("Reason given: {reason}").format(reason=reasons[key])))
            # Record by record (stop 45's friction 9): one returned, the rest approved.
            if st.checkbox(t.gettext("Return this record"), key=f"back-{sid}-{key}"):
                st.text_input(t.gettext("Why it goes back (the researcher reads it)"),
                              key=f"why-{sid}-{key}")  # fmt: skip


#: Fields naming a codebook entry beyond the references a rename follows (studio.codebook).
_NAMED = {"policy_id": "policies", "phase_id": "phases"}


def _field(t: Translator, table: str, field: str) -> str:
    """'As of · as_of': the field's label beside its id (a record's own id as it is)."""
    words = field_words(t, table, field)
    return f"{words} · {field}" if words != field else field


def _marked(sid: str) -> list[str]:
    """The keys of the records the second editor ticked *Return this record* on."""
    head = f"back-{sid}-"
    return [k.removeprefix(head) for k, v in STATE.items()
            if isinstance(k, str) and k.startswith(head) and v]  # fmt: skip


def _decide(seeds_dir: Path, db_path: Path, sid: str, editor: str, approve: bool,
            t: Translator) -> None:  # fmt: skip
    if approve:
        returned = {k: STATE.get(f"why-{sid}-{k}") or "" for k in _marked(sid)}
        result = split.decide(seeds_dir, sid, editor, db_path, returned, t=t)
        if result.problems:  # the check's own words, naming file, record and field
            said = t.gettext("Nothing was published. The check says: {check}")
            check = report(list(result.problems), t)
            result = publish.Outcome(False, said.format(check=check), result.problems)
    else:
        result = publish.send_back(seeds_dir, sid, editor, STATE.get(f"comment-{sid}", ""), t)
    STATE["decided"] = (result.ok, result.message, result.details)


def approve_screen(seeds_dir: Path, db_path: Path, editor: str, t: Translator) -> None:
    """A second editor's review: the diff against the published data, then approve or return."""
    if decided := STATE.pop("decided", None):
        ok, message, details = decided
        (st.success if ok else st.error)(message)
        build_details(details, t)
    waiting = [s for s in publish.submissions(seeds_dir) if s["review_status"] == "provisional"]
    if not waiting:
        st.info(t.gettext("Nothing is waiting for a second editor."))
        return
    titles = session.titles(seeds_dir)
    sid = st.selectbox(t.gettext("Work waiting for review"), [s["source_id"] for s in waiting],
                       format_func=lambda s: f"{titles.get(s, s)} ({s})", key="to-review")  # fmt: skip
    sub = next(s for s in waiting if s["source_id"] == sid)
    st.caption(md(t.gettext("Saved by {who} at {at}.").format(who=sub["saved_by"],
                                                             at=moment(t, sub["saved_at"]))))  # fmt: skip
    for entry in sub.get("history") or []:
        st.caption(md(t.gettext("Returned by {who} at {at}: {comment}").format(
            who=entry["by"], at=moment(t, entry["at"]), comment=entry.get("comment"))))  # fmt: skip
    _diff_table(seeds_dir, sub, t)
    own = publish.same_person(sub["saved_by"], editor)
    if own:
        st.info(t.gettext("You saved this work: a second editor approves or returns it."))
    if not editor.strip():
        st.info(t.gettext("Give your name above: it is kept with your decision."))
    blocked = own or not editor.strip()
    st.text_area(t.gettext("Comment (required to return it)"), key=f"comment-{sid}")
    a, b = st.columns(2)
    marked = len(_marked(sid))
    approve = (t.gettext("Approve the rest, return {n} record(s)").format(n=number(t, marked))
               if marked else t.gettext("Approve and publish"))  # fmt: skip
    a.button(approve, key="approve", type="primary", disabled=blocked,
             on_click=_decide, args=(seeds_dir, db_path, sid, editor, True, t))  # fmt: skip
    b.button(t.gettext("Return with the comment"), key="return", disabled=blocked,
             on_click=_decide, args=(seeds_dir, db_path, sid, editor, False, t))  # fmt: skip


def agreement_screen(seeds_dir: Path, t: Translator) -> None:
    """Two researchers' independent codings of one article, compared field by field."""
    by_article: dict[str, list[drafts.Draft]] = {}
    for d in drafts.drafts(seeds_dir):  # open drafts, then codings saved (and their drafts gone)
        by_article.setdefault(d.source_id, []).append(d)
    for sid in {p.parent.parent.name for p in (seeds_dir / drafts.DRAFTS).glob(f"*/{SAVED}/*")}:
        mine = by_article.setdefault(sid, [])
        mine += [d for d in saved_codings(seeds_dir, sid)
                 if not any(publish.same_person(d.researcher, o.researcher) for o in mine)]  # fmt: skip
    twice = {sid: ds for sid, ds in by_article.items() if len(ds) >= 2}
    if not twice:
        st.info(t.gettext("No article is coded by two researchers yet: each codes it with "
                          "'Code it myself' on Open, without looking at the other's draft. "
                          "When the second of them saves, the comparison is kept for the "
                          "Methodology page."))  # fmt: skip
        return
    sid = st.selectbox(t.gettext("Article"), list(twice), key="agree-article")
    names = [d.researcher for d in twice[sid]]
    first = st.selectbox(t.gettext("First researcher"), names, 0, key="agree-a")
    second = st.selectbox(t.gettext("Second researcher"), names, 1, key="agree-b")
    a = next(d for d in twice[sid] if d.researcher == first)
    b = next(d for d in twice[sid] if d.researcher == second)
    result = compare(a.rows, b.rows, article_body(seeds_dir, sid))
    cols = st.columns(len(FIELDS) + 1)
    only = t.gettext("only {first}: {n_first}; only {second}: {n_second}").format(
        first=first, n_first=number(t, result.only_first), second=second,
        n_second=number(t, result.only_second))  # fmt: skip
    cols[0].metric(t.gettext("Records both coded"), number(t, result.paired), help=md(only))
    for col, name in zip(cols[1:], FIELDS, strict=True):
        rate = result.rate(name)
        agree, total = result.rates[name]
        shown = "—" if rate is None else t.number_text(f"{rate:.0%}")
        col.metric(t.gettext("{field} agreement").format(field=t.gettext(FIELD_WORDS[name])),
                   shown, help=t.gettext("{agree} of {total} paired records").format(
                       agree=number(t, agree), total=number(t, total)))  # fmt: skip
    if st.button(t.gettext("Keep this comparison (for the Methodology page)"),
                 key="keep-agreement"):  # fmt: skip
        kept = keep(seeds_dir, sid, first, second, result)
        st.success(t.gettext("Kept as {id} in seeds/curated/agreement.yaml: the next build "
                             "reports it on the Methodology page.").format(id=kept))  # fmt: skip
    st.subheader(t.gettext("Where they differ"))
    if not result.differences:
        st.caption(t.gettext("Nowhere: every compared field agrees."))
    heads = (t.gettext("Kind"), t.gettext("Words"), t.gettext("Field"))
    st.dataframe(
        [dict(zip((*heads, first, second), (kind(t, d.kind), d.words,
                  t.gettext(FIELD_WORDS.get(d.field, d.field)), d.first, d.second), strict=True))
         for d in result.differences],
        hide_index=True, key="differences",
    )  # fmt: skip


#: Record ids listed per article and build; a first build adds every record there is.
SHOWN_IDS = 12


def changes_screen(seeds_dir: Path, db_path: Path, t: Translator) -> None:
    """What each recent build added, changed or removed (the feed's facts), then who added or
    changed which record in the studio's files."""
    st.subheader(t.gettext("What each build changed"))
    log = build_log(db_path)
    if not log:
        st.caption(t.gettext("No build yet: saving an article builds the database."))
    for build in log:
        with st.container(border=True, key=f"build-{build.build}"):
            heading = t.gettext("Build {build}").format(build=number(t, build.build))
            when = (
                build.built_at
                if build.at is None
                else (t.date(build.at.date()) + t.digits(build.at.strftime(", %H:%M:%S UTC")))
            )
            st.markdown(f"**{md(heading)}** · {md(when)}")
            for article in build.articles:
                # Titles and ids are the articles' and curators' words: escaped, never obeyed.
                st.markdown(f"{md(article.title)}: {md(article.said(t))}")
                ids = ", ".join(article.records[:SHOWN_IDS])
                more = len(article.records) - SHOWN_IDS
                rest = t.gettext(" and {n} more").format(n=number(t, more)) if more > 0 else ""
                st.caption(md(ids + rest))
    recent_changes(seeds_dir, t)


def recent_changes(seeds_dir: Path, t: Translator) -> None:
    """Who added or changed which record, and when, across the studio's files."""
    changes = history.recent(seeds_dir / "curated" / "articles")
    st.subheader(t.gettext("Recent changes"))
    if not changes:
        st.caption(t.gettext("No record saved with the studio yet."))
        return
    heads = [t.gettext(h) for h in (N_("When (UTC)"), N_("Who"), N_("What"), N_("Kind"),
                                    N_("Record"), N_("File"))]  # fmt: skip
    st.dataframe(
        [dict(zip(heads, (c.at, c.by, state(t, c.action),
                          kind(t, c.kind), c.record_id, c.file),
                  strict=True)) for c in changes],  # fmt: skip
        key="recent",
        hide_index=True,
    )  # fmt: skip
