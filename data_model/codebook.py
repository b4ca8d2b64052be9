"""Render the codebook users read (tables, columns, allowed values, the bounds rule) from the models."""

from __future__ import annotations

import types
from enum import Enum
from typing import Union, get_args, get_origin

from data_model.qualifiers import BOUNDS_RULE
from data_model.records import RECORD_KINDS, CheckRule, Metric, Record
from data_model.tables import TABLES

HEADER = """\
# Codebook

Generated from `data_model/` by `python -m etl codebook`; do not edit by hand
(a test fails when this file and the models disagree).
"""


def _enum_of(annotation: object) -> type[Enum] | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _enum_of(arg)
            if found:
                return found
    return None


def _allowed_values() -> list[str]:
    """One line per enumerated field: which values it takes."""
    lines: list[str] = []
    seen: set[str] = set()
    for kind, model in RECORD_KINDS.items():
        for name, info in _fields(model):
            enum = _enum_of(info.annotation)
            key = f"{name}:{enum.__name__ if enum else ''}"
            if enum and key not in seen:
                seen.add(key)
                values = ", ".join(f"`{e.value}`" for e in enum)
                lines.append(f"- `{name}` ({kind}): {values}")
    return lines


def _fields(model: type[Record]):  # type: ignore[no-untyped-def]
    for name, info in model.model_fields.items():
        yield name, info
        nested = _nested_model(info.annotation)
        if nested:
            yield from ((f"{name}[].{n}", i) for n, i in nested.model_fields.items())


def _nested_model(annotation: object) -> type[Record] | None:
    for arg in get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, Record):
            return arg
    return None


def render_tables() -> str:
    """The database tables and their columns, as Markdown."""
    out: list[str] = ["## Tables", ""]
    for table in TABLES:
        out += [f"### `{table.name}`", "", table.description, ""]
        out += ["| column | type | description |", "|---|---|---|"]
        for col in table.columns:
            out.append(f"| `{col.name}` | {col.sql_type} | {col.description} |")
        out.append("")
    return "\n".join(out)


def render_metrics(metrics: list[Metric]) -> str:
    """The metrics figures are reported in, as Markdown."""
    out = ["## Metrics", "", "| metric_id | label | unit | category | definition |"]
    out.append("|---|---|---|---|---|")
    for m in sorted(metrics, key=lambda m: (m.category, m.metric_id)):
        out.append(f"| `{m.metric_id}` | {m.label} | {m.unit} | {m.category} | {m.definition} |")
    return "\n".join(out) + "\n"


METRICS_ARE_DATA = """\
## Metrics

The metrics are data, not part of the model: they are listed in
`seeds/curated/metrics.yaml`, in the `metrics` table of the database, and in the README of
every data package (with their labels, units and definitions as of that build). Adding an
article or a metric therefore never makes this file stale.
"""


def render_check_rules() -> str:
    """The fields of a check rule (kind `checks`): which metrics the Data checks compare."""
    out = [
        "## Checks between metrics",
        "",
        "Which metrics the Data checks sum, compare and bound is data: the entries of "
        "`seeds/curated/checks.yaml` (kind `checks`), validated against these fields. A new "
        "check between two metrics is one more entry, never a code change.",
        "",
        "| field | description |",
        "|---|---|",
    ]
    for name, info in CheckRule.model_fields.items():
        out.append(f"| `{name}` | {info.description} |")
    return "\n".join(out) + "\n"


TRANSLATIONS_INTRO = """\
## Translations

The interface speaks English and Khmer (`?lang=en`, `?lang=km`). Its own words are in gettext
catalogues (`locales/<lang>/LC_MESSAGES/messages.po`, refreshed by `make translations`); the
labels of the data are fields of the curated records, listed here. A quote is never
translated in place: a statement may carry unofficial translations beside it. Who translated
what is recorded in `seeds/curated/translations.yaml` (kind `translations`).
"""


def _translated_fields() -> list[str]:
    """One line per curated field that holds a translation (*_km, translations)."""
    lines: list[str] = []
    for kind, model in RECORD_KINDS.items():
        for name, info in model.model_fields.items():
            if name.endswith("_km") or name == "translations":
                lines.append(f"- `{kind}.{name}`: {info.description}")
    return lines


def render_codebook(metrics: list[Metric] | None = None) -> str:
    """The whole codebook: tables, metrics, allowed values and the qualifier rule.

    Without metrics (CODEBOOK.md in the repository) it holds nothing that depends on the
    data; the data package passes the metrics of its build.
    """
    parts = [
        HEADER,
        render_tables(),
        render_metrics(metrics) if metrics is not None else METRICS_ARE_DATA,
        "## Allowed values",
        "",
        *_allowed_values(),
        "",
        render_check_rules(),
        "## From qualifier to bounds",
        "",
        BOUNDS_RULE,
        "",
        TRANSLATIONS_INTRO,
        *_translated_fields(),
        "",
    ]
    return "\n".join(parts)
