"""Drafts of a Khmer article: figures with their Khmer hedges and dates (corpus.khmer_reading),
statements with their speech verbs, «» quotations and speakers (corpus.khmer_speech).

The English rules read English words; a Khmer article goes through the Khmer readers instead
(the same records, each guess with its reason). Metrics are guessed from the counter and the
verb (ឃាត់ខ្លួន "detained" people, រឹបអូស "seized" kilograms); anything else is left blank.

Long because a Khmer article's figures, dates, speakers and measures are drafted in one pass
over its sentences (the period carried by ក្នុងចំណោម, the speaker by a title standing alone).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from corpus.khmer import (
    ZERO_WIDTH,
    KhmerSentence,
    cluster_bounded,
    has_khmer,
    normalise,
    quotation_spans,
    split_sentences,
)
from corpus.khmer_reading import KhmerDate, read_dates, read_figures
from corpus.khmer_speech import ROLE_FORMS, TITLES, find_attributions, speaker_key, strip_title
from corpus.number_words import number_words
from corpus.speech_verbs import speech_verbs
from curation.suggest.changes import latest_like
from curation.suggest.confidence import sure_date
from curation.suggest.furniture import is_furniture
from curation.suggest.guess import FUZZY_NAME, IN_KHMER_AS_PRINTED, khmer_named
from curation.suggest.khmer_subsets import court_cases, in_treatment, subset_metric
from curation.suggest.khmer_treated import treated_not_detained
from curation.suggest.letterhead import according_to
from curation.suggest.new_giver import drafted_here, province_giver
from curation.suggest.numbers import no_count_spans
from curation.suggest.speakers import Speaker
from curation.suggest.title_holder import holder, office_alone
from curation.suggest.titled_reporter import titled_reporter
from curation.suggest.transcript import find_turns, turn_statement, turn_words
from curation.suggest.withheld import unnamed_khmer, withheld_khmer

# A figure in grams or tonnes is recorded in kilograms (the codebook's unit).
_TO_KG = {"kg": 1.0, "g": 0.001, "tonnes": 1000.0}
_DETAINED = re.compile(normalise("ឃាត់ខ្លួន|ចាប់ខ្លួន|ចាប់").text)
# "វត្ថុតាង" (exhibits, evidence: the drugs a raid took) weighs a seizure too (round eighteen).
_SEIZED = re.compile(normalise("រឹបអូស|ដកហូត|ចាប់យក|វត្ថុតាង").text)
_DESTROYED = re.compile(normalise("ដុតកម្ទេច|កម្ទេច|ដុត").text)
_WOMEN = normalise("ស្ត្រី").text
# Page furniture opening a Khmer paragraph: "អត្ថបទទាក់ទង៖" (related article), "ផ្សាយ៖"
# (published), "ដោយ៖" (by), "ប្រភព៖" (source), "រូបភាព៖" (photo), "កែសម្រួលដោយ" (edited by).
_FURNITURE = re.compile(
    "^(?:" + "|".join(normalise(w).text for w in (
        "អត្ថបទទាក់ទង", "ផ្សាយ", "ដោយ៖", "ប្រភព", "រូបភាព", "រូបថត", "កែសម្រួល", "ចែករំលែក"
    )) + ")"
)  # fmt: skip
# "១-", "2.", "៣)" opening a line: a numbered list's marker.
_MARKER = re.compile(r"\d{1,2}\s*[.)\-](?:\s|$)")
# A stamp line: a day and a clock time ("ថ្ងៃពុធ ទី៩ ខែមីនា ឆ្នាំ២០២២ ម៉ោង ០៩:១៥").
_STAMP = re.compile(normalise("ម៉ោង").text + r"\s?\d{1,2}[:.]\d{2}")
# "អាជ្ញាធរគ្រោងនឹងសាងសង់មណ្ឌលថ្មីចំនួន ៣" (plans to build three new centres): a number
# inside the measure put forward is its target, not a count made.
_TARGET = re.compile(normalise("គ្រោងនឹង|គ្រោងសាងសង់|នឹងសាងសង់|នឹងបើក|គ្រោងបើក").text)


# "ភ្នំពេញ (FN)៖", "បាត់ដំបង៖" opening the first paragraph: a place (and agency) then the Khmer
# colon. It dates the article, and is no part of the first sentence's words; a speech verb's
# colon ("លោកបន្តថា៖") is not a place.
# "(បន្ទាយមានជ័យ)៖": the place in brackets, as provincial bulletins write it.
_DATELINE = re.compile(
    r"^(?:[\u1780-\u17ff]{2,16}|\([\u1780-\u17ff]{2,16}\))\s*(?:\([A-Za-z .]{1,12}\))?\s*៖\s*"
)
_SAID = re.compile(cluster_bounded(normalise("ថា|បាន").text))


# A title, a space and a two-word name ("ឯកឧត្តម អ៊ុំ សុផល"): a person named, whatever the verb.
TITLED_NAME = re.compile(
    "(?:"
    + "|".join(sorted((normalise(t).text for t in TITLES), key=len, reverse=True))
    + r")(?:"
    # an office glued to the title ("ឯកឧត្តមឧបនាយករដ្ឋមន្ត្រី កែ គឹមយ៉ាន"), never a verb
    + "|".join(normalise(w).text for w in ("ឧបនាយករដ្ឋមន្ត្រី", "នាយករដ្ឋមន្ត្រី", "រដ្ឋមន្ត្រី"))
    + r")?\s(?P<name>[\u1780-\u17d3]+\s[\u1780-\u17d3]+)"
)


# A broadcast page's time code in any digits ("[០៧:១១] "): cut like a dateline.
_TIMECODE = re.compile(r"^(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\d{1,2}:\d{2}\s*[|·]\s)\s*")
# One person's case ("ជនសង្ស័យម្នាក់ អាយុ ២៣ឆ្នាំ", a suspect aged 23): an arrest or a fine, its
# grams and riel no count of the campaign.
_ONE_PERSON = re.compile(normalise("ម្នាក់").text + r"\s?(?:[\u1780-\u17ff]+\s?){0,2}?"
                         + normalise("អាយុ").text)  # fmt: skip
# A sum that is a fine or a price (ពិន័យ, តម្លៃ, ថ្លៃ): never a counted metric.
_PRICED = re.compile(normalise("ពិន័យ|តម្លៃ|ថ្លៃ|រង្វាន់").text)


def _without_dateline(s: KhmerSentence) -> KhmerSentence:
    if code := _TIMECODE.match(s.text):
        cut = code.end()
        s = KhmerSentence(s.start + cut, s.end, s.text[cut:], s.masked[cut:])
    m = _DATELINE.match(s.text)
    norm = normalise(s.text).text.strip()
    if m is None or _SAID.search(m.group(0)) or _FURNITURE.match(norm) or is_furniture(norm):
        return s  # "អត្ថបទទាក់ទង៖ ..." (related article): furniture whole, not a dateline
    cut = m.end()
    return KhmerSentence(s.start + cut, s.end, s.text[cut:], s.masked[cut:])


@dataclass
class KhmerDraft:
    """One drafted record of a Khmer article, before records.py makes it a studio row."""

    kind: str  # "indicators" or "statements"
    record: dict[str, Any]
    quote: str  # the words as written in the clean body
    words: str = ""
    notes: list[str] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)
    new_metric: dict[str, Any] | None = None  # a metric to create when no curated one fits
    offers: dict[str, Any] = field(default_factory=dict)  # inferred dates, offered, not filled
    new_actor: dict[str, Any] | None = None  # a person named in Khmer the curated actors lack
    # The words read as a statement's speaker ("ស្នងការដ្ឋានក៏", the commissariat also): a body
    # named by its head noun alone is the page's letterhead body (records.py, round 28).
    speaker: str = ""


def is_khmer(body: str) -> bool:
    """Whether an article is written in Khmer: more Khmer letters than Latin ones."""
    if not has_khmer(body):
        return False
    khmer = sum("\u1780" <= c <= "\u17ff" for c in body)
    return khmer > sum(c.isascii() and c.isalpha() for c in body)


# What a count of people is by the words of its own clause: sent to a rehabilitation centre
# (បញ្ជូនទៅមណ្ឌល...ស្តារនីតិសម្បទា), receiving treatment (ទទួលការព្យាបាល), and for a weight,
# chemicals (សារធាតុគីមី) are precursors.
_SENT_TO_REHAB = re.compile(normalise("បញ្ជូន").text + r"\S{0,12}?" + normalise("មណ្ឌល").text
                            + r"\S{0,30}?" + normalise("ស្តារនីតិសម្បទា").text)  # fmt: skip
_IN_TREATMENT = re.compile(normalise("ទទួលការព្យាបាល").text)
_CHEMICALS = re.compile(normalise("សារធាតុគីមី").text)
_FOREIGNERS = normalise("ជនបរទេស").text
_CLAUSE_END = re.compile("[។,;]|" + normalise("ហើយ|និង|ខណៈ").text)
# Round eighteen (needs native review): "... ១២នាក់ បានស្លាប់ក្នុងការឃុំខ្លួន" (12 died in custody)
# counts deaths, not the detained its clause names; "មាន ៧នាក់ទៀត" (7 more) counts what the
# count before it in the sentence does. "បញ្ជូនទៅព្យាបាល" (sent for treatment) is sent to
# rehabilitation as "បញ្ជូនទៅមណ្ឌល...ស្តារនីតិសម្បទា" is.
_DIED = re.compile(normalise("ស្លាប់").text)
_MORE_AFTER = re.compile(r"\s?" + normalise("ទៀត").text)
_SENT_FOR_TREATMENT = re.compile(normalise("បញ្ជូន").text + r"\S{0,12}?"
                                 + normalise("ព្យាបាល|ស្តារនីតិសម្បទា").text)  # fmt: skip


def _metric(unit: str | None, sentence: str, words: str) -> tuple[str | None, str]:
    text = normalise(sentence).text
    at = text.find(normalise(words).text)
    own = text[max(at, 0) :]
    own = own[: m.start()] if (m := _CLAUSE_END.search(own, len(normalise(words).text))) else own
    if unit in _TO_KG and _CHEMICALS.search(text[max(0, at - 60) : max(at, 0)]):
        return "precursors-seized-kg", "a weight of chemicals (សារធាតុគីមី): precursors"
    if unit == "people" and (_SENT_TO_REHAB.search(own) or _SENT_FOR_TREATMENT.search(own)):
        return "sent-to-rehabilitation", "people sent to a rehabilitation centre (បញ្ជូនទៅមណ្ឌល)"
    after = text[max(at, 0) + len(normalise(words).text) :]
    if unit == "people" and (
        _DIED.search(own) or (_MORE_AFTER.match(after) and _DIED.search(text))
    ):
        return None, "people who died (ស្លាប់): no curated metric counts deaths"
    if unit in ("cases", "people") and at > 0 and _CHANGE_BEFORE.search(text[:at].rstrip()):
        return None, "a count after កើនឡើង/ថយចុះ (rose/fell): a change, no curated metric"
    if unit == "people" and _IN_TREATMENT.search(own):
        return "community-treatment-people", "people receiving treatment (ទទួលការព្យាបាល)"
    if unit == "people" and _FOREIGNERS in text[max(0, at - 12) : max(at, 0) + 1]:
        return None, "foreigners among those counted: a subset, no curated metric"
    if unit in _TO_KG:
        if _DESTROYED.search(text):
            return "drugs-destroyed-kg", "a weight, with a verb of burning (ដុត/កម្ទេច)"
        if _SEIZED.search(text):
            return "drugs-seized-kg", "a weight, with a verb of seizing (រឹបអូស)"
        return None, "a weight, but no verb says what was done with it"
    if unit == "cases":
        return "drug-crimes-investigated", "counted in cases (ករណី)"
    if unit == "people" and _DETAINED.search(text):
        if _WOMEN in normalise(words).text or _WOMEN in text[: text.find(normalise(words).text)]:
            return None, "women among those detained: a subset, no curated metric"
        lead = _CLAUSE_END.split(text[: max(at, 0)])[-1]  # the count's clause before it
        if (treated := treated_not_detained(unit, own, lead)) is not None:
            return treated  # round thirty-seven: treated, not detained, by the count's clause
        return "arrests-total", "people, with a verb of detaining (ឃាត់ខ្លួន)"
    return None, f"no curated metric counts {unit or 'this'} here"


# The counted nouns a new Khmer metric is named from, in English (ids and labels are English):
# the noun nearest before the figure names what it counts.
_NOUNS = {normalise(km).text: en for km, en in (
    ("ស្ត្រី", "women"), ("ជនបរទេស", "foreigners"), ("អ្នកទោស", "prisoners"),
    ("ជាប់ឃុំ", "detainees"), ("មណ្ឌល", "centres"), ("អ្នកញៀន", "users"),
    ("អ្នកប្រើប្រាស់", "users"), ("ជួញដូរ", "traffickers"), ("ករណី", "cases"),
    ("ជនសង្ស័យ", "suspects"), ("គ្រឿងញៀន", "drugs"),
)}  # fmt: skip
_SUBSETS = {normalise(km).text: metric for km, metric in (
    ("អ្នកប្រើប្រាស់", "arrests-users"), ("អ្នកញៀន", "arrests-users"),
    ("អ្នកជួញដូរ", "arrests-traffickers"), ("អ្នកចែកចាយ", "arrests-traffickers"),
)}  # fmt: skip
_IS_A = re.compile(r"\s?" + normalise("ជា").text + r"\s?(" + "|".join(_SUBSETS) + ")")
_CHANGE = re.compile(normalise("កើនឡើង|ថយចុះ").text + r"\s?$")
# The change word right before a count ("កើនឡើង ១៨ករណី", up 18 cases), hedges allowed.
_CHANGE_BEFORE = re.compile("(?:" + normalise("កើនឡើង|ថយចុះ").text + r")\s?(?:"
                            + normalise("ប្រមាណ|ជិត|ជាង|ប្រហែល").text + r")?\s?$")  # fmt: skip


def _new_metric(unit: str | None, sentence: str, at: int) -> dict[str, Any] | None:
    """A new-metric draft for a figure no curated metric fits, named from the Khmer noun
    nearest before it ("ស្ត្រី ៤ នាក់" women, "អ្នកទោស ... ៣៨ ០០០ នាក់" prisoners) or, for a
    percentage after "កើនឡើង" (rose), a change; None when no noun is known."""
    if unit not in ("people", "percent", "facilities", "cases"):
        return None
    before = normalise(sentence[:at]).text
    if unit in ("cases", "people") and _CHANGE_BEFORE.search(before.rstrip()):
        found = [(before.rfind(k), en) for k, en in _NOUNS.items() if k in before[-60:]]
        noun = unit if unit == "cases" else max(found)[1] if found else "people"
        return {"metric_id": f"{noun}-change-count", "label": f"Change in {noun} (count)",
                "unit": unit, "signed": True,
                "why": "a count after កើនឡើង/ថយចុះ (rose/fell): a change"}  # fmt: skip
    rest = normalise(sentence[at:]).text
    more = re.match(r"\S{1,20}?" + _MORE_AFTER.pattern, rest)  # "៧នាក់ទៀត" (7 more)
    if unit == "people" and (_DIED.search(rest) or (more and _DIED.search(before))):
        return {"metric_id": "deaths", "label": "Deaths", "unit": unit,
                "why": "people who died (ស្លាប់)"}  # fmt: skip
    if unit == "cases":
        return None
    if unit == "percent" and _CHANGE.search(before.rstrip()):
        found = [(before.rfind(k), en) for k, en in _NOUNS.items() if k in before[-60:]]
        noun = max(found)[1] if found else "count"
        return {"metric_id": f"{noun}-change-pct", "label": f"Change in {noun}", "unit": unit,
                "signed": True, "why": "a percentage after កើនឡើង/ថយចុះ (rose/fell)"}  # fmt: skip
    found = [(before.rfind(k), en) for k, en in _NOUNS.items() if k in before[-40:]]
    if not found:
        return None
    noun = max(found)[1]
    suffix = {"percent": "-share", "facilities": ""}.get(unit, "")
    return {"metric_id": f"{noun}{suffix}", "label": noun.capitalize() + (" (share)" if suffix
            else ""), "unit": unit, "why": f"counted noun {noun!r} before the figure"}  # fmt: skip


# "ម្នាក់" (one, a) after a role, or "មិនបញ្ចេញឈ្មោះ" (not named): a source left unnamed. Round
# twenty-six (c): "មួយរូប" (one, of an official: "តំណាងអាជ្ញាធរឃុំមួយរូប") and "មិន(ព្រម)ប្រាប់ឈ្មោះ"
# (would not give a name) too.
_UNNAMED = re.compile(normalise("ម្នាក់|មិនបញ្ចេញឈ្មោះ|សុំមិនបញ្ចេញ|មួយរូប|មិនព្រមប្រាប់ឈ្មោះ|មិនប្រាប់ឈ្មោះ").text)


def _interviewee(intro: str) -> Speaker | None:
    """The titled person a Q&A's introduction names first: whose every "ចម្លើយ៖" is."""
    m = TITLED_NAME.search(normalise(intro).text)
    return Speaker(m.group(0), m.group(0), named=True) if m else None


def _turn_actor(
    turn: Speaker, actors: list[dict[str, Any]], named: str | None, fresh: KhmerPeople | None = None
) -> tuple[str | None, list[str]]:
    """A transcript label's actor: a titled name matched as any Khmer speaker; a title and an
    office alone ("ឯកឧត្តមស្នងការ", His Excellency the commissioner) the person named before
    (``named``), flagged; an unnamed label ("អ្នកស្តាប់ ...", a listener) kept unnamed."""
    if not turn.named:
        return None, [f"speaker (unnamed): {turn.phrase}", "a transcript turn"]
    office = strip_title(turn.name).replace(" ", "")
    if named is not None and (not office or office.startswith(ROLE_FORMS)):
        actor_id, notes = khmer_actor(named, actors, fresh, person=True)
        return actor_id, [*notes, f"a transcript turn ({turn.phrase}: the person named "
                          "before with a title: review)"]  # fmt: skip
    actor_id, notes = khmer_actor(turn.name, actors, fresh, person=True)
    return actor_id, [*notes, f"a transcript turn ({turn.phrase})"]


@dataclass
class KhmerPeople:
    """An article's people (round twenty): the new ones drafted, by id, and the curated people
    with no Khmer name that the article names beside their curated role (by speaker_key)."""

    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_role: dict[str, tuple[str, str]] = field(default_factory=dict)


# "មន្ត្រី" (an official) names no one office: a role this short identifies nobody.
_LEAST_ROLE = 8


def people_by_role(body: str, actors: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """The curated people without a Khmer name whom the article names with a title and, just
    after the name, their curated Khmer role and organisation ("ឯកឧត្តម ... អគ្គលេខាធិការនៃ
    អាជ្ញាធរជាតិ...", secretary-general of the NACD): name key -> (actor id, role). Such a
    person is never drafted as a new actor; a role two curated people share decides nothing."""
    people = []
    for a in actors:
        if a.get("kind") != "person" or a.get("name_km") or not a.get("role_km"):
            continue
        role = re.sub(r"[A-Za-z()]+", "", normalise(str(a["role_km"])).text).replace(" ", "")
        org_km = normalise(str(a.get("organisation_km") or "")).text
        org = re.sub(r"\([^)]*\)|[A-Za-z]+", "", org_km).replace(" ", "")[:10]
        short = re.findall(r"\b[A-Z]{3,6}\b", f"{a['role_km']} {org_km}")
        if len(role) >= _LEAST_ROLE and (org or short):
            people.append((a, role, org, short))
    out: dict[str, tuple[str, str]] = {}
    text = normalise(body).text
    for m in TITLED_NAME.finditer(text):
        after = text[m.end() : m.end() + 120].replace(" ", "")
        hits = [a for a, role, org, short in people if _office_of(after, role, org, short)]
        if len(hits) == 1:
            out[speaker_key(m.group("name"))] = (str(hits[0]["actor_id"]), str(hits[0]["role_km"]))
    return out


# "អគ្គលេខាធិការរង" (deputy secretary-general), "... ស្តីទី" (acting): another office than the role.
_DEPUTY = re.compile(normalise("រង|ស្តីទី|ស្ដីទី").text)


def _office_of(after: str, role: str, org: str, short: list[str]) -> bool:
    """Whether the words after a name (spaces off) give the role, no deputy's or acting one
    ("អគ្គលេខាធិការរង" is not "អគ្គលេខាធិការ"), and its body's Khmer name or short name
    ("NACD") within the next words."""
    at = after.find(role)
    if not 0 <= at < 60 or _DEPUTY.match(after, at + len(role)):
        return False
    rest = after[at + len(role) : at + len(role) + 40]
    return bool(org and org in rest) or any(s in rest for s in short)


def _new_person(name: str, fresh: dict[str, dict[str, Any]]) -> tuple[str, str] | None:
    """A person the curated actors lack, named with a title: a new actor whose Khmer name is
    the name as printed (title and zero-width spaces off) and whose romanised name is left
    blank for the curator (a made-up spelling is never drafted); one drafted per person and
    article (``fresh``), a given name alone being the one person named before with it. None
    for a role ("លោកអភិបាលរង", the deputy governor) or words that are no two- or three-word name."""
    printed = strip_title(name)
    words = printed.split()
    if not words or len(words) > 3 or any(w.startswith(ROLE_FORMS) for w in words):
        return None
    if len(words) == 1:
        known = [d for d in fresh.values() if str(d["name_km"]).split()[-1] == words[0]]
        if len(known) != 1:
            return None
        return str(known[0]["actor_id"]), (
            f"speaker: {printed} (a new actor: {known[0]['name_km']}, named before in full; review)"
        )
    # The same printed name (however spaced) is the same id in every article: one entry.
    ident = khmer_named(fresh, "person", speaker_key(printed), printed)
    # The reason is of corpus/confidence.yaml's class "a new actor, a full name", where the
    # Khmer names drafted as "(a new actor: give the person an id)" were classed before.
    return ident, f"speaker: {printed} ({IN_KHMER_AS_PRINTED})"


def khmer_actor(
    name: str | None,
    actors: list[dict[str, Any]],
    fresh: KhmerPeople | None = None,
    person: bool = False,
) -> tuple[str | None, list[str]]:
    """The curated actor a Khmer speaker is; else, for a ``person`` named with a title and a
    ``fresh`` register of the article's new people, a new actor (_new_person); else None."""
    if not name:
        return None, ["no speaker found"]
    key = strip_title(normalise(name).text).replace(" ", "")
    if _UNNAMED.search(key):
        # "មន្ត្រីជាន់ខ្ពស់ម្នាក់ ... ដែលសុំមិនបញ្ចេញឈ្មោះ" (a senior official, who asked not to be
        # named): an unnamed source with the article's description, never a new person.
        return None, [f"speaker (unnamed): {name}"]
    for a in actors:
        # The codebook's Khmer name, or a Khmer spelling listed among its aliases ("ម៉ុក ជីតូ" of
        # Mok Chito, "ម៉ក់ ជីតូ"): the same person, spelt as the articles spell them.
        spelt = [a.get("name_km"), *[x for x in a.get("aliases") or [] if has_khmer(str(x))]]
        if key in {normalise(str(k)).text.replace(" ", "") for k in spelt if k}:
            return str(a["actor_id"]), [f"speaker: {name} = {a['actor_id']}"]
    # Another spelling of a curated Khmer name: the family name (the first word) the same and
    # the whole spelt alike, offered flagged for review, never silently. A family name spelt
    # otherwise is another family (round thirty-five), unless an alias above says so.
    words = strip_title(normalise(name).text).split()
    if len(words) == 1:
        # "ឧត្តមសេនីយ៍ឯក ជីតូ": a title and a given name alone, the short form of the one curated
        # person whose Khmer name ends with it.
        short = [a for a in actors if normalise(str(a.get("name_km") or "")).text.split()[-1:]
                 == words and a.get("kind") == "person"]  # fmt: skip
        if len(short) == 1:
            a = short[0]
            return str(a["actor_id"]), [
                f"speaker: {name} = {a['actor_id']}, the given name of {a['name_km']}: review"
            ]
    for a in actors:
        known = normalise(str(a.get("name_km") or "")).text.split()
        if len(known) != 2 or len(words) != 2 or known[0] != words[0]:
            continue
        score = fuzz.ratio("".join(words), "".join(known))
        if score >= FUZZY_NAME:
            return str(a["actor_id"]), [
                f"speaker: {name} = {a['actor_id']}, a spelling variant of {a['name_km']} "
                f"({score:.0f}% alike): review"
            ]
    if fresh is not None and person and (curated := fresh.by_role.get(speaker_key(name))):
        # Named elsewhere in the article beside the curated person's role: that person.
        return curated[0], [f"speaker: {name} = {curated[0]}, named in the article as "
                            f"{curated[1]}: review"]  # fmt: skip
    if fresh is not None and person and (drafted := _new_person(name, fresh.new)) is not None:
        return drafted[0], [drafted[1]]
    if fresh is not None and (body := province_giver(name, actors, fresh.new)) is not None:
        return body[0], [body[1]]  # round 38: a province's body, its one new actor (C6)
    return None, [f"speaker: {name} (a new actor: give the person an id)"]


# "បើធៀបនឹងរយៈពេលដូចគ្នាកាលពីឆ្នាំមុន" (compared with the same period last year): a date after
# these words, in the same clause, is the date of what the figure is set against.
# The comparison's scope ends at a stop, a comma or a clause set against it ("ខណៈ", while).
_WHILE = normalise("ខណៈ").text
_COMPARED = re.compile(
    "(?:" + normalise("ធៀបនឹង|ធៀបទៅនឹង").text + f")(?:(?!{_WHILE}).)*$"
    + "|" + normalise("ដូចគ្នា").text + f"(?:(?!{_WHILE})[^។,;])*$"
)  # fmt: skip


# "ក្នុងចំណោម" (among) opening the sentence, or "ទាំងនោះ" (those): a part of a whole before.
_AMONG = re.compile("^" + normalise("ក្នុងចំណោម").text + "|" + normalise("ទាំងនោះ").text)
_CONTRAST = re.compile(normalise("ខណៈ|ចំណែក|ប៉ុន្តែ|រីឯ|ធៀប").text)


# "បានឲ្យដឹងកាលពីម្សិលមិញ" (said yesterday): a date right after a speech verb is the day of the
# words, not of the figure.
_SAID_ON = re.compile(
    "(?:"
    + normalise("ថ្លែង|ឲ្យដឹង|ឱ្យដឹង|និយាយ|ប្រាប់|បញ្ជាក់|ផ្សាយ").text
    + ")"
    + r"\s?(?:"
    + normalise("កាលពី|នៅ").text
    + r")?\s?(?:"
    + normalise("ថ្ងៃ").text
    + r"\S*\s?)?$"
)


# A clause beside the counts that carries no number ("... ហើយបច្ចុប្បន្ន ...", "... ច្រើនជាង
# អ្វីដែល ...", more than it was built for): a claim of the speaker's own, a statement too.
# Round thirty-five: "... ដែលបង្ហាញថា ..." (which shows that) opens one too (corpus/speech_verbs.yaml
# claim_after_count).
_CLAUSE_SPLIT = re.compile(
    normalise("ហើយ|ខណៈ|ប៉ុន្តែ|ច្រើនជាង|ដោយសារ").text + "|[,;]|"
    + "|".join(normalise(w).text for w in speech_verbs("km", "claim_after_count"))
)  # fmt: skip


# A share in words ("ពាក់កណ្តាល", half; "មួយភាគបី", a third; "មួយភាគបួន", a quarter) is a count too,
# no claim beside it (round thirty-one; the English reader's "half", "a third" likewise).
_SHARE_WORDS = re.compile(r"\d|" + normalise("ពាក់កណ្តាល|ភាគបី|ភាគបួន|ភាគប្រាំ").text)


def _claim_beside(content: str) -> bool:
    return any(
        len(part.strip(ZERO_WIDTH + " ។")) >= 20 and not _SHARE_WORDS.search(part)
        for part in _CLAUSE_SPLIT.split(content)
    )


#: The reason of a notice's appeal to the public (records.py gives it the page's own body).
APPEAL = "an appeal to the public ('សូម' and whom it asks)"
#: The word an appeal opens with, as its speaker's reason quotes it (records.py).
APPEAL_WORD = "សូម"
# Round thirty-five: an appeal opening its line, "សូម" (please) and whom it asks (data:
# corpus/speech_verbs.yaml appeal_addressees), after a time stamp or a quotation mark if any.
_APPEAL = re.compile(
    r"^(?:\[[^\]]{0,12}\]\s?)?«?(?P<words>" + normalise("សូម").text + r"\s?(?:"
    + "|".join(normalise(w).text for w in speech_verbs("km", "appeal_addressees")) + "))"
)  # fmt: skip
_ACCORDING = re.compile(normalise("នេះបើតាម").text)
_THIS_IS = normalise("នេះបើ").text
_BACK = re.compile("^(?:" + normalise("ក្នុងចំណោម").text + r")|^\S{0,20}" + normalise("នេះ").text)
_SPEECH_THEN = re.compile(
    cluster_bounded(
        "(?:"
        + normalise("ប្រាប់|និយាយ|ឲ្យដឹង|ឱ្យដឹង|ថ្លែង|បញ្ជាក់|បន្ថែម").text
        + r")\S{0,40}?"
        + normalise("ថា").text
    )
)
_NOW = re.compile(normalise("បច្ចុប្បន្ន|នាពេលបច្ចុប្បន្ន").text)
_AS_OF_WORD = re.compile(normalise("គិតត្រឹម").text + r"\s?$")
# "គិតត្រឹមចុងខែឧសភា" (as of the end of May): the end of a month or year is a day (round ten);
# "កាលពីចុងឆ្នាំ២០២២", "នៅចុងឆ្នាំ២០២២" (at the end of 2022) too (round fourteen).
_AS_OF_END = re.compile(
    "(?:" + normalise("គិតត្រឹម|កាលពី|នៅ").text + r")\s?" + normalise("ចុង").text + r"\s?$"
)


def _as_of_day(
    sentence: str, dates: list[KhmerDate], start: dt.date | None, end: dt.date | None
) -> dt.date | None:
    """The day after "គិតត្រឹម" (as of) that the figure's period was read from, else None: the
    day itself, or the last day of a month or year after "គិតត្រឹមចុង" (as of the end of)."""
    if start is None or end is None:
        return None
    for d in dates:
        if (d.first, d.last) != (start, end):
            continue
        before = normalise(sentence[: d.start]).text
        if start == end and _AS_OF_WORD.search(before):
            return start
        if _AS_OF_END.search(before):
            return end
    return None


# Where a Khmer clause of its own opens inside a sentence: "ហើយ" (and then), "ខណៈ" (while), a
# comma or a "។" (round ten).
_CLAUSE_OPEN = re.compile(normalise("ហើយ|ខណៈ|ចំណែក").text + r"|[,;។]")


def _clause_before(sentence: str, at: int) -> str:
    """The words before offset ``at`` in its own clause (normalised)."""
    head = normalise(sentence[:at]).text
    opens = [m.end() for m in _CLAUSE_OPEN.finditer(head)]
    return head[opens[-1] :] if opens else head


def _figure_dates(
    sentence: str, dates: list[KhmerDate], at: int, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None, str]:
    """The period of the figure at offset ``at``: the nearest date the sentence states that is
    no comparison; its end left blank where it runs past publication. With the reason shown
    in the studio."""
    own = [
        d
        for d in dates
        if not _COMPARED.search(normalise(sentence[: d.start]).text)
        and not _SAID_ON.search(normalise(sentence[: d.start]).text)
        and published is not None
        and d.first <= published
    ]
    # "... ៦ ៨០០ករណី ខណៈឆ្នាំមុនទាំងមូលមាន ..." (while last year whole had ...): a date never
    # dates a figure across a clause set against it.
    own = [
        d
        for d in own
        if not _CONTRAST.search(normalise(sentence[min(d.end, at) : max(d.start, at)]).text)
        # "លោក X ... តាំងពីឆ្នាំ២០១៥ មក បានប្រាប់ ... ថា ជាងពាក់កណ្តាល ..." (X, who has visited
        # since 2015, told ... that more than half ...): a date in the speaker's description,
        # before the verb of speech, never dates what is said after it.
        and not (d.end <= at and _SPEECH_THEN.search(normalise(sentence[d.end : at]).text))
        # "... ៣ ៤១៨នាក់ ... ហើយក្នុងរយៈពេល ៥ខែដើមឆ្នាំ២០២៣ ចំនួន ១ ៩០២នាក់" (... 3,418 people,
        # and in the first five months of 2023, 1,902): a date after the figure opening a clause
        # of its own ("ហើយ", and then) with its own count dates that count, never the one before
        # (round twenty-three).
        and not (
            d.start > at
            and _AND_THEN.search(normalise(sentence[at : d.start]).text)
            and _DIGIT.search(sentence[d.end :])
        )
    ]
    # "... ស្ត្រី ៩នាក់ (ខែមីនា ឆ្នាំ២០១៩ មាន ៨៨នាក់)" (... 9 women (March 2019 had 88)): a date in
    # brackets beside a count of their own is the aside's, never a figure's outside them; a
    # bracket that only glosses a period ("(ពីខែមករា ដល់ខែសីហា)", from January to August) is
    # the period's own words (round twenty-eight).
    asides = [m.span() for m in re.finditer(r"\([^()]*\)", sentence)]
    own = [
        d
        for d in own
        if not any(
            a <= d.start and d.end <= b and not a <= at < b
            and _DIGIT.search(sentence[a : d.start] + sentence[d.end : b])
            for a, b in asides
        )
    ]  # fmt: skip
    near = min(own, key=lambda d: abs(d.start - at), default=None)
    # "ខែមេសា ឆ្នាំ២០១៩ មាន ៤៧ករណី (ខែមីនា ឆ្នាំ២០១៩ មាន ៣៩ករណី ...)" (April 2019 has 47 cases
    # (March 2019 has 39 ...)): a date joined to the figure by "មាន" (has) is its own, however
    # near the next one (round twenty-four).
    near = next(
        (d for d in own if d.end <= at and _HAS.fullmatch(normalise(sentence[d.end : at]).text)),
        near,
    )
    if near is not None and near.start >= at:
        # Round thirty-seven: "... ដុតបំផ្លាញគ្រឿងញៀន ៨៣,៤គីឡូក្រាម ដែលជាវត្ថុតាងនៃករណីចាប់បាន
        # ក្នុងឆ្នាំ២០២៣" (burned 83.4 kg of drugs, which were the evidence of cases seized in
        # 2023): a date in a clause "ដែល" (which) opens after the figure dates that clause's act;
        # the figure's own is the date before it, if any.
        earlier = [d for d in own if d.end <= at]
        if earlier and _WHICH_KM.search(normalise(sentence[at : near.start]).text):
            near = max(earlier, key=lambda d: d.end)
    if near is None:
        skipped = [d.words for d in dates if d not in own]
        return (
            None,
            None,
            (
                f"0%: only the date of a comparison or of the words ({skipped[0]!r}): left blank"
                if skipped
                else "0%: no date"
            ),
        )
    if published is not None and _TO_NOW.match(normalise(sentence[near.end :]).text):
        # "គិតចាប់ពីដើមឆ្នាំ២០២៤ មកដល់ពេលនេះ" (from the start of 2024 up to now): the count runs
        # to the day it is published (round thirteen).
        return near.first, published, f"60%: {near.words!r} up to now: to publication"
    if published is not None and near.last > published:
        # "ក្នុងឆ្នាំនេះ" (this year), "ក្នុងខែនេះ" (this month): where the count ends no word
        # says, and a start alone was never the key's date (round twenty-four: 13 of 13 offers
        # wrong on training): nothing filled, nothing offered.
        return near.first, None, f"60%: {near.words!r}; it runs past publication: {_NOTHING}"
    before = normalise(sentence[max(0, near.start - 90) : near.start]).text
    since = list(_SINCE_KM.finditer(before))
    if (
        near.first == near.last
        and (
            _FROM_DAY.search(before)
            # "ពីដើមឆ្នាំមក (មករា-កុម្ភៈ)" (from the start of the year on (January-February)):
            # "ពី ... មក" (from ... on) is a start too, never a day (round twenty-nine).
            or (_FROM_ON.search(before) and _ON.match(normalise(sentence[near.end :]).text))
        )
    ):
        # "បូកសរុបចាប់ពីដើមឆ្នាំមក" (the total from the start of the year on): one day after
        # "ចាប់ពី" (starting from) is where a count starts, never a day's count (round
        # twenty-three).
        return (
            near.first,
            None,
            f"60%: since {near.words!r}: the start; its end not given: {_NOTHING}",
        )
    if (
        since
        # "... ដែលបានទទួលបន្ទុកសំណុំរឿងនេះតាំងពី... បានប្រាប់ ... ថា ក្នុងឆមាសទី១ ..." (who has
        # handled the case since ..., told ... that in the first half ...): a "since" before the
        # verb of speech is the speaker's, never the start of what is said (round thirteen).
        and not _SPEECH_THEN.search(before[since[-1].end() :])
        and not _UNTIL_KM.search(normalise(near.words).text)
    ):
        # "ចាប់តាំងពីខែមករា ឆ្នាំ២០២២ មក" (since January 2022): where a running count starts;
        # its end the words do not give (a day after it is the speaking's, not the count's),
        # and the keys end it on publication day, the day before or a month's end, so a start
        # alone was wrong 10 times in 13 on training (round twenty-four): nothing offered.
        return (
            near.first,
            None,
            f"60%: since {near.words!r}: the start; its end not given: {_NOTHING}",
        )
    return near.first, near.last, f"60%: {near.words!r}, the nearest date in the sentence"


# "ដែល" (which, who), opening a relative clause (round thirty-seven).
_WHICH_KM = re.compile(normalise("ដែល").text)
# "... មាន" (has), "មានចំនួន" (has a count of) between a date and its figure.
_HAS = re.compile(r"\s?" + normalise("មាន").text + r"\s?(?:" + normalise("ចំនួន").text + r"\s?)?")
# A start the words give with no end (round twenty-four): the record leaves it blank and offers
# nothing (curation/suggest/confidence.py below_threshold).
_NOTHING = "left blank, nothing offered"
# "មកដល់ពេលនេះ" (up to now) right after a date: a count running to the day it is published.
_TO_NOW = re.compile(r"\s?" + normalise("(?:មក)?(?:ដល់|ទល់)(?:ពេលនេះ|បច្ចុប្បន្ន)").text)
# "ចាប់តាំងពី" (since) before a date, with no "ដល់"/"គិតត្រឹម" (to, as of) joining an end to it.
_SINCE_KM = re.compile(normalise("ចាប់តាំងពី|តាំងពី").text + r"(?!.*[។])")
_UNTIL_KM = re.compile(normalise("ដល់|ត្រឹម").text)
# "ចាប់ពី" (starting from) right before a date: where a stretch starts ("កាលពី", at the time
# of, names a day).
_FROM_DAY = re.compile(normalise("ចាប់ពី").text + r"\s?$")
# "ពី" (from) right before a date, not "កាលពី" (at the time of, a day), with "មក" (on) after.
_FROM_ON = re.compile("(?<!" + normalise("កាល").text + ")" + normalise("ពី").text + r"\s?$")
_ON = re.compile(r"\s?" + normalise("មក").text)
# "ចុង" (the end of) right before a date: a stock's day, never a period.
_END_OF = re.compile(normalise("ចុង").text + r"\s?$")
# "ហើយ" (and then): a clause of its own opens; a digit, Khmer or not: a count.
_AND_THEN = re.compile(normalise("ហើយ").text)
_DIGIT = re.compile(r"[0-9០-៩]")


# How a line of the report ends: "។", or a quotation closing after it.
_STOPPED = re.compile(r"[។!?][»”\"]?\s*$|[»”]\s*។?\s*$")


def _head_end(body: str) -> int:
    """Where the report's first stopped line begins: a time-coded line before it with no "។"
    (a broadcast page's headline) restates the report, its figures no claim. 0 when no line is
    stopped."""
    at = 0
    for line in body.splitlines(keepends=True):
        if _STOPPED.search(line.strip()):
            return at
        at += len(line)
    return 0


# "ប្រចាំ" (for each, of the): a report's title naming the period it covers ("ប្រចាំខែតុលា").
_REPORT_FOR = re.compile(normalise("ប្រចាំ").text)
# "ខែនេះ" (this month), "ខែនេះដដែល" (this same month): a month told by its distance (round 37).
_THIS_MONTH = re.compile(normalise("ខែនេះ").text)


def _one_month(first: dt.date, last: dt.date) -> bool:
    """Whether a period is one whole calendar month."""
    return first.day == 1 and first.month == last.month and (last + dt.timedelta(1)).day == 1


def _report_period(head: str, published: dt.date | None) -> KhmerDate | None:
    """The one period the lines before a report's first stopped line name after "ប្រចាំ" (a
    monthly report's "... ប្រចាំខែតុលា ឆ្នាំ២០២៣"), None when they name none or several."""
    if published is None:
        return None
    named = {
        (d.first, d.last): d
        for line in head.splitlines()
        if _REPORT_FOR.search(normalise(line).text)
        for d in read_dates(line, published)
        if d.first != d.last
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _section(text: str) -> bool:
    """A numbered line that is a section's heading, not an item: no stop and no figure after its
    number ("១. លទ្ធផលប្រចាំខែតុលា ឆ្នាំ២០២៣", "៣. សម្ភារៈដកហូត")."""
    line = text.strip()
    mark = _NUMBERED_HEAD.match(line)
    return bool(mark) and not _STOPPED.search(line) and not read_figures(line[mark.end() :])


_NUMBERED_HEAD = re.compile(r"^\s*[\u17e0-\u17e90-9]{1,2}\s*[.)]\s*")


def _ticker(body: str) -> bool:
    """A live ticker (round nineteen): four time-coded lines or more, at most a quarter of them
    stopped with "។". Its lines are the reports themselves, so none restates a report as a
    headline does, and a quotation stopped in one line starts nothing."""
    coded = [ln.strip() for ln in body.splitlines() if _TIMECODE.match(ln.strip())]
    stopped = sum(bool(_STOPPED.search(ln)) for ln in coded)
    return len(coded) >= 4 and stopped * 4 <= len(coded)


# A numbered item ("១. ឃាត់ខ្លួនជនសង្ស័យ ៧០៨នាក់"): an annex's results after a letter's
# signature are the report's, though no "។" ends them; related links are never numbered (round
# twenty-seven).
_NUMBERED = re.compile(r"^\s*[\u17e0-\u17e90-9]{1,2}\s*[.)]\s")


def _tail_start(body: str) -> int:
    """Where the lines after the report's last stopped line begin: a related-links list and its
    heading ("អត្ថបទពាក់ព័ន្ធ" then headlines) end with no "។", and their figures are no claim."""
    at, end = 0, len(body)
    for line in body.splitlines(keepends=True):
        at += len(line)
        if _STOPPED.search(line.strip()):
            end = at
    return end


_SAME_STRETCH = re.compile(normalise("រយៈពេលដដែល|រយៈពេលដូចគ្នានេះ").text)
_CHANGE_WORD = re.compile(normalise("កើនឡើង|ថយចុះ").text)
_SAME_PERIOD = re.compile(normalise("រយៈពេលដូចគ្នា").text)


def _offered(first: Any, last: Any, what: str, why: str) -> tuple[dict[str, Any], str]:
    """A period offered beside a blank date, never filled, and the reason that says so."""
    offers = {"period_start": first, "period_end": last, "as_of": last}
    return offers, (
        f"0%: {what}: left blank; suggested, not filled: period_start {first}, period_end "
        f"{last}, as_of {last} ({why})"
    )


def _change_period(
    norm: str, dates: list[KhmerDate], before: tuple[dt.date, dt.date], dated: str
) -> tuple[dt.date | None, dt.date | None, str]:
    """The period of a change set against "the same period" of a year: the count before it's,
    when that period lies in the year after the one compared with; else blank."""
    if not (_SAME_PERIOD.search(norm) and _CHANGE_WORD.search(norm) and dates):
        return None, None, dated
    compared = dates[-1].first.year
    first, last = before
    if not (first.year == last.year == compared + 1):
        return None, None, dated
    return (
        first,
        last,
        (f"50%: a change on the same period of {compared}: the period of the count before it"),
    )


_NO_COUNT_BEFORE = re.compile(
    "|".join(sorted((normalise(w).text for w in number_words("km_before")), key=len, reverse=True))
)
_LUNAR = re.compile(r"\s?(?:" + "|".join(normalise(w).text for w in number_words("km_after")) + ")")
_ALL_OF = re.compile(
    r"(?:" + "|".join(normalise(w).text for w in number_words("km_back")) + r")\s?$"
)
_MEASURE_SIZE = re.compile("|".join(normalise(w).text for w in number_words("km_measure")))
_SCOPE = re.compile(
    r"(?:" + "|".join(normalise(w).text for w in number_words("km_scope_before")) + r")\s?$"
)
_DIVISION_AFTER = re.compile(
    r"\s?(?:" + "|".join(normalise(w).text for w in number_words("km_divisions")) + ")"
)
_BACK_AFTER = re.compile(
    r"\s?(?:" + "|".join(normalise(w).text for w in number_words("km_back_after")) + ")"
)


# "ថយចុះ" (fell, decreased), "ធ្លាក់ចុះ" (dropped) just before a percentage (within the words
# of its subject: "ចំនួនករណីថយចុះ ៨ភាគរយ").
_FALL_KM = re.compile("(?:" + normalise("ថយចុះ|ធ្លាក់ចុះ").text + r")\S{0,3}\s?(?:"
                      + normalise("ប្រមាណ|ជិត|ជាង|ប្រហែល").text + r")?\s?$")  # fmt: skip


def khmer_drafts(
    body: str, published: dt.date | None, actors: list[dict[str, Any]]
) -> list[KhmerDraft]:
    """Figures and statements of a Khmer clean body, in reading order."""
    raw = split_sentences(body)
    sentences = [_without_dateline(s) for s in raw]
    tail, head = _tail_start(body), _head_end(body)
    if _ticker(body):
        tail, head = len(body), 0  # every time-coded line is a report: no headline, no links
    out: list[KhmerDraft] = []
    last: dict[str, tuple[dt.date, dt.date]] = {}  # unit -> the last whole period of a count
    last_in: dict[str, int] = {}  # unit -> the sentence of that count
    fig_at: list[tuple[int, int]] = []  # (index in out, sentence) of each figure drafted
    heading: KhmerDate | None = None  # the period a list's heading names, for its items
    span_why = ""  # the reason of the count whose period last["span"] is
    titled = _report_period(body[:head], published)
    for k, s in enumerate(sentences):
        norm = normalise(s.text).text.strip()
        item = bool(_ITEM.match(norm))
        if published is not None and (not item or _section(s.text)):
            # "📌 លទ្ធផល...ប្រចាំសប្តាហ៍ (១៨-២៤ មីនា ២០២៤)" (the week's results, 18-24 March):
            # the one period a line names is the heading of the list items after it; so is a
            # numbered section's ("២. លទ្ធផលគិតចាប់ពី ...", round thirty-one).
            named = [d for d in read_dates(s.text, published) if d.first != d.last]
            heading = named[0] if len(named) == 1 else None
        if (
            (s.start >= tail and not _NUMBERED.match(norm))
            # Round thirteen: any line before the report's first stopped one (a headline, a
            # kicker) restates the report, time code or not; a list's items are the report.
            or (s.end <= head and not item)
            or _FURNITURE.match(norm)
            or (_STAMP.search(norm) and len(norm.split()) <= 8)
            or is_furniture(norm)  # the shapes any language shares: a date line, a ©
        ):
            continue  # page furniture: a related link, a byline, a publication stamp
        dates = read_dates(s.text, published) if published else []
        phones, one_person = no_count_spans(s.text), _ONE_PERSON.search(norm)
        for f in read_figures(s.text):
            if _TARGET.search(normalise(s.text[: f.start]).text):
                continue  # a planned measure's target: no campaign figure
            if one_person or any(a <= f.start < b for a, b in phones):
                continue  # one person's case, a telephone number: no campaign figure
            if _NO_COUNT_BEFORE.search(_clause_before(s.text, f.start)) or _LUNAR.match(
                normalise(s.text[f.end :]).text
            ):
                continue  # attendance, one room's crowding, a lunar day (data, round ten)
            if (
                _ALL_OF.search(normalise(s.text[: f.start]).text)
                or _BACK_AFTER.match(normalise(s.text[f.end :]).text)
                or (
                    _DIVISION_AFTER.match(normalise(s.text[f.end :]).text)
                    and _SCOPE.search(normalise(s.text[: f.start]).text)
                )
                or _MEASURE_SIZE.search(_clause_before(s.text, f.start))
            ):
                continue  # "ទាំង៣នាក់" (all three): counted before; a measure's size (round 11)
            if f.unit in ("riel", "usd") and _PRICED.search(normalise(s.text[: f.start]).text):
                continue  # a fine or a price
            if f.vague or f.value is None:
                continue  # "រាប់ពាន់" (thousands): words, never a number
            if not s.text[: f.start].strip() and _MARKER.match(s.text, f.start):
                continue  # "១- ខណ្ឌ..." (1- district ...): a list's marker, not a count
            value, unit = f.value, f.unit
            if unit in _TO_KG:
                value, unit = round(value * _TO_KG[unit], 3), "kg"
            metric, why_metric = _metric(f.unit, s.text, f.words)
            if f.unit == "people" and (m := _IS_A.match(normalise(s.text[f.end :]).text)):
                # "៤១៨នាក់ជាអ្នកប្រើប្រាស់" (418 people are users): the noun after ជា is what
                # is counted, a subset of the suspects before it.
                metric = _SUBSETS[m.group(1)]
                why_metric = f"people 'ជា' (are) {m.group(1)!r}: that subset"
            # Round thirty-six (khmer_subsets): a kind of suspect counted (traffickers, users,
            # their share, the women of whom), a court's case files tried, people being treated.
            sub = (
                subset_metric(unit, s.text, f.start, f.end)
                if metric in (None, "arrests-total")
                else None
            )
            court = court_cases(f.unit, s.text, f.start, f.end) if sub is None else None
            if metric in (None, "drug-crimes-investigated") and court is not None:
                metric, drafted = None, court  # cases a court tried (khmer_subsets)
            elif sub is not None:
                metric, why_metric, own = sub
                drafted = {**own, "why": why_metric} if own else None
            elif metric is None and (treated := in_treatment(unit, s.text, f.start)) is not None:
                (metric, why_metric), drafted = treated, None  # being treated (khmer_subsets)
            else:
                drafted = None if metric else _new_metric(unit, s.text, f.start)
            if drafted is not None:
                metric, why_metric = drafted["metric_id"], f"a new metric: {drafted['why']}"
            start, end, dated = _figure_dates(s.text, dates, f.start, published)
            stock_day = _as_of_day(s.text, dates, start, end)
            if stock_day is not None:
                # "គិតត្រឹមថ្ងៃទី៣០ ខែមិថុនា" (counted up to 30 June), "គិតត្រឹមចុងខែឧសភា" (as
                # of the end of May): the day a count stands at, never a one-day period or the
                # whole month; where it began the words do not say.
                start = end = None
                dated = f"60%: 'គិតត្រឹម' (as of) {stock_day}: the count as of that day, no period"
            offers: dict[str, Any] = {}
            if (
                start is None
                and end is None
                and stock_day is None
                and unit in last
                and (_AMONG.search(norm))
            ):
                # "ក្នុងចំណោមជនសង្ស័យទាំងនោះ មាន ៤១៨នាក់ ..." (among those suspects, 418 ...): a
                # part of the whole counted before in the same unit, over that count's period.
                start, end = last[unit]
                dated = (
                    "50%: 'ក្នុងចំណោម' (among) refers back: the period of the last count of "
                    f"{unit} before it"
                )
                if last_in.get(str(unit)) != k:
                    # That count is in another sentence: the period is inferred, offered only.
                    offers, dated = _offered(
                        start,
                        end,
                        "'ក្នុងចំណោម' (among) refers back to a count in another sentence",
                        dated,
                    )
                    start = end = None
            if start is None and end is None and "span" in last and _SAME_STRETCH.search(norm):
                # "ក្នុងរយៈពេលដដែល" (in the same period): the last period longer than a day
                # before it (a day's arrests are no "period" a later count shares).
                start, end = last["span"]
                dated = "50%: 'រយៈពេលដដែល' (the same period): the period of the count before it"
                if not sure_date(span_why):
                    # Round thirty-one: that count's own date is not sure enough to fill, so
                    # the period it lends is offered beside the blank, never filled.
                    offers, dated = _offered(
                        start,
                        end,
                        "'រយៈពេលដដែល' (the same period) of a count not sure enough to fill",
                        dated,
                    )
                    start = end = None
            change = _CHANGE_BEFORE.search(normalise(s.text[max(0, f.start - 30) : f.start]).text)
            if start is None and end is None and (unit == "percent" or change) and last:
                # "ករណីកើនឡើង ២៤ភាគរយ ធៀបនឹងរយៈពេលដូចគ្នាក្នុងឆ្នាំ២០១៩" (up 24 percent on the
                # same period of 2019): the change covers the last count's period, when that
                # period is the year after the one compared with.
                start, end, dated = _change_period(norm, dates, last["*"], dated)
                if start is not None and last_in.get("*") != k:
                    # The count it changes is in another sentence: offered, never filled.
                    offers, dated = _offered(
                        start, end, "a change whose count is in another sentence", dated
                    )
                    start = end = None
            if (
                start is None and end is None and not offers and stock_day is None
                and published is not None and len(dates) == 1
                and not (item and heading is not None)  # its heading's words come first
                and dated.startswith("0%: only the date of a comparison")
                and _CHANGE_BEFORE.search(normalise(s.text[max(0, f.start - 30) : f.start]).text)
                and (like := latest_like(dates[0].first, dates[0].last, published))
            ):  # fmt: skip
                # "បើធៀបនឹងខែកញ្ញា ... កើនឡើង ១២នាក់" (on September, up 12): the change covers
                # the report's own period, the latest whole one of that length before
                # publication (round twenty-nine): inferred, offered, never filled.
                offers = {"period_start": like[0], "period_end": like[1], "as_of": like[1]}
                if _END_OF.search(normalise(s.text[: dates[0].start]).text):
                    # "បើធៀបនឹងចុងខែមីនា" (on the end of March): a stock, at the month's end.
                    offers = {"period_start": None, "period_end": None, "as_of": like[1]}
                shown = ", ".join(f"{k} {v}" for k, v in offers.items() if v is not None)
                dated = (
                    f"0%: a change set against {dates[0].words!r}: left blank; suggested, not "
                    f"filled: {shown} (50%: the latest whole period of that length before "
                    "publication)"
                )
            if start is None and end is None and not offers and item and heading is not None:
                # "• ក្រុងបាវិត៖ ៨ករណី ១៨នាក់" (• Bavet: 8 cases, 18 people) under a dated heading:
                # another line's period, offered, never filled.
                h_end = heading.last if published is None or heading.last <= published else None
                offers, dated = _offered(
                    heading.first,
                    h_end,
                    f"a list item under the heading {heading.words!r}",
                    "60%: the period its heading names",
                )
            if (
                start is None and end is None and not offers and stock_day is None
                and titled is not None and dated == "0%: no date" and not _NOW.search(norm)
            ):  # fmt: skip
                # Round thirty-one: a figure with no date in its sentence, in a report whose
                # title names the one period it reports on ("... ប្រចាំខែតុលា ឆ្នាំ២០២៣", for
                # October 2023): that period, inferred, offered, never filled.
                t_end = titled.last if published and titled.last <= published else None
                offers, dated = _offered(
                    titled.first,
                    t_end,
                    f"no date in its sentence, in a report for {titled.words!r}",
                    "60%: the period the report's title names",
                )
            if (
                start is not None and end is None and not offers and stock_day is None
                and titled is not None and len(dates) == 1 and dated.endswith(_NOTHING)
                and _THIS_MONTH.search(normalise(dates[0].words).text)
                and _one_month(titled.first, titled.last) and titled.last <= (published or start)
            ):  # fmt: skip
                # Round thirty-seven: "ក្នុងខែនេះ" (this month) in a report for a month ("...
                # ប្រចាំខែមីនា ឆ្នាំ២០២២", published in April) is the report's month, not the
                # month of publication, which runs past it: offered, never filled.
                offers, dated = _offered(
                    titled.first,
                    titled.last,
                    f"'ខែនេះ' (this month) in a report for {titled.words!r}",
                    "60%: this month, in a report for a month: the month its title names",
                )
                start = end = None
            if start is not None and end is not None:
                last[str(unit)] = last["*"] = (start, end)
                last_in[str(unit)] = last_in["*"] = k
                if start != end:
                    last["span"], span_why = (start, end), dated
            if start is not None and _NOW.search(_clause_before(s.text, f.start)):
                # "... កាលពីម្សិលមិញ ... បច្ចុប្បន្ននេះ មានគ្លីនិក ៤៧កន្លែង" (yesterday ... now has
                # 47 clinics): the day is the speaking's; the count stands now.
                start = end = None
            # A day the figure's own words give ("ប៉ុន្តែគិតត្រឹមចុងខែឧសភា", but as of the end of
            # May) beats a "currently" elsewhere in its sentence (round eleven).
            now = (
                start is None
                and end is None
                and stock_day is None
                and published is not None
                and _NOW.search(norm)
            )
            if now:
                # "បច្ចុប្បន្ន កម្ពុជាមានមណ្ឌល ១៤" (currently Cambodia has 14 centres): a stock
                # the words place at publication.
                dated = "60%: 'បច្ចុប្បន្ន' (currently): as of publication"
            if (drafted or {}).get("signed") and _FALL_KM.search(
                normalise(s.text[max(0, f.start - 25) : f.start]).text
            ):
                # "ថយចុះ ៨ភាគរយ" (fell 8 percent): a fall is a negative value of a change metric.
                value = -abs(value)
            record = {
                "metric_id": metric,
                "value": value,
                "qualifier": f.qualifier.value,
                "period_start": start,
                "period_end": end,
                "as_of": published if now else (stock_day or end),
                "quote": s.text,
            }
            why = {
                "value": f"100%: the words {f.words!r}",
                "qualifier": f"100%: from {f.hedge!r}" if f.hedge else "100%: no hedge before it",
                "metric_id": f"{60 if metric else 0}%: {why_metric}",
                **dict.fromkeys(("period_start", "period_end", "as_of"), dated),
            }
            notes = [repr(f.words), f"unit {f.unit}", f"metric {metric}: {why_metric}"]
            new = {k: v for k, v in (drafted or {}).items() if k != "why"} or None
            if record["period_start"] is not None or record["as_of"] is not None:
                offers = {}  # dated by words of its own after all ("the same period")
            out.append(KhmerDraft("indicators", record, s.text, f.words, notes, why, new, offers))
            fig_at.append((len(out) - 1, k))
    named: str | None = None  # the last titled person named, for a title standing alone
    fresh = KhmerPeople(by_role=people_by_role(body, actors))  # the article's people (round twenty)
    said_by: dict[int, tuple[str | None, str]] = {}  # sentence -> (actor, why) of its speaker
    turns = find_turns(body, sentences, khmer=True, interviewee=_interviewee)
    according: dict[int, tuple[str | None, str]] = {}  # sentence -> "នេះបើតាម ..." (according to)
    own: dict[int, tuple[str | None, str]] = {}  # "... នេះបើយោងតាម <body>" inside a sentence
    back_to: set[int] = set()  # "យោងតាមរបាយការណ៍ដដែល" (according to the same report)
    attributions = find_attributions([s.text for s in sentences])
    for k, (s, found) in enumerate(zip(sentences, attributions, strict=True)):
        norm = normalise(s.text).text.strip()
        if _ACCORDING.match(norm) and (
            names := [m.group("name") for m in TITLED_NAME.finditer(norm)]
        ):
            according[k] = (khmer_actor(names[-1], actors, fresh, person=True)[0],
                            f"'នេះបើតាម' (according to) {names[-1]}")  # fmt: skip
        elif (got := according_to(norm, actors, fresh.new)) is not None:
            # "យោងតាមរបាយការណ៍របស់អាជ្ញាធរជាតិ..." (according to the report of the NACD) in a
            # sentence, anywhere ("..., នេះបើយោងតាម ...": round twenty-three); the sentence before
            # too only when "នេះបើ" (this is) opens it; "... ដដែល" (the same report) refers back.
            if got == "back":
                back_to.add(k)
            else:
                (according if norm.startswith(_THIS_IS) else own)[k] = got
        counted = {j for _, j in fig_at}
        for a in found:
            if (
                a.quote is None
                and k in counted
                and not _PUT_FORWARD.search(normalise(s.text).text)
                and not _claim_beside(normalise(s.text[a.end :]).text)
            ):
                # "លោកបានបន្ថែមថា ... ១២០នាក់ ..." (he added that ... 120 people ...): reported
                # counts are figures given by the speaker, no statement of their own.
                who, how = khmer_actor(a.speaker or named, actors, fresh,
                                       person=bool(a.title) or not a.speaker)  # fmt: skip
                # Round thirty-eight: a province's body drafted new says so (for review).
                how = how[0] if drafted_here(who, fresh.new) else f"said by {a.speaker or named}"
                said_by.setdefault(k, (who, how))
                continue
            quote = s.text[a.quote[0] : a.quote[1]] if a.quote else s.text
            quote = quote.strip(ZERO_WIDTH + " ។")
            speaker = a.speaker
            head = s.text[: a.start].strip(ZERO_WIDTH + " ")
            described = speaker is None and not a.pronoun and _UNNAMED.search(normalise(head).text)
            turn = (
                turns.speaker.get(k) if a.pronoun or (speaker is None and not described) else None
            )
            if turn is not None:
                # "លោកបានបន្ថែមថា" (he added), "ខ្ញុំសុំស្នើ" (I ask) in a transcript turn: the
                # turn's speaker.
                speaker = turn.name if turn.named else turn.phrase
            if a.pronoun and speaker is None and named is not None:
                # "ឯកឧត្តមបានបន្តថា" (His Excellency went on) after a person named outside any
                # speech verb ("... ធ្វើឡើងដោយលោក សុខ វណ្ណា"): that person, flagged for review.
                speaker = named
            if described:
                speaker = head  # "មន្ត្រីជាន់ខ្ពស់ម្នាក់ ... បានប្រាប់ថា": described, unnamed
            office = None
            if (
                speaker is None
                and turn is None
                and not a.pronoun
                and (office := office_alone(head))
            ):
                # Stop 50: "លោកអភិបាលរងបានស្នើ ..." (the deputy governor asked ...), a title and
                # an office with no name: the person named before with that office, if any.
                speaker = holder(office[1], body[: s.start])
            if any(d.kind == "statements" and d.quote == quote for d in out[-3:]):
                continue  # "ស្នើ ... និងស្នើឲ្យ ..." (asked ... and asked ...): one sentence, one draft
            # A person: a name with its title, or the titled person a title alone refers to.
            person = (
                bool(a.title) or (speaker is not None and office is not None)
            ) and not described
            actor_id, notes = (
                _turn_actor(turn, actors, named, fresh)
                if turn
                else khmer_actor(speaker, actors, fresh, person=person)
            )
            if a.pronoun and turn is None:
                notes.append(f"{a.title!r} alone: the speaker named before")
            elif office is not None and speaker is not None:
                notes.append(f"{''.join(office)!r} alone: the speaker named before")
            said = [d for d in (read_dates(s.text, published) if published else [])]
            record = {
                "actor_id": actor_id,
                "quote": quote,
                "kind": a.kind.value,
                "said_on": said[0].first if said and said[0].first == said[0].last else None,
            }
            why = {
                "kind": "100%: in «» quotation marks" if a.quote else "90%: reported speech",
                "actor_id": f"{sure_of_speaker(actor_id, fresh)}%: {notes[0]}",
            }
            out.append(KhmerDraft("statements", record, quote, "", [*notes, a.verb], why,
                                  speaker=str(speaker or "")))  # fmt: skip
            said_by.setdefault(k, (actor_id, notes[0]))
        if (turn := turns.speaker.get(k)) is not None:
            actor_id, notes = _turn_actor(turn, actors, named, fresh)
            said_by.setdefault(k, (actor_id, notes[0]))
            words = turn_words(s, turns, k).strip(ZERO_WIDTH + " ។")
            quotes = quotation_spans(s.text)
            if not found and quotes:
                # «...» in a turn (a live's summary quotes each spoken line): the speaker's own
                # words, figures and all.
                a, b = max(quotes, key=lambda q: q[1] - q[0])
                words = s.text[a + 1 : b - 1 if s.text[b - 1] in '"»”' else b]
                words = words.strip(ZERO_WIDTH + " ។")
            if not found and (
                quotes or (turn_statement(words) and (k not in counted or _claim_beside(norm)))
            ):
                # A turn of a transcript (a call-in show, a Q&A, a live): its speaker's words,
                # with the turn's next sentences that give counts (figures, no statement of their
                # own: "មិនគ្រប់គ្រាន់ទេ។ បច្ចុប្បន្ន ... ៩ ..."): one answer, one statement.
                kind = "direct" if quotes else "reported"
                j = k + 1
                while (
                    not quotes
                    and j in counted
                    and turns.speaker.get(j) == turn
                    and j not in turns.labels
                    and not attributions[j]
                    and not quotation_spans(sentences[j].text)
                    and not _claim_beside(normalise(sentences[j].text).text.strip())
                ):
                    j += 1
                if j > k + 1 and (begin := body.find(words, s.start)) >= 0:
                    words = body[begin : sentences[j - 1].start + len(sentences[j - 1].text)]
                    words = words.strip(ZERO_WIDTH + " ។")
                record = {"actor_id": actor_id, "quote": words, "kind": kind,
                          "said_on": None}  # fmt: skip
                why = {"kind": "100%: in «» quotation marks" if quotes
                       else "90%: a transcript turn, no quotation marks",
                       "actor_id": f"{sure_of_speaker(actor_id, fresh)}%: {notes[0]}"}  # fmt: skip
                out.append(KhmerDraft("statements", record, words, "", notes, why))
        if not found and k not in turns.speaker and (appeal := _APPEAL.match(norm)):
            # "សូមបងប្អូនប្រជាពលរដ្ឋ ជួយផ្តល់ព័ត៌មាន ..." (we ask the people to give information):
            # the page's own appeal to the public, its speaker the page's (left to the letterhead).
            words = s.text[s.text.find(appeal.group("words")[:4]) :].strip(ZERO_WIDTH + " ។»")
            record = {"actor_id": None, "quote": words, "kind": "reported", "said_on": None}
            why = {"kind": f"90%: {APPEAL}",
                   "actor_id": "50%: no speaker found"}  # fmt: skip
            out.append(KhmerDraft("statements", record, words, "", ["no speaker found"], why))
        people = [m.group("name") for m in TITLED_NAME.finditer(normalise(s.text).text)]
        people = [n for n in people if not n.split()[-1].startswith(ROLE_FORMS)]
        named = people[-1] if people else named
    carried: tuple[str | None, str] | None = None
    for i, k in fig_at:
        # Who gave a figure: the speaker of its sentence, else the source "នេះបើតាម ..." (according
        # to ...) names in that sentence or the one after it; a sentence referring back ("ចំនួន
        # ករណីនេះ", this number of cases; "ក្នុងចំណោម", among) keeps the source before it.
        said = said_by.get(k)
        if said is not None and said[0] is None and k in own:
            said = None  # "លោកបន្តថា យោងតាម <a body> ..." (he went on: according to ...), unnamed
        source = said or according.get(k) or own.get(k) or according.get(k + 1)
        if (source is None or source[0] is None) and (
            name := titled_reporter(out[i].quote, out[i].words, TITLED_NAME)
        ):
            # Round thirty-five: "ឯកឧត្តម NAME <office> បានថ្លែង ... ថា <counts>": that person.
            source = khmer_actor(name, actors, fresh, person=True)[0], f"said by {name}"
        if who := withheld_khmer(out[i].quote):
            # Round thirty-seven: "<someone>ម្នាក់ ដែលសុំមិនបញ្ចេញឈ្មោះ" (who asked not to be named).
            source = unnamed_khmer(fresh.new, who), f"an unnamed source: {who}"
        back = _BACK.search(out[i].record["quote"]) or k in back_to
        if (
            source is None
            and carried is not None
            and back
            and not drafted_here(carried[0], fresh.new)
        ):
            source = carried[0], f"{carried[1]}, referring back"
        carried = source or carried
        if source is not None and source[0] is not None:
            out[i].record["actor_id"] = source[0]
            out[i].why["actor_id"] = f"60%: {source[1]}"
            out[i].notes.append(f"actor {source[0]}: {source[1]}")
    for d in out:  # each record naming a new person carries its draft (saved with it)
        d.new_actor = fresh.new.get(str(d.record.get("actor_id")))
    return out


def sure_of_speaker(actor_id: str | None, fresh: KhmerPeople) -> int:
    """How sure a Khmer speaker's draft is: a curated actor 90%, a new person named as printed
    60% (the curator writes the name in Latin letters), none 50%."""
    return 60 if actor_id in fresh.new else 90 if actor_id else 50


# A measure put forward: "គ្រោងនឹង" (plans to), "ស្នើ" (proposed), "អំពាវនាវ" (called for). An
# appeal to the public ("អំពាវនាវដល់ប្រជាពលរដ្ឋ") is no proposal.
# "ឲ្យ" and "ឱ្យ" are two spellings of one word (to, that): both are read.
_PUT_FORWARD = re.compile(
    "|".join(sorted((normalise(v).text for v in speech_verbs("km", "propose")), key=len,
                    reverse=True))
)  # fmt: skip
_TO = re.compile("^(?:" + normalise("ឲ្យ|ឱ្យ").text + ")")  # "បានស្នើឲ្យ ...": the measure after
# "... ហើយខ្ញុំក៏អំពាវនាវឲ្យ B" (and I also called for B), "... ហើយបានស្នើទៅ ... ឲ្យ B" (and
# proposed to ... that B), "... ហើយខេត្តគ្រោងនឹង B" (and the province plans B): the second
# measure of the sentence, whoever the subject repeated.
# "... និងសូមស្នើឲ្យ B" (and please ask that B): "និង" (and) before the verb too (round ten).
_AND_PROPOSED = re.compile(
    "(?:" + normalise("ហើយ").text + r"\s?(?:\S{1,12}?\s?)??|" + normalise("និង").text + r"\s?)(?:"
    + normalise("ក៏").text + r")?\s?(?:" + normalise("បាន|សូម").text + r")?\s?(?:"
    + "|".join(sorted((normalise(v).text for v in speech_verbs("km", "propose_again")), key=len,
                      reverse=True)) + ")"
    # "ស្នើឲ្យ A និងឲ្យ B" (proposed that A and that B): "និង" before a second "ឲ្យ" opens the
    # second measure, its proposing verb not repeated (round twenty-four).
    + "|" + normalise("និង").text + r"\s?(?=" + normalise("ឲ្យ|ឱ្យ").text + ")"
    # "ស្នើឲ្យ A ហើយបានបញ្ជាក់ថា នគរបាលគ្រោងនឹង B" (proposed A, and stated that the police plan
    # B): a second measure told as speech, its body named (round twenty-five).
    + "|" + normalise("ហើយ").text + r"\s?(?:" + normalise("បាន").text + r")?\S{1,12}?"
    + normalise("ថា").text + r"\s?\S{1,20}?" + normalise("គ្រោងនឹង|គ្រោង").text
)  # fmt: skip
_VERBS_AGAIN = "|".join(
    sorted((normalise(v).text for v in speech_verbs("km", "measure_again")), key=len, reverse=True)
)
# "ស្នងការដ្ឋាននឹងដាក់ប៉ុស្តិ៍ ..." (the commissariat will put checkpoints ...): a body of state,
# "នឹង" (will), a verb that acts and what it acts on, neither a place nor a time ("នៅ", at) nor
# "ភ្លាម" (at once) after the verb (round twenty-five; needs native review).
_BODY_WILL = re.compile(
    r"(?:^|(?<=\s)|(?<=" + normalise("ថា").text + ")|(?<=" + normalise("ហើយ").text + "))(?:"
    + "|".join(normalise(v).text for v in speech_verbs("km", "will_bodies")) + r")\S{0,20}?\s?"
    + "(?P<verb>" + normalise("នឹង").text + ")(?=(?:" + _VERBS_AGAIN + ")(?!"
    + normalise("នៅ|ភ្លាម").text + r")[^\s។]{4})"
)  # fmt: skip
# "ស្នើឲ្យ A និងបង្កើនថវិកា B" (asked for A and to increase the budget for B): "និង" (and) or
# "ហើយ" (and then) before a verb that acts is a second measure of the same request; the first
# part must be a clause of its own (20 letters or more), not "ពិនិត្យ និងបិទ" (check and close).
_AND_MEASURE = re.compile(
    r"(?<=\S{20})\s(?:" + normalise("និង|ហើយ").text + r")\s?(?=(?:"
    + _VERBS_AGAIN + r")\S{6})"
)  # fmt: skip
# "ស្នើឲ្យអាជ្ញាធរឃុំ ... រាយការណ៍ពីទីតាំងលក់គ្រឿងញៀន" (asked commune authorities to report
# selling places): an appeal for reports, as "urged people to report dealers" is.
_TO_REPORT = re.compile(normalise("រាយការណ៍|ផ្តល់ព័ត៌មាន").text)
_TO_PUBLIC_LEAD = normalise("ទៅដល់|ដល់បងប្អូន|ដល់|ទៅ|ឲ្យ|ឱ្យ|បងប្អូន").text
_TO_PUBLIC = re.compile(normalise("ប្រជាពលរដ្ឋ|មាតាបិតា|ឪពុកម្តាយ|យុវជន").text)
# A stand on "this plan" (គម្រោងនេះ / ផែនការនេះ / សំណើនេះ): welcomed (ស្វាគមន៍), opposed
# (ប្រឆាំង / ជំទាស់); with "but" (ប៉ុន្តែ) both ways.
_THIS_PLAN = re.compile(normalise("គម្រោងនេះ|ផែនការនេះ|សំណើនេះ").text)
_WELCOMED = re.compile(normalise("ស្វាគមន៍|គាំទ្រ").text)
_OPPOSED = re.compile(normalise("ប្រឆាំង|ជំទាស់|មិនយល់ស្រប").text)
_BUT = re.compile(normalise("ប៉ុន្តែ").text)


@dataclass(frozen=True)
class KhmerMeasure:
    """A Khmer sentence that puts a measure forward (position None) or takes a stand on the
    measure put forward before it (its position: supports, opposes or mixed)."""

    sentence: str
    verb: str
    name: str
    position: str | None
    # Round twenty-two: a stand that names its measure in its own words ("បានគាំទ្រការពង្រីក
    # ការព្យាបាល...", supported expanding treatment ...), kept only when a curated proposal is
    # those words; False for a stand on "this plan" (the measure put forward before it).
    named: bool = False


# Round twenty-two: a numbered or bulleted list's item ("១. ពង្រីក...", "២) ដាក់...", "• ..."; the
# figures' dates read it too, where a bullet-only pattern once stood but was never used), and the
# line that opens such a list of measures (ending "៖" with a word of proposing, advising or goals).
_ITEM = re.compile(r"^\s*(?:[\u17e0-\u17e90-9]{1,2}\s*[.)]|[•\-–])\s*")
_LIST_LEAD = re.compile(
    "|".join(sorted((normalise(v).text for v in speech_verbs("km", "list_lead_in")), key=len,
                    reverse=True))
)  # fmt: skip


# "ប្រយុទ្ធប្រឆាំងនឹងគ្រឿងញៀន" (combating drugs, in the NACD's name), "ទិវាអន្តរជាតិប្រឆាំង
# ..." (the International Day against ...): "against" in a name, no stand taken.
_AGAINST_IN_A_NAME = re.compile(
    normalise("ប្រយុទ្ធ").text + r"\s?" + normalise("ប្រឆាំង").text + "|"
    + normalise("ប្រឆាំង").text + r"\s?(?:" + normalise("នឹង").text + r")?\s?(?:"
    + normalise("ការ").text + ")?(?:" + normalise("គ្រឿងញៀន|ប្រើប្រាស់|ជួញដូរ").text + ")"
)  # fmt: skip
# A question ("... ដែរឬទេ?", "... ឬទេ?", "... ?"): it asks for a stand, it takes none.
_QUESTION = re.compile(r"[?？]\s*$|" + normalise("ដែរឬទេ|ឬទេ").text)


def _stand(text: str) -> re.Match[str] | None:
    """The cue of a stand a sentence takes in its own words (supports, welcomes, opposes), never
    "against" inside a body's or a day's name."""
    plain = _AGAINST_IN_A_NAME.sub(lambda m: "_" * len(m.group(0)), text)
    return _WELCOMED.search(plain) or _OPPOSED.search(plain)


def _stand_position(text: str) -> str:
    plain = _AGAINST_IN_A_NAME.sub(lambda m: "_" * len(m.group(0)), text)
    welcomed, opposed = _WELCOMED.search(plain), _OPPOSED.search(plain)
    if opposed and not welcomed:
        return "opposes"
    return "mixed" if opposed or _BUT.search(plain) else "supports"


def _opens_list(text: str) -> bool:
    """A line that opens a list of measures: it ends with "៖" and names proposing or goals, or
    (round twenty-four) it is a heading, a short line with no stop that ends with such a word
    ("អនុសាសន៍", Recommendations; "ស្លាយទី ៥/៦ សំណូមពរ", slide 5/6: requests)."""
    line = text.rstrip(ZERO_WIDTH + " ")
    if line.endswith(("៖", ":")):
        return bool(_LIST_LEAD.search(text))
    last = list(_LIST_LEAD.finditer(line))
    return len(line) <= 40 and bool(last) and last[-1].end() == len(line)


def khmer_measures(body: str) -> list[KhmerMeasure]:
    """Proposals and stands on them in a Khmer clean body, in reading order."""
    out: list[KhmerMeasure] = []
    listing = False  # inside a numbered list a lead-in line opened
    asked = ""  # the sentence before, when it was a question
    for s in split_sentences(body):
        text = normalise(s.text).text
        if listing and (item := _ITEM.match(text)):
            # "សូមស្នើដល់រាជរដ្ឋាភិបាល៖ ១. ពង្រីក... ២. បញ្ឈប់...": each item is a measure.
            name = text[item.end() :].strip(ZERO_WIDTH + " ។")
            if len(name) > 10:
                out.append(KhmerMeasure(s.text, "listed", name, None))
            continue
        listing = _opens_list(text)
        if listing:
            continue  # the lead-in puts forward what its items name, nothing of its own
        # An appeal names the public right after its verb ("អំពាវនាវដល់ប្រជាពលរដ្ឋ"); "youth"
        # further on ("ក្រុមល្បាតយុវជន", youth patrols) is the measure's own word.
        # A question ("តើ ... មានគម្រោងអ្វីថ្មី?", does it have any new plan?) puts nothing forward.
        m = _PUT_FORWARD.search(text)
        verb = (m.group(0), m.end()) if m else None
        if verb is None and (will := _BODY_WILL.search(text)):
            verb = (will.group("verb"), will.end("verb"))  # the measure after "នឹង" (will)
        if (
            verb is not None
            and not _QUESTION.search(text)
            and not _TO_PUBLIC.match(
                re.sub("^(?:" + _TO_PUBLIC_LEAD + r")\s?", "", text[verb[1] :].lstrip())
            )
        ):
            rest = text[verb[1] :]
            # "ស្នើឲ្យ A ហើយក៏ស្នើឲ្យ B" (proposed A, and also proposed B): two measures.
            parts = [
                _TO.sub("", p.strip(ZERO_WIDTH + " ។")).strip()
                for part in _AND_PROPOSED.split(rest)
                for p in _AND_MEASURE.split(part)
            ]
            for name in [p for p in parts if p] or [s.text]:
                if _TO_REPORT.search(name[:60]):
                    continue  # asked to report sellers (រាយការណ៍): an appeal, no measure of state
                out.append(KhmerMeasure(s.text, verb[0], name, None))
        elif out and _THIS_PLAN.search(text) and (_WELCOMED.search(text) or _OPPOSED.search(text)):
            welcomed = _WELCOMED.search(text)
            position = (
                "mixed" if welcomed and (_BUT.search(text) or _OPPOSED.search(text))
                else "supports" if welcomed else "opposes"
            )  # fmt: skip
            verb = (welcomed or _OPPOSED.search(text)).group(0)
            out.append(KhmerMeasure(s.text, verb, out[-1].name, position))
        elif (cue := _stand(text)) and not _QUESTION.search(text):
            # "បានគាំទ្រការពង្រីកការព្យាបាល..." (supported expanding treatment ...): a stand
            # on the measure its own words name; records keeps it when a curated one is them.
            # "ខ្ញុំគាំទ្រទាំងស្រុង" (I fully support) answering a question that names the
            # measure: the question's words are the measure's.
            words = text[cue.end() :] + (f" {asked}" if asked else "")
            out.append(KhmerMeasure(s.text, cue.group(0), words, _stand_position(text), True))
        asked = text if _QUESTION.search(text) else ""
    return out
