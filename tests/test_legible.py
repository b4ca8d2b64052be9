"""Charts fitted to a drawing size: labels that would collide or run off the image are moved or
left out, long legend entries wrap."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from charts.legible import fitted, text_width, thin_point_labels, wrap_legend


def _two_reports(days_apart: int) -> go.Figure:
    """Two figures of the same size reported days_apart days apart, each labelled."""
    fig = go.Figure()
    for day, label in ((1, "> 17,800"), (1 + days_apart, "≈ 17,800")):
        fig.add_trace(
            go.Scatter(
                x=[f"2018-01-{day:02d}" if day < 32 else "2018-03-01"],
                y=[17_800],
                mode="markers+text",
                text=[label],
                textposition=["middle right"],
            )
        )
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_xaxes(range=["2017-01-01", "2018-03-15"])
    return fig


def _shown(fig: go.Figure) -> list[str]:
    return [t for trace in fig.data for t in trace.text if t]


# Side by side on a laptop, one above the other on a phone (the y axis leaves room above the
# highest marker); only where neither fits is one left out.
@pytest.mark.parametrize(
    ("width", "height", "both_shown"),
    [(1600, 620, True), (420, 620, True), (200, 620, True), (200, 90, False)],
)
def test_close_reports_keep_their_labels_apart_or_drop_one(width, height, both_shown):
    fig = thin_point_labels(_two_reports(5), width, height)
    shown = _shown(fig)
    assert (len(shown) == 2) is both_shown
    assert "≈ 17,800" in shown  # the latest report keeps its label
    if both_shown:  # the two labels went to different sides
        sides = [trace.textposition[0] for trace in fig.data]
        assert len(set(sides)) == 2


def test_a_label_never_leaves_the_image():
    fig = thin_point_labels(_two_reports(50), 420, 620)
    latest = fig.data[1]
    assert latest.text[0] == "" or latest.textposition[0] != "middle right"


def test_a_low_figure_s_label_stays_above_the_category_names():
    """A figure near the baseline of a chart by phase (a made-up article's "> 300" beside
    17,800): its label may not hang below the plot over the phase names."""
    fig = go.Figure()
    for phase, value, label in (("Phase 1", 300, "> 300"), ("Phase 2", 17_800, "≈ 17,800")):
        fig.add_trace(
            go.Scatter(
                x=[phase], y=[value], mode="markers+text", text=[label],
                textposition=["bottom center"],
            )
        )  # fmt: skip
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_xaxes(type="category", categoryarray=["Phase 1", "Phase 2"])
    low = thin_point_labels(fig, 420, 620).data[0]
    assert low.text[0] == "" or not low.textposition[0].startswith("bottom")


def test_fitting_leaves_the_chart_itself_alone():
    fig = _two_reports(5)
    fitted(fig, 200, 620)
    assert _shown(fig) == ["> 17,800", "≈ 17,800"]


@pytest.mark.parametrize(("width", "wraps"), [(1600, False), (420, True)])
def test_long_legend_entries_wrap_to_the_width(width, wraps):
    name = "27 Jun 2017 · Government hopes to extend controversial drug war"
    fig = wrap_legend(go.Figure(go.Scatter(x=[1], y=[1], name=name)), width)
    assert ("<br>" in fig.data[0].name) is wraps
    for line in fig.data[0].name.split("<br>"):
        assert text_width(line, 14) <= width - 60
