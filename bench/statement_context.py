"""Would the context around a drafted statement, or a small model learned from the training keys,
fill its blank topic or stance right on nearly every training folder? Measured leave-one-set-out.

Issue 23, round thirty-five. A naive Bayes is hand-written here (a few dozen lines): no learning
library is in requirements.lock, and a measuring script is no reason to add one; the drafts use
none of it (nothing it measured met the bar, docs/benchmarks.md "Round thirty-five (draft35b)").

For every statement the draft finds on the training folders (matched to a key entry by its
opening, as bench/draft_quality.py matches them) and leaves blank, by the class of its blank
(the draft's reason, English or Khmer):
  1. the context rules: the topic words of the statement's paragraph (outside the quotation), of
     the article's title, of the whole article, the majority of the page's other drafted topics;
     for stance the stance words of the paragraph, the page's other drafted stances, the same
     speaker's other drafted stances on the page, and the usual key stance of the speaker's
     actor type on the other folders;
  2. a multinomial naive Bayes over the words said (w), the paragraph (p), the title (t), the
     page's other drafted topics and stances (o), the figures' metrics (m), the speaker (its
     actor, actor type, side, kind: s) and the draft's own guess (d): trained on every folder
     but one, scored on the one left out; fills counted at each probability threshold, right /
     filled, the folders it fills on and those with a wrong fill, and per value predicted.

Usage: .venv/bin/python bench/statement_context.py                 # both fields, groups wp / wps
       .venv/bin/python bench/statement_context.py --groups wptosd  # more context
       .venv/bin/python bench/statement_context.py --folders         # each folder's right / filled
A statement's Khmer runs are read as character trigrams (the words are not spaced).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import draft_quality as dq  # noqa: E402
import yaml  # noqa: E402

from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402
from curation.suggest.stance import guess_stance, guess_topic  # noqa: E402

KHMER = re.compile(r"[\u1780-\u17ff]")
TOKEN = re.compile(r"[a-z][a-z'-]+|[\u1780-\u17ff]+")
#: Common English words left out of the features (they name no topic or stance).
STOP = {
    "the", "and", "that", "for", "with", "this", "was", "are", "have", "from", "has", "not",
    "but", "they", "were", "been", "their", "will", "which", "would", "its", "his", "her", "who",
    "said", "says", "also", "into", "about", "after", "more", "than", "our", "them", "there",
    "when", "what",
}  # fmt: skip
THRESHOLDS = (0.5, 0.7, 0.9, 0.95, 0.99)


def statements() -> list[dict[str, Any]]:
    """Every drafted statement (not only offered) matched to a key entry, with its context."""
    curated = curated_lists(ROOT / "seeds")
    types = {a["actor_id"]: a.get("actor_type") for a in curated.actors}
    out = []
    for folder in dq.training():
        for txt, key in dq.articles([folder]):
            gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
            raw = txt.read_text(encoding="utf-8")
            published = dq._date(gold.get("published", gold.get("published_on")))
            title = raw.strip().splitlines()[0]
            body, rows = draft_rows(raw, title, "bench", published, curated)
            drafted = [r for r in rows if r.kind == "statements"
                       and getattr(r, "status", "") != "offered"]  # fmt: skip
            metrics = sorted({str(r.record.get("metric_id")) for r in rows
                              if r.kind == "indicators"})  # fmt: skip
            page = [(r.record.get("topic"), r.record.get("stance"), r.record.get("actor_id"))
                    for r in drafted]  # fmt: skip
            for i, r in enumerate(drafted):
                w = next((w for w in gold.get("statements") or []
                          if dq._opens(r, w["opening"])), None)  # fmt: skip
                if w is None:
                    continue
                a, b = body.rfind("\n\n", 0, r.start), body.find("\n\n", r.start)
                quote = str(r.record.get("quote") or "")
                new = (r.new or {}).get("actors") or {}
                out.append({
                    "folder": folder.name, "quote": quote, "title": title, "body": body,
                    "para": body[max(a, 0) : b if b >= 0 else len(body)].replace(quote, " "),
                    "lang": "km" if KHMER.search(quote) else "en",
                    "actor": r.record.get("actor_id"), "kind": r.record.get("kind"),
                    "type": types.get(r.record.get("actor_id")) or new.get("actor_type"),
                    "topic": r.record.get("topic"), "stance": r.record.get("stance"),
                    "topic_class": _class(str(r.why.get("topic", ""))),
                    "stance_class": _class(str(r.why.get("stance", ""))),
                    "others": [p for j, p in enumerate(page) if j != i], "metrics": metrics,
                    "key_topic": w.get("topic"), "key_stance": w.get("stance"),
                })  # fmt: skip
    return out


def _class(why: str) -> str:
    """A reason's class: its confidence, the quoted word and the left-blank detail off."""
    why = re.sub(r"^\d+%: ", "", why)
    if why.startswith("left blank"):
        return "under its bar (a tie, or words of both)"
    return re.sub(r"^from '.*'$", "from a stance word", why)


def _tokens(text: str) -> list[str]:
    out = []
    for t in TOKEN.findall(text.lower().replace("\u200b", " ")):
        if KHMER.match(t):
            out += [t[i : i + 3] for i in range(max(1, len(t) - 2))]
        elif len(t) > 2 and t not in STOP:
            out.append(t)
    return out


def features(x: dict[str, Any], groups: str) -> list[str]:
    f = []
    for g, text in (("w", x["quote"]), ("p", x["para"]), ("t", x["title"])):
        if g in groups:
            f += [f"{g}:{t}" for t in _tokens(text)]
    if "o" in groups:
        f += [f"ot:{t}" for t, _, _ in x["others"] if t] + [
            f"os:{s}" for _, s, _ in x["others"] if s
        ]
    if "m" in groups:
        f += [f"m:{m}" for m in x["metrics"]]
    if "s" in groups:
        f += [f"a:{x['actor']}", f"y:{x['type']}", f"c:{x['stance_class']}", f"k:{x['kind']}"]
    if "d" in groups:
        f += [f"dt:{x['topic']}", f"ds:{x['stance']}", f"tc:{x['topic_class']}"]
    return f


class NaiveBayes:
    """Multinomial naive Bayes, add-alpha smoothing; proba is the posterior over the classes."""

    def __init__(self, data: list[tuple[list[str], str]], alpha: float = 0.5) -> None:
        self.prior = Counter(y for _, y in data)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        for f, y in data:
            self.counts[y].update(f)
        self.vocab = set().union(*self.counts.values())
        self.alpha = alpha
        self.total = {y: sum(c.values()) for y, c in self.counts.items()}

    def proba(self, f: list[str]) -> dict[str, float]:
        n, v = sum(self.prior.values()), len(self.vocab)
        logp = {y: math.log(k / n) + sum(
                    math.log((self.counts[y][t] + self.alpha) / (self.total[y] + self.alpha * v))
                    for t in f if t in self.vocab) for y, k in self.prior.items()}  # fmt: skip
        top = max(logp.values())
        z = sum(math.exp(p - top) for p in logp.values())
        return {y: math.exp(p - top) / z for y, p in logp.items()}


def _majority(values: list[Any], least: int = 2) -> Any:
    """The most common value when it is at least ``least`` and no other as common, else None."""
    ranked = Counter(v for v in values if v).most_common(2)
    if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _value(guess: tuple[Any, str]) -> str | None:
    return guess[0].value if guess[0] is not None else None


def context_rules(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """Each context rule: a value from the statement's context, or None (it does not fire)."""
    if name == "topic":
        return {
            "paragraph's topic words": lambda x: _value(guess_topic(x["para"])),
            "title's topic words": lambda x: _value(guess_topic(x["title"])),
            "whole article's topic words": lambda x: _value(guess_topic(x["body"])),
            "the page's other topics (2+)": lambda x: _majority([t for t, _, _ in x["others"]]),
            "the figures' metrics' usual topic (other folders)": lambda x: _usual(
                rows, x, "topic", lambda y: tuple(y["metrics"]) or None),
        }  # fmt: skip
    return {
        "paragraph's stance words": lambda x: _value(guess_stance(x["para"], None)),
        "the page's other stances (2+)": lambda x: _majority([s for _, s, _ in x["others"]]),
        "the same speaker's other stances": lambda x: _majority(
            [s for _, s, a in x["others"] if a and a == x["actor"]], 1),
        "the actor type's usual stance (other folders)": lambda x: _usual(
            rows, x, "stance", lambda y: y["type"]),
    }  # fmt: skip


def _usual(rows: list[dict[str, Any]], x: dict[str, Any], name: str, by: Any) -> str | None:
    """The most common key value of the statements on the other folders sharing ``by``."""
    if by(x) is None:
        return None
    seen = Counter(y[f"key_{name}"] for y in rows
                   if y["folder"] != x["folder"] and by(y) == by(x) and y[f"key_{name}"])  # fmt: skip
    return seen.most_common(1)[0][0] if seen else None


def _line(label: str, fills: list[tuple[dict[str, Any], str]], name: str, folders: bool) -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for x, v in fills:
        per[x["folder"]][v == x[f"key_{name}"]] += 1
    right = sum(r for _, r in per.values())
    bad = sorted(f for f, (w, _) in per.items() if w)
    share = f"{right / len(fills):4.0%}" if fills else "   -"
    print(f"    {label:52} {right:4} / {len(fills):4} {share}  folders {len(per):2}, "
          f"with a wrong {len(bad):2}")  # fmt: skip
    if folders and fills:
        print("      " + ", ".join(f"{f}: {r}/{w + r}" for f, (w, r) in sorted(per.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", default="", help="feature groups (default wp / wps)")
    parser.add_argument("--folders", action="store_true", help="each folder's right / filled")
    args = parser.parse_args()
    rows = statements()
    print(f"{len(rows)} drafted statements matched to a key entry")
    for name in ("topic", "stance"):
        blanks = [x for x in rows if x[name] is None and x[f"key_{name}"]]
        print(f"== {name}: {len(blanks)} blanks where the key has one; the context rules, "
              f"right / fired, by class of blank")  # fmt: skip
        rules = context_rules(rows, name)
        for lang, cls in sorted({(x["lang"], x[f"{name}_class"]) for x in blanks}):
            sub = [x for x in blanks if (x["lang"], x[f"{name}_class"]) == (lang, cls)]
            print(f"  {lang} {cls} ({len(sub)}): {dict(Counter(x[f'key_{name}'] for x in sub))}")
            for label, rule in rules.items():
                fills = [(x, v) for x in sub if (v := rule(x))]
                _line(label, fills, name, args.folders)
        groups = args.groups or ("wp" if name == "topic" else "wps")
        scored: list[tuple[dict[str, Any], str, float]] = []
        for held in sorted({x["folder"] for x in rows}):
            model = NaiveBayes([(features(x, groups), x[f"key_{name}"]) for x in rows
                                if x["folder"] != held and x[f"key_{name}"]])  # fmt: skip
            for x in rows:
                if x["folder"] == held and x[name] is None:
                    p = model.proba(features(x, groups))
                    best = max(p, key=lambda y: p[y])
                    scored.append((x, best, p[best]))
        print(f"-- {name}: naive Bayes ({groups}), leave-one-set-out, on the draft's "
              f"{len(scored)} blanks (a key without a value counts a fill wrong)")  # fmt: skip
        for th in THRESHOLDS:
            _line(f"p >= {th}", [(x, v) for x, v, p in scored if p >= th], name, args.folders)
        for value in sorted({v for _, v, _ in scored}):
            _line(f"p >= 0.99, {value}", [(x, v) for x, v, p in scored if p >= 0.99 and v == value],
                  name, args.folders)  # fmt: skip


if __name__ == "__main__":
    main()
