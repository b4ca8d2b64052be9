"""Where a full build's memory peaks (issue 27): resident memory at each build step of one full build, in-process, at a synthetic scale; or full builds of two checkouts side by side.

Builds the synthetic corpus (bench/synthetic.py) at --scale (or reads --seeds), then runs one
full `etl build --no-images` in this process with the build's steps wrapped: each step's
resident memory (RSS) as it starts and ends and the highest RSS seen while it ran (a thread
reads /proc/self/statm every 5 ms). A step's figures include the steps it calls. Linux only.

`--side-by-side OTHER`: full builds (`python -m etl build --no-images`, each in a new process,
with that checkout's own venv) of this checkout and OTHER in turn, at each of --scales,
--runs times each; the median wall and CPU seconds and peak RSS of each, in one table (the
peak of the largest of a build's processes, as wait4 gives it, not their sum: the in-process
run above gives the tree's, sampled together).
Run by hand, never imported.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.synthetic import make_corpus, snapshot  # noqa: E402

#: (module, function): the steps watched, in the order a build runs them ("Class.method" for
#: a method). A name missing from a module (another version of the build) is skipped. The
#: coverage accounting is a generator iterated inside the records' stage (etl.build._accounts):
#: its memory shows in _tables_alone's.
STEPS = (
    ("etl.build", "_tables_alone"),
    ("etl.build", "read_inputs"),
    ("etl.build", "validate"),
    ("etl.build", "runs_for"),
    ("etl.build", "frames_for"),
    ("etl.build", "stream_tables"),
    ("etl.check_carry", "CheckCarry.__call__"),
    ("etl.apart", "spill"),
    ("etl.build", "stamp_version"),
    ("etl.build", "write_database"),
    ("database.write", "write_derived"),
    ("database.write", "write_statement_search"),
    ("database.write", "record_changes"),
    ("database.write", "checkpoint"),
    ("etl.chart_rows", "make_charts"),
    ("etl.chart_rows", "store_charts"),
)

PAGE = os.sysconf("SC_PAGE_SIZE")
#: The bench's own process (a forked child's steps are logged to a file instead).
MAIN = [os.getpid()]
#: One key per step as it runs (nested steps each their own).
_KEYS = itertools.count()
#: The watch of this process; a forked child gets one of its own (its lock and thread).
WATCHES: list[Any] = []


def rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def _tree(pid: int) -> list[int]:
    """`pid` and every process it started, and theirs (a build may fork: etl.apart)."""
    found, todo = [], [pid]
    while todo:
        now = todo.pop()
        found.append(now)
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{now}/task"):
                with open(f"/proc/{now}/task/{task}/children") as f:
                    todo += [int(p) for p in f.read().split()]
    return found


def _hwm_mb() -> float:
    """This process's highest RSS (VmHWM): a forked child's own, whatever it ran."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _private_mb(pid: int) -> float:
    """The pages `pid` alone maps (Private_Clean and Private_Dirty): a forked child's
    pages still shared with its parent are not among them."""
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1])
    return total / 1024


def tree_mb(pid: int, private: bool = False) -> float:
    """The RSS of `pid` and its process tree, summed (a forked child's pages shared with its
    parent counted twice); with `private`, `pid`'s RSS and only the others' private pages
    (each page of the tree once, but pages a child shares with other programs only)."""
    total = 0.0
    for each in _tree(pid):
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += _private_mb(each) if private and each != pid else rss_mb(each)
    return total


class Watch:
    """The highest RSS since each open step began, sampled by a thread; and the highest sum
    over this process and its children (a build's forked records step: tree_mb)."""

    def __init__(self, tree: bool = True) -> None:
        self.open: dict[int, float] = {}
        self.sample_tree = tree  # a forked child samples itself alone: smaps costs CPU
        self.stop = False
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.tree_rss = self.tree = 0.0
        #: This process's RSS and the children's private pages at the tree's highest sample.
        self.split = (0.0, 0.0)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        tick = 0
        while not self.stop:
            now = rss_mb()
            with self.lock:
                for key, high in self.open.items():
                    if now > high:
                        self.open[key] = now
            if self.sample_tree:
                self.tree_rss = max(self.tree_rss, tree_mb(self.pid))
            if (
                self.sample_tree and tick % 4 == 0
            ):  # every 20 ms: reading smaps costs more than statm
                tree = tree_mb(self.pid, private=True)
                if tree > self.tree:
                    self.tree, self.split = tree, (now, tree - now)
            tick += 1
            time.sleep(0.005)


def _watched(
    module: ModuleType, name: str, watch: Watch, seen: list[tuple], child_log: Path
) -> None:
    owner: Any = module
    *outer, last = name.split(".")
    for part in outer:
        owner = getattr(owner, part, None)
    real = getattr(owner, last, None) if owner is not None else None
    if real is None:
        return

    @functools.wraps(real)
    def watched(*args: Any, **kwargs: Any) -> Any:
        start = rss_mb()
        key = next(_KEYS)  # not id(object()): a freed object's id is given again
        with watch.lock:
            watch.open[key] = start
        try:
            return real(*args, **kwargs)
        finally:
            end = rss_mb()
            with watch.lock:
                high = max(watch.open.pop(key), end)
            traced = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else 0
            if os.getpid() == MAIN[0]:
                seen.append((name, start, high, end, traced))
            else:  # a forked child's step: its own RSS, written where the parent reads it
                hwm = _hwm_mb()  # the child's own highest RSS so far (the kernel's)
                with open(child_log, "a") as log:
                    log.write(f"{name} (child)\t{start}\t{high}\t{end}\t{traced}\n")
                    log.write(f"  its peak so far\t{hwm}\t{hwm}\t{hwm}\t0\n")

    setattr(owner, last, watched)


def _full_build(tree: Path, seeds: Path, db: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of a full build by the checkout `tree`."""
    db.unlink(missing_ok=True)
    cmd = [str(tree / ".venv/bin/python"), "-m", "etl", "--seeds", str(seeds), "build"]
    cmd += ["--no-images", "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{tree}: the build failed: {proc.stderr.read().decode()[-2000:]}")
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def side_by_side(other: Path, scales: list[int], runs: list[int]) -> int:
    """Full builds of this checkout and `other`, in turn, at each scale; medians printed."""
    trees = {"this": ROOT, "other": other.resolve()}
    tmp = Path(tempfile.mkdtemp(prefix="build-memory-"))
    load = os.getloadavg()[0]
    lines = []
    try:
        base = snapshot(ROOT / "seeds", tmp / "base")
        for scale, count in zip(scales, runs, strict=True):
            seeds = make_corpus(base, tmp / f"x{scale}", scale)
            got: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
            for i in range(count):
                for name, tree in trees.items():  # in turn: each sees the same load
                    got[name].append(_full_build(tree, seeds, tmp / f"{name}.duckdb"))
                    wall, cpu, peak = got[name][-1]
                    print(
                        f"[{time.strftime('%H:%M:%S')}] {scale}x {name} {i + 1}: {wall:.1f} s "
                        f"({cpu:.1f} s CPU), peak {peak:.0f} MB",
                        file=sys.stderr,
                        flush=True,
                    )
            for name, tree in trees.items():
                wall, cpu, peak = (statistics.median(v) for v in zip(*got[name], strict=True))
                lines.append(
                    f"{scale}x {name} ({tree}): {wall:.1f} s, {cpu:.1f} s CPU, {peak:.0f} MB"
                )
            shutil.rmtree(seeds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n".join(lines))
    print(
        f"medians of {runs} full builds (--no-images) per scale and checkout, in turn; load "
        f"average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100, help="copies of the seeds (100)")
    parser.add_argument("--seeds", type=Path, help="a corpus already made (instead of --scale)")
    parser.add_argument(
        "--traced",
        action="store_true",
        help="also Python's own allocations at each step's end (tracemalloc; slower)",
    )
    parser.add_argument(
        "--duckdb-memory",
        help="a memory_limit for every DuckDB connection the build opens (e.g. 256MB), to "
        "measure what DuckDB's buffers hold",
    )
    parser.add_argument("--side-by-side", type=Path, help="another checkout, with its .venv")
    parser.add_argument("--scales", default="100,1000", help="with --side-by-side (100,1000)")
    parser.add_argument("--runs", default="3,1", help="with --side-by-side: builds per scale")
    args = parser.parse_args(argv)
    if args.side_by_side:
        scales = [int(s) for s in args.scales.split(",")]
        return side_by_side(args.side_by_side, scales, [int(r) for r in args.runs.split(",")])
    from etl.__main__ import main as etl_main

    if args.duckdb_memory:
        import duckdb

        connect = duckdb.connect

        def limited(*a: Any, **k: Any) -> Any:
            con = connect(*a, **k)
            con.execute(f"SET memory_limit = '{args.duckdb_memory}'")
            return con

        duckdb.connect = limited  # type: ignore[assignment]

    tmp = Path(tempfile.mkdtemp(prefix="build-memory-"))
    try:
        seeds = args.seeds or make_corpus(
            snapshot(ROOT / "seeds", tmp / "base"), tmp / "seeds", args.scale
        )
        db = tmp / "m.duckdb"
        child_log = tmp / "child-steps.tsv"
        watch, seen = Watch(), []
        WATCHES[:] = [watch]
        # A child forked while the sampler held the lock would wait on it for ever: the
        # child's steps use a new lock and thread, sampling the child itself.
        os.register_at_fork(after_in_child=lambda: WATCHES[0].__init__(tree=False))
        for module, name in STEPS:
            _watched(importlib.import_module(module), name, watch, seen, child_log)
        before = rss_mb()
        if args.traced:
            tracemalloc.start()
        started = time.process_time()
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
            etl_main(["--seeds", str(seeds), "build", "--no-images", "--db", str(db)])
        took = time.process_time() - started
        watch.stop = True
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        took += children.ru_utime + children.ru_stime
        if child_log.exists():
            # The child's steps ran first: the parent's began when it ended.
            seen[:0] = [
                (step, *(float(x) for x in figures))
                for step, *figures in (
                    line.split("\t") for line in child_log.read_text().splitlines()
                )
            ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = children.ru_maxrss / 1024
    print(
        f"a full build of {seeds}: {took:.1f} s CPU (children's included), peak RSS "
        f"{peak:.0f} MB ({before:.0f} MB before it: the interpreter and imports); a child's "
        f"peak RSS {child_peak:.0f} MB; the process tree's, sampled together: **{watch.tree:.0f} "
        f"MB** (this RSS and a child's private pages, every 20 ms: {watch.split[0]:.0f} + "
        f"{watch.split[1]:.0f} at its highest; RSS summed {watch.tree_rss:.0f} MB, counting "
        "pages shared with a child twice)"
    )
    print(f"{'step':24} {'start MB':>9} {'highest MB':>11} {'end MB':>8} {'Python MB':>10}")
    for name, start, high, end, traced in seen:
        print(f"{name:24} {start:9.0f} {high:11.0f} {end:8.0f} {traced:10.0f}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
