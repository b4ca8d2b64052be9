"""The light embed a donor pastes: what it says (figures, footer, licence, version), its
themes and the snippet's frame that fits every column width."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
import plotly.graph_objects as go
import pytest

from api.embed import BANDS, EmbedContext, band_height_rem, embed_html, frame_snippet
from charts.model import EVIDENCE_COLUMNS, Chart
from data_model.i18n import translator
from data_model.licence import DATA_LICENCE_URL

BASE = "https://monitor.example"
CONTEXT = EmbedContext(
    version="abc123",
    built_at="2026-12-05T12:38:05+00:00",
    metric_ids=("arrests-users", "arrests-traffickers"),
)


def _chart(takeaway: str = "Reported: > 17,800 (1 Jan 2017 – 31 Dec 2017).") -> Chart:
    evidence = pd.DataFrame(
        [
            [
                "> 17,800",
                "people arrested",
                "1 Jan 2017 – 31 Dec 2017",
                "NACD",
                "q",
                "s1",
                "c",
                "u",
                None,  # no archived copy or day read recorded
                None,
            ],
            [
                *("≈ 50%", "drug users", "1 Jan 2017 – 11 Jan 2017", "police", "q", "s2", "c", "u"),
                *(None, None),
            ],
        ],
        columns=EVIDENCE_COLUMNS,
    )
    return Chart("users-vs-traffickers", "Users & traffickers", takeaway, go.Figure(), evidence,
                 ("The Phnom Penh Post, “Mixed results”, 14 Feb 2018",))  # fmt: skip


class _Page(HTMLParser):
    """The parts of an embed page a reader or a screen reader meets."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self.imgs: list[dict[str, str]] = []
        self.sources: list[dict[str, str]] = []
        self.classes = ""
        self.figures: list[str] = []
        self._text: list[str] = []
        self._href: str | None = None
        self._in_figures = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.classes = a.get("class", "")
        elif tag == "a":
            self._href, self._text = a["href"], []
        elif tag == "img":
            self.imgs.append(a)
        elif tag == "source":
            self.sources.append(a)
        elif tag == "ul" and a.get("id") == "figures":
            self._in_figures = True

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links[" ".join("".join(self._text).split())] = self._href
            self._href = None
        elif tag == "ul":
            self._in_figures = False

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)
        if self._in_figures and data.strip():
            self.figures.append(data.strip())


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


def test_the_image_is_described_with_its_figures_and_their_hedges():
    page = _parse(embed_html(_chart(), BASE, CONTEXT))
    (img,) = page.imgs
    assert img["alt"].startswith("Chart: Users & traffickers. Reported: > 17,800")
    assert img["aria-describedby"] == "figures"
    assert page.figures[0].startswith("> 17,800 people arrested (1 Jan 2017 – 31 Dec 2017)")
    assert page.figures[1].startswith("≈ 50% drug users")


def test_the_footer_gives_licence_data_images_and_the_way_back():
    page_text = embed_html(_chart(), BASE, CONTEXT)
    page = _parse(page_text)
    assert page.links["CC-BY-4.0"] == DATA_LICENCE_URL
    assert page.links["Get the data (CSV)"] == (
        f"{BASE}/api/v1/indicators.csv?metric=arrests-users,arrests-traffickers"
    )
    assert page.links["PNG"] == "users-vs-traffickers.png"
    assert page.links["SVG"] == "users-vs-traffickers.svg"
    assert page.links[
        "The words behind each figure and the articles, on the Cambodia drug campaign monitor"
    ].startswith(f"{BASE}/trends?chart=users-vs-traffickers#")
    assert "Data as of 5 Dec 2026" in page_text and "abc123" in page_text


def test_the_timeline_s_data_is_its_events():
    chart = _chart()
    page = _parse(embed_html(chart, BASE, EmbedContext(version="v")))
    assert page.links["Get the data (CSV)"] == f"{BASE}/api/v1/tables/events.csv"


@pytest.mark.parametrize(
    ("theme", "follows_system", "forced"),
    [("", True, ""), ("dark", True, "theme-dark"), ("light", True, "theme-light")],
)
def test_dark_mode_follows_the_system_or_the_address(theme, follows_system, forced):
    page_text = embed_html(_chart(), BASE, EmbedContext(theme=theme))
    assert ("prefers-color-scheme: dark" in page_text) is follows_system
    assert _parse(page_text).classes == forced
    # A forced light page ignores the system's dark mode; a forced dark one is dark anyway.
    assert ":root:not(.theme-light)" in page_text and ":root.theme-dark" in page_text


@pytest.mark.parametrize(
    ("pinned", "suffix", "says_replaced"),
    [("", "", False), ("abc123", "?v=abc123", False), ("old999", "", True)],
)
def test_a_pinned_embed_names_its_version_and_says_when_it_was_replaced(
    pinned, suffix, says_replaced
):
    context = EmbedContext(version="abc123", built_at=CONTEXT.built_at, pinned=pinned)
    page_text = embed_html(_chart(), BASE, context)
    page = _parse(page_text)
    assert page.imgs[0]["src"] == f"users-vs-traffickers.svg{suffix}"
    assert page.sources[0]["srcset"] == f"users-vs-traffickers.narrow.svg{suffix}"
    assert ("since replaced" in page_text) is says_replaced


def test_the_snippet_keeps_a_frame_ratio_per_column_width_band_and_says_its_version():
    live = frame_snippet(f"{BASE}/charts/x.html", _chart(), CONTEXT)
    pinned = frame_snippet(f"{BASE}/charts/x.html?v=abc123", _chart(), CONTEXT, pinned=True)
    assert 'style="container-type: inline-size"' in live
    bands = [int(b) for b in re.findall(r"@container \(min-width: (\d+)px\)", live)]
    assert bands == list(BANDS[1:])
    ratios = re.findall(r"aspect-ratio: (\d+) / (\d+)", live)
    assert len(ratios) == len(BANDS)
    assert "height=" not in live  # no fixed height to cut the footer or leave a gap
    assert "Live: always the latest data" in live
    assert "Pinned to data version abc123 (built 5 Dec 2026)" in pinned
    assert 'src="https://monitor.example/charts/x.html?v=abc123"' in pinned
    assert "<script" not in live + pinned


def test_a_longer_takeaway_makes_the_frame_taller_in_every_band():
    short, long = _chart("Short."), _chart("A much longer takeaway, " * 12)
    for band in BANDS:
        assert band_height_rem(long, CONTEXT, band) > band_height_rem(short, CONTEXT, band)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_embed_s_own_words_follow_the_language_the_chart_s_stay_english(lang):
    t = translator(lang)
    context = EmbedContext(
        version="abc123",
        built_at=CONTEXT.built_at,
        measures="People arrested in a year.",
        pinned="old999",
        lang=lang,
    )
    page_text = embed_html(_chart(), BASE, context)
    page = _parse(page_text)
    said = t.gettext("What is measured: {measures}").split("{")[0]
    assert said in page_text
    assert '<span lang="en">People arrested in a year.</span>' in page_text
    assert t.gettext("Get the data (CSV)") in page.links
    replaced = t.gettext("Pinned to version {version}, since replaced: this is the latest.")
    assert replaced.split("{")[0] in page_text
    assert f'<html lang="{lang}">' in page_text
    assert ("lang=km" in page_text) == (lang == "km")
    assert '<h1 lang="en">Users &amp; traffickers</h1>' in page_text
    snippet = frame_snippet(f"{BASE}/charts/x.html", _chart(), context)
    live = t.gettext("Live: always the latest data. The pinned snippet names today's version.")
    assert html.escape(live, quote=False) in snippet
