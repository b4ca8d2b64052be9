"""Charts fitted to a drawing size: labels that would collide or run off the image are moved or
left out, long legend entries wrap."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts.hedged import add_phase_bands
from charts.legible import (
    KEY_NAME,
    PHASE_ROWS,
    fitted,
    text_width,
    thin_point_labels,
    wrap_legend,
)
from charts.style import NARROW, WIDE, figure_from, new_figure
from database import queries
from database.connection import Reader


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
    """Near the right edge at phone width, the latest report keeps its label ("≈ 17,800"
    was left out): it goes elsewhere, or the plot narrows until it fits right of its marker
    inside the image."""
    fig = thin_point_labels(_two_reports(50), 420, 620)
    latest = fig.data[1]
    assert latest.text[0] == "≈ 17,800"
    if latest.textposition[0] == "middle right":
        x0, x1, x = (pd.Timestamp(d) for d in (*fig.layout.xaxis.range, latest.x[0]))
        margin = fig.layout.margin
        plot = 420 - margin.l - 70 - margin.r  # the y axis's labels take up to 70 px
        room = margin.r + plot * (x1 - x) / (x1 - x0)
        assert room >= text_width(latest.text[0], 13) + 8


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


@pytest.mark.parametrize("width", [420, 1000])
def test_an_approximate_figure_s_label_is_not_crossed_by_its_range_bar(width):
    """'≈ 50%' over or under its own marker would be crossed by its ±10% range bar."""
    fig = go.Figure(
        go.Scatter(
            x=["2017-01-11"], y=[50], mode="markers+text", text=["≈ 50%"],
            textposition=["top center"], textfont={"size": 13},
            error_y={"type": "data", "array": [5], "arrayminus": [5], "visible": True},
        )
    )  # fmt: skip
    # A higher figure elsewhere leaves room above this one, where its bar runs.
    fig.add_trace(go.Scatter(x=["2018-02-01"], y=[100], mode="markers+text", text=["100%"]))
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_xaxes(range=["2016-12-01", "2018-03-01"])
    placed = thin_point_labels(fig, width, 620).data[0]
    assert placed.text[0] == "≈ 50%"
    assert placed.textposition[0].split()[1] in ("left", "right")


def _arrow_under_a_phase_name() -> go.Figure:
    fig = go.Figure(
        go.Scatter(x=["2018-01-01"], y=[17_800], mode="markers+text", text=["> 17,800"],
                   textposition=["middle right"])
    )  # fmt: skip
    fig.add_vrect(x0="2017-12-31", x1="2018-03-01", annotation_text="Phase 3",
                  annotation_position="top left", annotation_font_size=11)  # fmt: skip
    fig.add_annotation(x="2018-01-01", y=17_800 * 1.18, ax="2018-01-01", ay=17_800,
                       xref="x", yref="y", axref="x", ayref="y", showarrow=True, text="")  # fmt: skip
    fig.update_layout(margin={"l": 10, "r": 10, "t": 85, "b": 10})
    fig.update_xaxes(range=["2017-01-01", "2018-03-15"])
    return fig


@pytest.mark.parametrize(("width", "height"), [(420, 620), (1000, 460)])
def test_the_y_axis_leaves_room_for_the_phase_names_above_every_arrow(width, height):
    """An arrow reaching the top of the plot would run through 'Phase 3'."""
    fig = thin_point_labels(_arrow_under_a_phase_name(), width, height)
    low, high = fig.layout.yaxis.range
    arrow_head = 17_800 * 1.18
    plot_top, plot_foot = 85, height * 0.62
    head_px = plot_top + (plot_foot - plot_top) * (1 - arrow_head / high)
    assert low == 0 and head_px >= plot_top + 2 * 11 * 1.25  # two rows of phase names
    assert fig.data[0].text[0] == "> 17,800"  # the headline label is kept


def test_khmer_is_measured_with_a_khmer_font():
    """Khmer letters stack: a count of characters misjudges their width."""
    word = "អត្រាញៀនឡើងវិញ"
    assert text_width(word, 13) != pytest.approx(len(word) * 13 * 0.62, rel=0.01)
    assert text_width("> 17,800", 26) == pytest.approx(2 * text_width("> 17,800", 13))


def _phases(names: list[str]) -> go.Figure:
    """Phases of the campaign's lengths (six months, six months, then years) named along
    the top, as charts.hedged draws them (every other name a row lower)."""
    fig = go.Figure(go.Scatter(x=["2017-03-01"], y=[1], mode="markers"))
    starts = ["2017-01-01", "2017-07-01", "2018-01-01", "2022-12-31"]
    for i, name in enumerate(names):
        fig.add_vrect(x0=starts[i], x1=starts[i + 1], annotation_text=name,
                      annotation_position="top left", annotation_font_size=11,
                      annotation_yshift=-14 * (i % 2))  # fmt: skip
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_xaxes(range=["2016-12-01", "2022-12-31"])
    return fig


@pytest.mark.parametrize(
    ("names", "width"),
    [
        (["ដំណាក់កាលទី១", "ដំណាក់កាលទី២", "ដំណាក់កាលទី៣"], 420),  # Khmer at phone width
        (["Phase 1", "Phase 2", "Phase 3"], 420),
        (["ដំណាក់កាលទី១", "ដំណាក់កាលទី២", "ដំណាក់កាលទី៣"], 1000),
    ],
)
def test_phase_names_never_print_over_each_other(names, width):
    """The Overview's timeline in Khmer at 390 px printed 'ដំណាក់កាលទី១' over
    'ដំណាក់កាលទី៣': each name now clears the others, however wide its script."""
    fig = fitted(_phases(names), width, 620)
    boxes = []
    for note in fig.layout.annotations:
        left = (pd.Timestamp(note.x) - pd.Timestamp("2016-12-01")).days * (width - 90) / 2221
        top = -(note.yshift or 0)
        line = 11 * (1.6 if note.text.startswith("ដ") else 1.25)  # Khmer letters stack
        boxes.append((left, top, left + text_width(note.text, 11), top + line))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (names, fig.layout.annotations)


def _campaign(last: str, lang: str) -> go.Figure:
    """Three phases of the campaign's lengths named as the charts name them
    (charts.hedged.add_phase_bands), on an axis from their start to `last`."""
    phases = pd.DataFrame(
        {
            "ordinal": [1, 2, 3],
            "start_date": pd.to_datetime(["2017-01-01", "2017-07-01", "2018-01-01"]),
            "end_date": pd.to_datetime(["2017-06-30", "2017-12-31", "2018-07-31"]),
        }
    )
    fig = go.Figure(go.Scatter(x=["2017-03-01", last], y=[1, 2], mode="markers"))
    add_phase_bands(fig, phases, pd.Timestamp(last).date(), lang)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 10})
    fig.update_xaxes(range=["2016-12-01", last])
    return fig


@pytest.mark.parametrize(
    ("last", "width", "said"),
    [
        # A figure years after the phases: at phone width they are a thin slice of the
        # axis, too close for a name each, and are named once.
        ("2026-03-31", 420, {"en": ["Phases 1–3"], "km": ["ដំណាក់កាលទី១–៣"]}),
        # Wide, two rows hold a name each.
        ("2026-03-31", 1000, {"en": ["Phase 1", "Phase 2", "Phase 3"],
                              "km": ["ដំណាក់កាលទី១", "ដំណាក់កាលទី២", "ដំណាក់កាលទី៣"]}),
        # The axis the seeds give (a year and a half): every phase named, in rows.
        ("2018-12-31", 420, {"en": ["Phase 1", "Phase 2", "Phase 3"],
                             "km": ["ដំណាក់កាលទី១", "ដំណាក់កាលទី២", "ដំណាក់កាលទី៣"]}),
    ],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "km"])
def test_phases_too_close_for_their_names_are_named_together(last, width, said, lang):
    """Phase names take at most PHASE_ROWS rows whatever the span and the language: stop
    49's growth check stretched the axis to ten years, the Khmer names stacked three rows
    deep at phone width, and an arrow under them ran through "ដំណាក់កាលទី៣"."""
    fig = fitted(_campaign(last, lang), width, 620)
    names = [n for n in fig.layout.annotations if n.yref == "y domain"]
    assert [n.text for n in names] == said[lang]
    assert len({n.yshift for n in names}) <= PHASE_ROWS


@pytest.fixture(scope="module")
def seed_figures(seed_db: Path) -> list[tuple[str, str, go.Figure]]:
    """(chart id, language, figure) of every chart the seeds give, in English and Khmer."""
    with Reader(seed_db) as reader:
        ids = list(queries.chart_titles(reader))
        rows = [queries.chart_parts(reader, i, lang) for i in ids for lang in ("en", "km")]
    return [(row["chart_id"], row["lang"], pio.from_json(row["figure"])) for row in rows if row]


def _labelled(fig: go.Figure) -> list[tuple[int, int, float]]:
    """(trace, point, x in seconds) of every point with a label, dates or categories."""
    order = list(fig.layout.xaxis.categoryarray or ())
    return [
        (n, i, float(order.index(x)) if order else pd.Timestamp(x).value / 1e9)
        for n, trace in enumerate(fig.data)
        if trace.text is not None and not isinstance(trace.text, str)
        for i, (x, text) in enumerate(zip(trace.x, trace.text, strict=True))
        if text
    ]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["phone", "wide"])
def test_the_latest_report_keeps_its_label_and_the_key_fits_in_either_language(seed_figures, size):
    """The latest report's label is the one a reader looks for: it is never left out, even
    where Khmer digits run wider ("≈ ១៧.៨០០" was, at phone width). The marker key's lines fit
    right of the y axis (a Khmer line ran off the image's edge)."""
    width, height = size
    for chart_id, lang, figure in seed_figures:
        fig = fitted(figure, width, height)
        if points := _labelled(figure):
            # Reports on the same latest spot (two figures for one phase) cannot all keep
            # their labels without printing over each other: one of them keeps its own.
            latest = max(x for *_, x in points)
            kept = [fig.data[n].text[i] for n, i, x in points if x == latest]
            assert any(kept), (chart_id, lang, [figure.data[n].text[i] for n, i, _ in points])
        room = width - fig.layout.margin.l - 70 - fig.layout.margin.r
        for note in fig.layout.annotations:
            if note.name == KEY_NAME:
                for line in note.text.split("<br>"):
                    wide = text_width(line, note.font.size) * (1.1 if lang == "km" else 1)
                    assert wide <= room, (chart_id, lang, line)


WHITE = pio.templates["plotly_white"].to_plotly_json()


@pytest.mark.parametrize("made", ["made", "read back", "built from the seeds"])
def test_charts_keep_their_look_whatever_default_another_library_set(
    made, seed_figures, monkeypatch: pytest.MonkeyPatch
):
    """Streamlit makes its own plotly template the default when it is imported. A chart made
    after that (the build in a test worker, a figure read back on the dashboard) still has
    the monitor's: in another, its axis labels ran outside the stored images."""
    monkeypatch.setattr(pio.templates, "default", "ggplot2")
    if made == "built from the seeds":
        figures = [figure for *_, figure in seed_figures]
    else:
        fig = new_figure(go.Scatter(x=[1], y=[2]))
        figures = [fig if made == "made" else figure_from(json.loads(fig.to_json()))]
    assert all(f.layout.template.to_plotly_json() == WHITE for f in figures)
    assert pio.templates.default == "ggplot2"  # the other library's default left as it was
