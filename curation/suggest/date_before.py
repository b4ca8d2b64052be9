"""A Khmer figure whose sentence names no date, offered the dates of the count before it (round
thirty-four, issue 23): the count a report gives next mostly shares the period of the one before
it ("ក្នុងចំណោមនោះ ...", among them; "វត្ថុតាងដែលដកហូតបាន ...", the evidence seized), 34 of 37 on
21 training sets (right on 20), so it is one click away; never filled (wrong on three sets)."""

from __future__ import annotations

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
        shown = ", ".join(f"{k} {v}" for k, v in before.items() if v is not None)
        for k, v in before.items():
            if v is not None:
                row.offers[k] = v
        why = (
            f"0%: no date in its sentence: left blank; suggested, not filled: {shown} "
            f"({RIGHT * 100 // MEASURED}%: the dates of the count before it, its sentence naming "
            "none)"
        )
        for k in DATE_FIELDS:
            row.why[k] = why
