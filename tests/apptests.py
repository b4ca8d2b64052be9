"""Open one page of the dashboard in Streamlit's AppTest, as its address would: app.py (the
navigation) runs once, straight onto the page, with the address's query parameters; and what
the Data page's download makes when clicked, read through the page's own function."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from monitor import data_rows
from monitor.addresses import FALLBACK_URL

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


def data_page_download(at: AppTest) -> bytes:
    """What the Data page's download button makes when clicked: the CSV of the rows the page
    shows, as its address names them (the ids the page writes there) and its day pickers."""

    def values(key: str) -> list[str]:
        value = at.query_params.get(key, [])
        return [value] if isinstance(value, str) else list(value)

    day = {d.key: d.value for d in at.date_input if d.key in ("from", "to")}
    choice = data_rows.choose(
        values("table")[0],
        values("source"),
        values("metric"),
        [int(y) for y in values("year")],
        day.get("from"),
        day.get("to"),
    )
    return data_rows.csv(data_rows.download(choice, FALLBACK_URL))


def clicked(at: AppTest, key: str) -> AppTest:
    """The button ``key`` clicked, then the whole script run again. A click whose callback
    reruns named fragments only (the studio's Accept and Reject: studio.record) leaves AppTest
    holding what those fragments drew, where a browser keeps the rest of the screen; the next
    run draws the screen as the browser shows it."""
    at.button(key=key).click().run()
    return at.run()
