"""How often each class of drafted geography (how the place was found: corpus/confidence.yaml
geography.rules) was right, per set of made-up articles, and leave-one-set-out over the
held_out_N sets: each set's fills when a class is filled only where the other sets found it
right >= the bar (round twenty-five (a), issue 23: a blank beats a wrong guess).

Usage: .venv/bin/python bench/geography_classes.py          # training sets, per class
       .venv/bin/python bench/geography_classes.py --loso   # and per set, filled right / wrong
A geography the policy left blank is counted by the guess and class its reason keeps ("left
blank: national was 70% sure, ... (not filled; no place named: ...)"), so a class under the bar
is still measured; a guess blank by its own rule ("the curator says") is counted as "blank".
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from draft_quality import _area, _date, articles, matched_figures, training  # noqa: E402

from curation.suggest.confidence import reason_class, unseen_policy  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402

_HELD = re.compile(r"^left blank: (.*?) was \d+% sure, .*\(not filled; (.*)\)$", re.S)


def guess_of(value: object, why: str) -> tuple[str | None, str]:
    """The geography a draft guessed (filled, or kept in a blank's reason) and its reason."""
    reason = why.split(": ", 1)[1] if re.match(r"-?\d+%: ", why) else why
    if value is None and (m := _HELD.match(reason)):
        return m.group(1), m.group(2)
    return (None if value is None else str(value)), reason


def tallies(folder: Path, curated: object) -> dict[str, list[int]]:
    """Per class: [right, wrong] of the geographies guessed on the key's figures."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for txt, key in articles([folder]):
        gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
        raw = txt.read_text(encoding="utf-8")
        published = _date(gold.get("published", gold.get("published_on")))
        _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
        figs = [r for r in rows if r.kind == "indicators" and r.status != "offered"]
        for w, row in matched_figures(figs, gold.get("figures") or []):
            if "geography" not in w:
                continue
            filled, want = row.record.get("geography"), _area(w["geography"])
            as_drafted = (
                "blank" if filled is None else "right" if _area(filled) == want else "wrong"
            )
            out[f"drafted {as_drafted}"][0] += 1
            got, reason = guess_of(filled, str(row.why.get("geography")))
            if got is None:
                out["blank"][0 if _area(w["geography"]) == "national" else 1] += 1
                continue
            name = reason_class("geography", reason) or "unclassed"
            out[name][0 if _area(got) == _area(w["geography"]) else 1] += 1
    return out


def main() -> None:
    curated = curated_lists(ROOT / "seeds")
    sets = {f.name: tallies(f, curated) for f in training()}
    held = sorted((n for n in sets if n.startswith("held_out")),
                  key=lambda n: int(n.rsplit("_", 1)[-1]) if n[-1].isdigit() else 1)  # fmt: skip
    print("geography as drafted, per set: right / wrong / blank")
    for n, t in sets.items():
        print(f"  {n:14} " + " / ".join(f"{t.get(f'drafted {k}', [0])[0]:3}"
                                        for k in ("right", "wrong", "blank")))  # fmt: skip
    for k in ("right", "wrong", "blank"):
        print(f"  total {k}: {sum(t.get(f'drafted {k}', [0])[0] for t in sets.values())}")
    classes = sorted({c for t in sets.values() for c in t if not c.startswith("drafted")})
    print("class: [right, wrong] per set (blank: [key national, key a place])")
    for c in classes:
        print(f"  {c}")
        print("    " + ", ".join(f"{n}: {sets[n][c][0]}/{sets[n][c][1]}"
                                 for n in sets if sets[n].get(c)))  # fmt: skip
    print("\nyaml geography.unseen (every held_out_N set):")
    for c in classes:
        if c != "blank":
            r, w = (sum(sets[n].get(c, [0, 0])[i] for n in held) for i in (0, 1))
            print(f'    "{c}": [{r}, {w}]')
    if "--loso" not in sys.argv:
        return
    policy = unseen_policy("geography")
    bar, least = float(policy.get("bar", 95)) / 100, int(policy.get("least", 5))
    print(f"\nleave-one-set-out: a class filled where the other held_out sets are right >= "
          f"{bar:.0%} of at least {least}")  # fmt: skip
    for n in held:
        right = wrong = 0
        for c in classes:
            r, w = (sum(sets[m].get(c, [0, 0])[i] for m in held if m != n) for i in (0, 1))
            if c != "blank" and r + w >= least and r >= bar * (r + w):
                right, wrong = right + sets[n].get(c, [0, 0])[0], wrong + sets[n].get(c, [0, 0])[1]
        print(f"  {n:14} filled right {right:3}  wrong {wrong:3}")


if __name__ == "__main__":
    main()
