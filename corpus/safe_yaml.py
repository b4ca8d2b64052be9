"""The one way curated YAML is read: size-limited, no anchors or aliases, duplicate keys refused."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from corpus.problems import clipped

#: Curated files are tens of kilobytes; a thousand articles' sources.yaml is under one MB.
MAX_BYTES = 5_000_000
# libyaml (PyYAML >= 6.0.2 wheels) bounds nesting itself: "[" * 100_000 is a ScannerError.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlRefused(Exception):
    """The text cannot be read safely; carries (record, field, message) for each problem."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__("; ".join(message for _, _, message in problems))
        self.problems = problems


def _name(key: Node) -> str:
    return key.value if isinstance(key, ScalarNode) else f"<{type(key).__name__}>"


def _field(path: list[Any]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _duplicates(root: Node, id_fields: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """Every key written twice in one mapping, named by record (its id, else kind[index])
    and field (the path inside the record)."""
    found: list[tuple[str, str, str]] = []
    stack: list[tuple[Node, list[Any], str]] = [(root, [], "-")]  # no recursion: deep nesting
    while stack:
        node, path, record = stack.pop()
        if len(path) == 2:
            record = f"{path[0]}[{path[1]}]"
            if isinstance(node, MappingNode):
                ids = {_name(k): v.value for k, v in node.value if isinstance(v, ScalarNode)}
                record = clipped(str(ids.get(id_fields.get(str(path[0]), "")) or record), 80)
        children: list[tuple[Any, Node]] = []
        if isinstance(node, SequenceNode):
            children = list(enumerate(node.value))
        elif isinstance(node, MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                name, line = _name(key), key.start_mark.line + 1
                if (key.tag, name) in first:
                    where = _field([*(path[2:] if len(path) >= 2 else path), name])
                    why = f"duplicate key {clipped(name, 80)!r} at line {line} (first at line "
                    why += f"{first[key.tag, name]}); one of the two values would be silently lost"
                    found.append((record, clipped(where, 120), why))
                    continue
                first[key.tag, name] = line
                children.append((name, value))
        stack.extend((child, [*path, key], record) for key, child in reversed(children))
    return found


def parse_yaml(text: str, id_fields: Mapping[str, str] | None = None) -> Any:
    """The document in text, or YamlRefused naming every duplicate key, or the one reason
    the text cannot be read (bad syntax, an anchor or alias, nesting libyaml refuses)."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                at = event.start_mark.line + 1
                why = f"refused: an anchor or alias (& or *) at line {at}; curated files use none"
                raise YamlRefused([("-", "-", why)])
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            duplicates = [] if node is None else _duplicates(node, id_fields or {})
            if duplicates:
                raise YamlRefused(duplicates)
            return None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = str(getattr(exc, "problem", None) or exc).splitlines()[0]
        raise YamlRefused([("-", "-", f"not valid YAML{at}: {clipped(problem, 200)}")]) from None


def read_yaml(path: Path, id_fields: Mapping[str, str] | None = None) -> Any:
    """parse_yaml of a file, refused unread when it is larger than MAX_BYTES."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more, however large the file is
        text = data.decode("utf-8")
    except OSError as exc:
        raise YamlRefused([("-", "-", f"cannot read the file: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        if len(data) <= MAX_BYTES:
            why = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
            raise YamlRefused([("-", "-", why)]) from None
        text = ""
    if len(data) > MAX_BYTES:
        raise YamlRefused([("-", "-", f"file is over the {MAX_BYTES:,}-byte limit")])
    return parse_yaml(text, id_fields)


class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes an object met twice in full again: the reader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any, **options: Any) -> str:
    """YAML that read_yaml accepts back: block style, Unicode kept, keys in their order, no
    anchors or aliases even where one object stands in two places."""
    settings = {"sort_keys": False, "allow_unicode": True, "width": 100, **options}
    return yaml.dump(data, Dumper=_PlainDumper, **settings)
