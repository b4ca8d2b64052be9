"""Drafting time per article, steadier than one pass under load: each article of the drafting
folders drafted three times, the least kept; prints the median, the mean and the max over articles.

Usage: .venv/bin/python bench/draft_timing.py [DIR...]   # default: every drafting folder
Run it alternately from two checkouts (main's, a branch's) to compare them in one sitting.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):  # run as a script: the project and its sibling bench
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from draft_quality import _date, articles, training  # noqa: E402

from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [p for p in training() if p.is_dir()]
    curated = curated_lists(ROOT / "seeds")
    least: dict[str, float] = {}
    for txt, key in articles(folders):
        gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
        raw = txt.read_text(encoding="utf-8")
        published = _date(gold.get("published", gold.get("published_on")))
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
            runs.append(time.perf_counter() - began)
        least[txt.stem] = min(runs)
    worst = max(least, key=least.__getitem__)
    print(
        f"{len(least)} articles, least of 3 runs each: median "
        f"{1000 * statistics.median(least.values()):.0f} ms, mean "
        f"{1000 * statistics.mean(least.values()):.0f} ms, max {1000 * least[worst]:.0f} ms "
        f"({worst})"
    )


if __name__ == "__main__":
    main()
