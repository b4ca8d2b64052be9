"""How often each class of drafted figure was in the answer key on articles no rule was tuned on:
the unseen counts of corpus/confidence.yaml `figures.unseen`, from the figures older checkouts drafted.

Usage: in an older checkout (the code as it was when a set was blind), with this checkout's
bench/figure_calibration.py and bench/draft_quality.py copied in:
           python bench/figure_calibration.py --dump PATH/held_out_N > fN.tsv
       then here:
           .venv/bin/python bench/figure_calibration.py fN.tsv ...   # per class, per file
The dump has one line per drafted figure: in the key (1) or not (0), its words, the reason
given for its metric, and its sentence. Each line is classed by today's rules
(curation/suggest/confidence.py figure_class), so a change of the classes is measured again from
the same files.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))


def dump(folders: list[Path]) -> None:
    """One line per figure the checkout's code drafts: in the key or not, words, metric reason,
    sentence (tabs and line breaks inside a field made spaces)."""
    import yaml
    from draft_quality import _date, _figure_matches, articles  # this checkout's bench

    from curation.suggest.guess import curated_lists
    from curation.suggest.records import draft_rows

    curated = curated_lists(ROOT / "seeds")
    for txt, key in articles(folders):
        gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
        raw = txt.read_text(encoding="utf-8")
        published = _date(gold.get("published", gold.get("published_on")))
        _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
        figs = [r for r in rows if r.kind == "indicators"]
        used: set[int] = set()
        for w in gold.get("figures") or []:
            k = next((k for k, r in enumerate(figs)
                      if k not in used and _figure_matches(r.record, w)), None)  # fmt: skip
            if k is not None:
                used.add(k)
        for k, r in enumerate(figs):
            why = (getattr(r, "why", None) or {}).get("metric_id", "")
            fields = (str(int(k in used)), r.words, why, str(r.record.get("quote") or ""), txt.stem)
            print("\t".join(" ".join(f.split()) for f in fields))


def tally(files: list[Path]) -> None:
    from corpus.confidence import unseen_policy
    from curation.suggest.confidence import figure_class

    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            right, words, why, quote, _ = line.split("\t")
            name = figure_class(words, why, quote) or "other figures"
            for t in (total[name], per[name][path.stem]):
                t[0 if right == "1" else 1] += 1
    policy = unseen_policy("figures")
    bar, least = float(policy.get("bar", 0)), int(policy.get("least", 0))
    print(
        f"== figures drafted on unseen articles, in the key or not, by class ({len(files)} "
        f"files); drafted when in the key >= {bar:.0f}% of >= {least}, else offered =="
    )
    for name in sorted(total, key=lambda n: -sum(total[n])):
        right, wrong = total[name]
        keep = right + wrong < least or right >= bar / 100 * (right + wrong)
        sets = " ".join(f"{s}:{r}/{r + w}" for s, (r, w) in sorted(per[name].items()))
        print(f"  {name:45} in key {right:4} not {wrong:3} {right / (right + wrong):5.0%} "
              f"{'draft' if keep else 'offer'}  {sets}")  # fmt: skip
    print("== for corpus/confidence.yaml figures.unseen ==")
    for name in sorted(total):
        print(f'    "{name}": [{total[name][0]}, {total[name][1]}]')


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump"]:
        dump([Path(a) for a in sys.argv[2:]])
    else:
        tally([Path(a) for a in sys.argv[1:]])
