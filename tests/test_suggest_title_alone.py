"""Round thirty-seven (issue 23, draft37c): a Khmer statement that puts a measure forward with
a title standing alone as its subject ("ឯកឧត្តមបានណែនាំឲ្យ ...", His Excellency advised ...)
and no speaker read is the person the article named before with that title; "លោក" (he) is any
man named with a title, never a woman; no one named before: blank. Sentences are our own (the
Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.khmer import normalise
from curation.suggest.title_alone import named_before, title_alone, titled_subject
from tests.drafted import speaker_of

_HEAD = "ព័ត៌មានខេត្ត\n\n"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # His Excellency named at the ceremony, then "His Excellency advised the department to".
        (
            _HEAD + "ពិធីនេះធ្វើឡើងក្រោមអធិបតីភាពឯកឧត្តម ម៉ម សុវណ្ណ អនុប្រធានអាជ្ញាធរជាតិ។ "
            "ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាលខេត្ត បើកសេវាព្យាបាលនៅគ្រប់មណ្ឌលសុខភាព។",
            "ឯកឧត្តមបានណែនាំ",
            "ម៉ម សុវណ្ណ",
        ),
        # The same, zero-width spaces between the words as news sites print them.
        (
            _HEAD + "ឯកឧត្តម ឈួន សុផល បានអញ្ជើញចូលរួមក្នុងពិធី។ "
            "ឯកឧត្តម\u200bបាន\u200bណែនាំ\u200bឲ្យ\u200bមន្ទីរ\u200bសុខាភិបាល បង្កើនការតាមដានអ្នកព្យាបាល។",
            "ឯកឧត្តមបានណែនាំ",
            "ឈួន សុផល",
        ),
        # "He advised the commune chiefs to": a man named with a rank before.
        (
            _HEAD + "លោកវរសេនីយ៍ឯក ម៉ែន វិបុល បានដឹកនាំកិច្ចប្រជុំ។ "
            "លោកបានណែនាំឲ្យមេឃុំ មេភូមិ ចុះពិនិត្យគ្រួសារដែលមានកូនញៀន។",
            "លោកបានណែនាំ",
            "ម៉ែន វិបុល",
        ),
        # "He" after a man named as His Excellency and a woman named later: the man.
        (
            _HEAD + "ឯកឧត្តម ស សុវណ្ណ បានថ្លែងក្នុងពិធី។ លោកស្រី ចាន់ ធីតា បានចូលរួមផងដែរ។ "
            "លោកក៏បានណែនាំឲ្យអាជ្ញាធរខេត្តពង្រឹងការល្បាតនៅតាមភូមិ។",
            "លោកក៏បានណែនាំ",
            "ស សុវណ្ណ",
        ),
        # "Mrs" after a woman named before: her.
        (
            _HEAD + "លោកស្រី ចាន់ ធីតា ប្រធានមណ្ឌល បានចូលរួម។ លោកស្រីបានណែនាំឲ្យគ្រួសារ នាំកូនមកព្យាបាលនៅមណ្ឌលសុខភាព។",
            "លោកស្រីបានណែនាំ",
            "ចាន់ ធីតា",
        ),
        # Nobody named with a title before: blank.
        (
            _HEAD + "កិច្ចប្រជុំនេះធ្វើឡើងនៅសាលាខេត្ត។ "
            "ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាលខេត្ត បើកសេវាព្យាបាលនៅគ្រប់មណ្ឌលសុខភាព។",
            "ឯកឧត្តមបានណែនាំ",
            None,
        ),
        # A titled name opening the sentence that puts the measure forward: its subject.
        (
            _HEAD + "ការប្រជុំនេះធ្វើឡើងនៅស្នងការដ្ឋាន។ លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល ស្នងការនគរបាលខេត្ត "
            "បានណែនាំឲ្យអធិការដ្ឋានទាំង ៨ បង្កើនការល្បាតនៅពេលយប់។",
            "លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល",
            "ស៊ុន វិបុល",
        ),
        # Only a woman named before "he": blank.
        (
            _HEAD + "លោកស្រី ចាន់ ធីតា បានចូលរួមក្នុងពិធី។ លោកបានណែនាំឲ្យមេឃុំ មេភូមិ ចុះពិនិត្យគ្រួសារដែលមានកូនញៀន។",
            "លោកបានណែនាំ",
            None,
        ),
    ],
)
def test_a_title_alone_is_the_person_named_before(
    text: str, opening: str, speaker: str | None
) -> None:
    who, why = speaker_of(text, opening, dt.date(2024, 6, 26))
    assert who == speaker
    if speaker:
        assert why.startswith("60%") or " = " in why  # a new person as printed, or curated


@pytest.mark.parametrize(
    ("quote", "title"),
    [
        ("ឯកឧត្តមបានណែនាំឲ្យមន្ទីរសុខាភិបាល", "ឯកឧត្តម"),
        ("លោកក៏បានស្នើឲ្យអាជ្ញាធរ", "លោក"),
        ("ឯកឧត្តម\u200bបាន\u200bណែនាំ", "ឯកឧត្តម"),
        # A title with a name after it names its speaker itself: not alone.
        ("ឯកឧត្តម ម៉ម សុវណ្ណ បានណែនាំឲ្យ", None),
        # An office after the title is title_holder's (round thirty-six), not this rule's.
        ("លោកអភិបាលរងបានស្នើឲ្យ", None),
        ("ក្រសួងបានណែនាំឲ្យ", None),
    ],
)
def test_which_openings_are_a_title_alone(quote: str, title: str | None) -> None:
    assert title_alone(quote) == (normalise(title).text if title else None)


@pytest.mark.parametrize(
    ("alone", "before", "name"),
    [
        ("ឯកឧត្តម", "ឯកឧត្តម ម៉ម សុវណ្ណ បានមក។ លោក សុខ ដារ៉ា បានមក។", "ម៉ម សុវណ្ណ"),
        ("លោក", "ឯកឧត្តម ម៉ម សុវណ្ណ បានមក។ លោក សុខ ដារ៉ា បានមក។", "សុខ ដារ៉ា"),
        ("លោក", "ឯកឧត្តមឧបនាយករដ្ឋមន្ត្រី ស សុខា បានមក។", "ស សុខា"),
        ("លោក", "លោកស្រី ចាន់ ធីតា បានមក។", None),
        ("ឯកឧត្តម", "លោក សុខ ដារ៉ា បានមក។", None),
        # An office after the title is no name.
        ("លោក", "លោក អភិបាលរងខេត្ត បានមក។", None),
    ],
)
def test_the_person_a_title_refers_back_to(alone: str, before: str, name: str | None) -> None:
    assert named_before(normalise(alone).text, before) == name


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        ("លោកឧត្តមសេនីយ៍ត្រី ស៊ុន វិបុល ស្នងការនគរបាលខេត្ត បានណែនាំឲ្យ", "ស៊ុន វិបុល"),
        ("ឯកឧត្តម ម៉ម សុវណ្ណ បានស្នើឲ្យ", "ម៉ម សុវណ្ណ"),
        # An office after the title, no name: none.
        ("លោក អភិបាលរងខេត្ត បានស្នើឲ្យ", None),
        # The name later in the sentence: not its opening subject.
        ("ក្រសួងបានស្នើតាមរយៈលោក ម៉ម សុវណ្ណ", None),
    ],
)
def test_the_titled_name_a_statement_opens_on(quote: str, name: str | None) -> None:
    assert titled_subject(quote) == name
