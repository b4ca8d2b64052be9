"""What each API table holds: every column described from the data model, the build, citation, licence."""

from __future__ import annotations

from api.filters import API_TABLES, FILTERS, PER_PAGE_DEFAULT, PER_PAGE_MAX
from data_model.citation import data_citation
from data_model.licence import (
    DATA_LICENCE_NAME,
    DATA_LICENCE_SCOPE,
    DATA_LICENCE_TITLE,
    DATA_LICENCE_URL,
)
from data_model.tables import TABLES, TABLES_BY_NAME, Table
from database.downloads import DOWNLOAD_TABLES
from exports.citations import CITATION_COLUMN, CITATION_DESCRIPTION, CITED
from exports.package import JOINED_COLUMNS

#: The curated data's licence (data_model.licence); quoted words are not under it (RIGHTS).
LICENCE = f"{DATA_LICENCE_TITLE} ({DATA_LICENCE_NAME})"
RIGHTS = DATA_LICENCE_SCOPE

#: The base table each Data page table is drawn from.
BASE: dict[str, Table] = {
    "indicators": TABLES_BY_NAME["indicators"],
    "statements": TABLES_BY_NAME["statements"],
    "policies": TABLES_BY_NAME["policies"],
    "positions": TABLES_BY_NAME["policy_positions"],
    "actors": TABLES_BY_NAME["actors"],
    "sources": TABLES_BY_NAME["sources"],
}

#: Columns the queries count or word, described here because no table stores them.
COMPUTED = {
    "n_statements": "How many statements the row has.",
    "n_positions": "How many positions on proposals the actor has.",
    "n_figures": "How many figures the article reports.",
    "n_supports": "How many actors support the proposal.",
    "n_opposes": "How many actors oppose the proposal.",
    "n_mixed": "How many actors take a mixed position on the proposal.",
    "organisation": "The speaker's organisation (From actors.organisation).",
    "actor_role": "The actor's role (From actors.role).",
    "source_id": "The article the row rests on (sources.source_id).",
    "relayed_by_name": (
        "The name of whoever passed the words on (From actors.name); empty when the article "
        "reports the speaker directly. Relayed words are that person's account, not the "
        "speaker's own."
    ),
}


def _stored(base: Table, column: str) -> str:
    return base.columns[base.column_names.index(column)].description


def describe(table: str, column: str) -> str:
    """A column's description, from its base table, the package's joined columns or COMPUTED."""
    base = BASE.get(table) or TABLES_BY_NAME[table]
    if column in base.column_names:
        return base.columns[base.column_names.index(column)].description
    if column in JOINED_COLUMNS:
        source, name = JOINED_COLUMNS[column]
        found = source.columns[source.column_names.index(name)]
        return f"{found.description} (From {source.name}.{name}.)"
    if column in COMPUTED:
        return COMPUTED[column]
    if column == CITATION_COLUMN and table in CITED:
        return CITATION_DESCRIPTION
    raise KeyError(f"{table}.{column} has no description: add it to api.metadata.COMPUTED")


def columns(table: str, raw: bool = False) -> list[str]:
    """The columns of an API table: a Data page table's, else (or `raw`) the database
    table's."""
    if table in DOWNLOAD_TABLES and not raw:
        return list(DOWNLOAD_TABLES[table].columns) + [CITATION_COLUMN] * (table in CITED)
    return TABLES_BY_NAME[table].column_names


PAGING = (
    f"JSON only: page (from 1) and per_page (1 to {PER_PAGE_MAX}, {PER_PAGE_DEFAULT} by "
    "default); the CSV holds every row."
)


def filters(table: str, raw: bool = False) -> list[dict[str, str]]:
    """The query parameters that filter a table, each described (none on a stored table)."""
    names = () if raw else API_TABLES[table].filters
    return [{"name": n, "description": FILTERS[n].description} for n in names]


def metadata(
    table: str, info: dict[str, str], urls: dict[str, str], raw: bool = False
) -> dict[str, object]:
    """The .metadata.json document of one table: a Data page table's, else (or `raw`) the
    database table's as stored."""
    page = table in DOWNLOAD_TABLES and not raw
    described = DOWNLOAD_TABLES[table].label if page else None
    base = BASE[table] if page else TABLES_BY_NAME[table]
    built = info.get("built_at", "")
    return {
        "table": table,
        "title": described or table,
        "description": base.description,
        "fields": [
            {"name": c, "description": describe(table, c) if page else _stored(base, c)}
            for c in columns(table, raw)
        ],
        "filters": filters(table, raw),
        "dated_on": (DOWNLOAD_TABLES[table].dated_on or None) if page else None,
        "paging": PAGING,
        "build": {"built_at": built, **{k: v for k, v in info.items() if k != "built_at"}},
        "data_version": info.get("data_version"),
        "citation": data_citation(info.get("data_version"), built[:10] or None),
        "changes": "/api/v1/changes.json",
        "licence": LICENCE,
        "licence_url": DATA_LICENCE_URL,
        "rights": RIGHTS,
        **urls,
    }


#: The database tables served as they are stored (as in the data package).
RAW_TABLES = tuple(t.name for t in TABLES)
