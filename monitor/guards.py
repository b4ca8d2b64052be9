"""The two guards between readers' browsers and the shared server, each with its reason.

1. No reader may clear the caches every reader shares. Streamlit answers a `clear_cache`
   message from any browser by clearing st.cache_data and st.cache_resource for the whole
   server; hiding the menu item (client.toolbarMode = "viewer") does not stop a script from
   sending it. ViewerGuard drops the message at the websocket, before Streamlit reads it.
   Nothing is lost: cached results are keyed by the database file's version, so a new build
   is seen without anyone clearing anything.
2. No reader may push large frames into server memory. What a browser sends is widget
   values, the query string and heartbeats; a megabyte is ample. Streamlit's own limit on
   client messages, `server.maxWidgetStateSize = 1` (MB) in .streamlit/config.toml, closes
   the connection (1009, message too big) before it parses such a frame.
   `server.maxMessageSize` cannot be that small: it also bounds the pages Streamlit sends.

tests/test_hostile.py checks both against a running server with a raw websocket client.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from streamlit import config
from streamlit.proto.BackMsg_pb2 import BackMsg

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_LOGGER = logging.getLogger(__name__)


def clears_cache(message: Message) -> bool:
    """Whether a websocket message from a browser asks Streamlit to clear the shared caches.
    Frames over Streamlit's client limit are left to Streamlit, which refuses them unread."""
    data = message.get("bytes")
    if message.get("type") != "websocket.receive" or not data:
        return False
    if len(data) > config.get_option("server.maxWidgetStateSize") * 1_000_000:
        return False
    back = BackMsg()
    try:
        back.ParseFromString(data)
    except Exception:  # noqa: BLE001 - not a BackMsg: Streamlit closes the connection itself
        return False
    return back.WhichOneof("type") == "clear_cache"


class ViewerGuard:
    """ASGI middleware: every websocket message reaches Streamlit but `clear_cache`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return

        async def guarded() -> Message:
            while True:
                message = await receive()
                if not clears_cache(message):
                    return message
                _LOGGER.info("ignored a clear_cache message from %s", scope.get("client"))

        await self.app(scope, guarded, send)
