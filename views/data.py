"""Data: give me the rows."""

import streamlit as st

from database.downloads import DOWNLOAD_TABLES, page_count, page_rows
from exports.csvsafe import safe_frame, to_csv_bytes
from exports.package import ZIP_NAME
from monitor import addresses, cached, filters, texts

st.title("Give me the rows")
st.caption(
    "Every table behind the dashboard, filtered here and downloaded as exactly the rows shown, "
    "with the source title, outlet, address, date and the quoted words. Bounds follow one "
    "rule: 'more than 8,000' has value_low 8,000 and no value_high (empty, never zero). "
    "Filters are kept in the address: share the link."
)

name = filters.pick_one(
    "Table", {n: t.label for n, t in DOWNLOAD_TABLES.items()}, key="table"
)  # its id (the API's table name) in the address, an unknown one falling back to the first
source_ids, metric_ids = [], []
panel = filters.filter_panel("Filter rows", ("source", "metric"), key="data-filters")
if panel:
    with panel:
        source_ids = filters.pick_named(
            "Articles", cached.picker_labels("sources"), key="source", noun="article"
        )
        if DOWNLOAD_TABLES[name].filters_by_metric:
            metric_ids = filters.pick_named(
                "Metrics", texts.reported_metric_labels(cached.metrics()), key="metric"
            )

shown = cached.download_rows(name, source_ids=source_ids, metric_ids=metric_ids)
st.markdown(texts.count_text(len(shown), "row"))
st.caption(addresses.api_addresses(name, source=source_ids, metric=metric_ids))
st.download_button(
    "Download these rows as CSV",
    data=to_csv_bytes(shown),
    file_name=texts.download_file_name(name, source_ids, metric_ids),
    mime="text/csv",
    icon=":material/download:",
    key="data-download",
)

table, grid = st.tabs(
    ["Table", "Sort and search"], key="view", on_change="rerun", bind="query-params"
)
if table.open:
    with table:
        st.caption(
            "Every column is here: scroll sideways. A cell cut short shows its whole text "
            "when you point at it; 'Sort and search' sorts, searches and widens columns."
        )
        pages = page_count(len(shown))
        page = st.pagination(pages, key="page", bind="query-params") if pages > 1 else 1
        st.html(texts.rows_html(page_rows(shown, page)))
if grid.open:
    with grid:
        # The grid's own "Download as CSV" writes cells as shown: defuse formulas here too.
        st.dataframe(safe_frame(shown), hide_index=True, key="data-table")

st.divider()
st.subheader("The full data package")
st.markdown(
    "Every table as CSV and Parquet, a `datapackage.json` (Frictionless Data) with each "
    "field described, and a README with the codebook, the rule from qualifier to bounds, "
    "how to cite the data set and when it was built."
)
st.download_button(
    "Download the full data package (zip)",
    data=lambda: cached.data_package(addresses.base_url() or None),
    file_name=ZIP_NAME,
    mime="application/zip",
    icon=":material/folder_zip:",
    key="data-package",
)
