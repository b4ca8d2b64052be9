"""What fitting a chart to a size costs (the dashboard's first view of a chart, a build's images pass, the chart files): CPU ms per seed chart.

Each checkout (this one, and `--before DIR` for another, e.g. `git archive <commit> | tar -x
-C /tmp/before`) builds the seeds with its own code and is timed in its own process, the two
taking turns round by round so the machine's load falls on both alike. Prints the median of
the rounds for `fitted` at the dashboard's wide and narrow sizes and for one chart's HTML file
(two fittings and plotly.js). Run by hand, never imported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside each checkout: its own charts code on its own build of the seeds.
_TIMER = """
import json, sys, time
from pathlib import Path
from charts.legible import fitted
from charts.style import NARROW, WIDE
from database.connection import Reader
from exports.chart_files import all_charts, chart_html
with Reader(Path(sys.argv[1])) as reader:
    charts = all_charts(reader)
def per_chart(job):
    start = time.process_time()
    for chart in charts:
        job(chart)
    return (time.process_time() - start) / len(charts) * 1000
chart_html(charts[0], "https://example.org")  # plotly.js read once, as a server would
print(json.dumps({
    "charts": len(charts),
    "fitted, wide": per_chart(lambda c: fitted(c.figure, *WIDE)),
    "fitted, narrow": per_chart(lambda c: fitted(c.figure, *NARROW)),
    "chart HTML file": per_chart(lambda c: chart_html(c, "https://example.org")),
}))
"""


def _build(root: Path, db: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "etl", "--seeds", "seeds", "build", "--db", str(db), "--no-images"],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _time(root: Path, db: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(db)],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another checkout to time beside this one")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    roots = {"this": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {name: Path(tmp) / f"{name}.duckdb" for name in roots}
        for name, root in roots.items():
            _build(root, dbs[name])
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
        for _ in range(args.rounds):
            for name, root in roots.items():
                runs[name].append(_time(root, dbs[name]))
    keys = [key for key in runs["this"][0] if key != "charts"]
    print(
        f"CPU ms per chart, median of {args.rounds} rounds ({runs['this'][0]['charts']:.0f} charts)"
    )
    print(f"{'':18}" + "".join(f"{name:>10}" for name in roots))
    for key in keys:
        medians = [statistics.median(run[key] for run in runs[name]) for name in roots]
        ratio = f"{medians[0] / medians[1]:>8.2f}x" if len(medians) == 2 else ""
        print(f"{key:18}" + "".join(f"{m:>10.1f}" for m in medians) + ratio)


if __name__ == "__main__":
    main()
