"""The one citation builder: a figure, a statement or a proposal as a reader pastes it into a
report, with the exact words it rests on, the article, the monitor's address and data version.

Plain text, copied, never rendered. Every citation ends the same way: the article (outlet,
title, date as known) and its address, where recorded its archived copy and the day it was
read (issue 28), the data version, then the permalink last. The
figures' citations are also a column of the indicators table (the Data page, its download
and the API), in the data's English, as the rest of those rows are."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from data_model.i18n import translator
from data_model.wording import PROJECT, date_text, inferred_date, period_text

#: The column the tables in CITED carry, and how the API's metadata describes it.
CITATION_COLUMN = "citation"
CITATION_DESCRIPTION = (
    "The figure as a reader cites it, in plain text: the metric, the figure with its hedge "
    "as the label column shows it, its period, whom the article credits, the exact words it "
    "rests on, the article (outlet, title, date) and its address, its archived copy and the "
    "day it was read where recorded, the data version and the figure's address on the dashboard (the Data page filtered to its article and metric)."
)
#: The download tables whose rows carry a citation column.
CITED = ("indicators",)


def citation_description(base_url: str | None) -> str:
    """CITATION_DESCRIPTION for a table cited once, offline (the data package): where its
    permalinks start, or, built with no dashboard address, that they are paths on it."""
    if base_url:
        return f"{CITATION_DESCRIPTION} The addresses start with the dashboard's, {base_url}."
    return (
        f"{CITATION_DESCRIPTION} This copy was made with no dashboard address configured, so "
        "the figure's address is a path on the dashboard (/data?table=indicators&source=…"
        "&metric=…): put the address the monitor is published at before it."
    )


def _plain(text: object) -> str:
    """Words on one line, as a citation quotes them (an article's line breaks dropped)."""
    return re.sub(r"\s+", " ", str(text)).strip()


#: Dates worded once each: a table of thousands of figures has a few hundred dates, and
#: wording a date (babel) was most of the cost of citing every row.
_date_text = functools.lru_cache(maxsize=4096)(date_text)
_period_text = functools.lru_cache(maxsize=4096)(period_text)


def _known(value: object) -> str:
    """A text column's value, '' for a missing one (None, NaN)."""
    return value.strip() if isinstance(value, str) else ""


def article_text(row: Any, lang: str = "en") -> str:
    """'The Phnom Penh Post, “Drug campaign nets 1,000”, 13 Jan 2017': the article as far as
    it is known, from the row's own columns (outlet, title, date and its precision), else the
    citation the build stored for it."""
    outlet = _known(getattr(row, "source_outlet", None))
    if not outlet:
        return _known(getattr(row, "source_citation", None))
    title = _known(getattr(row, "source_title", None))
    precision = _known(getattr(row, "source_date_precision", None)) or "day"
    day = _date_text(getattr(row, "source_published_on", None), precision, lang)
    if _yes(getattr(row, "source_date_inferred", None)):
        day = inferred_date(day, lang)
    return outlet + (f", “{title}”" if title else "") + f", {day}"


def source_citation(row: Any, lang: str = "en") -> str:
    """The article as the build cited it in the reader's language (citation_km: the date in
    Khmer, the outlet and headline as published), else as it cited it in English."""
    shown = _known(getattr(row, "source_citation_km", None)) if lang != "en" else ""
    return shown or str(row.source_citation)


def _yes(flag: object) -> bool:
    """A yes/no column's value as the database gave it: a blank (not known) is no."""
    return bool(pd.notna(flag) and flag)


@dataclass(frozen=True)
class Cited:
    """What every citation says after its claim: the article, where it is (its address, and
    where recorded an archived copy and the day it was read), and where the monitor shows the
    record, in which data version."""

    article: str
    url: str | None
    permalink: str
    version: str | None
    archived: str | None = None
    accessed: object = None


def cited_at(row: Any, article: str, permalink: str, version: str | None) -> Cited:
    """Where a record's row says its article is: its address (source_url) and, where the
    curators recorded them, its archived copy (source_archive_url) and the day it was read
    (source_accessed); a row without those columns cites neither."""
    accessed = getattr(row, "source_accessed", None)
    return Cited(
        article=article,
        url=_known(getattr(row, "source_url", None)) or None,
        permalink=permalink,
        version=version,
        archived=_known(getattr(row, "source_archive_url", None)) or None,
        accessed=accessed if accessed is not None and pd.notna(accessed) else None,
    )


def provenance_line(where: Cited, lang: str = "en") -> str | None:
    """'Read on 5 Dec 2026. Archived copy: <address>', or the half that is known (the
    address last, as the article's is, so nothing sticks to it when pasted); None when
    neither is recorded: the Sources page says "not recorded", a citation says nothing."""
    t = translator(lang)
    day = _date_text(where.accessed, "day", lang) if where.accessed is not None else None
    if where.archived and day:
        return t.gettext("Read on {day}. Archived copy: {address}").format(
            day=day, address=where.archived
        )
    if where.archived:
        return t.gettext("Archived copy: {address}").format(address=where.archived)
    if day:
        return t.gettext("Read on {day}.").format(day=day)
    return None


def cite(claim: str, where: Cited, lang: str = "en") -> str:
    """The claim (already in words, the record's words inside it), then the article and its
    address, its archived copy and the day read where recorded, the monitor's data version
    and the permalink, one to a line."""
    t = translator(lang)
    source = t.gettext("Source: {citation}").format(citation=where.article)
    if where.url:
        source += f". {where.url}"
    lines = [claim, source]
    kept = provenance_line(where, lang)
    if kept:
        lines.append(kept)
    if where.version:
        lines.append(
            t.gettext("{project}, data version {version}.").format(
                project=t.gettext(PROJECT), version=where.version
            )
        )
    lines.append(t.gettext("Permalink: {address}").format(address=where.permalink))
    return "\n".join(lines)


def figure_claim(
    figure: str, what: str, period: str, attribution: str, quote: str, lang: str = "en"
) -> str:
    """'Arrests in the campaign: > 8,000 (1 Jan 2017 – 26 Jun 2017).' then the article's
    words, signed by the article with whom it credits: a figure is the article's report,
    never a person's quotation. `figure` is the figure with its hedge as the screen shows it."""
    t = translator(lang)
    head = t.gettext("{what}: {figure} ({period}).").format(
        what=_plain(what), figure=_plain(figure), period=_plain(period)
    )
    credited = _known(attribution)
    if not credited:
        said = t.gettext("As the article reports it:")
    elif unattributed(credited):  # 'not attributed (the article's lead)': credits no one
        said = t.gettext("As the article reports it, {attribution}:").format(attribution=credited)
    else:
        said = t.gettext("As the article reports it, attributing it to {attribution}:").format(
            attribution=credited
        )
    return f"{head}\n{said} “{_plain(quote)}”"


def unattributed(attribution: str) -> bool:
    """Whether the article credits no one with the figure ('not attributed (…)', as the
    curators write it): then nothing is 'attributed to' anyone."""
    return attribution.strip().lower().startswith("not attributed")


def statement_claim(
    quote: str, kind: str, who: str, speaker: str, relayer: str | None, lang: str = "en"
) -> str:
    """The statement's words, signed only by whoever spoke them: a direct quote by the
    speaker (or by whoever passed it on), a paraphrase never in quotation marks under a name.
    `who` is the speaker with the role the article gave; `speaker` their name alone."""
    t = translator(lang)
    words = _plain(quote)
    if kind == "direct" and relayer:
        return (
            t.gettext("{who}, according to {relayer}:").format(who=who, relayer=relayer)
            + f"\n“{words}”\n— "
            + t.gettext("{relayer}, passing on {speaker}’s words").format(
                relayer=relayer, speaker=speaker
            )
        )
    if kind == "direct":
        return f"“{words}”\n— {who}"
    if relayer:
        return t.gettext(
            "{who}, according to {relayer}, as the article reports it "
            "(the article’s words, not a quotation): {words}"
        ).format(who=who, relayer=relayer, words=words)
    return t.gettext(
        "{who}, as the article reports it (the article’s words, not a quotation): {words}"
    ).format(who=who, words=words)


def proposal_claim(
    name: str, status: str, proposer: str, first_reported: str, quote: str, lang: str = "en"
) -> str:
    """The proposal's name and status, who put it forward, when it was first reported, and
    the article's words reporting it (the article's, as the page signs them)."""
    t = translator(lang)
    head = t.gettext("{name} ({status}), put forward by {proposer}; first reported {day}.").format(
        name=name, status=status, proposer=proposer, day=first_reported
    )
    return f"{head}\n" + t.gettext("As the article reports it:") + f" “{_plain(quote)}”"


def figure_href(source_id: str, metric_id: str, lang: str = "en") -> str:
    """Relative address of a figure on the Data page: its table filtered to its article and
    metric (the row, and any other figure the article gives of the same metric)."""
    params = {"table": "indicators", "source": source_id, "metric": metric_id}
    return "data?" + urlencode(params | ({"lang": lang} if lang != "en" else {}))


def figure_row_citation(row: Any, base_url: str, version: str | None, lang: str = "en") -> str:
    """A figure row of the indicators table (the Data page's, the API's) cited: its label as
    the table shows it, its period in words, its article, and its row on the Data page."""
    period = _period_text(row.period_start, row.period_end, row.as_of, lang)
    claim = figure_claim(row.label, row.metric_label, period, row.attribution, row.quote, lang)
    permalink = f"{base_url}/{figure_href(row.source_id, row.metric_id, lang)}"
    return cite(claim, cited_at(row, article_text(row, lang), permalink, version), lang)


def with_citations(
    table: str, frame: pd.DataFrame, base_url: str, version: str | None
) -> pd.DataFrame:
    """The rows with their citation column last, for a table in CITED (others as they are)."""
    if table not in CITED:
        return frame
    rows: Iterable[Any] = frame.itertuples(index=False)
    cited = [figure_row_citation(r, base_url.rstrip("/"), version) for r in rows]
    return frame.assign(**{CITATION_COLUMN: pd.Series(cited, index=frame.index, dtype=object)})
