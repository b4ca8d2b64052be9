"""Charts with many reports: every report drawn with its hedge, labels and words only for what matters."""

from __future__ import annotations

import pandas as pd
import pytest

from charts.catalogue import _figure_list
from charts.hedged import LABEL_ALL_UP_TO, categorical, timeline
from data_model.wording import UnitWords, hedged_words
from monitor.figure_texts import EVIDENCE_SHOWN, evidence_markdown

PEOPLE = UnitWords("count", "people")

PHASES = pd.DataFrame(
    {
        "ordinal": [1],
        "name": ["Phase one"],
        "start_date": [pd.Timestamp("2017-01-01")],
        "end_date": [pd.NaT],
    }
)


def reports(n: int, sources: int = 3) -> pd.DataFrame:
    """n arrest reports, one a week, every third a lower bound ('more than')."""
    days = pd.date_range("2017-01-08", periods=n, freq="7D")
    values = [1000.0 + 10 * i for i in range(n)]
    values[n // 2] = 99_999.0  # the highest sits in the middle, not at an end
    qualifiers = ["more_than" if i % 3 == 0 else "exact" for i in range(n)]
    return pd.DataFrame(
        {
            "value": values,
            "value_low": values,
            "value_high": [None] * n,
            "qualifier": qualifiers,
            "unit": ["people"] * n,
            "unit_label": ["people"] * n,
            "unit_kind": ["count"] * n,
            "currency": [None] * n,
            "label": [hedged_words(v, q, PEOPLE) for v, q in zip(values, qualifiers, strict=True)],
            "metric_label": ["Arrests"] * n,
            "period_start": [pd.Timestamp("2017-01-01")] * n,
            "period_end": days,
            "as_of": [pd.NaT] * n,
            "attribution": ["police"] * n,
            "source_citation": [f"Outlet, article {i % sources}" for i in range(n)],
            "source_label": [f"article {i % sources}" for i in range(n)],
            "phase_name": ["Phase one"] * n,
        }
    )


def printed(fig) -> list[str]:
    return [t for trace in fig.data for t in (trace.text or ()) if t]


def arrows(fig) -> list:
    return [a for a in fig.layout.annotations if a.showarrow and a.text == ""]


@pytest.mark.parametrize("n", [5, LABEL_ALL_UP_TO, 40, 400])
def test_timeline_draws_every_report_and_every_bound(n):
    frame = reports(n)
    fig = timeline(frame, PHASES, "source_label", "people")
    assert sum(len(trace.x) for trace in fig.data) == n
    bounds = arrows(fig)
    assert len(bounds) == (frame["qualifier"] == "more_than").sum()
    # A lower bound stays a lower bound: its arrow points up from the reported figure.
    assert all(a.y > a.ay for a in bounds)


@pytest.mark.parametrize("n", [40, 400])
def test_a_large_timeline_labels_the_earliest_latest_and_extremes_only(n):
    frame = reports(n)
    labels = printed(timeline(frame, PHASES, "source_label", "people"))
    assert len(labels) <= 4
    highest = frame.loc[frame["value"].idxmax(), "label"]
    assert {frame["label"].iloc[0], frame["label"].iloc[-1], highest} <= set(labels)


def test_a_small_timeline_labels_every_report():
    frame = reports(5)
    assert sorted(printed(timeline(frame, PHASES, "source_label", "people"))) == sorted(
        frame["label"]
    )


def test_a_large_categorical_chart_labels_each_category():
    frame = reports(60)
    labels = printed(categorical(frame, "phase_name", ["Phase one"], "source_label", "people"))
    assert frame.loc[frame["value"].idxmax(), "label"] in labels and len(labels) <= 2


@pytest.mark.parametrize(("n", "most"), [(3, 3), (400, 4)])
def test_takeaway_names_the_figures_that_matter_and_counts_the_rest(n, most):
    text = _figure_list(reports(n))
    listed = text.count("(")  # each figure named comes with its period in brackets
    assert listed == n if n <= most else listed <= most
    if n > most:
        assert f"{n - listed:,} other reports" in text and "99,999" in text


def test_how_we_know_quotes_a_bounded_number_and_points_to_all():
    evidence = pd.DataFrame(
        {
            "label": ["1,000 people"] * 300,
            "metric_label": ["Arrests"] * 300,
            "period": ["January 2017"] * 300,
            "attribution": ["police"] * 300,
            "quote": ["Police arrested 1,000 people."] * 300,
            "source_id": ["a"] * 300,
            "source_citation": ["Outlet"] * 300,
            "source_url": ["https://example.org"] * 300,
        }
    )
    text = evidence_markdown(evidence)
    assert text.count("Police arrested") == EVIDENCE_SHOWN
    assert "300 reports" in text and "(data)" in text


def test_a_range_is_drawn_from_its_low_to_its_high_end_never_as_one_point():
    frame = reports(3).assign(value_to=[None, 400.0, None])
    frame.loc[1, ["value", "value_low", "value_high", "qualifier"]] = [
        300.0,
        300.0,
        400.0,
        "between",
    ]
    fig = timeline(frame, PHASES, "source_label", "people")
    drawn = [
        (y, plus, symbol)
        for trace in fig.data
        for y, plus, symbol in zip(trace.y, trace.error_y.array, trace.marker.symbol, strict=True)
        if trace.error_y.visible
    ]
    assert (300.0, 100.0, "square-open") in drawn  # a bar from 300 up to 400, its own marker


def events(reports: list[tuple[str, str]]) -> pd.DataFrame:
    """Events as the events query gives them: (title, citation) per report, each its own
    article, all a launch on 2017-01-01 known to the day."""
    n = len(reports)
    return pd.DataFrame(
        {
            "event_id": [f"e{i}" for i in range(n)],
            "event_date": [pd.Timestamp("2017-01-01")] * n,
            "event_date_end": [pd.NaT] * n,
            "date_precision": ["day"] * n,
            "kind": ["launch"] * n,
            "title": [title for title, _ in reports],
            "source_id": [f"s{i}" for i in range(n)],
            "quote": ["launched"] * n,
            "source_outlet": ["Outlet"] * n,
            "source_citation": [citation for _, citation in reports],
            "source_url": [f"https://example.org/{i}" for i in range(n)],
        }
    )


@pytest.mark.parametrize(
    ("reports", "markers", "cited", "more"),
    [
        # Two articles report one event: one marker, citing both.
        ([("Launch", "Post, 1 Jan"), ("Launch", "Times, 2 Jan")], 1, ["Post, 1 Jan", "Times, 2 Jan"], ""),
        # Two events: two markers, each citing its own article.
        ([("Launch", "Post, 1 Jan"), ("Other launch", "Times, 2 Jan")], 2, ["Post, 1 Jan", "Times, 2 Jan"], ""),
        # Five articles report one event: one marker, three cited, two counted.
        ([("Launch", f"Outlet {i}") for i in range(5)], 1, [f"Outlet {i}" for i in range(3)], "and 2 more reports"),
    ],
)  # fmt: skip
def test_an_event_reported_by_many_articles_is_one_marker_citing_them(
    reports: list[tuple[str, str]], markers: int, cited: list[str], more: str
):
    from charts.campaign import campaign_timeline

    chart = campaign_timeline(PHASES, events(reports))
    hovers = [h for trace in chart.figure.data for h in (trace.hovertext or ())]
    assert len(hovers) == markers
    for citation in cited:
        assert citation in " ".join(hovers)
        assert citation in chart.evidence["source_citation"].tolist()
    assert len(chart.evidence) == len(cited)  # what the chart stores follows what it cites
    assert (more in " ".join(hovers)) and (bool(more) == ("Data page" in chart.takeaway))
    assert "Outlet 3" not in " ".join(hovers)  # the fourth report is counted, not cited


@pytest.mark.parametrize(
    ("copies", "markers", "more"),
    [
        (1, 6, ""),  # six reports, none alike: six markers, as before
        (2, 6, "and 1 more report, on the Data page."),  # each reported again alike: still six
        (50, 6, "and 49 more reports, on the Data page."),
    ],
)
def test_a_figure_reported_alike_by_many_articles_is_one_marker(
    copies: int, markers: int, more: str
):
    from charts.alike import alike_note, more_reports, one_per_point

    frame = pd.concat([reports(6)] * copies, ignore_index=True)
    drawn = one_per_point(frame, "source_label")
    fig = timeline(drawn, PHASES, "source_label", "people")
    hovers = [h for trace in fig.data for h in (trace.hovertext or ())]
    assert len(hovers) == markers
    assert all(more in h for h in hovers)
    assert ("Data page" in alike_note(more_reports(drawn))) == bool(more)


@pytest.mark.parametrize(
    ("day", "precision"),
    [
        ("2009-05-10", "day"),  # eight years before the first phase
        ("2011-01-01", "year"),  # known to the year only: its bar runs all of 2011
        ("2016-12-20", "day"),  # a fortnight before: inside the 30 days the axis kept already
        ("2031-06-01", "month"),  # years after
    ],
)
def test_the_timeline_s_axis_spans_every_event_and_phase_it_draws(day: str, precision: str):
    """The axis began 30 days before the first phase: an event reported years before it
    was off the chart, its marker and its bar unseen."""
    from charts.campaign import campaign_timeline

    moved = events([("Launch", "Post, 1 Jan"), ("A made-up early event", "Times, 2 Jan")])
    moved.loc[1, ["event_date", "date_precision"]] = [pd.Timestamp(day), precision]
    fig = campaign_timeline(PHASES, moved).figure
    first, last = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    drawn = [pd.Timestamp(x) for trace in fig.data for x in trace.x]
    assert first < min([*drawn, PHASES["start_date"].min()])
    assert last > max(drawn)
    # Every phase band drawn starts on the axis too.
    assert all(first < pd.Timestamp(s.x0) < last for s in fig.layout.shapes)
