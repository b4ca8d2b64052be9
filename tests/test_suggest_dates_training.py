"""Round thirty-three (issue 23): a class of offered date right on every training set it was
offered on (corpus/confidence.yaml dates.training) is filled, whether the policy offered it or its
own rule did: a Khmer month alone in its sentence, a change on the same period a year before whose
count is in another sentence (English and Khmer), a Khmer bulletin's line under a heading that
names a period. The classes beside them that were wrong somewhere, or were not measured so, stay
offered. Sentences are our own (the Khmer by a non-native author: needs native review)."""

from __future__ import annotations

import datetime as dt

import pytest

from curation.suggest.confidence import offer_class, training_sure
from tests.drafted import figure

D = dt.date
NAMES = ("period_start", "period_end", "as_of")
MARCH_22 = (D(2022, 3, 1), D(2022, 3, 31), D(2022, 3, 31))
NINE_MONTHS = (D(2021, 1, 1), D(2021, 9, 30), D(2021, 9, 30))
HALF_23 = (D(2023, 1, 1), D(2023, 6, 30), D(2023, 6, 30))
MARCH_24 = (D(2024, 3, 1), D(2024, 3, 31), D(2024, 3, 31))
# A provincial police bulletin: its date line, then a lettered heading naming the month and the
# lines under it. Our own page, in Khmer and in English.
KHMER_BULLETIN = (
    "ស្នងការដ្ឋាននគរបាលខេត្តតាកែវ\nរបាយការណ៍លទ្ធផលការងារ\nថ្ងៃអង្គារ ទី២ ខែមេសា ឆ្នាំ២០២៤\n\n"
    "ក. លទ្ធផលក្នុងខែមីនា ឆ្នាំ២០២៤\n- សមត្ថកិច្ចបានបង្ក្រាបបទល្មើសគ្រឿងញៀនចំនួន ១៤ករណី។\n"
    "- អ្នកប្រើប្រាស់ ៧នាក់ ត្រូវបានបញ្ជូនទៅព្យាបាល។\n"
)
ENGLISH_BULLETIN = (
    "Takeo Provincial Police\nMonthly results\nTuesday, April 2, 2024\n\n"
    "A. Results in March 2024\n- Police cracked down on 14 drug cases.\n"
    "- 7 users were sent for treatment.\n"
)


@pytest.mark.parametrize(
    ("text", "published", "words", "dates", "filled"),
    [
        # A Khmer month alone in its sentence: filled (58 of 58 offers on 15 training sets).
        ("ក្នុងខែមីនា ឆ្នាំ២០២២ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០នាក់។", D(2022, 4, 5), "៥០នាក់",
         MARCH_22, True),
        # ... so the "in the same period" after it lends that month, filled too.
        ("ក្នុងខែមីនា ឆ្នាំ២០២២ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០នាក់។ ក្នុងរយៈពេលដដែល "
         "អ្នកញៀន ១២នាក់ ត្រូវបានបញ្ជូនទៅព្យាបាល។", D(2022, 4, 5), "១២នាក់", MARCH_22, True),
        # An English month beside a comparison's base stays offered (the class 20 of 23: wrong
        # on three sets; round thirty-five splits it, tests/test_suggest_dates_parts.py).
        ("Police arrested 5,210 people in March, up from 4,100 a year earlier, the provincial "
         "police said.", D(2022, 4, 5), "5,210", MARCH_22, False),
        # A Khmer day alone: filled since round thirty-six (12 of 12 on 8 training sets; 5 of 19
        # unseen, its wrong dates read in round thirty-five: a span's last day, now the span).
        ("នៅថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២២ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥នាក់។", D(2022, 4, 5), "៥នាក់",
         (D(2022, 3, 3), D(2022, 3, 3), D(2022, 3, 3)), True),
        # A change on the same period a year before, its count in the sentence before: the
        # count's period, filled (32 of 32 offers on 17 training sets), in English ...
        ("In the first nine months of 2021, police arrested 9,870 people. The number was up 12 "
         "percent from the same period last year.", D(2021, 10, 12), "12 percent", NINE_MONTHS,
         True),
        # ... and in Khmer ("up 24 percent on the same period of 2022").
        ("ចាប់ពីខែមករា ដល់ខែមិថុនា ឆ្នាំ២០២៣ សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០០នាក់។ "
         "ករណីកើនឡើង ២៤ភាគរយ ធៀបនឹងរយៈពេលដូចគ្នាក្នុងឆ្នាំ២០២២។", D(2023, 7, 10), "២៤ភាគរយ",
         HALF_23, True),
        ("ចាប់ពីខែមករា ដល់ខែមិថុនា ឆ្នាំ២០២២ សមត្ថកិច្ចបានបង្ក្រាប ៤០ករណី។ "
         "បើធៀបនឹងរយៈពេលដូចគ្នាឆ្នាំ២០២១ ចំនួនករណីថយចុះ ៧ករណី។", D(2022, 7, 12), "៧ករណី",
         (D(2022, 1, 1), D(2022, 6, 30), D(2022, 6, 30)), True),
        # A Khmer bulletin's line under a heading naming a month: filled (43 of 43, 7 sets) ...
        (KHMER_BULLETIN, D(2024, 4, 2), "១៤ករណី", MARCH_24, True),
        (KHMER_BULLETIN, D(2024, 4, 2), "៧នាក់", MARCH_24, True),
        # A numbered section's heading (no stop, no figure) heads the items under it, not the
        # report's title (round thirty-one's report, filled now).
        ("ស្នងការដ្ឋាននគរបាលខេត្តតាកែវ\nរបាយការណ៍លទ្ធផលបង្ក្រាបបទល្មើសគ្រឿងញៀន ប្រចាំខែកញ្ញា "
         "ឆ្នាំ២០២២\nថ្ងៃចន្ទ ទី៣ ខែតុលា ឆ្នាំ២០២២\n\n១. លទ្ធផលគិតចាប់ពីថ្ងៃទី១ ខែមករា "
         "ដល់ថ្ងៃទី៣០ ខែកញ្ញា ឆ្នាំ២០២២\n- ឃាត់ខ្លួនជនសង្ស័យ ៤១០នាក់។\n", D(2022, 10, 3), "៤១០",
         (D(2022, 1, 1), D(2022, 9, 30), D(2022, 9, 30)), True),
        # ... an English list's line under its heading stays offered (another rule, wrong on
        # held_out_19, where the line had a period of its own).
        (ENGLISH_BULLETIN, D(2024, 4, 2), "14", MARCH_24, False),
        # "Last year" in Khmer lends its year to "the same period" only offered: its own class
        # is offered (4 of 5 unseen), and no training record fills it.
        ("ក្នុងឆ្នាំមុន សមត្ថកិច្ចបានឃាត់ខ្លួនជនសង្ស័យ ៥០០នាក់។ ក្នុងរយៈពេលដដែល អ្នកញៀន ១២០នាក់ "
         "ត្រូវបានបញ្ជូនទៅព្យាបាល។", D(2022, 4, 5), "១២០នាក់",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), False),
    ],
)  # fmt: skip
def test_a_class_right_on_every_training_set_is_filled(text, published, words, dates, filled):
    row = figure(text, words, published)
    got = tuple(row.record[n] for n in NAMES)
    if filled:
        assert got == dates
        assert "training sets, wrong on none" in row.why["as_of"] or row.why["as_of"].startswith(
            "100%: 'រយៈពេលដដែល'"
        )  # says the record it was filled by (or, lent on, its own class's unseen record)
        assert not row.offers
        return
    assert got == (None, None, None)
    assert tuple(row.offers.get(n) for n in NAMES) == dates  # one click away


@pytest.mark.parametrize(
    ("why", "kind"),
    [
        ("0%: left blank; suggested, not filled: period_start 2021-01-01, period_end 2021-09-30, "
         "as_of 2021-09-30 (60%: a change on the same period a year before, the period of the "
         "figure before it)", "same period a year before"),
        ("0%: a list item under the heading 'ខែមីនា': left blank; suggested, not filled: "
         "period_start 2024-03-01, period_end 2024-03-31, as_of 2024-03-31 (60%: the period its "
         "heading names)", "a Khmer list's line under its dated heading"),
        # The English list framing quotes its heading: not the Khmer bulletin's class.
        ("0%: left blank; suggested, not filled: period_start 2019-01-01, period_end 2019-01-31, "
         "as_of 2019-01-31 (60%: the period its heading names ('January'))", None),
        # A date the policy left blank is no rule's offer.
        ("0%: left blank: 2022-03-03 was 60% sure, its kind of reason (Khmer words: a day, alone) "
         "was right 5 of 19 on unseen articles, under the 95% of at least 5 a filled date needs "
         "(suggested, not filled; 'ថ្ងៃទី៣ ខែមីនា', the nearest date in the sentence)", None),
    ],
)  # fmt: skip
def test_an_offer_is_classed_by_the_inference_it_offers(why: str, kind: str | None) -> None:
    assert offer_class(why) == kind


@pytest.mark.parametrize(
    ("name", "sure"),
    [
        ("Khmer words: a month, alone", True),
        ("same period a year before", True),
        ("a Khmer list's line under its dated heading", True),
        ("refers back", False),  # never listed: wrong on 7 training sets
        ("Khmer words: a day, alone", True),  # listed in round thirty-six
        ("English next-to-figure words: a day, alone", False),  # the rest: wrong on 4 sets
        (None, False),
    ],
)
def test_only_a_listed_class_never_wrong_on_training_is_sure(name, sure) -> None:
    assert bool(training_sure(name)) is sure
