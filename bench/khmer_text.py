"""Khmer text layer on the gold articles: accuracy per reader, and speed of normalising and locating.

Run: .venv/bin/python bench/khmer_text.py
Reads tests/fixtures/khmer/*.txt and their .gold.yaml (written by hand before the code); prints,
per article and in total, what was found against the gold: sentences, figures (value, hedge,
unit), vague counts, dates, statements (speaker, title, verb, direct or reported) and quotes
typed without zero-width spaces. khmer-nltk, if installed beside, is timed against khmercut.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import time
from pathlib import Path

import khmercut
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.khmer import ZERO_WIDTH, KhmerBodyIndex, normalise, split_sentences  # noqa: E402
from corpus.khmer_reading import read_dates, read_figures  # noqa: E402
from corpus.khmer_speech import find_attributions  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "khmer"


def _bare(text: str) -> str:
    return normalise(text).text.translate({ord(c): None for c in ZERO_WIDTH})


def _score(found: list[tuple], gold: list[tuple]) -> tuple[int, int, int]:
    """(matched, found, gold): each gold item matched once, in any order."""
    left = list(gold)
    hits = 0
    for item in found:
        if item in left:
            left.remove(item)
            hits += 1
    return hits, len(found), len(gold)


def _article(path: Path) -> dict[str, tuple[int, int, int]]:
    body = path.read_text(encoding="utf-8")
    gold = yaml.safe_load(path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    published: dt.date = gold["published"]
    sentences = split_sentences(body)
    figures, vague, dates = [], [], []
    for s in sentences:
        for f in read_figures(s.text):
            if f.vague:
                vague.append((_bare(f.words), f.unit))
            else:
                figures.append((f.value, f.qualifier.value, f.unit))
        dates += [
            (_bare(d.words), d.first, d.last, d.precision.value)
            for d in read_dates(s.text, published)
        ]
    said = [
        (a.speaker and _bare(a.speaker), _bare(a.title), _bare(a.verb), a.kind.value)
        for found in find_attributions([s.text for s in sentences])
        for a in found
    ]
    index = KhmerBodyIndex(body)
    located = 0
    for quote in gold["quotes"]:
        span = index.locate(quote)
        located += bool(span) and _bare(body[span[0] : span[1]]) == _bare(quote)
    n = len(sentences)
    return {
        "sentences": (int(n == gold["sentences"]), 1, 1),
        "figures": _score(figures, [(float(g["value"]), g["qualifier"], g["unit"]) for g in gold["figures"]]),
        "vague": _score(vague, [(_bare(g["words"]), g["unit"]) for g in gold["vague"]]),
        "dates": _score(dates, [(_bare(g["words"]), g["first"], g["last"], g["precision"]) for g in gold["dates"]]),
        "statements": _score(
            said,
            [(_bare(g["speaker"]), _bare(g["title"]), _bare(g["verb"]), g["kind"]) for g in gold["statements"]],
        ),
        "quotes found": (located, located, len(gold["quotes"])),
    }  # fmt: skip


def _speed() -> None:
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    big = body * (1_000_000 // len(body) + 1)
    t0 = time.perf_counter()
    index = KhmerBodyIndex(big)
    t1 = time.perf_counter()
    assert index.locate("ពួកគេត្រូវការវេជ្ជបណ្ឌិត") is not None
    t2 = time.perf_counter()
    split_sentences(big)
    t3 = time.perf_counter()
    mb = len(big) / 1e6
    print(f"\n{mb:.1f} M characters: normalise {mb / (t1 - t0):.1f} M chars/s, "
          f"one quote look-up {1000 * (t2 - t1):.0f} ms, sentences {mb / (t3 - t2):.1f} M chars/s")  # fmt: skip
    segmenters = [("khmercut", khmercut.tokenize)]
    if importlib.util.find_spec("khmernltk"):
        from khmernltk import word_tokenize

        segmenters.append(("khmer-nltk", word_tokenize))
    for name, cut in segmenters:
        cut("ស")
        t0 = time.perf_counter()
        joins = sum("".join(cut(line)) == line for line in body.splitlines() if line)
        rate = len(body) / (time.perf_counter() - t0) / 1000
        lines = sum(1 for line in body.splitlines() if line)
        print(f"{name}: {rate:.0f}k chars/s; tokens join back to the line in {joins}/{lines} lines; "
              f"ស ខេង -> {' | '.join(t for t in cut('ស ខេង') if t.strip())}")  # fmt: skip


def main() -> None:
    totals: dict[str, list[int]] = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        scores = _article(path)
        cells = "  ".join(f"{k} {m}/{g}" + (f" (+{f - m} extra)" if f > m else "") for k, (m, f, g) in scores.items())  # fmt: skip
        print(f"{path.stem:28} {cells}")
        for k, (m, f, g) in scores.items():
            t = totals.setdefault(k, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + m, t[1] + f, t[2] + g
    print("\ntotal (recall = found right / gold, precision = found right / found):")
    for k, (m, f, g) in totals.items():
        print(f"  {k:12} recall {m}/{g} = {m / g:.0%}   precision {m}/{f} = {m / max(f, 1):.0%}")
    _speed()


if __name__ == "__main__":
    main()
