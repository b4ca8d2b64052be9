"""The statement search table: each statement joined once, at build, with what it is filtered by."""

from __future__ import annotations

import duckdb

from corpus.khmer import fold_for_search  # KHMER HOOK (issue 25)
from data_model.tables import STATEMENT_SEARCH

# Curly quotes as straight ones and accents stripped, on both sides of the comparison, so
# "it's" finds "it’s" and "Phnom Penh" finds itself however it was typed (the read layer
# folds a reader's words the same way). SQL doubles a quote inside a literal: the target
# is the four characters ' ' " ".
FOLD = "strip_accents(translate(lower({}), '‘’“”', '''''\"\"'))"

# Every field the one search looks in: the words, who said them (name, other spellings),
# their organisation and their role as the article gave it and as usually given.
_SEARCHED = "t.quote, a.name, a.aliases, a.organisation, t.actor_role, a.role"

#: The rows of the statement_search table (data_model.tables.STATEMENT_SEARCH), from the data
#: tables: written by the build, and read in its place from a file built before it existed.
STATEMENT_SEARCH_SELECT = f"""
    SELECT t.statement_id,
           CAST(row_number() OVER (
               ORDER BY coalesce(t.said_on, s.published_on) DESC, t.source_id, t.quote_start,
                        t.statement_id
           ) AS INTEGER) AS list_order,
           t.actor_id, a.name AS actor_name, a.organisation, a.actor_type, t.stance, t.topic,
           t.source_id, coalesce(t.said_on, s.published_on) AS said,
           CASE WHEN t.said_on IS NULL THEN s.date_precision ELSE 'day' END AS said_precision,
           CAST(year(coalesce(t.said_on, s.published_on)) AS INTEGER) AS said_year,
           {FOLD.format(f"concat_ws(' ', {_SEARCHED})")} AS haystack,
           coalesce(t.actor_role, a.role) AS actor_role, t.quote, t.kind, t.said_on,
           t.relayed_by, r.name AS relayed_by_name,
           s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
           s.published_on AS source_published_on, s.date_precision AS source_date_precision,
           s.citation AS source_citation, s.short_label AS source_label
    FROM statements t JOIN actors a USING (actor_id) JOIN sources s USING (source_id)
    LEFT JOIN actors r ON r.actor_id = t.relayed_by"""


def write_statement_search(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)write the statement search table of the open database from its data tables."""
    names = ", ".join(f'"{c}"' for c in STATEMENT_SEARCH.column_names)
    con.execute("DELETE FROM statement_search")
    con.execute(f"INSERT INTO statement_search ({names}) {STATEMENT_SEARCH_SELECT}")
    fold_khmer_rows(con)  # KHMER HOOK (issue 25)


# KHMER HOOK (issue 25): DuckDB's strip_accents drops Khmer vowel signs ("ខេង" becomes "ខង")
# and no SQL function puts Khmer in order or drops zero-width spaces, so a row holding Khmer
# takes its haystack from corpus.khmer.fold_for_search, the fold database.queries.fold gives
# a reader's Khmer words.
_KHMER_ROWS = f"""
    SELECT t.statement_id, concat_ws(' ', {_SEARCHED}) AS searched
    FROM statements t JOIN actors a USING (actor_id)
    WHERE regexp_matches(concat_ws(' ', {_SEARCHED}), '[\u1780-\u17ff]')"""


def fold_khmer_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Re-fold the haystack of the statement search rows that hold Khmer, in Python."""
    rows = con.execute(_KHMER_ROWS).fetchall()
    if rows:
        con.executemany(
            "UPDATE statement_search SET haystack = ? WHERE statement_id = ?",
            [(fold_for_search(searched), sid) for sid, searched in rows],
        )
