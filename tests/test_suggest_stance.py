"""A drafted statement's stance and topic (round twenty-two): from its own words in English or
Khmer, else the speaker's side; a guess no word or side supports is left blank, saying why."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.records import Row
from curation.suggest.stance import guess_stance, guess_topic, said_words, speaker_side
from tests.drafted import statements

PUBLISHED = dt.date(2024, 5, 2)


def _statements(text: str) -> list[Row]:
    return statements(text, PUBLISHED)


# The stance a curator reads in the words themselves, whoever says them; with no such words,
# an official backs the campaign and a rights group or a lawyer criticises it; an official who
# will not be named, or a speaker of no side, gets no stance.
@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ('"The cells are overcrowded and the boys wait months for a judge," said farmer Sok Lina.',
         "critical"),
        ('"We will continue the raids until every village is clean," said farmer Sok Lina.',
         "supportive"),
        ('"Our teams visited twelve villages in March," said provincial police chief Chea Dara.',
         "supportive"),
        ('"Our teams visited twelve villages in March," said Sok Lina, a lawyer with the rights '
         'group Licadho.', "critical"),
        ('"Our teams visited twelve villages in March," said a police officer who asked not to '
         'be named.', None),
        ('"Our teams visited twelve villages in March," said farmer Sok Lina.', None),
    ],
)  # fmt: skip
def test_a_statements_stance_is_read_from_its_words_or_its_speakers_side(text, stance):
    (row,) = _statements(text)
    assert row.record["stance"] == stance
    assert row.why["stance"].startswith("0%: ") == (stance is None)


def test_a_speaker_described_once_keeps_that_side_when_named_again():
    text = (
        'Sok Lina, a lawyer for the rights group Licadho, said: "The centre holds 300 people." '
        'She visited it on Monday. "We counted the beds ourselves," Sok Lina said.'
    )
    stances = {r.record["quote"][:20]: r.record["stance"] for r in _statements(text)}
    assert set(stances.values()) == {"critical"}, stances


# The topic is what the words are about, the speaker's description off: a rights worker's
# words on a clinic are about treatment; a health centre is treatment, not rehabilitation;
# two topics said as often, or none, leave the topic blank.
@pytest.mark.parametrize(
    ("quote", "name", "topic"),
    [
        ("Rights worker Sok Lina, of the group Licadho, said the clinic gave methadone daily.",
         "Sok Lina", "treatment"),
        ("The health centre in the commune now sees forty people a week.", None, "treatment"),
        ("The rehabilitation centre holds twice the people it was built for.", None,
         "rehabilitation"),
        ("Police arrested the dealers at the border crossing.", None, "arrests"),
        ("Parents should talk to their children before school starts.", None, "prevention"),
        ("Police raids fill the prison.", None, None),  # two topics as often
        ("We met them on Tuesday.", None, None),
        ("លោកបានបញ្ជាក់ថា មណ្ឌលស្តារនីតិសម្បទាថ្មីនឹងបើកនៅឆ្នាំក្រោយ", None, "rehabilitation"),
        ("លោកបានបញ្ជាក់ថា មាតាបិតាត្រូវតាមដានកូនៗរបស់ខ្លួន", None, "prevention"),
        ("លោក កែវ សុផល នៃអង្គការសិទ្ធិមនុស្ស បានប្រាប់ថា គ្រូពេទ្យមកពិនិត្យអ្នកជំងឺរៀងរាល់ថ្ងៃ", None,
         "treatment"),
    ],
)  # fmt: skip
def test_a_statements_topic_is_what_its_own_words_name(quote, name, topic):
    got, why = guess_topic(said_words(quote, name))
    shown = got.value if got and why == "from the words" else None
    assert shown == topic, why


# The speaker's side from the words describing the speaker, in English or Khmer.
@pytest.mark.parametrize(
    ("actor_type", "words", "named", "side"),
    [
        ("police", [], True, "government"),
        ("ngo", [], True, "ngo"),
        (None, ["Interior Ministry spokesman Touch Sokhak"], True, "government"),
        (None, ["Defence lawyer Chea Sophorn"], True, "ngo"),
        (None, ["a ministry official who asked not to be named"], False, None),
        (None, ["a mother of three"], True, None),
        (None, ["ឧត្តមសេនីយ៍ត្រី សុខ វណ្ណា ស្នងការនគរបាលខេត្តតាកែវ"], True, "government"),
        (None, ["លោក កែវ សុផល មេធាវីនៃអង្គការសិទ្ធិមនុស្ស"], True, "ngo"),
        (None, ["លោក កែវ សុផល ប្រធានសមាគមកសិករ"], True, None),
    ],
)  # fmt: skip
def test_a_speakers_side_comes_from_its_type_or_its_description(actor_type, words, named, side):
    assert speaker_side(actor_type, words, named) == side


# Khmer words of criticism or support decide before the side; both at once is mixed.
@pytest.mark.parametrize(
    ("said", "side", "stance"),
    [
        ("មណ្ឌលនេះចង្អៀតណែនណាន់ ហើយគ្មានគ្រូពេទ្យ", "government", "critical"),
        ("យើងនឹងបន្តចុះល្បាតរហូតដល់ភូមិគ្មានគ្រឿងញៀន", "ngo", "supportive"),
        ("We welcome the raids, but the cells are overcrowded.", None, "mixed"),
        ("ពួកយើងជួបគ្នារៀងរាល់ថ្ងៃអង្គារ", None, None),
    ],
)  # fmt: skip
def test_words_of_a_stance_decide_before_the_speakers_side(said, side, stance):
    got, _ = guess_stance(said, side)
    assert (got.value if got else None) == stance


# Round twenty-three (c). A word inside a longer word of its own topic is one word ("treat" in
# "treatment"), so "treatment rather than prison" is two topics as often, left blank; a
# statement on publishing the campaign's figures is about its policy, whatever they count.
@pytest.mark.parametrize(
    ("said", "topic", "why"),
    [
        ("Users should be sent to treatment rather than to prison.", None,
         "words of two topics as often"),
        ("The clinic will treat forty patients a week.", "treatment", "from the words"),
        ("The ministry should publish how many people were sent to treatment.", "policy",
         "publishing figures"),
        ("We will not publish monthly arrest figures for each province.", "policy",
         "publishing figures"),
        ("ក្រសួងគួរតែផ្សព្វផ្សាយតួលេខអ្នកព្យាបាលរៀងរាល់ខែ", "policy", "publishing figures"),
        ("Nurses at the clinic give methadone every morning.", "treatment", "from the words"),
    ],
)  # fmt: skip
def test_nested_topic_words_count_once_and_publishing_figures_is_policy(said, topic, why):
    got, reason = guess_topic(said)
    assert reason == why  # a tie names a topic, but its class is left blank
    assert topic is None or (got is not None and got.value == topic)


# Round twenty-three (c): words the keys read one way in four or more sets (an independent
# inquiry, locking users up, monitoring, urging the government; plans to open or expand).
@pytest.mark.parametrize(
    ("said", "stance"),
    [
        ("An independent doctor should examine every detainee.", "critical"),
        ("Locking users up has never ended a drug problem.", "critical"),
        ("The courts need outside monitoring.", "critical"),
        ("He urged the government to let families visit.", "critical"),
        ("The ministry plans to open two centres next year.", "supportive"),
        ("We will expand the service to every district.", "supportive"),
        ("We met them on Tuesday.", None),
    ],
)  # fmt: skip
def test_new_stance_words_decide_in_both_directions(said, stance):
    got, _ = guess_stance(said, None)
    assert (got.value if got else None) == stance


# Round twenty-three (c): a person who will not be named and holds no office (a mother, a
# former detainee) criticises the campaign when no word says otherwise; staff of a body who
# will not be named (a guard, a clerk, an officer) stay on no side.
@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("A mother from Kandal, who asked not to be named, said her son was moved twice in a "
         "month.", "critical"),
        ("A former detainee, who asked not to be named, said the boys rose at five every day.",
         "critical"),
        ("A prison guard, who asked not to be named, said the boys rose at five every day.", None),
        ("A court clerk, who asked not to be named, said the hearings began at eight.", None),
    ],
)  # fmt: skip
def test_an_unnamed_person_holding_no_office_criticises_when_no_word_says(text, stance):
    (row,) = _statements(text)
    assert row.record["stance"] == stance, row.why["stance"]


# Round twenty-four (c): a Khmer topic word inside a longer word of another meaning does not
# count (a guardian holds "treat", a court of first instance or a commune hall holds "school",
# a council holds "counsel"); a border is where something is said, not its subject.
@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("លោកអំពាវនាវដល់មាតាបិតា និងអាណាព្យាបាល ឲ្យតាមដានកូនចៅ", "prevention"),
        ("សាលាដំបូងខេត្តបានបើកសវនាការលើអ្នកជាប់ចោទបីនាក់", None),
        ("ក្រុមប្រឹក្សាឃុំបានប្រជុំកាលពីម្សិលមិញ", None),
        ("សិស្សនៅសាលារៀនបានរៀនពីគ្រោះថ្នាក់គ្រឿងញៀន", "prevention"),
        ("The police will stop the drugs at the border.", None),
        ("ក្រុមជួញដូរនៅតែប្រើផ្លូវតាមព្រំដែន", None),
        ("The district now runs services for people who use drugs.", "treatment"),
        ("There are 60 beds for 200 people.", "rehabilitation"),
        ("We go after the bosses, not the boys on motorbikes.", "arrests"),
        ("ការបង្ក្រាបនឹងបន្តរហូតដល់ឆ្នាំក្រោយ", "campaign"),
        ("អ្នកញៀនអាចមកដោយស្ម័គ្រចិត្ត", "treatment"),
    ],
)  # fmt: skip
def test_a_topic_word_inside_another_word_or_a_place_decides_nothing(said, topic):
    got, reason = guess_topic(said)
    filled = got.value if got is not None and reason == "from the words" else None
    assert filled == topic, reason


# Round twenty-four (c): "not enough" and detention read as criticism, expanding and "next year"
# as support, in Khmer as in English.
@pytest.mark.parametrize(
    ("said", "stance"),
    [
        ("Two nurses are not nearly enough for three hundred people.", "critical"),
        ("Detention does nothing for a boy who uses drugs.", "critical"),
        ("គ្រូពេទ្យពីរនាក់មិនគ្រប់គ្រាន់សម្រាប់មនុស្សបីរយនាក់ទេ", "critical"),
        ("ក្រសួងនឹងពង្រីកសេវានេះដល់គ្រប់ស្រុក", "supportive"),
        ("មណ្ឌលថ្មីនឹងបើកនៅឆ្នាំក្រោយ", "supportive"),
        ("That is enough for today.", None),
    ],
)  # fmt: skip
def test_khmer_and_english_stance_words_read_alike(said, stance):
    got, _ = guess_stance(said, None)
    assert (got.value if got else None) == stance
