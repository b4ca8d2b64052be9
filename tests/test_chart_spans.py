"""A figure reported years after the rest, or years before, or with long words, leaves every label of a chart's stored images clear, in either language.

Growth is data: at stop 47's growth check one made-up article, 14 arrests in Kep in March
2024, stretched the arrests chart's time axis from one year to seven, and its phone drawing's
first bound arrow ran through the y axis's "5k" (the 20 days the axis kept before the first
figure were 2 px), its print layout's phase names printed over each other and its Khmer year
ticks over each other (charts.legible places each in pixels now). Here the seeds' arrests
figures get one more figure, of each hedge, 3 to 20 years after the latest or 4 to 12
before the earliest (which squeezes the phases to the right: a Khmer phase name ran off the
phone drawing, the print legend's last row under its footer); each chart is laid out as the
build lays out its stored images (etl.chart_images.drawings: wide, phone and print SVG),
drawn by Chromium in one batch, and read with the check the stored-image browser test uses
(tests/label_clashes.py).

Long words are data too: at stop 48 the seeds' Khmer drawings had 9 label problems no test
saw (the browser test reads the English drawings): long Khmer legend entries whose rows'
letters reached into the row below, a one-line Khmer takeaway over the print's marker key,
a Khmer print footer running off the drawing. LABELS gives the arrests chart one more
article whose words are long, in English and in Khmer (without spaces, as Khmer is
written), or a one-line takeaway, drawn in the same batch and read the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest

from charts.catalogue import CURATED
from charts.drawing import draw_all, png_problem
from charts.frames import ReaderFrames
from charts.hedged import LOWER, UPPER, reference_date
from data_model.qualifiers import QUALIFIER_SYMBOLS, Qualifier
from data_model.wording import hedged_label, unit_words
from database.connection import Reader
from etl.chart_images import drawings
from tests.label_clashes import TEXT_CLASHES, at_drawing_size

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: The chart the growth check broke: every hedge (arrows, a range bar) and the phase names.
CHART = "arrests-over-time"
KINDS = ("svg-wide", "svg-narrow", "svg-print")
LANGS = ("en", "km")

#: (case, years after the latest figure (negative: before the earliest), hedge, figure).
SPANS = [
    ("6 years after, exact (the growth check's Kep figure)", 6, "exact", 14),
    ("3 years after, more than", 3, "more_than", 900),
    ("20 years after, approximate", 20, "approx", 30_000),
    ("4 years before, approximate", -4, "approx", 2_000),
    ("6 years before, fewer than", -6, "fewer_than", 3_000),
    ("12 years before, more than", -12, "more_than", 500),
]
#: A made-up article title that runs on, and Khmer written as it is, without spaces between
#: words (one zero-width space, where a writer marks a break); made-up words, not an article's.
LONG_TITLE = (
    "A made-up report whose title runs on about arrests, detentions and treatment centres"
    " in every province and town of the kingdom"
)
ROW_KHMER = "ការឃាត់ខ្លួនអ្នកប្រើប្រាស់គ្រឿងញៀននៅក្នុងខេត្តនិងក្រុងទាំងអស់"
LONG_KHMER = f"{ROW_KHMER}\u200bនៃព្រះរាជាណាចក្រកម្ពុជាក្នុងយុទ្ធនាការប្រឆាំងគ្រឿងញៀន"
#: An address a line cannot break at a space.
LONG_ADDRESS = "https://example.org/" + "a-made-up-address-without-spaces-" * 4

#: (case, the added article's words in place of _with_figure's, the chart's takeaway in
#: place of its own by language).
LABELS = [
    ("a long English article title", {"source_label": f"1 Mar 2019 · {LONG_TITLE}"}, {}),
    # One line, too long to stand beside another: a row of its own, under the row before
    # (the rows beside it hold the seeds' labels, Khmer dates and English titles, whose
    # boxes are short: this case does not see Khmer letters' rows reach into each other,
    # the seeds' 90 drawings did, docs/benchmarks.md stop 49).
    ("a Khmer article title a row long", {"source_label_km": f"១ មីនា ២០១៩ · {ROW_KHMER}"}, {}),
    (
        "a long Khmer article title",
        {
            "source_label": f"1 Mar 2019 · {LONG_TITLE}",
            "source_label_km": f"១ មីនា ២០១៩ · {LONG_KHMER}",
        },
        {},
    ),
    (
        "a long citation and address",
        {
            "source_citation": f"Made-up Weekly, “{LONG_TITLE}”, 1 Mar 2019, {LONG_ADDRESS}",
            "source_citation_km": f"Made-up Weekly, “{LONG_KHMER}”, ១ មីនា ២០១៩, {LONG_ADDRESS}",
        },
        {},
    ),
    (
        "a one-line takeaway over the key",
        {},
        {
            "en": "Reported: 5,974 (1 Jan 2021 – 31 Dec 2021).",
            "km": "បានរាយការណ៍៖ ៥.៩៧៤ (១ មករា ២០២១ – ៣១ ធ្នូ ២០២១)។",
        },
    ),
]
#: The figure each LABELS case adds: approximate, so its range bar is drawn.
LABEL_FIGURE = (2, "approx", 2_000)

#: Each hedge's bounds, as the build stores them (data_model.qualifiers: approx is ±10%).
_BOUNDS = {
    "exact": lambda v: (v, v),
    "approx": lambda v: (v * 0.9, v * 1.1),
    "more_than": lambda v: (v, float("nan")),
    "fewer_than": lambda v: (float("nan"), v),
}


def _with_figure(
    seed: pd.DataFrame, years: int, qualifier: str, value: float, words: dict | None = None
) -> pd.DataFrame:
    """The seeds' figures and one more, of a made-up article added last, for the month
    `years` after the latest figure (or before the earliest); `words` in place of its own."""
    dates = reference_date(seed)
    day = (dates.max() if years > 0 else dates.min()) + pd.DateOffset(years=years)
    start = day.replace(day=1)
    low, high = _BOUNDS[qualifier](float(value))
    row = seed.iloc[0].to_dict() | {
        "indicator_id": "made-up-span",
        "value": float(value),
        "qualifier": qualifier,
        "value_low": low,
        "value_high": high,
        "restates": None,
        "period_start": start,
        "period_end": start + pd.offsets.MonthEnd(0),
        "as_of": start + pd.offsets.MonthEnd(0),
        "source_id": "made-up-span",
        "source_label": f"{start:%-d %b %Y} · A made-up report",
        "source_label_km": None,
        "source_citation": f"Made-up Weekly, “A made-up report”, {start:%-d %b %Y}",
        "source_citation_km": None,
        "source_added": "999_made_up.txt",
    }
    row |= words or {}
    row["label"] = hedged_label(float(value), qualifier, unit_words(row))
    return pd.concat([seed, pd.DataFrame([row])], ignore_index=True)


class _Figures:
    """The charts' frames (charts.catalogue.Frames) with the figures given."""

    def __init__(self, indicators: pd.DataFrame, phases: pd.DataFrame) -> None:
        self._indicators, self._phases = indicators, phases

    def indicators(self, *, metric_ids: Sequence[str] = ()) -> pd.DataFrame:
        keep = self._indicators["metric_id"].isin(metric_ids) if metric_ids else True
        return self._indicators[keep]

    def phases(self) -> pd.DataFrame:
        return self._phases


@pytest.fixture(scope="module")
def drawn(seed_db: Path) -> tuple[dict[tuple[str, str, str], str], dict[str, list[str]]]:
    """(case, language, kind) -> the SVG the build would store, every case drawn in one batch;
    and each case's English point labels (its evidence)."""
    if (problem := png_problem()) is not None:
        pytest.skip(f"no chart images without Chromium: {problem}")
    with Reader(seed_db) as reader:
        frames = ReaderFrames(reader)
        seed, phases = (
            frames.indicators(metric_ids=list(CURATED[CHART].metric_ids)),
            frames.phases(),
        )
    charts = {
        (case, lang): CURATED[CHART].build(_Figures(_with_figure(seed, *figure), phases), lang)
        for case, *figure in SPANS
        for lang in LANGS
    }
    for case, words, takeaways in LABELS:
        for lang in LANGS:
            chart = CURATED[CHART].build(
                _Figures(_with_figure(seed, *LABEL_FIGURE, words), phases), lang
            )
            takeaway = takeaways.get(lang, chart.takeaway)
            charts[(case, lang)] = dataclasses.replace(chart, takeaway=takeaway)
    planned = [
        (case, lang, kind, drawing)
        for (case, lang), chart in charts.items()
        for _, kind, drawing in drawings([chart], None, kinds=KINDS)
    ]
    images = draw_all([drawing for *_, drawing in planned])
    svgs = {
        (case, lang, kind): at_drawing_size(image) if kind == "svg-print" else image.decode()
        for (case, lang, kind, _), image in zip(planned, images, strict=True)
    }
    # Each case's printed labels, one per point drawn: the hedges the drawing must show.
    labels = {case: charts[(case, "en")].evidence["label"].tolist() for case, *_ in SPANS + LABELS}
    return svgs, labels


@pytest.fixture(scope="module")
def clashes(shared_context) -> Iterator[Callable[[str], list[str]]]:
    """The label check on one SVG drawn at its own size (one tab for the module)."""
    tab = shared_context().new_page()
    tab.set_viewport_size({"width": 1700, "height": 1000})

    def check(svg: str) -> list[str]:
        tab.set_content(f"<body style='margin:0'>{svg}</body>")
        return tab.evaluate(TEXT_CLASHES)

    yield check
    tab.close()


@pytest.mark.parametrize(("case", "years", "qualifier", "value"), SPANS, ids=[s[0] for s in SPANS])
def test_a_figure_years_from_the_rest_leaves_every_label_clear(
    drawn, clashes, case, years, qualifier, value
):
    """Wide, phone and print drawings, English and Khmer: no text over another, none crossed
    by a range bar or an arrow, none out of its drawing; every hedge drawn as it was."""
    _assert_clear_and_hedged(drawn, clashes, case, qualifier)


@pytest.mark.parametrize(("case", "words", "takeaways"), LABELS, ids=[c[0] for c in LABELS])
def test_long_words_in_either_language_leave_every_label_clear(
    drawn, clashes, case, words, takeaways
):
    """Long legend entries, a long citation with an address in the print's footer, a one-line
    takeaway above the print's marker key, in English and in Khmer: wide, phone and print
    drawings with no text over another or out of its drawing, every hedge drawn as it was."""
    _assert_clear_and_hedged(drawn, clashes, case, LABEL_FIGURE[1])


def _assert_clear_and_hedged(drawn, clashes, case: str, qualifier: str) -> None:
    svgs, labels = drawn
    problems = [
        f"{lang} {kind}: {problem}"
        for lang in LANGS
        for kind in KINDS
        for problem in clashes(svgs[(case, lang, kind)])
    ]
    assert problems == []
    # A bound keeps its arrow and an approximate figure its range bar, the added one's too.
    bounds = tuple(QUALIFIER_SYMBOLS[Qualifier(q)] for q in (*LOWER, *UPPER))
    approx = QUALIFIER_SYMBOLS[Qualifier.approx]
    assert any(label.startswith(QUALIFIER_SYMBOLS[Qualifier(qualifier)]) for label in labels[case])
    for kind in KINDS:
        svg = svgs[(case, "en", kind)]
        assert svg.count('class="annotation-arrow-g"') == sum(
            label.startswith(bounds) for label in labels[case]
        ), kind
        assert svg.count('class="errorbar"') == sum(
            label.startswith(approx) for label in labels[case]
        ), kind
