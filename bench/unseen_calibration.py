"""How often each class of date (or speaker) reason was right on articles no rule was tuned on:
the unseen counts of corpus/confidence.yaml (dates.unseen, speaker.unseen), from the whole
reasons older checkouts gave.

Usage: in an older checkout (the code as it was when a set was blind), with this checkout's
bench/draft_confidence.py and bench/draft_quality.py copied in:
           python bench/draft_confidence.py --full-reasons PATH/held_out_N > hN.txt
       then here:
           .venv/bin/python bench/unseen_calibration.py hN.txt ...   # dates per class, per file
           .venv/bin/python bench/unseen_calibration.py --field speaker hN.txt ...
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
        sets = " ".join(f"{s}:{r}/{r + w}" for s, (r, w) in sorted(per[name].items()))
        print(
            f"  {name:45} right {right:4} wrong {wrong:3} {right / (right + wrong):5.0%} "
            f"{'fill' if keep else 'blank'}  {sets}"
        )
    print(f"== for corpus/confidence.yaml {field}.unseen ==")
    for name in sorted(total):
        print(f'    "{name}": [{total[name][0]}, {total[name][1]}]')


if __name__ == "__main__":
    main()
