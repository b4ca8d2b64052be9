"""The routes as static files: light embeds, CSV, JSON, metadata, the data package and the feed,
for any static host or CDN, so embeds keep working when the dashboard is down."""

from __future__ import annotations

import json
from pathlib import Path

from api import feed
from api.embed import chart_context, chart_folder, embed_html
from api.filters import API_TABLES, table_rows
from api.metadata import RAW_TABLES, metadata
from api.routes import build_version, page_doc
from charts.model import StoredChart
from data_model.i18n import LANGUAGES
from data_model.tables import TABLES_BY_NAME
from database import queries
from database.connection import Reader
from exports.citations import with_citations
from exports.csvsafe import to_csv_bytes
from exports.package import package_bytes


def _write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _chart_files(
    reader: Reader, folder: Path, lang: str, dashboard_url: str, info: dict[str, str]
) -> list[Path]:
    """One language's chart files: SVGs, print PNG and SVG, and light embed of every chart drawn."""
    version = build_version(info)
    metrics = queries.metrics(reader)
    written: list[Path] = []
    for chart_id in queries.chart_titles(reader, lang):
        svgs = queries.chart_svgs(reader, chart_id, lang)
        parts = queries.chart_parts(reader, chart_id, lang)
        if svgs is None or parts is None:
            continue
        chart = StoredChart.from_row(parts)
        written.append(_write(folder / f"{chart_id}.svg", svgs[0]))
        written.append(_write(folder / f"{chart_id}.narrow.svg", svgs[1]))
        png = queries.chart_png(reader, chart_id, lang)
        if png is not None:
            written.append(_write(folder / f"{chart_id}.png", png))
        print_svg = queries.chart_print_svg(reader, chart_id, lang)
        if print_svg is not None:
            written.append(_write(folder / f"{chart_id}.print.svg", print_svg))
        built = info.get("built_at", "")
        context = chart_context(metrics, chart, version=version, built_at=built, lang=lang)
        written.append(
            _write(folder / f"{chart_id}.html", embed_html(chart, dashboard_url, context))
        )
    return written


def write_site(reader: Reader, out: Path, dashboard_url: str) -> list[Path]:
    """Write every file under `out` at the paths the server answers, unfiltered; return them.

    A static JSON file holds every row on one page (a static host cannot page). A chart the
    build drew no images for gets no files. Charts are written in every language: English
    under charts/, Khmer under km/charts/ (a static host cannot answer ?lang=).
    """
    info = queries.build_info(reader)
    written: list[Path] = []
    # Each language's charts in its own folder (charts/, km/charts/), as the server answers
    # them too, each embed linking to the others (api.embed.language_links).
    for lang in LANGUAGES:
        written += _chart_files(reader, out / chart_folder(lang), lang, dashboard_url, info)

    tables = [(t, f"api/v1/{t}", False) for t in API_TABLES]
    tables += [(t, f"api/v1/tables/{t}", True) for t in RAW_TABLES]
    for table, stem, raw in tables:
        frame = (
            queries.table_rows(reader, TABLES_BY_NAME[table])
            if raw
            else with_citations(
                table, table_rows(reader, table, {}), dashboard_url, info.get("data_version")
            )
        )
        meta_url = f"/{stem}.metadata.json"
        urls = {"csv": f"/{stem}.csv", "json": f"/{stem}.json"}
        written.append(_write(out / f"{stem}.csv", to_csv_bytes(frame)))
        per = max(1, len(frame))
        doc = page_doc(table, frame, 1, per, lambda n: "", meta_url)
        written.append(_write(out / f"{stem}.json", doc))
        meta = json.dumps(metadata(table, info, urls, raw=raw), ensure_ascii=False)
        written.append(_write(out / f"{stem}.metadata.json", meta))
    written.append(_write(out / "api/v1/datapackage.zip", package_bytes(reader, dashboard_url)))
    written.append(_write(out / "feed.atom", feed.atom(reader, info, dashboard_url)))
    return written
