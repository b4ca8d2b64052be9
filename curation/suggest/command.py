"""`python -m etl suggest`: the draft YAML of an article, every kind of record in it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from curation.suggest.draft import _comment, _curated, _hints, _scalar, read_article, render
from curation.suggest.guess import Curated, curated_of
from curation.suggest.records import draft_rows
from curation.suggest.sentences import SuggestError

#: The kinds drafted from whole sentences (records), after the figures and statements.
SENTENCE_KINDS = ("policies", "positions", "events")


def sentence_drafts(
    raw: str, title: str | None, prefix: str, published: dt.date | None, curated: Curated
) -> list[str]:
    """Proposals, positions on curated proposals and dated events as YAML lines, drafted as
    the studio drafts them, with what the draft read beside each and a TODO on each blank."""
    _, rows = draft_rows(raw, title, prefix, published, curated)
    lines = []
    for kind in SENTENCE_KINDS:
        chosen = [r for r in rows if r.kind == kind]
        lines.append(f"{kind}:" if chosen else f"{kind}: []")
        for row in chosen:
            (key, ident), *rest = row.record.items()
            read = _comment("TODO check: " + "; ".join(row.notes)) if row.notes else ""
            lines.append(f"- {key}: {_scalar(ident)}{read}")
            for name, value in rest:
                todo = _comment("TODO") if value in (None, "") else ""
                lines.append(f"  {name}: {_scalar(value)}{todo}")
    return lines


def suggest(target: str, seeds_dir: Path) -> str:
    """The draft for a registered source id or a text file; nothing is written."""
    records = _curated(seeds_dir)
    article = read_article(target, seeds_dir, records)
    curated = curated_of(records)
    prefix = article.source_id or "draft"
    more = sentence_drafts(article.raw, article.title, prefix, article.published_on, curated)
    return render(article, _hints(records)) + "\n".join(more) + "\n"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `python -m etl suggest`."""
    parser.add_argument("target", help="a registered source_id, or the path of a text file")


def run(args: argparse.Namespace) -> int:
    """Run `python -m etl suggest`; print the draft, or one line on stderr and exit code 1."""
    try:
        draft = suggest(args.target, args.seeds)
    except SuggestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(draft)
    return 0
