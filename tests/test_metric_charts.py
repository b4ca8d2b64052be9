"""Trends sections and charts follow the metrics and categories in the data, never a list in code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from charts.catalogue import CURATED, catalogue
from charts.frames import ReaderFrames
from charts.hedged import NOTHING_TO_DRAW
from charts.legible import fitted
from charts.style import NARROW, WIDE
from database.connection import Reader
from monitor import figure_texts


class Grown(ReaderFrames):
    """The seed database's frames, with one metric (and its figures) added as the read layer
    would give them: a test's stand-in for a curated YAML edit and a build."""

    def __init__(self, reader: Reader, metric: dict[str, object], figures: pd.DataFrame) -> None:
        super().__init__(reader)
        self.metric, self.figures = metric, figures

    def metrics(self) -> pd.DataFrame:
        base = super().metrics()
        added = {**base.iloc[0].to_dict(), **self.metric}
        added["n_figures"] = len(self.figures)
        added["n_numbers"] = int(self.figures["value"].notna().sum())
        return pd.concat([base, pd.DataFrame([added])], ignore_index=True)

    def indicators(self, *, metric_ids: Sequence[str] = ()) -> pd.DataFrame:
        if list(metric_ids) == [self.metric["metric_id"]]:
            return self.figures
        return super().indicators(metric_ids=metric_ids)


def _figure(reader: Reader, metric_id: str, **changes: object) -> pd.DataFrame:
    """One figure of the seeds, moved to metric_id and changed as asked."""
    row = ReaderFrames(reader).indicators().iloc[[0]].copy()
    row["metric_id"], row["metric_label"] = metric_id, "Cases heard"
    for column, value in changes.items():
        row[column] = value
    return row.reset_index(drop=True)


NEW = {
    "metric_id": "cases-heard",
    "label": "Cases heard",
    "unit": "hearings",
    "unit_label": "cases heard",
    "category": "courts",
    "category_label": "Courts",
    "headline_rank": None,
}


@pytest.mark.parametrize(
    ("ordinal", "place"),
    [(0, 0), (99, -1)],
    ids=["category declared first", "category declared last"],
)
def test_a_new_metric_in_a_new_category_gets_a_section_and_a_chart(
    seed_db: Path, ordinal: int, place: int
):
    with Reader(seed_db) as reader:
        figures = _figure(reader, "cases-heard", value=300.0, qualifier="more_than")
        frames = Grown(reader, {**NEW, "category_ordinal": ordinal}, figures)
        charts = catalogue(frames)
        chart = charts.build("metric-cases-heard", frames)
    assert list(charts.sections)[place] == "courts"
    assert charts.sections["courts"].label == "Courts"
    assert charts.sections["courts"].chart_ids == ("metric-cases-heard",)
    assert chart is not None and chart.title == "Cases heard"
    assert chart.figure.layout.yaxis.title.text == "cases heard"
    assert "more than 300" in chart.takeaway
    assert charts.section(None, "metric-cases-heard") == charts.sections["courts"]


def test_a_metric_reported_in_words_only_says_so_and_draws_no_number(seed_db: Path):
    with Reader(seed_db) as reader:
        figures = _figure(
            reader,
            "cases-heard",
            value=None,
            qualifier=None,
            value_low=None,
            value_high=None,
            vague="dozens",
            label="dozens (no number given)",
        )
        frames = Grown(reader, {**NEW, "category_ordinal": 99}, figures)
        chart = catalogue(frames).build("metric-cases-heard", frames)
    assert chart is not None
    assert "“dozens”" in chart.takeaway and "no number" in chart.takeaway
    assert not chart.figure.data
    assert [a.text for a in chart.figure.layout.annotations] == [NOTHING_TO_DRAW]
    assert chart.evidence["label"].tolist() == ["dozens (no number given)"]


def test_a_category_without_figures_has_no_section(seed_db: Path):
    with Reader(seed_db) as reader:
        frames = Grown(reader, {**NEW, "category_ordinal": 99}, _figure(reader, "x").iloc[0:0])
        charts = catalogue(frames)
    assert "courts" not in charts.sections
    assert "metric-cases-heard" not in charts.charts


def test_a_curated_chart_shows_in_every_section_whose_figures_it_draws(seed_db, seed_charts):
    with Reader(seed_db) as reader:
        metrics = ReaderFrames(reader).metrics()
    reported = metrics[metrics["n_numbers"] > 0]
    category_of = dict(zip(reported["metric_id"], reported["category"], strict=True))
    missing = [
        (chart_id, category)
        for chart_id, spec in CURATED.items()
        for category in {category_of[m] for m in spec.metric_ids if m in category_of}
        if chart_id not in seed_charts.sections[category].chart_ids
    ]
    assert missing == []


def test_the_overview_leads_with_the_metrics_the_data_ranks(seed_db: Path):
    with Reader(seed_db) as reader:
        metrics = ReaderFrames(reader).metrics()
    ranked = metrics.dropna(subset=["headline_rank"]).sort_values("headline_rank")
    assert len(ranked) > 1
    assert figure_texts.headline_metrics(metrics) == tuple(ranked["metric_id"])
    # Ranks reversed in the data: the headlines follow, no code touched.
    top = int(ranked["headline_rank"].max()) + 1
    reversed_ranks = metrics.assign(headline_rank=top - metrics["headline_rank"])
    assert figure_texts.headline_metrics(reversed_ranks) == tuple(ranked["metric_id"])[::-1]


class After(ReaderFrames):
    """The seed database's frames with two arrest counts of one later day added, as a grown
    corpus gives them: one approximate, one a lower bound (drawn with an arrow up)."""

    def indicators(self, *, metric_ids: Sequence[str] = ()) -> pd.DataFrame:
        base = super().indicators(metric_ids=metric_ids)
        if "arrests-total" not in metric_ids:
            return base
        seed = base[base["metric_id"] == "arrests-total"].iloc[[-1]]
        later = pd.concat([seed, seed], ignore_index=True).assign(
            indicator_id=["later-about-212", "later-over-45"],
            value=[212.0, 45.0],
            qualifier=["approx", "more_than"],
            label=["≈ 212", "> 45"],
            period_start=pd.Timestamp("2019-03-01"),
            period_end=pd.Timestamp("2019-03-31"),
            as_of=pd.Timestamp("2019-03-31"),
            phase_id=None,
            source_id=["later-a", "later-b"],
            source_label=["2 Apr 2019 · Later report A", "3 Apr 2019 · Later report B"],
        )
        return pd.concat([base, later], ignore_index=True)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_figures_after_the_phases_are_seen_and_the_latest_keeps_a_label(seed_db: Path, lang):
    """Two small reports of one day after the last phase (a grown corpus's provincial counts):
    the timeline draws them and one keeps its label at phone and laptop width (a lower
    bound's arrow blocked every place of both); the by-phase chart draws nothing off its
    axis (they were drawn past its end, unseen, and its labels were not thinned)."""
    with Reader(seed_db) as reader:
        frames = After(reader)
        charts = catalogue(frames)
        timeline = charts.charts["arrests-over-time"].build(frames, lang)
        by_phase = charts.charts["arrests-by-phase"].build(frames, lang)
    latest = pd.Timestamp("2019-03-31")
    for width, height in (NARROW, WIDE):
        fig = fitted(timeline.figure, width, height)
        kept = [
            text
            for trace in fig.data
            for x, text in zip(trace.x, trace.text, strict=True)
            if pd.Timestamp(x) == latest and text
        ]
        assert kept, (width, lang)
    columns = set(by_phase.figure.layout.xaxis.categoryarray)
    assert {x for trace in by_phase.figure.data for x in trace.x} <= columns
