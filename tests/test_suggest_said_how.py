"""Round twenty-six (c): Khmer speech the drafts missed. A speech verb whose "ថា" (that) comes
after where, when or how it was said ("said in the verdict that", "told VOA on Monday that") is
speech; a rank written with លោក before it ("លោកវរសេនីយ៍ទោ") is a title, not the first word of the
speaker's name; "one official" (មួយរូប) or a source who would not give a name is kept unnamed."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.khmer_speech import find_attributions
from tests.drafted import statements

PUBLISHED = dt.date(2024, 5, 2)


# (sentence, the speaker read, or None when no speech is read at all)
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # said + in (the judgment) + that
        ("ចៅក្រម លោក សួន វិសាល បានថ្លែងក្នុងសាលក្រមថា ជនជាប់ចោទបានលក់គ្រឿងញៀនជាច្រើនដង។",
         "សួន វិសាល"),
        # raised + at (the meeting) + that
        ("លោក ម៉ម ដារា បានលើកឡើងក្នុងកិច្ចប្រជុំថា មណ្ឌលសុខភាពត្រូវការគ្រូពេទ្យបន្ថែម។",
         "ម៉ម ដារា"),
        # told + whom + last (Monday) + that
        ("លោក ឈិន សុភា បានប្រាប់វិទ្យុ កាលពីថ្ងៃច័ន្ទថា នគរបាលនឹងបន្តការត្រួតពិនិត្យ។", "ឈិន សុភា"),
        # also + said + also + that
        ("លោកស្រី ហុក ចន្ធូ ក៏បានថ្លែងផងដែរថា គ្រួសារត្រូវជួយកូនៗឲ្យឆ្ងាយពីគ្រឿងញៀន។", "ហុក ចន្ធូ"),
        # answered + that, a quotation after it
        ("លោក ទេព រតនា បានឆ្លើយតបថា «យើងកំពុងបើកមណ្ឌលថ្មីមួយ»។", "ទេព រតនា"),
        # a "that" after no speech verb is no speech, wherever it stands
        ("គេដឹងក្នុងខែនេះថា មណ្ឌលនោះពេញហើយ។", None),
        ("ការប្រជុំនៅក្នុងខេត្តបានបង្ហាញថា ករណីកើនឡើង។", None),
    ],
)  # fmt: skip
def test_a_speech_verb_then_where_or_when_then_tha_is_speech(sentence, speaker):
    found = find_attributions([sentence])[0]
    if speaker is None:
        assert found == []
    else:
        assert [a.speaker for a in found] == [speaker]


@pytest.mark.parametrize("rank", ["លោកវរសេនីយ៍ទោ", "លោកវរសេនីយ៍ត្រី", "លោកអនុសេនីយ៍ឯក"])
def test_a_rank_with_lok_before_it_is_a_title_not_the_name(rank):
    found = find_attributions([f"{rank} សាន់ វុទ្ធី ស្នងការរង បាននិយាយថា ការចាប់ខ្លួនកើនឡើង។"])[0]
    assert [(a.speaker, a.title) for a in found] == [("សាន់ វុទ្ធី", rank)]


# (sentence, the draft's speaker is kept unnamed with its description)
@pytest.mark.parametrize(
    ("sentence", "unnamed"),
    [
        ("តំណាងមន្ទីរសុខាភិបាលមួយរូប បាននិយាយថា មណ្ឌលខ្វះថ្នាំសម្រាប់អ្នកជំងឺ។", True),
        ("ឪពុករបស់ជនជាប់ចោទ ដែលមិនព្រមប្រាប់ឈ្មោះ បាននិយាយថា កូនរបស់គាត់ត្រូវការការព្យាបាល។",
         True),
        ("លោក ពៅ សំណាង ប្រធានមណ្ឌល បាននិយាយថា មណ្ឌលខ្វះថ្នាំសម្រាប់អ្នកជំងឺ។", False),
    ],
)  # fmt: skip
def test_one_official_or_a_source_who_gives_no_name_is_kept_unnamed(sentence, unnamed):
    (row,) = statements(sentence, PUBLISHED)
    kept = any(n.startswith("speaker (unnamed)") for n in row.notes)
    assert kept == unnamed
    assert (row.record["actor_id"] is None) == unnamed


# (sentence, the speaker read, a title alone standing for the last person named)
@pytest.mark.parametrize(
    ("sentence", "speaker", "pronoun"),
    [
        ("«មណ្ឌលនេះពេញហើយ» នេះជាការលើកឡើងរបស់លោក ជា សុវណ្ណ។", "ជា សុវណ្ណ", False),
        ("«យើងត្រូវការគ្រូពេទ្យ» នេះជាសម្តីរបស់លោកស្រីវេជ្ជបណ្ឌិត ឡុង ស្រីនាង។", "ឡុង ស្រីនាង",
         False),
        ("«យើងនឹងបន្តការត្រួតពិនិត្យ» នេះជាការលើកឡើងរបស់លោក។", None, True),
    ],
)  # fmt: skip
def test_a_quotation_then_whose_words_they_are_names_its_speaker(sentence, speaker, pronoun):
    (found,) = find_attributions([sentence])[0]
    assert (found.speaker, found.pronoun, found.kind.value) == (speaker, pronoun, "direct")
    assert sentence[found.quote[0] : found.quote[1]].startswith(("មណ្ឌល", "យើង"))


def test_a_quotation_then_an_unrelated_clause_names_no_speaker():
    assert find_attributions(["«មណ្ឌលនេះពេញហើយ» នេះជាមណ្ឌលធំជាងគេ។"])[0] == []


_INTERVIEW = (
    "ការសម្ភាសន៍ជាមួយលោក សុខ ចាន់ថា ប្រធានមណ្ឌលសុខភាពស្រុក។\n\n"
    "អ្នកសារព័ត៌មាន៖ តើមណ្ឌលអាចទទួលអ្នកជំងឺបានគ្រប់គ្រាន់ដែរឬទេ?\n\n"
    "លោក សុខ ចាន់ថា៖ មិនទាន់គ្រប់គ្រាន់នៅឡើយទេ។ ឆ្នាំនេះ យើងព្យាបាលអ្នកជំងឺ ១២០នាក់ "
    "ប៉ុន្តែមានគ្រូពេទ្យតែ ២នាក់។\n\n"
    "អ្នកសារព័ត៌មាន៖ តើគ្រួសារអាចជួយអ្វីបាន?\n\n"
    "លោក សុខ ចាន់ថា៖ គ្រួសារគួរតែនាំកូនមកព្យាបាលឲ្យបានឆាប់ កុំលាក់ទុកនៅផ្ទះ។\n"
)


def test_an_answer_then_its_counts_is_one_statement_of_the_turn():
    quotes = [r.record["quote"] for r in statements(_INTERVIEW, PUBLISHED)]
    (answer,) = [q for q in quotes if q.startswith("មិនទាន់គ្រប់គ្រាន់")]
    assert "១២០នាក់" in answer  # the counts that follow in the same turn
    assert "គ្រួសារគួរតែ" not in answer  # the next turn is a statement of its own
    assert any(q.startswith("គ្រួសារគួរតែ") for q in quotes)
