"""Shapes the pages need, derived from query results: headlines, the stance matrix, marked text.

Long because every text the pages show is built here, so pages stay descriptions of the screen;
each builder is short and pure.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote_plus

import pandas as pd

from charts.hedged import reference_date
from data_model.methodology import METHODOLOGY_KEY
from data_model.safe_text import html_text, md, md_link, safe_url
from data_model.wording import date_text, hedged_words, period_text, unit_words

POSITION_WORDS = {"supports": "for", "opposes": "against", "mixed": "mixed"}


def source_href(source_id: str) -> str:
    """Relative address of the Sources page opened on one article (for markdown links)."""
    return f"sources?source={quote_plus(source_id)}"


def labels(frame: pd.DataFrame, key: str, label: str) -> dict[str, str]:
    """id -> label, in the frame's order: the options and names of a picker. A label two
    records share carries its id: pickers tell options apart by label, and would give
    everyone who picks either record the first one."""
    shared = set(frame[label][frame[label].duplicated(keep=False)])
    return {
        k: f"{v} [{k}]" if v in shared else v for k, v in zip(frame[key], frame[label], strict=True)
    }


def words(value: str) -> str:
    """A stored code as words: 'under_study' -> 'under study'."""
    return value.replace("_", " ")


def count_text(n: int, noun: str) -> str:
    """'**1 statement**', '**64 statements**'."""
    return f"**{n} {noun}{'s' if n != 1 else ''}**"


def headline_metrics(metrics: pd.DataFrame) -> tuple[str, ...]:
    """The metrics the Overview leads with, in the order their headline_rank gives
    (metrics.yaml)."""
    ranked = metrics[metrics["headline_rank"].notna()].sort_values(["headline_rank", "metric_id"])
    return tuple(str(m) for m in ranked["metric_id"])


def headline_figures(indicators: pd.DataFrame, metric_ids: tuple[str, ...]) -> pd.DataFrame:
    """The most recent figure of each metric, with its hedge in words and its period."""
    if indicators.empty:
        return indicators.assign(words=[], period=[])
    frame = indicators[indicators["metric_id"].isin(metric_ids)]
    # A headline is a number an article gives, told once: never vague words, never a
    # restatement of a better-specified figure.
    if "restates" in frame.columns:
        frame = frame[frame["restates"].isna()]
    frame = frame[frame["value"].notna()]
    frame = frame.assign(_ref=reference_date(frame)).sort_values(["_ref", "value"])
    latest = frame.groupby("metric_id", sort=False).tail(1)
    latest = latest.assign(
        words=[hedged_words(r.value, r.qualifier, unit_words(r)) for r in latest.itertuples()],
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
                "Status": words(policy.status),
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
        return md(str(value).replace("\n", " "))

    head = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def blockquote(text: str) -> str:
    return "\n".join(f"> {md(line)}" for line in text.splitlines() if line.strip())


def figures_markdown(figures: pd.DataFrame) -> str:
    """Figures as one block of text: the hedged figure, what and when, who, the words."""
    if figures.empty:
        return "_No figures are drawn from this article._"
    return "\n\n".join(
        f"**{md(f.label)}** {md(f.metric_label.lower())} · "
        f"{md(period_text(f.period_start, f.period_end, f.as_of))} · {md(f.attribution)}"
        + (f" · restates `{md(f.restates)}`" if isinstance(f.restates, str) else "")
        + f"\n\n{blockquote(f.quote)}"
        for f in figures.itertuples()
    )


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


#: How a sentence left uncoded on purpose looks in an article: grey (7:1 on white) and italic.
NOT_CODED_STYLE = "color:#595959;font-style:italic"


def marked_body(body: str, citations: pd.DataFrame, not_coded: pd.DataFrame | None = None) -> str:
    """The article as HTML paragraphs with every curated quote highlighted and every sentence
    left uncoded on purpose greyed, its reason in the tooltip.

    Overlapping quotes merge into one highlight; each highlight's tooltip lists the records
    resting on it. All article text is escaped.
    """
    spans = sorted(
        (int(r.quote_start), int(r.quote_end), f"{r.record_kind}: {r.record_id}", "mark")
        for r in citations.itertuples()
        if pd.notna(r.quote_start) and pd.notna(r.quote_end)
    )
    if not_coded is not None:
        spans = sorted(
            spans
            + [
                (int(r.quote_start), int(r.quote_end), f"not coded: {r.reason}", "grey")
                for r in not_coded.itertuples()
                if pd.notna(r.quote_start) and pd.notna(r.quote_end)
            ]
        )
    merged: list[list] = []
    for start, end, label, kind in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(label)
            merged[-1][3] = "mark" if "mark" in (kind, merged[-1][3]) else "grey"
        else:
            merged.append([start, end, [label], kind])
    out: list[str] = []
    pos = 0
    for start, end, labels, kind in merged:
        out.append(html_text(body[pos:start], isolate=False))
        title = html_text("; ".join(labels), isolate=False)
        words = html_text(body[start:end], isolate=False)
        if kind == "mark":
            out.append(f'<mark title="{title}">{words}</mark>')
        else:
            out.append(
                f'<span class="not-coded" style="{NOT_CODED_STYLE}" title="{title}">{words}</span>'
            )
        pos = end
    out.append(html_text(body[pos:], isolate=False))
    text = "".join(out)
    return "".join(f"<p>{para}</p>" for para in text.split("\n\n"))


_ROWS_TABLE_STYLE = """<style>
.rows-table { overflow-x: auto; max-width: 100%; }
.rows-table table { border-collapse: collapse; font-size: 0.85rem; }
.rows-table th, .rows-table td { border-bottom: 1px solid rgba(49, 51, 63, 0.15);
  padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; white-space: nowrap;
  max-width: 22rem; overflow: hidden; text-overflow: ellipsis; }
.rows-table th { position: sticky; top: 0; background: #f0f2f6; font-weight: 600; }
.rows-table td.number { text-align: right; font-variant-numeric: tabular-nums; }
</style>"""


def cell_text(value: object) -> str:
    """A cell as a reader sees it: nothing for a value not reported (never 0 or 'nan'),
    whole numbers without a decimal point, dates as ISO days, lists joined."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if value is None or (not hasattr(value, "__len__") and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:,}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def rows_html(frame: pd.DataFrame) -> str:
    """Rows as a plain HTML table: one line a row, long text cut short with the whole of it
    on hover, addresses as links. A light stand-in for the data grid, whose scripts are
    the heaviest a page can load."""
    if frame.empty:
        return "<p><em>No rows match these filters.</em></p>"
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    head = "".join(f"<th>{html_text(c)}</th>" for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, row, strict=True):
            text = html_text(cell_text(value), isolate=False)
            # dir="auto" isolates the cell's text as <bdi> would, with one element a cell
            # instead of two (a page of the widest table was 5,600 elements).
            content = text
            # Links come only from address columns, and only http(s).
            if str(column).endswith("url") and (link := safe_url(value)):
                content = f'<a href="{html_text(link, isolate=False)}" target="_blank" rel="noopener">{content}</a>'
            css = ' class="number"' if column in numeric else ""
            cells.append(f'<td{css} dir="auto" title="{text}">{content}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'{_ROWS_TABLE_STYLE}<div class="rows-table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


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


def speaker_text(name: str, role: str | None, organisation: str | None) -> str:
    """'Sar Kheng, Interior Minister (Ministry of Interior)'."""
    text = name
    if role:
        text += f", {role}"
    if organisation and organisation not in (role or ""):
        text += f" ({organisation})"
    return text


def attributed_words(quote: str, kind: str, who: str, relayer: object, where: str = "") -> str:
    """Words with their speaker, signed only by whoever spoke them: a direct quote is a
    blockquote signed by the speaker; a paraphrase is the article's report, never signed;
    words passed on second-hand are signed by the one who passed them on. `where` is ready
    Markdown (a link); everything else is data, shown as text."""
    who = md(who)
    if isinstance(relayer, str) and relayer:
        relayer = md(relayer)
        if kind == "direct":
            return f"**{who}**, according to {relayer}:\n\n{blockquote(quote)}\n>\n> — {relayer}{where}"
        return f"**{who}**, according to {relayer} as the article reports it: {md(quote)}{where}"
    if kind == "direct":
        return f"{blockquote(quote)}\n>\n> — {who}{where}"
    return f"**{who}**, as the article reports it: {md(quote)}{where}"


def policy_markdown(p: Any, positions: dict[str, pd.DataFrame]) -> str:
    """A proposal's status, who put it forward, its description, the words reporting it, and
    the named actors for, against and mixed, each in their words with their article."""
    parts = [
        f"**Status:** {md(words(p.status))} — {md(p.status_note)}  \n"
        f"**Area:** {md(p.category)} · **Put forward by:** "
        f"{md(speaker_text(p.proposed_by_name, p.proposed_by_role, None))} · "
        f"**First reported:** {md(date_text(p.proposed_on, p.proposed_on_precision))}",
        md(p.description),
        blockquote(p.quote) + f"\n>\n> — as reported in {md(p.source_citation)}",
    ]
    for heading, group in positions.items():
        parts.append(f"**{heading}**")
        for pos in group.itertuples():
            who = speaker_text(pos.actor_name, pos.actor_role, pos.organisation)
            where = f", in [{md(pos.source_label)}]({source_href(pos.source_id)})"
            parts.append(attributed_words(pos.quote, pos.kind, who, pos.relayed_by_name, where))
    return "\n\n".join(parts)


def latest_reports_markdown(sources: pd.DataFrame) -> str:
    """The newest articles, each with a link to its text and what was drawn from it."""
    return "\n\n".join(
        f"**{md(r.display_title)}**  \n{md(r.citation)}  \n"
        f"[Read it, and what was drawn from it]({source_href(r.source_id)})"
        for r in sources.itertuples()
    )


def proposals_markdown(policies: pd.DataFrame) -> str:
    """Proposals with status, proposer and the count of named actors for and against."""
    lines = [
        f"**{md(r.name)}** · {md(words(r.status))}  \n"
        f"Put forward by {md(r.proposed_by_name)}; {r.n_supports} for, {r.n_opposes} against, "
        f"{r.n_mixed} mixed among named actors."
        for r in policies.itertuples()
    ]
    return "\n\n".join([*lines, "[All proposals and who stands where](policies)"])


#: 'How we know' quotes at most this many reports; the Data page has them all.
EVIDENCE_SHOWN = 20


def evidence_markdown(evidence: pd.DataFrame) -> str:
    """The words behind each figure of a chart, with who gave it and a link to the article."""
    if evidence.empty:
        return "No article reports these figures yet."
    blocks = [
        f"**{md(e.label)}** {md(e.metric_label.lower())} · {md(e.period)}\n\n"
        f"{blockquote(e.quote)}\n>\n"
        # The article's words, not the speaker's: signed by the article, attribution named.
        f"> — [{md(e.source_citation)}]({source_href(e.source_id)}), attributing it to "
        f"{md(e.attribution)}"
        for e in evidence.head(EVIDENCE_SHOWN).itertuples()
    ]
    if len(evidence) > EVIDENCE_SHOWN:
        # A panel of hundreds of quotes is read by no one and weighs on every page run.
        blocks.append(
            f"The first {EVIDENCE_SHOWN} of {len(evidence):,} reports. Every one, with its "
            "quote and article, is on the [Data page](data) (table 'Figures')."
        )
    return "\n\n".join(blocks)


def policies_markdown(proposals: pd.DataFrame, grouped: dict[str, dict[str, pd.DataFrame]]) -> str:
    """Every proposal as one block of text, each under its own heading (an anchor)."""
    return "\n\n---\n\n".join(
        f"### {md(p.name)}\n\n{policy_markdown(p, grouped.get(p.policy_id, {}))}"
        for p in proposals.itertuples()
    )


def statement_markdown(row: Any, permalink: str = "") -> str:
    """One statement as markdown: the words (a direct quote as a quote, a paraphrase as the
    article's report, never dressed as a quote), the speaker with their role, then stance,
    topic, date, a link to the article and (given its address) one to the statement alone."""
    who = speaker_text(row.actor_name, row.actor_role, row.organisation)
    words = attributed_words(row.quote, row.kind, who, row.relayed_by_name)
    said = date_text(row.statement_date, row.statement_date_precision)
    how = "quoted" if row.kind == "direct" else "paraphrased"
    meta = (
        f":gray[{md(row.stance)} · {md(row.topic)} · {how} · {md(said)} · "
        f"[{md(row.source_label)}]({source_href(row.source_id)})"
        + (f" · [Link to this statement]({permalink})" if permalink else "")
        + "]"
    )
    return f"{words}\n\n{meta}"


def statements_markdown(rows: pd.DataFrame) -> str:
    """Many statements as one block of text, separated by rules."""
    return "\n\n---\n\n".join(statement_markdown(r) for r in rows.itertuples())


def actor_profile_markdown(actor: Any) -> str:
    """Role, organisation and type of one actor, the other spellings, and how much they said."""
    text = f"{md(actor.role)} · {md(actor.organisation)} · {md(words(actor.actor_type))}"
    if actor.aliases:
        text += f"  \nAlso written: {md(actor.aliases)}"
    return text + (
        f"  \n:gray[{actor.n_statements} statements, {actor.n_positions} positions on proposals]"
    )


def source_facts_markdown(src: Any) -> str:
    """What is known about one article: outlet, byline, date and how it is known, address."""
    outlet = f"**Outlet:** {md(src.outlet)}" + (
        f" · **Reporter:** {md(src.reporter)}" if src.reporter else ""
    )
    return "  \n".join(
        [
            outlet,
            f"**Published:** {md(date_text(src.published_on, src.date_precision))}",
            f"**How the date is known:** {md(src.date_basis)}",
            f"**Address:** {md_link(src.url, src.url)}" if src.url else "**Address:** not known",
            f"**Drawn from it:** {src.n_figures} figures, {src.n_statements} statements, "
            f"{src.n_quotes} quoted passages in all",
        ]
    )


def reported_metric_labels(metrics: pd.DataFrame) -> dict[str, str]:
    """Metric id to label for metrics with at least one figure: a filter never offers a
    choice that can only give an empty table."""
    return labels(metrics[metrics["n_figures"] > 0], "metric_id", "label")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def download_file_name(table: str, source_ids: list[str], metric_ids: list[str]) -> str:
    """'cambodia-drug-campaign-indicators-source-<id>.csv': the name says what was filtered,
    so two downloads from one session never look alike in a folder."""
    parts = ["cambodia-drug-campaign", _slug(table)]
    for noun, ids in (("source", source_ids), ("metric", metric_ids)):
        if len(ids) == 1:
            parts += [noun, _slug(ids[0])]
        elif ids:
            parts += [f"{len(ids)}-{noun}s"]
    return "-".join(parts) + ".csv"


HEDGE_SURENESS = {
    "exact": "an exact count as reported",
    "approx": "a rounded figure",
    "more_than": "a lower bound (the true number is higher)",
    "at_least": "a lower bound (the true number may be higher)",
    "fewer_than": "an upper bound (the true number is lower)",
    "at_most": "an upper bound (the true number may be lower)",
}


def headline_evidence(row: Any) -> str:
    """The words a headline figure rests on, signed by the article that printed them: the
    attribution says whom the article credits, never signs the words as theirs (review 19)."""
    return f"“{row.quote}” — {row.source_label}, attributing it to {row.attribution}"


def how_sure(indicators: pd.DataFrame, checks: pd.DataFrame, metric_id: str, qualifier: str) -> str:
    """'Reported by 4 articles · a lower bound (…) · no conflict, 1 open question': how
    far the latest figure of a metric can be trusted, in one line."""
    rows = indicators[indicators["metric_id"] == metric_id]
    # Corroboration counts independent reports only: an article that restates another's
    # figure is named apart, never as one more source (review 6).
    independent = rows[rows["restates"].isna()] if "restates" in rows.columns else rows
    n_articles = independent["source_id"].nunique()
    parts = [f"Reported by {n_articles} article{'s' if n_articles != 1 else ''}"]
    restating = set(rows["source_id"]) - set(independent["source_id"])
    if restating:
        parts[0] += f" (and {len(restating)} more restating an earlier figure)"
    parts.append(HEDGE_SURENESS.get(qualifier, qualifier))
    compared = checks[(checks["metric_id"] == metric_id) & (checks["kind"] != "gap")]
    status = compared["status"].value_counts()
    if compared.empty:
        parts.append("not compared with any other report")
    elif status.get("fail", 0):
        parts.append(
            f"{status['fail']} conflict{'s' if status['fail'] != 1 else ''} with other reports"
        )
    elif status.get("warn", 0):
        n = int(status["warn"])
        parts.append(f"no conflict, {n} open question{'s' if n != 1 else ''}")
    else:
        parts.append("agrees with the other reports")
    return " · ".join(parts)


def evidence_base_text(sources: pd.DataFrame) -> str:
    """'Everything here rests on 5 news articles from 1 outlet (The Phnom Penh Post),
    published 2017–2022.' Counted from the database, never written by hand."""
    if sources.empty:
        return "No article has been added yet."
    outlets = sources["outlet"].dropna().value_counts()
    named = ", ".join(outlets.index[:3]) + (
        f" and {len(outlets) - 3} more" if len(outlets) > 3 else ""
    )
    years = pd.to_datetime(sources["published_on"]).dt.year.dropna().astype(int)
    span = f"{years.min()}" if years.min() == years.max() else f"{years.min()}–{years.max()}"
    n, k = len(sources), len(outlets)
    return (
        f"Everything here rests on {n} news article{'s' if n != 1 else ''} from {k} "
        f"outlet{'s' if k != 1 else ''} ({named}), published {span}."
    )


#: Checks drawn per page run: the page stays the same size however many checks there are.
CHECKS_PER_PAGE = 50


def pages_needed(n_rows: int, size: int) -> int:
    """Pages of `size` rows needed for n_rows (at least one)."""
    return max(1, -(-n_rows // size))


def page_of(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """The rows on one page (1-based)."""
    return frame.iloc[(page - 1) * size : page * size]


def methodology_markdown(info: dict[str, str]) -> str:
    """The methodology the build stored (rules and examples from its own data), without its
    title (the page has one); a note when the database predates it."""
    text = info.get(METHODOLOGY_KEY, "")
    if not text:
        return "_This database was built before the methodology was stored: rebuild it._"
    # The page has its own title, and the note for maintainers on how the text is generated
    # is not for readers.
    paragraphs = [
        p for p in text.split("\n\n") if not p.startswith(("# ", "Generated from `data_model/`"))
    ]
    return "\n\n".join(paragraphs).strip()
