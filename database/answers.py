"""Digests of queries' answers taken in SQL, many in one statement: whether a chart's reads
answer as they did is asked without fetching the answers into Python (etl.chart_rows).

A digest is the answer's row count and the sum of DuckDB's hash of each row (every column's
value, NULL included): its rows as a multiset, not their order. Each query digested orders
its rows by columns that tell them apart (an indicator's or event's id, a phase's ordinal, a
metric's category and label), so equal rows come out in the same order. Fetching the chart
reads' answers into frames and hashing them in pandas cost a Save at 100x the seeds about
0.3 s of CPU; this statement about 0.09 s (stop 43).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from database.queries import SOURCE_ORDER, Query, indicators_query

#: Runs one statement with its parameters and returns its rows.
Fetch = Callable[[str, list[object]], Sequence[Sequence[object]]]


def indicators_in_order_query(metric_ids: Sequence[str] = ()) -> Query:
    """What charts.frames.ReaderFrames.indicators answers, in one query: the figures
    (database.queries.indicators) each with its article's place in the order they were added
    (source_order, which that method merges in)."""
    sql, params = indicators_query(metric_ids)
    return (
        f"SELECT f.*, o.source_added FROM ({sql}) f LEFT JOIN ({SOURCE_ORDER}) o USING (source_id)",
        params,
    )


def answer_digests(fetch: Fetch, queries: Sequence[Query]) -> list[str]:
    """The digest of each query's answer (the module's docstring says what it covers), in
    the order given, from one statement run by `fetch`."""
    if not queries:
        return []
    parts, params = [], []
    for i, (sql, args) in enumerate(queries):
        # The numbers are ours, the SQL text the queries' own; their values are parameters.
        parts.append(
            f"SELECT {i} AS i, count(*) || ':' || coalesce(CAST(sum(hash(q)) AS VARCHAR), '') "
            f"AS d FROM ({sql}) q"
        )
        params += args
    rows = fetch(" UNION ALL ".join(parts), params)
    found = {int(i): str(d) for i, d in rows}
    return [found[i] for i in range(len(queries))]
