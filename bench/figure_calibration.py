"""How often each class of drafted figure was in the answer key on articles no rule was tuned on:
the unseen counts of corpus/confidence.yaml `figures.unseen`, from the figures older checkouts drafted.

Usage: in an older checkout (the code as it was when a set was blind), with this checkout's
bench/figure_calibration.py and bench/draft_quality.py copied in:
           python bench/figure_calibration.py --dump PATH/held_out_N > fN.tsv
       then here:
           .venv/bin/python bench/figure_calibration.py fN.tsv ...   # per class, per file
       and for statements (proposals and positions are dumped too, measured by hand):
           python bench/figure_calibration.py --dump-records PATH/held_out_N > rN.tsv
           .venv/bin/python bench/figure_calibration.py --field statements rN.tsv ...
The dump has one line per drafted figure: in the key (1) or not (0), its words, the reason
given for its metric, and its sentence. Each line is classed by today's rules
(curation/suggest/confidence.py figure_class), so a change of the classes is measured again from
the same files.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))


def _drafted(folders: list[Path]):  # type: ignore[no-untyped-def]
    """Each article of the folders with its answer key and the rows this checkout's code
    drafts for it (the curated lists of this checkout's seeds)."""
    import yaml
    from draft_quality import _date, articles  # this checkout's bench

    from curation.suggest.guess import curated_lists
    from curation.suggest.records import draft_rows

    curated = curated_lists(ROOT / "seeds")
    for txt, key in articles(folders):
        gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
        raw = txt.read_text(encoding="utf-8")
        published = _date(gold.get("published", gold.get("published_on")))
        _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
        yield txt, gold, rows


def dump(folders: list[Path]) -> None:
    """One line per figure the checkout's code drafts: in the key or not, words, metric reason,
    sentence (tabs and line breaks inside a field made spaces)."""
    from draft_quality import _figure_matches  # this checkout's bench

    for txt, gold, rows in _drafted(folders):
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


def dump_records(folders: list[Path]) -> None:
    """One line per statement, proposal or position the checkout's code drafts: its kind, in the
    key or not (matched as bench/draft_quality.py matches them), the reason for its kind (a
    statement) or its name (a measure), and its quote."""
    from draft_quality import _opens  # this checkout's bench

    for txt, gold, rows in _drafted(folders):
        stmts = [r for r in rows if r.kind == "statements"]
        measures = [r for r in rows if r.kind in ("policies", "positions")]
        hit: set[int] = {k for w in gold.get("statements") or []
                         for k in [next((k for k, r in enumerate(stmts) if _opens(r, w["opening"])),
                                        None)] if k is not None}  # fmt: skip
        want = [(w, w.get("policy")) for w in gold.get("proposals") or []]
        want += [(w, w.get("proposal")) for w in gold.get("positions") or []]
        got: set[int] = set()
        for w, policy in want:
            k = next((k for k, r in enumerate(measures) if k not in got and _opens(r, w["opening"])
                      and (r.kind == "positions" if policy else r.kind == "policies")), None)  # fmt: skip
            if k is not None:
                got.add(k)
        for rows_of, hits, field in ((stmts, hit, "kind"), (measures, got, "name")):
            for k, r in enumerate(rows_of):
                why = (getattr(r, "why", None) or {}).get(field, "")
                quote = str(r.record.get("quote") or "")
                fields = (r.kind, str(int(k in hits)), why, quote, txt.stem)
                print("\t".join(" ".join(f.split()) for f in fields))


def tally(files: list[Path], field: str = "figures") -> None:
    """Per class of ``field`` (figures, or statements from --dump-records files), how often the
    drafts were in the key, per file, and the counts for corpus/confidence.yaml."""
    from corpus.confidence import unseen_policy
    from curation.suggest.confidence import figure_class, reason_class

    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if field == "figures":
                right, words, why, quote, _ = line.split("\t")
                name = figure_class(words, why, quote) or "other figures"
            else:
                kind, right, why, _, _ = line.split("\t")
                if kind != field:
                    continue
                name = reason_class(field, re.sub(r"^\d+%: ", "", why)) or "unclassed"
            for t in (total[name], per[name][path.stem]):
                t[0 if right == "1" else 1] += 1
    policy = unseen_policy(field)
    bar, least = float(policy.get("bar", 0)), int(policy.get("least", 0))
    print(
        f"== {field} drafted on unseen articles, in the key or not, by class ({len(files)} "
        f"files); drafted when in the key >= {bar:.0f}% of >= {least}, else offered =="
    )
    for name in sorted(total, key=lambda n: -sum(total[n])):
        right, wrong = total[name]
        keep = right + wrong < least or right >= bar / 100 * (right + wrong)
        sets = " ".join(f"{s}:{r}/{r + w}" for s, (r, w) in sorted(per[name].items()))
        print(f"  {name:45} in key {right:4} not {wrong:3} {right / (right + wrong):5.0%} "
              f"{'draft' if keep else 'offer'}  {sets}")  # fmt: skip
    print(f"== for corpus/confidence.yaml {field}.unseen ==")
    for name in sorted(total):
        print(f'    "{name}": [{total[name][0]}, {total[name][1]}]')


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump-records"]:
        dump_records([Path(a) for a in sys.argv[2:]])
    elif sys.argv[1:2] == ["--dump"]:
        dump([Path(a) for a in sys.argv[2:]])
    elif sys.argv[1:2] == ["--field"]:
        tally([Path(a) for a in sys.argv[3:]], sys.argv[2])
    else:
        tally([Path(a) for a in sys.argv[1:]])
