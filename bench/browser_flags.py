"""Chromium's CPU per page load of the dashboard with the tests' browser as it is
(tests/serving.py TEST_CHROMIUM_ARGS, a 1400 x 2400 window) against Chromium flags and window
sizes that might cut it without changing what is drawn, one way per Chromium on one server,
taking turns round by round so the machine's load falls on all alike. Only each Chromium's own
processes are counted. Prints the median CPU seconds per load of each way and its ratio to the
tests' own. Run by hand, never imported:

    .venv/bin/python bench/browser_flags.py            # --rounds 5
    .venv/bin/python bench/browser_flags.py --only noise max-opt=1

Measured and not kept (docs/benchmarks.md, stop 40, browser22o): Debian's
chromium-headless-shell (apt-get install chromium-headless-shell) measures text otherwise, so
lines wrap elsewhere than in a reader's Chromium.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from browser_contexts import seed_dashboard  # noqa: E402  (the script's own folder is on the path)
from browser_waits import PATHS, _browser_pids, load, take_turns  # noqa: E402

from tests import serving  # noqa: E402

TESTS = serving.TEST_CHROMIUM_ARGS
FULL = serving.CHROMIUM
#: Debian's chromium-headless-shell: the same Blink and Skia without the browser's own
#: windows, tabs and profile services (what Playwright's own downloads use for headless).
SHELL = Path("/usr/bin/chromium-headless-shell")
#: name: (the Chromium, its arguments, the window)
WAYS = {
    "the tests' (after stop 38)": (FULL, TESTS, serving.DESKTOP),
    "the same again (the noise)": (FULL, TESTS, serving.DESKTOP),
    "Debian's chromium-headless-shell": (SHELL, TESTS, serving.DESKTOP),
    "without Debian's wrapper flags": (Path("/usr/lib/chromium/chromium"), TESTS, serving.DESKTOP),
    "no threaded animation or scrolling": (
        FULL,
        [*TESTS, "--disable-threaded-animation", "--disable-threaded-scrolling"],
        serving.DESKTOP,
    ),
    "V8 without TurboFan (--max-opt=2)": (
        FULL,
        [*TESTS, "--js-flags=--max-opt=2"],
        serving.DESKTOP,
    ),
    "V8 Ignition and Sparkplug (--max-opt=1)": (
        FULL,
        [*TESTS, "--js-flags=--max-opt=1"],
        serving.DESKTOP,
    ),
    "V8 Ignition only (--max-opt=0)": (FULL, [*TESTS, "--js-flags=--max-opt=0"], serving.DESKTOP),
    "a 1400 x 900 window": (FULL, TESTS, serving.LAPTOP),
}


def _parent(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rfind(")") + 2 :].split()[1])


def _own(pids: set[int]) -> set[int]:
    """Those of `pids` started by this process (another Chromium may start meanwhile)."""

    mine = set()
    for pid in pids:
        up = pid
        while up > 1 and up != os.getpid():
            up = _parent(up)
        if up == os.getpid():
            mine.add(pid)
    return mine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--only", nargs="*", default=[], help="words of the ways to run (the first always runs)"
    )
    options = parser.parse_args()
    first = next(iter(WAYS))
    chosen = {
        name: way
        for name, way in WAYS.items()
        if (name == first or not options.only or any(w in name for w in options.only))
        and way[0].exists()  # the headless shell is not installed by `make browser`
    }
    with seed_dashboard() as (url, playwright):
        ways = {}
        for name, (executable, args, window) in chosen.items():
            before = _browser_pids()
            browser = playwright.chromium.launch(
                executable_path=str(executable), args=list(args), headless=True
            )
            new = _own(_browser_pids() - before)
            # A wrapper script that does not exec (Debian's headless shell) is the root.
            (root,) = {pid for pid in new if _parent(pid) not in new}
            context = browser.new_context(viewport=window, reduced_motion=serving.MOTION)
            load(context, url + PATHS[1], serving.POLL_MS).close()  # the server's first run
            ways[name] = (root, context, serving.POLL_MS)
        take_turns(ways, url, options.rounds, width=44, every=True)
    print("load average", " ".join(Path("/proc/loadavg").read_text().split()[:3]))


if __name__ == "__main__":
    main()
