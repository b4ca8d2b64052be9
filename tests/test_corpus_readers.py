"""Each word list under corpus/ has one reader (round thirty-eight, tidy38): the module that opens
a corpus/*.yaml file is the one every other module asks for its words, so a file's shape is read
in one place and a change of it is made there (corpus/metric_words.yaml had three readers, each
with its own cached loader)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
#: The product's packages a drafting word list is read from.
PACKAGES = ("corpus", "curation", "etl", "studio", "data_model")


def _names_in_code(path: Path) -> set[str]:
    """The corpus/*.yaml names a module's code spells (docstrings left out: they cite files)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    wanted = {p.name for p in CORPUS.glob("*.yaml")}
    return {
        node.value.rsplit("/", 1)[-1]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and node.value.rsplit("/", 1)[-1] in wanted
    }


def test_every_corpus_word_list_is_opened_by_one_module():
    readers: dict[str, set[str]] = defaultdict(set)
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for name in _names_in_code(path):
                readers[name].add(str(path.relative_to(ROOT)))
    assert readers, "no module names a corpus/*.yaml file: the scan found nothing"
    shared = {name: sorted(paths) for name, paths in readers.items() if len(paths) > 1}
    assert not shared, f"read by more than one module (ask the first for its words): {shared}"
