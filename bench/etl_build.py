"""Wall-clock benchmark of `python -m etl build` at 1x/100x/1000x the seeds, with added articles, and `suggest`.

One script, because every case shares the corpus generator, the timer and the report; it is
run by hand, never imported.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import math
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from bench.synthetic import add_articles, long_article, make_corpus, snapshot  # noqa: E402

SEED_BUILD_TARGET_S = 3.0
# Per-article cost 1000x/100x above this counts as worse than linear (timing noise is ~5%).
LINEAR_SLACK = 1.2


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Case:
    """One measured command: its runs, and whether a run was stopped at the time cap."""

    name: str
    articles: int | None
    runs: list[float] = field(default_factory=list)
    capped_at: float | None = None
    note: str = ""

    @property
    def median(self) -> float | None:
        return None if self.capped_at else statistics.median(self.runs)

    @property
    def lower_bound(self) -> float:
        """The median, or the cap when a run was stopped (the true time is above it)."""
        return self.capped_at if self.capped_at else statistics.median(self.runs)

    @property
    def per_article_ms(self) -> float | None:
        return self.lower_bound / self.articles * 1000 if self.articles else None


def timed(
    name: str, cmd: list[str], runs: int, articles: int | None, cap: float | None = None
) -> Case:
    """Median wall clock of ``runs`` fresh subprocesses; a run over ``cap`` s is stopped and
    ends the series (the case is then reported as a lower bound)."""
    case = Case(name, articles)
    for i in range(runs):
        started = time.perf_counter()
        try:
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=cap, check=False)
        except subprocess.TimeoutExpired:
            case.capped_at = cap
            log(f"  {name}: run {i + 1} stopped at the cap of {cap:.0f} s")
            break
        took = time.perf_counter() - started
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode(errors="replace")[-3000:])
            raise SystemExit(f"{name}: exit status {done.returncode}: {' '.join(cmd)}")
        case.runs.append(took)
        case.note = case.note or done.stdout.decode(errors="replace")
        log(f"  {name}: run {i + 1}/{runs} {took:.2f} s")
    return case


def etl(seeds: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "etl", "--seeds", str(seeds), *args]


def count_articles(seeds: Path) -> int:
    return sum(1 for _ in (seeds / "articles").glob("*.txt"))


# --- where the time goes -------------------------------------------------------------------


def stage_times(seeds: Path) -> tuple[dict[str, float], Any]:
    """Seconds per step of an in-process build (no profiler, so the figures are true)."""
    from corpus.load import load
    from corpus.problems import Problems
    from etl import consistency, transform
    from etl.store import write_database
    from etl.validate import validate

    out: dict[str, float] = {}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = fn()
        out[name] = time.perf_counter() - started
        return result

    raw, problems = step("load (read + YAML)", lambda: load(seeds, Problems()))
    data = step("validate", lambda: validate(raw, problems))
    rules = consistency.Rules.of(data)
    figs = step("consistency.figures", lambda: consistency.figures(data, rules))
    step("consistency.corroboration_checks", lambda: list(consistency.corroboration_checks(figs)))
    step(
        "consistency.cumulative_checks",
        lambda: list(consistency.cumulative_checks(figs, rules.cumulative)),
    )
    step("consistency.arithmetic_checks", lambda: list(consistency.arithmetic_checks(figs, rules)))
    step(
        "consistency.gap_checks",
        lambda: list(
            consistency.gap_checks(figs, data.of("phases"), data.of("metrics"), rules=rules)
        ),
    )
    # The other rows of to_rows, timed without the checks measured just above.
    original = transform.check_rows
    transform.check_rows = lambda _data, _names=None: []  # type: ignore[assignment]
    try:
        rows = step("transform (rows, minus checks)", lambda: transform.to_rows(data, _now()))
    finally:
        transform.check_rows = original
    frames = step("transform.to_frames", lambda: transform.to_frames(rows))
    with tempfile.TemporaryDirectory(prefix="etl-bench-db-") as tmp:
        step("store.write_database", lambda: write_database(frames, Path(tmp) / "bench.duckdb"))
    return out, data


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def profile_checks(data: Any, top: int = 10) -> str:
    """cProfile of the consistency checks (to_rows' share of a build), top N cumulative."""
    from etl.consistency import check_rows

    profiler = cProfile.Profile()
    profiler.runcall(check_rows, data)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    body = text.getvalue()
    # From the column header on: the preamble names only the profiler's own totals.
    return body[body.find("   ncalls") :].rstrip()


# --- output ------------------------------------------------------------------------------


def _s(case: Case) -> str:
    if case.capped_at:
        return f"> {case.capped_at:.1f}"
    return f"{case.median:.2f}"


def _ms(case: Case) -> str:
    per = case.per_article_ms
    if per is None:
        return "-"
    return f"> {per:.2f}" if case.capped_at else f"{per:.2f}"


def table(cases: list[Case]) -> str:
    head = f"{'case':<44} {'articles':>8} {'runs':>4} {'median s':>9} {'ms/article':>10}"
    lines = [head, "-" * len(head)]
    for c in cases:
        runs = str(len(c.runs) + (1 if c.capped_at else 0))
        arts = f"{c.articles:,}" if c.articles else "-"
        lines.append(f"{c.name:<44} {arts:>8} {runs:>4} {_s(c):>9} {_ms(c):>10}")
    if any(c.capped_at for c in cases):
        lines.append("> : the last run was stopped at the cap; the figure is a lower bound")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="corpus to scale")
    parser.add_argument("--runs-small", type=int, default=5, help="R for 1x and suggest (5)")
    parser.add_argument("--runs-large", type=int, default=3, help="R for the big corpora (3)")
    parser.add_argument("--added", type=int, default=1000, help="articles added on top (1000)")
    parser.add_argument("--paragraphs", type=int, default=200, help="suggest's article (200)")
    parser.add_argument(
        "--scales",
        default="1,100,1000",
        help="corpus sizes in seeds, comma-separated; the last two give the growth ratio",
    )
    parser.add_argument(
        "--cap-factor",
        type=float,
        default=1.5,
        help="stop a run of the largest corpus after this many times the next one's cost "
        "grown linearly (1.5); 0 for no cap",
    )
    parser.add_argument(
        "--profile-scale",
        type=int,
        default=300,
        help="corpus size for the step timings and profile, run only when growth is worse "
        "than linear (300; 1000 takes as long as a 1000x build)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="etl-bench-"))
    try:
        return _run(args, tmp, started)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(args: argparse.Namespace, tmp: Path, started: float) -> int:
    load_start = os.getloadavg()[0]
    base = snapshot(args.seeds, tmp / "base")
    db = tmp / "bench.duckdb"
    cases: list[Case] = []
    by_scale: dict[int, Case] = {}

    log("interpreter and imports: python -m etl --help")
    cases.append(timed("startup: python -m etl --help", etl(base, "--help"), args.runs_small, None))

    scales = sorted({int(s) for s in args.scales.split(",")} | {1})
    for scale in scales:
        seeds = tmp / f"x{scale}"
        log(f"{scale}x corpus: generating")
        make_corpus(base, seeds, scale)
        n = count_articles(seeds)
        runs = args.runs_small if scale == 1 else args.runs_large
        cap = None
        if scale == scales[-1] and args.cap_factor and len(scales) > 2:
            previous = scales[-2]
            cap = args.cap_factor * by_scale[previous].lower_bound * scale / previous
        label = "build, seeds (1x)" if scale == 1 else f"build, {scale}x seeds"
        log(f"{label}: {n} articles" + (f", cap {cap:.0f} s per run" if cap else ""))
        case = timed(label, etl(seeds, "build", "--no-charts", "--db", str(db)), runs, n, cap)
        by_scale[scale] = case
        cases.append(case)
        shutil.rmtree(seeds)

    seeds = tmp / "added"
    log(f"seeds + {args.added} added articles: generating")
    make_corpus(base, seeds, 1)
    add_articles(seeds, args.added)
    n = count_articles(seeds)
    cases.append(
        timed(
            f"build, seeds + {args.added:,} added",
            etl(seeds, "build", "--no-charts", "--db", str(db)),
            args.runs_large,
            n,
        )
    )
    shutil.rmtree(seeds)

    long_path = tmp / "long-article.txt"
    long_path.write_text(long_article(base, args.paragraphs), encoding="utf-8")
    log(f"suggest on a {args.paragraphs}-paragraph article ({long_path.stat().st_size:,} bytes)")
    suggest = timed(
        f"suggest, {args.paragraphs}-paragraph article",
        etl(base, "suggest", str(long_path)),
        args.runs_small,
        None,
    )
    found = re.search(r"# (\d+) figure\(s\) and (\d+) quotation\(s\)", suggest.note)
    cases.append(suggest)

    print(table(cases))
    seed, big, huge = by_scale[1], by_scale[scales[-2]], by_scale[scales[-1]]
    ratio = huge.per_article_ms / big.per_article_ms  # type: ignore[operator]
    growth = f"{scales[-1]}x / {scales[-2]}x"
    bound = "> " if huge.capped_at else ""
    print()
    verdict = "ok" if seed.lower_bound <= SEED_BUILD_TARGET_S else "MISSED"
    print(
        f"seed build: {seed.lower_bound:.2f} s, target {SEED_BUILD_TARGET_S:.0f} s incl. "
        f"interpreter start: {verdict}"
    )
    print(
        f"per-article cost {growth}: {bound}{ratio:.2f} (linear ~ 1.0): "
        + ("worse than linear" if huge.capped_at or ratio > LINEAR_SLACK else "linear")
    )
    if huge.capped_at:
        print(
            f"  the {scales[-1]}x run was stopped at {huge.capped_at:.0f} s = {args.cap_factor:g} x "
            f"the {scales[-2]}x cost grown linearly, to keep the bench short "
            "(--cap-factor 0 lifts the cap)"
        )
    if found:
        print(f"suggest found {found[1]} figure(s) and {found[2]} quotation(s)")

    if huge.capped_at or ratio > LINEAR_SLACK:
        _where_time_goes(args, base, tmp, scales[-2])
    print()
    print(
        f"machine: {os.cpu_count()} cores, load average {load_start:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end; bench took {time.perf_counter() - started:.0f} s"
    )
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


def _where_time_goes(args: argparse.Namespace, base: Path, tmp: Path, small: int) -> None:
    """Step timings at ``small``x and --profile-scale, and the checks' profile at the latter."""
    large = max(args.profile_scale, small + 1)
    timings: dict[int, dict[str, float]] = {}
    data: Any = None
    for scale in (small, large):
        seeds = tmp / f"p{scale}"
        log(f"where the time goes: in-process build steps at {scale}x")
        make_corpus(base, seeds, scale)
        timings[scale], data = stage_times(seeds)
        shutil.rmtree(seeds)
    grow = large / small
    print()
    print(f"in-process build steps, seconds (growth {large}x/{small}x; linear = {grow:.3g}):")
    head = f"{'step':<38} {f'{small}x':>8} {f'{large}x':>8} {'growth':>7} {'exponent':>8}"
    print(head)
    print("-" * len(head))
    totals = {s: sum(t.values()) for s, t in timings.items()}
    for name in timings[small]:
        a, b = timings[small][name], timings[large][name]
        growth = b / a if a > 0 else math.nan
        # Steps under 10 ms are noise: their exponent says nothing.
        exponent = math.log(growth) / math.log(grow) if a > 0.01 and b > 0 else math.nan
        # A small step may catch a full garbage collection and look superlinear; only
        # steps with a real share of the build are flagged.
        flag = "  <- superlinear" if exponent > 1.3 and b > 0.02 * totals[large] else ""
        shown = "-" if math.isnan(exponent) else f"{exponent:.2f}"
        print(f"{name:<38} {a:8.2f} {b:8.2f} {growth:7.1f} {shown:>8}{flag}")
    print(f"{'total':<38} {totals[small]:8.2f} {totals[large]:8.2f}")
    print("exponent: log(growth) / log(size ratio); 1 is linear, 2 quadratic")
    log(f"where the time goes: cProfile of consistency.check_rows at {large}x")
    print()
    print(f"cProfile, consistency.check_rows at {large}x, top 10 by cumulative time:")
    print(profile_checks(data))


if __name__ == "__main__":
    sys.exit(main())
