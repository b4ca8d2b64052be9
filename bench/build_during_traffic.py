"""Page runs while builds replace the database every few seconds, old code and new side by side: prints figures.

    git archive 47f48ca | tar -x -C /tmp/before      # the code to compare against
    python bench/build_during_traffic.py --before /tmp/before [--change]

Two servers run at once, one per checkout, each on its own database file, so both share
the machine's load. --sessions clients per server (raw websockets, no browser: the browser
does not touch the server's caches) each load the pages in turn and time the server's
script run, from the rerun request to `script_finished`. Two phases of --seconds each:
quiet, then with each checkout's own `python -m etl build` replacing its file every
--every seconds. Without --change every build has the same data (a routine rebuild); with
it, builds alternate between the seeds and a copy with one reporter's name changed, so
every build brings new content.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.page_load import start_server, stop_server  # noqa: E402

#: The pages a reader goes through, by URL path ("" is the Overview).
PAGES = ("", "trends", "statements", "policies", "sources", "checks", "share")


async def _page_run(url: str, page: str) -> float:
    """Seconds from asking for the page to the end of its script run, in a new session."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        request = BackMsg()
        request.rerun_script.query_string = ""
        request.rerun_script.page_name = page
        started = time.perf_counter()
        await ws.send(request.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(await ws.recv())
            if message.WhichOneof("type") == "script_finished":
                return time.perf_counter() - started


def _session(url: str, stop: threading.Event, times: list[float], offset: int) -> None:
    """One reader: the pages in turn, until stop is set."""
    n = offset
    while not stop.is_set():
        try:
            times.append(asyncio.run(_page_run(url, PAGES[n % len(PAGES)])))
        except Exception as exc:  # a failed load is a figure too: say so, keep going
            print(f"  load failed: {exc!r}", file=sys.stderr)
        n += 1


def _changed_seeds(seeds: Path, target: Path) -> Path:
    """A copy of the seeds with one reporter's name changed: new content, same articles."""
    shutil.copytree(seeds, target)
    sources = target / "curated" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("reporter: Hong Menea", "reporter: Hong M."), encoding="utf-8")
    return target


def _builder(
    root: Path, db: Path, seeds: list[Path], every: float, stop: threading.Event, done: list[int]
) -> None:
    """Rebuild db with the code at root every `every` seconds (alternating the seeds)."""
    n = 0
    while not stop.is_set():
        started = time.monotonic()
        command = [sys.executable, "-m", "etl", "--seeds", str(seeds[n % len(seeds)])]
        command += ["build", "--db", str(db)]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode == 0:
            done.append(1)
        else:
            print(f"  build failed ({root}): {result.stderr[-300:]}", file=sys.stderr)
        n += 1
        stop.wait(max(0.0, every - (time.monotonic() - started)))


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else float("nan")


def _phase(urls: dict[str, str], sessions: int, seconds: float) -> dict[str, list[float]]:
    stop = threading.Event()
    times: dict[str, list[float]] = {name: [] for name in urls}
    threads = [
        threading.Thread(target=_session, args=(url, stop, times[name], i), daemon=True)
        for name, url in urls.items()
        for i in range(sessions)
    ]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout of the old code")
    parser.add_argument("--sessions", type=int, default=5, help="readers per server")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    parser.add_argument("--every", type=float, default=6.5, help="seconds between builds")
    parser.add_argument("--change", action="store_true", help="every build brings new data")
    args = parser.parse_args(argv)
    roots = {"before": args.before.resolve(), "now": ROOT}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds = [ROOT / "seeds"]
        if args.change:
            seeds.append(_changed_seeds(ROOT / "seeds", tmp / "seeds-changed"))
        dbs = {name: tmp / name / "monitor.duckdb" for name in roots}
        servers, urls = {}, {}
        try:
            for name, root in roots.items():
                dbs[name].parent.mkdir()
                # The first build draws the static charts; later ones reuse unchanged images.
                build = [sys.executable, "-m", "etl", "build", "--db", str(dbs[name])]
                subprocess.run(build, cwd=root, check=True, capture_output=True)
                env = {**os.environ, "MONITOR_DB": str(dbs[name])}
                command = [sys.executable, "-m", "monitor.serve"]
                servers[name], urls[name] = start_server(
                    command, env, tmp / f"{name}.log", cwd=root
                )
            _phase(urls, 1, 10)  # warm-up: imports and first caches
            quiet = _phase(urls, args.sessions, args.seconds)
            stop, done = threading.Event(), {name: [] for name in roots}
            builders = [
                threading.Thread(
                    target=_builder,
                    args=(root, dbs[name], seeds, args.every, stop, done[name]),
                    daemon=True,
                )
                for name, root in roots.items()
            ]
            for b in builders:
                b.start()
            busy = _phase(urls, args.sessions, args.seconds)
            stop.set()
            for b in builders:
                b.join(timeout=300)
        finally:
            for proc in servers.values():
                stop_server(proc)
    kind = "new data each build" if args.change else "same data each build"
    print(
        f"{args.sessions} readers per server, {args.seconds:.0f} s per phase, a build every "
        f"{args.every} s ({kind}); server time of a page run, ms"
    )
    print(f"{'code':<7} {'quiet p50':>9} {'quiet p95':>9} {'builds p50':>10} {'builds p95':>10}")
    for name in roots:
        print(
            f"{name:<7} {_p(quiet[name], 50):>9.0f} {_p(quiet[name], 95):>9.0f} "
            f"{_p(busy[name], 50):>10.0f} {_p(busy[name], 95):>10.0f}   "
            f"({len(quiet[name])} + {len(busy[name])} page runs, {len(done[name])} builds)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
