"""A Khmer count of people its own clause says were treated, not detained (issue 23, round
thirty-seven): "ចាប់តាំងពី ... សមត្ថកិច្ចបានឃាត់ខ្លួន ... ហើយអ្នកញៀនជាង ៩ ០០០នាក់ ត្រូវបានព្យាបាលតាម
សហគមន៍" (the police detained ..., and over 9,000 users were treated in the community) counts
people in community treatment, not arrests, though its sentence detains others. The words are
data: corpus/metric_words.yaml (km_treated, with km_in_treatment's centres)."""

from __future__ import annotations

import re
from functools import cache

from corpus.khmer import normalise
from corpus.number_words import metric_words
from curation.suggest.khmer_subsets import other_centre


def _any(words: list[str]) -> str:
    return "|".join(re.escape(normalise(w).text) for w in words)


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str]:
    treated = metric_words("km_treated")
    return (re.compile(_any(treated["words"])), re.compile(_any(treated["detained"])),
            other_centre(), str(treated["metric"]))  # fmt: skip


def treated_not_detained(
    unit: str | None, own: str, lead: str = ""
) -> tuple[str | None, str] | None:
    """The metric and why of a count of people whose own clause ``own`` (normalised, from the
    count to its clause's end) says they were treated and not detained, nor ``lead`` (its
    clause before the count: "ឃាត់ខ្លួនជនសង្ស័យ ៩១នាក់", detained 91 suspects, puts the verb
    first): community treatment, or no metric when another centre holds them; None when the
    clause says no such thing."""
    treated, detained, other_centre, metric = _words()
    if unit != "people" or not treated.search(own) or detained.search(f"{lead} {own}"):
        return None
    if other_centre.search(own):
        return None, "people treated at a centre (ព្យាបាល ... មណ្ឌល), not detained: no metric drafted"
    return metric, "people treated (ព្យាបាល), not detained, by their own clause"
