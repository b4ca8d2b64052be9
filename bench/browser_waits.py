"""Chromium's CPU per page load of the dashboard, the tests' browser as it was (a renderer
process per tab, waits checked on every animation frame, motion as a default reader's)
against as it is (tabs of one site in one process, `--process-per-site`; waits checked every
100 ms, tests/serving.py POLL_MS; reduced motion asked for, MOTION), one change added at a
time. Each way has a Chromium of its own on one server; they take turns
round by round, so the machine's load falls on all alike. Only each Chromium's own processes
are counted (other people's browsers on the machine are not). Prints the median CPU seconds
per load of each way and its ratio to the old one. Run by hand, never imported:

    .venv/bin/python bench/browser_waits.py            # --rounds 5
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from browser_contexts import seed_dashboard  # noqa: E402  (the script's own folder is on the path)

from tests import serving  # noqa: E402

#: Pages with no chart image, so that the figures do not depend on the images pass.
PATHS = ("/", "/statements", "/trends", "/checks", "/policies")
TICK = os.sysconf("SC_CLK_TCK")
#: name: (Chromium's arguments, how a wait polls, the pages' motion)
WAYS = {
    "before": (serving.CHROMIUM_ARGS, "raf", "no-preference"),
    "+ one process a site": (serving.TEST_CHROMIUM_ARGS, "raf", "no-preference"),
    "+ waits every 100 ms": (serving.TEST_CHROMIUM_ARGS, serving.POLL_MS, "no-preference"),
    "+ reduced motion (after)": (serving.TEST_CHROMIUM_ARGS, serving.POLL_MS, serving.MOTION),
}


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and everything under it (children reaped included)."""
    parents, ticks = {}, {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
        ticks[int(entry)] = sum(int(f) for f in fields[11:15])
    children = collections.defaultdict(list)
    for pid, parent in parents.items():
        children[parent].append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += ticks.get(pid, 0)
        stack += children[pid]
    return total / TICK


def _browser_pids() -> set[int]:
    found = set()
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "remote-debugging-pipe" in cmd and "--type=" not in cmd:
            found.add(int(entry))
    return found


def load(context, url: str, polling) -> object:
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function(serving.READY_AT_JS, timeout=serving.WAIT_MS, polling=polling)
    return page


def take_turns(ways: dict[str, tuple], url: str, rounds: int, width: int = 42,
               every: bool = False) -> None:  # fmt: skip
    """Load PATHS in each way's context, the ways taking turns, `rounds` times; print each
    way's median Chromium CPU per load (its root's process tree) and its ratio to the first
    way's (with every round's figure when `every`). A way is (root pid, context, polling)."""
    per_load: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, (root, context, polling) in ways.items():
            start = tree_cpu(root)
            pages = [load(context, url + path, polling) for path in PATHS]
            for page in pages:
                page.close()
            time.sleep(1)  # closed tabs' last work counted in their round
            per_load[name].append((tree_cpu(root) - start) / len(PATHS))
    first = statistics.median(next(iter(per_load.values())))
    for name, cpu in per_load.items():
        median = statistics.median(cpu)
        runs = f"  ({', '.join(f'{c:.2f}' for c in cpu)})" if every else ""
        print(
            f"{name:{width}} median {median:.2f} s of Chromium CPU per load, ratio"
            f" {median / first:.2f}{runs}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    with seed_dashboard() as (url, playwright):
        ways = {}
        for name, (args, polling, motion) in WAYS.items():
            before = _browser_pids()
            browser = serving.launch_chromium(playwright, args)
            (root,) = _browser_pids() - before
            context = browser.new_context(viewport=serving.DESKTOP, reduced_motion=motion)
            load(context, url + PATHS[1], polling).close()  # the server's first run
            ways[name] = (root, context, polling)
        take_turns(ways, url, options.rounds)
    print("load average", " ".join(Path("/proc/loadavg").read_text().split()[:3]))


if __name__ == "__main__":
    main()
