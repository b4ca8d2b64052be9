"""Words of the data checks: their counts, kinds, badges and the list a page shows."""

from __future__ import annotations

import pandas as pd

from data_model.safe_text import md

CHECK_LABELS = {"fail": "Conflicts", "warn": "Open questions", "pass": "Agree"}


CHECK_BADGES = {
    "fail": ":red-badge[:material/error: Conflict]",
    "warn": ":orange-badge[:material/help: Open question]",
    "pass": ":green-badge[:material/check: Agree]",
}


CHECK_KINDS = ["corroboration", "arithmetic", "gap", "restatement", "status", "contested"]


def check_summary(checks: pd.DataFrame) -> dict[str, int]:
    """How many checks pass, warn and fail."""
    counts = checks["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in CHECK_LABELS}


def check_summary_markdown(summary: dict[str, int]) -> str:
    """'0 conflicts · 22 open questions · 12 agree', each with its badge."""
    return " · ".join(f"{CHECK_BADGES[status]} **{summary[status]}**" for status in CHECK_LABELS)


def filter_checks(checks: pd.DataFrame, statuses: list[str], kinds: list[str]) -> pd.DataFrame:
    """The checks with the chosen statuses and kinds (all when none is chosen)."""
    keep = checks["status"].isin(statuses or list(CHECK_LABELS))
    keep &= checks["kind"].isin(kinds or list(checks["kind"].unique()))
    return checks[keep].reset_index(drop=True)


def once_only(checks: pd.DataFrame) -> pd.Series:
    """Checks that only note a figure reported once: worth knowing, rarely a question."""
    return checks["detail"].str.contains("reported once only", regex=False)


def checks_markdown(checks: pd.DataFrame) -> str:
    """The checks as one block of text, each with its badge, kind, detail and articles."""
    if checks.empty:
        return "_No checks match._"
    return "\n\n".join(
        f"{CHECK_BADGES[c.status]} · {md(c.kind)}  \n{md(c.detail)}  \n"
        f":gray[Articles: {md(c.source_ids or 'none')}]"
        for c in checks.itertuples()
    )


#: Checks drawn per page run: the page stays the same size however many checks there are.
CHECKS_PER_PAGE = 50
