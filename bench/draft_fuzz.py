"""Drafts every training sentence cut short after each of its figures (and a word or three later,
with and without a closing attribution) and prints every exception by the line that raised it:
the drafting must never fail on a sentence whose look-ahead words are missing (round 38 found
one: counted_noun on "found 4 of 31, the principal said", 88 of 8,472 cuts of 15% of training).

Usage: .venv/bin/python bench/draft_fuzz.py [--share 0.15] [--seed 1] [DIR...]
       (default: the training folders of bench/draft_quality.py, never a held-aside set)
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import random
import re
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.draft_quality import articles, training  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(r"[0-9០-៩][0-9០-៩,.]*")
_SENTENCE = re.compile(r"(?<=[.។!?])\s+|\n")
_TAILS = (".", ", he said.", "។")


def cuts(sentence: str) -> list[str]:
    """The sentence cut after each figure, then a word, two or three later, with tails."""
    out = []
    for m in _NUMBER.finditer(sentence):
        head, rest = sentence[: m.end()], sentence[m.end() :].split()
        out += [head + tail for tail in _TAILS]
        for k in range(1, min(3, len(rest)) + 1):
            words = head + " " + " ".join(rest[:k])
            out += [words, words + ", the report said."]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, default=0.15, help="share of sentences cut")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("folders", nargs="*", type=Path)
    args = ap.parse_args()
    curated = curated_lists(ROOT / "seeds")
    rng = random.Random(args.seed)
    errors: dict[tuple[str, str, int], list[tuple[str, str]]] = collections.defaultdict(list)
    drafted, start = 0, time.perf_counter()
    for txt, _key in articles(args.folders or training()):
        for sentence in _SENTENCE.split(txt.read_text(encoding="utf-8")):
            if not _NUMBER.search(sentence) or rng.random() > args.share:
                continue
            for cut in cuts(sentence):
                drafted += 1
                try:
                    draft_rows(cut, None, "t", dt.date(2020, 6, 1), curated)
                except Exception as exc:  # every failure is the finding, whatever its type
                    last = traceback.extract_tb(exc.__traceback__)[-1]
                    where = (type(exc).__name__, str(Path(last.filename).resolve()), last.lineno)
                    errors[where].append((txt.name, cut))
    took = time.perf_counter() - start
    print(f"{drafted} cuts drafted in {took:.0f} s, {sum(map(len, errors.values()))} raised, "
          f"{len(errors)} places")  # fmt: skip
    for (kind, file, line), cases in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(cases):5d} {kind} {Path(file).relative_to(ROOT)}:{line}")
        print(f"      e.g. {cases[0][0]}: {cases[0][1][-100:]!r}")


if __name__ == "__main__":
    main()
