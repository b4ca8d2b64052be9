"""Round thirty-one (issue 23): two offered classes of date split by the structure behind their wrong
dates on the blind sets, so that the part that was sure is filled and the rest stays offered. "as
of publication": an English count in the present tense with a word of now is filled; a Khmer
'បច្ចុប្បន្ន' (currently), wrong where an interview's answers were given on an earlier day, stays
offered (round thirty-five fills it but for an interview's answer). A Khmer "ក្នុងរយៈពេលដដែល" (in
the same period) is filled with the period of the count before it when that count's own period is
filled, else offered. "last year": filled when the sentence names no day and sets the count against
no other period; with a day beside it ("Last year's ceremony ... on June 26") or a comparison it
stays offered. And blanks given an offer: a count with no date in a Khmer report whose title names
the one period it covers ("... ប្រចាំខែកញ្ញា ឆ្នាំ២០២២") is offered that period (filled since round
thirty-five but for a stock), and a numbered section's heading dates the items under it. Sentences
are our own (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.confidence import date_class
from tests.drafted import figure

D = dt.date
NAMES = ("period_start", "period_end", "as_of")


@pytest.mark.parametrize(
    ("text", "published", "words", "dates", "filled"),
    [
        # A count in the present tense with "now": as of publication, filled.
        ("The provincial prison now holds about 2,300 inmates, officials said.", D(2022, 3, 9),
         "2,300", (None, None, D(2022, 3, 9)), True),
        # A capacity's past tense is not the count's: "now holds" places it at publication.
        ("The jail, which was built for 300 inmates, now holds more than 700, said a warden who "
         "was not allowed to speak to reporters.", D(2021, 4, 7), "700",
         (None, None, D(2021, 4, 7)), True),
        # A Khmer "currently" in an interview's answer: offered as of publication, never
        # filled (round thirty-five fills the rest: tests/test_suggest_dates_parts.py).
        ("លោក សុខ ជា៖ បច្ចុប្បន្ន មណ្ឌលនេះមានអ្នកកំពុងព្យាបាល ១២០នាក់។", D(2023, 7, 3), "១២០",
         (None, None, D(2023, 7, 3)), False),
        # "last year" with no other date but years: the year before publication, filled.
        ("Police arrested 4,500 people last year.", D(2022, 2, 1), "4,500",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), True),
        ("Last year the court heard 640 drug cases, up from 2019 when it heard 510.",
         D(2021, 5, 4), "640", (D(2020, 1, 1), D(2020, 12, 31), D(2020, 12, 31)), True),
        # "since last year" gives one end of the year only: never measured so, offered.
        ("Arrests have risen by 20 percent since last year, police said.", D(2022, 3, 9),
         "20 percent", (D(2021, 1, 1), None, None), False),
        # A Khmer "in the same period" after a count whose period is filled: filled (8 of 8
        # unseen)...
        ("ចាប់ពីខែមករា ដល់ខែមិថុនា ឆ្នាំ២០២៣ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០០នាក់។ "
         "ក្នុងរយៈពេលដដែល អ្នកញៀន ១២០នាក់ ត្រូវបានបញ្ជូនទៅព្យាបាល។", D(2023, 7, 10), "១២០",
         (D(2023, 1, 1), D(2023, 6, 30), D(2023, 6, 30)), True),
        # ... and offered after a count whose own period is only offered (a Khmer "last
        # year"; round thirty-three fills a Khmer month, which this row used before).
        ("ក្នុងឆ្នាំមុន សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០នាក់។ ក្នុងរយៈពេលដដែល "
         "អ្នកញៀន ១២នាក់ ត្រូវបានបញ្ជូនទៅព្យាបាល។", D(2022, 4, 5), "១២នាក់",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), False),
    ],
)  # fmt: skip
def test_a_sure_part_is_filled_and_the_rest_offered(text, published, words, dates, filled):
    row = figure(text, words, published)
    got = tuple(row.record[n] for n in NAMES)
    if filled:
        assert got == dates
        return
    assert got == (None, None, None)
    assert tuple(row.offers.get(n) for n in NAMES) == dates  # one click away


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("a count in the present tense: as of publication; present tense ('now'): as of "
         "publication, 2021-04-07", "a count in the present tense, a word of now"),
        ("'បច្ចុប្បន្ន' (currently): as of publication", "as of publication"),
        ("the words next to the figure ('last year'); the year 2021",
         "last year, no day or comparison in its sentence"),
        ("the nearest date in its clause ('Last year'); the year 2023; the year 2022; not the "
         "figure's date: the year 2022", "last year, no day or comparison in its sentence"),
        # A day in the sentence: the count may be that day's.
        ("the words next to the figure ('Last year'); the year 2022; 2022-06-26",
         "English next-to-figure words: a year told by its distance, alone"),
        ("the words next to the figure ('last year'); Monday before publication: 2019-03-11; "
         "the year 2018", "English next-to-figure words: a year told by its distance, alone"),
        # Set against another period: the year may be the comparison's.
        ("the words next to the figure ('last year'); the same quarter of 2019: a comparison; "
         "the year 2019", "English next-to-figure words: a year told by its distance, alone"),
        # Other distances stay in their class.
        ("the words next to the figure ('so far this year'); the year 2019",
         "English next-to-figure words: a year told by its distance, alone"),
        ("the words next to the figure ('the year before'); the year 2016",
         "English next-to-figure words: a year told by its distance, alone"),
    ],
)  # fmt: skip
def test_the_split_classes_by_their_reason(reason: str, kind: str) -> None:
    assert date_class(reason) == kind


# A Khmer monthly report: its title names the period it reports on; a numbered section's heading
# names its own. Our own page.
HEAD = (
    "ស្នងការដ្ឋាននគរបាលខេត្តតាកែវ\n"
    "របាយការណ៍លទ្ធផលបង្ក្រាបបទល្មើសគ្រឿងញៀន ប្រចាំខែកញ្ញា ឆ្នាំ២០២២\n"
    "ថ្ងៃចន្ទ ទី៣ ខែតុលា ឆ្នាំ២០២២\n\n"
)
BODY = (
    "សមត្ថកិច្ចបានបង្ក្រាបបទល្មើសគ្រឿងញៀនចំនួន ២២ករណី ក្នុងខែកញ្ញា ឆ្នាំ២០២២។\n"
    "ជនសង្ស័យ ១៨នាក់ ត្រូវបានបញ្ជូនទៅសាលាដំបូងខេត្ត។\n"
)
SECTION = "១. លទ្ធផលគិតចាប់ពីថ្ងៃទី១ ខែមករា ដល់ថ្ងៃទី៣០ ខែកញ្ញា ឆ្នាំ២០២២\n- ឃាត់ខ្លួនជនសង្ស័យ ៤១០នាក់។\n"
SEPTEMBER = (D(2022, 9, 1), D(2022, 9, 30), D(2022, 9, 30))


@pytest.mark.parametrize(
    ("text", "words", "offered"),
    [
        # A stock with no date of its own (people held): the title's period, offered, never
        # filled; a count of what happened is filled since round thirty-five
        # (tests/test_suggest_dates_parts.py).
        (
            HEAD
            + BODY.replace("ជនសង្ស័យ ១៨នាក់ ត្រូវបានបញ្ជូនទៅសាលាដំបូងខេត្ត", "អ្នកជាប់ឃុំ ១៨នាក់ នៅពន្ធនាគារខេត្ត"),
            "១៨នាក់",
            SEPTEMBER,
        ),
        # A title naming no period offers nothing of its own; since round thirty-four the dated
        # count before it lends its dates, offered (tests/test_suggest_dates_subclass.py) ...
        (HEAD.replace(" ប្រចាំខែកញ្ញា ឆ្នាំ២០២២", "") + BODY, "១៨នាក់", SEPTEMBER),
        # ... and with no dated count before it, nothing is offered.
        (
            HEAD.replace(" ប្រចាំខែកញ្ញា ឆ្នាំ២០២២", "") + BODY.replace(" ក្នុងខែកញ្ញា ឆ្នាំ២០២២", ""),
            "១៨នាក់",
            (None, None, None),
        ),
        # An item under a numbered section's heading takes the section's period, filled since
        # round thirty-three: tests/test_suggest_dates_training.py.
    ],
)
def test_a_report_titles_period_is_offered_to_its_undated_counts(text, words, offered):
    row = figure(text, words, D(2022, 10, 3))
    assert tuple(row.record[n] for n in NAMES) == (None, None, None)
    assert tuple(row.offers.get(n) for n in NAMES) == offered
