"""The one way curated YAML is read: size, nesting and aliases bounded; duplicate keys are errors."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from corpus.problems import clipped

#: Curated files are tens of kilobytes; a thousand articles' sources.yaml is under one MB.
MAX_BYTES = 5_000_000
#: A record sits about six levels deep (kind, list, record, positions, entry, value).
MAX_DEPTH = 32
#: Curated files need no aliases; a few are tolerated, thousands are an attack.
MAX_ALIASES = 100
#: Nodes that aliases may repeat in all: a 535-byte "billion laughs" repeats 10^9.
MAX_REPEATED_NODES = 10_000

try:  # libyaml scans and parses in C where PyYAML was built with it (several times faster)
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - a PyYAML without libyaml
    from yaml.parser import Parser as _ParserBase
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _ParserBase):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _ParserBase.__init__(self)


class YamlRefused(Exception):
    """The text cannot be read safely; carries (record, field, message) for each problem."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__("; ".join(message for _, _, message in problems))
        self.problems = problems


class _TooDeep(yaml.YAMLError):
    pass


class _BoundedLoader(Composer, _Parser, SafeConstructor, Resolver):  # type: ignore[misc, valid-type]
    """libyaml's events, composed in Python so that depth and aliases are counted as they come.

    libyaml's own composer (Cython) recurses without a bound: 100,000 `[` crash the
    process. Python's Composer is the same algorithm with a hook per node.
    """

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _TooDeep(f"more than {MAX_ALIASES} aliases (*name)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _measure(node: Node, depth: int, sizes: dict[int, int]) -> int:
    """Nodes under node with every alias expanded; raises past MAX_DEPTH (so also on an
    alias inside itself). Each distinct node is counted once, so the work is linear."""
    if depth > MAX_DEPTH:
        raise _TooDeep(
            f"nested more than {MAX_DEPTH} levels deep once aliases are expanded (or an alias is inside itself)"
        )
    if id(node) in sizes:
        return sizes[id(node)]
    total = 1
    if isinstance(node, SequenceNode):
        total += sum(_measure(child, depth + 1, sizes) for child in node.value)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            total += _measure(key, depth + 1, sizes) + _measure(value, depth + 1, sizes)
    sizes[id(node)] = total
    return total


def _key_text(node: Node) -> str:
    return node.value if isinstance(node, ScalarNode) else f"<{type(node).__name__}>"


def _label(path: list[Any], record: Node | None, id_fields: Mapping[str, str]) -> str:
    """The record a path is inside: its id where it has one, else kind[index]."""
    if len(path) < 2:
        return "-"
    kind, index = path[0], path[1]
    id_field = id_fields.get(str(kind))
    if isinstance(record, MappingNode) and id_field:
        for key, value in record.value:
            if _key_text(key) == id_field and isinstance(value, ScalarNode) and value.value:
                return clipped(value.value, 80)
    return f"{kind}[{index}]"


def _field(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "-"


def _duplicates(root: Node, id_fields: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Every key written twice in one mapping, anywhere, named by record and field."""
    found: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(node: Node, path: list[Any], record: Node | None) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if len(path) == 2:
            record = node
        if isinstance(node, SequenceNode):
            for i, child in enumerate(node.value):
                walk(child, [*path, i], record)
        elif isinstance(node, MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                name = _key_text(key)
                ident = (key.tag, name)
                line = key.start_mark.line + 1
                if isinstance(key, ScalarNode) and ident in first:
                    in_record = path[2:] if len(path) >= 2 else []
                    where = [*in_record, name] if len(path) >= 2 else [*path, name]
                    found.append(
                        (
                            _label(path, record, id_fields),
                            clipped(_field(where), 120),
                            f"duplicate key {clipped(name, 80)!r} at line {line} (first at line "
                            f"{first[ident]}); one of the two values would be silently lost",
                        )
                    )
                    continue
                first[ident] = line
                walk(value, [*path, name], record)

    walk(root, [], None)
    return found


def parse_yaml(text: str, id_fields: Mapping[str, str] | None = None) -> Any:
    """The document in text, or YamlRefused naming every duplicate key, or the one reason
    the text cannot be read (bad syntax, too deep, too many aliases)."""
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        distinct: dict[int, int] = {}
        expanded = _measure(node, 1, distinct)
        if expanded - len(distinct) > MAX_REPEATED_NODES:
            raise _TooDeep(f"aliases repeat more than {MAX_REPEATED_NODES:,} values")
        duplicates = _duplicates(node, id_fields or {})
        if duplicates:
            raise YamlRefused(duplicates)
        return loader.construct_document(node)
    except _TooDeep as exc:
        raise YamlRefused([("-", "-", f"refused: {exc}")]) from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        problem = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        raise YamlRefused([("-", "-", f"not valid YAML{at}: {clipped(problem, 200)}")]) from None
    finally:
        loader.dispose()


def read_yaml(path: Path, id_fields: Mapping[str, str] | None = None) -> Any:
    """parse_yaml of a file, refused before reading it when it is larger than MAX_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlRefused([("-", "-", f"file is {size:,} bytes, over the {MAX_BYTES:,} limit")])
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise YamlRefused([("-", "-", f"cannot read the file: {exc.strerror or exc}")]) from None
    if len(data) > MAX_BYTES:
        raise YamlRefused([("-", "-", f"file is over the {MAX_BYTES:,}-byte limit")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlRefused(
            [("-", "-", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
        ) from None
    return parse_yaml(text, id_fields)
