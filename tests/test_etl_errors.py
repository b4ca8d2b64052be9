"""Bad input: every problem in one report, each naming file, record and field; no tracebacks."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from corpus.problems import InputError, Problem, report
from corpus.safe_yaml import dump_yaml
from data_model.i18n import translator
from etl.__main__ import main as etl_main
from etl.build import build, check

RECORDS = "curated/fixture-kampot.yaml"


def _edit(seeds: Path, name: str, change) -> None:
    path = seeds / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(dump_yaml(doc), encoding="utf-8")


def _problems(seeds: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(InputError) as caught:
        check(seeds)
    return [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]


def _has(problems, file: str, record: str, field: str, words: str) -> bool:
    return any(
        p[0].endswith(file) and p[1] == record and p[2] == field and words in p[3] for p in problems
    )


def test_the_fixture_is_valid_to_start_with(fixture_seeds: Path):
    data = check(fixture_seeds)
    written = [
        record
        for path in (fixture_seeds / "curated").glob("*.yaml")
        for record in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("indicators", [])
    ]
    assert written and len(data.of("indicators")) == len(written)


def _break_everything(doc: dict) -> None:
    ind = doc["indicators"]
    ind[0]["value"] = "lots"  # not a number
    ind[0]["qualifier"] = "many"  # unknown qualifier
    ind[1]["period_start"] = "2017-04-15"  # after period_end
    ind.append(copy.deepcopy(ind[1]))  # duplicate id (a deep copy: YAML would alias a shared one)
    ind[-1]["quote"] = "roughly half"
    doc["statements"][0]["actor_id"] = "nobody"  # unknown actor
    doc["statements"][1]["quote"] = "the arrests were a triumph"  # not in the text
    doc["events"][0]["colour"] = "red"  # unknown field
    del doc["policies"][0]["status"]  # missing field


@pytest.fixture
def broken(fixture_seeds: Path) -> Path:
    _edit(fixture_seeds, RECORDS, _break_everything)
    (fixture_seeds / "curated" / "broken.yaml").write_text("metrics:\n  - [unclosed\n")
    return fixture_seeds


@pytest.mark.parametrize(
    ("record", "field", "words"),
    [
        ("kampot-arrests-march", "value", "valid number"),
        ("kampot-arrests-march", "qualifier", "'exact'"),
        ("kampot-share-users-march", "-", "period_end is before period_start"),
        ("kampot-share-users-march", "indicator_id", "duplicate id"),
        ("sok-dara-continue", "actor_id", "unknown actor id 'nobody'"),
        ("chan-vanna-not-the-answer", "quote", "quote not found"),
        ("kampot-march-arrests", "colour", "unknown field"),
        ("kampot-community-treatment", "status", "required field is missing"),
    ],
)
def test_each_problem_names_file_record_and_field(broken: Path, record, field, words):
    problems = _problems(broken)
    assert _has(problems, RECORDS, record, field, words), problems


def test_the_checks_problems_read_in_khmer_where_the_studio_shows_them(broken: Path):
    """Issue 24: the studio says the check's problems in the researcher's language. Each
    problem the check words itself keeps its template and values: in Khmer its words are
    Khmer, the input's values (ids, quotes) as written; in English, as the command line says
    them. The warm build's answer carries them across the process."""
    with pytest.raises(InputError) as caught:
        check(broken)
    items = caught.value.problems.items
    km = translator("km")
    said = [p for p in items if p.template]
    assert {p.field for p in said} >= {"qualifier", "indicator_id", "actor_id", "quote",
                                       "colour", "status"}  # fmt: skip
    for p in said:
        words = p.words(km)
        for _name, value in p.params:
            words = words.replace(value, "")
        assert re.search(r"[\u1780-\u17ff]", words), p
        assert not re.findall(r"[A-Za-z]{3,}", words), (p.message, p.words(km))
        assert p.words(translator("en")) == p.message
        back = Problem.from_list(json.loads(json.dumps(p.as_list())))
        assert (back, back.template, back.params) == (p, p.template, p.params)
    assert report(items, translator("en")) == caught.value.problems.report()
    lines = report(items, km).splitlines()
    assert len(lines) == len(set(items)) + 1 and "problem" not in lines[0]


def test_all_problems_come_in_one_report(broken: Path):
    problems = _problems(broken)
    assert len(problems) >= 9
    assert any(p[0].endswith("broken.yaml") and "not valid YAML at line" in p[3] for p in problems)


def test_a_build_reports_what_a_check_reports_and_writes_nothing(broken: Path, tmp_path: Path):
    # A build validates each curated file's records as it reads the file (etl.inputs); a
    # check validates the whole input once read: the same problems, all of them.
    db = tmp_path / "monitor.duckdb"
    with pytest.raises(InputError) as caught:
        build(db, broken, draw_images=False)
    built = [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]
    assert sorted(built) == sorted(_problems(broken))
    assert not db.exists()


def test_article_without_source_and_source_without_article(fixture_seeds: Path):
    (fixture_seeds / "articles" / "101_orphan.txt").write_text("A report nobody registered.\n")
    _edit(
        fixture_seeds,
        "curated/registry.yaml",
        lambda d: d["sources"][0].update(seed_file="999_missing.txt"),
    )
    problems = _problems(fixture_seeds)
    assert any(p[0].endswith("101_orphan.txt") and "no source record" in p[3] for p in problems)
    assert _has(problems, "registry.yaml", "fixture-kampot", "seed_file", "no file")


def test_indicator_outside_its_phase_is_an_error(fixture_seeds: Path):
    _edit(
        fixture_seeds,
        RECORDS,
        lambda d: d["indicators"][0].update(
            period_start="2017-08-01", period_end="2017-08-31", as_of="2017-09-01"
        ),
    )
    problems = _problems(fixture_seeds)
    assert _has(problems, RECORDS, "kampot-arrests-march", "phase_id", "not within phase-1")


def test_percentage_over_100_is_an_error(fixture_seeds: Path):
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][1].update(value=150))
    assert _has(_problems(fixture_seeds), RECORDS, "kampot-share-users-march", "value", "0 and 100")


def test_negative_figure_of_a_metric_that_is_not_signed_is_an_error(fixture_seeds: Path):
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][0].update(value=-12))
    assert _has(_problems(fixture_seeds), RECORDS, "kampot-arrests-march", "value", "negative")


def test_signed_metric_takes_a_fall_below_zero_and_past_100_percent(fixture_seeds: Path):
    """A change against an earlier period: -12 (down 12 percent) and +184 both build."""

    def signed(doc):
        share = next(m for m in doc["metrics"] if m["metric_id"] == "arrests-share-users")
        share["signed"] = True

    _edit(fixture_seeds, "curated/registry.yaml", signed)
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][1].update(value=-12))
    check(fixture_seeds)
    _edit(fixture_seeds, RECORDS, lambda d: d["indicators"][1].update(value=184))
    check(fixture_seeds)


def test_command_line_reports_all_problems_without_traceback(broken: Path, capsys):
    """`python -m etl check` in this process (no interpreter start; a traceback would be an
    exception raised here); its own process is tested by tests/test_hostile.py's YAML bombs."""
    assert etl_main(["--seeds", str(broken), "check"]) == 1
    err = capsys.readouterr().err
    assert "problem(s) in the input" in err
    assert "fixture-kampot.yaml: record 'sok-dara-continue', field 'actor_id'" in err
