"""Command line: python -m etl build | check | codebook (see --help)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data_model.codebook import render_codebook
from etl.build import DEFAULT_DB, build, check
from etl.load import ROOT, SEEDS
from etl.problems import InputError

CODEBOOK = ROOT / "CODEBOOK.md"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument(
        "--seeds",
        type=Path,
        default=SEEDS,
        help="folder with articles/ and curated/ (default: seeds)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="validate the input and (re)build the database")
    p_build.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"default: {DEFAULT_DB}")
    sub.add_parser("check", help="validate the input only")
    p_codebook = sub.add_parser("codebook", help="write the codebook generated from the models")
    p_codebook.add_argument("--out", type=Path, default=CODEBOOK, help=f"default: {CODEBOOK}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            data = check(args.seeds)
            counts = {kind: len(items) for kind, items in data.records.items()}
            print("input is valid: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        elif args.command == "build":
            counts = build(args.db, args.seeds)
            print(f"built {args.db}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
        elif args.command == "codebook":
            args.out.write_text(render_codebook(check(args.seeds).of("metrics")), encoding="utf-8")
            print(f"wrote {args.out}")
    except InputError as exc:
        print(exc.problems.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
