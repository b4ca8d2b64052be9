"""The one query module: every typed query of the database, returning DataFrames.

Over 400 lines on purpose: all SQL that reads the database lives here and nowhere else, one
short typed function per query (the build's writing SQL is in database.write).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Any, TypedDict, Unpack

import numpy as np
import pandas as pd

from corpus.khmer import fold_for_search, has_khmer  # KHMER HOOK (issue 25)
from data_model.tables import SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLES_BY_NAME, Table
from database.connection import Reader

#: A query's SQL and its parameters, as Reader.frame and Reader.arrow take them.
Query = tuple[str, list[object]]


def _in(column: str, values: Sequence[str]) -> tuple[str, list[object]]:
    """A membership condition; the column is a literal of this module, values are parameters."""
    if not values:
        return "TRUE", []
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def _where(*conditions: tuple[str, list[object]]) -> tuple[str, list[object]]:
    sql = " AND ".join(c for c, _ in conditions) or "TRUE"
    params = [p for _, ps in conditions for p in ps]
    return sql, params


class Dates(TypedDict, total=False):
    """The date filters of every table with dates, each on the date its query names."""

    years: Sequence[int]
    date_from: dt.date | None
    date_to: dt.date | None


def _dated(
    column: str,
    years: Sequence[int] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> tuple[str, list[object]]:
    """The year, from and to filters on one date column (a literal of this module, never
    input; the dates are parameters). A row without the date is left out once one is set."""
    return _where(
        _in(f"year({column})", [int(y) for y in years]),
        (f"{column} >= ?", [date_from]) if date_from else ("TRUE", []),
        (f"{column} <= ?", [date_to]) if date_to else ("TRUE", []),
    )


_SOURCE_COLUMNS = """
    s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
    s.published_on AS source_published_on, s.date_precision AS source_date_precision,
    s.date_inferred AS source_date_inferred,
    s.citation AS source_citation, s.short_label AS source_label,
    s.short_label_km AS source_label_km, s.citation_km AS source_citation_km,
    s.archive_url AS source_archive_url, s.accessed AS source_accessed"""


# --- sources -------------------------------------------------------------------------------


def source_order(db: Reader) -> pd.DataFrame:
    """Each article's id and its seed file's name (source_added): files are numbered in the
    order articles are added (curation.add_article takes the next number), whatever the
    article's date, so this is the order charts give out colours in."""
    return db.frame(SOURCE_ORDER)


SOURCE_ORDER = "SELECT source_id, seed_file AS source_added FROM sources"


def sources(db: Reader, source_ids: Sequence[str] = (), **dates: Unpack[Dates]) -> pd.DataFrame:
    """Every article (or those named, or published in the years or days given: `years`,
    `date_from`, `date_to`) with what is known about it and how many records cite it."""
    return db.frame(*sources_query(source_ids, **dates))


def sources_query(source_ids: Sequence[str] = (), **dates: Unpack[Dates]) -> Query:
    """The SQL of sources() and its parameters."""
    where, params = _where(_in("s.source_id", source_ids), _dated("s.published_earliest", **dates))
    return (
        f"""
        SELECT s.source_id, s.title,
               CASE
                   WHEN s.title IS NOT NULL THEN s.title
                   WHEN s.url IS NOT NULL THEN 'Title not known (address ending “'
                        || regexp_extract(s.url, '[^/]+$') || '”)'
                   ELSE 'Title not known'
               END AS display_title, s.outlet,
               coalesce(s.reporter, '') AS reporter, coalesce(s.url, '') AS url, s.published_on,
               s.date_precision, s.published_earliest, s.published_latest, s.date_basis,
               s.date_basis_km,
               s.date_inferred, s.citation, s.citation_km, s.seed_file,
               s.archive_url, s.accessed,
               s.short_label, s.short_label_km,
               (SELECT count(*) FROM indicators i WHERE i.source_id = s.source_id) AS n_figures,
               (SELECT count(*) FROM statements t WHERE t.source_id = s.source_id)
                   AS n_statements,
               (SELECT count(*) FROM citations c WHERE c.source_id = s.source_id) AS n_quotes
        FROM sources s
        WHERE {where}
        ORDER BY s.published_earliest DESC, s.published_latest DESC, s.source_id
        """,
        params,
    )


def source_body(db: Reader, source_id: str) -> str | None:
    """The clean text of one article, or None if there is no such source."""
    frame = db.frame("SELECT body FROM sources WHERE source_id = ?", [source_id])
    return None if frame.empty else str(frame.iloc[0, 0])


def not_coded(db: Reader, source_id: str) -> pd.DataFrame:
    """Sentences of one article left uncoded on purpose, with their offsets and the reason."""
    return db.frame(
        "SELECT quote, quote_start, quote_end, reason FROM not_coded WHERE source_id = ? "
        "ORDER BY quote_start",
        [source_id],
    )


def citations(db: Reader, source_id: str) -> pd.DataFrame:
    """Every curated quote in one article, with its offsets, in reading order."""
    return db.frame(
        """
        SELECT record_kind, record_id, quote, quote_start, quote_end
        FROM citations WHERE source_id = ?
        ORDER BY quote_start, quote_end DESC, record_kind, record_id
        """,
        [source_id],
    )


# --- codebook, phases, events --------------------------------------------------------------


def metrics(db: Reader) -> pd.DataFrame:
    """The codebook, with how many figures each metric has (n_numbers: those with a number,
    which charts draw) and its category's place (category_ordinal)."""
    return db.frame(*metrics_query())


def metrics_query() -> Query:
    """The SQL of metrics() and its parameters (none)."""
    return (
        """
        SELECT m.metric_id, m.label, m.label_km, m.unit, u.label AS unit_label,
               u.label_km AS unit_label_km, m.category, c.label AS category_label,
               c.label_km AS category_label_km, c.ordinal AS category_ordinal, m.definition,
               m.definition_km,
               m.headline_rank, count(i.indicator_id) AS n_figures,
               count(i.value) AS n_numbers
        FROM metrics m
        JOIN categories c ON c.category_id = m.category
        JOIN units u ON u.unit_id = m.unit
        LEFT JOIN indicators i USING (metric_id)
        GROUP BY ALL ORDER BY m.category, m.label
        """,
        [],
    )


def phases(db: Reader) -> pd.DataFrame:
    """The campaign phases in order."""
    return db.frame(*phases_query())


def phases_query() -> Query:
    """The SQL of phases() and its parameters (none)."""
    return (
        "SELECT phase_id, ordinal, name, label_km, start_date, end_date, description, "
        "date_basis FROM phases ORDER BY ordinal",
        [],
    )


def phase_citations(db: Reader) -> pd.DataFrame:
    """The passages describing each phase, with their sources."""
    return db.frame(
        f"""
        SELECT c.phase_id, c.source_id, c.quote, {_SOURCE_COLUMNS}
        FROM phase_citations c JOIN sources s USING (source_id)
        ORDER BY c.phase_id, s.published_earliest, s.published_latest
        """
    )


def events(db: Reader) -> pd.DataFrame:
    """Dated moments of the campaign, oldest first."""
    return db.frame(*events_query())


def events_query() -> Query:
    """The SQL of events() and its parameters (none)."""
    return (
        f"""
        SELECT e.event_id, e.event_date, e.event_date_end, e.date_precision, e.date_basis,
               e.kind, e.title, e.title_km, e.source_id, e.quote, {_SOURCE_COLUMNS}
        FROM events e JOIN sources s USING (source_id)
        ORDER BY e.event_date, e.event_id
        """,
        [],
    )


def build_info(db: Reader) -> dict[str, str]:
    """When and from how much the database was built."""
    frame = db.frame("SELECT key, value FROM build_info")
    return dict(zip(frame["key"], frame["value"], strict=True))


def same_schema(db: Reader) -> bool:
    """Whether the file was built with the schema this code reads (data_model.tables)."""
    found = db.frame("SELECT value FROM build_info WHERE key = ?", [SCHEMA_VERSION_KEY])
    return not found.empty and found.iloc[0, 0] == SCHEMA_VERSION


# --- figures -------------------------------------------------------------------------------


def indicators(
    db: Reader,
    metric_ids: Sequence[str] = (),
    categories: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    phase_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> pd.DataFrame:
    """Figures with their metric, hedge, bounds, phase, speaker and source; `years`,
    `date_from` and `date_to` keep those as of a day in them."""
    return db.frame(*indicators_query(metric_ids, categories, source_ids, phase_ids, **dates))


def indicators_query(
    metric_ids: Sequence[str] = (),
    categories: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    phase_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> Query:
    """The SQL of indicators() and its parameters, read from the indicator rows table."""
    where, params = _where(
        _in("f.metric_id", metric_ids),
        _in("f.category", categories),
        _in("f.source_id", source_ids),
        _in("f.phase_id", phase_ids),
        _dated("f.as_of", **dates),
    )
    return (
        f"""
        SELECT f.* FROM indicator_rows f
        WHERE {where}
        ORDER BY f.category, f.metric_label, f.as_of, f.indicator_id
        """,
        params,
    )


# --- people and statements -----------------------------------------------------------------


def actors(db: Reader) -> pd.DataFrame:
    """People and bodies, with how many statements and positions each has."""
    return db.frame(*actors_query())


def actors_query() -> Query:
    """The SQL of actors() and its parameters (none)."""
    return (
        """
        SELECT a.actor_id, a.name, a.name_km, a.aliases, a.kind, a.role, a.organisation,
               a.actor_type, a.role_km, a.organisation_km,
               (SELECT count(*) FROM statements s WHERE s.actor_id = a.actor_id) AS n_statements,
               (SELECT count(*) FROM policy_positions p WHERE p.actor_id = a.actor_id)
                   AS n_positions
        FROM actors a ORDER BY a.name
        """,
        [],
    )


def fold(text: str) -> str:
    """The search's folding of a reader's words (the build folds the data the same way)."""
    if has_khmer(text):
        # KHMER HOOK (issue 25): Khmer signs kept, zero-width spaces and spaces between Khmer
        # letters dropped, as the build folds rows holding Khmer (etl.search.fold_khmer_rows).
        return fold_for_search(text)
    text = text.lower().translate(str.maketrans("‘’“”", "''\"\""))
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _statement_conditions(
    actor_ids: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    stances: Sequence[str] = (),
    topics: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    text: str = "",
    years: Sequence[int] = (),
    organisations: Sequence[str] = (),
    statement_ids: Sequence[str] = (),
) -> dict[str, tuple[str, list[object]]]:
    """Each filter as a condition on the statement search table f, by its name."""
    conditions = {
        "id": _in("f.statement_id", statement_ids),
        "q": ("TRUE", []),
        "org": _in("f.organisation", organisations),
        "actor": _in("f.actor_id", actor_ids),
        "actor_type": _in("f.actor_type", actor_types),
        "stance": _in("f.stance", stances),
        "topic": _in("f.topic", topics),
        "year": _in("f.said_year", [int(y) for y in years]),
        "source": _in("f.source_id", source_ids),
        "from": ("f.said >= ?", [date_from]) if date_from else ("TRUE", []),
        "to": ("f.said <= ?", [date_to]) if date_to else ("TRUE", []),
    }
    words = fold(text).split()
    if words:
        # Every word somewhere in the searched fields (folded by the build); contains(),
        # not LIKE, so "%" and "_" typed by a reader are plain characters.
        conditions["q"] = (" AND ".join("contains(f.haystack, ?)" for _ in words), words)
    return conditions


_STATEMENT_COLUMNS = """
        SELECT f.statement_id, f.actor_id, f.actor_name, f.actor_role, f.organisation,
               f.actor_type, f.quote, f.kind, f.topic, f.stance, f.said_on,
               f.relayed_by, f.relayed_by_name, f.note,
               -- The names as Khmer outlets print them (actors.yaml name_km), for ?lang=km.
               (SELECT k.name_km FROM actors k WHERE k.actor_id = f.actor_id) AS actor_name_km,
               (SELECT k.name_km FROM actors k WHERE k.actor_id = f.relayed_by)
                   AS relayed_by_name_km,
               -- The role in Khmer: the one the article gave this statement (its
               -- actor_role_km), else the actor's usual one (actors.yaml role_km) where that
               -- is the role shown; the organisation in Khmer (organisation_km).
               coalesce(
                   (SELECT k.actor_role_km FROM statements k
                    WHERE k.statement_id = f.statement_id),
                   (SELECT k.role_km FROM actors k
                    WHERE k.actor_id = f.actor_id AND k.role = f.actor_role)
               ) AS actor_role_km,
               (SELECT k.organisation_km FROM actors k WHERE k.actor_id = f.actor_id)
                   AS organisation_km,
               (SELECT k.translations FROM statements k WHERE k.statement_id = f.statement_id)
                   AS translations,
               -- The caveat in Khmer (statements.note_km), for ?lang=km.
               (SELECT k.note_km FROM statements k WHERE k.statement_id = f.statement_id)
                   AS note_km,
               f.said AS statement_date, f.said_precision AS statement_date_precision,
               f.source_id, f.source_title, f.source_outlet, f.source_url,
               f.source_published_on, f.source_date_precision, f.source_date_inferred,
               f.source_citation, f.source_label, f.source_label_km, f.source_citation_km,
               f.source_archive_url, f.source_accessed"""


def _statement_rows_query(
    conditions: dict[str, tuple[str, list[object]]], limit: str = "", *more: object
) -> Query:
    """The statements the conditions choose, in the list's order (newest first), from the
    search table alone (it holds the article's columns too: no join to plan per request);
    `limit` pages them."""
    where, params = _where(*conditions.values())
    return (
        f"""
        {_STATEMENT_COLUMNS}
        FROM statement_search f WHERE {where}
        ORDER BY f.list_order {limit}
        """,
        [*params, *more],
    )


def statements(
    db: Reader,
    actor_ids: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    stances: Sequence[str] = (),
    topics: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    text: str = "",
    years: Sequence[int] = (),
    organisations: Sequence[str] = (),
    statement_ids: Sequence[str] = (),
) -> pd.DataFrame:
    """Quotes with speaker, role, organisation and source; filters combine with AND.

    The date filter uses the day said where the article gives it, else the earliest day the
    article can have been published.
    The text search finds statements with every word of it in the quote, the speaker's name
    or aliases, organisation or role, case- and accent-insensitively.
    """
    return db.frame(*statements_query(**_chosen(locals())))


def statements_query(**filters: Any) -> Query:
    """The SQL of statements() and its parameters, for the same filters."""
    return _statement_rows_query(_statement_conditions(**filters))


def _chosen(scope: dict[str, object]) -> dict[str, object]:
    """A query function's filter arguments (its locals without the reader and paging)."""
    return {k: v for k, v in scope.items() if k not in ("db", "page", "size")}


def statements_page(
    db: Reader,
    page: int,
    size: int,
    actor_ids: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    stances: Sequence[str] = (),
    topics: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    text: str = "",
    years: Sequence[int] = (),
    organisations: Sequence[str] = (),
) -> pd.DataFrame:
    """One page (1-based, `size` rows) of what `statements` returns for the same filters:
    a page run reads a page, however many statements match."""
    conditions = _statement_conditions(**_chosen(locals()))
    offset = (max(page, 1) - 1) * size
    return db.frame(*_statement_rows_query(conditions, "LIMIT ? OFFSET ?", size, offset))


def statement_summary(
    db: Reader,
    actor_ids: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    stances: Sequence[str] = (),
    topics: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    text: str = "",
    years: Sequence[int] = (),
    organisations: Sequence[str] = (),
) -> dict[str, object]:
    """What the chosen statements amount to, in one row: how many, from how many speakers
    and articles, their first and last dates, the latest speaker and the most-cited ones
    (each with the Khmer name, name_km, where there is one)."""
    where, params = _where(*_statement_conditions(**_chosen(locals())).values())
    frame = db.frame(
        f"""
        WITH chosen AS (
            SELECT f.actor_id, f.actor_name AS name, f.source_id, f.said, f.said_precision,
                   f.list_order,
                   (SELECT k.name_km FROM actors k WHERE k.actor_id = f.actor_id) AS name_km
            FROM statement_search f WHERE {where}
        ),
        cited AS (
            SELECT name, any_value(name_km) AS name_km, count(*) AS n FROM chosen
            GROUP BY actor_id, name
            ORDER BY n DESC, name LIMIT 3
        )
        -- One pass over the chosen rows; the latest is the first in the list's own order.
        SELECT count(*) AS n,
               count(DISTINCT actor_id) AS n_speakers,
               count(DISTINCT source_id) AS n_articles,
               min(said) AS first_said,
               max(said) AS last_said,
               arg_min(name, list_order) AS latest_name,
               arg_min(name_km, list_order) AS latest_name_km,
               arg_min(said, list_order) AS latest_said,
               arg_min(said_precision, list_order) AS latest_precision,
               (SELECT list(name ORDER BY n DESC, name) FROM cited) AS cited_names,
               (SELECT list(name_km ORDER BY n DESC, name) FROM cited) AS cited_names_km,
               (SELECT list(n ORDER BY n DESC, name) FROM cited) AS cited_counts
        FROM chosen
        """,
        params,
    )
    return frame.iloc[0].to_dict()


#: The facets of the statements search: the value and label each is counted by.
STATEMENT_FACETS = {
    "org": ("f.organisation", "f.organisation"),
    "actor": ("f.actor_id", "f.actor_name"),
    "topic": ("f.topic", "f.topic"),
    "stance": ("f.stance", "f.stance"),
    "year": ("CAST(f.said_year AS VARCHAR)", "CAST(f.said_year AS VARCHAR)"),
}


def statement_facets(
    db: Reader,
    actor_ids: Sequence[str] = (),
    actor_types: Sequence[str] = (),
    stances: Sequence[str] = (),
    topics: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    text: str = "",
    years: Sequence[int] = (),
    organisations: Sequence[str] = (),
) -> pd.DataFrame:
    """Counts per value of each facet (organisation, speaker, topic, stance, year), each
    under every filter but its own, so a count says what choosing that value would add;
    plus, per filter (value = its name), how many statements the others leave (facet
    'without') and how many it matches alone ('only'): which says what excluded everything;
    plus, per search word (value = its place, label = the word as searched), how many
    statements hold it at all (facet 'word'): which word matched nothing. One query."""
    conditions = _statement_conditions(**_chosen(locals()))
    names = list(conditions)
    words = fold(text).split()
    # One pass groups the statements by every facet value and whether each test holds:
    # a few groups (k statements each) however many statements there are, then summed here.
    tests = [f"coalesce(({sql}), FALSE) AS m_{n}" for n, (sql, _) in conditions.items()]
    tests += [f"contains(f.haystack, ?) AS m_w{i}" for i in range(len(words))]
    facets = [
        f"{value} AS f_{f}, {label} AS l_{f}" for f, (value, label) in STATEMENT_FACETS.items()
    ]
    grouped = db.frame(
        f"SELECT {', '.join(facets + tests)}, count(*) AS k FROM statement_search f GROUP BY ALL",
        [p for _, ps in conditions.values() for p in ps] + words,
    )
    k = grouped["k"].to_numpy(dtype="int64")
    held = {n: grouped[f"m_{n}"].to_numpy(dtype=bool) for n in names}
    held |= {f"w{i}": grouped[f"m_w{i}"].to_numpy(dtype=bool) for i in range(len(words))}

    def all_but(own: str) -> Any:
        return np.logical_and.reduce([held[n] for n in names if n != own])

    rows: list[tuple[str, object, object, int]] = []
    for f in STATEMENT_FACETS:
        per: dict[object, list[Any]] = {}
        counted = np.where(all_but(f), k, 0).tolist()
        for value, label, n in zip(grouped[f"f_{f}"], grouped[f"l_{f}"], counted, strict=True):
            value, label = (None if pd.isna(x) else x for x in (value, label))
            seen = per.setdefault(value, [label, 0])
            seen[0] = label if seen[0] is None else seen[0]
            seen[1] += n
        rows += [(f, value, label, n) for value, (label, n) in per.items()]
    for n in names:
        rows.append(("without", n, n, int(k[all_but(n)].sum())))
        rows.append(("only", n, n, int(k[held[n]].sum())))
    rows += [("word", str(i), w, int(k[held[f"w{i}"]].sum())) for i, w in enumerate(words)]
    # As SQL orders them: by facet, most first, then label (a missing one last).
    rows.sort(key=lambda r: (r[0], -r[3], r[2] is None, r[2] or ""))
    frame = pd.DataFrame(rows, columns=["facet", "value", "label", "n"])
    return frame.astype({"n": "int64"})


def statement_years(db: Reader) -> list[int]:
    """The years statements were made in (the day said, else the publication date)."""
    frame = db.frame(
        """
        SELECT DISTINCT year(coalesce(t.said_on, s.published_on)) AS y
        FROM statements t JOIN sources s USING (source_id) ORDER BY y
        """
    )
    return [int(y) for y in frame["y"]]


def dated_years(db: Reader) -> list[int]:
    """The years any dated row falls in, on the date each table is filtered by (figures'
    as_of, statements' day said else published, proposals' proposed_on, articles'
    published_on, which positions take too)."""
    frame = db.frame(
        """
        SELECT DISTINCT y FROM (
            SELECT year(as_of) AS y FROM indicators
            UNION SELECT year(coalesce(t.said_on, s.published_on))
                FROM statements t JOIN sources s USING (source_id)
            UNION SELECT year(proposed_on) FROM policies
            UNION SELECT year(published_on) FROM sources
        ) WHERE y IS NOT NULL ORDER BY y
        """
    )
    return [int(y) for y in frame["y"]]


# --- proposals -----------------------------------------------------------------------------


def policies(
    db: Reader,
    categories: Sequence[str] = (),
    statuses: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> pd.DataFrame:
    """Proposals with who put them forward, when, their status and counts of positions;
    `years`, `date_from` and `date_to` keep those put forward in them (proposed_on)."""
    return db.frame(*policies_query(categories, statuses, source_ids, **dates))


def policies_query(
    categories: Sequence[str] = (),
    statuses: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> Query:
    """The SQL of policies() and its parameters."""
    where, params = _where(
        _in("p.category", categories),
        _in("p.status", statuses),
        _in("p.first_source_id", source_ids),
        _dated("p.proposed_on", **dates),
    )
    return (
        f"""
        SELECT p.policy_id, p.name, p.label_km, p.description, p.category, p.status, p.status_note,
               p.description_km, p.status_note_km,
               p.proposed_by, a.name AS proposed_by_name, a.name_km AS proposed_by_name_km,
               a.role AS proposed_by_role, a.role_km AS proposed_by_role_km,
               p.proposed_on, p.proposed_on_precision, p.quote,
               p.first_source_id AS source_id, {_SOURCE_COLUMNS},
               (SELECT count(*) FROM policy_positions x
                 WHERE x.policy_id = p.policy_id AND x.position = 'supports') AS n_supports,
               (SELECT count(*) FROM policy_positions x
                 WHERE x.policy_id = p.policy_id AND x.position = 'opposes') AS n_opposes,
               (SELECT count(*) FROM policy_positions x
                 WHERE x.policy_id = p.policy_id AND x.position = 'mixed') AS n_mixed
        FROM policies p
        JOIN actors a ON a.actor_id = p.proposed_by
        JOIN sources s ON s.source_id = p.first_source_id
        WHERE {where}
        ORDER BY p.proposed_on DESC, p.name, p.policy_id
        """,
        params,
    )


def policy_positions(
    db: Reader,
    policy_ids: Sequence[str] = (),
    positions: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    actor_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> pd.DataFrame:
    """Each named actor's position on each proposal, with their words and the source;
    `years`, `date_from` and `date_to` keep those of articles published in them (a
    position carries no date of its own)."""
    return db.frame(*policy_positions_query(policy_ids, positions, source_ids, actor_ids, **dates))


def policy_positions_query(
    policy_ids: Sequence[str] = (),
    positions: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    actor_ids: Sequence[str] = (),
    **dates: Unpack[Dates],
) -> Query:
    """The SQL of policy_positions() and its parameters."""
    where, params = _where(
        _in("x.policy_id", policy_ids),
        _in("x.position", positions),
        _in("x.source_id", source_ids),
        _in("x.actor_id", actor_ids),
        _dated("s.published_earliest", **dates),
    )
    return (
        f"""
        SELECT x.position_id, x.policy_id, p.name AS policy_name, p.label_km AS policy_name_km,
               x.actor_id,
               a.name AS actor_name, a.name_km AS actor_name_km,
               COALESCE(x.actor_role, a.role) AS actor_role,
               coalesce(x.actor_role_km, CASE WHEN x.actor_role IS NULL THEN a.role_km END)
                   AS actor_role_km,
               a.organisation, a.organisation_km, a.actor_type, x.position, x.quote, x.kind,
               x.relayed_by, r.name AS relayed_by_name, r.name_km AS relayed_by_name_km,
               x.source_id, {_SOURCE_COLUMNS}
        FROM policy_positions x
        JOIN policies p USING (policy_id)
        JOIN actors a ON a.actor_id = x.actor_id
        LEFT JOIN actors r ON r.actor_id = x.relayed_by
        JOIN sources s ON s.source_id = x.source_id
        WHERE {where}
        ORDER BY p.name, x.position, a.name, x.position_id
        """,
        params,
    )


def _policy_where(
    categories: Sequence[str], statuses: Sequence[str], policy_ids: Sequence[str] = ()
) -> tuple[str, list[object]]:
    return _where(
        _in("p.category", categories), _in("p.status", statuses), _in("p.policy_id", policy_ids)
    )


def policy_overview(
    db: Reader, categories: Sequence[str] = (), statuses: Sequence[str] = ()
) -> dict[str, object]:
    """What the chosen proposals amount to, in one row: how many and in which status, the
    named positions on them, the latest proposed and the most discussed (most positions)."""
    where, params = _policy_where(categories, statuses)
    frame = db.frame(
        f"""
        WITH chosen AS (
            SELECT p.policy_id, p.name, p.label_km, p.status, p.proposed_on,
                   p.proposed_on_precision,
                   (SELECT count(*) FROM policy_positions x WHERE x.policy_id = p.policy_id)
                       AS n_positions
            FROM policies p WHERE {where}
        ),
        statuses AS (SELECT status, count(*) AS n FROM chosen GROUP BY status),
        discussed AS (
            SELECT name, label_km, n_positions, proposed_on, policy_id FROM chosen
            WHERE n_positions > 0
            ORDER BY n_positions DESC, proposed_on DESC, name, policy_id LIMIT 3
        )
        -- One pass over the chosen rows; the latest is the first in the list's own order.
        SELECT count(*) AS n,
               (SELECT list(status ORDER BY n DESC, status) FROM statuses) AS status_names,
               (SELECT list(n ORDER BY n DESC, status) FROM statuses) AS status_counts,
               coalesce(sum(n_positions), 0) AS n_positions,
               (SELECT count(DISTINCT x.actor_id) FROM policy_positions x
                 WHERE x.policy_id IN (SELECT policy_id FROM chosen)) AS n_actors,
               first(name ORDER BY proposed_on DESC, name, policy_id) AS latest_name,
               first(label_km ORDER BY proposed_on DESC, name, policy_id) AS latest_name_km,
               first(proposed_on ORDER BY proposed_on DESC, name, policy_id) AS latest_on,
               first(proposed_on_precision ORDER BY proposed_on DESC, name, policy_id)
                   AS latest_precision,
               -- The same order in each list, ties broken alike: names and counts pair up.
               (SELECT list(name ORDER BY n_positions DESC, proposed_on DESC, name, policy_id)
                  FROM discussed) AS discussed_names,
               (SELECT list(label_km ORDER BY n_positions DESC, proposed_on DESC, name,
                            policy_id) FROM discussed) AS discussed_names_km,
               (SELECT list(n_positions ORDER BY n_positions DESC, proposed_on DESC, name,
                            policy_id) FROM discussed) AS discussed_counts
        FROM chosen
        """,
        params,
    )
    return frame.iloc[0].to_dict()


def policy_summaries(
    db: Reader,
    page: int = 1,
    size: int = 1,
    categories: Sequence[str] = (),
    statuses: Sequence[str] = (),
    policy_ids: Sequence[str] = (),
    relayed: str = "according to {name}",
) -> pd.DataFrame:
    """One page (1-based) of proposals, each with who put it forward and the named actors
    for, against and mixed on it (names and counts), summarised in this one query; the
    names also as Khmer pages show them (*_names_km: name_km where there is one, a relayed
    position worded by `relayed`, the catalogue's words for "according to {name}")."""
    where, params = _policy_where(categories, statuses, policy_ids)
    return db.frame(
        f"""
        WITH stand AS (
            SELECT x.policy_id,
                   count(*) FILTER (WHERE x.position = 'supports') AS n_supports,
                   count(*) FILTER (WHERE x.position = 'opposes') AS n_opposes,
                   count(*) FILTER (WHERE x.position = 'mixed') AS n_mixed,
                   string_agg(DISTINCT who, ', ' ORDER BY who)
                       FILTER (WHERE x.position = 'supports') AS for_names,
                   string_agg(DISTINCT who, ', ' ORDER BY who)
                       FILTER (WHERE x.position = 'opposes') AS against_names,
                   string_agg(DISTINCT who, ', ' ORDER BY who)
                       FILTER (WHERE x.position = 'mixed') AS mixed_names,
                   string_agg(DISTINCT who_km, ', ' ORDER BY who_km)
                       FILTER (WHERE x.position = 'supports') AS for_names_km,
                   string_agg(DISTINCT who_km, ', ' ORDER BY who_km)
                       FILTER (WHERE x.position = 'opposes') AS against_names_km,
                   string_agg(DISTINCT who_km, ', ' ORDER BY who_km)
                       FILTER (WHERE x.position = 'mixed') AS mixed_names_km
            FROM policy_positions x JOIN actors a ON a.actor_id = x.actor_id
            LEFT JOIN actors r ON r.actor_id = x.relayed_by,
            -- A position the article has second-hand says so: "Koeut Rith (according to
            -- Sar Kheng)", as the proposal's own text does.
            LATERAL (
                SELECT a.name || coalesce(' (according to ' || r.name || ')', '') AS who,
                       coalesce(a.name_km, a.name) || coalesce(
                           ' (' || replace(?, '{{name}}', coalesce(r.name_km, r.name)) || ')', ''
                       ) AS who_km
            )
            GROUP BY x.policy_id
        )
        SELECT p.policy_id, p.name, p.label_km, p.description, p.category, p.status, p.status_note,
               p.description_km, p.status_note_km,
               p.proposed_by, a.name AS proposed_by_name, a.name_km AS proposed_by_name_km,
               a.role AS proposed_by_role, a.role_km AS proposed_by_role_km,
               p.proposed_on, p.proposed_on_precision, p.quote,
               p.first_source_id AS source_id, {_SOURCE_COLUMNS},
               coalesce(n_supports, 0) AS n_supports, coalesce(n_opposes, 0) AS n_opposes,
               coalesce(n_mixed, 0) AS n_mixed, for_names, against_names, mixed_names,
               for_names_km, against_names_km, mixed_names_km
        FROM policies p
        JOIN actors a ON a.actor_id = p.proposed_by
        JOIN sources s ON s.source_id = p.first_source_id
        LEFT JOIN stand USING (policy_id)
        WHERE {where}
        ORDER BY p.proposed_on DESC, p.name, p.policy_id
        LIMIT ? OFFSET ?
        """,
        [relayed, *params, size, (max(page, 1) - 1) * size],
    )


# --- checks --------------------------------------------------------------------------------


def consistency_checks(db: Reader, statuses: Sequence[str] = ()) -> pd.DataFrame:
    """Checks of figures against each other, failures first."""
    where, params = _where(_in("status", statuses))
    return db.frame(
        f"""
        SELECT check_id, kind, metric_id, period_start, period_end, status, severity, headline,
               detail, source_ids
        FROM consistency_checks WHERE {where}
        ORDER BY CASE status WHEN 'fail' THEN 0 WHEN 'warn' THEN 1 ELSE 2 END, kind, check_id
        """,
        params,
    )


# --- data package --------------------------------------------------------------------------


def table_rows(db: Reader, table: Table) -> pd.DataFrame:
    """Every row of one table, columns in schema order, sorted by primary key (else all columns)."""
    if TABLES_BY_NAME.get(table.name) is not table:
        raise ValueError(f"unknown table {table.name!r}")
    # Identifiers come from data_model.tables (checked above), never from input.
    names = ", ".join(f'"{c}"' for c in table.column_names)
    order = ", ".join(f'"{c}"' for c in (table.primary_key or table.column_names))
    return db.frame(f'SELECT {names} FROM "{table.name}" ORDER BY {order}')


# The flattened tables below keep every column of their base table under its own name and
# add joined columns named in exports.package.JOINED_COLUMNS, which says where each comes
# from; the package test fails if a column is added here without an entry there.

_FLAT_SOURCE_COLUMNS = """
    s.outlet AS source_outlet, s.title AS source_title, s.reporter AS source_reporter,
    s.url AS source_url, s.published_on AS source_published_on,
    s.date_precision AS source_date_precision, s.date_inferred AS source_date_inferred,
    s.citation AS source_citation, s.archive_url AS source_archive_url, s.accessed AS source_accessed"""

_FLAT_ACTOR_COLUMNS = """
    a.name AS actor_name, a.role AS actor_usual_role, a.organisation AS actor_organisation,
    a.actor_type AS actor_type"""


def indicators_with_sources(db: Reader) -> pd.DataFrame:
    """Every figure with its metric, phase, speaker and article, one row per figure."""
    return db.frame(
        f"""
        SELECT i.*, u.label AS unit_label, u.kind AS unit_kind,
               m.label AS metric_label, m.category AS metric_category,
               c.label AS category_label, m.definition AS metric_definition,
               p.name AS phase_name, {_FLAT_ACTOR_COLUMNS}, {_FLAT_SOURCE_COLUMNS}
        FROM indicators i
        JOIN units u ON u.unit_id = i.unit
        JOIN metrics m ON m.metric_id = i.metric_id
        JOIN categories c ON c.category_id = m.category
        JOIN sources s ON s.source_id = i.source_id
        LEFT JOIN phases p ON p.phase_id = i.phase_id
        LEFT JOIN actors a ON a.actor_id = i.actor_id
        ORDER BY i.indicator_id
        """
    )


def statements_with_sources(db: Reader) -> pd.DataFrame:
    """Every statement with its speaker and article, one row per statement."""
    return db.frame(
        f"""
        SELECT t.*, {_FLAT_ACTOR_COLUMNS}, {_FLAT_SOURCE_COLUMNS}
        FROM statements t
        JOIN actors a ON a.actor_id = t.actor_id
        JOIN sources s ON s.source_id = t.source_id
        ORDER BY t.statement_id
        """
    )


def policies_with_sources(db: Reader) -> pd.DataFrame:
    """Every proposal with who put it forward and the first article reporting it."""
    return db.frame(
        f"""
        SELECT p.*, a.name AS proposed_by_name, a.role AS proposed_by_role,
               a.organisation AS proposed_by_organisation, {_FLAT_SOURCE_COLUMNS}
        FROM policies p
        JOIN actors a ON a.actor_id = p.proposed_by
        JOIN sources s ON s.source_id = p.first_source_id
        ORDER BY p.policy_id
        """
    )


def policy_positions_with_sources(db: Reader) -> pd.DataFrame:
    """Every position on a proposal with the proposal, the actor and the article."""
    return db.frame(
        f"""
        SELECT x.*, p.name AS policy_name, p.category AS policy_category,
               p.status AS policy_status, {_FLAT_ACTOR_COLUMNS}, {_FLAT_SOURCE_COLUMNS}
        FROM policy_positions x
        JOIN policies p ON p.policy_id = x.policy_id
        JOIN actors a ON a.actor_id = x.actor_id
        JOIN sources s ON s.source_id = x.source_id
        ORDER BY x.position_id
        """
    )


# --- static chart images -------------------------------------------------------------------


#: Rows of a chart in the language asked for, else in English (the source language, which
#: every build writes): ordered so the asked-for language comes first.
_IN_LANGUAGE = "lang IN (?, 'en') ORDER BY (lang = ?) DESC"


def chart_svgs(db: Reader, chart_id: str, lang: str = "en") -> tuple[str, str] | None:
    """The chart's static SVGs (wide, narrow) drawn by the build in `lang` (else English);
    None when it drew none."""
    frame = db.frame(
        "SELECT kind, image FROM chart_images WHERE chart_id = ? AND kind IN ('svg-wide', "
        "'svg-narrow') AND " + _IN_LANGUAGE,
        [chart_id, lang, lang],
    ).drop_duplicates("kind")
    images = {
        str(k): bytes(v).decode("utf-8") for k, v in zip(frame["kind"], frame["image"], strict=True)
    }
    if {"svg-wide", "svg-narrow"} - images.keys():
        return None
    return images["svg-wide"], images["svg-narrow"]


def charts_drawn(db: Reader, lang: str = "en") -> list[str]:
    """Ids of the charts the build drew both SVGs of (wide and narrow) in `lang`."""
    frame = db.frame(
        "SELECT chart_id FROM chart_images WHERE kind IN ('svg-wide', 'svg-narrow')"
        " AND lang = ? GROUP BY chart_id HAVING count(DISTINCT kind) = 2 ORDER BY chart_id",
        [lang],
    )
    return [str(c) for c in frame["chart_id"]]


def chart_image_kinds(db: Reader) -> set[tuple[str, str, str]]:
    """Every (chart id, language, kind) the build stored an image of."""
    frame = db.frame("SELECT DISTINCT chart_id, lang, kind FROM chart_images")
    return {(str(c), str(lang), str(k)) for c, lang, k in frame.itertuples(index=False)}


def chart_png(db: Reader, chart_id: str, lang: str = "en") -> bytes | None:
    """The chart's report-ready PNG drawn by the build in `lang` (else English); None when
    it drew none."""
    return _chart_image(db, chart_id, "png", lang)


def chart_print_svg(db: Reader, chart_id: str, lang: str = "en") -> bytes | None:
    """The chart's print SVG (the PNG's layout in vectors) drawn by the build in `lang`
    (else English); None when it drew none."""
    return _chart_image(db, chart_id, "svg-print", lang)


def _chart_image(db: Reader, chart_id: str, kind: str, lang: str) -> bytes | None:
    frame = db.frame(
        "SELECT image FROM chart_images WHERE chart_id = ? AND kind = ? AND " + _IN_LANGUAGE,
        [chart_id, kind, lang, lang],
    )
    return None if frame.empty else bytes(frame.iloc[0, 0])


def chart_images_by_fingerprint(db: Reader) -> dict[str, bytes]:
    """Every stored chart image by its fingerprint, for a later build to reuse."""
    frame = db.frame("SELECT fingerprint, image FROM chart_images")
    return {str(f): bytes(i) for f, i in zip(frame["fingerprint"], frame["image"], strict=True)}


# --- what the last build changed -----------------------------------------------------------


#: Builds the feed and the studio's Changes screen list: enough for a reader back from a
#: long holiday, few enough that a feed reader's download stays small. The history itself is
#: kept whole (changes.json answers since any version).
FEED_BUILDS = 50


def build_changes(db: Reader, last: int | None = None) -> pd.DataFrame:
    """Records the last `last` builds (FEED_BUILDS) added, changed or removed, newest build
    first, with their article's title when it is still there."""
    return db.frame(
        """
        SELECT c.build, c.built_at, c.table_name, c.record_id, c.change, c.source_id, s.title,
               c.data_version
        FROM build_changes c LEFT JOIN sources s USING (source_id)
        WHERE c.build > (SELECT max(build) FROM build_changes) - ?
        ORDER BY c.build DESC, c.source_id, c.table_name, c.change, c.record_id
        """,
        [FEED_BUILDS if last is None else last],
    )


def data_versions(db: Reader) -> pd.DataFrame:
    """Every data version the file's history holds, oldest first, with its build's reason."""
    return db.frame(
        "SELECT ordinal, data_version, built_at, fingerprint, reason FROM build_versions "
        "ORDER BY ordinal"
    )


def record_changes_after(db: Reader, ordinal: int) -> pd.DataFrame:
    """Every record change made by the versions after the `ordinal`-th, oldest first, one row
    per changed field (field empty for a record added or removed whole)."""
    return db.frame(
        """
        SELECT v.ordinal, c.data_version, c.table_name, c.record_id, c.change, c.source_id,
               f.field, f.old_value, f.new_value, v.reason AS build_reason
        FROM build_changes c
        JOIN build_versions v USING (data_version)
        LEFT JOIN change_fields f USING (data_version, table_name, record_id)
        WHERE v.ordinal > ?
        ORDER BY v.ordinal, c.table_name, c.record_id, f.field
        """,
        [ordinal],
    )


def corrections(db: Reader, after_ordinal: int = 0) -> pd.DataFrame:
    """The corrections log, newest first (those first carried by versions after the
    `after_ordinal`-th), with the version's place."""
    return db.frame(
        """
        SELECT k.*, v.ordinal AS version_ordinal
        FROM corrections k LEFT JOIN build_versions v USING (data_version)
        WHERE coalesce(v.ordinal, 0) > ?
        ORDER BY k.corrected_on DESC, v.ordinal DESC NULLS LAST, k.correction_id
        """,
        [after_ordinal],
    )


# --- what the build computed for the pages -------------------------------------------------


def content_fingerprint(db: Reader) -> str:
    """The build's fingerprint of the data (same data, same fingerprint)."""
    return str(db.frame("SELECT fingerprint FROM content_fingerprint").iloc[0, 0])


def chart_parts(db: Reader, chart_id: str, lang: str = "en") -> dict[str, str] | None:
    """The chart's parts as the build stored them in `lang` (else in English); None for an
    unknown chart."""
    frame = db.frame(
        "SELECT chart_id, lang, title, takeaway, figure, evidence, sources FROM chart_parts"
        " WHERE chart_id = ? AND " + _IN_LANGUAGE + " LIMIT 1",
        [chart_id, lang, lang],
    )
    return None if frame.empty else {k: str(v) for k, v in frame.iloc[0].items()}


def chart_keys(db: Reader) -> dict[str, tuple[str, str]]:
    """What each chart of the file was made from, by chart id: (input key, reads as JSON),
    for the charts whose parts it holds; empty for a file of another schema version, whose
    rows are not this code's."""
    if not same_schema(db):
        return {}
    frame = db.frame(
        "SELECT k.chart_id, k.input_key, k.reads FROM chart_keys k"
        " JOIN chart_parts p USING (chart_id)"
    )
    return {
        str(c): (str(k), str(r))
        for c, k, r in zip(frame["chart_id"], frame["input_key"], frame["reads"], strict=True)
    }


def chart_ordinals(db: Reader) -> dict[str, int]:
    """Each stored chart's place in the catalogue, by chart id, in that order."""
    frame = db.frame(
        "SELECT chart_id, min(ordinal) AS ordinal FROM chart_parts GROUP BY chart_id"
        " ORDER BY ordinal, chart_id"
    )
    return {str(c): int(o) for c, o in zip(frame["chart_id"], frame["ordinal"], strict=True)}


def chart_languages(db: Reader) -> list[str]:
    """The languages the build stored charts in, English first."""
    frame = db.frame("SELECT DISTINCT lang FROM chart_parts ORDER BY (lang = 'en') DESC, lang")
    return [str(x) for x in frame["lang"]]


def chart_titles(db: Reader, lang: str = "en") -> dict[str, str]:
    """Every chart the build stored, id -> title in `lang` (else English), in the
    catalogue's order."""
    frame = db.frame(
        "SELECT chart_id, first(title ORDER BY (lang = ?) DESC) AS title, min(ordinal) AS o"
        " FROM chart_parts WHERE lang IN (?, 'en') GROUP BY chart_id ORDER BY o, chart_id",
        [lang, lang],
    )
    return dict(zip(frame["chart_id"], frame["title"], strict=True))


def trends_sections(db: Reader, lang: str = "en") -> pd.DataFrame:
    """The Trends page's sections as the build stored them, named in `lang` (else English),
    in page order (chart_ids is a JSON list)."""
    return db.frame(
        "SELECT section_id, first(label ORDER BY (lang = ?) DESC) AS label,"
        " first(chart_ids ORDER BY (lang = ?) DESC) AS chart_ids, min(ordinal) AS o"
        " FROM trends_sections WHERE lang IN (?, 'en') GROUP BY section_id ORDER BY o",
        [lang, lang, lang],
    ).drop(columns="o")


def readable_checks(db: Reader, lang: str = "en") -> pd.DataFrame:
    """Every check as the Data checks page shows it: its headline and the line under it in
    the reader's language (Khmer where the build wrote one, else English), its detail, the curated rule it
    applies (English and Khmer), and its articles by their short labels in that language; conflicts first, then open questions, notes and agreements."""
    khmer = lang == "km"
    headline = "COALESCE(NULLIF(c.headline_km, ''), c.headline)" if khmer else "c.headline"
    explanation = (
        "COALESCE(NULLIF(c.explanation_km, ''), c.explanation)" if khmer else "c.explanation"
    )
    # The line's language, so a Khmer page marks an English one (a note with no note_km).
    explained_in = (
        "CASE WHEN NULLIF(c.explanation_km, '') IS NULL THEN 'en' ELSE 'km' END"
        if khmer
        else "'en'"
    )
    label = "COALESCE(s.short_label_km, s.short_label)" if khmer else "s.short_label"
    return db.frame(
        f"""
        SELECT c.check_id, c.kind, c.metric_id, c.period_start, c.period_end, c.status,
               c.severity, {headline} AS headline, {explanation} AS explanation,
               {explained_in} AS explanation_lang, c.detail, c.rule, c.rule_km, c.source_ids,
               (SELECT string_agg(COALESCE({label}, u.id), '; ' ORDER BY u.n)
                FROM (SELECT unnest(string_split(c.source_ids, '; ')) AS id,
                             generate_subscripts(string_split(c.source_ids, '; '), 1) AS n) u
                LEFT JOIN sources s ON s.source_id = u.id) AS articles
        FROM consistency_checks c
        ORDER BY CASE c.severity WHEN 'conflict' THEN 0 WHEN 'question' THEN 1
                 WHEN 'note' THEN 2 ELSE 3 END, c.kind, c.check_id
        """
    )
