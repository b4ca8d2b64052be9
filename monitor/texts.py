"""Texts the pages share, derived from query results: words, tables, quotes, marked article text.

Long because it holds what every page shares; a feature's own words live apart
(figure_texts, policy_texts, check_texts, finding)."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import quote_plus

import pandas as pd

from data_model.i18n import N_, script_language, translator
from data_model.methodology import METHODOLOGY_KEY, methodology_key
from data_model.safe_text import html_text, md, md_link, safe_url
from data_model.wording import CODE_WORDS, date_text
from database.queries import Dates
from exports.citations import CITATION_COLUMN
from monitor.copying import button_html


def lang_part(lang: str) -> str:
    """'&lang=km' for a relative link in Khmer, so the page it opens speaks Khmer too."""
    return "" if lang == "en" else f"&lang={lang}"


def source_href(source_id: str, lang: str = "en") -> str:
    """Relative address of the Sources page opened on one article (for markdown links)."""
    return f"sources?source={quote_plus(source_id)}{lang_part(lang)}"


def labels(frame: pd.DataFrame, key: str, label: str) -> dict[str, str]:
    """id -> label, in the frame's order: the options and names of a picker. A label two
    records share carries its id: pickers tell options apart by label, and would give
    everyone who picks either record the first one."""
    shared = set(frame[label][frame[label].duplicated(keep=False)])
    return {
        k: f"{v} [{k}]" if v in shared else v for k, v in zip(frame[key], frame[label], strict=True)
    }


def words(value: str, lang: str = "en") -> str:
    """A stored code as words: 'under_study' -> 'under study' (Khmer: 'កំពុងសិក្សា')."""
    english = CODE_WORDS.get(value, value.replace("_", " "))
    return translator(lang).gettext(english) if value in CODE_WORDS else english


def word_picker(lang: str):
    """A format_func for pills of codes, in the reader's language."""
    return lambda value: words(str(value), lang)


def count_text(n: int, noun: str, lang: str = "en") -> str:
    """'**1 statement**', '**64 statements**' (Khmer: '**សេចក្តីថ្លែងការណ៍ ៦៤**')."""
    t = translator(lang)
    forms = {
        "statement": t.ngettext("{n} statement", "{n} statements", n),
        "proposal": t.ngettext("{n} proposal", "{n} proposals", n),
        "check": t.ngettext("{n} check", "{n} checks", n),
        "row": t.ngettext("{n} row", "{n} rows", n),
    }
    return "**" + forms[noun].format(n=t.number_text(f"{n:,}")) + "**"


def markdown_table(frame: pd.DataFrame, lang: str = "en") -> str:
    """A light table (no data-grid script to load); pipes in cells are escaped."""
    if frame.empty:
        return "_" + translator(lang).gettext("Nothing to show.") + "_"

    def cell(value: object) -> str:
        return md(str(value).replace("\n", " "))

    head = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def blockquote(text: str) -> str:
    return "\n".join(f"> {md(line)}" for line in text.splitlines() if line.strip())


#: How a sentence left uncoded on purpose looks in an article: grey (7:1 on white) and italic.
NOT_CODED_STYLE = "color:#595959;font-style:italic"


#: What each kind of record is, in words, for the highlights' tooltips (never its id).
RECORD_KIND_WORDS = {
    "indicator": N_("a figure"),
    "statement": N_("a statement"),
    "position": N_("a position on a proposal"),
    "policy": N_("a proposal"),
    "policy status": N_("a proposal's status"),
    "phase": N_("a campaign phase"),
    "event": N_("an event"),
}


def marked_body(
    body: str,
    citations: pd.DataFrame,
    not_coded: pd.DataFrame | None = None,
    lang: str = "en",
) -> str:
    """The article as HTML paragraphs with every curated quote highlighted and every sentence
    left uncoded on purpose greyed, its reason in the tooltip.

    Overlapping quotes merge into one highlight; each highlight's tooltip says what kinds of
    record rest on it, in words (an id means nothing to a reader). All article text is
    escaped.
    """
    t = translator(lang)
    kinds = {k: t.gettext(v) for k, v in RECORD_KIND_WORDS.items()}
    spans = sorted(
        (int(r.quote_start), int(r.quote_end), kinds.get(r.record_kind, r.record_kind), "mark")
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
        said = list(dict.fromkeys(labels))  # each kind once: 'a figure; a statement'
        if kind == "mark":
            said = [t.gettext("Drawn on for {records}").format(records="; ".join(said))]
        title = html_text("; ".join(said), isolate=False)
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


def fractional_columns(frame: pd.DataFrame) -> list[str]:
    """The columns whose numbers may have a fraction (floats), which a grid would round."""
    return [str(c) for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]


def rows_html(frame: pd.DataFrame, lang: str = "en") -> str:
    """Rows as a plain HTML table: one line a row, long text cut short with the whole of it
    on hover, addresses as links. A light stand-in for the data grid, whose scripts are
    the heaviest a page can load. Column names are the data's (the API's), never translated.
    A table with a citation column (exports.citations) leads each row with a button that
    copies it (monitor.copying: the page adds its script)."""
    t = translator(lang)
    if frame.empty:
        return "<p><em>" + t.gettext("No rows match these filters.") + "</em></p>"
    numeric = {c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])}
    cited = CITATION_COLUMN in frame.columns
    copy = t.gettext("Copy citation")
    head = ("<th></th>" if cited else "") + "".join(
        f"<th>{html_text(c)}</th>" for c in frame.columns
    )
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        if cited:
            citation = str(getattr(row, CITATION_COLUMN))
            cells.append(f'<td class="copy">{button_html(citation, copy, t, compact=True)}</td>')
        for column, value in zip(frame.columns, row, strict=True):
            # A line break as a character reference: one line of markup a row (a citation
            # has several lines; in the cell they read as spaces, in the tooltip as lines).
            text = html_text(cell_text(value), isolate=False).replace("\n", "&#10;")
            # dir="auto" isolates the cell's text as <bdi> would, with one element a cell
            # instead of two (a page of the widest table was 5,600 elements).
            content = text
            # Links come only from address columns, and only http(s).
            if str(column).endswith("url") and (link := safe_url(value)):
                content = f'<a href="{html_text(link, isolate=False)}" target="_blank" rel="noopener">{content}</a>'
            css = ' class="number"' if column in numeric else ""
            # A Khmer cell on a page in another language says so: a screen reader reads it
            # in Khmer, and the Khmer type settings (line height, font) apply to it.
            if lang != "km" and isinstance(value, str) and script_language(value) == "km":
                css += ' lang="km"'
            cells.append(f'<td{css} dir="auto" title="{text}">{content}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'{_ROWS_TABLE_STYLE}<div class="rows-table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def shown_name(row: Any, field: str, lang: str = "en") -> str:
    """A name of the data as a page in `lang` shows it: in Khmer the row's `<field>_km` (an
    actor's name as Khmer outlets print it, actors.yaml name_km; a proposal's label_km) where
    there is one, else the English; never blank."""
    english = getattr(row, field, None)
    english = english if isinstance(english, str) else ""
    return translator(lang).pick(english, getattr(row, f"{field}_km", None))


def shown_text(row: Any, field: str, lang: str = "en") -> tuple[str, str]:
    """(A sentence of the data, its language) as a page in `lang` shows it: in Khmer the
    row's `<field>_km` (an event's title_km, a correction's reason_km, a check's rule_km)
    where there is one, else the English, said to be English so the page can mark it."""
    english = getattr(row, field, None)
    english = english if isinstance(english, str) else ""
    khmer = getattr(row, f"{field}_km", None)
    if lang != "en" and isinstance(khmer, str) and khmer.strip():
        return khmer, lang
    return english, "en"


def in_language(markdown: str, text_lang: str, page_lang: str) -> str:
    """Markdown text inside a page, marked with its language where it differs from the
    page's (English in a Khmer page: its font and line height, and a screen reader's
    voice, follow it). The text must already be escaped (md), so the span is its only
    HTML; the caller renders it with unsafe_allow_html=True."""
    if text_lang == page_lang or not markdown:
        return markdown
    return f'<span lang="{text_lang}">{markdown}</span>'


def speaker_text(name: str, role: str | None, organisation: str | None) -> str:
    """'Sar Kheng, Interior Minister (Ministry of Interior)'."""
    text = name
    if role:
        text += f", {role}"
    if organisation and organisation not in (role or ""):
        text += f" ({organisation})"
    return text


def attributed_words(
    quote: str, kind: str, who: str, relayer: object, where: str = "", lang: str = "en"
) -> str:
    """Words with their speaker, signed only by whoever spoke them: a direct quote is a
    blockquote signed by the speaker; a paraphrase is the article's report, never signed;
    words passed on second-hand are signed by the one who passed them on. `where` is ready
    Markdown (a link); everything else is data, shown as text."""
    t = translator(lang)
    who = md(who)
    if isinstance(relayer, str) and relayer:
        relayer = md(relayer)
        if kind == "direct":
            head = t.gettext("{who}, according to {relayer}:").format(
                who=f"**{who}**", relayer=relayer
            )
            return f"{head}\n\n{blockquote(quote)}\n>\n> — {relayer}{where}"
        head = t.gettext("{who}, according to {relayer} as the article reports it:").format(
            who=f"**{who}**", relayer=relayer
        )
        return f"{head} {md(quote)}{where}"
    if kind == "direct":
        return f"{blockquote(quote)}\n>\n> — {who}{where}"
    head = t.gettext("{who}, as the article reports it:").format(who=f"**{who}**")
    return f"{head} {md(quote)}{where}"


def latest_report_markdown(r: Any, lang: str = "en") -> str:
    """One of the newest articles: its title, then its outlet and date (the citation would
    print the title twice)."""
    when = date_text(r.published_on, r.date_precision, lang)
    return f"**{md(r.display_title)}**  \n{md(r.outlet)}, {md(when)}"


def translations_markdown(row: Any, lang: str = "en") -> str:
    """A statement's translations (if the row carries any) as unofficial, with who made
    them; the quote above stays the words said."""
    found = getattr(row, "translations", None)
    if isinstance(found, str):  # as stored: a JSON list (tables.STATEMENTS)
        found = json.loads(found)
    if not isinstance(found, list | tuple) or not found:
        return ""
    t = translator(lang)
    lines = []
    for item in found:
        if not isinstance(item, dict) or not item.get("text"):
            continue
        by = t.gettext("Unofficial translation by {translator}").format(
            translator=md(str(item.get("translator", "")))
        )
        lines.append(f":gray[{by}:] {md(str(item['text']))}")
    return "\n\n".join(lines)


def statement_markdown(row: Any, permalink: str = "", lang: str = "en") -> str:
    """One statement as markdown: the words (a direct quote as a quote, a paraphrase as the
    article's report, never dressed as a quote), the speaker with their role, then stance,
    topic, date, a link to the article and (given its address) one to the statement alone."""
    t = translator(lang)
    who = speaker_text(
        shown_name(row, "actor_name", lang),
        shown_name(row, "actor_role", lang),
        shown_name(row, "organisation", lang),
    )
    relayer = shown_name(row, "relayed_by_name", lang) or None
    said_words = attributed_words(row.quote, row.kind, who, relayer, lang=lang)
    said = date_text(row.statement_date, row.statement_date_precision, lang)
    how = t.gettext("quoted") if row.kind == "direct" else t.gettext("paraphrased")
    link = t.gettext("Link to this statement")
    # The article by its title: its label starts with a date, and the date said stands
    # just before it (the same date printed twice, issue 26).
    title = getattr(row, "source_title", None)
    article = title if isinstance(title, str) and title else row.source_label
    meta = (
        f":gray[{md(words(row.stance, lang))} · {md(words(row.topic, lang))} · {how} · "
        f"{md(said)} · [{md(article)}]({source_href(row.source_id, lang)})"
        + (f" · [{link}]({permalink})" if permalink else "")
        + "]"
    )
    # Right beneath the words said, which stay the verified quote; then what, when, where.
    translated = translations_markdown(row, lang)
    # A caveat on reading it (review F15), in Khmer where the statement has it (note_km).
    note, caveat = shown_name(row, "note", lang), ""
    if note:
        caveat = "\n\n:gray[" + md(t.gettext("Note: {note}").format(note=note)) + "]"
    return f"{said_words}\n\n" + (f"{translated}\n\n" if translated else "") + meta + caveat


def statements_markdown(rows: pd.DataFrame, lang: str = "en") -> str:
    """Many statements as one block of text, separated by rules."""
    return "\n\n---\n\n".join(statement_markdown(r, lang=lang) for r in rows.itertuples())


def actor_profile_markdown(actor: Any, lang: str = "en") -> str:
    """Role, organisation and type of one actor, the other spellings, and how much they said."""
    t = translator(lang)
    role, organisation = shown_name(actor, "role", lang), shown_name(actor, "organisation", lang)
    text = f"{md(role)} · {md(organisation)} · {md(words(actor.actor_type, lang))}"
    if actor.aliases:
        text += "  \n" + t.gettext("Also written: {names}").format(names=md(actor.aliases))
    said = t.gettext("{statements} statements, {positions} positions on proposals").format(
        statements=t.digits(str(actor.n_statements)), positions=t.digits(str(actor.n_positions))
    )
    return text + f"  \n:gray[{said}]"


def _archive_line(src: Any, lang: str = "en") -> str:
    """Where an archived copy is and when the article was read, each 'not recorded' when
    unknown, never guessed (issue 28)."""
    t = translator(lang)
    url = getattr(src, "archive_url", None)
    unknown = t.gettext("not recorded")
    archived = md_link(url, url) if isinstance(url, str) and url else unknown
    day = getattr(src, "accessed", None)
    read = md(date_text(day, "day", lang)) if day is not None and not pd.isna(day) else None
    return t.gettext("**Archived copy:** {archived} · **Read on:** {read}").format(
        archived=archived, read=read or unknown
    )


def source_facts_markdown(src: Any, lang: str = "en") -> str:
    """What is known about one article: outlet, byline, date and how it is known, address.
    The date basis is the curator's note: in Khmer where sources.yaml gives date_basis_km,
    else as written, marked as English (render with unsafe_allow_html=True)."""
    t = translator(lang)

    outlet_, reporter, published = (
        t.gettext("Outlet:"),
        t.gettext("Reporter:"),
        t.gettext("Published:"),
    )
    basis, address_, drawn_ = (
        t.gettext("How the date is known:"),
        t.gettext("Address:"),
        t.gettext("Drawn from it:"),
    )
    outlet = f"**{outlet_}** {md(src.outlet)}" + (
        f" · **{reporter}** {md(src.reporter)}" if src.reporter else ""
    )
    drawn = t.gettext(
        "{figures} figures, {statements} statements, {quotes} quoted passages in all"
    ).format(
        figures=t.digits(str(src.n_figures)),
        statements=t.digits(str(src.n_statements)),
        quotes=t.digits(str(src.n_quotes)),
    )
    address = md_link(src.url, src.url) if src.url else t.gettext("not known")
    # The curator's words on the date: date_basis_km on Khmer pages, else English marked so.
    date_basis, date_basis_lang = shown_text(src, "date_basis", lang)
    return "  \n".join(
        [
            outlet,
            f"**{published}** {md(date_text(src.published_on, src.date_precision, lang))}",
            f"**{basis}** {in_language(md(date_basis), date_basis_lang, lang)}",
            f"**{address_}** {address}",
            _archive_line(src, lang),
            f"**{drawn_}** {drawn}",
        ]
    )


def reported_metric_labels(metrics: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Metric id to label for metrics with at least one figure: a filter never offers a
    choice that can only give an empty table. In Khmer, label_km where the metric has one."""
    reported = metrics[metrics["n_figures"] > 0]
    if lang != "en" and "label_km" in reported.columns:
        t = translator(lang)
        shown = [t.pick(e, k) for e, k in zip(reported["label"], reported["label_km"], strict=True)]
        reported = reported.assign(label=shown)
    return labels(reported, "metric_id", "label")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def date_filters(years: list[int], date_from: dt.date | None, date_to: dt.date | None) -> Dates:
    """The Data page's date choices as the queries take them (none left out as empty)."""
    return {"years": tuple(years), "date_from": date_from, "date_to": date_to}


def date_params(dates: Dates) -> dict[str, list[int] | str]:
    """The date choices as the API's parameters (?year=2017&from=2017-01-01&to=...)."""
    day = lambda d: d.isoformat() if d else ""  # noqa: E731
    return {
        "year": list(dates.get("years", ())),
        "from": day(dates.get("date_from")),
        "to": day(dates.get("date_to")),
    }


def download_file_name(
    table: str,
    source_ids: list[str],
    metric_ids: list[str],
    dates: Dates | None = None,
    lang: str = "en",
    version: str | None = None,
) -> str:
    """'cambodia-drug-campaign-indicators-source-<id>-2017-v2026.12.05.csv': the name says
    what was filtered and from which data version, so two downloads never look alike in a
    folder ('-km' when downloaded from the Khmer pages: the rows are the same, the reader
    knows where they came from)."""
    parts = ["cambodia-drug-campaign", _slug(table)]
    for noun, ids in (("source", source_ids), ("metric", metric_ids)):
        if len(ids) == 1:
            parts += [noun, _slug(ids[0])]
        elif ids:
            parts += [f"{len(ids)}-{noun}s"]
    chosen = date_params(dates or {})
    parts += [str(y) for y in chosen["year"]]
    parts += [f"{k}-{chosen[k]}" for k in ("from", "to") if chosen[k]]
    if lang != "en":
        parts.append(lang)
    if version:
        parts.append(f"v{version}")
    return "-".join(parts) + ".csv"


def pages_needed(n_rows: int, size: int) -> int:
    """Pages of `size` rows needed for n_rows (at least one)."""
    return max(1, -(-n_rows // size))


def page_of(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """The rows on one page (1-based)."""
    return frame.iloc[(page - 1) * size : page * size]


def methodology_markdown(info: dict[str, str], lang: str = "en") -> tuple[str, str]:
    """The methodology the build stored in the reader's language (rules and examples from
    its own data), without its title (the page has one), and the language it is in: the
    English where the build stored none in that language; a note when the database
    predates it. Its only HTML is the lang of the data's words (data_model.methodology)."""
    text, said = info.get(methodology_key(lang), ""), lang
    if not text:
        text, said = info.get(METHODOLOGY_KEY, ""), "en"
    if not text:
        note = translator(lang).gettext(
            "This database was built before the methodology was stored: rebuild it."
        )
        return f"_{note}_", lang
    # The page has its own title, and the note for maintainers on how the text is generated
    # is not for readers.
    paragraphs = [
        p for p in text.split("\n\n") if not p.startswith(("# ", "Generated from `data_model/`"))
    ]
    return "\n\n".join(paragraphs).strip(), said


#: The Data page's table names (database.downloads labels them), for the catalogue: shown
#: through gettext, so a table added there reads in English until the catalogue has it.
TABLE_LABELS = (
    N_("Figures (indicators)"),
    N_("Statements"),
    N_("Proposals"),
    N_("Positions on proposals"),
    N_("Actors"),
    N_("Articles (sources)"),
)
