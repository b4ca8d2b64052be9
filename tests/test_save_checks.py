"""A Save checks the records of the files that changed and the records elsewhere whose checks
read what changed (issue 27): a problem a change brings out in a file it left alone (a record
naming an actor the Save renamed away) is reported as a full check reports it, every problem
at once, each naming its file, record and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.problems import InputError
from etl.build import build, check

REGISTRY = "curated/registry.yaml"
KAMPOT = "curated/fixture-kampot.yaml"
POSITIONS = "curated/articles/fixture-kampot-positions.yaml"
REASON = "a test of what a Save checks"


def _replace(seeds: Path, name: str, old: str, new: str) -> None:
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _cut(seeds: Path, name: str, start: str, end: str) -> None:
    """The lines of `name` from `start` up to (not including) `end` taken out."""
    path = seeds / name
    text = path.read_text(encoding="utf-8")
    at = text.index(start)
    path.write_text(text[:at] + text[text.index(end, at) :], encoding="utf-8")


def _rename_actor(seeds: Path) -> set[str]:
    _replace(seeds, REGISTRY, "- actor_id: sok-dara\n", "- actor_id: sok-dara-renamed\n")
    return {REGISTRY}


def _remove_metric(seeds: Path) -> set[str]:
    _cut(seeds, REGISTRY, "  - metric_id: province-arrests\n", "actors:\n")
    return {REGISTRY}


def _remove_article(seeds: Path) -> set[str]:
    _cut(seeds, REGISTRY, "  - source_id: fixture-kampot\n", "units:\n")
    (seeds / "articles" / "100_kampot_fixture.txt").unlink()
    return {REGISTRY}


def _change_proposal_id(seeds: Path) -> set[str]:
    _replace(
        seeds,
        KAMPOT,
        "policy_id: kampot-community-treatment\n",
        "policy_id: kampot-community-treatment-renamed\n",
    )
    return {KAMPOT}


#: (what the Save changes, its edit (returning the files it changed), a file it left alone
#: and the field there that the change breaks).
BROUGHT_OUT: list[tuple[str, Callable[[Path], set[str]], str, str]] = [
    ("an actor renamed", _rename_actor, KAMPOT, "actor_id"),
    ("a metric removed from the codebook", _remove_metric, KAMPOT, "metric_id"),
    ("an article removed", _remove_article, POSITIONS, "source_id"),
    ("a proposal id changed", _change_proposal_id, POSITIONS, "policy_id"),
]


@pytest.mark.parametrize(
    ("change", "edit", "unchanged", "field"), BROUGHT_OUT, ids=[b[0] for b in BROUGHT_OUT]
)
def test_a_save_reports_the_problems_its_change_brings_out_in_files_it_left_alone(
    grown_fixture_db: Path,
    tmp_path: Path,
    change: str,
    edit: Callable[[Path], set[str]],
    unchanged: str,
    field: str,
) -> None:
    # Under the folder name the database was built from: its paths name that folder.
    seeds = tmp_path / "seeds"
    shutil.copytree(grown_fixture_db.with_name("seeds"), seeds)
    db = tmp_path / "m.duckdb"
    shutil.copyfile(grown_fixture_db, db)
    changed = edit(seeds)
    assert unchanged not in changed
    with pytest.raises(InputError) as saved:
        build(db, seeds, draw_images=False, reason=REASON)
    with pytest.raises(InputError) as full:
        check(seeds)
    got = [(p.file, p.record, p.field, p.message) for p in saved.value.problems.items]
    want = [(p.file, p.record, p.field, p.message) for p in full.value.problems.items]
    # Every problem at once, in a full check's order and words.
    assert got == want, change
    # Among them, the one in the file the Save left alone, named by its record and field.
    assert any(
        file == f"seeds/{unchanged}" and record not in ("", "-") and at.endswith(field)
        for file, record, at, _ in got
    ), (change, got)


@pytest.mark.parametrize(
    ("folder", "full"), [("seeds", False), ("seeds-copy", True)], ids=["same name", "renamed"]
)
def test_a_save_on_a_copy_under_another_folder_name_says_it_is_a_full_build(
    grown_fixture_db: Path, tmp_path: Path, folder: str, full: bool
) -> None:
    """Every path a build stores names the corpus folder: a Save of a copy under another name
    reads every file afresh, and the build's report says why (not silently)."""
    seeds = tmp_path / folder
    shutil.copytree(grown_fixture_db.with_name("seeds"), seeds)
    db = tmp_path / "m.duckdb"
    shutil.copyfile(grown_fixture_db, db)
    _replace(seeds, KAMPOT, "policy_id: kampot-community-treatment\n", "policy_id: renamed\n")
    _replace(seeds, POSITIONS, "policy_id: kampot-community-treatment\n", "policy_id: renamed\n")
    lines: list[str] = []
    build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
    said = next(line for line in lines if "curated files" in line)
    if full:
        assert said.startswith("read all "), said
        assert "a folder named 'seeds', this one is named 'seeds-copy'" in said, said
    else:
        assert said.startswith("read 2 changed curated files;"), said
