"""Save step: write the tables to a new DuckDB file and swap it in atomically."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import functools
import gc
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from data_model.tables import (
    BUILD_INFO,
    BUILD_INPUTS,
    CHART_IMAGES,
    CHART_KEYS,
    CHART_PARTS,
    CONTENT_FINGERPRINT,
    COVERAGE_NEEDS,
    INTERNAL_TABLES,
    TABLES,
    TRENDS_SECTIONS,
    Table,
)
from database import write
from etl import apart
from etl.carry import Runs

#: A step run on the new file after it is written and before it replaces the old one.
Step = Callable[[Path], None]


#: Rows of a table turned into JSON at once for its digest (table_digest).
DIGEST_ROWS = 2_000
#: How the JSON of a table of no rows ends (`to_json(orient="split")`): its rows go there.
_NO_ROWS = '"index":[],"data":[]}'


def table_digest(frame: pd.DataFrame) -> str:
    """SHA-256 of one table's rows (as JSON: every value, in order): the text of
    `frame.to_json(orient="split", date_format="iso")`, made DIGEST_ROWS rows at a time where
    the rows are numbered 0, 1, ... The whole text held at once, with its bytes, was +73 MB
    at 1000x the seeds for the statements (87,000 rows; 30 MB of JSON): where the digests
    are taken, as each table is made in the records' process (etl.build._Handing), that
    would sit on its highest point (issue 27). The same text, so the same digest."""
    digest = hashlib.sha256()
    head = frame.iloc[:0].to_json(orient="split", date_format="iso")
    if (
        len(frame) <= DIGEST_ROWS
        or not frame.index.equals(pd.RangeIndex(len(frame)))
        or not head.endswith(_NO_ROWS)
    ):
        digest.update(frame.to_json(orient="split", date_format="iso").encode())
        return digest.hexdigest()
    digest.update(head[: -len(_NO_ROWS)].encode())
    digest.update(f'"index":[{",".join(map(str, range(len(frame))))}],"data":['.encode())
    for start in range(0, len(frame), DIGEST_ROWS):
        rows = frame.iloc[start : start + DIGEST_ROWS].to_json(orient="values", date_format="iso")
        digest.update(f"{',' if start else ''}{rows[1:-1]}".encode())
    digest.update(b"]}")
    return digest.hexdigest()


def table_digests(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """table_digest of every table but build_info (its build time changes every build)."""
    return {name: table_digest(frame) for name, frame in frames.items() if name != BUILD_INFO.name}


def fingerprint_of(digests: dict[str, str]) -> str:
    """The content fingerprint made of the tables' digests (table_digests): one table's rows
    changed (the corrections a Save's reason logs) costs that table's digest, not all of them."""
    digest = hashlib.sha256()
    for name in sorted(digests):
        digest.update(f"{name}\0{digests[name]}\n".encode())
    return digest.hexdigest()


def content_fingerprint(frames: dict[str, pd.DataFrame]) -> str:
    """SHA-256 of every table's rows but build_info's: the same curated data gives the same
    fingerprint, so the dashboard keeps its caches."""
    return fingerprint_of(table_digests(frames))


def release_freed(collect: bool = True) -> None:
    """Hand the memory of objects just let go back to the system. Python's allocator keeps
    it for Python objects, but the tables' Arrow buffers and DuckDB take theirs elsewhere, so
    without this a build's memory is the sum of its steps, not the largest of them.

    Arrow's own pool keeps what it freed too: pandas holds a query's text columns as Arrow
    strings, and its pool (mimalloc) kept about 260 MB after the frames of every table of
    a 300x file were let go, until asked to give it back (release_unused: 458 -> 198 MB).
    `collect`: run the cyclic collector first (a step that freed no cycles can skip it)."""
    if collect:
        gc.collect()
    pa.default_memory_pool().release_unused()
    # Not glibc (no malloc_trim): nothing to hand back this way.
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(_libc()).malloc_trim(0)


@functools.cache
def _libc() -> str | None:
    """The C library's name, looked up once: find_library runs `ldconfig -p` in a new
    process each time (vforked: a memory sampler saw the build's memory twice, stop 42)."""
    return ctypes.util.find_library("c")


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


#: Tables a Save's copy of the previous file keeps as they are when the charts are all
#: copied whole (database.write.copy_charts_whole with in_place), and build_inputs, whose
#: rows of unchanged files stay (database.write.keep_inputs). Every other table is made anew.
_CHART_TABLES = frozenset(
    {CHART_PARTS.name, CHART_KEYS.name, TRENDS_SECTIONS.name, CHART_IMAGES.name}
)


def _reopened(con: Any, path: Path) -> Any:
    """A full build's writer on `path` checkpointed, closed and opened again: DuckDB's
    buffers, the blocks of every table just written and its allocator's pages, go back
    before the derived tables are made from those tables (issue 27, stop 48)."""
    write.checkpoint(con)
    con.close()
    release_freed(collect=False)
    return write.open_new(path)


def write_database(
    frames: dict[str, pd.DataFrame],
    db_path: Path,
    steps: Sequence[Step] = (),
    inputs: pd.DataFrame | Iterable[pd.DataFrame] | None = None,
    internal: Sequence[tuple[Table, pd.DataFrame]] = (),
    fingerprint: str | None = None,
    carried_inputs: tuple[Path | None, list[str]] = (None, []),
    carried_needs: tuple[Path | None, list[str]] = (None, []),
    runs: Runs | None = None,
    last: Callable[[Any, bool], None] | None = None,
    keep_charts: bool = False,
    shared: int = 0,
) -> None:
    """Write every table to a temporary file beside db_path, run the later build `steps` on it
    (the charts), then replace db_path with it. `frames` is emptied once written.

    The old file stays byte for byte as it was unless the whole write succeeds.
    `fingerprint`: the frames' content_fingerprint when the caller has it (it reads every
    row: seconds at 1000x the seeds). `carried_inputs`: the previous database and the
    curated files whose build_inputs rows are copied from it (etl.inputs.Inputs.reused).
    `carried_needs`: the previous database and the bodies whose coverage_needs rows are
    taken from it (database.write.EarlierNeeds: `internal` holds no rows of those).
    `runs`: the runs of rows of each data table, some copied from db_path as it is
    (etl.carry.Runs; `frames` holds only the rows made); `fingerprint` is then needed.
    `last`: a step run on the new file's connection once every table is written, inside a
    Save's transaction (the charts, when all are copied: etl.build), told whether the new
    file is a copy of db_path (below). `keep_charts`: a copy keeps the chart tables as they
    are for the charts step (database.write.store_rows keeps them when no chart changed, else
    empties them), as it does when `last` copies them whole. `shared`: how many of the first
    `steps` connect to the new file only as its writer does (write.open_new, same settings).

    A Save (some rows carried over) starts from a copy of db_path made by the file system,
    not from an empty file: the tables copied whole (etl.carry.Runs.unchanged), the derived
    tables made of them only, the charts when all are copied, the history of changes and
    versions (this build's rows added) and the unchanged files' build_inputs rows stay where
    they are, and every other table is dropped and written anew. Writing every table into an empty file had cost a Save at 1000x the seeds as much
    as the rest of it: its cost followed the corpus, not the change.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        plans = runs.for_write() if runs is not None else {}
        if plans and fingerprint is None:
            raise ValueError("rows carried over need the fingerprint")
        # Rows carried over: db_path is a file this code made (etl.carry), and the build
        # lock keeps it as the build read it. Every build checkpoints before its swap; a
        # log left beside it (a writer that died) is not in a copy of the file alone, so
        # then the Save writes an empty file as a full build does.
        in_place = bool(plans) and not db_path.with_name(db_path.name + ".wal").exists()
        if in_place:
            shutil.copyfile(db_path, tmp)
        con = write.open_new(tmp)
        try:
            if in_place:
                write.commit_into_file(con)
            # What a copy keeps: see the docstring. The rest is made as in an empty file.
            unchanged = runs.unchanged() if runs is not None else set()
            # Tables whose previous rows all come first, in order, then rows made (an
            # article's source added at the end of sources.yaml): the copy's rows stay.
            grown = runs.grown() if runs is not None and in_place else set()
            # Tables whose rows all stay where they are, a changed record's made again as
            # many (etl.carry.Runs.updated): changed in the copy where they are.
            updated = runs.updated() if runs is not None and in_place else {}
            kept: set[str] = set()
            if in_place:
                # The derived tables stay too: write_derived makes again only their rows
                # that this Save's change touches.
                kept = unchanged | {table.name for table in write.DERIVED_TABLES}
                kept |= {BUILD_INPUTS.name}
                # And the sentences that need coding: only a new body's are added, a body
                # gone loses its rows (database.write.keep_coverage_needs). Not by looking in
                # `internal`: it may be read once only (etl.build hands it as it loads it).
                kept |= {COVERAGE_NEEDS.name}
                kept |= set(write.HISTORY_KEPT)
                kept |= _CHART_TABLES if last is not None or keep_charts else set()
                write.drop_citations_view(con)

            def commit() -> None:
                """A Save writes in four transactions, not one per statement (at 100x the
                seeds, about a tenth of its write's CPU and half its wall time). Not in one:
                DuckDB holds a transaction's rows in memory until it commits, and one for
                the whole file raised a Save's peak at 1000x from 1.4 to 2.0 GB. A full build
                commits as it goes, as its memory needs."""
                if plans:
                    write.commit(con)
                    write.begin(con)

            if plans:
                write.begin(con)
            fingerprint = fingerprint or content_fingerprint(frames)
            # The keys of the rows made (not copied) of the tables the derived rows and the
            # change log are made of: only those can differ from the copy's
            # (database.write.renew_derived, record_changes).
            made: dict[str, list[str]] = {}
            with write.previous_attached(con, db_path if plans else None):
                for table in TABLES:
                    if table.name in kept:
                        frames.pop(table.name, None)
                        continue
                    # Each table let go once written (the caller's dict too, as it holds
                    # them for as long as this call runs), and handed back to the system:
                    # Arrow's pool, glibc and pymalloc keep it otherwise. At 1000x the seeds
                    # the frames (~250 MB) and what DuckDB took for their rows were held at
                    # once, this process's highest point (bench/build_memory.py).
                    # Read now if the records' process left it in its hand-over file.
                    frame = apart.loaded(frames.pop(table.name))
                    if in_place and table.name in write.KEYS_NOTED:
                        key = table.primary_key[0]
                        made[table.name] = (
                            frame[key].astype(str).tolist() if key in frame.columns else []
                        )
                    if table.name in grown:  # the rows made follow the copy's
                        write.insert(con, table, frame)
                    elif table.name not in updated or not write.update_runs(
                        con, table, frame, updated[table.name]
                    ):  # else the copy's rows stay, those made again changed where they are
                        copies = table.name in plans
                        write.create(con, table, replace=in_place, keyed=not copies)
                        if copies:  # its key added once its rows are in
                            write.insert_runs(con, table, frame, plans[table.name])
                            write.add_key(con, table)
                        else:
                            write.insert(con, table, frame)
                    del frame
                    release_freed(collect=False)  # no cycles: a frame goes by its count
            for table in INTERNAL_TABLES:
                if table.name not in kept:  # the rest filled below or by a later step
                    write.create(con, table, replace=in_place)
            frames.clear()
            write.insert(con, CONTENT_FINGERPRINT, pd.DataFrame({"fingerprint": [fingerprint]}))
            # Joined once here so a filter change on the Statements page reads one table;
            # and each figure with its metric, unit, phase, actor and article: the API's
            # indicator rows read one table, with no joins to plan on every request. A Save
            # copies each whose tables were all copied whole.
            commit()  # the data tables
            if not plans:
                con = _reopened(con, tmp)
            # A full build's DuckDB lets the tables' cached blocks go first while it derives
            # tables and writes the files' texts (not a Save's transaction: its rows wait in
            # memory for its commit; nor carry_inputs below: copying texts needs the more).
            with write.derive_capped(con) if not plans else contextlib.nullcontext():
                write.write_derived(con, db_path if plans else None, unchanged, in_place, made)
                write.record_changes(con, db_path, unchanged, in_place, made)
                write.create_citations_view(con)
                previous, paths = carried_inputs
                if in_place:  # before the files read afresh are inserted: those rows go
                    write.keep_inputs(con, paths if previous is not None else [])
                # Whole files' text, a few at a time (etl.inputs.Inputs.frames: each frame
                # holds at most 50 texts, and any number of rows without one).
                whole = isinstance(inputs, pd.DataFrame)
                with write.checkpointed_once(con) if not plans else contextlib.nullcontext():
                    for part in [inputs] if whole else inputs or ():
                        batch = 50 if whole else max(len(part), 1)
                        write.insert(con, BUILD_INPUTS, part, batch=batch)
                inputs = None
            if previous is not None and not in_place:
                # Outside the Save's transaction, committed on its own: every file's text
                # held with the rest until one commit ran out of the memory cap at 1000x.
                if plans:
                    write.commit(con)  # the derived tables, the change log, inputs made
                write.carry_inputs(con, previous, paths)
                if plans:
                    write.begin(con)
            # In a Save the copy's rows of bodies kept stay (database.write.NeedsKept); else
            # those of the bodies the previous file held are copied from it, in SQL.
            needs_from, needs_of = carried_needs
            if needs_from is not None and needs_of and not in_place:
                if plans:  # attached outside the Save's transaction, as carry_inputs is
                    write.commit(con)
                write.carry_needs(con, needs_from, needs_of)
                if plans:
                    write.begin(con)
            needs = write.NeedsKept(con, needs_of) if in_place else None
            for table, frame in internal:  # what the next build carries over
                if needs is not None and table.name == COVERAGE_NEEDS.name:
                    needs.add(frame)
                else:
                    write.insert(con, table, frame)
            if needs is not None:
                needs.finish()
            if last is not None:
                commit()  # the inputs copied
                last(con, in_place)
            if plans:
                write.commit(con)
            write.checkpoint(con)
            # A Save's first `shared` steps (its reason step, its fingerprint) reconnect to
            # the file as its writer: with this connection kept open they share its database,
            # as kept_open shares the previous file's, and do not open it again (about 18 ms
            # of CPU each, stop 44). Closed before the rest: DuckDB lets no reader attach a
            # file another database in the process holds open for writing (the charts').
            for step in steps[:shared] if in_place else ():
                step(tmp)
        finally:
            con.close()
        for step in steps[shared:] if in_place else steps:
            step(tmp)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
