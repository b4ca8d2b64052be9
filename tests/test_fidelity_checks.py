"""Consistency checks that catch what the fidelity review caught: restatements, phase coverage,
shares against rehabilitation, parts together, statuses without evidence, contested claims.

Each case rebuilds the review's instance from made-up records (item numbers in the ids) and
shows the check now flags it, or no longer raises the review's false alarm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from data_model.records import CheckRule, Contest, Indicator, Metric, Phase, Policy, Statement, Unit
from etl.consistency import Check, run_checks
from etl.validate import Dataset, Located

CODEBOOK = Path(__file__).parent / "fixtures" / "consistency" / "codebook.yaml"


def fig(ident: str, metric: str, value: float, qualifier: str = "exact", **kw: Any) -> Indicator:
    """A figure as a curator would write it; as_of defaults to the period's end."""
    start, end = kw.pop("start", None), kw.pop("end", None)
    data = {
        "indicator_id": ident,
        "metric_id": metric,
        "value": value,
        "qualifier": qualifier,
        "period_start": start,
        "period_end": end,
        "as_of": kw.pop("as_of", None) or end or "2017-01-11",
        "source_id": kw.pop("source", "src-a"),
        "attribution": "officials",
        "quote": "made up for tests",
    }
    return Indicator.model_validate(data | kw)


def checks(*records: Any) -> dict[str, Check]:
    codebook = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    by_kind: dict[str, list[Any]] = {
        "units": [Unit.model_validate(u) for u in codebook["units"]],
        "metrics": [Metric.model_validate(m) for m in codebook["metrics"]],
        "phases": [Phase.model_validate(p) for p in codebook["phases"]],
        "checks": [CheckRule.model_validate(r) for r in codebook["checks"]],
    }
    kinds = {Indicator: "indicators", Statement: "statements", Policy: "policies"}
    kinds[Contest] = "contested"
    for rec in records:
        by_kind.setdefault(kinds[type(rec)], []).append(rec)
    located = {k: [Located(r, "test") for r in recs] for k, recs in by_kind.items()}
    return {c.check_id: c for c in run_checks(Dataset(located, {}, {}))}


DAY11 = {"start": "2017-01-01", "end": "2017-01-11"}
Y2017 = {"start": "2017-01-01", "end": "2017-12-31"}
TOTAL_1055 = fig("day-11", "arrests-total", 1055, **DAY11)


# --- restatements (review 4, 7, 8, 54, 55, 59) --------------------------------------------------


def test_review_54_a_rounded_lead_restating_a_count_raises_no_false_alarm():
    lead = fig(
        "lead",
        "arrests-total",
        1000,
        "more_than",
        start="2017-01-01",
        end="2017-01-12",
        restates="day-11",
        restates_note="the lead rounds 1,055",
    )
    found = checks(TOTAL_1055, lead)
    assert not [c for c in found.values() if c.kind == "corroboration"]
    assert found["restatement:lead"].status == "pass"
    assert "day-11" in found["restatement:lead"].record_ids


def test_a_restatement_that_cannot_agree_fails():
    wrong = fig("wrong", "arrests-total", 500, restates="day-11", restates_note="same fact")
    assert checks(TOTAL_1055, wrong)["restatement:wrong"].status == "fail"


def test_review_59_corroboration_counts_independent_reports_only():
    again = fig(
        "again",
        "arrests-total",
        17800,
        "approx",
        as_of="2018-02-14",
        source="src-b",
        restates="y2017",
        restates_note="matches the 2017 total",
    )
    y2017 = fig("y2017", "arrests-total", 17800, "more_than", **Y2017)
    gap = checks(y2017, again)["gap:metric:arrests-total"]
    assert gap.status == "warn" and "reported once only" in gap.detail
    assert "1 restatement(s) not counted" in gap.detail


# --- phase coverage (review 52, 53) ------------------------------------------------------------


def test_review_53_a_figure_spanning_phases_does_not_cover_the_later_one():
    y2017 = fig("y2017", "arrests-total", 17800, "more_than", **Y2017)
    phase2 = checks(y2017)["gap:phase:phase-2"]
    assert phase2.status == "warn"
    assert "spanning earlier phases" in phase2.detail


def test_review_52_a_restatement_dated_in_a_phase_does_not_cover_it():
    y2017 = fig("y2017", "arrests-total", 17800, "more_than", **Y2017)
    again = fig(
        "again",
        "arrests-total",
        17800,
        "approx",
        as_of="2018-02-14",
        restates="y2017",
        restates_note="matches the 2017 total",
    )
    phase3 = checks(y2017, again)["gap:phase:phase-3"]
    assert phase3.status == "warn"
    assert "restating an earlier total" in phase3.detail


# --- arithmetic the review did by hand (review 56, 57, 60) -------------------------------------


def test_review_57_rehabilitation_beyond_the_reported_share_is_flagged():
    total = fig("total", "arrests-total", 17800, "more_than", **Y2017)
    share = fig("share", "arrests-share-users", 50, "more_than", **Y2017)
    rehab = fig("rehab", "sent-to-rehabilitation", 11000, **Y2017)
    found = checks(total, share, rehab)
    check = next(c for c in found.values() if "rehabilitation-within-share" in c.check_id)
    assert check.status == "warn"
    assert "61.8%" in check.detail


@pytest.mark.parametrize(
    ("rehab", "share", "status"),
    [
        pytest.param(300, ("approx", 50), "pass", id="57-january-consistent"),
        pytest.param(900, ("at_most", 60), "fail", id="57-beyond-the-share-upper-bound"),
    ],
)
def test_rehabilitation_within_share_table(rehab, share, status):
    qualifier, value = share
    found = checks(
        TOTAL_1055,
        fig("share", "arrests-share-users", value, qualifier, **DAY11),
        fig("rehab", "sent-to-rehabilitation", rehab, "at_least", **DAY11),
    )
    check = next(c for c in found.values() if "rehabilitation-within-share" in c.check_id)
    assert check.status == status, check.detail


def test_review_60_all_parts_against_their_totals_at_once():
    found = checks(
        TOTAL_1055,
        fig("users", "arrests-users", 487, **DAY11),
        fig("rehab", "sent-to-rehabilitation", 300, "at_least", end="2017-01-11"),
        fig("uimp", "users-imprisoned", 90, "more_than", end="2017-01-11"),
        fig("timp", "traffickers-imprisoned", 561, end="2017-01-11"),
    )
    combined = next(c for c in found.values() if "all-outcomes-within-arrests" in c.check_id)
    assert combined.status == "pass" and "at least 951" in combined.detail
    users = next(c for c in found.values() if "user-outcomes-within-users" in c.check_id)
    assert users.status == "pass" and "at least 390 of 487" in users.detail


def test_review_60_parts_that_cannot_fit_together_fail():
    found = checks(
        TOTAL_1055,
        fig("rehab", "sent-to-rehabilitation", 600, **DAY11),
        fig("timp", "traffickers-imprisoned", 561, **DAY11),
    )
    combined = next(c for c in found.values() if "all-outcomes-within-arrests" in c.check_id)
    assert combined.status == "fail"


def test_review_56_the_share_check_runs_once_the_users_are_dated_like_the_total():
    found = checks(
        TOTAL_1055,
        fig("users", "arrests-users", 487, **DAY11),
        fig("share", "arrests-share-users", 50, "approx", **DAY11),
    )
    share = next(c for c in found.values() if "share-of-users" in c.check_id)
    assert share.status == "pass" and "46.2%" in share.detail


# --- vague amounts are in no arithmetic (review 3) ----------------------------------------------


def test_a_vague_amount_is_in_no_check_but_named_by_the_gap():
    vague = Indicator.model_validate(
        {
            "indicator_id": "thousands",
            "metric_id": "arrests-users",
            "vague": "thousands",
            "as_of": "2017-01-11",
            "source_id": "src-a",
            "attribution": "officials",
            "quote": "made up",
        }
    )
    found = checks(TOTAL_1055, vague)
    assert not [c for c in found.values() if "thousands" in c.record_ids.split("; ")]
    gap = found["gap:metric:arrests-users"]
    assert "only vague words" in gap.detail and "thousands" in gap.detail


# --- statuses need evidence (review 35, 36) -----------------------------------------------------


def _policy(status: str, **extra: Any) -> Policy:
    return Policy.model_validate(
        {
            "policy_id": f"p-{status}".replace("_", "-"),
            "name": "Extend the campaign",
            "description": "d",
            "category": "campaign",
            "status": status,
            "status_note": "n",
            "proposed_by": "someone",
            "proposed_on": "2017-06-26",
            "first_source_id": "src-a",
            "quote": "announced his intention to extend",
        }
        | extra
    )


CITED = {"status_citations": [{"source_id": "src-a", "quote": "was extended"}]}


@pytest.mark.parametrize(
    ("status", "extra", "verdict"),
    [
        pytest.param("in_effect", {}, "fail", id="36-in-effect-without-evidence"),
        pytest.param("in_effect", CITED, "fail", id="36-in-effect-without-as-of"),
        pytest.param(
            "in_effect", CITED | {"status_as_of": "2018-02-14"}, "pass", id="36-in-effect-cited"
        ),
        pytest.param("announced", {}, "fail", id="35-announced-without-evidence"),
        pytest.param("dismissed", CITED, "pass", id="32-dismissed-cited"),
    ],
)
def test_statuses_that_say_something_happened_need_a_passage(status, extra, verdict):
    found = checks(_policy(status, **extra))
    assert found[f"status:p-{status}".replace("_", "-")].status == verdict


def test_a_proposal_needs_no_evidence_of_happening():
    assert not [c for c in checks(_policy("proposed")).values() if c.kind == "status"]


# --- contested claims (review 58) ----------------------------------------------------------------


def test_review_58_contradicting_claims_are_listed_with_their_words():
    def said(ident: str, quote: str) -> Statement:
        return Statement.model_validate(
            {
                "statement_id": ident,
                "actor_id": "someone",
                "source_id": "src-a",
                "quote": quote,
                "kind": "reported",
                "topic": "prisons",
                "stance": "critical",
            }
        )

    contest = Contest.model_validate(
        {
            "contest_id": "separated-or-not",
            "claims": [
                {"record_kind": "statements", "record_id": "separated"},
                {"record_kind": "statements", "record_id": "shared-cells"},
            ],
            "note": "Separated, or sharing cells?",
        }
    )
    found = checks(
        said("separated", "separated from the general population"),
        said("shared-cells", "share overcrowded cells with violent criminals"),
        contest,
    )
    row = found["contested:separated-or-not"]
    assert row.status == "warn" and row.kind == "contested"
    assert "separated from the general population" in row.detail
    assert row.record_ids == "separated; shared-cells"


def test_a_contest_needs_two_claims():
    with pytest.raises(ValueError, match="at least 2"):
        Contest.model_validate(
            {
                "contest_id": "alone",
                "claims": [{"record_kind": "statements", "record_id": "x"}],
                "note": "n",
            }
        )
