"""The studio's mouse selection in a real headless Chromium: words dragged over in the clean
text become a draft, and the article's words are shown as text, never obeyed as markup. (An
article coded, saved, approved and found on the dashboard by clicking and typing only is
tests/test_studio_review_browser.py's one flow.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.serving import DESKTOP, WAIT_MS, new_context

# The studio's own servers, one worker apart from the dashboard's browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("studio")]

ROOT = Path(__file__).resolve().parent.parent
#: `STUDIO_SCREENSHOTS=1` photographs the screen (as tests/test_studio_review_browser.py does).
SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOTS") == "1"
ARTICLE = """Takeo police arrest 512 in February

Police in Takeo arrested 512 people in February, officials said on Monday.

A spokesman said the province would hold a market fair next week.

The market reopened after the holiday.
"""


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


def test_a_passage_selected_with_the_mouse_becomes_a_draft(browser, studio_server):
    from playwright.sync_api import expect

    url, _, _ = studio_server  # the run's studio, shared with the approval flow
    expect.set_options(timeout=WAIT_MS)  # a shared machine: a rerun may take seconds
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
        if SCREENSHOTS:  # for a person to look at (issue 24); no test reads it
            page.screenshot(path=str(ROOT / "screenshots" / "studio-passage.png"), full_page=True)
