"""Every reach into Streamlit's internals, in one place, each with why; tests pin their shape.

tests/test_streamlit_internals.py and tests/test_hostile.py check each reach against the
installed Streamlit: an upgrade that changes the shape of what is used here fails a test
instead of the reach silently doing nothing.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit
from streamlit import config
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.server.starlette import starlette_routes, starlette_server

#: Streamlit's own page, which the base-address hint is written into.
INDEX_HTML = Path(streamlit.__file__).parent / "static" / "index.html"

# Paths the server answers itself (its routes' first segments, taken from Streamlit so an
# upgrade that renames one follows), plus the app's static folder and two files at the root;
# every other path is a page URL served index.html.
SERVER_PATHS: frozenset[str] = frozenset(
    {
        starlette_routes.BASE_ROUTE_CORE,
        starlette_routes.BASE_ROUTE_MEDIA,
        starlette_routes.BASE_ROUTE_COMPONENT,
        starlette_routes.BASE_ROUTE_STATIC,
        "app",
        "favicon.png",
        "manifest.json",
    }
)

# Opened at /statements, Streamlit's page cannot tell whether the server lives at / (page
# "statements") or at /statements (a base path), so it first asks /statements/_stcore/health,
# waits for the 404 and a retry pause, then asks /_stcore/health: about a tenth of a second
# on every page but the first. The frontend reads window.__streamlit.BACKEND_BASE_URL (its
# hosting setting) before it probes: set it, dropping the page segment from the address the
# browser sees, which keeps any prefix a proxy added in front.
BACKEND_BASE_URL_SCRIPT = (
    "<script>(function(){{var p=location.pathname.replace(/\\/+$/,'').split('/');"
    "p.splice(p.length-{drop},{drop});"
    "window.__streamlit=Object.assign({{}},window.__streamlit,"
    "{{BACKEND_BASE_URL:location.origin+p.join('/')+'/'}});}})();</script>"
)


def with_base_url_hint(index_html: bytes, drop: int) -> bytes:
    """index.html with the base-address script first in <head>, before Streamlit's own
    scripts read window.__streamlit; unchanged when the page has no <head>."""
    script = BACKEND_BASE_URL_SCRIPT.format(drop=json.dumps(drop)).encode()
    head = index_html.find(b"<head>")
    if head < 0:
        return index_html
    at = head + len(b"<head>")
    return index_html[:at] + script + index_html[at:]


# Streamlit opens every markdown link in a new tab and lets an HTML link reload the whole
# app (a new session, every script fetched again). Its own back/forward handling
# (App.onHistoryChange, on the window's popstate event) already routes a page URL with its
# query string inside the running session: a click on a link to one of our pages (the same
# page-URL rule as base_url_hint.page_segments) is turned into that. Modified clicks (Ctrl,
# Cmd, Shift, middle button) still open a tab; charts embedded on donors' sites (?embed=)
# keep opening the dashboard in a tab of its own. On a phone the sidebar covers the page, so
# choosing a page in it also closes it.
SAME_TAB_LINKS_SCRIPT = """<script>(function(){
var SERVER=new Set(%(server)s);
function base(){var s=window.__streamlit||{};return new URL(s.BACKEND_BASE_URL||'/',location.href);}
function pageUrl(a){
  var url=new URL(a.getAttribute('href'),location.href),b=base();
  if(url.origin!==location.origin||url.pathname.indexOf(b.pathname.replace(/\\/$/,''))!==0)return null;
  var rest=url.pathname.slice(b.pathname.replace(/\\/$/,'').length).split('/').filter(Boolean);
  if(rest.length>1||(rest.length&&(SERVER.has(rest[0])||rest[0].indexOf('.')>=0)))return null;
  return url;
}
function closeSidebar(){
  if(!matchMedia('(max-width: %(phone)dpx)').matches)return;
  var b=document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if(b)b.click();
}
document.addEventListener('click',function(e){
  if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
  var a=e.target.closest&&e.target.closest('a[href]');
  if(!a||a.hasAttribute('download'))return;
  if(a.closest('[data-testid="stSidebarNav"]')){setTimeout(closeSidebar,0);return;}
  if(new URLSearchParams(location.search).has('embed'))return;
  var url=pageUrl(a);if(!url)return;
  e.preventDefault();e.stopPropagation();
  if(url.href===location.href)return;
  history.pushState(null,'',url.href);
  window.dispatchEvent(new PopStateEvent('popstate'));
  if(!url.hash)window.scrollTo(0,0);
},true);
})();</script>"""

#: Below this width Streamlit draws the sidebar over the page (its "md" breakpoint, 768 px).
PHONE_MAX_WIDTH = 767


def with_same_tab_links(index_html: bytes) -> bytes:
    """index.html with the same-tab link script at the end of <head>; unchanged without one."""
    script = SAME_TAB_LINKS_SCRIPT % {
        "server": json.dumps(sorted(SERVER_PATHS)),
        "phone": PHONE_MAX_WIDTH,
    }
    return at_head_end(index_html, script)


def at_head_end(index_html: bytes, snippet: str) -> bytes:
    """index.html with `snippet` at the end of <head>; unchanged without one."""
    end = index_html.find(b"</head>")
    if end < 0:
        return index_html
    return index_html[:end] + snippet.encode() + index_html[end:]


# Streamlit fetches an element's script the first time the element arrives, so a page's
# pagination, pills, download button, headline metrics and chart images (st.html) showed
# skeletons for a quarter to a half of a second after the script had finished: the chunk,
# then the chunks it imports, one round after another. Named as module preloads once the
# app's own bundle has run (DOMContentLoaded), with every chunk they import, the browser
# fetches and compiles them while the websocket connects. In <head> they delayed the app's
# bundle instead (about 150 ms with the select box's 140 KB among them, which is left out:
# only the Sources page opens with one). Names are the chunks' stems (their file names carry
# a content hash); tests/test_streamlit_internals.py checks that they exist.
FIRST_VIEW_CHUNKS = (
    "Pagination",
    "ButtonGroup",
    "DownloadButton",
    "WidgetLabel",
    "Metric",
    "Html",
)
STATIC_JS = INDEX_HTML.parent / "static" / "js"
_STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"\./([\w.\-]+\.js)"')
_LISTED = re.compile(r'"\./static/js/([\w.\-]+\.js)"')


def _chunk_file(stem: str) -> str | None:
    """The installed file of a stem: 'Pagination' -> 'Pagination.D_j7oOS6.js' (name, hash)."""
    names = sorted(f.name for f in STATIC_JS.glob(f"{stem}.*.js"))
    # A stem is the name up to the hash: "WidgetLabel" must not take "WidgetLabelHelpIcon".
    return next((n for n in names if n.count(".") == stem.count(".") + 2), None)


def first_view_chunks() -> list[str]:
    """FIRST_VIEW_CHUNKS and every chunk they import, not counting those index.html already
    loads, relative to index.html ('./static/js/...')."""
    return list(_first_view_chunks())


@functools.cache
def _first_view_chunks() -> tuple[str, ...]:
    # Read once per process: the installed files do not change under a running server, and
    # every page request's index.html names them.
    listed = set(_LISTED.findall(INDEX_HTML.read_text()))
    queue = [f for stem in FIRST_VIEW_CHUNKS if (f := _chunk_file(stem))]
    found: list[str] = []
    while queue:
        name = queue.pop(0)
        if name in listed or name in found or not (STATIC_JS / name).is_file():
            continue
        found.append(name)
        queue += _STATIC_IMPORT.findall((STATIC_JS / name).read_text(errors="replace"))
    return tuple(f"./static/js/{name}" for name in found)


_PRELOAD_SCRIPT = """<script>addEventListener("DOMContentLoaded", () => {
  for (const href of %s) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.crossOrigin = "";
    link.href = href;
    document.head.appendChild(link);
  }
});</script>"""


def with_chunk_preloads(index_html: bytes) -> bytes:
    """index.html naming first_view_chunks() as module preloads once the app's bundle has
    run, from a script at the end of <head>."""
    return at_head_end(index_html, _PRELOAD_SCRIPT % json.dumps(first_view_chunks()))


def declare_navigation_up_front() -> None:
    """Stop Streamlit routing a first request for /trends to pages/trends.py.

    Until app.py has run once, Streamlit routes a first request for a page URL (or an embed
    URL) straight to pages/<name>.py by its older pages/ convention, skipping app.py's
    navigation and embed handling. Streamlit decides that from this class attribute, which
    st.navigation would otherwise set only once app.py has run.
    """
    PagesManager.uses_pages_directory = False


def option_type(name: str) -> type[Any] | None:
    """The Python type Streamlit declares for a config option ('server.port' -> int), or None
    for an unknown option. Streamlit has no public way to ask, and the launcher must type
    command-line flags as `streamlit run` would before handing them to st.App.run()."""
    option = config._config_options_template.get(name)
    return None if option is None else option.type


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
