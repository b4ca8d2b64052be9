"""What donors paste or download: iframe snippets, the chart gallery and the copy blocks."""

from __future__ import annotations

import html
from urllib.parse import quote_plus

from api.embed import EmbedContext, chart_context, frame_snippet
from charts.model import ShownChart
from data_model.i18n import N_, translator
from monitor import cached
from monitor.addresses import chart_image_url


def iframe_snippet(url: str, title: str, height: int = 560) -> str:
    """HTML a donor pastes to frame the live dashboard (its height is the page's own)."""
    safe_title = html.escape(title, quote=True)
    safe_url = html.escape(url, quote=True)
    return (
        f'<iframe src="{safe_url}" title="{safe_title}" width="100%" height="{height}" '
        'style="border:0" loading="lazy"></iframe>'
    )


def embed_context(chart: ShownChart, lang: str = "en") -> EmbedContext:
    """The build, data date, metrics and definitions the light embed's snippet sizes for,
    with its own words in `lang`."""
    return chart_context(
        cached.metrics(),
        chart,
        version=cached.build_version(),
        built_at=cached.build_info().get("built_at", ""),
        lang=lang,
    )


def light_snippets(url: str, chart: ShownChart, lang: str = "en") -> tuple[str, str]:
    """(live, pinned) snippets of the light embed: a frame that fits its column's width.
    `url` may already carry a query (?lang=km): the version is added to it."""
    context = embed_context(chart, lang)
    pinned_url = f"{url}{'&' if '?' in url else '?'}v={context.version}"
    return (
        frame_snippet(url, chart, context),
        frame_snippet(pinned_url, chart, context, pinned=True),
    )


_GALLERY = """<div class="chart-gallery">{items}</div>
<style>
.chart-gallery {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
                  gap: .75rem; margin-bottom: 1rem; }}
.chart-gallery a {{ text-decoration: none; color: inherit; border: 1px solid #ddd;
                    border-radius: .5rem; padding: .4rem; display: block; position: relative;
                    transition: border-color .15s, box-shadow .15s; }}
.chart-gallery a:hover {{ border-color: #888; }}
.chart-gallery a:active, .chart-gallery a:focus {{ border-color: #0b5cad;
                    box-shadow: 0 0 0 3px rgba(11,92,173,.35); }}
.chart-gallery a[aria-current] {{ border: 2px solid #0b5cad; background: #eef5fc; }}
.chart-gallery a[aria-current] span::before {{ content: "{chosen}"; font-weight: 600; }}
.chart-gallery a:focus:not([aria-current]) span::after {{ content: "{opening}";
                    color: #0b5cad; }}
.chart-gallery img {{ width: 100%; height: auto; display: block; }}
.chart-gallery span {{ font-size: .85rem; }}
.chart-gallery .nothing {{ margin: 0 0 .4rem; padding: .6rem; border: 1px dashed #999;
                           border-radius: .3rem; font-size: .8rem; color: #555; }}
</style>"""


#: A gallery tile's words in place of the thumbnail of a chart with no point to draw.
NOTHING_TO_DRAW = N_("No figure with a number to draw yet.")


def _css_text(text: str) -> str:
    """Text for a CSS string in "double quotes" inside a <style> element."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def chart_gallery(titles: dict[str, str], chosen: str = "", lang: str = "en") -> str:
    """Small previews of every chart, each linking to its sharing panel (one element); a
    clicked tile says it is opening, the chosen one is marked."""
    t = translator(lang)
    tail = "" if lang == "en" else f"&amp;lang={lang}"
    items = []
    drawn, empty = cached.charts_drawn(lang), cached.charts_drawing_nothing(lang)
    # A chart with no point to draw is a line saying so, never a thumbnail of empty axes.
    nothing = f'<p class="nothing">{html.escape(t.gettext(NOTHING_TO_DRAW))}</p>'
    for chart_id, title in titles.items():
        preview = (
            nothing
            if chart_id in empty
            else f'<img alt="" loading="lazy" src="{chart_image_url(chart_id, ".narrow.svg", lang)}">'
            if chart_id in drawn
            else ""
        )
        items.append(
            f'<a href="share?chart={quote_plus(chart_id)}{tail}#share-panel"'
            + (' aria-current="page"' if chart_id == chosen else "")
            + f">{preview}"
            f'<span lang="{lang}">{html.escape(title)}</span></a>'
        )
    return _GALLERY.format(
        items="".join(items),
        chosen=_css_text(t.gettext("✓ Chosen: ")),
        opening=_css_text(t.gettext(" · opening…")),
    )


_COPY_BLOCKS = """<div class="copy-blocks">
<p><strong>{permalink}</strong> ({chart_id_words} <code>{chart_id}</code>)</p>
<pre>{url}</pre>
<p><strong>{embed}</strong>: {paste}. {fits}</p>
<pre>{snippet}</pre>{pinned}{interactive}</div>
<style>.copy-blocks pre {{ white-space: pre-wrap; word-break: break-all; user-select: all;
  background: #f6f6f6; padding: .6rem .8rem; border-radius: .4rem; font-size: .85rem; }}</style>"""


_PINNED_BLOCK = """
<p><strong>{title}</strong>: {words}</p>
<pre>{snippet}</pre>"""


_INTERACTIVE_BLOCK = """
<p><strong>{title}</strong>: {words}</p>
<pre>{snippet}</pre>"""

#: The copy blocks' words, for the catalogue.
_WORDS = {
    "permalink": N_("Permalink"),
    "chart_id_words": N_("chart id"),
    "embed": N_("Embed snippet"),
    "paste": N_("paste it into your page"),
}


def copy_blocks(
    chart_id: str,
    url: str,
    snippet: str,
    interactive_snippet: str = "",
    pinned_snippet: str = "",
    lang: str = "en",
) -> str:
    """Permalink and iframe snippet (and the pinned and interactive ones, if given) as plain
    preformatted text: a click selects all of it (no syntax-highlighting script to load)."""
    t = translator(lang)
    # ?theme= and ?v= are address parts, kept as code inside the translated sentence.
    fits = html.escape(
        t.gettext(
            "It fits any column from {narrowest} to {widest} px wide, in light or dark mode "
            "(add {dark} or {light} to the address to fix one), and always shows the latest data"
        )
    ).format(
        narrowest=t.digits("300"),
        widest=t.digits("1400"),
        dark="<code>?theme=dark</code>",
        light="<code>?theme=light</code>",
    )
    pinned_words = html.escape(
        t.gettext(
            "the same chart named with today's data version ({v}); when newer data replaces "
            "it, the chart says so"
        )
    ).format(v="<code>?v=</code>")
    pinned = (
        _PINNED_BLOCK.format(
            title=html.escape(t.gettext("Pinned snippet")),
            words=pinned_words,
            snippet=html.escape(pinned_snippet),
        )
        if pinned_snippet
        else ""
    )
    interactive = (
        _INTERACTIVE_BLOCK.format(
            title=html.escape(t.gettext("Interactive embed")),
            words=html.escape(
                t.gettext(
                    "the live dashboard chart (hover for details; opens a dashboard session "
                    "for every reader, so it is slower and needs this server up)"
                )
            ),
            snippet=html.escape(interactive_snippet),
        )
        if interactive_snippet
        else ""
    )
    return _COPY_BLOCKS.format(
        **{k: html.escape(t.gettext(v)) for k, v in _WORDS.items()},
        chart_id=html.escape(chart_id),
        url=html.escape(url),
        snippet=html.escape(snippet),
        interactive=interactive,
        fits=fits,
        pinned=pinned,
    )
