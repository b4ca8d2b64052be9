"""A warm build process for the studio's Saves: `python -m etl` commands run in a fork of a
process that has already imported the build, so a Save does not pay the interpreter's start-up.

The server (`python -m etl.warm`, started when the studio opens, or by the first `run` that
finds none) imports the
build once, then listens on a Unix socket private to this user and checkout. Each request is
one command line (the arguments of `python -m etl`, the caller's folder and environment); a
fresh fork runs `etl.__main__.main` on it and answers with its exit status and output. A fork
holds no state from an earlier Save: it reads the inputs and the previous database as a new
process would, so the file is the one `python -m etl build` makes, swapped in the same atomic
way, and two Saves at once are ordered by the build's own lock (etl.store.build_lock).

One thing is kept between Saves: the models of every curated file's records (etl.inputs.KEPT,
by the file's path, bytes and the code version). Before it forks for a build, the server parses
the curated files of that build's corpus whose bytes it has not parsed (one or two after a Save;
every file once, when it starts with the corpus to warm); the fork takes the rest as they are
(copy-on-write: a fork changes nothing the next one sees), and adds the server's CPU for them to
its own. At 1000x the seeds the models are about 0.5 GB, held once.

A server whose code is not the code on disk (etl.inputs.code_version: the build's packages,
the catalogues, the lock file) answers "stale" and stops; `run` then starts a new one. A
server idle for `IDLE_SECONDS` exits. `run` returns None when no server can be reached, and
the caller runs the command in a new process instead.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import io
import json
import os
import resource
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
#: An idle server exits after this long; the next Save starts another.
IDLE_SECONDS = 15 * 60
#: How long a caller waits for a server it started to listen (imports under load).
START_SECONDS = 120.0
STALE = "stale"
#: Names the socket of another server than the checkout's (socket_path).
SOCKET_VARIABLE = "ETL_WARM_SOCKET"


class Answer(NamedTuple):
    """What a command run by the server did: as a new process would exit and print, with the
    fork's own CPU seconds and peak memory (a fork's counters start at zero)."""

    code: int
    stdout: str
    stderr: str
    cpu: float
    peak_mb: float
    #: The input's problems, each corpus.problems.Problem.as_list (file, record, field,
    #: message, and the template and values a studio in another language says it by).
    problems: list[list[object]]


def socket_path(root: Path = ROOT) -> Path:
    """The socket of this checkout's server for this user (short: a Unix socket path is
    limited to about 100 bytes); SOCKET_VARIABLE names another (the tests' own, which they
    stop when they end: tests/warm_builds.py)."""
    if named := os.environ.get(SOCKET_VARIABLE):
        return Path(named)
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"etl-warm-{os.getuid()}-{digest}.sock"


def _run_command(request: dict[str, Any], started_code: str) -> dict[str, Any]:
    """Run one command line in this (forked) process, as `python -m etl` would."""
    from corpus.problems import Problem
    from etl.__main__ import main
    from etl.inputs import code_version

    if code_version(ROOT) != started_code:
        return {"status": STALE}
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    out, err = io.StringIO(), io.StringIO()
    problems: list[Problem] = []
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(request["argv"], problems)
        except SystemExit as exc:  # argparse's refusals
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # noqa: BLE001 - answered, as a new process would print it
            import traceback

            traceback.print_exc()
            code = 1
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "status": "done",
        "code": code,
        "stdout": out.getvalue(),
        "stderr": err.getvalue(),
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
        "problems": [p.as_list() for p in problems],
    }


class _Server(socketserver.ForkingMixIn, socketserver.UnixStreamServer):
    """One fork per request; the idle timer runs in the parent."""

    code = ""
    lock = -1
    last = 0.0
    stop = False
    #: The request being served, read before the fork, and the CPU seconds the server spent
    #: on it (the models it parsed for it: _keep).
    body = b""
    kept_cpu = 0.0

    def process_request(self, request: Any, client_address: Any) -> None:
        """Read the request and keep the models of its corpus's files up to date, then fork."""
        started = time.process_time()
        self.body = _read_request(request)
        if self.body:
            _keep(self.body, self.code)
        self.kept_cpu = time.process_time() - started
        super().process_request(request, client_address)

    def handle_timeout(self) -> None:
        super().handle_timeout()  # reaps finished forks
        if time.monotonic() - self.last > IDLE_SECONDS and not self.active_children:
            self.stop = True


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        server: _Server = self.server  # type: ignore[assignment]
        # A fork keeps neither the server's lock nor its socket: a Save still running after
        # its server stopped would keep a new server from starting, or take calls it never
        # answers.
        os.close(server.lock)
        server.socket.close()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a Save stopped is not a Save done
        body = server.body  # read by the server before it forked
        if not body:  # `ensure` asking whether anyone listens
            return
        request = json.loads(body.decode("utf-8"))
        answer = _run_command(request, server.code)
        if "cpu" in answer:  # what the server spent on this build's models is the build's
            answer["cpu"] += server.kept_cpu
        self.wfile.write(json.dumps(answer).encode("utf-8"))
        if answer["status"] == STALE:
            # The parent's imports are out of date: no new request reaches it, and it stops.
            Path(server.server_address).unlink(missing_ok=True)  # type: ignore[arg-type]
            os.kill(os.getppid(), signal.SIGTERM)


def _read_request(request: socket.socket, wait: float = 10.0) -> bytes:
    """The whole request (the caller shuts its side once sent); empty if none came in time."""
    request.settimeout(wait)
    chunks = []
    try:
        while chunk := request.recv(65536):
            chunks.append(chunk)
    except OSError:
        return b""
    finally:
        request.settimeout(None)
    return b"".join(chunks)


def _build_paths(argv: list[str], cwd: str) -> tuple[Path, Path] | None:
    """The corpus folder a `python -m etl build` command line reads and the database it
    replaces, as the command line's own parser reads them; None for another command."""
    from etl.__main__ import parser

    try:
        args = parser().parse_args(argv)
    except SystemExit:  # not a command line the build runs: the fork reports it
        return None
    if args.command != "build":
        return None
    return Path(cwd) / args.seeds, Path(cwd) / args.db


def _keep(body: bytes, code: str) -> None:
    """Parse the files of the request's corpus whose models are not kept as they are now
    (etl.inputs.KeptModels.refresh), under the code this server imported (`code`: a fork
    of a server whose code is not the code on disk builds nothing). Never fails a Save:
    anything wrong, and nothing is kept (the fork then parses every file itself, as a new
    process would)."""
    from etl.inputs import KEPT

    try:
        request = json.loads(body.decode("utf-8"))
        paths = _build_paths(list(request["argv"]), str(request["cwd"]))
        if paths is not None:
            seeds, db = paths
            KEPT.refresh(seeds, code, db)
            # Long-lived: out of the collector's passes, here and in every fork.
            gc.freeze()
    except Exception:  # noqa: BLE001 - a cache: its failure costs time, never a Save
        KEPT.clear()


def _lock(path: Path, wait: float = 10.0) -> int | None:
    """Hold the server's lock for the life of this process (the descriptor holding it); None
    if another server kept it for `wait` seconds (it is serving; a stale one lets go as it
    stops)."""
    fd = os.open(f"{path}.lock", os.O_CREAT | os.O_RDWR, 0o600)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd  # left open: the lock lasts as long as this process
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                return None
            time.sleep(0.05)


def serve(path: Path, seeds: Path | None = None, db: Path | None = None) -> int:
    """Import the build, then answer requests on `path` until idle; 0 if another server
    holds the socket already. `seeds`: a corpus whose files' models to keep before the
    first request (as the studio opens: not on a Save's clock), `db` the database it is
    built into (its files' JSON is parsed faster than their YAML).

    Nothing else is warmed but the locale data: a throwaway build of the seeds in the server
    before it forks was measured to leave a fork's CPU as it was (1.2-1.3 s at 1x either way)."""
    lock = _lock(path)
    if lock is None:
        return 0
    # What every Save would import: the command line, the build (which the command line
    # imports only when it runs) and its chart step.
    import etl.__main__  # noqa: F401
    import etl.build  # noqa: F401
    import etl.chart_rows  # noqa: F401
    from etl.build import load_locale_data
    from etl.inputs import code_version

    # Loaded once here, not in every fork: each Save's build loads them first (about 18 ms of
    # CPU at any scale, stop 44), and they are the same for every Save.
    load_locale_data()

    code = code_version(ROOT)
    if seeds is not None:
        argv = ["--seeds", str(seeds), "build", *(["--db", str(db)] if db else [])]
        _keep(json.dumps({"argv": argv, "cwd": os.getcwd()}).encode(), code)
    path.unlink(missing_ok=True)
    old = os.umask(0o077)  # the socket runs builds: this user only
    try:
        server = _Server(str(path), _Handler)
    finally:
        os.umask(old)
    server.code, server.lock, server.last, server.timeout = code, lock, time.monotonic(), 5.0
    # Stopped by a signal, the server still removes its socket (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while not server.stop:
            server.handle_request()
            if server.active_children:
                server.last = time.monotonic()
    finally:
        server.server_close()
        path.unlink(missing_ok=True)
    return 0


def _ask(path: Path, request: bytes) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(str(path))
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return json.loads(b"".join(chunks).decode("utf-8"))


def start(path: Path, seeds: Path | None = None, db: Path | None = None) -> subprocess.Popen[bytes]:
    """Start a server on `path`, with the models of `seeds`'s files (built into `db`) kept
    before it listens; it exits soon if another already holds the socket."""
    keep = [str(p.resolve()) for p in (seeds, db) if p is not None and seeds is not None]
    return subprocess.Popen(  # noqa: S603 - our own command line, no shell
        [sys.executable, "-m", "etl.warm", str(path), *keep],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # outlives the studio's page run; exits when idle
    )


def run(argv: list[str], path: Path | None = None) -> Answer | None:
    """(exit status, stdout, stderr) of `python -m etl *argv` run by the warm server,
    starting it if none listens; None if it cannot be reached (run it in a new process)."""
    path = path or socket_path()
    request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    for _ in range(2):  # a stale server stops itself; the second try starts a fresh one
        try:
            answer = _ask(path, request)
        except (FileNotFoundError, ConnectionRefusedError):
            answer = _after_start(path, request)
        except (OSError, ValueError):
            return None
        if answer is None:
            return None
        if answer["status"] != STALE:
            return Answer(*(answer[k] for k in Answer._fields))
    return None


def ensure(path: Path | None = None, seeds: Path | None = None, db: Path | None = None) -> None:
    """Start a server unless one listens, keeping the models of `seeds`'s files (built into
    `db`); never waits for it."""
    path = path or socket_path()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(path))
    except OSError:
        start(path, seeds, db)


def _after_start(path: Path, request: bytes) -> dict[str, Any] | None:
    """Start a server and ask it, polling until it listens; None if it died or never did."""
    proc = start(path)
    deadline = time.monotonic() + START_SECONDS
    delay = 0.02
    while time.monotonic() < deadline:
        try:
            return _ask(path, request)
        except (FileNotFoundError, ConnectionRefusedError):
            if proc.poll() not in (None, 0):
                return None
        except (OSError, ValueError):
            return None
        time.sleep(delay)  # the server is importing the build
        delay = min(delay * 2, 0.2)
    return None


if __name__ == "__main__":
    sys.exit(serve(*(Path(arg) for arg in sys.argv[1:4])))
