"""Khmer text: quotes found without zero-width spaces, signs put in order, sentences, figures,
dates, speakers and search folding, on made-up Khmer (tests/fixtures/khmer/)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml

from corpus.khmer import (
    KhmerBodyIndex,
    fold_for_search,
    has_khmer,
    normalise,
    split_sentences,
    word_spans,
)
from corpus.khmer_reading import read_dates, read_figures, read_number
from corpus.khmer_speech import find_attributions, speaker_key, strip_title
from data_model.qualifiers import Qualifier

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"
ZWSP = "\u200b"
COENG = "\u17d2"


def _bare(text: str) -> str:
    return normalise(text).text


# Misorderings typed in real text, each with the order of the SIL/Unicode specification.
MISORDERED = [
    ("vowel typed before the subscript", "ក\u17bb" + COENG + "រម", "ក្រុម"),
    ("vowel before the subscript mo", "ខ\u17c2" + COENG + "មរ", "ខ្មែរ"),
    ("subscript ro before another subscript", "ស" + COENG + "រ" + COENG + "តី", "ស្ត្រី"),
    ("sign nikahit before the vowel", "ក\u17c6\u17bb", "កុំ"),
    ("zero-width joiner inside a cluster", "ស\u200d" + COENG + "ត", "ស្ត"),
    ("subscript da written for subscript ta", "សម" + COENG + "ដេច", "សម" + COENG + "តេច"),
]


@pytest.mark.parametrize(("case", "typed", "ordered"), MISORDERED, ids=[c[0] for c in MISORDERED])
def test_misordered_khmer_is_put_in_the_specification_order(case, typed, ordered):
    assert typed != ordered
    assert unicodedata.normalize("NFC", typed) != ordered  # NFC alone does not repair it
    assert normalise(typed).text == ordered


BODY = (
    "ឯកឧត្តម ហេង" + ZWSP + "សំណាង បាន" + ZWSP + "ឲ្យ" + ZWSP + "ដឹង" + ZWSP + "ថា "
    "«គ្រឿងញៀន" + ZWSP + "ទាំងនេះ" + ZWSP + "ត្រូវ" + ZWSP + "បាន" + ZWSP + "ដឹកជញ្ជូន»។\n"
    "ក\u17bb" + COENG + "រមការងារ  បានបញ្ចប់។ ផ្តល់ព័ត៌មាន។"
)  # fmt: skip

LOCATED = [
    ("typed without the zero-width spaces", "គ្រឿងញៀនទាំងនេះត្រូវបានដឹកជញ្ជូន", "គ្រឿងញៀន"),
    ("typed with them", "គ្រឿងញៀន" + ZWSP + "ទាំងនេះ", "គ្រឿងញៀន"),
    ("the body's signs out of order", "ក្រុមការងារ បានបញ្ចប់", "ក\u17bb"),
    ("the quote's signs out of order", "បានឲ្យដឹងថា", "បាន"),
    ("a name split by a zero-width space", "ហេងសំណាង", "ហេង"),
    ("marks of another style", "“គ្រឿងញៀនទាំងនេះ", "«"),
    ("subscript da typed for the body's subscript ta", "ផ្ដល់ព័ត៌មាន", "ផ្តល់"),
]


@pytest.mark.parametrize(("case", "quote", "starts_with"), LOCATED, ids=[c[0] for c in LOCATED])
def test_a_khmer_quote_is_found_and_its_offsets_point_into_the_clean_body(case, quote, starts_with):
    span = KhmerBodyIndex(BODY).locate(quote)
    assert span is not None
    start, end = span
    assert BODY[start:end].startswith(starts_with)
    assert _bare(BODY[start:end]) == _bare(quote)


@pytest.mark.parametrize(
    "quote",
    ["គ្រឿងញៀនទាំងនោះ", "ហេង សំណាង", "ក្រុង"],
    ids=["another word", "a space added", "a sign missing"],
)
def test_a_khmer_quote_with_other_words_is_not_found(quote):
    assert KhmerBodyIndex(BODY).locate(quote) is None


SENTENCES = [
    ("khan ends a sentence", "ក។ ខ។", ["ក។", "ខ។"]),
    ("bariyoosan, question and exclamation", "ក៕ ខ? គ! ឃ", ["ក៕", "ខ?", "គ!", "ឃ"]),
    ("a line break", "ក\nខ", ["ក", "ខ"]),
    ("a full stop groups thousands", "មាន ២.៤២៨ នាក់។", ["មាន ២.៤២៨ នាក់។"]),
    ("«…» kept whole", "លោកថា «ក។ ខ!» គ។", ["លោកថា «ក។ ខ!»", "គ។"]),
    ("an open «… runs on", "លោកថា «ក ខ គ។", ["លោកថា «ក ខ គ។"]),
    ("a quotation without a stop goes on", "«ក» ខ។", ["«ក» ខ។"]),
    ("“…” kept whole", "អ្នកស្រីថា “ក។ ខ។” គ។", ["អ្នកស្រីថា “ក។ ខ។”", "គ។"]),
    ("zero-width spaces trimmed", ZWSP + "ក។" + ZWSP + " ខ។", ["ក។", "ខ។"]),
    ("furniture lines skipped", "រូបភាព៖ សមត្ថកិច្ច\nក។", ["ក។"]),
]


@pytest.mark.parametrize(("case", "body", "want"), SENTENCES, ids=[c[0] for c in SENTENCES])
def test_khmer_sentences(case, body, want):
    found = split_sentences(body)
    assert [s.text for s in found] == want
    assert all(body[s.start : s.end] == s.text for s in found)


NUMBERS = [
    ("២.៤២៨", 2428), ("២ ៤២៨", 2428), ("2.428", 2428), ("១,៧៨០,០១៦", 1780016),
    ("១៥.៥៥២.២២១", 15552221), ("៤៨,៥", 48.5), ("៧.២៦", 7.26), ("១.២៥០,៧៥", 1250.75),
    ("1,234.5", 1234.5), ("១២", 12), ("1.2.3", None), ("១,២,៣៤៥", None),
]  # fmt: skip


@pytest.mark.parametrize(("written", "value"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_khmer_numbers_and_separators(written, value):
    assert read_number(written) == value


FIGURES = [
    ("ជនសង្ស័យជាង ២០០ នាក់", 200, Qualifier.more_than, "people"),
    ("ជាង១០០នាក់", 100, Qualifier.more_than, "people"),
    ("ប្រហែល ៣០ នាក់", 30, Qualifier.approx, "people"),
    ("ប្រមាណ ៤៨,៥ គីឡូក្រាម", 48.5, Qualifier.approx, "kg"),
    ("ប្រមាណជាង ៥លាននាក់", 5_000_000, Qualifier.more_than, "people"),
    ("យ៉ាងហោចណាស់ ១០ គីឡូក្រាម", 10, Qualifier.at_least, "kg"),
    ("មិនតិចជាង ៣លាននាក់", 3_000_000, Qualifier.at_least, "people"),
    ("តិចជាង ២០០ នាក់", 200, Qualifier.fewer_than, "people"),
    ("ថ្នាំ ២.៤២៨ ក្រាម", 2428, Qualifier.exact, "g"),
    ("ជាង 2.428 ក្រាម", 2428, Qualifier.more_than, "g"),
    ("ជាង" + ZWSP + "១២ ០០០" + ZWSP + "គ្រាប់", 12000, Qualifier.more_than, "pills"),
    ("ចំនួន ២,២លាននាក់", 2_200_000, Qualifier.exact, "people"),
    ("កើនឡើងជាង៧%", 7, Qualifier.more_than, "percent"),
    ("ប្រហែល ០,៥ គីឡូក្រាម", 0.5, Qualifier.approx, "kg"),
]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"), FIGURES, ids=[f[0] for f in FIGURES]
)
def test_khmer_figures_keep_their_hedge_and_unit(text, value, qualifier, unit):
    figures = read_figures(text)
    assert [(f.value, f.qualifier, f.unit) for f in figures] == [(value, qualifier, unit)]
    (figure,) = figures
    assert text[figure.start : figure.end] == figure.words


@pytest.mark.parametrize(
    ("text", "vague"),
    [("អ្នកប្រើប្រាស់រាប់ពាន់នាក់", "thousands"), ("យុវជនរាប់រយនាក់", "hundreds")],
)
def test_a_vague_count_stays_a_word_never_a_number(text, vague):
    (figure,) = read_figures(text)
    assert figure.value is None
    assert figure.vague == vague


@pytest.mark.parametrize(
    "text",
    [
        "ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០១៧",
        "លើកទី១",
        "រយៈពេល ៦ ខែ",
        "១០០ឆ្នាំមុន",
        "ផ្លូវលេខ ២៧១",
        "លេខទូរស័ព្ទ ០១២ ៣៤៥ ៦៧៨",
    ],
    ids=["a date", "an ordinal", "a duration", "years ago", "a street number", "a phone number"],
)
def test_dates_ordinals_and_durations_are_no_figures(text):
    assert read_figures(text) == []


PUBLISHED = dt.date(2019, 3, 15)
DATES = [
    ("ម្សិលមិញ", dt.date(2019, 3, 14), dt.date(2019, 3, 14), "day"),
    ("កាលពីខែមុន", dt.date(2019, 2, 1), dt.date(2019, 2, 28), "month"),
    ("ឆ្នាំមុន", dt.date(2018, 1, 1), dt.date(2018, 12, 31), "year"),
    ("ឆ្នាំនេះ", dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"),
    ("ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០១៧", dt.date(2017, 1, 4), dt.date(2017, 1, 4), "day"),
    ("ថ្ងៃទី ២០ ខែឧសភា ឆ្នាំ ២០១៨", dt.date(2018, 5, 20), dt.date(2018, 5, 20), "day"),
    ("១៤ មីនា ២០១៩", dt.date(2019, 3, 14), dt.date(2019, 3, 14), "day"),
    ("ថ្ងៃទី១៧ មេសា", dt.date(2018, 4, 17), dt.date(2018, 4, 17), "day"),
    ("ខែធ្នូ", dt.date(2018, 12, 1), dt.date(2018, 12, 31), "month"),
    ("ខែកុម្ភៈ ឆ្នាំ២០២០", dt.date(2020, 2, 1), dt.date(2020, 2, 29), "month"),
    ("ឆ្នាំ២០១៨", dt.date(2018, 1, 1), dt.date(2018, 12, 31), "year"),
    ("ថ្ងៃទី១៤-១៦ ខែមេសា ឆ្នាំ២០១៨", dt.date(2018, 4, 14), dt.date(2018, 4, 16), "day"),
    ("ថ្ងៃទី ១ - ៣ មីនា", dt.date(2019, 3, 1), dt.date(2019, 3, 3), "day"),
    ("០៤/០១/២០១៧", dt.date(2017, 1, 4), dt.date(2017, 1, 4), "day"),
    # A month range is the whole range; "the first N months of" a year, from January.
    ("ចាប់ពីខែមករា ដល់ខែមីនា ឆ្នាំ២០១៨", dt.date(2018, 1, 1), dt.date(2018, 3, 31), "month"),
    ("ចាប់ពីខែវិច្ឆិកា ដល់ខែកុម្ភៈ", dt.date(2018, 11, 1), dt.date(2019, 2, 28), "month"),
    ("៣ ខែដើមឆ្នាំ២០១៨", dt.date(2018, 1, 1), dt.date(2018, 3, 31), "month"),
]


@pytest.mark.parametrize(("text", "first", "last", "precision"), DATES, ids=[d[0] for d in DATES])
def test_khmer_dates_named_and_relative(text, first, last, precision):
    (date,) = read_dates(text, PUBLISHED)
    assert (date.first, date.last, date.precision.value) == (first, last, precision)


def test_years_ago_is_not_last_year():
    assert read_dates("១០០ឆ្នាំមុន", PUBLISHED) == []


ATTRIBUTIONS = [
    (["លោក ចាន់ សុភ័ក្ត្រ អ្នកនាំពាក្យ បាននិយាយថា «យើងនឹងបន្ត។»"], "ចាន់ សុភ័ក្ត្រ", "លោក", "direct"),
    (["ឯកឧត្តម ហេង" + ZWSP + "សំណាង បាន" + ZWSP + "ឲ្យដឹងថា ក្រុមនេះ"], "ហេងសំណាង", "ឯកឧត្តម", "reported"),
    (["អ្នកស្រី កែវ សុធា បានស្នើឲ្យ…", "អ្នកស្រីបានបន្ថែមថា ក។"], "កែវ សុធា", "អ្នកស្រី", "reported"),
    (["លោកស្រី សុខ ចន្ថា មេឃុំ បានលើកឡើងថា “ក។”"], "សុខ ចន្ថា", "លោកស្រី", "direct"),
    (["សម្តេចក្រឡាហោម ស ខេង បានបញ្ជាក់ថា ក។"], "ស ខេង", "សម្តេចក្រឡាហោម", "reported"),
    (["ក្រសួងមហាផ្ទៃសូមអំពាវនាវដល់មាតាបិតា"], "ក្រសួងមហាផ្ទៃ", "", "reported"),
    (["មន្ត្រី បានប្រាប់អ្នកសារព័ត៌មានថា ក។"], None, "", "reported"),
    (["លោក ពេជ្រ រតនា បានអំពាវនាវថា «សូមជួយ»។"], "ពេជ្រ រតនា", "លោក", "direct"),
    # A titled speaker after a quotation (no ថា), a title alone there, a label before a colon.
    (["«យើងនឹងបន្តការងារនេះ» លោក សុខ ដារ៉ា បាននិយាយ។"], "សុខ ដារ៉ា", "លោក", "direct"),
    (["លោក សុខ ដារ៉ា បាននិយាយថា ការងារនឹងបន្ត។", "«យើងនឹងបន្ត» លោកបានបន្ថែម។"], "សុខ ដារ៉ា",
     "លោក", "direct"),
    (["[សំឡេង] វរសេនីយ៍ឯក សុខ ដារ៉ា៖ «យើងនឹងបន្តការងារនេះ»"], "សុខ ដារ៉ា", "វរសេនីយ៍ឯក",
     "direct"),
    # A monk's speech (មានថេរដីកា) and pronoun-title (ព្រះអង្គ) for the monk named before.
    (["ព្រះតេជគុណ សុខ វណ្ណា បានមានថេរដីកាថា យុវជនត្រូវជៀសវាង។", "«វត្តនឹងជួយ» ព្រះអង្គមានថេរដីកា។"],
     "សុខ វណ្ណា", "ព្រះអង្គ", "direct"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentences", "speaker", "title", "kind"),
    ATTRIBUTIONS,
    ids=[a[1] or "nobody" for a in ATTRIBUTIONS],
)
def test_khmer_speech_verbs_find_the_speaker_by_name_without_title(sentences, speaker, title, kind):
    last = find_attributions(sentences)[-1][-1]
    assert (last.speaker, last.title, last.kind.value) == (speaker, title, kind)


def test_a_quotation_with_no_titled_speaker_beside_it_is_nobodys():
    assert find_attributions(["«ការងារនេះនឹងបន្ត» ប្រជាពលរដ្ឋម្នាក់និយាយ។"]) == [[]]


def test_a_direct_quotation_points_at_the_words_inside_the_marks():
    sentence = "លោក ចាន់ សុភ័ក្ត្រ បាននិយាយថា «យើងនឹងបន្ត" + ZWSP + "ប្រតិបត្តិការ។»"
    (said,) = find_attributions([sentence])[0]
    start, end = said.quote
    assert sentence[start:end] == "យើងនឹងបន្ត" + ZWSP + "ប្រតិបត្តិការ។"


def test_a_speech_verb_inside_a_quotation_is_no_attribution():
    (said,) = find_attributions(["លោក ចាន់ សុភ័ក្ត្រ បាននិយាយថា «គេបាននិយាយថា ក»"])[0]
    assert said.speaker == "ចាន់ សុភ័ក្ត្រ"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("ឯកឧត្តម ហេង សំណាង", "ហេង សំណាង"), ("លោកស្រី សុខ ចន្ថា", "សុខ ចន្ថា"), ("លោកឧត្តមសេនីយ៍ មាស វិសាល", "មាស វិសាល"), ("ពិភពលោក", "ពិភពលោក")],
)  # fmt: skip
def test_titles_are_stripped_from_names(phrase, name):
    assert strip_title(phrase) == name


def test_a_speaker_matches_however_the_name_was_spaced():
    assert (
        speaker_key("សម្តេចក្រឡាហោម ស ខេង") == speaker_key("ស" + ZWSP + "ខេង") == speaker_key("សខេង")
    )


FOLDS = [
    ("a space between Khmer words", "ស ខេង", "ស" + ZWSP + "ខេង"),
    ("no space at all", "ស ខេង", "សខេង"),
    ("signs out of order", "ក្រុម", "ក\u17bb" + COENG + "រម"),
    ("Latin accents and case", "Sar Kheng", "SAR KHÉNG"),
    ("curly quotes", "it's", "it’s"),
]


@pytest.mark.parametrize(("case", "query", "text"), FOLDS, ids=[f[0] for f in FOLDS])
def test_search_folding_finds_khmer_however_it_was_typed(case, query, text):
    assert fold_for_search(query) in fold_for_search(f"មុន {text} ក្រោយ")


@pytest.mark.parametrize(("one", "other"), [("ខេង", "ខង"), ("ខេង", "ខាង"), ("ស្រី", "សី")])
def test_search_folding_never_strips_khmer_signs(one, other):
    assert fold_for_search(one) != fold_for_search(other)


def test_words_of_a_khmer_name_snap_to_whole_words():
    text = "លោក ស" + ZWSP + "ខេង បាននិយាយ"
    words = [text[a:b] for a, b in word_spans(text)]
    assert "ស" in words and "ខេង" in words
    assert all(ZWSP not in w and " " not in w for w in words)


def test_khmer_is_told_from_latin():
    assert has_khmer("លោក Sar Kheng") and not has_khmer("Sar Kheng")


def _gold(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))


ARTICLES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_gold_articles_sentences_figures_dates_and_quotes(path):
    body, gold = path.read_text(encoding="utf-8"), _gold(path)
    sentences = split_sentences(body)
    assert len(sentences) == gold["sentences"]
    figures = [f for s in sentences for f in read_figures(s.text) if not f.vague]
    want = [(g["value"], g["qualifier"], g["unit"]) for g in gold["figures"]]
    assert [(f.value, f.qualifier.value, f.unit) for f in figures] == want
    dates = [d for s in sentences for d in read_dates(s.text, gold["published"])]
    assert [(d.first, d.last) for d in dates] == [(g["first"], g["last"]) for g in gold["dates"]]
    index = KhmerBodyIndex(body)
    for quote in gold["quotes"]:
        start, end = index.locate(quote)
        assert _bare(body[start:end]).replace(ZWSP, "") == _bare(quote)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_gold_articles_speakers(path):
    body, gold = path.read_text(encoding="utf-8"), _gold(path)
    said = [
        a for found in find_attributions([s.text for s in split_sentences(body)]) for a in found
    ]
    got = {(_bare(a.speaker or ""), _bare(a.verb), a.kind.value) for a in said}
    for g in gold["statements"]:
        assert (_bare(g["speaker"]), _bare(g["verb"]), g["kind"]) in got


# Where the build meets Khmer: quote location, sentences and coverage, the search rows.


def test_the_build_finds_a_khmer_quote_typed_without_zero_width_spaces():
    from corpus.quotes import BodyIndex, quoted_spans, within_quotation

    body = "លោក បាន" + ZWSP + "និយាយ" + ZWSP + "ថា «យើង" + ZWSP + "នឹង" + ZWSP + "បន្ត»។"
    span = BodyIndex(body).locate("យើងនឹងបន្ត")
    assert span is not None
    assert body[span[0] : span[1]] == "យើង" + ZWSP + "នឹង" + ZWSP + "បន្ត"
    assert within_quotation(span, quoted_spans(body))


def test_coverage_reads_khmer_sentences_and_their_speech_verbs():
    from corpus.coverage import why_coded
    from corpus.sentences import sentences

    body = "លោក ចាន់ សុភ័ក្ត្រ បាននិយាយថា ក្រុមនេះបានបញ្ចប់។ ភ្លៀងធ្លាក់។ មាន ២០០ នាក់។"
    found = sentences(body)
    assert [body[s.start : s.end] for s in found] == [s.text for s in found]
    assert [why_coded(s.text) is not None for s in found] == [True, False, True]
    assert "បាននិយាយថា" in why_coded(found[0].text)


def _search_db(quote: str, name: str, aliases: str):
    import duckdb

    from database.write import fold_khmer_rows

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE actors (actor_id VARCHAR, name VARCHAR, aliases VARCHAR, "
        "organisation VARCHAR, role VARCHAR)"
    )
    con.execute(
        "CREATE TABLE statements (statement_id VARCHAR, actor_id VARCHAR, quote VARCHAR, "
        "actor_role VARCHAR)"
    )
    con.execute("CREATE TABLE statement_search (statement_id VARCHAR, haystack VARCHAR)")
    con.execute("INSERT INTO actors VALUES ('sar-kheng', ?, ?, 'Ministry of Interior', '')", [name, aliases])  # fmt: skip
    con.execute("INSERT INTO statements VALUES ('s1', 'sar-kheng', ?, '')", [quote])
    con.execute("INSERT INTO statement_search VALUES ('s1', 'stale')")
    fold_khmer_rows(con)
    return con


@pytest.mark.parametrize(
    "query",
    ["ស ខេង", "ស" + ZWSP + "ខេង", "សខេង", "Sar Kheng", "sar kheng", "បន្តប្រតិបត្តិការ", "ក្រុម"],
    ids=["spaced", "zero-width", "run together", "latin name", "lower case", "inside a sentence", "misordered row"],
)  # fmt: skip
def test_the_statement_search_finds_khmer_however_it_is_typed(query):
    from database.queries import fold

    quote = "យើងនឹងបន្ត" + ZWSP + "ប្រតិបត្តិការ ក\u17bb" + COENG + "រមការងារ"
    con = _search_db(quote, "Sar Kheng", "ស" + ZWSP + "ខេង; សម្តេចក្រឡាហោម ស ខេង")
    words = fold(query).split()
    where = " AND ".join("contains(haystack, ?)" for _ in words)
    assert con.execute(
        f"SELECT count(*) FROM statement_search WHERE {where}", words
    ).fetchall() == [(1,)]


def test_the_statement_search_keeps_khmer_signs():
    from database.queries import fold

    con = _search_db("ក្រុមការងារ", "Sar Kheng", "ស ខេង")
    (word,) = fold("ស ខាង").split()  # another vowel: another name
    assert con.execute("SELECT count(*) FROM statement_search WHERE contains(haystack, ?)", [word]).fetchall() == [(0,)]  # fmt: skip
