"""Tells the browser where the Streamlit server is, so a page's URL opens without a failed probe."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from streamlit import config

from monitor.page_styles import with_page_styles
from monitor.streamlit_internals import (
    SERVER_PATHS,
    with_base_url_hint,
    with_chunk_preloads,
    with_same_tab_links,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def page_segments(path: str, base_url_path: str) -> int | None:
    """How many segments of a request path name the page: 0 for the main page, 1 for
    /statements; None when the path is not a page URL of ours (leave it alone)."""
    base = [s for s in base_url_path.split("/") if s]
    parts = [s for s in path.split("/") if s]
    if parts[: len(base)] != base:
        return None
    rest = parts[len(base) :]
    if len(rest) > 1 or (rest and rest[0] in SERVER_PATHS) or (rest and "." in rest[0]):
        return None
    return len(rest)


class BaseUrlHint:
    """ASGI middleware: adds the base-address and same-tab link scripts and the page styles and first-view chunk preloads to every page's index.html."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        drop = None
        if scope["type"] == "http" and scope.get("method") == "GET":
            drop = page_segments(scope["path"], config.get_option("server.baseUrlPath") or "")
        if drop is None:
            await self.app(scope, receive, send)
            return
        # index.html is a few kilobytes: ask for it uncompressed so it can be edited.
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        start: Message | None = None
        chunks: list[bytes] = []

        async def edit(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            raw = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            content_type = dict((k.lower(), v) for k, v in raw).get(b"content-type", b"")
            if start["status"] == 200 and content_type.startswith(b"text/html"):
                body = with_base_url_hint(body, drop)
                body = with_chunk_preloads(with_page_styles(with_same_tab_links(body)))
            raw.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": raw})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app({**scope, "headers": headers}, receive, edit)
