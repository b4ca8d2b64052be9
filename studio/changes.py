"""The studio's change log: what each recent build added, changed or removed, per article,
worded as the feed words it (the same facts as /feed.atom, from the read layer)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from api.feed import NOUNS, worded_changes
from data_model.i18n import N_, SOURCE_LANGUAGE, Translator
from database import queries
from database.connection import Reader
from studio.language import KIND_WORDS

#: A build's changes in words (the feed's, api.feed.worded_changes), for the catalogue.
CHANGE_WORDS = {"added": N_("added"), "changed": N_("changed"), "removed": N_("removed")}
#: A table the change log names by the studio's kind of record.
_KINDS = {"policy_positions": "positions"}


@dataclass(frozen=True)
class ArticleChanges:
    """One article's changes in one build."""

    source_id: str
    title: str  # the article's title, or a note that it was removed
    summary: str  # "added 2 figures; changed 1 statement"
    records: tuple[str, ...]  # "indicators:<id>", one per record
    #: The summary's facts, (change, table, count), for a page in another language.
    counts: tuple[tuple[str, str, int], ...] = ()

    def said(self, t: Translator) -> str:
        """The summary in ``t``'s language: the feed's English, or each count in words."""
        if t.lang == SOURCE_LANGUAGE or not self.counts:
            return self.summary
        return "; ".join(
            t.gettext("{change} {n} {what}").format(
                change=t.gettext(CHANGE_WORDS.get(change, change)),
                n=t.number_text(f"{n:,}"),
                what=t.gettext(KIND_WORDS.get(_KINDS.get(table, table), table)),
            )
            for change, table, n in self.counts
        )


@dataclass(frozen=True)
class BuildChanges:
    """One build and the articles it changed."""

    build: int
    built_at: str  # "23 Nov 2026, 18:35 UTC"
    articles: tuple[ArticleChanges, ...]
    at: dt.datetime | None = None  # the same moment, for a page in another language


def _moment(built_at: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(built_at)).astimezone(dt.UTC)
    except ValueError:
        return None


def _when(built_at: object) -> str:
    at = _moment(built_at)
    if at is None:
        return str(built_at)  # shown as stored rather than guessed
    return at.strftime("%-d %b %Y, %H:%M:%S UTC")


def build_log(db_path: Path, builds: int = 10) -> list[BuildChanges]:
    """The last ``builds`` builds of the database at db_path, newest first; none before the
    first build."""
    if not db_path.exists():
        return []
    with Reader(db_path) as db:
        changes = queries.build_changes(db)
    out: list[BuildChanges] = []
    for build, rows in changes.groupby("build", sort=False):
        articles = []
        for source_id, group in rows.groupby("source_id", sort=False, dropna=False):
            titles = group["title"].dropna()
            title = str(titles.iloc[0]) if len(titles) else f"article {source_id} (removed)"
            records = tuple(
                f"{t}:{r}" for t, r in zip(group["table_name"], group["record_id"], strict=True)
            )
            summary = "; ".join(worded_changes(group))
            sizes = group.groupby(["change", "table_name"], sort=False).size()
            counts = tuple(
                (str(change), str(table), int(sizes[(change, table)]))
                for change in CHANGE_WORDS
                for table in NOUNS
                if (change, table) in sizes.index
            )
            articles.append(ArticleChanges(str(source_id), title, summary, records, counts))
        stamp = rows["built_at"].iloc[0]
        out.append(BuildChanges(int(build), _when(stamp), tuple(articles), _moment(stamp)))
        if len(out) == builds:
            break
    return out
