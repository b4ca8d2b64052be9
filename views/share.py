"""Embed & share: every chart with its permalink, an iframe snippet and files to download."""

import streamlit as st

from exports import chart_files
from monitor import addresses, cached, embeds, figures, filters, language

t = language.current()
st.title(t.gettext("Embed & share a chart"))
st.caption(
    t.gettext(
        "Put a chart on your own site with its snippet (a light page of a few kilobytes with "
        "the chart as an image; the interactive snippet opens the live dashboard instead), or "
        "download it as a single HTML file to host yourself (about 4.8 MB: the charting "
        "library is inside) or as a PNG laid out for print (legible at A4 width). Every "
        "version carries its title, takeaway and source line. Pick a chart from the gallery; "
        "its panel follows below."
    )
)
charts = cached.chart_titles(t.lang)
# The gallery's links choose the chart (?chart=id); an unknown id falls back to the first.
chart_id = filters.url_choice("chart", list(charts))
st.html(embeds.chart_gallery(charts, chart_id, t.lang))
chart = figures.chart_or_notice(chart_id, t)
if chart:
    with st.container(border=True):
        figures.chart_block(chart, key=f"share-{chart_id}", t=t, with_evidence=False)
        # The light embed (a small static page) is the default; the live one is offered too.
        light_url = addresses.light_embed_url(chart_id, t.lang)
        live_url = addresses.permalink(chart_id, embed=True, lang=t.lang)
        live, pinned = embeds.light_snippets(light_url, chart, t.lang)
        st.html(
            embeds.copy_blocks(
                chart_id,
                light_url,
                live,
                embeds.iframe_snippet(live_url, chart.title),
                pinned,
                t.lang,
            )
        )
        png = cached.chart_png(chart_id, t.lang)
        print_svg = cached.chart_print_svg(chart_id, t.lang)
        html_col, png_col, svg_col = st.columns(3)
        with html_col:
            st.download_button(
                t.gettext("Standalone HTML"),
                data=lambda: chart_files.chart_html(
                    chart, addresses.base_url() or addresses.FALLBACK_URL
                ),
                file_name=f"{chart_id}.html",
                mime="text/html",
                icon=":material/code:",
                key="share-html",
            )
        with png_col:
            st.download_button(
                t.gettext("PNG for print (A4 width)"),
                data=png or b"",
                file_name=f"{chart_id}.png",
                mime="image/png",
                icon=":material/image:",
                key="share-png",
                disabled=png is None,
            )
        with svg_col:
            st.download_button(
                t.gettext("SVG for print (any size)"),
                data=print_svg or b"",
                file_name=f"{chart_id}.print.svg",
                mime="image/svg+xml",
                icon=":material/print:",
                key="share-print-svg",
                disabled=print_svg is None,
            )
        if png is None:
            st.warning(
                t.gettext(
                    "No PNG was drawn for this chart: the database was built on a machine "
                    "without Chromium. Rebuild it where Chromium is installed (make data)."
                ),
                icon=":material/image_not_supported:",
            )
