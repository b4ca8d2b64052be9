"""The dashboard server: app.py, the open data routes and the viewer guards as one st.App.

Run it with `streamlit run serve.py` (`make dashboard`); Streamlit's flags pass through.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from api.routes import make_routes
from monitor.bootstrap import build_if_needed
from monitor.guards import ViewerGuard


@asynccontextmanager
async def build_first(_app: st.App) -> AsyncIterator[None]:
    """The API, chart files and feed never answer before the database exists."""
    build_if_needed()
    yield


app = st.App(
    "app.py", routes=make_routes(), middleware=[Middleware(ViewerGuard)], lifespan=build_first
)
