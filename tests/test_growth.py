"""Growth is data: adding an article needs no code change and keeps every colour and test."""

from __future__ import annotations

import contextlib
import functools
import io
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from charts.catalogue import catalogue
from charts.frames import ReaderFrames
from charts.model import StoredChart
from charts.style import PALETTE, home_colour, series_colours
from corpus.cleaning import clean_body
from corpus.quotes import BodyIndex
from corpus.safe_yaml import dump_yaml
from data_model.i18n import LANGUAGES
from database import queries
from database.connection import Reader
from etl.__main__ import main
from etl.build import build, check
from etl.chart_images import KINDS
from tests.apptests import open_app_page

ROOT = Path(__file__).resolve().parent.parent
GROWTH = ROOT / "tests" / "fixtures" / "growth"


@pytest.mark.parametrize(
    ("before", "added"),
    [
        (["src-a", "src-b", "src-c"], ["src-d"]),
        ([f"src-{n}" for n in range(6)], ["late-1", "late-2", "late-3"]),
        (["x"], [f"y{n}" for n in range(20)]),
    ],
)
def test_adding_series_never_recolours_the_earlier_ones(before: list[str], added: list[str]):
    old = series_colours(before)
    new = series_colours(before + added)
    assert {k: new[k] for k in before} == old


def test_a_colour_belongs_to_the_key_not_its_position():
    alone = series_colours(["ppp-2017-01-13-campaign-nets-1000"])
    assert (
        alone["ppp-2017-01-13-campaign-nets-1000"]
        == PALETTE[home_colour("ppp-2017-01-13-campaign-nets-1000")]
    )
    # Eight keys, eight different colours, however their home slots collide.
    keys = [f"source-{n}" for n in range(len(PALETTE))]
    assert len(set(series_colours(keys).values())) == len(PALETTE)


def _add(seeds: Path, *args: str) -> str:
    """`python -m etl add ...` as a curator runs it (in this process: no interpreter start);
    the source id it registered."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--seeds", str(seeds), "add", *args]) == 0
    return out.getvalue().split("source '")[1].split("'")[0]


@functools.cache  # the seed database's colours are read for both added articles
def _colours(db: Path) -> dict[tuple[str, str], str]:
    """Marker colour of each series on each chart, by chart id and legend name, as the build
    stored the chart (what every page and image draws; not made again here)."""
    out = {}
    with Reader(db) as reader:
        charts = catalogue(ReaderFrames(reader)).charts
        figures = {c: StoredChart.from_row(queries.chart_parts(reader, c)).figure for c in charts}
    for chart_id, figure in figures.items():
        for trace in figure.data:
            colour = getattr(getattr(trace, "marker", None), "color", None)
            if trace.name and isinstance(colour, str):
                out[(chart_id, trace.name)] = colour
    return out


# The made-up article's date. Both come before the 2018 articles on the arrests charts; the
# id the second gives ("ed-2017-07-02-siem-reap-police") has the home colour of one of them
# (ppp-2018-necessary-crackdown), so giving colours by date would recolour that one.
PUBLISHED = ["2017-07-06", "2017-07-02"]


@pytest.fixture(scope="module", params=PUBLISHED, ids=["dated", "backdated-same-home-colour"])
def grown(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest, seed_db: Path
) -> dict[str, Path | str | set]:
    """A copy of the seeds before and after adding a made-up article the documented way:
    before is the seed database; after, the build a Save makes on a copy of it."""
    tmp = tmp_path_factory.mktemp("growth")
    seeds = tmp / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    source_id = _add(
        seeds, str(GROWTH / "siem_reap_arrests.txt"),
        "--title", "Siem Reap police report 640 drug arrests", "--outlet", "The Example Daily",
        "--url", "https://example.org/siem-reap-640", "--published", request.param,
    )  # fmt: skip
    curated = (GROWTH / "siem_reap_arrests.yaml").read_text(encoding="utf-8")
    (seeds / "curated" / "articles" / f"{source_id}.yaml").write_text(
        curated.replace("SOURCE", source_id), encoding="utf-8"
    )
    after = tmp / "after.duckdb"
    shutil.copyfile(seed_db, after)
    # No image is looked at here: the colours are read from the stored figures.
    build(after, seeds, draw_images=False)
    return {"seeds": seeds, "before": seed_db, "after": after, "source_id": source_id}


def test_the_added_article_passes_check_reaches_the_database_and_every_quote_is_found(grown):
    """It passes the check (one run of it for both promises), and the data checks hold for
    every article of the grown copy (what tests/test_cleaning.py checks on the seeds): every
    quote in its body."""
    data = check(grown["seeds"])
    assert grown["source_id"] in {s.source_id for s in data.of("sources")}
    with duckdb.connect(str(grown["after"]), read_only=True) as db:
        rows = db.execute(
            "SELECT value FROM indicators WHERE source_id = ?", [grown["source_id"]]
        ).fetchall()
    assert rows == [(640.0,)]
    files = {s.source_id: s.seed_file for s in data.of("sources")}
    for rec in data.of("indicators") + data.of("statements"):
        raw = (grown["seeds"] / "articles" / files[rec.source_id]).read_text(encoding="utf-8")
        assert BodyIndex(clean_body(raw)).locate(rec.quote) is not None, rec


def test_existing_series_keep_their_colours_on_every_chart(grown):
    before, after = _colours(grown["before"]), _colours(grown["after"])
    assert before, "no coloured series drawn"
    assert {k: after.get(k) for k in before} == before
    assert set(after) - set(before), "the added figure is drawn nowhere"


# --- a new metric in a new category, with a new unit: data only ------------------------------

COURTS = GROWTH / "court_cases"


@pytest.fixture(scope="module")
def grown_courts(
    tmp_path_factory: pytest.TempPathFactory, seed_db_images: Path
) -> dict[str, Path | str | set]:
    """A copy of the seeds with a made-up article reporting 'more than 300' drug cases heard
    in court: a metric, a category and a unit the code has never heard of, declared in the
    copy's YAML, then built as a Save builds it (`etl build --no-images`, replacing a copy of
    the seed database with its images): unchanged charts keep their images, and the images
    pass that follows has only the new chart to draw. (Drawing it is kaleido's work, tested
    on the seed images; this test is about what the build leaves it.)"""
    tmp = tmp_path_factory.mktemp("courts")
    seeds = tmp / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    declared = yaml.safe_load(COURTS.with_name("court_cases_codebook.yaml").read_text("utf-8"))
    for kind, records in declared.items():
        path = seeds / "curated" / f"{kind}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data[kind] += records
        path.write_text(dump_yaml(data), "utf-8")
    source_id = _add(
        seeds, str(COURTS.with_suffix(".txt")),
        "--title", "Courts hear more than 300 drug cases", "--outlet", "The Example Daily",
        "--url", "https://example.org/courts-300", "--published", "2017-07-10",
    )  # fmt: skip
    curated = COURTS.with_suffix(".yaml").read_text(encoding="utf-8")
    (seeds / "curated" / "articles" / f"{source_id}.yaml").write_text(
        curated.replace("SOURCE", source_id), encoding="utf-8"
    )
    db = tmp / "courts.duckdb"
    shutil.copy(seed_db_images, db)
    with Reader(db) as reader:
        had = queries.chart_image_kinds(reader)
    build(db, seeds, draw_images=False)
    return {"db": db, "source_id": source_id, "had": had}


CHART_ID = "metric-court-cases-heard"


def test_a_new_category_is_a_trends_section_with_its_figure_and_hedge(
    grown_courts, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MONITOR_DB", str(grown_courts["db"]))
    at = open_app_page("views/trends.py", section="courts")
    assert not at.exception, [e.message for e in at.exception]
    assert [h.value for h in at.subheader] == ["Drug cases heard in court"]
    words = " ".join(m.value for m in [*at.markdown, *at.caption])
    assert "more than 300" in words
    # The Trends menu: the new section, shown in bold, beside links to the old ones.
    assert "**Courts**" in [m.value for m in at.markdown]
    links = {(link.proto.page, link.proto.query_string) for link in at.get("page_link")}
    assert ("trends", "section=arrests") in links, links
    # The chart itself: its static image, or the interactive chart where none was drawn.
    html = "".join(h.proto.body for h in at.get("html"))
    assert f"/charts/{CHART_ID}.svg" in html or at.get("plotly_chart")


def test_the_new_metric_chart_is_stored_with_its_unit_and_only_it_is_left_to_draw(grown_courts):
    with Reader(grown_courts["db"]) as reader:
        frames = ReaderFrames(reader)
        charts = catalogue(frames)
        parts = queries.chart_parts(reader, CHART_ID)
        languages = set(queries.chart_languages(reader))
        have = queries.chart_image_kinds(reader)
    assert list(charts.sections)[-1] == "courts"
    assert charts.sections["courts"].chart_ids == (CHART_ID,)
    assert parts is not None
    stored = StoredChart.from_row(parts)
    assert "more than 300" in stored.takeaway
    assert stored.figure.layout.yaxis.title.text == "cases heard"
    assert stored.evidence["source_id"].tolist() == [grown_courts["source_id"]]
    # The build replaced a file with images drawn (the tests' seed images: the kinds the
    # tests read, tests/draw_images.py): unchanged charts keep every one, and what the
    # images pass must draw is the new chart, in every language and kind (each language's
    # words are in its own images), and what the file replaced lacked.
    assert languages == set(LANGUAGES)
    wanted = {(c, lang, kind) for c in charts.charts for lang in languages for kind in KINDS}
    new = {(CHART_ID, lang, kind) for lang in languages for kind in KINDS}
    assert have == grown_courts["had"] and new <= wanted - have
