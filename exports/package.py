"""The full data package: every table as CSV and Parquet, flattened tables, datapackage.json, README.

Long because the package's README, datapackage.json and flattened tables must agree on every
field; keeping them in one module keeps them in step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from corpus.atomic import write_atomic
from data_model.citation import TITLE, data_citation
from data_model.codebook import HEADER, render_codebook
from data_model.licence import (
    DATA_LICENCE_NAME,
    DATA_LICENCE_SCOPE,
    DATA_LICENCE_TITLE,
    DATA_LICENCE_URL,
)
from data_model.methodology import METHODOLOGY_KEY
from data_model.records import Metric
from data_model.tables import (
    ACTORS,
    CATEGORIES,
    INDICATORS,
    METRICS,
    PHASES,
    POLICIES,
    POLICY_POSITIONS,
    SOURCES,
    STATEMENTS,
    TABLES,
    UNITS,
    Column,
    Table,
)
from data_model.wording import PROJECT
from database import queries
from database.connection import Reader
from exports.citations import CITATION_COLUMN, CITED, citation_description, with_citations
from exports.csvsafe import to_csv_bytes

PACKAGE_NAME = "cambodia-drug-campaign-data"
ZIP_NAME = f"{PACKAGE_NAME}.zip"


def versioned_name(info: dict[str, str], stem: str = PACKAGE_NAME) -> str:
    """The stem with the data version: cambodia-drug-campaign-data-v2026.12.05."""
    version = info.get("data_version")
    return f"{stem}-v{version}" if version else stem


#: Where each column the flattened tables add comes from, so its description is the one
#: written in data_model.tables and nowhere else.
JOINED_COLUMNS: dict[str, tuple[Table, str]] = {
    "unit_label": (UNITS, "label"),
    "unit_kind": (UNITS, "kind"),
    "metric_label": (METRICS, "label"),
    "metric_category": (METRICS, "category"),
    "category_label": (CATEGORIES, "label"),
    "metric_definition": (METRICS, "definition"),
    "phase_name": (PHASES, "name"),
    "actor_name": (ACTORS, "name"),
    "actor_usual_role": (ACTORS, "role"),
    "actor_organisation": (ACTORS, "organisation"),
    "actor_type": (ACTORS, "actor_type"),
    "proposed_by_name": (ACTORS, "name"),
    "proposed_by_role": (ACTORS, "role"),
    "proposed_by_organisation": (ACTORS, "organisation"),
    "policy_name": (POLICIES, "name"),
    "policy_category": (POLICIES, "category"),
    "policy_status": (POLICIES, "status"),
    # The Khmer beside the English in the API's and the Data page's tables (issue 24).
    "actor_name_km": (ACTORS, "name_km"),
    "relayed_by_name_km": (ACTORS, "name_km"),
    "proposed_by_name_km": (ACTORS, "name_km"),
    "organisation_km": (ACTORS, "organisation_km"),
    "policy_name_km": (POLICIES, "label_km"),
    "source_outlet": (SOURCES, "outlet"),
    "source_title": (SOURCES, "title"),
    "source_reporter": (SOURCES, "reporter"),
    "source_url": (SOURCES, "url"),
    "source_published_on": (SOURCES, "published_on"),
    "source_date_precision": (SOURCES, "date_precision"),
    "source_date_inferred": (SOURCES, "date_inferred"),
    "source_citation": (SOURCES, "citation"),
    "source_archive_url": (SOURCES, "archive_url"),
    "source_accessed": (SOURCES, "accessed"),
}

#: Frictionless field types for the SQL types the schema uses.
FRICTIONLESS_TYPES = {
    "VARCHAR": "string",
    "DOUBLE": "number",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "datetime",
}

# Parquet keeps the database's types (a DATE stays a date, not a timestamp).
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DOUBLE": pa.float64(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclass(frozen=True)
class Flattened:
    """A provenance-rich table for analysts: a base table joined to its names and sources."""

    name: str
    base: Table
    description: str
    query: Callable[[Reader], pd.DataFrame]


FLATTENED: tuple[Flattened, ...] = (
    Flattened(
        "indicators_with_sources",
        INDICATORS,
        "Every figure with its metric, hedge, bounds, phase, speaker, quote and article.",
        queries.indicators_with_sources,
    ),
    Flattened(
        "statements_with_sources",
        STATEMENTS,
        "Every statement with its speaker's name, role and organisation, and its article.",
        queries.statements_with_sources,
    ),
    Flattened(
        "policies_with_sources",
        POLICIES,
        "Every proposal with who put it forward and the first article reporting it.",
        queries.policies_with_sources,
    ),
    Flattened(
        "policy_positions_with_sources",
        POLICY_POSITIONS,
        "Every position on a proposal with the proposal, the actor and the article.",
        queries.policy_positions_with_sources,
    ),
)


@dataclass(frozen=True)
class Resource:
    """One table of the package, with its rows and fully described columns."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    frame: pd.DataFrame


# --- building the resources ----------------------------------------------------------------


def _flat_column(flat: Flattened, name: str, dashboard_url: str | None) -> Column:
    if name in flat.base.column_names:
        return flat.base.columns[flat.base.column_names.index(name)]
    if name == CITATION_COLUMN and flat.base.name in CITED:
        return Column(name, "VARCHAR", citation_description(dashboard_url))
    if name not in JOINED_COLUMNS:
        raise KeyError(
            f"{flat.name}.{name} has no description: add it to exports.package.JOINED_COLUMNS"
        )
    table, column = JOINED_COLUMNS[name]
    source = table.columns[table.column_names.index(column)]
    return Column(name, source.sql_type, f"{source.description} (From {table.name}.{column}.)")


def flattened_rows(
    reader: Reader, flat: Flattened, dashboard_url: str | None, version: str | None
) -> pd.DataFrame:
    """A flattened table's rows; a figure table's with the citation column last, each the
    same text the API's indicators table gives the figure (one builder, exports.citations),
    its permalink on the dashboard at dashboard_url (a path on it when there is none)."""
    return with_citations(flat.base.name, flat.query(reader), dashboard_url or "", version)


def resources(
    reader: Reader, dashboard_url: str | None = None, version: str | None = None
) -> list[Resource]:
    """Every table of the database as stored, then the flattened tables, with their rows."""
    out = [
        Resource(t.name, t.description, t.columns, t.primary_key, queries.table_rows(reader, t))
        for t in TABLES
    ]
    for flat in FLATTENED:
        frame = flattened_rows(reader, flat, dashboard_url, version)
        columns = tuple(_flat_column(flat, str(name), dashboard_url) for name in frame.columns)
        out.append(Resource(flat.name, flat.description, columns, flat.base.primary_key, frame))
    return out


def parquet_bytes(resource: Resource) -> bytes:
    """The rows as Parquet, typed as in the database."""
    schema = pa.schema([(c.name, _ARROW_TYPES[c.sql_type]) for c in resource.columns])
    table = pa.Table.from_pandas(resource.frame, schema=schema, preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


# --- datapackage.json ----------------------------------------------------------------------


def _schema(resource: Resource) -> dict[str, object]:
    fields = [
        {"name": c.name, "type": FRICTIONLESS_TYPES[c.sql_type], "description": c.description}
        for c in resource.columns
    ]
    schema: dict[str, object] = {"fields": fields}
    if resource.primary_key:
        schema["primaryKey"] = list(resource.primary_key)
    return schema


def _file_entry(path: str, content: bytes) -> dict[str, object]:
    return {
        "path": path,
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
    }


def _csv_resource(resource: Resource, path: str, content: bytes) -> dict[str, object]:
    return {
        "name": resource.name,
        "type": "table",
        "description": resource.description,
        **_file_entry(path, content),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": _schema(resource),
    }


def _parquet_resource(resource: Resource, path: str, content: bytes) -> dict[str, object]:
    return {
        "name": f"{resource.name}-parquet",
        "type": "table",
        "description": f"{resource.description} (The same rows as {resource.name}.csv.)",
        **_file_entry(path, content),
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "schema": _schema(resource),
    }


def _article_sources(reader: Reader) -> list[dict[str, str]]:
    rows = queries.sources(reader).sort_values(
        ["published_earliest", "published_latest", "source_id"]
    )
    out = []
    for _, row in rows.iterrows():
        entry = {"title": str(row["citation"])}
        if isinstance(row["url"], str) and row["url"]:
            entry["path"] = row["url"]
        # Where to read it if its page dies, and when it was read (issue 28).
        if isinstance(row["archive_url"], str) and row["archive_url"]:
            entry["archive"] = row["archive_url"]
        if pd.notna(row["accessed"]):
            entry["accessed"] = pd.Timestamp(row["accessed"]).date().isoformat()
        out.append(entry)
    return out


def datapackage(
    reader: Reader,
    entries: list[dict[str, object]],
    info: dict[str, str],
    outlets: list[str],
    dashboard_url: str | None,
) -> dict[str, object]:
    """The Frictionless Data Package descriptor (v2, readable by v1 tools)."""
    package: dict[str, object] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": TITLE,
        "description": (
            "Figures, statements, policy proposals, phases and events of Cambodia's anti-drug "
            "campaign, curated by hand from news reports. Every record carries the exact words "
            "of the article it rests on. See README.md for the codebook and how to cite."
        ),
        "created": info.get("built_at", ""),
        **({"version": info["data_version"]} if info.get("data_version") else {}),
        "keywords": ["Cambodia", "drug policy", "anti-drug campaign", "news", "policy monitoring"],
        "licenses": [
            {"name": DATA_LICENCE_NAME, "path": DATA_LICENCE_URL, "title": DATA_LICENCE_TITLE}
        ],
        "sources": _article_sources(reader),
        "resources": entries,
    }
    if dashboard_url:
        package["homepage"] = dashboard_url
    return package


# --- README.md -----------------------------------------------------------------------------


def _rights(outlets: list[str]) -> str:
    by = " and ".join(outlets) or "the outlets named in sources.csv"
    return (
        "The quote columns are short excerpts from "
        f"articles published by {by}, quoted for verification, commentary and review; "
        "sources.body holds each article's text as published. Rights in the articles remain "
        "with their publishers."
    )


def _built_date(info: dict[str, str]) -> str:
    return info.get("built_at", "")[:10] or "unknown date"


def _demoted(markdown: str) -> str:
    """Headings one level down, so the codebook nests under the README's own heading."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def _metrics(reader: Reader) -> list[Metric]:
    rows = queries.table_rows(reader, METRICS).to_dict("records")
    return [Metric.model_validate(row, strict=False) for row in rows]


def readme(
    reader: Reader,
    files: list[tuple[str, int, str]],
    info: dict[str, str],
    outlets: list[str],
    dashboard_url: str | None,
) -> str:
    """What the data is, its files, how to cite it, rights, when it was built, the codebook."""
    built = _built_date(info)
    listing = ["| table | rows | CSV | Parquet | what it holds |", "|---|---|---|---|---|"]
    listing += [
        f"| {name} | {rows} | `csv/{name}.csv` | `parquet/{name}.parquet` | {what} |"
        for name, rows, what in files
    ]
    counts = ", ".join(
        f"{k}: {v}"
        for k, v in sorted(info.items())
        if k not in ("built_at", METHODOLOGY_KEY, "data_fingerprint")
    )
    codebook = _demoted(render_codebook(_metrics(reader)).removeprefix(HEADER).strip())
    method = info.get(METHODOLOGY_KEY, "")
    method = _demoted(method[method.find("\n## ") :].strip()) if "\n## " in method else ""
    return f"""\
# {TITLE}

Data package of the {PROJECT}, data version {info.get("data_version", "not recorded")}, built
{info.get("built_at", "at an unknown time")}.

## What this is

Figures, statements, policy proposals, campaign phases and events of Cambodia's anti-drug
campaign, curated by hand from news reports. Every record carries the exact words of the
article it rests on (`quote`) and where they are in that article's text (`quote_start`,
`quote_end`, offsets into `sources.body`). A figure keeps the hedge the article put on it
(`qualifier`: "more than", "about"...) and the bounds that hedge allows (`value_low`,
`value_high`; the rule is at the end of the codebook below). An empty cell means the
articles do not say: it is never zero.

Each table comes twice: `csv/` (UTF-8, header row, ISO dates YYYY-MM-DD) and `parquet/`
(the same rows, typed as in the database). The `*_with_sources` tables are the main tables
joined to the names of speakers, metrics and proposals and to their article's outlet,
title, URL and date, for analysis without joins. `datapackage.json` describes every file
and column (Frictionless Data Package).

In the CSV files a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return starts with an added `'`, so that spreadsheets do not run it as a formula; the
Parquet files hold the text unchanged.

## Files

{chr(10).join(listing)}

## How to cite

> {data_citation(info.get("data_version"), built, dashboard_url)}

Please cite the articles as well when you use their figures or words: `sources.csv` gives
each one's citation and URL, and, where known, an archived copy (`archive_url`) and the day
it was read (`accessed`).

To cite one figure, copy its `{CITATION_COLUMN}` cell in `indicators_with_sources`: the
same text the API's indicators table and the Data page give it. What the column holds:
{citation_description(dashboard_url)}

## Corrections

`corrections.csv` is the public corrections log: every change to a published record, with
the value before and after and the reason; a withdrawn record stays listed as withdrawn.
What changed since an earlier data version is at the API's `changes.json?since=<version>`.

## Licence and rights

{DATA_LICENCE_SCOPE}

{_rights(outlets)}

## When it was built

Built {info.get("built_at", "at an unknown time")} ({counts}).

## Codebook

{codebook}

## Methodology

{method or "Not recorded in this database (built before the methodology was stored)."}
"""


# --- the package as files, a zip, or a folder ---------------------------------------------


def _outlets(reader: Reader) -> list[str]:
    return sorted(set(queries.table_rows(reader, SOURCES)["outlet"].dropna()))


def package_files(
    reader: Reader, dashboard_url: str | None = None, info: dict[str, str] | None = None
) -> dict[str, bytes]:
    """Every file of the package by its path inside the package, README and descriptor first;
    `info` stands for the build's (a release fixes its times to the version's date)."""
    info = info if info is not None else queries.build_info(reader)
    outlets = _outlets(reader)
    data: dict[str, bytes] = {}
    entries: list[dict[str, object]] = []
    listing: list[tuple[str, int, str]] = []
    for resource in resources(reader, dashboard_url, info.get("data_version")):
        for path, content, entry in (
            (f"csv/{resource.name}.csv", to_csv_bytes(resource.frame), _csv_resource),
            (f"parquet/{resource.name}.parquet", parquet_bytes(resource), _parquet_resource),
        ):
            data[path] = content
            entries.append(entry(resource, path, content))
        listing.append((resource.name, len(resource.frame), resource.description))
    descriptor = datapackage(reader, entries, info, outlets, dashboard_url)
    text = readme(reader, listing, info, outlets, dashboard_url)
    return {
        "README.md": text.encode("utf-8"),
        "datapackage.json": (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode(),
        **data,
    }


def _zip_time(info: dict[str, str]) -> tuple[int, int, int, int, int, int]:
    """The build time, so the same database always gives byte-identical zips."""
    try:
        t = dt.datetime.fromisoformat(info["built_at"])
    except (KeyError, ValueError):
        return (1980, 1, 1, 0, 0, 0)
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def zip_bytes(files: dict[str, bytes], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            member = zipfile.ZipInfo(path, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            archive.writestr(member, content)
    return buffer.getvalue()


def package_bytes(reader: Reader, dashboard_url: str | None = None) -> bytes:
    """The whole package as a zip in memory, for a download button."""
    files = package_files(reader, dashboard_url)
    return zip_bytes(files, _zip_time(queries.build_info(reader)))


def write_package(
    reader: Reader, out_dir: Path, dashboard_url: str | None = None, *, unpacked: bool = False
) -> Path:
    """Write the zip into out_dir (and, if unpacked, every file beside it); return the zip's path."""
    out_dir.mkdir(parents=True, exist_ok=True)  # a folder that cannot be made fails at once
    files = package_files(reader, dashboard_url)
    target = out_dir / ZIP_NAME
    write_atomic(target, zip_bytes(files, _zip_time(queries.build_info(reader))))
    if unpacked:
        for path, content in files.items():
            write_atomic(out_dir / path, content, make_folder=True)
    return target
