"""The corrections log as the Corrections page shows it: newest first, withdrawn records
listed as withdrawn, each with what it said before and after and why."""

from __future__ import annotations

from typing import Any

import pandas as pd

from data_model.safe_text import md
from data_model.wording import date_text

#: How each action reads on the page.
ACTIONS = {
    "withdrawn": "Withdrawn (no longer in the data; listed here so it is never silently gone)",
    "changed": "Changed",
    "added": "Added by a correction",
}


def _text(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def correction_markdown(r: Any) -> str:
    """One correction: when, which record, what happened to it, before and after, why."""
    when = date_text(pd.Timestamp(r.corrected_on).date(), "day")
    field = _text(r.field)
    head = f"**{md(when)}** · {md(str(r.record_kind))} `{md(str(r.record_id))}`" + (
        f", field {md(field)}" if field else ""
    )
    lines = [head, f"**{ACTIONS.get(str(r.action), md(str(r.action)))}**"]
    for label, value in (("Before", _text(r.old_value)), ("After", _text(r.new_value))):
        if value is not None:
            lines.append(f"{label}: {md(value)}")
    lines.append(f"Why: {md(str(r.reason))}")
    who = f"By {md(str(r.corrected_by))}"
    item = _text(r.review_item)
    lines.append(
        who
        + (f" · answers {md(item)}" if item else "")
        + f" · data version {md(str(r.data_version))}"
    )
    return "  \n".join(lines)


def summary_line(log: pd.DataFrame) -> str:
    """How many corrections, and how many of them withdrew a record."""
    withdrawn = int((log["action"] == "withdrawn").sum())
    return f"{len(log)} corrections, {withdrawn} of them withdrawn records."


def corrections_markdown(log: pd.DataFrame) -> str:
    """Every correction of the log, in the order given (newest first)."""
    if log.empty:
        return "No record has been corrected yet."
    return "\n\n---\n\n".join(correction_markdown(r) for r in log.itertuples())
