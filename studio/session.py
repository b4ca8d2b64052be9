"""One article's work in the studio's session: started from an added article, continued from a
draft, a returned submission or the published records, and kept as a draft after every action."""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from corpus.cleaning import clean_body
from corpus.khmer import has_khmer, word_spans
from corpus.load import read_curated
from corpus.problems import Problems
from corpus.quotes import BodyIndex
from corpus.sentences import sentences
from curation.suggest.failure import DraftFailed, draft_or_explain
from curation.suggest.guess import Curated, curated_lists
from curation.suggest.records import Row
from data_model.records import ID_FIELDS, RECORD_KINDS
from studio import drafts, publish
from studio.codebook import KINDS, adopt

State = MutableMapping[str, Any]
_CODED = ("indicators", "statements", "policies", "positions", "events")


def headline(text: str) -> str:
    """The first line that reads as a headline: not a logo, a link, a dateline or a short
    all-capitals banner (a captured page often starts with the outlet's logo line). Words
    are counted as Khmer is written (khmercut's words): a Khmer headline has few spaces, and
    counting them took its dateline sentence for the headline."""
    for line in (raw.strip() for raw in text.splitlines()):
        n_words = len(word_spans(line)) if has_khmer(line) else len(line.split())
        if (n_words >= 4 and not line.lower().startswith(("logo", "http", "www."))
                and not line.isupper() and "|" not in line):  # fmt: skip
            return line
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _sources(seeds_dir: Path) -> list[dict[str, Any]]:
    """Every source record registered under seeds/curated (whichever file lists it)."""
    found = read_curated(seeds_dir / "curated", seeds_dir.parent, Problems())
    return [r.data for r in found if r.kind == "sources" and r.data.get("source_id")]


def source(seeds_dir: Path, source_id: str) -> dict[str, Any] | None:
    """The article's source record as registered."""
    return next((s for s in _sources(seeds_dir) if s["source_id"] == source_id), None)


def titles(seeds_dir: Path) -> dict[str, str]:
    return {s["source_id"]: str(s.get("title") or s["source_id"]) for s in _sources(seeds_dir)}


def _begin(state: State, seeds_dir: Path, source_id: str, editor: str) -> Curated | None:
    src = source(seeds_dir, source_id)
    if src is None:
        return None
    raw = (seeds_dir / "articles" / src["seed_file"]).read_text(encoding="utf-8")
    published = src["published_on"]
    published = published if isinstance(published, dt.date) else None
    curated = curated_lists(seeds_dir)
    state.update(source_id=source_id, editor_name=editor, curated=curated, problems={},
                 body=clean_body(raw, src.get("title")), passage=None, made={}, reasons={},
                 draft_input=(raw, src.get("title"), published), reopened=False,
                 draft_failed=None)  # fmt: skip
    return curated


def start(state: State, seeds_dir: Path, source_id: str, editor: str) -> None:
    """A freshly added article: the draft's candidates, its new entries in the codebook."""
    curated = _begin(state, seeds_dir, source_id, editor)
    if curated is None:
        return
    raw, title, published = state["draft_input"]
    try:
        rows = draft_or_explain(raw, title, source_id, published, curated, article=source_id)[1]
    except DraftFailed as exc:
        # The article stays added and open with no candidate: the Review screen says why and
        # the curator codes it by hand (picking words in its clean text), never a traceback.
        state.update(rows=[], set_aside={}, draft_failed=str(exc))
        return
    adopt(state, curated, rows)
    state.update(rows=rows, set_aside={})


def continue_draft(state: State, seeds_dir: Path, draft: drafts.Draft) -> None:
    curated = _begin(state, seeds_dir, draft.source_id, draft.researcher)
    if curated is None:
        return
    state.update(rows=draft.rows, set_aside=dict(draft.set_aside), made=draft.made,
                 reasons=dict(draft.reasons), reopened=draft.reopened)  # fmt: skip


def _rows_of(
    records: dict[str, list[dict[str, Any]]], body: str, state: State
) -> tuple[list[Row], dict[int, str]]:
    """Records as accepted rows at their quotes' places; made entries and not-coded reasons."""
    index, rows = BodyIndex(body), []
    for kind in _CODED:
        for rec in records.get(kind) or []:
            start, end = index.locate(str(rec.get("quote", ""))) or (0, 0)
            full = dict.fromkeys(RECORD_KINDS[kind].model_fields) | rec
            rows.append(Row(kind, full, start, end, "accepted", notes=["as published"]))
    for kind in KINDS:
        for rec in records.get(kind) or []:
            state["made"].setdefault(kind, {})[str(rec[KINDS[kind]])] = dict(rec)
    starts = {s.text: s.start for s in sentences(body)}
    set_aside = {starts[n["quote"]]: n["reason"] for n in records.get("not_coded") or []
                 if n.get("quote") in starts}  # fmt: skip
    return sorted(rows, key=lambda r: r.start), set_aside


def reopen(state: State, seeds_dir: Path, source_id: str, editor: str) -> str:
    """Continue the editor's own draft of the article if there is one; else the submission
    waiting or returned; else the published records, to correct. What was opened, in words."""
    own = drafts.load_draft(seeds_dir, source_id, editor)
    if own is not None:
        continue_draft(state, seeds_dir, own)
        return "your draft"
    if _begin(state, seeds_dir, source_id, editor) is None:
        return "nothing: the article is not registered"
    submitted = publish.read_submission(seeds_dir, source_id)
    records = (submitted or {}).get("records") or publish.published(seeds_dir, source_id)
    state["rows"], state["set_aside"] = _rows_of(records, state["body"], state)
    state["reopened"] = bool(publish.published(seeds_dir, source_id))
    if submitted:
        return f"the work saved by {submitted['saved_by']} ({submitted['review_status']})"
    return "the published records, to correct"


def keep(state: State, seeds_dir: Path) -> None:
    """Save the session's work as the editor's draft when it changed since the last save."""
    sid, who, rows = state.get("source_id"), state.get("editor_name"), state.get("rows")
    if not (sid and who and rows is not None):
        return
    draft = drafts.Draft(sid, who, rows, state.get("set_aside") or {}, state.get("made") or {},
                         state.get("reasons") or {}, bool(state.get("reopened")))  # fmt: skip
    fingerprint = repr((draft.rows, draft.set_aside, draft.made, draft.reasons))
    if state.get("kept") != fingerprint:
        drafts.save_draft(seeds_dir, draft)
        state["kept"] = fingerprint


def ids_in_use(rows: list[Row]) -> set[str]:
    return {str(r.record.get(ID_FIELDS[r.kind])) for r in rows}
