"""The two-person rule: what a researcher saves waits, provisional, in seeds/review/<source_id>.yaml
(never read by the build); a second editor sees what changed against the published records,
then approves it (written to the curated file, checked and built) or returns it with a comment.

Corrections of published records and every decision are kept as data in the article's curated
file (`corrections:` and `reviews:`), beside the records they concern.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from corpus.atomic import write_atomic
from corpus.problems import Problem
from corpus.safe_yaml import dump_yaml
from data_model.i18n import Translator, translator
from data_model.records import ID_FIELDS
from studio import language
from studio.store import ARTICLE_KINDS, REVIEW_FIELDS, _minimal, check_and_build, render_yaml

REVIEW = "review"
#: The audit trail's kinds: kept with the records, never themselves reviewed or diffed.
AUDIT = ("corrections", "reviews")
_PROVISIONAL = {"review_status": "provisional", "approved_by": None, "approved_at": None}
#: The reason on a sentence whose new record a second editor returned while approving the rest
#: (studio.split): true of the published data until the researcher's next save replaces it.
RETURNED_NOTE = "its record was returned to the researcher for correction, not yet published"
#: The words of an outcome when no language is asked for (the command line's, the tests').
ENGLISH = translator()


@dataclass(frozen=True)
class Change:
    """One field of one record that differs from the published data."""

    kind: str
    record_id: str
    field: str  # "record" for a record added or removed
    old: str | None
    new: str | None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.record_id}"


@dataclass(frozen=True)
class Outcome:
    """What approving, returning or submitting did; nothing changed when not ok."""

    ok: bool
    message: str
    problems: tuple[Problem, ...] = ()
    #: The build's own report, in English, shown apart from ``message``'s one line.
    details: str = ""


#: The build's report lines a summary reads (etl.build's and etl.__main__'s own format).
_VERSION = re.compile(r"^data version (\S+)$", re.M)
_BUILT = re.compile(r"^built .*?: ((?:\d+ \w+(?:, )?)+)$", re.M)
_WARNING = re.compile(r"^warning: ", re.M)


def build_words(log: str, t: Translator) -> str:
    """What a build did, in ``t``'s language, in one line: its data version, the records it
    holds by kind, and how many warnings it gave. The report as printed (its coverage lines,
    each warning) is shown apart, under "What the build said": in the success message it was
    one paragraph of some 40 lines' words, run together (stop 45)."""
    english = t.lang == ENGLISH.lang
    parts = []
    if version := _VERSION.search(log):
        parts.append(t.gettext("data version {version}").format(version=t.digits(version[1])))
    if built := _BUILT.search(log):
        counts = [(int(n), name) for n, name in re.findall(r"(\d+) (\w+)", built[1])]
        # English names them as the build prints them ('31 indicators'); another language
        # by the kind's word (Khmer has no plural).
        held = [f"{t.number_text(f'{n:,}')} {name if english else language.kind(t, name)}"
                for n, name in counts if name in language.KIND_WORDS and n]  # fmt: skip
        if held:
            parts.append(t.gettext("it holds {counts}").format(counts=", ".join(held)))
    if warned := len(_WARNING.findall(log)):
        parts.append(t.gettext("{n} warning(s) from the build, in its own words below")
                     .format(n=t.number_text(f"{warned:,}")))  # fmt: skip
    return "; ".join(parts)


def diff_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def ident_of(kind: str, record: dict[str, Any]) -> str:
    return str(record.get(ID_FIELDS.get(kind, ""), ""))


def diff(
    published: dict[str, list[dict[str, Any]]], proposed: dict[str, list[dict[str, Any]]]
) -> list[Change]:
    """Every record and field of ``proposed`` that differs from ``published``, in file order;
    records added or removed as one change each. Approval fields are not changes."""
    out: list[Change] = []
    for kind in ARTICLE_KINDS:
        if kind in AUDIT:
            continue
        old = {ident_of(kind, r): _minimal(kind, r) for r in published.get(kind, [])
               if r.get("reason") != RETURNED_NOTE}  # a placeholder, not the researcher's  # fmt: skip
        new = {ident_of(kind, r): _minimal(kind, r) for r in proposed.get(kind, [])}
        for ident, rec in new.items():
            if ident not in old:
                out.append(Change(kind, ident, "record", None, "added"))
                continue
            for name in dict.fromkeys([*old[ident], *rec]):
                if name in REVIEW_FIELDS:
                    continue
                a, b = diff_text(old[ident].get(name)), diff_text(rec.get(name))
                if a != b:
                    out.append(Change(kind, ident, name, a, b))
        out += [Change(kind, i, "record", "published", None) for i in old if i not in new]
    return out


# --- files -------------------------------------------------------------------------------


def article_file(seeds_dir: Path, source_id: str) -> Path:
    return seeds_dir / "curated" / "articles" / f"{source_id}.yaml"


def submission_file(seeds_dir: Path, source_id: str) -> Path:
    return seeds_dir / REVIEW / f"{source_id}.yaml"


def published(seeds_dir: Path, source_id: str) -> dict[str, list[dict[str, Any]]]:
    """The article's curated file as published, by kind (empty before its first approval)."""
    path = article_file(seeds_dir, source_id)
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return {k: list(v or []) for k, v in (doc or {}).items() if isinstance(v, list)}


def read_submission(seeds_dir: Path, source_id: str) -> dict[str, Any] | None:
    path = submission_file(seeds_dir, source_id)
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


def submissions(seeds_dir: Path) -> list[dict[str, Any]]:
    """Everything awaiting a second editor or returned, the latest first."""
    found = []
    for path in sorted((seeds_dir / REVIEW).glob("*.yaml")):
        try:
            found.append(yaml.safe_load(path.read_text(encoding="utf-8")))
        except yaml.YAMLError:
            continue
    return sorted(found, key=lambda s: str(s.get("saved_at")), reverse=True)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- submitting --------------------------------------------------------------------------


def corrections(
    changes: list[Change], reasons: dict[str, str], source_id: str, by: str
) -> list[dict[str, Any]]:
    """A corrections-log entry (data_model.records.Correction) per changed field of a published
    record, and per published record withdrawn, with the reason given."""
    on = utc_now().date()
    out = []
    for c in changes:
        if c.field == "record" and c.old is None:
            continue  # a record added to the article is new, not a correction
        withdrawn = c.field == "record"
        out.append(
            {"record_kind": c.kind, "record_id": c.record_id,
             "action": "withdrawn" if withdrawn else "changed",
             "field": None if withdrawn else c.field, "old_value": None if withdrawn else c.old,
             "new_value": None if withdrawn else c.new, "reason": reasons.get(c.key, ""),
             "corrected_on": on, "corrected_by": by}
        )  # fmt: skip
    return out


def submit(
    seeds_dir: Path,
    source_id: str,
    records: dict[str, list[dict[str, Any]]],
    by: str,
    reasons: dict[str, str],
    t: Translator = ENGLISH,
) -> Outcome:
    """Save the work as provisional for a second editor, once it passes the check as if it
    were approved (so the reviewer never sees work the build would refuse). The outcome is
    said in ``t``'s language; the check's own words, naming file, record and field, are not."""
    if not by.strip():
        return Outcome(False, t.gettext("Give your name first: a second editor approves what "
                                        "you save."))  # fmt: skip
    changes = diff(published(seeds_dir, source_id), records)
    fixes = corrections(changes, reasons, source_id, by)
    if missing := sorted({f"{c['record_kind']}:{c['record_id']}" for c in fixes if not
                          c["reason"].strip()}):  # fmt: skip
        return Outcome(False, t.gettext("Say why each published record is corrected: {records}")
                       .format(records=", ".join(missing)))  # fmt: skip
    old = read_submission(seeds_dir, source_id) or {}
    if old.get("review_status") == "provisional" and not same_person(old["saved_by"], by):
        return Outcome(False, t.gettext("{who}'s work on this article is waiting for review: it "
                                        "is approved or returned before another is saved.")
                       .format(who=old["saved_by"]))  # fmt: skip
    doc = {
        "source_id": source_id,
        "review_status": "provisional",
        "saved_by": " ".join(by.split()),
        "saved_at": utc_now(),
        "records": {k: [r | _PROVISIONAL for r in v] for k, v in records.items() if v},
        "corrections": fixes,
        "history": old.get("history") or [],  # earlier returns, kept for the audit trail
    }
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "seeds"
        shutil.copytree(seeds_dir, scratch, ignore=shutil.ignore_patterns("drafts", REVIEW))
        apply_approved(scratch, doc, "the check", single=True)
        ok, message, problems = check_and_build(scratch, Path(tmp) / "x.duckdb", build=False)
        message = message.replace(str(scratch), "seeds")
    if not ok:
        return Outcome(False, message, problems)
    target = submission_file(seeds_dir, source_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, dump_yaml(doc).encode("utf-8"))
    count = sum(len(v) for v in doc["records"].values())
    return Outcome(
        True, t.gettext("Saved for review: {n} record(s), and they pass the check. A second "
                        "editor approves it next.").format(n=t.number_text(f"{count:,}")),
    )  # fmt: skip


# --- deciding ----------------------------------------------------------------------------


def _approve_source(text: str, source_id: str, by: str, at: dt.datetime) -> str:
    """sources.yaml with the provisional source approved, as text (comments and layout kept)."""
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines)
         if re.match(rf"^(\s*)- source_id:\s*['\"]?{re.escape(source_id)}['\"]?\s*$", line)),
        None,
    )  # fmt: skip
    if start is None:
        return text
    indent = " " * (len(lines[start]) - len(lines[start].lstrip()) + 2)
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith("- "):
            break
        if re.match(r"^review_status:\s*['\"]?(provisional|returned)", lines[i].strip()):
            lines[i] = (
                f"{indent}review_status: approved\n{indent}approved_by: {json.dumps(by)}\n"
                f"{indent}approved_at: {at.isoformat()}\n"
            )
            break
    return "".join(lines)


def apply_approved(seeds_dir: Path, doc: dict[str, Any], by: str, single: bool,
           decided: list[dict[str, Any]] | None = None) -> None:  # fmt: skip
    """Write the submission as the approved, published records of its article; ``decided``:
    the decisions kept in its audit trail (the whole submission approved, by default)."""
    sid, at = doc["source_id"], utc_now()
    old = published(seeds_dir, sid)
    changed = {c.key for c in diff(old, doc["records"])}
    before = {f"{k}:{ident_of(k, r)}": r for k, v in old.items() for r in v}
    records: dict[str, list[dict[str, Any]]] = {}
    for kind, items in doc["records"].items():
        for rec in items:
            key = f"{kind}:{ident_of(kind, rec)}"
            if key in changed or key not in before:
                rec = rec | {"review_status": "approved", "approved_by": by, "approved_at": at}
            else:  # unchanged: keeps the approval it had
                rec = rec | {f: before[key].get(f) for f in REVIEW_FIELDS}
            records.setdefault(kind, []).append(rec)
    fixes = old.get("corrections", [])
    for n, fix in enumerate(doc.get("corrections") or [], start=len(fixes) + 1):
        fixes.append({"correction_id": f"{sid}-correction-{n}", **fix})
    reviews = old.get("reviews", [])
    for entry in [*(doc.get("history") or []),
                  *(decided or [{"decision": "approved", "by": by, "at": at}])]:  # fmt: skip
        reviews.append(
            {"review_id": f"{sid}-review-{len(reviews) + 1}", "source_id": sid,
             "submitted_by": doc["saved_by"], "submitted_at": doc["saved_at"], **entry}
            | ({"single_editor": True} if single and entry["decision"] == "approved" else {})
        )  # fmt: skip
    records["corrections"], records["reviews"] = fixes, reviews
    target = article_file(seeds_dir, sid)
    target.parent.mkdir(parents=True, exist_ok=True)
    old_text = target.read_text(encoding="utf-8") if target.exists() else None
    write_atomic(target, render_yaml(sid, records, doc["saved_by"], old_text).encode("utf-8"))
    sources = seeds_dir / "curated" / "sources.yaml"
    if sources.exists():
        text = sources.read_text(encoding="utf-8")
        new = _approve_source(text, sid, by, at)
        if new != text:
            write_atomic(sources, new.encode("utf-8"))


def approve(
    seeds_dir: Path,
    source_id: str,
    by: str,
    db_path: Path,
    single: bool = False,
    t: Translator = ENGLISH,
) -> Outcome:
    """Publish the submission: approved records written, checked and built; or nothing changed.

    ``single`` is the single-editor mode: the researcher approves their own work, said so in
    the review entry. Otherwise the approver must be another person."""
    doc = read_submission(seeds_dir, source_id)
    if doc is None:
        return Outcome(False, t.gettext("Nothing from {article} is waiting for review.")
                       .format(article=source_id))  # fmt: skip
    if not by.strip():
        return Outcome(False, t.gettext("Give your name first: it is kept with the approval."))
    if same_person(doc["saved_by"], by) and not single:
        return Outcome(False, t.gettext("{who} saved this work: a second editor approves it.")
                       .format(who=by))  # fmt: skip
    files = [article_file(seeds_dir, source_id), seeds_dir / "curated" / "sources.yaml"]
    kept = {p: (p.read_bytes() if p.exists() else None) for p in files}
    apply_approved(seeds_dir, doc, " ".join(by.split()), single)
    ok, message, problems = check_and_build(seeds_dir, db_path)
    if not ok:
        for path, data in kept.items():
            path.unlink(missing_ok=True) if data is None else write_atomic(path, data)
        return Outcome(False, message, problems)
    submission_file(seeds_dir, source_id).unlink()
    said = t.gettext("Approved and published. {build}").format(build=build_words(message, t))
    return Outcome(True, said, details=message)


def send_back(seeds_dir: Path, source_id: str, by: str, comment: str,
              t: Translator = ENGLISH) -> Outcome:  # fmt: skip
    """Return the submission to its researcher with a comment; the published data unchanged."""
    doc = read_submission(seeds_dir, source_id)
    if doc is None:
        return Outcome(False, t.gettext("Nothing from {article} is waiting for review.")
                       .format(article=source_id))  # fmt: skip
    if not comment.strip():
        return Outcome(False, t.gettext("Say what needs changing: the comment goes back with it."))
    if not by.strip() or same_person(doc["saved_by"], by):
        return Outcome(False, t.gettext("A second editor, not the researcher, returns the work."))
    entry = {"decision": "returned", "by": " ".join(by.split()), "at": utc_now(),
             "comment": comment.strip()}  # fmt: skip
    doc |= {"review_status": "returned", "comment": comment.strip(),
            "history": [*(doc.get("history") or []), entry]}  # fmt: skip
    write_atomic(
        submission_file(seeds_dir, source_id),
        dump_yaml(doc).encode("utf-8"),
    )
    return Outcome(True, t.gettext("Returned to {who} with your comment.")
                   .format(who=doc["saved_by"]))  # fmt: skip
