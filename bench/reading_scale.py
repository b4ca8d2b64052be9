"""The reading side at 1x, 10x, 100x and 1000x the seeds, next to a blank page in the same run.

For each corpus size (bench/synthetic.py copies of the seeds): the build's time, peak memory
and chart-drawing time; then, with the app and bench/blank_app.py served side by side, each
page's cold load in a real browser (empty cache, median of --rounds, ratio to the blank page
loaded in the same rounds), its DOM nodes and websocket bytes, the first load after the server
started, the server time of a filter change (AppTest, bench/page_load.py), and the server's
memory. Last, growth exponents: the slope of log(figure) over log(corpus size), so 1 is
linear and 0 is flat.

    .venv/bin/python bench/reading_scale.py                  # 1x, 10x, 100x
    .venv/bin/python bench/reading_scale.py --scales 1,10,100,1000 --rounds 3
    .venv/bin/python bench/reading_scale.py --scales 10 --pages statements,policies
    .venv/bin/python bench/reading_scale.py --scales 1 --rounds 5 --before /tmp/old-checkout

With --before, the other checkout's app is served too, on the same database, and its pages
("before: <page>") are loaded in the same interleaved rounds: old and new code side by side
on one machine load.

Pages are every st.Page in app.py (bench/page_load.page_cases), so a page added there is
measured without editing this file.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.page_load import (  # noqa: E402
    BLANK_APP,
    CHROMIUM,
    DESKTOP,
    WAIT_MS,
    apptest_filter_change_ms,
    launch_chromium,
    page_cases,
    start_server,
    stop_server,
    wait_until_rendered,
)
from bench.synthetic import SEEDS, make_corpus  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

#: Targets from issue 14, printed beside the figures.
RATIO_TARGET_SMALL = 1.5  # at 1x and 10x
RATIO_TARGET_LARGE = 2.0  # at 1000x
FILTER_TARGET_MS = 150.0

_CHARTS_LINE = re.compile(r"drew (\d+) charts? .* in ([\d.]+)s")


@dataclass
class Load:
    """One page at one scale: load times, and what the last load held."""

    times: list[float] = field(default_factory=list)
    first: float = float("nan")
    dom_nodes: int = 0
    ws_bytes: int = 0


@dataclass
class Scale:
    """Everything measured at one corpus size."""

    copies: int
    articles: int = 0
    build_s: float = float("nan")
    build_peak_mb: float = float("nan")
    charts_s: float = float("nan")
    loads: dict[str, Load] = field(default_factory=dict)
    filter_ms: float = float("nan")
    filter_note: str = ""
    server_mb: float = float("nan")
    server_peak_mb: float = float("nan")


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build(copies: int, work: Path) -> tuple[Path, Scale]:
    """Make the corpus and build its database, timing the build and its peak memory."""
    seeds = make_corpus(SEEDS, work / f"seeds-x{copies}", copies)
    db = work / f"x{copies}.duckdb"
    scale = Scale(copies, articles=len(list((seeds / "articles").glob("*.txt"))))
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "build", "--db", str(db)]
    log = work / f"build-x{copies}.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own peak memory (getrusage would mix every child's).
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    scale.build_s = time.perf_counter() - started
    scale.build_peak_mb = usage.ru_maxrss / 1024
    text = log.read_text(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"build at {copies}x failed:\n{text[-3000:]}")
    if found := _CHARTS_LINE.search(text):
        scale.charts_s = float(found.group(2))
    return db, scale


def memory_mb(pid: int) -> tuple[float, float]:
    """A process's resident memory now and at its peak (Linux /proc), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    kb = lambda key: float(fields.get(key, "nan kB").split()[0])  # noqa: E731
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024


def load(browser: Browser, url: str) -> tuple[float, int, int]:
    """One cold load in a fresh context: ms to rendered, DOM nodes, websocket bytes received."""
    context = browser.new_context(viewport=DESKTOP)
    received = [0]

    def on_socket(ws) -> None:
        ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload)))

    try:
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()
        page.on("websocket", on_socket)
        page.goto(url, wait_until="commit")
        ms = wait_until_rendered(page, timeout_ms=WAIT_MS * 5)
        nodes = int(page.evaluate("document.getElementsByTagName('*').length"))
        return ms, nodes, received[0]
    finally:
        context.close()


def measure_pages(
    browser: Browser, targets: dict[str, str], rounds: int, deadline: float
) -> dict[str, Load]:
    """A first load of each target (after the server start), then interleaved rounds."""
    loads = {name: Load() for name in targets}
    for name, url in targets.items():
        loads[name].first, loads[name].dom_nodes, loads[name].ws_bytes = load(browser, url)
        progress(f"  first load {name}: {loads[name].first:.0f} ms")
    names = list(targets)
    for r in range(rounds):
        if time.monotonic() > deadline:
            progress(f"  time budget spent after {r} rounds")
            break
        shift = r % len(names)  # rotated, so no page always goes first
        for name in names[shift:] + names[:shift]:
            ms, nodes, ws = load(browser, targets[name])
            loads[name].times.append(ms)
            loads[name].dom_nodes, loads[name].ws_bytes = nodes, ws
    return loads


def measure_scale(
    copies: int,
    work: Path,
    pages: set[str] | None,
    rounds: int,
    budget: float,
    before: Path | None = None,
) -> Scale:
    from playwright.sync_api import sync_playwright

    progress(f"{copies}x: building")
    db, scale = build(copies, work)
    progress(f"{copies}x: {scale.articles} articles built in {scale.build_s:.0f} s")
    env = {**os.environ, "MONITOR_DB": str(db)}
    servers = []
    try:
        app, app_url = start_server(
            [sys.executable, "-m", "streamlit", "run", "serve.py"], env, work / f"app-x{copies}.log"
        )
        servers.append(app)
        blank, blank_url = start_server(
            [sys.executable, "-m", "streamlit", "run", str(BLANK_APP)], env, work / "blank.log"
        )
        servers.append(blank)
        targets = {"blank": blank_url + "/"}
        targets |= {
            c.name: app_url + c.path for c in page_cases() if pages is None or c.name in pages
        }
        if before is not None:
            old, old_url = start_server(
                [sys.executable, "-m", "streamlit", "run", "serve.py"],
                env,
                work / "before.log",
                cwd=before,
            )
            servers.append(old)
            targets |= {
                f"before: {c.name}": old_url + c.path
                for c in page_cases(before / "app.py")
                if pages is None or c.name in pages
            }
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                scale.loads = measure_pages(browser, targets, rounds, time.monotonic() + budget)
            finally:
                browser.close()
        scale.server_mb, scale.server_peak_mb = memory_mb(app.pid)
    finally:
        for proc in servers:
            stop_server(proc)
    try:  # the Statements filter as bench/page_load.py drives it (AppTest, in-process)
        new, _again = apptest_filter_change_ms(db, rounds)
        scale.filter_ms = statistics.median(new)
    except Exception as exc:  # a page reshaped by another branch: say so, keep the rest
        scale.filter_note = f"filter change not measured: {type(exc).__name__}: {exc}"[:200]
    return scale


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(scale: Scale, name: str) -> float:
    return _median(scale.loads[name].times) / _median(scale.loads["blank"].times)


def exponent(scales: Sequence[Scale], value: Callable[[Scale], float]) -> str:
    """Least-squares slope of log(value) over log(copies): 1 linear, 0 flat."""
    points = [
        (math.log(s.copies), math.log(v))
        for s in scales
        if (v := value(s)) > 0 and math.isfinite(v)
    ]
    if len(points) < 2:
        return "–"
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return f"{sum((x - mx) * (y - my) for x, y in points) / den:.2f}" if den else "–"


def _cell(value: float, fmt: str) -> str:
    return format(value, fmt) if math.isfinite(value) else "–"


def report(scales: list[Scale]) -> str:
    heads = [f"{s.copies}x ({s.articles} art.)" for s in scales]
    names = [n for n in scales[0].loads if n != "blank"]
    out: list[str] = []

    def table(title: str, value: Callable[[Scale, str], float], fmt: str) -> None:
        out.append(f"\n{title}")
        out.append("| page | " + " | ".join(heads) + " | growth exponent |")
        out.append("|---|" + "---:|" * (len(scales) + 1))
        for name in names:
            cells = [_cell(value(s, name), fmt) if name in s.loads else "–" for s in scales]
            grow = exponent(scales, lambda s, n=name: value(s, n) if n in s.loads else math.nan)
            out.append(f"| {name} | " + " | ".join(cells) + f" | {grow} |")

    out.append(
        "Cold load, ratio to a blank Streamlit page in the same rounds "
        f"(targets: ≤ {RATIO_TARGET_SMALL} at 1x and 10x, ≤ {RATIO_TARGET_LARGE} at 1000x)"
    )
    out.append("| page | " + " | ".join(heads) + " |")
    out.append("|---|" + "---:|" * len(scales))
    blank = [_median(s.loads["blank"].times) for s in scales]
    out.append("| blank (ms) | " + " | ".join(_cell(b, ".0f") for b in blank) + " |")
    for name in names:
        cells = [_cell(ratio(s, name), ".2f") if name in s.loads else "–" for s in scales]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    table("DOM nodes after the load (target: no growth from 100x to 1000x)",
          lambda s, n: s.loads[n].dom_nodes, ",.0f")  # fmt: skip
    table("Websocket bytes received by the browser, KB",
          lambda s, n: s.loads[n].ws_bytes / 1024, ",.0f")  # fmt: skip
    table("First load after the server started, ratio to the warm median (target ≤ 2)",
          lambda s, n: s.loads[n].first / _median(s.loads[n].times), ".2f")  # fmt: skip
    rows = [
        ("build, s", lambda s: s.build_s, ".1f"),
        ("build peak memory, MB", lambda s: s.build_peak_mb, ",.0f"),
        ("charts drawn in the build, s", lambda s: s.charts_s, ".1f"),
        (
            f"filter change, server ms (target < {FILTER_TARGET_MS:.0f})",
            lambda s: s.filter_ms,
            ".0f",
        ),
        ("server memory after the loads, MB", lambda s: s.server_mb, ",.0f"),
        ("server peak memory, MB", lambda s: s.server_peak_mb, ",.0f"),
    ]
    out.append("\nBuild and server")
    out.append("| figure | " + " | ".join(heads) + " | growth exponent |")
    out.append("|---|" + "---:|" * (len(scales) + 1))
    for title, value, fmt in rows:
        cells = " | ".join(_cell(value(s), fmt) for s in scales)
        out.append(f"| {title} | {cells} | {exponent(scales, value)} |")
    rounds = min(len(s.loads["blank"].times) for s in scales)
    out.append(
        f"\n({rounds} rounds per scale, a fresh browser context per load, medians; "
        "growth exponent = slope of log(figure) over log(corpus size))"
    )
    out += [s.filter_note for s in scales if s.filter_note]
    return "\n".join(out)


def code_version(checkout: Path = ROOT) -> str:
    """The commit measured, and whether the worktree had changes on top of it."""
    git = ["git", "-C", str(checkout)]
    head = subprocess.run([*git, "log", "-1", "--format=%h %cs %s"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    return head.stdout.strip()[:100] + (
        " (with uncommitted changes)" if dirty.stdout.strip() else ""
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="1,10,100", help="copies of the seeds (1,10,100)")
    parser.add_argument("--rounds", type=int, default=3, help="measured loads per page (3)")
    parser.add_argument("--pages", help="page names to measure, comma-separated (all)")
    parser.add_argument(
        "--budget", type=float, default=1800, help="seconds of load rounds per scale (1800)"
    )
    parser.add_argument(
        "--before", type=Path, help="another checkout, served beside this one in the same rounds"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (make browser installs it)", file=sys.stderr)
        return 2
    copies = [int(c) for c in args.scales.split(",")]
    pages = set(args.pages.split(",")) if args.pages else None
    known = {c.name for c in page_cases()}
    if pages and (unknown := pages - known):
        print(f"unknown pages {sorted(unknown)}; known: {sorted(known)}", file=sys.stderr)
        return 2
    # A terminated bench still runs its finally blocks, so no server outlives it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="reading-scale-"))
    print(f"measured code: {code_version()}", flush=True)
    if args.before:
        print(f"beside it: {code_version(args.before)}", flush=True)
    scales: list[Scale] = []
    try:
        for n in copies:
            scales.append(measure_scale(n, work, pages, args.rounds, args.budget, args.before))
            print(report(scales), flush=True)  # each scale's table as soon as it is known
            print("-" * 60, flush=True)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
