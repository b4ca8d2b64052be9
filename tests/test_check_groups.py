"""A Save runs again only the groups of consistency checks its change touches (issue 27).

Five changes Saved one after another on one copy of the seeds: after each, the Save's
consistency_checks equal, row for row, the rows a whole run of the checks makes of the
changed seeds (consistency.check_rows, as every full build made them), and the build's line
(its `report`) names exactly the groups that ran: the others were copied. A group copied when
it should have run stays wrong in every later Save, so the chain hides nothing. And a section
added to the checks' table (consistency.SECTIONS) is run and copied by a Save's groups.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from data_model.tables import CONSISTENCY_CHECKS
from etl import check_carry, check_groups, consistency
from etl.build import build, check
from etl.check_carry import NAMED, CheckCarry
from etl.check_groups import GROUPINGS
from etl.consistency import Check, Scope, Section, check_rows
from etl.transform import short_label
from etl.validate import Dataset
from tests.seed_edits import MIXED, replace_once

ROOT = Path(__file__).resolve().parent.parent
REASON = "a test of the consistency checks a Save runs again"

# The article added: written for this test in our own words, one sentence with a number.
ARTICLE = (
    "Drug cases in Kep\n\nPolice in Kep opened 12 new drug cases in March, a police officer said.\n"
)
SOURCE = """\
- source_id: test-kep-drug-cases
  seed_file: 903_kep_drug_cases.txt
  outlet: The Test Courier
  reporter: null
  title: Drug cases in Kep
  url: https://example.org/test/kep-drug-cases
  published_on: 2018-04-02
  date_precision: day
  date_basis: given when the test article was written
"""
RECORDS = """\
indicators:
- indicator_id: test-kep-drug-cases-march
  metric_id: drug-crimes-investigated
  value: 12
  qualifier: exact
  period_start: 2018-03-01
  period_end: 2018-03-31
  as_of: 2018-04-02
  phase_id: null
  geography: Kep
  source_id: test-kep-drug-cases
  actor_id: null
  attribution: a police officer
  quote: Police in Kep opened 12 new drug cases in March, a police officer said.
"""


def _change_figure(seeds: Path) -> None:
    at = "indicator_id: ppp-2018-02-14-arrests-share-users\n  metric_id: arrests-share-users\n"
    replace_once(seeds, MIXED, at + "  value: 50\n", at + "  value: 55\n")


def _add_article(seeds: Path) -> None:
    (seeds / "articles" / "903_kep_drug_cases.txt").write_text(ARTICLE, encoding="utf-8")
    sources = seeds / "curated" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + SOURCE, encoding="utf-8")
    records = seeds / "curated" / "articles" / "test-kep-drug-cases.yaml"
    records.write_text(RECORDS, encoding="utf-8")


def _change_rule(seeds: Path) -> None:
    old = "rule: Users imprisoned plus traffickers imprisoned are at most the total arrests."
    replace_once(seeds, "curated/checks.yaml", old, old.replace("Users", "All users"))


def _change_phase(seeds: Path) -> None:
    replace_once(seeds, "curated/phases.yaml", "six-month drive'", "six-month drive, as launched'")


def _change_contest(seeds: Path) -> None:
    old = "note: In January 2017 the police anti-drug chief said"
    replace_once(seeds, "curated/contested.yaml", old, old.replace("said", "stated"))


def _reporting(metric: str) -> Callable[[Dataset], set[str]]:
    """The arithmetic groups of the articles with a figure of `metric` (a rule's total)."""
    return lambda data: {
        f"article:{i.source_id}" for i in data.of("indicators") if i.metric_id == metric
    }


#: (what changes, the edit, the groups that must run again, told from the changed data).
CHANGES: list[tuple[str, Callable[[Path], None], Callable[[Dataset], set[str]]]] = [
    (
        "one figure's value (a share, restating another)",
        _change_figure,
        lambda _: {"metric:arrests-share-users", "article:ppp-2018-02-14-mixed-results"},
    ),
    (
        "an article added with a figure of one metric",
        _add_article,
        lambda _: {"metric:drug-crimes-investigated"},
    ),
    ("one rule's words in checks.yaml", _change_rule, _reporting("arrests-total")),
    ("one phase's name", _change_phase, lambda _: {"phases"}),
    (
        "one contested claim's note",
        _change_contest,
        lambda _: {"contested:drug-detainees-separated-or-not"},
    ),
]


def _ran_as_wanted(lines: list[str], want: set[str]) -> bool:
    """Whether the build's line (etl.check_carry.CheckCarry.line) says exactly the groups
    `want` ran again: their count, and their names as far as the line names them (the first
    NAMED, then ", ..."), so that more articles in the seeds do not break the test."""
    line = next(line for line in lines if line.startswith("consistency checks:"))
    assert "groups run again" in line, line
    count = int(line.split("consistency checks: ", 1)[1].split(" of ", 1)[0])
    named = line.split("changed (", 1)[1].split("); the others", 1)[0].split(", ")
    if named[-1] == "...":
        named = named[:-1]
    return count == len(want) and len(named) == min(count, NAMED) and set(named) <= want


def _stored(db: Path) -> list[tuple]:
    columns = ", ".join(f'"{c}"' for c in CONSISTENCY_CHECKS.column_names)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT {columns} FROM consistency_checks").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def saves(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    """Each change Saved on the copy in turn: (lines, stored rows, whole run's rows, data)."""
    tmp = tmp_path_factory.mktemp("check-groups")
    seeds = tmp / "seeds"
    for part in ("articles", "curated"):
        shutil.copytree(ROOT / "seeds" / part, seeds / part)
    db = tmp / "m.duckdb"
    shutil.copyfile(seed_db, db)  # the full build of these seeds
    out = []
    for _, edit, _ in CHANGES:
        edit(seeds)
        lines: list[str] = []
        build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
        data = check(seeds)
        names = {src.source_id: short_label(src) for src in data.of("sources")}
        whole = [
            tuple(row[c] for c in CONSISTENCY_CHECKS.column_names)
            for row in check_rows(data, names)
        ]
        out.append((lines, _stored(db), whole, data))
    return out


@pytest.mark.parametrize("at", range(len(CHANGES)), ids=[c[0] for c in CHANGES])
def test_a_save_runs_only_the_groups_its_change_touches(saves, at):
    lines, stored, whole, data = saves[at]
    assert stored == whole, CHANGES[at][0]
    want = CHANGES[at][2](data)
    assert want and _ran_as_wanted(lines, want), (lines, want)


# --- a section added to the checks' table --------------------------------------------------


def _again(kind: str) -> Section:
    """A section added to the table (consistency.SECTIONS): the last of group `kind` again,
    its checks' ids under a new prefix."""
    like = [s for s in consistency.SECTIONS if s.group == kind][-1]

    def make(scope: Scope) -> Iterable[Check]:
        return (replace(c, check_id=f"again:{c.check_id}") for c in like.make(scope))

    return Section(f"again:{like.prefix}", make, kind)


@pytest.fixture(scope="module")
def seeds_data() -> tuple[Dataset, dict[str, str]]:
    data = check(ROOT / "seeds")
    return data, {src.source_id: short_label(src) for src in data.of("sources")}


def _save(data: Dataset, names: dict[str, str], earlier: tuple, monkeypatch) -> CheckCarry:
    """A Save's checks step whose previous file held `earlier` (step key, reads, rows)."""
    monkeypatch.setattr(check_carry, "earlier_step", lambda *_: earlier)
    return CheckCarry(Path("previous.duckdb"), "code")


@pytest.mark.parametrize("kind", sorted(GROUPINGS))
def test_a_section_added_to_the_table_is_run_and_copied_by_a_saves_groups(
    seeds_data, kind, monkeypatch
):
    """One row added to the checks' table: a whole run gives its checks, and so does a Save,
    whether it runs every group, copies every group's rows, or runs one group of each kind
    and copies the rest."""
    data, names = seeds_data
    sections = (*consistency.SECTIONS, _again(kind))
    monkeypatch.setattr(consistency, "SECTIONS", sections)
    monkeypatch.setattr(check_groups, "SECTIONS", sections)
    whole = check_rows(data, names)
    assert any(row["check_id"].startswith("again:") for row in whole)
    first = CheckCarry(None, "code")
    assert first(data, names) == whole
    copied = _save(data, names, ("changed", first.row["reads"], whole), monkeypatch)
    assert copied(data, names) == whole and not copied.ran
    pairs = json.loads(first.row["reads"])
    ran = {name.split(":")[0]: name for name, _ in reversed(pairs)}  # each kind's first
    stale = json.dumps([[n, "stale" if n in ran.values() else k] for n, k in pairs])
    kept = [row for row in whole if check_groups.group_of(row) not in ran.values()]
    saved = _save(data, names, ("changed", stale, kept), monkeypatch)
    assert saved(data, names) == whole
    assert sorted(saved.ran) == sorted(ran.values())


def test_a_section_no_group_runs_stops_a_save(seeds_data, monkeypatch):
    data, names = seeds_data
    nowhere = replace(_again("policy"), group="nowhere")
    monkeypatch.setattr(check_groups, "SECTIONS", (*consistency.SECTIONS, nowhere))
    with pytest.raises(ValueError, match="nowhere"):
        CheckCarry(None, "code")(data, names)
