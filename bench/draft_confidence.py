"""Per drafted field (dates, metric, figure actor, speaker, kind, topic, stance), how many filled values are
right and wrong at each confidence the draft states, on the training corpus: the table the
fill thresholds in corpus/confidence.yaml are chosen from (a blank beats a wrong guess).

Usage: .venv/bin/python bench/draft_confidence.py          # training (SPLIT.yaml's train)
       .venv/bin/python bench/draft_confidence.py --reasons  # and by the reason each gives
       .venv/bin/python bench/draft_confidence.py DIR...   # any folders of NAME.txt + key
       .venv/bin/python bench/draft_confidence.py --full-reasons DIR  # each whole reason (the
           input of bench/unseen_calibration.py; copy this file and draft_quality.py into an
           older checkout to measure its code on a set that was blind to it)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):  # run as a script: the project and its sibling bench
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from draft_quality import (  # noqa: E402
    _date,
    _opens,
    _speaker_right,
    articles,
    dates_asked,
    matched_figures,
    training,
)

from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402

_SURE = re.compile(r"^(\d+)%")
# (field, confidence) -> [right, wrong]; blank fields the key fills are counted apart.
Tally = dict[tuple[str, int], list[int]]


FULL = "--full-reasons" in sys.argv
BY_REASON = "--reasons" in sys.argv or FULL


def _reason(why: str) -> str:
    """The reason's class: its words before the first quotation, number or colon after the %."""
    text = why.split(": ", 1)[-1]
    if FULL:
        return " ".join(text.split())[:400]
    return re.split(r"['\"(\d;]", text, maxsplit=1)[0].strip()[:50]


def _sure(why: dict[str, str], name: str) -> int:
    m = _SURE.match(why.get(name, ""))
    return int(m.group(1)) if m else -1


# A date the unseen-accuracy policy left blank and offered (curation/suggest/confidence.py
# below_threshold): its guess and the reason it would have been filled with.
_POLICY_OFFER = re.compile(
    r"^0%: left blank: .*? was (\d+)% sure, .*?\(suggested, not filled; (.*)\)$", re.S
)


def _offered(row: Any, asked: list[str], want: dict, w: dict, tally: Tally) -> None:
    """Count a date the policy offered, not filled, as right or wrong by its own reason (under
    "dates-offered"): a class once under the bar is still measured on each new blind set, as if
    filled. A date a rule only ever offers (another sentence's period) is not the policy's: left out."""
    m = _POLICY_OFFER.match(str(row.why.get("as_of", "")))
    offers = getattr(row, "offers", None) or {}
    if not m or not any(f in offers for f in asked):
        return
    took = {f: _date(offers.get(f)) for f in asked}
    if "as_of" in want and want["as_of"] is None and took["as_of"] == _date(w.get("period_end")):
        want = {**want, "as_of": took["as_of"]}  # a period's end is its as_of, as when filled
    level = f"{int(m.group(1)):3}% {' '.join(m.group(2).split())[:400]}"
    tally[("dates-offered", level)][0 if took == want else 1] += 1


def score(txt: Path, key: Path, curated: Any, tally: Tally, blank: dict[str, int]) -> None:
    gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    raw = txt.read_text(encoding="utf-8")
    published = _date(gold.get("published", gold.get("published_on")))
    _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
    figs = [r for r in rows if r.kind == "indicators"]
    stmts = [r for r in rows if r.kind == "statements"]

    def add(name: str, row: Any, why_field: str, filled: bool, right: bool) -> None:
        if not filled:
            blank[name] += 1
            return
        level: Any = _sure(row.why, why_field)
        if BY_REASON:
            level = f"{level:3}% {_reason(row.why.get(why_field, ''))}"
        tally[(name, level)][0 if right else 1] += 1

    for w, row in matched_figures(figs, gold.get("figures") or []):
        r = row.record
        asked, got, want = dates_asked(w, r)
        if asked:
            filled = any(v is not None for v in got.values())
            wrong = any(got[f] is not None and got[f] != want[f] for f in asked)
            if not wrong and got != want:
                blank["dates"] += 1  # part filled, rightly: the rest is a blank
            elif filled or any(v is not None for v in want.values()):
                add("dates", row, "as_of", filled, not wrong)
            if FULL and not filled:
                _offered(row, asked, want, w, tally)
        if "metric" in w:
            ok = r.get("metric_id") == w["metric"]
            if w["metric"] in (gold.get("new_metrics") or {}) and "metrics" in row.new:
                ok = row.new["metrics"].get("unit") == gold["new_metrics"][w["metric"]].get(
                    "unit", row.new["metrics"].get("unit")
                )
            add("metric", row, "metric_id", r.get("metric_id") is not None, ok)
        if "actor" in w:
            add("figure actor", row, "actor_id", r.get("actor_id") is not None,
                r.get("actor_id") == w["actor"])  # fmt: skip
    for w in gold.get("statements") or []:
        k = next((k for k, r in enumerate(stmts) if _opens(r, w["opening"])), None)
        if k is None:
            continue
        row, r = stmts[k], stmts[k].record
        if w.get("actor"):
            # Filled: an actor in the record (a name only in the notes is a blank with a hint).
            add("speaker", row, "actor_id", r.get("actor_id") is not None, _speaker_right(row, w))
        for name in ("kind", "topic", "stance"):
            if w.get(name):
                add(name, row, name, r.get(name) is not None, r.get(name) == w[name])


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("--")] or [
        p for p in training() if p.is_dir()
    ]
    curated = curated_lists(ROOT / "seeds")
    tally: Tally = defaultdict(lambda: [0, 0])
    blank: dict[str, int] = defaultdict(int)
    pairs = articles(folders)
    for txt, key in pairs:
        score(txt, key, curated, tally, blank)
    print(f"== {len(pairs)} articles: filled right / wrong by the confidence the draft states ==")
    names = ("dates", "metric", "figure actor", "speaker", "kind", "topic", "stance")
    for name in (*names, "dates-offered") if FULL else names:
        levels = sorted(c for f, c in tally if f == name)
        right = sum(tally[(name, c)][0] for c in levels)
        wrong = sum(tally[(name, c)][1] for c in levels)
        print(f"  {name:8} filled {right + wrong:4} (right {right}, wrong {wrong}), "
              f"blank where the key fills it {blank[name]}")  # fmt: skip
        for c in levels:
            r, w = tally[(name, c)]
            print(f"    {c!s:>4}{'' if BY_REASON else '%'}  right {r:4}  wrong {w:4}")


if __name__ == "__main__":
    main()
