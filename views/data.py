"""Data: give me the rows."""

import functools

import streamlit as st

from database.downloads import DOWNLOAD_TABLES, page_count, page_rows
from exports.csvsafe import safe_frame
from exports.package import versioned_name
from monitor import addresses, cached, copying, data_rows, filters, language, texts

t = language.current()
st.title(t.gettext("Give me the rows"))
st.caption(
    t.gettext(
        "Every table behind the dashboard, filtered here and downloaded as exactly the rows "
        "shown, with the source title, outlet, address, date and the quoted words. Bounds "
        "follow one rule: '{example}' has value_low {low} and no value_high (empty, never "
        "zero). Filters are kept in the address: share the link."
    ).format(
        example=t.gettext("more than {amount}").format(amount=t.number_text("8,000")),
        low="8000",
    )
)

name = filters.pick_one(
    t.gettext("Table"), {n: t.gettext(tb.label) for n, tb in DOWNLOAD_TABLES.items()}, key="table"
)  # its id (the API's table name) in the address, an unknown one falling back to the first
dated_on = DOWNLOAD_TABLES[name].dated_on
source_ids, metric_ids, years = [], [], []
date_from = date_to = None
FILTERS = ("source", "metric", "year", "from", "to")
panel = filters.filter_panel(t.gettext("Filter rows"), FILTERS, key="data-filters")
if panel:
    with panel:
        source_ids = filters.pick_named(
            t.gettext("Articles"),
            cached.picker_labels("sources", t.lang),
            key="source",
            noun="article",
            t=t,
        )
        if DOWNLOAD_TABLES[name].filters_by_metric:
            metric_ids = filters.pick_named(
                t.gettext("Metrics"),
                texts.reported_metric_labels(cached.metrics(), t.lang),
                key="metric",
                noun="metric",
                t=t,
            )
        if dated_on:
            years = filters.pick_many(
                t.gettext("Year"),
                cached.dated_years(),
                key="year",
                format_func=lambda year: t.digits(str(year)),
            )
            first, last = st.columns(2)
            with first:
                date_from = filters.pick_day(t.gettext("From"), key="from")
            with last:
                date_to = filters.pick_day(t.gettext("To"), key="to")
            # dated_on says which date of a row the filters read, in the data's English.
            st.caption(t.gettext("Year and days read {dated_on}.").format(dated_on=dated_on))
            if date_from and date_to and date_to < date_from:
                st.warning(t.gettext("'To' is before 'From': no day lies between them."))

choice = data_rows.choose(name, source_ids, metric_ids, years, date_from, date_to)
base = addresses.base_url() or addresses.FALLBACK_URL
got = data_rows.download(choice, base, t.lang)  # the rows and their file's name, one read
shown = got.rows
st.markdown(texts.count_text(len(shown), "row", t.lang))
st.caption(
    addresses.api_addresses(
        name,
        t.lang,
        source=list(choice.source_ids),
        metric=list(choice.metric_ids),
        **texts.date_params(choice.dates()),
    )
)
st.download_button(
    t.gettext("Download these rows as CSV"),
    # Made on the click, not on every run of the page (each filter, each page of the
    # table): the whole statements table at 1000x takes 1.4 s (docs/benchmarks.md).
    data=functools.partial(data_rows.csv, got),
    file_name=got.name,
    mime="text/csv",
    icon=":material/download:",
    key="data-download",
)

table, grid = st.tabs(
    [t.gettext("Table"), t.gettext("Sort and search")],
    key="view",
    on_change="rerun",
    bind="query-params",
)
if table.open:
    with table:
        st.caption(
            t.gettext(
                "Every column is here: scroll sideways. A cell cut short shows its whole text "
                "when you point at it; 'Sort and search' sorts, searches and widens columns."
            )
            + (
                " " + t.gettext("Column names and the data's own words are as the API gives them.")
                if t.lang != "en"
                else ""
            )
        )
        pages = page_count(len(shown))
        page = st.pagination(pages, key="page", bind="query-params") if pages > 1 else 1
        st.html(
            texts.rows_html(page_rows(shown, page), t.lang) + copying.page_script(),
            unsafe_allow_javascript=True,  # the rows' "Copy citation" buttons (monitor.copying)
        )
if grid.open:
    with grid:
        # The grid's own "Download as CSV" writes cells as shown: defuse formulas here too.
        st.dataframe(
            safe_frame(shown),
            hide_index=True,
            key="data-table",
            # Numbers in full, as the CSV has them (55, 0.125): not the grid's rounding.
            column_config={
                c: st.column_config.NumberColumn(format="plain")
                for c in texts.fractional_columns(shown)
            },
        )

st.divider()
st.subheader(t.gettext("The full data package"))
st.markdown(
    t.gettext(
        "Every table as CSV and Parquet, a `datapackage.json` (Frictionless Data) with each "
        "field described, and a README with the codebook, the rule from qualifier to bounds, "
        "how to cite the data set and when it was built."
    )
)
st.download_button(
    t.gettext("Download the full data package (zip)"),
    # The address is read now: the callable runs on the click, outside the page's run,
    # where Streamlit no longer knows the reader's address.
    data=functools.partial(cached.data_package, addresses.base_url() or None),
    file_name=versioned_name(cached.build_info()) + ".zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    key="data-package",
)
