"""Charts in Khmer (stored by the build in each language), actors' Khmer names, and a
statement's unofficial translation from the YAML to the page and the CSV."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from charts.hedged import NAME_GAP, NARROW_PLOT
from charts.legible import text_width, wrap_legend, wrap_text
from charts.model import StoredChart
from corpus.khmer import word_spans
from data_model.i18n import translator
from data_model.tables import STATEMENTS
from database import queries
from database.connection import Reader
from database.downloads import DOWNLOAD_TABLES
from etl.build import build
from monitor.texts import shown_name, statement_markdown

KM = translator("km")
KHMER_DIGIT = re.compile(r"[០-៩]")


def _chart(db: Path, chart_id: str, lang: str) -> StoredChart:
    with Reader(db) as reader:
        return StoredChart.from_row(queries.chart_parts(reader, chart_id, lang) or {})


def _texts(figure: go.Figure) -> list[str]:
    """Every word a drawing prints: point labels, legend, annotations, axis titles, ticks."""
    layout = figure.layout
    out = [str(t) for trace in figure.data for t in (trace.text or ()) if t]
    out += [str(trace.name) for trace in figure.data if trace.name]
    out += [str(a.text) for a in layout.annotations if a.text]
    out += [str(layout.yaxis.title.text or ""), *(str(t) for t in layout.xaxis.ticktext or ())]
    return out


def test_a_chart_is_stored_in_khmer_words_beside_its_english(seed_db: Path):
    english, khmer = (_chart(seed_db, "arrests-over-time", lang) for lang in ("en", "km"))
    assert khmer.lang == "km" and english.lang == "en"
    assert khmer.title == KM.gettext(english.title) != english.title
    # The takeaway's hedges and numbers as Cambodian readers write them.
    more_than = KM.gettext("more than {amount}").format(amount="").strip()
    assert ("more than" in english.takeaway) == (more_than in khmer.takeaway)
    assert KHMER_DIGIT.search(khmer.takeaway) and not re.search(r"[0-9]", khmer.takeaway)
    drawn = " ".join(_texts(khmer.figure))
    assert KM.gettext("Phase {number}").format(number="១") in drawn  # the phase bands
    assert KM.gettext("people arrested (cumulative)") in drawn  # the axis
    assert "២០១៧" in drawn  # the years under the axis
    in_english = " ".join(_texts(english.figure))
    assert "ជាង" not in in_english and "&gt; 17,800" in in_english
    # Khmer point labels keep their hedge symbol: "> ១៧.៨០០" (escaped for plotly).
    assert "&gt; ១៧.៨០០" in _texts(khmer.figure), _texts(khmer.figure)
    said = KM.ngettext("Source: {sources}", "Sources: {sources}", 2)
    assert khmer.source_line.startswith(said.split("{")[0]) and said.split("{")[0] != "Sources: "
    # The articles cited with their dates in Khmer (sources.citation_km), titles as published.
    assert "១៣ មករា ២០១៧" in khmer.source_line and "13 Jan 2017" not in khmer.source_line
    assert "Drug campaign nets 1,000" in khmer.source_line
    # The value axis in Khmer digits, its ticks reaching the highest figure drawn.
    ticks = khmer.figure.layout.yaxis
    assert ticks.ticktext and all(KHMER_DIGIT.search(t) for t in ticks.ticktext)
    assert not any(re.search(r"[0-9]", t) for t in ticks.ticktext)
    drawn_values = [v for trace in khmer.figure.data for v in (trace.y or ()) if v is not None]
    assert max(ticks.tickvals) >= max(drawn_values)
    assert english.figure.layout.yaxis.ticktext is None  # plotly's own ticks in English
    # The legend names each article by its Khmer date (sources.short_label_km).
    legend = [trace.name for trace in khmer.figure.data if trace.showlegend is not False]
    assert any(re.search(r"[០-៩]{4} · ", str(name)) for name in legend), legend


def test_the_timeline_gives_events_their_khmer_titles(seed_db: Path):
    english, khmer = (_chart(seed_db, "campaign-timeline", lang) for lang in ("en", "km"))
    hovered = " ".join(str(t) for trace in khmer.figure.data for t in (trace.hovertext or ()))
    assert "កែ គឹមយ៉ាន ប្រកាសបំណងពន្យារយុទ្ធនាការ" in hovered
    assert khmer.figure.layout.yaxis.ticktext is None  # its rows are kinds of event, no numbers
    assert "announces his intention" in " ".join(
        str(t) for trace in english.figure.data for t in (trace.hovertext or ())
    )


def test_trends_sections_and_metric_charts_take_their_khmer_labels(seed_db: Path):
    with Reader(seed_db) as reader:
        metrics = queries.metrics(reader).set_index("metric_id")
        english = queries.trends_sections(reader, "en").set_index("section_id")["label"]
        khmer = queries.trends_sections(reader, "km").set_index("section_id")["label"]
        titles = queries.chart_titles(reader, "km")
    categories = metrics.drop_duplicates("category").set_index("category")
    for section, label in khmer.items():
        wanted = categories.loc[section, "category_label_km"]
        assert label == (wanted if isinstance(wanted, str) else english[section])
    for chart_id, title in titles.items():
        metric_id = chart_id.removeprefix("metric-")
        if chart_id.startswith("metric-") and isinstance(metrics.loc[metric_id, "label_km"], str):
            assert title == metrics.loc[metric_id, "label_km"]


def test_khmer_images_are_drawn_and_served_apart_from_the_english(seed_db_images: Path):
    with Reader(seed_db_images) as reader:
        english = queries.chart_svgs(reader, "arrests-over-time", "en")
        khmer = queries.chart_svgs(reader, "arrests-over-time", "km")
    assert english and khmer and english != khmer
    assert "ដំណាក់កាលទី" in khmer[0] and "Khmer OS" in khmer[0]


@pytest.mark.parametrize(
    "text",
    [
        "ការឃាត់ខ្លួនដែលបានរាយការណ៍ តាំងពីយុទ្ធនាការចាប់ផ្តើម",
        "អ្នកដែលត្រូវបញ្ជូនទៅស្តារនីតិសម្បទា ឬទទួលការព្យាបាលផ្អែកលើសហគមន៍",
    ],
)
def test_khmer_wraps_between_words_never_inside_one(text):
    lines = wrap_text(text, 12)
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    ends = {end for _, end in word_spans(text)}
    at = 0
    for line in lines[:-1]:
        at = text.index(line, at) + len(line)
        assert at in ends, (line, text)


#: Made-up source lines as a print's footer gives them, a bracket after a date in each.
BRACKETED = [
    "Made-up Weekly, “A made-up report”, ១៣ មករា ២០១៧ (កាលបរិច្ឆេទសន្និដ្ឋាន); Made-up Daily,"
    " “ការឃាត់ខ្លួនអ្នកប្រើប្រាស់គ្រឿងញៀន”, ២០១៨ (កាលបរិច្ឆេទសន្និដ្ឋាន)",
    "Made-up Weekly, “A made-up report”, 13 Jan 2017 (date inferred); Made-up Daily,"
    " “A made-up report [in Khmer]”, 2018 ( date inferred )",
]


@pytest.mark.parametrize("text", BRACKETED, ids=["Khmer", "English"])
def test_no_line_ends_on_an_opening_bracket_or_starts_with_a_closing_one(text):
    """A print's footer line at any width: "(" stays with the word after it, ")" with the
    one before (a Khmer timeline's footer line ended on "(", stop 49)."""
    for room in range(80, 900, 7):
        lines = wrap_text(text, 40, room, 14)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), room
        for line in lines:
            assert not line.endswith(("(", "[")) and not line.startswith((")", "]")), (room, line)


def test_a_long_khmer_legend_entry_wraps_to_the_measured_width():
    name = "អ្នកដែលត្រូវបញ្ជូនទៅស្តារនីតិសម្បទា ឬទទួលការព្យាបាលផ្អែកលើសហគមន៍ · ប៉ុស្តិ៍ភ្នំពេញ"
    fig = wrap_legend(go.Figure(go.Scatter(x=[1], y=[1], name=name)), 300)
    lines = fig.data[0].name.split("<br>")
    assert len(lines) > 1 and all(text_width(line, 14) <= 300 for line in lines)


def test_an_actor_shows_its_khmer_name_in_khmer_and_never_a_blank():
    row = SimpleNamespace(actor_name="Sar Kheng", actor_name_km="ស ខេង")
    assert shown_name(row, "actor_name", "km") == "ស ខេង"
    assert shown_name(row, "actor_name", "en") == "Sar Kheng"
    unnamed = SimpleNamespace(actor_name="Meas Vyrith", actor_name_km=None)
    assert shown_name(unnamed, "actor_name", "km") == "Meas Vyrith"


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The made-up corpus built without images; one statement carries a Khmer translation."""
    path = tmp_path_factory.mktemp("fixture") / "monitor.duckdb"
    build(path, Path(__file__).parent / "fixtures" / "seeds", draw_images=False)
    return path


def test_a_translation_is_stored_shown_as_unofficial_and_exported(fixture_db: Path):
    with Reader(fixture_db) as reader:
        rows = queries.statements(reader, statement_ids=["sok-dara-continue"])
    row = next(rows.itertuples())
    stored = json.loads(row.translations)
    assert stored == [
        {
            "language": "km",
            "text": "យើងនឹងបន្តរហូតដល់ខេត្តស្អាត",
            "translator": "AI assistant (test fixture)",
            "status": "needs_review",
            "reviewed_by": None,
        }
    ]
    shown = statement_markdown(row, lang="km")
    said, _, rest = shown.partition("\n\n:gray[")
    assert "We will continue until the province is clean" in said  # the verified quote
    assert "យើងនឹងបន្ត" not in said and "យើងនឹងបន្ត" in rest
    by = KM.gettext("Unofficial translation by {translator}")
    assert by.format(translator="AI assistant") in rest
    # The CSV of statements carries it with its translator; the metadata describes it.
    assert "translations" in DOWNLOAD_TABLES["statements"].columns
    described = {c.name: c.description for c in STATEMENTS.columns}["translations"]
    assert "translator" in described and "JSON" in described


def test_the_names_for_and_against_a_proposal_read_in_khmer(seed_db: Path):
    with Reader(seed_db) as reader:
        page = queries.policy_summaries(reader, 1, 1000, relayed=KM.gettext("according to {name}"))
    khmer, english = (" ".join(page[c].dropna()) for c in ("for_names_km", "for_names"))
    assert "Sar Kheng" in english and "ស ខេង" in khmer and "Sar Kheng" not in khmer
    assert "according to" not in khmer


def test_a_range_reads_both_ends_on_a_khmer_chart():
    """A figure given as a range keeps both ends in every language's chart labels (a range is
    never shortened to a point, and a Khmer chart of one must build)."""
    import pandas as pd

    from charts.words import localised_figures

    frame = pd.DataFrame(
        [
            {"value": 300.0, "value_to": 400.0, "qualifier": "between", "vague": None,
             "label": "300–400 people", "unit_kind": "count", "unit_label": "people",
             "currency": None, "metric_label": "Arrests", "metric_label_km": None},
        ]
    )  # fmt: skip
    (label,) = localised_figures(frame, "km")["label"]
    assert "៣០០" in label and "៤០០" in label, label


def test_khmer_category_names_keep_apart_at_phone_width(seed_db: Path):
    """Four Khmer category names share the phone drawing's plot: each, at the axis's font
    size, stays inside its share with a gap, even a word too long to break
    ('អ្នកប្រើប្រាស់')."""
    axis = _chart(seed_db, "users-vs-traffickers", "km").figure.layout.xaxis
    names, size = axis.ticktext, axis.tickfont.size
    assert len(names) == 4 and any("អ្នកប្រើប្រាស់" in n for n in names)
    share = NARROW_PLOT / len(names) - NAME_GAP
    assert all(text_width(name, size) <= share for name in names), (size, names)
