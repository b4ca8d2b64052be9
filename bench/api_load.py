"""Load on the plain HTTP routes: requests/s, p50 and p95 for a light embed, an API CSV and
the Streamlit embed page's first HTML answer, on 127.0.0.1 only, bounded in time.

    .venv/bin/python bench/api_load.py --url http://127.0.0.1:8501 [--seconds 10] [--clients 4]

Start the server first (streamlit run serve.py --server.port 8501).
Figures are measured side by side in one run; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
import urllib.request
from urllib.parse import urlsplit

PATHS = {
    "light embed (HTML)": "/charts/arrests-over-time.html",
    "light embed (wide SVG)": "/charts/arrests-over-time.svg",
    "API CSV (statements)": "/api/v1/statements.csv",
    "API JSON (statements, filtered)": "/api/v1/statements.json?stance=critical",
    "Streamlit embed (index.html only)": "/embed?embed=true&chart=arrests-over-time",
}


def _load(url: str, seconds: float, clients: int) -> tuple[list[float], int]:
    stop = time.perf_counter() + seconds
    times: list[float] = []
    sizes: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        while time.perf_counter() < stop:
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=30) as answer:
                size = len(answer.read())
            took = time.perf_counter() - started
            with lock:
                times.append(took)
                sizes.append(size)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, (sizes[0] if sizes else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501")
    parser.add_argument("--seconds", type=float, default=10.0, help="per route")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    args = parser.parse_args()
    if urlsplit(args.url).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("api_load: loopback only (127.0.0.1 or localhost)")
    print(f"{args.clients} clients, {args.seconds:.0f} s per route, {args.url}")
    print(f"{'route':36} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>9}")
    for label, path in PATHS.items():
        times, size = _load(args.url.rstrip("/") + path, args.seconds, args.clients)
        p95 = statistics.quantiles(times, n=20)[-1] * 1000 if len(times) > 1 else float("nan")
        print(
            f"{label:36} {len(times) / args.seconds:8.1f} "
            f"{statistics.median(times) * 1000:8.1f} {p95:8.1f} {size:9,}"
        )


if __name__ == "__main__":
    main()
