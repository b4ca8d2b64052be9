"""Round twelve's policy for the drafts (issue 23): a date or a speaker is filled only when its
kind of reason was right often enough on articles no rule had been tuned on (corpus/
confidence.yaml dates and speaker, measured on the blind sets); any other is left blank, a date
offered beside its blank, the reason saying how often its kind was right. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus.confidence import unseen_policy
from curation.suggest.confidence import below_threshold, date_class
from curation.suggest.guess import curated_lists
from curation.suggest.records import Row, draft_rows
from tests.drafted import assert_dated_by_record, figure

ROOT = Path(__file__).resolve().parent.parent
CURATED = curated_lists(ROOT / "seeds")
D = dt.date


def _statement(text: str) -> Row:
    _, rows = draft_rows(text, None, "t", D(2024, 6, 1), CURATED)
    found = [r for r in rows if r.kind == "statements"]
    assert len(found) == 1, [r.record["quote"] for r in rows]
    return found[0]


# Round twelve: a date is filled only when its kind of reason was right at least 97% of the time
# on articles no rule had been tuned on (corpus/confidence.yaml dates.unseen); any other date is
# offered beside a blank, its reason saying how often that kind was right. (Khmer by a
# non-native author: needs native review.)
@pytest.mark.parametrize(
    ("text", "published", "words", "dates", "filled"),
    [
        # An English period next to the figure, its only date phrase: 54 of 55 right unseen
        # (round eighteen split the English rule in two), so filled again.
        ("Police arrested 1,240 people in the first five months of 2022.", D(2022, 6, 10),
         "1,240", (D(2022, 1, 1), D(2022, 5, 31), D(2022, 5, 31)), True),
        # A period reached past other words, the nearest date in the figure's clause: 42 of 44,
        # under 97: offered; round twenty-three's 95% bar and 62 of 64 fill it.
        ("Police arrested 1,240 people and seized 30 kilograms of drugs, officials said on "
         "Friday, in figures covering the first five months of 2022.", D(2022, 6, 10),
         "1,240", (D(2022, 1, 1), D(2022, 5, 31), D(2022, 5, 31)), True),
        # The end of a period: 31 of 31.
        ("At the end of May, the Kandal centre held 310 people.", D(2021, 6, 20), "310",
         (None, None, D(2021, 5, 31)), True),
        # A day (the day of a raid or of the telling): 11 of 22; an event on that day is filled
        # or offered as its training record decides since round thirty-five (15 of 15 on 10
        # sets; 15 of 16 with held_out_33, round thirty-eight) ...
        ("Police arrested 310 people on Monday, the ministry said.", D(2023, 5, 10), "310",
         (D(2023, 5, 8), D(2023, 5, 8), D(2023, 5, 8)),
         "English next-to-figure words: a day, alone, an event on that day"),
        # ... a stock held on that day stays offered.
        ("The provincial centre held 310 people on Monday, the ministry said.", D(2023, 5, 10),
         "310", (None, None, D(2023, 5, 8)), False),
        # A year alone: 68 of 76, offered; round twenty-eight: 76 of 80, filled.
        ("Police arrested 4,500 people in 2021.", D(2022, 2, 1), "4,500",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), True),
        # "last year" with no day or comparison beside it: 31 of 32 (round thirty-one), filled.
        ("Police arrested 4,500 people last year.", D(2022, 2, 1), "4,500",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), True),
        # A month, its year not written: 9 of 16 unseen, offered; since round thirty-six a whole
        # month next to the figure is filled by its training record (17 of 17 on 13 sets).
        ("Police arrested 900 people in March.", D(2022, 5, 1), "900",
         (D(2022, 3, 1), D(2022, 3, 31), D(2022, 3, 31)), True),
        # A Khmer year written out: 26 of 28, offered; round twenty-three: 44 of 46, filled.
        ("ក្នុងឆ្នាំ២០២១ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៤០០នាក់។", D(2022, 2, 1), "៤០០",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31)), True),
    ],
)  # fmt: skip
def test_a_date_is_filled_only_when_its_kind_was_sure_unseen(text, published, words, dates,
                                                             filled):  # fmt: skip
    row = figure(text, words, published)
    if isinstance(filled, str):  # the class's training record decides (tests/drafted.py)
        assert_dated_by_record(row, dates, filled)
        return
    names = ("period_start", "period_end", "as_of")
    got = tuple(row.record[n] for n in names)
    if filled:
        assert got == dates
        return
    assert got == (None, None, None)
    assert tuple(row.offers.get(n) for n in names) == dates  # one click away, never lost
    assert "on unseen articles" in row.why["as_of"]


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("the words next to the figure ('the first two months of 2024'); first 2 months of 2024",
         "English next-to-figure words: a period, alone"),
        ("the nearest date in its clause ('the first two months of 2024'); first 2 months of "
         "2024", "English nearest-in-clause words: a period, alone"),
        ("the words next to the figure ('2014'; 'the first nine months of this year'); ...",
         "English next-to-figure words: a period, among others"),
        ("the nearest date in its clause, the year not written (the latest before publication) "
         "('at the end of May'); at the end of May",
         "English nearest-in-clause words: the end of a period, alone"),
        ("the words next to the figure ('Monday'); Monday before publication: 2020-08-10",
         "English next-to-figure words: a day, alone"),
        ("'ខែមេសា ឆ្នាំ២០១៨', the nearest date in the sentence", "Khmer words: a month, alone"),
        ("the same period last year as the figure it is set against; first 7 months of 2020",
         "same period a year before"),
        ("refers back to the figure before it; the year 2017", "refers back"),
        ("a reason no rule names", None),
    ],
)  # fmt: skip
def test_a_dates_reason_is_classed_by_its_rule_and_its_words(reason, kind):
    assert date_class(reason) == kind


# The bar: right at least 97% of at least 5 unseen dates; a class never measured is offered.
@pytest.mark.parametrize(
    ("right", "wrong", "filled"),
    [(71, 1, True), (19, 0, True), (68, 8, False), (3, 0, False), (0, 0, False)],
)
def test_a_dates_kind_fills_only_past_the_unseen_bar(monkeypatch, right, wrong, filled):
    policy = {
        "bar": 97,
        "least": 5,
        "rules": {"English words": "^the words next"},
        "kinds": {"a year": r"\d{4}"},
        "unseen": {"English words: a year, alone": [right, wrong]} if right + wrong else {},
    }
    monkeypatch.setattr("curation.suggest.confidence.dates_policy", lambda: policy)
    why = "90%: the words next to the figure ('2021'); the year 2021"
    row = Row("indicators", {"as_of": D(2021, 12, 31)}, 0, 1, why={"as_of": why})
    below_threshold(row)
    assert (row.record["as_of"] is not None, "as_of" in row.offers) == (filled, not filled)


# Round twelve: a drafted speaker is filled only when its kind was right at least two times in
# three on unseen articles (corpus/confidence.yaml speaker): a new person named by one name alone
# (16 of 27 right) is left blank, the name in its reason; a full name or a curated actor stays.
@pytest.mark.parametrize(
    ("text", "actor", "named"),
    [
        ('"We will open two more centres," said Sok Vannara, a ministry adviser.', "sok-vannara",
         None),
        ('"We will open two more centres," said Ke Kim Yan.', "ke-kim-yan", None),
        ('"The raids scared everyone," said Dara, a market vendor.', None, "Dara"),
        ('"We are short of beds," said Dr Pheakdey, who runs the clinic.', None, "Pheakdey"),
    ],
)  # fmt: skip
def test_a_speaker_is_filled_only_when_its_kind_was_sure_unseen(text, actor, named):
    row = _statement(text)
    assert row.record["actor_id"] == actor
    if named:
        assert "one name" in row.why["actor_id"] and named in row.why["actor_id"]
        assert "actors" not in row.new  # nothing drafted for a blank


@pytest.mark.parametrize("field", ["dates", "speaker"])
def test_every_measured_class_is_one_the_rules_can_give(field):
    # A misspelt class in corpus/confidence.yaml would never match, and its guesses would be
    # blanked as never measured.
    policy = unseen_policy(field)
    rules, kinds = policy["rules"], policy.get("kinds") or {}
    made = {r for r in rules if not r.endswith("words")} | {
        f"{r}: {k}, {alone}"
        for r in rules
        if r.endswith("words")
        for k in [*kinds, "other words"]
        for alone in ("alone", "among others")
    }
    assert set(policy["unseen"]) <= made


# Round thirteen, Khmer dates read (then offered, their classes unsure unseen): a count "up to
# now" runs to publication; a "since" inside the speaker's description, before the verb of
# speech, is no start of what is said. (Khmer by a non-native author: needs native review.)
@pytest.mark.parametrize(
    ("text", "published", "words", "dates"),
    [
        ("គិតចាប់ពីដើមឆ្នាំ២០២៤ មកដល់ពេលនេះ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យសរុប ៥២នាក់។",
         D(2024, 10, 7), "៥២", (D(2024, 1, 1), D(2024, 10, 7))),
        ("លោក សុខ ដារ៉ា ដែលបានធ្វើការនៅតុលាការតាំងពីឆ្នាំ២០១២ បានប្រាប់អ្នកសារព័ត៌មានថា "
         "ក្នុងឆមាសទី១ ឆ្នាំនេះ តុលាការបានជំនុំជម្រះសំណុំរឿងគ្រឿងញៀនចំនួន ៣០៥សំណុំរឿង។",
         D(2021, 7, 20), "៣០៥", (D(2021, 1, 1), D(2021, 6, 30))),
        # A "since" that governs the date still starts a running count, its end not given.
        ("ចាប់តាំងពីខែមករា ឆ្នាំ២០២១មក នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៩០០នាក់។", D(2021, 7, 20),
         "៩០០", (D(2021, 1, 1), None)),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("dates_as_read")
def test_khmer_dates_up_to_now_and_a_speakers_since(text, published, words, dates):
    row = figure(text, words, published)
    assert (row.record["period_start"], row.record["period_end"]) == dates


# Round fourteen, dates read (then offered or filled by their class): "DAY ... មក រហូតដល់ DAY"
# (since ... up to ...) is one period; "កាលពីចុងឆ្នាំ២០២២" (at the end of 2022) is a stock's day,
# no period; a date before a colon is not the figure's when its own words after it give one.
# (Khmer by a non-native author: needs native review.)
@pytest.mark.parametrize(
    ("text", "published", "words", "dates"),
    [
        ("ចាប់តាំងពីរាជរដ្ឋាភិបាលដាក់ឲ្យអនុវត្តយុទ្ធនាការប្រយុទ្ធប្រឆាំងគ្រឿងញៀន នៅថ្ងៃទី១ ខែមករា "
         "ឆ្នាំ២០១៧ មក រហូតដល់ថ្ងៃទី៣១ ខែឧសភា ឆ្នាំ២០១៨ នគរបាលបានឃាត់ខ្លួនជនសង្ស័យ ៩៨០នាក់។",
         D(2018, 6, 26), "៩៨០",
         (D(2017, 1, 1), D(2018, 5, 31), D(2018, 5, 31))),
        ("បច្ចុប្បន្ន យើងមានអ្នកព្យាបាល ១ ២០០នាក់។ កាលពីចុងឆ្នាំ២០២២ យើងមានតែ ៩០០នាក់ប៉ុណ្ណោះ។",
         D(2023, 7, 3), "៩០០", (None, None, D(2022, 12, 31))),
        ("The line stays flat until 2020 and then climbs: police seized about 4.5 tonnes of "
         "drugs in 2021.", D(2022, 3, 15), "4.5",
         (D(2021, 1, 1), D(2021, 12, 31), D(2021, 12, 31))),
        # Control: a date before a colon with none after the figure still dates it.
        ("In the first half of 2023 the police were busy: they arrested 9,100 people.",
         D(2023, 8, 1), "9,100", (D(2023, 1, 1), D(2023, 6, 30), D(2023, 6, 30))),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("dates_as_read")
def test_a_since_until_span_an_end_of_year_and_a_colon(text, published, words, dates):
    record = figure(text, words, published).record
    assert (record["period_start"], record["period_end"], record["as_of"]) == dates


# Round fourteen: a figure whose class was mostly not in the answer keys of articles no rule
# was tuned on (corpus/confidence.yaml figures.unseen) is offered, not drafted: folded in the
# studio, one click from accepted, its note saying how often its class was right. (Khmer by a
# non-native author: needs native review.)
@pytest.mark.parametrize(
    ("text", "words", "offered"),
    [
        # A number in words: in the key 7 of 43 unseen.
        ("Two men from Takeo were arrested at the border, the police chief said.", "Two", True),
        ("Officers said a dozen young men were waiting outside the centre.", "a dozen", True),
        # Money, its sign or code before the number or after it: 1 of 13.
        ("The budget for the evaluation is USD 48,000, the donor said.", "48,000", True),
        ("Police put the street value of the drugs at about $2 million.", "$2 million", True),
        # A number under 100 with no counted noun: 2 of 36.
        ("Seizures fell to 40 in the town, the police said.", "40", True),
        ("លោកបន្តថា ក្នុងនោះ ២ ត្រូវបានបញ្ជូនទៅតុលាការ។", "២", True),
        # Controls: a count with its noun, a weight, a Khmer count after ចំនួន.
        ("Police arrested 1,250 people in the province last year.", "1,250", False),
        ("Customs officers seized 36 kilograms of heroin at the port.", "36", False),
        ("បច្ចុប្បន្ន រដ្ឋមានមណ្ឌលស្តារនីតិសម្បទាចំនួន ៩ នៅទូទាំងប្រទេស។", "៩", False),
    ],
)
def test_a_figure_of_a_class_mostly_wrong_unseen_is_offered_not_drafted(text, words, offered):
    row = figure(text, words, D(2024, 6, 1))
    assert (row.status == "offered") is offered, row.notes
    assert any(n.startswith("offered, not drafted: ") for n in row.notes) is offered


@pytest.mark.parametrize(
    ("right", "wrong", "offered"), [(2, 34, True), (30, 6, False), (1, 2, False)]
)
def test_a_figure_class_is_offered_only_under_its_unseen_bar(monkeypatch, right, wrong, offered):
    """Under the bar on enough unseen figures: offered; over it, or measured too few times:
    drafted."""
    policy = {**unseen_policy("figures"), "unseen": {"money": [right, wrong]}}
    monkeypatch.setattr("curation.suggest.confidence.figures_policy", lambda: policy)
    row = figure("The budget for the evaluation is USD 48,000.", "48,000", D(2024, 6, 1))
    assert (row.status == "offered") is offered


def test_every_measured_figure_class_is_one_the_rules_can_give():
    policy = unseen_policy("figures")
    assert set(policy["unseen"]) <= set(policy["classes"])


# Round fourteen: a statement whose class (by the reason for its kind) was mostly not in the
# answer keys of unseen articles, on enough of them, is offered, not drafted. A Khmer interview's
# answer turn with no quotation marks was in the key 3 of 7, under the 10 the shipped policy
# asks; at 5 it is offered, a quotation stays drafted (147 of 147). (Khmer by a non-native
# author: needs native review.)
@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("ថ្មីថ្មី៖ បញ្ហាប្រឈមធំជាងគេគឺអ្វី?\n\nលោក សុខ ដារ៉ា៖ បញ្ហាធំជាងគេគឺថវិកា និងបុគ្គលិក "
         "ព្រោះមណ្ឌលសុខភាពខ្លះមានគ្រូពេទ្យតែម្នាក់។\n\nថ្មីថ្មី៖ លោកមានអ្វីចង់ផ្តាំផ្ញើ?\n\n"
         "លោក សុខ ដារ៉ា៖ ខ្ញុំសូមឲ្យគ្រួសារកុំលាក់កូនចៅនៅផ្ទះ។", True),
        ('លោក សុខ ដារ៉ា បានមានប្រសាសន៍ថា "ការព្យាបាលនៅសហគមន៍ល្អជាងការឃុំខ្លួន"។', False),
        ('"We will keep the clinics open," Health Minister Mam Bunheng said.', False),
    ],
)  # fmt: skip
def test_a_statement_of_a_class_mostly_wrong_unseen_is_offered_not_drafted(
    monkeypatch, text, offered
):
    policy = {**unseen_policy("statements"), "least": 5}
    monkeypatch.setattr("curation.suggest.confidence.statements_policy", lambda: policy)
    _, rows = draft_rows(text, None, "t", D(2023, 7, 3), CURATED)
    found = [r for r in rows if r.kind == "statements"]
    assert found
    assert all((r.status == "offered") is offered for r in found), [r.notes for r in found]
    assert all(any(n.startswith("offered, not drafted: ") for n in r.notes) is offered
               for r in found)  # fmt: skip


def test_a_transcript_turn_measured_too_few_times_unseen_stays_drafted():
    text = (
        "ថ្មីថ្មី៖ លោកមានអ្វីចង់ផ្តាំផ្ញើ?\n\nលោក សុខ ដារ៉ា៖ ខ្ញុំសូមឲ្យគ្រួសារកុំលាក់កូនចៅនៅផ្ទះ។"
        "\n\nថ្មីថ្មី៖ អរគុណ?\n\nលោក សុខ ដារ៉ា៖ ការព្យាបាលនៅសហគមន៍ល្អជាងការឃុំខ្លួន។"
    )
    _, rows = draft_rows(text, None, "t", D(2023, 7, 3), CURATED)
    found = [r for r in rows if r.kind == "statements"]
    assert found and all(r.status == "open" for r in found)


def test_every_measured_statement_class_is_one_the_rules_can_give():
    policy = unseen_policy("statements")
    assert set(policy["unseen"]) <= set(policy["rules"])


# Round fifteen: "..., and police separately took ..." is another event: the period named in the
# clause before it is not offered for its figure.
def test_a_separate_events_figure_is_not_offered_the_period_before_it():
    row = figure(
        "Customs seized 40 kg of heroin in the first half of the year, and police separately "
        "took 3 tonnes of precursors from a warehouse.",
        "3 tonnes",
        D(2019, 8, 14),
    )
    assert row.offers.get("period_start") is None and row.record["period_start"] is None
