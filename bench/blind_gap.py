"""Why blind sets do not move with training's rules (gap37): a former blind set's changes by cause.

Usage: .venv/bin/python bench/blind_gap.py [N ...]     # held_out_N, default 29 30 31 32

Every article of a set is scored alone by bench/draft_quality.py's score_article (the same count
as `--held-out N --changes`), and each change is put in one of five causes: (a) a field of an
article in an ordinary outlet style seen in two or more folders older than the set (the suggest
fixtures, drafting/, held_out ... held_out_{N-1}, an article with the same outlet prefix: the
name's first word, two for km_ and xinhua_); (b) a field of an article the set's README table
marks **New form** ((b') an ordinary style seen in fewer than two earlier folders); (c) a
statement's topic or stance; (d) a metric or figure actor where the draft gives a curated id and
the key makes its own (new_metrics, new_actors); (e) a curator's writing (a new proposal's name
and description, a new actor's name in Latin letters). It also counts, inside (a) and (b), the
figure actors and metrics left blank where the key makes a new id. Run it from an old checkout
(git archive of the commit, this file copied in) for the score a set had when it was blind; it
refuses a set SPLIT.yaml holds aside.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from draft_quality import DRAFTING, Score, held_out_folder, score_article  # noqa: E402

from curation.suggest.guess import curated_lists  # noqa: E402

# The categories of the brief (gap37): which fields fall where before the page-form split.
TOPIC = {"statement topic", "statement stance"}
WRITING = {"proposal name", "proposal description", "a new actor's name in Latin letters (written)"}
KEY_ID_FIELDS = {"metric right": "figure metric", "figure actor right": "figure actor"}


def prefix(name: str) -> str:
    """An article's outlet prefix: its first word, two for km_ and xinhua_wire names."""
    parts = name.split("_")
    return "_".join(parts[:2]) if parts[0] in {"km", "xinhua"} and len(parts) > 1 else parts[0]


def earlier_folders(n: int) -> list[Path]:
    """The folders older than held_out_N: suggest fixtures, drafting/, held_out ... N-1."""
    return [ROOT / "tests" / "fixtures" / "suggest", DRAFTING] + [
        held_out_folder(k) for k in range(1, n)
    ]


def new_forms(folder: Path) -> set[str]:
    """Articles whose row in the set's README table says **New form**."""
    text = (folder / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([^`]+)` \|[^\n]*\*\*New form", text, flags=re.M))


def key_ids(key: dict, curated_ids: set[str]) -> set[str]:
    """Ids a key declares that the curated seeds do not hold."""
    own = {str(k) for k in key.get("new_actors") or {}} | {
        str(k) for k in key.get("new_metrics") or {}
    }
    return own - curated_ids


def main() -> None:
    sets = [int(a) for a in sys.argv[1:]] or [29, 30, 31, 32]
    aside = set(
        (yaml.safe_load((DRAFTING / "SPLIT.yaml").read_text(encoding="utf-8")) or {}).get(
            "held_aside"
        )
        or []
    )
    curated = curated_lists(ROOT / "seeds")
    curated_ids = {str(r.get("metric_id")) for r in curated.metrics}
    curated_ids |= {str(r.get("actor_id")) for r in curated.actors}
    for n in sets:
        folder = held_out_folder(n)
        if folder.name in aside:
            sys.exit(f"{folder.name} is held aside: not scored")
        fresh = new_forms(folder)
        older = earlier_folders(n)
        seen = defaultdict(set)
        for f in older:
            for t in f.glob("*.txt"):
                seen[prefix(t.stem)].add(f.name)
        by_cat: Counter[str] = Counter()
        to_make: Counter[str] = Counter()
        by_field: dict[str, Counter[str]] = defaultdict(Counter)
        rows = []
        total_changes = total_fields = 0
        for txt in sorted(folder.glob("*.txt")):
            key_path = txt.with_suffix(".expected.yaml")
            key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
            s = Score()
            s.article = txt.stem
            changed, _, fields = score_article(txt, key_path, curated, s)
            total_changes, total_fields = total_changes + changed, total_fields + fields
            own = key_ids(key, curated_ids)
            # Metric and actor changes whose wanted id is the key's own (no curated id).
            own_id: Counter[str] = Counter()
            for line in s.misses:
                m = re.match(
                    r"\S+\s+(metric right|figure actor right)\s+.*: (\S+) for (\S+)$", line
                )
                if m and m.group(3) in own:
                    # The draft's curated id where the key made its own: the key's split.
                    own_id[KEY_ID_FIELDS[m.group(1)]] += m.group(2) in curated_ids
                    # Blank where the key makes a new one: a new record the draft must make.
                    to_make[KEY_ID_FIELDS[m.group(1)]] += m.group(2) == "None"
            form = "new form" if txt.stem in fresh else "ordinary"
            for name, k in s.changes.items():
                if not k:
                    continue
                base = re.sub(r" \((blank|wrong|blank, offered right)\)$", "", name)
                ids = min(k, own_id.get(base, 0))
                if ids:
                    by_cat["(d) the key's own id, the draft's curated one"] += ids
                rest = k - ids
                if name in TOPIC:
                    cat = "(c) topic and stance"
                elif name in WRITING:
                    cat = "(e) a curator's writing"
                elif form == "new form":
                    cat = "(b) one new page form"
                elif len(seen.get(prefix(txt.stem), ())) >= 2:
                    cat = "(a) a form seen in >= 2 earlier folders"
                else:
                    cat = "(b') a form seen in < 2 earlier folders"
                by_cat[cat] += rest
                by_field[base][form] += k
            rows.append((txt.stem, form, len(seen.get(prefix(txt.stem), ())), changed, fields))
        print(f"== held_out_{n}: {total_changes}/{total_fields} fields to change "
              f"({total_changes / total_fields:.1%})")  # fmt: skip
        for stem, form, k, c, f in rows:
            print(f"  {stem:62} {form:9} earlier folders {k:3}  {c:4}/{f:<4}")
        for field_name, c in sorted(by_field.items(), key=lambda kv: -sum(kv[1].values())):
            print(
                f"    field {field_name:46} new form {c['new form']:4}  ordinary {c['ordinary']:4}"
            )
        for cat, k in sorted(by_cat.items()):
            print(f"    {cat:44} {k:4}  {k / total_changes:5.1%}")
        for name, k in sorted(to_make.items()):
            print(f"      of them {name} blank where the key makes a new id: {k}")


if __name__ == "__main__":
    main()
