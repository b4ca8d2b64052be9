"""One wording for numbers, hedges, units and dates, whichever path a figure takes to the reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import yaml

from charts.catalogue import _figure_list, catalogue
from charts.frames import ReaderFrames
from data_model.records import Indicator, Metric, Phase, Unit
from data_model.wording import (
    UnitWords,
    date_text,
    hedged_label,
    hedged_words,
    number,
    period_text,
    unit_words,
    vague_label,
)
from database import queries
from database.connection import Reader
from etl.consistency import figures
from etl.validate import Dataset, Located
from monitor.figure_texts import headline_figures

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "seeds" / "curated"

#: (value, qualifier, unit) -> the words and the chart label every path must show.
CASES = [
    (8000, "more_than", "people", "more than 8,000", "> 8,000"),
    (17800, "approx", "people", "about 17,800", "≈ 17,800"),
    (300, "at_least", "people", "at least 300", "≥ 300"),
    (3000, "fewer_than", "people", "fewer than 3,000", "< 3,000"),
    (3554.13, "exact", "kg", "3,554.13 kg", "3,554.13 kg"),
    (55.00000000000001, "exact", "percent", "55%", "55%"),
    (50, "approx", "percent", "about 50%", "≈ 50%"),
    (0.5, "exact", "kg", "0.5 kg", "0.5 kg"),
]


def _metric_for(unit: str) -> Metric:
    codebook = yaml.safe_load((CURATED / "metrics.yaml").read_text(encoding="utf-8"))
    return next(Metric.model_validate(m) for m in codebook["metrics"] if m["unit"] == unit)


def _unit(unit_id: str) -> Unit:
    declared = yaml.safe_load((CURATED / "units.yaml").read_text(encoding="utf-8"))["units"]
    return next(Unit.model_validate(u) for u in declared if u["unit_id"] == unit_id)


def _frame(value: float, qualifier: str, metric: Metric) -> pd.DataFrame:
    unit = _unit(metric.unit)
    return pd.DataFrame(
        [
            {
                "metric_id": metric.metric_id,
                "metric_label": metric.label,
                "value": value,
                "qualifier": qualifier,
                "unit": metric.unit,
                "unit_label": unit.label,
                "unit_kind": str(unit.kind),
                "currency": unit.currency,
                "period_start": pd.NaT,
                "period_end": pd.NaT,
                "as_of": pd.Timestamp("2018-02-13"),
            }
        ]
    )


def _through_the_checks(value: float, qualifier: str, metric: Metric) -> str:
    phases = yaml.safe_load((CURATED / "phases.yaml").read_text(encoding="utf-8"))["phases"]
    indicator = Indicator.model_validate(
        {
            "indicator_id": "fig-0",
            "metric_id": metric.metric_id,
            "value": value,
            "qualifier": qualifier,
            "as_of": "2018-02-13",
            "geography": "national",
            "source_id": "src-a",
            "attribution": "officials",
            "quote": "made up for tests",
        }
    )
    records = {
        "units": [_unit(metric.unit)],
        "metrics": [metric],
        "phases": [Phase.model_validate(p) for p in phases],
        "indicators": [indicator],
    }
    located = {kind: [Located(r, "test") for r in recs] for kind, recs in records.items()}
    (figure,) = figures(Dataset(records=located, bodies={}, raw_sha256={}))
    return figure.hedged


#: Every path that puts a figure into words, as (name, function of value, qualifier, metric).
PATHS: dict[str, Callable[[float, str, Metric], str]] = {
    "wording": lambda v, q, m: hedged_words(v, q, UnitWords.of(_unit(m.unit))),
    "overview headline": lambda v, q, m: headline_figures(_frame(v, q, m), (m.metric_id,))["words"][
        0
    ],
    "data checks": _through_the_checks,
    # A chart's takeaway lists figures as "<words> (<period>)".
    "chart takeaway": lambda v, q, m: _figure_list(_frame(v, q, m)).split(" (")[0],
}


@pytest.mark.parametrize("path", list(PATHS))
@pytest.mark.parametrize(("value", "qualifier", "unit", "words", "label"), CASES)
def test_every_path_words_a_figure_alike(path, value, qualifier, unit, words, label):
    assert PATHS[path](value, qualifier, _metric_for(unit)) == words
    assert hedged_label(value, qualifier, UnitWords.of(_unit(unit))) == label


def test_chart_labels_takeaways_and_the_database_agree_with_the_wording(seed_db):
    with Reader(seed_db) as db:
        rows = queries.indicators(db)
        frames = ReaderFrames(db)
        charts = [spec.build(frames) for spec in catalogue(frames).charts.values()]
    assert len(rows) > 0
    for r in rows.itertuples():
        if isinstance(r.vague, str):  # a vague word stays a word
            assert r.label == vague_label(r.vague), r.indicator_id
        else:
            assert r.label == hedged_label(r.value, r.qualifier, unit_words(r)), r.indicator_id
    # The labels drawn on the charts are the database's labels, not worded again.
    plotted = {str(t) for c in charts for trace in c.figure.data for t in (trace.text or ())}
    assert plotted & {r.label for r in rows.itertuples()}


@pytest.mark.parametrize(
    ("day", "precision", "text"),
    [
        (dt.date(2018, 2, 14), "day", "14 Feb 2018"),
        (dt.date(2022, 2, 1), "month", "Feb 2022"),
        (dt.date(2017, 1, 1), "year", "2017"),
        (pd.Timestamp("2017-01-01"), "day", "1 Jan 2017"),
    ],
)
def test_dates_are_worded_to_their_precision(day, precision, text):
    assert date_text(day, precision) == text


@pytest.mark.parametrize(
    ("start", "end", "as_of", "text"),
    [
        ("2017-01-01", "2017-01-11", None, "1 Jan 2017 – 11 Jan 2017"),
        (None, "2017-12-31", None, "up to 31 Dec 2017"),
        (None, None, "2018-02-13", "as of 13 Feb 2018"),
    ],
)
def test_periods_say_what_the_article_states(start, end, as_of, text):
    def ts(v: str | None) -> object:
        return pd.NaT if v is None else pd.Timestamp(v)

    assert period_text(ts(start), ts(end), ts(as_of)) == text


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_a_number_that_is_not_finite_is_refused_not_worded(bad):
    with pytest.raises(ValueError):
        number(bad)
