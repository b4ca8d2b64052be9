"""A figure reported years after the rest, or years before, or with long words, leaves every label of a chart's stored images clear, in either language.

Growth is data: at stop 47's growth check one made-up article, 14 arrests in Kep in March
2024, stretched the arrests chart's time axis from one year to seven, and its phone drawing's
first bound arrow ran through the y axis's "5k" (the 20 days the axis kept before the first
figure were 2 px), its print layout's phase names printed over each other and its Khmer year
ticks over each other (charts.legible places each in pixels now). Here made-up arrests
figures in the seeds' shape (FIGURES, fixed in this file: an article added to seeds/ is
growth, and stop 49's growth check broke this test through the seeds) get one more figure,
of each hedge, 3 to 20 years after the latest or 4 to 12 before the earliest (which
squeezes the phases to the right: a Khmer phase name ran off the phone drawing, the print
legend's last row under its footer); each chart is laid out as the build lays out its
stored images (etl.chart_images.drawings: wide, phone and print SVG, each case only the
kinds it needs), drawn by Chromium in one batch, and read with the check the stored-image
browser test uses (tests/label_clashes.py).

Long words are data too: at stop 48 the seeds' Khmer drawings had 9 label problems no test
saw: long Khmer legend entries whose rows' letters reached into the row below, a one-line Khmer
takeaway over the print's marker key, a Khmer print footer running off the drawing. LABELS gives
the arrests chart one more article whose words are long, in English and in Khmer (without
spaces, as Khmer is written), or a one-line takeaway, drawn in the same batch and read the same
way; and the growth check's own case, a long title beside a figure years after the phases (GROWN).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence

import pandas as pd
import pytest

from charts.catalogue import CURATED
from charts.drawing import draw_all, png_problem
from charts.hedged import LOWER, UPPER, reference_date
from data_model.qualifiers import QUALIFIER_SYMBOLS, Qualifier
from data_model.wording import hedged_label, unit_words
from etl.chart_images import drawings
from tests.label_clashes import TEXT_CLASHES, at_drawing_size

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: The chart the growth check broke: every hedge (arrows, a range bar) and the phase names.
CHART = "arrests-over-time"
KINDS = ("svg-wide", "svg-narrow", "svg-print")
LANGS = ("en", "km")
#: The kinds a case about the date axis draws: the phone's (the narrowest plot, where the
#: phases take the thinnest slice and Khmer year ticks crowd) and the print's (its own fonts
#: and phase-name rows); the wide drawing, roomier than both, is drawn for the first span.
AXIS = ("svg-narrow", "svg-print")
#: The kind a case about the print's own words draws (its footer, its takeaway and key).
PRINT = ("svg-print",)


@dataclasses.dataclass(frozen=True)
class Case:
    """One case: the arrests chart with a made-up article added, its figure `years`
    after the latest (negative: before the earliest), its words in place of _with_figure's,
    the chart's takeaway in place of its own by language, drawn in `kinds` and `langs`."""

    name: str
    years: int
    qualifier: str
    value: float
    words: dict = dataclasses.field(default_factory=dict)
    takeaways: dict = dataclasses.field(default_factory=dict)
    kinds: tuple[str, ...] = KINDS
    langs: tuple[str, ...] = LANGS
    #: The figures added to: FIGURES, or GROWN (the growth check's Kep figure among them).
    grown: bool = False
    #: Every article's title in its Khmer label, in the articles' order, where given.
    titles_km: tuple[str, ...] = ()


SPANS = [
    Case("6 years after, exact (the growth check's Kep figure)", 6, "exact", 14),
    Case("3 years after, more than", 3, "more_than", 900, kinds=AXIS),
    Case("20 years after, approximate", 20, "approx", 30_000, kinds=AXIS),
    Case("4 years before, approximate", -4, "approx", 2_000, kinds=AXIS),
    Case("6 years before, fewer than", -6, "fewer_than", 3_000, kinds=AXIS),
    Case("12 years before, more than", -12, "more_than", 500, kinds=AXIS),
]
#: A made-up article title that runs on, and Khmer written as it is, without spaces between
#: words (one zero-width space, where a writer marks a break); made-up words, not an article's.
LONG_TITLE = (
    "A made-up report whose title runs on about arrests, detentions and treatment centres"
    " in every province and town of the kingdom"
)
ROW_KHMER = "ការឃាត់ខ្លួនអ្នកប្រើប្រាស់គ្រឿងញៀននៅក្នុងខេត្តនិងក្រុងទាំងអស់"
LONG_KHMER = f"{ROW_KHMER}\u200bនៃព្រះរាជាណាចក្រកម្ពុជាក្នុងយុទ្ធនាការប្រឆាំងគ្រឿងញៀន"
#: Made-up Khmer titles, each a line of a legend (about 30 letters, with subscripts).
KHMER_TITLES = (
    "របាយការណ៍ស្តីពីការឃាត់ខ្លួនជនសង្ស័យ",
    "សន្និសីទសារព័ត៌មានរបស់អាជ្ញាធរ",
    "លទ្ធផលនៃយុទ្ធនាការប្រឆាំងគ្រឿងញៀន",
    "ការប្រជុំបូកសរុបប្រចាំឆ្នាំ",
    "ការបង្ក្រាបគ្រឿងញៀននៅតាមខេត្ត",
)
#: An address a line cannot break at a space.
LONG_ADDRESS = "https://example.org/" + "a-made-up-address-without-spaces-" * 4
#: The figure each LABELS case adds: approximate, so its range bar is drawn.
LABEL_FIGURE = (2, "approx", 2_000)

LABELS = [
    Case("a long English article title", *LABEL_FIGURE,
         words={"source_label": f"1 Mar 2019 · {LONG_TITLE}"}),
    # Stop 49's growth check: the Kep figure stretched the axis to ten years, the phases
    # a thin slice of the phone's plot, their Khmer names three rows deep over the arrows,
    # the long title's legend rows taking the plot's height.
    Case("a long English article title, years after the phases", *LABEL_FIGURE,
         words={"source_label": f"1 Mar 2026 · {LONG_TITLE}"}, kinds=AXIS, grown=True),
    # One line, too long to stand beside another: a row of its own, under the row before
    # (the rows beside it hold the other labels, Khmer dates and English titles, whose
    # boxes are short: this case does not see Khmer letters' rows reach into each other,
    # the seeds' 90 drawings did, docs/benchmarks.md stop 49). Khmer words only: the
    # English drawings are the plain added figure's.
    Case("a Khmer article title a row long", *LABEL_FIGURE,
         words={"source_label_km": f"១ មីនា ២០១៩ · {ROW_KHMER}"}, langs=("km",)),
    Case("a long Khmer article title", *LABEL_FIGURE, langs=("km",),  # English: the case above
         words={"source_label": f"1 Mar 2019 · {LONG_TITLE}",
                "source_label_km": f"១ មីនា ២០១៩ · {LONG_KHMER}"}),
    # Every legend entry a Khmer line (the articles' titles in Khmer), two or three to a
    # row: the rows are set apart by the height Khmer letters stand (charts.legible.row_gap),
    # where plotly's own rows let the vowels above and the subscripts below of one row print
    # over the next (the seeds' treatment and seizures charts, stop 48).
    Case("Khmer article titles in rows", *LABEL_FIGURE, langs=("km",), titles_km=KHMER_TITLES),
    # Print only, at its two ends: the citation's footer; the takeaway over the marker key.
    Case("a long citation and address, a one-line takeaway over the key", *LABEL_FIGURE,
         kinds=PRINT,
         words={"source_citation": f"Made-up Weekly, “{LONG_TITLE}”, 1 Mar 2019, {LONG_ADDRESS}",
                "source_citation_km": f"Made-up Weekly, “{LONG_KHMER}”, ១ មីនា ២០១៩, {LONG_ADDRESS}"},
         takeaways={"en": "Reported: 5,974 (1 Jan 2021 – 31 Dec 2021).",
                    "km": "បានរាយការណ៍៖ ៥.៩៧៤ (១ មករា ២០២១ – ៣១ ធ្នូ ២០២១)។"}),
]  # fmt: skip

#: Each hedge's bounds, as the build stores them (data_model.qualifiers: approx is ±10%).
_BOUNDS = {
    "exact": lambda v: (v, v),
    "approx": lambda v: (v * 0.9, v * 1.1),
    "more_than": lambda v: (v, float("nan")),
    "fewer_than": lambda v: (float("nan"), v),
}

#: Made-up phases, as the seeds' three: a six-month drive, its extension, a third phase.
PHASES = pd.DataFrame(
    {
        "phase_id": ["phase-1", "phase-2", "phase-3"],
        "ordinal": [1, 2, 3],
        "name": ["Phase 1: a made-up drive", "Phase 2: its made-up extension", "Phase 3: more"],
        "label_km": ["ដំណាក់កាលទី១៖ ក", "ដំណាក់កាលទី២៖ ខ", "ដំណាក់កាលទី៣៖ គ"],
        "start_date": pd.to_datetime(["2017-01-01", "2017-07-01", "2018-01-01"]),
        "end_date": pd.to_datetime(["2017-06-30", "2017-12-31", "2018-07-31"]),
        "description": ["Made up."] * 3,
        "date_basis": ["Made up."] * 3,
    }
)


def _report(
    n: int, value: float, qualifier: str, start: str | None, end: str | None, as_of: str, **words
) -> dict:
    """One made-up arrests figure as the read layer gives it (charts.frames), of made-up
    article `n`: its words made up, its shape the seeds' (a period, or only an as-of date)."""
    low, high = _BOUNDS[qualifier](float(value))
    row = {
        "indicator_id": f"made-up-{n}-{qualifier}-{value:g}",
        "metric_id": "arrests-total",
        "metric_label": "Total arrests",
        "metric_label_km": "ចំនួនអ្នកត្រូវឃាត់ខ្លួនសរុប",
        "category": "arrests",
        "category_label": "Arrests",
        "value": float(value),
        "value_to": float("nan"),
        "qualifier": qualifier,
        "value_low": low,
        "value_high": high,
        "unit": "people",
        "unit_label": "people",
        "unit_kind": "count",
        "currency": None,
        "vague": None,
        "restates": None,
        "restates_note": None,
        "period_start": pd.Timestamp(start) if start else pd.NaT,
        "period_end": pd.Timestamp(end) if end else pd.NaT,
        "as_of": pd.Timestamp(as_of),
        "phase_id": None,
        "phase_name": None,
        "geography": "national",
        "actor_id": "made-up-officials",
        "actor_name": "Officials (made up)",
        "actor_name_km": None,
        "attribution": "officials",
        "quote": f"a made-up quote giving {value:g}",
        "note": None,
        "note_km": None,
        "source_id": f"made-up-{n}",
        "source_title": "A made-up report",
        "source_outlet": "Made-up Weekly",
        "source_url": f"https://example.org/made-up-{n}",
        "source_published_on": pd.Timestamp(as_of),
        "source_date_precision": "day",
        "source_date_inferred": False,
        "source_label": f"{pd.Timestamp(as_of):%-d %b %Y} · A made-up report {n}",
        "source_label_km": None,
        "source_citation": f"Made-up Weekly, “A made-up report {n}”, {pd.Timestamp(as_of):%-d %b %Y}",
        "source_citation_km": None,
        "source_archive_url": None,
        "source_accessed": pd.NaT,
        "source_added": f"{n:03d}_made_up.txt",
    } | words
    row["label"] = hedged_label(float(value), qualifier, unit_words(row))
    return row


#: The figures every case starts from, made up in the seeds' shape (stop 49): five national
#: counts of four articles, every hedge but "fewer than", over the three phases, the last
#: known only by its as-of date; the words of the legend (an article's date and title) about
#: as long as the seeds'.
FIGURES = pd.DataFrame(
    [
        _report(1, 1_055, "exact", "2017-01-01", "2017-01-11", "2017-01-13",
                source_label="13 Jan 2017 · A made-up count of ten days",
                source_label_km="១៣ មករា ២០១៧ · A made-up count of ten days"),
        _report(1, 1_000, "more_than", "2017-01-01", "2017-01-12", "2017-01-13",
                source_label="13 Jan 2017 · A made-up count of ten days",
                source_label_km="១៣ មករា ២០១៧ · A made-up count of ten days"),
        _report(2, 8_000, "more_than", "2017-01-01", "2017-06-26", "2017-06-27",
                source_label="27 Jun 2017 · A made-up report that the drive may go on longer",
                source_label_km="២៧ មិថុនា ២០១៧ · A made-up report that the drive may go on longer"),
        _report(3, 17_800, "more_than", "2017-01-01", "2017-12-31", "2018-01-15",
                source_label="2018 · A made-up review of the drive's year",
                source_label_km="២០១៨ · A made-up review of the drive's year"),
        _report(4, 17_800, "approx", None, None, "2018-02-14",
                source_label="14 Feb 2018 · A made-up tally of the drive's mixed results",
                source_label_km="១៤ កុម្ភៈ ២០១៨ · A made-up tally of the drive's mixed results"),
    ]
)  # fmt: skip
#: Stop 49's growth check, made up alike: one provincial figure six years after the rest
#: (14 arrests in March 2024), which stretches the time axis from one year to seven.
GROWN = pd.concat(
    [
        FIGURES,
        pd.DataFrame(
            [
                _report(
                    5,
                    14,
                    "exact",
                    "2024-03-01",
                    "2024-03-31",
                    "2024-04-02",
                    geography="Kep",
                    source_label="2 Apr 2024 · A made-up provincial report of a quiet month",
                    source_label_km="២ មេសា ២០២៤ · A made-up provincial report of a quiet month",
                ),
            ]
        ),  # fmt: skip
    ],
    ignore_index=True,
)


def _with_figure(
    seed: pd.DataFrame, years: int, qualifier: str, value: float, words: dict | None = None
) -> pd.DataFrame:
    """The figures and one more, of a made-up article added last, for the month `years`
    after the latest figure (or before the earliest); `words` in place of its own."""
    dates = reference_date(seed)
    day = (dates.max() if years > 0 else dates.min()) + pd.DateOffset(years=years)
    start = day.replace(day=1)
    end = start + pd.offsets.MonthEnd(0)
    row = _report(99, value, qualifier, f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", f"{end:%Y-%m-%d}")
    row |= {
        "indicator_id": "made-up-span",
        "source_id": "made-up-span",
        "source_label": f"{start:%-d %b %Y} · A made-up report",
        "source_citation": f"Made-up Weekly, “A made-up report”, {start:%-d %b %Y}",
        "source_added": "999_made_up.txt",
    }
    row |= words or {}
    return pd.concat([seed, pd.DataFrame([row])], ignore_index=True)


def _figures_of(case: Case) -> pd.DataFrame:
    """The figures a case draws: FIGURES or GROWN, its article added, its Khmer titles."""
    figures = _with_figure(
        GROWN if case.grown else FIGURES, case.years, case.qualifier, case.value, case.words
    )
    if case.titles_km:
        titles = dict(zip(figures["source_id"].unique(), case.titles_km, strict=True))
        figures["source_label_km"] = [
            f"{str(km or en).split(' · ')[0]} · {titles[source]}"
            for km, en, source in zip(
                figures["source_label_km"],
                figures["source_label"],
                figures["source_id"],
                strict=True,
            )
        ]
    return figures


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
def drawn() -> tuple[dict[tuple[str, str, str], str], dict[str, list[str]]]:
    """(case, language, kind) -> the SVG the build would store, every case drawn in one batch;
    and each case's English point labels (its evidence)."""
    if (problem := png_problem()) is not None:
        pytest.skip(f"no chart images without Chromium: {problem}")
    charts = {}
    for case in SPANS + LABELS:
        figures = _figures_of(case)
        for lang in LANGS:
            chart = CURATED[CHART].build(_Figures(figures, PHASES), lang)
            takeaway = case.takeaways.get(lang, chart.takeaway)
            charts[(case.name, lang)] = dataclasses.replace(chart, takeaway=takeaway)
    planned = [
        (case.name, lang, kind, drawing)
        for case in SPANS + LABELS
        for lang in case.langs
        for _, kind, drawing in drawings([charts[(case.name, lang)]], None, kinds=case.kinds)
    ]
    images = draw_all([drawing for *_, drawing in planned])
    svgs = {
        (case, lang, kind): at_drawing_size(image) if kind == "svg-print" else image.decode()
        for (case, lang, kind, _), image in zip(planned, images, strict=True)
    }
    # Each case's printed labels, one per point drawn: the hedges the drawing must show.
    labels = {
        case.name: charts[(case.name, "en")].evidence["label"].tolist() for case in SPANS + LABELS
    }
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


@pytest.mark.parametrize("case", SPANS, ids=[c.name for c in SPANS])
def test_a_figure_years_from_the_rest_leaves_every_label_clear(drawn, clashes, case):
    """Phone and print drawings (the first case's wide too), English and Khmer: no text over
    another, none crossed by a range bar or an arrow, none out of its drawing; every hedge
    drawn as it was."""
    _assert_clear_and_hedged(drawn, clashes, case)


@pytest.mark.parametrize("case", LABELS, ids=[c.name for c in LABELS])
def test_long_words_in_either_language_leave_every_label_clear(drawn, clashes, case):
    """Long legend entries (beside a figure years after the phases too), a long citation with
    an address in the print's footer, a one-line takeaway above the print's marker key, in
    English and in Khmer: no text over another or out of its drawing, every hedge drawn as
    it was."""
    _assert_clear_and_hedged(drawn, clashes, case)


def _assert_clear_and_hedged(drawn, clashes, case: Case) -> None:
    svgs, labels = drawn
    problems = [
        f"{lang} {kind}: {problem}"
        for lang in case.langs
        for kind in case.kinds
        for problem in clashes(svgs[(case.name, lang, kind)])
    ]
    assert problems == []
    # A bound keeps its arrow and an approximate figure its range bar, the added one's too.
    bounds = tuple(QUALIFIER_SYMBOLS[Qualifier(q)] for q in (*LOWER, *UPPER))
    approx = QUALIFIER_SYMBOLS[Qualifier.approx]
    said = labels[case.name]
    assert any(label.startswith(QUALIFIER_SYMBOLS[Qualifier(case.qualifier)]) for label in said)
    for lang in case.langs:
        for kind in case.kinds:
            svg = svgs[(case.name, lang, kind)]
            arrows = sum(label.startswith(bounds) for label in said)
            bars = sum(label.startswith(approx) for label in said)
            assert svg.count('class="annotation-arrow-g"') == arrows, (lang, kind)
            assert svg.count('class="errorbar"') == bars, (lang, kind)
