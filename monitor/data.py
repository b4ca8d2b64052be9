"""What pages call: the queries, cached by Streamlit and refreshed when the database file changes."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from charts.model import Chart
from monitor import queries, views
from monitor.queries import Reader, database_path, file_stamp

R = TypeVar("R")


@st.cache_resource(show_spinner=False, max_entries=2)
def _reader(path: str, stamp: str) -> Reader:
    # Keyed by the file's stamp: a rebuilt file gets a new reader, so the new data shows
    # without a restart (a reader that re-opened the same path would keep the old file).
    return Reader(Path(path))


@st.cache_data(show_spinner=False, max_entries=1024)
def _run(name: str, path: str, stamp: str, kwargs: tuple[tuple[str, Any], ...]) -> Any:
    return getattr(queries, name)(_reader(path, stamp), **dict(kwargs))


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | set | frozenset) else value


def _cached(fn: Callable[..., R]) -> Callable[..., R]:
    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> R:
        path = database_path()
        frozen = tuple(sorted((k, _hashable(v)) for k, v in kwargs.items()))
        result = _run(fn.__name__, str(path), file_stamp(path), frozen)
        return result.copy() if isinstance(result, pd.DataFrame) else result

    return wrapper


@st.cache_data(show_spinner=False, max_entries=4)
def _package(path: str, stamp: str, dashboard_url: str | None) -> bytes:
    from exports.package import package_bytes  # pyarrow loads only when someone asks

    return package_bytes(_reader(path, stamp), dashboard_url)


def data_package(dashboard_url: str | None = None) -> bytes:
    """The full data package (zip) of the current database, built once per file version."""
    path = database_path()
    return _package(str(path), file_stamp(path), dashboard_url)


#: Static chart sizes: a wide one for laptops, a tall narrow one for phones.
WIDE, NARROW = (1000, 460), (420, 620)


@st.cache_resource(show_spinner=False, max_entries=64)
def _chart(chart_id: str, path: str, stamp: str) -> Chart | None:
    # A resource, not data: shared, not copied, because unpickling a Plotly figure costs
    # about what building it does. Nothing changes a chart once built.
    from charts.catalogue import build_chart
    from monitor import data  # this module: its cached queries feed the chart

    return build_chart(chart_id, data)


def chart(chart_id: str) -> Chart | None:
    """The chart with this id (None for an unknown id), built once per database version."""
    path = database_path()
    return _chart(chart_id, str(path), file_stamp(path))


@st.cache_data(show_spinner=False, max_entries=64)
def _chart_svgs(chart_id: str, path: str, stamp: str) -> tuple[str, str] | None:
    from exports.chart_files import PngUnavailable, chart_svg

    chart = _chart(chart_id, path, stamp)
    if chart is None:
        return None
    try:
        return chart_svg(chart, *WIDE), chart_svg(chart, *NARROW)
    except PngUnavailable:
        return None  # no Chromium here: pages fall back to the interactive chart


def chart_svgs(chart_id: str) -> tuple[str, str] | None:
    """The chart drawn as static SVG (wide, narrow), once per database version; None when
    it cannot be drawn here."""
    path = database_path()
    return _chart_svgs(chart_id, str(path), file_stamp(path))


@st.cache_resource(show_spinner=False, max_entries=2)
def warm_static_charts(stamp: str) -> threading.Thread:
    """Draw every chart in the background once per database version, so the first reader
    of a chart page does not wait for Chromium."""
    from charts.catalogue import CHARTS

    def draw_all() -> None:
        try:
            for chart_id in CHARTS:
                chart_svgs(chart_id)
        except Exception:  # best effort: a page draws its own charts if this stops short
            logging.getLogger(__name__).info("warming static charts stopped", exc_info=True)

    thread = threading.Thread(target=draw_all, name="warm-static-charts", daemon=True)
    thread.start()
    return thread


@dataclass(frozen=True)
class PolicyTexts:
    """What the Policies page shows for one choice of filters, as ready text."""

    n_proposals: int
    summary: str
    matrix: str
    proposals: str


@st.cache_data(show_spinner=False, max_entries=256)
def _policy_texts(
    path: str, stamp: str, categories: tuple[str, ...], statuses: tuple[str, ...]
) -> PolicyTexts:
    chosen = policies(categories=list(categories), statuses=list(statuses))
    positions = policy_positions(policy_ids=list(chosen["policy_id"]))
    return PolicyTexts(
        n_proposals=len(chosen),
        summary=views.markdown_table(views.positions_summary(chosen, positions)),
        matrix=views.markdown_table(views.stance_matrix(positions).reset_index()),
        proposals=views.policies_markdown(chosen, views.positions_by_policy(positions)),
    )


def policy_texts(categories: list[str], statuses: list[str]) -> PolicyTexts:
    """The Policies page's tables and proposal texts, built once per filter choice and file
    version (the pandas shaping takes longer than the queries)."""
    path = database_path()
    return _policy_texts(str(path), file_stamp(path), tuple(categories), tuple(statuses))


def database_stamp() -> str:
    """Identifies the database file's current version ('' when it is missing)."""
    return file_stamp(database_path())


sources = _cached(queries.sources)
source_body = _cached(queries.source_body)
citations = _cached(queries.citations)
metrics = _cached(queries.metrics)
phases = _cached(queries.phases)
phase_citations = _cached(queries.phase_citations)
events = _cached(queries.events)
build_info = _cached(queries.build_info)
indicators = _cached(queries.indicators)
actors = _cached(queries.actors)
statements = _cached(queries.statements)
statement_years = _cached(queries.statement_years)
policies = _cached(queries.policies)
policy_positions = _cached(queries.policy_positions)
consistency_checks = _cached(queries.consistency_checks)
