"""The import graph between top-level packages, from an `ast` walk over every product module.

Run `python tests/import_graph.py` to print it (one line per package: what it imports, and
from how many modules) with its cycles; tests/test_layers.py asserts the layer order on it.
"""

from __future__ import annotations

import ast
import functools
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Folders that are not product code: the tests themselves and the benchmark scripts.
NOT_PRODUCT = {"tests", "bench", "scripts", "seeds", "docs", "data"}


def product_modules() -> list[Path]:
    """Every product module: the packages' modules, app.py and pages/ (a folder of scripts)."""
    top = [p for p in ROOT.glob("*.py")]
    inside = [
        p
        for folder in sorted(ROOT.iterdir())
        if folder.is_dir() and folder.name not in NOT_PRODUCT and not folder.name.startswith(".")
        for p in folder.rglob("*.py")
    ]
    return sorted(top + inside)


def owner(path: Path) -> str:
    """The top-level unit a module belongs to: its package or folder, or 'app' for app.py."""
    relative = path.relative_to(ROOT)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


# Parsed once per file and process (cached below): the layer tests walk the same modules
# many times over (loaded_at_start alone from each of the 42 dashboard files), and parsing
# was nearly all of their time. The product's files do not change while the tests run.


def _names(node: ast.Import | ast.ImportFrom) -> tuple[str, ...]:
    if isinstance(node, ast.Import):
        return tuple(alias.name for alias in node.names)
    if node.module and node.level == 0:
        return (node.module, *(f"{node.module}.{alias.name}" for alias in node.names))
    return ()


@functools.cache
def _imports(path: Path) -> tuple[tuple[str, ...], frozenset[str]]:
    """The names a file imports at its top level (module-level statements, in order), and
    at any depth (functions included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top = [
        n
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for n in _names(node)
    ]
    anywhere = {
        n
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for n in _names(node)
    }
    return tuple(top), frozenset(anywhere)


def imported(path: Path) -> frozenset[str]:
    """Every absolute module name the file imports, at any depth (functions included)."""
    return _imports(path)[1]


def loaded_at_start(path: Path) -> set[str]:
    """Every module name importing this file loads, following product modules through their
    module-level imports (imports inside functions are deliberate deferrals, not followed)."""
    modules = {_dotted(p): p for p in product_modules()}
    seen: set[str] = set()
    todo = [path]
    while todo:
        for name in _imports(todo.pop())[0]:
            parts = name.split(".")
            for i in range(1, len(parts) + 1):  # a package's __init__ loads too
                prefix = ".".join(parts[:i])
                if prefix in seen:
                    continue
                seen.add(prefix)
                if prefix in modules:
                    todo.append(modules[prefix])
    return seen


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def graph() -> dict[str, dict[str, set[str]]]:
    """package -> imported package -> the modules that import it (own package left out)."""
    modules = product_modules()
    units = {owner(p) for p in modules}
    edges: dict[str, dict[str, set[str]]] = {u: defaultdict(set) for u in units}
    for path in modules:
        mine = owner(path)
        for name in imported(path):
            target = name.split(".")[0]
            if target in units and target != mine:
                edges[mine][target].add(str(path.relative_to(ROOT)))
    return edges


def cycles(edges: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan): each is a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def report() -> str:
    """The graph as text: each package with what it imports, then the cycles."""
    edges = graph()
    counts = defaultdict(int)
    for path in product_modules():
        counts[owner(path)] += 1
    lines = [f"{len(product_modules())} modules in {len(edges)} top-level units"]
    for unit in sorted(edges):
        targets = ", ".join(f"{t} ({len(m)})" for t, m in sorted(edges[unit].items()))
        lines.append(f"{unit} [{counts[unit]} modules] -> {targets or '(nothing)'}")
    found = cycles(edges)
    lines.append(f"cycles between top-level packages: {len(found)}")
    lines += ["  " + " <-> ".join(group) for group in found]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
    sys.exit(1 if cycles(graph()) else 0)
