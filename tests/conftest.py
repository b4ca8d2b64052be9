"""Shared fixtures: the real seed database (built once per run, without images, and shared
by the xdist workers), a copy of it with its chart images (likewise), a copy of the small
fixture corpus, and for the browser tests one Chromium and one dashboard server per worker
(started on the seed database before its images are drawn; they reach it as a new build
reaches a running dashboard). Tests that drive a real browser are grouped (pytest-xdist
loadgroup): "browser" for the dashboard's pages (one Chromium, one server), "studio" for the
studio's own servers; the two groups run on different workers when both are free, and the
other tests, those reading chart images included, share the rest.

Long because pytest shares a fixture between test files only from here, and these are."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from charts.catalogue import Catalogue, catalogue
from charts.drawing import png_problem
from charts.frames import ReaderFrames
from database.connection import Reader
from etl.build import build
from etl.chart_images import PUBLIC_URL_VARIABLE
from etl.warm import SOCKET_VARIABLE
from tests import apptest_once, serving, warm_builds
from tests.draw_images import draw_images

ROOT = Path(__file__).resolve().parent.parent
#: The published address every test build draws its print images for: they then carry it, as
#: a published monitor's do, and a build that replaces the seed database with images reuses
#: them (an image drawn for another address has another fingerprint and is drawn again).
PUBLIC_URL = "https://monitor.example.org"
os.environ.setdefault(PUBLIC_URL_VARIABLE, PUBLIC_URL)
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    """What every AppTest of a worker can share, made once (tests/apptest_once.py)."""
    apptest_once.share()
    # The studios' Saves go to a warm build process of this test process's own, which
    # pytest_unconfigure stops (tests/warm_builds.py).
    os.environ[SOCKET_VARIABLE] = str(warm_builds.own_socket())


def pytest_unconfigure(config: pytest.Config) -> None:
    """No warm build process or server the tests started outlives the run."""
    warm_builds.stop(warm_builds.own_socket())
    serving.wait_for_stopped()  # the dashboard and the studio, asked to stop at their ends


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (same hook)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order and group the tests for two workers (pyproject.toml: `--dist loadgroup`, groups
    sent in the order they are first met, not by size).

    - A test that uses a fixture made once per module (a built corpus, a package written)
      runs on the same worker as the rest of its module that does: spread over both
      workers, each would make that fixture again. Those reading the seed images are a group
      of their own, so the rest of the module need not wait for the drawing.
    - The dashboard's browser tests go first (one group, one worker: the longest chain),
      those reading no chart image before those that do (`_reads_images`): the server
      starts on the seed database at once and they run while the images are drawn (those
      needing no seed database at all before it is built). Then
      every other test that needs no seed image, in file order (the studio's browser flow
      among them, after the drawing: started beside it, it once lost a typed field under
      that load); the tests reading the seed images last, so no worker waits for the
      drawing while it has other work."""
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        info = getattr(item, "_fixtureinfo", None)
        defs = info.name2fixturedefs.values() if info else ()
        if any(d[-1].scope in ("module", "class", "package") for d in defs if d):
            module = item.nodeid.split("::")[0]
            images = "seed_db_images" in item.fixturenames
            item.add_marker(pytest.mark.xdist_group(f"{module}:images" if images else module))

    def order(item: pytest.Item) -> tuple[int, bool]:
        if _in_browser_group(item) or "server" in item.fixturenames:
            # Those needing no seed database first: Chromium starts while it is built.
            return _reads_images(item), "seed_db" in item.fixturenames
        return 2 + _reads_images(item), False

    items.sort(key=order)


def _in_browser_group(item: pytest.Item) -> bool:
    """Whether the test is in the dashboard's browser group (one Chromium, one server)."""
    marker = item.get_closest_marker("xdist_group")
    return bool(marker and marker.args and marker.args[0] == "browser")


def _reads_images(item: pytest.Item) -> bool:
    """Whether the test waits for the seed images: it asks for them (`images_served` does),
    or reads a loaded page that shows them (its `visit` parameter)."""
    spec = getattr(item, "callspec", None)
    visit = spec.params.get("visit") if spec else None
    if isinstance(visit, serving.Visit) and serving.shows_images(visit.path):
        return True
    return "seed_db_images" in item.fixturenames


def curated_ids(kind: str, key: str) -> list[str]:
    """Ids of one kind of curated record in the seeds (categories, metrics), read from its
    file at collection: tests parametrised by them follow the data, never a list in a test."""
    text = (ROOT / "seeds" / "curated" / f"{kind}.yaml").read_text(encoding="utf-8")
    return [str(r[key]) for r in yaml.safe_load(text)[kind]]


@contextlib.contextmanager
def _made_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A database file made once per test run, whichever xdist worker asks first: the others
    wait for it (a lock file beside it) and then share it, read-only. Yields its path and
    whether the caller must make it (our builds write atomically, so it is whole or absent)."""
    path = _shared(tmp_path_factory, name) / "monitor.duckdb"
    with open(path.with_name("lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield path, not path.exists()


def _shared(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder every xdist worker of this run sees (each worker's base is a folder of the
    run's own, popen-gw0 ...: its parent is shared)."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(exist_ok=True)
    return folder


#: The images passes started early, kept so that they are not collected while they run.
_DRAWING: list[subprocess.Popen[bytes]] = []


def _start_drawing(seed_db: Path, folder: Path) -> None:
    """Start the images pass for seed_db_images in a process of its own, as soon as the seed
    database exists, so that tests needing no image run meanwhile instead of one worker
    waiting for the drawing. The process inherits the images' lock and holds it until it
    ends: whoever asks for the images waits for it, then finds them made (or makes them, if
    it failed)."""
    lock = open(folder / "lock", "a")  # noqa: SIM115  # handed to the process, closed below
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # being made already
        lock.close()
        return
    try:
        if (folder / "monitor.duckdb").exists():
            return
        drawing = folder / "drawing.duckdb"
        shutil.copyfile(seed_db, drawing)
        with (folder / "drawing.log").open("ab") as log:
            _DRAWING.append(
                subprocess.Popen(
                    [sys.executable, "-m", "tests.draw_images", str(drawing)],
                    cwd=ROOT,
                    pass_fds=(lock.fileno(),),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
    finally:
        lock.close()  # the drawing process keeps the lock until it ends


def _stop_drawing() -> None:
    """A run that ends before its images are drawn leaves no drawing process behind."""
    for proc in _DRAWING:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


@pytest.fixture
def dates_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every date a draft reads from the words stays filled: the unseen-accuracy policy
    (corpus/confidence.yaml dates) off, for tests of how a date is read rather than of which
    dates are sure enough to fill (tests/test_suggest_policy.py tests that)."""
    monkeypatch.setattr("curation.suggest.confidence.dates_policy", dict)


@pytest.fixture
def speakers_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every speaker a draft reads stays filled: the unseen-accuracy policy (corpus/
    confidence.yaml speaker) off, for tests of how a speaker is read rather than of which
    speakers are sure enough to fill (tests/test_suggest_policy.py tests that)."""
    monkeypatch.setattr("curation.suggest.confidence.speakers_policy", dict)


@pytest.fixture
def figures_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every figure a draft reads is drafted: the unseen policy (corpus/confidence.yaml figures)
    off, for tests of how a figure is read rather than of which figures are only offered
    (tests/test_suggest_unseen.py tests that)."""
    monkeypatch.setattr("curation.suggest.confidence.figures_policy", dict)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The database built from the real seeds, once per test run (the workers share it,
    read-only), as `python -m etl build --no-images` builds it: every table and chart part,
    no static image. Drawing the images is most of a build's time, and only tests of images
    need them: when the run has any, their drawing starts at once, in a process of its own."""
    with _made_once(tmp_path_factory, "seed-db") as (path, to_make):
        if to_make:
            build(path, draw_images=False)
            needs_images = any("seed_db_images" in i.fixturenames for i in request.session.items)
            if needs_images and png_problem() is None:
                _start_drawing(path, _shared(tmp_path_factory, "seed-db-images"))
                request.addfinalizer(_stop_drawing)
    return path


@pytest.fixture(scope="session")
def seed_db_images(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed database with the static chart images the tests read drawn, as `python -m etl
    build` draws them, for a monitor published at PUBLIC_URL, once per run; skips where
    Chromium is not installed. Every English chart's wide, narrow and print SVG, the same
    for a chart of each sort in every other language, and the English print PNG of a chart
    of each sort (tests/draw_images.py says which and why)."""
    if (problem := png_problem()) is not None:
        pytest.skip(f"no chart images without Chromium: {problem}")
    with _made_once(tmp_path_factory, "seed-db-images") as (path, to_make):
        if to_make:
            # The early pass (see seed_db) failed or was not started: drawn here.
            drawing = path.with_name("drawing.duckdb")
            shutil.copyfile(seed_db, drawing)
            draw_images(drawing)
    return path


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The made-up fixture corpus built once per run, without images (the workers share it,
    read-only): for tests that need a database built before theirs (a copy to build on).
    The lines its build reported are kept beside it (`build.log`: tests/test_build.py)."""
    with _made_once(tmp_path_factory, "fixture-db") as (path, to_make):
        if to_make:
            lines: list[str] = []
            build(path, FIXTURE_SEEDS, draw_images=False, report=lines.append)
            path.with_name("build.log").write_text("\n".join(lines), encoding="utf-8")
    return path


#: Articles added to the fixture corpus by data alone (grown_fixture_db): the units fixture's
#: article with its curated file, a position coded in an article's own file, and an article
#: and a figure still provisional (saved by one editor, not yet approved).
GROWN = {
    "units/101_kampot_fund.txt": "articles",
    "units/kampot-fund.yaml": "curated",
    "positions/fixture-kampot-positions.yaml": "curated/articles",
    "held/200_held.txt": "articles",
    "held/held.yaml": "curated",
}


@pytest.fixture(scope="session")
def grown_fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus grown by data alone (GROWN), built once per run without images (the
    workers share it, read-only): an article whose figures sit in units and categories
    declared only in its curated file (tests/test_units.py, tests/test_categories.py) and a
    position on an existing proposal coded in an article's own file
    (tests/test_article_positions.py), and provisional records the build leaves out
    (tests/test_studio_review.py). One build where each of those files made its own."""
    with _made_once(tmp_path_factory, "grown-fixture-db") as (path, to_make):
        if to_make:
            seeds = path.with_name("seeds")
            shutil.rmtree(seeds, ignore_errors=True)  # a copy a failed attempt left
            shutil.copytree(FIXTURE_SEEDS, seeds)
            for name, folder in GROWN.items():
                (seeds / folder).mkdir(parents=True, exist_ok=True)
                shutil.copy(ROOT / "tests" / "fixtures" / name, seeds / folder)
            build(path, seeds, draw_images=False)
    return path


@pytest.fixture(scope="session")
def seed_charts(seed_db: Path) -> Catalogue:
    """The charts and Trends sections of the seed database."""
    with Reader(seed_db) as reader:
        return catalogue(ReaderFrames(reader))


@pytest.fixture
def fixture_seeds(tmp_path: Path) -> Path:
    """A private copy of the made-up fixture corpus, free to corrupt."""
    target = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, target)
    return target


@pytest.fixture
def studio_seeds(fixture_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The studio (an AppTest of studio/app.py) on a private copy of the fixture corpus, with
    its own database, two-person review on, no chart drawn on Save; the corpus's path."""
    monkeypatch.setenv("STUDIO_SEEDS", str(fixture_seeds))
    monkeypatch.setenv("MONITOR_DB", str(tmp_path / "monitor.duckdb"))
    monkeypatch.setenv("STUDIO_NO_CHARTS", "1")
    monkeypatch.delenv("STUDIO_SINGLE_EDITOR", raising=False)
    return fixture_seeds


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One headless Chromium for every browser test of the run."""
    with serving.chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def dashboard(browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[serving.Dashboard]:
    """The run's one dashboard server (the launcher's), given each test's database in turn
    (serving.Dashboard): the seed database as soon as it is built, then with its images.
    (It asks for the browser first, so a machine without Chromium skips before starting it.)"""
    with contextlib.ExitStack() as stack:
        yield serving.Dashboard(tmp_path_factory.mktemp("server"), stack)


@pytest.fixture(scope="session")
def server(dashboard: serving.Dashboard, seed_db: Path) -> str:
    """The dashboard on the seed database, while its images are still drawn (a test that
    reads a chart image asks for `images_served`); its base URL."""
    return dashboard.serve(seed_db)


#: Whether the server's database holds the seed images yet (`images_served`).
_IMAGES_SERVED: list[bool] = []


@pytest.fixture(scope="session")
def images_served(server: str, dashboard: serving.Dashboard, seed_db_images: Path) -> str:
    """The server's base URL once the seed images are drawn and in its database. The pages
    loaded before stay as they are: they show no chart image, and the images are all that
    the new file adds."""
    _IMAGES_SERVED.append(True)
    return dashboard.serve(seed_db_images)


@pytest.fixture(scope="session")
def studio_server(browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """The curation studio as `streamlit run studio/app.py` serves it deployed (its editors
    sign in through a loopback OpenID Connect provider; charts off) on a copy of the fixture
    corpus, started once for the browser tests of the studio (each adds an article of its
    own): its URL, the seeds folder and the database it builds. (It asks for the browser
    first, so a machine without Chromium skips before starting it.)"""
    here = tmp_path_factory.mktemp("studio")
    with serving.studio(here, single_editor=False, editors=serving.EDITORS) as started:
        yield started


#: The run's shared browser context while it is open (`shared_context`).
_SHARED: list[Any] = []


@pytest.fixture(scope="session")
def shared_context(browser) -> Iterator[Callable]:
    """One browser context for the run's page loads (a new tab each, sized by its test),
    where a context of their own per page made every tab fetch and compile the dashboard's
    scripts again: measured, about half the Chromium CPU of a page load (NOTES-suite22b.md);
    a context per window size did it once more per size (a phone's first tab: 2.3 s of
    Chromium against 1.1 s for the same page as a laptop's second, docs/benchmarks.md stop
    43). Tests that need a browser of their own (a phone's user agent, two editors) still
    make one."""
    with contextlib.ExitStack() as stack:

        def context():
            if not _SHARED:
                _SHARED.append(stack.enter_context(serving.new_context(browser)))
            return _SHARED[0]

        yield context


#: The pages `loaded_pages` keeps open, by visit.
_KEPT_PAGES: dict[serving.Visit, Any] = {}


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """The shared context closes, with every tab kept or left open in it, once this worker
    is past the dashboard's browser tests (sorted first, see above): an idle Streamlit tab
    would keep its socket and scripts busy for the rest of the run. One close for all, where
    a close per tab took 2.7 s of the browser worker (s43 timeline)."""
    if (_SHARED or _KEPT_PAGES) and (nextitem is None or not _in_browser_group(nextitem)):
        for context in _SHARED:
            context.close()
        _SHARED.clear()
        _KEPT_PAGES.clear()


@pytest.fixture(scope="session")
def loaded_pages(shared_context, server: str) -> Iterator[Callable[[serving.Visit], Any]]:
    """Each visit's page, loaded the first time a test reads it and kept open while the
    tests that follow read pages, whatever module they are in (test_browser and
    test_fidelity_browser read the same /statements). Readers leave it as they found it."""
    pages = _KEPT_PAGES

    def page_of(spot: serving.Visit):
        if spot not in pages:
            # Loaded before the images are in, it would draw its charts with plotly, and be
            # kept so: the reader asks for `images_served` first (test_browser's `visit`).
            assert _IMAGES_SERVED or not serving.shows_images(spot.path), f"{spot}: no images"
            viewport = serving.VIEWPORTS[spot.width]
            pages[spot] = serving.open_rendered(shared_context(), server + spot.path, viewport)
        return pages[spot]

    yield page_of
    for page in pages.values():
        page.close()
    pages.clear()


@pytest.fixture
def open_page(shared_context) -> Iterator[Callable]:
    """Open a URL in a new tab of the given viewport, once it has finished rendering: for
    tests that click or type, so change the page. Every tab opened in its context while the
    test runs (its own, and those its clicks open) is closed when the test ends."""
    opened: list = []
    watched: list = []

    def track(page) -> None:
        opened.append(page)

    def opener(url: str, viewport: dict[str, int] = serving.DESKTOP):
        context = shared_context()
        if context not in watched:
            context.on("page", track)
            watched.append(context)
        return serving.open_rendered(context, url, viewport)

    yield opener
    for context in watched:
        context.remove_listener("page", track)
    for page in opened:
        page.close()


@pytest.fixture
def app(seed_db: Path, monkeypatch: pytest.MonkeyPatch):
    """Open a page of the dashboard (app.py, then its navigation to `page`) on the seed
    database with the given query parameters; the page must run without an exception."""
    from tests.apptests import open_app_page

    monkeypatch.setenv("MONITOR_DB", str(seed_db))

    def open_page(page: str, **params: str | list[str]):
        at = open_app_page(page, **params)
        assert not at.exception, [e.message for e in at.exception]
        return at

    return open_page
