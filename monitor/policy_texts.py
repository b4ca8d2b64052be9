"""Words of the proposals: who stands where, the stance matrix and each proposal's text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from data_model.i18n import N_, translator
from data_model.safe_text import md
from data_model.wording import date_text
from monitor.texts import (
    attributed_words,
    blockquote,
    in_language,
    shown_name,
    shown_text,
    speaker_text,
    words,
)

POSITION_WORDS = {"supports": N_("for"), "opposes": N_("against"), "mixed": N_("mixed")}


POSITION_HEADINGS = {"supports": N_("For"), "opposes": N_("Against"), "mixed": N_("Mixed")}


def positions_markdown(positions: pd.DataFrame, lang: str = "en", empty: str = "") -> str:
    """Positions on proposals as one block of text (`empty`: what to say when there are none)."""
    t = translator(lang)
    if positions.empty:
        return (
            "_"
            + (empty or t.gettext("No positions on proposals are drawn from this article."))
            + "_"
        )
    return "\n\n".join(
        f"**{md(shown_name(p, 'actor_name', lang))}** {t.gettext(POSITION_WORDS[p.position])} · "
        f"{md(shown_name(p, 'policy_name', lang))}\n\n"
        + attributed_words(
            p.quote,
            p.kind,
            shown_name(p, "actor_name", lang),
            shown_name(p, "relayed_by_name", lang) or None,
            lang=lang,
        )
        for p in positions.itertuples()
    )


def stance_matrix(positions: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Actors (rows) against proposals (columns): 'for', 'against', 'mixed' or blank."""
    t = translator(lang)
    if positions.empty:
        return pd.DataFrame()
    words = positions.assign(
        word=positions["position"].map(lambda p: t.gettext(POSITION_WORDS[p])),
        actor_name=[shown_name(p, "actor_name", lang) for p in positions.itertuples()],
        policy_name=[shown_name(p, "policy_name", lang) for p in positions.itertuples()],
    )
    matrix = words.pivot_table(
        index="actor_name",
        columns="policy_name",
        values="word",
        aggfunc=lambda s: " / ".join(sorted(set(s))),
    )
    return matrix.fillna("").rename_axis(index=t.gettext("Actor"), columns=None)


def policy_markdown(p: Any, lang: str = "en") -> str:
    """A proposal's status, who put it forward, its description and the words reporting it
    (the positions on it are drawn on demand: monitor.finding.positions_words). The status
    note and description are the curator's, in Khmer where policies.yaml gives them
    (status_note_km, description_km), else English marked as English (render with
    unsafe_allow_html=True); the quote, the article's words."""
    t = translator(lang)
    status, area = t.gettext("Status:"), t.gettext("Area:")
    proposer, first = t.gettext("Put forward by:"), t.gettext("First reported:")
    role = shown_name(p, "proposed_by_role", lang)  # role_km in Khmer where there is one
    note, description = shown_text(p, "status_note", lang), shown_text(p, "description", lang)
    parts = [
        f"**{status}** {md(words(p.status, lang))} — {in_language(md(note[0]), note[1], lang)}  \n"
        f"**{area}** {md(words(p.category, lang))} · **{proposer}** "
        f"{md(speaker_text(shown_name(p, 'proposed_by_name', lang), role, None))} · "
        f"**{first}** {md(date_text(p.proposed_on, p.proposed_on_precision, lang))}",
        in_language(md(description[0]), description[1], lang),
        blockquote(p.quote)
        + "\n>\n> — "
        + t.gettext("as reported in {citation}").format(
            citation=md(shown_name(p, "source_citation", lang))  # the date in Khmer (citation_km)
        ),
    ]
    return "\n\n".join(parts)


def proposals_markdown(policies: pd.DataFrame, lang: str = "en") -> str:
    """Proposals with status, proposer and the count of named actors for and against."""
    t = translator(lang)
    lines = [
        f"**{md(t.pick(r.name, getattr(r, 'label_km', None)))}** · {md(words(r.status, lang))}  \n"
        + t.gettext(
            "Put forward by {name}; {supports} for, {opposes} against, {mixed} mixed among "
            "named actors."
        ).format(
            name=md(shown_name(r, "proposed_by_name", lang)),
            supports=t.digits(str(r.n_supports)),
            opposes=t.digits(str(r.n_opposes)),
            mixed=t.digits(str(r.n_mixed)),
        )
        for r in policies.itertuples()
    ]
    return "\n\n".join(lines)
