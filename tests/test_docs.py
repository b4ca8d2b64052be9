"""Nothing goes undocumented: the codebook matches the models, the docs name what exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data_model.codebook import render_codebook
from data_model.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The data model in brief, one row per table (the README links to it).
DATA_DOC = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")


def test_committed_codebook_is_the_generated_one():
    expected = render_codebook()
    assert (ROOT / "CODEBOOK.md").read_text(encoding="utf-8") == expected, (
        "CODEBOOK.md is stale: run `python -m etl codebook`"
    )


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_table_and_column_is_described(table):
    assert table.description.strip()
    assert [c.name for c in table.columns if not c.description.strip()] == []


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_data_doc_names_every_table(table):
    assert f"`{table.name}`" in DATA_DOC


def test_readme_gives_the_two_commands_that_ci_runs():
    assert "make dashboard" in README
    assert "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()


@pytest.mark.parametrize("page", sorted((ROOT / "views").glob("*.py")), ids=lambda p: p.name)
def test_every_page_states_its_question(page: Path):
    first = page.read_text(encoding="utf-8").splitlines()[0]
    assert re.match(r'^""".+"""$', first), f"{page.name} must open with a one-line docstring"


def _rules_only(text: str) -> str:
    # Examples are drawn from whatever articles the seeds hold, so a new article may change
    # them; the rules may not change without the committed text changing too.
    return "\n".join(line for line in text.splitlines() if not line.startswith("*Example:*"))


def test_committed_methodology_states_the_generated_rules():
    from data_model.methodology import render_methodology
    from etl.build import check, data_by_kind

    expected = render_methodology(data_by_kind(check()))
    committed = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert _rules_only(committed) == _rules_only(expected), (
        "docs/methodology.md is stale: run `python -m etl methodology`"
    )
