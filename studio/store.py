"""Saving a studio session: stable minimal YAML, the check, then the atomic build, or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.atomic import write_atomic
from corpus.problems import InputError, Problem
from corpus.safe_yaml import dump_yaml
from data_model.records import RECORD_KINDS
from etl import warm
from etl.build import check
from etl.reasons import build_arguments
from studio import history

ROOT = Path(__file__).resolve().parent.parent
#: The two-person rule's fields (data_model.records.Reviewed), written after a record's own.
REVIEW_FIELDS = ("review_status", "approved_by", "approved_at")
# Field order as the models declare it, the review fields last: the same record always
# writes the same lines.
_ORDER = {
    kind: [f for f in model.model_fields if f not in REVIEW_FIELDS]
    + [f for f in REVIEW_FIELDS if f in model.model_fields]
    for kind, model in RECORD_KINDS.items()
}
#: The kinds an article's curated file holds, in the order the seeds write them; the audit
#: trail (corrections, reviews) last.
ARTICLE_KINDS = (
    "units",
    "categories",
    "metrics",
    "actors",
    "indicators",
    "statements",
    "policies",
    "positions",
    "events",
    "not_coded",
    "corrections",
    "reviews",
)


@dataclass(frozen=True)
class Saved:
    """The outcome of a save: written and built, or refused with `etl check`'s own words."""

    ok: bool
    path: Path
    message: str
    problems: tuple[Problem, ...] = ()


#: Fields whose blank is a question, not a default: a draft left the area blank for the curator
#: (two places named, a provincial story), so it is written blank and the check asks for it.
_ASKED = frozenset({"geography"})


def _minimal(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """Fields in model order, blanks left out (the model's defaults stand for them), except
    a blank the curator must fill (_ASKED), kept so the check refuses it rather than default."""
    return {k: record[k] for k in _ORDER[kind]
            if record.get(k) not in (None, "") or (k in _ASKED and k in record)}  # fmt: skip


def render_yaml(
    source_id: str,
    records: dict[str, list[dict[str, Any]]],
    editor: str,
    old_text: str | None = None,
) -> str:
    """The curated file: a header naming who saved it and when, then minimal records in model
    field order, each under a comment saying who added or last changed it and when.

    Who and when stay in comments: the records' models forbid unknown fields. A record
    unchanged since ``old_text`` keeps its comment.
    """
    old = history.read(old_text) if old_text else {}
    lines = [
        f"# Records coded in {source_id}, saved with the curation studio.",
        f"# Last saved by {editor or 'unknown'} at {history.now()}.",
    ]
    for kind in ARTICLE_KINDS:
        items = [_minimal(kind, r) for r in records.get(kind, [])]
        if not items and kind not in ("indicators", "statements"):
            continue
        lines.append(f"{kind}:" if items else f"{kind}: []")
        for item in items:
            if kind not in ("corrections", "reviews"):  # the audit trail says who itself
                lines.append(history.stamp(kind, item, old, editor).line())
            dumped = dump_yaml([item])
            lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"


def save(
    seeds_dir: Path,
    source_id: str,
    records: dict[str, list[dict[str, Any]]],
    editor: str,
    db_path: Path,
    build: bool = True,
    reason: str | None = None,
) -> Saved:
    """Write the article's curated file, check every input, then build the database.

    A failed check or build puts the old file back (or removes the new one): every file
    and the database stay as they were. `reason` is the correction's reason the build logs
    for a changed published record (etl.reasons); without it such a save is refused.
    """
    target = seeds_dir / "curated" / "articles" / f"{source_id}.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.read_bytes() if target.exists() else None
    old_text = old.decode("utf-8", errors="replace") if old else None
    write_atomic(target, render_yaml(source_id, records, editor, old_text).encode("utf-8"))

    def undo(message: str, problems: tuple[Problem, ...] = ()) -> Saved:
        if old is None:
            target.unlink(missing_ok=True)
        else:
            write_atomic(target, old)
        return Saved(False, target, message, problems)

    ok, message, problems = check_and_build(seeds_dir, db_path, build, reason)
    return Saved(True, target, message) if ok else undo(message, problems)


def check_and_build(
    seeds_dir: Path, db_path: Path, build: bool = True, reason: str | None = None
) -> tuple[bool, str, tuple[Problem, ...]]:
    """`etl check`, then the build in a subprocess: (ok, what it said, the check's problems).
    `reason` is passed to the build for a changed published record (etl.reasons).

    The build runs in a fork of the warm build process (etl.warm: its imports done once)
    that checks every input as `etl check` does and answers with the problems, so the
    input is checked once; if that process cannot be reached, `etl check` runs here and the
    build in a new process."""
    argv = ["--seeds", str(seeds_dir), "build", "--db", str(db_path), "--no-images"]
    argv += build_arguments(reason)
    done = _warm_build(argv) if build else None
    if done is None:
        try:
            # Files unchanged since the database was built are not parsed again.
            data = check(seeds_dir, previous=db_path)
        except InputError as exc:
            return False, exc.problems.report(), tuple(exc.problems.items)
        counts = ", ".join(f"{len(v)} {k}" for k, v in data.records.items())
        if not build:
            return True, f"input is valid: {counts}", ()
    # A subprocess: the build draws charts with Chromium, which the studio never loads.
    # The data is swapped in first, unchanged charts keeping their images; the images of
    # the charts the save changed follow in the background (pages show those interactive
    # until then), so a Save waits for the data only.
    etl = [sys.executable, "-m", "etl", "--seeds", str(seeds_dir)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code, stdout, stderr, problems = done or (*_new_process(argv, env), [])
    if code != 0:
        return False, (stderr or stdout).strip(), tuple(Problem.from_list(p) for p in problems)
    # STUDIO_NO_CHARTS=1 skips the static chart images (tests, machines without Chromium).
    if os.environ.get("STUDIO_NO_CHARTS") != "1":
        subprocess.Popen(  # noqa: S603 - our own command line, no shell
            [*etl, "images", "--db", str(db_path)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # outlives a studio restart; never blocks the page
        )
    return True, stdout.strip(), ()


def warm_build(seeds_dir: Path | None = None, db_path: Path | None = None) -> None:
    """Start the warm build process (etl.warm) unless it runs, so the first Save finds it
    ready, with the models of `seeds_dir`'s files (built into `db_path`) kept;
    STUDIO_WARM_BUILD=0 runs every build in a new process instead."""
    if os.environ.get("STUDIO_WARM_BUILD") != "0":
        warm.ensure(seeds=seeds_dir, db=db_path)


def _warm_build(argv: list[str]) -> tuple[int, str, str, list[list[object]]] | None:
    """(exit status, stdout, stderr, problems) of the build run by the warm build process;
    None when it cannot be reached or STUDIO_WARM_BUILD=0."""
    if os.environ.get("STUDIO_WARM_BUILD") == "0":
        return None
    done = warm.run(argv)
    return None if done is None else (done.code, done.stdout, done.stderr, done.problems)


def _new_process(argv: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """The build in a new process, as before the warm one (etl.warm)."""
    done = subprocess.run(  # noqa: S603 - our own command line, no shell
        [sys.executable, "-m", "etl", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    return done.returncode, done.stdout, done.stderr
