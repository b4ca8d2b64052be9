"""Precision and recall of `suggest` on made-up articles with an answer key (never the seeds)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from studio.review import draft_rows  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "suggest"


def _pr(found: int, offered: int, recalled: int, expected: int) -> str:
    precision = found / offered if offered else 1.0
    recall = recalled / expected if expected else 1.0
    return (
        f"precision {precision:.0%} ({found}/{offered}), "
        f"recall {recall:.0%} ({recalled}/{expected})"
    )


def _add(total: list[int], found: int, offered: int, expected_found: int) -> None:
    """Precision counts offered items that are right; recall, expected items that were found."""
    total[0] += found
    total[1] += offered
    total[2] += expected_found


def main() -> None:
    totals = {
        "figures": [0, 0, 0],
        "dates": [0, 0, 0],
        "statements": [0, 0, 0],
        "speakers": [0, 0, 0],
    }
    expected = dict.fromkeys(totals, 0)
    typed = fields = 0
    for key in sorted(FIXTURES.glob("*.expected.yaml")):
        answer = yaml.safe_load(key.read_text(encoding="utf-8"))
        raw = key.with_name(key.name.replace(".expected.yaml", ".txt")).read_text(encoding="utf-8")
        published = answer["published"]
        assert isinstance(published, dt.date)
        title = raw.strip().splitlines()[0]  # as the studio prefills it
        _, rows = draft_rows(raw, title, "bench", published)
        figs = [r.record for r in rows if r.kind == "indicators"]
        stmts = [r for r in rows if r.kind == "statements"]
        want_figs, want_st = answer["figures"], answer["statements"]
        for k, n in (("figures", len(want_figs)), ("dates", len(want_figs))):
            expected[k] += n
        for k in ("statements", "speakers"):
            expected[k] += len(want_st)

        def same(f: dict, w: dict) -> bool:
            return f["value"] == w["value"] and f["qualifier"] == w["qualifier"]

        hit = [f for f in figs if any(same(f, w) for w in want_figs)]
        _add(
            totals["figures"],
            len(hit),
            len(figs),
            sum(any(same(f, w) for f in figs) for w in want_figs),
        )
        dated = [f for f in figs if f["as_of"] is not None]
        right = [
            f for f in dated if any(same(f, w) and f["as_of"] == w["as_of"] for w in want_figs)
        ]
        _add(totals["dates"], len(right), len(dated), len(right))

        def opens(s: object, w: dict) -> bool:
            return s.record["quote"].startswith(w["opening"])  # type: ignore[attr-defined]

        st_hit = [s for s in stmts if any(opens(s, w) for w in want_st)]
        _add(
            totals["statements"],
            len(st_hit),
            len(stmts),
            sum(any(opens(s, w) for s in stmts) for w in want_st),
        )
        named = [s for s in st_hit if any(n.startswith("speaker: ") for n in s.notes)]
        sp_right = [
            s for s in named
            if any(opens(s, w) and any(w["speaker"] in n for n in s.notes) for w in want_st)
        ]  # fmt: skip
        _add(totals["speakers"], len(sp_right), len(named), len(sp_right))
        # Fields a curator still types or changes, over the fields of the records kept:
        # figures: metric, wrong/blank value or date, actor; statements: actor, topic, stance.
        for f in hit:
            w = next(w for w in want_figs if w["value"] == f["value"])
            typed += 2 + (f["as_of"] != w["as_of"])  # metric_id, actor_id, as_of if wrong
            fields += 6  # metric, value, qualifier, as_of, actor, quote
        for _ in st_hit:
            typed += 3  # actor_id, topic, stance
            fields += 6  # actor, quote, kind, said_on, topic, stance
    for name, (found, offered, recalled) in totals.items():
        print(f"{name:10} {_pr(found, offered, recalled, expected[name])}")
    print(f"fields still typed or changed: {typed}/{fields} = {typed / fields:.0%} (target <= 25%)")


if __name__ == "__main__":
    main()
