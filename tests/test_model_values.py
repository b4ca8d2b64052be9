"""The validated records' models hold their values in dicts that share their keys, equal
dates one object (issue 27, etl.validate._shared_fields): every seed record reads, dumps and
compares as pydantic's own model of the same data, so every table made of them is the same."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from corpus.load import RawRecord, records_of
from corpus.problems import Problems
from corpus.safe_yaml import read_yaml
from data_model.records import ID_FIELDS, RECORD_KINDS
from etl.validate import parse_records

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _records() -> list[RawRecord]:
    out: list[RawRecord] = []
    for path in sorted((SEEDS / "curated").rglob("*.yaml")):
        out += records_of(path.name, read_yaml(path, ID_FIELDS), Problems())
    return out


RECORDS = _records()


@pytest.mark.parametrize("kind", sorted({r.kind for r in RECORDS}))
def test_models_read_as_pydantics_own(kind: str) -> None:
    raws = [r for r in RECORDS if r.kind == kind]
    problems = Problems()
    # Made twice, the second from the same data: equal dates are one object across both.
    pairs = parse_records(copy.deepcopy(raws), problems) + parse_records(raws, problems)
    assert not problems.items
    for raw, (_, model) in zip(raws + raws, pairs, strict=True):
        own = RECORD_KINDS[kind].model_validate(raw.data)
        assert model.model_dump() == own.model_dump(), raw.label
        assert model.model_dump(mode="json") == own.model_dump(mode="json"), raw.label
        assert model == own and own == model
        assert list(model.__dict__) == list(own.__dict__)  # the fields, in their order
        for name in type(own).model_fields:
            assert getattr(model, name) == getattr(own, name), (raw.label, name)
