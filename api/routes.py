"""The HTTP routes: data tables as CSV/JSON, the data package, chart images and embeds, the feed.

Stateless: every answer follows from the request and the database file, so any number of
processes can serve them. Each carries an ETag keyed to the build and answers 304 to a
matching If-None-Match before doing any work. Long because every route shares the caching,
the errors and the version checks written once here.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from api import feed
from api.embed import EMBED_CSP, THEMES, chart_context, embed_html
from api.filters import (
    API_TABLES,
    FILTERS,
    PER_PAGE_DEFAULT,
    PER_PAGE_MAX,
    BadParameter,
    canonical_pairs,
    parse_filters,
    table_rows,
)
from api.metadata import RAW_TABLES, metadata
from charts.model import ShownChart, StoredChart
from data_model.i18n import LANGUAGES, language
from data_model.tables import TABLES_BY_NAME
from database import queries
from database.connection import Reader, database_path, file_stamp
from database.downloads import DOWNLOAD_TABLES
from exports.changes import UnknownVersion, changes_csv, changes_json, since_ordinal
from exports.citations import with_citations
from exports.csvsafe import to_csv_bytes
from exports.package import package_bytes

#: Browsers and CDNs may keep an answer five minutes, then revalidate (a cheap 304).
CACHE_CONTROL = "public, max-age=300, must-revalidate"
#: A chart file named with its build (?v=, as the dashboard's pages name it) never changes.
CACHE_VERSIONED = "public, max-age=31536000, immutable"
NO_STORE = "no-store"

CSV = "text/csv; charset=utf-8"
JSON = "application/json"
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'"

#: Answers kept per build, least recently asked for dropped first: at most KEEP_ANSWERS of
#: them, none over KEEP_BYTES (a whole table at 100× the seeds is about 4 MB of CSV), and
#: KEEP_TOTAL bytes in all, so a crawler of every filter combination costs a process at
#: most KEEP_TOTAL of memory per build.
KEEP_ANSWERS, KEEP_BYTES, KEEP_TOTAL = 256, 8_000_000, 64_000_000


@dataclass
class Snapshot:
    """One build of the database, open for reading, with what is worth keeping per build."""

    reader: Reader
    version: str
    info: dict[str, str]
    choices: dict[str, set[str]] = field(default_factory=dict)
    charts: dict[tuple[str, str], ShownChart | None] = field(default_factory=dict)
    #: Answers already made for this build, by ETag: the same request gives the same bytes.
    bodies: OrderedDict[str, bytes | str] = field(default_factory=OrderedDict)
    #: The sum of the kept answers' lengths, held to KEEP_TOTAL.
    kept: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def body(self, etag: str, make: Callable[[], bytes | str | None]) -> bytes | str | None:
        with self.lock:
            if etag in self.bodies:
                self.bodies.move_to_end(etag)
                return self.bodies[etag]
        content = make()
        if content is not None and len(content) <= KEEP_BYTES:
            with self.lock:
                # Two threads may have made the same answer: the second replaces the first.
                self.kept += len(content) - len(self.bodies.pop(etag, ""))
                self.bodies[etag] = content
                while len(self.bodies) > KEEP_ANSWERS or self.kept > KEEP_TOTAL:
                    self.kept -= len(self.bodies.popitem(last=False)[1])
        return content

    def forget_answers(self) -> None:
        """Drop every kept answer (benchmarks time answers made afresh)."""
        with self.lock:
            self.bodies.clear()
            self.kept = 0

    def choice(self, name: str) -> set[str]:
        if name not in self.choices:
            pick = FILTERS[name].choices
            self.choices[name] = set(pick(self.reader)) if pick else set()
        return self.choices[name]

    @cached_property
    def chart_ids(self) -> set[str]:
        """The charts the build stored: which chart files exist."""
        return set(queries.chart_titles(self.reader))

    def chart(self, chart_id: str, lang: str = "en") -> ShownChart | None:
        key = (chart_id, lang)
        if key not in self.charts:
            parts = queries.chart_parts(self.reader, chart_id, lang)  # as the build stored it
            self.charts[key] = None if parts is None else StoredChart.from_row(parts)
        return self.charts[key]


def build_version(info: dict[str, str]) -> str:
    """The same for every copy of one build (unlike the file's inode or mtime)."""
    text = json.dumps(info, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class NotBuilt(Exception):
    """No database file yet (the first start is building it)."""


def _answering(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
    """A route that answers 503 with a JSON reason while there is no database yet, never a
    traceback: the first start builds it, and a client may try again."""

    def answer(request: Request) -> Response:
        try:
            return handler(request)
        except NotBuilt:
            response = error(503, "the database is not built yet: try again in a minute")
            response.headers["Retry-After"] = "60"
            return response

    return answer


class Database:
    """The database file, reopened when the build replaces it; one per process."""

    def __init__(self, path: Callable[[], Path] = database_path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._stamp = ""
        self._snapshot: Snapshot | None = None

    def current(self) -> Snapshot:
        path = self._path()
        stamp = file_stamp(path)
        with self._lock:
            if not stamp:  # never built, or removed: keep the build already open, if any
                if self._snapshot is None:
                    raise NotBuilt(path)
                return self._snapshot
            if self._snapshot is None or stamp != self._stamp:
                reader = Reader(path)
                info = queries.build_info(reader)
                old, self._snapshot = self._snapshot, Snapshot(reader, build_version(info), info)
                self._stamp = stamp
                if old is not None:
                    old.reader.close()
            return self._snapshot


# --- answers -------------------------------------------------------------------------------


def error(status: int, message: str, parameter: str | None = None) -> JSONResponse:
    body: dict[str, object] = {"error": message, "status": status}
    if parameter is not None:
        body["parameter"] = parameter
    return JSONResponse(body, status_code=status, headers={"Cache-Control": NO_STORE})


def _columns_served() -> str:
    """The Data page tables' columns as this code serves them. Part of every ETag: a new
    column (note_km, issue 24) changes the answers of a build already served, and a client
    holding one from before must get the new answer, not a 304."""
    return json.dumps({name: spec.columns for name, spec in DOWNLOAD_TABLES.items()})


def _etag(request: Request, snap: Snapshot, query: str | None = None) -> str:
    # The host is part of it: embeds, the feed and the package link back to the address asked
    # for, so an answer made for one Host header is never served for another. `query` is the
    # request's parameters written one way (the tables'), else they count as sent.
    query = request.url.query if query is None else query
    what = f"{_columns_served()}|{request.base_url}|{request.url.path}?{query}"
    return f'"{snap.version}-{hashlib.sha256(what.encode()).hexdigest()[:12]}"'


def _matches(request: Request, etag: str) -> bool:
    sent = request.headers.get("if-none-match", "")
    tags = {t.strip().removeprefix("W/") for t in sent.split(",")}
    return etag in tags or "*" in tags


def cached(
    request: Request,
    snap: Snapshot,
    body: Callable[[], bytes | str | None],
    media_type: str,
    headers: dict[str, str] | None = None,
    query: str | None = None,
) -> Response:
    """The answer with its ETag and Cache-Control; 304 when the client holds it; 404 when
    body() gives None. Requests with the same `query` (default: as sent) share one answer."""
    etag = _etag(request, snap, query)
    common = {"ETag": etag, "Cache-Control": CACHE_CONTROL, **(headers or {})}
    if _matches(request, etag):
        return Response(status_code=304, headers=common)
    content = snap.body(etag, body)
    if content is None:
        return error(404, f"nothing at {request.url.path}")
    return Response(content, media_type=media_type, headers=common)


# --- tables --------------------------------------------------------------------------------


def _split(name: str) -> tuple[str, str] | None:
    for suffix in (".metadata.json", ".csv", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix
    return None


def _params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _page_args(params: dict[str, list[str]]) -> tuple[int, int]:
    out = []
    for name, default, top in (("page", 1, None), ("per_page", PER_PAGE_DEFAULT, PER_PAGE_MAX)):
        raw = params.get(name, [str(default)])
        if len(raw) != 1 or not raw[0].isdigit() or int(raw[0]) < 1:
            raise BadParameter(name, f"parameter {name!r} must be one whole number from 1")
        if top is not None and int(raw[0]) > top:
            raise BadParameter(name, f"parameter {name!r} must be at most {top}")
        out.append(int(raw[0]))
    return out[0], out[1]


def _cell(value: object) -> object:
    # pd.NA: a missing value of a nullable integer column (e.g. metrics.headline_rank);
    # pd.NaT: a missing date (it has an isoformat() that says "NaT").
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[union-attr]
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if isinstance(value, float) and value.is_integer():
        # 55, as the article and the CSV give it, not 55.0: a float column's whole numbers.
        return int(value)
    return value


def json_records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as JSON objects: dates as YYYY-MM-DD, missing values (dates too) null, never
    zero or "NaT"; numbers as the CSV writes them (55, 0.125: never 55.0)."""
    cols = [str(c) for c in frame.columns]
    return [
        {c: _cell(v) for c, v in zip(cols, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _paged(pairs: list[tuple[str, str]], page: int, per: int) -> list[tuple[str, str]]:
    """The pairs with the paging that differs from the default (the default is left out)."""
    paging = [("per_page", per), ("page", page)]
    return pairs + [(k, str(v)) for k, v in paging if v != (1 if k == "page" else PER_PAGE_DEFAULT)]


def _query(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs, safe=",")


def _address(path: str, pairs: list[tuple[str, str]]) -> str:
    query = _query(pairs)
    return f"{path}?{query}" if query else path


def page_doc(
    table: str,
    frame: pd.DataFrame,
    page: int,
    per: int,
    links: Callable[[int], str],
    metadata_url: str,
) -> bytes:
    """One page of rows as JSON, with the total and the links (links(n): page n's address)."""
    pages = max(1, -(-len(frame) // per))
    if page > pages:
        raise BadParameter("page", f"parameter 'page' must be at most {pages}")
    rows = frame.iloc[(page - 1) * per : page * per]
    doc = {
        "table": table,
        "page": page,
        "per_page": per,
        "pages": pages,
        "total_rows": len(frame),
        "next": links(page + 1) if page < pages else None,
        "previous": links(page - 1) if page > 1 else None,
        "metadata": metadata_url,
        "rows": json_records(rows),
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def json_page(
    request: Request,
    table: str,
    frame: pd.DataFrame,
    page: int,
    per: int,
    pairs: list[tuple[str, str]],
) -> bytes:
    """A page of the JSON answer; its links keep the request's filters (`pairs`), written
    one way, so every spelling of a request gets the same bytes."""
    path = request.url.path
    meta = path.removesuffix(".json") + ".metadata.json"
    links = lambda n: _address(path, _paged(pairs, n, per))  # noqa: E731
    return page_doc(table, frame, page, per, links, meta)


def make_routes(db: Database | None = None) -> list[BaseRoute]:
    """Every route of the API, reading `db` (the file at $MONITOR_DB by default)."""
    db = db or Database()

    def serve(request: Request, table: str, suffix: str, raw: bool) -> Response:
        snap = db.current()
        params = _params(request)
        try:
            if suffix == ".metadata.json":
                if params:
                    raise BadParameter(next(iter(params)), "metadata takes no parameters")
                urls = {
                    "csv": f"{request.url.path.removesuffix('.metadata.json')}.csv",
                    "json": f"{request.url.path.removesuffix('.metadata.json')}.json",
                }
                doc = metadata(table, snap.info, urls, raw=raw)
                return cached(
                    request,
                    snap,
                    lambda: json.dumps(doc, ensure_ascii=False).encode("utf-8"),
                    "application/json",
                )
            paging = params.keys() & {"page", "per_page"}
            if suffix == ".csv" and paging:
                raise BadParameter(sorted(paging)[0], "CSV answers hold every row: no paging")
            if raw:
                extra = sorted(params.keys() - paging)
                if extra:
                    raise BadParameter(extra[0], f"table {table!r} takes no filters")
                values = {}
            else:
                values = parse_filters(snap.reader, table, params, snap.choice)
            page, per = _page_args(params) if suffix == ".json" else (1, 1)
        except BadParameter as bad:
            return error(400, str(bad), bad.name)

        def frame() -> pd.DataFrame:
            if raw:
                return queries.table_rows(snap.reader, TABLES_BY_NAME[table])
            # A figure's citation names its row's address here, and this build's data version.
            rows = table_rows(snap.reader, table, values)
            return with_citations(table, rows, str(request.base_url), snap.info.get("data_version"))

        # One answer for every spelling of the request: ?a=1&b=2 and ?b=2&a=1, ids in any
        # order, the default page named or not.
        pairs = canonical_pairs(values)
        if suffix == ".csv":
            return cached(request, snap, lambda: to_csv_bytes(frame()), CSV, query=_query(pairs))
        key = _query(_paged(pairs, page, per))
        try:
            return cached(
                request,
                snap,
                lambda: json_page(request, table, frame(), page, per, pairs),
                JSON,
                query=key,
            )
        except BadParameter as bad:  # a page past the last: known only once the rows are read
            return error(400, str(bad), bad.name)

    def data_table(request: Request) -> Response:
        split = _split(request.path_params["name"])
        if split is None or split[0] not in API_TABLES:
            return error(404, f"no table {request.path_params['name']!r}")
        return serve(request, split[0], split[1], raw=False)

    def raw_table(request: Request) -> Response:
        split = _split(request.path_params["name"])
        if split is None or split[0] not in RAW_TABLES:
            return error(404, f"no table {request.path_params['name']!r}")
        return serve(request, split[0], split[1], raw=True)

    def data_package(request: Request) -> Response:
        snap = db.current()
        headers = {"Content-Disposition": 'attachment; filename="datapackage.zip"'}
        base = str(request.base_url).rstrip("/")
        return cached(
            request, snap, lambda: package_bytes(snap.reader, base), "application/zip", headers
        )

    def chart_file(request: Request) -> Response:
        name = request.path_params["name"]
        snap = db.current()
        # ?lang=km or /km/charts/: the chart drawn with Khmer words (the build draws every
        # language); the folder form is the one a static copy has (api.site).
        lang = request.path_params.get("lang") or language(request.query_params.get("lang"))
        if "lang" in request.path_params and lang not in LANGUAGES[1:]:
            return error(404, f"no chart files in language {lang!r}")
        chart_id = name.removesuffix(".print.svg")
        if name.endswith(".print.svg") and chart_id in snap.chart_ids:
            # The PNG's print layout in vectors, for print at any size.
            headers = {"Content-Security-Policy": SVG_CSP}
            if request.query_params.get("v") == snap.version:
                headers["Cache-Control"] = CACHE_VERSIONED
            return cached(
                request,
                snap,
                lambda: queries.chart_print_svg(snap.reader, chart_id, lang),
                "image/svg+xml",
                headers,
            )
        for suffix, kind in ((".narrow.svg", 1), (".svg", 0)):
            chart_id = name.removesuffix(suffix)
            if name.endswith(suffix) and chart_id in snap.chart_ids:

                def svg(chart_id: str = chart_id, kind: int = kind) -> str | None:
                    svgs = queries.chart_svgs(snap.reader, chart_id, lang)
                    return svgs[kind] if svgs else None

                headers = {"Content-Security-Policy": SVG_CSP}
                if request.query_params.get("v") == snap.version:
                    headers["Cache-Control"] = CACHE_VERSIONED
                return cached(request, snap, svg, "image/svg+xml", headers)
        chart_id = name.removesuffix(".png")
        if name.endswith(".png") and chart_id in snap.chart_ids:
            versioned = request.query_params.get("v") == snap.version
            return cached(
                request,
                snap,
                lambda: queries.chart_png(snap.reader, chart_id, lang),
                "image/png",
                {"Cache-Control": CACHE_VERSIONED} if versioned else None,
            )
        chart_id = name.removesuffix(".html")
        if name.endswith(".html") and chart_id in snap.chart_ids:
            theme = request.query_params.get("theme", "")
            if theme and theme not in THEMES:
                return error(400, "parameter 'theme' must be dark or light", "theme")
            pinned = request.query_params.get("v", "")

            def page() -> str | None:
                chart = snap.chart(chart_id, lang)
                if chart is None or queries.chart_svgs(snap.reader, chart_id, lang) is None:
                    return None
                context = chart_context(
                    queries.metrics(snap.reader),
                    chart,
                    version=snap.version,
                    built_at=snap.info.get("built_at", ""),
                    pinned=pinned,
                    theme=theme,
                    lang=lang,
                )
                return embed_html(chart, str(request.base_url), context)

            headers = {"Content-Security-Policy": EMBED_CSP}
            if pinned == snap.version:
                headers["Cache-Control"] = CACHE_VERSIONED
            return cached(request, snap, page, "text/html; charset=utf-8", headers)
        return error(404, f"no chart file {name!r}")

    def atom(request: Request) -> Response:
        snap = db.current()
        base = str(request.base_url)
        return cached(
            request,
            snap,
            lambda: feed.atom(snap.reader, snap.info, base),
            "application/atom+xml; charset=utf-8",
        )

    def changes(request: Request) -> Response:
        snap = db.current()
        suffix = request.path_params["suffix"]
        if suffix not in ("csv", "json"):
            return error(404, f"no changes.{suffix}: changes.json or changes.csv")
        params = _params(request)
        extra = sorted(params.keys() - {"since"})
        if extra:
            return error(400, "changes take one parameter: since=<data version>", extra[0])
        if len(params.get("since", [""])) != 1:
            return error(400, "parameter 'since' must be given once", "since")
        since = params.get("since", [None])[0] or None
        make = changes_csv if suffix == "csv" else changes_json
        try:
            since_ordinal(queries.data_versions(snap.reader), since)
        except UnknownVersion as bad:
            return error(400, str(bad), "since")
        return cached(
            request,
            snap,
            lambda: make(snap.reader, since),
            CSV if suffix == "csv" else JSON,
            query=f"since={since or ''}",
        )

    return [
        Route(
            "/api/v1/changes.{suffix:str}",
            _answering(changes),
            methods=["GET", "HEAD"],
        ),
        Route("/api/v1/datapackage.zip", _answering(data_package), methods=["GET", "HEAD"]),
        Route("/api/v1/tables/{name}", _answering(raw_table), methods=["GET", "HEAD"]),
        Route("/api/v1/{name}", _answering(data_table), methods=["GET", "HEAD"]),
        Route("/charts/{name}", _answering(chart_file), methods=["GET", "HEAD"]),
        Route("/{lang}/charts/{name}", _answering(chart_file), methods=["GET", "HEAD"]),
        Route("/feed.atom", _answering(atom), methods=["GET", "HEAD"]),
    ]
