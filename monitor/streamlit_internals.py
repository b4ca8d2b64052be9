"""The few places we reach into Streamlit 1.67's internals, so no reader can degrade the server for others.

Each reach is checked by tests/test_hostile.py against the installed Streamlit: when an
upgrade changes the shape of what is patched here, that test fails instead of the patch
silently doing nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from streamlit.runtime.app_session import AppSession
from streamlit.web.server.starlette import starlette_server

_LOGGER = logging.getLogger(__name__)

#: What a reader's browser ever sends over the websocket: widget values, the page's query
#: string, a heartbeat. Files would come by HTTP upload (this app has none). A megabyte
#: is ample; Streamlit's default lets any client push 200 MB frames into server memory.
MAX_INCOMING_BYTES = 1_000_000

_installed = False


def _ignore_clear_cache(self: AppSession) -> None:
    """A `clear_cache` BackMsg is ignored: the caches are shared by every reader.

    Streamlit 1.67 answers it (AppSession._handle_clear_cache_request) by clearing
    st.cache_data and st.cache_resource for the whole server; hiding the menu item
    (toolbarMode = "viewer") does not stop a client from sending the message.
    Cached results are keyed by the database file's version, so a new build is seen
    without anyone clearing anything.
    """
    _LOGGER.info("ignored a clear_cache message from session %s", getattr(self, "id", "?"))


def _with_incoming_cap(original: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    """uvicorn's ws_max_size limits frames from clients; Streamlit sets it from
    server.maxMessageSize, which also limits the pages it sends, so it cannot be as
    small as what clients need. This lowers only the incoming limit."""

    def kwargs() -> dict[str, Any]:
        found = original()
        found["ws_max_size"] = min(
            found.get("ws_max_size") or MAX_INCOMING_BYTES, MAX_INCOMING_BYTES
        )
        return found

    kwargs.__wrapped__ = original  # type: ignore[attr-defined]
    return kwargs


def install() -> None:
    """Apply both patches once per process (the launcher calls this before serving)."""
    global _installed  # noqa: PLW0603 - a process-wide switch, set once
    if _installed:
        return
    # The method the BackMsg dispatcher (AppSession.handle_backmsg) calls by name.
    AppSession._handle_clear_cache_request = _ignore_clear_cache  # type: ignore[method-assign]
    # Read by name from the module when the server starts (run_server and App.run).
    starlette_server._get_uvicorn_config_kwargs = _with_incoming_cap(  # type: ignore[attr-defined]
        starlette_server._get_uvicorn_config_kwargs
    )
    _installed = True
