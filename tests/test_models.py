"""The models accept well-formed records and reject malformed ones, table-driven."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from data_model.records import RECORD_KINDS, Indicator, Phase, Source, Statement

D = dt.date

GOOD_INDICATOR = {
    "indicator_id": "arrests-2017",
    "metric_id": "arrests-total",
    "value": 17800,
    "qualifier": "more_than",
    "period_start": D(2017, 1, 1),
    "period_end": D(2017, 12, 31),
    "as_of": D(2018, 1, 20),
    "source_id": "ppp-2018",
    "attribution": "a participant at the meeting",
    "quote": "more than 17,800 people were arrested",
}
GOOD_SOURCE = {
    "source_id": "ppp-2018",
    "seed_file": "004_x.txt",
    "outlet": "The Phnom Penh Post",
    "published_on": D(2018, 1, 1),
    "date_precision": "year",
    "date_basis": "inferred",
}
GOOD_STATEMENT = {
    "statement_id": "s-1",
    "actor_id": "sar-kheng",
    "source_id": "ppp-2018",
    "quote": "We want to sell them",
    "kind": "direct",
    "topic": "policy",
    "stance": "mixed",
}


def _with(base: dict, **changes) -> dict:
    out = {**base, **changes}
    return {k: v for k, v in out.items() if v is not ...}


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Indicator, GOOD_INDICATOR),
        (Indicator, _with(GOOD_INDICATOR, value=3554.13, qualifier="exact")),
        (Indicator, _with(GOOD_INDICATOR, period_start=..., period_end=...)),
        (Indicator, _with(GOOD_INDICATOR, as_of="2018-01-20")),  # quoted ISO date
        (Indicator, _with(GOOD_INDICATOR, value=300, value_to=400, qualifier="between")),
        (Source, GOOD_SOURCE),
        (Source, _with(GOOD_SOURCE, url="https://www.phnompenhpost.com/national/x", title="T")),
        # A year or month narrowed by what the article reports (fidelity review F25).
        (
            Source,
            _with(GOOD_SOURCE, published_earliest=D(2018, 1, 2), published_latest=D(2018, 6, 30)),
        ),
        (Statement, GOOD_STATEMENT),
    ],
)
def test_good_records_validate(model, data):
    model.model_validate(data)


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Indicator, _with(GOOD_INDICATOR, value="17,800"), "value"),
        (Indicator, _with(GOOD_INDICATOR, qualifier="nearly"), "qualifier"),
        (Indicator, _with(GOOD_INDICATOR, indicator_id="Arrests 2017"), "indicator_id"),
        (Indicator, _with(GOOD_INDICATOR, quote=...), "quote"),
        (Indicator, _with(GOOD_INDICATOR, period_end=D(2016, 1, 1)), None),
        (Indicator, _with(GOOD_INDICATOR, unit="people"), "unit"),
        # A range keeps both ends, low first; an upper end belongs to a range only.
        (Indicator, _with(GOOD_INDICATOR, value=400, value_to=300, qualifier="between"), None),
        (Indicator, _with(GOOD_INDICATOR, qualifier="between"), None),
        (Indicator, _with(GOOD_INDICATOR, value_to=20000), None),
        (Source, _with(GOOD_SOURCE, date_precision="week"), "date_precision"),
        (Source, _with(GOOD_SOURCE, url="phnompenhpost.com/x"), "url"),
        (Source, _with(GOOD_SOURCE, seed_file="../etc/passwd"), "seed_file"),
        # The earliest and latest day lie in order within the month or year, never beside a day.
        (Source, _with(GOOD_SOURCE, published_earliest=D(2019, 1, 2)), None),
        (
            Source,
            _with(GOOD_SOURCE, published_earliest=D(2018, 5, 2), published_latest=D(2018, 5, 1)),
            None,
        ),
        (
            Source,
            _with(
                GOOD_SOURCE,
                published_on=D(2018, 5, 2),
                date_precision="day",
                published_latest=D(2018, 5, 3),
            ),
            None,
        ),  # fmt: skip
        (Statement, _with(GOOD_STATEMENT, stance="angry"), "stance"),
        (Statement, _with(GOOD_STATEMENT, topic="weather"), "topic"),
        (
            Phase,
            {
                "phase_id": "p1",
                "ordinal": 1,
                "name": "P",
                "start_date": D(2017, 7, 1),
                "end_date": D(2017, 1, 1),
                "description": "d",
                "date_basis": "b",
                "citations": [{"source_id": "src", "quote": "the words"}],
            },
            None,
        ),
    ],
)
def test_bad_records_are_rejected_naming_the_field(model, data, field):
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    locs = [e["loc"][0] if e["loc"] else None for e in caught.value.errors()]
    assert field in locs


@pytest.mark.parametrize("kind", sorted(RECORD_KINDS))
def test_every_field_of_every_model_is_described(kind):
    model = RECORD_KINDS[kind]
    undocumented = [n for n, f in model.model_fields.items() if not (f.description or "").strip()]
    assert undocumented == []
    assert model.model_config.get("extra") == "forbid"
