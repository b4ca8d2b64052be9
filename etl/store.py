"""Save step: write the tables to a new DuckDB file and swap it in atomically."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import gc
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from data_model.tables import (
    BUILD_INFO,
    BUILD_INPUTS,
    CONTENT_FINGERPRINT,
    INTERNAL_TABLES,
    TABLES,
    Table,
)
from database import write

#: A step run on the new file after it is written and before it replaces the old one.
Step = Callable[[Path], None]


def content_fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """SHA-256 of every table's rows but build_info's (its build time changes every build):
    the same curated data gives the same fingerprint, so the dashboard keeps its caches."""
    digest = hashlib.sha256()
    for name in sorted(frames):
        if name != BUILD_INFO.name:
            digest.update(name.encode())
            digest.update(frames[name].to_json(orient="split", date_format="iso").encode())
    return digest.hexdigest()


def release_freed() -> None:
    """Hand the memory of objects just let go back to the system. Python's allocator keeps
    it for Python objects, but the tables' Arrow buffers and DuckDB take theirs elsewhere, so
    without this a build's memory is the sum of its steps, not the largest of them."""
    gc.collect()
    # Not glibc (no malloc_trim): nothing to hand back this way.
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)


@contextmanager
def build_lock(db_path: Path) -> Iterator[None]:
    """Hold the lock of db_path's folder: one build at a time writes and swaps a database in
    it. The folder itself is locked, so no lock file is left behind; a lock held by a
    process that died is released by the system with it."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(db_path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_database(
    frames: dict[str, pd.DataFrame],
    db_path: Path,
    steps: Sequence[Step] = (),
    inputs: pd.DataFrame | None = None,
    internal: Sequence[tuple[Table, pd.DataFrame]] = (),
    fingerprint: str | None = None,
    carried_inputs: tuple[Path | None, list[str]] = (None, []),
) -> None:
    """Write every table to a temporary file beside db_path, run the later build `steps` on it
    (the charts), then replace db_path with it.

    The old file stays byte for byte as it was unless the whole write succeeds.
    `fingerprint`: the frames' content_fingerprint when the caller has it (it reads every
    row: seconds at 1000x the seeds). `carried_inputs`: the previous database and the
    curated files whose build_inputs rows are copied from it (etl.inputs.Inputs.reused).
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            for table in TABLES:
                write.create(con, table)
                write.insert(con, table, frames[table.name])
            for table in INTERNAL_TABLES:
                write.create(con, table)  # the rest filled below or by a later step
            fingerprint = fingerprint or content_fingerprint(frames)
            frames = {}  # written: this function holds them no longer (the steps need not)
            write.insert(con, CONTENT_FINGERPRINT, pd.DataFrame({"fingerprint": [fingerprint]}))
            # Joined once here so a filter change on the Statements page reads one table.
            write.write_statement_search(con)
            # And each figure with its metric, unit, phase, actor and article: the API's
            # indicator rows read one table, with no joins to plan on every request.
            write.write_indicator_rows(con)
            write.record_changes(con, db_path)
            write.create_citations_view(con)
            if inputs is not None:
                write.insert(con, BUILD_INPUTS, inputs, batch=50)  # whole files' text
                inputs = None
            previous, paths = carried_inputs
            if previous is not None:
                write.carry_inputs(con, previous, paths)
            for table, frame in internal:  # what the next build carries over
                write.insert(con, table, frame)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        for step in steps:
            step(tmp)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
