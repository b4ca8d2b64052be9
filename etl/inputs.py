"""Build step 'inputs': hash every input file and the build's code, and read the curated files,
parsing only those whose bytes changed since the previous database (the rest come from it, or
from the models a long-lived build process kept: KEPT)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from corpus.load import ROOT, RawInput, RawRecord, curated_files, read_articles, records_of
from corpus.problems import Problems
from corpus.safe_yaml import YamlRefused, read_yaml
from data_model.records import ID_FIELDS
from data_model.tables import BUILD_INPUTS
from database.write import earlier_inputs
from etl.codebook import CODEBOOK_KINDS, Changed, changed_files, changed_in, describe, readers
from etl.document_forms import from_json, packed, share_strings, to_json, unpacked
from etl.validate import parse_records

#: The packages whose code decides what a build writes, and the lock file of the libraries.
_CODE = ("corpus", "data_model", "database", "etl", "charts")
_LOCK = "uv.lock"
#: The translations the build's words may come from (data_model.wording, chart words).
_CATALOGUES = ("locales", "*.po")
CODE_PATH = "code"
#: build_inputs texts in one frame (Inputs.frames, Inputs.add).
BATCH = 50


def code_version(root: Path = ROOT) -> str:
    """SHA-256 of the build's own code and the locked library versions: a database built by
    other code is never carried over from."""
    digest = hashlib.sha256()
    files = sorted(p for package in _CODE for p in (root / package).rglob("*.py"))
    files += sorted((root / _CATALOGUES[0]).rglob(_CATALOGUES[1]))
    for path in [*files, root / _LOCK]:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Parsed:
    """One curated file's records as parse_records made them (place and id, model), and
    whether the file holds codebook kinds."""

    pairs: list[tuple[RawRecord, Any]]
    codebook: bool


class KeptModels:
    """The records' models of every curated file of one corpus, kept by a long-lived build
    process (etl.warm) between Saves, each by the file's path, the SHA-256 of its bytes and
    the build's code version: a model is a function of those alone (model validation reads
    nothing else). A Save forked from that process (copy-on-write: nothing a Save does to
    them reaches the next) takes the models of every unchanged file from here instead of
    parsing the file's JSON from the previous database and validating each record again.

    Bounded: one entry per curated file of the corpus last refreshed (a file gone, or of
    another corpus, is let go); a file with any problem is not kept (a build parses it and
    reports them). A process that never calls `refresh` (every `python -m etl`) keeps none."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[str, str, Parsed]] = {}

    def get(self, name: str, sha: str, code: str) -> Parsed | None:
        kept = self.files.get(name)
        return kept[2] if kept is not None and kept[:2] == (sha, code) else None

    def refresh(self, seeds_dir: Path, code: str, previous: Path | None = None) -> int:
        """Parse the curated files under seeds_dir not kept as they are now; forget the
        rest. A file whose bytes the database at `previous` read, by the same code, is
        parsed from its JSON there, as a build does (about six times faster than its YAML).
        Returns how many files were parsed."""
        files = []
        for path, name in curated_files(seeds_dir / "curated", seeds_dir.parent, Problems()):
            try:
                files.append((path, name, _digest(path.read_bytes())))
            except OSError:
                continue
        missing = {name for _, name, sha in files if self.get(name, sha, code) is None}
        earlier = (
            earlier_inputs(previous, lambda path, _: path not in missing)
            if previous is not None and missing
            else {}
        )
        if earlier.get(CODE_PATH, ("", "", None))[1] != code:
            earlier = {}
        fresh: dict[str, tuple[str, str, Parsed]] = {}
        shared: dict[str, str] = {}  # share_strings: equal texts of every file as one
        for path, name, sha in files:
            if name not in missing:
                fresh[name] = self.files[name]
                continue
            kept = earlier.get(name)
            problems = Problems()
            if kept is not None and kept[1] == sha and kept[2] is not None:
                document = from_json(unpacked(kept[2]))
            else:
                try:
                    document = read_yaml(path, ID_FIELDS)
                except YamlRefused:
                    continue
            share_strings(document, shared)
            pairs = parse_records(records_of(name, document, problems), problems)
            if not problems:
                fresh[name] = (sha, code, Parsed(pairs, _is_codebook(document)))
        self.files = fresh
        return len(missing)

    def clear(self) -> None:
        self.files = {}


#: What this process keeps (filled by etl.warm's server only).
KEPT = KeptModels()


@dataclass
class Inputs:
    """What a build read: the raw input (each record's model already made: RawInput.models),
    its problems and the build_inputs rows to store (their documents `packed`)."""

    raw: RawInput
    problems: Problems
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: Curated files parsed afresh, and those carried over from the previous database.
    parsed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    #: Why nothing could be carried over (empty when the previous database was used).
    full_because: str = ""
    #: The build's code version (code_version): what a chart or row carried over was made by.
    code: str = ""
    #: Whether the previous database was made by this same code (what it found holds).
    same_code: bool = False
    #: The previous database, whose build_inputs rows of the `reused` files the new file
    #: copies (database.write.carry_inputs) instead of their text coming through Python.
    previous: Path | None = None
    #: The curated files whose bytes are those the previous database read, when its rows
    #: may be carried (etl.carry): the same code and every article it read here unchanged;
    #: less those holding records whose rows read a codebook record changed since
    #: (etl.codebook.ROWS). None otherwise.
    unchanged: frozenset[str] | None = None
    #: Of those files, the ones whose records' checks stand as the previous build made them
    #: (etl.validate.Checked): less those whose checks read a codebook record changed since
    #: (etl.codebook.CHECKS).
    trusted: frozenset[str] = frozenset()
    #: The codebook's records changed since the previous database, and how many files the
    #: change makes the rows of again and checks again (for the build's line).
    codebook: str = ""
    #: Of each curated file changed since the previous database: the kinds whose records
    #: there (in order) are the first of that kind now, and how many (`appended_to`); read
    #: only when the rows may be carried (`unchanged` not None: etl.carry.runs_for).
    appended: dict[str, dict[str, int]] = field(default_factory=dict)
    #: What a build gives each frame of build_inputs rows to as soon as it holds `BATCH`
    #: texts (etl.apart.later: written out of the records' process), and what it returned.
    hand: Callable[[pd.DataFrame], Any] | None = None
    handed: list[Any] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        """A build_inputs row; with `hand`, the rows so far handed over once they hold BATCH
        texts (as `frames` would group them): every curated file's packed text, held until
        the last file was read, was 36 MB of reading's highest point at 1000x (issue 27)."""
        self.rows.append(row)
        if self.hand is not None and row["document"] is not None:
            texts = sum(r["document"] is not None for r in self.rows)
            if texts >= BATCH:
                self.handed.append(self.hand(self._frame(self.rows)))
                self.rows = []

    def frame(self) -> pd.DataFrame:
        """The build_inputs rows of the code, the articles and the files parsed afresh."""
        return pd.concat(list(self.frames()), ignore_index=True)

    def frames(self, batch: int = 0) -> Iterator[pd.DataFrame]:
        """The same rows, with at most `batch` texts in each frame, stored as they are held:
        packed (build_inputs.document is the compressed BLOB; unpacked, every curated file's
        text written at once was the top of a 1000x build's own process, +448 MB for 137 MB
        of JSON). A row without text (the code's, an article's) does not count: 5,000
        articles' rows in frames of 50 were a hundred inserts of every Save at 1000x."""
        batch = batch or BATCH
        part: list[dict[str, Any]] = []
        texts = 0
        for row in self.rows:
            part.append(row)
            texts += row["document"] is not None
            if texts >= batch:
                yield self._frame(part)
                part, texts = [], 0
        if part:
            yield self._frame(part)

    @staticmethod
    def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
        # Objects, not Arrow strings: converting every curated file's text cost a Save
        # more than a tenth of a second at 100x the seeds, only for DuckDB to copy it.
        return pd.DataFrame(rows, columns=BUILD_INPUTS.column_names, dtype=object)

    def take_raw(self) -> RawInput:
        """The raw input, handed over: these inputs hold it no longer, so validation can let
        each parsed record go once its model holds the values."""
        raw, self.raw = self.raw, RawInput()
        return raw

    def line(self) -> str:
        """One line for the build's output."""
        if self.full_because:
            return f"read all {len(self.parsed)} curated files ({self.full_because})"
        return (
            f"read {len(self.parsed)} changed curated files; {len(self.reused)} unchanged, "
            f"carried over from the previous database{self.codebook}"
        )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_inputs(
    seeds_dir: Path,
    previous: Path | None,
    code: str | None = None,
    hand: Callable[[pd.DataFrame], Any] | None = None,
) -> Inputs:
    """Read articles and curated files under seeds_dir, as corpus.load.load does, reusing the
    parsed document of every curated file whose bytes are those the previous database read
    with the same code. `hand`: given the build_inputs rows' frames as they are made
    (Inputs.add); the rest stay in `rows`."""
    root = seeds_dir.parent
    code = code or code_version()
    # The previous database's text of a file whose models are kept is not read at all.
    earlier = (
        earlier_inputs(previous, lambda path, sha: KEPT.get(path, sha, code) is not None)
        if previous is not None
        else {}
    )
    full_because = ""
    if not earlier:
        full_because = "no previous database of this schema"
    elif earlier.get(CODE_PATH, ("", "", None))[1] != code:
        full_because, earlier = "the build's code changed", {}
    # What the previous build found in the articles (bodies, quote places) is keyed by their
    # bytes, not their paths: it holds for a corpus copied under another folder name.
    same_code = bool(earlier)
    folder = _folder_of(earlier)
    if folder is not None and folder != seeds_dir.name:
        # Every path a build stores names the corpus folder (the names problems give the
        # files): under another name no file is the one the previous database read.
        full_because = (
            f"the previous database read the corpus from a folder named {folder!r}, this one "
            f"is named {seeds_dir.name!r}: every stored path names the folder"
        )
        earlier = {}
    problems = Problems()
    articles = read_articles(seeds_dir / "articles")
    inputs = Inputs(RawInput(articles=articles), problems, full_because=full_because, code=code)
    inputs.same_code = same_code
    inputs.hand = hand
    inputs.add({"path": CODE_PATH, "kind": "code", "sha256": code, "document": None})
    now: dict[str, str] = {}  # each article's SHA-256 by its build_inputs path
    for name, data in articles.items():
        path = f"{seeds_dir.name}/articles/{name}"
        now[path] = _digest(data)
        inputs.add({"path": path, "kind": "article", "sha256": now[path], "document": None})
    files = curated_files(seeds_dir / "curated", root, problems)
    # Per file: its SHA-256 and whether it holds codebook kinds (its text is in its row). The
    # parsed YAML itself is let go as soon as its records' models are made (RawInput.models).
    documents: dict[str, tuple[str, bool]] = {}
    # Equal texts of every file held as one object by the models (share_strings): at 1000x
    # the seeds the records' models were the largest thing a build holds.
    shared: dict[str, str] = {}

    # The codebook records of each changed file, as they are now (etl.codebook.changes).
    book_now: dict[str, list[tuple[RawRecord, Any]]] = {}

    def take(name: str, document: Any) -> list[tuple[RawRecord, Any]]:
        share_strings(document, shared)
        records = records_of(name, document, problems)
        pairs = parse_records(records, problems)
        inputs.raw.add(pairs)
        return pairs

    for path, name in files:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""  # read_yaml below reports why
        sha = _digest(data)
        kept = earlier.get(name)
        models = KEPT.get(name, sha, code) if kept and kept[1] == sha else None
        if models is not None:
            # Unchanged since the previous database and since the models were kept: its
            # row is copied from the previous database, its records' models taken as kept.
            documents[name] = (sha, models.codebook)
            inputs.raw.add(models.pairs)
            inputs.reused.append(name)
            continue
        if kept and kept[1] == sha and kept[2] is not None:
            # Its row is copied from the previous database: its text is not held here.
            document = from_json(unpacked(kept[2]))
            documents[name] = (sha, _is_codebook(document))
            earlier[name] = (kept[0], kept[1], None)  # parsed: its text is let go
            take(name, document)
            inputs.reused.append(name)
            continue
        try:
            document = read_yaml(path, ID_FIELDS)
        except YamlRefused as exc:
            for record, field_name, message in exc.problems:
                problems.add(name, record, field_name, message)
            continue
        # Its row now, in reading order as before: its text is held by the row alone.
        documents[name] = (sha, _is_codebook(document))
        kind = "codebook" if documents[name][1] else "curated"
        inputs.add(
            {"path": name, "kind": kind, "sha256": sha, "document": packed(to_json(document))}
        )
        # The file as the previous database read it: records added after its own?
        if kept and kept[2] is not None:
            grown = appended_to(from_json(unpacked(kept[2])), document)
            if grown:
                inputs.appended[name] = grown
        pairs = take(name, document)
        if documents[name][1]:
            book_now[name] = [pair for pair in pairs if pair[0].kind in CODEBOOK_KINDS]
        del document, pairs
        inputs.parsed.append(name)
    books = changed_files(earlier, documents)
    book = (
        changed_in(books, earlier, book_now, lambda n, sha: KEPT.get(n, sha, code)) if books else {}
    )
    del book_now
    if book is None:
        # The previous text of a codebook file is not at hand: what it held is not known.
        inputs.full_because = f"codebook file {books[0]} changed"
    if earlier and not inputs.full_because:
        before = {p: sha for p, (kind, sha, _) in earlier.items() if kind == "article"}
        if all(now.get(p) == sha for p, sha in before.items()):
            same = frozenset(
                name
                for name, (sha, _) in documents.items()
                if earlier.get(name, ("", "", None))[1] == sha
            )
            inputs.unchanged, inputs.trusted = same, same
            if book:
                _codebook_reads(inputs, book, books)
    del earlier  # every unchanged file's text: the reused ones' rows are copied in SQL
    inputs.previous = previous if inputs.reused else None
    return inputs


def _folder_of(earlier: dict[str, tuple[str, str, bytes | None]]) -> str | None:
    """The corpus folder the previous database's paths name (their first part), or None
    when it read no file (its paths are "FOLDER/articles/..." and "FOLDER/curated/...")."""
    for path in earlier:
        if path != CODE_PATH and "/" in path:
            return path.split("/", 1)[0]
    return None


def appended_to(before: Any, after: Any) -> dict[str, int]:
    """Of each record kind: how many records of the document `before` a build makes rows of
    (those approved: etl.validate's two-person rule), when its records are, in order and as
    written, the first of that kind in `after` (records added after them, as an article's
    source is added at the end of sources.yaml); kinds with none left out."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return {}
    out = {}
    for kind, items in before.items():
        now = after.get(kind)
        if isinstance(items, list) and isinstance(now, list) and now[: len(items)] == items:
            approved = [i for i in items if not isinstance(i, dict) or _approved(i)]
            if approved:
                out[kind] = len(approved)
    return out


def _approved(record: dict[str, Any]) -> bool:
    return record.get("review_status") in (None, "approved")


def _is_codebook(document: Any) -> bool:
    return isinstance(document, dict) and bool(CODEBOOK_KINDS & set(document))


def _codebook_reads(inputs: Inputs, book: Changed, files: list[str]) -> None:
    """Take out of the files whose rows are copied, and whose checks stand, those holding
    records that read a codebook record changed (etl.codebook)."""
    rows, checks = readers(book, inputs.raw.records, inputs.raw.models or [])
    for name in rows:
        inputs.appended.pop(name, None)  # its first records' rows read the change too
    inputs.unchanged = (inputs.unchanged or frozenset()) - rows
    inputs.trusted = inputs.trusted - checks
    inputs.codebook = describe(book, files, rows, checks)
