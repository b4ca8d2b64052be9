"""The one rule that turns a figure's hedge into bounds, and the labels that show it."""

from __future__ import annotations

import pytest

from data_model.qualifiers import BOUNDS_RULE, Qualifier, bounds
from data_model.wording import UnitWords, hedged_label

#: Units as units.yaml declares them: what wording and bounds read is the kind, not the id.
UNITS = {
    "people": UnitWords("count", "people"),
    "percent": UnitWords("share", "percent"),
    "kg": UnitWords("mass", "kilograms"),
}


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "expected"),
    [
        (1055, "exact", "people", (1055, 1055)),
        (17800, "approx", "people", (16020, 19580)),
        (8000, "more_than", "people", (8000, None)),
        (300, "at_least", "people", (300, None)),
        (3000, "fewer_than", "people", (None, 3000)),
        (10, "at_most", "people", (None, 10)),
        (50, "approx", "percent", (45, 55)),
        (95, "approx", "percent", (85.5, 100)),
        ((300, 400), "between", "people", (300, 400)),
        ((30, 40), "between", "percent", (30, 40)),
    ],
)
def test_bounds_follow_the_documented_rule(value, qualifier, unit, expected):
    value, value_to = value if isinstance(value, tuple) else (value, None)
    low, high = bounds(value, Qualifier(qualifier), UNITS[unit].kind, value_to)
    assert low == pytest.approx(expected[0]) if expected[0] is not None else low is None
    assert high == pytest.approx(expected[1]) if expected[1] is not None else high is None


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [(-12, "exact", (-12, -12)), (-12, "approx", (-13.2, -10.8)), (150, "approx", (135, 165)),
     (-5, "more_than", (-5, None))],
)  # fmt: skip
def test_a_change_in_percent_keeps_its_bounds_below_zero_and_past_100(value, qualifier, expected):
    """A signed (change) metric in percent: 'fell 12 percent' is never bounded as a share,
    0-100 (value_low 0 above value_high -12), and about a fall runs low to high."""
    low, high = bounds(value, Qualifier(qualifier), "share", signed=True)
    assert low == pytest.approx(expected[0])
    assert high == pytest.approx(expected[1]) if expected[1] is not None else high is None


def test_a_lower_bound_never_gets_an_upper_bound_of_zero():
    # "more than 8,000" must not be drawn or exported as a closed interval.
    assert bounds(8000, Qualifier.more_than, "count")[1] is None
    assert bounds(3000, Qualifier.fewer_than, "count")[0] is None


@pytest.mark.parametrize(
    ("value", "bounds_stored"),
    [(50, (45, 55)), (3554.13, (3198.717, 3909.543)), (0.3, (0.27, 0.33)), (17800, (16020, 19580))],
)
def test_approximate_bounds_are_stored_as_a_reader_works_them_out(value, bounds_stored):
    # Exactly 55, never 55.00000000000001: the CSV and the API show the stored number as it is.
    assert bounds(value, Qualifier.approx, "count") == bounds_stored


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "label"),
    [
        (8000, "more_than", "people", "> 8,000"),
        (300, "at_least", "people", "≥ 300"),
        (3000, "fewer_than", "people", "< 3,000"),
        (50, "approx", "percent", "≈ 50%"),
        (3554.13, "exact", "kg", "3,554.13 kg"),
        (1055, "exact", "people", "1,055"),
        ((300, 400), "between", "people", "300–400"),
        ((30, 40), "between", "percent", "30%–40%"),
    ],
)
def test_labels_keep_the_hedge(value, qualifier, unit, label):
    value, value_to = value if isinstance(value, tuple) else (value, None)
    assert hedged_label(value, qualifier, UNITS[unit], value_to=value_to) == label


def test_a_range_without_its_upper_end_is_refused_not_shown_as_one_number():
    with pytest.raises(ValueError, match="value_to"):
        hedged_label(300, "between", UNITS["people"])


def test_the_rule_is_documented_for_every_qualifier():
    for q in Qualifier:
        assert f"| {q.value}" in BOUNDS_RULE
