"""The corrections rule: a build that changes or withdraws a published record needs a reason.

`python -m etl build --reason "…"` (and the studio's Save, through `build_arguments`) gives
one reason for every change of that build; without it the build refuses, naming each
changed record. A new entry in seeds/curated/corrections.yaml naming the record is a reason
too. The first build, and one that changes no published record, need none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from corpus.problems import InputError, Problems
from database import write

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
) -> Callable[[Path], None]:
    """A build step on the new file (before it replaces the old one): refuse unexplained
    changes when no reason is given, else log the reason for each change."""
    reason = (reason or "").strip() or None

    def step(new: Path) -> None:
        con = duckdb.connect(str(new))
        try:
            if reason is None:
                rows = write.unexplained_changes(con)
                if rows:
                    raise refusal(rows)
                return
            logged = write.log_reason(con, reason, by, day)
            con.execute("CHECKPOINT")
            if report:
                report(f"corrections: logged the reason for {logged} changed fields or records")
        finally:
            con.close()

    return step
