"""Open one page of the dashboard in Streamlit's AppTest, as its address would: app.py (the
navigation) runs once, straight onto the page, with the address's query parameters."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"
OVERVIEW = "views/overview.py"


def open_app_page(page: str = OVERVIEW, /, **params: str | list[str]) -> AppTest:
    """`page` (a views/ file) run once through app.py with these query parameters. Switching
    before the first run skips rendering the Overview first, which no address does."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    if page != OVERVIEW:
        at.switch_page(page)
    at.run()
    return at
