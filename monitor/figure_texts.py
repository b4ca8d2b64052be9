"""Words around the figures: headlines, how sure each is, the evidence behind a chart."""

from __future__ import annotations

from typing import Any

import pandas as pd

from charts.hedged import reference_date
from charts.words import of_the_country
from data_model.i18n import N_, translator
from data_model.safe_text import md
from data_model.wording import hedged_words, period_text, unit_words
from exports import citations
from exports.citations import unattributed
from monitor.texts import blockquote, source_href


def headline_metrics(metrics: pd.DataFrame) -> tuple[str, ...]:
    """The metrics the Overview leads with, in the order their headline_rank gives
    (metrics.yaml)."""
    ranked = metrics[metrics["headline_rank"].notna()].sort_values(["headline_rank", "metric_id"])
    return tuple(str(m) for m in ranked["metric_id"])


def headline_figures(
    indicators: pd.DataFrame, metric_ids: tuple[str, ...], lang: str = "en"
) -> pd.DataFrame:
    """The most recent figure of each metric, with its hedge in words and its period."""
    if indicators.empty:
        return indicators.assign(words=[], period=[])
    frame = indicators[indicators["metric_id"].isin(metric_ids)]
    # A headline is a number an article gives, told once: never vague words, never a
    # restatement of a better-specified figure.
    if "restates" in frame.columns:
        frame = frame[frame["restates"].isna()]
    frame = frame[frame["value"].notna()]
    # A metric's headline is its latest national figure where it has one.
    frame = frame[of_the_country(frame)]
    frame = frame.assign(_ref=reference_date(frame)).sort_values(["_ref", "value"])
    latest = frame.groupby("metric_id", sort=False).tail(1)
    latest = latest.assign(
        words=[
            hedged_words(r.value, r.qualifier, unit_words(r), lang, getattr(r, "value_to", None))
            for r in latest.itertuples()
        ],
        period=[
            period_text(r.period_start, r.period_end, r.as_of, lang) for r in latest.itertuples()
        ],
        _order=[metric_ids.index(m) for m in latest["metric_id"]],
    )
    return latest.sort_values("_order").drop(columns=["_ref", "_order"]).reset_index(drop=True)


def figures_markdown(figures: pd.DataFrame, lang: str = "en") -> str:
    """Figures as one block of text: the hedged figure, what and when, who, the words."""
    t = translator(lang)
    if figures.empty:
        return "_" + t.gettext("No figures are drawn from this article.") + "_"
    return "\n\n".join(
        f"**{md(f.label)}** {md(f.metric_label.lower())} · "
        f"{md(period_text(f.period_start, f.period_end, f.as_of, lang))} · {md(f.attribution)}"
        + (
            " · " + t.gettext("restates {record}").format(record=f"`{md(f.restates)}`")
            if isinstance(f.restates, str)
            else ""
        )
        + f"\n\n{blockquote(f.quote)}"
        for f in figures.itertuples()
    )


#: 'How we know' quotes at most this many reports; the Data page has them all.
EVIDENCE_SHOWN = 20


def evidence_markdown(evidence: pd.DataFrame, lang: str = "en") -> str:
    """The words behind each figure of a chart, with who gave it and a link to the article."""
    t = translator(lang)
    if evidence.empty:
        return t.gettext("No article reports these figures yet.")
    blocks = [
        f"**{md(e.label)}** {md(e.metric_label.lower())} · {md(e.period)}\n\n"
        f"{blockquote(e.quote)}\n>\n"
        # The article's words, not the speaker's: signed by the article, attribution named.
        f"> — "
        + signed_by_article(
            f"[{md(e.source_citation)}]({source_href(e.source_id, lang)})", md(e.attribution), lang
        )
        for e in evidence.head(EVIDENCE_SHOWN).itertuples()
    ]
    if len(evidence) > EVIDENCE_SHOWN:
        # A panel of hundreds of quotes is read by no one and weighs on every page run.
        blocks.append(
            t.gettext(
                "The first {shown} of {total} reports. Every one, with its quote and article, "
                "is on the [Data page]({href}) (table 'Figures')."
            ).format(
                shown=t.digits(str(EVIDENCE_SHOWN)),
                total=t.number_text(f"{len(evidence):,}"),
                href="data" + ("?lang=" + lang if lang != "en" else ""),
            )
        )
    return "\n\n".join(blocks)


HEDGE_SURENESS = {
    "exact": N_("an exact count as reported"),
    "approx": N_("a rounded figure"),
    "more_than": N_("a lower bound (the true number is higher)"),
    "at_least": N_("a lower bound (the true number may be higher)"),
    "fewer_than": N_("an upper bound (the true number is lower)"),
    "at_most": N_("an upper bound (the true number may be lower)"),
    "between": N_("a range (the article gives its low and high ends)"),
}


def headline_evidence(row: Any, lang: str = "en") -> str:
    """The words a headline figure rests on, signed by the article that printed them: the
    attribution says whom the article credits, never signs the words as theirs (review 19).
    The quote stays in the words printed, whatever the reader's language."""
    return f"“{row.quote}” — " + signed_by_article(row.source_label, row.attribution, lang)


def signed_by_article(article: str, attribution: str, lang: str = "en") -> str:
    """'<article>, attributing it to officials', or where the article credits no one,
    '<article>, not attributed (the article's lead)': never 'attributing it to not
    attributed'."""
    if unattributed(str(attribution)):
        return f"{article}, {attribution}"
    signed = translator(lang).gettext("{article}, attributing it to {attribution}")
    return signed.format(article=article, attribution=attribution)


def evidence_citations(
    evidence: pd.DataFrame, permalink: str, version: str | None, lang: str = "en"
) -> list[tuple[str, str]]:
    """Each figure 'How we know' quotes (the first EVIDENCE_SHOWN), as (button label,
    citation): the figure as the chart labels it, its words, its article, the chart's
    address and the data version (exports.citations, the one builder)."""
    out = []
    for e in evidence.head(EVIDENCE_SHOWN).itertuples():
        claim = citations.figure_claim(
            e.label, e.metric_label, e.period, e.attribution, e.quote, lang
        )
        where = citations.cited_at(e, citations.source_citation(e, lang), permalink, version)
        out.append(
            (f"{e.label} · {e.metric_label} · {e.period}", citations.cite(claim, where, lang))
        )
    return out


def headline_citation(row: Any, base_url: str, version: str | None, lang: str = "en") -> str:
    """A headline figure as a reader cites it: the figure in the words the Overview shows,
    its words, its article, its row on the Data page and the data version."""
    claim = citations.figure_claim(
        row.words, row.metric_label, row.period, row.attribution, row.quote, lang
    )
    href = citations.figure_href(row.source_id, row.metric_id, lang)
    where = citations.cited_at(
        row, citations.source_citation(row, lang), f"{base_url}/{href}", version
    )
    return citations.cite(claim, where, lang)


def how_sure(
    indicators: pd.DataFrame,
    checks: pd.DataFrame,
    metric_id: str,
    qualifier: str,
    lang: str = "en",
) -> str:
    """'Reported by 4 articles · a lower bound (…) · no conflict, 1 open question': how
    far the latest figure of a metric can be trusted, in one line."""
    rows = indicators[indicators["metric_id"] == metric_id]
    # Corroboration counts independent reports only: an article that restates another's
    # figure is named apart, never as one more source (review 6).
    independent = rows[rows["restates"].isna()] if "restates" in rows.columns else rows
    t = translator(lang)
    n_articles = int(independent["source_id"].nunique())
    parts = [
        t.ngettext("Reported by {n} article", "Reported by {n} articles", n_articles).format(
            n=t.digits(str(n_articles))
        )
    ]
    restating = set(rows["source_id"]) - set(independent["source_id"])
    if restating:
        parts[0] += " " + t.gettext("(and {n} more restating an earlier figure)").format(
            n=t.digits(str(len(restating)))
        )
    parts.append(t.gettext(HEDGE_SURENESS[qualifier]) if qualifier in HEDGE_SURENESS else qualifier)
    compared = checks[(checks["metric_id"] == metric_id) & (checks["kind"] != "gap")]
    status = compared["status"].value_counts()
    if compared.empty:
        parts.append(t.gettext("not compared with any other report"))
    elif status.get("fail", 0):
        n = int(status["fail"])
        parts.append(
            t.ngettext(
                "{n} conflict with other reports", "{n} conflicts with other reports", n
            ).format(n=t.digits(str(n)))
        )
    elif status.get("warn", 0):
        n = int(status["warn"])
        parts.append(
            t.ngettext(
                "no conflict, {n} open question", "no conflict, {n} open questions", n
            ).format(n=t.digits(str(n)))
        )
    else:
        parts.append(t.gettext("agrees with the other reports"))
    return " · ".join(parts)


def evidence_base_text(sources: pd.DataFrame, lang: str = "en") -> str:
    """'Everything here rests on 5 news articles from 1 outlet (The Phnom Penh Post),
    published 2017–2022.' Counted from the database, never written by hand."""
    t = translator(lang)
    if sources.empty:
        return t.gettext("No article has been added yet.")
    outlets = sources["outlet"].dropna().value_counts()
    named = ", ".join(outlets.index[:3]) + (
        " " + t.gettext("and {n} more").format(n=t.digits(str(len(outlets) - 3)))
        if len(outlets) > 3
        else ""
    )
    years = pd.to_datetime(sources["published_on"]).dt.year.dropna().astype(int)
    span = f"{years.min()}" if years.min() == years.max() else f"{years.min()}–{years.max()}"
    n, k = len(sources), len(outlets)
    articles = t.ngettext("{n} news article", "{n} news articles", n).format(
        n=t.number_text(f"{n:,}")
    )
    outlets_text = t.ngettext("{n} outlet", "{n} outlets", k).format(n=t.digits(str(k)))
    return t.gettext(
        "Everything here rests on {articles} from {outlets} ({named}), published {span}."
    ).format(articles=articles, outlets=outlets_text, named=named, span=t.digits(span))
