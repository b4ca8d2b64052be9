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
Each DataFrame in the result is pickled on its own (`_Spill`): a pickler's memo holds every
object it has written until it ends, and the tables' millions of cells in one pickle took the
child from 635 to 773 MB at 1000x the seeds (docs/benchmarks.md, stop 43).
A table made in the child may be written to that file as soon as it is made (`keep`: the
records' stage gives every table to it), so the tables are never all held there at once with
the records' models they are made from (issue 27's "stream through transformation": at 1000x
the seeds, the child's highest point was every table and every model at once). One the
parent writes late may stay in that file until it is wanted (`later`): the parent then
never holds it beside the rest.
A fork, not a new interpreter: the child shares the imports' pages with the parent and starts
at once. Used only where `os.fork` exists and nothing forbids it (`wanted`).
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import pandas as pd

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


@dataclass(frozen=True)
class Kept:
    """A table already written to the child's spool (`keep`), by its number there: what the
    result holds in its place until the parent reads it back (`unspill`)."""

    number: int


class _Handed:
    """The file a child's result came through, kept open while a table in it is `Later`."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file

    def __del__(self) -> None:
        self.file.close()


@dataclass(frozen=True)
class Later:
    """A table the child wrote out (`later`), left in the file it was handed back through
    until it is needed (`loaded`): the parent does not hold it from the hand-over on."""

    handed: _Handed
    at: int

    def load(self) -> pd.DataFrame:
        self.handed.file.seek(self.at)
        return _frame(self.handed.file)


def loaded(frame: pd.DataFrame | Later) -> pd.DataFrame:
    """The table itself, read now if it was left in the hand-over's file (`later`)."""
    return frame.load() if isinstance(frame, Later) else frame


class _Spool:
    """The tables a child's work gave to `keep`, written to a nameless file as they come;
    of those given to `later`, where each starts and ends in it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.count = 0
        self.later: dict[int, tuple[int, int]] = {}

    def put(self, frame: pd.DataFrame, later: bool = False) -> Kept:
        start = self.file.tell()
        _write_frame(frame, self.file)
        if later:
            self.later[self.count] = (start, self.file.tell())
        self.count += 1
        return Kept(self.count - 1)


#: The spool of the child running now (`_child`); empty in any other process.
_SPOOL: list[_Spool] = []


def keep(frame: pd.DataFrame) -> Any:
    """The table, or, in a child run_apart started, its place in the file it is handed back
    through, written now (so it is not held here): the parent gets the table itself. Only
    for a table nothing in the child reads again."""
    return _SPOOL[0].put(frame) if _SPOOL else frame


def later(frame: pd.DataFrame) -> Any:
    """As `keep`, and the parent gets it as `Later`: read from the hand-over's file only
    when `loaded`, not with every table at the hand-over (a table the parent writes last: at
    1000x the seeds, build_inputs' packed texts, 36 MB, were held through its writing of
    the derived tables, its highest point, issue 27)."""
    return _SPOOL[0].put(frame, later=True) if _SPOOL else frame


class _Spill(pickle.Pickler):
    """Pickles a result with each DataFrame in it named by its number and set aside
    (`frames`), to be written on its own (`spill`): a pickler's memo holds every object it
    has written until it ends, so the memo is then one table's at a time, not every table's.
    Numbers from `first` on: those before are the tables already spooled (`Kept`)."""

    def __init__(self, out: BinaryIO, first: int = 0) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.frames: list[pd.DataFrame] = []
        self.first = first

    def persistent_id(self, obj: Any) -> int | None:
        if type(obj) is Kept:
            return obj.number
        if type(obj) is not pd.DataFrame:
            return None
        self.frames.append(obj)
        return self.first + len(self.frames) - 1


class _Unspill(pickle.Unpickler):
    """Reads a result _Spill pickled, its DataFrames given by number."""

    def __init__(self, out: BinaryIO, frames: list[pd.DataFrame]) -> None:
        super().__init__(out)
        self.frames = frames

    def persistent_load(self, pid: Any) -> pd.DataFrame:
        return self.frames[pid]


#: Rows of a table pickled at once: the memo then holds a slice's cells, not a table's (the
#: largest table, 87,000 statements at 1000x the seeds, was +35 MB of memo in one pickle).
#: 2,000, not 10,000: the 27,000 indicators' slices were +6 MB to the records' process at
#: 1000x the seeds, kept by its allocator through its highest point (issue 27).
SLICE = 2_000


def _write_frame(frame: pd.DataFrame, out: BinaryIO) -> None:
    """One DataFrame in slices of at most SLICE rows, each its own pickle (`_frame`)."""
    # Sliced only where the rows are numbered 0, 1, ...: those read back as they were.
    numbered = frame.index.equals(pd.RangeIndex(len(frame)))
    starts = range(0, len(frame), SLICE) if numbered and len(frame) > SLICE else [0]
    pickle.dump(len(starts), out, protocol=pickle.HIGHEST_PROTOCOL)
    for start in starts:
        part = frame.iloc[start : start + SLICE] if len(starts) > 1 else frame
        pickle.dump(part, out, protocol=pickle.HIGHEST_PROTOCOL)


def spill(
    result: Any, out: BinaryIO, folder: Path | None = None, spool: _Spool | None = None
) -> None:
    """Write `result` to `out`: how many DataFrames it holds, each of them in slices of at
    most SLICE rows, each slice its own pickle, then the rest (`unspill` reads it back).
    The tables already in `spool` come first, copied from its file. The rest is pickled
    first, into a nameless file in `folder` (it may hold every curated file's packed text:
    not held twice in memory)."""
    spooled = spool.count if spool is not None else 0
    with tempfile.TemporaryFile(dir=folder) as rest:
        pickler = _Spill(rest, spooled)
        pickler.dump(result)
        pickle.dump(spooled + len(pickler.frames), out, protocol=pickle.HIGHEST_PROTOCOL)
        # Where each `later` table is in the spool's copy, which follows at once.
        pickle.dump(spool.later if spool else {}, out, protocol=pickle.HIGHEST_PROTOCOL)
        if spool is not None:
            spool.file.seek(0)
            shutil.copyfileobj(spool.file, out)
        for frame in pickler.frames:
            _write_frame(frame, out)
        pickler.frames.clear()
        rest.seek(0)
        shutil.copyfileobj(rest, out)


def _frame(out: BinaryIO) -> pd.DataFrame:
    """One DataFrame `spill` wrote, its slices joined."""
    parts = [pickle.load(out) for _ in range(pickle.load(out))]
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def unspill(out: BinaryIO, handed: _Handed | None = None) -> Any:
    """What `spill` wrote to `out`, read from its start; a `later` table as `Later` (its
    place in `handed`, which holds `out` open) when `handed` is given, else read now."""
    count = pickle.load(out)
    places = pickle.load(out)
    base = out.tell()  # the spool's copy: a pickle is read to its end, not beyond
    frames: list[Any] = []
    for number in range(count):
        if number in places and handed is not None:
            frames.append(Later(handed, base + places[number][0]))
            out.seek(base + places[number][1])
        else:
            frames.append(_frame(out))
    return _Unspill(out, frames).load()


def _child(
    out: BinaryIO, into: BinaryIO, work: Callable[[Report], T], report: Report, folder: Path | None
) -> None:
    """Run `work`, sending each report line as it comes, then its error, or "done" once its
    result is in `into`."""
    with tempfile.TemporaryFile(dir=folder) as spooled:
        spool = _Spool(spooled)
        _SPOOL[:] = [spool]
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
        finally:
            _SPOOL.clear()
        # Into a file, not the pipe: the parent reads it only once this process has ended,
        # so the two never hold the tables at once (through the pipe, at 1000x the seeds,
        # the process tree peaked at 1,104 MB while they were handed over).
        spill(result, into, folder, spool)
    into.flush()
    _send(out, ("done",))


def run_apart(work: Callable[[Report], T], report: Report = None, folder: Path | None = None) -> T:
    """`work(report)` run in a forked child; its result, or its exception raised here (the
    child's traceback added as a note). Report lines reach `report` here as they are made.
    The result passes through a nameless temporary file in `folder` (the system's when None:
    give one on disk, not in memory, for a large result)."""
    read, write = os.pipe()
    # Closed when the last table left in it (`Later`) is let go, or at once if none is.
    holder = _Handed(tempfile.TemporaryFile(dir=folder))  # noqa: SIM115 (outlives this call)
    handed = holder.file
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        status = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                _child(out, handed, work, report, folder)  # type: ignore[arg-type]
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
        handed.seek(0)
        return unspill(handed, holder)
    handed.close()
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
