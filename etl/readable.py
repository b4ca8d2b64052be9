"""Build step: each consistency check's detail and articles in plain words, stored for the pages."""

from __future__ import annotations

import re

import pandas as pd

from data_model.wording import date_text

#: Analyst phrases in check texts, said the way a reader would say them.
CHECK_PHRASES = {
    "the highest earlier lower bound": "the highest figure given earlier as a minimum",
    "(by period_end, else as_of)": "(by the end of its period, else the day it was given)",
    "figure(s)": "figures",
}
_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
_PHASE_ID = r"phase-\d+, "
_SAID_TWICE = re.compile(r"(?P<id>[^():]+) \((?P<label>[^():]+)\)")


def readable_checks(
    checks: pd.DataFrame, sources: pd.DataFrame, metrics: pd.DataFrame
) -> pd.DataFrame:
    """Checks with article and metric ids replaced by their labels, ISO days by plain dates
    and analyst phrases by plain ones, for reading.

    Every id, phrase and date is found by ONE regular expression built once, and each text
    is scanned once: a replace per id per check grew with checks x ids (13.8 s of CPU at
    5,000 articles).
    """
    names = dict(zip(sources["source_id"], sources["short_label"], strict=True))
    names |= dict(zip(metrics["metric_id"], metrics["label"].str.lower(), strict=True))
    names |= CHECK_PHRASES
    # Longest first, so an id that begins another is not matched inside it; ids only
    # as whole words, so "arrests-total" is not found inside "arrests-total-2".
    ids = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{ids})(?![\w-])|{_ISO_DAY}|{_PHASE_ID}")

    def word(match: re.Match[str]) -> str:
        found = match.group()
        if found in names:
            return names[found]
        if re.fullmatch(_ISO_DAY, found):
            return date_text(found)
        return ""  # a phase id: the phase's name stands just before it

    def relabel(text: object) -> object:
        if not isinstance(text, str):
            return text
        text = pattern.sub(word, text)
        # "relapse rate (Relapse rate):" once the id became its label: say it once.
        said_twice = _SAID_TWICE.match(text)
        if said_twice and said_twice["id"].lower() == said_twice["label"].lower():
            text = said_twice["label"] + text[said_twice.end() :]
        return text

    return checks.assign(
        detail=checks["detail"].map(relabel), source_ids=checks["source_ids"].map(relabel)
    )


def readable_rows(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The readable_checks table's rows, worded once by the build rather than by each server."""
    worded = readable_checks(frames["consistency_checks"], frames["sources"], frames["metrics"])
    return worded[["check_id", "detail", "source_ids"]]
