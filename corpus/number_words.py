"""The words around a number: those that say it counts nothing the campaign is measured by
(number_words.yaml) and the article's words for the codebook's (metric_words.yaml), data beside
this module (a new word is a data change), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_FILE = Path(__file__).with_name("number_words.yaml")


@cache
def number_words(role: str) -> frozenset[str]:
    """The words for ``role``: "labels" (before a number: "page 48") or "uncounted" (after it:
    "40 cars", "21 points")."""
    data = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data[role])


@cache
def _metric_words() -> dict[str, Any]:
    return yaml.safe_load(_FILE.with_name("metric_words.yaml").read_text(encoding="utf-8"))


def metric_words(section: str) -> Any:
    """One section of metric_words.yaml beside this module, the file read once for every reader
    ("synonyms" below; the Khmer readers' "km_subsets", "km_court", "km_in_treatment",
    "km_treated"): the data as written, not to be changed by the caller."""
    return _metric_words()[section]


@cache
def metric_synonyms() -> dict[str, str]:
    """The article's words for the codebook's words ("detained" -> "arrest"), from
    metric_words.yaml beside this module: how a figure's clause is matched to a metric."""
    return {str(k).lower(): str(v).lower() for k, v in metric_words("synonyms").items()}
