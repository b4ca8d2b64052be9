"""The light embed: one small HTML page per chart, the build's static SVG and no script at all."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from charts.catalogue import chart_page
from charts.model import ShownChart
from data_model.i18n import translator
from data_model.wording import PROJECT

#: No script may run, nothing is fetched but the chart's own images; any site may frame it.
EMBED_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'"

_PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Khmer OS System",
       "Khmer OS", "Noto Sans Khmer", sans-serif; color: #222;
       margin: 0; padding: .75rem; background: #fff; }}
:lang(km) p {{ line-height: 1.8; }}
main {{ max-width: 1200px; margin: 0 auto; }}
h1 {{ font-size: clamp(1rem, 2.6vw, 1.4rem); margin: 0 0 .3rem; }}
.takeaway {{ font-weight: 600; margin: 0 0 .6rem; font-size: clamp(.9rem, 2vw, 1rem); }}
img {{ display: block; width: 100%; height: auto; }}
.source, .more {{ color: #555; font-size: .85rem; margin: .4rem 0; }}
</style>
</head>
<body>
<main>
<h1 lang="{chart_lang}">{title}</h1>
<p class="takeaway" lang="{chart_lang}">{takeaway}</p>
<picture>
<source media="(max-width: 600px)" srcset="{narrow}" width="420" height="620">
<img src="{wide}" alt="{alt}" width="1000" height="460">
</picture>
<p class="source" lang="{chart_lang}">{source_line}</p>
<p class="more"><a href="{url}" target="_blank" rel="noopener">{more}</a></p>
</main>
</body>
</html>
"""


def dashboard_link(dashboard_url: str, chart_id: str, lang: str = "en") -> str:
    """The chart's place on the dashboard; only an http(s) address goes into a page."""
    if urlsplit(dashboard_url).scheme not in ("http", "https"):
        raise ValueError(f"dashboard URL must start with http:// or https://: {dashboard_url!r}")
    page = chart_page(chart_id)
    if lang != "en":
        page += ("&" if "?" in page else "?") + f"lang={lang}"
    return f"{dashboard_url.rstrip('/')}/{page}#{chart_id}"


def embed_html(chart: ShownChart, dashboard_url: str, lang: str = "en") -> str:
    """The embed page; the images are the sibling files <id>.svg and <id>.narrow.svg, so the
    same page works from this server and from a static copy (etl export --site). In Khmer
    (?lang=km) its own words are Khmer; the chart's title, takeaway and source line are
    still drawn in English (marked lang="en")."""
    t = translator(lang)
    more = t.gettext("The words behind each figure and the articles, on the {project}")
    text = {
        "title": chart.title,
        "takeaway": chart.takeaway,
        "source_line": chart.source_line,
        "more": more.format(project=t.gettext(PROJECT)),
    }
    return _PAGE.format(
        **{k: html.escape(v, quote=False) for k, v in text.items()},
        lang=t.lang,
        chart_lang="en",
        alt=html.escape(f"Chart: {chart.title}. {chart.takeaway}", quote=True),
        wide=html.escape(f"{chart.chart_id}.svg", quote=True),
        narrow=html.escape(f"{chart.chart_id}.narrow.svg", quote=True),
        url=html.escape(dashboard_link(dashboard_url, chart.chart_id, t.lang), quote=True),
    )
