"""Dashboard load at the websocket level, as browsers make it: page runs/s, p95, CPU and memory.

    python bench/ws_load.py [--before /tmp/before-open] [--blank] [--page trends] [--seconds 8]

A client speaks Streamlit's own protocol, no browser: it opens /_stcore/stream, sends a
BackMsg `rerun_script` naming the page, reads ForwardMsgs until `script_finished`, closes
and starts again (a reader reloading back to back). Caches are warmed first. For 1, 2, 4, …
concurrent sessions it prints page runs per second, p50 and p95 of a run, the server's CPU
seconds per run, until p95 passes 5 s; then the memory an idle session holds. With
--before, the same figures for another worktree (e.g. `git worktree add /tmp/before-open
47f48ca`), interleaved with this one's in one run, against the same database file; with
--blank, bench/blank_app.py's too (the most a Streamlit page can do on this machine).
Nothing here is asserted: the figures are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.calibrate import calibration_line  # noqa: E402
from bench.page_load import BLANK_APP, start_server, stop_server  # noqa: E402

#: A page run slower than this is one a reader gives up on.
GIVE_UP_S = 5.0
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rerun(page: str, query: str) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = page
    return message.SerializeToString()


async def _one_run(ws_url: str, payload: bytes, keep: list | None = None) -> tuple[float, int]:
    """One session: connect, ask for the page, read until the script finished; (s, bytes)."""
    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started = time.perf_counter()
    received = 0
    socket = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None)
    try:
        await socket.send(payload)
        while True:
            data = await socket.recv()
            received += len(data)
            message = ForwardMsg()
            message.ParseFromString(data)
            if message.WhichOneof("type") == "script_finished":
                break
        took = time.perf_counter() - started
    finally:
        if keep is None:
            await socket.close()
        else:
            keep.append(socket)  # an idle session, held open to weigh its memory
    return took, received


async def _load(
    ws_url: str, payload: bytes, sessions: int, seconds: float, sizes: list[int] | None = None
) -> list[float]:
    stop = time.perf_counter() + seconds
    times: list[float] = []

    async def reader() -> None:
        while time.perf_counter() < stop:
            took, size = await _one_run(ws_url, payload)
            times.append(took)
            if sizes is not None:
                sizes.append(size)

    await asyncio.gather(*(reader() for _ in range(sessions)))
    return times


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


class Server:
    """One dashboard process under test: its URL, pid and the figures measured on it."""

    def __init__(self, name: str, root: Path, db: Path, log: Path, blank: bool = False) -> None:
        env = {**os.environ, "MONITOR_DB": str(db), "PYTHONPATH": str(root)}
        self.name = name
        self.payload: bytes | None = _rerun("", "") if blank else None
        command = (
            ["-m", "streamlit", "run", str(BLANK_APP)]
            if blank
            else ["-m", "streamlit", "run", "serve.py"]
        )
        self.proc, url = start_server([sys.executable, *command], env, log, cwd=root)
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.rows: list[str] = []
        self.saturated = False

    def measure(self, payload: bytes, sessions: int, seconds: float) -> None:
        if self.saturated:
            return
        payload = self.payload or payload
        cpu = _cpu_seconds(self.proc.pid)
        sizes: list[int] = []
        times = asyncio.run(_load(self.ws_url, payload, sessions, seconds, sizes))
        cpu = _cpu_seconds(self.proc.pid) - cpu
        p95 = _p95(times)
        self.saturated = p95 > GIVE_UP_S
        self.rows.append(
            f"{self.name:8} {sessions:>8} {len(times) / seconds:>8.1f} "
            f"{statistics.median(times):>7.2f} {p95:>7.2f} {cpu / max(len(times), 1):>8.3f}"
            f" {statistics.median(sizes) / 1000:>8.1f}"
        )
        print(self.rows[-1], flush=True)

    def memory_per_session(self, payload: bytes, sessions: int) -> float:
        payload = self.payload or payload

        async def hold() -> float:
            kept: list = []
            before = _rss_mb(self.proc.pid)
            for _ in range(sessions):
                await _one_run(self.ws_url, payload, kept)
            after = _rss_mb(self.proc.pid)
            for socket in kept:
                await socket.close()
            return (after - before) / sessions

        return asyncio.run(hold())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another worktree to measure side by side")
    parser.add_argument("--page", default="", help="page url path ('' is the Overview)")
    parser.add_argument("--query", default="", help="query string, e.g. section=Arrests")
    parser.add_argument("--seconds", type=float, default=8.0, help="per concurrency level")
    parser.add_argument("--max-sessions", type=int, default=32)
    parser.add_argument("--idle", type=int, default=20, help="sessions held to weigh memory")
    parser.add_argument("--db", type=Path, help="database file (built afresh if not given)")
    parser.add_argument(
        "--blank", action="store_true", help="also bench/blank_app.py: the ceiling on this machine"
    )
    args = parser.parse_args(argv)
    payload = _rerun(args.page, args.query)
    trees = {"after": ROOT} | ({"before": args.before} if args.before else {})
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from etl.build import build

            db = Path(tmp) / "monitor.duckdb"
            build(db)
        servers = [Server(n, r, db, Path(tmp) / f"{n}.log") for n, r in trees.items()]
        if args.blank:
            servers.append(Server("blank", ROOT, db, Path(tmp) / "blank.log", blank=True))
        try:
            for server in servers:  # warm: imports, caches, charts
                asyncio.run(_load(server.ws_url, server.payload or payload, 2, 3.0))
            print(calibration_line())
            print(f"page /{args.page}?{args.query}: {args.seconds:.0f} s per level; s")
            print(
                f"{'code':8} {'sessions':>8} {'runs/s':>8} {'p50':>7} {'p95':>7} {'cpu/run':>8} {'kB/run':>8}"
            )
            sessions = 1
            while sessions <= args.max_sessions and not all(s.saturated for s in servers):
                for server in servers:  # interleaved: the same machine load for both
                    server.measure(payload, sessions, args.seconds)
                sessions *= 2
            for server in servers:
                # Without a collection after every run, garbage must not pile up: the
                # process's whole memory after all the runs above, beside the idle sessions'.
                rss = _rss_mb(server.proc.pid)
                mb = server.memory_per_session(payload, args.idle)
                print(
                    f"{server.name}: {rss:.0f} MB after the runs; "
                    f"{mb:.2f} MB per idle session ({args.idle} held)"
                )
        finally:
            for server in servers:
                stop_server(server.proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
