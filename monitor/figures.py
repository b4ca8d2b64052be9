"""A chart on screen with its provenance ('How we know'), and the Trends page's sections."""

from __future__ import annotations

import json
import logging

import pandas as pd
import streamlit as st

from charts.catalogue import TIMELINE, TrendsSection, chart_metrics, chart_page, pick_section
from charts.model import ShownChart, draws_nothing, measured
from charts.style import INTERACTIVE_NARROW, NARROW, PLOTLY_CONFIG, WIDE
from data_model.i18n import Translator, translator
from data_model.safe_text import html_text, md
from monitor import cached, copying, figure_texts, language, texts
from monitor.addresses import FALLBACK_URL, base_url, chart_image_url, page_permalink

#: The Trends page, as app.py names it in the navigation.
TRENDS = "views/trends.py"
#: The campaign timeline (events, not figures: no figure citations).
TIMELINE_ID = TIMELINE.chart_id


def how_we_know(evidence: pd.DataFrame | str, t: Translator, chart_id: str | None = None) -> None:
    """The words behind each figure of a chart, each with a link to its article (the rows,
    or their text made ahead by cached.evidence_text), and with `chart_id` a button per
    figure copying it with its citation (the chart's address as its permalink)."""
    text = (
        evidence if isinstance(evidence, str) else figure_texts.evidence_markdown(evidence, t.lang)
    )
    with st.expander(t.gettext("How we know"), expanded=False):
        st.markdown(text)
        if chart_id and chart_id != TIMELINE_ID:  # the timeline's rows are events, not figures
            items = cached.chart_citations(chart_id, chart_permalink(chart_id, t.lang), t.lang)
            copying.copy_buttons(items, t.gettext("Copy a figure with its citation:"), t)


def chart_permalink(chart_id: str, lang: str = "en") -> str:
    """The chart's full address on its page, in the reader's language, for citations."""
    page = chart_page(chart_id)
    tail = "" if lang == "en" else ("&" if "?" in page else "?") + f"lang={lang}"
    return page_permalink(f"{page}{tail}#{chart_id}")


def headline_citation(row: cached.Headline, t: Translator) -> str:
    """An Overview headline figure as a reader cites it (monitor.figure_texts)."""
    base = base_url() or FALLBACK_URL
    version = cached.build_info().get("data_version")
    return figure_texts.headline_citation(row, base, version, t.lang)


# SVG inside st.html is stripped by its sanitiser; as an <img> it is kept. The images are
# the API's chart files (api.routes), named with the build's version: the browser fetches
# each once per build and keeps it, where a data URI was sent again on every page run.
_STATIC_CHART = """<div class="static-chart">
<img class="wide" alt="{label}" src="{wide}" width="{ww}" height="{wh}">
<img class="narrow" alt="{label}" src="{narrow}" loading="lazy" width="{nw}" height="{nh}"></div>
<style>
.static-chart img {{ width: 100%; height: auto; display: block; }}
.static-chart .narrow {{ display: none; }}
@media (max-width: 640px) {{
  .static-chart .wide {{ display: none; }}
  .static-chart .narrow {{ display: block; }}
}}
</style>"""


def what_is_measured(chart_id: str, lang: str = "en") -> str:
    """The chart's metrics' definitions: what is counted, and what the articles leave
    unknown (a rate's period or cohort), as markdown in `lang` (definition_km where every
    metric has one), else in English marked as English."""
    said, said_lang = measured(cached.metrics(), chart_metrics(chart_id), lang)
    return texts.in_language(md(said), said_lang, lang)


def chart_or_notice(chart_id: str, t: Translator | None = None) -> ShownChart | None:
    """The chart, or None with a note in its place when the data cannot be drawn: a
    reader sees what is missing, never a traceback (the details go to the server log)."""
    try:
        return cached.chart(chart_id, (t or translator()).lang)
    except Exception:  # any fault in one chart must not take the page down with it
        logging.getLogger(__name__).exception("chart %s cannot be drawn", chart_id)
        st.warning(
            (t or translator()).gettext(
                "This chart cannot be drawn from the current data; its figures are on the "
                "Data page."
            ),
            icon=":material/warning:",
        )
        return None


def chart_block(
    chart: ShownChart,
    key: str,
    t: Translator,
    *,
    show_title: bool = True,
    with_evidence: bool = True,
    interactive: bool = False,
) -> None:
    """Title, takeaway, the figure, its source line and 'How we know'.

    The figure is static SVG unless interactive is asked for (or SVG cannot be drawn
    here): plotly.js is a 4.7 MB script, and most readers need the labels, not hovering.
    """
    if show_title:
        st.subheader(chart.title, anchor=chart.chart_id)
    st.markdown(f"**{md(chart.takeaway)}**")
    if said := what_is_measured(chart.chart_id, t.lang):
        st.caption(
            t.gettext("What is measured: {measures}").format(measures=said),
            unsafe_allow_html=True,  # the span marking English (texts.in_language); all else md()
        )
    if draws_nothing(chart):
        # No empty axes drawn full size: a scale with nothing on it reads as zero.
        st.info(
            t.gettext("No figure with a number to draw yet: the line above says what is reported."),
            icon=":material/info:",
        )
    elif not interactive and chart.chart_id in cached.charts_drawn(t.lang):
        label = html_text(f"{chart.title}. {chart.takeaway}", isolate=False)
        wide, narrow = (chart_image_url(chart.chart_id, s, t.lang) for s in (".svg", ".narrow.svg"))
        # Width and height reserve each image's place before it arrives, so the charts below
        # do not move while a chart link scrolls to one of them.
        sizes = {"ww": WIDE[0], "wh": WIDE[1], "nw": NARROW[0], "nh": NARROW[1]}
        st.html(_STATIC_CHART.format(label=label, wide=wide, narrow=narrow, **sizes))
    else:
        interactive_figures(chart, key, t.lang)
    st.caption(md(chart.source_line))
    if gaps := cached.phase_gaps(chart.chart_id, t.lang):
        # Said beside the chart: a marker drawn across a phase is not a figure for it.
        st.caption(gaps)
    if with_evidence:
        how_we_know(cached.evidence_text(chart.chart_id, t.lang), t, chart.chart_id)


_INTERACTIVE_CSS = """<style>
.st-key-{key}-narrow {{ display: none; }}
@media (max-width: 640px) {{
  .st-key-{key}-wide {{ display: none; }}
  .st-key-{key}-narrow {{ display: block; }}
}}
</style>"""


def interactive_figures(chart: ShownChart, key: str, lang: str = "en") -> None:
    """The interactive chart twice, fitted for a laptop and for a phone, one shown by width:
    plotly draws its labels at a fixed size and never moves them, so a figure laid out for
    a laptop prints labels over each other on a phone. Only the script is shared."""
    for variant, size in (("wide", WIDE), ("narrow", INTERACTIVE_NARROW)):
        figure = cached.fitted_figure(chart.chart_id, size, lang) or chart.figure
        with st.container(key=f"{key}-{variant}"):
            st.plotly_chart(figure, key=f"{key}-plot-{variant}", config=PLOTLY_CONFIG)
    st.html(_INTERACTIVE_CSS.format(key=key))


def trends_section_in_address() -> TrendsSection | None:
    """The Trends section ?section= names, or the one holding ?chart= (chart_page's links);
    a link by the section's name or an earlier section's id is followed and the address
    rewritten to the id, so what readers copy from now on is stable. None: no section."""
    requested = st.query_params.get("section")
    lang = language.current().lang
    section = pick_section(cached.trends_sections(lang), requested, st.query_params.get("chart"))
    if section is not None and requested is not None and requested != section.section_id:
        st.query_params["section"] = section.section_id
    return section


# Streamlit scrolls to an address's #anchor only when the element is there at once; a chart
# far down a section is drawn later (and the images, copy buttons and notes above it arrive
# later still, in no fixed order). This keeps the chart's heading at the top for the first
# minute, and stops as soon as the reader scrolls, clicks or types. (It once stopped when the
# page looked settled; a late shift then left the heading 400 px down on a phone.) It scrolls
# again when the heading moves or when the page's length changes: a heading that arrives last
# can only be scrolled as far as the page's end, and the content arriving under it later
# does not move it, so watching the heading alone left it 560 px down on a phone.
_SCROLL_TO = """<script>
(() => {{
  const id = {chart_id};
  const started = performance.now();
  let last = null, stopped = false;
  const stop = () => {{ stopped = true; }};
  for (const kind of ["wheel", "touchstart", "keydown", "mousedown"])
    window.addEventListener(kind, stop, {{ once: true, passive: true }});
  const where = (heading, main) =>
    [Math.round(heading.getBoundingClientRect().top), main.scrollHeight, main.clientHeight].join();
  const step = () => {{
    if (stopped || performance.now() - started > 60000) return;
    const heading = document.getElementById(id);
    const main = document.querySelector('[data-testid="stMain"]') || document.documentElement;
    if (heading) {{
      if (where(heading, main) !== last) heading.scrollIntoView({{ block: "start" }});
      last = where(heading, main);
    }}
    requestAnimationFrame(step);
  }};
  requestAnimationFrame(step);
}})();
</script>
<style>[data-testid="stMain"] h3[id] {{ scroll-margin-top: 4.5rem; }}</style>"""


def scroll_to_chart(chart_id: str | None) -> None:
    """Land a chart link (?chart=<id>) on that chart's heading, at the top of the window."""
    if chart_id and chart_id in cached.chart_titles(language.current().lang):
        st.html(_SCROLL_TO.format(chart_id=json.dumps(chart_id)), unsafe_allow_javascript=True)


def trends_menu(
    sections: list[TrendsSection], current: TrendsSection, interactive: bool, t: Translator
) -> None:
    """Links to each Trends section by its id (the current one in bold) and to the other chart
    mode; st.page_link runs them in the same tab and session."""

    def params(section: TrendsSection, live: bool) -> dict[str, str]:
        return {"section": section.section_id} | ({"interactive": "true"} if live else {})

    # st.page_link hands the page its query string but leaves the address bar as it was:
    # written back, the address a reader copies opens the section they see.
    st.query_params.update(params(current, interactive))
    with st.container(horizontal=True, key="trends-menu", gap=None):
        for s in sections:
            if s == current:
                st.markdown(f"**{md(s.label)}**")
            else:
                st.page_link(
                    TRENDS,
                    label=md(s.label),
                    query_params=language.params(t, params(s, interactive)),
                )
    st.page_link(
        TRENDS,
        label=t.gettext("Static charts (quicker)")
        if interactive
        else t.gettext("Interactive charts (hover for details; slower to load)"),
        query_params=language.params(t, params(current, not interactive)),
        icon=":material/swap_horiz:",
    )
