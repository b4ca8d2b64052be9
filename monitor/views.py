"""Shapes the pages need, derived from query results: headlines, the stance matrix, marked text."""

from __future__ import annotations

import html

import pandas as pd

from charts.catalogue import hedged_words
from charts.hedged import period_text, reference_date

#: Metrics the Overview leads with, in order.
HEADLINE_METRICS = (
    "arrests-total",
    "arrests-share-users",
    "sent-to-rehabilitation",
    "community-treatment-people",
)

POSITION_WORDS = {"supports": "for", "opposes": "against", "mixed": "mixed"}


def headline_figures(indicators: pd.DataFrame, metric_ids: tuple[str, ...]) -> pd.DataFrame:
    """The most recent figure of each metric, with its hedge in words and its period."""
    if indicators.empty:
        return indicators.assign(words=[], period=[])
    frame = indicators[indicators["metric_id"].isin(metric_ids)]
    frame = frame.assign(_ref=reference_date(frame)).sort_values(["_ref", "value"])
    latest = frame.groupby("metric_id", sort=False).tail(1)
    latest = latest.assign(
        words=[hedged_words(r.value, r.qualifier, r.unit) for r in latest.itertuples()],
        period=[period_text(r.period_start, r.period_end, r.as_of) for r in latest.itertuples()],
        _order=[metric_ids.index(m) for m in latest["metric_id"]],
    )
    return latest.sort_values("_order").drop(columns=["_ref", "_order"]).reset_index(drop=True)


POSITION_HEADINGS = {"supports": "For", "opposes": "Against", "mixed": "Mixed"}


def positions_by_policy(positions: pd.DataFrame) -> dict[str, dict[str, pd.DataFrame]]:
    """For each proposal, its positions grouped under For / Against / Mixed (empty groups out)."""
    grouped: dict[str, dict[str, pd.DataFrame]] = {}
    for policy_id, part in positions.groupby("policy_id", sort=False):
        grouped[str(policy_id)] = {
            heading: part[part["position"] == word]
            for word, heading in POSITION_HEADINGS.items()
            if (part["position"] == word).any()
        }
    return grouped


def positions_summary(proposals: pd.DataFrame, positions: pd.DataFrame) -> pd.DataFrame:
    """One row per proposal: its status and the named actors for, against and mixed."""
    rows = []
    for policy in proposals.itertuples():
        mine = positions[positions["policy_id"] == policy.policy_id]
        names = {
            word: ", ".join(sorted(mine.loc[mine["position"] == word, "actor_name"])) or "—"
            for word in POSITION_HEADINGS
        }
        rows.append(
            {
                "Proposal": policy.name,
                "Status": policy.status.replace("_", " "),
                "For": names["supports"],
                "Against": names["opposes"],
                "Mixed": names["mixed"],
            }
        )
    return pd.DataFrame(rows)


def markdown_table(frame: pd.DataFrame) -> str:
    """A light table (no data-grid script to load); pipes in cells are escaped."""
    if frame.empty:
        return "_Nothing to show._"

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def period_of(figure: object) -> str:
    """The period a figure covers, in words ('1 Jan 2017 – 11 Jan 2017', 'as of …')."""
    return period_text(figure.period_start, figure.period_end, figure.as_of)  # type: ignore[attr-defined]


def stance_matrix(positions: pd.DataFrame) -> pd.DataFrame:
    """Actors (rows) against proposals (columns): 'for', 'against', 'mixed' or blank."""
    if positions.empty:
        return pd.DataFrame()
    words = positions.assign(word=positions["position"].map(POSITION_WORDS))
    matrix = words.pivot_table(
        index="actor_name",
        columns="policy_name",
        values="word",
        aggfunc=lambda s: " / ".join(sorted(set(s))),
    )
    return matrix.fillna("").rename_axis(index="Actor", columns=None)


def marked_body(body: str, citations: pd.DataFrame) -> str:
    """The article as HTML paragraphs with every curated quote highlighted.

    Overlapping quotes merge into one highlight; each highlight's tooltip lists the records
    resting on it. All article text is escaped.
    """
    spans = sorted(
        (int(r.quote_start), int(r.quote_end), f"{r.record_kind}: {r.record_id}")
        for r in citations.itertuples()
        if pd.notna(r.quote_start) and pd.notna(r.quote_end)
    )
    merged: list[list] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(label)
        else:
            merged.append([start, end, [label]])
    out: list[str] = []
    pos = 0
    for start, end, labels in merged:
        out.append(html.escape(body[pos:start]))
        title = html.escape("; ".join(labels), quote=True)
        out.append(f'<mark title="{title}">{html.escape(body[start:end])}</mark>')
        pos = end
    out.append(html.escape(body[pos:]))
    text = "".join(out)
    return "".join(f"<p>{para}</p>" for para in text.split("\n\n"))


CHECK_LABELS = {"fail": "Conflicts", "warn": "Open questions", "pass": "Agree"}
CHECK_BADGES = {
    "fail": ":red-badge[:material/error: Conflict]",
    "warn": ":orange-badge[:material/help: Open question]",
    "pass": ":green-badge[:material/check: Agree]",
}
CHECK_KINDS = ["corroboration", "arithmetic", "gap"]


def check_summary(checks: pd.DataFrame) -> dict[str, int]:
    """How many checks pass, warn and fail."""
    counts = checks["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in CHECK_LABELS}


def filter_checks(checks: pd.DataFrame, statuses: list[str], kinds: list[str]) -> pd.DataFrame:
    """The checks with the chosen statuses and kinds (all when none is chosen)."""
    keep = checks["status"].isin(statuses or list(CHECK_LABELS))
    keep &= checks["kind"].isin(kinds or list(checks["kind"].unique()))
    return checks[keep].reset_index(drop=True)


def readable_checks(
    checks: pd.DataFrame, sources: pd.DataFrame, metrics: pd.DataFrame
) -> pd.DataFrame:
    """Checks with article and metric ids replaced by their labels, for reading."""
    names = dict(zip(sources["source_id"], sources["short_label"], strict=True))
    names |= dict(zip(metrics["metric_id"], metrics["label"].str.lower(), strict=True))
    # Longest ids first, so an id that begins another is not replaced inside it.
    ordered = sorted(names, key=len, reverse=True)

    def relabel(text: object) -> object:
        if not isinstance(text, str):
            return text
        for ident in ordered:
            text = text.replace(ident, names[ident])
        return text

    return checks.assign(
        detail=checks["detail"].map(relabel), source_ids=checks["source_ids"].map(relabel)
    )
