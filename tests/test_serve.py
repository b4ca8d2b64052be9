"""The server (`streamlit run serve.py`): it builds a missing database before it answers, a
page URL opened first runs app.py, and every option of the config file is one Streamlit reads."""

from __future__ import annotations

import os
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest
import streamlit as st

from monitor.bootstrap import BUILD_TIMEOUT
from tests.serving import run_async, start_server, stop_server

ROOT = Path(__file__).resolve().parent.parent
SERVE = [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py")]


def _config_options() -> list[str]:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return [f"{section}.{name}" for section, options in config.items() for name in options]


@pytest.mark.parametrize("option", _config_options())
def test_every_option_of_the_config_file_is_one_streamlit_reads(option):
    # A renamed option is silently ignored: server.maxWidgetStateSize, say, would let any
    # reader push 32 MB frames again, runner.postScriptGC a full collection after every run.
    st.get_option(option)  # raises for an option Streamlit does not define


def test_the_server_builds_a_missing_database_before_it_answers(tmp_path: Path):
    """`make dashboard` on a fresh clone: the API answers with data from the first request,
    not an error until someone happens to open a page; and the first reader, arriving at
    /trends, gets app.py's navigation and page settings (Streamlit's older convention would
    run a file of a folder named pages/ beside app.py directly, without app.py)."""
    db = tmp_path / "data" / "monitor.duckdb"
    # No image is looked at: the launcher's build skips the drawing (MONITOR_BUILD_IMAGES).
    env = {**os.environ, "MONITOR_DB": str(db), "MONITOR_BUILD_IMAGES": "0"}
    proc, url = start_server(SERVE, env, tmp_path / "serve.log", BUILD_TIMEOUT)
    try:
        assert db.exists()
        with urllib.request.urlopen(f"{url}/api/v1/statements.csv", timeout=60) as answer:
            assert answer.headers["content-type"].startswith("text/csv")
            assert answer.read().count(b"\n") > 1
        names, title = run_async(_first_visit(url, "trends"))
    finally:
        stop_server(proc)
    assert "Building" in (tmp_path / "serve.log").read_text()
    assert "Data checks" in names  # a title app.py gives, no file name
    assert title == "Cambodia drug campaign monitor"


async def _first_visit(url: str, page: str) -> tuple[list[str], str]:
    """A browser's first session, asking for `page`: the page names of the navigation it is
    sent and the page title, once the run has finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    names: list[str] = []
    title = ""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as socket:
        request = BackMsg()
        request.rerun_script.page_name = page
        await socket.send(request.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket.recv())
            kind = message.WhichOneof("type")
            if kind == "navigation":
                names = [p.page_name for p in message.navigation.app_pages]
            elif kind == "page_config_changed" and message.page_config_changed.title:
                title = message.page_config_changed.title
            elif kind == "script_finished":
                return names, title
