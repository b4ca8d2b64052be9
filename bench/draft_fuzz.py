"""Drafts training articles bent out of shape and prints every exception by the line that raised
it: the drafting must never fail on an article a researcher pastes. Each mutation is an option:
sentence cuts after each figure (and a word or three later, with and without an attribution) and
before each figure; a sentence with its punctuation removed; Khmer digits for Arabic and back;
U+200B between every Khmer word, and every U+200B removed; an article's shapes (a title with no
body, an empty body, a body of one line, of only a dateline, of only a table line); the whole
article on one line; odd published dates (none, before 2017). Round 38 found counted_noun on
"found 4 of 31, the principal said" (88 of 8,472 cuts of 15% of training).

Usage: .venv/bin/python bench/draft_fuzz.py [--mutation NAME ...] [--share 0.15] [--seed 1] [DIR...]
       (default: every mutation over the training folders of bench/draft_quality.py, never a
       held-aside set; --share samples the sentences the sentence-level mutations draft)
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
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.draft_quality import articles, training  # noqa: E402
from corpus.khmer import ZERO_WIDTH, has_khmer, word_spans  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(r"[0-9០-៩][0-9០-៩,.]*")
_SENTENCE = re.compile(r"(?<=[.។!?])\s+|\n")
_PUNCT = re.compile(r"[.,;:!?។៕៖«»“”\"'()\[\]—–-]")
_TAILS = (".", ", he said.", "។")
_TO_KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_TO_ARABIC = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w .,'-]{2,40}(?:—|–|-|:)|^\w[\w ,]*\d{4}$|ភ្នំពេញ", re.M)
PUBLISHED = dt.date(2020, 6, 1)
#: (text, title, published) drafted as one case.
Case = tuple[str, str | None, dt.date | None]


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


def cuts_before(sentence: str) -> list[str]:
    """The sentence cut right before each figure (the words that lead up to it, nothing after)."""
    out = []
    for m in _NUMBER.finditer(sentence):
        head = sentence[: m.start()].rstrip()
        if head:
            out += [head, head + ".", head + " "]
    return out


def _khmer_spaced(text: str, gap: str) -> str:
    """Every Khmer run's words joined by gap (U+200B, or nothing), other text as it was."""
    bare = "".join(c for c in text if c not in ZERO_WIDTH)
    if not gap:
        return bare
    out, at = [], 0
    for start, end in word_spans(bare):
        between = bare[at:start]
        word = bare[start:end]
        out.append(between if between or not has_khmer(word) or not out else gap)
        out.append(word)
        at = end
    return "".join(out) + bare[at:]


def _sentences(text: str, rng: random.Random, share: float) -> Iterator[str]:
    for sentence in _SENTENCE.split(text):
        if _NUMBER.search(sentence) and rng.random() <= share:
            yield sentence


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _shapes(text: str) -> list[Case]:
    lines = _lines(text)
    title = lines[0] if lines else "A title"
    dateline = next((ln for ln in lines[:6] if _DATELINE.search(ln)), lines[1] if lines[1:] else "")
    table = next((ln for ln in lines if ln.count("|") >= 2 or ln.count("\t") >= 2), "| a | 1 |")
    body_line = next((ln for ln in lines[1:] if _NUMBER.search(ln)), title)
    return [(title, title, PUBLISHED), ("", title, PUBLISHED), ("", None, PUBLISHED),
            (" \n\n ", None, PUBLISHED), (body_line, None, PUBLISHED),
            (title + "\n" + body_line, title, PUBLISHED), (dateline, None, PUBLISHED),
            (title + "\n" + dateline, title, PUBLISHED), (table, None, PUBLISHED),
            (title + "\n" + table, title, PUBLISHED)]  # fmt: skip


def _whole(text: str, mutate: Callable[[str], str]) -> list[Case]:
    return [(mutate(text), None, PUBLISHED)]


#: name -> (what it does, per sentence?, the cases of an article's text)
MUTATIONS: dict[str, tuple[str, bool, Callable[[str], list[Case]]]] = {
    "cut-after": ("cut after each figure", True,
                  lambda s: [(c, None, PUBLISHED) for c in cuts(s)]),
    "cut-before": ("cut before each figure", True,
                   lambda s: [(c, None, PUBLISHED) for c in cuts_before(s)]),
    "no-punct": ("a sentence, its punctuation removed", True,
                 lambda s: [(_PUNCT.sub("", s), None, PUBLISHED), (_PUNCT.sub(" ", s), None, PUBLISHED)]),
    "digits": ("Khmer digits for Arabic, and back", False,
               lambda t: _whole(t, lambda x: x.translate(_TO_KHMER))
               + _whole(t, lambda x: x.translate(_TO_ARABIC))),
    "zwsp": ("U+200B between every Khmer word, and none", False,
             lambda t: _whole(t, lambda x: _khmer_spaced(x, "\u200b"))
             + _whole(t, lambda x: _khmer_spaced(x, ""))),
    "shapes": ("a title alone, an empty body, one line, a dateline or a table line alone", False, _shapes),
    "one-line": ("the whole article on one line", False,
                 lambda t: _whole(t, lambda x: " ".join(x.split()))),
    "dates": ("no published date, one before 2017", False,
              lambda t: [(t, None, None), (t, None, dt.date(2014, 3, 9))]),
}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mutation", action="append", choices=sorted(MUTATIONS),
                    help="one mutation (repeat for more); default: all")  # fmt: skip
    ap.add_argument("--share", type=float, default=0.15, help="share of sentences mutated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("folders", nargs="*", type=Path)
    args = ap.parse_args()
    curated = curated_lists(ROOT / "seeds")
    pairs = articles(args.folders or training())
    print(f"{len(pairs)} articles; share of sentences {args.share}")
    for name in args.mutation or list(MUTATIONS):
        what, per_sentence, make = MUTATIONS[name]
        rng = random.Random(args.seed)
        errors: dict[tuple[str, str, int], list[tuple[str, str]]] = collections.defaultdict(list)
        drafted, start = 0, time.perf_counter()
        for txt, _key in pairs:
            text = txt.read_text(encoding="utf-8")
            pieces = _sentences(text, rng, args.share) if per_sentence else [text]
            for case in (c for piece in pieces for c in make(piece)):
                drafted += 1
                try:
                    draft_rows(case[0], case[1], "t", case[2], curated)
                except Exception as exc:  # every failure is the finding, whatever its type
                    last = traceback.extract_tb(exc.__traceback__)[-1]
                    where = (type(exc).__name__, str(Path(last.filename).resolve()), last.lineno)
                    errors[where].append((txt.name, case[0]))
        took = time.perf_counter() - start
        print(f"{name} ({what}): {drafted} drafted in {took:.0f} s, "
              f"{sum(map(len, errors.values()))} raised, {len(errors)} places")  # fmt: skip
        for (kind, file, line), cases in sorted(errors.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(cases):5d} {kind} {Path(file).relative_to(ROOT)}:{line}")
            print(f"      e.g. {cases[0][0]}: {cases[0][1][-100:]!r}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
