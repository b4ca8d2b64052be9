"""A drafted statement's topic, stance and speaker against the keys, per training folder: how
many are blank where the key has a value, how many are filled wrong, and each reason class's right
and wrong fills per folder (a rule is kept when it is right on nearly every folder where it fires).
A speaker left blank under its class's bar (corpus/confidence.yaml speaker) is counted under that
class with the actor it would have filled, right or wrong (round thirty-four: the training record
of a class never measured unseen, `speaker.training`).

Usage: .venv/bin/python bench/statement_terms.py              # this checkout's drafts
       .venv/bin/python bench/statement_terms.py --code DIR   # another checkout's code (main's,
                                                              # for the "before" column), scored
                                                              # on this checkout's training keys
Only the statements the draft finds (matched to a key entry by its opening, as
bench/draft_quality.py matches them) are counted; a missed statement is another term.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# A speaker the unseen bar left blank: "left blank: ID was NN% sure, its kind of reason (CLASS)".
_BLANKED = re.compile(r"^left blank: (\S+) was \d+% sure, its kind of reason \(([^)]*)\)")


def _classes(why: str) -> str:
    """A reason's class: its confidence and a stance word's quoted words off."""
    why = re.sub(r"^\d+%: ", "", why or "")
    why = re.sub(r"^left blank: .*?\((?:not filled; )?", "blank under its bar: ", why).rstrip(")")
    return re.sub(r"^from '.*'$", "from a stance word", why)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose code drafts")
    args = parser.parse_args()
    # The code from --code, first on the path; this checkout's bench/ for the listing (listed
    # last, so draft_quality does not put this checkout's code before --code's).
    sys.path.insert(0, str(args.code.resolve()))
    sys.path += [str(ROOT), str(ROOT / "bench")]
    import draft_quality as dq  # this checkout's training listing and matching
    import yaml

    from curation.suggest.confidence import reason_class
    from curation.suggest.guess import curated_lists
    from curation.suggest.records import draft_rows

    curated = curated_lists(args.code.resolve() / "seeds")
    names = ("topic", "stance", "speaker")
    counts: dict[str, Counter[tuple[str, str]]] = {n: Counter() for n in names}
    fired: dict[str, dict[str, list[int]]] = {n: defaultdict(lambda: [0, 0]) for n in names}
    by_folder: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for folder in dq.training():
        for txt, key in dq.articles([folder]):
            gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
            raw = txt.read_text(encoding="utf-8")
            published = dq._date(gold.get("published", gold.get("published_on")))
            _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
            drafted = [r for r in rows if r.kind == "statements"
                       and getattr(r, "status", "") != "offered"]  # fmt: skip
            for w in gold.get("statements") or []:
                row = next((r for r in drafted if dq._opens(r, w["opening"])), None)
                if row is None:
                    continue
                fresh = dq._new_actors(rows)
                got = row.record.get("actor_id")
                why = re.sub(r"^\d+%: ", "", str(row.why.get("actor_id", "")))
                ok = bool(w.get("actor")) and dq._same_actor(got, w["actor"], gold, fresh)
                counts["speaker"][(folder.name, "right" if ok else "blank" if got is None
                                   else "wrong")] += 1  # fmt: skip
                if blank := _BLANKED.match(why):  # the actor the class's bar left blank
                    got, cls = blank.group(1), f"blank under its bar: {blank.group(2)}"
                    ok = bool(w.get("actor")) and dq._same_actor(got, w["actor"], gold, fresh)
                else:
                    cls = reason_class("speaker", why) or "unclassed"
                if got is not None:
                    fired["speaker"][cls][ok] += 1
                    by_folder[("speaker", cls, folder.name)][ok] += 1
                for name in ("topic", "stance"):
                    got, want = row.record.get(name), w.get(name)
                    state = "right" if got == want else "blank" if got is None else "wrong"
                    counts[name][(folder.name, state)] += 1
                    if got is not None:
                        cls = _classes(str(row.why.get(name, "")))
                        fired[name][cls][got == want] += 1
                        by_folder[(name, cls, folder.name)][got == want] += 1
    for name in names:
        total = Counter()
        print(f"== {name}: per folder, right / blank where the key has one / filled wrong")
        for folder in sorted({f for f, _ in counts[name]}):
            line = {s: counts[name][(folder, s)] for s in ("right", "blank", "wrong")}
            total.update(line)
            print(f"  {folder:14} {line['right']:4} {line['blank']:4} {line['wrong']:4}")
        print(f"  {'all':14} {total['right']:4} {total['blank']:4} {total['wrong']:4}"
              f"   (changed: {total['blank'] + total['wrong']})")  # fmt: skip
        print(f"-- {name}: each class of reason filled, right / wrong, and folders with a wrong")
        for cls, (wrong, right) in sorted(fired[name].items(), key=lambda kv: -sum(kv[1])):
            folders = [f for (n, c, f), v in by_folder.items() if n == name and c == cls]
            bad = sum(by_folder[(name, cls, f)][0] > 0 for f in folders)
            print(f"  {cls[:62]:62} {right:4} {wrong:4}   {bad}/{len(folders)} folders")
            if name == "speaker":  # each folder's right / filled: leave-one-set-out at a glance
                each = (f"{f}: {by_folder[(name, cls, f)][1]}/{sum(by_folder[(name, cls, f)])}"
                        for f in sorted(folders))  # fmt: skip
                print(f"      {', '.join(each)}")


if __name__ == "__main__":
    main()
