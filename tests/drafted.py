"""The drafting's figures, statements and measures for a passage, as the suggest tests read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from corpus.khmer import normalise
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
