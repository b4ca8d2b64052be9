"""Static charts are drawn by the build into the database file; the server only reads them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from charts.drawing import PNG_WIDTH, PRINT_WIDTH_CM, png_problem, printed_pt
from database import queries
from database.connection import Reader
from etl.__main__ import main
from etl.build import build
from etl.chart_images import KINDS
from tests.conftest import FIXTURE_SEEDS
from tests.draw_images import TITLES_FOLDER

needs_chromium = pytest.mark.skipif(png_problem() is not None, reason="no Chromium here")


def test_the_build_stores_every_kind_of_image_of_every_chart_in_every_language(
    tmp_path, monkeypatch
):
    """`python -m etl build` (in this process, on the small fixture corpus) stores a wide and
    a narrow SVG, a print PNG and a print SVG of every chart in every language, each the
    bytes drawn for its own layout. Chromium's drawing is faked (an image's bytes are its
    layout's fingerprint): what Chromium draws is read in the images the tests' passes
    store (below, tests/test_chart_files.py)."""
    monkeypatch.setattr("etl.chart_images.png_problem", lambda: None)
    monkeypatch.setattr(
        "etl.chart_images.draw_all", lambda drawings: [d.fingerprint().encode() for d in drawings]
    )
    db_path = tmp_path / "monitor.duckdb"
    build(db_path, FIXTURE_SEEDS)
    with Reader(db_path) as db:
        langs, ids = queries.chart_languages(db), list(queries.chart_titles(db))
        stored = db.frame("SELECT chart_id, lang, kind, fingerprint, image FROM chart_images")
    assert len(langs) > 1 and ids
    every = {(chart_id, lang, kind) for chart_id in ids for lang in langs for kind in KINDS}
    assert set(zip(stored["chart_id"], stored["lang"], stored["kind"], strict=True)) == every
    assert len(stored) == len(every)
    assert [bytes(b) for b in stored["image"]] == [f.encode() for f in stored["fingerprint"]]
    assert stored["fingerprint"].nunique() == len(stored)


def test_the_stored_screen_and_print_svgs_are_their_own_sizes(seed_db_images, seed_charts):
    """The seed images as the build draws them: a wide and a narrow SVG of every chart, and
    its print SVG, the PNG's layout (PNG_WIDTH units wide) printed 16 cm wide (A4 less
    margins) as its size says, with no text under 8 pt."""
    with Reader(seed_db_images) as db:
        for chart_id in seed_charts.charts:
            wide, narrow = queries.chart_svgs(db, chart_id)
            assert wide.lstrip().startswith("<svg") and narrow.lstrip().startswith("<svg")
            assert wide != narrow
            printed = queries.chart_print_svg(db, chart_id).decode("utf-8")
            root = printed[: printed.index(">")]
            assert f'width="{PRINT_WIDTH_CM * 10:g}mm"' in root
            assert re.search(r'viewBox="0 0 (\d+) ', root).group(1) == str(PNG_WIDTH)
            sizes = [float(px) for px in re.findall(r"font-size: ?([\d.]+)px", printed)]
            assert sizes and min(printed_pt(px) for px in sizes) >= 8, chart_id


def test_without_chromium_the_build_says_so_in_one_line_and_stores_no_image(
    tmp_path, monkeypatch, capsys, fixture_seeds
):
    """`python -m etl build` (in this process, on the small fixture corpus) where Chromium is
    missing: the charts' parts need no browser and are stored; one line says the images were
    not drawn; none is stored."""
    monkeypatch.setenv("MONITOR_CHROMIUM", str(tmp_path / "no-chromium"))
    db_path = tmp_path / "monitor.duckdb"
    assert main(["--seeds", str(fixture_seeds), "build", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    with Reader(db_path) as db:
        charts = list(queries.chart_titles(db))
        assert charts, "the fixture corpus makes no chart"
        for chart_id in charts:
            assert queries.chart_parts(db, chart_id) is not None, chart_id
            assert queries.chart_svgs(db, chart_id) is None, chart_id
            assert queries.chart_png(db, chart_id) is None, chart_id
    built = next(i for i, line in enumerate(lines) if line.startswith("built "))
    # Both chart steps run on the new file before it is swapped in, so their lines come first.
    assert lines[built - 2].startswith(f"stored {len(charts)} charts")
    assert (
        lines[built - 1].startswith("static charts not drawn") and "interactive" in lines[built - 1]
    )
    assert sum("static charts" in line for line in lines) == 1


@pytest.mark.parametrize("flag", ["--no-images", "--no-charts"])
def test_the_no_images_flags_build_without_drawing(tmp_path, monkeypatch, flag):
    """Both spellings reach the build as draw_images=False (what that skips is the test above's
    line and stored parts; the build's own steps are tested in test_build)."""
    seen: dict[str, object] = {}

    def fake_build(db, seeds, *, draw_images, report, reason=None):
        seen["draw_images"] = draw_images
        return {}

    monkeypatch.setattr("etl.build.build", fake_build)  # imported when the command runs
    assert main(["build", flag, "--db", str(tmp_path / "m.duckdb")]) == 0
    assert seen == {"draw_images": False}


def _title_band(titles: Path, name: str) -> Image.Image:
    """The top of a title's PNG (tests/draw_images.py TITLES), where the title is drawn, in
    greys."""
    image = Image.open(titles / f"{name}.png").convert("L")
    return image.crop((0, 0, image.width, 54))


def _drawn_alike(titles: Path, first: str, second: str) -> bool:
    """Whether two titles come out pixel for pixel the same: a font-less script draws every
    letter as the same empty box, so two different words of as many letters look alike."""
    bands = (_title_band(titles, first), _title_band(titles, second))
    return ImageChops.difference(*bands).getbbox() is None


def test_khmer_titles_are_drawn_as_letters_in_pngs(seed_db_images: Path):
    """Issue 13 item 13: Khmer in a report's PNG is letters, not boxes (fonts-khmeros). The
    titles are drawn by the seed images pass (tests/draw_images.py TITLES), in its Chromium."""
    titles = seed_db_images.with_name(TITLES_FOLDER)
    # Control: letters no font has (supplementary private use) draw as alike boxes.
    assert _drawn_alike(titles, "boxes", "other-boxes"), "the check cannot tell boxes from letters"
    # Eight different Khmer consonants each: letters differ, boxes would not.
    khmer = _title_band(titles, "khmer")
    assert ImageChops.invert(khmer).getbbox() is not None, "the title drew nothing"
    assert not _drawn_alike(titles, "khmer", "other-khmer"), "Khmer is drawn as boxes"
