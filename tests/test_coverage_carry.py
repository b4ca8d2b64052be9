"""A Save accounts again only the articles whose coverage inputs changed, and its coverage
tables, lines and problems equal a full build's: the rest are carried from the previous file."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from corpus.coverage import coverage_problems
from corpus.problems import InputError
from etl.build import article_coverage, build
from etl.check import check
from tests import kep_article
from tests.seed_edits import edit_quote, replace_once

# The steps are a chain, each Save on the file the one before left: run on one worker, in order.
pytestmark = pytest.mark.xdist_group("coverage_carry")

ROOT = Path(__file__).resolve().parent.parent
REASON = "a test of the coverage a Save carries over"
MIXED_ID = "ppp-2018-02-14-mixed-results"
EXTEND = "curated/articles/ppp-2017-06-27-extend-drug-war.yaml"
EXTEND_ID = "ppp-2017-06-27-extend-drug-war"
KEP_ID = "test-kep-night-patrols"
DAY = "2017-09-01"
EXCUSE = """\
- source_id: ppp-2017-06-27-extend-drug-war
  quote: The Ministry of Health could not be reached for comment.
  reason: 'no words to code: the article reports that the ministry did not answer'
"""
# A statement whose sentence another record of its article also quotes, moved to the Kep
# article's sentence that needs no coding: both articles stay accounted for, counts the same.
IN_EXTEND = (
    "  source_id: ppp-2017-06-27-extend-drug-war\n"
    "  quote: Mok Chito, meanwhile, said authorities are “surely going to continue” the campaign.\n"
)
IN_KEP = (
    f"  source_id: {KEP_ID}\n"
    "  quote: Police officers in Kep walked through the night market on Friday evening.\n"
)


def _drop_excuse(seeds: Path) -> None:
    replace_once(seeds, EXTEND, "not_coded:\n" + EXCUSE, "not_coded: []\n")


def _add_excuse(seeds: Path) -> None:
    """An excuse quoting part of the sentence: other spans than the last good file's."""
    again = EXCUSE.replace("could not be reached for comment.", "could not be reached")
    replace_once(seeds, EXTEND, "not_coded: []\n", "not_coded:\n" + again)


def _move_quote(seeds: Path) -> None:
    replace_once(seeds, EXTEND, IN_EXTEND, IN_KEP)


def _move_back_and_remove(seeds: Path) -> None:
    replace_once(seeds, EXTEND, IN_KEP, IN_EXTEND)
    kep_article.remove(seeds, DAY)


#: (what changed, the change, the articles the Save accounts again, whether the input has
#: a coverage problem: the Save stops, the previous file stays).
STEPS: list[tuple[str, Callable[[Path], None], set[str], bool]] = [
    ("one article's quote edited", edit_quote, {MIXED_ID}, False),
    ("a not_coded excuse taken out", _drop_excuse, {EXTEND_ID}, True),
    # The problem stays though this Save does not touch its article: the file it builds on
    # is the last good one, whose account of that article differs from the input's.
    ("an article added, the problem still there", lambda s: kep_article.add(s, DAY),
     {EXTEND_ID, KEP_ID}, True),
    ("the not_coded excuse added", _add_excuse, {EXTEND_ID, KEP_ID}, False),
    ("a quote moved from one article to another", _move_quote, {EXTEND_ID, KEP_ID}, False),
    ("the quote moved back, the article removed", _move_back_and_remove, {EXTEND_ID}, False),
]  # fmt: skip


@dataclass
class Chain:
    seeds: Path
    db: Path
    done: int = 0
    lines: list[str] = field(default_factory=list)

    def save(self) -> None:
        """A Save as the studio runs one (its reason's log entry taken back: the next Save's
        input is the test's alone)."""
        log = self.seeds / "curated" / "corrections.yaml"
        read = log.read_bytes()
        self.lines = []
        try:
            build(
                self.db,
                self.seeds,
                draw_images=False,
                report=self.lines.append,
                reason=REASON,
            )
        finally:
            log.write_bytes(read)


@pytest.fixture(scope="module")
def chain(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Chain:
    """A copy of the seeds and of their full build, which the steps change and Save in turn."""
    tmp = tmp_path_factory.mktemp("coverage-carry")
    for part in ("articles", "curated"):
        shutil.copytree(ROOT / "seeds" / part, tmp / "seeds" / part)
    shutil.copyfile(seed_db, tmp / "saved.duckdb")
    return Chain(tmp / "seeds", tmp / "saved.duckdb")


def _full(seeds: Path) -> tuple[list[tuple], list[tuple], list[str], str]:
    """What a full build finds (no previous file: every article accounted): its
    coverage_accounts rows, in order, its coverage_needs rows, sorted, its coverage lines
    and its problems' report ('' when none)."""
    needs: list[tuple] = []
    accounts = article_coverage(check(seeds), rows=lambda rows: needs.extend(
        tuple(row.values()) for row in rows))  # fmt: skip
    made = [(a.source_id, a.key, a.count, a.covered, a.excused) for a in accounts]
    problems = coverage_problems(accounts)
    return made, sorted(needs, key=repr), [a.line() for a in accounts], (
        problems.report() if problems else "")  # fmt: skip


def _accounted_again(lines: list[str]) -> set[str]:
    """The articles the build's line says were accounted again (corpus.coverage.accounted_line:
    a few, all named)."""
    line = next(line for line in lines if line.startswith("articles accounted again: "))
    assert ", ..." not in line, line
    return set(line.split(" (", 1)[1].split(");", 1)[0].split(", "))


def _stored(db: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        accounts = con.execute("SELECT * FROM coverage_accounts").fetchall()
        needs = con.execute("SELECT * FROM coverage_needs").fetchall()
    return accounts, sorted(needs, key=repr)


def test_a_full_build_stores_every_article_s_account(seed_db: Path):
    """The seeds' full build holds what the accounting of every article finds (the reference
    the Saves below are held to), one account per article."""
    accounts, needs, _, problems = _full(ROOT / "seeds")
    assert _stored(seed_db) == (accounts, needs) and problems == ""
    assert len({a[0] for a in accounts}) == len(accounts) > 1


@pytest.mark.parametrize(
    ("step", "change", "touched", "fails"),
    [pytest.param(i, *case[1:], id=case[0]) for i, case in enumerate(STEPS)],
)
def test_a_save_accounts_only_the_articles_it_touches_and_equals_a_full_build(
    chain: Chain, step: int, change: Callable[[Path], None], touched: set[str], fails: bool
):
    """Each Save of the chain accounts again exactly the articles whose body, records'
    quotes or excuses changed since the file it builds on; its coverage tables and lines
    equal a full build's, and a coverage problem is reported whole, as a full build's."""
    for _, earlier, _, stops in STEPS[chain.done : step]:  # a step run alone: the chain so far
        earlier(chain.seeds)
        with pytest.raises(InputError) if stops else contextlib.nullcontext():
            chain.save()
    change(chain.seeds)
    chain.done = step + 1
    accounts, needs, lines, problems = _full(chain.seeds)
    assert bool(problems) == fails
    before = hashlib.sha256(chain.db.read_bytes()).hexdigest()
    if fails:
        with pytest.raises(InputError) as stopped:
            chain.save()
        assert str(stopped.value) == problems
        assert hashlib.sha256(chain.db.read_bytes()).hexdigest() == before
    else:
        chain.save()
        assert _stored(chain.db) == (accounts, needs)
        assert [line for line in chain.lines if line.startswith("coverage ")] == lines
    assert _accounted_again(chain.lines) == touched
