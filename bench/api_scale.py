"""The plain routes at scale: API CSV server time on the seeds and a 100x corpus, before and
after the joined tables, and throughput of one server process against two: prints figures.

    python bench/api_scale.py [--copies 100] [--requests 40] [--seconds 8] [--clients 4]
                              [--no-load]

Server time is measured in-process (Starlette's TestClient, no network), per request, with
the per-build answer cache emptied before each ("made") and left warm ("kept"), p50 and p95.
"before" is the same routes with main 051d98f's queries swapped back in (the figures
joined with metric, category, unit, article, phase and actor, the statements with their
articles, on every request, not read whole from the build's indicator_rows and
statement_search tables); before and after requests alternate, so both
see the same machine load. Throughput:
`streamlit run serve.py` processes on loopback, loaded by client threads for --seconds per route,
one process and two taking requests in turn (the client alternates between them, as the
simplest round-robin balancer would), --rounds times alternating, medians. Besides the
answers the server keeps per build, two routes ask a search word not asked before on every
request (words of the quotes, more of them than the answers kept), so each request is made
afresh: that is the server's own work, which a second process can share out. Each line
also prints the server's and the client's CPU time per request (Linux /proc), which bound
what two processes can give on a machine whose cores the client shares.
Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.calibrate import calibration_line  # noqa: E402
from tests.serving import start_server, stop_server  # noqa: E402

CSV_PATHS = (
    "/api/v1/statements.csv",
    "/api/v1/indicators.csv",
    "/api/v1/statements.csv?stance=critical",
)
LOAD_PATHS = {
    "light embed (HTML)": "/charts/arrests-over-time.html",
    "chart SVG": "/charts/arrests-over-time.svg",
    "API CSV (statements)": "/api/v1/statements.csv",
    "API JSON (filtered)": "/api/v1/statements.json?stance=critical",
}
#: Routes whose every request searches a word not asked before ({word}): made afresh.
MISS_PATHS = {
    "API JSON, new search": "/api/v1/statements.json?q={word}",
    "API CSV, new search": "/api/v1/statements.csv?q={word}",
}


def _joined_indicators_query(
    metric_ids: Sequence[str] = (),
    categories: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    phase_ids: Sequence[str] = (),
    rows: str = "",
) -> tuple[str, list[object]]:
    """indicators_query as it was at main 051d98f: the figures joined with their metric,
    category, unit, article, phase and actor on every request."""
    from database.queries import _SOURCE_COLUMNS, _in, _where

    where, params = _where(
        _in("i.metric_id", metric_ids),
        _in("m.category", categories),
        _in("i.source_id", source_ids),
        _in("i.phase_id", phase_ids),
    )
    return (
        f"""
        SELECT i.indicator_id, i.metric_id, m.label AS metric_label, m.category,
               c.label AS category_label,
               i.value, i.qualifier, i.value_low, i.value_high, i.unit, u.label AS unit_label,
               u.kind AS unit_kind, i.currency, i.label, i.vague,
               i.restates, i.restates_note,
               i.period_start, i.period_end, i.as_of, i.phase_id, p.name AS phase_name,
               i.geography, i.actor_id, a.name AS actor_name, i.attribution,
               i.quote, i.note, i.source_id, {_SOURCE_COLUMNS}
        FROM indicators i
        JOIN metrics m USING (metric_id)
        JOIN categories c ON c.category_id = m.category
        JOIN units u ON u.unit_id = i.unit
        JOIN sources s USING (source_id)
        LEFT JOIN phases p USING (phase_id)
        LEFT JOIN actors a USING (actor_id)
        WHERE {where}
        ORDER BY m.category, m.label, i.as_of, i.indicator_id
        """,
        params,
    )


def _joined_statement_rows_query(
    search: str, conditions: dict[str, tuple[str, list[object]]], limit: str = "", *more: object
) -> tuple[str, list[object]]:
    """_statement_rows_query as it was at main 051d98f: the search table's rows joined with
    their articles on every request."""
    from database.queries import _SOURCE_COLUMNS, _where

    listed = """statement_id, actor_id, actor_name, actor_role, organisation, actor_type, quote,
               kind, topic, stance, said_on, relayed_by, relayed_by_name, said, said_precision,
               source_id, list_order"""
    where, params = _where(*conditions.values())
    paged = f"ORDER BY f.list_order {limit}" if limit else ""
    return (
        f"""
        WITH f AS (SELECT {listed} FROM {search} f WHERE {where} {paged})
        SELECT f.statement_id, f.actor_id, f.actor_name, f.actor_role, f.organisation,
               f.actor_type, f.quote, f.kind, f.topic, f.stance, f.said_on,
               f.relayed_by, f.relayed_by_name,
               f.said AS statement_date, f.said_precision AS statement_date_precision,
               f.source_id, {_SOURCE_COLUMNS}
        FROM f JOIN sources s ON s.source_id = f.source_id
        ORDER BY f.list_order
        """,
        [*params, *more],
    )


@contextlib.contextmanager
def before() -> Iterator[None]:
    """The routes with main 051d98f's queries swapped back in: the joins made per request."""
    from database import queries

    names = "indicators_query", "_statement_rows_query"
    saved = [getattr(queries, n) for n in names]
    queries.indicators_query = _joined_indicators_query  # type: ignore[assignment]
    queries._statement_rows_query = _joined_statement_rows_query  # type: ignore[assignment]
    try:
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(queries, name, value)


def _p50_p95(times: list[float]) -> tuple[float, float]:
    return statistics.median(times) * 1000, statistics.quantiles(times, n=20)[-1] * 1000


def server_times(db: Path, path: str, requests: int) -> tuple[dict[str, tuple[float, float]], int]:
    """p50 and p95 ms of one request made afresh and of one kept per build, before and
    after ("before made", "after kept", ...); rows answered."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from api.routes import Database, make_routes

    sides: dict[str, tuple[Database, TestClient, Callable[[], contextlib.AbstractContextManager]]]
    sides = {}
    for side, context in (("before", before), ("after", contextlib.nullcontext)):
        database = Database(lambda: db)
        sides[side] = database, TestClient(Starlette(routes=make_routes(database))), context
    times: dict[str, list[float]] = {f"{s} {k}": [] for s in sides for k in ("made", "kept")}
    bodies = {}
    for side, (_, client, context) in sides.items():
        with context():
            bodies[side] = client.get(path).content  # open the file, fill the allow-lists
    assert bodies["before"] == bodies["after"], f"{path}: the fast path changed the bytes"
    for kind in ("made", "kept"):
        for i in range(requests):
            # Alternate which side goes first, so neither always follows the other.
            for side in sorted(sides, reverse=bool(i % 2)):
                database, client, context = sides[side]
                with context():
                    if kind == "made":
                        database.current().forget_answers()
                    started = time.perf_counter()
                    client.get(path)
                    times[f"{side} {kind}"].append(time.perf_counter() - started)
    rows = bodies["after"].count(b"\n") - 1
    return {k: _p50_p95(v) for k, v in times.items()}, rows


def search_words(db: Path) -> list[str]:
    """Distinct words of four letters or more in the quotes: more than the answers kept per
    build, so asking them in turn never finds one kept."""
    import re

    import duckdb

    from api.routes import KEEP_ANSWERS

    with duckdb.connect(str(db), read_only=True) as con:
        quotes = [q for (q,) in con.execute("SELECT quote FROM statements").fetchall() if q]
    words = sorted({w.lower() for q in quotes for w in re.findall(r"[A-Za-z]{4,}", q)})
    if len(words) <= KEEP_ANSWERS:
        raise SystemExit(f"{db}: {len(words)} words, not more than {KEEP_ANSWERS} answers kept")
    return words


def cpu_seconds(pid: int) -> float:
    """A process's user and system CPU time so far (Linux /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Load:
    """One load of one route: requests/s, p95 ms, CPU seconds per request."""

    per_second: float
    p95_ms: float
    server_cpu: float
    client_cpu: float


def throughput(
    servers: Sequence[tuple[int, str]],
    path: Callable[[int], str],
    seconds: float,
    clients: int,
) -> Load:
    """Load the servers (pid, url) for `seconds`, the clients taking them in turn; the
    n-th request asks path(n)."""
    stop = time.perf_counter() + seconds
    times: list[float] = []
    lock = threading.Lock()
    turn = iter(range(10**9))

    def client() -> None:
        while time.perf_counter() < stop:
            with lock:
                n = next(turn)
            base = servers[n % len(servers)][1]
            started = time.perf_counter()
            with urllib.request.urlopen(base + path(n), timeout=30) as answer:
                answer.read()
            took = time.perf_counter() - started
            with lock:
                times.append(took)

    server_before = sum(cpu_seconds(pid) for pid, _ in servers)
    client_before = time.process_time()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    client_cpu = time.process_time() - client_before
    server_cpu = sum(cpu_seconds(pid) for pid, _ in servers) - server_before
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else float("nan")
    done = max(len(times), 1)
    return Load(len(times) / seconds, p95 * 1000, server_cpu / done, client_cpu / done)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="loads per route and side")
    parser.add_argument("--no-load", action="store_true", help="server times only")
    parser.add_argument("--db", type=Path, help="a database with chart images (else drawn)")
    parser.add_argument("--seeds-db", type=Path, help="a database of the seeds (else built)")
    parser.add_argument("--big-db", type=Path, help="a database of the big corpus (else built)")
    args = parser.parse_args(argv)
    from bench.synthetic import SEEDS, make_corpus
    from etl.build import build

    tmp = Path(tempfile.mkdtemp(prefix="api-scale-"))
    try:
        seeds_db = args.seeds_db or tmp / "seeds.duckdb"
        if args.seeds_db is None:
            build(seeds_db)
        big_db = args.big_db or tmp / "big.duckdb"
        if args.big_db is None:
            build(big_db, make_corpus(SEEDS, tmp / "big-seeds", args.copies), draw_images=False)
        print(calibration_line())
        print(f"API server time, in-process, {args.requests} requests each; p50 / p95 ms")
        print(
            f"{'corpus':7} {'route':40} {'rows':>6} {'before made':>15} {'after made':>15} "
            f"{'ratio':>6} {'before kept':>15} {'after kept':>13}"
        )
        for name, db in (("seeds", seeds_db), (f"{args.copies}x", big_db)):
            for path in CSV_PATHS:
                t, rows = server_times(db, path, args.requests)
                cells = {k: f"{p50:.1f} / {p95:.1f}" for k, (p50, p95) in t.items()}
                ratio = t["before made"][0] / t["after made"][0]
                print(
                    f"{name:7} {path:40} {rows:>6} {cells['before made']:>15} "
                    f"{cells['after made']:>15} {ratio:>5.1f}x {cells['before kept']:>15} "
                    f"{cells['after kept']:>13}",
                    flush=True,
                )
        if args.no_load:
            return 0

        # The seeds' build drew the images the light embeds serve (etl.build runs every step).
        env = {**os.environ, "MONITOR_DB": str(args.db or seeds_db)}
        procs = [
            start_server(
                [sys.executable, "-m", "streamlit", "run", "serve.py"], env, tmp / f"s{i}.log"
            )
            for i in range(2)
        ]
        try:
            servers = [(proc.pid, url) for proc, url in procs]
            words = search_words(args.db or seeds_db)
            routes: dict[str, Callable[[int], str]] = {
                label: (lambda n, p=path: p) for label, path in LOAD_PATHS.items()
            }
            routes |= {
                label: (lambda n, p=path: p.format(word=words[n % len(words)]))
                for label, path in MISS_PATHS.items()
            }
            for path in LOAD_PATHS.values():  # warm both
                for _, url in servers:
                    urllib.request.urlopen(url + path, timeout=30).read()
            print(
                f"\nthroughput, {args.clients} client threads, {args.seconds:.0f} s per load, "
                f"one process and two alternating, {args.rounds} rounds, medians; "
                f"{len(words)} search words for the new searches"
            )
            print(
                f"{'route':24} {'1 proc req/s':>12} {'p95 ms':>7} {'2 procs req/s':>13} "
                f"{'p95 ms':>7} {'scale':>6} {'server CPU ms/req':>17} {'client CPU ms/req':>17}"
            )
            for label, path in routes.items():
                loads: dict[int, list[Load]] = {1: [], 2: []}
                for r in range(args.rounds):
                    for n in (1, 2) if r % 2 == 0 else (2, 1):
                        loads[n].append(throughput(servers[:n], path, args.seconds, args.clients))
                med = {
                    n: Load(
                        *(
                            statistics.median(getattr(x, f) for x in runs)
                            for f in Load.__annotations__
                        )
                    )
                    for n, runs in loads.items()
                }
                one, two = med[1], med[2]
                print(
                    f"{label:24} {one.per_second:>12.0f} {one.p95_ms:>7.1f} "
                    f"{two.per_second:>13.0f} {two.p95_ms:>7.1f} "
                    f"{two.per_second / one.per_second:>5.2f}x "
                    f"{one.server_cpu * 1000:>8.2f} / {two.server_cpu * 1000:<6.2f} "
                    f"{one.client_cpu * 1000:>8.2f} / {two.client_cpu * 1000:<6.2f}",
                    flush=True,
                )
        finally:
            for proc, _ in procs:
                stop_server(proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
