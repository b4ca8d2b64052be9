"""CPU seconds of short `python -m etl` commands (--help, a usage error, check on the seeds,
suggest on one seed article) in this checkout and in `--before DIR`, taking turns, medians.

Why: every command line process paid for pandas, duckdb and plotly before it read its
arguments (issue 22); the test suite, the studio's fallback build and people start many.
CPU (user+sys of the waited-for child, resource.getrusage), not wall time: the machine is
shared. Run by hand, never imported:

    .venv/bin/python bench/cli_start.py --before /tmp/before --rounds 5
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands(root: Path) -> dict[str, list[str]]:
    """The command lines measured; the article is the seeds' first (any would do)."""
    article = sorted((root / "seeds" / "articles").glob("*.txt"))[0]
    return {
        "--help": ["--help"],
        "usage error": ["no-such-command"],
        "check": ["check"],
        "suggest": ["suggest", str(article)],
    }


def _cpu(root: Path, argv: list[str]) -> float:
    """CPU seconds of one `python -m etl ARGV` run in `root` (its modules first on the path)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "etl", *argv],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    checkouts = {"before": args.before.resolve(), "after": ROOT}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for name, root in checkouts.items():  # taking turns: a busy spell hits both
            for command, argv in _commands(root).items():
                times.setdefault((command, name), []).append(_cpu(root, argv))
    print(f"CPU seconds, median of {args.rounds} (before | after | after/before)")
    for command in _commands(ROOT):
        old = statistics.median(times[command, "before"])
        new = statistics.median(times[command, "after"])
        print(f"{command:12} {old:6.2f} | {new:6.2f} | {new / old:5.2f}")


if __name__ == "__main__":
    main()
