"""Layers import in one direction: data_model ← etl ← database ← charts ← exports, curation ← api ← monitor."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Each package's layer; a module may import packages of lower layers and its own package.
LAYERS = {
    "data_model": 0,
    # KHMER HOOK (issue 25): corpus/ (reading articles) sits under etl until the layers move.
    "corpus": 0.5,
    "etl": 1,
    "database": 2,
    "charts": 3,
    "exports": 4,
    "curation": 4,
    # The open data routes read the exports; the dashboard's launcher serves them.
    "api": 5,
    "monitor": 6,
    "studio": 6,
}

#: Entry points sit above every layer: the app, its pages and the command lines.
ENTRY_POINTS = {"app.py", "etl/__main__.py"}

#: What the dashboard's process must never load: the build draws charts, not the server.
NOT_IN_THE_SERVER = ("charts.drawing", "charts.static", "kaleido", "choreographer")


def _modules() -> list[Path]:
    files = [p for package in LAYERS for p in (ROOT / package).rglob("*.py")]
    return sorted(files)


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _package(name: str) -> str:
    return name.split(".")[0]


def test_every_package_has_a_layer():
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert packages <= set(LAYERS), f"add {sorted(packages - set(LAYERS))} to LAYERS"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_layer_order(path):
    relative = str(path.relative_to(ROOT))
    if relative in ENTRY_POINTS:
        return
    own = relative.split("/")[0]
    wrong = sorted(
        name
        for name in _imported(path)
        if _package(name) in LAYERS
        and _package(name) != own
        and LAYERS[_package(name)] >= LAYERS[own]
    )
    assert not wrong, f"{relative} (layer {LAYERS[own]}) imports against the order: {wrong}"


def _dashboard_files() -> list[Path]:
    return [
        ROOT / "app.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *_modules_of("monitor"),
        *_modules_of("api"),  # served by the same process
    ]


def _modules_of(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _dashboard_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_dashboard_never_loads_the_chart_drawing_browser(path):
    loaded = {n for n in _imported(path) for bad in NOT_IN_THE_SERVER if n.startswith(bad)}
    assert not loaded, f"{path.relative_to(ROOT)} imports {sorted(loaded)}"


def test_only_the_app_and_its_pages_import_the_dashboard_package():
    outside = [
        p
        for package in LAYERS
        if package != "monitor"
        for p in _modules_of(package)
        if any(_package(n) == "monitor" for n in _imported(p))
    ]
    assert not outside
