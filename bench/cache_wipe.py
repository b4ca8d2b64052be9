"""Overview load times while a client sends `clear_cache` over the websocket once a second: prints figures.

    python bench/cache_wipe.py             # the launcher (patched) and `streamlit run` side by side
    python bench/cache_wipe.py --raw 60    # the same with raw websocket readers, 60 s a phase

Each round loads the Overview in --sessions browser contexts at once, while a raw
websocket client (no browser, as an attacker would) sends a clear_cache BackMsg every
second. Reported: p50 and p95 of the loads, quiet and under the wipes, for the launcher
(monitor/guards.py in serve.py) and for plain `streamlit run app.py`.

With --raw SECONDS there is no browser (on 2 cores, 5 Chromium pages swamp the server and
hide what a wipe costs): both servers run at once, each read by --sessions raw websocket
clients going through the pages (bench/build_during_traffic.py's readers) and timed from
request to the end of the page's run; a quiet phase, then a phase with a wiper per server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from tests.serving import (  # noqa: E402
    DESKTOP,
    WAIT_MS,
    launch_chromium,
    start_server,
    stop_server,
    wait_until_rendered,
)


def _wiper(url: str, stop: threading.Event, sent: list[int]) -> None:
    """Send a clear_cache BackMsg once a second until stop is set."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.clear_cache = True
    payload = message.SerializeToString()

    async def run() -> None:
        ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(ws_url, subprotocols=["streamlit"]) as socket:
            while not stop.is_set():
                await socket.send(payload)
                sent.append(1)
                await asyncio.sleep(1.0)

    asyncio.run(run())


def _loads(browser, url: str, sessions: int, rounds: int) -> list[float]:
    """Load times (ms) of the Overview, `sessions` contexts opened together per round."""
    times: list[float] = []
    for _ in range(rounds):
        pages = []
        for _ in range(sessions):
            page = browser.new_context(viewport=DESKTOP).new_page()
            page.set_default_timeout(WAIT_MS)
            page.goto(f"{url}/", wait_until="commit")
            pages.append(page)
        times += [wait_until_rendered(page) for page in pages]
        for page in pages:
            page.context.close()
    return times


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


SERVERS = {
    "launcher (patched)": [sys.executable, "-m", "streamlit", "run", "serve.py"],
    "streamlit run (unpatched)": [sys.executable, "-m", "streamlit", "run", "app.py"],
}


def raw_readers(sessions: int, seconds: float) -> int:
    """Both servers side by side, read by raw websocket clients, quiet and then wiped."""
    from bench.build_during_traffic import PAGES, _p, _page_run, _phase
    from etl.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "monitor.duckdb"
        build(db)
        env = {**os.environ, "MONITOR_DB": str(db)}
        procs, urls = [], {}
        try:
            for name, command in SERVERS.items():
                proc, urls[name] = start_server(command, env, Path(tmp) / "server.log")
                procs.append(proc)
            for url in urls.values():  # warm-up: every page once, caches filled
                for page in PAGES:
                    asyncio.run(_page_run(url, page))
            quiet = _phase(urls, sessions, seconds)
            stops, sent = threading.Event(), {name: [] for name in urls}
            wipers = [
                threading.Thread(target=_wiper, args=(url, stops, sent[name]), daemon=True)
                for name, url in urls.items()
            ]
            for w in wipers:
                w.start()
            time.sleep(1.5)
            wiped = _phase(urls, sessions, seconds)
            stops.set()
            for w in wipers:
                w.join(timeout=5)
        finally:
            for proc in procs:
                stop_server(proc)
    print(f"{sessions} raw readers per server through {len(PAGES)} pages, {seconds:.0f} s a phase,")
    print("both servers at once; server run per page, ms")
    print(
        f"{'server':<27} {'quiet p50':>9} {'quiet p95':>9} {'wiped p50':>9} {'wiped p95':>9} runs"
    )
    for name in urls:
        q, w = quiet[name], wiped[name]
        print(
            f"{name:<27} {_p(q, 50):>9.0f} {_p(q, 95):>9.0f} {_p(w, 50):>9.0f} {_p(w, 95):>9.0f} "
            f"{len(q)}/{len(w)}   ({len(sent[name])} wipes sent)"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--raw", type=float, default=0, metavar="SECONDS")
    args = parser.parse_args(argv)
    if args.raw:
        return raw_readers(args.sessions, args.raw)
    from playwright.sync_api import sync_playwright

    from etl.build import build

    servers = SERVERS
    print(f"{args.sessions} sessions x {args.rounds} rounds of the Overview; ms")
    print(f"{'server':<27} {'quiet p50':>9} {'quiet p95':>9} {'wiped p50':>9} {'wiped p95':>9}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        db = Path(tmp) / "monitor.duckdb"
        build(db)
        env = {**os.environ, "MONITOR_DB": str(db)}
        browser = launch_chromium(playwright)
        try:
            for name, command in servers.items():
                proc, url = start_server(command, env, Path(tmp) / "server.log")
                try:
                    # Warm-up: imports, caches and the static charts drawn in the background.
                    _loads(browser, url, args.sessions, 2)
                    quiet = _loads(browser, url, args.sessions, args.rounds)
                    stop, sent = threading.Event(), []
                    thread = threading.Thread(target=_wiper, args=(url, stop, sent), daemon=True)
                    thread.start()
                    time.sleep(1.5)
                    wiped = _loads(browser, url, args.sessions, args.rounds)
                    stop.set()
                    thread.join(timeout=5)
                finally:
                    stop_server(proc)
                print(
                    f"{name:<27} {_p(quiet, 50):>9.0f} {_p(quiet, 95):>9.0f} "
                    f"{_p(wiped, 50):>9.0f} {_p(wiped, 95):>9.0f}   ({len(sent)} wipes sent)",
                    flush=True,
                )
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
