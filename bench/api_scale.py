"""The plain routes at scale: API CSV server time on the seeds and a 100x corpus, and
throughput of one server process against two: prints figures.

    python bench/api_scale.py [--copies 100] [--requests 40] [--seconds 8] [--clients 4]

Server time is measured in-process (Starlette's TestClient, no network), per request, with
the per-build answer cache emptied before each ("made") and left warm ("kept"). Throughput:
`monitor.serve` processes on loopback, loaded by client threads for --seconds per route,
first one process, then two taking requests in turn (the client alternates between them,
as the simplest round-robin balancer would). Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
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


def server_times(db: Path, path: str, requests: int) -> tuple[float, float, int]:
    """Median ms of one request made afresh and of one kept per build; rows answered."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from api.routes import Database, make_routes

    database = Database(lambda: db)
    client = TestClient(Starlette(routes=make_routes(database)))
    client.get(path)  # open the file, fill the allow-lists
    made, kept = [], []
    for _ in range(requests):
        database.current().bodies.clear()
        started = time.perf_counter()
        answer = client.get(path)
        made.append(time.perf_counter() - started)
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        kept.append(time.perf_counter() - started)
    rows = answer.content.count(b"\n") - 1
    return statistics.median(made) * 1000, statistics.median(kept) * 1000, rows


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
    parser.add_argument("--db", type=Path, help="a database with chart images (else drawn)")
    args = parser.parse_args(argv)
    from bench.synthetic import SEEDS, make_corpus
    from etl.build import build

    tmp = Path(tempfile.mkdtemp(prefix="api-scale-"))
    try:
        seeds_db = tmp / "seeds.duckdb"
        build(seeds_db)
        big_db = tmp / "big.duckdb"
        build(big_db, make_corpus(SEEDS, tmp / "big-seeds", args.copies))
        print(calibration_line())
        print(f"API server time, in-process, median of {args.requests}; ms")
        print(f"{'corpus':12} {'route':42} {'rows':>6} {'made':>7} {'kept':>7}")
        for name, db in (("seeds", seeds_db), (f"{args.copies}x", big_db)):
            for path in CSV_PATHS:
                made, kept, rows = server_times(db, path, args.requests)
                print(f"{name:12} {path:42} {rows:>6} {made:>7.1f} {kept:>7.2f}", flush=True)

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
