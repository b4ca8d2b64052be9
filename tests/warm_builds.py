"""The warm build processes (etl.warm) the tests' studios start: on a socket of this test
process's own, so that the run stops every one it started when it ends, and never a studio's
that a developer has open in the same checkout. (A warm process left behind waited 15 minutes
idle before it exited.)"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import time
from pathlib import Path


def own_socket() -> Path:
    """The socket for this test process's warm builds (each xdist worker has its own)."""
    return Path(tempfile.gettempdir()) / f"etl-warm-test-{os.getpid()}.sock"


def running(path: Path) -> list[int]:
    """The warm build processes serving `path` (the server and any Save forked from it); a
    process that has ended but is not yet reaped has no command line and is not counted."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            args = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
        except OSError:  # ended meanwhile
            continue
        # `python -m etl.warm SOCKET [SEEDS DB]`: the corpus it keeps warm may follow.
        at = next(
            (i for i in range(len(args) - 2) if args[i : i + 2] == [b"-m", b"etl.warm"]), None
        )
        if at is not None and args[at + 2] == os.fsencode(path):
            found.append(int(entry))
    return found


def stop(path: Path, wait: float = 15.0) -> None:
    """Stop every warm build process serving `path` and wait until they are gone (killed if
    they outlast `wait`); the server removes its socket as it stops, and its lock file goes
    too."""
    pids = running(path)
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + wait
    delay = 0.01
    while (left := [p for p in pids if p in running(path)]) and time.monotonic() < deadline:
        time.sleep(delay)  # polled, the delay doubling: a server stops within a few ms
        delay = min(delay * 2, 0.2)
    for pid in left:
        _signal(pid, signal.SIGKILL)
    Path(f"{path}.lock").unlink(missing_ok=True)  # the server's own, kept while it lives


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):  # ended meanwhile
        os.kill(pid, sig)
