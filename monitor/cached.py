"""What pages call: the read layer's queries, cached per database content, and chart objects.

A cache is keyed by the content fingerprint the build stores, not by the file: a rebuild of
the same data keeps every cache, and a changed build costs only reads, because the build
has already made what is expensive (charts, worded checks)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import notes
from charts.catalogue import TrendsSection, chart_metrics
from charts.legible import fitted
from charts.model import ShownChart, StoredChart, draws_nothing
from data_model.i18n import translator
from database import downloads, queries
from database.connection import Reader, database_path, file_stamp
from exports.citations import source_citation, with_citations
from monitor import check_texts, figure_texts, policy_texts, texts

P = ParamSpec("P")
R = TypeVar("R")


class Version(NamedTuple):
    """One version of the database file: where it is and its stamp (changes when replaced)."""

    path: str
    stamp: str


def current_version() -> Version:
    path = database_path()
    return Version(str(path), file_stamp(path))


def database_stamp() -> str:
    """Identifies the database file's current version ('' when it is missing)."""
    return current_version().stamp


@st.cache_resource(show_spinner=False, max_entries=2)
def _reader(version: Version) -> Reader:
    # Keyed by the file's stamp: a rebuilt file gets a new reader, so the new data shows
    # without a restart (a reader that re-opened the same path would keep the old file).
    return Reader(Path(version.path))


@st.cache_resource(show_spinner=False, max_entries=4)
def _content(version: Version) -> str:
    # One small query per file version.
    return queries.content_fingerprint(_reader(version))


def content_key() -> str:
    """Identifies the current database's content: unchanged when a build changes nothing."""
    return _content(current_version())


@st.cache_data(show_spinner=False, max_entries=1024)
def _run(
    _query: Callable[..., Any],
    query_name: str,
    key: str,
    _version: Version,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
) -> Any:
    # Streamlit cannot hash a function: the query's qualified name keys the cache instead.
    # The reader (_version) is not part of the key: the same content gives the same rows.
    return _query(_reader(_version), *args, **dict(kwargs))


def _cached(
    query: Callable[Concatenate[Reader, P], R], *, per_file: bool = False
) -> Callable[P, R]:
    """The query with the current database's reader bound, its results cached per content
    (per file for what a build changes without the data changing: build time, images)."""

    name = f"{query.__module__}.{query.__qualname__}"

    @functools.wraps(query)
    def cached(*args: P.args, **kwargs: P.kwargs) -> R:
        frozen = tuple(
            sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())
        )
        version = current_version()
        key = f"file {version.stamp}" if per_file else _content(version)
        return _run(query, name, key, version, args, frozen)

    return cached


#: The pickers that list records by name: the query listing them, their id and label columns.
_PICKERS: dict[str, tuple[Callable[[Reader], pd.DataFrame], str, str]] = {
    "actors": (queries.actors, "actor_id", "name"),
    "sources": (queries.sources, "source_id", "short_label"),
}


def _picker_labels(db: Reader, table: str, lang: str = "en") -> dict[str, str]:
    query, key, label = _PICKERS[table]
    frame = query(db)
    if f"{label}_km" in frame.columns:  # an actor by its Khmer name (name_km) in Khmer
        frame = frame.assign(
            **{label: [texts.shown_name(r, label, lang) for r in frame.itertuples()]}
        )
    return texts.labels(frame, key, label)


sources = _cached(queries.sources)
source_body = _cached(queries.source_body)
citations = _cached(queries.citations)
not_coded = _cached(queries.not_coded)
metrics = _cached(queries.metrics)
build_info = _cached(queries.build_info, per_file=True)
#: The corrections log, newest first (per file: a build given a reason adds to it).
corrections = _cached(queries.corrections, per_file=True)
indicators = _cached(queries.indicators)
actors = _cached(queries.actors)
#: id -> name of every speaker or article, for pickers: made once per content, since a
#: run that made them afresh spent 35 ms of a 300 ms filter change at 5,000 articles.
picker_labels = _cached(_picker_labels)
statements = _cached(queries.statements)
statement_years = _cached(queries.statement_years)
dated_years = _cached(queries.dated_years)
statements_page = _cached(queries.statements_page)
statement_summary = _cached(queries.statement_summary)
statement_facets = _cached(queries.statement_facets)
policy_overview = _cached(queries.policy_overview)
policy_summaries = _cached(queries.policy_summaries)
policy_positions = _cached(queries.policy_positions)
consistency_checks = _cached(queries.consistency_checks)
charts_drawn = _cached(queries.charts_drawn, per_file=True)
chart_png = _cached(queries.chart_png, per_file=True)
chart_print_svg = _cached(queries.chart_print_svg, per_file=True)


@st.cache_data(show_spinner=False, max_entries=4)
def _package(version: Version, dashboard_url: str | None) -> bytes:
    from exports.package import package_bytes  # pyarrow loads only when someone asks

    return package_bytes(_reader(version), dashboard_url)


def data_package(dashboard_url: str | None = None) -> bytes:
    """The full data package (zip) of the current database, built once per file version."""
    return _package(current_version(), dashboard_url)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart(chart_id: str, lang: str, version: Version) -> ShownChart | None:
    # A resource, not data: shared, not copied. Read back as the build stored it, in the
    # reader's language (a query and a JSON parse).
    parts = queries.chart_parts(_reader(version), chart_id, lang)
    return None if parts is None else StoredChart.from_row(parts)


@st.cache_resource(show_spinner=False, max_entries=2)
def _trends_sections(key: str, lang: str, _version: Version) -> tuple[TrendsSection, ...]:
    rows = queries.trends_sections(_reader(_version), lang)
    return tuple(
        TrendsSection(str(r.section_id), str(r.label), tuple(json.loads(r.chart_ids)))
        for r in rows.itertuples()
    )


def trends_sections(lang: str = "en") -> list[TrendsSection]:
    """The Trends sections and the charts each shows, as the build stored them, named in
    `lang`."""
    return list(_trends_sections(content_key(), lang, current_version()))


#: Every chart the build stored, id -> title, in the catalogue's order.
chart_titles = _cached(queries.chart_titles)


def chart(chart_id: str, lang: str = "en") -> ShownChart | None:
    """The chart with this id (None for an unknown id), as the build made it in `lang`."""
    return _chart(chart_id, lang, current_version())


@st.cache_data(show_spinner=False, max_entries=4)
def _nothing_drawn(key: str, lang: str, _version: Version) -> frozenset[str]:
    charts = (_chart(i, lang, _version) for i in queries.chart_titles(_reader(_version), lang))
    return frozenset(c.chart_id for c in charts if c is not None and draws_nothing(c))


def charts_drawing_nothing(lang: str = "en") -> frozenset[str]:
    """Ids of the charts with no point to draw (charts.model.draws_nothing), made once per
    database content: a short note stands in for each one's image wherever it is shown."""
    return _nothing_drawn(content_key(), lang, current_version())


@st.cache_resource(show_spinner=False, max_entries=128)
def _fitted_figure(
    chart_id: str, size: tuple[int, int], lang: str, version: Version
) -> go.Figure | None:
    drawn = _chart(chart_id, lang, version)
    if drawn is None:
        return None
    figure = fitted(drawn.figure, *size)
    return figure.update_layout(height=size[1])


def fitted_figure(chart_id: str, size: tuple[int, int], lang: str = "en") -> go.Figure | None:
    """The chart's interactive figure with its labels thinned for a width x height drawing
    (charts.legible), made once per database version and language."""
    return _fitted_figure(chart_id, size, lang, current_version())


@st.cache_resource(show_spinner=False, max_entries=256)
def _evidence_text(chart_id: str, key: str, lang: str, _version: Version) -> str:
    chart = _chart(chart_id, lang, _version)
    return figure_texts.evidence_markdown(chart.evidence, lang) if chart else ""


def evidence_text(chart_id: str, lang: str = "en") -> str:
    """'How we know' of a chart as ready text, made once per database content and language:
    walking the evidence rows was the largest cost of a page run with a chart."""
    return _evidence_text(chart_id, content_key(), lang, current_version())


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_citations(
    chart_id: str, key: str, lang: str, permalink: str, data_version: str | None, _version: Version
) -> tuple[tuple[str, str], ...]:
    chart = _chart(chart_id, lang, _version)
    if chart is None:
        return ()
    return tuple(figure_texts.evidence_citations(chart.evidence, permalink, data_version, lang))


def chart_citations(chart_id: str, permalink: str, lang: str = "en") -> tuple[tuple[str, str], ...]:
    """Each figure of a chart's 'How we know' as (button label, citation), made once per
    database content, language and address."""
    data_version = build_info().get("data_version")
    return _chart_citations(
        chart_id, content_key(), lang, permalink, data_version, current_version()
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _phase_gaps(chart_id: str, key: str, lang: str, _version: Version) -> str:
    reader = _reader(_version)
    return notes.phase_gaps_text(
        queries.indicators(reader),
        queries.phases(reader),
        queries.consistency_checks(reader),
        chart_metrics(chart_id),
        lang,
    )


def phase_gaps(chart_id: str, lang: str = "en") -> str:
    """The phases a one-metric chart spans with no figure of their own, and the checks that
    bound the metric there, in words (charts.notes.phase_gaps_text); '' for none."""
    return _phase_gaps(chart_id, content_key(), lang, current_version())


def _cited_rows(
    db: Reader, name: str, base_url: str, data_version: str | None, **filters: Any
) -> pd.DataFrame:
    return with_citations(name, downloads.rows(db, name, **filters), base_url, data_version)


def _versioned_rows(
    db: Reader, name: str, base_url: str, **filters: Any
) -> tuple[str | None, pd.DataFrame]:
    # One reader, one attached file: the version names the rows it was read with, whatever
    # build replaces the file meanwhile (two reads, each of the current file, could not).
    version = queries.build_info(db).get("data_version")
    return version, _cited_rows(db, name, base_url, version, **filters)


_versioned = _cached(_versioned_rows)


def download_rows(name: str, base_url: str, **filters: Any) -> tuple[str | None, pd.DataFrame]:
    """The Data page's rows of one table, filtered, a figure's citation last (the indicators
    table, exports.citations), as the API gives them, and the data version they were read
    at: both from one read of one database file."""
    return _versioned(name, base_url, **filters)


@st.cache_resource(show_spinner=False, max_entries=2)
def _build_version(version: Version) -> str:
    from api.routes import build_version

    return build_version(queries.build_info(_reader(version)))


def build_version() -> str:
    """The build's version as the API's chart addresses carry it (?v=): the same for every
    copy of one build, so every replica's pages name the same, browser-cached image."""
    return _build_version(current_version())


@dataclass(frozen=True)
class Headline:
    """One headline figure of the Overview as ready text."""

    metric_label: str
    words: str
    quote: str
    attribution: str
    period: str
    source_label: str
    source_id: str
    how_sure: str
    metric_id: str
    source_citation: str
    source_url: str | None
    source_archive_url: str | None = None
    source_accessed: object = None


@st.cache_resource(show_spinner=False, max_entries=4)
def _headlines(key: str, lang: str, _version: Version) -> tuple[Headline, ...]:
    reader = _reader(_version)
    indicators, checks = queries.indicators(reader), queries.consistency_checks(reader)
    metrics = queries.metrics(reader)
    figures = figure_texts.headline_figures(
        indicators, figure_texts.headline_metrics(metrics), lang
    )
    # The metric's Khmer label (metrics.yaml label_km) where it has one, else its English.
    t = translator(lang)
    khmer = dict(zip(metrics["metric_id"], metrics.get("label_km", metrics["label"]), strict=True))
    return tuple(
        Headline(
            metric_label=t.pick(row.metric_label, khmer.get(row.metric_id)),
            words=row.words,
            quote=row.quote,
            attribution=row.attribution,
            period=row.period,
            # The article in the reader's language (short_label_km, citation_km), as published.
            source_label=t.pick(row.source_label, getattr(row, "source_label_km", None)),
            source_id=row.source_id,
            how_sure=figure_texts.how_sure(indicators, checks, row.metric_id, row.qualifier, lang),
            metric_id=row.metric_id,
            source_citation=source_citation(row, lang),
            source_url=row.source_url if isinstance(row.source_url, str) else None,
            source_archive_url=getattr(row, "source_archive_url", None),
            source_accessed=getattr(row, "source_accessed", None),
        )
        for row in figures.itertuples()
    )


def headlines(lang: str = "en") -> tuple[Headline, ...]:
    """The Overview's headline figures, made once per database content and language: picking
    and wording them from the indicator rows was the largest cost of an Overview run."""
    return _headlines(content_key(), lang, current_version())


@dataclass(frozen=True)
class OverviewTexts:
    """The Overview's texts drawn from the data, ready to show."""

    evidence_base: str
    checks: dict[str, int]
    proposals: str


@st.cache_resource(show_spinner=False, max_entries=4)
def _overview_texts(key: str, lang: str, _version: Version) -> OverviewTexts:
    reader = _reader(_version)
    sources = queries.sources(reader)
    return OverviewTexts(
        evidence_base=figure_texts.evidence_base_text(sources, lang),
        checks=check_texts.check_summary(queries.consistency_checks(reader)),
        proposals=policy_texts.proposals_markdown(queries.policy_summaries(reader, 1, 6), lang),
    )


def overview_texts(lang: str = "en") -> OverviewTexts:
    """The Overview's texts, made once per database content and language: copying the cached
    rows out and wording them on every run was a fifth of an Overview run's CPU (py-spy)."""
    return _overview_texts(content_key(), lang, current_version())


#: Every check as the page shows it: its headline in the reader's language, as the build worded it.
readable_checks = _cached(queries.readable_checks)
