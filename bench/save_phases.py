"""Where a Save's time goes (issue 27): CPU seconds per build step of one Save, in-process, at a synthetic scale.

Builds the synthetic corpus (bench/synthetic.py) at --scale, runs a full `--no-images` build,
flips one statement's stance as bench/save_to_screen.py does, then runs the Save (`etl build
--no-images --reason ...`) in this process with the build's steps wrapped in CPU timers. No
sampling profiler: py-spy put 6% of a 300x Save on a call that a direct A/B showed to cost
nothing. A step's time includes the steps it calls (the table says which are inside which).
`--corpus DIR --db FILE`: a corpus made before (bench/synthetic.py) and its full build,
copied (not changed) and used instead of making and building one: at 1000x the seeds the full
build is most of a run's time. Run by hand, never imported.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import functools
import importlib
import inspect
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.save_to_screen import (  # noqa: E402
    CHANGED_FILE,
    add_article,
    change_codebook,
    change_record,
)
from bench.synthetic import make_corpus, snapshot  # noqa: E402

#: (module, function, the step it is inside): the steps timed, outermost first.
STEPS = (
    ("etl.build", "read_inputs", ""),
    ("etl.build", "earlier_found", ""),
    ("etl.build", "validate", ""),
    ("etl.validate", "_parse", "validate"),
    ("etl.validate", "_published_only", "validate"),
    ("etl.validate", "_unique", "validate"),
    ("etl.validate", "_bodies", "validate"),
    ("etl.validate", "_check_values", "validate"),
    ("etl.validate", "_check_own_name", "validate"),
    ("etl.validate", "_check_proposal_times", "validate"),
    ("etl.validate", "_check_record", "validate"),
    ("etl.build", "runs_for", ""),
    ("etl.build", "_accounts", ""),
    ("etl.build", "frames_for", ""),
    ("etl.check_carry", "CheckCarry.__call__", "frames_for"),
    ("etl.transform", "table_frame", "frames_for"),
    ("etl.build", "stamp_version", ""),
    ("etl.build", "write_database", ""),
    ("database.write", "insert", "write_database"),
    ("database.write", "insert_runs", "write_database"),
    ("shutil", "copyfile", "write_database"),
    ("database.write", "commit", "write_database"),
    ("database.write", "checkpoint", "write_database"),
    ("database.write", "record_changes", "write_database"),
    ("database.write", "write_derived", "write_database"),
    ("database.write", "write_statement_search", "write_derived"),
    ("database.write", "write_indicator_rows", "write_derived"),
    ("database.write", "renew_derived", "write_derived"),
    ("database.write", "keep_inputs", "write_database"),
    ("database.write", "NeedsKept.__init__", "write_database"),
    ("database.write", "NeedsKept.add", "write_database"),
    ("database.write", "NeedsKept.finish", "write_database"),
    ("database.write", "carry_inputs", "write_database"),
    ("etl.chart_rows", "make_charts", "write_database"),
    ("etl.chart_rows", "store_charts", "write_database"),
    ("etl.build", "carry_chart_images", "write_database"),
)


def _timed_steps(
    steps: Iterator[Any],
    name: str,
    spent: collections.Counter[str],
    walls: collections.Counter[str],
) -> Iterator[Any]:
    while True:
        started, wall = time.process_time(), time.perf_counter()
        try:
            item = next(steps)
        except StopIteration:
            spent[name] += time.process_time() - started
            walls[name] += time.perf_counter() - wall
            return
        spent[name] += time.process_time() - started
        walls[name] += time.perf_counter() - wall
        yield item


#: The figure change_figure changes (in bench.save_to_screen's CHANGED_FILE), and its value.
FIGURE = ("indicator_id: ppp-2018-02-14-arrests-total", "value: 17800")


def change_figure(seeds: Path, n: int) -> None:
    """One figure's value changed (17800 -> 17801 and back): a change the checks read."""
    path = seeds / CHANGED_FILE
    text = path.read_text(encoding="utf-8")
    at = text.index(FIGURE[0])
    old = FIGURE[1] if n % 2 == 0 else FIGURE[1] + "1"
    new = FIGURE[1] + "1" if n % 2 == 0 else FIGURE[1]
    cut = text.index(old, at)
    path.write_text(text[:cut] + new + text[cut + len(old) :], encoding="utf-8")


CHANGES = {
    "record": change_record,
    "article": add_article,
    "figure": change_figure,
    "codebook": change_codebook,
}


def _timed(
    module: ModuleType, name: str, spent: collections.Counter[str], walls: collections.Counter[str]
) -> None:
    # A method is named with its class ("CheckCarry.__call__"): timed on the class.
    owner: Any = module
    *outer, last = name.split(".")
    for part in outer:
        owner = getattr(owner, part)
    real = getattr(owner, last)

    @functools.wraps(real)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started, wall = time.process_time(), time.perf_counter()
        try:
            made = real(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
            walls[name] += time.perf_counter() - wall
        # A generator's work is done as it is iterated (etl.build._accounts): each step timed.
        return _timed_steps(made, name, spent, walls) if inspect.isgenerator(made) else made

    setattr(owner, last, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100, help="copies of the seeds (100)")
    parser.add_argument(
        "--change",
        choices=tuple(CHANGES),
        default="record",
        help="what the Save changes (a figure: one figure's value, which the checks read)",
    )
    parser.add_argument(
        "--kept",
        action="store_true",
        help="keep the curated files' models first, as the warm build process does (etl.warm)",
    )
    parser.add_argument("--corpus", type=Path, help="a corpus made before, copied (--scale unused)")
    parser.add_argument("--db", type=Path, help="the full build of --corpus by this code, copied")
    args = parser.parse_args(argv)
    if (args.corpus is None) != (args.db is None):
        parser.error("--corpus and --db go together")
    from etl.__main__ import main as etl_main

    tmp = Path(tempfile.mkdtemp(prefix="save-phases-"))
    try:
        db = tmp / "m.duckdb"
        if args.corpus is not None:
            # Under its own folder name: build_inputs names each file by it.
            seeds = snapshot(args.corpus, tmp / args.corpus.name)
            shutil.copyfile(args.db, db)
        else:
            seeds = make_corpus(snapshot(ROOT / "seeds", tmp / "base"), tmp / "seeds", args.scale)
        argv_build = ["--seeds", str(seeds), "build", "--no-images", "--db", str(db)]
        # The build's own lines (one per article) are not wanted here.
        with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
            if args.corpus is None:
                etl_main([*argv_build, "--reason", "a benchmark's full build"])
            CHANGES[args.change](seeds, 0)
            if args.kept:  # as the warm process does before it forks (off the Save's clock)
                from etl.inputs import KEPT, code_version

                KEPT.refresh(seeds, code_version(), db)
            spent: collections.Counter[str] = collections.Counter()
            walls: collections.Counter[str] = collections.Counter()
            for module, name, _ in STEPS:
                _timed(importlib.import_module(module), name, spent, walls)
            started, wall = time.process_time(), time.perf_counter()
            etl_main([*argv_build, "--reason", "a benchmark's save"])
            total, total_wall = time.process_time() - started, time.perf_counter() - wall
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    what = {
        "record": "one record changed",
        "article": "one article added",
        "codebook": "one actor added, one renamed",
    }.get(args.change, "one figure changed")
    kept = ", the models kept" if args.kept else ""
    scale = args.corpus or f"{args.scale}x the seeds"
    print(f"a Save at {scale} ({what}{kept}): {total:.2f} s CPU, {total_wall:.2f} s wall")
    print("  CPU s  share   wall s  step")
    for _, name, inside in STEPS:
        lead = "    " if inside else ""
        print(f"{spent[name]:7.2f} {spent[name] / total:6.1%} {walls[name]:7.2f}  {lead}{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
