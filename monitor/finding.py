"""Texts for finding and citing at any corpus size: summaries, facet counts, why nothing
matched, one page of statements or proposals, and a citation a reader copies.

Long because the Statements and Policies pages share one search's choices, counts and
pages; the citations themselves are written by exports.citations."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

import pandas as pd

from data_model.i18n import translator
from data_model.safe_text import md
from data_model.wording import date_text
from database.queries import fold
from exports import citations
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

    def active(self, lang: str = "en") -> dict[str, str]:
        """Each filter in use, by its name in the queries, said in words."""
        t = translator(lang)

        def listed(values: tuple[Any, ...]) -> str:
            return ", ".join(self.names.get(str(v), texts.words(str(v), lang)) for v in values)

        def said_as(template: str, values: tuple[Any, ...]) -> str:
            return template.format(values=listed(values)) if values else ""

        said = {
            "q": t.gettext("the search “{words}”").format(words=self.text.strip())
            if self.text.strip()
            else "",
            "org": said_as(t.gettext("organisation {values}"), self.organisations),
            "actor": said_as(t.gettext("speaker {values}"), self.actor_ids),
            "source": said_as(t.gettext("article {values}"), self.source_ids),
            "stance": said_as(t.gettext("stance {values}"), self.stances),
            "topic": said_as(t.gettext("topic {values}"), self.topics),
            "actor_type": said_as(t.gettext("organisation type {values}"), self.actor_types),
            "year": said_as(t.gettext("year {values}"), self.years),
        }
        return {k: v for k, v in said.items() if v}

    def signature(self) -> tuple[Any, ...]:
        """Changes whenever the chosen statements do (the page then goes back to page 1)."""
        return tuple(sorted((k, str(v)) for k, v in self.query().items()))


def bold(text: str) -> str:
    """Markdown bold around words of ours (never around data)."""
    return f"**{text}**"


def plural(n: int, noun: str, lang: str = "en") -> str:
    """'1 speaker', '2,400 articles' in the reader's language; a noun not listed here is
    written the English way."""
    t = translator(lang)
    forms = {
        "speaker": t.ngettext("{n} speaker", "{n} speakers", n),
        "article": t.ngettext("{n} article", "{n} articles", n),
        "statement": t.ngettext("{n} statement", "{n} statements", n),
        "named position": t.ngettext("{n} named position", "{n} named positions", n),
        "actor": t.ngettext("{n} actor", "{n} actors", n),
        "organisation": t.ngettext("{n} organisation", "{n} organisations", n),
        "metric": t.ngettext("{n} metric", "{n} metrics", n),
    }
    english = "{n} " + noun + ("" if n == 1 else "s")
    return forms.get(noun, english).format(n=t.number_text(f"{n:,}"))


def organisation_names(actors: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Organisations of the actors with statements, as picker options (name -> the name as
    the page's language shows it: organisation_km in Khmer where there is one)."""
    said = actors.loc[actors["n_statements"] > 0].dropna(subset=["organisation"])
    khmer = said["organisation_km"] if "organisation_km" in said else [None] * len(said)
    t = translator(lang)
    shown = {o: t.pick(o, k) for o, k in zip(said["organisation"], khmer, strict=True)}
    return dict(sorted(shown.items(), key=lambda item: item[0].casefold()))


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


def listed_text(
    n_listed: int, n_matching: int, n_all: int, noun: str, words: str, lang: str = "en"
) -> str:
    """Under a narrowed picker: what it lists, of how many."""
    t = translator(lang)
    listed = t.number_text(f"{n_listed:,}")
    if not words.strip():
        return t.gettext(
            "Listed: the first {listed} of {all}; type words above to find any other."
        ).format(listed=listed, all=plural(n_all, noun, lang))
    if n_matching > n_listed:
        return t.gettext(
            "Listed: the first {listed} of {matching} that match; type more words to narrow them."
        ).format(listed=listed, matching=plural(n_matching, noun, lang))
    return t.ngettext(
        "{matching} of {all} matches.", "{matching} of {all} match.", n_matching
    ).format(matching=plural(n_matching, noun, lang), all=t.number_text(f"{n_all:,}"))


def statement_summary_markdown(summary: dict[str, Any], lang: str = "en") -> str:
    """'From 25 speakers in 5 articles, said between … Latest: … Most cited: …'."""
    t = translator(lang)
    n = int(summary["n"])
    if not n:
        return ""
    first = date_text(summary["first_said"], lang=lang)
    last = date_text(summary["last_said"], lang=lang)
    when = (
        t.gettext("on {day}").format(day=last)
        if first == last
        else t.gettext("between {first} and {last}").format(first=first, last=last)
    )
    # Speakers by their Khmer names in Khmer (name_km), else as the data spells them.
    names = list(summary["cited_names"])
    khmer = summary.get("cited_names_km")
    khmer = list(khmer) if khmer is not None else [None] * len(names)
    cited = ", ".join(
        f"{md(t.pick(name, km))} ({t.number_text(f'{int(k):,}')})"
        for name, km, k in zip(names, khmer, summary["cited_counts"], strict=True)
    )
    latest = date_text(summary["latest_said"], summary["latest_precision"], lang)
    return (
        t.gettext("From {speakers} in {articles}, said {when}.").format(
            speakers=plural(int(summary["n_speakers"]), "speaker", lang),
            articles=plural(int(summary["n_articles"]), "article", lang),
            when=when,
        )
        + "  \n"
        + bold(t.gettext("Latest:"))
        + f" {md(t.pick(summary['latest_name'], summary.get('latest_name_km')))}, {md(latest)} · "
        + bold(t.gettext("Most cited:"))
        + f" {cited}"
    )


def facet_counts(
    facets: pd.DataFrame, facet: str, lang: str = "en", names: dict[str, str] | None = None
) -> str:
    """'Human Rights Watch 7 · Licadho 2 · and 3 more': the values with statements under
    every other filter, most first, each by its name in `names` where given (a speaker's
    Khmer name), a year in the language's digits; empty when none has any."""
    # Plain rows, not boolean masks: a page run asks this of every facet, and pandas
    # filtering cost more than the query behind it.
    rows = [
        ((names or {}).get(str(value), label), int(n))
        for kind, value, label, n in zip(
            *(facets[c].tolist() for c in ("facet", "value", "label", "n")), strict=True
        )
        if kind == facet and n > 0 and not pd.isna(value)
    ]
    if not rows:
        return ""
    t = translator(lang)
    shown = [
        f"{md(t.digits(str(label)) if facet == 'year' else texts.words(str(label), lang))} "
        f"**{t.number_text(f'{n:,}')}**"
        for label, n in rows[:FACET_SHOWN]
    ]
    more = len(rows) - FACET_SHOWN
    return " · ".join(shown) + (
        " · " + t.gettext("and {n} more").format(n=t.digits(str(more))) if more > 0 else ""
    )


def no_match_text(facets: pd.DataFrame, choice: StatementChoice, lang: str = "en") -> str:
    """Why no statement matched: the search or filters that match nothing on their own,
    else what leaving out each one would show."""
    t = translator(lang)
    active = choice.active(lang)
    if not active:
        return t.gettext("No statement has been added yet.")
    counts = facets[facets["facet"].isin(["only", "without"])]
    count = {(r.facet, r.value): int(r.n) for r in counts.itertuples()}
    alone = [words for name, words in active.items() if count.get(("only", name), 1) == 0]
    if alone:
        searched = (
            " "
            + t.gettext("(words, speaker and other spellings, organisation and role were searched)")
            if "q" in active and count.get(("only", "q"), 1) == 0
            else ""
        )
        head = t.gettext("Nothing matches {filters} on its own{searched}.").format(
            filters="; ".join(md(w) for w in alone), searched=searched
        )
        if searched:
            head += _words_matched(facets, lang)
    else:
        together = t.gettext(" and ").join(md(w) for w in active.values())
        head = t.gettext("No statement matches {filters} together.").format(filters=together)
    lines = [
        t.gettext("Without {filter}: {statements}.").format(
            filter=md(words), statements=plural(count[("without", name)], "statement", lang)
        )
        for name, words in active.items()
        if count.get(("without", name), 0)
    ]
    return "  \n".join([head, *lines])


def _words_matched(facets: pd.DataFrame, lang: str = "en") -> str:
    """Of a search of several words that matched nothing: which words no statement holds,
    or, when each is somewhere, that they never meet in one statement."""
    t = translator(lang)
    found = facets[facets["facet"] == "word"]
    if len(found) < 2:
        return ""
    missing = [f"“{md(str(r.label))}”" for r in found.itertuples() if int(r.n) == 0]
    if missing:
        return " " + t.gettext("No statement holds {words}.").format(
            words=t.gettext(" or ").join(missing)
        )
    each = ", ".join(
        f"“{md(str(r.label))}” {plural(int(r.n), 'statement', lang)}"
        for r in found.sort_values("value", key=lambda v: v.astype(int)).itertuples()
    )
    return " " + t.gettext("Each word is found, never all in one statement: {each}.").format(
        each=each
    )


def statement_href(statement_id: str, lang: str = "en") -> str:
    """Relative address of one statement alone (its permalink, in the reader's language)."""
    return f"statements?statement={quote_plus(statement_id)}{texts.lang_part(lang)}"


def policy_href(policy_id: str, lang: str = "en") -> str:
    """Relative address of one proposal alone (its permalink, in the reader's language)."""
    return f"policies?policy={quote_plus(policy_id)}{texts.lang_part(lang)}"


def statement_item_markdown(row: Any, lang: str = "en") -> str:
    """One statement as the list shows it, with a link to it alone."""
    return texts.statement_markdown(row, statement_href(row.statement_id, lang), lang)


def citation_text(row: Any, permalink: str, lang: str = "en", version: str | None = None) -> str:
    """The statement as a reader pastes it into a report (exports.citations): the words as
    stored, signed only by whoever spoke them, the speaker with the role the article gave,
    the article, its address, the data version and the permalink."""
    # Names as the page's language shows them (name_km in Khmer), never blank.
    relayer = texts.shown_name(row, "relayed_by_name", lang)
    speaker = texts.shown_name(row, "actor_name", lang)
    claim = citations.statement_claim(
        row.quote,
        row.kind,
        texts.speaker_text(
            speaker,
            texts.shown_name(row, "actor_role", lang),
            texts.shown_name(row, "organisation", lang),
        ),
        speaker,
        relayer or None,
        lang,
    )
    return citations.cite(claim, _where(row, permalink, version, lang), lang)


def proposal_citation_text(
    p: Any, permalink: str, lang: str = "en", version: str | None = None
) -> str:
    """The proposal as a reader pastes it into a report (exports.citations): its name and
    status, who put it forward with the role the article gave, the article's words reporting
    it, the article, its address, the data version and the permalink."""
    t = translator(lang)
    claim = citations.proposal_claim(
        t.pick(p.name, getattr(p, "label_km", None)),
        texts.words(p.status, lang),
        texts.speaker_text(
            texts.shown_name(p, "proposed_by_name", lang),
            texts.shown_name(p, "proposed_by_role", lang),
            None,
        ),
        date_text(p.proposed_on, p.proposed_on_precision, lang),
        p.quote,
        lang,
    )
    return citations.cite(claim, _where(p, permalink, version, lang), lang)


def _where(row: Any, permalink: str, version: str | None, lang: str = "en") -> citations.Cited:
    return citations.cited_at(row, citations.source_citation(row, lang), permalink, version)


def policy_overview_markdown(overview: dict[str, Any], lang: str = "en") -> str:
    """'11 proposed · 3 in effect …  Latest: … · Most discussed: …'."""
    t = translator(lang)
    if not int(overview["n"]):
        return ""
    statuses = " · ".join(
        f"{t.number_text(f'{int(k):,}')} {texts.words(s, lang)}"
        for s, k in zip(overview["status_names"], overview["status_counts"], strict=True)
    )
    lines = [
        f"{statuses}. "
        + t.gettext("{positions} from {actors}.").format(
            positions=plural(int(overview["n_positions"]), "named position", lang),
            actors=plural(int(overview["n_actors"]), "actor", lang),
        ),
        bold(t.gettext("Latest:"))
        + f" {md(t.pick(overview['latest_name'], overview.get('latest_name_km')))}, "
        f"{md(date_text(overview['latest_on'], overview['latest_precision'], lang))}",
    ]
    names = overview["discussed_names"]
    if names is not None and len(names):
        khmer = overview.get("discussed_names_km")
        khmer = list(khmer) if khmer is not None else [None] * len(names)
        names = [t.pick(n, k) for n, k in zip(names, khmer, strict=True)]
        lines[-1] += (
            " · "
            + bold(t.gettext("Most discussed:"))
            + " "
            + ", ".join(
                f"{md(n)} ("
                + t.ngettext("{n} position", "{n} positions", int(k)).format(
                    n=t.digits(str(int(k)))
                )
                + ")"
                for n, k in zip(names, overview["discussed_counts"], strict=True)
            )
        )
    return "  \n".join(lines)


def _names(page: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """A column of names for or against, as Khmer pages show them (`<column>_km`), '—'
    where there is none."""
    if lang != "en" and f"{column}_km" in page.columns:
        return page[f"{column}_km"].fillna("—")
    return page[column].fillna("—")


def stand_table(page: pd.DataFrame, lang: str = "en") -> str:
    """Who stands where on the proposals of one page, as a light table."""
    t = translator(lang)
    names = page["name"]
    if "label_km" in page.columns:
        names = [t.pick(n, k) for n, k in zip(page["name"], page["label_km"], strict=True)]
    frame = pd.DataFrame(
        {
            t.gettext("Proposal"): names,
            t.gettext("Status"): page["status"].map(lambda s: texts.words(s, lang)),
            t.gettext("For"): _names(page, "for_names", lang),
            t.gettext("Against"): _names(page, "against_names", lang),
            t.gettext("Mixed"): _names(page, "mixed_names", lang),
        }
    )
    return texts.markdown_table(frame, lang)


def proposal_markdown(p: Any, *, heading: bool = True, lang: str = "en") -> str:
    """A proposal without the positions on it (those are drawn on demand)."""
    t = translator(lang)
    body = policy_texts.policy_markdown(p, lang)
    words = t.gettext("Link to this proposal")
    link = f"[{words}]({policy_href(p.policy_id, lang)})"
    name = t.pick(p.name, getattr(p, "label_km", None))
    return (f"### {md(name)}\n\n" if heading else "") + f"{body}\n\n{link}"


def positions_label(p: Any, *, with_citation: bool = False, lang: str = "en") -> str:
    """'Who stands where, in their words: 3 for, 1 against, 0 mixed', and '· citation to
    copy' when the panel holds that too."""
    t = translator(lang)
    label = t.gettext(
        "Who stands where, in their words: {supports} for, {opposes} against, {mixed} mixed"
    ).format(
        supports=t.digits(str(p.n_supports)),
        opposes=t.digits(str(p.n_opposes)),
        mixed=t.digits(str(p.n_mixed)),
    )
    return label + (" · " + t.gettext("citation to copy") if with_citation else "")


def positions_words(positions: pd.DataFrame, lang: str = "en") -> str:
    """The named actors for, against and mixed on one proposal, each in their words (signed
    only by whoever spoke them) with their article."""
    t = translator(lang)
    if positions.empty:
        return "_" + t.gettext("No named actor's position on this proposal is reported.") + "_"
    parts = []
    for word, heading in policy_texts.POSITION_HEADINGS.items():
        group = positions[positions["position"] == word]
        if group.empty:
            continue
        parts.append(bold(t.gettext(heading)))
        for pos in group.itertuples():
            who = texts.speaker_text(
                texts.shown_name(pos, "actor_name", t.lang),
                texts.shown_name(pos, "actor_role", t.lang),
                texts.shown_name(pos, "organisation", t.lang),
            )
            where = ", " + t.gettext("in {article}").format(
                article=f"[{md(pos.source_label)}]({texts.source_href(pos.source_id, lang)})"
            )
            parts.append(
                texts.attributed_words(
                    pos.quote, pos.kind, who, pos.relayed_by_name, where, lang=lang
                )
            )
    return "\n\n".join(parts)


def statements_file_name(choice: StatementChoice, lang: str = "en") -> str:
    """'cambodia-drug-campaign-statements-search-human-rights-watch-stance-critical.csv'."""
    parts = ["cambodia-drug-campaign-statements"]
    for name, words in choice.active().items():
        slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:60].strip("-")
        parts.append(slug if name != "q" else "search-" + slug.removeprefix("the-search-"))
    if lang != "en":  # the filters are named in English (ASCII); the language is marked
        parts.append(lang)
    return "-".join(parts) + ".csv"
