"""The drafts' reasons on the studio's Review screen, photographed in English and in Khmer at
laptop and phone width (issue 24), run by hand: a made-up article added in a real browser on a
copy of the fixture corpus, the language switched in the sidebar. Not a test: the pictures are
for a person to look at.

    .venv/bin/python scripts/reasons_show.py --out /tmp/shots
    .venv/bin/python scripts/reasons_show.py --out /tmp/shots --khmer-article

With --khmer-article the article is a made-up Khmer report whose count is dated by a month alone,
a date the draft fills for its record on the training sets (round thirty-three): its reason,
with that record, shows under the figure's dates (stop 48).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serving import (  # noqa: E402 - the repository root is put on the path first
    DESKTOP,
    PHONE,
    launch_chromium,
    new_context,
    studio,
    wait_until_rendered,
)

# Made up for this demonstration, in our own words (no news text).
ARTICLE = """Takeo police arrest 512 in February

Police in Takeo arrested 512 people in February, officials said on Monday.

"Most of them need treatment, not a cell," said Meas Sophal, a district health officer.

The market reopened after the holiday.
"""
# Made up too (tests/test_suggest_as_written.py's MONTH): a Khmer count in June 2023, its words
# parted by U+200B.
KHMER = (
    "ប៉ូលិស\u200bកំពត\u200bឃាត់ខ្លួន ១២០ នាក់\n\n"
    "កាលពី\u200bខែ\u200bមិថុនា ឆ្នាំ\u200b២០២៣ ប៉ូលិស\u200bខេត្ត\u200bកំពត\u200bបាន\u200bឃាត់ខ្លួន"
    "\u200bមនុស្ស ចំនួន ១២០\u200bនាក់ ។\n"
)


def _add(page, url: str, article: str = ARTICLE, published: str = "20180311") -> None:
    """Sign in, add the article in English, open its Review screen."""
    from playwright.sync_api import expect

    page.goto(url)
    name = page.get_by_label("Your name (kept with what you save)")
    name.fill("Ann Researcher")
    name.press("Enter")
    wait_until_rendered(page)
    page.get_by_test_id("stRadio").first.get_by_text("Add", exact=True).click()
    page.get_by_label("Or paste the article as captured").fill(article)
    page.get_by_label("Outlet").fill("The Example Daily (made up)")
    page.get_by_role("spinbutton", name="year, Published on").click()
    page.keyboard.type(published)
    page.keyboard.press("Tab")
    page.get_by_label("Web address (optional)").click()  # closes the calendar
    page.get_by_role("button", name="Add article").click()
    expect(page.get_by_text("Review its candidates next")).to_be_visible()
    page.get_by_test_id("stRadio").first.get_by_text("Review", exact=True).click()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the pictures")
    parser.add_argument("--khmer-article", action="store_true",
                        help="a Khmer report whose date the draft fills (a month alone)")  # fmt: skip
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=90_000)  # a shared machine: a rerun may take seconds
    with (
        tempfile.TemporaryDirectory(prefix="reasons-show-") as tmp,
        studio(Path(tmp), single_editor=True) as (url, _seeds, _db),
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        with new_context(browser, DESKTOP) as context:
            page = context.new_page()
            if args.khmer_article:
                _add(page, url, KHMER, "20230705")
            else:
                _add(page, url)
            for lang, switch in (("en", None), ("km", "ខ្មែរ")):
                if switch:  # the sidebar's switch: the same session, its article kept
                    page.set_viewport_size(DESKTOP)
                    page.get_by_test_id("stSidebar").get_by_text(switch).click()
                    wait_until_rendered(page)
                # Taller than the tests' windows: the studio scrolls inside its own frame, so a
                # full-page picture holds the window's height only, and a Khmer card at phone
                # width runs past 2,400 pixels.
                for width, size in (("laptop", {**DESKTOP, "height": 2600}),
                                    ("phone", {**PHONE, "height": 4200})):  # fmt: skip
                    page.set_viewport_size(size)
                    wait_until_rendered(page)
                    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
                    name = "khmer-article-" * args.khmer_article
                    path = args.out / f"review-reasons-{name}{lang}-{width}.png"
                    page.screenshot(path=str(path), full_page=True)
                    print(f"  {path}")
        browser.close()


if __name__ == "__main__":
    main()
