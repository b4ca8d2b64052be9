"""Words signed by a person are that person's words, as a reader sees them in a real browser:
one signed quote on Statements and every light embed, checked against the articles (review
19, 20, 24). Every record on every page is checked at the text level, on what the pages
render, by tests/test_fidelity_display.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from database import queries
from database.connection import Reader
from tests.serving import new_context

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Every blockquote as {words, signature, signed_by_link}: the last paragraph is the signature
# when it opens with a dash; a signature whose first element is a link names an article.
_BLOCKQUOTES = """els => els.map(b => {
  const ps = Array.from(b.querySelectorAll(':scope > p'));
  const last = ps.length > 1 ? ps[ps.length - 1] : null;
  const signed = last !== null && last.textContent.trim().startsWith('\u2014');
  const first = signed ? Array.from(last.childNodes).find(
      n => n.nodeType === 1 || n.textContent.replace('\u2014', '').trim() !== '') : null;
  return {
    words: (signed ? ps.slice(0, -1) : ps).map(p => p.textContent).join(' '),
    signature: signed ? last.textContent.trim().slice(1).trim() : '',
    signed_by_link: first !== null && first.nodeType === 1 && first.tagName === 'A',
  };
})"""


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2060", "")).strip()


@pytest.fixture(scope="module")
def db(seed_db: Path) -> Iterator[Reader]:
    with Reader(seed_db) as reader:
        yield reader


@pytest.fixture(scope="module")
def bodies(db: Reader) -> dict[str, BodyIndex]:
    return {
        s: BodyIndex(queries.source_body(db, s) or "") for s in queries.sources(db)["source_id"]
    }


@pytest.fixture(scope="module")
def attributed(db: Reader) -> pd.DataFrame:
    """Every statement and position: words, kind, speaker, relayer and article."""
    cols = ["quote", "kind", "actor_name", "relayed_by_name", "source_id"]
    both = pd.concat([queries.statements(db)[cols], queries.policy_positions(db)[cols]])
    return both.assign(words=both["quote"].map(_plain))


def _signed_blockquotes(page) -> list[dict]:
    return page.locator("blockquote").evaluate_all(_BLOCKQUOTES)


def _in_some_article(words: str, bodies: dict[str, BodyIndex]) -> bool:
    return any(index.locate(words) is not None for index in bodies.values())


def _problems(quotes: list[dict], attributed: pd.DataFrame, bodies, db: Reader) -> list[str]:
    problems = []
    for q in quotes:
        words, signature = _plain(q["words"]), _plain(q["signature"])
        if not signature or q["signed_by_link"] or signature.startswith("as reported in"):
            # The article's own words, signed by the article (or by nobody): they must be there.
            if not _in_some_article(words, bodies):
                problems.append(f"article words not in any article: {words!r}")
            continue
        signer = re.split(r",| \(", signature, maxsplit=1)[0].strip()
        signer_of = attributed["relayed_by_name"].where(
            attributed["relayed_by_name"].notna(), attributed["actor_name"]
        )
        rows = attributed[(attributed["words"] == words) & (signer_of == signer)]
        if rows.empty:
            problems.append(f"signed by {signer!r} but no record of theirs: {words!r}")
            continue
        for row in rows.itertuples():
            if row.kind != "direct":
                problems.append(f"{signer!r} signs words the article only reports: {words!r}")
                continue
            body = queries.source_body(db, row.source_id) or ""
            span = BodyIndex(body).locate(row.quote)
            if span is None or not within_quotation(span, quoted_spans(body)):
                problems.append(f"{signer!r} signs words not in quotation marks: {words!r}")
    return problems


def test_a_signed_quote_is_the_signers_own_words_and_a_paraphrase_is_not_signed(
    server: str, open_page, db: Reader, bodies: dict[str, BodyIndex], attributed: pd.DataFrame
):
    """What Streamlit's Markdown makes of a signed quote on Statements: the words in the
    blockquote are the signer's own, in quotation marks in the article, and a paraphrase
    reads 'as the article reports it', in no blockquote. Every record and page is checked on
    the rendered text by tests/test_fidelity_display.py; this is the one look in a browser."""
    page = open_page(server + "/statements")
    quotes = _signed_blockquotes(page)
    signed = [
        q
        for q in quotes
        if q["signature"]
        and not q["signed_by_link"]
        and not _plain(q["signature"]).startswith("as reported in")
    ]
    assert signed, "the Statements page shows no quote signed by a person"
    assert _problems(signed[:1], attributed, bodies, db) == []
    quoted = {_plain(q["words"]) for q in quotes}
    text = _plain(page.get_by_test_id("stMain").inner_text())
    reported = attributed[attributed["kind"] == "reported"]
    shown = [w for w in reported["words"] if w in text]
    assert shown, "no reported statement on the first screen of Statements"
    assert not quoted & set(shown)
    assert "as the article reports it" in text


def test_light_embeds_sign_no_one(server: str, browser, bodies, seed_charts):
    """A donor's embed carries the chart's words and its article, never a quote signed by a
    person: what a reader sees there is the project's and the article's voice."""
    with new_context(browser) as context:
        page = context.new_page()
        for chart_id in seed_charts.charts:
            page.goto(f"{server}/charts/{chart_id}.html", wait_until="load")
            assert page.locator("h1").count() == 1, chart_id  # the embed itself, not the app
            for q in _signed_blockquotes(page):
                assert q["signed_by_link"] or not q["signature"], (chart_id, q)
                assert _in_some_article(_plain(q["words"]), bodies), (chart_id, q)
