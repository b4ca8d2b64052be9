"""Bodies the training keys define as new actors under two or more ids, or under an id other than
the one convention C6 gives them (a curated actor's, the id the drafts make from a
corpus/body_names.yaml body's formal name, or from a province's body's one name:
corpus/province_bodies.yaml): each group with its ids, counts and folders.

Usage: .venv/bin/python bench/body_ids.py   # training keys only (bench/draft_quality.py's
                                            # listing: never a held-aside set)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):  # run as a script: the project and its sibling bench
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from draft_quality import training  # noqa: E402

from corpus.body_names import formal_in, new_body_id  # noqa: E402
from corpus.province_bodies import province_body  # noqa: E402

# The words that make one body's printed names differ without making it another body: a
# bracketed gloss, "the", "Cambodian", a provincial police's "commissariat".
_GLOSS = re.compile(r"\s*\(.*$")
_MINISTRY = re.compile(r"^(\w+(?: \w+)?) ministry$")


def _curated() -> dict[str, str]:
    """Every curated actor's name and alias, lower-cased, to its id."""
    data = yaml.safe_load((ROOT / "seeds" / "curated" / "actors.yaml").read_text("utf-8"))
    out: dict[str, str] = {}
    for row in data["actors"]:
        for name in [row.get("name"), *(row.get("aliases") or [])]:
            if name:
                out[str(name).lower()] = str(row["actor_id"])
    return out


def _plain(name: str) -> str:
    """A name with the words that do not tell one body from another taken off."""
    low = _GLOSS.sub("", name.lower()).strip()
    low = re.sub(r"^(?:the|cambodian)\s+", "", low)
    low = re.sub(r"\bpolice commissariat\b", "police", low)
    low = re.sub(r"\bprovincial\b", "", low)
    low = _MINISTRY.sub(r"ministry of \1", low)
    return " ".join(low.split())


def groups() -> dict[str, dict[str, list[tuple[str, str, int]]]]:
    """Body -> id -> [(folder, key, references in that key)], over every training key."""
    curated = _curated()
    out: dict[str, dict[str, list[tuple[str, str, int]]]] = defaultdict(lambda: defaultdict(list))
    for folder in training():
        for key in sorted(folder.glob("*.expected.yaml")):
            text = key.read_text(encoding="utf-8")
            ans = yaml.safe_load(text) or {}
            for ident, actor in (ans.get("new_actors") or {}).items():
                if (actor or {}).get("kind") != "organisation":
                    continue
                name = str(actor.get("name") or "")
                if formal := formal_in(name):
                    body = f"{formal} (body_names.yaml: {new_body_id(formal)})"
                elif one := province_body(name):  # provinces37: a province's body, one id
                    body = f"{one} (province_bodies.yaml: {new_body_id(one)})"
                elif (cid := curated.get(_GLOSS.sub("", name.lower()).strip())) or (
                    cid := ident if ident in curated.values() else None
                ):
                    body = f"{name} (curated: {cid})"
                else:
                    body = _plain(name)
                refs = len(re.findall(rf"\bactor: {re.escape(ident)}\b", text))
                out[body][ident].append((folder.name, key.name, refs))
    return out


def main() -> None:
    found = 0
    for body, ids in sorted(groups().items(), key=lambda kv: -sum(map(len, kv[1].values()))):
        want = re.search(r"\((?:body_names\.yaml|province_bodies\.yaml|curated): ([\w-]+)\)$", body)
        if len(ids) < 2 and not (want and set(ids) != {want.group(1)}):
            continue
        found += 1
        keys = sum(map(len, ids.values()))
        folders = {f for rows in ids.values() for f, _, _ in rows}
        print(f"{body}: {keys} keys on {len(folders)} folders")
        for ident, rows in sorted(ids.items(), key=lambda kv: -len(kv[1])):
            mark = "" if not want or ident == want.group(1) else "  <- breaks C6"
            refs = sum(r for _, _, r in rows)
            where = ", ".join(sorted({f for f, _, _ in rows}))
            print(f"  {ident}: {len(rows)} keys, {refs} references; {where}{mark}")
    print(f"{found} groups")


if __name__ == "__main__":
    main()
