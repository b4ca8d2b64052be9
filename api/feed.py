"""The Atom feed: what each of the last builds added, changed or removed, an entry per article,
and the newest corrections, an entry each; it links to changes.json for the details."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pandas as pd
from feedgen.feed import FeedGenerator

from database import queries
from database.connection import Reader

#: How each table's records are named in an entry.
NOUNS = {
    "sources": ("article", "articles"),
    "indicators": ("figure", "figures"),
    "statements": ("statement", "statements"),
    "policies": ("proposal", "proposals"),
    "policy_positions": ("position on a proposal", "positions on proposals"),
    "events": ("event", "events"),
}
TITLE = "Cambodia drug campaign monitor: what changed"
#: The corrections the feed carries, newest first.
FEED_CORRECTIONS = 50


def _counted(n: int, table: str) -> str:
    one, many = NOUNS.get(table, (table, table))
    return f"{n} {one if n == 1 else many}"


def worded_changes(group: pd.DataFrame) -> list[str]:
    """One article's changes in one build, counted: ['added 2 figures', 'removed 1 event']."""
    counts = group.groupby(["change", "table_name"]).size()
    return [
        f"{change} {_counted(int(counts[(change, table)]), table)}"
        for change in ("added", "changed", "removed")
        for table in NOUNS
        if (change, table) in counts.index
    ]


def atom(db: Reader, info: dict[str, str], dashboard_url: str) -> bytes:
    """The feed of the last builds, newest first: an entry per build and article, linking to
    the article on the Sources page."""
    base = dashboard_url.rstrip("/")
    built = info.get("built_at") or _EPOCH
    changes = queries.build_changes(db)
    feed = FeedGenerator()
    feed.id(f"{base}/feed.atom")
    feed.title(TITLE)
    feed.link(href=base + "/", rel="alternate")
    feed.link(href=f"{base}/feed.atom", rel="self")
    # Field by field, old and new value and reason: the details the entries count.
    feed.link(href=f"{base}/api/v1/changes.json", rel="related", type="application/json")
    feed.updated(built)
    feed.subtitle(f"Records added, changed or removed by the builds up to {built}.")
    for (build, source_id), group in changes.groupby(
        ["build", "source_id"], sort=False, dropna=False
    ):
        _entry(feed, base, int(build), source_id, group)
    for row in queries.corrections(db).head(FEED_CORRECTIONS).itertuples():
        _correction_entry(feed, base, row)
    return feed.atom_str(pretty=True)


def _correction_entry(feed: FeedGenerator, base: str, row: Any) -> None:
    """One correction of the log: what was corrected, how, and why."""
    entry = feed.add_entry(order="append")
    entry.id(f"{base}/corrections#correction-{quote(str(row.correction_id), safe='')}")
    field = row.field
    what = str(row.record_id) + (f", {field}" if isinstance(field, str) else "")
    entry.title(f"Correction ({row.action}): {what}")
    entry.link(href=f"{base}/corrections")
    day = row.corrected_on
    entry.updated(
        f"{pd.Timestamp(day).date().isoformat()}T00:00:00+00:00" if pd.notna(day) else _EPOCH
    )
    entry.summary(str(row.reason))


_EPOCH = "1970-01-01T00:00:00+00:00"


def _entry(
    feed: FeedGenerator, base: str, build: int, source_id: object, group: pd.DataFrame
) -> None:
    """One article's changes in one build."""
    built = str(group["built_at"].iloc[0] or _EPOCH)
    title = group["title"].dropna()
    about = str(title.iloc[0]) if len(title) else f"article {source_id} (removed)"
    parts = worded_changes(group)
    ids = ", ".join(
        f"{t}:{r}" for t, r in zip(group["table_name"], group["record_id"], strict=True)
    )
    entry = feed.add_entry(order="append")
    # The build's number, not its time: two builds within a second stay two entries.
    entry.id(f"{base}/feed.atom#build-{build}/{source_id}")
    entry.title(f"{about}: " + "; ".join(parts))
    entry.link(href=f"{base}/sources?source={quote(str(source_id), safe='')}")
    entry.updated(built)
    # feedgen escapes text content: titles and ids reach the reader as text, not markup.
    entry.summary(f"{'; '.join(parts).capitalize()} ({ids}).")
