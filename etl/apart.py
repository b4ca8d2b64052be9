"""Run a build step in a forked child process and take back its result: the records' stage's
memory goes back to the system when the child ends, before the database and charts are written.

Why a process and not streaming (issue 27, measured in docs/benchmarks.md, stop 42): reading,
validating and turning every record into rows holds ~480 MB of models at 1000x the seeds, and
Python's allocator keeps most of it as freed arenas after they are let go (an arena goes back
only when wholly empty), so every later step started from ~550-625 MB. The checks across
records (etl.validate, etl.consistency) read every model at once; streaming them file by file
is a rewrite of both. A child's whole address space is returned when it exits, whatever its
allocator kept; the parent gets only the tables (pickled into a file on disk, read once the
child has ended).
A fork, not a new interpreter: the child shares the imports' pages with the parent and starts
at once. Used only where `os.fork` exists and nothing forbids it (`wanted`).
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

T = TypeVar("T")
Report = Callable[[str], None] | None

#: Switched off by a caller that must run every step in its own process (or by a test
#: comparing both ways); a process keeping models between Saves never forks (`wanted`).
ENABLED = True


def wanted() -> bool:
    """Whether the records' stage runs in a child: a system that forks, and a process not
    keeping the records' models between Saves (etl.warm: a Save forked from it already ends
    with its records, and handing its tables back would cost the Save's time)."""
    from etl import inputs  # read now: a test may swap the kept models

    return ENABLED and hasattr(os, "fork") and not inputs.KEPT.files


def _send(out: BinaryIO, message: tuple[Any, ...]) -> None:
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _child(out: BinaryIO, spill: BinaryIO, work: Callable[[Report], T], report: Report) -> None:
    """Run `work`, sending each report line as it comes, then its error, or "done" once its
    result is in `spill`."""
    try:
        lines = (lambda line: _send(out, ("report", line))) if report else None
        result = work(lines)
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            data = pickle.dumps(("error", exc, traceback.format_exc()), pickle.HIGHEST_PROTOCOL)
        except Exception:  # an error that cannot be pickled: its words, at least
            failed = RuntimeError("the records' step failed")
            data = pickle.dumps(("error", failed, traceback.format_exc()))
        out.write(data)
        out.flush()
        return
    # Into a file, not the pipe: the parent reads it only once this process has ended, so
    # the two never hold the tables at once (through the pipe, at 1000x the seeds, the
    # process tree peaked at 1,104 MB while they were handed over).
    pickle.dump(result, spill, protocol=pickle.HIGHEST_PROTOCOL)
    spill.flush()
    _send(out, ("done",))


def run_apart(work: Callable[[Report], T], report: Report = None, folder: Path | None = None) -> T:
    """`work(report)` run in a forked child; its result, or its exception raised here (the
    child's traceback added as a note). Report lines reach `report` here as they are made.
    The result passes through a nameless temporary file in `folder` (the system's when None:
    give one on disk, not in memory, for a large result)."""
    read, write = os.pipe()
    with tempfile.TemporaryFile(dir=folder) as spill:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    _child(out, spill, work, report)  # type: ignore[arg-type]
                status = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        os.close(write)
        try:
            with os.fdopen(read, "rb") as answers:
                message = _receive(answers, report)
        finally:
            _, status = os.waitpid(pid, 0)  # its memory is the system's again
        if message is not None and message[0] == "done":
            spill.seek(0)
            return pickle.load(spill)
    if message is None:
        code = os.waitstatus_to_exitcode(status)
        raise RuntimeError(f"the records' step ended without an answer (exit status {code})")
    exc = message[1]
    exc.add_note(f"in the records' process:\n{message[2]}")
    raise exc


def _receive(answers: BinaryIO, report: Report) -> tuple[Any, ...] | None:
    """Report lines passed on until the result or error comes; None if the child died."""
    while True:
        try:
            message = pickle.load(answers)
        except (EOFError, pickle.UnpicklingError):
            return None
        if message[0] != "report":
            return message
        if report is not None:
            report(message[1])
