"""The test suite's CPU by kind of process, Chromium included: runs pytest (arguments after
`--`) and samples every process under it twice a second (/proc), then prints its wall time,
the machine's load average, and CPU seconds for the xdist workers, Chromium (Playwright's for
the pages and kaleido's for the images, apart), the Streamlit servers, the images pass and the
rest.

Why: `time` (or /usr/bin/time) counts only children that their parents waited for. Chromium's
processes are not among them, so "user+sys" of a run leaves out about a third of its CPU
(stop 37: 325 s by time, about 490 s sampled). On two cores the suite's wall time cannot fall
below the sampled total over two. Run by hand, never imported:

    .venv/bin/python bench/suite_cpu.py                       # the whole suite
    .venv/bin/python bench/suite_cpu.py -- -n 0 tests/test_browser.py
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, int, str]]:
    """Every process: parent, CPU ticks (user+sys), command line."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]), cmd)
    return found


def _under(root: int, processes: dict[int, tuple[int, int, str]]) -> set[int]:
    children = collections.defaultdict(list)
    for pid, (parent, _, _) in processes.items():
        children[parent].append(pid)
    tree, stack = set(), [root]
    while stack:
        pid = stack.pop()
        tree.add(pid)
        stack += children[pid]
    return tree


def _ancestors(pid: int, processes: dict[int, tuple[int, int, str]]) -> list[str]:
    """The command lines above a process that are not Chromium's own, nearest first."""
    found, parent = [], processes[pid][0]
    while parent in processes and len(found) < 8:
        if "chrom" not in processes[parent][2]:
            found.append(processes[parent][2])
        parent = processes[parent][0]
    return found


def kind(cmd: str, ancestors: list[str] = ()) -> str:
    """What a process is, by its command line (a Chromium also by who started it: kaleido's
    draws images, in a Python process; Playwright's shows pages, under its driver)."""
    if "chrom" in cmd:
        if ancestors and "playwright" in ancestors[0]:
            return "Chromium, pages (Playwright)"
        return "Chromium, images (kaleido)"
    if "streamlit" in cmd:
        return "Streamlit servers"
    if "draw_images" in cmd:
        return "images pass (Python)"
    if "exec(eval(sys.stdin" in cmd:
        return "xdist workers"
    if re.search(r"-m (etl|pytest)\b", cmd):
        return "command line (etl) and pytest" if "-m etl" in cmd else "pytest (main)"
    return "other"


def main(args: list[str]) -> None:
    load = Path("/proc/loadavg").read_text().split()[:3]
    started = time.monotonic()
    run = subprocess.Popen([sys.executable, "-m", "pytest", "-q", *args], cwd=ROOT)
    seen: dict[int, tuple[int, str]] = {}  # pid -> (ticks last seen, kind)
    while run.poll() is None:
        processes = _processes()
        for pid in _under(run.pid, processes):
            if pid in processes and processes[pid][2]:
                seen[pid] = (processes[pid][1], kind(processes[pid][2], _ancestors(pid, processes)))
        time.sleep(0.5)
    wall = time.monotonic() - started
    totals: collections.Counter[str] = collections.Counter()
    for ticks, what in seen.values():
        totals[what] += ticks / TICK
    print(f"\nload average at the start {' '.join(load)}, at the end "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}")  # fmt: skip
    print(f"wall {wall:.1f} s; exit status {run.returncode}")
    print(f"CPU sampled (a process's last 0.5 s may be missed): {sum(totals.values()):.1f} s")
    for what, seconds in totals.most_common():
        print(f"  {what:32} {seconds:7.1f} s")
    sys.exit(run.returncode)


if __name__ == "__main__":
    argv = sys.argv[1:]
    main(argv[argv.index("--") + 1 :] if "--" in argv else argv)
