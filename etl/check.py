"""The input check: load and validate the seeds, no database (`python -m etl check`).

Apart from etl.build so that a check loads no pandas, pyarrow or duckdb (issue 22): it
reads the files and validates the models, and only a check against a previous database
(etl.inputs) needs those.
"""

from __future__ import annotations

from pathlib import Path

from corpus.load import SEEDS, load
from corpus.problems import InputError, Problems
from etl.validate import Dataset, validate


def check(seeds_dir: Path = SEEDS, previous: Path | None = None) -> Dataset:
    """Load and validate; raise InputError listing every problem found. With `previous`
    (the database being replaced) unchanged curated files are not parsed again."""
    if previous is None:
        raw, problems = load(seeds_dir, Problems())
    else:
        # Imported here: it reads the previous database (duckdb, pandas).
        from etl.inputs import read_inputs

        inputs = read_inputs(seeds_dir, previous)
        raw, problems = inputs.raw, inputs.problems
    data = validate(raw, problems)
    if problems:
        raise InputError(problems)
    return data
