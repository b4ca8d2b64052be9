"""The launcher: it builds a missing database before serving, Streamlit flags pass through,
and page URLs carry the base-address hint."""

from __future__ import annotations

import asyncio
import os
import sys
import urllib.request
from pathlib import Path

import pytest

from bench.page_load import start_server, stop_server
from monitor.base_url_hint import BaseUrlHint, page_segments
from monitor.bootstrap import BUILD_TIMEOUT
from monitor.page_styles import STYLE_TAG, with_page_styles
from monitor.serve import config_flags
from monitor.streamlit_internals import with_base_url_hint as with_hint
from monitor.streamlit_internals import with_chunk_preloads, with_same_tab_links

INDEX = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body></body></html>"


@pytest.mark.parametrize(
    ("path", "base", "expected"),
    [
        ("/", "", 0),
        ("/statements", "", 1),
        ("/embed", "", 1),
        ("/monitor/statements", "monitor", 1),
        ("/monitor", "monitor", 0),
        ("/_stcore/health", "", None),
        ("/static/js/index.js", "", None),
        ("/media/abc.csv", "", None),
        ("/favicon.png", "", None),
        ("/statements/_stcore/health", "", None),
        ("/other/statements", "monitor", None),
    ],
)
def test_page_segments(path, base, expected):
    assert page_segments(path, base) == expected


def test_hint_goes_first_in_head():
    hinted = with_hint(INDEX, 1)
    assert hinted.startswith(b"<!DOCTYPE html><html><head><script>")
    assert b"p.splice(p.length-1,1)" in hinted
    assert hinted.endswith(INDEX[len(b"<!DOCTYPE html><html><head>") :])
    assert with_hint(b"no head here", 1) == b"no head here"


def _serve(path: str, content_type: bytes = b"text/html; charset=utf-8", method: str = "GET"):
    """Run one request through the middleware over a stand-in app; return (seen, sent)."""
    seen: dict = {}
    sent: list[dict] = []

    async def downstream(scope, receive, send):
        seen.update(scope)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(INDEX)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": INDEX[:40], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[40:]})

    async def receive():
        return {"type": "http.request"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "headers": [(b"accept-encoding", b"gzip"), (b"accept", b"text/html")],
    }
    asyncio.run(BaseUrlHint(downstream)(scope, receive, send))
    return seen, sent


def test_page_html_gets_the_hint_with_a_matching_length():
    seen, sent = _serve("/statements")
    assert (b"accept-encoding", b"gzip") not in seen["headers"]  # asked uncompressed
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert body == with_chunk_preloads(with_page_styles(with_same_tab_links(with_hint(INDEX, 1))))
    assert STYLE_TAG.encode() in body  # the page styles come with the page, not with st.html
    headers = dict(sent[0]["headers"])
    assert headers[b"content-length"] == str(len(body)).encode()


@pytest.mark.parametrize(
    ("path", "content_type", "method"),
    [
        ("/static/js/index.js", b"text/javascript", "GET"),
        ("/statements", b"application/json", "GET"),
        ("/statements", b"text/html", "HEAD"),
    ],
)
def test_everything_else_passes_untouched(path, content_type, method):
    seen, sent = _serve(path, content_type, method)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert body == INDEX
    assert dict(sent[0]["headers"])[b"content-length"] == str(len(INDEX)).encode()


def test_streamlit_flags_pass_through_typed():
    assert config_flags(
        ["--server.port", "8601", "--server.headless=true", "--server.address", "127.0.0.1"]
    ) == {"server.port": 8601, "server.headless": True, "server.address": "127.0.0.1"}


def _config_options() -> list[str]:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return [f"{section}.{name}" for section, options in config.items() for name in options]


@pytest.mark.parametrize("option", _config_options())
def test_every_option_of_the_config_file_is_one_streamlit_reads(option):
    # A renamed option is silently ignored: runner.postScriptGC = false, say, would leave a
    # full garbage collection after every page run (half the server's CPU under load).
    from monitor.streamlit_internals import option_type

    assert option_type(option) is not None, f"Streamlit has no option {option!r}"


@pytest.mark.parametrize("argv", [["--nonsense.option", "1"], ["stray"], ["--server.port"]])
def test_bad_flags_stop_with_a_message(argv):
    with pytest.raises(SystemExit, match="monitor.serve"):
        config_flags(argv)


def test_the_launcher_builds_a_missing_database_before_it_answers(tmp_path: Path):
    """`make dashboard` on a fresh clone: the API answers with data from the first request,
    not an error until someone happens to open a page."""
    db = tmp_path / "data" / "monitor.duckdb"
    # No image is looked at: the launcher's build skips the drawing (MONITOR_BUILD_IMAGES).
    env = {**os.environ, "MONITOR_DB": str(db), "MONITOR_BUILD_IMAGES": "0"}
    proc, url = start_server(
        [sys.executable, "-m", "monitor.serve"], env, tmp_path / "serve.log", BUILD_TIMEOUT
    )
    try:
        assert db.exists()
        with urllib.request.urlopen(f"{url}/api/v1/statements.csv", timeout=60) as answer:
            assert answer.headers["content-type"].startswith("text/csv")
            assert answer.read().count(b"\n") > 1
    finally:
        stop_server(proc)
    assert "Building" in (tmp_path / "serve.log").read_text()


@pytest.mark.parametrize(("served_in_head", "drawn"), [(False, [STYLE_TAG]), (True, [])])
def test_page_styles_are_drawn_with_st_html_only_without_the_launcher(
    monkeypatch: pytest.MonkeyPatch, served_in_head: bool, drawn: list[str]
):
    from monitor import page_styles

    bodies: list[str] = []
    monkeypatch.setattr(page_styles.st, "html", bodies.append)
    monkeypatch.setattr(page_styles, "served_in_head", served_in_head)
    page_styles.draw()
    assert bodies == drawn  # served: no st.html, so no st.html script to fetch
