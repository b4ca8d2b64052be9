"""What a curator waits for on the studio's Review screen, in a real browser, code against code:
each action's time from the click to the screen drawn again, and the CPU it cost Chromium's
renderer and the studio server.

    python bench/studio_actions.py --run BEFORE_CHECKOUT --run AFTER_CHECKOUT --rounds 2

Each round runs every checkout once, in turn, in a process of its own (the checkout's folder
first on the path, its own studio server on a fresh copy of the test fixtures' seeds, its own
headless Chromium at LAPTOP's window): the browser flow's made-up ten-sentence article
(tests/test_studio_review_browser.py) added, then the Review screen opened, words dragged over
and drafted as a statement, that draft rejected, four pickers set (the record's own fields),
and the six records accepted one by one. Printed per checkout and kind of action: the median
wall time (ms, the click until the page is finished: a person's wait), Chromium's renderer
main-thread time (CDP's TaskDuration) and all Chromium processes' CPU (/proc), summed over
the actions, and the script runs they asked for (full screen or one fragment).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _cpu(words: bytes) -> float:
    """CPU seconds of this process's descendants whose command line holds ``words`` (other
    people's browsers on the machine left out)."""
    found: dict[int, tuple[int, float, bytes]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry)] = (int(stat[1]), (int(stat[11]) + int(stat[12])) / TICK, cmd)
    mine, total = {os.getpid()}, 0.0
    grew = True  # a child's id may be lower than its parent's: walked to a fixpoint
    while grew:
        grew = False
        for pid, (parent, _, _) in found.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                grew = True
    for pid in mine - {os.getpid()}:
        if words in found[pid][2]:
            total += found[pid][1]
    return total


def measure() -> list[dict]:
    """One checkout (the current folder): each action's figures."""
    sys.path.insert(0, str(Path.cwd()))
    from etl.warm import SOCKET_VARIABLE
    from tests import serving, warm_builds
    from tests import test_studio_review_browser as flow

    # The studio's warm build process on a socket of this process's own, stopped at the end
    # (tests/warm_builds.py), not left to exit after 15 idle minutes.
    os.environ[SOCKET_VARIABLE] = str(warm_builds.own_socket())
    try:
        return _measure(flow, serving)
    finally:
        warm_builds.stop(warm_builds.own_socket())


def _measure(flow, serving) -> list[dict]:  # type: ignore[no-untyped-def]
    """The actions, timed (measure's)."""
    from playwright.sync_api import expect
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    runs: list[str] = []

    def frames(ws) -> None:  # type: ignore[no-untyped-def]
        def got(payload) -> None:  # type: ignore[no-untyped-def]
            if isinstance(payload, str):
                return
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "new_session":
                runs.append("fragment" if msg.metadata.run.fragment_ids else "full")

        ws.on("framereceived", got)

    out: list[dict] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        serving.studio(Path(tmp), single_editor=False) as (url, _seeds, _db),
        serving.chromium() as browser,
        serving.new_context(browser, serving.LAPTOP) as context,
    ):
        expect.set_options(timeout=60_000)
        page = context.new_page()
        page.on("websocket", frames)
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")

        def task() -> float:
            metrics = cdp.send("Performance.getMetrics")["metrics"]
            return next(m["value"] for m in metrics if m["name"] == "TaskDuration")

        def timed(kind: str, act, done) -> None:  # type: ignore[no-untyped-def]
            before = (time.monotonic(), task(), _cpu(b"chrom"), _cpu(b"streamlit"), len(runs))
            act()
            done()
            page.wait_for_function(serving.READY_JS, polling=10)
            wall = time.monotonic() - before[0]
            page.wait_for_timeout(400)  # stragglers of this action counted with it, not timed
            out.append({"kind": kind, "wall": wall, "task": task() - before[1],
                        "chromium": _cpu(b"chrom") - before[2],
                        "server": _cpu(b"streamlit") - before[3],
                        "runs": runs[before[4]:]})  # fmt: skip

        page.goto(url)
        field = page.get_by_label("Your name (kept with what you save)")
        field.fill("Bench Researcher")
        field.press("Enter")
        flow._screen(page, "Add")
        page.get_by_label("Or paste the article as captured").fill(flow.ARTICLE)
        page.get_by_label("Outlet").fill("The Example Daily")
        page.get_by_role("spinbutton", name="year, Published on").click()
        page.keyboard.type("20180608")
        page.keyboard.press("Tab")
        page.get_by_label("Web address (optional)").click()
        page.get_by_role("button", name="Add article").click()
        expect(page.get_by_text("Review its candidates next")).to_be_visible()
        serving.wait_until_rendered(page)

        words = "The weather in Kampot was hot all week"
        drafted = flow._candidate(page, "statement", words)
        timed("open Review", lambda: flow._screen(page, "Review"),
              lambda: expect(page.locator(".passage-text")).to_contain_text("Kampot"))  # fmt: skip
        timed("select words", lambda: flow._drag_over(page, words),
              lambda: expect(page.get_by_text("Selected (characters", exact=False)).to_be_visible())  # fmt: skip
        timed("pick a kind", lambda: page.get_by_text("statement", exact=True).click(),
              lambda: None)  # fmt: skip
        timed("draft", lambda: page.get_by_role("button", name="Draft a record for these words").click(),
              lambda: expect(drafted).to_have_count(1))  # fmt: skip
        timed("reject", lambda: drafted.get_by_role("button", name="Reject").click(),
              lambda: expect(page.locator("summary").filter(has_text="statement · rejected")).to_have_count(1))  # fmt: skip
        for words, topic, stance in (("Most of them are users", "treatment", "critical"),
                                     ("We see the same young men", "rehabilitation", "critical")):  # fmt: skip
            box = flow._candidate(page, "statement", words)
            for label, value in (("Topic", topic), ("Stance", stance)):
                picker = box.get_by_role("combobox", name=label, exact=True)

                def choose(picker=picker, value=value) -> None:  # type: ignore[no-untyped-def]
                    picker.click()
                    page.keyboard.type(value)
                    page.keyboard.press("Enter")

                timed("set a field", choose,
                      lambda picker=picker, value=value: expect(picker).to_have_value(value))  # fmt: skip
        for n, words in enumerate(("between 300 and 400", "3,000 tablets")):
            box = flow._candidate(page, "figure", words)
            timed("accept", lambda box=box: box.get_by_role("button", name="Accept").click(),
                  lambda n=n: expect(page.get_by_text(" · accepted · ")).to_have_count(n + 1))  # fmt: skip
        for n, (kind, words) in enumerate((("statement", "Most of them are users"),
                                           ("statement", "We see the same young men"),
                                           ("statement", "Families ask us for help"),
                                           ("position", "Sok Dara said he supports"))):  # fmt: skip
            box = flow._candidate(page, kind, words)
            timed("accept", lambda box=box: box.get_by_role("button", name="Accept").click(),
                  lambda n=n: expect(page.get_by_text(" · accepted · ")).to_have_count(n + 3))  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", action="append", default=[], help="a checkout (repeatable)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    found: dict[str, list[list[dict]]] = {run: [] for run in args.run}
    for round_ in range(args.rounds):
        for run in args.run:
            python = Path(run) / ".venv" / "bin" / "python"
            load = os.getloadavg()[0]
            done = subprocess.run([str(python), str(Path(__file__).resolve()), "--measure"],
                                  cwd=run, capture_output=True, text=True, check=True)  # fmt: skip
            found[run].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"round {round_ + 1}, {run}: load {load:.1f}", flush=True)
    kinds = list(dict.fromkeys(a["kind"] for a in found[args.run[0]][0]))
    for run, rounds in found.items():
        print(f"\n{run} ({len(rounds)} rounds; per round: wall median ms, renderer s, "
              "Chromium s, server s summed over the actions; script runs)")  # fmt: skip
        for kind in kinds:
            per = [[a for a in r if a["kind"] == kind] for r in rounds]
            walls = [statistics.median(a["wall"] for a in p) * 1000 for p in per]
            sums = {k: [sum(a[k] for a in p) for p in per] for k in ("task", "chromium", "server")}
            ran = [sum(len(a["runs"]) for a in p) for p in per]
            full = [sum(x == "full" for a in p for x in a["runs"]) for p in per]
            print(f"  {kind:12} x{len(per[0])}: wall {', '.join(f'{w:.0f}' for w in walls)}; "
                  f"renderer {', '.join(f'{v:.2f}' for v in sums['task'])}; "
                  f"Chromium {', '.join(f'{v:.2f}' for v in sums['chromium'])}; "
                  f"server {', '.join(f'{v:.2f}' for v in sums['server'])}; "
                  f"runs {ran[0]} ({full[0]} full)")  # fmt: skip
        totals = {k: [sum(a[k] for a in r) for r in rounds] for k in ("task", "chromium", "server")}
        print(f"  all actions: renderer {totals['task']}, Chromium {totals['chromium']}, "
              f"server {totals['server']}")  # fmt: skip


if __name__ == "__main__":
    main()
