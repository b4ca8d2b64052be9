"""The records' stage streamed (issue 27): tables made from rows sealed run by run, the
records let go as their tables are made, build_inputs handed over as read; same tables, and
the same digests of them."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pandas as pd
import pytest

from corpus.load import SEEDS
from data_model.records import Qualifier
from data_model.tables import TABLES_BY_NAME
from etl import inputs as inputs_module
from etl import store
from etl.build import check
from etl.check_carry import CheckCarry
from etl.consistency import check_rows
from etl.inputs import read_inputs
from etl.transform import Rows, frames_of, table_frame

BUILT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
INDICATORS = TABLES_BY_NAME["indicators"]


def _cells(frame: pd.DataFrame) -> list[list[tuple[type, Any]]]:
    """Every cell with its type: a whole number beside a gap is stored as a float, and the
    content fingerprint (so the data version) tells 1 from 1.0."""
    return [[(type(v), v) for v in frame[c]] for c in frame.columns]


def _row(n: int, value: Any) -> dict[str, Any]:
    return {"indicator_id": f"i{n}", "value": value, "qualifier": Qualifier.approx, "x": n}


@pytest.mark.parametrize(
    ("runs", "dropped"),
    [
        # whole numbers in the first run, a gap in a later one: floats in every run
        ([[1, 2], [None, 3]], None),
        ([[1], [2], [3]], None),
        # a run's rows taken back (etl.carry copies a run that came out unchanged)
        ([[1, 2], [5, 6], [None]], 1),
        ([[2.5], [1, 2]], 0),
        ([[], [1]], None),
    ],
)
def test_rows_sealed_run_by_run_make_the_frame_the_dicts_make(
    runs: list[list[Any]], dropped: int | None
) -> None:
    rows, kept = Rows(), []
    n = 0
    for i, run in enumerate(runs):
        rows.seal(INDICATORS.column_names)  # a run begins: those before it are columns
        start = len(rows)
        made = [_row(n + j, v) for j, v in enumerate(run)]
        n += len(run)
        for row in made:
            rows.append(row)
        assert rows[start:] == made  # what etl.carry digests: this run's rows
        if i == dropped:
            del rows[start:]
        else:
            kept += made
    assert len(rows) == len(kept)
    expected, got = table_frame(INDICATORS, kept), table_frame(INDICATORS, rows)
    assert list(got.columns) == INDICATORS.column_names
    assert _cells(got) == _cells(expected)
    with pytest.raises(IndexError):  # a sealed run is columns now, not rows
        rows[0:]


@pytest.fixture(scope="module")
def frames() -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame], dict[str, list]]:
    """The seeds' tables made as before (every record held) and as a build's records'
    stage makes them (Dataset.once, the checks through CheckCarry), and what that stage
    still held of the records at the end."""
    held = frames_of(check(SEEDS), BUILT, check_rows)
    data = check(SEEDS)
    data.once = True
    streamed = frames_of(data, BUILT, CheckCarry(None, ""))
    return held, streamed, data.records


def test_records_let_go_as_tables_are_made_give_the_same_tables(frames: Any) -> None:
    held, streamed, left = frames
    assert held.keys() == streamed.keys()
    for name, frame in held.items():
        if name == "build_info":  # the methodology, rendered first now: the same words
            pd.testing.assert_frame_equal(frame, streamed[name])
            continue
        assert _cells(streamed[name]) == _cells(frame), name
    # The contested checks quote the statements they name, kept for them alone.
    contested = streamed["consistency_checks"].query("kind == 'contested'")
    assert len(contested) and contested["detail"].str.contains("\u201c").all()
    assert set(left) == {"corrections"}  # every other kind's records went with its tables


def test_build_inputs_handed_over_as_read_are_the_rows_read_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = read_inputs(SEEDS, None, code="c").frame()
    monkeypatch.setattr(inputs_module, "BATCH", 2)
    handed: list[pd.DataFrame] = []
    read = read_inputs(SEEDS, None, code="c", hand=handed.append)
    assert len(handed) > 1  # handed over while reading, not at the end
    streamed = pd.concat([*handed, *read.frames()], ignore_index=True)
    pd.testing.assert_frame_equal(streamed, whole)
    assert [f["document"].notna().sum() for f in handed] == [2] * len(handed)


@pytest.mark.parametrize("at_once", [1, 7, 2_000])
def test_a_tables_digest_made_a_slice_at_a_time_is_that_of_its_whole_text(
    frames: Any, monkeypatch: pytest.MonkeyPatch, at_once: int
) -> None:
    """The content fingerprint (so the data version) is made of these digests: taken a slice
    of rows at a time (the records' process takes them), each is the digest of the table's
    whole JSON text, as before."""
    held, _, _ = frames
    monkeypatch.setattr(store, "DIGEST_ROWS", at_once)
    for name, frame in held.items():
        for table in (frame, pd.concat([frame] * 3, ignore_index=True)):
            whole = table.to_json(orient="split", date_format="iso").encode()
            assert store.table_digest(table) == hashlib.sha256(whole).hexdigest(), name
