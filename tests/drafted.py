"""The drafting's figures, statements and measures for a passage, as the suggest tests read them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from corpus.khmer import normalise
from curation.suggest.confidence import date_class, dates_policy, training_sure
from curation.suggest.date_splits import split_class
from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


def figure(text: str, words: str, published: dt.date | None) -> Row:
    """The one figure drafted from `text` whose words hold `words`."""
    _, rows = draft_rows(text, None, "t", published, CURATED)
    found = [r for r in rows if r.kind == "indicators" and words in r.words]
    assert len(found) == 1, (words, [r.words for r in rows if r.kind == "indicators"])
    return found[0]


def statements(text: str, published: dt.date) -> list[Row]:
    """The statements drafted from `text`, published on `published`."""
    _, rows = draft_rows(text, None, "t", published, CURATED)
    return [r for r in rows if r.kind == "statements"]


def speaker_of(text: str, opening: str, published: dt.date) -> tuple[str | None, str]:
    """The drafted speaker of the statement opening so (the text's first line its title): the
    curated id, or a new actor's name as printed; and the reason given for it."""
    _, rows = draft_rows(text, text.strip().splitlines()[0], "t", published, CURATED)
    row = next(r for r in rows if r.kind == "statements" and normalise(
        str(r.record["quote"])).text.startswith(normalise(opening).text))  # fmt: skip
    new = row.new.get("actors") or {}
    who = new.get("name_km") or new.get("name") or row.record["actor_id"]
    return (str(who) if who else None), str(row.why.get("actor_id", ""))


def measures(text: str, published: dt.date) -> list[tuple[str, str | None]]:
    """The drafted measures: (new proposal's name or position's policy, the policy id)."""
    _, rows = draft_rows(text, None, "t", published, CURATED)
    return [
        (r.record.get("name") or r.record["policy_id"], r.record["policy_id"] if r.kind ==
         "positions" else None)
        for r in rows if r.kind in ("policies", "positions")
    ]  # fmt: skip


DATE_NAMES = ("period_start", "period_end", "as_of")
# An offered date's inference: a rule's ("suggested, not filled: ... (NN%: WHY)") or the
# policy's ("(suggested, not filled; WHY)"), the reason the class is read from.
_OFFERED = re.compile(r"suggested, not filled: [^(]*\(\d+%: (.*)\)$|\(suggested, not filled; (.*)\)$",
                      re.S)  # fmt: skip


def training_record(name: str) -> tuple[int, int, int] | None:
    """(right, wrong, sets) of a date class corpus/confidence.yaml dates.training fills by its
    training record today, None when it does not (a class filled on training today may be
    offered tomorrow: a test reads which, round thirty-eight)."""
    line = (dates_policy().get("training") or {}).get(name)
    return tuple(int(v) for v in line) if line and training_sure(name) else None  # type: ignore[return-value]


def assert_dated_by_record(row: Row, dates: tuple, name: str) -> None:
    """What a curator sees of a figure's dates whose class `name` the training record decides:
    filled with `dates` and a reason naming the class and its record when the record fills it;
    else blank, `dates` offered one click away, the reason saying it was not filled and why,
    its inference of that class."""
    why = str(row.why.get("as_of", ""))
    record = training_record(name)
    if record:
        right, wrong, sets = record
        assert tuple(row.record[n] for n in DATE_NAMES) == dates, why
        said = f"({name}) was right {right} of {right + wrong} on {sets} training sets, "
        assert said + (f"wrong on {wrong} of them" if wrong else "wrong on none") in why, why
        assert not any(row.offers.get(n) for n in DATE_NAMES)
        return
    assert tuple(row.record[n] for n in DATE_NAMES) == (None, None, None), why
    assert tuple(row.offers.get(n) for n in DATE_NAMES) == dates, why
    m = _OFFERED.search(why)
    assert m, why
    text = m.group(1) or m.group(2)
    offered = dict(zip(DATE_NAMES, dates, strict=True))
    quote = str(row.record.get("quote") or "")
    assert split_class(date_class(text), text, offered, quote) == name, why
