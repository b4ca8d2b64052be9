"""Build time and peak memory of `etl build` with one huge article (1, 10, 50 MB): prints figures.

    python bench/hostile_inputs.py                      # this checkout
    python bench/hostile_inputs.py --project /tmp/old   # another commit, e.g. from `git archive`

Each build runs in its own process; its peak resident memory comes from os.wait4.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path("tests") / "fixtures" / "seeds"
ARTICLE = "100_kampot_fixture.txt"
WORDS = [
    "police",
    "officials",
    "arrested",
    "people",
    "drug",
    "users",
    "traffickers",
    "province",
    "campaign",
    "said",
    "the",
    "ministry",
    "rehabilitation",
    "centre",
    "court",
    "prison",
    "community",
    "treatment",
    "report",
    "March",
    "Kampot",
    "anti-drug",
    "authority",
    "figures",
    "national",
    "week",
    "month",
    "seized",
    "methamphetamine",
    "crystal",
]


def padding(size: int, seed: int = 13) -> str:
    """About size bytes of report-like paragraphs, with photo captions that repeat (with and
    without a credit) as captured pages have them."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    n = 0
    while total < size:
        n += 1
        para = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 90))) + f" ({n})."
        if n % 50 == 0:
            caption = f"Officers at the scene in picture {n}."
            parts += [caption, f"{caption} Sam Rith"]
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)


def run_build(project: Path, size_mb: int, tmp: Path) -> tuple[float, float]:
    """Seconds and peak MB of one build with the fixture article grown to size_mb."""
    seeds = tmp / f"seeds-{size_mb}"
    shutil.copytree(project / FIXTURE, seeds)
    article = seeds / "articles" / ARTICLE
    # Before the report, not after it: a "MOST VIEWED" heading cuts all that follows.
    article.write_text(
        padding(size_mb * 1_000_000) + "\n\n" + article.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "etl",
            "--seeds",
            str(seeds),
            "build",
            "--db",
            str(tmp / "m.duckdb"),
        ],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"build failed for {size_mb} MB: {err.strip()[-500:]}")
    shutil.rmtree(seeds)
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to run")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50], help="MB")
    args = parser.parse_args(argv)
    print(f"project: {args.project}")
    print(f"{'article':>8} {'build s':>9} {'peak MB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            seconds, peak = run_build(args.project.resolve(), size, Path(tmp))
            print(f"{size:>6} MB {seconds:>9.1f} {peak:>9.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
