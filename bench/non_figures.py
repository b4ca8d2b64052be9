"""Round thirty-two: what each rule of curation/suggest/non_figures.py drops on the training
folders, per folder: drafted numbers no key holds, and numbers of a key figure's value (a
conservative count of keyed figures lost: any key figure of the same value in the article).

    .venv/bin/python bench/non_figures.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from draft_quality import _date, articles, training  # noqa: E402

import curation.suggest.records as records  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.non_figures import non_figure  # noqa: E402


def main() -> None:
    records.non_figure = lambda *_: None  # draft as before the rules, then ask each rule
    curated = curated_lists(ROOT / "seeds")
    dropped: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for folder in training():
        for txt, key in articles([folder]):
            gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
            raw = txt.read_text(encoding="utf-8")
            title = raw.strip().splitlines()[0]
            published = _date(gold.get("published", gold.get("published_on")))
            body, rows = records.draft_rows(raw, title, "bench", published, curated)
            values = [
                float(w["value"]) for w in gold.get("figures") or [] if w.get("value") is not None
            ]
            for r in rows:
                if r.kind != "indicators" or not r.words:
                    continue
                rule = non_figure(body, r.start, r.words)
                if rule is None:
                    continue
                value = r.record.get("value")
                keyed = value is not None and any(abs(float(value) - v) < 0.05 for v in values)
                dropped[rule][folder.name][keyed] += 1
                print(f"  {folder.name:14} {txt.stem[:40]:40} {rule:32} {r.words!r} keyed={keyed}")
    print("rule: dropped not in a key / dropped of a key figure's value, per folder")
    for rule, folders in dropped.items():
        out = sum(v[0] for v in folders.values())
        lost = sum(v[1] for v in folders.values())
        where = ", ".join(f"{f} {v[0]}/{v[1]}" for f, v in sorted(folders.items()))
        print(f"  {rule:32} {out:4} {lost:4}  ({where})")


if __name__ == "__main__":
    main()
