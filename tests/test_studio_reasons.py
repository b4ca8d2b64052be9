"""The Review screen says how sure the draft was of each field it filled, and why (issue 23, stop
48): a curator saw a date filled but not the record it was filled by ("right 58 of 58 on 15
training sets, wrong on none"), so could not judge it where they accept, correct or reject it.
Each filled field now shows its confidence and reason under it, as `etl suggest` prints them
beside the value, in the studio's language; a field the curator changes loses its reason."""

from __future__ import annotations

import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from curation.reasons import say, visible
from data_model.i18n import Translator
from data_model.safe_text import md
from tests.drafted import training_record
from tests.test_studio_frictions import PROPOSED, _add, _studio
from tests.test_studio_review import ARTICLE, _screen
from tests.test_suggest_as_written import AS_OF, MONTH

ZW = "\u200b"
# The fields whose reason is said once for several (studio.editors._dates_why), by their label.
DATES = {"period_start": "Period from", "period_end": "Period to", "as_of": "As of"}


def _review(lang: str, article: str) -> AppTest:
    return _screen(_add(_studio(lang), article), "Review")


def _captions(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.caption)


def _filled(row: Any) -> dict[str, str]:
    """The fields the draft filled with a reason it was sure of (a blank's "0%" reason is said
    where the draft offers it)."""
    return {name: why for name, why in row.why.items()
            if row.record.get(name) not in (None, "", []) and not why.startswith("0%")}  # fmt: skip


def _shown(t: Translator, why: str, fields: str = "") -> str:
    """A reason's caption as the screen writes it (Markdown's marks escaped)."""
    said = say(t, why)
    text = (t.gettext("{fields}: the draft's guess, {why}").format(fields=fields, why=said)
            if fields else t.gettext("The draft's guess, {why}").format(why=said))  # fmt: skip
    return md(visible(text))


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize(
    ("article", "kinds"),
    [
        (MONTH, {"indicators"}),  # a Khmer count: metric, value, hedge, dates, geography
        (ARTICLE, {"indicators", "statements"}),  # a speaker, a statement's kind
        (PROPOSED, {"policies"}),  # a proposal's name and who put it forward
    ],
    ids=["khmer-figure", "figure-statement", "proposal"],
)
def test_each_field_the_draft_filled_shows_how_sure_it_was_and_why(studio_seeds, lang, article,
                                                                     kinds):  # fmt: skip
    at = _review(lang, article)
    t, shown = Translator(lang), _captions(at)
    rows = [r for r in at.session_state["rows"] if r.status == "open" and r.kind in kinds]
    assert {r.kind for r in rows} == kinds, at.session_state["rows"]
    checked = 0
    for row in rows:
        filled = _filled(row)
        assert filled, row  # the draft filled fields of every kind here
        dates = {k: v for k, v in filled.items() if k in DATES}
        for name, why in filled.items():
            if name not in DATES:
                assert _shown(t, why) in shown, (name, why, shown)
                checked += 1
        for why in set(dates.values()):  # one line per reason, naming the dates it is for
            named = ", ".join(t.gettext(label) for k, label in DATES.items() if dates.get(k) == why)
            assert _shown(t, why, named) in shown, (why, shown)
            checked += 1
    assert checked >= len(rows)


KM_MONTH = "Khmer words: a month, alone"  # the class of MONTH's date
# The record's part of a filled date's reason (curation/suggest/confidence.py _training_why).
RECORD = {
    False: "its kind of reason ({kind}) was right {right} of {of} on {n} training sets, wrong on "
           "none",
    True: "its kind of reason ({kind}) was right {right} of {of} on {n} training sets, wrong on "
          "{wrong} of them, once at most on each",
}  # fmt: skip
DATES_SAID = {
    "en": ("Period from, Period to, As of: the draft's guess, {sure}%: 'ខែ{zw}មិថុនា ឆ្នាំ{zw}២០២៣'",
           "Suggested, not filled: "),
    "km": ("រយៈពេលពី, រយៈពេលដល់, គិតត្រឹម៖ ការស្មានរបស់សេចក្ដីព្រាង {sure}%៖ 'ខែ{zw}មិថុនា ឆ្នាំ{zw}២០២៣'",
           "បានស្នើ មិនទាន់បំពេញ៖ "),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "km"])
def test_a_filled_date_shows_the_record_it_was_filled_by(studio_seeds, lang):
    """The friction itself: a Khmer month alone, filled since round thirty-three for its record
    on the training sets, says so under the dates, once for the three, the month's words as
    the article writes them (U+200B between them, never '\\u200b'). Round thirty-eight: the
    record is read from corpus/confidence.yaml (61 of 61 on 16 sets at round thirty-seven, 71 of
    71 on 17 with held_out_32); a class the record no longer fills is offered, not filled."""
    t, shown = Translator(lang), _captions(_review(lang, MONTH))
    assert "\\u200b" not in shown
    filled, offered = DATES_SAID[lang]
    record = training_record(KM_MONTH)
    if record is None:
        assert offered in shown, shown
        return
    right, wrong, sets = record
    sure = t.digits(str(right * 100 // (right + wrong + 1)))
    assert filled.format(sure=sure, zw=ZW) in shown, shown
    said = t.pgettext("draft reason", RECORD[bool(wrong)]).split(") ", 1)[1]
    numbers = {"right": right, "of": right + wrong, "n": sets, "wrong": wrong}
    assert said.format(**{k: t.digits(str(v)) for k, v in numbers.items()}) in shown, shown


@pytest.mark.parametrize(
    ("key", "field", "value"),
    [("qual-{n}", "qualifier", "more_than"), ("geo-{n}", "geography", "Takeo")],
)
def test_a_field_the_curator_corrects_loses_the_drafts_reason(studio_seeds, key, field, value):
    """The reason was the draft's value's: once the curator picks another, it is gone from under
    the field; the other fields keep theirs."""
    at = _review("en", MONTH)
    n = next(i for i, r in enumerate(at.session_state["rows"]) if r.kind == "indicators")
    why = at.session_state["rows"][n].why[field]
    other = at.session_state["rows"][n].why["metric_id"]
    assert _shown(Translator("en"), why) in _captions(at)
    widget = at.selectbox(key=key.format(n=n)) if field == "qualifier" else None
    if widget is not None:
        at = widget.set_value(value).run()
    else:
        at = at.text_input(key=key.format(n=n)).set_value(value).run()
    assert at.session_state["rows"][n].record[field] == value
    assert _shown(Translator("en"), why) not in _captions(at)
    assert _shown(Translator("en"), other) in _captions(at)


@pytest.mark.parametrize(
    ("lang", "dates", "sure", "under"),
    [
        ("en", "Suggested, not filled: As of 20 Jun 2023",
         r"\(the draft's reason: \d+%: 'គិតត្រឹម'", "on unseen articles, but wrong on"),
        ("km", "បានស្នើ មិនទាន់បំពេញ៖ គិតត្រឹម ២០ មិថុនា ២០២៣",
         r"\(ហេតុផលរបស់សេចក្ដីព្រាង៖ [០-៩]+%៖ 'គិតត្រឹម'",
         "លើអត្ថបទដែលច្បាប់មិនបានឃើញ ប៉ុន្តែខុសលើ"),
    ],
    ids=["en", "km"],
)  # fmt: skip
def test_a_date_offered_not_filled_names_its_dates_how_sure_and_why_not_filled(
    studio_seeds, lang, dates, sure, under
):
    """A date left blank under its bar and offered beside it (a Khmer count as of a day; a day
    alone until round thirty-six, filled since): the English
    caption named no date and began mid-reason ("Suggested, not filled; '...', the nearest date
    in the sentence)"), and in both languages how sure the draft was and why that was not
    enough were cut off. Now, as a filled date's line: the dates, the confidence, the words
    read, and the record that kept it blank."""
    shown = _captions(_review(lang, AS_OF))
    line = next((c for c in shown.splitlines() if dates in c), None)
    assert line is not None, shown
    assert re.search(sure, line), line
    assert under in line, line
