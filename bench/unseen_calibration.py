"""How often each class of date (or speaker) reason was right on articles no rule was tuned on:
the unseen counts of corpus/confidence.yaml (dates.unseen, speaker.unseen), from the whole
reasons older checkouts gave.

Usage: in an older checkout (the code as it was when a set was blind), with this checkout's
bench/draft_confidence.py and bench/draft_quality.py copied in:
           python bench/draft_confidence.py --full-reasons PATH/held_out_N > hN.txt
       then here:
           .venv/bin/python bench/unseen_calibration.py hN.txt ...   # dates per class, per file
           .venv/bin/python bench/unseen_calibration.py --field speaker hN.txt ...
           .venv/bin/python bench/unseen_calibration.py --loso hN.txt ...  # and per file, the
               dates filled right / wrong when each file's classes are decided by the others
Each class is the one curation/suggest/confidence.py reason_class gives by today's rules, so a
change of those rules is measured again from the same files.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from corpus.confidence import unseen_policy  # noqa: E402
from curation.suggest.confidence import reason_class  # noqa: E402

_LINE = re.compile(r"^\s+-?\d+% (.*?)\s+right\s+(\d+)\s+wrong\s+(\d+)$")


def main() -> None:
    args = sys.argv[1:]
    field = "dates"
    loso = "--loso" in args
    args = [a for a in args if a != "--loso"]
    if args[:1] == ["--field"]:
        field, args = args[1], args[2:]
    files = [Path(a) for a in args]
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for path in files:
        in_field = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and not line.startswith("    "):
                # A field's heading line; "dates-offered" are the dates the policy left blank and
                # offered, each counted by the reason it would have been filled with.
                in_field = line.split()[0] in (field, f"{field}-offered")
                continue
            m = _LINE.match(line)
            if not in_field or not m or m.group(1).startswith("left blank"):
                continue  # a guess already left blank is no fill
            name = reason_class(field, m.group(1)) or "unclassed"
            for tally in (total[name], per[name][path.stem]):
                tally[0] += int(m.group(2))
                tally[1] += int(m.group(3))
    policy = unseen_policy(field)
    bar, least = float(policy.get("bar", 0)), int(policy.get("least", 0))
    print(
        f"== {field} filled on unseen articles, by class of reason ({len(files)} files); "
        f"filled when right >= {bar:.0f}% of >= {least} =="
    )
    for name in sorted(total, key=lambda n: -sum(total[n])):
        right, wrong = total[name]
        keep = right + wrong >= least and right >= bar / 100 * (right + wrong)
        held = name in (policy.get("held_blank") or {})
        sets = " ".join(f"{s}:{r}/{r + w}" for s, (r, w) in sorted(per[name].items()))
        print(
            f"  {name:45} right {right:4} wrong {wrong:3} {right / (right + wrong):5.0%} "
            f"{'held' if keep and held else 'fill' if keep else 'blank'}  {sets}"
        )
    if loso:
        _leave_one_out(per, bar, least, set(policy.get("held_blank") or {}))
    print(f"== for corpus/confidence.yaml {field}.unseen ==")
    for name in sorted(total):
        print(f'    "{name}": [{total[name][0]}, {total[name][1]}]')


def _leave_one_out(
    per: dict[str, dict[str, list[int]]], bar: float, least: int, held: set[str]
) -> None:
    """Each file's classes filled or not by the other files' counts alone (round twenty-three):
    how many of that file's dates would have been filled, and how many of those wrong."""
    files = sorted({f for sets in per.values() for f in sets})
    print("== leave one file out: each file's fills decided by the others' counts ==")
    total = [0, 0, 0]
    for f in files:
        right = wrong = dated = 0
        for name, sets in per.items():
            r = sum(v[0] for k, v in sets.items() if k != f)
            w = sum(v[1] for k, v in sets.items() if k != f)
            here = sets.get(f, [0, 0])
            dated += sum(here)
            if name in held or r + w < least or r < bar / 100 * (r + w):
                continue
            right, wrong = right + here[0], wrong + here[1]
        total = [total[0] + right, total[1] + wrong, total[2] + dated]
        print(
            f"  {f:6} filled {right + wrong:4} of {dated:4}: right {right:4}, wrong {wrong:2} "
            f"({wrong / max(dated, 1):.1%} of its dates)"
        )
    right, wrong, dated = total
    print(
        f"  all    filled {right + wrong:4} of {dated:4}: right {right:4}, wrong {wrong:2} "
        f"({wrong / max(dated, 1):.1%} of its dates)"
    )


if __name__ == "__main__":
    main()
