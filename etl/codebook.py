"""Build step 'inputs', the codebook's part: which codebook records changed since the previous
database, field by field, and which curated files hold records that read what changed (their
rows made again: etl.carry; their checks run again: etl.validate). The rest are copied."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from corpus.load import RawRecord, records_of
from corpus.problems import Problems
from data_model.records import ID_FIELDS
from etl.document_forms import from_json, unpacked
from etl.validate import parse_records, published

#: Record kinds that other records depend on: a change to a file holding any of them remakes
#: the rows, and runs the checks, of the records that read the records changed (what reads
#: what, as data, below), and copies the rest (issue 27).
CODEBOOK_KINDS = frozenset({"metrics", "units", "categories", "actors", "phases", "policies"})

#: Where a record reads a codebook record it names: (its kind, the naming field; "a.b" is the
#: field b of each item of its list a) -> (the kind named, the fields of the named record read
#: for it). A record naming one changed in a field read, or one gone, is changed too. A
#: codebook record so changed is itself changed in its naming field, and so on: a unit's kind
#: reaches the figures of the metrics in that unit through the metrics' `unit`.
Reads = dict[tuple[str, str], tuple[str, frozenset[str]]]

#: What etl.transform.table_rows reads of the codebook for a record's rows (beyond the rows of
#: the codebook's own records): a figure's bounds and label by its metric's sign and unit,
#: the unit's kind, label and currency copied into its row. tests/test_codebook_carry.py
#: fails when table_rows reads a codebook field not listed here.
ROWS: Reads = {
    ("indicators", "metric_id"): ("metrics", frozenset({"unit", "signed"})),
    ("metrics", "unit"): ("units", frozenset({"unit_id", "kind", "label", "currency"})),
}

#: Kinds whose rows hold each record's place among all of its kind (a category's ordinal,
#: etl.transform): any change to one remakes the rows of every file holding the kind.
ORDERED = frozenset({"categories"})

_ANY: frozenset[str] = frozenset()  # only that the named record exists (a reference)
_SPEAKER = frozenset({"name", "aliases", "kind"})  # validate._check_own_name: direct words

#: What etl.validate reads of the codebook when it checks a record (the checks it leaves out
#: for a file the previous build checked: etl.validate.Checked): every reference, a figure's
#: metric's sign and unit and that unit's kind (shares within 0-100), its phase's dates, a
#: speaker's names (direct words never name their own speaker).
CHECKS: Reads = {
    ("metrics", "unit"): ("units", frozenset({"kind"})),
    ("metrics", "category"): ("categories", _ANY),
    ("indicators", "metric_id"): ("metrics", frozenset({"unit", "signed"})),
    ("indicators", "actor_id"): ("actors", _ANY),
    ("indicators", "phase_id"): ("phases", frozenset({"start_date", "end_date"})),
    ("statements", "actor_id"): ("actors", _SPEAKER),
    ("statements", "relayed_by"): ("actors", _ANY),
    ("policies", "proposed_by"): ("actors", _ANY),
    ("policies", "positions.actor_id"): ("actors", _SPEAKER),
    ("policies", "positions.relayed_by"): ("actors", _ANY),
    ("positions", "policy_id"): ("policies", _ANY),
    ("positions", "actor_id"): ("actors", _SPEAKER),
    ("positions", "relayed_by"): ("actors", _ANY),
}

#: Of each kind, each id changed: the fields changed (None: the record added or gone, or no
#: longer approved, which a build treats as gone).
Changed = dict[str, dict[str, frozenset[str] | None]]


def changed_files(
    earlier: dict[str, tuple[str, str, bytes | None]],
    documents: dict[str, tuple[str, bool]],
) -> list[str]:
    """The codebook files added, removed or changed since the previous build."""
    if not earlier:
        return []
    out = [
        name
        for name, (kind, sha, _) in earlier.items()
        if kind == "codebook" and (name not in documents or documents[name][0] != sha)
    ]
    return out + [
        name
        for name, (sha, codebook) in documents.items()
        if codebook and name not in out and (name not in earlier or earlier[name][1] != sha)
    ]


def changed_in(
    names: list[str],
    earlier: dict[str, tuple[str, str, bytes | None]],
    now: dict[str, list[tuple[RawRecord, Any]]],
    kept: Callable[[str, str], Any | None],
) -> Changed | None:
    """The codebook records changed in the files `names` (etl.codebook.changes), their
    records then from the previous database (or the models `kept` of it: by path and SHA-256), now from `now`;
    None when the previous text of one is not at hand."""
    then: list[tuple[RawRecord, Any]] = []
    for name in names:
        kind, sha, text = earlier.get(name, ("", "", None))
        if kind != "codebook":
            continue  # none of its records was of the codebook
        models = kept(name, sha)
        if models is not None:
            then += models.pairs
            continue
        if text is None:
            return None
        problems = Problems()  # the previous build found none
        then += parse_records(records_of(name, from_json(unpacked(text)), problems), problems)
    after = [pair for name in names for pair in now.get(name, [])]
    return changes(by_id(then, CODEBOOK_KINDS), by_id(after, CODEBOOK_KINDS))


def by_id(pairs: Iterable[tuple[Any, Any]], kinds: frozenset[str]) -> dict[str, dict[str, Any]]:
    """The approved records of `kinds` among (raw record, model) pairs, by kind and id (a
    record not approved is built as if absent: etl.validate's two-person rule)."""
    out: dict[str, dict[str, Any]] = {}
    for raw, model in pairs:
        if raw.kind in kinds and model is not None and published(model):
            out.setdefault(raw.kind, {})[getattr(model, ID_FIELDS[raw.kind])] = model
    return out


def changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> Changed:
    """The records changed from `before` to `after` (each by kind and id), with how."""
    out: Changed = {}
    for kind in before.keys() | after.keys():
        then, now = before.get(kind, {}), after.get(kind, {})
        for rid in then.keys() | now.keys():
            old, new = then.get(rid), now.get(rid)
            if old is None or new is None or type(old) is not type(new):
                out.setdefault(kind, {})[rid] = None
                continue
            fields = frozenset(
                f for f in type(new).model_fields if getattr(old, f) != getattr(new, f)
            )
            if fields:
                out.setdefault(kind, {})[rid] = fields
    return out


def _named(model: Any, field: str) -> Iterable[Any]:
    """The ids `model` names in `field` ("a.b": the b of each item of its list a)."""
    head, _, rest = field.partition(".")
    value = getattr(model, head, None)
    if not rest:
        return (value,) if value is not None else ()
    return (getattr(item, rest, None) for item in value or ())


def _read_ids(changed: Changed, target: str, read: frozenset[str]) -> frozenset[str]:
    """The ids of `target` whose naming, reading the fields `read` of it, reads a change: one
    changed in a field read, or added or gone (None)."""
    return frozenset(
        rid for rid, how in changed.get(target, {}).items() if how is None or how & read
    )


def _names_any(model: Any, tests: list[tuple[str, frozenset[str]]]) -> bool:
    """Whether `model` names, in one of the fields of `tests`, one of that field's ids."""
    return any(
        isinstance(v, str) and v in ids for field, ids in tests for v in _named(model, field)
    )


def _tests(
    changed: Changed, by_kind: dict[str, list[tuple[str, str, frozenset[str]]]]
) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Of each naming kind, its naming fields with the ids that read a change (_read_ids),
    those naming none left out: a record of a kind without any is not looked at."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for kind, reads in by_kind.items():
        tests = [(field, _read_ids(changed, target, read)) for field, target, read in reads]
        tests = [(field, ids) for field, ids in tests if ids]
        if tests:
            out[kind] = tests
    return out


def reading(
    changed: Changed,
    reads: Reads,
    records: Sequence[Any],
    models: Sequence[Any],
    ordered: frozenset[str] = frozenset(),
) -> Iterator[Any]:
    """Of `records` (corpus.load.RawRecord), whose models are `models`, those that read what
    changed, by `reads`; and every record of a kind in `ordered` of which any record changed.

    Each naming field is looked up in the set of ids whose change it reads (_tests), made
    once a pass, not each id asked of `changed`: at 1000x the seeds an actor renamed had
    every record of the corpus asked of each of its fields, 1.8 s of CPU of the Save
    (issue 27, stop 49)."""
    changed = {kind: dict(ids) for kind, ids in changed.items()}
    by_kind: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for (naming, field), (target, read) in reads.items():
        by_kind.setdefault(naming, []).append((field, target, read))
    named = {target for target, _ in reads.values()}
    between = [
        (raw.kind, model)
        for raw, model in zip(records, models, strict=True)
        if raw.kind in named and raw.kind in by_kind and model is not None
    ]
    # Read through: a named record naming a change is changed in its naming field, until
    # nothing more changes (a unit, then the metrics in it). Each pass reads the changes as
    # they were at its start: a change it finds is read by the next pass, so the passes end
    # where asking `changed` afresh for every record would.
    grew = True
    while grew:
        grew = False
        tests = _tests(changed, by_kind)
        for kind, model in between:
            rid = getattr(model, ID_FIELDS[kind])
            for field, ids in tests.get(kind, ()):
                if not _names_any(model, [(field, ids)]):
                    continue
                how = changed.setdefault(kind, {}).get(rid, _ANY)
                if how is not None and field not in how:
                    changed[kind][rid] = how | {field}
                    grew = True
    whole = {kind for kind in ordered if changed.get(kind)}
    tests = _tests(changed, by_kind)
    for raw, model in zip(records, models, strict=True):
        if model is None:
            continue
        if raw.kind in whole:
            yield raw
            continue
        of_kind = tests.get(raw.kind)
        if of_kind and _names_any(model, of_kind):
            yield raw


def touched(
    changed: Changed,
    reads: Reads,
    records: Sequence[Any],
    models: Sequence[Any],
    ordered: frozenset[str] = frozenset(),
) -> set[str]:
    """The files holding a record that reads what changed (`reading`)."""
    return {raw.file for raw in reading(changed, reads, records, models, ordered)}


def readers(
    changed: Changed, records: Sequence[Any], models: Sequence[Any]
) -> tuple[set[str], set[str]]:
    """The files whose rows read what changed (ROWS, ORDERED), and those whose checks do."""
    return touched(changed, ROWS, records, models, ORDERED), touched(
        changed, CHECKS, records, models
    )


def describe(changed: Changed, files: list[str], rows: set[str], checks: set[str]) -> str:
    """What changed in the codebook and what reads it, for the build's line."""
    kinds = ", ".join(f"{len(ids)} {kind}" for kind, ids in sorted(changed.items()) if ids)
    others = set(files)
    return (
        f"; codebook files {', '.join(files)}: records changed: {kinds}; read by the rows of "
        f"{len(rows - others)} other files (made again), the checks of {len(checks - others)} "
        "(run again)"
    )
