"""The API's tables and filters: stable ids as query parameters, checked against allow-lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from data_model.records import ActorType, Stance, Topic
from database import queries
from database.connection import Reader
from database.downloads import DOWNLOAD_TABLES
from database.queries import Query, fold


class BadParameter(ValueError):
    """A query parameter the API refuses; `name` is the parameter, the message says why."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True)
class Filter:
    """One filter parameter: what it selects and which values it accepts."""

    description: str
    #: The accepted ids, read from the database or an enum; None for a date or free text.
    choices: Callable[[Reader], Sequence[str]] | None
    #: Free text (a search), taken as it is: a parameter, never SQL.
    text: bool = False
    #: Values are whole names that may hold commas: repeated (?org=a&org=b), never split.
    whole: bool = False
    #: Years, YYYY, checked for their form, not against the data: a year with no rows
    #: gives no rows, as a range of days does, so a script can ask for any year.
    years: bool = False


def _column(query: Callable[[Reader], pd.DataFrame], column: str) -> Callable[[Reader], list[str]]:
    return lambda db: [str(v) for v in query(db)[column]]


FILTERS: dict[str, Filter] = {
    "metric": Filter("Metric ids (metrics.metric_id).", _column(queries.metrics, "metric_id")),
    "source": Filter("Article ids (sources.source_id).", _column(queries.sources, "source_id")),
    "actor": Filter("Actor ids (actors.actor_id).", _column(queries.actors, "actor_id")),
    "actor_type": Filter("Organisation types.", lambda _: [t.value for t in ActorType]),
    "org": Filter(
        "Organisation names (actors.organisation), whole; repeat the parameter for several.",
        lambda db: [str(o) for o in queries.actors(db)["organisation"].dropna().unique()],
        whole=True,
    ),
    "stance": Filter("Stances.", lambda _: [s.value for s in Stance]),
    "topic": Filter("Topics.", lambda _: [t.value for t in Topic]),
    "phase": Filter("Campaign phase ids (phases.phase_id).", _column(queries.phases, "phase_id")),
    "year": Filter(
        "Years, YYYY, of the table's date (its metadata's `dated_on`); several are "
        "repeated or comma-separated.",
        None,
        years=True,
    ),
    "q": Filter(
        "Words to find, each in the quote, the speaker's name or other spellings, the "
        "organisation or the role; any case, accents aside.",
        None,
        text=True,
    ),
    "from": Filter("First day, YYYY-MM-DD, of the table's date (its metadata's `dated_on`).", None),
    "to": Filter("Last day, YYYY-MM-DD, of the table's date (its metadata's `dated_on`).", None),
}

#: The filters of every table with dates, each on the date the table's query names.
DATE_FILTERS = ("year", "from", "to")

#: Parameters of the JSON pages, not filters.
PAGING = ("page", "per_page")
PER_PAGE_DEFAULT, PER_PAGE_MAX = 100, 1000

Values = dict[str, list[str] | dt.date | str]


def _dates(f: Values) -> queries.Dates:
    return {
        "years": [int(y) for y in f.get("year", [])],  # type: ignore[union-attr]
        "date_from": f.get("from"),  # type: ignore[typeddict-item]
        "date_to": f.get("to"),  # type: ignore[typeddict-item]
    }


def _indicators(f: Values) -> Query:
    return queries.indicators_query(
        metric_ids=f.get("metric", []),
        source_ids=f.get("source", []),
        phase_ids=f.get("phase", []),
        **_dates(f),
    )


def _statements(f: Values) -> Query:
    return queries.statements_query(
        actor_ids=f.get("actor", []),
        organisations=f.get("org", []),
        actor_types=f.get("actor_type", []),
        stances=f.get("stance", []),
        topics=f.get("topic", []),
        source_ids=f.get("source", []),
        text=str(f.get("q", "")),
        **_dates(f),
    )


def _policies(f: Values) -> Query:
    return queries.policies_query(source_ids=f.get("source", []), **_dates(f))


def _positions(f: Values) -> Query:
    return queries.policy_positions_query(
        source_ids=f.get("source", []),
        actor_ids=f.get("actor", []),
        **_dates(f),
    )


def _actors(_: Values) -> Query:
    return queries.actors_query()


def _sources(f: Values) -> Query:
    return queries.sources_query(source_ids=f.get("source", []), **_dates(f))


@dataclass(frozen=True)
class ApiTable:
    """A table of the Data page, with provenance: its query and the filters it takes."""

    query: Callable[[Values], Query]
    filters: tuple[str, ...]


#: The Data page's tables under the same names, each with the filters its query honours;
#: a table with dates (DOWNLOAD_TABLES[...].dated_on) takes year, from and to on that date.
API_TABLES: dict[str, ApiTable] = {
    "indicators": ApiTable(_indicators, ("metric", "source", "phase", *DATE_FILTERS)),
    "statements": ApiTable(
        _statements,
        ("source", "org", "actor", "actor_type", "stance", "topic", "q", *DATE_FILTERS),
    ),
    "policies": ApiTable(_policies, ("source", *DATE_FILTERS)),
    "positions": ApiTable(_positions, ("source", "actor", *DATE_FILTERS)),
    "actors": ApiTable(_actors, ()),
    "sources": ApiTable(_sources, ("source", *DATE_FILTERS)),
}


def api_path(table: str, suffix: str, filters: Mapping[str, Sequence[Any] | str]) -> str:
    """The API address of a filtered table, e.g. /api/v1/statements.csv?source=a,b; empty
    filters are left out, ids keep their order, a text (?q=) stays whole, and names that may
    hold commas (?org=) are repeated."""
    pairs: list[str] = []
    for k, v in filters.items():
        if isinstance(v, str):
            pairs += [urlencode({k: v})] if v else []
        elif k in FILTERS and FILTERS[k].whole:
            pairs += [urlencode({k: str(item)}) for item in v]
        elif v:
            pairs.append(urlencode({k: ",".join(map(str, v))}, safe=","))
    query = "&".join(pairs)
    return f"/api/v1/{table}{suffix}" + (f"?{query}" if query else "")


def canonical_pairs(values: Values) -> list[tuple[str, str]]:
    """The checked filters as (parameter, value) pairs written one way: names in order, ids
    sorted, dates as YYYY-MM-DD, a search as its folded words (all the query uses), a search
    of no words left out. Every spelling of one request gives the same pairs."""
    pairs: list[tuple[str, str]] = []
    for name in sorted(values):
        value = values[name]
        if isinstance(value, dt.date):
            pairs.append((name, value.isoformat()))
        elif isinstance(value, str):
            words = " ".join(fold(value).split())
            pairs += [(name, words)] if words else []
        elif FILTERS[name].whole:
            pairs += [(name, item) for item in sorted(value)]
        else:
            pairs.append((name, ",".join(sorted(value))))
    return pairs


def _ids(name: str, raw: list[str]) -> list[str]:
    # ?source=a&source=b and ?source=a,b mean the same; ids never hold commas (names may:
    # those are only ever repeated).
    if FILTERS[name].whole:
        values = [v.strip() for v in raw]
    else:
        values = [v.strip() for item in raw for v in item.split(",")]
    if any(not v for v in values):
        raise BadParameter(name, f"parameter {name!r} has an empty value")
    return list(dict.fromkeys(values))


def _years(name: str, raw: list[str]) -> list[str]:
    values = _ids(name, raw)
    bad = next((v for v in values if not (len(v) == 4 and v.isascii() and v.isdigit())), None)
    if bad is not None:
        raise BadParameter(name, f"parameter {name!r} must be years as YYYY, not {bad!r}")
    return values


def _date(name: str, raw: list[str]) -> dt.date:
    if len(raw) != 1:
        raise BadParameter(name, f"parameter {name!r} takes one date")
    try:
        return dt.date.fromisoformat(raw[0])
    except ValueError:
        raise BadParameter(name, f"parameter {name!r} must be a date as YYYY-MM-DD") from None


#: Longer than any search a reader types; a bound keeps a hostile request cheap.
TEXT_MAX = 200


def _text(name: str, raw: list[str]) -> str:
    if len(raw) != 1 or len(raw[0]) > TEXT_MAX:
        raise BadParameter(
            name, f"parameter {name!r} takes one text of {TEXT_MAX} characters or fewer"
        )
    return raw[0]


def parse_filters(
    db: Reader, table: str, params: Mapping[str, list[str]], choices: Callable[[str], set[str]]
) -> Values:
    """The filters of a request, checked: an unknown parameter, a filter the table does not
    take, an unknown id or a malformed date raises BadParameter naming the parameter.
    `choices(name)` gives the accepted ids of a filter (cached by the caller)."""
    allowed = API_TABLES[table].filters
    out: Values = {}
    for name, raw in params.items():
        if name in PAGING:
            continue
        if name not in FILTERS:
            raise BadParameter(name, f"unknown parameter {name!r}")
        if name not in allowed:
            takes = ", ".join(allowed) or "no filters"
            raise BadParameter(
                name, f"table {table!r} is not filtered by {name!r} (it takes {takes})"
            )
        if FILTERS[name].text:
            out[name] = _text(name, raw)
            continue
        if FILTERS[name].years:
            out[name] = _years(name, raw)
            continue
        if FILTERS[name].choices is None:
            out[name] = _date(name, raw)
            continue
        values = _ids(name, raw)
        unknown = [v for v in values if v not in choices(name)]
        if unknown:
            raise BadParameter(name, f"parameter {name!r}: unknown id {unknown[0]!r}")
        out[name] = values
    first, last = out.get("from"), out.get("to")
    if isinstance(first, dt.date) and isinstance(last, dt.date) and last < first:
        raise BadParameter("to", f"parameter 'to' ({last}) is before 'from' ({first})")
    return out


def table_rows(db: Reader, table: str, values: Values) -> pd.DataFrame:
    """The filtered rows in the columns the Data page shows and downloads."""
    frame = db.frame(*API_TABLES[table].query(values))
    return frame.loc[:, list(DOWNLOAD_TABLES[table].columns)].reset_index(drop=True)
