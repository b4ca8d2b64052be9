"""What donors paste or download: iframe snippets, the chart gallery and the copy blocks."""

from __future__ import annotations

import html
from urllib.parse import quote_plus

from data_model.i18n import N_, translator
from monitor import cached
from monitor.addresses import chart_image_url


def iframe_snippet(url: str, title: str, height: int = 560) -> str:
    """HTML a donor pastes into their site."""
    safe_title = html.escape(title, quote=True)
    safe_url = html.escape(url, quote=True)
    return (
        f'<iframe src="{safe_url}" title="{safe_title}" width="100%" height="{height}" '
        'style="border:0" loading="lazy"></iframe>'
    )


_GALLERY = """<div class="chart-gallery">{items}</div>
<style>
.chart-gallery {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
                  gap: .75rem; margin-bottom: 1rem; }}
.chart-gallery a {{ text-decoration: none; color: inherit; border: 1px solid #ddd;
                    border-radius: .5rem; padding: .4rem; display: block; }}
.chart-gallery img {{ width: 100%; height: auto; display: block; }}
.chart-gallery span {{ font-size: .85rem; }}
</style>"""


def chart_gallery(titles: dict[str, str], lang: str = "en") -> str:
    """Small previews of every chart, each linking to its sharing panel (one element)."""
    tail = "" if lang == "en" else f"&amp;lang={lang}"
    items = []
    drawn = cached.charts_drawn()
    for chart_id, title in titles.items():
        preview = (
            f'<img alt="" loading="lazy" src="{chart_image_url(chart_id, ".narrow.svg")}">'
            if chart_id in drawn
            else ""
        )
        items.append(
            f'<a href="share?chart={quote_plus(chart_id)}{tail}">{preview}'
            f'<span lang="en">{html.escape(title)}</span></a>'
        )
    return _GALLERY.format(items="".join(items))


_COPY_BLOCKS = """<div class="copy-blocks">
<p><strong>{permalink}</strong> ({chart_id_words} <code>{chart_id}</code>)</p>
<pre>{url}</pre>
<p><strong>{embed}</strong>: {paste}</p>
<pre>{snippet}</pre>{interactive}</div>
<style>.copy-blocks pre {{ white-space: pre-wrap; word-break: break-all; user-select: all;
  background: #f6f6f6; padding: .6rem .8rem; border-radius: .4rem; font-size: .85rem; }}</style>"""


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
    chart_id: str, url: str, snippet: str, interactive_snippet: str = "", lang: str = "en"
) -> str:
    """Permalink and iframe snippet (and the interactive one, if given) as plain preformatted
    text: a click selects all of it (no syntax-highlighting script to load for a few lines)."""
    t = translator(lang)
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
    )
