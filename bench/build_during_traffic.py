"""Page runs while new builds replace the database every few seconds, old code and new side by side: prints figures.

    git archive 47f48ca | tar -x -C /tmp/before      # the code to compare against
    python bench/build_during_traffic.py --before /tmp/before [--change]

Two servers run at once, one per checkout, each on its own database file, so both share
the machine's load. --sessions clients per server (raw websockets, no browser: the browser
does not touch the server's caches) each load the pages in turn and time the server's
script run, from the rerun request to `script_finished`. Two phases of --seconds each:
quiet, then with a new database version swapped in every --every seconds, the way a build
ends (a copy beside the file, then os.replace). The versions are built beforehand by each
checkout's own `python -m etl build`, so the figures show what readers pay for a new
version, not the build's own CPU (on a shared machine that would swamp them). Without
--change every version has the same data (a routine rebuild); with it, each version has
new data (one reporter's name changed, differently each time).
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

from tests.serving import start_server, stop_server  # noqa: E402

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


def _seeds_variant(seeds: Path, target: Path, n: int) -> Path:
    """A copy of the seeds with one reporter's name changed: new content, same articles."""
    shutil.copytree(seeds, target)
    sources = target / "curated" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("reporter: Hong Menea", f"reporter: Hong M. {n}"), "utf-8")
    return target


def _versions(root: Path, seeds: list[Path], folder: Path) -> list[Path]:
    """One database file per seeds folder, built by the code at root; built over one path
    in turn so each build reuses the static images it can, as successive builds do."""
    work = folder / "monitor.duckdb"
    files = []
    for n, seed in enumerate(seeds):
        command = [sys.executable, "-m", "etl", "--seeds", str(seed), "build", "--db", str(work)]
        subprocess.run(command, cwd=root, check=True, capture_output=True)
        files.append(folder / f"version-{n}.duckdb")
        shutil.copyfile(work, files[-1])
    return files


def _replacer(
    db: Path, versions: list[Path], every: float, stop: threading.Event, done: list[int]
) -> None:
    """Swap the next version in every `every` seconds, as the build's last step does."""
    n = 1
    while not stop.wait(every):
        staged = db.with_name(f".{db.name}.staged")
        shutil.copyfile(versions[n % len(versions)], staged)
        os.replace(staged, db)
        done.append(1)
        n += 1


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
    parser.add_argument("--every", type=float, default=6.5, help="seconds between versions")
    parser.add_argument("--change", action="store_true", help="every version has new data")
    args = parser.parse_args(argv)
    roots = {"before": args.before.resolve(), "now": ROOT}
    swaps = int(args.seconds / args.every) + 1
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.change:  # every version new data
            seeds = [_seeds_variant(ROOT / "seeds", tmp / f"seeds-{n}", n) for n in range(swaps)]
        else:  # two builds of the same data: new files, same content
            seeds = [ROOT / "seeds"] * 2
        servers, urls, versions, dbs = {}, {}, {}, {}
        try:
            for name, root in roots.items():
                (tmp / name).mkdir()
                versions[name] = _versions(root, seeds, tmp / name)
                dbs[name] = tmp / name / "served.duckdb"
                shutil.copyfile(versions[name][0], dbs[name])
                env = {**os.environ, "MONITOR_DB": str(dbs[name])}
                command = [sys.executable, "-m", "streamlit", "run", "serve.py"]
                servers[name], urls[name] = start_server(
                    command, env, tmp / f"{name}.log", cwd=root
                )
            _phase(urls, 1, 10)  # warm-up: imports and first caches
            quiet = _phase(urls, args.sessions, args.seconds)
            stop, done = threading.Event(), {name: [] for name in roots}
            replacers = [
                threading.Thread(
                    target=_replacer,
                    args=(dbs[name], versions[name], args.every, stop, done[name]),
                    daemon=True,
                )
                for name in roots
            ]
            for r in replacers:
                r.start()
            busy = _phase(urls, args.sessions, args.seconds)
            stop.set()
            for r in replacers:
                r.join(timeout=60)
        finally:
            for proc in servers.values():
                stop_server(proc)
    kind = "new data each version" if args.change else "same data each version"
    print(
        f"{args.sessions} readers per server, {args.seconds:.0f} s per phase, a new version every "
        f"{args.every} s ({kind}); server time of a page run, ms"
    )
    print(f"{'code':<7} {'quiet p50':>9} {'quiet p95':>9} {'swaps p50':>10} {'swaps p95':>10}")
    for name in roots:
        print(
            f"{name:<7} {_p(quiet[name], 50):>9.0f} {_p(quiet[name], 95):>9.0f} "
            f"{_p(busy[name], 50):>10.0f} {_p(busy[name], 95):>10.0f}   "
            f"({len(quiet[name])} + {len(busy[name])} page runs, {len(done[name])} new versions)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
