"""Words signed by a person are that person's words, as a reader sees them in a real browser:
every page (every panel opened) and every light embed, checked against the articles (review
19, 20, 24). The text-level twin of this test is tests/test_fidelity_display.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from test_browser import CASES, browser, open_page, server  # noqa: F401  (shared fixtures)

from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from database import queries
from database.connection import Reader
from tests.serving import wait_until_rendered

pytestmark = pytest.mark.browser

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


def _expanded(page) -> None:
    """Open every collapsed panel, so words shown only on demand are read too (a panel may
    rerun the page when opened: wait for it each time). The first closed one is looked up
    afresh each time: a list of them taken once shifts as each opens, skipping every other."""
    closed = page.locator("details:not([open]) > summary").filter(visible=True)
    for _ in range(500):
        if closed.count() == 0:
            break
        closed.first.click()
        page.wait_for_timeout(300)
        wait_until_rendered(page)
    assert closed.count() == 0, "a panel would not open"
    page.wait_for_timeout(500)


def _pages_of(page) -> int:
    """How many pages the list has: the highest number its page picker offers (1 if none)."""
    numbers = page.locator('[data-testid="stPagination"] button').all_inner_texts()
    return max([int(n) for n in numbers if n.strip().isdigit()], default=1)


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


def test_every_page_signs_only_a_persons_own_words(
    server: str,  # noqa: F811
    open_page,  # noqa: F811
    db: Reader,
    bodies: dict[str, BodyIndex],
    attributed: pd.DataFrame,
):
    seen: dict[str, int] = {}
    signed: set[str] = set()
    problems: list[str] = []
    for case in CASES:
        page = open_page(server + case.path)
        last = _pages_of(page) if case.path in ("/statements", "/policies") else 1
        for number in range(1, last + 1):
            path = case.path if number == 1 else f"{case.path}?page={number}"
            if number > 1:
                page = open_page(server + path)
            _expanded(page)
            quotes = _signed_blockquotes(page)
            seen[path] = len(quotes)
            signed |= {_plain(q["words"]) for q in quotes if q["signature"]}
            problems += [f"{path}: {p}" for p in _problems(quotes, attributed, bodies, db)]
    assert not problems, "\n".join(problems)
    # The check read every record: each direct quote was shown, signed, somewhere.
    direct = set(attributed.loc[attributed["kind"] == "direct", "words"])
    assert direct <= signed, f"never shown signed: {sorted(direct - signed)[:5]}"
    assert seen["/statements"] > 0 and seen["/policies"] > 0, seen


def test_reported_words_are_shown_as_reported(
    server: str,  # noqa: F811
    open_page,  # noqa: F811
    attributed: pd.DataFrame,
):
    """A paraphrase on the Statements page reads 'as the article reports it', in no blockquote."""
    page = open_page(server + "/statements")
    _expanded(page)
    quoted = {_plain(q["words"]) for q in _signed_blockquotes(page)}
    text = _plain(page.locator("section.main, [data-testid='stMain']").first.inner_text())
    reported = attributed[attributed["kind"] == "reported"]
    shown = [w for w in reported["words"] if w in text]
    assert shown, "no reported statement on the first screen of Statements"
    assert not quoted & set(shown)
    assert "as the article reports it" in text


def test_light_embeds_sign_no_one(server: str, browser, bodies, seed_charts):  # noqa: F811
    """A donor's embed carries the chart's words and its article, never a quote signed by a
    person: what a reader sees there is the project's and the article's voice."""
    context = browser.new_context()
    try:
        page = context.new_page()
        for chart_id in seed_charts.charts:
            page.goto(f"{server}/charts/{chart_id}.html", wait_until="load")
            assert page.locator("h1").count() == 1, chart_id  # the embed itself, not the app
            for q in _signed_blockquotes(page):
                assert q["signed_by_link"] or not q["signature"], (chart_id, q)
                assert _in_some_article(_plain(q["words"]), bodies), (chart_id, q)
    finally:
        context.close()
