"""The metric of a Khmer count of a kind of suspect (the traffickers and users among them, a
share of them that are users, the women of whom), of a court's case files tried, or of people
being treated now (round thirty-six, issue 23).

"ក្នុងចំណោមជនសង្ស័យទាំងនោះ មានអ្នកជួញដូរ ២២នាក់ និងអ្នកប្រើប្រាស់ ៤២នាក់" (among those suspects,
22 traffickers and 42 users): each count is the arrests of its kind, not a new metric named
"traffickers". "ប្រមាណពាក់កណ្តាលនៃជនសង្ស័យទាំងនោះ ជាអ្នកប្រើប្រាស់" (about half of those suspects
are users): the users' share of the arrests. "ឃាត់ខ្លួនជនសង្ស័យ ៥នាក់ (ស្រី ១នាក់)" (detained 5
suspects, 1 of them a woman): the women, a subset no curated metric counts, as "ស្ត្រី" (women)
already is. "សាលាដំបូងខេត្ត បានជំនុំជម្រះសំណុំរឿងគ្រឿងញៀនចំនួន ៥៤៦រឿង" (the provincial court tried
546 drug case files): cases a court tried, a new metric as the English "the court tried 386
drug cases" is, by the same id. "មានអ្នកកំពុងព្យាបាលតាមសហគមន៍ ២៦នាក់" (26 people are being treated
in the community): people in community treatment, unless a centre other than a health centre
holds them. The words are data (corpus/metric_words.yaml: km_subsets, km_court,
km_in_treatment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from corpus.khmer import normalise
from corpus.number_words import metric_words


@dataclass(frozen=True)
class _Patterns:
    """The compiled words of km_subsets: what stands before a count and after a share."""

    suspects: re.Pattern[str]
    among: re.Pattern[str]
    count: list[tuple[re.Pattern[str], str]]  # (the kind's words right before a count, metric)
    share: list[tuple[re.Pattern[str], str]]  # ("of the suspects ... are <kind>", metric)
    women: re.Pattern[str]


def _any(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(normalise(w).text) for w in words) + ")"


@cache
def _patterns() -> _Patterns:
    data = metric_words("km_subsets")
    suspects = _any(data["suspects"])
    of, are, there, number = (normalise(w).text for w in ("នៃ", "ជា", "មាន", "ចំនួន"))
    count, share = [], []
    for kind in data["kinds"].values():
        words = _any(kind["words"])
        # The kind's words right before the count, "មាន" (there are) and "ចំនួន" (numbering)
        # between: "អ្នកជួញដូរ ១៤នាក់", "ជនជួញដូរមានចំនួន ២៣នាក់", "ជាអ្នកជួញដូរចំនួន ២៩នាក់".
        count.append((re.compile(words + rf"\s?(?:{there}\s?)?(?:{number}\s?)?$"), kind["count"]))
        if kind.get("share"):
            # "<share> នៃជនសង្ស័យទាំងនោះ ជាអ្នកប្រើប្រាស់" (<share> of those suspects are users).
            share.append(
                (re.compile(rf"\s?{of}\s?{suspects}[^។,;]{{0,20}}?{are}\s?{words}"), kind["share"])
            )
    women = _any(data["women"])
    # "ស្រី" only right after "ក្នុងនោះ(មាន)" (of whom there are) or an opening bracket.
    of_whom = normalise("ក្នុងនោះ").text
    return _Patterns(
        suspects=re.compile(suspects),
        among=re.compile(_any(data["among"])),
        count=count,
        share=share,
        women=re.compile(rf"(?:{of_whom}\s?(?:{there}\s?)?|\(\s?){women}\s?(?:{number}\s?)?$"),
    )


def subset_metric(
    unit: str | None, sentence: str, start: int, end: int
) -> tuple[str | None, str, dict[str, Any] | None] | None:
    """The metric of the Khmer figure at ``sentence[start:end]`` when it counts a kind of
    suspect: (a curated metric id, why, None), or (None, why, a new metric to draft) for the
    women; None when the figure is no such count."""
    before, after = normalise(sentence[:start]).text, normalise(sentence[end:]).text
    p = _patterns()
    if unit == "percent":
        for pattern, metric in p.share:
            if pattern.match(after):
                return (
                    metric,
                    "a share of the suspects (នៃជនសង្ស័យ ... ជា): that kind",
                    None,
                )
        return None
    if unit != "people":
        return None
    if p.women.search(before):
        new = {"metric_id": "women", "label": "Women", "unit": "people"}
        return None, "women of those counted before (ស្រី): a subset", new
    suspects = p.suspects.search(before)
    if suspects is None or p.among.search(before) is None:
        return None
    for pattern, metric in p.count:
        kind = pattern.search(before)
        if kind is not None and kind.start() > suspects.start():
            return metric, "a kind counted among the suspects (ក្នុងចំណោមជនសង្ស័យ): its arrests", None
    return None


@cache
def _court() -> re.Pattern[str]:
    data = metric_words("km_court")
    # The court, its verb of trying ("on", លើ, after it), the case files, then the count (no
    # sentence's end between).
    return re.compile(
        _any(data["courts"]) + "[^។]*?" + _any(data["tried"]) + r"\s?(?:" + normalise("លើ").text
        + r"\s?)?" + _any(data["files"])
        + "[^។]*$"
    )  # fmt: skip


@cache
def _files_after() -> re.Pattern[str]:
    data = metric_words("km_court")
    return re.compile(r"\s?" + _any(data["after"]))


def court_cases(unit: str | None, sentence: str, start: int, end: int) -> dict[str, Any] | None:
    """A new metric of the case files a Khmer court tried, for the count at
    ``sentence[start:end]`` (unit none or cases, "រឿង" or "ករណី" right after it); else None."""
    if unit not in (None, "cases"):
        return None
    after = normalise(sentence[end:]).text
    if not _files_after().match(after) or not _court().search(normalise(sentence[:start]).text):
        return None
    return {"metric_id": "cases-tried", "label": "Cases tried", "unit": "cases",
            "why": "case files a court tried (ជំនុំជម្រះ): cases tried"}  # fmt: skip


@cache
def other_centre() -> re.Pattern[str]:
    """A centre ("មណ្ឌល") that is not a health centre ("មណ្ឌលសុខភាព"), in normalised text: one
    that holds people being treated, so their count is no community treatment (khmer_treated.py
    asks too)."""
    data = metric_words("km_in_treatment")
    centre = normalise(data["centre"]).text
    health = normalise(data["health_centre"]).text.removeprefix(centre)  # what follows the head
    return re.compile(re.escape(centre) + f"(?!{re.escape(health)})")


@cache
def _treatment() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    data = metric_words("km_in_treatment")
    return re.compile(_any(data["words"]) + "[^។]*$"), other_centre(), str(data["metric"])


def in_treatment(unit: str | None, sentence: str, start: int) -> tuple[str, str] | None:
    """The curated metric of people being treated now, with why, for a Khmer count of people at
    ``sentence[start:]`` whose sentence says "កំពុង(ទទួលការ)ព្យាបាល" (being treated) before it and
    names no centre but a health centre; else None."""
    if unit != "people":
        return None
    words, centre, metric = _treatment()
    text = normalise(sentence).text
    if not words.search(normalise(sentence[:start]).text) or centre.search(text):
        return None
    return metric, "people being treated now (កំពុងព្យាបាល), no centre holding them"
