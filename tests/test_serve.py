"""The server (`streamlit run serve.py`): it builds a missing database before it answers, and
every option of the config file is one Streamlit reads."""

from __future__ import annotations

import os
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest
import streamlit as st

from monitor.bootstrap import BUILD_TIMEOUT
from tests.serving import start_server, stop_server

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
    not an error until someone happens to open a page."""
    db = tmp_path / "data" / "monitor.duckdb"
    env = {**os.environ, "MONITOR_DB": str(db)}
    proc, url = start_server(SERVE, env, tmp_path / "serve.log", BUILD_TIMEOUT)
    try:
        assert db.exists()
        with urllib.request.urlopen(f"{url}/api/v1/statements.csv", timeout=60) as answer:
            assert answer.headers["content-type"].startswith("text/csv")
            assert answer.read().count(b"\n") > 1
    finally:
        stop_server(proc)
    assert "Building" in (tmp_path / "serve.log").read_text()
