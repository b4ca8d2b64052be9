"""A codebook change (an actor, a metric, a unit, a policy, a phase) remakes only the rows, and
runs again only the checks, of the records that read what changed (etl.codebook): each Save
still makes the database a full build makes, and refuses what a full check refuses."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus.load import RawInput, load
from corpus.problems import InputError, Problems
from data_model.records import ID_FIELDS
from etl.build import build, check
from etl.carry import FED_BY, KIND_OF, Runs
from etl.codebook import CHECKS, CODEBOOK_KINDS, ORDERED, ROWS, reading
from etl.transform import table_rows
from etl.validate import CHECKED_ALWAYS, Dataset, Located, parse_records, validate
from tests.seed_edits import replace_once
from tests.test_incremental import REASON, ROOT, _copy_seeds, _rows

NEW_ACTOR = """\
- actor_id: test-new-official
  name: Test New Official
  aliases: []
  kind: person
  role: Deputy Governor
  organisation: Test Province
  actor_type: government
"""
NEW_UNIT = """\
- unit_id: test-boats
  label: boats
  label_km: ទូក
  kind: count
  definition: Boats counted one by one.
"""


def _append(seeds: Path, name: str, block: str) -> None:
    path = seeds / "curated" / name
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")


def _remove_actor(seeds: Path, actor_id: str = "mok-chito") -> None:
    """The actor's entry taken out of the codebook, while figures and statements name it."""
    path = seeds / "curated" / "actors.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- actor_id: {actor_id}\n")
    end = text.find("\n- actor_id:", start)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")


#: A Save's change: (name, edit, whether the rows of files other than those changed are made
#: again, whether their checks run again). Saved one after another on one copy of the seeds.
Change = tuple[str, Callable[[Path], None], bool, bool]

#: Saved one after another, then compared with one full build of the result: a run copied that
#: should have been made stays wrong, as no later Save makes it again. First a change the
#: figures' rows read (their unit is their metric's), whose runs no later Save makes again.
READ_BY_ROWS: list[Change] = [
    (
        "a metric's unit changed: its figures made again, their unit changed",
        lambda s: replace_once(s, "curated/metrics.yaml", "unit: people", "unit: facilities"),
        True,
        True,
    ),
]
#: Then changes whose rows no other file's records read: the rows of the changed codebook
#: file alone are made.
READ_BY_NONE: list[Change] = [
    ("an actor added", lambda s: _append(s, "actors.yaml", NEW_ACTOR), False, False),
    (
        "an actor's name changed: the checks of direct words run again",
        lambda s: replace_once(
            s, "curated/actors.yaml", "name: Sar Kheng\n", "name: Samdech Sar Kheng\n"
        ),
        False,
        True,
    ),
    (
        "a metric's label changed",
        lambda s: replace_once(
            s, "curated/metrics.yaml", "label: Total arrests", "label: All arrests"
        ),
        False,
        False,
    ),
    ("a unit added", lambda s: _append(s, "units.yaml", NEW_UNIT), False, False),
    (
        "a policy's status changed",
        lambda s: replace_once(
            s, "curated/policies.yaml", "status: proposed", "status: under_study"
        ),
        False,
        False,
    ),
    (
        "a phase's end moved: the figures dated in it checked again",
        lambda s: replace_once(
            s, "curated/phases.yaml", "end_date: 2018-07-31", "end_date: 2018-08-31"
        ),
        False,
        True,
    ),
]
#: Changes a full check refuses: the Save refuses them with every problem it names.
REFUSED: list[tuple[str, Callable[[Path], None]]] = [
    ("an actor removed that figures and statements name", _remove_actor),
    (
        "a phase's end moved before figures dated in it",
        lambda s: replace_once(
            s, "curated/phases.yaml", "end_date: 2017-06-30", "end_date: 2017-01-02"
        ),
    ),
]


@pytest.fixture(scope="module")
def saved(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the seeds and of their database, to Save changes on."""
    tmp = tmp_path_factory.mktemp("codebook")
    seeds = _copy_seeds(tmp / "seeds")
    db = tmp / "monitor.duckdb"
    shutil.copyfile(seed_db, db)
    return seeds, db


def _save(seeds: Path, db: Path, change: Change) -> None:
    """Save the change, and check what the build says it made again: the runs of the changed
    codebook file alone, or those of other files too (its `report`, tables: line)."""
    name, edit, rows_again, checks_again = change
    edit(seeds)
    lines: list[str] = []
    log = seeds / "curated" / "corrections.yaml"
    read = log.read_bytes()
    build(db, seeds, draw_images=False, report=lines.append, reason=REASON)
    log.write_bytes(read)  # the reason's corrections, written back: the full build reads both
    said = next(line for line in lines if line.startswith("read "))
    assert "codebook files seeds/curated/" in said, (name, said)
    rows, checks = said.rsplit("; read by the rows of ", 1)[1].split(", the checks of ")
    assert rows.startswith("0 ") != rows_again, (name, said)
    assert checks.startswith("0 ") != checks_again, (name, said)
    tables = next(line for line in lines if line.startswith("tables:"))
    files_made = int(tables.rsplit(" runs of ", 1)[1].split()[0])
    assert files_made == 1 or rows_again, (name, tables)  # the codebook file's own runs


def _same_as_full(seeds: Path, db: Path, what: str) -> None:
    full = db.with_name(f"full-{len(what)}.duckdb")
    build(full, seeds, draw_images=False)
    rows, want = _rows(db), _rows(full)
    assert set(rows) == set(want), what
    for table in want:
        assert rows[table] == want[table], f"{what}: table {table} differs from a full build"
    full.unlink()


def test_a_codebook_change_remakes_what_reads_it_as_a_full_build_makes(saved: tuple[Path, Path]):
    seeds, db = saved
    for change in READ_BY_ROWS + READ_BY_NONE:
        _save(seeds, db, change)
    _same_as_full(seeds, db, "the Saves in a row")
    for name, edit in REFUSED:
        before = db.read_bytes()
        kept = {path: path.read_bytes() for path in (seeds / "curated").glob("*.yaml")}
        edit(seeds)
        with pytest.raises(InputError) as full:
            check(seeds)
        with pytest.raises(InputError) as saving:
            build(db, seeds, draw_images=False, reason=REASON)
        found = sorted(set(saving.value.problems.items))
        assert found == sorted(set(full.value.problems.items)), name
        assert db.read_bytes() == before, f"{name}: the previous file changed"
        for path, data in kept.items():
            path.write_bytes(data)


class _Watch(Runs):
    """Runs that note which table's run is being made (every run made: nothing copied)."""

    making: tuple[str, int] | None = None

    def each(
        self, table: str, part: int, locs: list[Located], rows: list[dict[str, Any]]
    ) -> Iterator[Located]:
        self.making = (table, part)
        yield from super().each(table, part, locs, rows)
        self.making = None


class _Noted:
    """A codebook record whose every attribute read is noted: (the run being made, or None,
    its kind, the attribute)."""

    def __init__(self, record: Any, kind: str, watch: _Watch, reads: list[tuple]) -> None:
        self._record, self._kind, self._watch, self._reads = record, kind, watch, reads

    def __getattr__(self, name: str) -> Any:
        self._reads.append((self._watch.making, self._kind, name))
        return getattr(self._record, name)


def _listed(kind: str, target: str, field: str) -> bool:
    """Whether a `kind` record's rows may read `field` of a `target` record by ROWS: named
    by it, or through records it names (a figure's metric's unit)."""
    seen, todo = set(), [(kind, None)]
    while todo:
        at, through = todo.pop()
        for (naming, by), (named, read) in ROWS.items():
            if naming != at or (through is not None and by not in through):
                continue
            if named == target and field in read:
                return True
            if (named, read) not in seen:
                seen.add((named, read))
                todo.append((named, read))
    return False


def test_every_codebook_field_the_rows_read_is_listed(saved: tuple[Path, Path]):
    """table_rows reads of the codebook, beyond a record's own rows, only what ROWS lists
    (or a whole ORDERED kind between runs): a new read fails here until it is listed."""
    data: Dataset = check(saved[0])
    watch, reads = _Watch(), []
    for kind in CODEBOOK_KINDS:
        data.records[kind] = [
            Located(_Noted(loc.record, kind, watch, reads), loc.file, loc.placed)  # type: ignore[arg-type]
            for loc in data.records.get(kind, [])
        ]
    made: list[str] = []
    for table, _ in table_rows(data, dt.datetime(2026, 1, 1), lambda *_: [], watch):
        made.append(table)
        if table not in FED_BY:
            break  # the consistency checks and build_info are made by every build
        for making, kind, field in reads:
            if field == ID_FIELDS[kind]:
                continue  # its id: what names it, not what it holds
            if making is None and len(made) == 1:
                continue  # the methodology, rendered first: build_info's, made by every build
            if making is None:  # between runs: a whole kind's order (a category's place)
                assert kind in ORDERED, f"{table} read {kind}.{field} outside any run"
            elif KIND_OF[making] != kind:
                assert _listed(KIND_OF[making], kind, field), (
                    f"the rows of {making[0]} read {kind}.{field}: not in etl.codebook.ROWS"
                )
        reads.clear()
    assert "indicators" in made


@pytest.fixture(scope="module")
def seeds_read() -> tuple[RawInput, list[Any]]:
    """The seeds as read, with each record's model."""
    raw, problems = load(ROOT / "seeds", Problems())
    return raw, [model for _, model in parse_records(raw.records, problems)]


def test_every_record_a_gone_codebook_record_fails_is_checked_again(
    seeds_read: tuple[RawInput, list[Any]],
):
    """Every record the checks refuse once a codebook kind's records are gone is one CHECKS
    marks to be checked again (the checks of the rest stand, etl.validate.Checked): a
    reference the checks make that CHECKS does not list fails here."""
    raw, models = seeds_read
    pairs = list(zip(raw.records, models, strict=True))
    refused_any = False
    for kind in sorted(CODEBOOK_KINDS):
        gone = {kind: {getattr(m, ID_FIELDS[kind]): None for r, m in pairs if r.kind == kind}}
        left = [(r, m) for r, m in pairs if r.kind != kind]
        marked = {(r.file, r.label) for r in reading(gone, CHECKS, *zip(*left, strict=True))}
        always = {(r.file, r.label) for r, _ in left if r.kind in CHECKED_ALWAYS}
        problems = Problems()
        records, kept = [r for r, _ in left], [m for _, m in left]
        validate(RawInput(dict(raw.articles), records, kept), problems)
        refused = {(p.file, p.record) for p in problems.items} - always
        assert refused <= marked, f"{kind} gone, not checked again: {sorted(refused - marked)}"
        refused_any = refused_any or bool(refused)
    assert refused_any, "no codebook record gone refuses anything: the test tests nothing"
