"""Every page in Khmer (?lang=km): Khmer headings and labels, no English UI string left where
the catalogue has a translation, and the language kept in the links a page draws (AppTest)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.pofile import read_po
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from api.routes import Database, make_routes
from charts.catalogue import CURATED
from data_model.i18n import catalogue_path, translator
from monitor.texts import download_file_name, statement_markdown

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
KM = translator("km")
KHMER = re.compile(r"[\u1780-\u17FF]")


def _english_ui_strings() -> set[str]:
    """The catalogue's English strings that readers see whole (no placeholder, several
    words), each with a Khmer translation: none may be left on a Khmer page."""
    with catalogue_path("km").open("rb") as handle:
        catalog = read_po(handle, locale="km")
    found = set()
    for message in catalog:
        msgid = message.id if isinstance(message.id, str) else None
        if msgid and message.string and "{" not in msgid and len(msgid.split()) >= 3:
            found.add(msgid)
    return found


ENGLISH = _english_ui_strings()


@pytest.fixture
def khmer_app(app):
    """A page opened with ?lang=km (the shared `app` fixture, in Khmer)."""
    return lambda page, **params: app(page, lang="km", **params)


def _shown(at: AppTest) -> list[str]:
    """Every text a reader sees on the page: headings, text, captions, notices, labels."""
    texts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for e in getattr(at, kind)
    ]
    texts += [e.value for kind in ("info", "warning") for e in getattr(at, kind)]
    texts += [e.label for kind in ("expander", "tabs") for e in getattr(at, kind)]
    texts += [e.label for e in at.get("download_button")] if at.get("download_button") else []
    return [t for t in texts if isinstance(t, str)]


#: page -> its title in Khmer and a label or heading it must show in Khmer.
PAGES = [
    ("views/overview.py", "Where does the campaign stand?", "Headline figures"),
    ("views/trends.py", "What did the campaign do over time?", "How we know"),
    ("views/statements.py", "Who said what?", "Search and filter statements"),
    ("views/policies.py", "What is proposed, and who stands where?", "Who stands where"),
    ("views/sources.py", "Where does this come from?", "Article text"),
    ("views/data.py", "Give me the rows", "The full data package"),
    ("views/checks.py", "Do the figures agree with each other?", "How the checks work"),
    ("views/methodology.py", "How the data is coded", "The rules below are in English for now."),
    ("views/share.py", "Embed & share a chart", "Standalone HTML"),
]


@pytest.mark.parametrize(("page", "title", "label"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_reads_in_khmer(khmer_app, page, title, label):
    at = khmer_app(page)
    assert [t.value for t in at.title] == [KM.gettext(title)]
    shown = _shown(at)
    assert any(KM.gettext(label) in text for text in shown), (KM.gettext(label), shown)
    if page == "views/methodology.py":  # the rules are the build's English, said so on top
        shown = [t.value for t in [*at.title, *at.caption, *at.info]]
    if page == "views/checks.py":  # each check's detail is the build's English, said so
        shown = [text.split("  \n")[0] for text in shown]
    left = sorted({e for e in ENGLISH for text in shown if e in text})
    assert left == [], f"English left on the Khmer {page}: {left}"


def test_the_embed_page_says_in_khmer_that_no_chart_was_named(khmer_app):
    at = khmer_app("views/embed.py", embed="true")
    assert at.info[0].value == KM.gettext("No chart was named.")


def test_counts_and_dates_are_written_in_khmer(khmer_app):
    at = khmer_app("views/statements.py")
    count = next(m.value for m in at.markdown if KM.gettext("{n} statement").split()[0] in m.value)
    assert re.search(r"[០-៩]", count) and not re.search(r"[0-9]", count), count
    summary = " ".join(m.value for m in at.markdown)
    assert re.search(
        r"(មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ) [០-៩]{4}", summary
    )


def test_data_checks_say_their_findings_in_khmer(khmer_app):
    """Each check's headline is the catalogue's Khmer, its numbers in Khmer digits."""
    at = khmer_app("views/checks.py")
    headings = [h.value for h in at.subheader][:2]
    for heading, english in zip(headings, ("Conflicts: {n}", "Open questions: {n}"), strict=True):
        assert re.fullmatch(re.escape(KM.gettext(english)).replace(r"\{n\}", "[០-៩]+"), heading)
    listed = next(m.value for m in at.markdown if m.value.startswith(":orange-badge["))
    headlines = [item.splitlines()[1] for item in listed.split("\n\n")]
    assert headlines and all(KHMER.search(h) and "." not in h[-2:] for h in headlines), headlines
    assert re.search(r"[០-៩]", listed) and not re.search(r"\d{4}-\d{2}-\d{2}", listed)


def _quotes(at) -> list[str]:
    return [
        line
        for m in at.markdown
        for line in m.value.splitlines()
        if line.startswith("> ") and "—" not in line
    ]


def test_quotes_stay_in_the_words_they_were_said_in(app, khmer_app):
    """A statement's quote is the same on the Khmer page as on the English one: English words
    stay English, Khmer words stay Khmer (whatever language the articles were in)."""
    khmer = _quotes(khmer_app("views/statements.py"))
    assert khmer, "no quote on the Khmer Statements page"
    assert khmer == _quotes(app("views/statements.py"))


def test_the_language_switch_is_on_every_page_and_bound_to_the_address(khmer_app):
    at = khmer_app("views/policies.py")
    switch = at.sidebar.button_group[0] if at.sidebar.button_group else None
    assert switch is not None and switch.value == "km"
    switch.set_value("en").run()
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "What is proposed, and who stands where?"


@pytest.mark.parametrize(
    ("page", "link_label"),
    [
        ("views/overview.py", "See the data checks"),
        ("views/overview.py", "Read it, and what was drawn from it"),
        ("views/overview.py", "All proposals and who stands where"),
    ],
)
def test_links_between_pages_keep_the_language(khmer_app, page, link_label):
    at = khmer_app(page)
    links = [link for link in at.get("page_link") if link.proto.label == KM.gettext(link_label)]
    assert links, f"no link {link_label!r} on {page}"
    assert all("lang=km" in link.proto.query_string for link in links)


@pytest.mark.parametrize(
    "page", ["views/statements.py", "views/policies.py", "views/sources.py", "views/trends.py"]
)
def test_markdown_links_to_other_pages_keep_the_language(khmer_app, page):
    at = khmer_app(page)
    hrefs = [h for m in at.markdown for h in re.findall(r"\]\(([a-z]+\?[^)]*)\)", m.value)]
    assert hrefs, f"no link to another page on {page}"
    assert all("lang=km" in h for h in hrefs), [h for h in hrefs if "lang=km" not in h]


@pytest.mark.parametrize(("lang", "said"), [("km", "ខ្មែរ"), ("en", "English")])
def test_the_light_embed_speaks_the_language_asked_for(seed_db_images, lang, said):
    client = TestClient(Starlette(routes=make_routes(Database(lambda: seed_db_images))))
    chart = next(iter(CURATED))
    # The language goes with the light embed's own address parts: a forced theme, a version.
    page = client.get(f"/charts/{chart}.html?lang={lang}&theme=dark&v=old999")
    assert f'<html lang="{lang}" class="theme-dark">' in page.text
    replaced = translator(lang).gettext(
        "Pinned to version {version}, since replaced: this is the latest."
    )
    assert replaced.split("{")[0] in page.text
    more = (
        translator(lang)
        .gettext("The words behind each figure and the articles, on the {project}")
        .split("{")[0]
    )
    assert more in page.text
    assert ("lang=km" in page.text) == (lang == "km"), said


def test_the_share_page_gives_khmer_links_and_snippets(khmer_app):
    at = khmer_app("views/share.py")
    bodies = [h.proto.body for h in at.get("html")]
    copied = next(b for b in bodies if "copy-blocks" in b)
    # What a reader copies: the permalink and the live, pinned and interactive snippets,
    # unescaped as the page shows them.
    shown = [
        html.unescape(html.unescape(pre)) for pre in re.findall(r"<pre>(.*?)</pre>", copied, re.S)
    ]
    assert len(shown) == 4, shown
    assert all("lang=km" in text for text in shown), shown
    gallery = next(b for b in bodies if "chart-gallery" in b)
    links = re.findall(r'href="(share\?[^"]*)"', gallery)
    assert links and all("lang=km" in href for href in links)


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("en", "cambodia-drug-campaign-indicators-source-a-1.csv"),
        ("km", "cambodia-drug-campaign-indicators-source-a-1-km.csv"),
    ],
)
def test_a_download_from_the_khmer_pages_says_so_in_its_name(lang, name):
    assert download_file_name("indicators", ["a-1"], [], lang=lang) == name


def test_a_translated_quote_is_shown_beside_the_words_said_never_in_their_place():
    row = SimpleNamespace(
        actor_name="Sar Kheng",
        actor_role="Interior Minister",
        organisation="Ministry of Interior",
        quote="We will not stop the campaign",
        kind="direct",
        relayed_by_name=None,
        statement_date="2018-02-14",
        statement_date_precision="day",
        stance="supportive",
        topic="campaign",
        source_label="14 Feb 2018 · An article",
        source_id="src-1",
        translations=[{"language": "km", "text": "យើងនឹងមិនបញ្ឈប់", "translator": "AI assistant"}],
    )
    shown = statement_markdown(row, lang="km")
    said, _, rest = shown.partition("\n\n:gray[")
    assert "> We will not stop the campaign" in said and "យើងនឹងមិនបញ្ឈប់" not in said
    assert (
        KM.gettext("Unofficial translation by {translator}").format(translator="AI assistant")
        in rest
    )
    assert "យើងនឹងមិនបញ្ឈប់" in rest
