"""The draft: read an article and the codebook, and render candidate records as YAML to review.

Long because it renders every kind of candidate record; each renderer is short and they share
the id and YAML helpers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from corpus.cleaning import clean_body
from corpus.load import RawRecord, read_curated
from corpus.problems import Problems
from curation.suggest.dates import When, when
from curation.suggest.numbers import Figure, find_figures
from curation.suggest.sentences import Sentence, SuggestError, split_sentences
from curation.suggest.speakers import (
    Speaker,
    _resolve,
    attribute,
    find_quotations,
    find_reported,
    new_actor,
)
from data_model.records import Stance, Topic

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


@dataclass(frozen=True)
class Hints:
    """Curated ids to name in the TODO comments."""

    metrics: dict[str, list[str]]
    actors: list[dict[str, Any]]
    phases: list[str]


def _curated(seeds_dir: Path) -> list[RawRecord]:
    curated = seeds_dir / "curated"
    if not curated.is_dir():
        return []
    return read_curated(curated, seeds_dir.parent, Problems())


def _hints(records: Sequence[RawRecord]) -> Hints:
    metrics: dict[str, list[str]] = {}
    actors, phases = [], []
    for r in records:
        if r.kind == "metrics" and isinstance(r.data.get("metric_id"), str):
            metrics.setdefault(str(r.data.get("unit")), []).append(r.data["metric_id"])
        elif r.kind == "actors" and isinstance(r.data.get("actor_id"), str):
            actors.append(r.data)
        elif r.kind == "phases" and isinstance(r.data.get("phase_id"), str):
            phases.append(r.data["phase_id"])
    return Hints(metrics, actors, phases)


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


def _slug(text: str, words: int = 4) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words])


def _make_id(prefix: str, tail: str, taken: dict[str, int]) -> str:
    """A valid id, unique in this draft; ``taken`` counts the uses of each base."""
    tail = tail.strip("-") or "item"
    room = _MAX_ID - 4 - len(tail) - 1
    base = f"{prefix[:room].rstrip('-')}-{tail}"[: _MAX_ID - 4]
    n = taken.get(base, 0) + 1
    ident = base if n == 1 else f"{base}-{n}"
    while ident in taken:  # a suffixed id may equal another base; rare, so short
        n += 1
        ident = f"{base}-{n}"
    taken[base] = n
    taken.setdefault(ident, 1)
    return ident


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def _actor_guess(speaker: Speaker | None, hints: Hints) -> list[str]:
    if speaker is None:
        return []
    who = speaker.name.casefold()
    found = []
    for actor in hints.actors:
        names = [str(actor.get("name", "")), *[str(a) for a in actor.get("aliases") or []]]
        folded = [n.casefold() for n in names if n]
        # A short form ("Eno" for "Maggie Eno") only counts for a named speaker.
        short = speaker.named and any(
            n.endswith(" " + who) or who.endswith(" " + n) for n in folded
        )
        if who in folded or short:
            found.append(actor["actor_id"])
    return found


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
_SPEECH_CLAUSE = re.compile(
    r"(?<!according )\b(?:said|says|told|urged|warned|called on|called for|suggested|proposed|"
    r"added|doubted)\s+([a-z][^,.;:]*)"
)
_NOT_CLAUSE = frozenset(("on", "in", "at", "yesterday", "today", "last", "this", "that", "the"))


def _speech_beyond(sentence: Sentence) -> bool:
    for m in _SPEECH_CLAUSE.finditer(sentence.masked):
        words = m.group(1).split()
        if (
            len(words) >= 4
            and words[0] not in _NOT_CLAUSE
            and not re.search(r"(?<![\w-])\d", m.group(1))
        ):
            return True
    return False


def candidates(raw: str, title: str | None = None) -> tuple[list[Candidate], list[Candidate]]:
    """Indicator and statement candidates of an article, from its clean body."""
    body = clean_body(raw, title)
    sentences, spans = split_sentences(body)
    who = attribute(sentences)
    figures = [
        Candidate(
            sentences[f.sentence].text, *_resolve(f.sentence, f.sentence, who, False), figure=f
        )
        for f in find_figures(sentences)
    ]
    quotations = find_quotations(body, sentences, spans)
    quotes = [Candidate(inner_quote(q.text), *_resolve(q.first, q.last, who)) for q in quotations]
    # Reported speech ("X said that ...", "X urged ..."), where no quotation or figure is.
    skip = {
        f.sentence for f in find_figures(sentences) if not _speech_beyond(sentences[f.sentence])
    }
    skip |= {k for q in quotations for k in range(q.first, q.last + 1)}
    reported = [
        Candidate(sentences[k].text, *_resolve(k, k, who), kind="reported")
        for k in find_reported(sentences, who, skip)
    ]
    statements = sorted(quotes + reported, key=lambda c: body.find(c.quote))
    return figures, statements


# "over the same period", "Of the suspects, 6,040 ...": the figure shares the period of the
# figure before it.
_SAME = re.compile(
    r"\b(?:the\s+same\s+(?:period|raids?|operations?|time|months?)|of\s+them|of\s+those|"
    r"of\s+whom|among\s+them)\b|^Of\s+the\b",
    re.I,
)
# "Cambodia has 19 centres", "now holds 650": a count standing at publication.
_PRESENT = re.compile(
    r"\b(?:has|have)\b(?!\s+(?:been|had|\w+ed)\b)|\b(?:holds?|now|currently|remains?|"
    r"there\s+(?:are|is))\b",
    re.I,
)


_PAST = re.compile(r"\b(?:was|were|had|did)\b")


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
    if own.confidence or published is None:
        return own
    earlier = [o for o in figures if o.figure is not None and o.figure.sentence < fig.sentence]
    compared = any(n.startswith("not the figure's date") for n in own.notes)
    if _SAME.search(c.quote) and earlier and not compared:
        before = figure_dates(earlier[-1], figures, published)
        if before.confidence:
            return replace(
                before,
                said_on=own.said_on,
                notes=(*own.notes, f"the period of {earlier[-1].figure.words!r} before it"),
                confidence=0.6,
                reason="refers back to the figure before it",
            )
    if _PRESENT.search(c.quote) and not _PAST.search(c.quote):
        word = _PRESENT.search(c.quote).group(0)
        return replace(
            own,
            as_of=published,
            notes=(*own.notes, f"present tense ({word!r}): as of publication, {published}"),
            confidence=0.6,
            reason="a count in the present tense: as of publication",
        )
    return own


def _maybe(speaker: Speaker, hints: Hints) -> str:
    guess = _actor_guess(speaker, hints)
    return f"; maybe {', '.join(guess)}" if guess else ""


def _hedge_comment(fig: Figure) -> str:
    if not fig.hedge:
        return "no hedge before the figure" + ("; a plural count" if fig.note else "")
    if fig.hedge.lower() in ("nearly", "almost"):
        return f'from "{fig.hedge}": read as approx; at_most if only the ceiling matters'
    return f'from "{fig.hedge}"'


def _indicator_lines(
    c: Candidate, article: Article, hints: Hints, ident: str, figures: Sequence[Candidate]
) -> list[str]:
    fig = c.figure
    assert fig is not None
    unit = fig.unit or "unknown"
    metric_ids = hints.metrics.get(unit, [])
    metric_note = f"unit guess: {unit}" + (
        f"; {unit} metrics: {', '.join(metric_ids)}" if metric_ids else ""
    )
    phases = f" ({', '.join(hints.phases)})" if hints.phases else ""
    dates = figure_dates(c, figures, article.published_on)
    read = "; ".join(dates.notes)
    # The publication date is never a silent default: an unread date stays an explicit blank.
    start = _date_line(dates.period_start, read, "first day the figure covers, or leave empty")
    end = _date_line(dates.period_end, read, "last day the figure covers, or leave empty")
    as_of = _date_line(dates.as_of, read, "the date the figure is as of")
    value = _scalar(_number(fig.value))
    if fig.vague:
        value = "null" + _comment(
            f"TODO vague: the article says {fig.words!r}, a word, not a number; "
            "keep it as a statement or give the lowest value it allows with at_least"
        )
    if c.speaker is None:
        actor = _comment("TODO choose from actors.yaml, or leave empty")
        attribution = "null" + _comment("TODO who gave the figure, in the article's words")
    else:
        actor = _comment(
            f"TODO choose from actors.yaml (speaker: {c.speaker.name}{_maybe(c.speaker, hints)})"
        )
        attribution = _scalar(c.speaker.phrase) + _comment(f"TODO check: guessed from {c.found_in}")
    return [
        f"# {fig.words!r} -> {_number(fig.value)} ({unit}), {fig.qualifier.value}",
        f"- indicator_id: {_scalar(ident)}",
        "  metric_id: null" + _comment(f"TODO choose from metrics.yaml ({metric_note})"),
        f"  value: {value}",
        f"  qualifier: {fig.qualifier.value}" + _comment(_hedge_comment(fig)),
        f"  period_start: {start}",
        f"  period_end: {end}",
        f"  as_of: {as_of}",
        "  phase_id: null" + _comment(f"TODO choose from phases.yaml{phases}, or leave empty"),
        "  geography: national" + _comment("TODO check"),
        f"  source_id: {_source_line(article)}",
        "  actor_id: null" + actor,
        f"  attribution: {attribution}",
        f"  quote: {_scalar(c.quote)}",
        f"  note: {_scalar(fig.note)}",
    ]


def _date_line(value: dt.date | None, read: str, todo: str) -> str:
    if value is None:
        return "null" + _comment(f"TODO {todo}" + (f" (dates read: {read})" if read else ""))
    return _scalar(value) + _comment(f"check: from the words ({read})")


def _said_on(c: Candidate, article: Article) -> str:
    said = when(c.quote, article.published_on).said_on
    if said is None:
        return "null" + _comment("TODO when it was said, where the article tells; else leave empty")
    return _scalar(said) + _comment("check: the day named beside the speech verb")


def _new_actor_note(speaker: Speaker, hints: Hints, roles: dict[str, Speaker]) -> str:
    """For a speaker no curated actor matches: the actor to create, read from the words."""
    if _actor_guess(speaker, hints):
        return ""
    fresh = new_actor(roles.get(speaker.name, speaker))
    if fresh is None:
        return ""
    parts = [f"name: {fresh.name}"]
    parts += [f"role: {fresh.role}"] if fresh.role else []
    parts += [f"organisation: {fresh.organisation}"] if fresh.organisation else []
    return "; new actor? " + ", ".join(parts)


def _statement_lines(
    c: Candidate, article: Article, hints: Hints, ident: str, roles: dict[str, Speaker]
) -> list[str]:
    if c.speaker is None:
        who = "TODO choose from actors.yaml (no speaker found)"
    else:
        found = f"speaker {c.speaker.phrase!r}, found in {c.found_in}{_maybe(c.speaker, hints)}"
        who = f"TODO choose from actors.yaml ({found}{_new_actor_note(c.speaker, hints, roles)})"
    kind = (
        "  kind: direct" + _comment("the speaker's words in quotation marks")
        if c.kind == "direct"
        else "  kind: reported"
        + _comment("reported speech: the article's words, not the speaker's")
    )
    return [
        f"- statement_id: {_scalar(ident)}",
        "  actor_id: null" + _comment(who),
        f"  source_id: {_source_line(article)}",
        f"  quote: {_scalar(c.quote)}",
        kind,
        "  said_on: " + _said_on(c, article),
        "  topic: null" + _comment(f"TODO one of: {', '.join(t.value for t in Topic)}"),
        "  stance: null" + _comment(f"TODO one of: {', '.join(s.value for s in Stance)}"),
    ]


def _indicator_tail(c: Candidate) -> str:
    fig = c.figure
    assert fig is not None
    return f"{_number(fig.value)}-{fig.unit or 'figure'}".replace(".", "-")


def _statement_tail(c: Candidate) -> str:
    said_by = _slug(c.speaker.name, 3) if c.speaker else ""
    spoken = _slug(c.quote, 3)
    return spoken if not said_by or spoken.startswith(said_by) else f"{said_by}-{spoken}"


def _source_line(article: Article) -> str:
    if article.source_id:
        return _scalar(article.source_id)
    return "null" + _comment("TODO the source_id given by `python -m etl add`")


def _richest_phrases(found: Sequence[Candidate]) -> dict[str, Speaker]:
    """Per speaker name, the mention with the most words ("Kim Khoeun, chief of ..."), so a
    later bare "Kim Khoeun said" still offers the role."""
    best: dict[str, Speaker] = {}
    for c in found:
        if c.speaker is not None and c.speaker.named:
            held = best.get(c.speaker.name)
            if held is None or len(c.speaker.phrase) > len(held.phrase):
                best[c.speaker.name] = c.speaker
    return best


def render(article: Article, hints: Hints) -> str:
    """The draft YAML: candidates with every field a person must decide left as a TODO."""
    figures, quotes = candidates(article.raw, article.title)
    name = article.source_id or article.file.stem
    prefix = article.source_id or "draft"
    target = f"seeds/curated/articles/{article.source_id or '<source_id>'}.yaml"
    lines = [
        f"# Draft records for {name} ({article.file.name}), suggested by `python -m etl suggest`.",
        "# Nothing here is checked yet. Keep the candidates worth keeping, fill in every TODO,",
        f"# then paste into {target} and run `python -m etl check`.",
        f"# {len(figures)} figure(s) and {sum(c.kind == 'direct' for c in quotes)} quotation(s)"
        f" and {sum(c.kind == 'reported' for c in quotes)} reported statement(s) found in the"
        " clean text.",
    ]
    taken: dict[str, int] = {}
    lines.append("indicators:" if figures else "indicators: []")
    for c in figures:
        ident = _make_id(prefix, _indicator_tail(c), taken)
        lines += _indicator_lines(c, article, hints, ident, figures)
    lines.append("statements:" if quotes else "statements: []")
    roles = _richest_phrases(figures + quotes)
    for c in quotes:
        ident = _make_id(prefix, _statement_tail(c), taken)
        lines += _statement_lines(c, article, hints, ident, roles)
    return "\n".join(lines) + "\n"
