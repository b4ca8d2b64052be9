"""Layers import in one direction, every module counted, no exemptions:
data_model ← corpus ← database ← charts ← exports ← api, curation ← etl ← monitor, studio ← views, app.py, serve.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from import_graph import (
    ROOT,
    cycles,
    graph,
    imported,
    loaded_at_start,
    owner,
    product_modules,
    report,
)

#: Each top-level unit's layer; a module may import its own package and lower layers only.
LAYERS = {
    "data_model": 0,
    # Reading raw articles and curated files: YAML, load, cleaning, sentences, quotes, coverage.
    "corpus": 1,
    # The schema's SQL, read and write.
    "database": 2,
    "charts": 3,
    "exports": 4,
    # The open data routes read the exports; curation drafts records from the corpus.
    "api": 5,
    "curation": 5,
    # The build and its command line, at the top of the write side.
    "etl": 6,
    "monitor": 7,
    "studio": 7,
    # The dashboard's screens, its script and its server (serve.py runs app.py by path).
    "views": 8,
    "app": 8,
    "serve": 8,
}

#: What the dashboard's process must never load: the build draws charts, not the server.
NOT_IN_THE_SERVER = ("etl", "charts.drawing", "kaleido", "choreographer")

#: What `python -m etl --help`, a usage error, check and add need not load (issue 22): about
#: a second of CPU in every such process; the build, export and images load them when run.
NOT_BEFORE_A_COMMAND = ("pandas", "pyarrow", "duckdb", "plotly", "kaleido")


def _dashboard_files() -> list[Path]:
    return [p for p in product_modules() if owner(p) in ("app", "serve", "views", "monitor", "api")]


def test_every_product_module_has_a_layer():
    units = {owner(p) for p in product_modules()}
    assert units == set(LAYERS), f"unplaced: {sorted(units - set(LAYERS))}"


def test_imports_follow_the_layer_order_everywhere():
    """One list of every import against the order, all modules at once (app.py, serve.py, views/
    and the command line in etl/__main__.py included)."""
    wrong = sorted(
        f"{module} (layer {LAYERS[unit]}) imports {target} (layer {LAYERS[target]})"
        for unit, targets in graph().items()
        for target, modules in targets.items()
        for module in modules
        if LAYERS[target] >= LAYERS[unit]
    )
    assert wrong == []


def test_the_import_graph_has_no_cycle_between_top_level_packages(capsys):
    print(report())  # the graph, for anyone reading the test's output (pytest -s)
    assert cycles(graph()) == []
    assert "cycles between top-level packages: 0" in capsys.readouterr().out


def test_the_cycle_finder_finds_a_cycle():
    """A checker that cannot fail proves nothing: two packages importing each other is one."""
    edges = {"a": {"b": {"a/x.py"}}, "b": {"a": {"b/y.py"}}, "c": {"a": {"c/z.py"}}}
    assert cycles(edges) == [["a", "b"]]


def test_the_dashboard_never_loads_the_build_or_the_chart_drawing_browser():
    """Followed through every module each dashboard file loads, not only its own imports."""
    loaded = {
        f"{p.relative_to(ROOT)}: {n}"
        for p in _dashboard_files()
        for n in loaded_at_start(p)
        if any(n == bad or n.startswith(bad + ".") for bad in NOT_IN_THE_SERVER)
    }
    assert loaded == set()


@pytest.mark.parametrize("path", ["etl/__main__.py", "etl/check.py", "curation/add_article.py"])
def test_the_command_line_loads_the_data_libraries_only_for_a_command_that_needs_them(path):
    """The command line's own imports, the input check's and add's, followed through every
    module they load at their top (a command's own imports run when it runs)."""
    loaded = {n for n in loaded_at_start(ROOT / path) if n.split(".")[0] in NOT_BEFORE_A_COMMAND}
    assert loaded == set()


def test_only_the_app_and_its_pages_import_the_dashboard_package():
    outside = sorted(
        str(p.relative_to(ROOT))
        for p in product_modules()
        if owner(p) not in ("monitor", "app", "serve", "views")
        and any(n.split(".")[0] == "monitor" for n in imported(p))
    )
    assert outside == []


#: Past this many lines a module says at its top why it is long (its docstring's "Long
#: because ..." or "Over 400 lines: ..."): tests and benchmark scripts included.
LONG = 400
REASON = ("Long because", "Over 400 lines")


def _own_modules() -> list[Path]:
    folders = [p for p in sorted(ROOT.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    return sorted(
        [*ROOT.glob("*.py"), *(m for f in folders if f.name != "data" for m in f.rglob("*.py"))]
    )


def test_every_module_over_400_lines_says_why_at_its_top():
    unexplained = []
    for path in _own_modules():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= LONG:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if not any(words in doc for words in REASON):
            unexplained.append(f"{path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    assert unexplained == [], "over 400 lines with no reason at the top"
