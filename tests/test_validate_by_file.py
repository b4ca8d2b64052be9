"""Validation checks records file by file (issue 27), each body's look-up copies let go after
the last record quoting it: the same quote places, and the problems in the same order, as
checked kind by kind."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from corpus.load import load
from corpus.problems import Problems
from corpus.quotes import BodyIndex
from corpus.safe_yaml import dump_yaml
from etl import validate as validate_module

KAMPOT = "curated/fixture-kampot.yaml"


def _kind_by_kind(parsed: dict[str, list[Any]], files: list[str]) -> Iterator[tuple[str, int]]:
    """The order every build checked in before: each kind whole, in turn."""
    for kind, items in parsed.items():
        yield from ((kind, i) for i in range(len(items)))


def _second_file(seeds: Path) -> None:
    """A second file of records read after fixture-kampot.yaml (an earlier kind's record in
    a later file): a figure whose quote is not in the article."""
    doc = yaml.safe_load((seeds / KAMPOT).read_text(encoding="utf-8"))
    ind = copy.deepcopy(doc["indicators"][0])
    ind["indicator_id"] = "second-file-figure"
    ind["quote"] = "no such words in the article"
    second = {"indicators": [ind, {**copy.deepcopy(doc["indicators"][1]), "indicator_id": "ok"}]}
    (seeds / "curated" / "second-file.yaml").write_text(dump_yaml(second), encoding="utf-8")


def _later_kind_broken(seeds: Path) -> None:
    """A later kind's record of the earlier file with a problem: an unknown actor."""
    path = seeds / KAMPOT
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["statements"][0]["actor_id"] = "nobody"
    doc["events"][0]["quote"] = "words the article never printed"
    path.write_text(dump_yaml(doc), encoding="utf-8")


def _validated(seeds: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, list[Any]]]:
    raw, problems = load(seeds, Problems())
    data = validate_module.validate(raw, problems)
    places = {
        kind: [(loc.file, loc.record, loc.placed) for loc in items]
        for kind, items in data.records.items()
    }
    return [(p.file, p.record, p.field, p.message) for p in problems.items], places


@pytest.mark.parametrize(
    "edits",
    [
        [],
        [_second_file],
        [_later_kind_broken],
        [_second_file, _later_kind_broken],
    ],
)
def test_checked_file_by_file_as_kind_by_kind(
    fixture_seeds: Path,
    monkeypatch: pytest.MonkeyPatch,
    edits: list[Callable[[Path], None]],
) -> None:
    for edit in edits:
        edit(fixture_seeds)
    problems, places = _validated(fixture_seeds)
    monkeypatch.setattr(validate_module, "_file_major", _kind_by_kind)
    assert (problems, places) == _validated(fixture_seeds)
    # The problems the two orders would tell apart: a later file's earlier kind first.
    files = [p[0].rsplit("/", 1)[-1] for p in problems]
    if len(edits) == 2:
        assert files.index("second-file.yaml") < files.index("fixture-kampot.yaml")


def test_a_body_let_go_finds_later_quotes_as_before(
    fixture_seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body whose copies were let go and is asked again (a record the count of quoting
    records missed) finds the same places: here every look-up lets them go after it."""
    _second_file(fixture_seeds)
    _later_kind_broken(fixture_seeds)
    kept = _validated(fixture_seeds)
    locate = BodyIndex.locate

    def forgetful(self: BodyIndex, quote: str) -> tuple[int, int] | None:
        try:
            return locate(self, quote)
        finally:
            self.forget()

    monkeypatch.setattr(BodyIndex, "locate", forgetful)
    assert _validated(fixture_seeds) == kept
