"""The indicator rows table: each figure joined once, at build, with what is shown beside it."""

from __future__ import annotations

import duckdb

from data_model.tables import INDICATOR_ROWS

#: The rows of the indicator_rows table (data_model.tables.INDICATOR_ROWS), from the data
#: tables: written by the build, and read in its place from a file built before it existed.
INDICATOR_ROWS_SELECT = """
    SELECT i.indicator_id, i.metric_id, m.label AS metric_label, m.category,
           c.label AS category_label,
           i.value, i.qualifier, i.value_low, i.value_high, i.unit, u.label AS unit_label,
           u.kind AS unit_kind, i.currency, i.label, i.vague,
           i.restates, i.restates_note,
           i.period_start, i.period_end, i.as_of, i.phase_id, p.name AS phase_name,
           i.geography, i.actor_id, a.name AS actor_name, i.attribution,
           i.quote, i.note, i.source_id,
           s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
           s.published_on AS source_published_on, s.date_precision AS source_date_precision,
           s.citation AS source_citation, s.short_label AS source_label
    FROM indicators i
    JOIN metrics m USING (metric_id)
    JOIN categories c ON c.category_id = m.category
    JOIN units u ON u.unit_id = i.unit
    JOIN sources s USING (source_id)
    LEFT JOIN phases p USING (phase_id)
    LEFT JOIN actors a USING (actor_id)"""


def write_indicator_rows(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the indicator rows table of the open database from its data tables."""
    names = ", ".join(f'"{c}"' for c in INDICATOR_ROWS.column_names)
    con.execute("DELETE FROM indicator_rows")
    con.execute(f"INSERT INTO indicator_rows ({names}) {INDICATOR_ROWS_SELECT}")
