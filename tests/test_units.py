"""Units are data: a new one is declared in a curated file, a metric naming an undeclared one is refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pydantic import ValidationError

from charts.catalogue import ChartDef, _takeaway_list
from charts.frames import ReaderFrames
from corpus.problems import InputError
from corpus.safe_yaml import dump_yaml
from data_model.qualifiers import Qualifier, bounds
from data_model.records import Unit
from data_model.wording import UnitWords, hedged_words
from database import downloads, queries
from database.connection import Reader
from etl.build import check
from monitor.figure_texts import (
    evidence_markdown,
    figures_markdown,
    headline_figures,
    headline_metrics,
)
from monitor.texts import rows_html

ROOT = Path(__file__).resolve().parent.parent
#: A made-up article with a riel, a US dollar and a boats figure; riel and boats are
#: declared only in its curated file (tests/fixtures/units/kampot-fund.yaml).
UNITS_FIXTURE = ROOT / "tests" / "fixtures" / "units"

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
    (seeds / "curated" / "fund.yaml").write_text(dump_yaml(doc), encoding="utf-8")


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


@pytest.fixture
def units_db(grown_fixture_db: Path) -> Path:
    """The fixture corpus plus the article whose figures are in units declared only as data,
    built once per run (tests/conftest.py: shared with the categories' and positions' tests)."""
    return grown_fixture_db


#: What a reader sees of each figure: (indicator, metric, chart label, words, unit label,
#: currency). A count reads as its number, its label where the unit is named.
SEEN = [
    ("kampot-fund-riel", "treatment-fund-riel", "≈ KHR 4,000,000,000", "about KHR 4,000,000,000",
     "riels", "KHR"),
    ("kampot-donation-usd", "clinic-donations-usd", "> USD 1,000,000", "more than USD 1,000,000",
     "US dollars", "USD"),
    ("kampot-boats-may", "boats-seized", "12", "12", "boats", None),
]  # fmt: skip
METRICS = tuple(metric for _, metric, *_ in SEEN)


def _by_id(frame: pd.DataFrame) -> dict[str, pd.Series]:
    return {r["indicator_id"]: r for _, r in frame.iterrows()}


def test_data_page_and_downloads_word_each_figure_from_its_declared_unit(units_db: Path):
    with Reader(units_db) as db:
        shown = downloads.rows(db, "indicators")
        flat = _by_id(queries.indicators_with_sources(db))
    rows = _by_id(shown)
    html = rows_html(shown)
    for indicator_id, _, label, _, unit_label, currency in SEEN:
        row = rows[indicator_id]
        assert row["label"] == label
        assert row["unit_label"] == unit_label
        assert (row["currency"] if isinstance(row["currency"], str) else None) == currency
        # The data package's flat table carries the unit and the currency too.
        assert flat[indicator_id]["unit_label"] == unit_label
        assert label.replace(">", "&gt;") in html and unit_label in html


def test_headlines_takeaways_and_how_we_know_word_money_with_its_currency(units_db: Path):
    with Reader(units_db) as db:
        rows = queries.indicators(db)
        # Any chart over these metrics: the catalogue's charts are built the same way.
        chart = ChartDef(
            "money-and-boats", "Money and boats", METRICS, "by_metric", "source_label",
            "amount", _takeaway_list("Reported:", with_metric=True), "How much?",
        ).build(ReaderFrames(db))  # fmt: skip
        sources_page = figures_markdown(queries.indicators(db, source_ids=["fixture-kampot-fund"]))
    first = headline_figures(rows, METRICS)
    headlines = dict(zip(first["metric_id"], first["words"], strict=True))
    assert headlines == {metric: words for _, metric, _, words, _, _ in SEEN}
    assert "money pledged for treatment: about KHR 4,000,000,000 (as of 2 Jun 2017)" in (
        chart.takeaway
    )
    assert "donations to clinics: more than USD 1,000,000" in chart.takeaway
    drawn = {str(t) for trace in chart.figure.data for t in trace.text}
    hover = " ".join(str(h) for trace in chart.figure.data for h in trace.hovertext)
    how_we_know = evidence_markdown(chart.evidence)
    for _, _, label, *_ in SEEN:
        assert label.replace(">", "&gt;") in drawn
        assert f"<b>{label.replace('>', '&gt;')}</b>" in hover
    assert "**≈ KHR 4,000,000,000** money pledged for treatment" in how_we_know
    assert "**\\> USD 1,000,000** donations to clinics" in sources_page


def test_a_share_unit_declared_only_in_data_reads_as_percent_and_is_held_to_0_100(
    fixture_seeds: Path,
):
    share = {"unit_id": "share-of-villages", "label": "percent of villages", "kind": "share",
             "definition": "Villages as a percentage of all villages."}  # fmt: skip
    metric = FUND | {"metric_id": "villages-clean", "label": "Villages declared drug-free",
                     "unit": "share-of-villages", "category": "arrests"}  # fmt: skip
    figure = {"indicator_id": "kampot-villages-clean", "metric_id": "villages-clean",
              "value": 150, "qualifier": "approx", "as_of": "2017-04-01",
              "geography": "Kampot province", "source_id": "fixture-kampot",
              "attribution": "Provincial police", "quote": "roughly half of them drug users"}  # fmt: skip
    doc = {"units": [share], "metrics": [metric], "indicators": [figure]}
    (fixture_seeds / "curated" / "villages.yaml").write_text(dump_yaml(doc), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check(fixture_seeds)
    [problem] = caught.value.problems.items
    assert (problem.record, problem.field) == ("kampot-villages-clean", "value")
    assert "between 0 and 100" in problem.message
    unit = UnitWords.of(Unit.model_validate(share))
    assert hedged_words(50, "approx", unit) == "about 50%"
    assert bounds(95, Qualifier.approx, unit.kind)[1] == 100


def test_a_newer_provincial_count_never_becomes_the_national_headline(seed_db: Path):
    with Reader(seed_db) as db:
        rows = queries.indicators(db)
        metric = headline_metrics(queries.metrics(db))[0]
    national = headline_figures(rows, (metric,))
    latest = rows[rows["indicator_id"] == national["indicator_id"].iloc[0]]
    province = latest.assign(
        indicator_id="made-up-province", value=120.0, qualifier="exact", value_to=None,
        geography="Kampong Cham", as_of=pd.Timestamp("2030-01-31"),
        period_start=pd.Timestamp("2030-01-01"), period_end=pd.Timestamp("2030-01-31"),
    )  # fmt: skip
    grown = pd.concat([rows, province], ignore_index=True)
    assert headline_figures(grown, (metric,))["indicator_id"].tolist() == [
        national["indicator_id"].iloc[0]
    ]
