"""Texts for finding and citing at any corpus size: summaries, facet counts, why nothing
matched, one page of statements or proposals, and a citation a reader copies."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

import pandas as pd

from data_model.safe_text import md
from data_model.wording import date_text
from database.queries import fold
from monitor import policy_texts, texts

#: Statements drawn per page run, proposals per page run: a page stays the same size
#: however many records match (the Data page's plain table does the same).
STATEMENTS_PER_PAGE = 20
PROPOSALS_PER_PAGE = 15
#: Values listed in one facet's counts; the picker above it offers every value.
FACET_SHOWN = 8

#: Options a picker sends at most (besides those chosen): a list that grows with the data
#: (5,000 articles at 1000x) is narrowed by words typed, not sent whole on every run.
PICKER_LISTED = 50


@dataclass(frozen=True)
class StatementChoice:
    """What a reader chose on the Statements page: the search and every filter."""

    text: str = ""
    organisations: tuple[str, ...] = ()
    actor_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    #: id -> name of speakers and articles, to name the filters in words.
    names: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def query(self) -> dict[str, Any]:
        """The keyword arguments of the statement queries (database.queries)."""
        return {
            "text": self.text.strip(),
            "organisations": list(self.organisations),
            "actor_ids": list(self.actor_ids),
            "source_ids": list(self.source_ids),
            "stances": list(self.stances),
            "topics": list(self.topics),
            "actor_types": list(self.actor_types),
            "years": [int(y) for y in self.years],
        }

    def active(self) -> dict[str, str]:
        """Each filter in use, by its name in the queries, said in words."""

        def listed(values: tuple[Any, ...]) -> str:
            return ", ".join(self.names.get(str(v), texts.words(str(v))) for v in values)

        said = {
            "q": f"the search “{self.text.strip()}”" if self.text.strip() else "",
            "org": f"organisation {listed(self.organisations)}" if self.organisations else "",
            "actor": f"speaker {listed(self.actor_ids)}" if self.actor_ids else "",
            "source": f"article {listed(self.source_ids)}" if self.source_ids else "",
            "stance": f"stance {listed(self.stances)}" if self.stances else "",
            "topic": f"topic {listed(self.topics)}" if self.topics else "",
            "actor_type": f"organisation type {listed(self.actor_types)}"
            if self.actor_types
            else "",
            "year": f"year {listed(self.years)}" if self.years else "",
        }
        return {k: v for k, v in said.items() if v}

    def signature(self) -> tuple[Any, ...]:
        """Changes whenever the chosen statements do (the page then goes back to page 1)."""
        return tuple(sorted((k, str(v)) for k, v in self.query().items()))


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def organisation_names(actors: pd.DataFrame) -> dict[str, str]:
    """Organisations of the actors with statements, as picker options (name -> name)."""
    named = actors.loc[actors["n_statements"] > 0, "organisation"].dropna()
    return {o: o for o in sorted(set(named), key=str.casefold)}


@functools.lru_cache(maxsize=65536)
def _folded(name: str) -> str:
    # Folding 5,000 names takes 100 ms; a run after the first looks them up.
    return fold(name)


def listed_options(
    names: dict[str, str], words: str, chosen: Sequence[str], limit: int
) -> tuple[list[str], int]:
    """A long picker's options: those chosen, then the first `limit` others in the list's
    order whose name holds every word typed (case and accents aside); and how many match."""
    wanted = fold(words).split()
    matching = (
        [k for k, name in names.items() if all(w in _folded(name) for w in wanted)]
        if wanted
        else names
    )
    picked = [k for k in chosen if k in names]
    others = [k for k in itertools.islice(matching, limit + len(picked)) if k not in picked]
    return picked + others[:limit], len(matching)


def listed_text(n_listed: int, n_matching: int, n_all: int, noun: str, words: str) -> str:
    """Under a narrowed picker: what it lists, of how many."""
    if not words.strip():
        return (
            f"Listed: the first {n_listed:,} of {plural(n_all, noun)}; "
            "type words above to find any other."
        )
    if n_matching > n_listed:
        return (
            f"Listed: the first {n_listed:,} of {plural(n_matching, noun)} that match; "
            "type more words to narrow them."
        )
    return f"{plural(n_matching, noun)} of {n_all:,} match{'es' if n_matching == 1 else ''}."


def statement_summary_markdown(summary: dict[str, Any]) -> str:
    """'From 25 speakers in 5 articles, said between … Latest: … Most cited: …'."""
    n = int(summary["n"])
    if not n:
        return ""
    first = date_text(summary["first_said"])
    last = date_text(summary["last_said"])
    when = f"on {last}" if first == last else f"between {first} and {last}"
    cited = ", ".join(
        f"{md(name)} ({int(k):,})"
        for name, k in zip(summary["cited_names"], summary["cited_counts"], strict=True)
    )
    return (
        f"From {plural(int(summary['n_speakers']), 'speaker')} in "
        f"{plural(int(summary['n_articles']), 'article')}, said {when}.  \n"
        f"**Latest:** {md(summary['latest_name'])}, "
        f"{md(date_text(summary['latest_said'], summary['latest_precision']))} · "
        f"**Most cited:** {cited}"
    )


def facet_counts(facets: pd.DataFrame, facet: str) -> str:
    """'Human Rights Watch 7 · Licadho 2 · and 3 more': the values with statements under
    every other filter, most first; empty when none has any."""
    # Plain rows, not boolean masks: a page run asks this of every facet, and pandas
    # filtering cost more than the query behind it.
    rows = [
        (label, int(n))
        for kind, value, label, n in zip(
            *(facets[c].tolist() for c in ("facet", "value", "label", "n")), strict=True
        )
        if kind == facet and n > 0 and not pd.isna(value)
    ]
    if not rows:
        return ""
    shown = [f"{md(texts.words(str(label)))} **{n:,}**" for label, n in rows[:FACET_SHOWN]]
    more = len(rows) - FACET_SHOWN
    return " · ".join(shown) + (f" · and {more} more" if more > 0 else "")


def no_match_text(facets: pd.DataFrame, choice: StatementChoice) -> str:
    """Why no statement matched: the search or filters that match nothing on their own,
    else what leaving out each one would show."""
    active = choice.active()
    if not active:
        return "No statement has been added yet."
    counts = facets[facets["facet"].isin(["only", "without"])]
    count = {(r.facet, r.value): int(r.n) for r in counts.itertuples()}
    alone = [words for name, words in active.items() if count.get(("only", name), 1) == 0]
    if alone:
        searched = (
            " (words, speaker and other spellings, organisation and role were searched)"
            if "q" in active and count.get(("only", "q"), 1) == 0
            else ""
        )
        head = f"Nothing matches {'; '.join(md(w) for w in alone)} on its own{searched}."
        if searched:
            head += _words_matched(facets)
    else:
        together = " and ".join(md(w) for w in active.values())
        head = f"No statement matches {together} together."
    lines = [
        f"Without {md(words)}: {plural(count[('without', name)], 'statement')}."
        for name, words in active.items()
        if count.get(("without", name), 0)
    ]
    return "  \n".join([head, *lines])


def _words_matched(facets: pd.DataFrame) -> str:
    """Of a search of several words that matched nothing: which words no statement holds,
    or, when each is somewhere, that they never meet in one statement."""
    found = facets[facets["facet"] == "word"]
    if len(found) < 2:
        return ""
    missing = [f"“{md(str(r.label))}”" for r in found.itertuples() if int(r.n) == 0]
    if missing:
        return f" No statement holds {' or '.join(missing)}."
    each = ", ".join(
        f"“{md(str(r.label))}” {plural(int(r.n), 'statement')}"
        for r in found.sort_values("value", key=lambda v: v.astype(int)).itertuples()
    )
    return f" Each word is found, never all in one statement: {each}."


def statement_href(statement_id: str) -> str:
    """Relative address of one statement alone (its permalink)."""
    return f"statements?statement={quote_plus(statement_id)}"


def policy_href(policy_id: str) -> str:
    """Relative address of one proposal alone (its permalink)."""
    return f"policies?policy={quote_plus(policy_id)}"


def statement_item_markdown(row: Any) -> str:
    """One statement as the list shows it, with a link to it alone."""
    return texts.statement_markdown(row, statement_href(row.statement_id))


def citation_text(row: Any, permalink: str) -> str:
    """The statement as a reader pastes it into a report: the words as stored, signed only
    by whoever spoke them (a paraphrase is the article's, never in quotation marks under
    the speaker's name), the speaker with the role the article gave, the article, its
    address and the permalink. Plain text: copied, not rendered."""
    who = texts.speaker_text(row.actor_name, row.actor_role, row.organisation)
    relayer = row.relayed_by_name if isinstance(row.relayed_by_name, str) else ""
    words = re.sub(r"\s+", " ", str(row.quote)).strip()
    if row.kind == "direct" and relayer:
        said = f"{who}, according to {relayer}:\n“{words}”\n— {relayer}, passing on {row.actor_name}’s words"
    elif row.kind == "direct":
        said = f"“{words}”\n— {who}"
    elif relayer:
        said = (
            f"{who}, according to {relayer}, as the article reports it "
            f"(the article’s words, not a quotation): {words}"
        )
    else:
        said = f"{who}, as the article reports it (the article’s words, not a quotation): {words}"
    source = f"Source: {row.source_citation}"
    if isinstance(row.source_url, str) and row.source_url:
        source += f". {row.source_url}"
    return f"{said}\n{source}\nPermalink: {permalink}"


def proposal_citation_text(p: Any, permalink: str) -> str:
    """The proposal as a reader pastes it into a report: its name and status, who put it
    forward with the role the article gave, the article's words reporting it (signed by the
    article, as the page signs them), the article, its address and the permalink."""
    proposer = texts.speaker_text(p.proposed_by_name, p.proposed_by_role, None)
    first = date_text(p.proposed_on, p.proposed_on_precision)
    words = re.sub(r"\s+", " ", str(p.quote)).strip()
    source = f"{p.source_citation}"
    if isinstance(p.source_url, str) and p.source_url:
        source += f". {p.source_url}"
    return (
        f"{p.name} ({texts.words(p.status)}), put forward by {proposer}; first reported "
        f"{first}.\nAs the article reports it: “{words}”\n— {source}\nPermalink: {permalink}"
    )


def policy_overview_markdown(overview: dict[str, Any]) -> str:
    """'11 proposed · 3 in effect …  Latest: … · Most discussed: …'."""
    if not int(overview["n"]):
        return ""
    statuses = " · ".join(
        f"{int(k):,} {texts.words(s)}"
        for s, k in zip(overview["status_names"], overview["status_counts"], strict=True)
    )
    lines = [
        f"{statuses}. {plural(int(overview['n_positions']), 'named position')} from "
        f"{plural(int(overview['n_actors']), 'actor')}.",
        f"**Latest:** {md(overview['latest_name'])}, "
        f"{md(date_text(overview['latest_on'], overview['latest_precision']))}",
    ]
    names = overview["discussed_names"]
    if names is not None and len(names):
        lines[-1] += " · **Most discussed:** " + ", ".join(
            f"{md(n)} ({int(k)} positions)"
            for n, k in zip(names, overview["discussed_counts"], strict=True)
        )
    return "  \n".join(lines)


def stand_table(page: pd.DataFrame) -> str:
    """Who stands where on the proposals of one page, as a light table."""
    frame = pd.DataFrame(
        {
            "Proposal": page["name"],
            "Status": page["status"].map(texts.words),
            "For": page["for_names"].fillna("—"),
            "Against": page["against_names"].fillna("—"),
            "Mixed": page["mixed_names"].fillna("—"),
        }
    )
    return texts.markdown_table(frame)


def proposal_markdown(p: Any, *, heading: bool = True) -> str:
    """A proposal without the positions on it (those are drawn on demand)."""
    body = policy_texts.policy_markdown(p)
    link = f"[Link to this proposal]({policy_href(p.policy_id)})"
    return (f"### {md(p.name)}\n\n" if heading else "") + f"{body}\n\n{link}"


def positions_label(p: Any, *, with_citation: bool = False) -> str:
    """'Who stands where, in their words: 3 for, 1 against, 0 mixed', and '· citation to
    copy' when the panel holds that too."""
    label = (
        f"Who stands where, in their words: {p.n_supports} for, {p.n_opposes} against, "
        f"{p.n_mixed} mixed"
    )
    return label + (" · citation to copy" if with_citation else "")


def positions_words(positions: pd.DataFrame) -> str:
    """The named actors for, against and mixed on one proposal, each in their words (signed
    only by whoever spoke them) with their article."""
    if positions.empty:
        return "_No named actor's position on this proposal is reported._"
    parts = []
    for word, heading in policy_texts.POSITION_HEADINGS.items():
        group = positions[positions["position"] == word]
        if group.empty:
            continue
        parts.append(f"**{heading}**")
        for pos in group.itertuples():
            who = texts.speaker_text(pos.actor_name, pos.actor_role, pos.organisation)
            where = f", in [{md(pos.source_label)}]({texts.source_href(pos.source_id)})"
            parts.append(
                texts.attributed_words(pos.quote, pos.kind, who, pos.relayed_by_name, where)
            )
    return "\n\n".join(parts)


def statements_file_name(choice: StatementChoice) -> str:
    """'cambodia-drug-campaign-statements-search-human-rights-watch-stance-critical.csv'."""
    parts = ["cambodia-drug-campaign-statements"]
    for name, words in choice.active().items():
        slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60].strip("-")
        parts.append(slug if name != "q" else "search-" + slug.removeprefix("the-search-"))
    return "-".join(parts) + ".csv"
