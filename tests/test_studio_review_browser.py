"""The studio in real browsers, one flow (issue 24): a researcher codes a made-up article
completely by clicking and typing only (a figure given as a range; a new speaker; a new
metric named by typing its label) and saves it provisional; a second editor, in another
browser, returns it (nothing is published), the researcher reopens it and saves it again,
and the second editor approves it: it reaches the database, the API and the dashboard. The studio is deployed (issue 11): each editor signs in through a real OpenID
Connect provider on loopback (tests/fixtures/oidc_provider.py: the browser follows
`st.login`'s redirect, types an email into the provider's form, and Streamlit checks the
signed id_token and sets its cookie, as with a hosted provider). On the way, words dragged
over with the mouse become a draft (then rejected), and the article's markup is shown as
text, never obeyed. Each step is timed (screenshots/studio-timings.txt, read by a person,
never asserted), and with STUDIO_SCREENSHOTS=1 each screen is photographed at 1400 px.

Only what an AppTest cannot see is done here: the mouse, the keyboard in the pickers and the
date segments, words typed while the last run is still drawing, the sign-in, and two people's
browsers. What the studio makes of the same actions is AppTested: a made speaker offered on
his next quote and picked on another record, a unit and a category made by typing their
labels (tests/test_studio_fields.py), a position on a curated proposal reviewed, saved and
built (tests/test_studio.py), the researcher kept from approving her own work
(tests/test_studio_review.py).

Long because it is one flow through two browsers, each step a helper beside it: split, the
steps would need the flow's state passed between modules and its server started twice."""

from __future__ import annotations

import csv
import io
import os
import re
import time
from pathlib import Path

import duckdb
import pytest

from tests.serving import (
    DESKTOP,
    EDITORS,
    LAPTOP,
    POLL_MS,
    WAIT_MS,
    new_context,
    wait_until_rendered,
)

# The studio's own servers, one worker apart from the dashboard's browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("studio")]

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "screenshots"
#: `STUDIO_SCREENSHOTS=1 pytest tests/test_studio*_browser.py` photographs each screen.
SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOTS") == "1"
#: The browsers' window: a laptop's, 900 px tall (each click scrolls its target into view, as
#: a person does; no check reads the layout), where DESKTOP's 2,400 px gave Chromium nearly
#: three times the area to paint on each of the flow's reruns; DESKTOP when photographing,
#: since Streamlit's page scrolls inside its window and a screenshot shows only the window.
WINDOW = DESKTOP if SCREENSHOTS else LAPTOP
TITLE = "Kampot health officer questions drug raids"
# Made up for the test, in our own words: six sentences under a headline.
ARTICLE = f"""{TITLE}

Police in Kampot detained between 300 and 400 people in drug raids in May, officials said on Friday.

"Most of them are users who need care, not a cell," said Meas Sophal, a district health officer.

Police sent 120 people to treatment in Kampot, officials said.

The raids took place in four districts along the coast.

A sign at the market in the provincial town read <b>closed</b> <img src=x onerror=alert(document.cookie)> on Thursday.

The weather in Kampot was hot all week.
"""
SPEAKER = re.compile(r"^Meas Sophal · meas-sophal")
ANN, BO = EDITORS  # a researcher and a second editor, each signing in as deployed
GATE = "log in to continue"
REFUSED = "is not on the editors' list"
TIMINGS: dict[str, float] = {}


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
    """The screen photographed for a person to look at (issue 24), when asked for: no test
    reads the picture, and the nine of them took 7% of this test's time (10 of 153 s, one run)."""
    from playwright.sync_api import expect

    if not SCREENSHOTS:
        return
    # The picture once the run is over: no element still a loading placeholder.
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    page.screenshot(path=str(SHOTS / f"studio-{name}.png"), full_page=True)


def _sign_in(context, url: str, email: str):
    """A browser of its own (a fresh context: no cookie or session shared) comes to the gate,
    where nobody gets past without signing in (no screen drawn), signs in at the provider as
    `email` (an editor on the list) and gets the studio. (Anyone else is stopped at the gate:
    the address the provider gives meets the same list, tests/test_studio.py's
    `test_deployed_studio_lets_in_logged_in_editors_only`.)"""
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)  # a shared machine: a rerun may take seconds
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    login = page.get_by_role("button", name="Log in")
    expect(page.get_by_text(GATE)).to_be_visible()
    login.wait_for()  # drawn after the gate's words, in the same run: the run is over
    wait_until_rendered(page)
    assert page.get_by_role("radiogroup", name="Screen").count() == 0
    login.click()
    page.locator('input[name="email"]').fill(email)  # the provider's own form
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{url}/**")
    expect(page.get_by_role("radiogroup", name="Screen")).to_be_visible()  # past the gate
    assert page.get_by_text(GATE).count() == 0 and page.get_by_text(REFUSED).count() == 0
    return page


def _type_date(page, box, label: str, digits: str) -> None:
    """A date typed segment by segment (year, month, day), the calendar then closed."""
    box.get_by_role("spinbutton", name=f"year, {label}").click()
    page.keyboard.type(digits)
    page.keyboard.press("Tab")
    box.get_by_label("Attribution (the article's words)").click()  # closes the calendar


def _candidate(page, kind: str, words: str):
    """The open candidate whose header quotes the words (another may quote them in its text:
    a shared speaker's fields are "under the statement ...")."""
    header = page.locator("summary").filter(has_text=f"{kind} · open").filter(has_text=words)
    return page.get_by_test_id("stExpander").filter(has=header)


def _accept(page, box, accepted: int) -> None:
    from playwright.sync_api import expect

    box.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(" · accepted · ", exact=False)).to_have_count(accepted)


def _fill(box, label: str, text: str) -> None:
    """Type into a field as a person does, at once, key by key, though the run the last action
    asked for (a new metric's label, Enter) may still be going, then check it kept the words.
    A field that run drew anew (a new widget) would come back empty: the words are lost."""
    from playwright.sync_api import expect

    field = box.get_by_label(label, exact=True)
    field.select_text()  # what the draft gave, replaced
    field.press_sequentially(text)
    field.press("Tab")
    wait_until_rendered(box.page)
    expect(field).to_have_value(text)


def _drafted(seeds: Path, words: str, timeout_s: float = WAIT_MS / 1000) -> bool:
    """Whether the researcher's draft file holds these words, polled until it does or the time
    is out: the run that writes it starts after the keystroke the test waited on has been drawn,
    so it may not have started yet when the page looks finished."""
    deadline = time.monotonic() + timeout_s
    while True:
        kept = [d.read_text(encoding="utf-8") for d in (seeds / "drafts").rglob("*.yaml")]
        if any(words in text for text in kept):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL_MS / 1000)  # polled, not waited out: returns as soon as it is written


def _choose(box, label: str, words: str) -> None:
    """A picker set as a person does: typed to search, the match taken with Enter. (Where the
    draft is unsure, e.g. a statement's topic and stance, it leaves the picker blank.)"""
    from playwright.sync_api import expect

    wait_until_rendered(box.page)
    picker = box.get_by_role("combobox", name=label, exact=True)
    picker.click()
    box.page.keyboard.type(words)
    box.page.keyboard.press("Enter")
    expect(picker).to_have_value(words)


def _drag_over(page, words: str) -> None:
    """Select ``words`` in the clean text with the mouse: press before the first character,
    move, release after the last, as a curator does (the words scrolled into the window
    first, as a person scrolls to them)."""
    box = page.evaluate(
        """(words) => {
          const root = document.querySelector('.passage-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.textContent.indexOf(words);
            if (at < 0) continue;
            n.parentElement.scrollIntoView({block: 'center'});
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


def _select_and_draft(page) -> None:
    """Words dragged over with the mouse become a draft, highlighted like every candidate;
    the article's markup is shown as its words, never obeyed. The draft is then rejected
    (the weather is no claim), leaving the six records the article needs."""
    from playwright.sync_api import expect

    text = page.locator(".passage-text")
    expect(text).to_contain_text("<b>closed</b>")
    expect(page.locator(".passage-text b, .passage-text img")).to_have_count(0)
    words = "The weather in Kampot was hot all week"
    _drag_over(page, words)
    form = page.get_by_test_id("stVerticalBlock").filter(has_text="Selected (characters")
    expect(page.get_by_text("Selected (characters", exact=False)).to_be_visible()
    expect(form.last).to_contain_text(words)
    page.get_by_text("statement", exact=True).click()
    page.get_by_role("button", name="Draft a record for these words").click()
    drafted = _candidate(page, "statement", words)
    expect(drafted).to_have_count(1)
    expect(page.get_by_text("Selected (characters", exact=False)).to_have_count(0)
    expect(text.locator(".mark-open", has_text=words)).to_have_count(1)
    drafted.get_by_role("button", name="Reject").click()
    expect(page.locator("summary").filter(has_text="statement · rejected")).to_have_count(1)


def _code(page, seeds: Path) -> None:
    """Every record the article needs, from the drafts, in the pickers."""
    from playwright.sync_api import expect

    # The range: both ends drafted from "between 300 and 400", never one number.
    ranged = _candidate(page, "figure", "between 300 and 400")
    expect(ranged.get_by_label("Value", exact=True)).to_have_value("300")
    expect(ranged.get_by_role("combobox", name="Qualifier (the hedge)")).to_have_value("between")
    expect(ranged.get_by_label("Up to (the range's high end)")).to_have_value("400")
    _type_date(page, ranged, "As of", "20180608")
    _shot(page, "review-range")
    _accept(page, ranged, 1)
    # An Accept redraws its card and what shows it, not every card (studio.record): the
    # text's highlight turns green (the open figures' Restates: test_studio's AppTest).
    accepted = page.locator(".passage-text .mark-accepted", has_text="between 300 and 400")
    expect(accepted).to_have_count(1)
    # Those sent to treatment: the draft's new metric given the label a curator types (its unit
    # and category, people and treatment, kept; a unit and a category made by typing their
    # labels are tests/test_studio_fields.py's Khmer test, the same field as the metric's).
    treated = _candidate(page, "figure", "120 people to treatment")
    new_metric = treated.get_by_placeholder("or type a new metric's label and press Enter")
    new_metric.fill("People sent to treatment by police")
    new_metric.press("Enter")
    _fill(treated, "What is counted, and what is not", "People the police sent to treatment.")
    _type_date(page, treated, "As of", "20180608")
    _accept(page, treated, 2)
    # The new speaker, made where the draft names him (his role and body given here).
    first = _candidate(page, "statement", "Most of them are users")
    expect(first.get_by_role("combobox", name="Speaker", exact=True)).to_have_value(SPEAKER)
    _fill(first, "Role", "District health officer")
    # Kept in the researcher's draft at once, though that run was this record's alone.
    assert _drafted(seeds, "role: District health officer"), "the typed role is not in the draft"
    _fill(first, "Organisation", "District health office")
    _choose(first, "Topic", "treatment")
    _choose(first, "Stance", "critical")
    _shot(page, "review-speaker")
    _accept(page, first, 3)


def _researcher_saves(context, url: str, seeds: Path):
    """Ann adds the article, codes it completely and saves it for review."""
    from playwright.sync_api import expect

    page = _sign_in(context, url, ANN)
    expect(page.get_by_text("Published articles")).to_be_visible()
    _shot(page, "open")
    with Step("add"):
        _screen(page, "Add")
        page.get_by_label("Or paste the article as captured").fill(ARTICLE)
        page.get_by_label("Outlet").click()
        expect(page.get_by_label("Title")).to_have_value(TITLE)
        page.get_by_label("Outlet").fill("The Example Daily")
        page.get_by_role("spinbutton", name="year, Published on").click()
        page.keyboard.type("20180608")
        page.keyboard.press("Tab")
        page.get_by_label("Web address (optional)").click()  # closes the calendar
        _shot(page, "add")
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_text("Review its candidates next")).to_be_visible()
    with Step("review"):
        _screen(page, "Review")
        _select_and_draft(page)
        _code(page, seeds)
        _shot(page, "review")
    with Step("coverage"):
        _screen(page, "Coverage")
        reason = page.get_by_label("or type the reason (Enter)")
        expect(reason).to_have_count(1)  # the four districts: a figure, not coded
        reason.fill("background, no claim: where the raids were")
        reason.press("Enter")
        expect(page.get_by_text("Not coded, because: background, no claim")).to_be_visible()
        _shot(page, "coverage")
    with Step("save"):
        _save(page)
        _shot(page, "save")
    return page


def _save(page) -> None:
    from playwright.sync_api import expect

    _screen(page, "Save")
    page.get_by_role("button", name="Save for review").click()
    done = page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stCode"]')
    expect(done.first).to_be_visible(timeout=180_000)
    code = page.get_by_test_id("stCode")
    assert not code.count(), code.first.inner_text()  # the check's words, if it refused
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Saved for review")


def _rows(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


RANGE = "SELECT value, value_to, qualifier, label FROM indicators WHERE qualifier = 'between'"


def test_an_article_is_coded_completely_returned_fixed_and_approved_by_a_second_editor(
    browser, studio_server, monkeypatch
):
    from playwright.sync_api import expect

    url, seeds, db = studio_server  # the run's studio (two editors), shared
    with new_context(browser, WINDOW) as first, new_context(browser, WINDOW) as second:
        ann = _researcher_saves(first, url, seeds)
        assert not _rows(db, RANGE)  # provisional: not built
        # Returned with a comment: the published data stays as it was.
        bo = _sign_in(second, url, BO)  # another browser: nothing shared
        _screen(bo, "Approve")
        bo.get_by_label("Comment (required to return it)").fill("Say where the range is from.")
        bo.get_by_label("Comment (required to return it)").press("Tab")
        bo.get_by_role("button", name="Return with the comment").click()
        expect(bo.get_by_test_id("stAlertContentSuccess")).to_contain_text("Returned")
        assert not _rows(db, RANGE) and not list((seeds / "curated" / "articles").glob("*"))
        _screen(ann, "Open")
        expect(ann.get_by_text("Returned: Say where the range is from.")).to_be_visible()
        _shot(ann, "open-returned")
        with Step("reopen and save again"):
            ann.get_by_role("button", name="Reopen to fix").click()
            # Reopened on Review, the records as saved: then on to Save.
            expect(ann.get_by_role("heading", name="3 candidates")).to_be_visible()
            _save(ann)
        with Step("approve"):
            _screen(bo, "Open")  # Approve again: the screen is drawn afresh
            _screen(bo, "Approve")
            expect(bo.get_by_role("button", name="Approve and publish")).to_be_enabled()
            expect(bo.get_by_test_id("stTable").filter(has_text="value_to")).to_have_count(1)
            _shot(bo, "approve")
            bo.get_by_role("button", name="Approve and publish").click()
            expect(bo.get_by_test_id("stAlertContentSuccess")).to_contain_text(
                "Approved and published", timeout=180_000
            )
    assert _rows(db, RANGE) == [(300, 400, "between", "300–400")]
    said = "SELECT count(*) FROM statements WHERE actor_id = 'meas-sophal'"
    assert _rows(db, said) == [(1,)]
    [saved] = (seeds / "curated" / "articles").glob("*.yaml")
    text = saved.read_text(encoding="utf-8")
    assert f"approved_by: {BO}" in text and "label: People sent to treatment by police" in text
    monkeypatch.setenv("MONITOR_DB", str(db))
    _the_dashboard_shows_the_range(db, saved.stem, "300–400")
    _write_timings()


def _the_dashboard_shows_the_range(db: Path, source_id: str, shown: str) -> None:
    """The dashboard on the database the studio built shows the range as both its ends: in
    the Data page's table, in the API's CSV (two columns) and on Trends. (The pages through
    AppTest and the routes through Starlette's client, as tests/test_pages.py and
    tests/test_api.py read them: no second server and browser for words on a page.)"""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from api.routes import Database, make_routes
    from charts.catalogue import catalogue
    from charts.frames import ReaderFrames
    from database.connection import Reader
    from tests.apptests import open_app_page

    with Reader(db) as reader:
        charts = catalogue(ReaderFrames(reader)).charts
    chart_id = next(
        c for c, spec in charts.items() if "arrests-total" in getattr(spec, "metric_ids", ())
    )
    data = open_app_page("views/data.py", source=source_id)
    assert not data.exception, [e.message for e in data.exception]
    cells = [
        re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", data.html[0].value)
    ]
    assert shown in cells
    client = TestClient(Starlette(routes=make_routes(Database(lambda: db))))
    got = client.get(f"/api/v1/indicators.csv?source={source_id}")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    low, high = shown.split("–")
    assert (low, high, "between") in {(r["value"], r["value_to"], r["qualifier"]) for r in rows}
    trends = open_app_page("views/trends.py", chart=chart_id)
    assert not trends.exception, [e.message for e in trends.exception]
    assert any(shown in md.value for md in trends.markdown)


def _write_timings() -> None:
    lines = [f"{name}: {seconds:.1f} s" for name, seconds in TIMINGS.items()]
    SHOTS.mkdir(exist_ok=True)  # a fresh clone has none (ignored by git), and no picture made it
    (SHOTS / "studio-timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
