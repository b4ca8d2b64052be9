"""Changes since a data version: every record added, changed (field by field) or removed, with
the reason from the corrections log or the build: /api/v1/changes.json and .csv, release notes."""

from __future__ import annotations

import json

import pandas as pd

from database import queries
from database.connection import Reader
from exports.csvsafe import to_csv_bytes

#: The columns of changes.csv, one row per changed field (or per record added or removed).
COLUMNS = [
    "table_name",
    "record_id",
    "change",
    "field",
    "old_value",
    "new_value",
    "reason",
    "data_version",
    "source_id",
]


class UnknownVersion(ValueError):
    """A `since` that is no version this database's history holds."""


def since_ordinal(versions: pd.DataFrame, since: str | None) -> tuple[int, str | None]:
    """The place of `since` in the history (default: the version before the current one) and
    its name; (0, None) when there is none before the first."""
    if since is None:
        if len(versions) < 2:
            return 0, None
        row = versions.iloc[-2]
        return int(row["ordinal"]), str(row["data_version"])
    found = versions[versions["data_version"] == since]
    if found.empty:
        known = ", ".join(versions["data_version"].astype(str))
        raise UnknownVersion(f"no data version {since!r}: the versions kept are {known}")
    return int(found.iloc[0]["ordinal"]), since


def _reasons(log: pd.DataFrame, table: str, record_id: str, field: object) -> list[str]:
    """The corrections' reasons for a record (those naming the field first), else none."""
    kind = {"policy_positions": "policies"}.get(table, table)
    named = log[
        (log["record_id"] == record_id)
        | (
            (log["record_kind"] == kind)
            & log["record_id"].map(lambda r: record_id.startswith(f"{r}-"))
        )
    ]
    exact = named[named["field"] == field] if isinstance(field, str) else named.iloc[0:0]
    chosen = exact if not exact.empty else named
    return list(dict.fromkeys(chosen["reason"].astype(str)))


def collapse(rows: pd.DataFrame, log: pd.DataFrame) -> pd.DataFrame:
    """Several versions' changes as one: a record added then changed is added, one added then
    removed is gone, a field changed twice keeps its first old and last new value."""
    out: list[dict[str, object]] = []
    for (table, record_id), group in rows.groupby(["table_name", "record_id"], sort=True):
        changes = list(dict.fromkeys(group["change"]))
        first, last = changes[0], group["change"].iloc[-1]
        latest = str(group["data_version"].iloc[-1])
        build_reasons = [r for r in dict.fromkeys(group["build_reason"].dropna()) if r]
        base = {"table_name": table, "record_id": record_id, "data_version": latest}
        base["source_id"] = (
            group["source_id"].dropna().iloc[-1] if group["source_id"].notna().any() else None
        )
        if first == "added" and last == "removed":
            continue
        if first == "added" or last == "removed":
            change = "added" if first == "added" else "removed"
            reasons = _reasons(log, table, record_id, None) or build_reasons
            out.append(
                base
                | {
                    "change": change,
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                    "reason": "; ".join(reasons) or None,
                }
            )
            continue
        fields = group.dropna(subset=["field"])
        for field, by_field in fields.groupby("field", sort=True):
            old, new = by_field["old_value"].iloc[0], by_field["new_value"].iloc[-1]
            if old == new:
                continue
            reasons = _reasons(log, table, record_id, field) or build_reasons
            out.append(
                base
                | {
                    "change": "changed",
                    "field": field,
                    "old_value": old,
                    "new_value": new,
                    "reason": "; ".join(reasons) or None,
                }
            )
        if fields.empty:
            reasons = _reasons(log, table, record_id, None) or build_reasons
            out.append(
                base
                | {
                    "change": "changed",
                    "field": None,
                    "old_value": None,
                    "new_value": None,
                    "reason": "; ".join(reasons) or None,
                }
            )
    return pd.DataFrame(out, columns=COLUMNS)


def changes(db: Reader, since: str | None) -> tuple[dict[str, object], pd.DataFrame]:
    """What changed since `since` (default: the previous version): the answer's header and
    its rows. Raises UnknownVersion for a version the history does not hold."""
    versions = queries.data_versions(db)
    ordinal, since_name = since_ordinal(versions, since)
    rows = queries.record_changes_after(db, ordinal)
    log = queries.corrections(db, ordinal)
    frame = collapse(rows, log)
    current = str(versions["data_version"].iloc[-1]) if len(versions) else None
    head: dict[str, object] = {
        "since": since_name,
        "data_version": current,
        "versions": [str(v) for v in versions["data_version"]],
        "counts": {c: int((frame["change"] == c).sum()) for c in ("added", "changed", "removed")},
    }
    return head, frame


def changes_json(db: Reader, since: str | None) -> bytes:
    head, frame = changes(db, since)
    records = [
        {k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")
    ]
    return json.dumps({**head, "changes": records}, ensure_ascii=False).encode("utf-8")


def changes_csv(db: Reader, since: str | None) -> bytes:
    return to_csv_bytes(changes(db, since)[1])
