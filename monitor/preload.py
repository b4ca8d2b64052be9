"""Start fetching the language switch's widget code with the page, not after its first message."""

from __future__ import annotations

from pathlib import Path

import streamlit
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The scripts Streamlit loads lazily to draw a segmented control (the language switch in
#: every page's sidebar), by name without the build hash Streamlit's version gives them.
SWITCH_CHUNKS = ("ButtonGroup", "useBasicWidgetState", "WidgetLabel", "WidgetLabelHelpIconInline")

_STATIC = Path(streamlit.__file__).parent / "static"


def preload_header(static: Path = _STATIC, names: tuple[str, ...] = SWITCH_CHUNKS) -> bytes:
    """A Link header asking the browser to fetch these scripts at once ('' when this
    Streamlit names its scripts otherwise: the page then fetches them as before)."""
    found = [
        path
        for name in names
        for path in sorted((static / "static" / "js").glob(f"{name}.*.js"))
        if path.name.count(".") == 2  # ButtonGroup.<hash>.js, not ButtonGroupX.<hash>.js
    ]
    return ", ".join(
        f"</static/js/{path.name}>; rel=preload; as=script; crossorigin" for path in found
    ).encode()


class EarlyScripts:
    """ASGI middleware: every HTML page answered carries preload_header. Streamlit fetches
    a widget's code only once the script's message naming it arrives; fetched with the page,
    it is there when the message is, which saves a round trip that grows with the load."""

    def __init__(self, app: ASGIApp, header: bytes | None = None) -> None:
        self.app = app
        self.header = preload_header() if header is None else header

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.header:
            await self.app(scope, receive, send)
            return

        async def with_link(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if any(k == b"content-type" and v.startswith(b"text/html") for k, v in headers):
                    message = {**message, "headers": [*headers, (b"link", self.header)]}
            await send(message)

        await self.app(scope, receive, with_link)
