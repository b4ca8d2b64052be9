"""The candidates of an article: its figures with their dates, its quotations and reported
speech with their speakers, read from the clean text (rendered by records and command).

Long because a figure's dates may come from the figure it refers back to ("of them", "during
the ten months", "the same period last year"), each way checked against the words here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from corpus.cleaning import clean_body
from corpus.load import RawRecord, read_curated
from corpus.problems import Problems
from curation.suggest.beyond_count import claim_beside_count, speaker_after_verb
from curation.suggest.dates import (
    _COMPARE_WORDS,
    When,
    clause_about_now,
    offered,
    read_dates,
    when,
)
from curation.suggest.numbers import Figure, find_figures
from curation.suggest.proposals import heading_list
from curation.suggest.sentences import Sentence, SuggestError, split_sentences
from curation.suggest.speakers import (
    Speaker,
    _names_in,
    _resolve,
    attribute,
    find_quotations,
    find_reported,
    opinion_author,
    opinion_page,
    speech_author,
)
from curation.suggest.transcript import find_turns, turn_statement, turn_words

_MAX_ID = 80


# libyaml's emitter, where installed, is many times faster on a long article's scalars.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Article:
    """The text to read and what is known of its source."""

    raw: str
    file: Path
    source_id: str | None
    title: str | None
    published_on: dt.date | None


def _curated(seeds_dir: Path) -> list[RawRecord]:
    curated = seeds_dir / "curated"
    if not curated.is_dir():
        return []
    return read_curated(curated, seeds_dir.parent, Problems())


def _decode(data: bytes, file: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SuggestError(f"{file} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_article(target: str, seeds_dir: Path, records: Sequence[RawRecord]) -> Article:
    """A registered source id (its seed file and title) or a path to any text file."""
    sources = {r.data.get("source_id"): r.data for r in records if r.kind == "sources"}
    path = Path(target)
    src = sources.get(target)
    if src is not None:
        path = seeds_dir / "articles" / str(src.get("seed_file"))
        if not path.is_file():
            raise SuggestError(f"source {target!r} names {path}, which does not exist")
    elif path.is_file():
        # A seed file given by path still gets its source's title and id.
        src = next(
            (
                s
                for s in sources.values()
                if s.get("seed_file") == path.name
                and (seeds_dir / "articles" / path.name).resolve() == path.resolve()
            ),
            None,
        )
    else:
        raise SuggestError(f"{target!r} is neither a registered source id nor a file")
    published = src.get("published_on") if src else None
    return Article(
        raw=_decode(path.read_bytes(), path),
        file=path,
        source_id=src.get("source_id") if src else None,
        title=src.get("title") if src else None,
        published_on=published if isinstance(published, dt.date) else None,
    )


def _scalar(value: Any) -> str:
    """A YAML scalar on one line, quoted where YAML needs it."""
    if value is None:
        return "null"
    text = yaml.dump(
        value, Dumper=_DUMPER, allow_unicode=True, width=10**9, default_flow_style=True
    )
    return text.strip().removesuffix("...").strip()


def _comment(text: str) -> str:
    return "  # " + " ".join(text.split())


@dataclass(frozen=True)
class Candidate:
    """One draft record: the passage it rests on, its figure if any, and the speaker guessed."""

    quote: str
    speaker: Speaker | None
    found_in: str
    figure: Figure | None = None
    kind: str = "direct"  # a statement's kind: direct (in quotation marks) or reported


_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def inner_quote(text: str) -> str:
    """The speaker's own words of a direct statement: the longest passage in quotation
    marks, without the ',' that hands over to '" he said.' (the check wants direct words
    inside the marks)."""
    parts = [m.group(1) for m in _QUOTED.finditer(text)]
    if not parts:
        return text
    words = max(parts, key=len).strip().rstrip(",;:").strip()
    return words if len(words) >= 3 else text


# "told anti-drug officers not to protect traffickers", "who said traffickers were ...": a
# claim beside the sentence's figure, so the sentence is a statement as well as a figure.
# Each clause stops where the next speech verb takes over ("said it had recorded 11 deaths
# ... and called on the government to close them": the call is a claim of its own).
_VERBS = (
    r"said|says|told|urged|warned|called on|called for|suggested|proposed|added|doubted|"
    r"denied|rejected|criticised|criticized|insisted|admitted|acknowledged|proposes|"
    r"recommends|recommended"
)
_SPEECH_CLAUSE = re.compile(
    rf"(?<!according )\b(?:{_VERBS})\s+([a-z][^,.;:]*?)(?=\s+and\s+(?:{_VERBS})\b|[,.;:]|$)"
)
_NOT_CLAUSE = frozenset(("on", "in", "at", "yesterday", "today", "last", "this"))
# "told the Assembly that arrests had reached 57,650, and that the government would not slow
# down": a second "that" clause after the figure's is a claim of its own.
_AND_THAT = re.compile(r",?\s+and\s+that\s+([a-z][^,.;:]*)")


def _speech_beyond(sentence: Sentence) -> bool:
    if claim_beside_count(sentence.masked):  # round thirty-one: a claim outside the verb's clause
        return True
    for m in [*_SPEECH_CLAUSE.finditer(sentence.masked), *_AND_THAT.finditer(sentence.masked)]:
        words = m.group(1).split()
        if m.re is _SPEECH_CLAUSE and speaker_after_verb(sentence.masked, m.start()):
            continue  # "..., said a staff member who ...": the speaker, no claim (round 31)
        if (
            len(words) >= 4
            and words[0] not in _NOT_CLAUSE
            # "He added that nearly a third of them were women": a figure in words is a count
            # too, no claim beside it.
            and not re.search(
                r"(?<![\w-])\d|\b(?:half|third|thirds|quarter|quarters)\b"
                r"|\bone\s+in\s+(?:two|three|four|five|ten|twenty|\d+)\b",
                m.group(1),
            )
        ):
            return True
    return False


# "Our reporter spoke to X", "in an interview with X": the person the questions are put to.
_INTERVIEWED = re.compile(
    r"\b(?:spoke|talked|sat\s+down)\s+(?:to|with)\s+|\binterview(?:ed)?\s+(?:with\s+)?", re.I
)


def _interviewee(intro: str) -> Speaker | None:
    """Whose every "A:" is: the person a Q&A's introduction says it spoke to, else the first
    person it names."""
    put_to = _INTERVIEWED.search(intro)
    names = (_names_in(intro[put_to.end() :]) if put_to else []) or _names_in(intro)
    return Speaker(names[0], names[0], named=True) if names else None


def candidates(
    raw: str, title: str | None = None, counts: Callable[[Figure, str], bool] | None = None
) -> tuple[list[Candidate], list[Candidate]]:
    """Indicator and statement candidates of an article, from its clean body; ``counts`` says
    whether a figure counts something the campaign is measured by (records: the codebook)."""
    body = clean_body(raw, title)
    sentences, spans = split_sentences(body)
    opinion = opinion_page(raw)
    turns = find_turns(body, sentences, interviewee=_interviewee)
    author = opinion_author(body) if opinion else speech_author(body)
    who = attribute(sentences, opinion, turns.speaker, author)
    dropped: set[int] = set()
    kept = [
        f
        for f in find_figures(sentences, dropped)
        if counts is None or counts(f, sentences[f.sentence].text)
    ]
    figures = [
        Candidate(
            sentences[f.sentence].text, *_resolve(f.sentence, f.sentence, who, False), figure=f
        )
        for f in kept
    ]
    quotations = find_quotations(body, sentences, spans)
    quotes = [Candidate(inner_quote(q.text), *_resolve(q.first, q.last, who)) for q in quotations]
    # Reported speech ("X said that ...", "X urged ..."), where no quotation or figure is, nor
    # a number that is no figure ("impounded 212 cars, the report said").
    skip = {
        f.sentence
        for f in kept
        if not (_speech_beyond(sentences[f.sentence]) or _MONEY.search(f.words))
    }
    skip |= {k for k in dropped if not _speech_beyond(sentences[k])}
    skip |= {k for q in quotations for k in range(q.first, q.last + 1)}
    reported = [
        Candidate(sentences[k].text, *_resolve(k, k, who), kind="reported")
        for k in find_reported(sentences, who, skip, opinion)
    ]
    # A transcript turn's sentence is its speaker's statement though no verb or mark says so.
    # "We do not have enough doctors: there are 41 ...": a claim with no number before the
    # colon is a statement beside the figure after it (round thirteen).
    beside = {k for k in turns.speaker if _CLAIM_THEN_COUNT.match(sentences[k].masked)}
    taken = (skip - beside) | set(find_reported(sentences, who, skip, opinion))
    spoken = [
        Candidate(words, who.own[k], "a transcript turn", kind="reported")
        for k in sorted(turns.speaker)
        if k not in taken
        and not any(q in sentences[k].text for q in '“”"')
        and turn_statement(words := turn_words(sentences[k], turns, k))
    ]
    # "RECOMMENDATIONS" then "1. Expand ...": with no lead-in sentence to carry them, a
    # heading's listed measures are the document's own statements (round thirteen); who the
    # document is, a curator says.
    listed = [
        Candidate(sentences[k].text, None, "an item of a list under a heading", kind="reported")
        for k in heading_list(body, sentences)
        if k not in taken and k not in turns.speaker
    ]
    statements = sorted(quotes + reported + spoken + listed, key=lambda c: body.find(c.quote))
    return figures, statements


# Round twenty-four (c): a sum of money ("paid $150 a trip", "offered the family $500") is no
# count the campaign is measured by (the keys hold such figures one time in thirteen on unseen
# articles: corpus/confidence.yaml, figures "money"): the speech around it is still a statement.
_MONEY = re.compile(r"\$|\b(?:usd|riel|baht|dollars?|euros?)\b|ដុល្លារ|រៀល", re.I)


# A claim of four words or more, no number in it, then a colon or semicolon and a count.
_CLAIM_THEN_COUNT = re.compile(r"^\s*(?:[^\s:;\d]+\s+){3,}[^\s:;\d]+\s*[:;]\s+\S*.*\d")


# "over the same period", "Of the suspects, 6,040 ...": the figure shares the period of the
# figure before it.
_SAME = re.compile(
    r"\b(?:the\s+same\s+(?:period|raids?|operations?|time|(?:\w+\s+)?months?))\b"
    r"|^(?:Of|Among)\s+(?:the|those|these|them)\b"
    r"|\b(?:during|in|over)\s+the\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|\d+)\s+(?:months|weeks|days)\b"
    r"|\b(?:during|over|in)\s+the\s+(?:whole\s+)?year\b(?!\s+(?:before|earlier|ago))",
    re.I,
)
# ", and investigated 1,302 drug cases": a count coordinated with the one before it.
_AND_VERB = re.compile(r",?\s+and\s+(?:\w+\s+)?\w+ed\s+(?:\w+\s+){0,2}$", re.I)
_OF_THEM = re.compile(r"\b(?:of\s+them|of\s+those|of\s+whom|among\s+them)\b", re.I)
# "Of those arrested", "Among them": words that refer back to a count, not to a period. Across
# sentences they date nothing for sure (the count before may be the wrong one): a suggestion.
_COUNT_BACK = re.compile(r"^\s*(?:Of|Among)\s+(?:the|those|these|them)\b", re.I)
# "now", "currently": words that place a count at publication, unlike a bare present tense.
_NOW_WORD = re.compile(r"\b(?:now|still|currently|at\s+present|to\s+date)\b", re.I)
# "Cambodia has 19 centres", "now holds 650": a count standing at publication.
_PRESENT = re.compile(
    r"\b(?:has|have)\b(?!\s+(?:been|had|\w+ed)\b)|\b(?:holds?|now|currently|remains?|"
    r"there\s+(?:are|is))\b",
    re.I,
)


_PAST = re.compile(r"\b(?:was|were|had|did)\b")
# Past tense that is not the count's (round twenty-eight): a capacity's passive ("which was
# built for 500") and a source's description ("a staff member who was not allowed to talk").
_PAST_NOT_THEIRS = re.compile(
    r"\b(?:was|were)\s+(?:originally\s+)?(?:built|meant|designed|intended)\s+(?:for|to\s+hold)\b"
    r"|\bwho\b[^,;]*",
    re.I,
)
# "built for 150 people", "space meant for 26,000", "designed for about 26,000": a capacity, a
# standing fact; with no date of its own, as of publication is offered (round twenty-eight).
_CAPACITY_BEFORE = re.compile(
    r"\b(?:built|meant|designed|intended)\s+(?:for|to\s+hold)\s+(?:(?:about|some|roughly|around|"
    r"nearly|just|only|up\s+to)\s+)?$",
    re.I,
)
# "over the same months last year", right after a figure: the period set against, a year back.
_SAME_LAST_YEAR = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:over|in|during|for)\s+the\s+same\s+(?:[\w-]+\s+)?"
    r"(?:period|months?|weeks?|days?|time)"
    # "in the same period of 2023": the year named, when it is before the figure it is set against.
    r"\s+(?:of\s+|in\s+)?(?:last\s+year|(?P<year>(?:19|20)\d{2}))\b",
    re.I,
)


_MONTH_COUNT = {w: n for n, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), 1)}  # fmt: skip
_N_MONTHS = re.compile(
    rf"\b(?:during|in|over)\s+the\s+(?:same\s+)?(\d+|{'|'.join(_MONTH_COUNT)})\s+months\b", re.I
)


_THE_YEAR = re.compile(r"\b(?:during|over|in)\s+the\s+(?:whole\s+)?year\b", re.I)


def _months_differ(quote: str, before: When) -> bool:
    """ "during the 10 months" refers back only to a period of ten whole months, "during the
    year" only to a whole calendar year."""
    if _THE_YEAR.search(quote):
        start, end = before.period_start, before.period_end
        whole = (start.month, start.day, end.month, end.day) if start and end else None
        return not (whole == (1, 1, 12, 31) and start.year == end.year)
    m = _N_MONTHS.search(quote)
    if m is None:
        return False
    n = _MONTH_COUNT.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
    start, end = before.period_start, before.period_end
    if start is None or end is None or start.day != 1:
        return True
    return (end.year - start.year) * 12 + end.month - start.month + 1 != n or (
        end + dt.timedelta(days=1)
    ).day != 1


def _same_period_a_year_before(quote: str, published: dt.date | None) -> int | None:
    """The year of "the same period last year / in 2020" a change is set against, if that is
    the only comparison in the sentence."""
    if published is None:
        return None
    compared = [r for r in read_dates(quote, published) if r.role == "compare"]
    if len(compared) != 1 or compared[0].kind != "same_period":
        return None
    return compared[0].first.year


def _compared(o: Candidate, figures: Sequence[Candidate]) -> bool:
    """A figure given only to compare with ("compared with 15,020 people", "from 3,215"):
    the words referring back later ("those arrested") do not mean it."""
    assert o.figure is not None
    prev = [
        p.figure.end
        for p in figures
        if p.figure is not None
        and p.figure.sentence == o.figure.sentence
        and p.figure.end <= o.figure.start
    ]
    return bool(prev) and bool(_COMPARE_WORDS.search(o.quote[max(prev) : o.figure.start]))


def prev_end(before_it: Sequence[Candidate]) -> int:
    """Where the figure before this one in its sentence ends (0 if none)."""
    return max((o.figure.end for o in before_it if o.figure is not None), default=0)


def _at_publication(own: When, published: dt.date | None, why: str, reason: str) -> When:
    """`own` dated as of publication, a suggestion (confidence 0.6), `why` in its notes."""
    return replace(
        own,
        as_of=published,
        notes=(*own.notes, f"{why}: as of publication, {published}"),
        confidence=0.6,
        reason=reason,
    )


def _year_back(dates: When | None, year: str | None = None) -> When:
    """The same period a year earlier (or in the year named); blank when there is no period to
    move, or the year named is not before it."""
    if dates is None or dates.period_start is None or dates.period_end is None:
        return When(reason="the same period last year, but no period to set it against: blank")
    back = dates.period_start.year - int(year) if year else 1
    if back < 1 or dates.period_start.year != dates.period_end.year:
        return When(reason="the same period of a year not before the figure's: blank")
    try:
        start = dates.period_start.replace(year=dates.period_start.year - back)
        end = dates.period_end.replace(year=dates.period_end.year - back)
    except ValueError:  # 29 February
        return When(reason="the same period last year falls on 29 February: blank")
    return When(
        start, end, end, None, dates.precision, (*dates.notes, "the same period, a year back"),
        0.6, "the same period last year as the figure it is set against",
    )  # fmt: skip


# "risen from 7 to 16": the first count of a change, and the count it rose (or fell) to.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:some|about|around|nearly|just)\s+)?$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+(?:(?:some|about|around|nearly|more\s+than|over)\s+)?\d")


def figure_dates(c: Candidate, figures: Sequence[Candidate], published: dt.date | None) -> When:
    """The dates of a figure candidate, from the words nearest it in its sentence; else the
    period of the figure it refers back to ("over the same period"), else, for a count in the
    present tense, the publication date (said so, with the reason)."""
    fig = c.figure
    assert fig is not None
    others = [
        (o.figure.start, o.figure.end)
        for o in figures
        if o.figure is not None and o.figure.sentence == fig.sentence and o.figure is not fig
    ]
    own = when(c.quote, published, (fig.start, fig.end), others)
    if (
        own.reason.startswith("the nearest date in its clause")
        and fig.unit == "facilities"
        and (own.period_start is not None)
    ):
        # "the country's 14 centres took in 7,216 users in the first eleven months": the
        # period is the other count's; the places stand on a day the words do not give.
        own = When(notes=own.notes, reason="a count of places beside another count's period: blank")
    if (
        own.period_start is not None
        and own.period_end is None
        and _FROM_BEFORE.search(c.quote, 0, fig.start)
        and _TO_AFTER.match(c.quote, fig.end)
    ):
        # "has risen from 7 to 16 since the campaign was launched on 1 January 2017": the
        # count it rose from stands on the day the running period began (round eleven).
        own = replace(own, period_start=None, as_of=own.period_start,
                      notes=(*own.notes, "the count a change starts from: as of its first day"),
                      reason="the first count of 'from ... to ...': as of the period's first day")  # fmt: skip
    one_day = own.period_start is not None and own.period_start == own.period_end == own.as_of
    if one_day and fig.unit not in ("people", "cases", "kg", "facilities", "villages"):
        # "a fund of $1 million, said ... on Thursday": an amount as of that day, no count.
        own = replace(own, period_start=None, period_end=None)
    if published is None:
        return own
    mates = sorted(
        (o for o in figures if o.figure is not None and o.figure.sentence == fig.sentence),
        key=lambda o: o.figure.start,
    )
    before_it = [o for o in mates if o.figure.end <= fig.start]
    after_it = [o.figure.start for o in mates if o.figure.start >= fig.end]
    if same := _SAME_LAST_YEAR.match(c.quote, fig.end, after_it[0] if after_it else len(c.quote)):
        # "from 3,215 over the same months last year": the period of the figure it is set
        # against, a year back (or in the year named); a blank when that figure has none.
        earlier = figure_dates(before_it[-1], figures, published) if before_it else None
        if fig.unit == "percent":
            # "9,870 cases ..., about 12 per cent more than in the same period of 2018": the
            # change covers the count before it, when that count is of the year after; else blank.
            back = same.group("year")
            start = earlier.period_start if earlier is not None else None
            if start is None or (back and start.year != int(back) + 1):
                return When(reason="a change on the same period: no count to take it from: blank")
            return replace(earlier, confidence=0.6, notes=(*earlier.notes, "a change on the "
                           "same period a year before: the period of the count it changes"),
                           reason="a change on the same period a year before")  # fmt: skip
        return _year_back(earlier, same.group("year"))
    if own.confidence or own.reason.startswith("its own date words"):
        return own  # dated by its own words, or by words that are not read: never a guess
    if _CAPACITY_BEFORE.search(c.quote, 0, fig.start):
        # "The centre was built for 300 people": a capacity stands until it changes; the day
        # the words give none is the dateline's, a suggestion (training: 11 of 13 right).
        cap = _at_publication(
            own,
            published,
            "a capacity, no date of its own",
            "a capacity with no date of its own: as of publication",
        )
        return offered(cap, "a capacity with no date of its own", own.said_on)
    # "12 of them", "those arrested" refer back only from the figure's own stretch of the
    # sentence (between the figures beside it), first to a figure before it in the sentence.
    region = (before_it[-1].figure.end if before_it else 0, after_it[0] if after_it else None)
    of_them = _OF_THEM.search(c.quote, region[0], region[1] or len(c.quote))
    refers = of_them or _SAME.search(c.quote)
    earlier = [
        o
        for o in figures
        if o.figure is not None and o.figure.sentence < fig.sentence and not _compared(o, figures)
    ]
    if of_them:
        earlier = [o for o in before_it if not _compared(o, mates)] or earlier
    compared = any(n.startswith("not the figure's date") for n in own.notes)
    if before_it and (joined := _AND_VERB.search(c.quote[before_it[-1].figure.end : fig.start])):
        refers = refers or joined
        earlier = [o for o in before_it if not _compared(o, mates)] or earlier
        compared = False  # the comparison belongs to the figure before, not to this one
    if clause_about_now(c.quote, (fig.start, fig.end)):
        refers = None  # ", and 7 of those centres still hold ...": a count of today, not theirs
    if refers and earlier and compared and _same_period_a_year_before(c.quote, published):
        # "was up 21 percent from the same period last year": the change covers the period of
        # the count before it, when that period is the year after the one compared with.
        before = figure_dates(earlier[-1], figures, published)
        back = _same_period_a_year_before(c.quote, published)
        if (
            before.confidence
            and before.period_start
            and before.period_end
            and (before.period_start.year == before.period_end.year == back + 1)
        ):
            prev = max((o.figure.end for o in before_it), default=0)
            elsewhere = earlier[-1].figure.sentence != fig.sentence
            if _COMPARE_WORDS.search(c.quote[prev : fig.start].rsplit(",", 1)[-1]):
                back_then = _year_back(before)  # "..., at 3,420 against 3,140": the earlier count
                if elsewhere:
                    return offered(back_then, "a count set against a period in another sentence",
                                   own.said_on)  # fmt: skip
                return back_then
            change = replace(
                before,
                said_on=own.said_on,
                notes=(
                    *own.notes,
                    f"a change on {back}: the period of {earlier[-1].figure.words!r} before it",
                ),  # fmt: skip
                confidence=0.6,
                reason="a change on the same period a year before, the period of the figure "
                "before it",
            )
            if elsewhere:
                # The count it changes is in another sentence: a suggestion, never filled.
                return offered(change, "a change whose count is in another sentence", own.said_on)
            return change
    if refers and earlier and not compared:
        # "during the year", "during the ten months" say how long the period is: they may pass
        # over undated figures back to the nearest dated one, which must be that long.
        sized = _THE_YEAR.search(c.quote) or _N_MONTHS.search(c.quote)
        for o in earlier[::-1] if sized else earlier[-1:]:
            before = figure_dates(o, figures, published)
            if any(n.endswith("left blank, nothing offered") for n in before.notes):
                break  # its period has a start and no end the words give: nothing to share
            if not before.confidence:
                continue
            if _months_differ(c.quote, before):
                break
            back = replace(
                before,
                said_on=own.said_on,
                notes=(*own.notes, f"the period of {o.figure.words!r} before it"),
                confidence=0.6,
                reason="refers back to the figure before it",
            )
            if o.figure.sentence != fig.sentence and (
                of_them or _COUNT_BACK.match(c.quote) or not _SAME.search(c.quote)
            ):
                # "Of those, 120 ...": words about a count, not a period, reaching into another
                # sentence; the period is only inferred, so it is offered, not filled. ("over
                # the same period" names the article's own framing: filled.)
                return offered(back, f"refers back to {o.figure.words!r} in another sentence",
                               own.said_on)  # fmt: skip
            return back
    set_against = _COMPARE_WORDS.search(c.quote[prev_end(before_it) : fig.start])
    if (
        _PRESENT.search(c.quote)
        and not _PAST.search(_PAST_NOT_THEIRS.sub(" ", c.quote))
        and "estimat" not in c.quote
        and not set_against  # "has 20,000 users, down from 27,000": the earlier count
    ):
        word = _PRESENT.search(c.quote).group(0)
        now = _at_publication(
            own,
            published,
            f"present tense ({word!r})",
            "a count in the present tense: as of publication",
        )
        if _NOW_WORD.search(c.quote):
            return now  # "now", "currently": the clause places it at publication
        # "Cambodia has 19 centres": the tense alone, no word of time; the day is the
        # dateline's, a suggestion.
        return offered(now, f"a count in the present tense ({word!r}), no word of time",
                       own.said_on)  # fmt: skip
    return own
