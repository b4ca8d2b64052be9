"""Reading Khmer sentences for drafts: figures with their hedges, dates, speech verbs and speakers.
Long because a Khmer figure and a Khmer date are each read by one table of patterns kept together.

Every reader works on the normalised sentence (corpus.khmer.normalise: no zero-width spaces,
signs in order) and reports the words and offsets of the sentence as written. Conventions seen
in published Khmer news: thousands grouped with "." ("១៥.៥៥២.២២១"), a space ("១៧ ៧៤៧") or ","
("១,៧៨០,០១៦"); decimals written with "," ("១៥,៥ លាន") and, less often, with "." before 1, 2
or 4+ digits ("៧.២៦%"). So one separator before exactly three digits groups thousands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.khmer import normalise
from data_model.qualifiers import Qualifier
from data_model.records import DatePrecision


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of normalised words, longest first (so ជាង never hides តិចជាង)."""
    forms = {normalise(w).text for w in words}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


# ---------------------------------------------------------------------------------------
# Figures

#: Hedge words just before a figure, and what they say about it.
HEDGES: dict[str, Qualifier] = {
    "ជាង": Qualifier.more_than,
    "ច្រើនជាង": Qualifier.more_than,
    "លើសពី": Qualifier.more_than,
    "ប្រមាណជាង": Qualifier.more_than,
    "ប្រហែលជាង": Qualifier.more_than,
    "ប្រហែល": Qualifier.approx,
    "ប្រមាណ": Qualifier.approx,
    # "nearly": the true value is close, below or above; read as approx like "nearly" in English.
    "ជិត": Qualifier.approx,
    # "almost" (round eighteen): "ស្ទើរតែពាក់កណ្តាល" (almost half), approx as "almost" in English.
    "ស្ទើរតែ": Qualifier.approx,
    "យ៉ាងហោចណាស់": Qualifier.at_least,
    "យ៉ាងតិច": Qualifier.at_least,
    "មិនតិចជាង": Qualifier.at_least,
    "តិចជាង": Qualifier.fewer_than,
    "មិនលើសពី": Qualifier.at_most,
    "យ៉ាងច្រើន": Qualifier.at_most,
}

#: Multipliers written after a figure ("៥,៨ លាន" is 5.8 million).
SCALES = {"ពាន់លាន": 10**9, "ប៊ីលាន": 10**9, "លាន": 10**6, "សែន": 10**5, "ម៉ឺន": 10**4, "ពាន់": 10**3}

#: Vague counts ("thousands"): they stay words, never a number.
VAGUE = {"រាប់សិប": "tens", "រាប់រយ": "hundreds", "រាប់ពាន់": "thousands", "រាប់ម៉ឺន": "tens of thousands", "រាប់សែន": "hundreds of thousands", "រាប់លាន": "millions"}  # fmt: skip

#: Counters after a figure and the unit they give it.
UNITS = {
    "នាក់": "people", "ករណី": "cases", "គីឡូក្រាម": "kg", "គ.ក": "kg", "kg": "kg",
    "ក្រាម": "g", "តោន": "tonnes", "គ្រាប់": "pills", "ដុល្លារ": "usd", "រៀល": "riel",
    "ភាគរយ": "percent", "%": "percent", "លីត្រ": "litres", "មណ្ឌល": "centres",
    # "មណ្ឌលសុខភាព ២២កន្លែង" (22 health centres): the classifier of places counts sites (round 27).
    "កន្លែង": "facilities",
}  # fmt: skip

#: A number after these names a thing or a time (day 4, year 2017, "the first"), it counts nothing.
_LABEL_BEFORE = ("ទី", "ឆ្នាំ", "ខែ", "លេខ", "ទូរស័ព្ទ", "មាត្រា", "ផ្លូវ", "ម៉ោង", "ជំពូក", "ព.ស")
#: A number before these is a duration or a multiple, not a count.
_DURATION_AFTER = ("ឆ្នាំ", "ខែ", "ថ្ងៃ", "សប្តាហ៍", "ម៉ោង", "នាទី", "ដង")

_NUMBER = re.compile(r"(?<![\d.,])\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
_HEDGE = re.compile(rf"(?:{_alternatives(HEDGES)})\s?(?:ចំនួន\s?)?$")
_AFTER = re.compile(rf"\s?(?P<scale>{_alternatives(SCALES)})?\s?(?P<unit>{_alternatives(UNITS)})?")
_DENOMINATORS = {"បី": 3, "បួន": 4, "ប្រាំ": 5, "ដប់": 10}
_NUMERATORS = {"មួយ": 1, "ពីរ": 2, "បី": 3}
_FRACTION = re.compile(
    # "ពីរភាគបី" (two thirds), "បីភាគបួន" (three quarters) as well as "មួយភាគបី" (round eighteen).
    r"(?:(?P<half>ពាក់កណ្តាល|ពាក់កណ្ដាល)|(?P<num>មួយ|ពីរ|បី)ភាគ(?P<den>" + "|".join(_DENOMINATORS) + "))"
    # "ពាក់កណ្តាលខែ" (half a month), "ពាក់កណ្តាលតោន" (half a tonne): a length or a weight.
    r"(?!\s?(?:ខែ|ឆ្នាំ|ថ្ងៃ|សប្តាហ៍|សប្ដាហ៍|ម៉ោង|គីឡូ|តោន|ក្រាម))"
)
# "កន្លះ" (half) with a weight: before it, half of one ("កន្លះគីឡូក្រាម", half a kilogram);
# after a number and its weight, a half more ("១តោនកន្លះ", one and a half tonnes) (round 27).
_WEIGHTS = ("តោន", "គីឡូក្រាម", "ក្រាម")
_HALF_WEIGHT = re.compile(r"(?<!\d)(?<!\d\s)កន្លះ\s?(?P<unit>" + "|".join(_WEIGHTS) + ")")
_AND_A_HALF = re.compile(r"\s?កន្លះ")
_VAGUE = re.compile(rf"(?P<vague>{_alternatives(VAGUE)})\s?(?P<unit>{_alternatives(UNITS)})?")
_MONTH_WORDS = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
]


@dataclass(frozen=True)
class KhmerFigure:
    """A figure in a Khmer sentence: its value (None for a vague count), hedge and unit."""

    words: str  # as written in the sentence, hedge and unit included
    start: int  # offsets in the sentence as written
    end: int
    value: float | None
    qualifier: Qualifier
    hedge: str
    unit: str | None
    vague: str | None = None  # "thousands" for រាប់ពាន់: flagged, never offered as a number


def read_number(written: str) -> float | None:
    """The value of a number written with Khmer or ASCII digits and Khmer separators, or None
    when its separators say nothing certain ("1.234,5,6")."""
    parts = re.split(r"([.,\s\u00a0\u202f])", written)
    digits, seps = parts[::2], parts[1::2]
    if not seps:
        return float(int(digits[0]))
    marks = [s for s in seps if s in ".,"]
    kinds = set(marks)
    decimal: str | None = None
    if len(kinds) == 2:
        decimal = marks[-1]  # "១.២៥០,៧៥": the last kind of mark is the decimal one
        if marks.count(decimal) > 1:
            return None
    elif len(marks) == 1 and len(digits[-1]) != 3:
        decimal = marks[0]  # "៤៨,៥", "៧.២៦": not a group of three, so a decimal
    whole = digits[: len(digits) - 1] if decimal and seps[-1] == decimal else digits
    groups = whole[1:]
    if any(len(g) != 3 for g in groups):
        return None
    value = float(int("".join(whole)))
    if decimal and seps[-1] == decimal:
        value += int(digits[-1]) / 10 ** len(digits[-1])
    return value


def _is_year(digits: str) -> bool:
    """Four digits (in any script) of a year 1900-2099: one end of a span of years."""
    return bool(re.fullmatch(r"\d{4}", digits)) and 1900 <= int(digits) <= 2099


def _is_label(before: str, after: str) -> bool:
    head = before.rstrip()
    # "លេខ ០៤៧/១៧" (bulletin No. 047/17): a number beside a slash is a reference, not a count.
    return (
        head.endswith((*_LABEL_BEFORE, "/"))
        or after.lstrip().startswith(_DURATION_AFTER)
        or after.startswith("/")
        # "មកពី ១១ប្រទេស" (from 11 countries): how many nationalities, no count of the campaign
        or after.lstrip().startswith(("ប្រទេស", "សញ្ជាតិ"))
    )


def _hedge_of(hedge: re.Match[str] | None) -> tuple[str, Qualifier]:
    """The hedge's words as printed and the qualifier they give ("exact" with no hedge)."""
    if not hedge:
        return "", Qualifier.exact
    hedge_word = hedge.group().rstrip()
    key = re.sub(r"\s?(ចំនួន\s?)?$", "", hedge_word)
    return hedge_word, next(q for w, q in HEDGES.items() if normalise(w).text == key)


def read_figures(sentence: str) -> list[KhmerFigure]:
    """Figures of one Khmer sentence, in order: digits, separators, hedge, scale and unit;
    vague counts (រាប់ពាន់) as words; dates, ordinals and durations left out."""
    norm = normalise(sentence)
    text = norm.text
    taken = [(d.norm_start, d.norm_end) for d in _read_dates_norm(text, dt.date(2000, 1, 1))]
    found: list[tuple[int, int, KhmerFigure]] = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        before, after_text = text[: m.start()], text[m.end() :]
        if _is_label(before, after_text) or re.search(r"\d[:.]$", before):
            continue  # "ម៉ោង ០៩:១៥": a clock's minutes, no count
        if re.match(r":\d", after_text):
            continue  # "ស្តាប់សំឡេង ១២:៤០" (listen, 12:40): a clock's or a clip's hours (round 11)
        if _is_year(m.group()) and (
            after_text[:1] in "-–/"
            and _is_year(after_text[1:5])
            or before[-1:] in ("-", "–", "/")
            and _is_year(before[-5:-1])
        ):
            continue  # "ឆ្នាំសិក្សា២០២៤-២០២៥" (the school year 2024-2025): years, no count
        if len(m.group()) > 1 and int(m.group()[0]) == 0 and m.group()[1].isdigit():
            continue  # "០១២ ៣៤៥ ៦៧៨": a phone number or a code, not a count
        value = read_number(m.group())
        if value is None:
            continue
        after = _AFTER.match(after_text)
        scale = after.group("scale") if after else None
        unit_word = after.group("unit") if after else None
        if scale:
            value *= SCALES[scale]
        end = m.end() + (after.end() if after and (scale or unit_word) else 0)
        if unit_word in _WEIGHTS and (half := _AND_A_HALF.match(text, end)):
            value, end = value + 0.5, half.end()  # "១តោនកន្លះ": one and a half tonnes
        hedge = _HEDGE.search(before)
        start = hedge.start() if hedge else m.start()
        hedge_word, qualifier = _hedge_of(hedge)
        unit = UNITS[unit_word] if unit_word else None
        found.append((start, end, KhmerFigure("", 0, 0, value, qualifier, hedge_word, unit)))
    for m in _FRACTION.finditer(text):
        # "ជាងពាក់កណ្តាល" (more than half), "ប្រហែលមួយភាគបួន" (about a quarter): a share, in
        # percent as the codebook keeps shares.
        hedge = _HEDGE.search(text[: m.start()])
        hedge_word, qualifier = _hedge_of(hedge)
        share = _NUMERATORS[m.group("num")] / _DENOMINATORS[m.group("den")] if m.group("den") else 0
        value = 50.0 if m.group("half") else round(100 * share, 2)
        start = hedge.start() if hedge else m.start()
        found.append(
            (start, m.end(), KhmerFigure("", 0, 0, value, qualifier, hedge_word, "percent"))
        )
    for m in _HALF_WEIGHT.finditer(text):
        # "ប្រមាណកន្លះតោន" (about half a tonne): half of the weight after it, not a share.
        hedge = _HEDGE.search(text[: m.start()])
        hedge_word, qualifier = _hedge_of(hedge)
        start = hedge.start() if hedge else m.start()
        unit = UNITS[m.group("unit")]
        found.append((start, m.end(), KhmerFigure("", 0, 0, 0.5, qualifier, hedge_word, unit)))
    for m in _VAGUE.finditer(text):
        unit = UNITS[m.group("unit")] if m.group("unit") else None
        figure = KhmerFigure("", 0, 0, None, Qualifier.approx, "", unit, VAGUE[m.group("vague")])
        found.append((m.start(), m.end(), figure))
    out = []
    for start, end, f in sorted(found, key=lambda t: t[0]):
        a, b = norm.offsets.span(start, end)
        out.append(KhmerFigure(sentence[a:b], a, b, f.value, f.qualifier, f.hedge, f.unit, f.vague))
    return out


# ---------------------------------------------------------------------------------------
# Dates

#: Khmer numbers in words, one to twelve, as a count of months is written ("ពីរខែ", two months).
_NUMBERS = {
    normalise(w).text: i
    for i, w in enumerate(
        ["មួយ", "ពីរ", "បី", "បួន", "ប្រាំ", "ប្រាំមួយ", "ប្រាំពីរ", "ប្រាំបី", "ប្រាំបួន", "ដប់",
         "ដប់មួយ", "ដប់ពីរ"], start=1,
    )
}  # fmt: skip
_NUMBER_WORDS = "|".join(sorted(_NUMBERS, key=len, reverse=True))
#: Khmer month names (solar calendar) in order.
MONTHS = {normalise(name).text: i for i, name in enumerate(_MONTH_WORDS, start=1)}
_MONTH = _alternatives(_MONTH_WORDS)
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "ចាប់ពីខែមករា ដល់ខែកុម្ភៈ ឆ្នាំ២០២២" (from January to February 2022): the whole range.
    # "... ដល់ខែមិថុនា ឆ្នាំនេះ" (... to June this year): the year of publication (round 24).
    ("range", re.compile(rf"ចាប់ពី\s?ខែ\s?(?P<m>{_MONTH})\s?(?:ឆ្នាំ\s?(?P<y1>\d{{4}})\s?)?(?:រហូត)?ដល់\s?(?:ចុង)?ខែ\s?(?P<m2>{_MONTH})(?:\s?ឆ្នាំ\s?(?:(?P<y>\d{{4}})(?!\d)|(?P<this>នេះ)))?")),
    # "៥ ខែដើមឆ្នាំ២០១៩" (the first five months of 2019); the year unsaid, the latest ended.
    # "១១ខែដំបូងនៃឆ្នាំនេះ" (the first eleven months of this year) reads the same.
    # "ពីរខែដើមឆ្នាំនេះ" (the first two months of this year): the number in words (round 24).
    ("first_months", re.compile(rf"(?:(?P<n>\d{{1,2}})|(?:(?<=រយៈពេល)|(?<=ក្នុង)|(?<![\u1780-\u17FF]))(?P<nw>{_NUMBER_WORDS}))\s?ខែ\s?(?:ដើម|ដំបូង)\s?(?:នៃ\s?)?ឆ្នាំ\s?(?:(?P<y>\d{{4}})(?!\d)|នេះ)?")),
    # "ក្នុងរយៈពេល ៩ខែ ឆ្នាំ២០២០" (in the nine months of 2020): the first months of that year.
    ("first_months", re.compile(r"(?<=រយៈពេល)\s?(?P<n>\d{1,2})\s?ខែ\s?(?:នៃ\s?)?ឆ្នាំ\s?(?:(?P<y>\d{4})(?!\d)|នេះ)")),
    # "ថ្ងៃទី១៤-១៦ ខែមេសា ឆ្នាំ២០១៨": a run of days, the year optional.
    # "ឆមាសទី១ ឆ្នាំ២០២២" (the first half of 2022): January to June; ទី២ July to December.
    # "ត្រីមាសទី១ ឆ្នាំ២០២៣", "ត្រីមាសទី១ ឆ្នាំនេះ" (the first quarter of 2023, of this year):
    # three months; the year unsaid, the latest ended (round twenty-four).
    ("quarter", re.compile(r"ត្រីមាស\s?(?:ទី\s?)?(?P<q>[1-4១-៤])\s?(?:(?:នៃ\s?)?ឆ្នាំ\s?(?:(?P<y>\d{4})(?!\d)|(?P<this>នេះ)))?")),
    ("half", re.compile(r"ឆមាស\s?(?:ទី\s?)?(?P<h>[12១២])\s?(?:(?:នៃ\s?)?ឆ្នាំ\s?(?:(?P<y>\d{4})(?!\d)|នេះ))?")),
    # "ពីថ្ងៃទី១៨ ដល់ថ្ងៃទី២៤ ខែមីនា" (from the 18th to the 24th of March): the same run.
    # "(១៨-២៤ មីនា ២០២៤)" (18-24 March 2024): a run of days written as a list's heading does.
    ("days", re.compile(rf"(?:ថ្ងៃទី\s?|(?<![\d.,/:]))(?P<d>\d{{1,2}})\s?(?:[-–]|(?:រហូត\s?)?ដល់\s?(?:ថ្ងៃទី\s?)?)\s?(?P<d2>\d{{1,2}})\s?(?:ខែ\s?)?(?P<m>{_MONTH})(?:\s?(?:ឆ្នាំ\s?)?(?P<y>\d{{4}})(?!\d))?")),
    # "០៤/០១/២០១៧": day first, as Cambodian writers put it.
    ("numeric", re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<mm>\d{1,2})/(?P<y>\d{4})(?!\d)")),
    ("dmy", re.compile(rf"(?:ថ្ងៃទី\s?)?(?P<d>\d{{1,2}})\s?(?:ខែ\s?)?(?P<m>{_MONTH})\s?(?:ឆ្នាំ\s?)?(?P<y>\d{{4}})(?!\d)")),
    ("dm", re.compile(rf"ថ្ងៃទី\s?(?P<d>\d{{1,2}})\s?(?:ខែ\s?)?(?P<m>{_MONTH})")),
    ("my", re.compile(rf"ខែ\s?(?P<m>{_MONTH})\s?(?:ឆ្នាំ\s?)?(?:(?P<y>\d{{4}})(?!\d)|ឆ្នាំ\s?(?P<this>នេះ))")),
    ("m", re.compile(rf"ខែ\s?(?P<m>{_MONTH})")),
    ("y", re.compile(r"ឆ្នាំ\s?(?P<y>\d{4})(?!\d)")),
    # "ចាប់តាំងពីដើមឆ្នាំមក" (since the start of the year): the year's first day, after ពី only.
    ("year_start", re.compile(r"(?<=ពី)\s?ដើមឆ្នាំ\s?(?:(?P<y>\d{4})(?!\d)|នេះ)?")),
    # Relative words; "១០០ឆ្នាំមុន" (a hundred years ago) is a duration, not last year.
    ("yesterday", re.compile(r"ម្សិលមិញ")),
    ("today", re.compile(r"ថ្ងៃនេះ")),
    ("last_month", re.compile(r"(?<!\d)(?<!\d\s)ខែ(?:មុន|កន្លងទៅ)")),
    ("this_month", re.compile(r"ខែនេះ")),
    ("last_year", re.compile(r"(?<!\d)(?<!\d\s)ឆ្នាំ(?:មុន|ទៅ|កន្លងទៅ)")),
    ("this_year", re.compile(r"ឆ្នាំនេះ")),
]  # fmt: skip


@dataclass(frozen=True)
class KhmerDate:
    """A date or period named in a Khmer sentence, resolved against the publication date."""

    words: str
    start: int  # offsets in the sentence as written
    end: int
    first: dt.date
    last: dt.date
    precision: DatePrecision
    norm_start: int = 0  # offsets in the normalised sentence (for the other readers)
    norm_end: int = 0


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), nxt - dt.timedelta(days=1)


def _latest_year(month: int, day: int, published: dt.date) -> int:
    """A date given without its year is the latest one not after publication."""
    year = published.year
    return year if (month, day) <= (published.month, published.day) else year - 1


def _resolve(kind: str, m: re.Match[str], pub: dt.date) -> tuple[dt.date, dt.date, DatePrecision]:
    day = DatePrecision.day
    if kind == "days":
        month = MONTHS[m["m"]]
        year = int(m["y"]) if m["y"] else _latest_year(month, int(m["d"]), pub)
        if int(m["d2"]) <= int(m["d"]):
            raise ValueError(m.group(0))  # no run of days: a blank beats a guess
        return dt.date(year, month, int(m["d"])), dt.date(year, month, int(m["d2"])), day
    if kind == "range":
        m1, m2 = MONTHS[m["m"]], MONTHS[m["m2"]]
        year = int(m["y"]) if m["y"] else pub.year if m["this"] else _latest_year(m2, 28, pub)
        year1 = int(m["y1"]) if m["y1"] else (year if m1 <= m2 else year - 1)
        return _month_span(year1, m1)[0], _month_span(year, m2)[1], DatePrecision.month
    if kind == "first_months":
        n = int(m["n"]) if m["n"] else _NUMBERS[m["nw"]]
        if not 1 <= n <= 12:
            raise ValueError(n)  # "១៥ ខែ": no such stretch of a year
        year = int(m["y"]) if m["y"] else pub.year
        if not m["y"] and _month_span(year, n)[1] > pub and "នេះ" not in m.group(0):
            year -= 1
        return dt.date(year, 1, 1), _month_span(year, n)[1], DatePrecision.month
    if kind == "half":
        h = int(m["h"])
        year = int(m["y"]) if m["y"] else pub.year
        first, last = (
            dt.date(year, 1 + 6 * (h - 1), 1),
            dt.date(year, 6 + 6 * (h - 1), 30 + (h == 2)),
        )
        if not m["y"] and last > pub and "នេះ" not in m.group(0):
            first, last = first.replace(year=year - 1), last.replace(year=year - 1)
        return first, last, DatePrecision.month
    if kind == "quarter":
        q = int(m["q"])
        year = int(m["y"]) if m["y"] else pub.year
        if not m["y"] and not m["this"] and _month_span(year, 3 * q)[1] > pub:
            year -= 1
        return _month_span(year, 3 * q - 2)[0], _month_span(year, 3 * q)[1], DatePrecision.month
    if kind == "numeric":
        d = dt.date(int(m["y"]), int(m["mm"]), int(m["d"]))
        return d, d, day
    if kind == "dmy":
        d = dt.date(int(m["y"]), MONTHS[m["m"]], int(m["d"]))
        return d, d, day
    if kind == "dm":
        month, dd = MONTHS[m["m"]], int(m["d"])
        d = dt.date(_latest_year(month, dd, pub), month, dd)
        return d, d, day
    if kind in ("my", "m"):
        month = MONTHS[m["m"]]
        this = kind == "my" and m["this"]
        year = pub.year if this else int(m["y"]) if kind == "my" else _latest_year(month, 1, pub)
        return (*_month_span(year, month), DatePrecision.month)
    if kind == "y":
        return dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31), DatePrecision.year
    if kind == "year_start":
        first = dt.date(int(m["y"]) if m["y"] else pub.year, 1, 1)
        return first, first, day
    if kind in ("yesterday", "today"):
        d = pub - dt.timedelta(days=1 if kind == "yesterday" else 0)
        return d, d, day
    if kind in ("last_month", "this_month"):
        back = pub.replace(day=1) - dt.timedelta(days=1) if kind == "last_month" else pub
        return (*_month_span(back.year, back.month), DatePrecision.month)
    year = pub.year - (1 if kind == "last_year" else 0)
    return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.year


def _read_dates_norm(text: str, published: dt.date) -> list[KhmerDate]:
    found: list[KhmerDate] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(d.norm_start < m.end() and m.start() < d.norm_end for d in found):
                continue
            try:
                first, last, precision = _resolve(kind, m, published)
            except ValueError:  # "ថ្ងៃទី៣១ ខែកុម្ភៈ": no such day; a blank beats a guess
                continue
            if kind in ("y", "my") and _END_OF.search(text[: m.start()]):
                # "កាលពីចុងឆ្នាំ២០២២" (at the end of 2022): the last day, a stock's day (round 14).
                first, precision = last, DatePrecision.day
            found.append(KhmerDate("", 0, 0, first, last, precision, m.start(), m.end()))
    return sorted(found, key=lambda d: d.norm_start)


_END_OF = re.compile(r"ចុង\s?$")


# "ថ្ងៃទី១ ខែមករា ឆ្នាំ២០១៧ រហូតដល់ថ្ងៃទី៣០ ខែមេសា" (1 January 2017 until 30 April): two dates
# with "until" between are one period, never its last day alone.
# "... រហូតដល់ចុងឆ្នាំ២០២៣" (until the end of 2023): the end of the later date's span.
# "... ឆ្នាំ២០១៧ មក រហូតដល់ ..." (since ... 2017 up to ...): "មក" (hither) may come first (round 14).
_UNTIL = re.compile(r"\s?(?:មក\s?)?(?:រហូត\s?)?ដល់\s?(?:ចុង\s?)?$")
# "ចន្លោះខែមិថុនា និងខែតុលា" (between June and October): one period, both months whole.
_BETWEEN = re.compile(r"ចន្លោះ\s?$")
_AND = re.compile(r"\s?និង\s?$")
# "ចាប់តាំងពី ... ថ្ងៃទី១ ខែមករា ... គិតត្រឹមថ្ងៃទី៤ ខែមករា" (since 1 January ... as of 4 January):
# a date after "since" and a later one after "as of" or "until" are one running period.
_SINCE = re.compile(r"(?:ចាប់តាំងពី|តាំងពី|ចាប់ពី)")
_AS_OF = re.compile(r"(?:គិតត្រឹម|ត្រឹម|រហូតដល់|ដល់)\s?(?:ចុង\s?)?$")


def _join_ranges(text: str, found: list[KhmerDate]) -> list[KhmerDate]:
    out: list[KhmerDate] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.first <= d.last
            and (
                _UNTIL.fullmatch(text[prev.norm_end : d.norm_start])
                or (
                    _BETWEEN.search(text[max(0, prev.norm_start - 8) : prev.norm_start])
                    and _AND.fullmatch(text[prev.norm_end : d.norm_start])
                )
                or (
                    _SINCE.search(text[max(0, prev.norm_start - 60) : prev.norm_start])
                    and _AS_OF.search(text[prev.norm_end : d.norm_start])
                )
            )
        ):
            out[-1] = KhmerDate("", 0, 0, prev.first, d.last, d.precision,
                                prev.norm_start, d.norm_end)  # fmt: skip
        else:
            out.append(d)
    return out


def read_dates(sentence: str, published: dt.date) -> list[KhmerDate]:
    """Dates of a Khmer sentence: "ថ្ងៃទី៤ ខែមករា ឆ្នាំ២០១៧", "១៤ មីនា ២០១៩", "ខែធ្នូ ឆ្នាំ២០២១",
    "ឆ្នាំ២០១៨", month ranges ("ចាប់ពីខែមករា ដល់ខែកុម្ភៈ"), the first months of a year
    ("៥ ខែដើមឆ្នាំ២០១៩"), months without a year (the latest before publication), and ម្សិលមិញ
    (yesterday), ខែមុន (last month), ឆ្នាំមុន (last year), ឆ្នាំនេះ (this year)."""
    norm = normalise(sentence)
    out = []
    for d in _join_ranges(norm.text, _read_dates_norm(norm.text, published)):
        a, b = norm.offsets.span(d.norm_start, d.norm_end)
        out.append(
            KhmerDate(sentence[a:b], a, b, d.first, d.last, d.precision, d.norm_start, d.norm_end)
        )
    return out
