"""A Khmer figure whose sentence names no date, offered the dates of the count before it (round
thirty-four, issue 23): the count a report gives next mostly shares the period of the one before
it ("ក្នុងចំណោមនោះ ...", among them; "វត្ថុតាងដែលដកហូតបាន ...", the evidence seized), 34 of 37 on
21 training sets (right on 20), so it is one click away; never filled (wrong on three sets). And
(round thirty-five) an English figure with no date words near it, in the sentence right after a
count whose whole period is filled: offered that period, 38 of 43 on training."""

from __future__ import annotations

import re
from typing import Any

from curation.suggest.confidence import DATE_FIELDS

# The reason a Khmer figure carries when nothing in its sentence dates it (curation/suggest/khmer.py).
_NO_DATE = "0%: no date"
# How often the dates of the count before it were the key's, right / measured on training
# (bench/date_offers.py --before at 3622995, reason "0%: no date", km): the offer's stated confidence.
RIGHT, MEASURED = 34, 37


def offer_dates_before(rows: list[Any]) -> None:
    """Offer each undated Khmer figure the dates, filled or offered, of the drafted figure
    before it in the text; a figure with no dated figure before it stays blank."""
    before: dict[str, Any] | None = None
    figures = [r for r in rows if r.kind == "indicators" and getattr(r, "status", "") != "offered"]
    for row in sorted(figures, key=lambda r: r.start):
        dates = {k: row.record.get(k) or row.offers.get(k) for k in DATE_FIELDS}
        if any(dates.values()):
            before = dates
            continue
        if before is None or any(str(row.why.get(k, "")) != _NO_DATE for k in DATE_FIELDS):
            continue
        _offer(
            row,
            before,
            "0%: no date in its sentence: left blank; suggested, not filled: {shown} "
            f"({RIGHT * 100 // MEASURED}%: the dates of the count before it, its sentence naming "
            "none)",
        )


def _offer(row: Any, dates: dict[str, Any], why: str) -> None:
    """Offer `row` the `dates` given (never filled), each date field's reason `why` with
    "{shown}" the dates offered."""
    for k, v in dates.items():
        if v is not None:
            row.offers[k] = v
    shown = ", ".join(f"{k} {v}" for k, v in dates.items() if v is not None)
    for k in DATE_FIELDS:
        row.why[k] = why.replace("{shown}", shown)


# The reason an English figure carries when no date words are near it (curation/suggest/dates.py).
_NO_WORDS = "0%: no date in the words near it: left blank"
# A sentence's end: a stop, a question or an exclamation mark, a closing quotation, then a space.
_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# How often the period of a filled count in the sentence just before was the key's, right /
# measured on training (348 articles, this round's fills in; a key giving the figure no date
# counted wrong): 38 of 43 on 20 sets, wrong on 4 (a headline read as the sentence before, a
# comparison's base), so never filled. At f0e6c14, by a probe: the same or the next sentence 43 of
# 51; two sentences or more away 26 of 47; a count before it only offered or giving no whole
# period 8 of 28; nothing dated before it, 42 figures.
RIGHT_EN, MEASURED_EN = 38, 43


def offer_period_before(rows: list[Any], body: str) -> None:
    """Offer each English figure with no date words near it the period of the count before it,
    when that count's whole period is filled and it stands in the sentence just before; any other
    stays blank (in the same sentence, a count the words rule left undated is another event's or
    a comparison's base: "..., and police separately took 3 tonnes", "up from 960 kilograms")."""
    before: tuple[int, dict[str, Any]] | None = None
    figures = [r for r in rows if r.kind == "indicators" and getattr(r, "status", "") != "offered"]
    for row in sorted(figures, key=lambda r: r.start):
        filled = {k: row.record.get(k) for k in DATE_FIELDS}
        if any(filled.values()) or any(row.offers.get(k) for k in DATE_FIELDS):
            whole = filled["period_start"] is not None and filled["period_end"] is not None
            before = (row.start, filled) if whole else None
            continue
        if before is None or not str(row.why.get("as_of", "")).startswith(_NO_WORDS):
            continue
        start, dates = before
        if len(_END.findall(body[start : row.start])) != 1:
            continue  # in its own sentence the words rule read no date for it: another event
        _offer(
            row,
            dates,
            f"{_NO_WORDS}; suggested, not filled: {{shown}} ({RIGHT_EN * 100 // MEASURED_EN}%: "
            "the period of the count in the sentence before it, its words naming none)",
        )
