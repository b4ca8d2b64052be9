"""What every AppTest of one test process shares, made once, as a real Streamlit server makes
it once for all its sessions: the scan of installed packages for components and each script's
compiled code. (Streamlit's own functions, kept as they are, only remembered; the app's code is
untouched.)"""

from __future__ import annotations

import functools
import os
from typing import Any


class _ScriptCache:
    """Streamlit's ScriptCache for every AppTest of this process (called as its class is:
    each call returns the one cache), by file and its last change."""

    def __init__(self) -> None:
        self._bytecode: dict[tuple[str, int, int], Any] = {}

    def __call__(self) -> _ScriptCache:
        return self

    def get_bytecode(self, script_path: str) -> Any:
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache

        path = os.path.abspath(script_path)
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in self._bytecode:
            self._bytecode[key] = ScriptCache().get_bytecode(path)
        return self._bytecode[key]

    def clear(self) -> None:
        self._bytecode.clear()


_ONE_SCRIPT_CACHE = _ScriptCache()


def share() -> None:
    """Each new AppTest scans every installed package's metadata for Streamlit components,
    which a real server does once when it starts: about 0.1 s of CPU (and up to 0.7 s of
    wall time, in a thread pool, on a loaded machine) before every page a test opens.
    The packages installed do not change during a run, so the scan is made once per worker.
    (Streamlit's own function, kept as it is, only remembered; the app's code is untouched.)"""
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    if not hasattr(scan, "cache_info"):
        manifest_scanner.scan_component_manifests = functools.cache(scan)
    # Each AppTest run also compiles its script again (Streamlit's magic, an AST pass, then
    # compile: 20 ms for studio/app.py), where a real server keeps one script cache for all
    # its sessions and reruns: one per worker here too, a file changed since compiled anew.
    from streamlit.testing.v1 import app_test, local_script_runner

    if local_script_runner.ScriptCache is not _ONE_SCRIPT_CACHE:
        app_test.ScriptCache = local_script_runner.ScriptCache = _ONE_SCRIPT_CACHE
