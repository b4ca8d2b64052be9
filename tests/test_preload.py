"""The page asks for the language switch's widget code at once (monitor/preload.py)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from monitor.preload import SWITCH_CHUNKS, EarlyScripts


def _client() -> TestClient:
    routes = [
        Route("/trends", lambda _request: HTMLResponse("<html></html>")),
        Route("/api/v1/metrics", lambda _request: JSONResponse([])),
    ]
    return TestClient(Starlette(routes=routes, middleware=[Middleware(EarlyScripts)]))


def test_every_page_names_each_script_the_switch_needs_and_nothing_else_does():
    """Each of the switch's scripts is found in this Streamlit (an upgrade that renames one
    fails here, not silently slower), named once on a page and on no data answer."""
    client = _client()
    link = client.get("/trends").headers.get("link", "")
    named = [part.split(">")[0].removeprefix("</static/js/") for part in link.split(", ")]
    assert sorted(name.split(".")[0] for name in named) == sorted(SWITCH_CHUNKS)
    assert all("rel=preload; as=script; crossorigin" in part for part in link.split(", "))
    assert "link" not in client.get("/api/v1/metrics").headers
