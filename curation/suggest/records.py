"""Draft records of an article: every candidate as a record with its span in the clean text.

Every field the words decide is filled in (dates, metric, actor, topic, stance), each with
the reason shown beside it; a metric or actor no curated record fits comes as a draft of a
new one, saved with the row that needs it.

Long because every kind of record (figure, statement, proposal, position, event, and a Khmer
article's) becomes the studio's row here, with one reason per guessed field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from corpus.body_names import counting_body, formal_body, formal_in, new_body_id
from corpus.cleaning import clean_body
from corpus.confidence import measured
from corpus.khmer import normalise
from corpus.places import places_in
from corpus.province_bodies import province_body
from corpus.quotes import BodyIndex, quoted_spans, within_quotation
from corpus.sentences import Sentence
from curation.suggest.bare_body import bare_body_proposer
from curation.suggest.changes import change_on_compared
from curation.suggest.confidence import below_threshold, offer_unsure
from curation.suggest.date_before import offer_dates_before, offer_period_before
from curation.suggest.dates import When, offered, read_dates, when
from curation.suggest.document_owner import document_owners
from curation.suggest.draft import candidates, figure_dates
from curation.suggest.figure_source import (
    COUNTING,
    not_the_source_lines,
    source_in_sentence,
    source_line_bodies,
)
from curation.suggest.furniture import question_turns
from curation.suggest.geography import (
    another_country,
    guess_geography,
    names_no_smaller_place,
    opening_of,
    story_province,
)
from curation.suggest.guess import (
    Curated,
    actor_type_of,
    fuzzy_actor,
    guess_actor,
    guess_event,
    names_in,
    other_family,
)
from curation.suggest.khmer import APPEAL, APPEAL_WORD, is_khmer, khmer_drafts, khmer_measures
from curation.suggest.khmer_policies import khmer_growth_fit, khmer_policy_fit
from curation.suggest.khmer_proposer import khmer_body_proposer
from curation.suggest.letterhead import (
    letterhead,
    letterhead_actor,
    line_label,
    list_lead,
    names_a_source,
    own_body,
    own_body_proposes,
    own_list,
    subject_words,
)
from curation.suggest.measure_statements import framing_lead_ins, measure_statements
from curation.suggest.metrics import MetricGuess, guess_metric
from curation.suggest.new_giver import counting_province
from curation.suggest.non_figures import non_figure
from curation.suggest.numbers import Figure
from curation.suggest.proposals import (
    Measure,
    find_measures,
    heading_list,
    list_item,
    opens_list,
    position_on_last,
    position_on_ordinal,
    positions_on_earlier,
    positions_on_the_same,
    proposing_verb,
    restates_earlier,
    with_places,
)
from curation.suggest.proposer import body_proposer, own_page_subject, page_owner
from curation.suggest.provincial_body import officials_by_level, provincial_body
from curation.suggest.role_named_next import role_named_next
from curation.suggest.running import campaign_launch, opening_date, running_ends
from curation.suggest.sentences import split_sentences
from curation.suggest.short_name import pronoun_speakers, short_name_speakers
from curation.suggest.speakers import Speaker, new_actor, speaker_in
from curation.suggest.stance import (
    attribution,
    guess_stance,
    guess_topic,
    said_words,
    speaker_side,
)
from curation.suggest.tables import Cell, table_cells
from curation.suggest.title_alone import title_alone_speakers
from curation.suggest.titled_proposer import titled_proposers
from curation.suggest.unnamed import unnamed_source
from curation.suggest.withheld import withheld_source
from data_model.records import Position

NO_CURATED = Curated([], [], [], [], [])
_COMPARED = re.compile(
    r"\b(?:up from|down from|against|from|compared (?:to|with)|to|versus)\s*$", re.I
)


@dataclass
class Row:
    """One candidate as the curator sees it: accepted, edited or rejected in one action."""

    kind: str  # "indicators", "statements", "policies", "positions" or "events"
    record: dict[str, Any]
    start: int  # character offsets of the quote in the clean text
    end: int
    # "open", "accepted" or "rejected"; "offered": a figure or statement of a class mostly not in
    # the answer keys of unseen articles, shown folded, one click from accepted (not drafted).
    status: str = "open"
    notes: list[str] = field(default_factory=list)
    # New records this one needs (a metric or actor to create), saved with it, by kind.
    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    words: str = ""  # the words the draft read a figure from, e.g. "more than 1,300"
    # Per guessed field, how sure the draft is and why: "80%: the figure's own words say arre".
    why: dict[str, str] = field(default_factory=dict)
    # Values only inferred (a date from another sentence or the dateline), left blank in the
    # record and offered beside it: the studio's one-click suggestion, `etl suggest`'s comment.
    offers: dict[str, Any] = field(default_factory=dict)

    def take_offer(self) -> list[str]:
        """Fill the blank fields the draft offered (the curator's one click); the names filled."""
        taken = [k for k, v in self.offers.items() if v is not None and self.record.get(k) is None]
        for name in taken:
            self.record[name] = self.offers[name]
        return taken


def date_offer(offer: Any, record: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The dates an inference offers for the record's blank date fields, and how they read."""
    if offer is None:
        return {}, ""
    dates = {k: getattr(offer, k) for k in ("period_start", "period_end", "as_of")}
    dates = {k: v for k, v in dates.items() if v is not None and record.get(k) is None}
    if not dates:
        return {}, ""
    shown = ", ".join(f"{k} {v}" for k, v in dates.items())
    return dates, f"suggested, not filled: {shown} ({offer.confidence:.0%}: {offer.reason})"


def _sure(confidence: float, reason: str) -> str:
    return f"{confidence:.0%}: {reason}"


def _actor_why(notes: list[str]) -> str:
    """How sure an actor guess is, from how it was found."""
    said = next((n for n in notes if n.startswith(("speaker", "no speaker"))), "no speaker found")
    if said.startswith("no speaker"):
        return _sure(0, said)
    if "spelt differently" in said:
        return _sure(0.6, said)
    if said.endswith("(a new unnamed source)"):
        return _sure(0.8, said)  # round twenty-three (c): the key's unnamed 118 times in 124
    if " = " in said:
        return _sure(0.9, said)
    return _sure(0.5, said)


def _category(unit: str, quote: str) -> str:
    """The category a new metric most likely joins, from its unit and words."""
    low = quote.lower()
    if unit == "kg":
        return "seizures"
    if unit == "cases":
        return "investigations"
    if "prison" in low or "inmate" in low:
        return "sentencing"
    return "arrests" if re.search(r"arrest|detain|held|suspect", low) else "treatment"


def _slug(text: str, words: int = 4) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:words]) or "new"


def _elsewhere(actor: dict[str, Any], sentence: str, words: str) -> str | None:
    """Why a curated actor found by a common noun ("Police", "officials") is not the one the
    sentence means: it names a place the actor's name and organisation do not ("Police in
    Takeo" is no Kampot provincial police). None when nothing in the sentence contradicts it,
    or when the speaker's own ``words`` name their place ("Kampot provincial police")."""
    own = {
        p.province for p in places_in(f"{actor.get('name', '')} {actor.get('organisation', '')}")
    }
    if not own or places_in(words):
        return None  # a body of no place (the National Police) fits a sentence of any place
    said = [p for p in places_in(sentence) if p.province not in own]
    if not said:
        return None
    return (f"not {actor.get('actor_id')}: the sentence names {said[0].words}, "
            f"{actor.get('actor_id')} is {', '.join(sorted(str(p) for p in own))}'s")  # fmt: skip


def _actor(
    speaker: Speaker | None, curated: Curated, sentence: str = ""
) -> tuple[str | None, dict, list[str]]:
    """The actor id for a speaker, a new-actor draft when no curated actor fits, and notes. A
    speaker named by a common noun is a curated actor only where ``sentence`` names no other
    place than the actor's."""
    if speaker is None:
        return None, {}, ["no speaker found"]
    names = names_in(speaker.phrase, speaker.name)
    known = guess_actor(names, curated.actors)
    if (
        known is not None
        and not speaker.named
        and (why := _elsewhere(known, sentence, speaker.phrase))
    ):
        return None, {}, [f"speaker (unnamed): {speaker.phrase}, {why}"]
    if known is not None:
        return str(known["actor_id"]), {}, [f"speaker: {speaker.phrase} = {known['actor_id']}"]
    if speaker.named and (near := fuzzy_actor(names, curated.actors)):
        actor, spelt, score = near
        return (
            str(actor["actor_id"]),
            {},
            [
                f"speaker: {speaker.phrase} ~ {spelt} = {actor['actor_id']} (spelt differently, "
                f"{score:.0f}% alike: check)"
            ],
        )
    bare = _NATIONAL.sub("", speaker.phrase)
    # "Cambodian officials", "government officials": the curated unnamed officials.
    if (
        not speaker.named
        and bare != speaker.phrase
        and (known := guess_actor([bare], curated.actors)) is not None
        and not _elsewhere(known, sentence, speaker.phrase)
    ):
        return str(known["actor_id"]), {}, [f"speaker: {speaker.phrase} = {known['actor_id']}"]
    fresh = new_actor(speaker)
    if fresh is None:
        # An unnamed source stays unnamed, with the article's description of it.
        return None, {}, [f"speaker (unnamed): {speaker.phrase}"]
    name, ident = fresh.name, _slug(fresh.name)
    if _ORG_HEAD.search(name) and (formal := formal_in(name)):
        # Round thirty-seven: "The Interior Ministry says ...": a body_names.yaml body speaking
        # is that body under its formal name and that name's id, as when it gives a figure (C6).
        name, ident = formal, new_body_id(formal)
    elif _ORG_HEAD.search(name) and (one := province_body(name)):
        # Round thirty-seven (provinces37): a province's body speaking, under its one name (C6).
        name, ident = one, new_body_id(one)
    role, org = fresh.role or "", fresh.organisation or ""
    draft = {
        "actor_id": ident,
        "name": name,
        "aliases": [fresh.name.split()[-1]] if " " in fresh.name else [],
        # "the Anti-Drug Police Department (ADP) said": a body named as a speaker is no person.
        "kind": "organisation" if _ORG_HEAD.search(fresh.name) else "person",
        "role": role,
        "organisation": org,
        "actor_type": actor_type_of(f"{role} {org}"),
    }
    # The name drafted says how sure it is (one name alone was often wrong unseen): shown.
    # (a formal name's short name in brackets is left out: the reason's class reads one bracket)
    notes = [f"speaker: {speaker.phrase} (a new actor: {name.split(' (')[0]})"]
    if speaker.named and (near := other_family(names, curated.actors)):
        # Round thirty-five: spelt like a curated person but for the family name, flagged.
        notes.append(f"check: spelt like {near}, another family name: another person")
    return draft["actor_id"], draft, notes


_NATIONAL = re.compile(r"^(?:the\s+)?(?:Cambodian|Cambodia['’]s|government|state)\s+", re.I)
# An organisation's name in a source phrase: Title Case words around a head noun
# ("figures released by the National Police", "a National Authority for Combating Drugs report").
_TITLED = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’-]+)*")
_ORG_HEAD = re.compile(r"\b(?:Police|Ministry|Department|Authority|Commissariat|Commission|"
                       r"Committee|Council|Gendarmerie|Prisons|Alliance|Office|Agency|"
                       r"Association|Organi[sz]ation|Foundation|Network|Coalition|Centre|Center|"
                       r"Society|Institute|Union)\b")  # fmt: skip
# "The NACD's annual report for 2023 lists 8,070 ...": the organisation whose document speaks.
_DOC_SUBJECT = re.compile(
    r"^\s*(?:The\s+)?(?P<org>[A-Z][\w-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w-]*)*)['’]s"
    r"\s+(?:[\w-]+\s+){0,3}?(?:report|figures|data|statement|statistics|records)\b"
)
# "..., the authority counts 55,310 operations": the organisation named before, counting.
_COUNTS_BACK = re.compile(
    # "The department, which released the report yesterday, recorded ..." (round twenty-two)
    r"\bthe\s+(?:authority|department|ministry|report|statement)(?:,[^,]{1,80},)?\s+(?:also\s+)?"
    r"(?:counts|counted|"
    r"recorded|records|lists|listed|shows|showed|logged)\b",
    re.I,
)
# "the report said", "it said", "according to the department": the document named before.
_BACK_TO_SOURCE = re.compile(
    r"^(?:the|its|this|that|an?)?\s*(?:\w+\s+){0,2}?(?:report|statement|figures|data|"
    r"department|authority|ministry|it)$",
    re.I,
)


def _organisation(phrase: str, quote: str) -> str | None:
    """The organisation a source phrase names, read in the phrase, else in the words of the
    sentence just before it ("a National Authority for Combating Drugs report")."""
    at = quote.find(phrase)
    for text in (phrase, quote[: at + len(phrase)] if at >= 0 else ""):
        found = [m for m in _TITLED.finditer(text) if _ORG_HEAD.search(m.group(0))]
        spans = [m.group(0) for m in found]
        if found and _SUB_BODY.match(
            quote, found[-1].end() + (max(at, 0) if text == phrase else 0)
        ):
            # "the Interior Ministry's anti-drug department": the department counted, not the
            # ministry; its own name is not printed as one, so left blank (round twenty-two).
            return None
        if found and _SUB_BODY_OF.search(
            quote, 0, found[-1].start() + (max(at, 0) if text == phrase else 0)
        ):
            return None  # "the anti-drug department of the Interior Ministry": the same
        if spans:
            # "the National Police on Tuesday": the day is no part of the name.
            # "the National Police on Tuesday", "Combating Drugs' report": the day and the
            # possessive are no part of the name.
            return re.sub(
                r"^The\s+|\s+on\s+(?:[A-Z]\w+day|[A-Z][a-z]+\s+\d.*)$|['’]s?$", "", spans[-1]
            )
    return None


# A lower-case unit of the body just named: "'s anti-drug department", "the department of".
_SUB_BODY = re.compile(
    r"(?<=['’]s)\s+(?:[a-z][\w-]*\s+){0,2}(?:department|unit|office|division|bureau)\b"
)
_SUB_BODY_OF = re.compile(r"\b(?:department|unit|office|division|bureau)\s+of\s+(?:the\s+)?$")
_ON_DAY = re.compile(r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                    r"January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b.*$")  # fmt: skip


def _org_actor(
    org: str, curated: Curated, sentence: str = ""
) -> tuple[str | None, dict, list[str]]:
    """The curated actor an organisation's name is, else a draft of a new organisation; a
    common noun alone ("Police") names no curated body of another place than ``sentence``'s."""
    org = re.sub(r"^the\s+", "", org.strip(), flags=re.I)  # "The Justice Ministry"
    # "The Ministry of Interior on Thursday issued ...": the day is no part of the name.
    org = _ON_DAY.sub("", org)
    known = guess_actor([org], curated.actors)
    if known is not None and (why := _elsewhere(known, sentence, org)):
        if len(org.split()) == 1:  # "Police": an unnamed source, not a new body called Police
            return None, {}, [f"speaker (unnamed): {org}, {why}"]
        known = None
    if known is None and (formal := formal_in(org)) is not None:
        # Round thirty-seven: "the Interior Ministry" and "the Ministry of Interior" are one
        # body, drafted under its formal name's id (corpus/body_names.yaml), as keys code it (C6).
        org, known = formal, guess_actor([formal], curated.actors)
    if known is None and (one := province_body(org)) is not None:
        # Round thirty-seven (provinces37): "Siem Reap police commissariat", "the Siem Reap
        # police": one body, "Siem Reap Provincial Police", as keys code it (C6).
        org = one
    if known is not None:
        return str(known["actor_id"]), {}, [f"speaker: {org} = {known['actor_id']}"]
    # "Khmer Family Recovery Association (KFRA)": the short name it gives itself is its id.
    short = re.search(r"\(([A-Z][A-Za-z]{1,9})\)\s*$", org)
    draft = {"actor_id": new_body_id(org), "name": org,
             "aliases": [short.group(1)] if short else [], "kind": "organisation",
             "role": "", "organisation": "", "actor_type": actor_type_of(org)}  # fmt: skip
    return draft["actor_id"], draft, [f"speaker: {org} (a new actor, the source's organisation)"]


def _figure_actor(c, curated: Curated, last: tuple | None) -> tuple[str | None, dict, list[str]]:
    """Who gave a figure: the speaker; for a document ("National Police figures", "the
    report"), the organisation it names or, referring back, the one named before."""
    at = c.quote.rfind(c.speaker.phrase) if c.speaker is not None else -1
    if c.speaker is not None and (formal := formal_body(c.speaker.name, c.quote[: max(at, 0)])):
        # Round twenty-three: "the anti-drug department of the Interior Ministry", "the National
        # Police's Anti-Drug Department": one body under its formal name (corpus/body_names).
        got = _org_actor(formal, curated, c.quote)
        return got[0], got[1], [f"{got[2][0]} (as {c.speaker.phrase!r}: its formal name)"]
    found = _actor(c.speaker, curated, c.quote)
    if c.speaker is None:
        before = c.quote[: c.figure.start] if c.figure is not None else c.quote
        if m := _DOC_SUBJECT.match(before):
            return _org_actor(m.group("org"), curated, c.quote)
        if last is not None and _COUNTS_BACK.search(before):
            actor_id, draft, notes = last
            return actor_id, {}, [f"{notes[0]} (as the subject that counts, referring back)"]
        after = c.quote[c.figure.end :] if c.figure is not None else ""
        org = counting_body(before, COUNTING) or source_in_sentence(before, after)
        if org and (got := _body(org, curated, c.quote)):
            # Round twenty-two: "The NACD recorded ...", "National Police figures show ...".
            return got[0], got[1], [f"{got[2][0]} (whose count the sentence says it is)"]
    if found[0] is not None or c.speaker is None or c.speaker.named:
        return found
    if org := _organisation(c.speaker.phrase, c.quote):
        return _org_actor(org, curated, c.quote)
    for name in _TITLED.findall(c.speaker.phrase):
        # Round twenty-two: "NACD figures", "figures the NACD released on Tuesday": a curated
        # body named by its acronym in the source phrase.
        known = guess_actor([name.removeprefix("The ")], curated.actors)
        if known is not None and known.get("kind") == "organisation":
            return _org_actor(name.removeprefix("The "), curated, c.quote)
    if last is not None and _BACK_TO_SOURCE.match(c.speaker.phrase.strip()):
        actor_id, draft, notes = last
        return actor_id, {}, [f"{notes[0]} (as {c.speaker.phrase!r}, referring back)"]
    return found


def _provincial(phrase: str, sentence: str, body: str, curated: Curated) -> tuple | None:
    """A figure's source that is a province's body named by its kind ("the provincial health
    department": that province's), or officials placed by their level alone ("provincial
    officials": the codebook's unnamed officials); None for any other source."""
    if officials_by_level(phrase):
        known = guess_actor(["officials"], curated.actors)
        if known is not None and known.get("kind") == "unnamed":
            return str(known["actor_id"]), {}, [f"speaker: {phrase.strip()} = {known['actor_id']}"]
        return None
    if (named := provincial_body(phrase, sentence, body)) is None:
        return None
    actor_id, draft, notes = _org_actor(named[0], curated, sentence)
    return actor_id, draft, [f"{notes[0]} (as {phrase.strip()!r}: that province's body)"]


def _body(name: str, curated: Curated, sentence: str = "") -> tuple | None:
    """The body a name printed as a figure's source is: a curated organisation (by name, alias
    or acronym), else a new one when the name is a body's of two words or more ("National
    Police"); None for anything else ("Prisons", "Cambodia", a person)."""
    known = guess_actor([name], curated.actors)
    if known is not None:
        if known.get("kind") != "organisation":
            return None
        return _org_actor(name, curated, sentence)
    if _ORG_HEAD.search(name) and len(name.split()) >= 2:
        return _org_actor(name, curated, sentence)
    return None


def _source_line_body(body: str, curated: Curated) -> tuple | None:
    """The one body an article's source line names for its figures ("Sources: NACD annual
    reports 2022-2024; NACD bulletin Q1 2024; interviews."); None when it names none, or two
    bodies or more (then the line does not say whose each figure is)."""
    named = [(doc, got) for doc, names in source_line_bodies(body) for name in names
             if (got := _body(name, curated))]  # fmt: skip
    found = {got[0]: got for _, got in named}
    # The body must be named beside a document or data ("NACD annual reports"), not alone (an
    # outlet the copy came from: "Source: Agency Kampuchea Press").
    if len(found) != 1 or not any(doc for doc, _ in named):
        return None
    actor_id, draft, notes = next(iter(found.values()))
    return actor_id, draft, [f"{notes[0]} (the article's source line: no other source given)"]


# A release's heading line, and the body its letterhead names above it ("MINISTRY OF HEALTH").
# An organisation's own document under its name: a release, a statement, its annual report.
_RELEASE = re.compile(
    r"^(?:(?:press|news|media)\s+(?:release|statement)|(?:joint\s+)?statement|"
    r"annual\s+report|report)\b",
    re.I,
)
_SMALL = frozenset({"of", "and", "for", "the", "on"})


def _letterhead_word(word: str) -> str:
    """A letterhead's word as a name is written: "MINISTRY OF HEALTH" -> "Ministry of Health",
    an acronym in brackets ("(KFRA)") kept."""
    if word.startswith("(") and word.strip("()").isupper():
        return word
    low = word.lower()
    return low if low in _SMALL else low.capitalize()


def _issuer(body: str) -> str | None:
    """The body a press release's letterhead names: its figures given with no source are that
    body's. None when the text is no release or its letterhead names no body."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()][:12]
    heading = next((k for k, ln in enumerate(lines) if _RELEASE.match(ln)), None)
    # Round twenty-three: a unit under its ministry ("MINISTRY OF INTERIOR" / "GENERAL
    # COMMISSARIAT OF NATIONAL POLICE" / "Anti-Drug Department") issues the page.
    units = [b for line in lines[: heading or 0] if (b := formal_body(line))]
    if units:
        return units[-1]
    for line in lines[: heading or 0]:
        name = " ".join(_letterhead_word(w) for w in line.split())
        if _ORG_HEAD.search(name) and len(name.split()) <= 8:
            return name
    return None


# A list item: a line opened by a bullet.
_ITEM = re.compile(r"\s*[•·▪◦*\-–]\s")


def _list_framing(body: str, item: str, published: dt.date, before: When | None) -> When | None:
    """The period a list item falls under: the one period its heading line names ("Results for
    the week (18-24 March):"), else ``before``, the last period counted before the list."""
    at = body.find(item)
    lines = [ln for ln in body[: max(at, 0)].splitlines() if ln.strip()]
    while lines and _ITEM.match(lines[-1]):
        lines.pop()
    if lines:
        named = [r for r in read_dates(lines[-1], published) if r.first != r.last]
        if len(named) == 1 and named[0].last <= published:
            r = named[0]
            return When(r.first, r.last, r.last, None, r.precision, (r.note,), 0.6,
                        f"the period its heading names ({r.words!r})")  # fmt: skip
    if before is not None:
        return replace(before, confidence=0.5, reason="the last period counted before the list")
    return None


# "The NACD ... agreed ..., according to a statement issued after the meeting", "the ADP said in
# a report released on Saturday": a document and the organisation it is by.
_A_DOCUMENT = re.compile(
    r"\b(?:a|an|its|their)\s+(?:(?:joint|annual|weekly|monthly|new|written)\s+)?"
    r"(?:statement|report|press\s+release|release)\b"
)


def _documents(body: str, curated: Curated) -> list[tuple[int, tuple]]:
    """Where the article names a document with the curated organisation that issued it: (its
    offset, the actor as a figure's source), for "the statement", "the report" after it."""
    out = []
    for s in split_sentences(body)[0]:
        if not (doc := _A_DOCUMENT.search(s.text)):
            continue
        near = sorted(
            (abs(m.start() - doc.start()), name)
            for m in _TITLED.finditer(s.text)
            # A body's name or acronym ("NACD"), never a country's one word ("Cambodia").
            if (len((name := m.group(0).removeprefix("The ")).split()) > 1 or name.isupper())
            and (
                _ORG_HEAD.search(name)
                or (guess_actor([name], curated.actors) or {}).get("kind") == "organisation"
            )
        )
        if near:  # the organisation named nearest the document: a curated one, or a new draft
            actor_id, draft, notes = _org_actor(near[0][1], curated)
            out.append((s.start, (actor_id, draft, [f"{notes[0]} (the document it issued)"])))
    return out


def _figure_rows(figures, body, index, source_id, published, curated, head="") -> list[Row]:
    rows = []
    framed: When | None = None  # the last period a figure's own words gave
    last_source: tuple | None = None  # the organisation last named as a figure's source
    issuer = _issuer(f"{head}\n{body}")  # the title line may be the letterhead
    documents = _documents(body, curated)
    source_line = _source_line_body(body, curated)
    drafted: set[str] = set()  # the new actors a row before drafts already
    opening = opening_of(head, body)
    launch = campaign_launch(curated.phases)  # where "since the campaign began" starts
    story = story_province(head, body)
    no_smaller = names_no_smaller_place(head, body)
    # Per sentence and unit, the last count's metric: "13,260 people in 6,180 cases, compared
    # with 15,020 people" compares the people.
    compared_with: dict[tuple[int, str | None], MetricGuess] = {}
    for n, c in enumerate(figures, 1):
        fig = c.figure
        if fig is None:  # a figure candidate always carries one; the type cannot say so
            continue
        dates = running_ends(figure_dates(c, figures, published), c.quote, fig.start, launch)
        dates = opening_date(dates, c.quote, fig.start, published)
        dates = change_on_compared(dates, c.quote, fig.start, fig.unit, published)
        if _ITEM.match(c.quote) and published is not None and not dates.confidence:
            if dates.offer is None and (framing := _list_framing(body, c.quote, published, framed)):
                # "• Phnom Penh: 612" under "The provinces with the most people treated were:":
                # the period its heading names, else the last period counted before the list;
                # another line's, so offered, never filled.
                dates = offered(framing, "a list item with no date of its own", dates.said_on)
        elif dates.period_start is not None and dates.period_end is not None:
            framed = dates
        start, end = index.locate(c.quote) or (0, 0)
        others = [
            (o.figure.start, o.figure.end)
            for o in figures
            if o.figure is not None and o.figure.sentence == fig.sentence and o.figure is not fig
        ]
        lead = _lead_in(body, c.quote)
        metric = guess_metric(
            lead + c.quote,
            fig.start + len(lead),
            fig.end + len(lead),
            fig.unit,
            curated.metrics,
            [(a + len(lead), b + len(lead)) for a, b in others],
        )
        compared = _COMPARED.search(c.quote[: fig.start])
        if (
            compared
            and fig.unit != "percent"
            and (
                earlier := compared_with.get((fig.sentence, fig.unit))
                or compared_with.get((fig.sentence, None))
            )
        ):
            # "17,790 people in 2017, up from 9,670 in 2016": the same count, another period.
            metric = replace(
                earlier, reason=f"compared with the figure before it ({compared[0]!r})"
            )
        if fig.unit != "percent" and (
            metric.metric_id or (fig.sentence, fig.unit) not in compared_with
        ):
            compared_with[(fig.sentence, fig.unit)] = metric
            compared_with[(fig.sentence, None)] = metric
        if last_source is None:
            # "According to the statement, ...": the statement the article named before with
            # the organisation that issued it (round nine).
            at = body.find(c.quote)
            last_source = next((src for k, src in reversed(documents) if k < at), None)
        actor_id, new_actor_draft, actor_notes = _figure_actor(c, curated, last_source)
        if c.speaker is not None and (got := _provincial(c.speaker.phrase, c.quote, body, curated)):
            # Round thirty-two: "the provincial police said", "provincial officials told".
            actor_id, new_actor_draft, actor_notes = got
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
        # Round thirty-seven: a source whose name is withheld; an outlet that only saw a report.
        got = withheld_source(c.quote, c.speaker and c.speaker.phrase,
                              (actor_id, new_actor_draft, actor_notes), drafted)  # fmt: skip
        actor_id, new_actor_draft, actor_notes = got
        if not new_actor_draft and actor_id not in drafted:
            # A new organisation read from a document named before: drafted with the first
            # figure that needs it, so that no row names an actor nobody drafted.
            new_actor_draft = next((d for _, (a, d, _) in documents if a == actor_id and d), {})
        if new_actor_draft:
            drafted.add(str(new_actor_draft.get("actor_id")))
        if (
            actor_id is None
            and (office := role_named_next(c.quote, body, fig.start))
            and (got := _actor(office[1], curated, c.quote))[0] is not None
        ):
            # Round twenty-nine: "..., the provincial police chief said yesterday", the chief
            # named in the sentences after it: the person who holds the office.
            actor_id, new_actor_draft, actor_notes = got
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
            drafted.add(str(actor_id))
            actor_notes = [f"{actor_notes[0]} (as {office[0]!r}, named after it)"]
        if actor_id is None and c.speaker is None and issuer is not None:
            actor_id, new_actor_draft, actor_notes = _org_actor(issuer, curated)
            actor_notes = [f"{actor_notes[0]} (the release's letterhead: no other source given)"]
        elif (
            actor_id is None
            and c.speaker is None
            and source_line is not None
            and not not_the_source_lines(c.quote)
        ):
            # Round twenty-two: the article's source line names one body for its figures.
            actor_id, new_actor_draft, actor_notes = source_line
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
            drafted.add(str(actor_id))
        elif (
            actor_id is None
            and (named := _bare_body_source(c, body))
            and (got := _body(named[0], curated, c.quote))
        ):
            # Round twenty-four: "according to the ministry's half-year report", "By the
            # authority's own count": the body of that kind the article named before.
            actor_id, new_actor_draft, actor_notes = got
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
            drafted.add(str(actor_id))
            actor_notes = [f"{actor_notes[0]} (as {named[1]!r}, referring back)"]
        elif (
            actor_id is None
            and c.speaker
            and (fresh := unnamed_source(c.speaker.phrase, actor_notes))
        ):
            # Round twenty-four: "..., a court clerk who asked not to be named said": a figure's
            # unnamed source is the new unnamed actor its statements get (round twenty-three
            # (c)), drafted with the first figure that needs it.
            actor_id = str(fresh["actor_id"])
            new_actor_draft = fresh if actor_id not in drafted else {}
            drafted.add(actor_id)
            actor_notes = [f"speaker (unnamed): {c.speaker.phrase} (a new unnamed source)"]
        if actor_id is None and (
            got := next(
                (b for n in document_owners(c.quote) if (b := _body(n, curated, c.quote))), None
            )
        ):
            # Round thirty-five: "citing a report of the NACD", "a report from the ... Department".
            actor_id, new_actor_draft, actor_notes = got
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
            drafted.add(str(actor_id))
            actor_notes = [f"{actor_notes[0]} (whose count the sentence says it is)"]
        if (
            actor_id is None
            and c.speaker is None
            and (named := counting_province(c.quote[: fig.start], c.quote, body))
        ):
            # Round thirty-eight: "Kandal provincial police reported arresting 1,377 ...".
            actor_id, new_actor_draft, actor_notes = _org_actor(named, curated, c.quote)
            new_actor_draft = new_actor_draft if actor_id not in drafted else {}
            drafted.add(str(actor_id))
        known = next((a for a in curated.actors if a.get("actor_id") == actor_id), {})
        if actor_id is not None and (
            known.get("kind") == "organisation"
            or _ORG_HEAD.search(str(new_actor_draft.get("name", "")))
        ):
            last_source = (actor_id, new_actor_draft, actor_notes)
        area = guess_geography(c.quote, opening, story, no_smaller)
        value = None if fig.vague else fig.value
        if value is not None and metric.signed and _is_fall(c.quote, fig.start, fig.end):
            # "down 12 percent", "fell 31 percent", "11 percent lower": a fall is a negative
            # value of a change metric (a signed one), as the codebook's keys write it.
            value = -abs(value)
        record = {
            "indicator_id": f"{source_id}-figure-{n}",
            "metric_id": metric.metric_id,
            "value": value,
            "value_to": None if fig.vague else fig.value_to,
            "qualifier": None if fig.vague else fig.qualifier.value,
            "vague": fig.words.split()[-1].lower() if fig.vague else None,
            "period_start": dates.period_start,
            "period_end": dates.period_end,
            "as_of": dates.as_of,
            "phase_id": None,
            "geography": area.value,
            "source_id": source_id,
            "actor_id": actor_id,
            "attribution": c.speaker.phrase if c.speaker else None,
            "quote": c.quote,
            "note": fig.note,
        }
        notes = [f"{fig.words!r}", *dates.notes, f"metric {metric.metric_id}: {metric.reason}"]
        notes += actor_notes + (["vague: no number"] if fig.vague else [])
        notes.append(f"geography {area.value or '(blank)'}: {area.reason}")
        new: dict[str, dict[str, Any]] = {}
        if metric.new:
            new["metrics"] = {
                "metric_id": metric.metric_id,
                "label": metric.label,
                "unit": metric.unit,
                "category": _category(metric.unit, c.quote),
                "definition": "",
                **({"signed": True} if metric.signed else {}),
            }
        if new_actor_draft:
            new["actors"] = new_actor_draft
        offers, offer_why = date_offer(dates.offer, record)
        dated = _sure(dates.confidence, "; ".join([dates.reason, *dates.notes]))
        dated += f"; {offer_why}" if offer_why else ""
        why = {
            "metric_id": _sure(metric.confidence, metric.reason)
            + ("; a new metric, drafted under metrics:" if metric.new else ""),
            "value": _sure(1, f"the words {fig.words!r}"),
            "qualifier": _sure(1, f"from {fig.hedge!r}" if fig.hedge else "no hedge before it"),
            **dict.fromkeys(("period_start", "period_end", "as_of"), dated),
            # A field left blank beside an offer: no guess filled, the suggestion said.
            **{k: _sure(0, f"left blank; {offer_why}") for k in offers},
            "actor_id": _actor_why(actor_notes),
            "geography": _sure(area.confidence, area.reason),
        }
        rows.append(
            Row(
                "indicators",
                record,
                start,
                end,
                notes=notes,
                new=new,
                words=fig.words,
                why=why,
                offers=offers,
            )  # fmt: skip
        )
    return rows


def _cell_words(cell: Cell) -> tuple[str, int, int]:
    """A table cell said as a sentence the metric guess reads ("18,295 suspects arrested"),
    and the figure's offsets in it: a change cell rises or falls."""
    if cell.change:
        verb = "fell" if cell.value < 0 else "rose"
        text = f"{cell.label} {verb} {abs(cell.value):g}%"
        return text, len(cell.label) + len(verb) + 2, len(text)
    unit = f" {cell.unit} of" if cell.unit and cell.unit != "percent" else ""
    return f"{cell.words}{unit} {cell.label}", 0, len(cell.words) + len(unit)


def _table_rows(body, source_id, head, curated, n: int) -> list[Row]:
    """A row per figure of the body's tables as text (round nineteen): the row's label says the
    metric, the column's year or month the period; the issuer in the letterhead gives them."""
    rows = []
    issuer = _issuer(f"{head}\n{body}")
    actor_id, new_actor, actor_notes = _org_actor(issuer, curated) if issuer else (None, {}, [])
    opening = opening_of(head, body)
    story = story_province(head, body)
    no_smaller = names_no_smaller_place(head, body)
    for cell in table_cells(body):
        n += 1
        text, start, end = _cell_words(cell)
        metric = guess_metric(text, start, end, cell.unit, curated.metrics, [])
        area = guess_geography(cell.line, opening, story, no_smaller)
        where = "row" if cell.by_row else "column"  # round 37: a table with periods as rows
        column = (
            f"the table's {where} {cell.period_start}..{cell.period_end} ({cell.header[:40]!r})"
        )
        record = {"indicator_id": f"{source_id}-figure-{n}", "metric_id": metric.metric_id,
                  "value": cell.value, "value_to": None,
                  "qualifier": "approx" if cell.approx else "exact", "vague": None,
                  "period_start": cell.period_start, "period_end": cell.period_end,
                  "as_of": None, "phase_id": None, "geography": area.value,
                  "source_id": source_id, "actor_id": actor_id, "attribution": None,
                  "quote": cell.line, "note": None}  # fmt: skip
        new: dict[str, dict[str, Any]] = {}
        if metric.new:
            new["metrics"] = {"metric_id": metric.metric_id, "label": metric.label,
                              "unit": metric.unit, "category": _category(metric.unit, text),
                              "definition": "", **({"signed": True} if metric.signed else {})}  # fmt: skip
        if new_actor and not rows:
            new["actors"] = new_actor  # drafted once, with the table's first figure
        why = {"metric_id": _sure(metric.confidence, f"the row {cell.label!r}: {metric.reason}")
               + ("; a new metric, drafted under metrics:" if metric.new else ""),
               "value": _sure(1, f"the cell {cell.words!r}"),
               "qualifier": _sure(1, "a table's cell, no hedge"),
               **dict.fromkeys(("period_start", "period_end", "as_of"), _sure(0.9, column)),
               "actor_id": _actor_why([f"{actor_notes[0]} (the letterhead)"] if actor_notes else []),
               "geography": _sure(area.confidence, area.reason)}  # fmt: skip
        notes = [f"{cell.words!r}", column, f"metric {metric.metric_id}: {metric.reason}",
                 *actor_notes]  # fmt: skip
        rows.append(Row("indicators", record, cell.start, cell.end, notes=notes, new=new,
                        words=cell.words, why=why))  # fmt: skip
    return rows


# "the statement said", "according to a National Police statement released yesterday", "the
# report added": a document speaks, not a person.
_DOC_PHRASE = re.compile(
    r"^(?:the|a|an|its|their|this|that)\s+(?:[\w'’-]+\s+){0,4}?(?:statement|report|release)\b",
    re.I,
)


def _document_speaker(c, body: str, documents: list[tuple[int, tuple]], curated: Curated):
    """The curated organisation whose document a statement's unnamed speaker is: the one the
    phrase names ("a National Police statement"), else the one that issued the document the
    article named last before it ("the ADP said in a report ... the report said"). None for a
    person, for no document, or for a body the codebook lacks (a new one would be left blank
    anyway: that class was never measured unseen)."""
    if c.speaker is None or c.speaker.named or not _DOC_PHRASE.match(c.speaker.phrase.strip()):
        return None
    ids = {a.get("actor_id") for a in curated.actors}
    if org := _organisation(c.speaker.phrase, ""):
        found = _org_actor(org, curated, c.quote)
        return found if found[0] in ids else None
    at = body.find(c.quote[:40])
    source = next((src for k, src in reversed(documents) if k <= at), None)
    if source is None or source[0] not in ids:
        return None
    return source[0], {}, [f"{source[2][0]}, as {c.speaker.phrase!r}"]


def _khmer_topic_stance(
    d: Any, record: dict[str, Any], body: str, curated: Curated, read: list[str] | None = None
) -> None:
    """A Khmer statement's topic and stance from its Khmer words (round twenty-two), the
    speaker's side from the words around its name where the article first prints it (a title
    and an office: "ឧត្តមសេនីយ៍ ... ស្នងការនគរបាលខេត្ត..."). ``read``: the notes of a speaker read
    before the page's own body took its place (round thirty-four), whose side is read from
    them alone: that fill was measured for the speaker, not for the stance (the words around a
    letterhead's name are its addressees' as often as its own)."""
    who = "" if read is not None else str(record.get("actor_id") or "")
    actor = next((a for a in curated.actors if a.get("actor_id") == who), None)
    printed = "" if read is not None else str((actor or d.new_actor or {}).get("name_km") or "")
    plain = body.replace("\u200b", "")
    at = plain.find(printed.replace("\u200b", "")) if printed else -1
    around = plain[max(0, at - 40) : at + len(printed) + 80] if at >= 0 else ""
    speaker = next((n for n in (d.notes if read is None else read) if n.startswith("speaker")), "")
    side = speaker_side((actor or {}).get("actor_type"), [speaker, around],
                        not speaker.startswith("speaker (unnamed)"))  # fmt: skip
    said = said_words(d.quote, None)
    for name, guess in (("topic", guess_topic(said)), ("stance", guess_stance(said, side))):
        record[name], d.why[name], note = _judged(name, guess)
        d.notes.append(note)


def _statement_rows(statements, index, source_id, published, curated, body="") -> list[Row]:
    rows = []
    documents = _documents(body, curated) if body else []
    sides: dict[str, str] = {}  # a speaker's side, by actor, as first described
    said_by: list[tuple[str, str | None]] = []
    for n, c in enumerate(statements, 1):
        start, end = index.locate(c.quote) or (0, 0)
        actor_id, new_actor_draft, notes = _actor(c.speaker, curated, c.quote)
        if actor_id is None and (doc := _document_speaker(c, body, documents, curated)):
            actor_id, new_actor_draft, notes = doc
        if actor_id is None and c.speaker is not None and _BODY_NAME.fullmatch(c.speaker.phrase):
            # "Ministry of Interior" (a bare "The Ministry" read back to its letterhead): a body
            # speaking in its own name, a new organisation when none is curated.
            actor_id, new_actor_draft, notes = _org_actor(c.speaker.phrase, curated, c.quote)
        if actor_id is None and c.speaker is not None and (one := province_body(c.speaker.phrase)):
            # Round thirty-seven (provinces37): "the Battambang police said": that province's
            # police, under its one name and id (C6), not an unnamed source.
            actor_id, new_actor_draft, notes = _org_actor(one, curated, c.quote)
        if actor_id is None and c.speaker and (fresh := unnamed_source(c.speaker.phrase, notes)):
            # Round twenty-three (c): "A prison guard, who asked not to be named": the unnamed
            # source the curator would add, described in the article's words.
            actor_id, new_actor_draft = fresh["actor_id"], fresh
            notes = [f"speaker (unnamed): {c.speaker.phrase} (a new unnamed source)"]
        actor = next((a for a in curated.actors if a.get("actor_id") == actor_id), None)
        # Round twenty-two: the speaker's side from its codebook type or the words describing it.
        described = [c.speaker.phrase if c.speaker else "",
                     *(str(new_actor_draft.get(k) or "") for k in ("role", "organisation")),
                     attribution(body, c.quote, c.speaker.name if c.speaker else None)]  # fmt: skip
        typed = (actor or {}).get("actor_type") or _drafted_ngo(new_actor_draft)
        side = speaker_side(typed, described,
                            bool(c.speaker and c.speaker.named),
                            new_actor_draft.get("kind") == "unnamed")  # fmt: skip
        if side and actor_id and new_actor_draft.get("kind") != "unnamed":
            sides.setdefault(actor_id, side)  # an unnamed source's id says no one person
        # What is said, not who says it: "Rights worker X said ..." is not about rights.
        said = said_words(c.quote, c.speaker.name if c.speaker else None)
        topic, topic_why, topic_note = _judged("topic", guess_topic(said))
        record = {
            "statement_id": f"{source_id}-statement-{n}",
            "actor_id": actor_id,
            "source_id": source_id,
            "quote": c.quote,
            "kind": c.kind,
            "said_on": when(c.quote, published).said_on,
            "topic": topic,
            "stance": None,
        }
        why = {
            "actor_id": _actor_why(notes),
            "kind": _sure(1, "in quotation marks: the speaker's own words")
            if c.kind == "direct"
            else _sure(0.9, "reported speech: the article's words"),
            "said_on": _sure(0.9, "the day named beside the speech verb")
            if record["said_on"]
            else _sure(0, "no day beside the speech verb"),
            # How often each class of reason was right on training (corpus/confidence.yaml).
            "topic": topic_why,
        }
        notes += [topic_note]
        new = {"actors": new_actor_draft} if new_actor_draft else {}
        rows.append(Row("statements", record, start, end, notes=notes, new=new, why=why))
        said_by.append((said, side))
    for row, (said, side) in zip(rows, said_by, strict=True):
        # A speaker described once ("Rights worker X") is on that side when named again ("X").
        _stance(row, said, side or sides.get(str(row.record.get("actor_id"))))
    return rows


def _drafted_ngo(new_actor: dict[str, Any]) -> str | None:
    """The codebook type "ngo" for a new actor the draft typed as one from its organisation's
    words ("a legal aid group", "an association"), else None. Round thirty-three: with no word
    of a stance, such speakers were critical 7 times in 7 on the keys, in 4 sets; a new
    official's drafted type is not used (24 stances wrong: an official who will not be named
    is on no side, see speaker_side)."""
    return "ngo" if new_actor.get("actor_type") == "ngo" else None


def _stance(row: Row, said: str, side: str | None) -> None:
    """Fill a statement's stance from its words or its speaker's side (curation.suggest.stance),
    with the reason and its measured confidence (corpus/confidence.yaml)."""
    row.record["stance"], row.why["stance"], note = _judged("stance", guess_stance(said, side))
    row.notes.append(note)


def _judged(name: str, guess: tuple[Any, str]) -> tuple[str | None, str, str]:
    """A drafted topic or stance (an enum member or None, and its reason): its value, its
    reason with the confidence its class measured (corpus/confidence.yaml), and its note."""
    value, why = guess
    shown = value.value if value is not None else None
    sure = _sure(measured(name, why, 0.5) if value is not None else 0, why)
    return shown, sure, f"{name} {shown or '(blank)'}: {why}"


def _position_row(
    n: int,
    s: Sentence,
    measure: Measure,
    said: Speaker | None,
    source_id: str,
    curated: Curated,
    body: str,
) -> Row:
    """A position on a curated policy, as a record of the article's own file (never an edit
    of policies.yaml): the sentence as the article's words, the speaker's own only when the
    whole sentence is inside quotation marks."""
    actor_id, new_actor_draft, actor_notes = _actor(said, curated)
    own_words = within_quotation((s.start, s.end), quoted_spans(body))
    record = {
        "position_id": f"{source_id}-position-{n}",
        "policy_id": measure.policy_id,
        "actor_id": actor_id,
        "actor_role": None,
        "position": measure.position.value,
        "source_id": source_id,
        "relayed_by": None,
        "quote": s.text,
        "kind": "direct" if own_words else "reported",
    }
    notes = [f"{measure.verb!r}: {measure.position.value} policy {measure.policy_id} "
             f"({measure.reason}; confidence {measure.confidence:.0%})", *actor_notes]  # fmt: skip
    new = {"actors": new_actor_draft} if new_actor_draft else {}
    why = {
        "policy_id": _sure(measure.confidence, measure.reason),
        "position": _sure(measure.confidence, f"from {measure.verb!r}"),
        "actor_id": _actor_why(actor_notes),
    }
    return Row("positions", record, s.start, s.end, notes=notes, new=new, why=why)


def _proposal_row(
    n: int, k: int, s: Sentence, measure: Measure, said: Speaker | None, source_id: str,
    published: dt.date | None, curated: Curated, text: str = "",
) -> Row:  # fmt: skip
    """A new proposal: the measure named in the article's words, proposed by the speaker."""
    actor_id, new_actor_draft, actor_notes = _actor(said, curated)
    if body := body_proposer(s.text, measure.verb, curated.actors) or bare_body_proposer(
        s.text, measure.verb, curated.actors, text, measure.name
    ):
        # "The ministry plans to ...": the body proposes, not the official telling of it.
        actor_id, new_actor_draft, actor_notes = body[0], {}, [f"speaker: {body[1]} = {body[0]}"]
    dates = when(s.text, published)
    low = measure.name.lower()
    record = {
        "policy_id": f"{source_id}-proposal-{n}" + (f"-{k + 1}" if k else ""),
        "name": measure.name,
        "description": "",
        "category": "treatment" if re.search(r"treat|clinic|rehab|care", low) else "enforcement",
        "status": "proposed",
        "status_note": f"Proposed in {source_id}; no decision reported.",
        "proposed_by": actor_id,
        "proposed_on": dates.said_on or published,
        "first_source_id": source_id,
        "quote": s.text,
    }
    notes = [f"{measure.verb!r}: {measure.reason} (confidence {measure.confidence:.0%})",
             "check the name; describe the measure", *actor_notes]  # fmt: skip
    new = {"actors": new_actor_draft} if new_actor_draft else {}
    why = {
        "name": _sure(measure.confidence, f"the words after {measure.verb!r}"),
        "proposed_by": _actor_why(actor_notes),
    }
    return Row("policies", record, s.start, s.end, notes=notes, new=new, why=why)


_LIST_MARKER_ONLY = re.compile(r"\s*(?:\d{1,2}[.)]|[•*–-])\s*")  # "2." on its own line


def _own_page_proposes(
    rows: list[Row],
    issuer: str,
    curated: Curated,
    where: str = "the release's letterhead: no other source given",
) -> None:
    """Round thirty: a proposal no speaker was found for, opening with the release's own voice
    ("We call on ...", "The Ministry proposes ..."), is the letterhead's body's (C5)."""
    for row in rows:
        if row.kind != "policies" or row.record.get("proposed_by"):
            continue
        if not own_page_subject(str(row.record.get("quote", ""))):
            continue
        actor_id, new_actor, notes = _org_actor(issuer, curated)
        if actor_id is None:
            continue
        row.record["proposed_by"] = actor_id
        if new_actor:
            row.new["actors"] = new_actor
        row.why["proposed_by"] = f"60%: {notes[0]} ({where})"
        row.notes[:] = [n for n in row.notes if n != "no speaker found"]


def _measure_and_event_rows(
    body: str, statements, source_id: str, published: dt.date | None, curated: Curated
) -> list[Row]:
    """Proposals (a new-policy draft per measure, or the curated policy a position is on) and
    dated events."""
    speakers = {c.quote: c.speaker for c in statements}
    rows: list[Row] = []
    coded = curated.coded_positions()
    last: tuple[str, str] | None = None  # the measure put forward last: (policy id, name)
    earlier: list[tuple[str, str]] = []  # every measure put forward so far: (policy id, words)
    recent: list[tuple[str, str]] = []  # the measures of the last sentence that put any forward
    # The report's sentences: page furniture (a subheading, a caption) puts nothing forward,
    # and a dateline ("Phnom Penh, 14 May 2020 –") is cut off.
    report = [Sentence(x.start, x.end, x.text) for x in split_sentences(body)[0]]
    listing: list[Any] | None = None  # the speaker of a list's lead-in ("We call on ... to:")
    headed = set(heading_list(body, report))  # items under "RECOMMENDATIONS", no lead-in
    for n, s in enumerate(report, 1):
        said = next((sp for q, sp in speakers.items() if q in s.text), None) or speaker_in(s.text)
        if listing is None and n - 1 in headed:
            listing = [said]  # the document's own list: its items are its measures
        if listing is not None and _LIST_MARKER_ONLY.fullmatch(s.text):
            continue  # "2." on a line of its own: the list goes on
        if (
            listing is not None
            # "8. One member ..., said during the debate that ...": a paragraph reporting speech
            # is no item of the list before it (round eleven).
            and (said is None or said is listing[0])
            and (item := list_item(s.text, report[n - 2].text, curated.policies))
        ):
            # "1. Amend the law ...": each item of a list a lead-in puts forward is a measure.
            if item.policy_id:
                rows.append(_position_row(n, s, item, listing[0], source_id, curated, body))
            else:
                rows.append(_proposal_row(n, 0, s, item, listing[0], source_id, published, curated))
            last = (str(rows[-1].record["policy_id"]), item.name)
            earlier.append(last)
            continue
        listing = [said] if opens_list(s.text) else None
        # A lead-in ("The Commission recommends that the Royal Government:") puts forward what
        # its list names, nothing of its own (round eleven).
        measures = [] if listing else find_measures(s.text, curated.policies)
        # "supported the first idea" names one of the last sentence's measures; "the plan", the last.
        if not measures and (same := positions_on_the_same(s.text, recent)):
            for back in same:  # "asked for the same": a stand on each of the last measures
                rows.append(_position_row(n, s, back, said, source_id, curated, body))
        elif not measures and (
            back := position_on_ordinal(s.text, recent) or position_on_last(s.text, last)
        ):
            rows.append(_position_row(n, s, back, said, source_id, curated, body))
        elif earlier:
            # "welcomed the dogs", "rejected the call to release detainees": a stand on a
            # measure put forward before, read from the words before any new measure.
            verb = proposing_verb(s.text)
            mine = {m.policy_id for m in measures}
            for back in positions_on_earlier(s.text[: verb.start() if verb else None], earlier):
                if back.policy_id not in mine:
                    rows.append(_position_row(n, s, back, said, source_id, curated, body))
        if measures and restates_earlier(s.text, earlier):
            measures = []  # "the centres would open next year": the plan already drafted
        if measures:
            recent = []
        for k, measure in enumerate(measures):
            if any(
                p == measure.policy_id and src == source_id and q in s.text for p, src, q in coded
            ):
                continue  # already curated for this article: never offered twice
            if measure.policy_id:
                rows.append(_position_row(n, s, measure, said, source_id, curated, body))
            else:
                rows.append(
                    _proposal_row(n, k, s, measure, said, source_id, published, curated, body)
                )
                # Round thirty-six: the places named right after the measure's words.
                names = [m.name for m in measures]
                rows[-1].record["name"] = with_places(names, k, s.text)
            last = (str(rows[-1].record["policy_id"]), measure.name) if k == 0 else last
            earlier.append((str(rows[-1].record["policy_id"]), measure.name))
            recent.append(earlier[-1])
        if measures and last is not None and (stand := _STAND_ON_IT.search(s.text)):
            # "The department has proposed ..., and the NACD supports that proposal": a stand
            # of another body on the measure just put forward, in the same sentence.
            verb = stand.group("verb").lower()
            position = Position.opposes if verb.startswith(("oppos", "reject")) else (
                Position.supports)  # fmt: skip
            measure = Measure(last[0], position, verb, last[1],
                              f"{verb!r} on the measure this sentence puts forward", 0.5)  # fmt: skip
            who = Speaker(stand.group("who"), stand.group("who"), named=False)
            rows.append(_position_row(n, s, measure, who, source_id, curated, body))
        event = guess_event(s.text)
        dates = when(s.text, published)
        day = dates.period_start or dates.said_on or dates.as_of
        if event is not None and day is not None:
            kind, verb = event
            record = {
                "event_id": f"{source_id}-event-{n}",
                "event_date": day,
                "date_precision": str(dates.precision or "day"),
                "date_basis": f"{'; '.join(dates.notes) or 'read from the words'}, in an "
                f"article of {published}",
                "kind": kind.value,
                "title": s.text[:120],
                "source_id": source_id,
                "quote": s.text,
            }
            why = {
                "event_date": _sure(dates.confidence or 0.7, "; ".join(dates.notes)),
                "kind": _sure(0.6, f"from {verb!r}"),
            }
            notes = [f"{verb!r}: {kind.value}"]
            rows.append(Row("events", record, s.start, s.end, notes=notes, why=why))
    return rows


# ", and the NACD supports that proposal": who takes a stand on the measure just put forward.
_STAND_ON_IT = re.compile(
    r",?\s+(?:and|but)\s+(?P<who>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+"
    r"(?P<verb>supports|supported|backs|backed|welcomes|welcomed|opposes|opposed|rejects|"
    r"rejected)\s+(?:that|the|this)\s+(?:proposal|plan|idea|measure|request)\b"
)


# "អាជ្ញាធរគ្រោងនឹង ..." (the authority plans to ...), "ស្នងការដ្ឋាននឹង ..." (the commissariat
# will ...): a body's plan, its proposer that body rather than the official telling of it, so
# the speaker is no guess for it (measured: 18 of 49 such fills were wrong on training).
_KM_PLANS = re.compile(normalise("គ្រោង|មានគម្រោង|នឹង").text)
# A person proposes (Mr, Mrs, His Excellency, I) before the verb: "the court asked", "the club
# proposed" put forward the body's measure, the speaker's is no guess for it.
_KM_PERSON = re.compile(normalise("លោក|អ្នកស្រី|ឯកឧត្តម|ខ្ញុំ").text)


def _khmer_proposer(row: Row, rows: list[Row]) -> None:
    """A Khmer proposal's proposer: the speaker of the statement drafted from the words that
    put it forward, with that statement's reason and new-actor draft (round twenty-five: the
    Khmer measures are read apart from their speakers, so every one had none)."""
    said = next((r for r in rows if r.kind == "statements" and r.record.get("actor_id")
                 and r.start <= row.start < r.end), None)  # fmt: skip
    if said is None:
        return
    row.record["proposed_by"] = said.record["actor_id"]
    row.why["proposed_by"] = said.why.get("actor_id", row.why.get("proposed_by"))
    if said.new.get("actors"):
        row.new["actors"] = said.new["actors"]
    row.notes[:] = [n for n in row.notes if n != "no speaker found"]


def _own_list_item(row: Row, issued: tuple[str, str], fresh: dict[str, dict]) -> None:
    """Round thirty-one: an item of a list under the page's own heading or lead-in
    ("អនុសាសន៍", recommendations; "ក្រសួងសូមណែនាំ ...៖" under the ministry's letterhead) is the
    letterhead's body's measure (the keys' C3 and C5), its statement that body's words."""
    field = "proposed_by" if row.kind == "policies" else "actor_id"
    row.record[field] = issued[0]
    if fresh.get(issued[0]):  # a new body, named in Khmer as printed
        row.new["actors"] = fresh[issued[0]]
    row.why[field] = f"60%: {issued[1]} (a list under the page's own heading or lead-in)"
    row.notes[:] = [n for n in row.notes if n != "no speaker found"]


# "បើធៀបនឹង ..." / "ធៀបនឹង ..." (compared with ...) opening a Khmer sentence: its figures are the
# change on the figure before it (round twenty-nine).
_KM_COMPARED = re.compile(
    rf"^(?:{normalise('បើ').text}\s?)?{normalise('ធៀប').text}\s?{normalise('នឹង').text}"
)
_KM_COMPARED_WORDS = "បើធៀបនឹង"


def _khmer_rows(body, index, source_id, published, curated, head: str = "") -> list[Row]:
    """A Khmer article's drafts (curation.suggest.khmer) as the studio's rows."""
    rows = []
    opening = opening_of(head, body)
    story = story_province(head, body)
    no_smaller = names_no_smaller_place(head, body)
    issuer = letterhead(head, body)
    fresh: dict[str, dict] = {}  # the letterhead's body, when new: one entry
    # The letterhead's body, matched once per article (a fuzzy pass over the actors).
    issued = letterhead_actor(issuer, list(curated.actors), fresh) if issuer else None
    prev: Any = None  # the Khmer figure drafted last
    for n, d in enumerate(khmer_drafts(body, published, list(curated.actors)), 1):
        start, end = index.locate(d.quote) or (0, 0)
        compared = (
            d.kind == "indicators"
            and prev is not None
            and d.record.get("actor_id") is None
            and _KM_COMPARED.match(normalise(d.quote).text.strip(" \u200b"))
        )
        if compared:
            # Round twenty-nine: "បើធៀបនឹងខែមុន ចំនួនករណីកើនឡើង ៩ករណី" (compared with the month
            # before, cases rose by 9) goes on with the figure before it: that figure's source,
            # or none (never the letterhead when the figure before named another source).
            d.record["actor_id"] = prev.record.get("actor_id")
            if d.record["actor_id"] is not None:
                reason = re.sub(r"^\d+%: ", "", str(prev.why.get("actor_id", "")))
                d.why["actor_id"] = f"60%: {reason} (as {_KM_COMPARED_WORDS!r}, referring back)"
                d.notes.append(f"actor {d.record['actor_id']}: {d.why['actor_id']}")
        if (
            d.kind == "indicators"
            and d.record.get("actor_id") is None
            and (label := line_label(d.quote))
        ):
            # Round twenty-two: "<a body's name>៖ ..." opens the line that gives its figures.
            actor_id, why = letterhead_actor(label, list(curated.actors), fresh)
            why = why.replace("the page's letterhead:", "the line's label:", 1)
            d.record["actor_id"] = actor_id
            d.why["actor_id"] = f"60%: {why}"
            d.notes.append(f"actor {actor_id}: {why}")
            d.new_actor = fresh.get(actor_id)
        if (
            d.kind == "indicators"
            and issued
            and d.record.get("actor_id") is None
            and not compared
            and not names_a_source(d.quote)
        ):
            # Round twenty-one: a figure naming no source on a page under a body's letterhead
            # is that body's (its issuer); round twenty-nine: one whose sentence names a source
            # the rules cannot tell stays blank.
            d.record["actor_id"], why = issued
            d.why["actor_id"] = f"60%: {why}"
            d.notes.append(f"actor {d.record['actor_id']}: {why}")
            d.new_actor = fresh.get(d.record["actor_id"])
        # Round thirty-four: no speaker read ("នាយកដ្ឋានបញ្ជាក់ថា", the department stated): the
        # words before the verb.
        who = d.speaker.strip() or (subject_words(d.quote, d.notes[-1]) if d.notes else "")
        # Round thirty-five: a notice's appeal to the public ("សូមបងប្អូនប្រជាពលរដ្ឋ ...") is the
        # page speaking in its own voice, as its "យើងខ្ញុំ" (we) is; the appeal says so by its
        # own flag, never by a word put in the speaker's place (stop 49).
        appeal = (
            d.kind == "statements"
            and APPEAL in d.why.get("kind", "")
            and bool(issued)
            and own_body("យើងខ្ញុំ", issuer)
        )
        read: list[str] | None = None  # the speaker's notes before the page's own body
        if (
            d.kind == "statements"
            and issued
            and d.record.get("actor_id") is None
            and (appeal or own_body(who, issuer))
        ):
            # Round twenty-eight: "ស្នងការដ្ឋានសូមអំពាវនាវ ..." (the commissariat appeals ...)
            # under its letterhead: the body its head noun names is the page's own.
            # Its stance: round twenty-eight's speaker reads its side as before (the letterhead's
            # name and the words around it); one found this round (the words before the verb,
            # "we", a hospital, a post) from the speaker read before, so no stance moves with
            # the speaker: the new fills were measured for the speaker alone.
            read = None if own_body(d.speaker, issuer, wider=False) else list(d.notes)
            d.record["actor_id"], why = issued
            why = f"{why} ({(APPEAL_WORD if appeal else who)!r} alone: the page's own body)"
            d.why["actor_id"] = f"60%: {why}"
            d.notes[:1] = [why]
            d.new_actor = fresh.get(d.record["actor_id"])
        if d.kind == "indicators":
            prev = d
            area = guess_geography(d.quote, opening, story, no_smaller)
            record = {"indicator_id": f"{source_id}-figure-{n}", **d.record, "vague": None,
                      "phase_id": None, "geography": area.value, "source_id": source_id,
                      "actor_id": d.record.get("actor_id"), "attribution": None,
                      "note": None}  # fmt: skip
            d.why["geography"] = _sure(area.confidence, area.reason)
        else:
            record = {"statement_id": f"{source_id}-statement-{n}", **d.record,
                      "source_id": source_id, "topic": None, "stance": None}  # fmt: skip
            _khmer_topic_stance(d, record, body, curated, read)
        new = {"metrics": {**d.new_metric, "category": _category(d.new_metric["unit"], d.quote),
                           "definition": ""}} if d.new_metric else {}  # fmt: skip
        if d.new_actor:  # a person named in Khmer, its name in Latin letters the curator's
            new["actors"] = dict(d.new_actor)
        rows.append(
            Row(
                d.kind,
                record,
                start,
                end,
                notes=d.notes,
                new=new,
                words=d.words,
                why=d.why,
                offers=d.offers,
            )  # fmt: skip
        )
    last: str | None = None  # the id of the Khmer measure put forward last
    for n, km in enumerate(khmer_measures(body), 1):
        start, end = index.locate(km.sentence) or (0, 0)
        s = Sentence(start, end, km.sentence)
        fit = (
            khmer_policy_fit(km.name, curated.policies)
            or khmer_growth_fit(km.name, curated.policies)
            if km.named or km.position is None
            else None
        )
        if fit is not None:
            # Round twenty-two: the measure's words are a curated proposal's Khmer name (most of
            # its distinctive words): a position on it, not a new proposal.
            policy, share = fit
            measure = Measure(str(policy["policy_id"]), Position(km.position or "supports"),
                              km.verb, str(policy.get("name", "")),
                              f"holds {share:.0%} of the proposal's Khmer name", 0.6)  # fmt: skip
            rows.append(_position_row(n, s, measure, None, source_id, curated, body))
            if issued and km.verb == "listed" and own_list(list_lead(body, start), issuer):
                _own_list_item(rows[-1], issued, fresh)
            last = measure.policy_id
            continue
        if km.named:
            continue  # a stand on words no curated proposal is: left to the curator
        if km.position is None:
            measure = Measure(None, Position.supports, km.verb, km.name,
                              f"a Khmer verb of putting forward ({km.verb})", 0.5)  # fmt: skip
            rows.append(_proposal_row(n, 0, s, measure, None, source_id, published, curated))
            said = normalise(km.sentence).text
            before = said[: max(said.find(km.verb), 0)]
            if not _KM_PLANS.match(km.verb) and _KM_PERSON.search(before):
                _khmer_proposer(rows[-1], rows)
            elif issued and km.verb == "listed" and own_list(list_lead(body, start), issuer):
                _own_list_item(rows[-1], issued, fresh)
            elif issued and own_body_proposes(before, issuer):
                # Round thirty: "មន្ទីរពេទ្យសូមស្នើ ..." (the hospital asks ...) under its letterhead:
                # the page's own body puts the measure forward, not a speaker (it had none).
                row = rows[-1]
                row.record["proposed_by"] = issued[0]
                if fresh.get(issued[0]):  # a new body, named in Khmer as printed
                    row.new["actors"] = fresh[issued[0]]
                row.why["proposed_by"] = (
                    f"60%: {issued[1]} ({before.split()[-1]!r} alone: the page's own body)"
                )
            elif who := khmer_body_proposer(before, body, curated.actors):
                # Round thirty-six: "អាជ្ញាធរជាតិគ្រោងនឹង ..." (the national authority plans to
                # ...): the curated body its verb's subject is.
                rows[-1].record["proposed_by"] = who[0]
                rows[-1].why["proposed_by"] = f"60%: speaker: {who[1]} = {who[0]}"
                rows[-1].notes[:] = [n for n in rows[-1].notes if n != "no speaker found"]
            last = str(rows[-1].record["policy_id"])
        elif last is not None:
            measure = Measure(last, Position(km.position), km.verb, km.name,
                              f"{km.verb!r} on this plan (គម្រោងនេះ), the one put forward "
                              "before it", 0.5)  # fmt: skip
            rows.append(_position_row(n, s, measure, None, source_id, curated, body))
    rows.sort(key=lambda r: r.start)
    return rows


# "The Ministry proposes ...", "the Authority calls on ...": a body named by its head noun alone is
# the body of that kind named before it (a release's letterhead, "The Ministry of Interior ...").
_BARE_BODY = re.compile(r"^(?:the\s+)?(ministry|authority|department|commissariat|council)$", re.I)
_BODY_NAMED = {
    "ministry": re.compile(r"\b(?:[Mm]inistry|MINISTRY)\s+(?:of|OF)\s+(?:[A-Z][A-Za-z]+)"
                           r"(?:\s+(?:and|AND)\s+[A-Z][A-Za-z]+)?|\b(?!The\b)[A-Z][a-z]+\s+Ministry\b"),
    # "the Anti-Drug Police Department ... The department urged": the body named before it
    # (round ten); so "the National Authority for Combating Drugs ... the authority said".
    "department": re.compile(r"\b(?!The\b)(?:[A-Z][\w'’-]*\s+){1,4}Department\b"),
    "authority": re.compile(r"\b(?!The\b)(?:[A-Z][\w'’-]*\s+){1,3}Authority\s+(?:for|on|of)\s+"
                           r"(?:[A-Z][\w'’-]*\s?){1,4}"),
}  # fmt: skip


_BODY_NAME = re.compile(r"Ministry of [A-Z][a-z]+(?: and [A-Z][a-z]+)?|[A-Z][a-z]+ Ministry")


# A list's lead-in ending on its verb and a colon ("According to those reports, police
# arrested:"), and the lines under it ("2022: 15,384 people in 7,902 cases").
_LEAD_COLON = re.compile(r"([^.;:!?\n]*\b[a-z]+ed)\s*:\s*$")
_LIST_LINE = re.compile(r"^\s*(?:[•·▪\-–*]\s|(?:19|20)\d{2}\s*(?:\([^)]{0,60}\))?\s*:)")


def _lead_in(body: str, quote: str) -> str:
    """The lead-in clause of the list a line belongs to, with a space, for the metric guess: a
    list line counts what its lead-in's verb did (round ten); "" for any other sentence."""
    if not _LIST_LINE.match(quote):
        return ""
    at = body.find(quote)
    lines = body[: max(at, 0)].rstrip("\n").split("\n")
    for line in reversed([line for line in lines[-24:] if line.strip()]):
        if (m := _LEAD_COLON.search(line)) is not None:
            return m.group(1).strip() + " "
        if not _LIST_LINE.match(line):
            return ""
    return ""


# The words of a fall just before a percentage ("down", "fell by", "dropped some") or after it
# ("lower than", "fewer").
_FALL_BEFORE = re.compile(
    r"\b(?:down|fell|fall|falls|fallen|dropped|drops?|decreased?|declined?|declines|slipped|"
    r"plunged|plummeted)\s+(?:(?:by|of)\s+)?(?:(?:some|about|around|nearly|almost|roughly|more\s+than|"
    r"over|just\s+over|just\s+under)\s+)?$",
    re.I,
)
_FALL_AFTER = re.compile(r"\s+(?:lower|less|fewer|down|drop|fall|decrease|decline)\b", re.I)


def _is_fall(sentence: str, start: int, end: int) -> bool:
    """Whether the percentage at sentence[start:end] is a fall ("a decrease of 6 percent" may
    be the figure's own words)."""
    return bool(
        _FALL_BEFORE.search(sentence[:start])
        or _FALL_AFTER.match(sentence, end)
        or re.match(
            r"\s*(?:an?\s+)?(?:decrease|fall|drop|decline)\s+of\b", sentence[start:end], re.I
        )
    )


# "the ministry's half-year report", "By the authority's own count": a body named by its head
# noun alone, whose document or count gives the figure (round twenty-four).
_BARE_DOC = re.compile(
    r"\b(?:[Bb]y\s+)?the\s+(?P<head>ministry|authority|department)['’]s\s+(?:own\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:report|figures|data|statistics|records|count|tally)\b",
    re.I,
)


def _bare_body_source(c, body: str) -> tuple[str, str] | None:
    """The full name of the body a figure's source phrase, or the words before the figure, name
    by its head noun alone ("the ministry's half-year report"), as the article printed it
    last before the sentence, and those words; None when it names none or the article
    printed none."""
    phrase = c.speaker.phrase if c.speaker is not None else ""
    before = c.quote[: c.figure.start] if c.figure is not None else ""
    m = _BARE_DOC.match(phrase.strip()) or (None if c.speaker else _BARE_DOC.search(before))
    pattern = _BODY_NAMED.get(m.group("head").lower()) if m else None
    at = body.find(c.quote[:40])
    named = list(pattern.finditer(body[: max(at, 0)])) if pattern else []
    return (named[-1].group(0).strip(), m.group(0)) if m and named else None


def _named_body(c, body: str):
    """The statement with a bare "The Ministry" speaker read as the ministry named before it."""
    m = _BARE_BODY.match(c.speaker.phrase.strip()) if c.speaker is not None else None
    pattern = _BODY_NAMED.get(m.group(1).lower()) if m else None
    at = body.find(c.quote[:40])
    named = list(pattern.finditer(body[: max(at, 0)])) if pattern else []
    if not named:
        return c
    name = " ".join(w if w.lower() in ("of", "and") else w.capitalize()
                    for w in named[-1].group(0).lower().split())  # fmt: skip
    # A department or authority named in full is a body of its own: drafted as one (round ten).
    whole = m.group(1).lower() in ("department", "authority")
    return replace(c, speaker=replace(c.speaker, phrase=name, name=name, named=whole))


# A small count written in words ("three children", "Two United Nations agencies", "four of
# his clients"): how a reporter describes, a figure only when the codebook counts its noun.
_SMALL_IN_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ]
)


def _counts(curated: Curated, fig: Figure, sentence: str) -> bool:
    """Whether a figure counts something the campaign is measured by: a small number in words
    is drafted only when a curated metric counts its noun (policy, round nine); every other
    number goes on to the metric guess, a new metric drafted where none fits."""
    if fig.vague or fig.words.strip().lower() not in _SMALL_IN_WORDS:
        return True
    return not guess_metric(sentence, fig.start, fig.end, fig.unit, curated.metrics).new


def _outside_questions(body: str, rows: list[Row]) -> list[Row]:
    """The rows less every figure inside a questioner's turn (furniture.py) or counted by
    another country (geography.py): round eighteen."""
    turns = question_turns(body)
    return [
        r
        for r in rows
        if r.kind != "indicators"
        or not (any(a <= r.start < b for a, b in turns) or _foreign(r) or _no_figure(body, r))
    ]


def _no_figure(body: str, row: Row) -> bool:
    """Round thirty-two: a number that is no figure by its shape or its line (non_figures.py)."""
    return bool(row.words) and non_figure(body, row.start, row.words) is not None


def _foreign(row: Row) -> bool:
    """A figure another country counted ("Malaysia's delegation said its police seized ...")."""
    quote = str(row.record.get("quote") or "")
    at = quote.find(row.words) if row.words else -1
    return at >= 0 and another_country(quote, at) is not None


def _measure_statements(rows, body, source_id, published, curated: Curated) -> list[Row]:
    """Round twenty-six: a statement for each sentence that put a measure forward and gave none
    (curation.suggest.measure_statements), in the article's order, after the other rows."""
    types = {str(a.get("actor_id")): str(a.get("actor_type")) for a in curated.actors}
    said = measure_statements(rows, body, source_id, published, types, _judged)
    # Round thirty-one: a list's lead-in gives no statement; its items do (the keys' C3).
    return framing_lead_ins(rows, body) + sorted(said, key=lambda r: r.start)


def draft_rows(
    raw: str,
    title: str | None,
    source_id: str,
    published: dt.date | None,
    curated: Curated = NO_CURATED,
) -> tuple[str, list[Row]]:
    """The clean text and a row per candidate, dated from the words, blanks left blank."""
    body = clean_body(raw, title)
    index = BodyIndex(body)
    if is_khmer(body):
        rows = _outside_questions(body, _khmer_rows(body, index, source_id, published, curated,
                                                    title or ""))  # fmt: skip
        rows = _measure_statements(rows, body, source_id, published, curated)
        # Round thirty-seven: "ឯកឧត្តមបានណែនាំឲ្យ ..." with no speaker read, the person named before.
        title_alone_speakers(rows, body, curated.actors)
        titled_proposers(rows)  # round thirty-eight: the proposal of those words, that person
        for row in rows:
            below_threshold(row)
            offer_unsure(row)
        offer_dates_before(rows)  # round 34: an undated count, the one before it's dates offered
        return body, rows
    figures, statements = candidates(raw, title, partial(_counts, curated))
    statements = [_named_body(c, body) for c in statements]
    rows = _figure_rows(figures, body, index, source_id, published, curated, title or "")
    if tabled := _table_rows(body, source_id, title or "", curated, len(rows)):
        # A table's cell is drafted once, from its row and column, never again from its line.
        # Each line from its own start (round 37: a cell's start plus the line's length ran
        # into the next line, dropping its figures, once a row's last cell ended its line).
        at = [body.rfind("\n", 0, r.start) + 1 for r in tabled]
        lines = [(a, r.end) for a, r in zip(at, tabled, strict=True)]
        inside = {r.record["quote"] for r in tabled}
        rows = [r for r in rows if r.record.get("quote") not in inside
                and not any(a <= r.start < b for a, b in lines)] + tabled  # fmt: skip
    rows += _statement_rows(statements, index, source_id, published, curated, body)
    rows += _measure_and_event_rows(body, statements, source_id, published, curated)
    if issuer := _issuer(f"{title or ''}\n{body}"):
        _own_page_proposes(rows, issuer, curated)
    elif owner := page_owner(f"{title or ''}\n{body}"):
        # Round thirty-six: a newsletter's or an event page's owner, named on its first lines.
        _own_page_proposes(rows, owner, curated, "the letterhead")
    rows.sort(key=lambda r: r.start)
    rows = _outside_questions(body, rows)
    rows = _measure_statements(rows, body, source_id, published, curated)
    # Round thirty-eight: "Virith urged ..." after "Meas Vyrith", "She said ..." after "nurse
    # Him Dara ...": a speaker read as one name or a pronoun, the person named before.
    short_name_speakers(rows, body, curated.actors)
    pronoun_speakers(rows, body, curated.actors)
    for row in rows:
        below_threshold(row)  # a blank beats a wrong guess: only sure fields stay filled
        offer_unsure(row)  # and a figure or statement mostly wrong unseen is only offered
    offer_period_before(rows, body)  # round 35: an undated count, the sentence before's period
    return body, rows
