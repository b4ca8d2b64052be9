"""Words of the proposals: who stands where, the stance matrix and each proposal's text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from data_model.safe_text import md
from data_model.wording import date_text
from monitor.texts import attributed_words, blockquote, speaker_text, words

POSITION_WORDS = {"supports": "for", "opposes": "against", "mixed": "mixed"}


POSITION_HEADINGS = {"supports": "For", "opposes": "Against", "mixed": "Mixed"}


def positions_markdown(positions: pd.DataFrame) -> str:
    """Positions on proposals as one block of text."""
    if positions.empty:
        return "_No positions on proposals are drawn from this article._"
    return "\n\n".join(
        f"**{md(p.actor_name)}** {POSITION_WORDS[p.position]} · {md(p.policy_name)}\n\n"
        + attributed_words(p.quote, p.kind, p.actor_name, p.relayed_by_name)
        for p in positions.itertuples()
    )


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


def policy_markdown(p: Any) -> str:
    """A proposal's status, who put it forward, its description and the words reporting it
    (the positions on it are drawn on demand: monitor.finding.positions_words)."""
    parts = [
        f"**Status:** {md(words(p.status))} — {md(p.status_note)}  \n"
        f"**Area:** {md(p.category)} · **Put forward by:** "
        f"{md(speaker_text(p.proposed_by_name, p.proposed_by_role, None))} · "
        f"**First reported:** {md(date_text(p.proposed_on, p.proposed_on_precision))}",
        md(p.description),
        blockquote(p.quote) + f"\n>\n> — as reported in {md(p.source_citation)}",
    ]
    return "\n\n".join(parts)


def proposals_markdown(policies: pd.DataFrame) -> str:
    """Proposals with status, proposer and the count of named actors for and against."""
    lines = [
        f"**{md(r.name)}** · {md(words(r.status))}  \n"
        f"Put forward by {md(r.proposed_by_name)}; {r.n_supports} for, {r.n_opposes} against, "
        f"{r.n_mixed} mixed among named actors."
        for r in policies.itertuples()
    ]
    return "\n\n".join(lines)
