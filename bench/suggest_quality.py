"""Precision and recall of the studio's drafts on made-up articles with an answer key (never
the seeds), and the share of fields a curator still types or changes.

The drafts are matched against the project's curated codebook and actors (seeds/curated), as
a curator adding a new article meets them; the articles themselves are made up.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import Row, draft_rows  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "suggest"
KINDS = ("figures", "dates", "statements", "speakers", "proposals")


def _pr(found: int, offered: int, recalled: int, expected: int) -> str:
    precision = found / offered if offered else 1.0
    recall = recalled / expected if expected else 1.0
    return (
        f"precision {precision:.0%} ({found}/{offered}), "
        f"recall {recall:.0%} ({recalled}/{expected})"
    )


class Tally:
    """Counts for one kind: offered items right (precision), expected items found (recall)."""

    def __init__(self) -> None:
        self.found = self.offered = self.recalled = self.expected = 0

    def add(self, found: int, offered: int, recalled: int, expected: int) -> None:
        self.found += found
        self.offered += offered
        self.recalled += recalled
        self.expected += expected


def _same(f: dict[str, Any], w: dict[str, Any]) -> bool:
    return f["value"] == w["value"] and f["qualifier"] == w["qualifier"]


def _opens(row: Row, w: dict[str, Any]) -> bool:
    return row.record["quote"].lstrip('“"').startswith(w["opening"])


def score(key: Path, tallies: dict[str, Tally]) -> tuple[int, int]:
    """Add one article's counts to ``tallies``; return (fields typed or changed, fields)."""
    answer = yaml.safe_load(key.read_text(encoding="utf-8"))
    raw = key.with_name(key.name.replace(".expected.yaml", ".txt")).read_text(encoding="utf-8")
    published = answer["published"]
    assert isinstance(published, dt.date)
    title = raw.strip().splitlines()[0]  # as the studio prefills it
    _, rows = draft_rows(raw, title, "bench", published, curated_lists(ROOT / "seeds"))
    figs = [r.record for r in rows if r.kind == "indicators"]
    stmts = [r for r in rows if r.kind == "statements"]
    measures = [r for r in rows if r.kind in ("policies", "positions")]
    want_figs, want_st = answer["figures"], answer["statements"]
    want_pr = answer.get("proposals", [])

    hit = [f for f in figs if any(_same(f, w) for w in want_figs)]
    recalled = sum(any(_same(f, w) for f in figs) for w in want_figs)
    tallies["figures"].add(len(hit), len(figs), recalled, len(want_figs))
    dated = [f for f in figs if f["as_of"] is not None]
    right = [f for f in dated if any(_same(f, w) and f["as_of"] == w["as_of"] for w in want_figs)]
    tallies["dates"].add(len(right), len(dated), len(right), len(want_figs))

    st_hit = [s for s in stmts if any(_opens(s, w) for w in want_st)]
    recalled = sum(any(_opens(s, w) for s in stmts) for w in want_st)
    tallies["statements"].add(len(st_hit), len(stmts), recalled, len(want_st))
    named = [s for s in st_hit if any(n.startswith("speaker: ") for n in s.notes)]
    sp_right = [
        s for s in named
        if any(_opens(s, w) and any(w["speaker"] in n for n in s.notes) for w in want_st)
    ]  # fmt: skip
    tallies["speakers"].add(len(sp_right), len(named), len(sp_right), len(want_st))
    pr_hit = [m for m in measures if any(_opens(m, w) for w in want_pr)]
    recalled = sum(any(_opens(m, w) for m in measures) for w in want_pr)
    tallies["proposals"].add(len(pr_hit), len(measures), recalled, len(want_pr))

    # Fields a curator still types or changes, over the fields of the records kept.
    typed = fields = 0
    for w in want_figs:  # a figure the draft missed is typed whole
        f = next((f for f in hit if _same(f, w)), None)
        fields += 6  # metric, value, qualifier, as_of, actor, quote
        if f is None:
            typed += 6
            continue
        typed += (f["metric_id"] != w["metric"]) + (f["actor_id"] != w["actor"])
        typed += f["as_of"] != w["as_of"]
    for w in want_st:
        s = next((s for s in st_hit if _opens(s, w)), None)
        fields += 6  # actor, quote, kind, said_on, topic, stance
        if s is None:
            typed += 6
            continue
        r = s.record
        typed += (r["actor_id"] != w["actor"]) + (r["topic"] != w["topic"])
        typed += r["stance"] != w["stance"]
    # A new metric the curator keeps: its label checked and its definition written (2 of 5).
    new_metrics = {
        r.new["metrics"]["metric_id"]
        for r in rows
        if "metrics" in r.new and any(_same(r.record, w) for w in want_figs)
    }
    typed += 2 * len(new_metrics)
    fields += 5 * len(new_metrics)
    for w in want_pr:
        found = any(_opens(m, w) for m in measures)
        fields += 7  # name, description, category, status, proposed_by, proposed_on, quote
        typed += 2 if found else 7  # a proposal's name and description are always written
    return typed, fields


def main() -> None:
    tallies = {k: Tally() for k in KINDS}
    typed = fields = 0
    keys = sorted(FIXTURES.glob("*.expected.yaml"))
    for key in keys:
        t, f = score(key, tallies)
        print(f"{key.name.removesuffix('.expected.yaml'):22} fields typed {t}/{f} = {t / f:.0%}")
        typed += t
        fields += f
    print(f"-- {len(keys)} made-up articles --")
    for name, t in tallies.items():
        print(f"{name:10} {_pr(t.found, t.offered, t.recalled, t.expected)}")
    print(f"fields still typed or changed: {typed}/{fields} = {typed / fields:.0%} (target <= 25%)")


if __name__ == "__main__":
    main()
