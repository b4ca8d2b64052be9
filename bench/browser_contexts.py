"""Chromium's CPU per page load of the dashboard: each page in a browser context of its own
(as tests/test_browser.py opened them until stop 37) against each page a new tab of one
shared context (as they open now, tests/conftest.py `shared_context`). The two take turns
round by round on one server and one Chromium, so the machine's load falls on both alike;
prints the median CPU seconds per load of each and their ratio. Run by hand, never imported:

    .venv/bin/python bench/browser_contexts.py            # --rounds 5 --pages 3
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.build import build  # noqa: E402
from tests import serving  # noqa: E402

#: Pages with no chart, so that the figures do not depend on the images pass.
PATHS = ("/statements", "/checks", "/policies")
TICK = os.sysconf("SC_CLK_TCK")


def chromium_cpu() -> float:
    """CPU seconds of every Chromium process now running (children reaped included)."""
    total = 0
    for entry in os.listdir("/proc"):
        try:
            if "/chromium" not in Path(f"/proc/{entry}/cmdline").read_text():
                continue
            stat = Path(f"/proc/{entry}/stat").read_text()
        except (OSError, UnicodeDecodeError):
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        total += sum(int(f) for f in fields[11:15])
    return total / TICK


@contextlib.contextmanager
def seed_dashboard() -> Iterator[tuple[str, object]]:
    """The seed dashboard (no static images) served from a temporary build, with Playwright
    running: (its address, the Playwright handle). Prints the load average first."""
    from playwright.sync_api import sync_playwright

    print("load average", " ".join(Path("/proc/loadavg").read_text().split()[:3]))
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "monitor.duckdb"
        build(db, draw_images=False)
        with (
            serving.dashboard(db, Path(folder) / "server.log") as url,
            sync_playwright() as playwright,
        ):
            yield url, playwright


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=3, help="loads of each kind per round")
    options = parser.parse_args()
    with seed_dashboard() as (url, playwright):
        browser = serving.launch_chromium(playwright)
        shared = browser.new_context(viewport=serving.DESKTOP)
        serving.open_rendered(shared, url + PATHS[0]).close()  # the server's first run
        per_load: dict[str, list[float]] = {"own context": [], "tab of one context": []}
        for _ in range(options.rounds):
            for how in per_load:
                before, opened = chromium_cpu(), []
                for n in range(options.pages):
                    path = url + PATHS[n % len(PATHS)]
                    if how == "own context":
                        context = browser.new_context(viewport=serving.DESKTOP)
                        opened.append(context)
                        serving.open_rendered(context, path)
                    else:
                        opened.append(serving.open_rendered(shared, path))
                per_load[how].append((chromium_cpu() - before) / options.pages)
                for thing in opened:
                    thing.close()
                # Let closed tabs' processes end before the next count (a process that
                # ends between two counts would take its CPU out of the second).
                time.sleep(2)
        browser.close()
    medians = {how: statistics.median(cpu) for how, cpu in per_load.items()}
    for how, cpu in medians.items():
        print(f"{how:20} median {cpu:.2f} s of Chromium CPU per load ({options.rounds} rounds)")
    print(f"ratio tab/own context {medians['tab of one context'] / medians['own context']:.2f}")
    print("load average", " ".join(Path("/proc/loadavg").read_text().split()[:3]))


if __name__ == "__main__":
    main()
