"""Every word drawn in a chart image reads at WCAG AA contrast (4.5:1) on the chart's background."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from charts.drawing import png_problem
from database import queries
from database.connection import Reader
from tests.wcag import contrast, rgb

needs_chromium = pytest.mark.skipif(png_problem() is not None, reason="no Chromium here")

SVG = "{http://www.w3.org/2000/svg}"
AA = 4.5


def _style(element: etree._Element) -> dict[str, str]:
    pairs = (p.split(":", 1) for p in (element.get("style") or "").split(";") if ":" in p)
    return {k.strip(): v.strip() for k, v in pairs}


def _paint(element: etree._Element, name: str, default: str) -> str:
    """A presentation property as SVG resolves it: the element's style, its attribute, else
    its nearest ancestor's (SVG paints inherit), else the default."""
    for el in (element, *element.iterancestors()):
        value = _style(el).get(name) or el.get(name)
        if value and value != "inherit":
            return value
    return default


def _background(root: etree._Element) -> str:
    """The fill of the first full-size rectangle: the paper every word sits on."""
    for rect in root.iter(f"{SVG}rect"):
        if (rect.get("width"), rect.get("height")) == (root.get("width"), root.get("height")):
            return _paint(rect, "fill", "rgb(255, 255, 255)")
    return "rgb(255, 255, 255)"


def _over(colour: str, opacity: float, background: str) -> str:
    """The colour seen where `colour` at `opacity` covers `background`."""
    seen = (
        opacity * c + (1 - opacity) * b for c, b in zip(rgb(colour), rgb(background), strict=True)
    )
    return "rgb({}, {}, {})".format(*(round(v) for v in seen))


def backdrops(root: etree._Element) -> list[str]:
    """Every colour a word may sit on: the paper, and the paper under each filled shape (the
    phases' bands), at the shape's opacity. A word is held against all of them, the darkest
    deciding, since a label may sit on a band."""
    paper = _background(root)
    seen = [paper]
    for layer in root.iter(f"{SVG}g"):
        if layer.get("class") != "shapelayer":
            continue
        for shape in layer.iter(f"{SVG}path"):
            fill = _paint(shape, "fill", "none")
            opacity = float(_paint(shape, "fill-opacity", "1")) * float(
                _paint(shape, "opacity", "1")
            )
            if fill != "none" and opacity > 0:
                seen.append(_over(fill, opacity, paper))
    return seen


def low_contrast_words(svg: str) -> list[str]:
    """Each drawn word below AA on any backdrop it may sit on, with its colour and ratio."""
    root = etree.fromstring(svg.encode("utf-8"))
    grounds = backdrops(root)
    out = []
    for text in root.iter(f"{SVG}text"):
        words = "".join(text.itertext()).strip()
        if not words:
            continue
        for part in (text, *text.iter(f"{SVG}tspan")):
            fill = _paint(part, "fill", "rgb(0, 0, 0)")
            if fill == "none":
                continue
            opacity = float(_paint(part, "fill-opacity", "1")) * float(_paint(part, "opacity", "1"))
            ratio, ground = min((contrast(fill, opacity, g), g) for g in grounds)
            if ratio < AA:
                out.append(f"{words[:40]!r} in {fill} at {opacity:g} on {ground}: {ratio:.2f}:1")
    return out


@pytest.mark.parametrize(
    ("svg", "failures"),
    [
        ('<text style="fill: rgb(85, 85, 85)">ok</text>', 0),
        ('<text style="fill: rgb(240, 228, 66); fill-opacity: 1">yellow</text>', 1),
        ('<text style="fill: rgb(0, 0, 0); fill-opacity: 0.3">faint</text>', 1),
        ('<g style="fill: #bbb"><text>inherited</text></g>', 1),
        ('<text style="fill: #000"><tspan style="fill: #ccc">a span</tspan></text>', 1),
        # #767676 is 4.54:1 on white: it passes on the paper, and fails once a grey band
        # (black at 10%) may lie under it.
        ('<text style="fill: #767676">on paper</text>', 0),
        (
            '<g class="shapelayer"><path d="M0,0H9V9Z" style="fill: rgb(0, 0, 0); '
            'fill-opacity: 0.1"/></g><text style="fill: #767676">on a band</text>',
            1,
        ),
        (  # a line shape has no fill: it is no backdrop
            '<g class="shapelayer"><path d="M0,0V9" style="fill: none; stroke: #000"/></g>'
            '<text style="fill: #767676">beside a line</text>',
            0,
        ),
    ],
)
def test_low_contrast_words_finds_faint_text(svg: str, failures: int):
    page = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f'<rect width="10" height="10" style="fill: rgb(255, 255, 255)"/>{svg}</svg>'
    )
    assert len(low_contrast_words(page)) == failures


def _stored(seed_db_images: Path) -> dict[str, str]:
    """Every chart image the build stored as SVG, in every language: the wide and narrow
    ones for pages, and the print layout (the PNG's, drawn as vectors) with its title,
    takeaway, key, source line, address and data date: the PNG's words are read there
    rather than guessed from its pixels."""
    out: dict[str, str] = {}
    with Reader(seed_db_images) as reader:
        for lang in queries.chart_languages(reader):
            for chart_id in queries.charts_drawn(reader, lang):
                wide, narrow = queries.chart_svgs(reader, chart_id, lang) or ("", "")
                out[f"{chart_id} {lang} wide"], out[f"{chart_id} {lang} narrow"] = wide, narrow
                printed = queries.chart_print_svg(reader, chart_id, lang)
                out[f"{chart_id} {lang} print"] = (printed or b"").decode("utf-8")
    return out


@needs_chromium
def test_every_word_in_every_stored_chart_image_reads_at_aa_contrast(seed_db_images: Path):
    stored = _stored(seed_db_images)
    assert stored and all(stored.values()), [k for k, v in stored.items() if not v]
    failures = [
        f"{name}: {problem}" for name, svg in stored.items() for problem in low_contrast_words(svg)
    ]
    assert failures == []
