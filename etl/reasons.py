"""The corrections rule: a build that changes or withdraws a published record needs a reason.

`python -m etl build --reason "…"` (and the studio's Save, through `build_arguments`) gives
one reason for every change of that build; without it the build refuses, naming each
changed record. A new entry in seeds/curated/corrections.yaml naming the record is a reason
too. The first build, and one that changes no published record, need none.

The corrections a reason was given for are written back to seeds/curated/corrections.yaml
once the new database is in place, so a rebuild from the YAML alone keeps them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from corpus.atomic import write_atomic
from corpus.problems import InputError, Problems
from corpus.safe_yaml import dump_yaml
from database import write

#: Where the corrections log is curated, under the seeds folder.
CORRECTIONS_FILE = Path("curated") / "corrections.yaml"

#: Who a build-given correction is logged as made by, unless the caller says.
BUILD_CURATOR = "curator (python -m etl build --reason)"


def build_arguments(reason: str | None) -> list[str]:
    """The command-line flags that pass a reason to `python -m etl build` (for the studio,
    whose Save runs the build in a subprocess): none when there is no reason."""
    reason = (reason or "").strip()
    return ["--reason", reason] if reason else []


def refusal(rows: list[tuple[str, str, str, str]]) -> InputError:
    """The build's refusal: one problem per changed record, naming it and its fields."""
    problems = Problems()
    for table, record_id, change, fields in rows:
        what = "withdrawn" if change == "removed" else f"changed ({fields or 'its text'})"
        problems.add(
            "seeds/curated",
            record_id,
            fields or "-",
            f"the published {table} record {record_id} is {what}: give the reason with "
            '`python -m etl build --reason "…"` (or a new entry in corrections.yaml naming it)',
        )
    return InputError(problems)


def reason_step(
    reason: str | None,
    day: str,
    by: str = BUILD_CURATOR,
    report: Callable[[str], None] | None = None,
    logged: list[dict[str, Any]] | None = None,
) -> Callable[[Path], None]:
    """A build step on the new file (before it replaces the old one): refuse unexplained
    changes when no reason is given, else log the reason for each change (and put the
    corrections in ``logged``, for write_back once the file is in place)."""
    reason = (reason or "").strip() or None

    def step(new: Path) -> None:
        con = write.open_new(new)
        try:
            if reason is None:
                rows = write.unexplained_changes(con)
                if rows:
                    raise refusal(rows)
                return
            count = write.log_reason(con, reason, by, day)
            con.execute("CHECKPOINT")
            if logged is not None:
                logged.extend(write.build_corrections(con))
            if report:
                report(f"corrections: logged the reason for {count} changed fields or records")
        finally:
            con.close()

    return step


def _load(text: str) -> Any:
    # libyaml's safe loader where installed: the log grows with every Save, and the pure
    # Python parser took most of a Save's write-back (issue 27).
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def write_back(seeds_dir: Path, logged: list[dict[str, Any]]) -> int:
    """Append the build's corrections not yet in seeds/curated/corrections.yaml to it (one
    atomic write, its comments kept); return how many were added."""
    if not logged:
        return 0
    path = seeds_dir / CORRECTIONS_FILE
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    doc = _load(text) if text else None
    held = {c.get("correction_id") for c in (doc or {}).get("corrections") or []}
    new = [c for c in logged if c["correction_id"] not in held]
    if not new:
        return 0
    if not doc:
        text = "# The corrections log (data_model/records.py, Correction).\ncorrections:\n"
    elif "corrections" not in doc:
        text = text.rstrip("\n") + "\ncorrections:\n"
    elif not doc["corrections"]:  # "corrections: []": a list to append to
        text = text.replace("corrections: []", "corrections:")
    out = text.rstrip("\n") + "\n" + dump_yaml(new)
    wanted = [*((doc or {}).get("corrections") or []), *new]
    try:
        appended = (_load(out) or {}).get("corrections")
    except yaml.YAMLError:
        appended = None
    if appended != wanted:
        # A list written in another indentation: the whole file again, data over comments.
        out = dump_yaml({**(doc or {}), "corrections": wanted})
    write_atomic(path, out.encode("utf-8"))
    return len(new)
