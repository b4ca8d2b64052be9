"""Text the pages show: the Data page's plain table keeps gaps empty and text escaped."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from monitor.texts import (
    cell_text,
    latest_report_markdown,
    marked_body,
    rows_html,
    statement_markdown,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (math.nan, ""),
        (pd.NA, ""),
        (pd.NaT, ""),
        (8000.0, "8,000"),
        (7200.5, "7,200.5"),
        (17800, "17,800"),
        (pd.Timestamp("2018-02-14"), "2018-02-14"),
        (["Mok Chito", "Lt Gen Mok Chito"], "Mok Chito; Lt Gen Mok Chito"),
        ("more_than", "more_than"),
    ],
)
def test_cell_text(value, shown):
    assert cell_text(value) == shown


def test_rows_html_keeps_a_missing_bound_empty_and_escapes_text():
    frame = pd.DataFrame(
        {
            "label": ["more than 8,000", "<script>alert(1)</script>"],
            "value_low": [8000.0, 10.0],
            "value_high": [math.nan, 12.0],
            "source_url": ["https://example.org/a?b=1&c=2", None],
        }
    )
    table = rows_html(frame)
    assert "<script>alert" not in table and "&lt;script&gt;" in table
    first_row = table.split("<tbody>")[1].split("</tr>")[0]
    assert '<td class="number" dir="auto" title="">' in first_row  # empty, not 0 or nan
    # Each cell isolates its text (dir="auto", as <bdi> would): a right-to-left name cannot
    # reorder the cells beside it.
    assert table.count("<td") == table.count('dir="auto"') == 8
    assert ">nan<" not in table.lower()
    assert '<a href="https://example.org/a?b=1&amp;c=2" target="_blank"' in table


def test_rows_html_says_when_nothing_matches():
    assert "No rows match" in rows_html(pd.DataFrame({"a": []}))


def test_a_sentence_left_uncoded_is_greyed_with_its_reason_and_quotes_stay_marked():
    body = "Police said 12 were held. The ministry could not be reached <for> comment."
    cited = pd.DataFrame(
        [{"quote_start": 0, "quote_end": 24, "record_kind": "indicator", "record_id": "f-1"}]
    )
    uncoded = pd.DataFrame([{"quote_start": 25, "quote_end": len(body), "reason": "no words"}])
    html = marked_body(body, cited, uncoded)
    assert '<mark title="Drawn on for a figure">Police said 12 were held</mark>' in html
    assert "f-1" not in html  # what rests on a quote, in words: never a record's id
    assert 'class="not-coded"' in html and 'title="not coded: no words"' in html
    assert "&lt;for&gt;" in html  # the article's text stays text


#: A statement said on the day its article was published, and that article among the latest.
_SAID_ON_THE_DAY = SimpleNamespace(
    actor_name="Ke Kim Yan",
    actor_role="NACD President",
    organisation="NACD",
    relayed_by_name=None,
    quote="The relapse rate is 16 percent.",
    kind="reported",
    stance="critical",
    topic="rehabilitation",
    statement_date=pd.Timestamp("2018-02-14"),
    statement_date_precision="day",
    source_id="src-a",
    source_title="Mixed results for the drug campaign",
    source_label="14 Feb 2018 · Mixed results for the drug campaign",
)
_LATEST = SimpleNamespace(
    display_title="Mixed results for the drug campaign",
    citation="The Phnom Penh Post, “Mixed results for the drug campaign”, 14 Feb 2018",
    outlet="The Phnom Penh Post",
    published_on=pd.Timestamp("2018-02-14"),
    date_precision="day",
)


@pytest.mark.parametrize(
    ("shown", "once"),
    [
        (statement_markdown(_SAID_ON_THE_DAY), "14 Feb 2018"),
        (latest_report_markdown(_LATEST), "Mixed results for the drug campaign"),
    ],
    ids=["statement-date", "latest-report-title"],
)
def test_a_listed_statement_or_report_prints_its_date_and_title_once(shown, once):
    """Issue 26: the statements list printed the day said and then the article's label,
    which starts with the same day; the Overview's latest reports printed the title and
    then the citation, which holds it again."""
    assert shown.count(once) == 1, shown
