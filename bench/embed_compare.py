"""The light embed against the Streamlit embed of the same chart, in one real browser run:
bytes transferred and time until the chart is drawn. Prints figures.

    python bench/embed_compare.py [--db FILE] [--rounds 5] [--chart arrests-over-time]

Each load is a new browser context (an empty cache, as a first visitor of a donor's page).
Bytes: every HTTP response as transferred (body and headers) plus every websocket frame
received. Drawn: the light
embed when its image has loaded, the Streamlit embed when the page has finished rendering
(bench.page_load's READY condition); both from the start of navigation.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.calibrate import calibration_line  # noqa: E402
from tests.serving import (  # noqa: E402
    DESKTOP,
    WAIT_MS,
    launch_chromium,
    start_server,
    stop_server,
    wait_until_rendered,
)

IMAGE_DRAWN = """() => {
  const img = document.querySelector('img');
  return img && img.complete && img.naturalWidth > 0 ? performance.now() : false;
}"""


def _load(browser, url: str, light: bool) -> tuple[float, int]:
    """(ms until drawn, bytes received) for one load in a fresh context."""
    context = browser.new_context(viewport=DESKTOP)
    received = [0]
    try:
        context.set_default_timeout(WAIT_MS)
        page = context.new_page()

        responses: list = []

        def on_socket(socket) -> None:
            socket.on(
                "framereceived",
                lambda frame: received.__setitem__(
                    0, received[0] + len(frame if isinstance(frame, bytes | str) else b"")
                ),
            )

        page.on("response", lambda response: responses.append(response))
        page.on("websocket", on_socket)
        page.goto(url, wait_until="commit")
        if light:
            ms = float(page.wait_for_function(IMAGE_DRAWN, polling="raf").json_value())
        else:
            ms = wait_until_rendered(page)
        page.wait_for_timeout(300)  # late responses (fonts, icons) still count as bytes
        for response in responses:
            # Bytes on the wire (compressed where the server compressed), headers included;
            # a request still running or aborted has no sizes and counts as nothing.
            with contextlib.suppress(Exception):
                sizes = response.request.sizes()
                received[0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return ms, received[0]
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database with chart images (else built)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--chart", default="arrests-over-time")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        db = args.db
        if db is None:
            from etl.build import build

            db = Path(tmp) / "monitor.duckdb"
            build(db)
        env = {**os.environ, "MONITOR_DB": str(db)}
        proc, base = start_server(
            [sys.executable, "-m", "streamlit", "run", "serve.py"], env, Path(tmp) / "log"
        )
        browser = launch_chromium(playwright)
        try:
            urls = {
                "light embed": (f"{base}/charts/{args.chart}.html", True),
                "Streamlit embed": (f"{base}/embed?embed=true&chart={args.chart}", False),
            }
            for url, light in urls.values():  # warm the server: imports and caches
                _load(browser, url, light)
            results: dict[str, list[tuple[float, int]]] = {name: [] for name in urls}
            for _ in range(args.rounds):  # interleaved: the same machine load for both
                for name, (url, light) in urls.items():
                    results[name].append(_load(browser, url, light))
        finally:
            browser.close()
            stop_server(proc)
    print(calibration_line())
    print(f"{args.chart}, {args.rounds} loads each, empty cache; medians")
    print(f"{'embed':16} {'drawn ms':>9} {'bytes':>11}")
    med = {}
    for name, loads in results.items():
        med[name] = (statistics.median(m for m, _ in loads), statistics.median(b for _, b in loads))
        print(f"{name:16} {med[name][0]:>9.0f} {med[name][1]:>11,.0f}")
    (light_ms, light_b), (live_ms, live_b) = med["light embed"], med["Streamlit embed"]
    print(f"light embed: {live_b / light_b:.0f}x fewer bytes, {live_ms / light_ms:.1f}x quicker")
    return 0


if __name__ == "__main__":
    sys.exit(main())
