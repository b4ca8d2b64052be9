"""The reaches into Streamlit's internals still fit the installed Streamlit: an upgrade that
changes one fails here, not silently in readers' browsers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from monitor import streamlit_internals as internals
from monitor.base_url_hint import page_segments

STATIC = internals.INDEX_HTML.parent


def test_the_real_index_html_gets_the_hint_before_streamlits_own_scripts():
    page = internals.INDEX_HTML.read_bytes()
    hinted = internals.with_base_url_hint(page, 1)
    assert hinted != page, "index.html has no <head> to put the hint in"
    assert b"<script" in page, "Streamlit's index.html no longer loads a script"
    # The hint is a whole <script> element of its own, and every one of Streamlit's comes after.
    hint_end = hinted.index(b"</script>", hinted.index(b"BACKEND_BASE_URL")) + len(b"</script>")
    assert hinted[:hint_end].count(b"<script") == 1
    assert hinted[hint_end:].count(b"<script") == page.count(b"<script")


def test_the_frontend_still_reads_the_backend_base_url_setting():
    bundles = list((STATIC / "static" / "js").glob("*.js"))
    assert any(b"BACKEND_BASE_URL" in path.read_bytes() for path in bundles)


def test_the_pages_manager_still_decides_by_the_class_attribute():
    assert "uses_pages_directory" in vars(PagesManager)
    before = PagesManager.uses_pages_directory
    try:
        internals.declare_navigation_up_front()
        assert PagesManager.uses_pages_directory is False
    finally:
        PagesManager.uses_pages_directory = before


@pytest.mark.parametrize(
    ("option", "kind"),
    [("server.port", int), ("server.headless", bool), ("server.address", str)],
)
def test_option_types_come_from_streamlits_own_declarations(option, kind):
    assert internals.option_type(option) is kind
    assert internals.option_type("server.no-such-option") is None


def test_every_server_path_the_hint_skips_is_a_route_streamlit_serves():
    # The route names come from Streamlit; the files must exist in its static folder.
    for name in ("favicon.png", "manifest.json"):
        assert (STATIC / name).is_file(), name
    for segment in internals.SERVER_PATHS:
        assert page_segments(f"/{segment}/x", "") is None
        assert page_segments(f"/{segment}", "") is None


def test_index_html_path_is_inside_the_installed_streamlit():
    import streamlit

    assert Path(streamlit.__file__).parent in internals.INDEX_HTML.parents


@pytest.mark.parametrize(
    "needed",
    [
        # Same-tab links hand a page URL to the frontend's back/forward routing.
        b"addEventListener(`popstate`,this.onHistoryChange",
        # ...which routes the address's own query string with the page.
        b"document.location.search",
        # On a phone the sidebar is closed by its own collapse button.
        b"stSidebarCollapseButton",
        b"stSidebarNav",
    ],
)
def test_the_frontend_still_has_what_same_tab_links_use(needed: bytes):
    bundles = list((STATIC / "static" / "js").glob("*.js"))
    assert any(needed in path.read_bytes() for path in bundles), needed


def test_the_real_index_html_gets_the_same_tab_link_script():
    page = internals.INDEX_HTML.read_bytes()
    edited = internals.with_same_tab_links(internals.with_base_url_hint(page, 1))
    assert edited.count(b"<script") == page.count(b"<script") + 2
    script = edited[edited.index(b"PopStateEvent") - 2000 : edited.index(b"</head>")]
    for segment in internals.SERVER_PATHS:  # server paths are never routed as pages
        assert f'"{segment}"'.encode() in script


@pytest.mark.parametrize("stem", internals.FIRST_VIEW_CHUNKS)
def test_each_first_view_chunk_is_installed(stem):
    assert any(
        href.split("/")[-1].split(".")[0] == stem for href in internals.first_view_chunks()
    ), f"Streamlit no longer ships a {stem}.*.js chunk: the preload names nothing"


def test_the_real_index_html_preloads_the_first_view_chunks_and_what_they_import():
    page = internals.INDEX_HTML.read_bytes()
    edited = internals.with_chunk_preloads(page)
    script = edited[len(page[: page.find(b"</head>")]) :].split(b"</script>", 1)[0].decode()
    named = json.loads(script[script.index("[") : script.index("]") + 1])
    assert named == internals.first_view_chunks()
    assert len(named) > len(internals.FIRST_VIEW_CHUNKS)  # the chunks they import too
    assert len(set(named)) == len(named)
    for href in named:  # each names a file the server has, not one index.html loads itself
        assert (internals.INDEX_HTML.parent / href).is_file(), href
        assert href.encode() not in page
