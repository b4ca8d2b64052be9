"""Well-kept libraries against the drafts' hand-written rules, field by field, on the made-up
articles with a gold coding: dates (dateparser with the publication date as RELATIVE_BASE,
Microsoft Recognizers-Text), figures (quantulum3, Recognizers-Text), speakers (rapidfuzz).

Usage: .venv/bin/python bench/draft_libraries.py [DIR...]   # default: the training articles

Only rapidfuzz is a project dependency; install the others into the venv to rerun the rest:
  .uv/bin/uv pip install --python .venv/bin/python dateparser quantulum3 \\
      recognizers-text-suite 'emoji<1'     # recognizers-text 1.0.2a2 needs emoji's old API
A library that is not installed is reported as such. Each line prints right / wrong / blank
over the gold fields, then the library's import time (drafting must start in under 1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.draft_quality import TRAINING, _date, articles  # noqa: E402
from curation.suggest import records  # noqa: E402
from curation.suggest.guess import curated_lists  # noqa: E402
from curation.suggest.records import draft_rows  # noqa: E402

_MASS = {"kilogram": 1, "tonne": 1000, "ton": 1000, "gram": 0.001, "Kilogram": 1, "Ton": 1000}


def _load(name: str) -> tuple[Any, float] | None:
    began = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = importlib.import_module(name)
    except Exception:  # any import failure means "not usable here", reported as such
        return None
    return module, time.perf_counter() - began


def _gold(folders: list[Path]) -> list[tuple[dict, str, dt.date, list]]:
    """(key, article text, publication date, draft rows) for every keyed article."""
    curated = curated_lists(ROOT / "seeds")
    out = []
    for txt, key in articles(folders):
        gold = yaml.safe_load(key.read_text(encoding="utf-8")) or {}
        raw = txt.read_text(encoding="utf-8")
        published = _date(gold.get("published", gold.get("published_on")))
        _, rows = draft_rows(raw, raw.strip().splitlines()[0], "b", published, curated)
        out.append((gold, raw, published, rows))
    return out


def _figure_row(rows: list, want: dict) -> Any:
    return next(
        (
            r
            for r in rows
            if r.kind == "indicators"
            and r.record["value"] is not None
            and want.get("value") is not None
            and abs(r.record["value"] - float(want["value"])) < 1e-6
        ),
        None,
    )


def _want_day(want: dict) -> dt.date | None:
    """The one day a point reader must give: the as_of, else the period's end."""
    return _date(want.get("as_of")) or _date(want.get("period_end"))


class Tally:
    def __init__(self) -> None:
        self.right = self.wrong = self.blank = 0

    def add(self, got: dt.date | float | None, want: dt.date | float | None) -> None:
        if got is None:
            self.blank += 1
        elif got == want:
            self.right += 1
        else:
            self.wrong += 1

    def __str__(self) -> str:
        n = self.right + self.wrong + self.blank or 1
        return (
            f"right {self.right / n:4.0%} ({self.right}/{n}), wrong {self.wrong / n:4.0%}, "
            f"blank {self.blank / n:4.0%}"
        )


def _nearest(found: list[tuple[int, Any]], at: int) -> Any:
    return min(found, key=lambda f: abs(f[0] - at))[1] if found else None


def dates(data: list, dateparser: Any, recognizers: Any) -> None:
    rules, dp, rt = Tally(), Tally(), Tally()
    for gold, _raw, published, rows in data:
        for want in gold.get("figures") or []:
            row = _figure_row(rows, want)
            if row is None or not any(f in want for f in ("as_of", "period_end")):
                continue
            day = _want_day(want)
            sentence = row.record["quote"]
            at = sentence.find(row.words) if row.words else 0
            rules.add(row.record["as_of"] or row.record["period_end"], day)
            base = dt.datetime.combine(published, dt.time())
            if dateparser is not None:
                settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
                hits = dateparser.search.search_dates(sentence, languages=["en"], settings=settings)
                found = [(sentence.find(text), when.date()) for text, when in hits or []]
                dp.add(_nearest(found, at), day)
            if recognizers is not None:
                found = []
                for res in recognizers.recognize_datetime(sentence, "en-us", reference=base):
                    values = (res.resolution or {}).get("values") or []
                    past = [v for v in values if (v.get("end") or v.get("value", "9999"))[:10]
                            <= published.isoformat()]  # fmt: skip
                    if past:
                        v = past[-1]
                        text = v.get("end") or v.get("value")
                        try:
                            when = dt.date.fromisoformat(text[:10])
                        except ValueError:
                            continue
                        if v.get("end"):  # a range's end is exclusive
                            when -= dt.timedelta(days=1)
                        found.append((res.start, when))
                rt.add(_nearest(found, at), day)
    print("dates (the figure's as_of, else its period's end):")
    print(f"  hand-written rules        {rules}")
    print(f"  dateparser (RELATIVE_BASE) {dp}" if dateparser else "  dateparser: not installed")
    print(
        f"  Recognizers-Text           {rt}" if recognizers else "  Recognizers-Text: not installed"
    )


def figures(data: list, quantulum: Any, recognizers: Any) -> None:
    rules, qu, rt = Tally(), Tally(), Tally()
    junk = {"rules": 0, "quantulum3": 0, "Recognizers-Text": 0}
    for gold, _raw, _published, rows in data:
        figs = [r for r in rows if r.kind == "indicators"]
        furniture = [str(f) for f in gold.get("furniture") or []]
        junk["rules"] += sum(any(f in r.record["quote"] for f in furniture) for r in figs)
        for f in furniture:
            if quantulum is not None:
                junk["quantulum3"] += len(quantulum.parser.parse(f))
            if recognizers is not None:
                junk["Recognizers-Text"] += len(recognizers.recognize_number(f, "en-us"))
        for want in gold.get("figures") or []:
            words = str(want.get("words") or "")
            if not words or want.get("value") is None:
                continue
            value = float(want["value"])
            rules.add(value if _figure_row(rows, want) else None, value)
            if quantulum is not None:
                got = None
                for q in quantulum.parser.parse(words):
                    scale = next((m for k, m in _MASS.items() if k in q.unit.name), 1)
                    got = round(q.value * scale, 4)
                qu.add(got, value)
            if recognizers is not None:
                got = None
                for res in recognizers.recognize_dimension(words, "en-us") or []:
                    v, unit = (
                        (res.resolution or {}).get("value"),
                        (res.resolution or {}).get("unit"),
                    )
                    if v is not None:
                        got = float(v) * _MASS.get(str(unit), 1)
                if got is None:
                    for res in recognizers.recognize_number(words, "en-us"):
                        v = (res.resolution or {}).get("value")
                        got = float(v) if v is not None else got
                rt.add(got, value)
    print("figures (the gold value read from the figure's own words):")
    print(f"  hand-written rules        {rules}; numbers from furniture {junk['rules']}")
    if quantulum is not None:
        print(f"  quantulum3                {qu}; numbers from furniture {junk['quantulum3']}")
    else:
        print("  quantulum3: not installed")
    if recognizers is not None:
        print(
            f"  Recognizers-Text           {rt}; numbers from furniture {junk['Recognizers-Text']}"
        )


def speakers(folders: list[Path]) -> None:
    """Statements whose actor is the gold one, with and without rapidfuzz's spelling match."""

    def score(fuzzy: Callable | None) -> tuple[int, int]:
        saved = records.fuzzy_actor
        records.fuzzy_actor = fuzzy or (lambda names, actors: None)
        try:
            right = total = 0
            for gold, _raw, _published, rows in _gold(folders):
                for want in gold.get("statements") or []:
                    if not want.get("actor") or want["actor"] == "unnamed":
                        continue
                    opening = str(want["opening"]).strip('“"')
                    row = next(
                        (
                            r
                            for r in rows
                            if r.kind == "statements" and opening in r.record["quote"]
                        ),
                        None,
                    )
                    if row is not None:
                        total += 1
                        right += row.record["actor_id"] == want["actor"]
            return right, total
        finally:
            records.fuzzy_actor = saved

    plain = score(None)
    fuzzy = score(records.fuzzy_actor)
    print("speakers (statements found whose actor is the gold curated or new one):")
    print(f"  exact name, alias or surname   {plain[0]}/{plain[1]}")
    print(f"  ... and rapidfuzz spellings    {fuzzy[0]}/{fuzzy[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    folders = args.folders or [p for p in TRAINING if p.is_dir()]
    loaded = {n: _load(n) for n in ("dateparser.search", "quantulum3.parser", "recognizers_suite",
                                    "rapidfuzz")}  # fmt: skip
    for name, got in loaded.items():
        print(f"import {name:20} " + (f"{1000 * got[1]:6.0f} ms" if got else "not installed"))
    dateparser = importlib.import_module("dateparser") if loaded["dateparser.search"] else None
    quantulum = importlib.import_module("quantulum3") if loaded["quantulum3.parser"] else None
    recognizers = loaded["recognizers_suite"][0] if loaded["recognizers_suite"] else None
    data = _gold(folders)
    print(f"== {len(data)} articles ==")
    dates(data, dateparser, recognizers)
    figures(data, quantulum, recognizers)
    speakers(folders)


if __name__ == "__main__":
    main()
