"""Words signed by a person are that person's words, as a reader sees them: one signed quote
on Statements in a real browser (what Streamlit's Markdown makes of it), and every light
embed in the HTML the server sends (a static page, no script: what it says is its HTML),
checked against the articles (review 19, 20, 24). Every record on every page is checked at
the text level, on what the pages render, by tests/test_fidelity_display.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from api.routes import Database, make_routes
from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from database import queries
from database.connection import Reader
from tests.serving import Visit

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


class _Tree(HTMLParser):
    """An HTML page as nested {tag, children} (text as strings): enough to read blockquotes."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.root: dict = {"tag": "", "children": []}
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs) -> None:
        node = {"tag": tag, "children": []}
        self._open[-1]["children"].append(node)
        if tag not in self.VOID:
            self._open.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth]["tag"] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1]["children"].append(data)


def _text(node) -> str:
    return node if isinstance(node, str) else "".join(_text(c) for c in node["children"])


def _all(node, tag: str) -> list[dict]:
    if isinstance(node, str):
        return []
    found = [node] if node["tag"] == tag else []
    return found + [n for c in node["children"] for n in _all(c, tag)]


def _html_blockquotes(page: dict) -> list[dict]:
    """_BLOCKQUOTES over a parsed page: each blockquote's words, signature, signed by a link."""
    found = []
    for quote in _all(page, "blockquote"):
        ps = [c for c in quote["children"] if not isinstance(c, str) and c["tag"] == "p"]
        last = ps[-1] if len(ps) > 1 else {"children": []}
        signed = len(ps) > 1 and _text(last).strip().startswith("\u2014")
        said = [
            c for c in last["children"] if not isinstance(c, str) or c.replace("\u2014", "").strip()
        ]
        first = said[0] if signed and said else None
        found.append(
            {
                "words": " ".join(_text(p) for p in (ps[:-1] if signed else ps)),
                "signature": _text(last).strip()[1:].strip() if signed else "",
                "signed_by_link": isinstance(first, dict) and first["tag"] == "a",
            }
        )
    return found


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


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_a_signed_quote_is_the_signers_own_words_and_a_paraphrase_is_not_signed(
    loaded_pages, db: Reader, bodies: dict[str, BodyIndex], attributed: pd.DataFrame
):
    """What Streamlit's Markdown makes of a signed quote on Statements: the words in the
    blockquote are the signer's own, in quotation marks in the article, and a paraphrase
    reads 'as the article reports it', in no blockquote. Every record and page is checked on
    the rendered text by tests/test_fidelity_display.py; this is the one look in a browser."""
    page = loaded_pages(Visit("/statements"))  # the load test_browser.py reads too
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


def test_light_embeds_sign_no_one(seed_db_images: Path, bodies, seed_charts):
    """A donor's embed carries the chart's words and its article, never a quote signed by a
    person: what a reader sees there is the project's and the article's voice. Read in the
    HTML the server sends for each chart (the light embed is a static page)."""
    client = TestClient(Starlette(routes=make_routes(Database(lambda: seed_db_images))))
    for chart_id in seed_charts.charts:
        answer = client.get(f"/charts/{chart_id}.html")
        assert answer.status_code == 200, chart_id
        tree = _Tree()
        tree.feed(answer.text)
        assert len(_all(tree.root, "h1")) == 1, chart_id  # the embed itself, not the app
        for q in _html_blockquotes(tree.root):
            assert q["signed_by_link"] or not q["signature"], (chart_id, q)
            assert _in_some_article(_plain(q["words"]), bodies), (chart_id, q)
