"""Command line: python -m etl build | images | check | codebook | methodology | export | release | add | suggest.

The top of the write side: it runs the build (etl.build: every step, charts included),
exports (exports, api.site) and curates (curation), all layers below etl.
"""

from __future__ import annotations

import os
import sys

# DuckDB's allocator (jemalloc, linked into DuckDB on Linux) keeps the pages it freed for a
# while (its decay), handing them back only as it allocates again: each chart's reads (a 1000x
# build's 14,000 events: an 18 MB frame, +116 MB resident while read, +60 kept after it) left
# their pages held through the next, ~190 MB that neither Python, Arrow nor DuckDB's own
# account showed (issue 27, stop 47). Handed back at once instead. Read once, when DuckDB
# first allocates, so set before anything imports duckdb; a value given by the caller stays.
if sys.platform.startswith("linux"):
    os.environ.setdefault("DUCKDB_JE_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

import argparse  # noqa: E402
import importlib  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from corpus.load import DEFAULT_DB, ROOT, SEEDS  # noqa: E402
from corpus.problems import InputError, Problem, fault_line  # noqa: E402

# Each command imports its own modules when it runs (issue 22): pandas, duckdb, plotly and
# kaleido cost about a second of CPU that --help, a usage error, add and suggest never use.

CODEBOOK = ROOT / "CODEBOOK.md"
METHODOLOGY = ROOT / "docs" / "methodology.md"
DASHBOARD_URL = "http://localhost:8501"


def parser() -> argparse.ArgumentParser:
    """The command line's parser (also read by etl.warm, to know which corpus a build reads)."""
    top = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    top.add_argument(
        "--seeds",
        type=Path,
        default=SEEDS,
        help="folder with articles/ and curated/ (default: seeds)",
    )
    sub = top.add_subparsers(dest="command", required=True, parser_class=_LazyParser)
    p_build = sub.add_parser("build", help="validate the input and (re)build the database")
    p_build.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    p_build.add_argument(
        "--no-images",
        "--no-charts",
        dest="no_images",
        action="store_true",
        help="skip drawing the static chart images (pages then show interactive charts)",
    )
    p_build.add_argument(
        "--reason",
        help="why published records change in this build (logged as a correction for each; "
        "required when a published record is changed or withdrawn)",
    )
    p_build.add_argument(
        "--images-later",
        action="store_true",
        help="swap the new data in first (unchanged charts keep their images), then draw the "
        "images of changed charts and swap again",
    )
    p_images = sub.add_parser(
        "images", help="draw the static images the database lacks (after build --no-images)"
    )
    p_images.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    sub.add_parser("check", help="validate the input only")
    p_codebook = sub.add_parser("codebook", help="write the codebook generated from the models")
    p_codebook.add_argument("--out", type=Path, default=CODEBOOK, help=f"default: {CODEBOOK}")
    p_method = sub.add_parser("methodology", help="write the methodology generated from the rules")
    p_method.add_argument("--out", type=Path, default=METHODOLOGY, help=f"default: {METHODOLOGY}")
    p_export = sub.add_parser("export", help="write the data package (zip and its files)")
    p_export.add_argument("--out", type=Path, help="folder to write the data package into")
    p_export.add_argument(
        "--site",
        type=Path,
        help="folder to write the API's files into (light embeds, CSV, JSON, feed) for a static host",
    )
    p_export.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    p_export.add_argument(
        "--charts", action="store_true", help="also every chart as HTML, PNG and print SVG"
    )
    p_export.add_argument(
        "--dashboard-url",
        default=DASHBOARD_URL,
        help=f"public address of the dashboard, linked from the files (default: {DASHBOARD_URL})",
    )
    p_release = sub.add_parser(
        "release", help="build, then write a citable release (versioned package, checksums)"
    )
    p_release.add_argument("--out", type=Path, required=True, help="folder to write it into")
    p_release.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    p_release.add_argument("--reason", help="as for build: why published records change")
    p_release.add_argument(
        "--no-images", action="store_true", help="skip drawing the static chart images"
    )
    p_release.add_argument(
        "--url", help="public address of the data set, cited in CITATION.cff and the README"
    )
    _configured_later(sub, "add", "copy a raw article in and register it", "curation.add_article")
    _configured_later(sub, "suggest", "print draft records for an article", "curation.suggest")
    return top


class _LazyParser(argparse.ArgumentParser):
    """A command's parser whose arguments are added only when that command is chosen, so
    that the top-level --help or another command need not import its module."""

    configure: Callable[[argparse.ArgumentParser], None] | None = None

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self.configure is not None:
            configure, self.configure = self.configure, None
            configure(self)
        return super().parse_known_args(args, namespace)


def _configured_later(sub: Any, name: str, help_text: str, module: str) -> None:
    """Add the command `name`, whose arguments `module`'s configure(parser) adds when the
    command is chosen (the module is imported then)."""
    parser = sub.add_parser(name, help=help_text)
    parser.configure = lambda chosen: importlib.import_module(module).configure(chosen)


def _database_errors() -> tuple[type[BaseException], ...]:
    """OSError, and duckdb.Error once duckdb is loaded (a command that never loaded it
    cannot have raised it): an except clause is evaluated only when something is raised."""
    duckdb = sys.modules.get("duckdb")
    return (OSError,) if duckdb is None else (OSError, duckdb.Error)


def _export(args: argparse.Namespace) -> int:
    """The export command; errors are one line on stderr and exit status 1."""
    # Imported here so that build and check need not load pyarrow, plotly and kaleido.
    import time

    import duckdb

    from charts.drawing import PngUnavailable
    from charts.notes import notes_by_chart
    from database.connection import Reader
    from exports.chart_files import all_charts, data_date, write_chart_files
    from exports.package import write_package

    if args.out is None and args.site is None:
        print("error: export needs --out FOLDER, --site FOLDER or both", file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        reader = Reader(args.db)
        if args.site is not None:
            from api.site import write_site

            paths = write_site(reader, args.site, args.dashboard_url)
            print(f"wrote {len(paths)} files for a static host into {args.site}")
        if args.out is None:
            print(f"export took {time.perf_counter() - started:.1f}s")
            return 0
        target = write_package(reader, args.out, args.dashboard_url, unpacked=True)
        print(f"wrote {target} ({target.stat().st_size:,} bytes) and its files into {args.out}")
        if args.charts:
            charts, out = all_charts(reader), args.out / "charts"
            paths = write_chart_files(
                charts,
                out,
                args.dashboard_url,
                data_date=data_date(reader),
                notes=notes_by_chart(reader, charts),
            )
            print(f"wrote {len(paths)} chart files into {args.out / 'charts'}")
    except (OSError, PngUnavailable, duckdb.Error, ValueError) as exc:
        print(f"error: {fault_line(exc)}", file=sys.stderr)
        return 1
    print(f"export took {time.perf_counter() - started:.1f}s")
    return 0


def _release(args: argparse.Namespace) -> int:
    """The release command: build (refusing unexplained changes, as build does), then write
    the release; InputError reaches main's handler."""
    from database.connection import Reader
    from etl.build import build
    from exports.release import write_release

    build(
        args.db,
        args.seeds,
        draw_images=not args.no_images,
        report=print,
        reason=args.reason,
    )
    with Reader(args.db) as reader:
        folder, archive = write_release(reader, args.out, args.url)
    print(f"wrote {folder} and {archive} ({archive.stat().st_size:,} bytes)")
    print((folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()[0] + " …")
    return 0


def _images(db: Path) -> str:
    """The images pass (etl.chart_images.draw_later); imported here, as it loads kaleido."""
    from etl.chart_images import draw_later

    return draw_later(db)


def main(argv: list[str] | None = None, problems: list[Problem] | None = None) -> int:
    """Run one command; `problems`, when given, receives the input's problems as well as
    stderr (the studio shows each on its field: etl.warm)."""
    args = parser().parse_args(argv)
    try:
        if args.command == "check":
            from etl.check import check

            data = check(args.seeds)
            counts = {kind: len(items) for kind, items in data.records.items()}
            print("input is valid: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        elif args.command == "build":
            from etl.build import build

            now = not (args.no_images or args.images_later)
            counts = build(args.db, args.seeds, draw_images=now, report=print, reason=args.reason)
            print(f"built {args.db}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
            if args.images_later and not args.no_images:
                print(_images(args.db), flush=True)
        elif args.command == "images":
            print(_images(args.db))
        elif args.command == "codebook":
            from data_model.codebook import render_codebook

            # The model alone: the metrics are data, and the codebook must not go stale.
            args.out.write_text(render_codebook(), encoding="utf-8")
            print(f"wrote {args.out}")
        elif args.command == "methodology":
            from data_model.methodology import render_methodology
            from etl.build import check, data_by_kind

            data = check(args.seeds)
            args.out.write_text(render_methodology(data_by_kind(data)), encoding="utf-8")
            print(f"wrote {args.out}")
        elif args.command == "export":
            return _export(args)
        elif args.command == "release":
            return _release(args)
        elif args.command == "add":
            from curation import add_article

            return add_article.run(args)
        elif args.command == "suggest":
            from curation import suggest

            return suggest.run(args)
    except InputError as exc:
        if problems is not None:
            problems.extend(exc.problems.items)
        print(exc.problems.report(), file=sys.stderr)
        if args.command in ("build", "release"):
            print(f"The database was not changed: {args.db}", file=sys.stderr)
        return 1
    except _database_errors() as exc:
        # Disk full, a read-only folder, a file in the way: one line, not a traceback.
        # write_database swaps the new file in last, so the old one is untouched.
        kept = (
            f" (the database was not changed: {args.db})"
            if args.command in ("build", "release")
            else ""
        )
        print(f"error: {fault_line(exc)}{kept}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
