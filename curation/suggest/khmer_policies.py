"""Which curated proposal a Khmer measure is, by the words of its Khmer name (label_km) the
measure's words hold (round twenty-two): the same rule as the English names' (most of the
name's distinctive words, and at least four of them), on khmercut's words, the nominaliser
"ការ" off and the words every proposal shares left out (corpus/speech_verbs.yaml
km.measure_common)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from corpus.khmer import normalise, word_spans
from corpus.speech_verbs import speech_verbs
from curation.suggest.proposals import NAME_SHARE, NAME_WORDS

_NOMINAL = "ការ"


def _is_khmer_word(word: str) -> bool:
    return any("\u1780" <= ch <= "\u17dd" for ch in word) and not any(
        "\u17e0" <= ch <= "\u17e9" for ch in word
    )


@cache
def _common() -> frozenset[str]:
    return frozenset(normalise(w).text for w in speech_verbs("km", "measure_common"))


def content_words(text: str) -> frozenset[str]:
    """The distinctive Khmer words of a text: no digit, no word every proposal shares, "ការ"
    (the nominaliser: "ការព្យាបាល", treatment, is "ព្យាបាល", treat) off."""
    norm = normalise(text).text
    out = set()
    for a, b in word_spans(norm):
        word = norm[a:b]
        if word.startswith(_NOMINAL) and len(word) > len(_NOMINAL) + 1:
            word = word[len(_NOMINAL) :]
        if len(word) >= 2 and _is_khmer_word(word) and word not in _common():
            out.add(word)
    return frozenset(out)


@lru_cache(maxsize=64)
def _measure_words(words: str) -> frozenset[str]:
    """A measure's content words, read once for both fits (khmercut is the cost)."""
    return content_words(words)


@cache
def _label_words(label: str) -> frozenset[str]:
    return content_words(label)


def khmer_policy_fit(
    words: str, policies: Sequence[dict[str, Any]]
) -> tuple[dict[str, Any], float] | None:
    """The curated proposal whose Khmer name the words hold most of, when they hold at least
    60% of its distinctive words and four or more; None otherwise (a blank beats a wrong
    proposal)."""
    have = _measure_words(words)
    best: tuple[dict[str, Any], float] | None = None
    for p in policies:
        name = _label_words(str(p.get("label_km") or ""))
        if not name:
            continue
        shared = len(name & have)
        share = shared / len(name)
        if shared >= NAME_WORDS and share >= NAME_SHARE and (best is None or share > best[1]):
            best = (p, share)
    return best


# Round thirty-seven: the English names' _holds_but_verb (round twenty-three) in Khmer.
_GROWTH_NAME = ("Expand", "Extend", "Scale up", "Widen")
_COUNT = re.compile(r"[0-9\u17e0-\u17e9]")


@cache
def _growth_words() -> tuple[frozenset[str], frozenset[str]]:
    return tuple(  # type: ignore[return-value]
        frozenset(normalise(w).text for w in speech_verbs("km", role))
        for role in ("measure_growth", "measure_growth_loose")
    )


def khmer_growth_fit(
    words: str, policies: Sequence[dict[str, Any]]
) -> tuple[dict[str, Any], float] | None:
    """ "ឲ្យពង្រីកការព្យាបាលតាមសហគមន៍" (to expand treatment in the community): a measure that
    grows a service with the growth verb and holds all the rest of a curated name that grows it,
    but the name's scope ("nationwide") and "based": that proposal; None otherwise."""
    have = _measure_words(words)
    growth, loose = _growth_words()
    if not growth & have or _COUNT.search(words):
        return None  # "ពង្រីក ... ទៅមណ្ឌលសុខភាព ៦០ បន្ថែម" (to 60 more centres): a plan of its own
    found = []
    for p in policies:
        name = _label_words(str(p.get("label_km") or ""))
        rest = name - growth - loose
        if str(p.get("name", "")).startswith(_GROWTH_NAME) and len(rest) >= 2 and rest <= have:
            found.append((p, len(name & have) / len(name)))
    return found[0] if len(found) == 1 else None
