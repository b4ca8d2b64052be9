"""The monitor in Khmer and English: the catalogue matches the code, numbers, hedges and dates
read as Cambodian readers write them, and Khmer labels of the data are Khmer and accounted for.

Long because the catalogue's checks cover the dashboard and the studio alike (every studio
module's words reach the catalogue), one file for the one catalogue."""

from __future__ import annotations

import ast
import functools
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml
from pydantic import ValidationError

from data_model import i18n
from data_model.i18n import (
    catalogue_problems,
    extract_messages,
    language,
    translations,
    translator,
)
from data_model.qualifiers import QUALIFIER_WORDS, VAGUE_LOWER_BOUNDS
from data_model.records import RECORD_KINDS, Metric, QuoteTranslation, Statement, Translation
from data_model.wording import (
    HEDGE_PHRASES,
    VAGUE_WORDS,
    UnitWords,
    date_text,
    hedged_label,
    hedged_words,
    number,
    period_text,
    vague_label,
)
from etl.build import KHMER_SIBLINGS, translation_warnings

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "seeds" / "curated"
PEOPLE = UnitWords("count", "people")
KG = UnitWords("mass", "kilograms")
SHARE = UnitWords("share", "percent")
USD = UnitWords("money", "US dollars", "USD")


@pytest.mark.parametrize(
    ("asked", "chosen"),
    [
        ("km", "km"),
        ("KM", "km"),
        ("km-KH", "km"),
        (" km ", "km"),
        ("en", "en"),
        (None, "en"),
        ("", "en"),
        ("fr", "en"),
        ("<script>", "en"),
        (["en", "km"], "km"),  # ?lang=en&lang=km: the last one, as Streamlit reads it
        ([], "en"),
    ],
)
def test_the_address_picks_the_language(asked, chosen):
    assert language(asked) == chosen
    assert translator(asked).lang == chosen


@functools.cache
def _extracted() -> frozenset[tuple[str | None, str]]:
    """The strings the code marks, extracted once per process: the catalogue checks below
    read the same code (each edits only a copy of the catalogue), and an extraction parses
    every module (0.6 s)."""
    return frozenset(extract_messages())


def test_the_catalogue_matches_the_code():
    """Fails on any string the code marks that the catalogue lacks, any it keeps that the code
    dropped, and any obsolete, fuzzy or untranslated entry: run `make translations`."""
    problems = catalogue_problems("km", _extracted())
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    ("edit", "reported"),
    [
        (lambda po: po.replace('msgstr "ជាង {amount}"', 'msgstr ""'), "untranslated"),
        (
            lambda po: po.replace(
                'msgid "more than {amount}"', '#, fuzzy\nmsgid "more than {amount}"'
            ),
            "fuzzy",
        ),
        (lambda po: po + '\n#~ msgid "Old title"\n#~ msgstr "ចំណងជើងចាស់"\n', "obsolete"),
        (lambda po: po + '\nmsgid "Gone from the code"\nmsgstr "បាត់"\n', "stale"),
        (lambda po: po.replace('msgstr "ជាង {amount}"', 'msgstr "ជាង {number}"'), "placeholders"),
    ],
    ids=["untranslated", "fuzzy", "obsolete", "stale", "placeholder"],
)
def test_the_catalogue_check_names_each_kind_of_fault(tmp_path, monkeypatch, edit, reported):
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales, ignore=shutil.ignore_patterns("*.mo", "*.pot"))
    po = locales / "km" / "LC_MESSAGES" / "messages.po"
    po.write_text(edit(po.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALES", locales)
    problems = catalogue_problems("km", _extracted())
    assert any(reported in p for p in problems), problems


def test_a_fresh_clone_compiles_the_catalogue_on_first_use(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales, ignore=shutil.ignore_patterns("*.mo", "*.pot"))
    monkeypatch.setattr(i18n, "LOCALES", locales)
    translations.cache_clear()
    try:
        assert translator("km").gettext("more than {amount}") == "ជាង {amount}"
        assert (locales / "km" / "LC_MESSAGES" / "messages.mo").exists()
    finally:
        translations.cache_clear()


def test_a_fuzzy_translation_shows_the_english_rather_than_a_guess(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales, ignore=shutil.ignore_patterns("*.mo", "*.pot"))
    po = locales / "km" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "at most {amount}"', '#, fuzzy\nmsgid "at most {amount}"'))
    monkeypatch.setattr(i18n, "LOCALES", locales)
    translations.cache_clear()
    try:
        assert hedged_words(50, "at_most", PEOPLE, "km") == "at most ៥០"
        assert hedged_words(50, "more_than", PEOPLE, "km") == "ជាង ៥០"
    finally:
        translations.cache_clear()


#: (value, qualifier, unit) -> the words in English and in Khmer.
HEDGED = [
    (8000, "more_than", PEOPLE, "more than 8,000", "ជាង ៨.០០០"),
    (17800, "approx", PEOPLE, "about 17,800", "ប្រហែល ១៧.៨០០"),
    (300, "at_least", PEOPLE, "at least 300", "យ៉ាងហោចណាស់ ៣០០"),
    (3000, "fewer_than", PEOPLE, "fewer than 3,000", "តិចជាង ៣.០០០"),
    (50, "at_most", PEOPLE, "at most 50", "យ៉ាងច្រើន ៥០"),
    (3554.13, "exact", KG, "3,554.13 kg", "៣.៥៥៤,១៣ គីឡូក្រាម"),
    (0.5, "exact", KG, "0.5 kg", "០,៥ គីឡូក្រាម"),
    (50, "approx", SHARE, "about 50%", "ប្រហែល ៥០%"),
    (1_000_000, "exact", USD, "USD 1,000,000", "១.០០០.០០០ USD"),
]


@pytest.mark.parametrize(("value", "qualifier", "unit", "english", "khmer"), HEDGED)
def test_a_hedged_figure_reads_in_each_language(value, qualifier, unit, english, khmer):
    assert hedged_words(value, qualifier, unit) == english
    assert hedged_words(value, qualifier, unit, "en") == english
    assert hedged_words(value, qualifier, unit, "km") == khmer


@pytest.mark.parametrize("qualifier", sorted(HEDGE_PHRASES))
def test_english_hedges_are_the_plain_words_of_the_qualifier(qualifier):
    assert HEDGE_PHRASES[qualifier] == f"{QUALIFIER_WORDS[qualifier]} {{amount}}"


def test_a_chart_label_keeps_its_symbol_in_khmer():
    assert hedged_label(8000, "more_than", PEOPLE, "km") == "> ៨.០០០"


@pytest.mark.parametrize(
    ("value", "khmer"),
    [(2428, "២.៤២៨"), (17747, "១៧.៧៤៧"), (72.4, "៧២,៤"), (1612, "១.៦១២"), (7, "៧"), (0, "០")],
)
def test_numbers_are_written_as_khmer_news_writes_them(value, khmer):
    # Khmer digits, '.' between thousands, ',' before decimals: "២.៤២៨ នាក់" is 2,428 people.
    assert number(value, "km") == khmer


@pytest.mark.parametrize("month", range(1, 13))
def test_english_dates_read_as_they_always_have(month):
    day = pd.Timestamp(2018, month, 14)
    assert date_text(day) == day.strftime("%-d %b %Y")
    assert date_text(day, "month") == day.strftime("%b %Y")
    assert date_text(day, "year") == "2018"


@pytest.mark.parametrize(
    ("day", "precision", "khmer"),
    [
        ("2017-01-01", "day", "១ មករា ២០១៧"),
        ("2018-02-14", "day", "១៤ កុម្ភៈ ២០១៨"),
        ("2022-02-01", "month", "កុម្ភៈ ២០២២"),
        ("2017-12-31", "day", "៣១ ធ្នូ ២០១៧"),
        ("2017-06-30", "year", "២០១៧"),
    ],
)
def test_khmer_dates_use_khmer_month_names_and_digits(day, precision, khmer):
    assert date_text(day, precision, "km") == khmer


@pytest.mark.parametrize(
    ("start", "end", "as_of", "english", "khmer"),
    [
        (
            "2017-01-01",
            "2017-01-11",
            None,
            "1 Jan 2017 – 11 Jan 2017",
            "១ មករា ២០១៧ – ១១ មករា ២០១៧",
        ),
        (None, "2017-01-11", None, "up to 11 Jan 2017", "រហូតដល់ ១១ មករា ២០១៧"),
        (None, None, "2018-02-13", "as of 13 Feb 2018", "គិតត្រឹម ១៣ កុម្ភៈ ២០១៨"),
    ],
)
def test_periods_read_in_each_language(start, end, as_of, english, khmer):
    assert period_text(start, end, as_of) == english
    assert period_text(start, end, as_of, "km") == khmer


def test_every_vague_word_is_in_the_catalogue():
    assert tuple(VAGUE_LOWER_BOUNDS) == VAGUE_WORDS
    assert vague_label("thousands", "km") == "រាប់ពាន់ (គ្មានចំនួនជាក់លាក់)"
    assert vague_label("thousands") == "thousands (no number given)"


@pytest.mark.parametrize(
    ("lang", "english", "khmer", "shown"),
    [
        ("km", "Sar Kheng", "ស ខេង", "ស ខេង"),
        ("km", "Meas Vyrith", None, "Meas Vyrith"),  # no sure spelling: the English, not a blank
        ("km", "Meas Vyrith", " ", "Meas Vyrith"),
        ("en", "Sar Kheng", "ស ខេង", "Sar Kheng"),
    ],
)
def test_a_label_falls_back_to_english_where_no_translation_is_sure(lang, english, khmer, shown):
    assert translator(lang).pick(english, khmer) == shown


METRIC = {
    "metric_id": "arrests-total",
    "label": "Total arrests",
    "unit": "people",
    "category": "arrests",
    "definition": "People arrested.",
}


@pytest.mark.parametrize(
    ("field", "khmer", "fault"),
    [
        ("label_km", "Total arrests", "not in Khmer script"),
        ("label_km", "ការឃាត់ខ្លួន total", "Latin letters"),
        ("label_km", "ការឃាត់ខ្លួន \u2126", "NFC"),  # the ohm sign, which NFC turns into omega
        ("label_km", "ការឃាត់ខ្លួន", None),
        ("label_km", "", "at least 1 character"),
        # A sentence (a definition, an event's title, a rule, a reason) keeps the Latin names
        # and ids Khmer prose carries, but is Khmer and NFC.
        ("definition_km", "មនុស្សដែលត្រូវឃាត់ខ្លួន (សូមមើល arrests-users)។", None),
        ("definition_km", "People arrested.", "not in Khmer script"),
        ("definition_km", "មនុស្ស \u2126", "NFC"),
    ],
)
def test_khmer_fields_must_be_khmer_script(field, khmer, fault):
    if fault is None:
        assert getattr(Metric.model_validate({**METRIC, field: khmer}), field) == khmer
    else:
        with pytest.raises(ValidationError, match=fault):
            Metric.model_validate({**METRIC, field: khmer})


@functools.cache
def _curated_files() -> tuple[dict, ...]:
    """Every curated file of the seeds, read once (a kind's records are in many files)."""
    return tuple(
        yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for path in sorted(CURATED.rglob("*.yaml"))
    )


def _curated(kind: str) -> list[dict]:
    return [r for document in _curated_files() for r in document.get(kind) or []]


def test_every_khmer_label_in_the_seeds_says_who_translated_it():
    covered = {c for t in _curated("translations") for c in t["covers"]}
    filled = {
        f"{kind}.{name}"
        for kind, model in RECORD_KINDS.items()
        for name in model.model_fields
        if name.endswith("_km") and any(r.get(name) for r in _curated(kind))
    }
    assert filled, "no Khmer labels in the seeds"
    assert filled - covered == set(), "add these to seeds/curated/translations.yaml"
    assert "locales/km/LC_MESSAGES/messages.po" in covered
    # The methodology's paragraphs, a catalogue context of their own, are accounted for apart.
    assert "locales/km/LC_MESSAGES/messages.po#methodology" in covered


@pytest.mark.parametrize(("kind", "key", "english", "khmer"), KHMER_SIBLINGS)
def test_curators_english_without_its_khmer_is_named_in_a_warning(kind, key, english, khmer):
    """A record whose curators' English has no Khmer yet (one added or corrected in the
    studio, or with `etl add`) is named in the build's warnings, for a translator; with its
    Khmer it is not. It is a warning: Khmer pages show the English, marked."""
    bare = SimpleNamespace(**{key: "bare-record", english: "Some English", khmer: None})
    done = SimpleNamespace(**{key: "done-record", english: "Some English", khmer: "ខ្មែរ"})
    data = SimpleNamespace(of=lambda k: [bare, done] if k == kind else [])
    [line] = translation_warnings(data)
    assert "bare-record" in line and "done-record" not in line and khmer in line


SAID = {
    "statement_id": "s-1",
    "actor_id": "sar-kheng",
    "source_id": "src-1",
    "quote": "We will not stop the campaign",
    "kind": "direct",
    "topic": "campaign",
    "stance": "supportive",
}
TO_KM = {
    "language": "km",
    "text": "យើងនឹងមិនបញ្ឈប់យុទ្ធនាការទេ",
    "translator": "AI assistant",
    "status": "needs_review",
}


@pytest.mark.parametrize(
    ("translations_", "fault"),
    [
        ([TO_KM], None),
        ([TO_KM, TO_KM], "two entries for one language"),
        ([{**TO_KM, "text": "We will not stop"}], "not in Khmer script"),
        ([{**TO_KM, "status": "reviewed"}], "reviewed_by is required"),
        ([{**TO_KM, "language": "en", "text": SAID["quote"]}], "repeats the quote"),
    ],
)
def test_a_quote_keeps_its_words_and_a_translation_stands_beside_it(translations_, fault):
    record = {**SAID, "translations": translations_}
    if fault is None:
        statement = Statement.model_validate(record)
        assert statement.quote == SAID["quote"]
        assert isinstance(statement.translations[0], QuoteTranslation)
    else:
        with pytest.raises(ValidationError, match=fault):
            Statement.model_validate(record)


@pytest.mark.parametrize(
    ("covers", "fault"),
    [
        (["metrics.label_km"], None),
        (["locales/km/LC_MESSAGES/messages.po"], None),
        (["locales/km/LC_MESSAGES/messages.po#methodology"], None),
        (["locales/km/LC_MESSAGES/messages.po#"], "not a kind.field"),
        (["metrics.label_fr"], "not a kind.field"),
        (["things.label_km"], "not a kind.field"),
    ],
)
def test_the_translations_record_names_real_fields(covers, fault):
    record = {
        "translation_id": "t-1",
        "language": "km",
        "covers": covers,
        "translator": "AI assistant",
        "method": "From the English.",
        "status": "needs_review",
    }
    if fault is None:
        assert Translation.model_validate(record).covers == covers
    else:
        with pytest.raises(ValidationError, match=fault):
            Translation.model_validate(record)


#: A translatable literal inside an f-string ("f'[{t.gettext('Feed')}]'"): pybabel's
#: extractor does not read inside f-strings, so it would never reach the catalogue and show
#: in English on every Khmer page (the footer's links did).
_IN_FSTRING = re.compile(r"""\{\s*\w+\.n?gettext\(\s*['"]""")


def test_no_translatable_words_hide_inside_an_f_string():
    hidden = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(ROOT.rglob("*.py"))
        if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
        and path.relative_to(ROOT).parts[0] not in {"tests", "bench", "data"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _IN_FSTRING.search(line)
    ]
    assert hidden == []


#: Streamlit's calls that show their first argument (and help, placeholder) to a person, and
#: the studio's own helpers whose first argument is a field's label.
_SHOWS = {
    *("button", "text_input", "selectbox", "radio", "checkbox", "date_input", "text_area"),
    *("file_uploader", "expander", "title", "subheader", "header", "caption", "info"),
    *("warning", "error", "success", "markdown", "write", "metric", "toast", "multiselect"),
    *("segmented_control", "set_page_config", "picker", "_pick", "_number", "_date"),
}
_SHOWN_KEYWORDS = {"help", "placeholder", "page_title"}


def _bare_words(node: ast.AST) -> bool:
    """A literal holding English words, not passed through the catalogue (a bilingual label,
    'Language · ភាសា', holds its Khmer already)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value)) and not re.search(
            r"[\u1780-\u17ff]", node.value
        )
    if isinstance(node, ast.JoinedStr):
        return any(_bare_words(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _bare_words(node.left) or _bare_words(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_words(node.body) or _bare_words(node.orelse)
    return False


def _untranslated(source: str, name: str) -> list[str]:
    """Where a module passes English words to a Streamlit call or an outcome unmarked."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        shown = [*call.args[:1], *(k.value for k in call.keywords if k.arg in _SHOWN_KEYWORDS)]
        if called == "Outcome":  # what Save, Approve and Return say happened
            shown = call.args[1:2]
        if called in _SHOWS or called == "Outcome":
            found += [f"{name}:{n.lineno}" for n in shown if _bare_words(n)]
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "studio").glob("*.py")), ids=lambda p: p.name)
def test_the_studio_shows_no_words_outside_the_catalogue(path):
    """Every word the studio shows is a catalogue entry (so `make translations` finds it and
    the catalogue test fails while it has no Khmer): no English literal reaches a Streamlit
    call or an outcome unmarked. Ids and the check's own messages are data, in variables."""
    assert _untranslated(path.read_text(encoding="utf-8"), path.name) == []


def test_the_studio_check_finds_english_left_unmarked():
    source = (
        'st.button("Accept", key="a")\n'
        'st.caption(t.gettext("Fine"), help=f"No {label}")\n'
        'Outcome(False, f"Nothing from {sid}.")\n'
        'st.segmented_control("Language · ភាសា", LANGUAGES)\n'
    )
    assert _untranslated(source, "x.py") == ["x.py:1", "x.py:2", "x.py:3"]
