"""When the drafting of an article raises, the researcher sees one clear message naming the
article and the sentence, never a traceback: `etl suggest` exits 1 with one line on stderr, and
the studio keeps the article added and open with no candidate, to code by hand. The drafting is
made to raise here (monkeypatch) on one sentence, as a rule's bug would."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curation.suggest import records
from etl.__main__ import main as etl_main
from tests.test_studio import PASSAGES, _add, studio  # noqa: F401 - the studio fixture

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"
#: The words of the one sentence whose drafting raises (in PASSAGES, and in each article below).
BAD = "Ouk Srey"
real_is_khmer = records.is_khmer


def _raises_on_bad(text: str) -> bool:
    """The drafting's first look at a body, except that a body holding BAD raises as a rule's
    bug would (inside draft_rows, whoever calls it)."""
    if BAD in text:
        raise IndexError("list index out of range")
    return real_is_khmer(text)


@pytest.fixture
def drafting_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "is_khmer", _raises_on_bad)


# English and Khmer: the sentence named is the one that raises, not its neighbours.
ARTICLES = {
    "en": ("Police arrested 12 people in Kratie on Monday, the chief said.\n\n"
           f"Rights worker {BAD} said 4 of 31, the centre had no doctors.\n\n"
           "Officials seized 2 kilogrammes of heroin.\n", f"Rights worker {BAD} said 4 of 31"),
    "km": ("សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ១២ នាក់។\n\n"
           f"លោក {BAD} បាននិយាយថា មណ្ឌលគ្មានគ្រូពេទ្យ ៤ នាក់។\n\n"
           "សមត្ថកិច្ចបានរឹបអូសហេរ៉ូអ៊ីន ២ គីឡូក្រាម។\n", f"លោក {BAD} បាននិយាយថា"),
}  # fmt: skip


@pytest.mark.usefixtures("drafting_raises")
@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_command_line_names_the_article_and_the_sentence_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
):
    text, sentence = ARTICLES[language]
    path = tmp_path / f"pasted-{language}.txt"
    path.write_text(text, encoding="utf-8")
    assert etl_main(["--seeds", str(FIXTURE_SEEDS), "suggest", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # no half-written draft
    assert err.startswith("error: the drafting of ") and err.strip().count("\n") == 0
    assert path.name in err and sentence in err and "IndexError" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_an_article_that_drafts_is_not_touched(tmp_path: Path, capsys, language: str):
    text, _ = ARTICLES[language]
    path = tmp_path / "fine.txt"
    path.write_text(text, encoding="utf-8")
    assert etl_main(["--seeds", str(FIXTURE_SEEDS), "suggest", str(path)]) == 0
    assert capsys.readouterr().out.startswith("# Draft records for ")


@pytest.mark.usefixtures("drafting_raises")
def test_the_studio_keeps_the_article_and_lets_it_be_coded_by_hand(
    studio: AppTest,  # noqa: F811 - the fixture imported above
    fixture_seeds: Path,
):
    at = _add(studio, PASSAGES)
    assert not at.exception, [e.message for e in at.exception]
    source_id = at.session_state["source_id"]
    # Added and registered all the same, said on the Add screen.
    assert source_id in (fixture_seeds / "curated" / "sources.yaml").read_text(encoding="utf-8")
    assert any(source_id in w.value and "by hand" in w.value for w in at.warning)
    at.radio(key="screen").set_value("Review").run()
    assert not at.exception, [e.message for e in at.exception]
    [said] = [w.value for w in at.warning if "No candidate was drafted" in w.value]
    assert source_id in said and BAD in said and "Traceback" not in said
    assert at.session_state["rows"] == []
    # The clean text is there and words picked in it become a record to review.
    body, words = at.session_state["body"], "the centre had no doctors"
    start = body.index(words)
    at.session_state["passage"] = (start, start + len(words))
    at.run()
    at.radio(key="passage-kind").set_value("statement").run()
    at = at.button(key="passage-draft").click().run()
    assert not at.exception, [e.message for e in at.exception]
    [row] = at.session_state["rows"]
    assert row.record["quote"] == words and row.status == "open"
