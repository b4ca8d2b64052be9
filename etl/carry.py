"""Build step 'carry': the data tables no changed input feeds, copied whole from the database
being replaced (their rows in SQL, their digests and counts as it stored them)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from database.write import earlier_table_digests
from etl.inputs import Inputs

#: The record kinds whose records make each data table's rows (etl.transform.table_rows),
#: beside the codebook (a change to it rebuilds every table) and the articles (their bodies
#: and the quotes' places in them). The tables not named here are made by every build: the
#: consistency checks (etl.check_carry), the corrections (each build adds to their history)
#: and build_info.
FED_BY: dict[str, frozenset[str]] = {
    "sources": frozenset({"sources"}),
    "units": frozenset({"units"}),
    "categories": frozenset({"categories"}),
    "metrics": frozenset({"metrics"}),
    "actors": frozenset({"actors"}),
    "phases": frozenset({"phases"}),
    "phase_citations": frozenset({"phases"}),
    "indicators": frozenset({"indicators"}),
    "statements": frozenset({"statements"}),
    "events": frozenset({"events"}),
    "policies": frozenset({"policies", "positions"}),
    "policy_citations": frozenset({"policies", "positions"}),
    "policy_positions": frozenset({"policies", "positions"}),
    "not_coded": frozenset({"not_coded"}),
}


def carried_tables(inputs: Inputs, previous: Path) -> dict[str, tuple[int, str]]:
    """The data tables the new file copies from `previous` unchanged, with the row count and
    digest it stored for each: those whose kinds no curated file changed since holds, when
    the same code made it and no article it read changed. A table's rows quote places in
    articles, so a changed article rebuilds them all; the sources table holds every
    article's body, so an added one rebuilds it too."""
    if inputs.touched is None or not inputs.articles_kept:
        return {}
    stored = earlier_table_digests(previous)
    return {
        name: stored[name]
        for name, kinds in FED_BY.items()
        if name in stored
        and not kinds & inputs.touched
        and (name != "sources" or inputs.articles_same)
    }


def carry_line(carried: dict[str, tuple[int, str]]) -> str:
    """One line for the build's output."""
    if not carried:
        return "tables: every data table made afresh"
    return (
        f"tables: {len(carried)} fed by nothing that changed, copied from the previous "
        f"database ({', '.join(carried)})"
    )


def digest_frame(digests: dict[str, str], counts: dict[str, int]) -> pd.DataFrame:
    """The table_digests rows of the tables a later build may carry (FED_BY), in its order."""
    names = [name for name in FED_BY if name in digests]
    return pd.DataFrame(
        {
            "table_name": names,
            "row_count": [counts[name] for name in names],
            "digest": [digests[name] for name in names],
        }
    )
