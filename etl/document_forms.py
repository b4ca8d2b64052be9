"""A curated document's forms between its parse and its store: tagged JSON (dates kept), its
text compressed while held, and its equal strings held as one object (etl.inputs reads with them)."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from typing import Any

# --- the JSON form of a YAML document -------------------------------------------------------


class _NoJson(Exception):
    """The document holds something the tagged JSON cannot carry exactly."""


def _tagged(value: Any) -> Any:
    """The value with dates as {"$date": ...}: JSON alone would turn them into text."""
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or any(k.startswith("$") for k in value):
            raise _NoJson
        return {k: _tagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise _NoJson


def _untagged(value: dict[str, Any]) -> Any:
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    return value


def to_json(document: Any) -> str | None:
    """The document as tagged JSON, or None when it cannot be carried exactly (it is then
    parsed again by the next build)."""
    try:
        return json.dumps(_tagged(document), ensure_ascii=False)
    except _NoJson:
        return None


def from_json(text: str) -> Any:
    return json.loads(text, object_hook=_untagged)


# --- held in memory -------------------------------------------------------------------------


def share_strings(document: Any, table: dict[str, str]) -> Any:
    """The parsed document with every text equal to one already in `table` replaced by that
    one object (the others let go), and the new ones added: the models keep the very string
    objects they are given, and a corpus repeats its values (ids, names, stances, units,
    dates as given, and text that recurs), each a new object as the parser made it. In
    place, without recursion (deep nesting). A str is immutable and nothing here compares
    them by identity, so sharing changes no value."""
    if isinstance(document, str):
        return table.setdefault(document, document)
    # Any other document (an empty file's None, a number) holds no text: nothing to walk.
    stack = [document] if isinstance(document, dict | list) else []
    while stack:
        node = stack.pop()
        # Assigning to an existing key or index changes no size: safe while iterating.
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            if isinstance(value, str):
                node[key] = table.setdefault(value, value)
            elif isinstance(value, dict | list):
                stack.append(value)
    return document


def packed(text: str | None) -> bytes | None:
    """A curated file's JSON text as held until it is written: compressed, since every file's
    text at once was a fifth of a 1000x build's peak memory (zlib's fastest level: a build
    at 1000x the seeds pays about half a second)."""
    return None if text is None else zlib.compress(text.encode(), 1)


def unpacked(data: bytes | None) -> str | None:
    return None if data is None else zlib.decompress(data).decode()
