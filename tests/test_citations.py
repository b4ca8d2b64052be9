"""The one citation builder (exports/citations.py): a figure cited keeps its hedge as shown,
the words it rests on, its article and the monitor's address and data version."""

from __future__ import annotations

import datetime as dt
import shutil
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from data_model.i18n import translator
from data_model.wording import UnitWords, hedged_label, hedged_words, vague_label
from database import downloads, queries, write
from database.connection import Reader
from exports.citations import CITATION_COLUMN, figure_row_citation, with_citations
from monitor import finding

COUNT, SHARE = UnitWords("count", "people"), UnitWords("share", "percent")
BASE = "https://monitor.example.org"


def _row(label: str, **overrides: object) -> SimpleNamespace:
    """A figure row as the indicators table gives it (the Data page's and the API's)."""
    row = {
        "label": label,
        "metric_label": "Total arrests",
        "metric_id": "arrests-total",
        "period_start": pd.Timestamp("2017-01-01"),
        "period_end": pd.Timestamp("2017-06-26"),
        "as_of": pd.Timestamp("2017-06-26"),
        "attribution": "officials",
        "quote": "More than 8,000 people\n have been arrested",
        "source_id": "ppp-2017-06-27-extend-drug-war",
        "source_title": "An article of our own words",
        "source_outlet": "The Phnom Penh Post",
        "source_url": "https://example.org/article",
        "source_published_on": pd.Timestamp("2017-06-27"),
        "source_date_precision": "day",
    }
    return SimpleNamespace(**(row | overrides))


@pytest.mark.parametrize(
    ("label", "shown", "period"),
    [
        (hedged_label(8000, "more_than", COUNT), "> 8,000", "1 Jan 2017 – 26 Jun 2017"),
        (hedged_label(50, "approx", SHARE), "≈ 50%", "1 Jan 2017 – 26 Jun 2017"),
        (hedged_label(3000, "fewer_than", COUNT), "< 3,000", "1 Jan 2017 – 26 Jun 2017"),
        (vague_label("thousands"), "thousands (no number given)", "1 Jan 2017 – 26 Jun 2017"),
    ],
)
def test_a_figure_cited_keeps_its_hedge_words_article_address_and_version(label, shown, period):
    text = figure_row_citation(_row(label), BASE, "2026.12.05")
    head, words, source, version, permalink = text.split("\n")
    assert head == f"Total arrests: {shown} ({period})."
    # The words on one line, exactly, signed by the article with whom it credits.
    assert words == (
        "As the article reports it, attributing it to officials: "
        "“More than 8,000 people have been arrested”"
    )
    assert source == (
        "Source: The Phnom Penh Post, “An article of our own words”, 27 Jun 2017. "
        "https://example.org/article"
    )
    assert version == "Cambodia drug campaign monitor, data version 2026.12.05."
    assert permalink == (
        f"Permalink: {BASE}/data?table=indicators&source=ppp-2017-06-27-extend-drug-war"
        "&metric=arrests-total"
    )


@pytest.mark.parametrize(
    ("overrides", "said"),
    [
        ({"attribution": "not attributed (the article's lead)"}, "As the article reports it, not"),
        ({"period_start": None, "period_end": None}, "as of 26 Jun 2017"),
        ({"source_title": None, "source_date_precision": "month"}, "Post, Jun 2017."),
        ({"source_url": None}, "Jun 2017\n"),
    ],
)
def test_a_figure_cited_says_only_what_is_known(overrides, said):
    text = figure_row_citation(_row("> 8,000", **overrides), BASE, "2026.12.05")
    assert said in text
    assert "attributing it to not attributed" not in text and "None" not in text


def test_a_khmer_citation_keeps_the_words_said_and_the_hedge_in_khmer():
    km = translator("km")
    label = hedged_words(8000, "more_than", COUNT, "km")
    text = figure_row_citation(_row(label), BASE, "2026.12.05", "km")
    assert label in text and "“More than 8,000 people have been arrested”" in text
    assert km.gettext("Source: {citation}").split("{")[0] in text
    assert text.endswith("metric=arrests-total&lang=km")


def test_only_the_figures_table_gains_a_citation_column_and_its_rows_stay_as_they_were():
    figures = pd.DataFrame([vars(_row("> 8,000")), vars(_row("≈ 50%"))])
    cited = with_citations("indicators", figures, BASE + "/", None)
    assert list(cited.columns) == [*figures.columns, CITATION_COLUMN]
    assert cited.drop(columns=CITATION_COLUMN).equals(figures)
    assert [c.split("\n")[0] for c in cited[CITATION_COLUMN]] == [
        "Total arrests: > 8,000 (1 Jan 2017 – 26 Jun 2017).",
        "Total arrests: ≈ 50% (1 Jan 2017 – 26 Jun 2017).",
    ]
    assert "data version" not in cited[CITATION_COLUMN][0]  # no version known: none said
    assert f"{BASE}/data?" in cited[CITATION_COLUMN][0]  # one slash between host and page
    assert with_citations("statements", figures, BASE, None) is figures


@pytest.mark.parametrize(
    ("inferred", "lang", "article_date"),
    [
        (None, "en", "27 Jun 2017."),  # a table without the column: the date as printed
        (False, "en", "27 Jun 2017."),
        (True, "en", "27 Jun 2017 (date inferred)."),
        (True, "km", "(កាលបរិច្ឆេទសន្និដ្ឋាន)"),
    ],
)
def test_a_date_worked_out_rather_than_printed_is_cited_as_inferred(inferred, lang, article_date):
    """Fidelity review F25: a reader never quotes a guessed day as the article's own."""
    row = _row(hedged_label(8000, "more_than", COUNT), source_date_inferred=inferred)
    source = figure_row_citation(row, BASE, None, lang).split("\n")[2]
    assert article_date in source.split(" https://")[0]


def test_the_seed_articles_whose_dates_are_inferred_are_cited_so(seed_db):
    """In the built data: every figure citation of an article whose date is inferred says so,
    and no other does (the API's and Data page's citation column)."""
    with Reader(seed_db) as db:
        sources = queries.sources(db).set_index("source_id")["date_inferred"]
        rows = with_citations("indicators", queries.indicators(db), BASE, None)
    said = rows.set_index("indicator_id")[CITATION_COLUMN].str.contains(
        "(date inferred)", regex=False
    )
    expected = rows.set_index("indicator_id")["source_id"].map(sources).astype(bool)
    assert said.any() and not said.all()
    assert (said == expected).all()


def test_an_article_dated_to_its_month_comes_after_the_meeting_it_reports(seed_db):
    """Fidelity review F25: 001, dated February 2022 (day unknown), reports the meeting of 23
    February: it is listed and filtered by the earliest day it can have appeared, and its
    statements without a day of their own are not older than that meeting; its citation still
    gives the month only."""
    meeting, rehab = dt.date(2022, 2, 23), "ppp-2022-02-drug-rehab"
    with Reader(seed_db) as db:
        after = queries.sources(db, date_from=meeting).set_index("source_id")
        before = queries.sources(db, date_to=meeting - dt.timedelta(days=1))
        said = queries.statements(db, source_ids=[rehab])["statement_date"]
    assert rehab in after.index and rehab not in set(before["source_id"])
    row = after.loc[rehab]
    bounds = pd.to_datetime([row["published_earliest"], row["published_latest"]]).date
    assert list(bounds) == [meeting, dt.date(2022, 2, 28)]
    assert row["citation"].endswith("Feb 2022") and "23" not in row["citation"]
    assert len(said) and (pd.to_datetime(said).dt.date >= meeting).all()


ARCHIVE = "https://web.archive.org/web/2018/https://example.org/article"


@pytest.mark.parametrize(
    ("archived", "accessed", "lang", "line"),
    [
        (ARCHIVE, dt.date(2026, 11, 20), "en", f"Read on 20 Nov 2026. Archived copy: {ARCHIVE}"),
        (ARCHIVE, None, "en", f"Archived copy: {ARCHIVE}"),
        (None, pd.Timestamp("2026-11-20"), "en", "Read on 20 Nov 2026."),
        (ARCHIVE, dt.date(2026, 11, 20), "km",
         f"បានអាននៅ ២០ វិច្ឆិកា ២០២៦។ ច្បាប់ចម្លងទុកក្នុងបណ្ណសារ៖ {ARCHIVE}"),
        (None, pd.NaT, "en", None),  # neither recorded: the citation says nothing of them
        ("", None, "km", None),
    ],
)  # fmt: skip
def test_a_citation_gives_the_archived_copy_and_the_day_read_where_recorded(
    archived, accessed, lang, line
):
    """Issue 28: a made-up article with an archived copy and the day it was read is cited
    with both, under its own address, in the page's language; a blank adds no line."""
    row = _row("> 8,000", source_archive_url=archived, source_accessed=accessed)
    lines = figure_row_citation(row, BASE, "2026.12.05", lang).split("\n")
    assert lines[2].endswith("https://example.org/article")  # the article's own address
    if line is None:
        assert len(lines) == 5 and "2026.12.05" in lines[3]  # straight to the version
    else:
        assert lines[3] == line and len(lines) == 6


def test_an_archived_article_is_cited_so_wherever_its_records_are(seed_db, tmp_path):
    """Issue 28, from the database: once one article has an archived copy and a day read, its
    figures' citation column (Data page download, API), its statements' and its proposals'
    citations give both, and no other article's does (the seeds record neither)."""
    rehab, path = "ppp-2022-02-drug-rehab", tmp_path / "archived.duckdb"
    shutil.copyfile(seed_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute(
            "UPDATE sources SET archive_url = ?, accessed = ? WHERE source_id = ?",
            [ARCHIVE, dt.date(2026, 11, 20), rehab],
        )
        write.write_statement_search(con)
        write.write_indicator_rows(con)
    with Reader(path) as db:
        figures = with_citations("indicators", downloads.rows(db, "indicators"), BASE, None)
        statements = queries.statements(db)
        proposals = queries.policy_summaries(db, size=100)
    cited = {
        "figures": zip(figures["source_id"], figures[CITATION_COLUMN], strict=True),
        "statements": (
            (r.source_id, finding.citation_text(r, BASE)) for r in statements.itertuples()
        ),
        "proposals": (
            (p.source_id, finding.proposal_citation_text(p, BASE)) for p in proposals.itertuples()
        ),
    }
    line = f"Read on 20 Nov 2026. Archived copy: {ARCHIVE}"
    for kind, pairs in cited.items():
        assert {(source == rehab, line in text) for source, text in pairs} == {
            (True, True),
            (False, False),
        }, kind
