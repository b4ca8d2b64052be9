"""Every page renders without errors in a real headless Chromium, and filters live in the URL.

Only what a browser alone shows is tested here: layout measured in pixels, contrast as drawn,
the pages' scripts (links, clicks, the clipboard, the embed's frame). What the server's HTML,
the API or an AppTest shows is tested there (tests/test_pages.py, test_embed.py, test_api.py).
Each page is loaded once per viewport and run (the `visit` fixture, tests/conftest.py's
`loaded_pages`) and every check that only reads a page (errors, title, charts drawn,
contrast, label clashes, overflow) runs on that one load; tests that click or type share one
tab per flow (`open_page`, `in_session`), moving between pages in the session, not reloading.

Long because the in-page checks (contrast, label clashes) are JavaScript kept beside
the tests that read them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from api.embed import NARROW_UP_TO
from database import queries
from database.connection import Reader
from tests.label_clashes import TEXT_CLASHES as _TEXT_CLASHES
from tests.label_clashes import at_drawing_size as _at_drawing_size
from tests.serving import (
    DESKTOP,
    PHONE,
    POLL_MS,
    WAIT_MS,
    Visit,
    new_context,
    open_filters,
    open_rendered,
    page_cases,
    shows_images,
    third_parties,
    wait_until_rendered,
)
from tests.wcag import contrast

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parent.parent
CASES = page_cases()
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'

#: Every page of app.py at a laptop's width. What the server sends is the same at every width,
#: so its errors are read at a laptop's; a phone's layout is read on the same load, its window
#: narrowed (`_as_on_a_phone`). The pictures of every page at both widths and in both
#: languages are `make screenshots`, for a person to look at.
PAGE_VISITS = [(case, Visit(case.path)) for case in CASES]


@pytest.fixture(params=[v for _, v in PAGE_VISITS], ids=str)
def visit(request: pytest.FixtureRequest, loaded_pages):
    """The loaded page of `request.param`, after the seed images are in the server's
    database if the page shows them. Readers must leave it as they found it."""
    if shows_images(request.param.path):
        request.getfixturevalue("images_served")
    return loaded_pages(request.param)


def _reading(*visits: Visit):
    """Parametrise a test by the visits it reads (the loaded pages are shared)."""
    return pytest.mark.parametrize("visit", visits, ids=str, indirect=True)


def _assert_no_errors(page, where: str) -> None:
    errors = page.locator(ERRORS).all_inner_texts()
    assert not errors, f"{where} shows errors: {errors}"
    assert page.get_by_text("Page not found").count() == 0, f"{where}: 'Page not found'"


def _where(page) -> str:
    """The page's address without the server: its path and query."""
    return _path_and_query(page.url)


#: Streamlit's own width logic settled at the window's width: it closes the sidebar as the
#: window narrows to a phone's and opens it again as it widens.
_SIDEBAR_SETTLED = """narrow => document.querySelector('[data-testid=stSidebar]')
  ?.dataset.collapsed === String(narrow)"""


@contextlib.contextmanager
def _as_on_a_phone(page) -> Iterator:
    """A kept page at a phone's width: a laptop's window narrowed, and widened back after.
    A phone's layout is Streamlit's sidebar and the pages' styles, both following the
    window as it changes: measured, /policies narrowed to 390 px and loaded at 390 px give
    pixel-identical screenshots, and widened back the one it was (docs/benchmarks.md,
    stop 43). Tests that read what a load does at a width (a chart link's landing, which
    drawing Trends shows, a phone's own sidebar) load at that width."""
    before = page.viewport_size
    if before["width"] == PHONE["width"]:
        yield page
        return
    try:
        page.set_viewport_size(PHONE)
        page.wait_for_function(_SIDEBAR_SETTLED, arg=True, polling=POLL_MS)
        yield page
    finally:
        page.set_viewport_size(before)
        page.wait_for_function(_SIDEBAR_SETTLED, arg=False, polling=POLL_MS)


@pytest.mark.parametrize(
    ("case", "visit"),
    PAGE_VISITS,
    ids=[str(v) for _, v in PAGE_VISITS],
    indirect=["visit"],
)
def test_page_renders_without_errors(visit, case):
    width = visit.viewport_size["width"]
    where = f"{case.path} at {width}px"
    _assert_no_errors(visit, where)
    assert third_parties(visit) == [], f"{where} asked a third party"
    if case.title:  # the URL opened its own page, not the default one
        assert visit.locator("h1").first.inner_text().strip() == case.title, where
    if case.expects_chart:
        drawn = visit.locator(".static-chart img, .js-plotly-plot").count()
        assert drawn > 0, f"{where} drew no chart"


# A shared address with a stance opening filtered (the pill chosen, the address keeping it, the
# count) is tests/test_pages.py::test_statements_filter_by_stance: no browser needed.


#: The embed page as donors' frames open it, with a chart (one of the pages every test reads).
EMBED = next(c.path for c in CASES if c.name == "embed-chart")


@_reading(Visit(EMBED))
def test_embed_url_shows_one_chart_and_no_navigation(visit, seed_db: Path):
    """Streamlit's own chrome hidden and the chart's laptop drawing shown: what only a
    browser lays out. (An unknown chart's notice and the one chart drawn are AppTests in
    tests/test_pages.py.)"""
    page = visit
    _assert_no_errors(page, EMBED)
    for chrome in ("stSidebar", "stSidebarNav", "stSidebarCollapsedControl", "stToolbar"):
        assert not page.locator(f'[data-testid="{chrome}"]').is_visible(), f"{chrome} is shown"
    assert page.locator(".static-chart, .js-plotly-plot").count() == 1
    assert page.locator(".static-chart img.wide").is_visible()  # the laptop-width drawing
    chart_id = parse_qs(urlsplit(EMBED).query)["chart"][0]
    with Reader(seed_db) as db:
        title = queries.chart_titles(db)[chart_id]
    assert page.get_by_text(title, exact=True).is_visible()
    assert page.get_by_text("Sources:").first.is_visible()


@pytest.fixture
def tab(shared_context) -> Iterator:
    """A new tab of the shared context (its own window size and colour scheme set by the
    test), closed afterwards: a context of its own per test made Chromium start afresh."""
    page = shared_context().new_page()
    yield page
    page.close()


#: The light embed donors paste, as the launcher serves it.
LIGHT_EMBED = "/charts/arrests-over-time.html"
#: Whether the light embed's image has come, and in the drawing for its width.
_EMBED_IMAGE_DRAWN = """narrow => { const img = document.querySelector('figure img');
  return img.complete && img.naturalWidth > 0 && img.currentSrc.includes('.narrow.svg') === narrow; }"""


def test_the_light_embed_fits_from_phone_to_wide_reads_at_aa_and_follows_dark_mode(
    images_served: str, tab
):
    """The light embed through the launcher, on one load (a plain page: its styles are
    the same at a width loaded or widened to): no script; at a phone's width and, the
    window widened, a wide one, no sideways scroll and the drawing for that width; every
    text at AA contrast; its background following the reader's light and dark setting
    (the address overriding it: the test below)."""
    server, page = images_served, tab
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(server + LIGHT_EMBED, wait_until="load")
    assert page.locator("h1").inner_text() == "Arrests reported since the campaign began"
    for width in (320, 1200):
        page.set_viewport_size({"width": width, "height": 900})
        narrow = width <= NARROW_UP_TO
        page.wait_for_function(_EMBED_IMAGE_DRAWN, arg=narrow, polling=POLL_MS)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert scripts == []
    _assert_at_aa_contrast(page, LIGHT_EMBED)
    _assert_backgrounds(page, light_when_light=True, light_when_dark=False)


def _embed_snippet(seed_db: Path, server: str, chart_id: str) -> str:
    from api.embed import chart_context, frame_snippet
    from api.routes import build_version
    from charts.model import StoredChart

    with Reader(seed_db) as reader:
        info = queries.build_info(reader)
        chart = StoredChart.from_row(queries.chart_parts(reader, chart_id))
        metrics = queries.metrics(reader)
    context = chart_context(metrics, chart, version=build_version(info), built_at=info["built_at"])
    return frame_snippet(f"{server}/charts/{chart_id}.html", chart, context)


# Inside the embed's frame: how far its last footer line ends from the frame's foot, and
# whether the page is taller than the frame (cut) or the chart image had to shrink.
_EMBED_FIT = """() => {
  const last = [...document.querySelectorAll('footer a')].pop().getBoundingClientRect();
  const figure = document.querySelector('figure').getBoundingClientRect();
  const img = document.querySelector('figure img');
  const drawn = img.currentSrc.includes('.narrow.svg') ? 620 / 420 : 460 / 1000;
  return {frame: innerHeight, linkBottom: last.bottom, scroll: document.documentElement.scrollHeight,
          imageRoom: figure.height, imageNeeds: figure.width * drawn, loaded: img.complete};
}"""


#: The donor's columns the snippet is tried in: a narrow phone, a phone, the narrow drawing's
#: widest, a laptop.
SNIPPET_WIDTHS = (300, 390, 600, 1400)


@pytest.mark.parametrize("chart_id", ["arrests-over-time", "users-vs-traffickers"])
def test_the_embed_snippet_fits_its_column_with_nothing_cut_and_no_gap(
    images_served: str, tab, seed_db: Path, chart_id: str
):
    """The donor's snippet in columns of each width, side by side on one page (a frame's
    shape follows its own column, a container query, never the window): in each, the
    footer's last link shows inside the frame, the page never scrolls, and at most a few
    lines of space are left over."""
    snippet = _embed_snippet(seed_db, images_served, chart_id)
    page = tab
    # Every frame inside the window: the snippet's frames load lazily.
    page.set_viewport_size({"width": sum(SNIPPET_WIDTHS) + 40, "height": 1600})
    columns = "".join(f"<div style='width:{w}px;flex:none'>{snippet}</div>" for w in SNIPPET_WIDTHS)
    page.set_content(f"<body style='margin:0;display:flex;gap:10px;align-items:start'>{columns}")
    problems = []
    for n, width in enumerate(SNIPPET_WIDTHS):
        frame = page.locator("iframe").nth(n)
        frame.content_frame.locator("footer a").last.wait_for()
        inner = frame.element_handle().content_frame()
        inner.wait_for_function(
            "() => document.querySelector('figure img').complete", polling=POLL_MS
        )
        fit = inner.evaluate(_EMBED_FIT)
        if fit["linkBottom"] > fit["frame"]:
            problems.append(f"footer cut at {width}px: {fit}")
        if fit["scroll"] > fit["frame"] + 1:
            problems.append(f"the embed scrolls at {width}px: {fit}")
        # No gap: the image has the room its drawing needs, give or take two lines of text.
        if abs(fit["imageRoom"] - fit["imageNeeds"]) > 40:
            problems.append(f"a gap or a squeeze at {width}px: {fit}")
    assert problems == []


WHITE = "rgb(255, 255, 255)"


def _assert_backgrounds(page, light_when_light: bool, light_when_dark: bool) -> None:
    """The page's background as drawn under the reader's light and dark setting (the CSS
    it carries is tests/test_embed.py::test_dark_mode_follows_the_system_or_the_address)."""
    backgrounds = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (backgrounds["light"] == WHITE) is light_when_light, backgrounds
    assert (backgrounds["dark"] == WHITE) is light_when_dark, backgrounds


#: Each theme an address may force, and whether the background is then light under the
#: reader's light and dark settings.
FORCED_THEMES = [("?theme=dark", False, False), ("?theme=light", True, True)]


def test_the_embed_address_overrides_dark_mode(images_served: str, tab):
    """A forced theme in the address wins over the reader's setting (followed without one:
    the light embed's test above). Both themes in one tab, one load each (two tests, a tab
    each, before); each theme that fails is named."""
    server, page = images_served, tab
    page.set_viewport_size({"width": 600, "height": 900})
    problems = []
    for theme, light_when_light, light_when_dark in FORCED_THEMES:
        page.goto(f"{server}{LIGHT_EMBED}{theme}", wait_until="load")
        try:
            _assert_backgrounds(page, light_when_light, light_when_dark)
        except AssertionError as failed:
            problems.append(f"{theme}: {failed}")
    assert not problems, "\n".join(problems)


def _one_message_a_frame(page) -> None:
    """Hand the page the server's messages one per painted frame, so each part of it
    arrives on its own, as on a slow phone: a heading can then be the page's last element
    when it is first drawn (where a chart link once stopped short)."""

    def route(ws) -> None:
        server = ws.connect_to_server()

        def down(message) -> None:
            ws.send(message)
            page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

        server.on_message(down)

    page.route_web_socket("**/_stcore/stream", route)


@pytest.mark.parametrize(
    "viewport",
    [{"width": 390, "height": 800}, {"width": 1400, "height": 900}],
    ids=["phone", "laptop"],
)
def test_a_chart_link_lands_on_its_chart(images_served: str, shared_context, viewport):
    """The links embeds send readers to: the chart's heading at the top of the window, even
    when the page arrives piece by piece. (A tab of the shared context of that width, its
    window made shorter: the heading must be scrolled to.)"""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page = shared_context().new_page()
    try:
        page.set_viewport_size(viewport)
        _one_message_a_frame(page)
        page.goto(f"{images_served}/trends?chart=methadone-dropouts", wait_until="commit")
        wait_until_rendered(page)
        try:
            page.wait_for_function(
                """() => { const h = document.getElementById('methadone-dropouts');
                           if (!h) return false; const top = h.getBoundingClientRect().top;
                           return top >= 0 && top < 150; }""",
                polling=POLL_MS,
                # The page is rendered by now; the heading is kept at the top from then on, so
                # a link that has not landed in 15 s will not.
                timeout=15_000,
            )
        except PlaywrightTimeoutError:
            where = page.evaluate(
                """() => { const m = document.querySelector('[data-testid="stMain"]');
                           const h = document.getElementById('methadone-dropouts');
                           return {top: h?.getBoundingClientRect().top, scrolled: m.scrollTop,
                                   height: m.scrollHeight, window: m.clientHeight}; }"""
            )
            pytest.fail(f"the chart's heading is not at the top of the window: {where}")
        section = page.locator('[data-testid="stMarkdownContainer"] strong').first.inner_text()
        assert section == "Rehabilitation and treatment"
    finally:
        page.close()


@pytest.mark.parametrize(
    ("colour", "opacity", "ratio"),
    [("rgb(0, 0, 0)", 1.0, 21.0), ("rgb(47, 45, 43)", 0.6, 3.9), ("rgb(47, 45, 43)", 1.0, 13.7)],
)
def test_contrast_formula(colour, opacity, ratio):
    assert contrast(colour, opacity, "rgb(255, 255, 255)") == pytest.approx(ratio, abs=0.1)


def _wait_for_count(page, count: int) -> None:
    page.wait_for_function(
        f"() => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"]')]"
        f".some(e => e.innerText.trim() === '{count} statement{'' if count == 1 else 's'}')",
        timeout=WAIT_MS,
        polling=POLL_MS,
    )
    wait_until_rendered(page)


def test_searching_and_choosing_a_stance_filter_statements_in_the_url(
    server: str, open_page, seed_db
):
    """A first-time reader types the organisation's name: its statements come up, with a
    count per organisation, the address keeps the search, and clearing it leaves the panel
    open (the expander kept: only a browser shows it). A stance chosen narrowing the list
    and the address keeping it are tests/test_pages.py::test_statements_filters_set_by_widget_key
    (the same writing of a filter to the address as the search's, read here); a shared
    address that opens filtered is test_statements_filter_by_stance there."""
    from database import queries
    from database.connection import Reader

    with Reader(seed_db) as db:
        everything = len(queries.statements(db))
        found = len(queries.statements(db, text="Human Rights Watch"))
        hrw = len(queries.statements(db, organisations=["Human Rights Watch"]))
    assert 0 < hrw <= found < everything
    page = open_page(f"{server}/statements")
    open_filters(page)
    search = page.get_by_label("Search words, speakers, organisations and roles")
    search.fill("Human Rights Watch")
    search.press("Enter")
    _wait_for_count(page, found)
    _assert_no_errors(page, "/statements searching Human Rights Watch")
    assert parse_qs(urlsplit(page.url).query).get("q") == ["Human Rights Watch"]
    assert page.get_by_text("Phil Robertson, Asia Deputy Director").count() > 0
    facet = page.locator('[data-testid="stCaptionContainer"]', has_text="Human Rights Watch")
    assert f"Human Rights Watch {hrw}" in facet.first.inner_text()
    search.fill("")
    search.press("Enter")
    _wait_for_count(page, everything)
    assert search.is_visible(), "clearing the search closed the filter panel"
    assert page.get_by_role("toolbar", name="Stance").is_visible()
    assert "q" not in parse_qs(urlsplit(page.url).query)


@pytest.fixture(scope="module")
def in_session(shared_context, images_served: str) -> Iterator:
    """One tab for the in-app link tests: each goes to the page it starts on by the sidebar's
    menu (itself an in-app link, so the session is kept), not by loading it again."""
    page = open_rendered(shared_context(), images_served + "/")
    yield page
    page.close()


#: The sidebar menu's entry of each page the link tests start on, and its title.
MENU = {"/": "Overview", "/trends": "Trends"}
TITLES = {c.path: c.title for c in CASES}


def _wait_for_title(page, title: str) -> None:
    """The address changes before the new page's run ends: wait for the page's own title."""
    page.wait_for_function(
        "t => document.querySelector('h1')?.innerText.trim() === t",
        arg=title,
        timeout=WAIT_MS,
        polling=POLL_MS,
    )


def _go_in_session(page, path: str) -> None:
    """Move the tab to `path` by the sidebar's menu, unless it is there already."""
    if urlsplit(page.url).path == path:
        return
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=MENU[path]).click()
    # (Trends writes its chosen section into the address: the path is compared.)
    page.wait_for_url(lambda url: urlsplit(url).path == path, timeout=WAIT_MS)
    _wait_for_title(page, TITLES[path])
    wait_until_rendered(page)


def _path_and_query(url: str) -> str:
    address = urlsplit(url)
    return address.path + (f"?{address.query}" if address.query else "")


# An in-app link (st.page_link: menus and standalone links; links inside running text open
# a tab, as Streamlit's markdown does) must keep the reader's session: a value set on
# `window` survives only if the page was not reloaded, and no second tab may open. Links named
# by their words, or (starting with "css=") by where they are. One tab for all: each test
# starts where the last left it and goes to its start page in the session.
@pytest.mark.parametrize(
    ("start", "link", "lands_on", "title"),
    [
        ("/", "See the data checks", "/checks", "Do the figures agree with each other?"),
        (
            "/",
            "Read it, and what was drawn from it",
            "/sources?source=",
            "Where does this come from?",
        ),
        (
            "/",
            "All proposals and who stands where",
            "/policies",
            "What is proposed, and who stands where?",
        ),
        (
            "/trends",
            "css=.st-key-trends-menu a",
            "/trends?section=",
            "What did the campaign do over time?",
        ),
    ],
)
def test_in_app_links_stay_in_the_same_tab_and_session(
    server: str, in_session, start: str, link: str, lands_on: str, title: str
):
    page = in_session
    _go_in_session(page, start)
    opened: list[str] = []

    def note(tab) -> None:
        opened.append(tab.url)

    page.context.on("page", note)
    try:
        page.evaluate("window.__session_marker = 'kept'")
        named = page.get_by_role("link", name=link)
        target = page.locator(link) if link.startswith("css=") else named
        target.first.click()
        page.wait_for_url(lambda url: lands_on in url and url != server + start, timeout=WAIT_MS)
        _wait_for_title(page, title)
        wait_until_rendered(page)
    finally:
        page.context.remove_listener("page", note)
    _assert_no_errors(page, f"{start} -> {page.url}")
    assert opened == [], f"the link opened a new tab: {opened}"
    assert page.evaluate("window.__session_marker") == "kept", "the app was reloaded"
    assert page.locator("h1").first.inner_text().strip() == title


# Words of every table cell on the page that the browser split over two lines (a line may
# end after a hyphen or a slash: the parts between those are the words).
SPLIT_WORDS_JS = """() => {
  const split = [];
  for (const td of document.querySelectorAll('[data-testid=stMarkdownContainer] td')) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\/\\u2010-\\u2014-]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


# A word of 4,000 letters put into the first table cell, the page's width measured, the word
# taken out again: the page stays as the other readers of the visit expect it.
HUGE_WORD_WIDTH_JS = """() => {
  const td = document.querySelector('[data-testid=stMarkdownContainer] td');
  const word = document.createElement('span');
  word.textContent = 'x'.repeat(4000);
  td.appendChild(word);
  const width = document.documentElement.scrollWidth;
  word.remove();
  return width;
}"""


def _assert_tables_whole(page) -> None:
    width = page.viewport_size["width"]
    assert page.locator("[data-testid=stMarkdownContainer] td").count() > 0
    assert page.evaluate(SPLIT_WORDS_JS) == [], f"at {width}px"
    assert page.evaluate(HUGE_WORD_WIDTH_JS) <= width, f"at {width}px"


@_reading(Visit("/policies"))
def test_tables_split_no_word_and_a_huge_word_stretches_no_page(visit):
    """At a laptop's width and, the window narrowed, a phone's."""
    _assert_tables_whole(visit)
    with _as_on_a_phone(visit) as page:
        _assert_tables_whole(page)


@_reading(Visit("/"))
def test_a_middle_click_still_opens_a_new_tab(visit):
    # st.page_link keeps a plain click in the session and carries the page's full address,
    # so a middle click (or the menu's "open in new tab") opens that page in a tab, and the
    # page clicked on stays as it was (so the shared load of "/" is read here too).
    page, before = visit, visit.url
    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Read it, and what was drawn from it").first.click(
            button="middle"
        )
    opened = new_tab.value.url
    new_tab.value.close()
    assert "/sources?source=" in opened
    assert page.url == before


#: What a phone's browser says it is: Streamlit closes its sidebar after a page is chosen
#: on a mobile device (by the user agent), not in any narrow window.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)


def test_the_sidebar_closes_on_a_phone_after_choosing_a_page(server: str, browser):
    with new_context(browser, PHONE, user_agent=PHONE_AGENT, is_mobile=True) as context:
        _sidebar_closes(context, server)


def _sidebar_closes(context, server: str) -> None:
    # Started on a page with no chart: which page it starts on is not what is tested, and
    # the Overview would wait for the seed images (and draw them at a phone's width).
    page = open_rendered(context, server + "/methodology")
    sidebar = page.locator('[data-testid="stSidebar"]')
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'",
        polling=POLL_MS,
    )
    page.evaluate("window.__session_marker = 'kept'")
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Statements").click()
    page.wait_for_url(lambda url: url.endswith("/statements"), timeout=WAIT_MS)
    wait_until_rendered(page)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'true'",
        polling=POLL_MS,
    )
    assert sidebar.get_attribute("data-collapsed") == "true"
    assert page.evaluate("window.__session_marker") == "kept"
    assert page.locator("h1").first.inner_text().strip() == "Who said what?"


@pytest.fixture
def svg_clashes(tab) -> Callable[[str], list[str]]:
    """Text clashes of one SVG drawn at its own size in a real browser (one tab for all)."""
    tab.set_viewport_size({"width": 1700, "height": 1000})

    def clashes(svg: str) -> list[str]:
        tab.set_content(f"<body style='margin:0'>{svg}</body>")
        return tab.evaluate(_TEXT_CLASHES)

    return clashes


def test_the_label_check_sees_labels_that_clash_or_run_out(svg_clashes):
    """The check the chart tests rely on finds what it looks for (else theirs cannot fail)."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
        '<text x="10" y="50" font-size="20">Arrests</text>'
        '<text x="14" y="52" font-size="20">Seizures</text>'
        '<text x="180" y="90" font-size="20">Users</text></svg>'
    )
    found = svg_clashes(svg)
    assert '"Arrests" prints over "Seizures"' in found
    assert '"Users" runs outside the drawing' in found


#: Links whose words are cut (an ellipsis), and the least gap between rows of the Trends menu.
_CUT_LINKS = """() => {
  const links = "[data-testid=stPageLink-NavLink]";
  const cut = [...document.querySelectorAll(`${links}, ${links} *`)]
    .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
    .map((e) => e.innerText);
  const menu = [...document.querySelectorAll(".st-key-trends-menu a")]
    .map((e) => e.getBoundingClientRect());
  const gaps = menu.flatMap((a) => menu.filter((b) => b.top > a.top + 5).map((b) => b.top - a.bottom));
  return {cut, gap: Math.min(...gaps)};
}"""


@_reading(Visit("/trends?lang=km", PHONE["width"]))
def test_on_a_khmer_phone_page_links_are_whole_and_the_menu_rows_apart(visit):
    """Khmer runs longer than English: "Interactive charts (…)" lost its end to an ellipsis
    at 390 px, and the Trends menu's rows overlapped, subscripts in the row below."""
    found = visit.evaluate(_CUT_LINKS)
    assert found["cut"] == []
    assert found["gap"] >= 4


@_reading(Visit("/"), Visit("/trends?lang=km", PHONE["width"]))
def test_a_phone_is_shown_the_charts_phone_drawing(visit):
    """At 390 px each static chart shows its narrow drawing, never the laptop's: the
    Overview's window narrowed, Khmer Trends loaded at that width. (The drawings' own labels
    are read in every stored SVG, narrow ones included, by
    test_every_stored_chart_image_has_no_clashing_or_cut_labels: the page shows those files.)"""
    with _as_on_a_phone(visit) as page:
        _assert_phone_drawings(page)


def _assert_phone_drawings(page) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    path = _where(page)
    narrow = page.locator(".static-chart img.narrow")
    # A lazily loaded image has no size, so is not visible, until its file has come.
    with contextlib.suppress(PlaywrightTimeoutError):
        narrow.filter(visible=True).first.wait_for(timeout=15_000)
    assert narrow.filter(visible=True).count() > 0, f"{path} shows no phone drawing of a chart"
    wide = page.locator(".static-chart img.wide").filter(visible=True).count()
    assert wide == 0, f"{path} at 390 px shows {wide} laptop drawings"


# The same check over each interactive chart plotly drew and shows (the phone's or the
# laptop's variant), its frame the chart's own box.
_PLOT_TEXT_CLASHES = _TEXT_CLASHES.replace(
    "const svg = document.querySelector('svg');", "const svg = plot;"
).replace("() => {", "(plot) => {", 1)


#: Every chart plotly shows drawn at its box's width, the sidebar open (a laptop's window):
#: where a page widened from a phone's width settles.
# Settled: the sidebar open and done moving (its opening transition narrows the main column
# as it runs, so a plot can match an in-between width and be resized once more: seen under a
# load of 20), and every shown plot drawn at its container's width.
_PLOTS_SETTLED = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent);
  const bar = document.querySelector('[data-testid=stSidebar]');
  return bar?.dataset.collapsed === 'false'
    && bar.getAnimations({subtree: true}).length === 0
    && plots.length > 0
    && plots.every(p => +p.querySelector('.main-svg')?.getAttribute('width') === p.clientWidth);
}"""


def test_interactive_charts_have_no_clashing_or_cut_labels(server: str, open_page):
    """Each chart is drawn for a phone and for a laptop, one of the two shown: both are read
    on one load, at a phone's width and then with the window widened to a laptop's, where
    every label of the laptop's drawing is where a page loaded at that width puts it
    (measured, docs/benchmarks.md stop 41; the other way round, legends move by 10 px)."""
    page = open_page(f"{server}/trends?interactive=true&section=arrests", PHONE)
    problems = []
    for viewport in (PHONE, DESKTOP):
        if viewport is DESKTOP:
            page.set_viewport_size(DESKTOP)
            page.wait_for_function(_PLOTS_SETTLED, polling=POLL_MS)
        page.locator(".js-plotly-plot .main-svg:visible").first.wait_for()
        drawn = page.locator(".js-plotly-plot").all()
        plots = [p for p in drawn if p.is_visible()]
        # Each chart is drawn for a laptop and for a phone; exactly one of the two shows.
        assert plots and len(plots) * 2 == len(drawn), f"{len(plots)} of {len(drawn)} shown"
        for n, plot in enumerate(plots):
            clashes = plot.evaluate(_PLOT_TEXT_CLASHES)
            problems += [f"{viewport['width']} px, chart {n + 1}: {p}" for p in clashes]
    assert problems == []


def test_every_stored_chart_image_has_no_clashing_or_cut_labels(svg_clashes, seed_db_images: Path):
    """The wide and narrow SVGs the build stored, and its print SVG (the PNG's layout)."""
    from charts.catalogue import catalogue
    from charts.frames import ReaderFrames
    from database import queries
    from database.connection import Reader

    problems = []
    with Reader(seed_db_images) as reader:
        for chart_id in catalogue(ReaderFrames(reader)).charts:
            svgs = queries.chart_svgs(reader, chart_id)
            printed = queries.chart_print_svg(reader, chart_id)
            assert svgs and printed, (
                f"the build stored no SVG of {chart_id} (is Chromium installed?)"
            )
            for kind, svg in zip(
                ("wide", "narrow", "print"), (*svgs, _at_drawing_size(printed)), strict=True
            ):
                problems += [f"{chart_id} {kind}: {p}" for p in svg_clashes(svg)]
    assert problems == []


# Every visible element with text of its own: its colour (alpha and every ancestor's opacity
# applied) over its effective background (every translucent background behind it composited
# down to white), and the WCAG contrast ratio of the two. Computed in the page, as the reader
# sees it; `icon` marks Material icon glyphs, whose ligature names are not text.
_TEXT_CONTRAST = r"""() => {
  const parse = c => { const m = c.match(/[\d.]+/g) || []; return {r:+m[0]||0,g:+m[1]||0,b:+m[2]||0,a: m.length>3 ? +m[3] : 1}; };
  const lum = ({r,g,b}) => { const f = v => { v/=255; return v <= 0.04045 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); }; return 0.2126*f(r)+0.7152*f(g)+0.0722*f(b); };
  const over = (top, under) => ({r: top.a*top.r+(1-top.a)*under.r, g: top.a*top.g+(1-top.a)*under.g, b: top.a*top.b+(1-top.a)*under.b, a: 1});
  // What lies behind an element: hidden or not, the product of its and its ancestors'
  // opacity, and every translucent background composited down to white. Kept per element,
  // so each ancestor's style is read once for the page, not once per descendant.
  const seen = new Map();
  const behind = el => {
    if (!el) return {hidden: false, opacity: 1, back: {r:255,g:255,b:255,a:1}};
    if (seen.has(el)) return seen.get(el);
    const s = getComputedStyle(el);
    const up = behind(el.parentElement);
    const bg = parse(s.backgroundColor);
    const mine = {
      hidden: up.hidden || s.display === 'none',
      opacity: up.opacity * parseFloat(s.opacity),
      back: bg.a > 0 ? over(bg, up.back) : up.back,
    };
    seen.set(el, mine);
    return mine;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT','STYLE','NOSCRIPT','svg','path'].includes(el.tagName)) continue;
    if (el.closest('svg')) continue;
    // WCAG 1.4.3 and 1.4.11 exempt inactive controls (a disabled "previous page" arrow).
    if (el.closest('button:disabled, [aria-disabled="true"]')) continue;
    const own = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    const {hidden, opacity, back} = behind(el);
    if (hidden || opacity < 0.05) continue;
    let fg = parse(style.color); fg = {...fg, a: fg.a * opacity};
    const drawn = over(fg, back);
    const [l1, l2] = [lum(drawn), lum(back)].sort((x,y) => y-x);
    const ratio = (l1+0.05)/(l2+0.05);
    out.push({icon: el.dataset.testid === 'stIconMaterial', text: own.slice(0,60), tag: el.tagName, testid: (el.closest('[data-testid]')||{}).dataset?.testid || '', cls: String(el.className).slice(0,40), color: style.color, back: `rgb(${back.r|0}, ${back.g|0}, ${back.b|0})`, opacity, ratio: Math.round(ratio*100)/100});
  }
  return out;
}"""

#: Pages walked for contrast: every page and an article with a sentence left uncoded
#: (greyed). The light embed donors paste is walked on its own test's load.
CONTRAST_PATHS = [*(c.path for c in CASES), "/sources?source=ppp-2017-06-27-extend-drug-war"]


def _assert_at_aa_contrast(page, path: str) -> None:
    """WCAG AA: 4.5:1 for text; 3:1 for icons (non-text contrast)."""
    texts = page.evaluate(_TEXT_CONTRAST)
    assert texts, f"{path}: no text found"
    low = [
        f"{t['tag']} in {t['testid'] or 'page'} “{t['text']}”: {t['ratio']}:1 "
        f"({t['color']} at opacity {t['opacity']:.2f} on {t['back']})"
        for t in texts
        if t["ratio"] < (3.0 if t["icon"] else 4.5)
    ]
    assert low == [], f"{path}: text below WCAG AA contrast"


@_reading(*(Visit(path) for path in CONTRAST_PATHS))
def test_every_text_is_at_aa_contrast(visit):
    """WCAG AA: 4.5:1 for text; 3:1 for icons (non-text contrast)."""
    _assert_at_aa_contrast(visit, _where(visit))


def test_copy_with_citation_puts_the_citation_on_the_clipboard_and_says_so(
    server: str, shared_context, open_page, seed_db: Path
):
    """One click, no popover: the clipboard holds the citation shown, and the button says
    it was copied (issue 26). Only a browser has a clipboard: the shared context may use it
    for this test's while."""
    statement_id = str(queries.statements(Reader(seed_db))["statement_id"].iloc[0])
    context = shared_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    try:
        page = open_page(f"{server}/statements?statement={statement_id}")
        button = page.locator("button.copy-cite")
        button.click()
        page.wait_for_function(
            "() => document.querySelector('button.copy-cite .said').textContent.startsWith('Copied')",
            polling=POLL_MS,
        )
        copied = page.evaluate("navigator.clipboard.readText()")
        shown = page.locator(".copy-text p").first.inner_text()
    finally:
        context.clear_permissions()
    assert copied == shown and copied.endswith(f"statements?statement={statement_id}")
