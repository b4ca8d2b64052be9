"""Servers and a browser for the tests: start Streamlit on a free port, stop it by its own
handle, launch Chromium, wait until a page has finished rendering. The benchmarks in bench/
import these too, so tests and benchmarks measure the same condition.

Long because the servers, the browser and the waits for a page are one condition: the tests
and the benchmarks take them from one place.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Coroutine, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The tests' Chromium (not the benchmarks', which measure what a reader's browser does): the
#: tabs of one site share one renderer process, which keeps the dashboard's scripts compiled
#: from one tab to the next, where a process per tab compiled them again. Measured: 0.79-0.85
#: of Chromium's CPU per page load (docs/benchmarks.md, stop 38).
TEST_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--process-per-site"]
DESKTOP = {"width": 1400, "height": 2400}
PHONE = {"width": 390, "height": 2400}
#: A laptop's window for tests that read no layout below its fold (the studio's flows: each
#: click scrolls its target into view, as a person does): a third of DESKTOP's area for
#: Chromium to paint on every rerun. Measured in docs/benchmarks.md (stop 40, browser22o).
LAPTOP = {"width": 1400, "height": 900}
#: The viewports of the shared page loads, by width.
VIEWPORTS = {DESKTOP["width"]: DESKTOP, PHONE["width"]: PHONE}

#: Every bounded wait in the browser, in milliseconds.
WAIT_MS = 60_000
#: How often a wait in the page checks its condition, in milliseconds. Playwright's default
#: checks on every animation frame, which keeps Chromium painting 60 frames a second while it
#: waits: measured 0.81 of Chromium's CPU per page load at 100 ms (docs/benchmarks.md, stop 38),
#: at most 0.1 s later to see a page finished.
POLL_MS = 100
#: The tests' pages ask for reduced motion (a reader's own setting, `prefers-reduced-motion`),
#: which the page's styles honour: fewer animation frames painted in software while a page
#: loads. Measured: 0.64 of Chromium's CPU per page load, as much as switching every CSS
#: animation off (docs/benchmarks.md, stop 38). Tests read the page once finished.
MOTION = "reduce"

# "Finished rendering": the script run is over (the attribute starts as 'initial', so a page
# that has not run yet never counts), the socket is up, the running man is gone, and no
# lazily loaded element (Plotly, data grid) is still a skeleton or an empty Plotly frame.
READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (app.dataset.testConnectionState !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.js-plotly-plot')) return false;
  }
  return !!document.querySelector('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
}"""

# The same condition, answering with the time since navigation started.
READY_AT_JS = f"() => ({READY_JS})() ? performance.now() : false"


@dataclass(frozen=True)
class PageCase:
    """One URL of the app to open: its name (test id, screenshot name) and what it must show."""

    name: str
    path: str
    expects_chart: bool
    title: str | None = None


@dataclass(frozen=True)
class Visit:
    """One address at one viewport width: loaded once per run (the `loaded_pages` fixture),
    read by every test that names it."""

    path: str
    width: int = DESKTOP["width"]

    def __str__(self) -> str:
        return f"{self.path}@{self.width}"


def _string_call(node: ast.AST, method: str) -> str | None:
    """The string first argument of a call like `x.method("...")`, or None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def _title_text(node: ast.AST) -> str | None:
    """The English words of a call `x.title("...")` or `x.title(t.gettext("..."))`."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if node.func.attr != "title" or not node.args:
        return None
    said = _string_call(node, "title")
    return said if said is not None else _string_call(node.args[0], "gettext")


def page_title(source: str) -> str | None:
    """The English text of a page file's st.title, if it has a fixed one (its words as
    written, or the msgid it translates: the English page shows the msgid)."""
    titles = (_title_text(node) for node in ast.walk(ast.parse(source)))
    return next((t for t in titles if t is not None), None)


def _chart_ids() -> list[str]:
    from charts.catalogue import CURATED, TIMELINE

    # The curated charts and the timeline: a chart of one metric exists only with the data.
    return [*CURATED, TIMELINE.chart_id]


def page_cases(app: Path = APP) -> list[PageCase]:
    """Every st.Page in app.py at the URL Streamlit gives it; a page added there is covered."""
    from streamlit.source_util import page_icon_and_name

    cases: list[PageCase] = []
    for node in ast.walk(ast.parse(app.read_text(), filename=str(app))):
        if not isinstance(node, ast.Call) or (page_file := _string_call(node, "Page")) is None:
            continue
        file = Path(page_file)
        options = {k.arg: k.value for k in node.keywords if k.arg}
        default = isinstance(options.get("default"), ast.Constant) and options["default"].value
        url_path = options.get("url_path")
        inferred = page_icon_and_name(file)[1]
        slug = url_path.value if isinstance(url_path, ast.Constant) else inferred
        source = (app.parent / file).read_text()
        draws = "chart_block(" in source or "plotly_chart(" in source
        if file.stem == "embed":
            # The embed page draws only the chart its URL names: open it bare (it must say no
            # chart was named) and the way donors' frames do, with a chart.
            cases.append(PageCase(file.stem, f"/{slug}", False))
            chart = _chart_ids()[0]
            cases.append(PageCase("embed-chart", f"/{slug}?embed=true&chart={chart}", True))
        else:
            path = "/" if default else f"/{slug}"
            cases.append(PageCase(file.stem, path, draws, page_title(source)))
    return cases


@functools.cache
def _charted() -> dict[str, bool]:
    return {case.path: case.expects_chart for case in page_cases()}


def shows_images(path: str) -> bool:
    """Whether the dashboard's address `path` shows stored chart images: a page drawing a
    static chart (an interactive Trends draws with plotly), or a light embed (/charts/...)."""
    address = urlsplit(path)
    if address.path.startswith("/charts/"):
        return True
    if parse_qs(address.query).get("interactive") == ["true"]:
        return False
    charted = _charted()
    return charted.get(path, charted.get(address.path, False))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def wait_until_answering(
    url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = 90.0
) -> bool:
    """Poll `url` until it answers 200; False if the process ended or the time ran out. The
    pause between polls is a wait on the process itself, so a server that dies is seen at once."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.2)
    return False


def start_server(
    command: Sequence[str],
    env: dict[str, str],
    log: Path,
    timeout: float = 90.0,
    cwd: Path = ROOT,
    port: int | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start a Streamlit command on a free local port (or `port`, which a secrets file may
    name); return it once /_stcore/health says ok."""
    for _attempt in range(1 if port else 3):  # a free port can be taken before it is bound
        port = port or free_port()
        args = [
            *command,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            # Others edit the sources while this runs; a watcher would put "source changed"
            # in the status widget and the page would never count as finished.
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        with log.open("ab") as out:
            proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        if wait_until_answering(f"{url}/_stcore/health", proc, log, timeout):
            return proc, url
        stop_server(proc)
        if "already in use" not in _tail(log):
            break
    raise RuntimeError(f"{' '.join(command)} did not become healthy; log:\n{_tail(log)}")


@contextlib.contextmanager
def dashboard(db: Path, log: Path) -> Iterator[str]:
    """The dashboard as `make dashboard` starts it (the launcher), on `db`; its base URL."""
    env = {**os.environ, "MONITOR_DB": str(db)}
    proc, url = start_server([sys.executable, "-m", "streamlit", "run", "serve.py"], env, log)
    try:
        yield url
    finally:
        stop_server(proc, wait=False)  # the run's: it stops beside the others (conftest.py)


class Dashboard:
    """One dashboard server for a whole test run, given databases in turn as a build gives a
    running dashboard a new one (a copy beside its file, then os.replace): it reads each at
    its next page run or request, without a restart (docs/architecture.md). Started by the
    first `serve`; stopped when the stack it was given closes."""

    def __init__(self, folder: Path, stack: contextlib.ExitStack) -> None:
        self.file = folder / "monitor.duckdb"
        self._stack = stack
        self._url = ""
        self.serving: Path | None = None

    def serve(self, db: Path) -> str:
        """The server's base URL once it serves a copy of `db`."""
        if self.serving != db:
            incoming = self.file.with_name("incoming.duckdb")
            shutil.copyfile(db, incoming)
            os.replace(incoming, self.file)
            self.serving = db
        if not self._url:
            log = self.file.with_name("streamlit.log")
            self._url = self._stack.enter_context(dashboard(self.file, log))
        return self._url

    @contextlib.contextmanager
    def lent(self, db: Path) -> Iterator[str]:
        """The server on `db` for a while, then on what it served before (if anything)."""
        before = self.serving
        try:
            yield self.serve(db)
        finally:
            if before is not None:
                self.serve(before)


#: The loopback OpenID Connect provider the deployed studio signs in through.
PROVIDER = ROOT / "tests" / "fixtures" / "oidc_provider.py"
#: The deployed studio's editors (the browser tests': a researcher and a second editor).
EDITORS = ("ann@example.org", "bo@example.org")


def _deployed(
    here: Path, port: int, editors: Sequence[str]
) -> tuple[list[str], subprocess.Popen[bytes], str]:
    """The loopback provider started (not waited for: it is up long before the studio) and
    a secrets file naming it as the studio's `[auth]`, `editors` on the list: the studio's
    arguments, the provider and the address that answers once it is up."""
    sys.path.insert(0, str(PROVIDER.parent))
    from oidc_provider import CLIENT_ID, CLIENT_SECRET

    issuer = f"http://127.0.0.1:{free_port()}"
    with (here / "provider.log").open("ab") as out:
        provider = subprocess.Popen(  # noqa: S603 - our own fixture, no shell
            [sys.executable, str(PROVIDER), issuer.rsplit(":", 1)[1]],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    listed = ", ".join(f'"{e.upper()}"' for e in editors)  # compared case-insensitively
    (here / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-more-than-thirty-two-characters"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        f"[studio]\neditors = [{listed}]\n",
        encoding="utf-8",
    )
    arguments = ["--secrets.files", str(here / "secrets.toml")]
    return arguments, provider, f"{issuer}/.well-known/openid-configuration"


@contextlib.contextmanager
def studio(
    tmp_path: Path, single_editor: bool, editors: Sequence[str] = ()
) -> Iterator[tuple[str, Path, Path]]:
    """The curation studio on a copy of the fixture corpus in tmp_path, free to write and
    build (charts off): its URL, the seeds folder and the database it builds. Two editors
    unless `single_editor` (STUDIO_SINGLE_EDITOR=1). With `editors`, as deployed: a person
    signs in through a real OpenID Connect provider on loopback (tests/fixtures/oidc_provider.py),
    and only those emails get past the gate."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds", seeds)
    db = tmp_path / "monitor.duckdb"
    env = {**os.environ, "STUDIO_SEEDS": str(seeds), "MONITOR_DB": str(db),
           "STUDIO_NO_CHARTS": "1"}  # fmt: skip
    env.pop("STUDIO_SINGLE_EDITOR", None)
    if single_editor:
        env["STUDIO_SINGLE_EDITOR"] = "1"
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py")]
    port, provider, proc, log = None, None, None, tmp_path / "provider.log"
    try:
        if editors:
            port = free_port()
            secrets, provider, health = _deployed(tmp_path, port, editors)
            command += secrets
        proc, url = start_server(command, env, tmp_path / "studio.log", port=port)
        if provider and not wait_until_answering(health, provider, log):
            raise RuntimeError(f"the OpenID provider did not answer:\n{_tail(log)}")
        # Deployed: the address the provider sends the browser back to (its cookie's).
        yield url.replace("127.0.0.1", "localhost") if editors else url, seeds, db
    finally:
        stop_server(*(p for p in (proc, provider) if p), wait=False)  # as the dashboard's


#: Servers asked to stop and not yet waited for (`stop_server(..., wait=False)`).
_STOPPING: list[subprocess.Popen[bytes]] = []


def stop_server(*procs: subprocess.Popen[bytes], wait: bool = True) -> None:
    """Stop servers we started, by their own handles, all asked at once; then wait for them
    (killing one that will not stop), or leave that to `wait_for_stopped` with `wait=False`:
    Streamlit takes 1.5-2 s to stop, and a run's servers can stop side by side at its end."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    if not wait:
        _STOPPING.extend(procs)
        return
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def wait_for_stopped() -> None:
    """Wait for the servers asked to stop without waiting (see `stop_server`): at the end of
    the tests (conftest.py) or of a script that started them (at its exit)."""
    stop_server(*_STOPPING)
    _STOPPING.clear()


atexit.register(wait_for_stopped)


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """One headless Chromium. A developer without Chromium or playwright is skipped; CI must
    not pass by skipping every browser test, so there it is a failure."""
    import pytest

    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (run: make browser)"
        if on_ci():
            pytest.fail(f"CI is set and {message}: the browser tests cannot run", pytrace=False)
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        if on_ci():
            pytest.fail(f"CI is set and playwright is not installed: {exc}", pytrace=False)
        pytest.skip(f"playwright is not installed: {exc}")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, TEST_CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def new_context(
    browser: Browser, viewport: dict[str, int] = DESKTOP, **options
) -> Iterator[BrowserContext]:
    """A fresh browser context (its own cookies and session), closed afterwards; its pages
    ask for reduced motion unless `reduced_motion` says otherwise."""
    context = browser.new_context(viewport=viewport, **{"reduced_motion": MOTION, **options})
    context.set_default_timeout(WAIT_MS)
    try:
        yield context
    finally:
        context.close()


#: Every address each tab opened by `open_rendered` asked for, by the tab's id: readers at
#: rights groups must be able to read the dashboard without a third party seeing them.
ASKED: dict[int, list[str]] = {}


def third_parties(page: Page) -> list[str]:
    """The hosts other than the page's own that its tab asked for anything, sorted."""
    own = urlsplit(page.url).netloc
    return sorted({urlsplit(u).netloc for u in ASKED.get(id(page), [])} - {own, ""})


def open_rendered(
    context: BrowserContext, url: str, viewport: dict[str, int] | None = None
) -> Page:
    """A new tab of `context` on `url` (in a window of `viewport`, else the context's), once
    the app has finished rendering it."""
    page = context.new_page()
    if viewport is not None:
        page.set_viewport_size(viewport)
    asked = ASKED.setdefault(id(page), [])
    page.on("request", lambda request: asked.append(request.url))
    page.goto(url, wait_until="commit")
    wait_until_rendered(page)
    return page


def launch_chromium(playwright: Playwright, args: Sequence[str] = CHROMIUM_ARGS) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=list(args), headless=True, timeout=WAIT_MS
    )


def wait_until_rendered(page: Page, timeout_ms: int = WAIT_MS) -> float:
    """Wait for the finished-rendering condition; return ms since the navigation started."""
    handle = page.wait_for_function(READY_AT_JS, timeout=timeout_ms, polling=POLL_MS)
    return float(handle.json_value())


def open_filters(page: Page) -> None:
    """The Statements filters are drawn once their panel is opened (or a filter is set)."""
    summary = page.locator('[data-testid="stExpander"] summary').filter(
        has_text="Filter statements"
    )
    stances = page.get_by_role("toolbar", name="Stance")
    if stances.count() == 0 or stances.is_hidden():
        summary.click()
        stances.wait_for(state="visible")


def stance_pill(page: Page, stance: str) -> Locator:
    """The Stance filter's button for one stance (pressed when chosen)."""
    return page.get_by_role("toolbar", name="Stance").get_by_role("button", name=stance, exact=True)


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run in a thread of its own: a test process that also drives Chromium through
    Playwright's sync API has an event loop running in its main thread, where asyncio.run
    refuses to start another."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
