"""Round twenty-four (c): speech the drafts missed or gave no speaker to. In Khmer, "លោកថា ..."
(he says ...) with no other verb is speech by the last titled person named, and a plain
pronoun then "ថា" is speech whose speaker is left blank; in English, a sum of money in a
sentence of reported speech ("paid $150 a trip") no longer hides the statement."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.khmer_speech import find_attributions
from curation.suggest.records import Row
from tests.drafted import statements

PUBLISHED = dt.date(2024, 5, 2)


def _statements(text: str) -> list[Row]:
    return statements(text, PUBLISHED)


# (sentence, a speech attribution is read, the title standing for the speaker, pronoun)
@pytest.mark.parametrize(
    ("sentence", "said", "title", "pronoun"),
    [
        ("លោកថា ក្រសួងនឹងសាងសង់មណ្ឌលថ្មីមួយ។", True, "លោក", True),
        ("លោកស្រីថា៖ «យើងត្រូវការគ្រូពេទ្យបន្ថែម»។", True, "លោកស្រី", True),
        ("លោកក៏ថា មណ្ឌលនេះពេញហើយ។", True, "លោក", True),
        ("នាងថា សាលាមិនទាន់ឆ្លើយតបនៅឡើយ។", True, "", False),
        ("គាត់ថា កូនរបស់គាត់ត្រឡប់មកផ្ទះវិញ។", True, "", False),
        ("គេដឹងថា មណ្ឌលនេះពេញហើយ។", False, "", False),
        ("ពិភពលោកថា មិនមែនទេ។", False, "", False),
    ],
)  # fmt: skip
def test_a_title_or_pronoun_alone_then_tha_opens_speech(sentence, said, title, pronoun):
    found = find_attributions([sentence])[0]
    assert bool(found) == said
    if said:
        assert (found[0].verb, found[0].title, found[0].pronoun) == ("ថា", title, pronoun)


def test_a_title_alone_then_tha_is_the_last_titled_person_named():
    text = (
        "លោក ចាន់ សុភ័ក្ត្រ ប្រធានមណ្ឌល បាននិយាយថា មណ្ឌលត្រូវការគ្រូពេទ្យបន្ថែមទៀត។ "
        "លោកថា អ្នកប្រើប្រាស់ខ្លះរង់ចាំច្រើនខែមុនពេលបានជួបគ្រូពេទ្យ។"
    )
    first, second = _statements(text)
    assert "អ្នកប្រើប្រាស់ខ្លះ" in second.record["quote"]
    assert second.record["actor_id"] is not None
    assert second.record["actor_id"] == first.record["actor_id"]


# A sum of money is no count the campaign is measured by: the speech around it is a statement;
# a count of people or cases in the same place still makes the sentence the speaker's figure.
@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Defence lawyer Chea Dara said his clients were drivers paid $150 a trip and would "
         "appeal.", True),
        ("Sok Chenda said her son was healthy when he was taken. She added that officers had "
         "offered the family 2 million riel for the funeral.", True),
        ("Police chief Chea Dara said officers had arrested 214 people since January.", False),
    ],
)  # fmt: skip
def test_speech_around_a_sum_of_money_is_still_a_statement(text, statement):
    money = text.split(". ")[-1][:30]
    quotes = [r.record["quote"] for r in _statements(text)]
    assert any(money in q for q in quotes) == statement, quotes
