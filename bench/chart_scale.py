"""Chart building at 1x/10x/100x the seeds: seconds per chart, labels and annotations, takeaway size."""

from __future__ import annotations

import argparse
import inspect
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

import plotly.graph_objects as go  # noqa: E402

from bench.synthetic import SEEDS, make_corpus  # noqa: E402
from charts.catalogue import CURATED, catalogue  # noqa: E402
from charts.frames import ReaderFrames  # noqa: E402
from charts.hedged import _bound_arrows, _span, reference_date  # noqa: E402
from database.connection import Reader  # noqa: E402
from monitor.figure_texts import evidence_markdown  # noqa: E402


def build_db(copies: int, work: Path) -> Path:
    seeds = make_corpus(SEEDS, work / f"seeds-{copies}", copies)
    db = work / f"x{copies}.duckdb"
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "build", "--db", str(db)]
    subprocess.run([*cmd, "--no-charts"], cwd=ROOT, check=True, capture_output=True)
    return db


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def arrows_side_by_side(reader: Reader, repeat: int) -> tuple[int, float, float]:
    """The arrests timeline's bound arrows added one by one (before) and in one call (now)."""
    frame = ReaderFrames(reader).indicators(metric_ids=CURATED["arrests-over-time"].metric_ids)
    xs = reference_date(frame).tolist()
    arrows = _bound_arrows(xs, frame, _span(frame))

    def one_by_one() -> None:
        fig = go.Figure()
        for a in arrows:
            fig.add_annotation(**a)

    def one_call() -> None:
        go.Figure().update_layout(annotations=arrows)

    return len(arrows), median_seconds(one_by_one, repeat), median_seconds(one_call, repeat)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; medians shown")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="chart-scale-"))
    print("copies  chart                       reports  labels  annotations  takeaway  "
          "how-we-know  build s (median)")  # fmt: skip
    try:
        for copies in args.copies:
            reader = Reader(build_db(copies, work))
            frames = ReaderFrames(reader)
            for chart_id, spec in catalogue(frames).charts.items():
                seconds = median_seconds(lambda s=spec, f=frames: s.build(f), args.repeat)
                chart = spec.build(frames)
                labels = sum(
                    1 for t in chart.figure.data for x in (t.text or ()) if isinstance(x, str) and x
                )
                print(
                    f"{copies:>5}x  {chart_id:<26}  {len(chart.evidence):>7}  {labels:>6}  "
                    f"{len(chart.figure.layout.annotations):>11}  {len(chart.takeaway):>8}  "
                    f"{len(evidence_markdown(chart.evidence)):>11}  {seconds:>8.3f}"
                )
            if "fig" in inspect.signature(_bound_arrows).parameters:
                continue  # run on code from before the one-call arrows: nothing to compare
            n, before, after = arrows_side_by_side(reader, args.repeat)
            print(
                f"{copies:>5}x  arrests arrows: {n} bounds; one add_annotation each {before:.3f} s, "
                f"one update_layout {after:.3f} s, ratio {before / max(after, 1e-9):.0f}x"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
