"""A statement asking a ministry to act, naming no topic's word, is drafted about policy (round
thirty-five, corpus/statement_words.yaml request_to_ministry): in Khmer, where the training keys
filed every such blank so; the English form is measured and not built, so it stays blank."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

import corpus.statement_words as statement_words
from curation.suggest.stance import guess_topic, said_words
from tests.drafted import statements


# The request decides only where no topic word does; a request to another body (a province's
# administration, the authorities) is no request to a ministry.
@pytest.mark.parametrize(
    ("said", "topic", "why"),
    [
        # He asked the Ministry of the Interior to put scanners at the new border post.
        ("លោកបានស្នើឲ្យក្រសួងមហាផ្ទៃ ដាក់ម៉ាស៊ីនស្កេននៅច្រកថ្មី", "policy",
         "a request to a ministry"),
        # The same with the other spelling of "that" and zero-width spaces between the words.
        ("លោក\u200bបាន\u200bស្នើ\u200bឱ្យ\u200bក្រសួង\u200bពាណិជ្ជកម្ម ពិនិត្យការនាំចូល", "policy",
         "a request to a ministry"),
        # The court requested the Ministry of Justice to send two more judges.
        ("តុលាការបានស្នើសុំទៅក្រសួងយុត្តិធម៌ ឲ្យបញ្ជូនចៅក្រមពីររូបទៀត", "policy",
         "a request to a ministry"),
        # He proposed to the Ministry of Health a budget for the clinic: the money decides.
        ("លោកបានស្នើដល់ក្រសួងសុខាភិបាល ឲ្យបែងចែកថវិកាសម្រាប់គ្លីនិក", "funding",
         "from the words"),
        # She asked the district's administration to hold a meeting: no ministry, no topic.
        ("លោកស្រីបានស្នើឲ្យរដ្ឋបាលស្រុក រៀបចំកិច្ចប្រជុំមួយ", None, "no topic word"),
        # English: measured (2 right of 3) and not built.
        ("He asked the Ministry of Commerce to check every lorry at the new crossing", None,
         "no topic word"),
        ("She urged the Ministry of Economy to pay the guards' salaries", "funding",
         "from the words"),
    ],
)  # fmt: skip
def test_a_request_to_a_ministry_with_no_topic_word_is_about_policy(said, topic, why):
    got, reason = guess_topic(said_words(said, None))
    assert (got.value if got is not None else None, reason) == (topic, why)


def test_a_khmer_official_asking_a_ministry_is_drafted_about_policy_and_says_why():
    # A deputy governor said he had asked the Ministry of the Interior to install scanners.
    text = ("ក្រុមប្រឹក្សាខេត្ត\n\nភ្នំពេញ៖ លោក សុខ ដារ៉ា អភិបាលរងខេត្តកំពត បានមានប្រសាសន៍ថា "
            "លោកបានស្នើឲ្យក្រសួងមហាផ្ទៃ ដំឡើងម៉ាស៊ីនស្កេនឥវ៉ាន់ នៅច្រកព្រំដែនថ្មីនេះ។\n")  # fmt: skip
    (row,) = statements(text, dt.date(2025, 3, 14))
    assert row.record["topic"] == "policy"
    assert row.why["topic"] == "80%: a request to a ministry"


# The words are data: emptying the list turns the rule off, a phrase added turns it on.
@pytest.mark.parametrize(
    ("words", "said", "topic"),
    [
        ([], "លោកបានស្នើឲ្យក្រសួងមហាផ្ទៃ ដាក់ម៉ាស៊ីនស្កេន", None),
        (["asked the ministry"], "He asked the Ministry of Commerce to check lorries", "policy"),
    ],
)  # fmt: skip
def test_the_request_words_are_data(words, said, topic, tmp_path, monkeypatch):
    data = yaml.safe_load(statement_words._FILE.read_text(encoding="utf-8"))
    data["request_to_ministry"]["words"] = words
    path = tmp_path / "statement_words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(statement_words, "_FILE", path)
    statement_words.statement_words.cache_clear()
    try:
        got, _ = guess_topic(said_words(said, None))
    finally:
        statement_words.statement_words.cache_clear()
    assert (got.value if got is not None else None) == topic
