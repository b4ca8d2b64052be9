"""The drafts' reasons and notes read in the studio's language (issue 24): every reason the drafts
give on the training corpus matches a template of curation/reasons.yaml, a Khmer studio shows them
in Khmer (the article's words, names and ids as printed), and a reason no template knows is shown
as it is, marked as English, never guessed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from corpus.confidence import fill_at
from curation.reasons import render, say, split, unmatched
from curation.suggest.confidence import FIELDS
from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows
from data_model.i18n import Translator
from data_model.safe_text import md
from studio.editors import _OFFERED
from studio.passage import passage_row
from tests.test_studio_review import ANN, APP, ARTICLE, _add, _screen
from tests.test_suggest_as_written import AS_OF

ROOT = Path(__file__).resolve().parent.parent
DRAFTING = ROOT / "tests" / "fixtures" / "drafting"
KM, EN = Translator("km"), Translator("en")


def _training() -> list[Path]:
    """The drafting corpus's training articles: the folder and every held_out* set SPLIT.yaml no
    longer holds aside (a held-aside folder is never opened)."""
    split_ = yaml.safe_load((DRAFTING / "SPLIT.yaml").read_text(encoding="utf-8")) or {}
    aside = set(split_.get("held_aside") or [])
    folders = [DRAFTING, *sorted(p for p in DRAFTING.glob("held_out*")
                                 if p.is_dir() and p.name not in aside)]  # fmt: skip
    return [txt for folder in folders for txt in sorted(folder.glob("*.txt"))
            if txt.with_name(f"{txt.stem}.expected.yaml").is_file()]  # fmt: skip


def test_every_reason_the_drafts_give_matches_a_template():
    """Draft training articles as the studio does; every part of every note and reason it would
    show matches a template. A new drafting rule's reason fails here with its words: add its
    template to curation/reasons.yaml (and its Khmer to the catalogue), no code. Every fourth
    article, spread over every folder: drafting all 212 cost about 9 s of the suite's CPU
    (issue 22); bench/draft_quality.py, which drafts them all each round, counts the parts no
    template renders (and lists them with --failures)."""
    curated = curated_lists(ROOT / "seeds")
    left: dict[str, str] = {}
    articles = _training()
    assert len(articles) > 100  # the corpus was found
    for txt in articles[::4]:
        key = yaml.safe_load(txt.with_name(f"{txt.stem}.expected.yaml").read_text("utf-8"))
        raw = txt.read_text(encoding="utf-8")
        _, rows = draft_rows(raw, raw.strip().splitlines()[0], "x", key["published"], curated)
        for row in rows:
            for text in [*row.notes, *map(str, row.why.values())]:
                left.update(dict.fromkeys(unmatched(text), txt.stem))
    assert not left, "no template in curation/reasons.yaml for:\n" + "\n".join(
        f"  {part!r}  (in {article})" for part, article in sorted(left.items())
    )


def test_the_studios_own_notes_match_a_template():
    """A record drafted for words picked by hand carries the studio's notes, rendered too."""
    body = "Police in Takeo arrested 512 people in February, officials said on Monday."
    drafted = draft_rows(body, None, "x", dt.date(2018, 3, 1))[1]
    for kind in ("figure", "statement", "proposal", "event"):
        for start, end in ((0, len(body)), (0, 15)):  # words a draft read, and words it did not
            row = passage_row(body, start, end, kind, drafted, "x", dt.date(2018, 3, 1), set())
            assert row.notes and not [u for n in row.notes for u in unmatched(n)], row.notes


@pytest.mark.parametrize("field", sorted({f for names in FIELDS.values() for f in names.values()}))
def test_a_blank_under_its_bar_names_its_field_in_khmer_for_every_field(field: str) -> None:
    """A field left blank under its bar says which field's bar, in the words
    confidence.below_threshold writes ("under the 50% a dates guess needs"): every field it can
    name is a word of curation/reasons.yaml, so the part reads whole in Khmer (round
    thirty-eight: "dates" and "kind" were not; a Khmer notice board's blank date showed it)."""
    part = f"under the {fill_at(field):.0%} a {field} guess needs"
    assert not unmatched(part)
    assert field not in say(KM, part)  # the field's own word translated too


@pytest.mark.parametrize(
    "english, khmer",
    [
        ("60%: no hedge before it", "៦០%៖ គ្មានពាក្យប្រមាណនៅខាងមុខ"),
        # The article's quoted words stay as printed, in whichever script.
        ("100%: from 'more than'", "១០០%៖ ពី 'more than'"),
        ("90%: the sentence names 'ភ្នំពេញ'", "៩០%៖ ប្រយោគដាក់ឈ្មោះ 'ភ្នំពេញ'"),
        # A date written the Khmer way; an id and a name as they are.
        ("since 2017-01-01, a running count: its end not given, left blank",
         "ចាប់តាំងពី ១ មករា ២០១៧ ចំនួនសរុបបន្ត៖ មិនបានផ្ដល់ចុងបញ្ចប់ ទុកទទេ"),
        ("speaker: Mok Chito = mok-chito", "អ្នកនិយាយ៖ Mok Chito = mok-chito"),
        # Parts joined by "; ", and a reason inside a reason.
        ("metric arrests-total: people, with a verb of detaining (ឃាត់ខ្លួន); unit people",
         "រង្វាស់ arrests-total៖ មនុស្ស ជាមួយកិរិយាសព្ទនៃការឃាត់ខ្លួន (ឃាត់ខ្លួន); ឯកតា people"),
        ("yesterday: 2018-02-30", "ម្សិលមិញ៖ 2018-02-30"),  # no such day: as printed
        # A list item's period from its heading's words (a factbox's bullets).
        ("60%: the period its heading names ('January')",
         "៦០%៖ រយៈពេលដែលចំណងជើងរបស់វាដាក់ឈ្មោះ ('January')"),
        # Quoted words holding a "; " are one slot, not two parts.
        ("the words next to the figure ('2021'; '2022')", "ពាក្យនៅក្បែរតួលេខ ('2021'; '2022')"),
        # A welcome the sentence qualifies ("welcomed ... but said ..."): the part "but ..."
        # (a held-out article's, stop 48), never left in English.
        ("50%: 'were welcome' on the measure put forward before it (shares refe); but ...",
         "៥០%៖ 'were welcome' លើវិធានការដែលបានលើកឡើងពីមុន (មានពាក្យរួម refe); ប៉ុន្តែ ..."),
    ],
)  # fmt: skip
def test_a_reason_reads_in_khmer_and_as_ever_in_english(english, khmer):
    assert say(KM, english) == khmer
    assert say(EN, english) == english


def test_a_reason_no_template_knows_is_shown_as_english_never_guessed():
    text = "60%: a rule written tomorrow; no hedge before it"
    shown = render(KM, text)
    assert shown.english == ("a rule written tomorrow",)
    assert shown.text == "៦០%៖ a rule written tomorrow (ជាភាសាអង់គ្លេស); គ្មានពាក្យប្រមាណនៅខាងមុខ"


@pytest.mark.parametrize(
    "text, parts",
    [
        ("a; b", ["a", "b"]),
        ("from 'x; y'; b", ["from 'x; y'", "b"]),  # inside the article's quoted words
        ("left (suggested, not filled; why); b", ["left (suggested, not filled; why)", "b"]),
        ("the source's words; b", ["the source's words", "b"]),  # an apostrophe opens nothing
    ],
)
def test_a_reason_splits_into_its_parts_only_between_them(text, parts):
    assert split(text) == parts


def test_the_khmer_review_screen_shows_the_drafts_reasons_in_khmer(studio_seeds: Path):
    """The Review screen asked in Khmer: each candidate's "how the draft read it" says the
    draft's notes in Khmer; the English notes themselves are nowhere on the screen."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "km"
    at = at.run().text_input(key="editor").set_value(ANN).run()
    at = _screen(_add(at, ARTICLE), "Review")
    shown = "\n".join(str(c.value) for c in at.caption)
    notes = [n for row in at.session_state["rows"] for n in row.notes]
    translated = [n for n in notes if say(KM, n) != n]
    assert translated  # the draft's notes include words to translate
    for note in notes:  # each as the caption writes it (Markdown's marks escaped)
        assert md(say(KM, note)) in shown
    assert [n for n in translated if md(n) in shown] == []
    # The reason beside dates a draft only suggests, in Khmer after the Khmer dates.
    offered = [m for row in at.session_state["rows"] for m in map(_OFFERED.search, row.why.values())
               if m and any(row.offers.values())]  # fmt: skip
    assert not offered  # the article's month is filled since round thirty-six
    # A Khmer count "as of" a day (គិតត្រឹម) is read but not sure enough to fill: offered, its
    # reason in Khmer after the Khmer dates.
    at = _screen(_add(at, AS_OF), "Review")
    shown = "\n".join(str(c.value) for c in at.caption)
    offered = [m for row in at.session_state["rows"] for m in map(_OFFERED.search, row.why.values())
               if m and any(row.offers.values())]  # fmt: skip
    assert offered
    for found in offered:
        reason = next(g for g in found.groups() if g)
        assert md(say(KM, reason)) in shown and md(reason) not in shown
