"""Round seventeen (issue 23): who speaks when no "X said" names them. An opinion column's
first person and its own "should" are its one named author (byline or closing line); a speech
text's first person is the person its heading says delivers it; "the statement said" is the
curated body whose statement the article named; a source kept anonymous behind a long
description still speaks; "We support ..." on an organisation's page is a statement. Every
article below is our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows
from curation.suggest.unnamed import named_speaker

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
DAY = dt.date(2024, 6, 1)


def _statements(text: str, title: str | None = None) -> list:
    _, rows = draft_rows(text, title, "t", DAY, CURATED)
    return [r for r in rows if r.kind == "statements"]


def _speaker_of(text: str, opening: str, title: str | None = None) -> str | None:
    found = [r for r in _statements(text, title) if str(r.record["quote"]).startswith(opening)]
    assert found, f"no statement opens {opening!r}"
    return named_speaker(found[0])


@pytest.mark.parametrize(
    ("text", "opening", "actor"),
    [
        # A byline "NAME / Outlet" over the column: its "should" is the author's.
        ("Opinion: Clinics before cells\n\nMeng Dara / Khmer Times\n\nThe campaign has filled "
         "the prisons.\n\nThe ministry should move a tenth of its budget to health centres in "
         "every district.", "The ministry should move", "meng-dara"),
        # A byline with a title and the date after a bar.
        ("OPINION\nWhy the numbers matter\nDr Chan Bopha | March 3, 2023\n\nArrests tell us "
         "little.\n\nThe authority should publish its figures for every province each month.",
         "The authority should publish", "chan-bopha"),
        # The closing line names the author; her first person is hers.
        ("Opinion\nEight years of raids\n\nThe campaign began in 2017.\n\nI would therefore "
         "propose that each commune keep a register of people who ask for treatment.\n\nPen "
         "Malis is a nurse in Kampot. The views expressed are her own.", "I would therefore",
         "pen-malis"),
        # An editorial board is no person: the page's own voice stays unnamed.
        ("EDITORIAL\nTreatment first\nThe views below are those of our editorial board.\n\nThe "
         "government should open a clinic in every district before it builds more cells.",
         "The government should open", None),
    ],
)  # fmt: skip
def test_an_opinion_column_speaks_in_its_one_authors_name(
    text: str, opening: str, actor: str | None
) -> None:
    assert _speaker_of(text, opening, text.splitlines()[0]) == actor


@pytest.mark.parametrize(
    ("text", "opening", "actor"),
    [
        # The heading says who delivers the speech; "I propose" and "I agree" are his.
        ("Speeches\nAddress by Samdech Krolahom Sar Kheng at the Review of the Campaign\n"
         "Delivered on 6 April 2017\n\nGood morning. I agree with the police chief that users "
         "must be kept apart from other prisoners.\n\nTherefore I propose that every province "
         "open a treatment centre before June.", "I agree with", "sar-kheng"),
        # A quotation the speaker repeats is someone else's words, never his own.
        ("Speeches\nAddress by Samdech Krolahom Sar Kheng at the Review of the Campaign\n\n"
         'Good morning. A mother told me last week, "My son came home thinner and nobody '
         'treated him at all." I repeat her words so that nobody forgets them.',
         "My son came home", None),
    ],
)  # fmt: skip
def test_a_speech_texts_first_person_is_the_speaker_its_heading_names(
    text: str, opening: str, actor: str | None
) -> None:
    assert _speaker_of(text, opening, text.splitlines()[0]) == actor


@pytest.mark.parametrize(
    ("text", "opening", "actor"),
    [
        # The body that agreed is the one whose statement it is.
        ("The National Authority for Combating Drugs (NACD) on Monday agreed to set up testing "
         "posts at three border crossings, according to a statement issued after the meeting.",
         "The National Authority", "nacd"),
        # "According to the statement" later: the curated body that issued the one named before.
        ("The Ministry of Health on Friday issued a statement on treatment in 2023. According to "
         "the statement, health centres would stop turning away people who come on their own.",
         "According to the statement", "ministry-of-health"),
        # A body the codebook lacks: its statement's words are left unattributed (a new body
        # of that kind was never measured on unseen articles).
        ("The Kampot Women's Shelter Network on Friday issued a statement on its work. According "
         "to the statement, families waited months for a place at a clinic.",
         "According to the statement", None),
    ],
)  # fmt: skip
def test_a_document_speaks_for_the_curated_body_that_issued_it(
    text: str, opening: str, actor: str | None
) -> None:
    assert _speaker_of(text, opening) == actor


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # A description, then "and asked not to be named", then the verb.
        ("A lawyer who defends drug suspects in Kandal, and asked not to be named to protect "
         "his clients, said most of them wait a year for a hearing.", "A lawyer who defends"),
        ("A journalist for a radio station in Takeo, who asked that his name not be used, said "
         "officers had made him delete his photographs twice.", "A journalist for a radio"),
        # An organisation's own page: its stand in the first person.
        ("How we work\n\nWe believe people who use drugs should be treated near their homes, "
         "not held in centres.", "We believe people"),
        ("How we work\n\nWe support the ministry's plan to train a nurse in every health "
         "centre of the province.", "We support the ministry"),
    ],
)  # fmt: skip
def test_a_described_source_and_a_pages_own_stand_are_statements(text: str, opening: str) -> None:
    found = [r for r in _statements(text) if str(r.record["quote"]).startswith(opening)]
    assert found and named_speaker(found[0]) is None


def test_he_after_a_source_kept_anonymous_is_that_source() -> None:
    # "he told" after a delegate who asked not to be named: the delegate, not the minister
    # named two paragraphs before (only a person asks not to be named).
    text = (
        "Deputy Prime Minister Ke Kim Yan said Cambodia would share seizure data with its "
        "neighbours.\n\nA Thai delegate, who asked not to be named because he was not authorised "
        "to speak, said traffickers were moving their routes east.\n\n"
        '"When one road closes, they simply take the next one," he told reporters.'
    )
    assert _speaker_of(text, "When one road closes") is None


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # A body that acts for the state asks for something, no addressee named.
        ("She said the centre plans to open a bakery for women next year, and that the ministry "
         "has asked for a budget to build a second clinic.", "A budget to build a second clinic"),
    ],
)  # fmt: skip
def test_what_a_body_asks_for_is_a_measure(text: str, measure: str) -> None:
    _, rows = draft_rows(text, None, "t", DAY, CURATED)
    names = [r.record.get("name") for r in rows if r.kind == "policies"]
    assert measure in names


@pytest.mark.parametrize(
    "text",
    [
        # "asked for the same" names no measure of its own; a group's request is no body's.
        "Rights groups have asked for the same for years.",
        "We asked for lights in March and again in May, the villagers said.",
    ],
)
def test_a_request_that_is_no_measure_gives_none(text: str) -> None:
    _, rows = draft_rows(text, None, "t", DAY, CURATED)
    assert not [r for r in rows if r.kind == "policies"]


@pytest.mark.parametrize(
    "text",
    [
        # "criticised that", "considers that", "did support" (Khmer by a non-native author).
        "អង្គការសិទ្ធិមនុស្សមួយចំនួនបានរិះគន់ថា មណ្ឌលស្តារនីតិសម្បទាមិនមានគ្រូពេទ្យគ្រប់គ្រាន់ទេ។",
        "អង្គការយល់ឃើញថា ការឃាត់ខ្លួនអ្នកប្រើប្រាស់គ្រឿងញៀនមិនមែនជាដំណោះស្រាយទេ។",
        "លោក សុខ ដារ៉ា បានគាំទ្រការពង្រីកការព្យាបាលនៅមណ្ឌលសុខភាព។",
    ],
)
def test_a_khmer_stand_is_a_statement(text: str) -> None:
    assert _statements(text)


@pytest.mark.parametrize(
    ("text", "opening", "actor"),
    [
        # A country and three titles before the name, then two relative clauses.
        ("Cambodia's Deputy Prime Minister Ke Kim Yan, who is also chairman of the National "
         "Authority for Combating Drugs and has led the kingdom's delegation to every regional "
         "meeting since the first one was held, told the meeting on Wednesday that arrests had "
         "changed the picture at home.", "Cambodia's Deputy Prime Minister", "ke-kim-yan"),
        # A country's office, no name: an unnamed source.
        ("Laos's deputy minister of public security said his country backed a joint watch on "
         "the river.", "Laos's deputy minister", None),
    ],
)  # fmt: skip
def test_a_speaker_behind_a_countrys_possessive(text: str, opening: str, actor: str | None) -> None:
    assert _speaker_of(text, opening) == actor


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # A timeline's new entry: its "the new prime minister" is no interior minister, and
        # its quotation no one the entries before it named.
        ("Feb. 23, 2022 — Interior Minister Sar Kheng proposes a correction centre in every "
         "province.\nAug. 22, 2023 — A new government takes office. Days later the new prime "
         'minister tells officials that "traffickers must find nowhere to hide in Cambodia." '
         "He added that users would be treated rather than jailed.", "traffickers must find"),
    ],
)  # fmt: skip
def test_a_timeline_entry_carries_no_speaker_from_the_entry_before(text: str, opening: str) -> None:
    assert _speaker_of(text, opening) is None


def test_she_after_someones_kin_is_that_kin_unnamed() -> None:
    # "she said" after a paragraph opened by someone's mother: the mother, not the rights
    # worker quoted before her.
    text = (
        "Am Sam Ath, monitoring manager at the rights group Licadho, said a few months could not "
        "undo years of drug use.\n\nDara's mother, a fish seller in Kandal, put it more simply. "
        '"He eats at home with us every evening now," she said.'
    )
    assert _speaker_of(text, "He eats at home") is None


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # Scare quotes around a word or two leave a sentence reported speech.
        ('The report proposes opening treatment services in every health centre, and '
         'recommends that the authority refer "light" users to them.', "The report proposes"),
        ('Meas Vyrith said the centres were for treatment. But he rejected the word "detention".',
         "But he rejected"),
    ],
)  # fmt: skip
def test_scare_quotes_leave_a_sentence_reported_speech(text: str, opening: str) -> None:
    assert [r for r in _statements(text) if str(r.record["quote"]).startswith(opening)]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # A name the article says is not the source's own: an unnamed source, wherever it speaks.
        ('"Nobody called the police, I came on my own," says Sokha (not his real name), a client '
         "since 2020.", "Nobody called the police"),
        ("The clinic's manager, Keo Ratha, opens at seven. One of the men waiting, a former "
         "driver who gave only his nickname, Pov, said he had been sent to a centre twice.\n\n"
         '"The centre was like a prison. Here nobody shouts at me," he said.', "The centre was"),
    ],
)  # fmt: skip
def test_a_name_that_is_not_the_sources_own_keeps_the_source_unnamed(
    text: str, opening: str
) -> None:
    found = [r for r in _statements(text) if str(r.record["quote"]).startswith(opening)]
    assert found and named_speaker(found[0]) is None
    assert any(n.startswith("speaker (unnamed)") for n in found[0].notes)


def test_a_province_after_a_speech_verb_is_no_speaker() -> None:
    # "added cells in Kandal": "added" is a verb of speech, but Kandal is a province, not the
    # person answering; the answer is the labelled speaker's.
    text = (
        "Q&A: the prisons department answers\n\nWe sent written questions to the department; "
        "its replies were signed by deputy director Keo Dara.\n\nQ: Are the prisons full?\n\n"
        "KEO DARA: We have added cells in Kandal, Kampong Cham and Takeo since 2019, but "
        "building has not kept pace with arrests."
    )
    assert _speaker_of(text, "We have added cells", text.splitlines()[0]) == "keo-dara"
