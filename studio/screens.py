"""The studio's screens around coding: Open (drafts, work under review, published articles),
Approve (a second editor's diff, approval or return), Agreement (two codings compared), and the
corrections' reasons asked for on Save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from data_model.safe_text import md
from studio import drafts, publish, session
from studio.agreement import FIELDS, SAVED, article_body, compare, keep, saved_codings

STATE = st.session_state


def correction_reasons(seeds_dir: Path, source_id: str, records: dict[str, list]) -> list[str]:
    """Each published record the work changes, its fields old and new, and the reason asked
    for; the keys ("kind:id") of those corrected."""
    changes = [c for c in publish.diff(publish.published(seeds_dir, source_id), records)
               if c.old is not None or c.field != "record"]  # fmt: skip
    keys = list(dict.fromkeys(c.key for c in changes))
    if keys:
        st.subheader("Corrections of published records")
        st.caption("Each correction is kept with the records, with its reason: say why.")
    for key in keys:
        with st.container(border=True, key=f"fix-{key.replace(':', '-')}"):
            st.markdown(f"**{md(key)}**")
            st.dataframe(
                [{"Field": c.field, "Published": c.old or "—", "Corrected": c.new or "—"}
                 for c in changes if c.key == key],
                hide_index=True,
            )  # fmt: skip
            reason = st.text_input("Why is it corrected?", STATE["reasons"].get(key, ""),
                                   key=f"reason-{key}")  # fmt: skip
            STATE["reasons"][key] = reason.strip()
    return keys


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


def open_screen(seeds_dir: Path, editor: str) -> None:
    """Open drafts, work waiting for review or returned, and published articles."""
    titles = session.titles(seeds_dir)
    if not editor.strip():
        st.info("Give your name above: your drafts are kept under it.")
    st.subheader("Drafts")
    found = drafts.drafts(seeds_dir)
    if not found:
        st.caption("No draft yet: add an article, or code a published one.")
    for d in found:
        with st.container(border=True, key=f"draft-{d.source_id}-{drafts.slug(d.researcher)}"):
            done = sum(r.status == "accepted" for r in d.rows)
            st.markdown(f"**{md(titles.get(d.source_id, d.source_id))}** · {md(d.researcher)}")
            st.caption(f"{d.source_id}; {done} of {len(d.rows)} records accepted; last saved "
                       f"{d.saved_at}{'; corrections of the published records' if d.reopened else ''}")  # fmt: skip
            if editor.strip() and publish.same_person(d.researcher, editor):
                _button("Continue", f"continue-{d.source_id}", _continue, seeds_dir, d)
    st.subheader("Saved for review")
    waiting = publish.submissions(seeds_dir)
    if not waiting:
        st.caption("Nothing is waiting for a second editor.")
    for sub in waiting:
        sid = sub["source_id"]
        with st.container(border=True, key=f"waiting-{sid}"):
            st.markdown(f"**{md(titles.get(sid, sid))}** · {sub['review_status']}")
            st.caption(f"saved by {sub['saved_by']} at {sub['saved_at']}")
            if sub.get("comment") and sub["review_status"] == "returned":
                st.warning(f"Returned: {sub['comment']}")
            if editor.strip() and publish.same_person(sub["saved_by"], editor):
                _button("Reopen to fix", f"fix-{sid}", _reopen, seeds_dir, sid, editor)
    st.subheader("Published articles")
    published = sorted(p.stem for p in (seeds_dir / "curated" / "articles").glob("*.yaml"))
    if not published:
        st.caption("No article's records are published from the studio yet.")
    for sid in published:
        with st.container(border=True, key=f"published-{sid}"):
            left, a, b = st.columns([4, 1, 1], vertical_alignment="center")
            left.markdown(f"**{md(titles.get(sid, sid))}**  \n{md(sid)}")
            if editor.strip():
                with a:
                    _button("Reopen to correct", f"reopen-{sid}", _reopen, seeds_dir, sid, editor)
                with b:
                    _button("Code it myself", f"afresh-{sid}", _code_afresh, seeds_dir, sid,
                            editor)  # fmt: skip


def _diff_table(seeds_dir: Path, sub: dict[str, Any]) -> None:
    """What changed against the published data, record by record, field by field."""
    sid = sub["source_id"]
    old = publish.published(seeds_dir, sid)
    changes = publish.diff(old, sub["records"])
    if not changes:
        st.caption("No record differs from the published data.")
    proposed = {f"{k}:{publish._ident(k, r)}": r for k, v in sub["records"].items() for r in v}
    reasons = {f"{c['record_kind']}:{c['record_id']}": c["reason"] for c in sub["corrections"]}
    for key in dict.fromkeys(c.key for c in changes):
        mine = [c for c in changes if c.key == key]
        added = mine[0].field == "record" and mine[0].new == "added"
        removed = mine[0].field == "record" and mine[0].old == "published"
        what = "added" if added else "removed" if removed else "corrected"
        with st.container(border=True, key=f"diff-{key.replace(':', '-')}"):
            st.markdown(f"**{md(key)}** · {what}")
            if added:
                rows = [{"Field": f, "Published": "—", "Proposed": publish._text(v) or "—"}
                        for f, v in proposed[key].items()
                        if f not in publish.REVIEW_FIELDS and v not in (None, "")]  # fmt: skip
            else:
                rows = [{"Field": c.field, "Published": c.old or "—", "Proposed": c.new or "—"}
                        for c in mine]  # fmt: skip
            st.table(rows)  # a few lines, read whole: plain text, no grid to load
            if key in reasons:
                st.caption(f"Reason given: {reasons[key]}")


def _decide(seeds_dir: Path, db_path: Path, sid: str, editor: str, approve: bool) -> None:
    if approve:
        result = publish.approve(seeds_dir, sid, editor, db_path)
    else:
        result = publish.send_back(seeds_dir, sid, editor, STATE.get(f"comment-{sid}", ""))
    STATE["decided"] = (result.ok, result.message)


def approve_screen(seeds_dir: Path, db_path: Path, editor: str) -> None:
    """A second editor's review: the diff against the published data, then approve or return."""
    if decided := STATE.pop("decided", None):
        ok, message = decided
        (st.success if ok else st.error)(message)
    waiting = [s for s in publish.submissions(seeds_dir) if s["review_status"] == "provisional"]
    if not waiting:
        st.info("Nothing is waiting for a second editor.")
        return
    titles = session.titles(seeds_dir)
    sid = st.selectbox("Work waiting for review", [s["source_id"] for s in waiting],
                       format_func=lambda s: f"{titles.get(s, s)} ({s})", key="to-review")  # fmt: skip
    sub = next(s for s in waiting if s["source_id"] == sid)
    st.caption(f"Saved by {sub['saved_by']} at {sub['saved_at']}.")
    for entry in sub.get("history") or []:
        st.caption(f"Returned by {entry['by']} at {entry['at']}: {entry.get('comment')}")
    _diff_table(seeds_dir, sub)
    own = publish.same_person(sub["saved_by"], editor)
    if own:
        st.info("You saved this work: a second editor approves or returns it.")
    if not editor.strip():
        st.info("Give your name above: it is kept with your decision.")
    blocked = own or not editor.strip()
    st.text_area("Comment (required to return it)", key=f"comment-{sid}")
    a, b = st.columns(2)
    a.button("Approve and publish", key="approve", type="primary", disabled=blocked,
             on_click=_decide, args=(seeds_dir, db_path, sid, editor, True))  # fmt: skip
    b.button("Return with the comment", key="return", disabled=blocked,
             on_click=_decide, args=(seeds_dir, db_path, sid, editor, False))  # fmt: skip


def agreement_screen(seeds_dir: Path) -> None:
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
        st.info("No article is coded by two researchers yet: each codes it with 'Code it "
                "myself' on Open, without looking at the other's draft. When the second of "
                "them saves, the comparison is kept for the Methodology page.")  # fmt: skip
        return
    sid = st.selectbox("Article", list(twice), key="agree-article")
    names = [d.researcher for d in twice[sid]]
    first = st.selectbox("First researcher", names, 0, key="agree-a")
    second = st.selectbox("Second researcher", names, 1, key="agree-b")
    a = next(d for d in twice[sid] if d.researcher == first)
    b = next(d for d in twice[sid] if d.researcher == second)
    result = compare(a.rows, b.rows, article_body(seeds_dir, sid))
    cols = st.columns(len(FIELDS) + 1)
    cols[0].metric("Records both coded", result.paired,
                   help=f"only {first}: {result.only_first}; only {second}: {result.only_second}")  # fmt: skip
    for col, name in zip(cols[1:], FIELDS, strict=True):
        rate = result.rate(name)
        agree, total = result.rates[name]
        col.metric(f"{name} agreement", "—" if rate is None else f"{rate:.0%}",
                   help=f"{agree} of {total} paired records")  # fmt: skip
    if st.button("Keep this comparison (for the Methodology page)", key="keep-agreement"):
        kept = keep(seeds_dir, sid, first, second, result)
        st.success(f"Kept as {kept} in seeds/curated/agreement.yaml: the next build reports "
                   "it on the Methodology page.")  # fmt: skip
    st.subheader("Where they differ")
    if not result.differences:
        st.caption("Nowhere: every compared field agrees.")
    st.dataframe(
        [{"Kind": d.kind, "Words": d.words, "Field": d.field, first: d.first, second: d.second}
         for d in result.differences],
        hide_index=True, key="differences",
    )  # fmt: skip
