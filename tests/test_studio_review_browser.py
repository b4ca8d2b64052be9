"""The two-person rule in real browsers (issue 24): a researcher codes a made-up article, a new
unit and metric made in the pickers, and saves it provisional; a second editor, in another
browser, approves it and it reaches the database and the dashboard, or returns it and the
published data stays as it was. Each screen is photographed at 1400 px, and each step timed
(the figures go to docs/studio-timings.md, read by a person, never asserted)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.serving import DESKTOP, new_context, start_server, stop_server
from tests.test_studio_browser import _the_dashboard_shows_the_figure

# The studio's own servers, one worker apart from the dashboard's browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("studio")]

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
ARTICLE = """Takeo police arrest 512 in February

Police in Takeo arrested 512 people in February, officials said on Monday.

Officers also seized 3,000 tablets in the raids, officials said.

A spokesman said the province would hold a market fair next week.

The market reopened after the holiday.
"""
TIMINGS: dict[str, float] = {}


@pytest.fixture
def studio(browser, tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """A studio of its own on a copy of the fixture corpus, two editors (no single-editor
    mode). It asks for the browser first: a machine without Chromium skips before starting."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", seeds)
    db = tmp_path / "monitor.duckdb"
    env = {**os.environ, "STUDIO_SEEDS": str(seeds), "MONITOR_DB": str(db),
           "STUDIO_NO_CHARTS": "1"}  # fmt: skip
    env.pop("STUDIO_SINGLE_EDITOR", None)
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py"),
               "--server.headless", "true", "--server.address", "127.0.0.1"]  # fmt: skip
    proc, url = start_server(command, env, tmp_path / "studio.log")
    try:
        yield url, seeds, db
    finally:
        stop_server(proc)


class Step:
    """Times one step of the scripted run (the machine's time, not a person's)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        self.start = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        TIMINGS[self.name] = time.monotonic() - self.start


def _screen(page, name: str) -> None:
    page.get_by_test_id("stRadio").first.get_by_text(name, exact=True).click()


def _shot(page, name: str) -> None:
    from playwright.sync_api import expect

    # The picture once the run is over: no element still a loading placeholder.
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    page.screenshot(path=str(SHOTS / f"studio-{name}.png"), full_page=True)


def _sign_in(context, url: str, name: str):
    """A browser of its own (a fresh context: no cookie or session shared) signed in."""
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)  # a shared machine: a rerun may take seconds
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    field = page.get_by_label("Your name (kept with what you save)")
    field.fill(name)
    field.press("Enter")
    return page


def _researcher_saves(context, url: str):
    """Ann adds the article, codes it (a new unit and metric for the tablets) and saves it."""
    from playwright.sync_api import expect

    page = _sign_in(context, url, "Ann Researcher")
    expect(page.get_by_text("Published articles")).to_be_visible()
    _shot(page, "open")
    with Step("add"):
        _screen(page, "Add")
        page.get_by_label("Or paste the article as captured").fill(ARTICLE)
        page.get_by_label("Outlet").click()
        expect(page.get_by_label("Title")).to_have_value("Takeo police arrest 512 in February")
        page.get_by_label("Outlet").fill("The Example Daily")
        page.get_by_role("spinbutton", name="year, Published on").click()
        page.keyboard.type("20180308")
        page.keyboard.press("Tab")
        page.get_by_label("Web address (optional)").click()  # closes the calendar
        _shot(page, "add")
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_text("Review its candidates next")).to_be_visible()
    with Step("review"):
        _screen(page, "Review")
        arrests = page.get_by_test_id("stExpander").filter(has_text="arrested 512 people")
        tablets = page.get_by_test_id("stExpander").filter(has_text="3,000 tablets")
        expect(tablets).to_be_visible()
        arrests.get_by_role("button", name="Accept").click()
        expect(page.get_by_text("figure · accepted", exact=False)).to_have_count(1)
        # A new metric made by typing its label; its definition; a unit made the same way.
        new_metric = tablets.get_by_placeholder("or type a new metric's label and press Enter")
        new_metric.fill("Methamphetamine tablets seized")
        new_metric.press("Enter")
        tablets.get_by_label("What is counted, and what is not").fill(
            "Methamphetamine tablets seized by police."
        )
        tablets.get_by_label("What is counted, and what is not").press("Tab")
        new_unit = tablets.get_by_placeholder("or type a new unit's label and press Enter")
        new_unit.fill("tablets")
        new_unit.press("Enter")
        expect(tablets.get_by_role("combobox", name="Unit", exact=True)).to_have_value(
            "tablets · tablets (new)"
        )
        tablets.get_by_label("What one of it is").fill("One tablet counted.")
        tablets.get_by_label("What one of it is").press("Tab")
        new_category = tablets.get_by_placeholder("or type a new category's label and press Enter")
        new_category.fill("Seizures")
        new_category.press("Enter")
        tablets.get_by_label("Which metrics belong here").fill("Drugs seized by the police.")
        tablets.get_by_label("Which metrics belong here").press("Tab")
        tablets.get_by_role("spinbutton", name="year, As of").click()
        page.keyboard.type("20180305")
        page.keyboard.press("Tab")
        tablets.get_by_label("Attribution (the article's words)").click()  # closes the calendar
        _shot(page, "review")
        tablets.get_by_role("button", name="Accept").click()
        expect(page.get_by_text("figure · accepted", exact=False)).to_have_count(2)
    with Step("coverage"):
        _screen(page, "Coverage")
        reason = page.get_by_label("or type the reason (Enter)")
        expect(reason).to_have_count(1)
        reason.fill("not about the campaign: a market fair")
        reason.press("Enter")
        expect(page.get_by_text("Not coded, because: not about the campaign")).to_be_visible()
        _shot(page, "coverage")
    with Step("save"):
        _screen(page, "Save")
        page.get_by_role("button", name="Save for review").click()
        done = page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stCode"]')
        expect(done.first).to_be_visible(timeout=180_000)
        code = page.get_by_test_id("stCode")
        assert not code.count(), code.first.inner_text()  # the check's words, if it refused
        expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Saved for review")
        _shot(page, "save")
    return page


def _values(db: Path) -> list[float]:
    if not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT value FROM indicators").fetchall()]


def test_a_second_editor_approves_and_it_reaches_the_dashboard(browser, studio):
    from playwright.sync_api import expect

    url, seeds, db = studio
    with new_context(browser, DESKTOP) as first, new_context(browser, DESKTOP) as second:
        ann = _researcher_saves(first, url)
        assert 512 not in _values(db)  # provisional: not built
        _screen(ann, "Approve")
        expect(ann.get_by_text("You saved this work")).to_be_visible()
        expect(ann.get_by_role("button", name="Approve and publish")).to_be_disabled()
        with Step("approve"):
            bo = _sign_in(second, url, "Bo Editor")  # another browser: nothing shared
            _screen(bo, "Approve")
            expect(bo.get_by_text("added", exact=False).first).to_be_visible()
            expect(bo.get_by_role("button", name="Approve and publish")).to_be_enabled()
            expect(bo.get_by_test_id("stTable").filter(has_text="3000")).to_have_count(1)
            _shot(bo, "approve")
            bo.get_by_role("button", name="Approve and publish").click()
            expect(bo.get_by_test_id("stAlertContentSuccess")).to_contain_text(
                "Approved and published", timeout=180_000
            )
        _screen(bo, "Changes")
        expect(bo.get_by_text("Recent changes")).to_be_visible()
        _shot(bo, "changes")
        _screen(bo, "Agreement")
        expect(bo.get_by_text("No article is coded by two researchers yet")).to_be_visible()
        _shot(bo, "agreement")
    assert {512, 3000} <= set(_values(db))
    [saved] = (seeds / "curated" / "articles").glob("*.yaml")
    text = saved.read_text(encoding="utf-8")
    assert "approved_by: Bo Editor" in text and "unit_id: tablets" in text
    _the_dashboard_shows_the_figure(browser, db, saved.stem, db.parent)
    _write_timings()


def test_returned_work_leaves_the_published_data_unchanged(browser, studio):
    from playwright.sync_api import expect

    url, seeds, db = studio
    with new_context(browser, DESKTOP) as first, new_context(browser, DESKTOP) as second:
        ann = _researcher_saves(first, url)
        bo = _sign_in(second, url, "Bo Editor")
        _screen(bo, "Approve")
        bo.get_by_label("Comment (required to return it)").fill("Give the tablets' source.")
        bo.get_by_label("Comment (required to return it)").press("Tab")
        bo.get_by_role("button", name="Return with the comment").click()
        expect(bo.get_by_test_id("stAlertContentSuccess")).to_contain_text("Returned")
        ann.reload()
        field = ann.get_by_label("Your name (kept with what you save)")
        field.fill("Ann Researcher")
        field.press("Enter")
        expect(ann.get_by_text("Returned: Give the tablets' source.")).to_be_visible()
        _shot(ann, "open-returned")
    assert not list((seeds / "curated" / "articles").glob("*.yaml"))
    assert 512 not in _values(db)


def _write_timings() -> None:
    lines = [f"{name}: {seconds:.1f} s" for name, seconds in TIMINGS.items()]
    (SHOTS / "studio-timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
