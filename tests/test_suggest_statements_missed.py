"""Round thirty-one (issue 23): statements the drafts missed, by the sentence's structure. Each
item of a list that puts a measure forward is a statement of the list's speaker, and the lead-in
that only frames the list is none (the keys' convention C3); a sentence of counts is a statement
too when a claim or a judgement stands outside its speech verb's own clause (C1); "recommends
that the Government:" names whom the words ask, never who speaks. The pages are our own words
(the Khmer by a non-native author)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from curation.suggest.guess import curated_lists
from curation.suggest.records import draft_rows

CURATED = curated_lists(Path(__file__).resolve().parent.parent / "seeds")


def _statements(page: str) -> list[Any]:
    _, rows = draft_rows(page, page.splitlines()[0], "t", dt.date(2024, 6, 3), CURATED)
    return [r for r in rows if r.kind == "statements"]


def _said(page: str, words: str) -> bool:
    """Whether a statement was drafted whose quote holds ``words``."""
    return any(words in str(r.record["quote"]) for r in _statements(page))


LIST_PAGE = (
    "Joint statement on treatment\n\n"
    "Our groups have visited the country's treatment centres for six years.\n\n"
    "We ask the Ministry of Health to:\n"
    "1. Open a drug clinic in every district hospital by 2026;\n"
    "2. Train two counsellors for each health centre that treats people who use drugs.\n\n"
    "The ministry did not answer our letter.\n"
)
LETTERED_PAGE = (
    "Summary of the committee's findings\n\n"
    "4. The committee heard from the prison department and from four provincial governors.\n\n"
    "5. The committee recommends that the Royal Government:\n"
    "(a) fund community-based treatment in every province from next year;\n"
    "(b) publish the number of people held in each centre every quarter.\n"
)
KHMER_LIST_PAGE = (
    "សេចក្តីប្រកាសព័ត៌មាន\n\n"
    "សមាគមយើងបានជួបអ្នកប្រើប្រាស់គ្រឿងញៀនជាច្រើននាក់ក្នុងឆ្នាំនេះ។\n\n"
    "ហេតុនេះ សមាគមសូមស្នើដល់ក្រសួងសុខាភិបាល៖\n"
    "១. បើកសេវាព្យាបាលអ្នកញៀននៅមណ្ឌលសុខភាពគ្រប់ស្រុក ក្នុងឆ្នាំក្រោយ។\n"
    "២. បណ្តុះបណ្តាលគិលានុបដ្ឋាកពីរនាក់ សម្រាប់មណ្ឌលសុខភាពនីមួយៗ។\n"
)
KHMER_HEADING_PAGE = (
    "របាយការណ៍ប្រចាំឆ្នាំ\n\n"
    "ក្នុងឆ្នាំនេះ មណ្ឌលសុខភាពបានទទួលអ្នកជំងឺច្រើនជាងឆ្នាំមុន។\n\n"
    "អនុសាសន៍\n"
    "- បង្កើតប្រព័ន្ធទិន្នន័យអ្នកជំងឺរួមមួយ រវាងមណ្ឌលសុខភាព និងមន្ទីរពេទ្យខេត្ត។\n"
)
PROSE_PARAGRAPHS = (
    "End-of-visit statement\n\n"
    "6. I met families in three provinces, and they told me the same story.\n\n"
    "7. I will present my full report to the council in September next year.\n"
)


@pytest.mark.parametrize(
    ("what", "page", "words", "drafted"),
    [
        ("an English numbered item under 'We ask ... to:'", LIST_PAGE,
         "Open a drug clinic in every district hospital", True),
        ("its second item", LIST_PAGE, "Train two counsellors", True),
        ("the lead-in that only frames the list", LIST_PAGE, "We ask the Ministry of Health to:",
         False),
        ("a lettered item under 'recommends that the Royal Government:'", LETTERED_PAGE,
         "fund community-based treatment in every province", True),
        ("the lettered list's lead-in", LETTERED_PAGE, "The committee recommends", False),
        ("a Khmer numbered item under a lead-in ending on '៖'", KHMER_LIST_PAGE,
         "បើកសេវាព្យាបាលអ្នកញៀននៅមណ្ឌលសុខភាពគ្រប់ស្រុក", True),
        ("the Khmer lead-in", KHMER_LIST_PAGE, "សមាគមសូមស្នើដល់ក្រសួងសុខាភិបាល", False),
        ("a Khmer item under a heading ('recommendations')", KHMER_HEADING_PAGE,
         "បង្កើតប្រព័ន្ធទិន្នន័យអ្នកជំងឺរួមមួយ", True),
        ("a numbered paragraph of prose after a sentence is no list's item", PROSE_PARAGRAPHS,
         "I will present my full report", False),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 90 and "\n" not in v else "",
)  # fmt: skip
def test_a_list_of_measures_gives_its_items_as_statements(
    what: str, page: str, words: str, drafted: bool
) -> None:
    assert _said(page, words) is drafted, what


def test_an_item_statement_says_it_is_a_list_item() -> None:
    """The curator reads why a line with no speech verb became a statement."""
    (item,) = [r for r in _statements(LIST_PAGE) if "Open a drug clinic" in r.record["quote"]]
    assert item.record["kind"] == "reported"
    assert "a list's item that puts a measure forward" in item.why["kind"]


def test_whom_a_lead_in_asks_is_not_the_items_speaker() -> None:
    """ "The committee recommends that the Royal Government:": the government is asked, so it
    speaks no item (left blank rather than named wrongly)."""
    items = [r for r in _statements(LETTERED_PAGE) if r.record["quote"].startswith("(")]
    assert items, "the lettered items are statements"
    assert all(r.record["actor_id"] != "government-of-cambodia" for r in items)


@pytest.mark.parametrize(
    ("what", "sentence", "drafted"),
    [
        ("a claim before an inverted attribution, a count after it",
         "Officers who sell seized drugs will be dismissed at once, a senior police general "
         "warned on Friday, as the ministry put the year's arrests at 9,100.", True),
        ("a claim before 'NAME said, adding' and a count",
         "Most of the detainees were moved to a temporary ward, Colonel Heng Dara said, adding "
         "that the ward had 40 beds.", True),
        ("a judgement after the count: 'far too few'",
         "A health official, who was not allowed to speak publicly, said the province had "
         "trained 12 nurses since 2019, far too few for the people waiting.", True),
        ("a judgement after the count: 'fewer than hoped'",
         "Outreach workers met about 900 people in the first half of the year, fewer than "
         "hoped because of the floods, said Sok Dara, the project manager.", True),
        ("counts alone before the attribution",
         "Five of the suspects were Thai nationals, he said.", False),
        ("counts alone after 'said'; 'because' only explains the anonymity",
         "A court clerk, who asked not to be named because he was not allowed to speak, said "
         "the court had received 640 drug files this year.", False),
        ("a scene-setting clause, then counts",
         "When I visited the district prison in May, its director told me that more than half "
         "of its 1,300 inmates were held on drug charges.", False),
        ("the speaker's own description before the verb, then counts",
         "Colonel Chan Rith, who has led the provincial anti-drug bureau since it was set up, "
         "told reporters that 214 people had been arrested.", False),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 70 else "",
)  # fmt: skip
def test_counts_are_a_statement_only_when_a_claim_stands_beside_them(
    what: str, sentence: str, drafted: bool
) -> None:
    page = f"Drug cases in the province\n\nPHNOM PENH - {sentence}\n"
    opening = sentence.split(",")[0][:30]
    assert _said(page, opening) is drafted, what


@pytest.mark.parametrize(
    ("what", "page", "words", "drafted"),
    [
        ("counts, then the speaker after an inverted 'said': no claim",
         "Centres in the north\n\nThe centre was built for 300 people, said a staff member who "
         "asked not to be named because he was not allowed to talk to the press.\n",
         "The centre was built for 300 people", False),
        ("a name and a role before 'said': what follows is the claim",
         "Port seizures\n\nHeng Dara, a customs spokesman, said traffickers were now using "
         "smaller ports, and 120 kg were found last month.\n",
         "Heng Dara, a customs spokesman", True),
        ("a Khmer share in words ('about half of them') is a count, no claim",
         "មណ្ឌលសុខភាព\n\nលោក សុខ ដារា ប្រធានមណ្ឌលសុខភាពឃុំ បានឲ្យដឹងថា មណ្ឌលបានទទួលអ្នកប្រើប្រាស់ "
         "១២០នាក់ ក្នុងឆ្នាំនេះ។\n\nលោកបន្តថា ប្រហែលពាក់កណ្តាលនៃពួកគេ នៅតែមកទទួលការព្យាបាលជាប្រចាំ។\n",
         "ប្រហែលពាក់កណ្តាលនៃពួកគេ", False),
        ("a Khmer claim beside a count stays a statement",
         "មណ្ឌលសុខភាព\n\nលោក សុខ ដារា ប្រធានមណ្ឌលសុខភាពឃុំ បានឲ្យដឹងថា មណ្ឌលខ្វះគ្រូពេទ្យ និងថ្នាំពេទ្យ "
         "ហើយអ្នកជំងឺ ៣០នាក់ បានបោះបង់ការព្យាបាល។\n",
         "មណ្ឌលខ្វះគ្រូពេទ្យ", True),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 70 and "\n" not in v else "",
)  # fmt: skip
def test_a_sentence_of_counts_alone_is_no_statement(
    what: str, page: str, words: str, drafted: bool
) -> None:
    assert _said(page, words) is drafted, what


MINISTRY_HEAD = "ក្រសួងសុខាភិបាល\nរបាយការណ៍ប្រចាំឆ្នាំ២០២៣\n\nក្នុងឆ្នាំនេះ មណ្ឌលសុខភាពបានទទួលអ្នកជំងឺច្រើនជាងមុន។\n\n"
ITEM = "បង្កើតប្រព័ន្ធទិន្នន័យអ្នកជំងឺរួមមួយ រវាងមណ្ឌលសុខភាព និងមន្ទីរពេទ្យខេត្ត"


@pytest.mark.parametrize(
    ("what", "page", "speaker"),
    [
        ("a list under a heading on the ministry's own page: the ministry's words",
         f"{MINISTRY_HEAD}អនុសាសន៍\n- {ITEM}។\n", "ministry-of-health"),
        ("a lead-in in the ministry's voice ('the ministry recommends:')",
         f"{MINISTRY_HEAD}ក្រសួងសូមណែនាំដូចខាងក្រោម៖\n១. {ITEM}។\n", "ministry-of-health"),
        ("a lead-in with another body as its subject: not the page's",
         f"{MINISTRY_HEAD}មន្ទីរពេទ្យខេត្តសូមស្នើ៖\n១. {ITEM}។\n", None),
        ("the same heading on a page with no letterhead: blank",
         f"ព័ត៌មានសុខភាព\n\nក្នុងឆ្នាំនេះ មណ្ឌលសុខភាពបានទទួលអ្នកជំងឺច្រើនជាងមុន។\n\nអនុសាសន៍\n- {ITEM}។\n",
         None),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 80 and "\n" not in v else "",
)  # fmt: skip
def test_a_khmer_list_in_the_pages_own_voice_is_the_letterheads_body(
    what: str, page: str, speaker: str | None
) -> None:
    (item,) = [r for r in _statements(page) if ITEM in str(r.record["quote"])]
    assert item.record["actor_id"] == speaker, what
