"""Widget keys the studio can change a value behind: a new widget each time, never a value set
on one the browser may still show the old way.

Why: Streamlit counts a widget as changed when the value the browser sends differs from the one
the session holds. When the studio sets a widget's value (a new entry picked, a date cleared),
a browser that sends its next click before it has drawn that answer sends the old value back,
and the session takes it for a person's change: the new value is undone, and a callback writes
the old one where it goes (a typed role or organisation was lost that way on a slow machine).
A widget under a new key has no old value in the browser to send."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any


def current(state: MutableMapping[str, Any], key: str) -> str:
    """The key of the widget now standing for ``key`` (``key`` itself until it is replaced)."""
    n = int(state.get(f"{key}~n") or 0)
    return f"{key}~{n}" if n else key


_DEFAULT = object()


def replace(state: MutableMapping[str, Any], key: str, value: Any = _DEFAULT) -> str:
    """A new widget for ``key``, showing ``value`` when it is drawn (else the default the
    widget is drawn with); its key."""
    state[f"{key}~n"] = int(state.get(f"{key}~n") or 0) + 1
    fresh = current(state, key)
    if value is not _DEFAULT:
        state[fresh] = value
    return fresh
