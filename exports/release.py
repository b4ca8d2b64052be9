"""A citable release: the data package named with its data version, a CITATION.cff, release
notes from the changes since the previous version, a .zenodo.json and SHA256SUMS.

The same database content gives byte-identical files: every date in them, and every time in
the zip, is the data version's date, never the time the release was made.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import yaml

from corpus.atomic import write_atomic
from data_model.citation import TITLE, data_citation
from data_model.licence import DATA_LICENCE_NAME, DATA_LICENCE_SCOPE
from data_model.wording import PROJECT
from database import queries
from database.connection import Reader
from exports.changes import changes
from exports.package import package_files, versioned_name, zip_bytes

ROOT = Path(__file__).resolve().parent.parent
AUTHORS = f"{PROJECT} contributors"
KEYWORDS = ["Cambodia", "drug policy", "anti-drug campaign", "news", "policy monitoring"]
DESCRIPTION = (
    "Figures, statements, policy proposals, phases and events of Cambodia's anti-drug "
    "campaign, curated by hand from news reports; every record carries the exact words of "
    "the article it rests on, and every correction is logged with its reason."
)
#: How each table's records are named in the release notes.
NOUNS = {
    "sources": "article",
    "indicators": "figure",
    "statements": "statement",
    "policies": "proposal",
    "policy_positions": "position on a proposal",
    "events": "event",
}


def _day(version: str) -> str:
    """The version's date, ISO: 2026.12.05.2 -> 2026-12-05."""
    return "-".join(version.split(".")[:3])


def citation_cff(version: str, url: str | None) -> str:
    """CITATION.cff (Citation File Format 1.2.0, type dataset)."""
    doc: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "If you use this data set, please cite it as below, and the articles too.",
        "type": "dataset",
        "title": TITLE,
        "version": version,
        "date-released": _day(version),
        "license": DATA_LICENCE_NAME,
        "authors": [{"name": AUTHORS}],
        "abstract": DESCRIPTION,
        "keywords": KEYWORDS,
    }
    if url:
        doc["url"] = url
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(version: str, notes: str) -> str:
    """.zenodo.json: what Zenodo reads to mint a DOI for the release."""
    doc = {
        "upload_type": "dataset",
        "title": TITLE,
        "version": version,
        "publication_date": _day(version),
        "description": DESCRIPTION,
        "creators": [{"name": AUTHORS}],
        "license": DATA_LICENCE_NAME.lower(),
        "access_right": "open",
        "keywords": KEYWORDS,
        "notes": f"{DATA_LICENCE_SCOPE} {notes}",
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _value(value: object) -> str:
    return (
        "(empty)"
        if value is None or (isinstance(value, float) and pd.isna(value))
        else f"`{value}`"
    )


def release_notes(reader: Reader, version: str, url: str | None) -> str:
    """The notes: what this version added, changed (field, old, new, reason) and withdrew
    since the previous one, and the corrections it logged."""
    head, frame = changes(reader, None)
    since = head["since"]
    lines = [f"# {TITLE}: data version {version}", "", f"Released {_day(version)}."]
    lines += ["", "Cite as:", "", f"> {data_citation(version, None, url)}", ""]
    if since is None:
        counts = frame.groupby("table_name").size()
        lines.append("The first release. It holds:")
        lines += [f"- {int(n)} × {NOUNS.get(str(t), t)}" for t, n in counts.items()]
    else:
        lines.append(f"Changes since data version {since}:")
        for change, heading in (
            ("added", "Added"),
            ("changed", "Changed"),
            ("removed", "Withdrawn"),
        ):
            rows = frame[frame["change"] == change]
            lines += ["", f"## {heading} ({len(rows)})", ""]
            lines += [_note_line(r) for r in rows.itertuples()] or ["Nothing."]
    log = queries.corrections(reader)
    log = log[log["data_version"] == version]
    lines += ["", f"## Corrections logged in this version ({len(log)})", ""]
    lines += [
        f"- {r.record_kind} `{r.record_id}` {r.action}"
        + (f" ({r.field})" if isinstance(r.field, str) else "")
        + f": {r.reason}"
        for r in log.itertuples()
    ] or ["None."]
    lines += ["", "The whole log is `csv/corrections.csv`; checksums are in `SHA256SUMS`.", ""]
    return "\n".join(lines)


def _note_line(r: object) -> str:
    row: dict[str, object] = r._asdict()  # type: ignore[attr-defined]
    what = f"{NOUNS.get(str(row['table_name']), row['table_name'])} `{row['record_id']}`"
    if row["change"] == "changed" and isinstance(row["field"], str):
        what += f": {row['field']} {_value(row['old_value'])} → {_value(row['new_value'])}"
    reason = row["reason"]
    return f"- {what}" + (f" (reason: {reason})" if isinstance(reason, str) and reason else "")


def release_files(reader: Reader, url: str | None = None) -> tuple[str, dict[str, bytes]]:
    """The release's name and every file of it, SHA256SUMS last."""
    info = queries.build_info(reader)
    version = info.get("data_version")
    if not version:
        raise ValueError("the database has no data_version: rebuild it (python -m etl build)")
    # Every date the files carry is the version's, so the same data gives the same bytes.
    fixed = {**info, "built_at": f"{_day(version)}T00:00:00+00:00"}
    files = package_files(reader, url, info=fixed)
    notes = release_notes(reader, version, url)
    files["CITATION.cff"] = citation_cff(version, url).encode("utf-8")
    files["RELEASE-NOTES.md"] = notes.encode("utf-8")
    files[".zenodo.json"] = zenodo_json(version, "Release notes: RELEASE-NOTES.md.").encode()
    for name in ("LICENSE-DATA.md",):
        if (ROOT / name).exists():
            files[name] = (ROOT / name).read_bytes()
    sums = "".join(f"{hashlib.sha256(b).hexdigest()}  {p}\n" for p, b in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    return versioned_name(info), files


def write_release(reader: Reader, out_dir: Path, url: str | None = None) -> list[Path]:
    """Write the release folder and its zip into out_dir; return both paths."""
    name, files = release_files(reader, url)
    folder = out_dir / name
    for path, content in files.items():
        write_atomic(folder / path, content, make_folder=True)
    year, month, day = (int(p) for p in _day(name.rsplit("-v", 1)[1]).split("-"))
    archive = out_dir / f"{name}.zip"
    write_atomic(
        archive,
        zip_bytes({f"{name}/{p}": b for p, b in files.items()}, (year, month, day, 0, 0, 0)),
    )
    return [folder, archive]
