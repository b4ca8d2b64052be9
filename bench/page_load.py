"""Time every page to fully rendered in a real browser against a blank Streamlit page, and a filter change's server time.

The servers and the browser come from tests/serving.py, so the browser tests and this
script measure the same condition.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from tests.serving import (  # noqa: E402
    APP,
    CHROMIUM,
    DESKTOP,
    READY_JS,
    WAIT_MS,
    launch_chromium,
    open_filters,
    page_cases,
    stance_pill,
    start_server,
    stop_server,
    wait_until_rendered,
)

BLANK_APP = Path(__file__).resolve().with_name("blank_app.py")

#: Targets the report is held against.
LOAD_RATIO_TARGET = 1.5
FILTER_CHANGE_TARGET_MS = 150.0

#: The same pages in a state a reader reaches by a link, measured too: a shared filtered
#: view draws the filter widgets, and the Data grid is a tab of its own.
LINKED_STATES = {
    "statements?filtered": "/statements?stance=critical",
    "data?grid": "/data?view=Sort+and+search",
}


def load_ms(browser: Browser, url: str) -> float:
    """One page load in a fresh context, so nothing is cached from an earlier load."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        page.goto(url, wait_until="commit")
        return wait_until_rendered(page)
    finally:
        context.close()


def count_line_js(noun: str) -> str:
    """JS returning the page's '**N nouns**' line, or null."""
    return f"""() => {{
  for (const el of document.querySelectorAll('[data-testid="stMarkdownContainer"]')) {{
    const text = el.innerText.trim();
    if (/^\\d+ {noun}s?$/.test(text)) return text;
  }}
  return null;
}}"""


def browser_filter_change_ms(browser: Browser, base: str, stance: str) -> float:
    """From choosing one stance on /statements to the page re-rendered with the new count."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        page.goto(f"{base}/statements", wait_until="commit")
        wait_until_rendered(page)
        before = page.evaluate(count_line_js("statement"))
        open_filters(page)
        pill = stance_pill(page, stance)
        pill.wait_for(state="visible")
        wait_until_rendered(page)
        started = time.perf_counter()
        pill.click()
        changed = f"""() => ({READY_JS})() && ({count_line_js("statement")})() !== {before!r}"""
        page.wait_for_function(changed, timeout=WAIT_MS, polling="raf")
        return (time.perf_counter() - started) * 1000
    finally:
        context.close()


def apptest_filter_change_ms(db: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Server time of a stance change on /statements, run in-process with AppTest.

    Returns times for combinations not seen before (their query runs) and for the same
    combinations again (served from Streamlit's cache).
    """
    from streamlit.testing.v1 import AppTest

    # AppTest's first import touches Streamlit outside a session; the warning says so, harmlessly.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    os.environ["MONITOR_DB"] = str(db)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/statements.py")
    at.session_state["statement-filters"] = True  # open the filter panel
    at.run()
    options = list(at.pills(key="stance").options)
    combos = [list(c) for k in range(1, len(options)) for c in itertools.combinations(options, k)]
    picked = [combos[i % len(combos)] for i in range(rounds)]

    def timed(values: list[str]) -> float:
        at.pills(key="stance").set_value([]).run()  # so every timed run is a change
        started = time.perf_counter()
        at.pills(key="stance").set_value(values).run()
        elapsed = (time.perf_counter() - started) * 1000
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return elapsed

    new = [timed(values) for values in picked]
    again = [timed(values) for values in picked]
    return new, again


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure_loads(
    browser: Browser,
    targets: dict[str, str],
    rounds: int,
    deadline: float,
    progress: Callable[[str], None],
) -> tuple[dict[str, float], dict[str, list[float]]]:
    """A first, unmeasured load of every target, then `rounds` interleaved rounds."""
    # The first load after a server start imports modules and fills the query caches once
    # per server, which no later reader pays; it is shown apart, not counted.
    first = {name: load_ms(browser, url) for name, url in targets.items()}
    times: dict[str, list[float]] = {name: [] for name in targets}
    names = list(targets)
    for r in range(rounds):
        if time.monotonic() > deadline:
            progress(f"time budget spent after {r} rounds")
            break
        # Rotated each round so no page always goes first (or right after the same one).
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(load_ms(browser, targets[name]))
        progress(f"round {r + 1}/{rounds} done")
    return first, times


def report(
    first: dict[str, float],
    times: dict[str, list[float]],
    new: list[float],
    again: list[float],
    clicks: list[float],
) -> str:
    blank = _median(times["blank"])
    lines = [
        f"{'page':<22}{'median ms':>11}{'x blank':>9}{'first ms':>10}  target <= {LOAD_RATIO_TARGET}x",
    ]
    for name, values in times.items():
        median = _median(values)
        ratio = median / blank
        verdict = "" if name == "blank" else ("ok" if ratio <= LOAD_RATIO_TARGET else "OVER")
        lines.append(f"{name:<22}{median:>11.0f}{ratio:>9.2f}{first[name]:>10.0f}  {verdict}")
    n = len(times["blank"])
    lines.append(f"({n} rounds, fresh browser context per load; 'first' is the load after start)")
    server = _median(new)
    verdict = "ok" if server < FILTER_CHANGE_TARGET_MS else "OVER"
    lines += [
        "",
        f"filter change, stance on /statements (target < {FILTER_CHANGE_TARGET_MS:.0f} ms server time):",
        f"  server time, new combination (AppTest rerun): {server:.0f} ms median of {len(new)}  {verdict}",
        f"  server time, repeated combination (cached):   {_median(again):.0f} ms median of {len(again)}",
        f"  in the browser, click to re-rendered:         {_median(clicks):.0f} ms median of {len(clicks)}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7, help="measured rounds (default 7)")
    parser.add_argument(
        "--budget", type=float, default=900, help="seconds before rounds stop (default 900)"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (make browser installs it)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from data_model.records import Stance

    # A terminated bench still runs its finally blocks, so no server outlives it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    deadline = time.monotonic() + args.budget
    tmp = Path(tempfile.mkdtemp(prefix="page-load-"))
    servers: list[subprocess.Popen[bytes]] = []

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        db = tmp / "monitor.duckdb"
        subprocess.run(
            [sys.executable, "-m", "etl", "build", "--db", str(db)],
            cwd=ROOT,
            check=True,
            timeout=300,
            capture_output=True,
        )
        env = {**os.environ, "MONITOR_DB": str(db)}
        app, app_url = start_server(
            [sys.executable, "-m", "streamlit", "run", "serve.py"], env, tmp / "app.log"
        )
        servers.append(app)
        blank, blank_url = start_server(
            [sys.executable, "-m", "streamlit", "run", str(BLANK_APP)], env, tmp / "blank.log"
        )
        servers.append(blank)
        targets = {"blank": blank_url + "/"}
        targets |= {case.name: app_url + case.path for case in page_cases()}
        targets |= {name: app_url + path for name, path in LINKED_STATES.items()}
        progress(f"measuring {len(targets)} pages, {args.rounds} rounds")
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                first, times = measure_loads(browser, targets, args.rounds, deadline, progress)
                stances = [s.value for s in Stance]
                clicks = [
                    browser_filter_change_ms(browser, app_url, stances[i % len(stances)])
                    for i in range(args.rounds)
                ]
            finally:
                browser.close()
        new, again = apptest_filter_change_ms(db, args.rounds)
        print(report(first, times, new, again, clicks))
        return 0
    finally:
        for proc in servers:
            stop_server(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    # Run as a script, bench/ is on the path but the project's packages are not.
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
