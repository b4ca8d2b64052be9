"""The studio end to end in a real headless Chromium: a made-up article added, reviewed,
accounted for and saved by clicking and typing only; its figure is then in the built database
and on the dashboard's Data and Trends pages."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.serving import DESKTOP, dashboard, new_context, start_server, stop_server

# The studio's own servers, one worker apart from the dashboard's browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("studio")]

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Takeo police arrest 512 in February

Police in Takeo arrested 512 people in February, officials said on Monday.

A spokesman said the province would hold a market fair next week.

The market reopened after the holiday.
"""


@pytest.fixture
def studio(browser, tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """A studio of its own (it writes the seeds and builds), on a copy of the fixture corpus.
    (It asks for the browser first, so a machine without Chromium skips before starting it.)"""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", seeds)
    db = tmp_path / "monitor.duckdb"
    # One person alone publishes here; the two-person rule is test_studio_review_browser.py's.
    env = {**os.environ, "STUDIO_SEEDS": str(seeds), "MONITOR_DB": str(db),
           "STUDIO_NO_CHARTS": "1", "STUDIO_SINGLE_EDITOR": "1"}  # fmt: skip
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1"]  # fmt: skip
    proc, url = start_server(command, env, tmp_path / "studio.log")
    try:
        yield url, seeds, db
    finally:
        stop_server(proc)


def test_an_article_is_added_coded_and_saved_by_clicking_and_typing(browser, studio):
    from playwright.sync_api import expect

    url, seeds, db = studio
    with new_context(browser, DESKTOP) as context:
        page = context.new_page()
        page.goto(url)
        page.get_by_test_id("stRadio").first.get_by_text("Add", exact=True).click()
        # Add: paste, outlet, date, name; the title comes from the first line.
        page.get_by_label("Or paste the article as captured").fill(ARTICLE)
        page.get_by_label("Outlet").click()
        expect(page.get_by_label("Title")).to_have_value("Takeo police arrest 512 in February")
        page.get_by_label("Outlet").fill("The Example Daily")
        # The date field is typed segment by segment: year, month, day.
        page.get_by_role("spinbutton", name="year, Published on").click()
        page.keyboard.type("20180308")
        page.keyboard.press("Tab")
        page.get_by_label("Your name (kept with what you save)").fill("Browser Test")
        page.get_by_label("Your name (kept with what you save)").press("Tab")
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_text("Review its candidates next")).to_be_visible()
        # Review: the figure comes with its metric proposed; accept it.
        page.get_by_text("Review", exact=True).click()
        expect(page.get_by_text("figure · open", exact=False).first).to_be_visible()
        page.get_by_role("button", name="Accept").first.click()
        expect(page.get_by_text("figure · accepted", exact=False).first).to_be_visible()
        # Coverage: the spokesman's sentence is set aside with a reason typed.
        page.get_by_text("Coverage", exact=True).click()
        reason = page.get_by_label("or type the reason (Enter)")
        expect(reason).to_have_count(1)
        reason.fill("not about the campaign: a market fair")
        reason.press("Enter")
        expect(page.get_by_text("Not coded, because: not about the campaign")).to_be_visible()
        # Save: check and build.
        page.get_by_text("Save", exact=True).click()
        page.get_by_role("button", name="Save and publish (single-editor)").click()
        done = page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stCode"]')
        expect(done.first).to_be_visible(timeout=180_000)
        page.screenshot(path=str(ROOT / "screenshots" / "studio-saved.png"), full_page=True)
        expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(
            "Approved and published"
        )
    with duckdb.connect(str(db), read_only=True) as con:
        values = [r[0] for r in con.execute("SELECT value FROM indicators").fetchall()]
    assert 512 in values
    [saved] = (seeds / "curated" / "articles").glob("*.yaml")
    assert "# who: added by Browser Test at " in saved.read_text(encoding="utf-8")
    _the_dashboard_shows_the_figure(browser, db, saved.stem, db.parent)


def _the_dashboard_shows_the_figure(browser, db: Path, source_id: str, tmp_path: Path) -> None:
    """The dashboard started on the database the studio built (a server of its own: not the
    seed database's) shows the new figure on Data (filtered to the new article) and on
    Trends (the chart that draws its metric)."""
    from playwright.sync_api import expect

    from charts.catalogue import catalogue
    from charts.frames import ReaderFrames
    from database.connection import Reader

    expect.set_options(timeout=60_000)  # a dashboard's cold start on a shared machine
    with Reader(db) as reader:
        metric = reader.frame("SELECT metric_id FROM indicators WHERE value = 512")["metric_id"][0]
        charts = catalogue(ReaderFrames(reader)).charts
    chart_id = next(c for c, spec in charts.items() if metric in getattr(spec, "metric_ids", ()))
    with dashboard(db, tmp_path / "dash.log") as url, new_context(browser, DESKTOP) as context:
        page = context.new_page()
        page.goto(f"{url}/data?source={source_id}")
        expect(page.get_by_text("Takeo police arrest 512 in February").first).to_be_visible()
        expect(page.locator("table").get_by_text("512", exact=True).first).to_be_visible()
        page.goto(f"{url}/trends?chart={chart_id}")
        expect(page.get_by_text("512", exact=False).first).to_be_visible()
        page.screenshot(path=str(ROOT / "screenshots" / "studio-saved-trends.png"))


def _drag_over(page, words: str) -> None:
    """Select ``words`` in the clean text with the mouse: press before the first character,
    move, release after the last, as a curator does."""
    box = page.evaluate(
        """(words) => {
          const root = document.querySelector('.passage-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.textContent.indexOf(words);
            if (at < 0) continue;
            const r = document.createRange();
            r.setStart(n, at); r.setEnd(n, at + 1);
            const a = r.getBoundingClientRect();
            r.setStart(n, at + words.length - 1); r.setEnd(n, at + words.length);
            const b = r.getBoundingClientRect();
            return {x0: a.left + 1, y0: (a.top + a.bottom) / 2,
                    x1: b.right - 1, y1: (b.top + b.bottom) / 2};
          }
          return null;
        }""",
        words,
    )
    assert box, f"{words!r} is not in the clean text"
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move((box["x0"] + box["x1"]) / 2, box["y1"], steps=5)
    page.mouse.move(box["x1"], box["y1"], steps=5)
    page.mouse.up()


def test_a_passage_selected_with_the_mouse_becomes_a_draft(browser, studio):
    from playwright.sync_api import expect

    url, _, _ = studio
    with new_context(browser, DESKTOP) as context:
        page = context.new_page()
        page.goto(url)
        page.get_by_test_id("stRadio").first.get_by_text("Add", exact=True).click()
        hostile = "The notice read <b>closed</b> <img src=x onerror=alert(1)> today."
        page.get_by_label("Or paste the article as captured").fill(f"{ARTICLE}\n{hostile}\n")
        page.get_by_label("Outlet").click()
        page.get_by_label("Outlet").fill("The Example Daily")
        page.get_by_role("spinbutton", name="year, Published on").click()
        page.keyboard.type("20180308")
        page.keyboard.press("Tab")
        page.get_by_label("Your name (kept with what you save)").fill("Browser Test")
        page.get_by_label("Your name (kept with what you save)").press("Tab")
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_text("Review its candidates next")).to_be_visible()
        page.get_by_text("Review", exact=True).click()
        expect(page.locator(".passage-text")).to_contain_text("market fair")
        # The article's words are shown as text, never obeyed as markup.
        expect(page.locator(".passage-text")).to_contain_text("<b>closed</b>")
        expect(page.locator(".passage-text b, .passage-text img")).to_have_count(0)
        words = "the province would hold a market fair"
        _drag_over(page, words)
        form = page.get_by_test_id("stVerticalBlock").filter(has_text="Selected (characters")
        expect(page.get_by_text("Selected (characters", exact=False)).to_be_visible()
        expect(form.last).to_contain_text(words)
        page.get_by_text("statement", exact=True).click()
        page.get_by_role("button", name="Draft a record for these words").click()
        expect(page.get_by_text(f"statement · open · {words}", exact=False)).to_be_visible()
        expect(page.get_by_text("Selected (characters", exact=False)).to_have_count(0)
        # The new draft is highlighted in the text like every candidate.
        expect(page.locator(".passage-text .mark-open", has_text=words)).to_have_count(1)
        page.screenshot(path=str(ROOT / "screenshots" / "studio-passage.png"), full_page=True)
