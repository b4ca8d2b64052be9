"""Every date a draft left blank and offered beside its blank, per folder, right or wrong against
the answer key, with the reason it carries: the evidence of each class's precision on folders it
was not measured on (round twenty-three); with --classes, that table itself (round thirty-three).

Usage: .venv/bin/python bench/date_offers.py > offers.tsv          # every training folder
       .venv/bin/python bench/date_offers.py DIR... > offers.tsv   # any folders of NAME.txt + key
       .venv/bin/python bench/date_offers.py --classes [offers.tsv]  # per class of the offers:
           right / offered per folder, and leave-one-set-out: each folder's offers filled when
           the other folders' record fills the class (corpus/confidence.yaml dates.training)
       .venv/bin/python bench/date_offers.py --records [offers.tsv] [--share N]  # (round 37)
           the `dates.training` and `training_wrong_on` records of corpus/confidence.yaml made
           again from the drafts: every class offered or filled by its training record, per
           folder, which pass (at `training_share`, or N), and each listed line measured anew
       .venv/bin/python bench/date_offers.py --blank > blank.tsv   # the dates asked and neither
           filled nor offered, with their reason and sentence (the "figure date (blank)" term)
       .venv/bin/python bench/date_offers.py --before              # of those, per reason and
           language: how often the dates of the drafted figure before it are the key's (round 34)
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
    DATE_FIELDS,
    _date,
    articles,
    dates_asked,
    matched_figures,
    training,
)

from curation.suggest.confidence import (  # noqa: E402
    _RULE_OFFER,
    date_class,
    dates_policy,
    mostly_right,
)
from curation.suggest.date_splits import split_class  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402


def rows_of(txt: Path, key: Path, curated) -> list[tuple[str, ...]]:
    """(article, state, right, reason, quote, dates drafted/wanted, class) per matched figure
    whose dates the key asks: state is "filled" or "offered" (nothing filled, something offered);
    class is row_class's, split by the fields offered and the whole sentence (round 34)."""
    gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    raw = txt.read_text(encoding="utf-8")
    published = _date(gold.get("published", gold.get("published_on")))
    _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
    figs = [r for r in rows if r.kind == "indicators" and getattr(r, "status", "") != "offered"]
    out = []
    for w, row in matched_figures(figs, gold.get("figures") or []):
        asked, got, want = dates_asked(w, row.record)
        if not asked:
            continue
        offers = getattr(row, "offers", None) or {}
        filled = any(v is not None for v in got.values())
        if filled:
            state, took = "filled", got
        elif any(f in offers for f in asked):
            state, took = "offered", {f: _date(offers.get(f)) for f in asked}
        elif BLANK and want != got:
            state, took = "blank", got
        else:
            continue
        if (state == "blank") != BLANK:
            continue
        if "as_of" in w and w["as_of"] is None and took["as_of"] == _date(w.get("period_end")):
            want["as_of"] = took["as_of"]
        why = " ".join(str(row.why.get("as_of", "")).split())
        sentence = " ".join(str(row.record.get("quote") or "").split())
        quote = sentence[:300]
        name = row_class(
            state, why, {f: offers.get(f) or got.get(f) for f in DATE_FIELDS}, sentence
        )
        shown = " ".join(f"{f}={took[f]}/{want[f]}" for f in asked)  # drafted / the key's
        out.append((txt.stem, state, "right" if took == want else "wrong", why, quote, shown, name))
    return out


BLANK = "--blank" in sys.argv
# A date filled by its class's training record names the class (confidence._training_why).
_BY_RECORD = re.compile(r"its kind of reason \((.+?)\) was right \d+ of \d+ on \d+ training sets")
_POLICY = re.compile(r"\(suggested, not filled; (.*)\)$", re.S)


def row_class(state: str, why: str, dates: dict | None = None, quote: str = "") -> str:
    """The date class of a drafted row's reason: a filled date's own, an offered date's by the
    inference offered (the policy's or a rule's), and its sub-class (corpus/confidence.yaml
    dates.splits) when the dates it gives and its sentence are known; a reason no rule classes
    by its first words."""
    text = why.split(": ", 1)[-1]
    by_record = _BY_RECORD.search(why)
    if state == "filled" and by_record:  # filled by its (sub-)class's training record
        return by_record.group(1)
    if state == "offered":
        m = _POLICY.search(why) or _RULE_OFFER.search(why)
        text = m.group(m.lastindex or 1) if m else ""
    name = date_class(text) if text else None
    if name and dates is not None:
        name = split_class(name, text, dates, quote)
    return name or "(no class) " + re.split(r"['\"(\d;]", why.split(": ", 1)[-1],
                                             maxsplit=1)[0].strip()[:60]  # fmt: skip


def _passes(policy: dict[str, Any], name: str, folders: dict[str, list[int]]) -> bool:
    """Whether a class with this right / wrong per folder passes the training rule of
    corpus/confidence.yaml dates (``policy``): at least `training_least` right on at least
    `training_sets` folders, never wrong or (round thirty-six) right on nearly every folder."""
    right = sum(v[0] for v in folders.values())
    wrong = sum(v[1] for v in folders.values())
    record = {"training_wrong_on": {name: {f: v for f, v in folders.items() if v[1]}}}
    return (
        right >= int(policy["training_least"])
        and len(folders) >= int(policy["training_sets"])
        and (not wrong or mostly_right({**policy, **record}, name, right, wrong))
    )


def classes(lines: list[str]) -> None:
    """Per class of offered dates: right / offered on each folder; then leave one folder out:
    the class filled when the other folders' offers pass the training rule (corpus/confidence.yaml
    dates: never wrong, or (round thirty-six) right on nearly every folder, `mostly_right`; at
    least `training_least` right on at least `training_sets` folders)."""
    policy = dates_policy()
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for line in lines:
        folder, _, state, right, why, *rest = line.rstrip("\n").split("\t")
        if state == "offered":  # the class the dump wrote (round 34), else the reason's
            name = rest[2] if len(rest) > 2 else row_class(state, why)
            per[name][folder][0 if right == "right" else 1] += 1

    print("class\toffered\tright\twrong\tfolders\tpasses\tleft-out folders filled\t"
          "filled right\tfilled wrong\tper folder (right/offered)")  # fmt: skip
    for name, folders in sorted(per.items(), key=lambda kv: -sum(sum(v) for v in kv[1].values())):
        right = sum(v[0] for v in folders.values())
        wrong = sum(v[1] for v in folders.values())
        held = [0, 0, 0]  # left-out folders where the others fill the class; right, wrong there
        for out, (r, w) in folders.items():
            if _passes(policy, name, {f: v for f, v in folders.items() if f != out}):
                held = [held[0] + 1, held[1] + r, held[2] + w]
        shown = " ".join(f"{f.replace('held_out_', '').replace('held_out', 'h')}:{r}/{r + w}"
                         for f, (r, w) in sorted(folders.items()))  # fmt: skip
        print(f"{name}\t{right + wrong}\t{right}\t{wrong}\t{len(folders)}\t"
              f"{'yes' if _passes(policy, name, folders) else 'no'}\t{held[0]}\t{held[1]}\t{held[2]}\t"
              f"{shown}")  # fmt: skip


def records(lines: list[str], share: float | None = None) -> None:
    """The training records of corpus/confidence.yaml dates made again (round thirty-seven): per
    class, the figures offered or filled by a training record (a listed class's filled ones
    too), right / wrong per folder; the classes that pass the rule (at `share` percent in all
    when given) and stay passing with any one folder left out, as the YAML lines to paste, and
    every listed line beside its measure now."""
    policy = dates_policy()
    if share is not None:
        policy = {**policy, "training_share": share}
    listed = policy.get("training") or {}
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for line in lines:
        folder, _, state, right, why, _quote, _shown, name = line.rstrip("\n").split("\t")[:8]
        by_record = state == "filled" and ("training sets" in why or name in listed)
        if state == "offered" or by_record:
            per[name][folder][0 if right == "right" else 1] += 1

    kept: dict[str, tuple[int, int, int, dict[str, list[int]]]] = {}
    print("class\tright\twrong\tfolders\tpasses\tstable\tlisted\tper folder (right/of)")
    for name, folders in sorted(per.items(), key=lambda kv: -sum(sum(v) for v in kv[1].values())):
        right = sum(v[0] for v in folders.values())
        wrong = sum(v[1] for v in folders.values())
        ok = _passes(policy, name, folders)
        stable = ok and all(_passes(policy, name, {f: v for f, v in folders.items() if f != out})
                            for out in folders)  # fmt: skip
        if stable:
            kept[name] = (right, wrong, len(folders), folders)
        shown = " ".join(f"{f.replace('held_out_', '').replace('held_out', 'h')}:{r}/{r + w}"
                         for f, (r, w) in sorted(folders.items()))  # fmt: skip
        print(
            f"{name}\t{right}\t{wrong}\t{len(folders)}\t{'yes' if ok else 'no'}\t"
            f"{'yes' if stable else 'no'}\t{listed.get(name, '')}\t{shown}"
        )
    print("\n# listed now -> measured now (a listed class no longer stable is marked)")
    for name, line in listed.items():
        now = kept.get(name)
        mark = "" if now else "   # NOT STABLE NOW"
        got = list(now[:3]) if now else "(fails)"
        print(f'#   "{name}": {list(line)} -> {got}{mark}')
    print("  training:")
    for name, (right, wrong, sets, _) in kept.items():
        print(f'    "{name}": [{right}, {wrong}, {sets}]')
    print("  training_wrong_on:")
    for name, (_, wrong, _, folders) in kept.items():
        if wrong:
            print(f'    "{name}":')
            for f, (r, w) in sorted(folders.items()):
                if w:
                    print(f"      {f}: [{r}, {w}]")


def before_rows(txt: Path, key: Path, curated) -> list[tuple[str, str, str]]:
    """(reason, language, right/wrong/none) per matched figure whose dates the key asks and the
    draft neither filled nor offered: whether the dates, filled or offered, of the drafted figure
    before it in the text are the key's ("none": no dated figure before it)."""
    gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    raw = txt.read_text(encoding="utf-8")
    published = _date(gold.get("published", gold.get("published_on")))
    _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
    figs = sorted((r for r in rows if r.kind == "indicators"
                   and getattr(r, "status", "") != "offered"), key=lambda r: r.start)  # fmt: skip
    out = []
    for w, row in matched_figures(figs, gold.get("figures") or []):
        asked, got, want = dates_asked(w, row.record)
        if not asked or any(v is not None for v in got.values()) or want == got \
                or any(row.offers.get(f) for f in asked):  # fmt: skip
            continue
        dated = [{k: r.record.get(k) or r.offers.get(k) for k in DATE_FIELDS}
                 for r in figs if r.start < row.start]  # fmt: skip
        dated = [d for d in dated if any(d.values())]
        state = "none"
        if dated:
            took = {f: dated[-1][f] for f in asked}
            if "as_of" in w and w["as_of"] is None and took["as_of"] == _date(w.get("period_end")):
                want["as_of"] = took["as_of"]
            state = "right" if took == want else "wrong"
        why = re.sub(r"'[^']*'", "Q", str(row.why.get("as_of", "")).split(";")[0])[:60]
        km = "km" if re.search("[\u1780-\u17ff]", str(row.record.get("quote"))) else "en"
        out.append((why, km, state))
    return out


def main() -> None:
    if "--before" in sys.argv:
        curated = curated_lists(ROOT / "seeds")
        per: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, 0, set()])
        for f in (p for p in training() if p.is_dir()):
            for txt, key in articles([f]):
                for why, km, state in before_rows(txt, key, curated):
                    v = per[(why, km)]
                    v[("right", "wrong", "none").index(state)] += 1
                    v[3].add(f.name)
        print("reason\tlanguage\tright\twrong\tno figure before\tfolders")
        for (why, km), v in sorted(per.items(), key=lambda kv: -sum(kv[1][:3])):
            print(f"{why}\t{km}\t{v[0]}\t{v[1]}\t{v[2]}\t{len(v[3])}")
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    curated = curated_lists(ROOT / "seeds")
    if "--records" in sys.argv:
        share = float(sys.argv[sys.argv.index("--share") + 1]) if "--share" in sys.argv else None
        args = [a for a in args if not re.fullmatch(r"[\d.]+", a)]  # the share's number
        lines = (Path(args[0]).read_text(encoding="utf-8").splitlines() if args else
                 ["\t".join((f.name, *row)) for f in training() if f.is_dir()
                  for txt, key in articles([f]) for row in rows_of(txt, key, curated)])  # fmt: skip
        records(lines, share)
        return
    if "--classes" in sys.argv:
        if args:
            lines = Path(args[0]).read_text(encoding="utf-8").splitlines()
        else:
            lines = ["\t".join((f.name, *row)) for f in training() if f.is_dir()
                     for txt, key in articles([f]) for row in rows_of(txt, key, curated)]  # fmt: skip
        classes(lines)
        return
    folders = [Path(a) for a in args] or [p for p in training() if p.is_dir()]
    for folder in folders:
        for txt, key in articles([folder]):
            for row in rows_of(txt, key, curated):
                print("\t".join((folder.name, *row)))


if __name__ == "__main__":
    main()
