"""Screenshots of every page at a laptop's and a phone's width, in English and Khmer, for a
person to look at before changing a screen lands (`make screenshots`).

The browser tests check what can fail in a browser; looking is a person's job, so the pictures
are made here, not as a side effect of the tests: screenshots/<page>-<width>-<lang>.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from charts.catalogue import CURATED  # noqa: E402 - the root is put on the path first
from database.connection import DEFAULT_DB  # noqa: E402 - the root is put on the path first
from tests.serving import (  # noqa: E402 - the repository root is put on the path first
    DESKTOP,
    PHONE,
    dashboard,
    launch_chromium,
    new_context,
    open_rendered,
    page_cases,
)

LANGUAGES = ("en", "km")
#: Every image in the picture's height has arrived and is decoded. Streamlit says it has
#: finished rendering before the browser has fetched the static chart SVGs, and a picture
#: taken then showed a blank where a (Khmer, phone-width) chart goes.
IMAGES_JS = """async () => {
  const shown = [...document.images].filter(
    (i) => i.getClientRects().length && i.getBoundingClientRect().top < innerHeight);
  await Promise.all(shown.map((i) => i.decode().catch(() => null)));
  return shown.every((i) => i.complete && i.naturalWidth > 0);
}"""
#: How long to wait for the images before taking the picture anyway (and saying so).
IMAGES_MS = 30_000
#: The light embed donors paste, at a phone's, a blog column's and a wide column's width.
EMBED_WIDTHS = (320, 600, 1200)


def _with_lang(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


def images_loaded(page: Page, name: str) -> None:
    """Wait until the images the picture shows are drawn; name the page if some never are."""
    try:
        page.wait_for_function(IMAGES_JS, timeout=IMAGES_MS, polling=250)
    except PlaywrightTimeout:
        print(f"warning: {name}: an image had not loaded after {IMAGES_MS} ms", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        type=Path,
        default=DEFAULT_DB,
        help="database to show (built by the launcher if missing)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page names, light-embed among them (default: all)",
    )
    parser.add_argument(
        "--widths",
        default=f"{DESKTOP['width']},{PHONE['width']}",
        help="comma-separated window widths in CSS pixels (default: a laptop's and a phone's)",
    )
    args = parser.parse_args(argv)
    viewports = [{**DESKTOP, "width": int(w)} for w in args.widths.split(",") if w]
    wanted = {p for p in args.pages.split(",") if p}
    cases = [c for c in page_cases() if not wanted or c.name in wanted]
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with dashboard(args.db, args.out / "streamlit.log") as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for viewport in viewports:
            with new_context(browser, viewport) as context:
                for case in cases:
                    for lang in LANGUAGES:
                        page = open_rendered(context, url + _with_lang(case.path, lang))
                        name = f"{case.name}-{viewport['width']}-{lang}.png"
                        images_loaded(page, name)
                        page.screenshot(path=args.out / name, animations="disabled")
                        page.close()
                        print(args.out / name, flush=True)
        chart = next(iter(CURATED))
        for width in EMBED_WIDTHS if not wanted or "light-embed" in wanted else ():
            with new_context(browser, {"width": width, "height": 900}) as context:
                for lang in LANGUAGES:
                    page = context.new_page()
                    page.goto(f"{url}/charts/{chart}.html?lang={lang}", wait_until="load")
                    name = f"light-embed-{width}-{lang}.png"
                    images_loaded(page, name)
                    page.screenshot(path=args.out / name, full_page=True)
                    page.close()
                    print(args.out / name, flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
