"""Units are data: a new one is declared in a curated file, a metric naming an undeclared one is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from data_model.records import Unit
from etl.build import check
from etl.problems import InputError

FUND = {
    "metric_id": "treatment-fund",
    "label": "Money pledged for treatment",
    "unit": "riel",
    "category": "treatment",
    "definition": "Money pledged for drug treatment.",
}


def _add_metric(seeds: Path, units: list[dict] | None = None) -> None:
    doc: dict = {"metrics": [FUND]}
    if units:
        doc["units"] = units
    (seeds / "curated" / "fund.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")


def test_a_new_money_unit_is_one_entry_in_the_data(fixture_seeds: Path):
    riel = {"unit_id": "riel", "label": "riels", "kind": "money", "currency": "KHR",
            "definition": "Cambodian riels."}  # fmt: skip
    _add_metric(fixture_seeds, [riel])
    data = check(fixture_seeds)
    assert {u.unit_id for u in data.of("units")} >= {"people", "usd", "riel"}
    assert "treatment-fund" in {m.metric_id for m in data.of("metrics")}


def test_a_metric_naming_an_undeclared_unit_is_refused_with_file_and_field(fixture_seeds: Path):
    _add_metric(fixture_seeds)
    with pytest.raises(InputError) as caught:
        check(fixture_seeds)
    [problem] = caught.value.problems.items
    assert problem.file.endswith("fund.yaml") and problem.record == "treatment-fund"
    assert problem.field == "unit" and "unknown unit id 'riel'" in problem.message


@pytest.mark.parametrize(
    ("kind", "currency", "ok"),
    [
        ("money", "USD", True),
        ("money", None, False),
        ("count", "USD", False),
        ("count", None, True),
    ],
)
def test_money_and_only_money_has_a_currency(kind: str, currency: str | None, ok: bool):
    data = {"unit_id": "u1", "label": "u", "kind": kind, "currency": currency, "definition": "d"}
    if ok:
        assert Unit.model_validate(data).currency == currency
    else:
        with pytest.raises(ValidationError, match="currency"):
            Unit.model_validate(data)
