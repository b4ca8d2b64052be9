"""Every date a draft left blank and offered beside its blank, per folder, right or wrong against
the answer key, with the reason it carries: the evidence bench/date_offers.py --loso turns into
each class's precision on folders it was not measured on (round twenty-three).

Usage: .venv/bin/python bench/date_offers.py > offers.tsv          # every training folder
       .venv/bin/python bench/date_offers.py DIR... > offers.tsv   # any folders of NAME.txt + key
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):  # run as a script: the project and its sibling bench
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from draft_quality import _date, articles, dates_asked, matched_figures, training  # noqa: E402

from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402


def rows_of(txt: Path, key: Path, curated) -> list[tuple[str, ...]]:
    """(article, state, right, reason, quote, dates drafted/wanted) per matched figure whose dates the key asks:
    state is "filled" or "offered" (nothing filled, something offered)."""
    gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
    raw = txt.read_text(encoding="utf-8")
    published = _date(gold.get("published", gold.get("published_on")))
    _, rows = draft_rows(raw, raw.strip().splitlines()[0], "bench", published, curated)
    figs = [r for r in rows if r.kind == "indicators" and getattr(r, "status", "") != "offered"]
    out = []
    for w, row in matched_figures(figs, gold.get("figures") or []):
        asked, got, want = dates_asked(w, row.record)
        if not asked:
            continue
        offers = getattr(row, "offers", None) or {}
        filled = any(v is not None for v in got.values())
        if filled:
            state, took = "filled", got
        elif any(f in offers for f in asked):
            state, took = "offered", {f: _date(offers.get(f)) for f in asked}
        else:
            continue
        if "as_of" in w and w["as_of"] is None and took["as_of"] == _date(w.get("period_end")):
            want["as_of"] = took["as_of"]
        why = " ".join(str(row.why.get("as_of", "")).split())
        quote = " ".join(str(row.record.get("quote") or "").split())[:300]
        shown = " ".join(f"{f}={took[f]}/{want[f]}" for f in asked)  # drafted / the key's
        out.append((txt.stem, state, "right" if took == want else "wrong", why, quote, shown))
    return out


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [p for p in training() if p.is_dir()]
    curated = curated_lists(ROOT / "seeds")
    for folder in folders:
        for txt, key in articles([folder]):
            for row in rows_of(txt, key, curated):
                print("\t".join((folder.name, *row)))


if __name__ == "__main__":
    main()
