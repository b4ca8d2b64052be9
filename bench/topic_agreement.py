"""Agreement study of statements' topic and stance: a seeded sample of training statements coded
blind from the codebook, compared with the keys (issue 23, round thirty-seven, topic37).

  .venv/bin/python bench/topic_agreement.py --draw    # write the sample (seed 37) to SAMPLE
  .venv/bin/python bench/topic_agreement.py --show    # print each statement and its title only
  .venv/bin/python bench/topic_agreement.py           # compare CODING with the keys: agreement,
                                                      # Cohen's kappa, confusion tables, the
                                                      # disagreements with REVIEW's reading
  .venv/bin/python bench/topic_agreement.py --drafts  # the drafts on the sample (about 2 min):
                                                      # right, blank or wrong, split by whether
                                                      # the blind coding agrees with the key

The sample and the coding are data under bench/topic_agreement/: SAMPLE names each statement by
folder, article and its index in the key (and the key's opening words, to find it in the text);
CODING is the blind coding, written before the keys were read; REVIEW (written after) says, per
disagreement, whether the key breaks the codebook, the codebook is silent or ambiguous, or the
coder was wrong. Only training folders are listed (draft_quality.training(): SPLIT.yaml's
held-aside sets never open).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draft_quality as dq  # noqa: E402

HERE = Path(__file__).resolve().parent / "topic_agreement"
SAMPLE = HERE / "sample.yaml"
CODING = HERE / "coding.yaml"
REVIEW = HERE / "review.yaml"
SEED = 37
SIZE = 160
TOPICS = [
    "arrests",
    "rehabilitation",
    "treatment",
    "prisons",
    "rights",
    "campaign",
    "policy",
    "funding",
    "prevention",
]
STANCES = ["supportive", "critical", "mixed", "neutral"]
_KHMER = re.compile("[\u1780-\u17ff]")


def _statements() -> list[dict]:
    """Every training key's statement: folder, article, index, opening, Khmer or not."""
    rows = []
    for txt, key in dq.articles(dq.training()):
        entries = (yaml.safe_load(key.read_text(encoding="utf-8")) or {}).get("statements") or []
        khmer = bool(_KHMER.search(txt.read_text(encoding="utf-8")))
        for i, s in enumerate(entries):
            rows.append(
                {
                    "folder": txt.parent.name,
                    "article": txt.stem,
                    "index": i,
                    "opening": str(s.get("opening") or ""),
                    "khmer": khmer,
                }
            )
    return rows


def draw() -> None:
    """A uniform draw of SIZE statements by a seeded shuffle (random.Random(SEED))."""
    rows = _statements()
    random.Random(SEED).shuffle(rows)
    sample = sorted(rows[:SIZE], key=lambda r: (r["folder"], r["article"], r["index"]))
    for n, r in enumerate(sample, 1):
        r["id"] = n
    HERE.mkdir(exist_ok=True)
    head = f"# Seeded draw: random.Random({SEED}).shuffle over {len(rows)} training statements,"
    head += f" first {SIZE}.\n"
    SAMPLE.write_text(head + yaml.safe_dump(sample, allow_unicode=True, sort_keys=False), "utf-8")
    folders = {r["folder"] for r in sample}
    km = sum(r["khmer"] for r in sample)
    print(f"{len(sample)} statements, {len(folders)} folders, {km} Khmer -> {SAMPLE}")


def _folder(name: str) -> Path:
    return next(p for p in dq.training() if p.name == name)


_END = re.compile(r"(?<=[.!?។])[\"”’]?(?=\s|$)")


def sentence(text: str, opening: str) -> str:
    """The sentence holding the key's opening words: from the sentence's start (so a speaker
    named before the words shows) to the end of the sentence the opening starts."""
    words = opening.strip("“\"‘' ")
    at = text.find(words)
    if at < 0:
        at = text.find(words[:25])
    if at < 0:
        return f"[opening not found] {opening}"
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    starts = [m.end() for m in re.finditer(r"[.!?។][\"”’]?\s+", before)]
    start = line_start + (starts[-1] if starts else 0)
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    m = _END.search(text, at + len(words), line_end)
    end = m.end() if m else line_end
    return text[start:end].strip()


def show() -> None:
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    for r in sample:
        text = (_folder(r["folder"]) / f"{r['article']}.txt").read_text(encoding="utf-8")
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        print(f"[{r['id']}] TITLE: {title[:160]}")
        print(f"    {sentence(text, r['opening'])}\n")


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two codings of the same items."""
    n = len(pairs)
    seen = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[c] * right[c] for c in left) / (n * n)
    return (seen - chance) / (1 - chance) if chance < 1 else 1.0


def _table(pairs: list[tuple[str, str]], labels: list[str]) -> None:
    count = Counter(pairs)
    used = [c for c in labels if any(c in p for p in pairs)]
    width = max(len(c) for c in used) + 1
    print(f"  {'key/coder':{width + 2}}" + "".join(f"{c[:6]:>7}" for c in used) + "   all")
    for a in used:
        row = [count[(a, b)] for b in used]
        print(f"  {a:{width + 2}}" + "".join(f"{v or '.':>7}" for v in row) + f"{sum(row):>6}")


def _khmer_ids(sample: list[dict]) -> set[int]:
    return {r["id"] for r in sample if r["khmer"]}


def score() -> None:
    sample = {r["id"]: r for r in yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))}
    coding = yaml.safe_load(CODING.read_text(encoding="utf-8"))
    review = yaml.safe_load(REVIEW.read_text(encoding="utf-8")) if REVIEW.is_file() else {}
    keys: dict[tuple[str, str], list] = {}
    pairs: dict[str, list[tuple[int, str, str]]] = {"topic": [], "stance": []}
    for c in coding:
        r = sample[c["id"]]
        k = (r["folder"], r["article"])
        if k not in keys:
            path = dq._key_of(_folder(r["folder"]) / f"{r['article']}.txt")
            keys[k] = yaml.safe_load(path.read_text(encoding="utf-8"))["statements"]
        entry = keys[k][r["index"]]
        for f in pairs:
            pairs[f].append((c["id"], str(entry[f]), str(c[f])))
    km = _khmer_ids(list(sample.values()))
    folders = {sample[c["id"]]["folder"] for c in coding}
    print(f"{len(coding)} statements coded, {len(folders)} folders, {len(km)} Khmer\n")
    for f, labels in (("topic", TOPICS), ("stance", STANCES)):
        rows = pairs[f]
        for part, keep in (("all", None), ("English", False), ("Khmer", True)):
            sel = [(a, b) for i, a, b in rows if keep is None or (i in km) == keep]
            agree = sum(a == b for a, b in sel)
            print(
                f"{f:7} {part:8} agree {agree}/{len(sel)} ({agree / len(sel):.0%})"
                f"  kappa {kappa(sel):.2f}"
            )
        print(f"\n{f}: confusion (rows the key, columns the blind coding)")
        _table([(a, b) for _, a, b in rows], labels)
        print()
    both = sum(
        t[1] == t[2] and s[1] == s[2] for t, s in zip(pairs["topic"], pairs["stance"], strict=True)
    )
    print(f"both fields agree: {both}/{len(coding)} ({both / len(coding):.0%})\n")
    why, kind, new = Counter(), Counter(), Counter()
    for f in pairs:
        for i, a, b in pairs[f]:
            if a != b:
                verdict = (review.get(i) or {}).get(f, {}) or {}
                why[(f, verdict.get("why", "not reviewed"))] += 1
                kind[(f, verdict.get("class", "-"))] += 1
                if "new_text" in verdict:
                    new[(f, verdict["new_text"])] += 1
    for title, counts in (
        ("disagreements by reading (review.yaml)", why),
        ("by class of gap", kind),
        ("the keys of the silent items against this round's codebook text", new),
    ):
        print(f"{title}:")
        for (f, w), n in sorted(counts.items()):
            print(f"  {f:7} {w:40} {n}")
        print()


def drafts() -> None:
    """What the drafts give the sampled statements, split by whether a blind reader (CODING)
    agrees with the key: a blank or a wrong where the reader agrees is within any draft's
    reach; where the reader does not, the key is not what the codebook alone gives."""
    import statement_context as sc  # the drafts of every training statement (slow: ~2 min)

    drafted = sc.statements()
    sample = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    coding = {c["id"]: c for c in yaml.safe_load(CODING.read_text(encoding="utf-8"))}
    for f in ("topic", "stance"):
        counts: Counter = Counter()
        for r in sample:
            words = r["opening"].strip("\u201c\"\u2018' ")
            x = next(
                (
                    x
                    for x in drafted
                    if x["folder"] == r["folder"]
                    and (
                        x["quote"].lstrip("\u201c\"\u2018' ").startswith(words)
                        or words in x["quote"]
                    )
                ),
                None,
            )
            if x is None:
                counts["not drafted"] += 1
                continue
            key, got = x[f"key_{f}"], x[f]
            state = "blank" if not got else "right" if got == key else "wrong"
            reader = "reader = key" if coding[r["id"]][f] == key else "reader != key"
            counts[f"{state:5} {reader}"] += 1
        print(f"{f}:")
        for k, n in sorted(counts.items()):
            print(f"  {k:24} {n}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--draw", action="store_true", help="write the seeded sample")
    p.add_argument("--show", action="store_true", help="print statements and titles, no key")
    p.add_argument("--drafts", action="store_true", help="the drafts' fields on the sample")
    args = p.parse_args()
    if args.draw:
        draw()
    elif args.drafts:
        drafts()
    elif args.show:
        show()
    else:
        score()


if __name__ == "__main__":
    main()
