"""The light embed: one small HTML page per chart, the build's static SVG and no script at all.

The page fills whatever frame it is given (title, takeaway and footer keep their size, the
chart takes the rest and is never cropped), and its text is sized in proportion to the
frame's width within each width band, so the snippet's frame can keep one aspect ratio per
band (CSS container queries) and fit its content at any column width from 300 to 1400 px.

Long because the page's HTML and its CSS (one aspect ratio per width band, dark mode, the
footer's links) are one template kept whole, so a donor's snippet is read in one place.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pandas as pd

from charts.catalogue import chart_metrics, chart_page
from charts.legible import text_width
from charts.model import NOTHING_DRAWN, ShownChart, draws_nothing, measured
from charts.style import NARROW, WIDE
from corpus.khmer import has_khmer
from data_model.i18n import LANGUAGES, NATIVE_NAMES, SOURCE_LANGUAGE, Translator, translator
from data_model.licence import DATA_LICENCE_NAME, DATA_LICENCE_URL
from data_model.wording import PROJECT

#: No script may run, nothing is fetched but the chart's own images; any site may frame it.
EMBED_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'"

#: Frame widths (CSS px) where a band begins; within a band everything scales with the width.
BANDS = (300, 360, 420, 500, 601, 750, 900, 1100, 1400)
#: At or below this frame width the phone drawing is shown.
NARROW_UP_TO = 600
#: The root font size at the start of each band, in px: every size below is in rem.
ROOT_PX = 14.0
THEMES = ("dark", "light")

# Sizes in rem (of the band's root font) and line heights: one place, used by the CSS and by
# the height estimate the snippet's aspect ratios come from.
PAD_X, PAD_Y = 0.75, 0.6
TITLE, TITLE_LH, TITLE_GAP = 1.15, 1.25, 0.25
TAKE, TAKE_LH, TAKE_GAP = 0.95, 1.35, 0.45
FOOT, FOOT_LH, FOOT_GAP = 0.8, 1.4, 0.4
#: Average glyph width as a share of the font size in a system sans (bold a little wider).
GLYPH, GLYPH_BOLD = 0.55, 0.6


def tall_line(lang: str) -> float | None:
    """The line height a language's stacked vowels and subscripts need, a catalogue entry
    (msgctxt "line height"; Khmer's says 1.8), or None for the page's own ("normal"): a new
    language sets its own in its catalogue, never here."""
    said = translator(lang).pgettext("line height", "normal")
    try:
        return float(said)
    except ValueError:
        return None


@dataclass(frozen=True)
class EmbedContext:
    """What an embed says besides the chart: its build, data date and where its data is."""

    version: str = ""
    built_at: str = ""
    #: The metrics the chart draws: "get the data" is the API's CSV filtered to them.
    metric_ids: tuple[str, ...] = ()
    #: ?v= of the request: the version this embed was pinned to ("" when live).
    pinned: str = ""
    #: ?theme= of the request: "dark", "light", or "" to follow the reader's system.
    theme: str = ""
    #: What the chart measures and what is unknown, from its metrics' definitions.
    measures: str = ""
    #: The language `measures` is in: the embed's where every metric has a definition in it.
    measures_lang: str = "en"
    #: The chart has no point to draw: a short note stands in for the image.
    empty: bool = False
    #: ?lang= of the request: the language of the embed's own words (the chart's are the
    #: language the build stored it in, the same where it has that language).
    lang: str = "en"


def chart_context(metrics: pd.DataFrame, chart: ShownChart, **build: str) -> EmbedContext:
    """The context of one chart's embed: its metrics (none for the timeline), what they
    measure, whether anything is drawn, and `build` (version, built_at, pinned, theme, lang)."""
    ids = chart_metrics(chart.chart_id)
    said, said_lang = measured(metrics, ids, build.get("lang", "en"))
    return EmbedContext(
        metric_ids=ids,
        measures=said,
        measures_lang=said_lang,
        empty=draws_nothing(chart),
        **build,
    )


def dashboard_link(dashboard_url: str, chart_id: str, lang: str = "en") -> str:
    """The chart's place on the dashboard; only an http(s) address goes into a page."""
    if urlsplit(dashboard_url).scheme not in ("http", "https"):
        raise ValueError(f"dashboard URL must start with http:// or https://: {dashboard_url!r}")
    page = chart_page(chart_id)
    if lang != "en":
        page += ("&" if "?" in page else "?") + f"lang={lang}"
    return f"{dashboard_url.rstrip('/')}/{page}#{chart_id}"


def data_url(dashboard_url: str, metric_ids: Sequence[str]) -> str:
    """The CSV of exactly the chart's figures (the API filtered to its metrics); for the
    campaign timeline, which draws no metric, the events table."""
    base = dashboard_url.rstrip("/")
    if not metric_ids:
        return f"{base}/api/v1/tables/events.csv"
    return f"{base}/api/v1/indicators.csv?metric={quote(','.join(metric_ids), safe=',')}"


def data_date(built_at: str, t: Translator) -> str:
    """'5 Dec 2026' (in the reader's language) from the build's ISO timestamp ('' when unknown)."""
    try:
        return t.date(pd.Timestamp(built_at).date()) if built_at else ""
    except ValueError:
        return ""


def description(chart: ShownChart, t: Translator, limit: int = 20) -> list[str]:
    """Every figure drawn, in words with its hedge, period and source, for screen readers
    (the image's alt text carries the takeaway; this the numbers behind it)."""
    rows = chart.evidence.head(limit)
    lines = [
        " ".join(
            str(p)
            for p in (r.label, r.metric_label, f"({r.period});" if r.period else ";", r.attribution)
            if p and str(p) != "nan"
        )
        for r in rows.itertuples()
    ]
    more = len(chart.evidence) - limit
    if more > 0:
        said = t.ngettext(
            "and {count} more report, on the Data page.",
            "and {count} more reports, on the Data page.",
            more,
        )
        lines.append(said.format(count=t.digits(str(more))))
    return lines


def _meta(context: EmbedContext, t: Translator, version: str) -> str:
    """'Data as of 5 Dec 2026, version abc' with `version` already written as the page wants."""
    when = data_date(context.built_at, t)
    meta = t.gettext("Data as of {date}").format(date=when) if when else t.gettext("Data")
    if context.version:
        meta += t.gettext(", version {version}").format(version=version)
    return meta


def _footer_lines(
    chart: ShownChart, context: EmbedContext, stale: bool, t: Translator
) -> list[str]:
    """The footer's lines as plain text (for the height estimate; the page links them)."""
    lines = (
        [t.gettext("What is measured: {measures}").format(measures=context.measures)]
        if context.measures
        else []
    )
    links = (
        t.gettext("Licence:"),
        t.gettext("Get the data (CSV)"),
        "PNG",
        t.gettext("SVG for print"),
        "SVG",
        *(NATIVE_NAMES[other] for other, _ in language_links(chart.chart_id, context.lang)),
    )
    lines += [
        chart.source_line,
        f"{_meta(context, t, context.version)} · {links[0]} {DATA_LICENCE_NAME} · "
        + " · ".join(links[1:]),
        t.gettext("The words behind each figure and the articles, on the {project}").format(
            project=t.gettext(PROJECT)
        ),
    ]
    if stale:
        lines.append(_stale_text(t).format(version=context.pinned))
    return lines


def chart_folder(lang: str) -> str:
    """Where a language's chart files are, from the site's root: charts/ for the source
    language, <lang>/charts/ for another (km/charts/): the server answers both forms and
    `etl export --site` writes them, so a static copy needs no ?lang=."""
    return "charts/" if lang == SOURCE_LANGUAGE else f"{lang}/charts/"


def language_links(chart_id: str, lang: str) -> list[tuple[str, str]]:
    """(language, address relative to this embed) of the same embed in every other
    language, so each language's page links to the others, on the server and on a static
    host alike."""
    up = "../" * chart_folder(lang).count("/")
    return [
        (other, f"{up}{chart_folder(other)}{chart_id}.html") for other in LANGUAGES if other != lang
    ]


def _stale_text(t: Translator) -> str:
    return t.gettext("Pinned to version {version}, since replaced: this is the latest.")


def _lines(text: str, chars: float) -> int:
    return max(1, len(textwrap.wrap(text, max(8, int(chars)))))


def band_height_rem(
    chart: ShownChart, context: EmbedContext, width: int, stale: bool = False
) -> float:
    """The page's height in rem at a frame `width` px wide, at the start of a band: the
    texts' estimated lines plus the drawing at its own aspect ratio."""
    t = translator(context.lang)
    inner = width - 2 * PAD_X * ROOT_PX
    draw_w, draw_h = NARROW if width <= NARROW_UP_TO else WIDE
    own_lh = tall_line(t.lang)
    chart_lh = tall_line(chart.lang)

    def rows(text: str, size: float, glyph: float) -> int:
        if has_khmer(text):
            # Khmer is measured in a Khmer font (charts.legible); a tenth more for the
            # breaks falling between words rather than at the line's very end.
            return max(1, math.ceil(text_width(text, size * ROOT_PX) * 1.1 / inner))
        return _lines(text, inner / (size * ROOT_PX * glyph))

    footer = _footer_lines(chart, context, stale, t)
    text = (
        rows(chart.title, TITLE, GLYPH_BOLD) * TITLE * (chart_lh or TITLE_LH)
        + TITLE_GAP
        + rows(chart.takeaway, TAKE, GLYPH_BOLD) * TAKE * (chart_lh or TAKE_LH)
        + TAKE_GAP
        + FOOT_GAP
        # The source line's citations are as published; the footer's own words take the
        # language's lines.
        + rows(chart.source_line, FOOT, GLYPH) * FOOT * (chart_lh or FOOT_LH)
        + sum(rows(x, FOOT, GLYPH) for x in footer if x != chart.source_line)
        * FOOT
        * (own_lh or FOOT_LH)
    )
    if context.empty:
        note = t.gettext(NOTHING_DRAWN)
        return 2 * PAD_Y + text + rows(note, TAKE, GLYPH) * TAKE * (own_lh or TAKE_LH)
    return 2 * PAD_Y + text + inner * draw_h / draw_w / ROOT_PX


def frame_ratios(chart: ShownChart, context: EmbedContext) -> list[tuple[int, str]]:
    """(band start, 'width / height') for the frame in each band: the page's height scales
    with the width inside a band, so one ratio per band fits it."""
    out = []
    for band in BANDS:
        height = band_height_rem(chart, context, band) * ROOT_PX
        out.append((band, f"{band} / {math.ceil(height)}"))
    return out


def _root_css() -> str:
    """The root font size per band: ROOT_PX at the band's start, growing with the width."""
    rules = [f"html {{ font-size: calc(100vw * {ROOT_PX} / {BANDS[0]}); }}"]
    for band in BANDS[1:]:
        rules.append(
            f"@media (min-width: {band}px) {{ html {{ font-size: calc(100vw * {ROOT_PX} / {band}); }} }}"
        )
    return "\n".join(rules)


def _tall_css() -> str:
    """Taller lines for the page's words in the languages whose catalogue asks for them."""
    return "\n".join(
        f":lang({lang}) h1, :lang({lang}) .takeaway, :lang({lang}) footer p, "
        f":lang({lang}) .nothing {{ line-height: {lh}; }}"
        for lang in LANGUAGES
        if (lh := tall_line(lang)) is not None
    )


_DARK = """color-scheme: dark; --ink: #eee; --muted: #c8c8c8; --paper: #16181c; --link: #8cc4ff;"""

_PAGE = """\
<!DOCTYPE html>
<html lang="{lang}"{theme_class}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{alternates}
<style>
{root_css}
:root {{ color-scheme: light; --ink: #222; --muted: #4f4f4f; --paper: #fff; --link: #0b5cad; }}
@media (prefers-color-scheme: dark) {{ :root:not(.theme-light) {{ {dark} }} }}
:root.theme-dark {{ {dark} }}
*, *::before, *::after {{ box-sizing: border-box; }}
html, body {{ height: 100%; margin: 0; }}
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Khmer OS System", "Khmer OS",
       "Noto Sans Khmer", sans-serif; color: var(--ink);
       background: var(--paper); padding: {pad_y}rem {pad_x}rem; display: flex;
       flex-direction: column; min-height: 100vh; }}
h1 {{ font-size: {title_size}rem; line-height: {title_lh}; margin: 0 0 {title_gap}rem; }}
.takeaway {{ font-weight: 600; font-size: {take_size}rem; line-height: {take_lh};
             margin: 0 0 {take_gap}rem; }}
figure {{ flex: 1 1 0; min-height: 6rem; margin: 0; position: relative;
          max-height: calc((100vw - {pad_2x}rem) * {wide_ratio}); }}
@media (max-width: {narrow_up_to}px) {{
  figure {{ max-height: calc((100vw - {pad_2x}rem) * {narrow_ratio}); }} }}
figure img {{ position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }}
:root.theme-dark figure img {{ filter: invert(.9) hue-rotate(180deg); }}
@media (prefers-color-scheme: dark) {{
  :root:not(.theme-light) figure img {{ filter: invert(.9) hue-rotate(180deg); }} }}
footer {{ color: var(--muted); font-size: {foot_size}rem; line-height: {foot_lh};
          margin-top: {foot_gap}rem; }}
footer p {{ margin: 0; }}
.nothing {{ font-size: {take_size}rem; line-height: {take_lh}; margin: 0; color: var(--muted); }}
{tall_css}
a {{ color: var(--link); }}
.sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
            clip-path: inset(50%); white-space: nowrap; }}
</style>
</head>
<body>
<h1 lang="{chart_lang}">{title}</h1>
<p class="takeaway" lang="{chart_lang}">{takeaway}</p>
{figure}
<footer>{measures}
<p class="source" lang="{chart_lang}">{source_line}</p>
<p class="meta">{meta} · {licence_said} <a href="{licence_url}" target="_blank" rel="noopener license">{licence}</a>
· <a href="{csv}" target="_blank" rel="noopener">{get_data}</a>
· <a href="{png}" target="_blank" rel="noopener">PNG</a>
· <a href="{print_svg}" target="_blank" rel="noopener">{print_said}</a>
· <a href="{svg_link}" target="_blank" rel="noopener">SVG</a>{languages}</p>
<p class="more"><a href="{url}" target="_blank" rel="noopener">{more}</a></p>{stale}
</footer>
</body>
</html>
"""


_FIGURE = """<figure>
<picture>
<source media="(max-width: {narrow_up_to}px)" srcset="{narrow}" width="{nw}" height="{nh}">
<img src="{wide}" alt="{alt}" aria-describedby="figures" width="{ww}" height="{wh}">
</picture>
<ul id="figures" class="sr-only" lang="{chart_lang}">{figures}</ul>
</figure>"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def embed_html(chart: ShownChart, dashboard_url: str, context: EmbedContext | None = None) -> str:
    """The embed page; the images are the sibling files <id>.svg, <id>.narrow.svg, <id>.png
    and <id>.print.svg (named with ?v= when pinned, ?lang= in Khmer), so the same page works
    from this server and from a static copy (etl export --site). Its own words are in
    `context.lang` (?lang=km: Khmer); the chart's title, takeaway, figures and images are in
    the language the build stored the chart in (chart.lang, marked as such)."""
    context = context or EmbedContext()
    t = translator(context.lang)
    stale = bool(context.pinned) and context.pinned != context.version
    query = [f"v={quote(context.version)}"] if context.pinned and not stale else []
    query += [f"lang={chart.lang}"] if chart.lang != "en" else []
    suffix = f"?{'&'.join(query)}" if query else ""
    meta = _esc(_meta(context, t, "\0")).replace("\0", f"<code>{_esc(context.version)}</code>")
    stale_note = (
        '\n<p class="stale">'
        + _esc(_stale_text(t)).replace("{version}", f"<code>{_esc(context.pinned)}</code>")
        + "</p>"
        if stale
        else ""
    )
    alt = t.gettext("Chart: {title}. {takeaway}").format(title=chart.title, takeaway=chart.takeaway)
    figure = (
        f'<p class="nothing">{_esc(t.gettext(NOTHING_DRAWN))}</p>'
        if context.empty
        else _FIGURE.format(
            narrow_up_to=NARROW_UP_TO,
            alt=_esc(alt),
            chart_lang=chart.lang,
            figures="".join(f"<li>{_esc(line)}</li>" for line in description(chart, t)),
            wide=_esc(f"{chart.chart_id}.svg{suffix}"),
            narrow=_esc(f"{chart.chart_id}.narrow.svg{suffix}"),
            ww=WIDE[0],
            wh=WIDE[1],
            nw=NARROW[0],
            nh=NARROW[1],
        )
    )
    # The definitions are the data's words: Khmer where every metric has definition_km,
    # else English, marked so (charts.model.measured).
    measured_words = (
        '\n<p class="measures">'
        + _esc(t.gettext("What is measured: {measures}")).replace(
            "{measures}", f'<span lang="{context.measures_lang}">{_esc(context.measures)}</span>'
        )
        + "</p>"
        if context.measures
        else ""
    )
    more = t.gettext("The words behind each figure and the articles, on the {project}")
    others = language_links(chart.chart_id, context.lang)
    alternates = "".join(
        f'\n<link rel="alternate" hreflang="{other}" href="{_esc(href)}">' for other, href in others
    )
    languages = "".join(
        f'\n· <a href="{_esc(href)}" hreflang="{other}" lang="{other}">'
        f"{_esc(NATIVE_NAMES[other])}</a>"
        for other, href in others
    )
    return _PAGE.format(
        alternates=alternates,
        languages=languages,
        lang=t.lang,
        chart_lang=chart.lang,
        figure=figure,
        measures=measured_words,
        theme_class=f' class="theme-{context.theme}"' if context.theme in THEMES else "",
        root_css=_root_css(),
        tall_css=_tall_css(),
        dark=_DARK,
        pad_x=PAD_X,
        pad_y=PAD_Y,
        title_size=TITLE,
        title_lh=TITLE_LH,
        title_gap=TITLE_GAP,
        take_size=TAKE,
        take_lh=TAKE_LH,
        take_gap=TAKE_GAP,
        foot_size=FOOT,
        foot_lh=FOOT_LH,
        foot_gap=FOOT_GAP,
        title=_esc(chart.title),
        # In a window taller than the frame would be, the image keeps its own height and
        # the space is left below the footer, not around the image.
        pad_2x=2 * PAD_X,
        wide_ratio=round(WIDE[1] / WIDE[0], 4),
        narrow_ratio=round(NARROW[1] / NARROW[0], 4),
        narrow_up_to=NARROW_UP_TO,
        takeaway=_esc(chart.takeaway),
        source_line=_esc(chart.source_line),
        more=_esc(more.format(project=t.gettext(PROJECT))),
        png=_esc(f"{chart.chart_id}.png{suffix}"),
        svg_link=_esc(f"{chart.chart_id}.svg{suffix}"),
        print_svg=_esc(f"{chart.chart_id}.print.svg{suffix}"),
        print_said=_esc(t.gettext("SVG for print")),
        meta=meta,
        licence_said=_esc(t.gettext("Licence:")),
        licence=_esc(DATA_LICENCE_NAME),
        licence_url=_esc(DATA_LICENCE_URL),
        get_data=_esc(t.gettext("Get the data (CSV)")),
        csv=_esc(data_url(dashboard_url, context.metric_ids)),
        url=_esc(dashboard_link(dashboard_url, chart.chart_id, t.lang)),
        stale=stale_note,
    )


def frame_snippet(
    url: str, chart: ShownChart, context: EmbedContext, *, pinned: bool = False
) -> str:
    """The HTML a donor pastes: the embed in a frame that keeps the page's aspect ratio in
    each width band (a container query on the frame's own column), so nothing is cut and
    no gap is left, with no script. A comment says which version it shows, in
    `context.lang`."""
    t = translator(context.lang)
    box = f"cdcm-{chart.chart_id}"
    ratios = frame_ratios(chart, context)
    rules = [
        f".{box} iframe {{ display: block; width: 100%; border: 0; aspect-ratio: {ratios[0][1]}; }}"
    ]
    rules += [
        f"@container (min-width: {band}px) {{ .{box} iframe {{ aspect-ratio: {ratio}; }} }}"
        for band, ratio in ratios[1:]
    ]
    when = data_date(context.built_at, t)
    if pinned and when:
        said = t.gettext(
            "Pinned to data version {version} (built {date}): when newer data replaces it, "
            "the chart says so. Remove ?v=... for the live one."
        ).format(version=context.version, date=when)
    elif pinned:
        said = t.gettext(
            "Pinned to data version {version}: when newer data replaces it, "
            "the chart says so. Remove ?v=... for the live one."
        ).format(version=context.version)
    else:
        said = t.gettext("Live: always the latest data. The pinned snippet names today's version.")
    comment = f"{t.gettext(PROJECT)}: {chart.title}. {said}"
    return (
        f"<!-- {html.escape(comment, quote=False).replace('--', '-')} -->\n"
        f'<div class="{box}" style="container-type: inline-size">'
        f"<style>{' '.join(rules)}</style>"
        f'<iframe src="{_esc(url)}" title="{_esc(chart.title)}" loading="lazy"></iframe></div>'
    )
