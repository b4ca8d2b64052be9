"""The Atom feed: what the current build added, changed or removed, one entry per article."""

from __future__ import annotations

from urllib.parse import quote

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


def _counted(n: int, table: str) -> str:
    one, many = NOUNS.get(table, (table, table))
    return f"{n} {one if n == 1 else many}"


def atom(db: Reader, info: dict[str, str], dashboard_url: str) -> bytes:
    """The feed of the current build; each entry links to its article on the Sources page."""
    base = dashboard_url.rstrip("/")
    built = info.get("built_at") or "1970-01-01T00:00:00+00:00"
    changes = queries.build_changes(db)
    feed = FeedGenerator()
    feed.id(f"{base}/feed.atom")
    feed.title(TITLE)
    feed.link(href=base + "/", rel="alternate")
    feed.link(href=f"{base}/feed.atom", rel="self")
    feed.updated(built)
    feed.subtitle(f"Records added, changed or removed by the build of {built}.")
    for source_id, group in changes.groupby("source_id", sort=True, dropna=False):
        title = group["title"].dropna()
        about = str(title.iloc[0]) if len(title) else f"article {source_id} (removed)"
        counts = group.groupby(["change", "table_name"]).size()
        parts = [
            f"{change} {_counted(int(counts[(change, table)]), table)}"
            for change in ("added", "changed", "removed")
            for table in NOUNS
            if (change, table) in counts.index
        ]
        ids = ", ".join(
            f"{t}:{r}" for t, r in zip(group["table_name"], group["record_id"], strict=True)
        )
        entry = feed.add_entry(order="append")
        entry.id(f"{base}/feed.atom#{built}/{source_id}")
        entry.title(f"{about}: " + "; ".join(parts))
        entry.link(href=f"{base}/sources?source={quote(str(source_id), safe='')}")
        entry.updated(built)
        # feedgen escapes text content: titles and ids reach the reader as text, not markup.
        entry.summary(f"{'; '.join(parts).capitalize()} ({ids}).")
    return feed.atom_str(pretty=True)
