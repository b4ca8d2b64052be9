"""Embed & share: every chart with its permalink, an iframe snippet and files to download."""

import streamlit as st

from charts.catalogue import CHARTS, build_chart
from exports import chart_files
from monitor import data, ui

st.title("Embed & share a chart")
st.caption(
    "Put a chart on your own site with the snippet below, or download it as a single HTML "
    "file to host yourself (about 4.8 MB: the charting library is inside) or as a PNG for a "
    "report. Every version carries its title, takeaway and source line."
)

png_problem = chart_files.png_problem()
if png_problem:
    st.warning(png_problem, icon=":material/image_not_supported:")

for chart_id in CHARTS:
    chart = build_chart(chart_id, data)
    if chart is None:
        continue
    with st.container(border=True):
        st.subheader(chart.title, anchor=f"share-{chart_id}")
        st.caption(f"Chart id: `{chart_id}`")
        ui.chart_block(chart, key=f"share-{chart_id}", show_title=False, with_evidence=False)
        embed_url = ui.permalink(chart_id, embed=True)
        st.markdown("**Permalink**")
        st.code(embed_url, language=None, wrap_lines=True)
        st.markdown("**Embed snippet**")
        st.code(ui.iframe_snippet(embed_url, chart.title), language="html", wrap_lines=True)
        html_col, png_col = st.columns(2)
        with html_col:
            st.download_button(
                "Standalone HTML",
                data=lambda c=chart: chart_files.chart_html(c, ui.base_url() or ui.FALLBACK_URL),
                file_name=f"{chart_id}.html",
                mime="text/html",
                icon=":material/code:",
                key=f"share-html-{chart_id}",
            )
        with png_col:
            st.download_button(
                "PNG image",
                data=lambda c=chart: chart_files.chart_png(c, ui.base_url() or None),
                file_name=f"{chart_id}.png",
                mime="image/png",
                icon=":material/image:",
                key=f"share-png-{chart_id}",
                disabled=bool(png_problem),
            )
