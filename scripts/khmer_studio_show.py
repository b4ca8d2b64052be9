"""Issue 25's "Show", run by hand: a made-up Khmer article added and coded in the studio in
a real browser, saved by one editor, approved by a second, then shown on the dashboard in
English and in Khmer, each step photographed.

It works on a temporary copy of seeds/ (never on the repository's), starts its own studio
and dashboard and stops them. Not a test: the pictures are for a person to look at.

    .venv/bin/python scripts/khmer_studio_show.py --out /tmp/shots
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.serving import (  # noqa: E402 - the repository root is put on the path first
    DESKTOP,
    PHONE,
    dashboard,
    launch_chromium,
    new_context,
    start_server,
    stop_server,
    wait_until_rendered,
)

TITLE = "មន្ត្រីសុខាភិបាលខេត្តតាកែវ ស្នើឲ្យព្យាបាលអ្នកញៀននៅសហគមន៍"
# Made up for this demonstration, in our own words (no news text): a headline, a dateline,
# a figure with a hedge (ប្រហែល "about"), a quote in «…» by a made-up speaker, a sentence of
# background that is not coded.
ARTICLE = f"""{TITLE}

តាកែវ៖ នគរបាលខេត្តតាកែវបានឃាត់ខ្លួនអ្នកប្រើប្រាស់គ្រឿងញៀនប្រហែល ១២០ នាក់ កាលពីខែមុន។

លោកស្រី ហេង សុផាត មន្ត្រីសុខាភិបាលស្រុក បាននិយាយថា «អ្នកញៀនភាគច្រើនត្រូវការការព្យាបាល មិនមែនបន្ទប់ឃុំទេ។»

ផ្សារក្នុងក្រុងដូនកែវត្រូវបានបិទសម្រាប់ការសម្អាតកាលពីថ្ងៃព្រហស្បតិ៍។
"""
QUOTE = "អ្នកញៀនភាគច្រើនត្រូវការការព្យាបាល"
SPEAKER = "ហេង សុផាត"


class Shots:
    """Numbered pictures in one folder, in the order taken."""

    def __init__(self, out: Path) -> None:
        self.out, self.n = out, 0
        out.mkdir(parents=True, exist_ok=True)

    def __call__(self, page, name: str, full: bool = True) -> None:
        from playwright.sync_api import expect

        expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
        self.n += 1
        path = self.out / f"{self.n:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=full)
        print(f"  {path}")


def _sign_in(context, url: str, name: str):
    from playwright.sync_api import expect

    expect.set_options(timeout=90_000)  # a shared machine: a rerun may take seconds
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(url)
    field = page.get_by_label("Your name (kept with what you save)")
    field.fill(name)
    field.press("Enter")
    return page


def _screen(page, name: str) -> None:
    page.get_by_test_id("stRadio").first.get_by_text(name, exact=True).click()
    wait_until_rendered(page)


def _fill(box, label: str, text: str) -> None:
    from playwright.sync_api import expect

    wait_until_rendered(box.page)
    box.get_by_label(label, exact=True).fill(text)
    box.get_by_label(label, exact=True).press("Tab")
    wait_until_rendered(box.page)
    expect(box.get_by_label(label, exact=True)).to_have_value(text)


def _candidates(page):
    return page.get_by_test_id("stExpander").filter(has_text=" · open")


def _add_and_code(page, shot: Shots) -> None:
    """The researcher adds the article, accepts its drafts (completing what a draft leaves
    open), gives the uncoded sentence its reason and saves it for review."""
    from playwright.sync_api import expect

    _screen(page, "Add")
    page.get_by_label("Or paste the article as captured").fill(ARTICLE)
    page.get_by_label("Outlet").click()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    page.get_by_label("Outlet").fill("កាសែតឧទាហរណ៍ (made up)")
    page.get_by_role("spinbutton", name="year, Published on").click()
    page.keyboard.type("20180315")
    page.keyboard.press("Tab")
    page.get_by_label("Web address (optional)").click()  # closes the calendar
    shot(page, "studio-add")
    page.get_by_role("button", name="Add article").click()
    expect(page.get_by_text("Review its candidates next")).to_be_visible()
    _screen(page, "Review")
    shot(page, "studio-review-drafts")
    # The figure: about 120 people detained, a month before the article.
    figure = _candidates(page).filter(has_text="figure").first
    metric = figure.get_by_role("combobox", name="Metric", exact=True)
    metric.click()
    page.keyboard.type("arrests-total")
    page.get_by_role("option").filter(has_text="arrests-total").first.click()
    wait_until_rendered(page)
    _fill(figure, "Attribution (the article's words)", "នគរបាលខេត្តតាកែវ")
    # A province's count, never the national one the draft assumes.
    _fill(figure, "Geography (as the article gives it)", "ខេត្តតាកែវ")
    box = figure.get_by_role("spinbutton", name="year, As of")
    if box.count():
        box.click()
        page.keyboard.type("20180228")
        page.keyboard.press("Tab")
        figure.get_by_label("Attribution (the article's words)").click()
    shot(page, "studio-review-figure")
    figure.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(" · accepted · ", exact=False)).to_have_count(1)
    # The quote: a new speaker, named in Khmer as the article names her (no Latin spelling
    # of her name is known, so none is made up); her id typed, as Khmer makes none.
    said = _candidates(page).filter(has_text="statement").filter(has_text=QUOTE).first
    new_actor = said.get_by_role("textbox", name="Speaker: or a new one")
    new_actor.fill(SPEAKER)
    new_actor.press("Enter")
    wait_until_rendered(page)
    _fill(said, "Role", "District health officer")
    _fill(said, "Organisation", "District health office")
    _fill(said, "Id (renameable until it is published)", "heng-sophat")
    # A new actor's Kind and Actor type show their first option before one is picked, but
    # store nothing until the value changes (a studio fault, reported): each is moved off
    # and back.
    for label, option in (("Kind", "unnamed"), ("Kind", "person"), ("Actor type", "police"),
                          ("Actor type", "government"),
                          ("Topic", "treatment"), ("Stance", "critical")):  # fmt: skip
        # The new actor's Kind comes before the statement's own (direct or reported).
        said.get_by_role("combobox", name=label, exact=True).first.click()
        page.get_by_role("option", name=option, exact=True).click()
        wait_until_rendered(page)
    shot(page, "studio-review-statement")
    said.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(" · accepted · ", exact=False)).to_have_count(2)
    # Any other draft is left out: the sentence it comes from is given a reason below.
    _screen(page, "Coverage")
    reasons = page.get_by_label("or type the reason (Enter)")
    for _ in range(reasons.count()):
        reason = page.get_by_label("or type the reason (Enter)").first
        reason.fill("background, no claim: a market closed for cleaning")
        reason.press("Enter")
        wait_until_rendered(page)
    shot(page, "studio-coverage")
    _screen(page, "Save")
    page.get_by_role("button", name="Save for review").click()
    done = page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stCode"]')
    expect(done.first).to_be_visible(timeout=300_000)
    shot(page, "studio-saved")
    code = page.get_by_test_id("stCode")
    if code.count():
        raise SystemExit(f"the save was refused:\n{code.first.inner_text()}")


def _approve(page, shot: Shots) -> None:
    from playwright.sync_api import expect

    _screen(page, "Approve")
    expect(page.get_by_role("button", name="Approve and publish")).to_be_enabled()
    shot(page, "studio-approve")
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(
        "Approved and published", timeout=300_000
    )
    shot(page, "studio-approved")


def _dashboard(browser, db: Path, source_id: str, work: Path, shot: Shots) -> None:
    """The article, its figure and its quote on the dashboard in both languages."""
    from playwright.sync_api import expect

    with dashboard(db, work / "dash.log") as url:
        for viewport, width in ((DESKTOP, "1400"), (PHONE, "390")):
            with new_context(browser, viewport) as context:
                page = context.new_page()
                for lang in ("en", "km"):
                    for path in (f"sources?source={source_id}", f"data?source={source_id}",
                                 "statements?q=" + QUOTE[:8]):  # fmt: skip
                        page.goto(f"{url}/{path}&lang={lang}")
                        wait_until_rendered(page)
                        expect(page.get_by_text(TITLE).first).to_be_visible()
                        name = path.split("?")[0]
                        shot(page, f"dashboard-{name}-{width}-{lang}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the pictures")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    shot = Shots(args.out)
    with tempfile.TemporaryDirectory(prefix="khmer-show-") as tmp:
        work = Path(tmp)
        seeds = work / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)  # a copy: the repository's seeds stay as they are
        db = work / "monitor.duckdb"
        env = {**os.environ, "STUDIO_SEEDS": str(seeds), "MONITOR_DB": str(db),
               "STUDIO_NO_CHARTS": "1"}  # fmt: skip
        env.pop("STUDIO_SINGLE_EDITOR", None)
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py")]
        proc, url = start_server(command, env, work / "studio.log")
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                with new_context(browser, DESKTOP) as one, new_context(browser, DESKTOP) as two:
                    ann = _sign_in(one, url, "Ann Researcher")
                    try:
                        _add_and_code(ann, shot)
                    except Exception:
                        shot(ann, "FAILED-researcher")
                        raise
                    bo = _sign_in(two, url, "Bo Editor")  # a second editor, another browser
                    try:
                        _approve(bo, shot)
                    except Exception:
                        shot(bo, "FAILED-editor")
                        raise
                [saved] = [p for p in (seeds / "curated" / "articles").glob("*.yaml")
                           if "approved_by: Bo Editor" in p.read_text(encoding="utf-8")]  # fmt: skip
                print(f"approved: {saved.name}")
                shutil.copy(saved, args.out / saved.name)
                _dashboard(browser, db, saved.stem, work, shot)
                browser.close()
        finally:
            stop_server(proc)


if __name__ == "__main__":
    main()
