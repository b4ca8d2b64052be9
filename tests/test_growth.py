"""Growth is data: adding an article needs no code change and keeps every colour and test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from charts.catalogue import CHARTS
from charts.frames import ReaderFrames
from charts.style import PALETTE, home_colour, series_colours
from data_model.codebook import render_codebook
from database.connection import Reader
from etl.build import check
from etl.cleaning import clean_body
from etl.quotes import BodyIndex

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


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def _colours(db: Path) -> dict[tuple[str, str], str]:
    """Marker colour of each series on each chart, by chart id and legend name."""
    frames = ReaderFrames(Reader(db))
    out = {}
    for chart_id, spec in CHARTS.items():
        for trace in spec.build(frames).figure.data:
            colour = getattr(getattr(trace, "marker", None), "color", None)
            if trace.name and isinstance(colour, str):
                out[(chart_id, trace.name)] = colour
    return out


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """A copy of the seeds before and after adding a made-up article the documented way."""
    tmp = tmp_path_factory.mktemp("growth")
    seeds = tmp / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    before = tmp / "before.duckdb"
    assert _run("--seeds", str(seeds), "build", "--no-charts", "--db", str(before)).returncode == 0
    added = _run(
        "--seeds", str(seeds), "add", str(GROWTH / "siem_reap_arrests.txt"),
        "--title", "Siem Reap police report 640 drug arrests", "--outlet", "The Example Daily",
        "--url", "https://example.org/siem-reap-640", "--published", "2017-07-06",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    source_id = added.stdout.split("source '")[1].split("'")[0]
    curated = (GROWTH / "siem_reap_arrests.yaml").read_text(encoding="utf-8")
    (seeds / "curated" / "articles" / f"{source_id}.yaml").write_text(
        curated.replace("SOURCE", source_id), encoding="utf-8"
    )
    after = tmp / "after.duckdb"
    built = _run("--seeds", str(seeds), "build", "--no-charts", "--db", str(after))
    assert built.returncode == 0, built.stderr
    return {"seeds": seeds, "before": before, "after": after, "source_id": source_id}


def test_the_added_article_passes_check_and_reaches_the_database(grown):
    data = check(grown["seeds"])
    assert grown["source_id"] in {s.source_id for s in data.of("sources")}
    with duckdb.connect(str(grown["after"]), read_only=True) as db:
        rows = db.execute(
            "SELECT value FROM indicators WHERE source_id = ?", [grown["source_id"]]
        ).fetchall()
    assert rows == [(640.0,)]


def test_the_data_checks_hold_for_every_article_of_the_grown_copy(grown):
    """What tests/test_cleaning.py checks on the seeds, on the copy: every quote in its body."""
    data = check(grown["seeds"])
    files = {s.source_id: s.seed_file for s in data.of("sources")}
    for rec in data.of("indicators") + data.of("statements"):
        raw = (grown["seeds"] / "articles" / files[rec.source_id]).read_text(encoding="utf-8")
        assert BodyIndex(clean_body(raw)).locate(rec.quote) is not None, rec


def test_the_codebook_does_not_change_when_an_article_is_added(grown):
    assert (ROOT / "CODEBOOK.md").read_text(encoding="utf-8") == render_codebook()


def test_existing_series_keep_their_colours_on_every_chart(grown):
    before, after = _colours(grown["before"]), _colours(grown["after"])
    assert before, "no coloured series drawn"
    assert {k: after.get(k) for k in before} == before
    assert set(after) - set(before), "the added figure is drawn nowhere"
