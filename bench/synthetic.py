"""Synthetic seeds corpora for the ETL benchmark: K-fold copies of the seeds, added articles, a long article.

Long because each corpus kind must stay fully valid under every build rule (quotes, coverage,
restatements); one module keeps those rules in one place for every benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, bench/ is on the path but not the project
    sys.path.insert(0, str(ROOT))

from corpus.cleaning import clean_body  # noqa: E402
from curation.add_article import derive_source_id  # noqa: E402
from data_model.records import ID_FIELDS  # noqa: E402

SEEDS = ROOT / "seeds"
# Kinds copied per copy with fresh ids; the codebook, actors and phases stay shared, as a
# larger real corpus would share them.
PER_COPY_KINDS = (
    "sources",
    "indicators",
    "statements",
    "events",
    "policies",
    "positions",
    "not_coded",
)
# Fields whose value is the id of a per-copy record (a definition or a reference to one).
_ID_KEYS = (
    "source_id",
    "first_source_id",
    "indicator_id",
    "statement_id",
    "event_id",
    "policy_id",
    "restates",
)
_ID_LINE = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?(?:" + "|".join(_ID_KEYS) + r"):\s+)(?P<q>['\"]?)"
    r"(?P<value>[a-z0-9][a-z0-9-]*)(?P=q)\s*$",
    re.MULTILINE,
)
_SEED_LINE = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?seed_file:\s+)(?P<value>\S+?)\.txt\s*$", re.MULTILINE
)
_COPY = "@@COPY@@"  # placeholder in the per-copy YAML template, replaced by "-c0001" etc.
_PREFIX = re.compile(r"^(\d{3,})_")

PROVINCES = (
    "Banteay Meanchey", "Battambang", "Kampong Cham", "Kampong Chhnang", "Kampong Speu",
    "Kampong Thom", "Kampot", "Kandal", "Kep", "Koh Kong", "Kratie", "Mondulkiri",
    "Oddar Meanchey", "Pailin", "Phnom Penh", "Preah Sihanouk", "Preah Vihear", "Prey Veng",
    "Pursat", "Ratanakiri", "Siem Reap", "Stung Treng", "Svay Rieng", "Takeo", "Tbong Khmum",
)  # fmt: skip


def snapshot(seeds: Path, dest: Path) -> Path:
    """A private copy of articles/ and curated/, so edits by others mid-run cannot interfere."""
    for part in ("articles", "curated"):
        shutil.copytree(seeds / part, dest / part)
    return dest


def _varied(data: bytes, copy: int) -> bytes:
    """The article plus one unique opening line, so every copy's content hash differs."""
    text = data.decode("utf-8")
    if not text.endswith("\n"):
        text += "\n"
    # Letters, not digits: a digit would make the line a sentence that carries a figure,
    # which the build's coverage accounting would then ask to be coded.
    tag, n = "", copy
    while True:
        n, r = divmod(n, 26)
        tag = chr(ord("a") + r) + tag
        if not n:
            break
    # At the top: at the end it would stop a trailing teaser list being trailing furniture.
    return (f"Synthetic copy {tag} of this report, made for the ETL benchmark.\n\n" + text).encode()


def _template(curated: Path) -> tuple[str, dict[str, list[str]]]:
    """The per-copy records of every curated file, dumped once as YAML with id placeholders.

    Returns the template and, per kind, the ids it defines. Ids are rewritten by line
    (``key: value``) so that words inside quotes and notes are never touched.
    """
    per_copy: dict[str, list[Any]] = {kind: [] for kind in PER_COPY_KINDS}
    for path in sorted([*curated.rglob("*.yaml"), *curated.rglob("*.yml")]):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for kind in PER_COPY_KINDS:
            per_copy[kind] += document.get(kind) or []
    ids = {kind: [r[ID_FIELDS[kind]] for r in items] for kind, items in per_copy.items()}
    own = {i for kind_ids in ids.values() for i in kind_ids}
    text = yaml.safe_dump(
        {k: v for k, v in per_copy.items() if v}, sort_keys=False, allow_unicode=True, width=100
    )

    def tag(m: re.Match[str]) -> str:
        value = m["value"]
        return m["lead"] + (value + _COPY if value in own else value)

    text = _ID_LINE.sub(tag, text)
    text = _SEED_LINE.sub(lambda m: f"{m['lead']}{m['value']}{_COPY}.txt", text)
    return text, ids


def make_corpus(base: Path, dest: Path, copies: int) -> Path:
    """A seeds folder holding ``copies`` times the corpus at ``base`` (copy 0 is ``base`` as is).

    Copy n > 0 has every article under a new name with a unique closing line, and every
    source, indicator, statement, event and policy (with its positions) under ids ending
    in ``-c{n:04d}``, all in one YAML file per copy.
    """
    snapshot(base, dest)
    if copies <= 1:
        return dest
    template, ids = _template(base / "curated")
    seed_files = [
        r["seed_file"]
        for r in yaml.safe_load(template.replace(_COPY, ""))["sources"]
        if isinstance(r.get("seed_file"), str)
    ]
    originals = {name: (base / "articles" / name).read_bytes() for name in seed_files}
    out = dest / "curated" / "synthetic-copies"
    out.mkdir()
    for n in range(1, copies):
        suffix = f"-c{n:04d}"
        header = (
            f"# Synthetic copy {n}: {len(ids['sources'])} sources with ids ending in {suffix}.\n"
        )
        (out / f"copy{suffix}.yaml").write_text(
            header + template.replace(_COPY, suffix), encoding="utf-8"
        )
        for name, data in originals.items():
            stem = name.removesuffix(".txt")
            (dest / "articles" / f"{stem}{suffix}.txt").write_bytes(_varied(data, n))
    return dest


# --- added articles ----------------------------------------------------------------------


def _paragraphs(seeds: Path) -> list[str]:
    """The clean paragraphs of every article under seeds, as material for new text."""
    sources = []
    for path in sorted((seeds / "curated").rglob("*.yaml")):
        sources += (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sources") or []
    paras: list[str] = []
    for src in sources:
        raw = (seeds / "articles" / src["seed_file"]).read_text(encoding="utf-8")
        paras += clean_body(raw, src.get("title")).split("\n\n")
    return paras


def _actors(seeds: Path) -> list[dict[str, Any]]:
    actors: list[dict[str, Any]] = []
    for path in sorted((seeds / "curated").rglob("*.yaml")):
        actors += (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actors") or []
    return [a for a in actors if a.get("kind") == "person"] or actors


def _items_indent(text: str) -> str:
    """Indentation of the list items under `sources:`, so the appended block matches."""
    m = re.search(r"^sources\s*:.*\n(?:\s*#.*\n)*(\s*)- ", text, re.MULTILINE)
    return m.group(1) if m else ""


def add_articles(seeds: Path, count: int, first_day: dt.date = dt.date(2017, 1, 2)) -> list[str]:
    """Register ``count`` new articles in ``seeds`` as `python -m etl add` would leave them.

    Each is a file ``NNN_<sha256[:16]>.txt`` under articles/, a source appended to
    curated/sources.yaml, and curated/articles/<source_id>.yaml with two indicators and
    two statements quoting it. Written directly (not through the command) for speed.
    Returns the new source ids.
    """
    paras, actors = _paragraphs(seeds), _actors(seeds)
    articles, curated = seeds / "articles", seeds / "curated"
    (curated / "articles").mkdir(parents=True, exist_ok=True)
    used = [int(m.group(1)) for p in articles.iterdir() if (m := _PREFIX.match(p.name))]
    prefix = max(used, default=-1) + 1
    sources_path = curated / "sources.yaml"
    old = sources_path.read_text(encoding="utf-8") if sources_path.exists() else "sources:\n"
    taken = {
        r["source_id"] for r in (yaml.safe_load(old) or {}).get("sources") or [] if "source_id" in r
    }
    records: list[dict[str, Any]] = []
    for i in range(count):
        day = first_day + dt.timedelta(days=i)
        province = PROVINCES[i % len(PROVINCES)]
        # Counts grow with the date within each province, as a cumulative count should.
        total = 100 + 7 * i
        users = total // 2 + i % 5
        actor, other = actors[i % len(actors)], actors[(i + 1) % len(actors)]
        title = f"{province} drug arrests, report {i + 1}"
        lead = (
            f"Police in {province} have arrested {total:,} people on drug charges since the "
            f"campaign began, officials said, {users:,} of them drug users."
        )
        said = (
            f"\u201cWe will keep up the work in {province} until the villages are safe,\u201d "
            f"{actor['name']} said on day {i + 1} of the count."
        )
        body = [paras[(i * 3 + k) % len(paras)] for k in range(3)]
        raw = "\n\n".join([title, lead, *body, said]) + "\n"
        data = raw.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        seed_file = f"{prefix + i:03d}_{digest[:16]}.txt"
        (articles / seed_file).write_bytes(data)
        base = derive_source_id("The Synthetic Post", day, "day", title)
        sid, n = base, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        taken.add(sid)
        records.append(
            {
                "source_id": sid,
                "seed_file": seed_file,
                "outlet": "The Synthetic Post",
                "reporter": None,
                "title": title,
                "url": f"https://example.org/bench/{sid}",
                "published_on": day,
                "date_precision": "day",
                "date_basis": "given when the article was added",
            }
        )
        common = {"as_of": day, "phase_id": None, "geography": province, "source_id": sid}
        indicator = {"period_start": None, "period_end": None, "actor_id": None}
        doc = {
            "indicators": [
                {"indicator_id": f"{sid}-arrests", "metric_id": "arrests-total", "value": total}
                | {"qualifier": "exact"}
                | indicator
                | common
                | {"attribution": "officials", "quote": f"arrested {total:,} people"},
                {"indicator_id": f"{sid}-users", "metric_id": "arrests-users", "value": users}
                | {"qualifier": "exact"}
                | indicator
                | common
                | {"attribution": "officials", "quote": f"{users:,} of them drug users"},
            ],
            "statements": [
                {
                    "statement_id": f"{sid}-{actor['actor_id']}",
                    "actor_id": actor["actor_id"],
                    "source_id": sid,
                    "quote": f"We will keep up the work in {province} until the villages are safe",
                    "kind": "direct",
                    "topic": "campaign",
                    "stance": "supportive",
                },
                {
                    "statement_id": f"{sid}-{other['actor_id']}",
                    "actor_id": other["actor_id"],
                    "source_id": sid,
                    "quote": f"have arrested {total:,} people on drug charges",
                    "kind": "reported",
                    "topic": "arrests",
                    "stance": "neutral",
                },
            ],
            # The borrowed paragraphs are filler: accounted for, so the build's coverage holds.
            "not_coded": [
                {"source_id": sid, "quote": para, "reason": "benchmark filler"} for para in body
            ],
        }
        (curated / "articles" / f"{sid}.yaml").write_text(
            f"# Figures and statements reported in {sid} ({seed_file}).\n"
            + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100),
            encoding="utf-8",
        )
    # One append for all: the add command appends one record at a time to the same list.
    block = yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)
    indent = _items_indent(old)
    block = "".join(indent + line for line in block.splitlines(keepends=True))
    sources_path.write_text(old + ("" if old.endswith("\n") else "\n") + block, encoding="utf-8")
    return [r["source_id"] for r in records]


def long_article(seeds: Path, paragraphs: int = 200) -> str:
    """A raw article of ``paragraphs`` paragraphs built from the real ones.

    Repeats get a distinct lead-in: the cleaner drops a paragraph that stands again.
    """
    paras = _paragraphs(seeds)
    out = []
    for i in range(paragraphs):
        para = paras[i % len(paras)]
        rounds = i // len(paras)
        out.append(para if rounds == 0 else f"In update {rounds} of the report, {para}")
    return "Drug campaign: the long report\n\n" + "\n\n".join(out) + "\n"


def _check(seeds: Path) -> int:
    """`python -m etl --seeds DIR check`, output passed through; its exit status."""
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "check"]
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10, help="K: corpus size in seeds (10)")
    parser.add_argument("--added", type=int, default=0, help="N added articles on top (0)")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the corpus to copy")
    parser.add_argument("--out", type=Path, help="folder to create (default: a temp dir, removed)")
    args = parser.parse_args(argv)
    tmp = None if args.out else Path(tempfile.mkdtemp(prefix="etl-synthetic-"))
    dest = args.out or tmp / "seeds"  # type: ignore[operator]
    try:
        make_corpus(args.seeds, dest, args.copies)
        if args.added:
            add_articles(dest, args.added)
        print(f"wrote {dest} ({args.copies}x + {args.added} added); checking:", file=sys.stderr)
        return _check(dest)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
