"""Consistency checks: reports that agree or conflict, sums and shares, gaps, and the built table.

Long because each kind of check has its cases written out as figures a reader can follow.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from corpus.problems import InputError
from data_model.check_rules import RULES, SHARE_TOLERANCE_PP
from data_model.records import CheckRule, Indicator, Metric, Phase, Unit
from data_model.tables import CONSISTENCY_CHECKS
from etl.build import build, check
from etl.consistency import Check, run_checks
from etl.validate import Dataset, Located

CODEBOOK = Path(__file__).parent / "fixtures" / "consistency" / "codebook.yaml"
TOTAL = "arrests-total"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def fig(
    metric: str,
    value: float,
    qualifier: str = "exact",
    source: str = "src-a",
    start: str | None = None,
    end: str | None = None,
    as_of: str | None = None,
    geo: str = "national",
) -> dict[str, Any]:
    """A figure as a curator would write it; as_of defaults to the period's end."""
    return {
        "metric_id": metric,
        "value": value,
        "qualifier": qualifier,
        "period_start": start,
        "period_end": end,
        "as_of": as_of or end,
        "geography": geo,
        "source_id": source,
        "attribution": "officials",
        "quote": "made up for tests",
    }


def dataset(*figures: dict[str, Any]) -> Dataset:
    codebook = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    records = {
        "units": [Unit.model_validate(u) for u in codebook["units"]],
        "metrics": [Metric.model_validate(m) for m in codebook["metrics"]],
        "phases": [Phase.model_validate(p) for p in codebook["phases"]],
        "checks": [CheckRule.model_validate(r) for r in codebook["checks"]],
        "indicators": [
            Indicator.model_validate(f | {"indicator_id": f"fig-{i}"})
            for i, f in enumerate(figures)
        ],
    }
    located = {kind: [Located(r, "test") for r in recs] for kind, recs in records.items()}
    return Dataset(records=located, bodies={}, raw_sha256={})


def checks(*figures: dict[str, Any]) -> dict[str, Check]:
    return {c.check_id: c for c in run_checks(dataset(*figures))}


def assert_check(found: dict[str, Check], check_id: str, status: str, words: list[str]) -> None:
    assert check_id in found, sorted(found)
    check = found[check_id]
    assert check.status == status, check.detail
    for w in words:
        assert w in check.detail, check.detail


Y2017 = {"start": "2017-01-01", "end": "2017-12-31"}
DAY11 = {"start": "2017-01-01", "end": "2017-01-11"}


# --- corroboration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "check_id", "status", "words"),
    [
        pytest.param(
            [
                fig(TOTAL, 17800, "more_than", "src-a", **Y2017),
                fig(TOTAL, 17800, "approx", "src-b", **Y2017),
            ],
            "corroboration:arrests-total:2017-01-01:2017-12-31",
            "pass",
            ["more than 17,800 (src-a) vs about 17,800 (src-b)", "ranges overlap (17,800–19,580)"],
            id="hedged-reports-agree",
        ),
        pytest.param(
            [
                fig(TOTAL, 8000, "approx", "src-a", **Y2017),
                fig(TOTAL, 17800, "exact", "src-b", **Y2017),
            ],
            "corroboration:arrests-total:2017-01-01:2017-12-31",
            "fail",
            ["do not overlap", "about 8,000 (src-a) allows 7,200–8,800", "17,800 (src-b) allows"],
            id="reports-conflict",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, "approx", "src-a", **Y2017),
                fig(TOTAL, 1100, "exact", "src-b", **Y2017),
            ],
            "corroboration:arrests-total:2017-01-01:2017-12-31",
            "pass",
            ["ranges overlap (1,100)"],
            id="edge-of-the-approx-band-agrees",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, "approx", "src-a", **Y2017),
                fig(TOTAL, 1101, "exact", "src-b", **Y2017),
            ],
            "corroboration:arrests-total:2017-01-01:2017-12-31",
            "fail",
            ["about 1,000 (src-a) allows 900–1,100"],
            id="just-past-the-approx-band-conflicts",
        ),
        pytest.param(
            [
                fig("voluntary-treatment-clinics", 200, source="src-a", as_of="2017-01-12"),
                fig("voluntary-treatment-clinics", 250, source="src-b", as_of="2017-01-12"),
            ],
            "corroboration:voluntary-treatment-clinics:unstated:2017-01-12",
            "fail",
            ["200 (src-a) vs 250 (src-b) (as of 12 Jan 2017, no period stated)"],
            id="no-period-grouped-by-as-of",
        ),
        pytest.param(
            [
                fig(TOTAL, 17800, "approx", "src-a", as_of="2018-02-14"),
                fig(TOTAL, 18000, "exact", "src-b", start="2017-01-01", end="2018-02-14"),
            ],
            "corroboration:arrests-total:2017-01-01:2018-02-14",
            "pass",
            ["start read as the launch, 1 Jan 2017", "18,000 (src-b) (1 Jan 2017 to 14 Feb 2018)"],
            id="cumulative-count-without-start-counts-from-launch",
        ),
    ],
)
def test_corroboration(figures, check_id, status, words):
    assert_check(checks(*figures), check_id, status, words)


@pytest.mark.parametrize(
    "figures",
    [
        pytest.param(
            [fig(TOTAL, 1000, source="src-a", **Y2017), fig(TOTAL, 9000, source="src-a", **Y2017)],
            id="one-article-is-no-corroboration",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, source="src-a", **Y2017),
                fig(TOTAL, 200, source="src-b", geo="Kampot province", **Y2017),
            ],
            id="other-geography",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, source="src-a", start="2017-01-01", end="2017-06-30"),
                fig(TOTAL, 9000, source="src-b", **Y2017),
            ],
            id="other-period",
        ),
    ],
)
def test_figures_that_are_not_compared(figures):
    assert not [c for c in checks(*figures) if c.startswith("corroboration:")]


# --- cumulative order ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "check_id", "status", "words"),
    [
        pytest.param(
            [
                fig(TOTAL, 1055, source="src-a", **DAY11),
                fig(TOTAL, 8000, "more_than", "src-b", start="2017-01-01", end="2017-06-26"),
            ],
            "cumulative:arrests-total:2017-01-01:2017-06-26:src-b",
            "pass",
            ["more than 8,000 (src-b) by 26 Jun 2017", "1,055 (src-a) by 11 Jan 2017", "in order"],
            id="grows",
        ),
        pytest.param(
            [
                fig(TOTAL, 17800, "more_than", "src-a", **Y2017),
                fig(TOTAL, 17800, "approx", "src-b", as_of="2018-02-14"),
            ],
            "cumulative:arrests-total:2017-01-01:2018-02-14:src-b",
            "warn",
            [
                "(16,020–19,580) might be lower",
                "highest figure given earlier as a minimum (17,800)",
            ],
            id="hedge-allows-a-drop",
        ),
        pytest.param(
            [
                fig(TOTAL, 8000, source="src-a", start="2017-01-01", end="2017-06-26"),
                fig(TOTAL, 5000, source="src-b", **Y2017),
            ],
            "cumulative:arrests-total:2017-01-01:2017-12-31:src-b",
            "fail",
            ["(5,000) is certainly lower"],
            id="drops",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, source="src-a", start="2017-01-01", end="2017-01-31"),
                fig(TOTAL, 500, "more_than", "src-b", start="2017-01-01", end="2017-02-28"),
                fig(TOTAL, 800, source="src-c", start="2017-01-01", end="2017-03-31"),
            ],
            "cumulative:arrests-total:2017-01-01:2017-03-31:src-c",
            "fail",
            ["vs 1,000 (src-a) by 31 Jan 2017"],
            id="checked-against-the-highest-earlier-bound-not-the-latest",
        ),
    ],
)
def test_cumulative_order(figures, check_id, status, words):
    assert_check(checks(*figures), check_id, status, words)


# --- arithmetic ----------------------------------------------------------------------------

SHARE_ID = "arithmetic:share-of-users:src-a:2017-01-01:2017-01-11"
BY_TYPE_ID = "arithmetic:arrests-by-type:src-a:2017-01-01:2017-01-11"
PRISON_ID = "arithmetic:imprisoned-within-arrests:src-a:2017-01-01:2017-01-11"
REHAB_ID = "arithmetic:rehabilitation-within-arrests:src-a:2017-01-01:2017-01-11"
TOTAL_1055 = fig(TOTAL, 1055, **DAY11)
USERS_487 = fig("arrests-users", 487, as_of="2017-01-11")  # no period: matched by date


@pytest.mark.parametrize(
    ("figures", "check_id", "status", "words"),
    [
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-share-users", 50, "approx", **DAY11)],
            SHARE_ID,
            "pass",
            ["about 50% (45%–55%)", "487 / 1,055 = 46.2%", "consistent"],
            id="roughly-half-matches-487-of-1055",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-share-users", 50, **DAY11)],
            SHARE_ID,
            "pass",
            [f"consistent only within the {SHARE_TOLERANCE_PP:g}-point tolerance"],
            id="exact-half-only-within-tolerance",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-share-users", 80, "approx", **DAY11)],
            SHARE_ID,
            "fail",
            ["about 80% (72%–88%)", "= 46.2%", "outside the computed range"],
            id="share-does-not-match",
        ),
        pytest.param(
            [
                fig(TOTAL, 1000, "more_than", **DAY11),
                USERS_487,
                fig("arrests-share-users", 50, "approx", **DAY11),
            ],
            SHARE_ID,
            "warn",
            ["0%–48.7%", "cannot be decided"],
            id="open-total-leaves-share-undecided",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-traffickers", 568, as_of="2017-01-11")],
            BY_TYPE_ID,
            "pass",
            ["487 (drug users arrested) + 568 (alleged traffickers arrested) = 1,055", "add up"],
            id="parts-add-up",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-traffickers", 700, as_of="2017-01-11")],
            BY_TYPE_ID,
            "fail",
            ["= 1,187 vs 1,055 (total arrests)", "cannot add up"],
            id="parts-do-not-add-up",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487],
            BY_TYPE_ID,
            "pass",
            ["certainly within the total", "alleged traffickers arrested not reported"],
            id="one-part-is-at-most-the-total",
        ),
        pytest.param(
            [
                TOTAL_1055,
                fig("users-imprisoned", 90, "more_than", end="2017-01-11"),
                fig("traffickers-imprisoned", 561, end="2017-01-11"),
            ],
            PRISON_ID,
            "warn",
            ["= 651 or more vs 1,055", "no upper bound"],
            id="open-part-leaves-prison-check-undecided",
        ),
        pytest.param(
            [
                TOTAL_1055,
                fig("users-imprisoned", 600, end="2017-01-11"),
                fig("traffickers-imprisoned", 561, end="2017-01-11"),
            ],
            PRISON_ID,
            "fail",
            ["= 1,161 vs 1,055", "certainly more than the total"],
            id="more-imprisoned-than-arrested",
        ),
        pytest.param(
            [TOTAL_1055, fig("sent-to-rehabilitation", 2000, **DAY11)],
            REHAB_ID,
            "fail",
            ["2,000 (people sent to rehabilitation centres) vs 1,055"],
            id="more-in-rehab-than-arrested",
        ),
        pytest.param(
            [TOTAL_1055, fig("sent-to-rehabilitation", 1000, "approx", **DAY11)],
            REHAB_ID,
            "pass",
            [
                "about 1,000 (people sent to rehabilitation centres, 900–1,100)",
                "as far as the hedges allow",
            ],
            id="rehab-within-the-hedges",
        ),
        pytest.param(
            [
                fig(TOTAL, 17800, "more_than", **Y2017),
                fig("sent-to-rehabilitation", 11000, **Y2017),
            ],
            "arithmetic:rehabilitation-within-arrests:src-a:2017-01-01:2017-12-31",
            "pass",
            [
                "11,000 (people sent to rehabilitation centres) vs more than 17,800",
                "certainly within",
            ],
            id="rehab-certainly-within-an-open-total",
        ),
    ],
)
def test_arithmetic(figures, check_id, status, words):
    assert_check(checks(*figures), check_id, status, words)


@pytest.mark.parametrize(
    "users",
    [
        pytest.param(
            fig("arrests-users", 487, source="src-b", as_of="2017-01-11"), id="other-article"
        ),
        pytest.param(fig("arrests-users", 487, as_of="2017-01-12"), id="other-date"),
        pytest.param(
            fig("arrests-users", 487, start="2017-01-05", end="2017-01-11"), id="other-start"
        ),
    ],
)
def test_arithmetic_compares_one_article_and_period_only(users):
    found = checks(TOTAL_1055, users, fig("arrests-share-users", 50, "approx", **DAY11))
    assert not [c for c in found if c.startswith("arithmetic:")]


# --- gaps ----------------------------------------------------------------------------------

PHASE_FIGURES = [
    fig(TOTAL, 1055, source="src-a", **DAY11),
    fig(TOTAL, 200, source="src-b", geo="Kampot province", start="2017-09-01", end="2017-09-30"),
    fig(TOTAL, 9000, source="src-c", start="2017-07-01", end="2017-12-31", as_of="2018-01-10"),
]


@pytest.mark.parametrize(
    ("check_id", "status", "words"),
    [
        ("gap:phase:phase-1", "pass", ["1,055 (src-a) by 11 Jan 2017"]),
        ("gap:phase:phase-2", "pass", ["9,000 (src-c) by 31 Dec 2017"]),
        (
            "gap:phase:phase-3",
            "warn",
            ["Phase 3 (1 Jan 2018 to open)", "no national total arrests figure"],
        ),
    ],
)
def test_phase_coverage_uses_period_end_before_as_of(check_id, status, words):
    assert_check(checks(*PHASE_FIGURES), check_id, status, words)


def test_a_provincial_figure_does_not_cover_a_phase():
    found = checks(PHASE_FIGURES[1])
    assert_check(
        found,
        "gap:phase:phase-2",
        "warn",
        ["1 Jul 2017 to 31 Dec 2017", "only 200 (src-b) for Kampot province"],
    )
    assert found["gap:phase:phase-2"].source_ids == "src-b"


@pytest.mark.parametrize(
    ("metric", "status", "words", "sources"),
    [
        (TOTAL, "pass", ["reported 2 times by 2 articles"], "src-a; src-b"),
        ("arrests-users", "warn", ["reported once only: 487 (src-a)"], "src-a"),
        ("arrests-share-users", "warn", ["reported 2 times, all by src-a"], "src-a"),
        ("voluntary-treatment-clinics", "warn", ["no figure at all"], ""),
    ],
)
def test_metric_coverage(metric, status, words, sources):
    found = checks(
        fig(TOTAL, 1055, source="src-a", **DAY11),
        fig(TOTAL, 17800, "more_than", "src-b", **Y2017),
        USERS_487,
        fig("arrests-share-users", 50, "approx", **DAY11),
        fig("arrests-share-users", 50, "more_than", **Y2017),
    )
    assert_check(found, f"gap:metric:{metric}", status, words)
    assert found[f"gap:metric:{metric}"].source_ids == sources


# --- ids, rules and the built table --------------------------------------------------------


def test_check_ids_are_unique_and_stable():
    figures = [
        TOTAL_1055,
        USERS_487,
        fig("arrests-share-users", 50, "approx", **DAY11),
        fig("arrests-share-users", 60, "approx", **DAY11),  # a second share: same check id
        fig(TOTAL, 1000, "approx", "src-b", **DAY11),
    ]
    first = [c.check_id for c in run_checks(dataset(*figures))]
    assert first == [c.check_id for c in run_checks(dataset(*figures))]
    assert len(first) == len(set(first))
    assert {SHARE_ID, f"{SHARE_ID}:2"} <= set(first)
    assert "corroboration:arrests-total:2017-01-01:2017-01-11" in first


def test_rules_state_the_tolerances_shown_on_the_data_checks_page():
    assert f"{SHARE_TOLERANCE_PP:g} percentage points" in RULES
    assert "±10%" in RULES
    for kind in ("Corroboration", "Cumulative order", "Arithmetic", "Gaps"):
        assert f"**{kind}" in RULES


def test_build_writes_the_consistency_checks_table(fixture_seeds: Path, tmp_path: Path):
    db = tmp_path / "m.duckdb"
    counts = build(db, fixture_seeds, draw_images=False)
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [d[0] for d in con.execute("SELECT * FROM consistency_checks").description]
        rows = con.execute(
            "SELECT check_id, kind, status, period_start, detail, source_ids FROM consistency_checks"
        ).fetchall()
    assert columns == CONSISTENCY_CHECKS.column_names
    assert counts["consistency_checks"] == len(rows) > 0
    by_id = {r[0]: r for r in rows}
    _, kind, status, start, detail, sources = by_id["gap:phase:phase-1"]
    assert (kind, status, start, sources) == ("gap", "warn", dt.date(2017, 1, 1), "fixture-kampot")
    assert (
        "only more than 200 (2 Apr 2017 · Province reports drug arrests) for Kampot province"
        in detail
    )
    assert by_id["gap:metric:voluntary-treatment-clinics"][2] == "warn"
    assert {r[2] for r in rows} <= {"pass", "warn", "fail"}
    # The reader's words are stored with the check, in English and in Khmer.
    with duckdb.connect(str(db), read_only=True) as con:
        headline, headline_km, severity = con.execute(
            "SELECT headline, headline_km, severity FROM consistency_checks "
            "WHERE check_id = 'gap:phase:phase-1'"
        ).fetchone()
    assert severity == "question"
    assert headline == "Phase 1: no national figure of Total arrests for this phase alone."
    assert "ដំណាក់កាល" in headline_km


# --- rules as data (checks.yaml) -------------------------------------------------------------


def test_a_check_between_two_metrics_needs_no_code():
    """A new sum rule in the data makes a new check, worded like every other."""
    data = dataset(fig(TOTAL, 1055, **DAY11), fig("voluntary-treatment-clinics", 2000, **DAY11))
    data.records["checks"].append(
        Located(
            CheckRule(
                check_id="clinics-within-arrests",
                kind="sum",
                total=TOTAL,
                parts=["voluntary-treatment-clinics"],
                rule="Made up for tests.",
            ),
            "test",
        )
    )
    found = {c.check_id: c for c in run_checks(data)}
    made = found["arithmetic:clinics-within-arrests:src-a:2017-01-01:2017-01-11"]
    assert made.status == "fail" and made.severity == "conflict"
    assert (
        made.headline == "Voluntary treatment clinics (2,000) are more than Total arrests (1,055)."
    )


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        ({"kind": "sum", "total": TOTAL, "parts": ["nowhere"]}, "parts.0", "unknown metric id"),
        ({"kind": "sum", "parts": ["arrests-users"]}, "-", "total is required for kind sum"),
        (
            {"kind": "share", "total": TOTAL, "parts": ["arrests-users", "arrests-traffickers"]},
            "-",
            "parts takes exactly one metric",
        ),
        ({"kind": "cumulative", "parts": [TOTAL], "colour": "red"}, "colour", "unknown field"),
        ({"kind": "sideways", "parts": [TOTAL]}, "kind", "'sum'"),
    ],
)
def test_a_bad_check_rule_names_file_record_and_field(fixture_seeds: Path, entry, field, words):
    path = fixture_seeds / "curated" / "checks.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["checks"].append({"check_id": "made-up-bad", "rule": "Made up."} | entry)
    doc["checks"].append({"check_id": "made-up-worse", "kind": "sum", "rule": "Made up."})
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check(fixture_seeds)
    found = [(p.file, p.record, p.field, p.message) for p in caught.value.problems.items]
    assert any(
        f.endswith("checks.yaml") and r == "made-up-bad" and fl == field and words in m
        for f, r, fl, m in found
    ), found
    assert any(r == "made-up-worse" for _, r, _, _ in found), "one problem hid another"


# --- words for readers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figures", "check_id", "severity", "english", "more", "khmer"),
    [
        pytest.param(
            [
                fig(TOTAL, 8000, "approx", "src-a", **Y2017),
                fig(TOTAL, 17800, "exact", "src-b", **Y2017),
            ],
            "corroboration:arrests-total:2017-01-01:2017-12-31",
            "conflict",
            "Total arrests, 1 Jan 2017 – 31 Dec 2017: two articles disagree (17,800 against "
            "about 8,000).",
            "They cannot both be right.",
            ["១៧.៨០០", "ប្រហែល ៨.០០០", "ធ្នូ ២០១៧"],
            id="two-sources-disagree",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-traffickers", 700, as_of="2017-01-11")],
            BY_TYPE_ID,
            "conflict",
            "Drug users arrested (487) + Alleged traffickers arrested (700) cannot add up to "
            "Total arrests (1,055).",
            "The figures do not agree.",
            ["៤៨៧", "៧០០", "១.០៥៥"],
            id="a-sum-that-does-not-add-up",
        ),
        pytest.param(
            [TOTAL_1055, fig("users-imprisoned", 90, "more_than", end="2017-01-11")],
            PRISON_ID,
            "question",
            "Cannot tell whether Drug users imprisoned (more than 90) fit within Total arrests "
            "(1,055).",
            "A hedge sets no limit.",
            ["ជាង ៩០"],
            id="open-hedge-is-a-question",
        ),
        pytest.param(
            [TOTAL_1055],
            "gap:metric:arrests-total",
            "note",
            "Total arrests: reported once only (1,055).",
            "",
            ["១.០៥៥"],
            id="once-only-is-a-note",
        ),
        pytest.param(
            [TOTAL_1055, USERS_487, fig("arrests-traffickers", 568, as_of="2017-01-11")],
            BY_TYPE_ID,
            "agreement",
            "Drug users arrested (487) + Alleged traffickers arrested (568) add up to "
            "Total arrests (1,055).",
            "",
            ["៥៦៨"],
            id="arithmetic-that-holds-is-an-agreement",
        ),
    ],
)
def test_each_check_leads_with_one_short_sentence_and_may_say_why_below(
    figures, check_id, severity, english, more, khmer
):
    found = checks(*figures)[check_id]
    assert found.severity == severity
    assert found.said["en"] == english
    assert found.said.more.get("en", "") == more
    assert all(words in found.said["km"] for words in khmer), found.said["km"]
    assert not ISO_DAY.search(found.said["en"] + found.said["km"])
    # One sentence each, in either language (Khmer ends a sentence with '។').
    assert ". " not in found.said["en"] and "; " not in found.said["en"]
    assert found.said["km"].count("។") == 1 and found.said["km"].endswith("។")
    assert bool(found.said.more.get("km")) == bool(more)
