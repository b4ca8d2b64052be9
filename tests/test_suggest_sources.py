"""Round twenty-two (issue 23): who a figure belongs to when no one is quoted for it (a body the
sentence says recorded, reported or counted it; whose figures or data show it; the one body an
article's source line names), and Khmer measures matched to a curated proposal by its Khmer name
(a numbered list under a lead-in, a stand that names its measure, an answer to a question that
names it). Articles are our own words; the Khmer is by a non-native author, needs native review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from curation.suggest.figure_source import source_in_sentence
from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")
PUBLISHED = dt.date(2024, 3, 20)


def _figure_actors(text: str, title: str = "Drug figures") -> dict[str, str | None]:
    _, rows = draft_rows(text, title, "t", PUBLISHED, CURATED)
    return {
        str(r.words): r.record.get("actor_id")
        for r in rows
        if r.kind == "indicators" and getattr(r, "status", "") != "offered"
    }


@pytest.mark.parametrize(
    ("before", "body"),
    [
        ("The NACD recorded ", "NACD"),
        ("In 2021, the NACD reported, ", "NACD"),
        ("The General Department of Prisons reported that prisons held ", "General Department of Prisons"),
        ("National Police figures show some ", "National Police"),
        ("Government figures for 2020 show ", "Government"),
        ("Figures from the Ministry of Health show that ", "Ministry of Health"),
        ("By the Anti-Drug Police Department's count, ", "Anti-Drug Police Department"),
        # The last body named is the one whose count it is.
        ("The ministry said the NACD counted ", "NACD"),
        # Who made the arrests is not who counted them; a person's count is a speaker's.
        ("Police in Kampot arrested ", None),
        ("The National Police seized ", None),
    ],
)  # fmt: skip
def test_the_body_a_sentence_says_counted_a_figure(before, body) -> None:
    assert source_in_sentence(before) == body


@pytest.mark.parametrize(
    ("text", "words", "actor"),
    [
        # A curated body as the subject that records the count.
        ("The NACD recorded 7,850 drug cases in 2023.", "7,850", "nacd"),
        # A curated body by its full name, whose figures show it.
        ("Figures from the Ministry of Health show 1,240 people were treated in health centres "
         "last year.", "1,240", "ministry-of-health"),
        # A body the codebook lacks, named as one (two words and a body's head noun): a new one.
        ("National Police figures show some 6,300 people were arrested from January to August.",
         "some 6,300", "national-police"),
        # The acronym inside an unnamed source phrase.
        ("Some 5,100 people were treated in 2022, according to NACD figures.", "Some 5,100", "nacd"),
        # The closing clause names whose figures they are.
        ("Some 3,900 people were treated in health centres in 2022, NACD figures show.",
         "Some 3,900", "nacd"),
        # Who arrested is not who counted: left blank.
        ("Police in Takeo arrested 212 people on drug charges in March.", "212", None),
        ("Officials recorded 300 arrests in the province in March.", "300", None),
        # A ministry's lower-case unit counted, not the ministry: left blank, not the ministry
        # (its anti-drug department, printed so, is a body of corpus/body_names.yaml since
        # round twenty-three: tests/test_suggest_according.py).
        ("Arrests rose 19 percent in 2019, the Interior Ministry's drug unit said.",
         "19 percent", None),
    ],
)  # fmt: skip
def test_a_figures_body_from_its_own_sentence(text, words, actor) -> None:
    assert _figure_actors(text)[words] == actor


_LINE_STORY = (
    "Arrests by the year\n\n"
    "Police arrested 15,100 people in 2022 and 17,900 in 2023.\n\n"
    "Arrests in 2023 were about 18 percent higher than in 2022, by our calculation.\n\n"
)


@pytest.mark.parametrize(
    ("line", "actor"),
    [
        # One body for the figures, in documents it issued: the figures naming no source.
        ("Sources: NACD annual reports 2022-2023; interviews.", "nacd"),
        ("Methodology: figures are the NACD's own, rounded as published.", "nacd"),
        # Two bodies: the line does not say whose each figure is.
        ("Sources: NACD annual reports; Ministry of Health; our reporting.", None),
        # An outlet the copy came from, no document named: not the figures' source.
        ("Source: Agency Kampuchea Press", None),
    ],
)
def test_an_articles_source_line_names_the_body_of_its_figures(line, actor) -> None:
    actors = _figure_actors(f"{_LINE_STORY}{line}\n")
    assert actors["15,100"] == actor
    # The article's own sums are never the source line's body.
    assert actors["about 18 percent"] is None


def _measures(text: str) -> list[tuple[str, str | None, str | None]]:
    _, rows = draft_rows(text, text.splitlines()[0], "t", PUBLISHED, CURATED)
    return [
        (r.kind, r.record.get("policy_id") if r.kind == "positions" else None,
         r.record.get("position"))
        for r in rows
        if r.kind in ("policies", "positions")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # A lead-in ending "៖" (we respectfully ask the government:), then numbered items: the
        # item that is a curated proposal is a position on it, the other a new proposal.
        ("អង្គការសុខភាពយុវជន\n\nអង្គការយើងសូមគោរពស្នើដល់រាជរដ្ឋាភិបាល៖\n"
         "១. ពង្រីកការព្យាបាលគ្រឿងញៀនផ្អែកលើសហគមន៍ ឲ្យដល់គ្រប់ស្រុកទូទាំងប្រទេស\n"
         "២. បង្កើតខ្សែទូរស័ព្ទជំនួយឥតគិតថ្លៃសម្រាប់គ្រួសារអ្នកញៀន\n",
         [("positions", "expand-community-treatment", "supports"), ("policies", None, None)]),
        # A stand that names the measure in its own words (the governor supported expanding
        # community-based treatment nationwide).
        ("ព័ត៌មានខេត្ត\n\nលោកអភិបាលខេត្តបានគាំទ្រការពង្រីកការព្យាបាលគ្រឿងញៀនផ្អែកលើសហគមន៍"
         "ទូទាំងប្រទេស នៅឆ្នាំក្រោយ។\n",
         [("positions", "expand-community-treatment", "supports")]),
        # An answer to a question that names the measure: the question asks, the answer stands.
        ("សម្ភាសន៍\n\nសំណួរ៖ លោកគាំទ្រការពង្រីកការព្យាបាលគ្រឿងញៀនផ្អែកលើសហគមន៍"
         "ទូទាំងប្រទេសដែរឬទេ?\n\nចម្លើយ៖ ខ្ញុំគាំទ្រទាំងស្រុង។\n",
         [("positions", "expand-community-treatment", "supports")]),
        # "against" inside the NACD's name takes no stand; a stand on words no curated proposal
        # is gives nothing.
        ("ព័ត៌មាន\n\nអាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងនឹងគ្រឿងញៀនបានរៀបចំវគ្គបណ្តុះបណ្តាលសម្រាប់គ្រូពេទ្យ"
         "នៅមណ្ឌលសុខភាព។\n\nលោកបានគាំទ្រការបើកសាលារៀនថ្មីនៅភូមិ។\n", []),
        # A numbered list under a line that puts nothing forward (the results:) is no list of
        # measures.
        ("របាយការណ៍\n\nលទ្ធផលការងារ៖\n១. ពង្រីកការព្យាបាលគ្រឿងញៀនផ្អែកលើសហគមន៍ទូទាំងប្រទេស\n", []),
    ],
)  # fmt: skip
def test_khmer_measures_and_a_curated_proposals_khmer_name(text, want) -> None:
    assert _measures(text) == want


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # "recommend that A, and that B": two measures, the present tense too.
        ("The reviewers recommend that the ministry pay the volunteers' stipends, and that a "
         "second clinic be opened in the north.", 2),
        ("We recommend that patients be allowed to take doses home for a week.", 1),
        # "would also ask X to ...": the adverb between the auxiliary and the verb.
        ("He said the government would also ask the provinces to publish their treatment "
         "figures every quarter.", 1),
        ("We also ask the National Police to publish each year how many people it refers to "
         "treatment.", 1),
        # A modal's subject after "that" when the speech verb is far before it.
        ("The commissioner told a meeting of district police chiefs on Monday that courts "
         "should fast-track small possession cases.", 1),
        # "would start publishing ...": a measure a body takes.
        ("He said the authority would start publishing its monthly arrests as a table.", 1),
        # Controls: a recommendation with no "that", a trial that starts, a request of people.
        ("Doctors recommend rest and water.", 0),
        ("He said the trial would start next week.", 0),
        ("We also ask readers to send us their letters.", 0),
    ],
)  # fmt: skip
def test_english_measures_put_forward(text, n) -> None:
    assert len([m for m in _measures(f"Proposals\n\n{text}\n") if m[0] == "policies"]) == n


@pytest.mark.parametrize(
    ("line", "actor"),
    [
        # A ticker's line opens with the curated NACD's Khmer name, then "៖".
        ("អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងនឹងគ្រឿងញៀន៖ ឆ្នាំ២០២៣ សមត្ថកិច្ចឃាត់ខ្លួនជនសង្ស័យ ២២ ៤១៥នាក់", "nacd"),
        # A dateline before "៖" is no body.
        ("(ភ្នំពេញ)៖ ឆ្នាំ២០២៣ សមត្ថកិច្ចឃាត់ខ្លួនជនសង្ស័យ ២២ ៤១៥នាក់", None),
    ],
)  # fmt: skip
def test_a_khmer_lines_label_names_the_body_of_its_figures(line, actor) -> None:
    _, rows = draft_rows(f"ព័ត៌មានថ្មីៗ\n\n{line}\n", "ព័ត៌មានថ្មីៗ", "t", PUBLISHED, CURATED)
    figures = [r for r in rows if r.kind == "indicators"]
    assert figures and {r.record.get("actor_id") for r in figures} == {actor}
