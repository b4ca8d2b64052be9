"""`python -m etl suggest`: exactly the drafts the studio's Review screen offers, as YAML, every
guess filled in (metric, speaker, dates, kind, topic, stance, proposal) with how sure the draft
is and why, and a TODO on every field the words leave blank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from curation.reasons import visible
from curation.suggest.draft import Article, _comment, _curated, _scalar, read_article
from curation.suggest.failure import draft_or_explain
from curation.suggest.guess import curated_of
from curation.suggest.records import Row
from curation.suggest.sentences import SuggestError

#: The kinds of an article's file, in the order the studio saves them.
KINDS = ("metrics", "actors", "indicators", "statements", "policies", "positions", "events")
#: Fields a curator always writes: a TODO even when the draft could not guess them.
_WRITTEN = {"definition", "description", "organisation", "role"}
#: Fields most records leave blank: no TODO for them.
_OPTIONAL = {"vague", "value_to", "note", "phase_id", "relayed_by", "actor_role", "attribution"}


def _said(text: str) -> str:
    """A comment with the article's words as written: the reasons quote words by repr(), which
    escapes U+200B between Khmer words ('\\u200b'); the terminal shows the words themselves
    (the YAML reads the same either way: a comment is no value)."""
    return visible(_comment(text))


def _record_lines(
    record: dict[str, Any], why: dict[str, str], read: str, offers: dict[str, Any] | None = None
) -> list[str]:
    lines = [_said(f"read: {read}").strip()] if read else []
    for k, (name, value) in enumerate(record.items()):
        lead = "- " if k == 0 else "  "
        if value is None and name in (offers or {}):
            # Left blank but offered (the studio's one-click suggestion): the same here.
            said = why.get(name, "")[3:].strip()
            tail = _said(f"TODO (suggested: {_scalar((offers or {})[name])}; {said})")
        elif name in why and why[name].startswith("0%"):
            tail = _said(f"TODO (no guess: {why[name][3:].strip() or 'no publication date'})")
        elif name in why:
            tail = _said(f"guess {why[name]}")
        elif name in _OPTIONAL and value in (None, ""):
            tail = ""
        elif value in (None, "", []) or name in _WRITTEN and not value:
            tail = _comment("TODO")
        else:
            tail = ""
        lines.append(f"{lead}{name}: {_scalar(value)}{tail}")
    return lines


def render_rows(rows: list[Row], article: Article) -> str:
    """The draft YAML: the studio's rows by kind, the new metrics and actors they need first."""
    name = article.source_id or article.file.stem
    target = f"seeds/curated/articles/{article.source_id or '<source_id>'}.yaml"
    offered = sum(r.status == "offered" for r in rows)
    counts = ", ".join(f"{sum(r.kind == k and r.status != 'offered' for r in rows)} {k}"
                       for k in KINDS[2:])  # fmt: skip
    if offered:
        counts += f"; {offered} more offered, not drafted (commented out below)"
    lines = [
        f"# Draft records for {name} ({article.file.name}), suggested by `python -m etl suggest`:",
        "# the same drafts the studio's Review screen offers. Nothing here is checked yet: each",
        "# guess says how sure it is and why; fill in every TODO, keep what is right, then paste",
        f"# into {target} and run `python -m etl check`.",
        f"# Found: {counts}.",
    ]
    new: dict[str, dict[str, dict[str, Any]]] = {"metrics": {}, "actors": {}}
    for row in rows:
        for kind, record in row.new.items():
            key = "metric_id" if kind == "metrics" else "actor_id"
            new.setdefault(kind, {}).setdefault(str(record.get(key)), record)
    for kind in KINDS:
        if kind in new:
            chosen = list(new[kind].values())
            lines.append(f"{kind}:" if chosen else f"{kind}: []")
            for record in chosen:
                lines += _record_lines(record, {}, f"a new {kind[:-1]} a draft below needs")
            continue
        of_kind = [r for r in rows if r.kind == kind]
        lines.append(f"{kind}:" if of_kind else f"{kind}: []")
        for row in of_kind:
            said = _record_lines(row.record, row.why, "; ".join(row.notes), row.offers)
            # A record only offered (as the studio shows it, folded): there, not pasted as is.
            lines += [f"# {line}" for line in said] if row.status == "offered" else said
    return "\n".join(lines) + "\n"


def suggest(target: str, seeds_dir: Path) -> str:
    """The draft for a registered source id or a text file; nothing is written."""
    records = _curated(seeds_dir)
    article = read_article(target, seeds_dir, records)
    prefix = article.source_id or "draft"
    # As the studio does: an unregistered file's first line is its title, when it reads as one.
    first = next((ln.strip() for ln in article.raw.splitlines() if ln.strip()), "")
    title = article.title or (first if first and first[-1] not in '."”' else None)
    # A drafting that raises is a one-line error naming the article (DraftFailed), no traceback.
    name = f"{article.source_id} ({article.file.name})" if article.source_id else str(article.file)
    _, rows = draft_or_explain(article.raw, title, prefix, article.published_on,
                               curated_of(records), article=name)  # fmt: skip
    return render_rows(rows, article)


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `python -m etl suggest`."""
    parser.add_argument("target", help="a registered source_id, or the path of a text file")


def run(args: argparse.Namespace) -> int:
    """Run `python -m etl suggest`; print the draft, or one line on stderr and exit code 1."""
    try:
        draft = suggest(args.target, args.seeds)
    except SuggestError as exc:
        print(f"error: {visible(str(exc))}", file=sys.stderr)  # a file's name as written
        return 1
    sys.stdout.write(draft)
    return 0
