"""A second editor's decision record by record: the records approved are published, each one
returned goes back to its researcher with its own comment (issue 24; stop 45's friction 9).

The submission stays in seeds/review/, marked returned, holding the researcher's whole work
(the approved records then equal the published ones, so her next save shows the second editor
only what was returned). Every decision is kept in the article's `reviews:`, naming its records.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.atomic import write_atomic
from corpus.safe_yaml import dump_yaml
from data_model.i18n import Translator
from studio import publish
from studio.publish import AUDIT, ENGLISH, Outcome, ident_of, same_person
from studio.store import check_and_build


def _keyed(records: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        f"{k}:{ident_of(k, r)}": (k, r) for k, v in records.items() if k not in AUDIT for r in v
    }


def _approved_part(
    doc: dict[str, Any], old: dict[str, list[dict[str, Any]]], returned: dict[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """The article's records once the approved ones are published and the returned ones are
    not: a returned correction or withdrawal leaves the published record as it was; a
    returned new record is left out, its sentence excused until she sends it again (else the
    build's coverage rule would refuse the records approved with it)."""
    before, proposed = _keyed(old), _keyed(doc["records"])
    out: dict[str, list[dict[str, Any]]] = {}
    for key, (kind, rec) in proposed.items():
        if key not in returned:
            out.setdefault(kind, []).append(rec)
        elif key in before:
            out.setdefault(kind, []).append(before[key][1])
    for key, (kind, rec) in before.items():
        if key in returned and key not in proposed:  # a withdrawal returned: it stays
            out.setdefault(kind, []).append(rec)
    excused = {r["quote"] for r in out.get("not_coded", [])}
    for key in returned:
        quote = proposed.get(key, ("", {}))[1].get("quote")
        if key not in before and isinstance(quote, str) and quote and quote not in excused:
            excused.add(quote)
            out.setdefault("not_coded", []).append(
                {"source_id": doc["source_id"], "quote": quote, "reason": publish.RETURNED_NOTE}
            )
    return out


def decide(
    seeds_dir: Path,
    source_id: str,
    by: str,
    db_path: Path,
    returned: dict[str, str],
    t: Translator = ENGLISH,
) -> Outcome:
    """Approve the submission's records but those in ``returned`` (record key -> comment),
    which go back to the researcher; with none returned, the whole is approved as before."""
    doc = publish.read_submission(seeds_dir, source_id)
    if doc is None:
        return Outcome(False, t.gettext("Nothing from {article} is waiting for review.")
                       .format(article=source_id))  # fmt: skip
    if not returned:
        return publish.approve(seeds_dir, source_id, by, db_path, t=t)
    if not by.strip() or same_person(doc["saved_by"], by):
        return Outcome(False, t.gettext("A second editor, not the researcher, returns the work."))
    by = " ".join(by.split())
    old = publish.published(seeds_dir, source_id)
    changed = list(dict.fromkeys(c.key for c in publish.diff(old, doc["records"])))
    returned = {k: c.strip() for k, c in returned.items() if k in changed}
    if not returned:  # only records the diff no longer lists were marked
        return publish.approve(seeds_dir, source_id, by, db_path, t=t)
    if missing := [k for k, c in returned.items() if not c]:
        return Outcome(False, t.gettext("Say why each record goes back: {records}")
                       .format(records=", ".join(missing)))  # fmt: skip
    approved = [k for k in changed if k not in returned]
    at = publish.utc_now()
    entries = [{"decision": "returned", "by": by, "at": at, "comment": c, "records": [k]}
               for k, c in returned.items()]  # fmt: skip
    fix_key = "{record_kind}:{record_id}"
    back = [f for f in doc.get("corrections") or [] if fix_key.format(**f) in returned]
    if approved:
        part = doc | {
            "records": _approved_part(doc, old, returned),
            "corrections": [f for f in doc.get("corrections") or [] if f not in back],
        }
        files = [publish.article_file(seeds_dir, source_id), seeds_dir / "curated" / "sources.yaml"]
        kept = {p: (p.read_bytes() if p.exists() else None) for p in files}
        decided = [{"decision": "approved", "by": by, "at": at, "records": approved}, *entries]
        publish.apply_approved(seeds_dir, part, by, False, decided)
        ok, message, problems = check_and_build(seeds_dir, db_path)
        if not ok:
            for path, data in kept.items():
                path.unlink(missing_ok=True) if data is None else write_atomic(path, data)
            return Outcome(False, message, problems)
        history: list[dict[str, Any]] = []  # written to the article's reviews just now
    else:
        message, history = "", [*(doc.get("history") or []), *entries]  # nothing built
    doc |= {"review_status": "returned", "returned": returned, "corrections": back,
            "history": history}  # fmt: skip
    doc.pop("comment", None)
    write_atomic(publish.submission_file(seeds_dir, source_id), dump_yaml(doc).encode("utf-8"))
    if not approved:
        return Outcome(True, t.gettext("Returned to {who} with your comment.")
                       .format(who=doc["saved_by"]))  # fmt: skip
    n = t.number_text(f"{len(approved):,}")
    m = t.number_text(f"{len(returned):,}")
    said = t.gettext("{n} record(s) approved and published, {m} returned to {who} with your "
                     "comments.").format(n=n, m=m, who=doc["saved_by"])  # fmt: skip
    return Outcome(True, f"{said} {publish.build_words(message, t)}", details=message)
