"""The plain routes at scale: API CSV server time on the seeds and a 100x corpus, before and
after the fast CSV path, and throughput of one server process against two: prints figures.

    python bench/api_scale.py [--copies 100] [--requests 40] [--seconds 8] [--clients 4]
                              [--no-load]

Server time is measured in-process (Starlette's TestClient, no network), per request, with
the per-build answer cache emptied before each ("made") and left warm ("kept"), p50 and p95.
"before" is the same routes with the code the straight-from-Arrow path replaced swapped
back in (the rows made a pandas frame, then written by to_csv_bytes with the regular
expressions that defused and quoted cells until then: main at 4492cbf); before and after
requests alternate, so both see the same machine load. Throughput:
`monitor.serve` processes on loopback, loaded by client threads for --seconds per route,
first one process, then two taking requests in turn (the client alternates between them,
as the simplest round-robin balancer would). Nothing here is asserted.
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
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.calibrate import calibration_line  # noqa: E402
from bench.page_load import start_server, stop_server  # noqa: E402

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


#: The kernels this change replaced, as they were: a regular expression over every cell.
_TRIGGER_AT_START = (
    "^([" + "".join(f"\\x{{{ord(c):x}}}" for c in ("=", "+", "-", "@", "\t", "\r")) + "])"
)


def _regex_defuse(text: object) -> object:
    import pyarrow.compute as pc

    return pc.replace_substring_regex(text, _TRIGGER_AT_START, "'\\1")


def _regex_quote(text: object) -> object:
    import pyarrow.compute as pc

    from exports.csvsafe import _NEEDS_QUOTES, _large

    needs = pc.match_substring_regex(text, _NEEDS_QUOTES)
    mark, none = _large('"'), _large("")
    quoted = pc.binary_join_element_wise(mark, pc.replace_substring(text, '"', '""'), mark, none)
    return pc.fill_null(pc.if_else(needs, quoted, text), none)


@contextlib.contextmanager
def before() -> Iterator[None]:
    """The routes with the code the straight-from-Arrow CSV path replaced swapped back in:
    the rows as a pandas frame (table_rows), written by to_csv_bytes with regex kernels."""
    from api import routes
    from api.filters import table_rows
    from exports import csvsafe

    def frame_rows(db: object, table: str, values: object) -> object:
        return db, table, values  # the old path reads them in frame_csv below

    def frame_csv(args: tuple) -> bytes:
        return csvsafe.to_csv_bytes(table_rows(*args))

    names = ("table_arrow", "arrow_csv_bytes"), ("_defuse", "_quote")
    saved = [getattr(routes, n) for n in names[0]], [getattr(csvsafe, n) for n in names[1]]
    routes.table_arrow, routes.arrow_csv_bytes = frame_rows, frame_csv  # type: ignore[assignment]
    csvsafe._defuse, csvsafe._quote = _regex_defuse, _regex_quote  # type: ignore[assignment]
    try:
        yield
    finally:
        routes.table_arrow, routes.arrow_csv_bytes = saved[0]  # type: ignore[assignment]
        csvsafe._defuse, csvsafe._quote = saved[1]  # type: ignore[assignment]


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


def throughput(urls: list[str], path: str, seconds: float, clients: int) -> tuple[float, float]:
    """Requests/s and p95 ms, the clients taking the servers in turn."""
    stop = time.perf_counter() + seconds
    times: list[float] = []
    lock = threading.Lock()
    turn = iter(range(10**9))

    def client() -> None:
        while time.perf_counter() < stop:
            with lock:
                base = urls[next(turn) % len(urls)]
            started = time.perf_counter()
            with urllib.request.urlopen(base + path, timeout=30) as answer:
                answer.read()
            took = time.perf_counter() - started
            with lock:
                times.append(took)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else float("nan")
    return len(times) / seconds, p95 * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=4)
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
            build(big_db, make_corpus(SEEDS, tmp / "big-seeds", args.copies))
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

        if args.db is None:
            from charts.static import draw_into  # the images the light embeds serve

            draw_into(seeds_db)
        env = {**os.environ, "MONITOR_DB": str(args.db or seeds_db)}
        procs = [
            start_server([sys.executable, "-m", "monitor.serve"], env, tmp / f"s{i}.log")
            for i in range(2)
        ]
        try:
            urls = [url for _, url in procs]
            for path in LOAD_PATHS.values():  # warm both
                for url in urls:
                    urllib.request.urlopen(url + path, timeout=30).read()
            print(f"\nthroughput, {args.clients} client threads, {args.seconds:.0f} s per route")
            print(
                f"{'route':24} {'1 proc req/s':>12} {'p95 ms':>7} {'2 procs req/s':>13} "
                f"{'p95 ms':>7} {'scale':>6}"
            )
            for label, path in LOAD_PATHS.items():
                one, p95_one = throughput(urls[:1], path, args.seconds, args.clients)
                two, p95_two = throughput(urls, path, args.seconds, args.clients)
                print(
                    f"{label:24} {one:>12.0f} {p95_one:>7.1f} {two:>13.0f} {p95_two:>7.1f} "
                    f"{two / one:>5.2f}x",
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
