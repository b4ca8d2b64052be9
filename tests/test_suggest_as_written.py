"""`etl suggest` prints the article's words as written (issue 23, stop 48): a reason quoting Khmer
words parted by U+200B (zero-width spaces) showed '\\u200b' in the terminal, the curator reading
escapes, not the words. The draft is still YAML a pipe reads, the same records as before."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from etl.__main__ import main as etl_main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ZW = "\u200b"
# Made up for the test, in our own words: Khmer reports, their words parted by U+200B. A day
# alone ("on 20 June") is filled since round thirty-six (it was offered before); a month alone
# ("in June 2023") is filled (round thirty-three), and the count's words ("120 people") hold a
# U+200B too. A count "as of" a day ("គិតត្រឹម", as of 20 June) is offered, not filled (its kind
# is held blank by one training set): the studio's offered example (tests/test_studio_reasons.py).
DAY = f"""ប៉ូលិស{ZW}កំពត{ZW}ឃាត់ខ្លួន ១២០ នាក់

កាលពី{ZW}ថ្ងៃទី២០ ខែ{ZW}មិថុនា ប៉ូលិស{ZW}ខេត្ត{ZW}កំពត{ZW}បាន{ZW}ឃាត់ខ្លួន{ZW}មនុស្ស ចំនួន ១២០ នាក់ ។
"""
AS_OF = f"""ប៉ូលិស{ZW}កំពត{ZW}ឃាត់ខ្លួន ១២០ នាក់

គិតត្រឹម{ZW}ថ្ងៃទី២០ ខែ{ZW}មិថុនា ប៉ូលិស{ZW}ខេត្ត{ZW}កំពត{ZW}បាន{ZW}ឃាត់ខ្លួន{ZW}មនុស្ស ចំនួន ១២០ នាក់ ។
"""
MONTH = f"""ប៉ូលិស{ZW}កំពត{ZW}ឃាត់ខ្លួន ១២០ នាក់

កាលពី{ZW}ខែ{ZW}មិថុនា ឆ្នាំ{ZW}២០២៣ ប៉ូលិស{ZW}ខេត្ត{ZW}កំពត{ZW}បាន{ZW}ឃាត់ខ្លួន{ZW}មនុស្ស ចំនួន ១២០{ZW}នាក់ ។
"""


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each article added to a copy of the fixture corpus, then `python -m etl suggest` run on
    it in its own process, as a curator runs it: its standard output, by article."""
    seeds = tmp_path_factory.mktemp("as-written") / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    out = {}
    for name, text in (("day", DAY), ("month", MONTH)):
        path = seeds.parent / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        added = etl_main(["--seeds", str(seeds), "add", str(path), "--title", name,
                          "--outlet", "The Example Daily", "--url", f"https://example.org/{name}",
                          "--published", "2023-07-05", "--source-id", f"example-{name}"])  # fmt: skip
        assert added == 0
        run = subprocess.run(
            [sys.executable, "-m", "etl", "--seeds", str(seeds), "suggest", f"example-{name}"],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        out[name] = run.stdout
    return out


@pytest.mark.parametrize(
    ("article", "field", "said"),
    [
        # A day filled: its guess quotes the day's words, with the training record.
        ("day", "as_of: 2023-06-20  # guess 93%:", f"'ថ្ងៃទី២០ ខែ{ZW}មិថុនា'"),
        # A date filled: its guess quotes the month's words, with the training record.
        ("month", "as_of: 2023-06-30  # guess 98%:", f"'ខែ{ZW}មិថុនា ឆ្នាំ{ZW}២០២៣'"),
        # The figure's own words, in its guess and in how the draft read it.
        ("month", "value: 120.0  # guess 100%: the words", f"'១២០{ZW}នាក់'"),
        ("month", "# read:", f"'១២០{ZW}នាក់'"),
    ],
    ids=["a day filled", "a month filled", "the figure's words", "how the draft read it"],
)  # fmt: skip
def test_a_reason_quotes_the_articles_words_as_written(drafts, article, field, said):
    line = next((ln for ln in drafts[article].splitlines() if field in ln), None)
    assert line is not None, drafts[article]
    assert said in line, line
    assert "\\u" not in line and "\\x" not in line, line


@pytest.mark.parametrize("article", ["day", "month"])
def test_the_draft_printed_is_still_yaml_a_pipe_reads(drafts, article):
    """The comments hold the words as written; the records read as before: one figure, its
    quote the article's sentence with its U+200B, its dates as drafted."""
    draft = yaml.safe_load(drafts[article])
    (figure,) = draft["indicators"]
    assert figure["value"] == 120 and ZW in figure["quote"]
    assert "\\u200b" not in drafts[article]


def test_a_refusal_names_the_file_as_written(tmp_path):
    """A file name holding a U+200B (copied from a Khmer page's title) is named as written in
    the one line a refusal prints, never with '\\u200b'."""
    missing = tmp_path / f"ប៉ូលិស{ZW}កំពត.txt"
    run = subprocess.run(
        [sys.executable, "-m", "etl", "--seeds", str(FIXTURE_SEEDS), "suggest", str(missing)],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert f"ប៉ូលិស{ZW}កំពត.txt" in run.stderr and "\\u200b" not in run.stderr, run.stderr
    assert run.stderr.strip().count("\n") == 0
