"""Start the dashboard: app.py as a Streamlit st.App, with app.py's navigation owning every URL."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from api.routes import make_routes
from database.connection import database_path
from monitor import page_styles, streamlit_internals
from monitor.base_url_hint import BaseUrlHint
from monitor.bootstrap import ensure_database, needs_build
from monitor.streamlit_internals import declare_navigation_up_front, option_type

APP = Path(__file__).resolve().parent.parent / "app.py"


def config_flags(argv: Sequence[str]) -> dict[str, Any]:
    """`--server.port 8601 --server.headless true` as {"server.port": 8601, ...}, typed as
    Streamlit declares each option; anything else is an error naming it."""
    options: dict[str, Any] = {}
    args = list(argv)
    while args:
        flag = args.pop(0)
        name, _, value = flag.partition("=")
        if not name.startswith("--") or "." not in name:
            raise SystemExit(
                f"monitor.serve: unknown argument {flag!r} (expected --section.option value)"
            )
        if not value:
            if not args:
                raise SystemExit(f"monitor.serve: {flag} needs a value")
            value = args.pop(0)
        options[name[2:]] = _typed(name[2:], value)
    return options


def _typed(name: str, value: str) -> Any:
    kind = option_type(name)
    if kind is None:
        raise SystemExit(f"monitor.serve: unknown Streamlit option --{name}")
    if kind is bool:
        return value.strip().lower() in {"true", "1", "yes"}
    if kind in (int, float):
        return kind(value)
    return value


def routes() -> list[BaseRoute]:
    """The plain HTTP routes served beside the dashboard: the open data API, chart images
    and light embeds, and the feed (api.routes)."""
    return make_routes()


def build_if_needed() -> None:
    """Build the database before serving when it is missing or outdated, so the API, the
    chart files and the feed never answer before it exists (the app also checks, for
    `streamlit run`). A failed build is reported and the server starts anyway: the app then
    shows readers what is wrong with the curated data."""
    path = database_path()
    if not needs_build(path):
        return
    print(f"Building {path} from seeds/ (the first start takes about half a minute)…", flush=True)
    if problem := ensure_database(path):
        print(f"The build failed:\n{problem}", file=sys.stderr, flush=True)


def main(argv: Sequence[str]) -> None:
    options = config_flags(argv)  # a mistyped flag stops before a build is spent on it
    build_if_needed()
    declare_navigation_up_front()
    # No reader's message may clear the shared caches or push 200 MB frames into memory.
    streamlit_internals.install()
    page_styles.served_in_head = True  # BaseUrlHint puts them in each page's <head>
    app = st.App(str(APP), routes=routes(), middleware=[Middleware(BaseUrlHint)])
    # App.run() anchors Streamlit's script directory on sys.argv[0]: make that app.py, as
    # `streamlit run app.py` would, and hand it no script arguments.
    sys.argv = [str(APP)]
    app.run(config=options)


if __name__ == "__main__":
    main(sys.argv[1:])
