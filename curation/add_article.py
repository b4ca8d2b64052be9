"""Add command: copy a raw article into seeds/articles unchanged and register its source.

Long because refusing bad input (size, encoding, duplicates, ids) and writing under a lock
atomically are one transaction; splitting it would split the transaction.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from slugify import slugify

from corpus.atomic import write_atomic
from corpus.load import read_curated
from corpus.problems import Problems, fault_line
from corpus.safe_yaml import YamlRefused, dump_yaml, parse_yaml
from data_model.records import ID_FIELDS, Source

DEFAULT_DATE_BASIS = "given when the article was added"
SOURCES_FILE = "sources.yaml"
#: A news report is tens of kilobytes; a capture with its page furniture a few hundred.
MAX_ARTICLE_BYTES = 5_000_000


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, for long vocabularies."""
    return frozenset(text.split())


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PREFIX = re.compile(r"^(\d{3,})_")
_EMPTY_FLOW = re.compile(r"^sources:\s*\[\s*\](\s*#.*)?$", re.MULTILINE)
_MAX_ID = 80
# Words that carry no meaning in an outlet's initials or a slug of the headline.
_STOPWORDS = _words("a an and at by for from in of on or the to with is are was were as its it s")
_TITLE_WORDS = 3
#: At most this much of the headline in a derived id: Khmer writes no spaces between words,
#: so one transliterated "word" can run to 50 letters, and every record id of the article
#: starts with its source id (ids are at most 80 characters).
_TITLE_CHARS = 30


class AddRefused(Exception):
    """The article cannot be added; the message is one line and names the file."""


@dataclass(frozen=True)
class Added:
    """What was written: the registered source and the copy's path."""

    source_id: str
    seed_path: Path
    sources_path: Path


# --- reading and checking the raw file -------------------------------------------------


def _read_article(path: Path) -> bytes:
    """The file's bytes, refused unless it is non-empty UTF-8 text."""
    if not path.exists():
        raise AddRefused(f"cannot add {path}: no such file")
    if not path.is_file():
        raise AddRefused(f"cannot add {path}: not a regular file")
    too_big = (
        f"cannot add {path}: the file is over {MAX_ARTICLE_BYTES:,} bytes; a news article "
        "is far smaller (is this the right file?)"
    )
    # Refused on its size before it is read, and read no further than the limit.
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise AddRefused(too_big)
    with path.open("rb") as handle:
        data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise AddRefused(too_big)
    if b"\x00" in data:
        raise AddRefused(f"cannot add {path}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AddRefused(
            f"cannot add {path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "re-save it as UTF-8 first"
        ) from None
    # A byte-order mark alone is as empty as no bytes at all.
    if not text.replace("\ufeff", "").strip():
        raise AddRefused(f"cannot add {path}: the file is empty")
    return data


def _same_content(articles_dir: Path, digest: str) -> str | None:
    """Name of an existing article with exactly this content, if any."""
    if not articles_dir.is_dir():
        return None
    for existing in sorted(articles_dir.glob("*.txt")):
        if existing.is_file() and hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            return existing.name
    return None


def _seed_name(articles_dir: Path, digest: str) -> str:
    """Next free numeric prefix after the highest in use, then the content hash."""
    used = [
        int(m.group(1))
        for p in (articles_dir.iterdir() if articles_dir.is_dir() else [])
        if (m := _PREFIX.match(p.name))
    ]
    return f"{max(used, default=-1) + 1:03d}_{digest[:16]}.txt"


# --- checking the metadata -------------------------------------------------------------


#: The command's option for each field of the Source model, to name in a refusal.
_OPTIONS = {
    "source_id": "--source-id",
    "title": "--title",
    "outlet": "--outlet",
    "reporter": "--reporter",
    "url": "--url",
    "published_on": "--published",
    "date_precision": "--precision",
    "published_earliest": "--published-earliest",
    "published_latest": "--published-latest",
    "date_basis": "--date-basis",
    "date_inferred": "--date-inferred",
}


def _checked(path: Path, fields: dict[str, Any]) -> Source:
    """The Source the options describe, or AddRefused naming every option the model refuses."""
    try:
        return Source.model_validate(fields)
    except ValidationError as exc:
        wrong = [
            f"{_OPTIONS.get(str(err['loc'][0]), err['loc'][0])}: {err['msg']} (got {err['input']!r})"
            if err["loc"]
            else _as_options(err["msg"])  # a rule across fields (a date range): named as options
            for err in exc.errors()
        ]
        raise AddRefused(f"cannot add {path}: {'; '.join(wrong)}") from None


def _as_options(message: str) -> str:
    """A model's message about several fields, with each field named as its option."""
    for name in sorted(_OPTIONS, key=len, reverse=True):
        message = re.sub(rf"\b{name}\b", _OPTIONS[name], message)
    return message.removeprefix("Value error, ")


def _first_day(path: Path, source: Source) -> None:
    # The model's convention: a month or year known only is stored as its first day.
    date, precision = source.published_on, source.date_precision.value
    first = {"month": date.replace(day=1), "year": date.replace(month=1, day=1)}.get(precision)
    if first is not None and first != date:
        raise AddRefused(
            f"cannot add {path}: with --precision {precision}, --published must be the first "
            f"day of the {precision} ({first.isoformat()}), not {date.isoformat()}"
        )


def _check_text(path: Path, option: str, value: str | None, required: bool = True) -> None:
    if value is None and not required:
        return
    if value is None or not value.strip():
        raise AddRefused(f"cannot add {path}: {option} must not be empty")
    if "\n" in value or "\r" in value:
        raise AddRefused(f"cannot add {path}: {option} must be one line")


def _existing_sources(curated_dir: Path, path: Path) -> tuple[set[str], set[str]]:
    """Source ids and seed files already registered anywhere under curated/."""
    if not curated_dir.is_dir():
        return set(), set()
    problems = Problems()
    records = read_curated(curated_dir, curated_dir.parent.parent, problems)
    broken = [p for p in problems.items if p.file.endswith(f"curated/{SOURCES_FILE}")]
    if broken:
        raise AddRefused(f"cannot add {path}: {broken[0].file} must be fixed first: {broken[0]}")
    sources = [r.data for r in records if r.kind == "sources"]
    ids = {s["source_id"] for s in sources if isinstance(s.get("source_id"), str)}
    files = {s["seed_file"] for s in sources if isinstance(s.get("seed_file"), str)}
    return ids, files


def _slug_words(text: str) -> list[str]:
    # "2,400" is one word of the headline, not "2" and "400".
    return [w for w in slugify(re.sub(r"(?<=\d)[,.](?=\d)", "", text)).split("-") if w]


def derive_source_id(outlet: str, published: dt.date, precision: str, title: str) -> str:
    """Outlet initials, the date as precise as known, and the headline's first words."""
    initials = "".join(w[0] for w in _slug_words(outlet) if w not in _STOPWORDS) or "src"
    date = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[precision]
    words = [w for w in _slug_words(title) if w not in _STOPWORDS][:_TITLE_WORDS]
    headline = "-".join(words)[:_TITLE_CHARS].rstrip("-")
    # Room is left for a "-NN" suffix that makes the id unique.
    return "-".join(p for p in (initials, published.strftime(date), headline) if p)[
        : _MAX_ID - 4
    ].rstrip("-")


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _source_id(path: Path, given: str | None, base: str, taken: set[str]) -> str:
    if given is None:
        return _unique(base, taken)
    if given in taken:
        raise AddRefused(f"cannot add {path}: source id {given!r} is already registered")
    return given


# --- appending to sources.yaml as text ---------------------------------------------------


def _items_indent(text: str) -> str:
    """Indentation of the list items under `sources:` (block style), default none."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^sources\s*:", line)), None)
    if start is None:
        return ""
    for line in lines[start + 1 :]:
        if m := re.match(r"^(\s*)- ", line):
            return m.group(1)
    return ""


def appended_sources(text: str, record: dict[str, Any], where: str) -> str:
    """The file's text with the record appended, comments and layout untouched.

    Appending is only safe when `sources` is the file's last key in block style; the
    result is parsed again and must equal the old records plus the new one.
    """
    try:
        document = parse_yaml(text, ID_FIELDS) if text.strip() else None
    except YamlRefused as exc:
        raise AddRefused(f"{where} must be fixed first: {exc.problems[0][2]}") from None
    document = {} if document is None else document
    if not isinstance(document, dict):
        raise AddRefused(f"{where} must be a mapping with a `sources:` list")
    old = document.get("sources") or []
    if not isinstance(old, list):
        raise AddRefused(f"{where}: `sources` must be a list")
    if "sources" in document and list(document)[-1] != "sources":
        raise AddRefused(f"{where}: `sources` is not the last key; add the record by hand")
    item = dump_yaml([record])
    # An empty flow list ("sources: []") becomes a block list, its comment kept.
    text = _EMPTY_FLOW.sub(r"sources:\1", text) if not old else text
    if "sources" in document:
        indent = _items_indent(text)
        block = "".join(indent + line for line in item.splitlines(keepends=True))
    else:
        block = "sources:\n" + item
    new_text = (text if not text or text.endswith("\n") else text + "\n") + block
    expected = {**document, "sources": [*old, record]}
    try:
        ok = parse_yaml(new_text, ID_FIELDS) == expected
    except YamlRefused:
        ok = False
    if not ok:
        raise AddRefused(f"{where}: cannot append safely to this layout; add the record by hand")
    return new_text


# --- writing -----------------------------------------------------------------------------


@contextlib.contextmanager
def curated_lock(seeds_dir: Path) -> Iterator[None]:
    """Only one `etl add` at a time reads, changes and writes the curated files: without
    it, two concurrent adds both append to the same old sources.yaml and one is lost."""
    # The lock is on the seeds folder itself: no lock file to leave behind or commit.
    seeds_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(seeds_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def add_article(path: Path, *, seeds_dir: Path, **options: str | None) -> Added:
    """Copy the article and register it (see _add); one add at a time per seeds folder."""
    with curated_lock(seeds_dir):
        return _add(path, seeds_dir=seeds_dir, **options)  # type: ignore[arg-type]


def _add(
    path: Path,
    *,
    seeds_dir: Path,
    title: str,
    outlet: str,
    url: str | None,
    published: str,
    precision: str = "day",
    reporter: str | None = None,
    date_basis: str = DEFAULT_DATE_BASIS,
    date_inferred: bool = False,
    source_id: str | None = None,
    review_status: str | None = None,
    published_range: tuple[str | None, str | None] = (None, None),
) -> Added:
    """Copy the article and register it; every check runs before anything is written.

    The studio registers its articles ``provisional`` (issue 24): the build leaves the source
    out until a second editor approves the article's records."""
    data = _read_article(path)
    articles_dir, curated_dir = seeds_dir / "articles", seeds_dir / "curated"
    digest = hashlib.sha256(data).hexdigest()
    if twin := _same_content(articles_dir, digest):
        raise AddRefused(f"cannot add {path}: the same content is already seeds/articles/{twin}")
    for option, value in (("--title", title), ("--outlet", outlet), ("--date-basis", date_basis)):
        _check_text(path, option, value)
    _check_text(path, "--reporter", reporter, required=False)
    if not _ISO_DATE.match(published):  # the model also takes other spellings of a date
        raise AddRefused(
            f"cannot add {path}: --published must be a date YYYY-MM-DD (got {published!r})"
        )
    seed_file = _seed_name(articles_dir, digest)
    record: dict[str, Any] = {
        "source_id": source_id or "to-be-derived",
        "seed_file": seed_file,
        "outlet": outlet.strip(),
        "reporter": reporter.strip() if reporter else None,
        "title": title.strip(),
        "url": url,  # the model allows a source without a web address (the studio)
        "published_on": published,
        "date_precision": precision,
        "date_basis": date_basis.strip(),
    }
    for name, day in zip(("published_earliest", "published_latest"), published_range, strict=True):
        if day is not None:  # only when said, YYYY-MM-DD as --published
            if not _ISO_DATE.match(day):
                raise AddRefused(
                    f"cannot add {path}: {_OPTIONS[name]} must be a date YYYY-MM-DD (got {day!r})"
                )
            record[name] = day
    if date_inferred:  # written only when said: the file keeps the model's default unsaid
        record["date_inferred"] = True
    if review_status is not None:
        record["review_status"] = review_status
    source = _checked(path, record)
    _first_day(path, source)
    taken_ids, taken_files = _existing_sources(curated_dir, path)
    base = derive_source_id(outlet, source.published_on, precision, title)
    record["source_id"] = _source_id(path, source_id, base, taken_ids)
    record["published_on"] = source.published_on
    for name in ("published_earliest", "published_latest"):
        if name in record:
            record[name] = getattr(source, name)
    if seed_file in taken_files or (articles_dir / seed_file).exists():
        raise AddRefused(f"cannot add {path}: {seed_file} is already taken; try again")
    sources_path = curated_dir / SOURCES_FILE
    old_text = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
    try:
        new_text = appended_sources(old_text, record, str(sources_path))
    except AddRefused as exc:
        raise AddRefused(f"cannot add {path}: {exc}") from None

    articles_dir.mkdir(parents=True, exist_ok=True)
    curated_dir.mkdir(parents=True, exist_ok=True)
    seed_path = articles_dir / seed_file
    try:
        write_atomic(seed_path, data)
    except OSError as exc:
        raise AddRefused(f"cannot add {path}: could not write {seed_path}: {exc}") from None
    try:
        write_atomic(sources_path, new_text.encode("utf-8"))
    except BaseException as exc:
        # An article without its source record would fail the next check: undo the copy.
        seed_path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AddRefused(f"cannot add {path}: could not write {sources_path}: {exc}") from None
        raise
    return Added(record["source_id"], seed_path, sources_path)


# --- command line ------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of `python -m etl add`."""
    parser.add_argument("path", type=Path, help="the raw article, a UTF-8 text file")
    parser.add_argument("--title", required=True, help="headline as published")
    parser.add_argument(
        "--outlet", required=True, help="the publication, e.g. 'The Phnom Penh Post'"
    )
    parser.add_argument("--url", required=True, help="web address, http(s)://...")
    parser.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    parser.add_argument(
        "--precision",
        default="day",
        help="how much of the date is known: day (default), month or year",
    )
    parser.add_argument("--reporter", default=None, help="byline, where known")
    parser.add_argument(
        "--date-basis",
        default=DEFAULT_DATE_BASIS,
        help="how the date is known (default: %(default)r)",
    )
    parser.add_argument(
        "--date-inferred",
        action="store_true",
        help="the date is worked out from what the article reports, not printed on it "
        "(say how with --date-basis); its citations then say so",
    )
    for end, word in (("earliest", "first"), ("latest", "last")):
        parser.add_argument(
            f"--published-{end}",
            default=None,
            help=f"with --precision month or year, the {end} day the article can have appeared, "
            f"YYYY-MM-DD, from what it reports (default: the {word} day of the month or year); "
            "articles are listed by it, citations keep the month or year",
        )
    parser.add_argument(
        "--source-id",
        default=None,
        help="identifier to use (default: derived from outlet, date, title)",
    )


def run(args: argparse.Namespace) -> int:
    """Run `python -m etl add`; a refusal is one line on stderr and exit code 1."""
    try:
        added = add_article(
            args.path,
            seeds_dir=args.seeds,
            title=args.title,
            outlet=args.outlet,
            url=args.url,
            published=args.published,
            precision=args.precision,
            reporter=args.reporter,
            date_basis=args.date_basis,
            date_inferred=args.date_inferred,
            source_id=args.source_id,
            published_range=(args.published_earliest, args.published_latest),
        )
    except AddRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the lock or a folder cannot be made: read-only, disk full
        print(f"error: cannot add {args.path}: {fault_line(exc)}", file=sys.stderr)
        return 1
    print(f"added {added.seed_path.name} as source {added.source_id!r} in {added.sources_path}")
    print(f"next: python -m etl suggest {added.source_id}")
    return 0
