"""A statement's topic and stance from the data file of statement words (round thirty-three): a
court's verdict, staff inside a prison or a centre, a new actor the draft types as a group, a
place holding more than it was built for; and the topic words as data, so a word or a topic
more needs no code change."""

from __future__ import annotations

import datetime as dt

import pytest

import corpus.statement_words as statement_words
from curation.suggest.stance import guess_stance, guess_topic, said_words, speaker_side
from data_model.records import Topic
from tests.drafted import statements

PUBLISHED = dt.date(2025, 3, 14)


# A judge's finding is about the arrest and trial of the accused and takes no side on the
# campaign, whatever follows it; evidence named later in a sentence is no verdict.
@pytest.mark.parametrize(
    ("said", "topic", "stance"),
    [
        ("The evidence shows that the two drivers knew what the boxes held", "arrests",
         "neutral"),
        ("The court finds the three women guilty, and it cannot be lenient", "arrests",
         "neutral"),
        ("ភស្តុតាងទាំងឡាយបង្ហាញថា ជនជាប់ចោទទាំងពីរនាក់ដឹងថាមានអ្វីនៅក្នុងកញ្ចប់", "arrests",
         "neutral"),
        ("តុលាការយល់ឃើញថា ជនជាប់ចោទបានលក់គ្រឿងញៀនឲ្យសិស្ស", "arrests", "neutral"),
        ("Families wait for months before anyone shows them the evidence", None, "critical"),
        ("The evidence-room was flooded on Monday", None, None),
    ],
)  # fmt: skip
def test_a_courts_verdict_is_about_arrests_and_takes_no_side(said, topic, stance):
    got_topic, topic_why = guess_topic(said)
    assert (got_topic.value if topic_why == "a court's verdict" and got_topic else None) == topic
    # A judge is an officer of the state: the verdict stays neutral all the same.
    side = "government" if topic else None
    got_stance, _ = guess_stance(said, side)
    assert (got_stance.value if got_stance else None) == stance


def test_a_verdict_quoted_in_an_article_is_drafted_neutral_about_arrests():
    text = ('"The evidence shows that both sellers knew the pills were for students," said '
            "Judge Keo Samnang.")  # fmt: skip
    (row,) = statements(text, PUBLISHED)
    assert (row.record["topic"], row.record["stance"]) == ("arrests", "neutral"), row.why


# A guard, a staff member or a nurse at a prison or a centre is on the side of the place as it
# is (critical when no word says otherwise); a guard named only by the prison's name before
# the word, or a spokesman for the prisons, is not.
@pytest.mark.parametrize(
    ("words", "side"),
    [
        (["A guard at the provincial prison, who asked not to be named"], "staff"),
        (["a staff member at the Orkas Knhom centre"], "staff"),
        (["a nurse in the youth centre, who has worked there for six years"], "staff"),
        (["Nurse Sok Dara, who has worked in the youth centre for six years"], None),
        (["ឆ្មាំពន្ធនាគារម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ"], "staff"),
        (["បុគ្គលិកមណ្ឌលម្នាក់"], "staff"),
        (["A prison guard, who asked not to be named"], None),
        (["a spokesman for the General Department of Prisons"], "government"),
        (["អ្នកនាំពាក្យអគ្គនាយកដ្ឋានពន្ធនាគារ"], None),
    ],
)  # fmt: skip
def test_staff_inside_a_prison_or_a_centre_is_a_side_of_its_own(words, side):
    assert speaker_side(None, words) == side


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("A guard at the Kampong Cham prison, who asked not to be named, said the new block "
         "opened in May.", "critical"),
        ("A nurse at the district centre, who asked not to be named, said the boys were "
         "glad the ministry welcomed the plan.", "supportive"),  # a word of a stance decides first
    ],
)  # fmt: skip
def test_staff_inside_speak_critically_unless_their_words_say_otherwise(text, stance):
    (row,) = statements(text, PUBLISHED)
    assert row.record["stance"] == stance, row.why["stance"]


# A new speaker the draft types as a group from its organisation's words ("a legal aid group",
# "an association") is on a group's side though no rights word describes them; a new official
# is not put on the government's side that way (an unnamed one is on no side).
@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Chan Mony, of the legal aid group Fair Hearing, an association of 30 lawyers, said "
         "the boys met no one for weeks.", "critical"),
        ("A district official, who asked not to be named, said the boys met no one for weeks.",
         None),
    ],
)  # fmt: skip
def test_a_new_speaker_typed_as_a_group_is_on_a_groups_side(text, stance):
    (row,) = statements(text, PUBLISHED)
    assert row.record["stance"] == stance, row.why["stance"]


# A place said to hold more than it was built for is overcrowded in other words: critical, even
# from an official; a building put up is not a capacity, and a word of support as well is mixed.
@pytest.mark.parametrize(
    ("said", "stance"),
    [
        ("We sleep thirty men in a cell meant for ten", "critical"),
        ("The district centre, built for 90 people, now takes 250", "critical"),
        ("more than the ward was ever built to hold", "critical"),
        ("មណ្ឌលនេះត្រូវបានសាងសង់សម្រាប់មនុស្សតែ១០០នាក់ ប៉ុន្តែឥឡូវមាន៣០០នាក់", "critical"),
        ("The new block was built in May and opened in June", "supportive"),
        ("A centre built for 120 now holds 300, and we will continue the raids", "mixed"),
    ],
)  # fmt: skip
def test_a_place_holding_more_than_it_was_built_for_is_criticism(said, stance):
    got, _ = guess_stance(said, "government")
    assert got is not None and got.value == stance


def test_every_topic_in_the_file_is_the_codebooks_and_every_codebook_topic_has_words():
    words = statement_words.statement_words()
    assert set(words.topics) == set(Topic)
    assert all(words.topics.values())


# The words are data: a word added to the file decides a topic with no change of code.
@pytest.mark.parametrize(
    ("added", "said", "topic"),
    [
        ("topics:\n  funding: [fund, grant]\n", "The grant ran out in June.", "funding"),
        ("topics:\n  funding: [fund, ជំនួយ]\n", "ជំនួយបានអស់នៅខែមិថុនា", "funding"),
        ("topics:\n  funding: [fund]\n", "The grant ran out in June.", None),
    ],
)  # fmt: skip
def test_a_topic_word_added_to_the_data_file_needs_no_code_change(
    added, said, topic, tmp_path, monkeypatch
):
    import yaml

    data = yaml.safe_load(statement_words._FILE.read_text(encoding="utf-8"))
    data["topics"]["funding"] = yaml.safe_load(added)["topics"]["funding"]
    path = tmp_path / "statement_words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(statement_words, "_FILE", path)
    statement_words.statement_words.cache_clear()
    try:
        got, why = guess_topic(said_words(said, None))
    finally:
        statement_words.statement_words.cache_clear()
    assert (got.value if got is not None and why == "from the words" else None) == topic
