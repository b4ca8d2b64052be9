"""Stop 50 (issue 23, draft36c): a speaker named by a title and an office with no name is the
person the article named before with that office (Khmer; English already reads it so); a
Khmer speech word is matched on whole written clusters, never inside a longer word; a notice's
appeal keeps its speaker's reason. Sentences are our own (the Khmer by a non-native author:
needs native review)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from corpus.khmer import cluster_bounded, normalise
from curation.suggest.records import draft_rows
from curation.suggest.stance import said_words
from curation.suggest.title_holder import holder, office_alone
from tests.drafted import CURATED, speaker_of


def _statements(text: str) -> list:
    title = text.strip().splitlines()[0]
    _, rows = draft_rows(text, title, "t", dt.date(2024, 5, 2), CURATED)
    return [r for r in rows if r.kind == "statements"]


_HEAD = "ព័ត៌មានខេត្ត\n\n"


# A title and an office with no name, then a verb: the person named before with that office;
# no one when nobody named before holds it.
@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # The deputy governor named with his office, then "the deputy governor asked ...".
        ("លោក ហេង សុខុម អភិបាលរងខេត្តកំពត បានចុះពិនិត្យមណ្ឌលសុខភាពកាលពីថ្ងៃច័ន្ទ។ "
         "លោកអភិបាលរងបានស្នើឲ្យមណ្ឌលសុខភាពគ្រប់ស្រុក ផ្តល់សេវាព្យាបាលអ្នកញៀននៅតាមសហគមន៍។",
         "លោកអភិបាលរង", "ហេង សុខុម"),
        # The office with its province after it ("of Kampot province").
        ("លោក ហេង សុខុម អភិបាលរងខេត្តកំពត បានចុះពិនិត្យមណ្ឌលសុខភាព។ "
         "លោកអភិបាលរងខេត្តកំពត បានស្នើឲ្យក្រសួងសុខាភិបាល បន្ថែមថវិកាសម្រាប់ការព្យាបាល។",
         "លោកអភិបាលរងខេត្តកំពត", "ហេង សុខុម"),
        # The office before the name: "the provincial police commissioner, Brig. Gen. X".
        ("ស្នងការនគរបាលខេត្ត ឧត្តមសេនីយ៍ត្រី ឡុង ពិសិដ្ឋ បានដឹកនាំកិច្ចប្រជុំ។ "
         "លោកស្នងការ បានបញ្ជាក់ថា ការអប់រំនៅតាមសាលារៀនត្រូវតែពង្រឹងបន្ថែមទៀត។",
         "លោកស្នងការ", "ឡុង ពិសិដ្ឋ"),
        # Two people named; the centre's director is the second.
        ("លោក សុខ វណ្ណា អភិបាលស្រុក និងលោក ញឹម សុវណ្ណារ៉ា ប្រធានមណ្ឌល បានចូលរួម។ "
         "លោកប្រធានមណ្ឌលបានបញ្ជាក់ថា សិក្ខាកាមនឹងត្រូវបានតាមដានដោយមណ្ឌលសុខភាព។",
         "លោកប្រធានមណ្ឌល", "ញឹម សុវណ្ណារ៉ា"),
        # Nobody named before holds the office: no speaker.
        ("លោក សុខ វណ្ណា អភិបាលស្រុក បានចូលរួម។ "
         "លោកស្នងការ បានបញ្ជាក់ថា ការអប់រំនៅតាមសាលារៀនត្រូវតែពង្រឹងបន្ថែមទៀត។",
         "លោកស្នងការ", None),
        # No one named before at all.
        ("លោកអភិបាលរងបានស្នើឲ្យមណ្ឌលសុខភាពគ្រប់ស្រុក ផ្តល់សេវាព្យាបាលអ្នកញៀន។",
         "លោកអភិបាលរង", None),
    ],
)  # fmt: skip
def test_a_khmer_title_and_office_alone_is_the_holder_named_before(
    text: str, opening: str, speaker: str | None
) -> None:
    who, why = speaker_of(_HEAD + text + "\n", opening, dt.date(2024, 5, 2))
    assert who == speaker
    if speaker:
        assert "alone: the speaker named before" in why or speaker in why


# English reads the same structure already (speakers.py): the deputy governor named before.
@pytest.mark.parametrize(
    ("text", "opening", "actor"),
    [
        ("Deputy governor Heng Sokhom visited the health centre on Monday. The deputy governor "
         "asked every district to offer treatment in its health centres.",
         "The deputy governor asked", "heng-sokhom"),
        ("Heng Sokhom, the deputy governor, visited on Monday. The deputy governor said every "
         "district must offer treatment in its health centres.",
         "The deputy governor said", "heng-sokhom"),
    ],
)  # fmt: skip
def test_an_english_office_alone_is_the_holder_named_before(text, opening, actor) -> None:
    rows = [r for r in _statements("Kampot news\n" + text) if r.record["quote"].startswith(opening)]
    assert [r.record["actor_id"] for r in rows] == [actor]


@pytest.mark.parametrize(
    ("head", "office"),
    [
        ("លោកអភិបាលរង", "អភិបាលរង"),
        ("ឯកឧត្តមអគ្គលេខាធិការ", "អគ្គលេខាធិការ"),
        ("- លោកប្រធានមណ្ឌល", "ប្រធានមណ្ឌល"),
        ("លោកមេភូមិ", "មេភូមិ"),
        ("លោក ហេង សុខុម", None),  # a name: the speech reader's, not this rule's
        ("លោក", None),  # a title alone: the last person named (round twenty-four)
        ("មន្ត្រីនគរបាលម្នាក់", None),  # an unnamed source described
    ],
)  # fmt: skip
def test_office_alone_reads_only_a_title_and_an_office(head: str, office: str | None) -> None:
    got = office_alone(head)
    assert (got[1] if got else None) == (normalise(office).text if office else None)


def test_holder_is_the_last_person_with_that_office() -> None:
    before = ("លោក ស៊ុន ភារ៉ា អភិបាលរងខេត្តស្វាយរៀង បានចុះ។ លោក ចាន់ ដារ៉ា ប្រធានមន្ទីរ បានចូលរួម។ "
              "លោក កែវ សុផល អភិបាលរងខេត្ត បានថ្លែង។")  # fmt: skip
    assert holder(normalise("អភិបាលរង").text, before) == normalise("កែវ សុផល").text
    assert holder(normalise("ស្នងការ").text, before) is None
    # A rank glued to the name, the office after it.
    glued = "បាត់ដំបង៖ ឧត្តមសេនីយ៍ត្រីឡុង ពិសិដ្ឋ ស្នងការនគរបាលខេត្ត បានឲ្យដឹងថា ..."
    assert holder(normalise("ស្នងការ").text, glued) == normalise("ឡុង ពិសិដ្ឋ").text


# A Khmer speech word is matched on whole written clusters: "ថា" (said, that) inside
# "ស្ថាប័ន" (an institution) or "គ្រឹះស្ថាន" (an establishment) is the subscript ថ of ស្ថ.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("លោកថា", True),
        ("បានបញ្ជាក់ថា ", True),
        ("និយាយថាៈ", True),  # "ៈ" written as a colon after it
        ("ស្ថាប័ន", False),
        ("គ្រឹះស្ថានសិក្សា", False),
        ("ថាំ", False),
    ],
)  # fmt: skip
def test_a_khmer_speech_word_is_matched_on_whole_clusters(text: str, found: bool) -> None:
    assert bool(re.search(cluster_bounded("ថា"), normalise(text).text)) is found


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        # The institution's spokesman stated that ...: the words after the real "ថា".
        ("អ្នកនាំពាក្យស្ថាប័ន បានបញ្ជាក់ថា ត្រូវពង្រីកការព្យាបាលតាមសហគមន៍",
         "ត្រូវពង្រីកការព្យាបាលតាមសហគមន៍"),
        ("គ្រឹះស្ថានសិក្សាទាំងអស់ ត្រូវបង្កើតក្លឹបអប់រំ", "គ្រឹះស្ថានសិក្សាទាំងអស់ ត្រូវបង្កើតក្លឹបអប់រំ"),
        ("លោកបានថ្លែងថា មណ្ឌលពេញហើយ", "មណ្ឌលពេញហើយ"),
        # "that" glued to the next word after a verb of thought (suspected of selling) closes
        # no speaker's words: the list item whole.
        ("២. សាលាត្រូវពិនិត្យហាងដែលសង្ស័យថាលក់គ្រឿងញៀន", "២. សាលាត្រូវពិនិត្យហាងដែលសង្ស័យថាលក់គ្រឿងញៀន"),
    ],
)  # fmt: skip
def test_khmer_said_words_split_only_on_a_whole_that(quote: str, said: str) -> None:
    assert said_words(quote, None) == said


# A notice's appeal under its letterhead: the page's own body, its reason naming the appeal's
# "សូម" (please) as the words that told it (stop 49: said by a flag, not a word put in place of
# the speaker).
def test_a_notice_appeal_names_its_page_body_and_its_please() -> None:
    text = ("ប៉ុស្តិ៍នគរបាលរដ្ឋបាលឃុំស្រែអំបិល\nសេចក្តីជូនដំណឹង\n\n"
            "សូមបងប្អូនប្រជាពលរដ្ឋ ជួយរាយការណ៍ពីការលក់គ្រឿងញៀននៅក្នុងភូមិ។\n")  # fmt: skip
    (row,) = _statements(text)
    assert "('សូម' alone: the page's own body)" in row.why["actor_id"]
    assert row.record["actor_id"] is not None
