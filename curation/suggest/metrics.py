"""The metric of a figure, from what it counts: the noun after the number and the verb of its
clause, matched to the codebook's labels (hand-written: quantulum3 read "half a tonne" as 0.5
"per tonne" and clock times as counts, and knows no codebook; see bench/draft_libraries.py).

Totals before subsets: a curated metric loses a point for each of its own distinctive words
the figure's clause does not say, so "2,428 people were arrested" is `arrests-total`, never
`arrests-users`, unless the clause names users. A figure no curated metric fits gets a
new-metric draft named from its counted noun and verb ("foreigners-arrested").

Long because the classes of counted things (changes, shares, minors, courts' cases, centres)
each read the sentence their own way before the codebook match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from corpus.number_words import metric_synonyms
from curation.suggest.numbers import _NOUN_UNITS as NOUN_UNITS
from curation.suggest.sentences import _words

# Words every metric of a drug-campaign codebook shares, or that say nothing of what is counted.
_GENERAL = _words(
    "the a an of in on at to for and or by with from that this those these was were had "
    "has have been be is are it its their they he she his her who which as up than more "
    "less month year week day drug drugs illicit narcotic narcotics total number alleged "
    "campaign related drug-related nationwide country kingdom some about nearly around "
    "over them all across during since last this first anti-drug drug-free"
)
#: The article's words for the codebook's words (data: corpus/metric_words.yaml).
_SYNONYMS = metric_synonyms()
_CHANGE = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|(?<!made )(?<!make )(?<!making )(?<!makes )(?<!set )up|down|"
    r"increased?|decreased?|jumped|dropped|"
    r"climbed|grew|declined)\s+(?:(?:by|of)\s+)?(?:\w+\s+)?$",
    re.I,
)
_CHANGE_NOUN = re.compile(r"\s*(?:an?\s+)?(?:increase|decrease|rise|fall|drop|decline|jump)\s+of\b",
                          re.I)  # fmt: skip
# "18,810 people in 2018, 6 percent more than in 2017", "2,864 suspects ..., up 12 percent
# from ...": a percentage followed by a comparison is a change of the count before it.
_CHANGE_AFTER = re.compile(r"\s+(?:more|higher|lower|less|fewer)\s+than\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# What the count before a change counts, by the verb that governs it.
_CENTRES = re.compile(r"\s+(?:[\w-]+\s+){0,3}?cent(?:re|er)s\b", re.I)
_CLINICS = re.compile(r"\b(?:clinics?|health\s+cent(?:re|er)s?|voluntary|methadone|community)\b",
                      re.I)  # fmt: skip
_TOOK_IN = re.compile(
    r"\bcent(?:re|er)s?\b[^.;]{0,40}?\b(?:took\s+in|take\s+in|takes\s+in|admitted|admits)\s+"
    r"(?:(?:some|about|around|nearly|more\s+than|over)\s+)?$",
    re.I,
)
_COMPARATIVES = frozenset({"more", "than", "higher", "lower", "less", "fewer", "from", "on"})
_COUNTED_BY = {"arre": "arrests", "deta": "arrests", "seiz": "seizures", "dest": "destructions"}


def _count_before(sentence: str, start: int, others: Sequence[tuple[int, int]]) -> list[str]:
    """The count a change with no noun of its own changes: the figure before it in the
    sentence, named by its noun ("cases") or by the verb that governs it ("arrested" ->
    arrests); [] when there is none."""
    prev = [(a, b) for a, b in others if b <= start]
    if not prev:
        return []
    a, b = prev[-1]
    words = [w for w in counted_noun(sentence, b) if w.lower() in ("cases", "seizures", "arrests")]
    if words:
        return words
    # "11,402 people were detained, an increase of 17 percent": the count's own verb after it
    # first (round eleven), then the verb before it ("police arrested 11,402").
    verbs = [_stem(w) for w in _WORD.findall(sentence[b:start])]
    verbs += [_stem(w) for w in _WORD.findall(sentence[:a])][::-1]
    by_verb = next(([_COUNTED_BY[v]] for v in verbs if v in _COUNTED_BY), [])
    # Round eighteen: else the count's own noun, whatever it is ("enrolled 1,240 new clients in
    # 2021, up 18 percent": a change of the clients).
    return by_verb or [w for w in counted_noun(sentence, b) if w[:1].islower()]


# The counted noun stops at these: "10,210 drug suspects in 5,150 cases".
_NOUN_STOP = frozenset(("in", "on", "at", "for", "from", "during", "since", "and", "or", "were",
                        "was", "had", "have", "has", "who", "which", "that", "to", "with", "by",
                        "are", "is", "while", "as", "last", "this", "between", "off", "over",
                        "under", "until", "through", "after", "before"))  # fmt: skip


def _stem(word: str) -> str:
    word = word.lower()
    return _SYNONYMS.get(word, word)[:4]


def stems(text: str) -> set[str]:
    """The content words of a text as four-letter stems (a stand-in for a stemmer)."""
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in _GENERAL and len(w) > 2}


@dataclass(frozen=True)
class MetricGuess:
    """The metric proposed for a figure, or a new metric to create (metric_id not curated)."""

    metric_id: str | None
    new: bool
    label: str
    unit: str
    reason: str
    confidence: float = 0.0
    # A change against an earlier period: its values may be below zero (a fall is negative).
    signed: bool = False


# A predicate noun after "were" ("were women"), not a bound, a participle or a preposition.
_PLAIN_NOUN = re.compile(r"(?!(?:under|over|below|above|aged|between|in|on|at|from|not)$)"
                         r"[a-z]+(?<!ed)")  # fmt: skip


def counted_noun(sentence: str, end: int) -> list[str]:
    """The words the figure counts: "drug suspects" in "10,210 drug suspects in 5,150 cases",
    "foreigners" in "131 of them foreigners"."""
    words = _WORD.findall(sentence[end : end + 80].split(",")[0].split(";")[0])
    # len, not words[:2]: "4 of 31, the principal said" leaves "of" alone before the comma.
    if len(words) > 1 and words[0].lower() == "of" and words[1].lower() in ("them", "the", "whom",
                                                                        "those"):  # fmt: skip
        words = words[2:]
        low = [w.lower() for w in words[:9]]
        if (
            low[:1]
            and (low[0].endswith("ed") or low[0] in ("held", "caught", "taken"))
            and (verb := next((k for k, w in enumerate(low) if w in ("were", "are", "was")), None))
            and _PLAIN_NOUN.fullmatch(low[verb + 1] if verb + 1 < len(low) else "")
        ):
            words = words[verb:]  # "1,912 of those arrested from January to August were women"
    if words[:1] and words[0].lower() in ("were", "are", "was"):
        words = words[1:]  # "209 of them were foreigners"
    elif words[:1] and words[0].lower() == "of":
        words = words[1:]  # "130 kilogrammes of confiscated narcotics"
    out = []
    for w in words:
        if w.lower() in ("seized", "confiscated", "impounded"):
            continue  # describes the drugs, not what was done to them
        if w.lower() in _NOUN_STOP or len(out) == 3:
            break
        out.append(w)
    return out


def _clause(sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """The figure's own words: from the previous figure (or clause start) to the next one."""
    left = max([b for a, b in others if b <= start] + [sentence.rfind(",", 0, start) + 1, 0])
    right = min([a for a, b in others if a >= end] + [len(sentence)])
    stop = re.search(r"[,;:]|\s(?:while|but|whereas)\s", sentence[end:right])
    return sentence[left : end + stop.start() if stop else right]


def _subject(sentence: str, start: int) -> list[str]:
    """The noun before a change verb: "Drug arrests" in "Drug arrests rose 84 percent"."""
    before = sentence[:start]
    # "Arrests in 2024 were ... higher": a time or place after the noun is no part of it.
    m = re.search(r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)(?:\s+(?:in|during|for|over)\s+"
                  r"(?:the\s+)?[\w-]+)?\s+(?:rose|fell|increased|decreased|"
                  r"jumped|dropped|climbed|grew|declined|were|was|are|is|went)\b[^,]*$", before)  # fmt: skip
    words = m.group(1).split() if m else []
    return [w for w in words if w.lower() not in _SPEECH_WORDS]


_SPEECH_WORDS = frozenset(("said", "says", "told", "that", "reported", "added", "noted"))


def _new(words: list[str], verb: str, unit: str, reason: str) -> MetricGuess:
    kept = [w for w in words if w.lower() not in _GENERAL and not w[:1].isdigit()]
    if not kept:
        return MetricGuess(None, False, "", unit, "no counted noun near the figure: choose one")
    if verb and any(_stem(w) == _stem(verb) for w in kept):
        verb = ""  # "officials dismissed": the noun phrase already says it
    slug = "-".join([*(w.lower() for w in kept[:3]), *([verb] if verb else [])])
    label = " ".join(kept[:3]) + (f" {verb}" if verb else "")
    return MetricGuess(slug, True, label[:1].upper() + label[1:], unit, reason, 0.5)


_VERB_NAMES = {v[:4]: v for v in ("arrested", "seized", "destroyed", "treated", "imprisoned",
                                   "dismissed", "tested")}  # fmt: skip
# "confiscated narcotics", "seized drugs": a participle before its noun describes the drugs,
# it is not what was done to them ("set fire to ... confiscated narcotics" is destroyed).
_ADJECTIVE = re.compile(
    r"\b(?:seized|confiscated|impounded|destroyed)\s+(?=(?:drugs?|narcotics|illicit|heroin|"
    r"methamphetamine|pills|marijuana|cannabis|ketamine|ecstasy|cocaine)\b)",
    re.I,
)
# "Of the suspects, 6,040 were accused of trafficking": the count is of those named first.
_OF_THE = re.compile(r"\s*Of\s+(?:the|those|them)\b", re.I)
_SUBSET = re.compile(r"\s*(?:of\s+(?:them|those|whom)|of\s+the\s+\w+)\b", re.I)
# The kinds of people a subset metric counts: a clause that names none is not that subset.
_KINDS = {"user", "traf"}
# Words a percent metric's label uses for being a share.
_SHARE = {"shar", "perc", "rate", "prop"}


def _verb_after(text: str) -> set[str]:
    """The first verb after the figure ("... were confiscated during"): what was done."""
    head = re.split(r"\d", text, maxsplit=1)[0]
    for k, w in enumerate(_WORD.findall(text)):
        low = w.lower()
        if k >= len(_WORD.findall(head)) and low in _NOUN_SYNONYMS:
            continue  # "and 2,950 kg of precursor chemicals": the next figure's noun, no verb
        if low.endswith("ed") or low in _SYNONYMS:
            return {_stem(low)}
    return set()


_NOUN_SYNONYMS = _words("suspects suspect inmates prisoners dealers addicts chemicals chemical "
                        "centre center centers rehab trafficking using use")  # fmt: skip


_NUMBER_OF = re.compile(
    r"\W*The\s+(?:number|total|count)\s+of\s+(?P<noun>(?:[\w'’-]+\s+){1,6}?)(?:rose|fell|"
    r"grew|increased|decreased|dropped|climbed|jumped|doubled|reached|stood|was|were|is|are)\b",
    re.I,
)
_WHOLE_OF = re.compile(r"\bof\s+(?:the|those|these)\s+$", re.I)
_PREDICATE = re.compile(r"\b(?:were|was|are|is)\b", re.I)
# "Suspected traffickers made up 10,960 of ...", "Users accounted for 9,160 of ...".
_MADE_UP = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?P<subject>(?:[\w-]+\s+){1,3}?)(?:made\s+up|accounted\s+for)\s+$",
    re.I,
)
# A haul broken down by drug ("..., including 1.64 tons of crystal meth, 512 kg of ketamine"):
# each part is its own drug's weight, a subset, never the total's metric.
_BREAKDOWN = re.compile(r"\b(?:including|included|includes|among\s+them|of\s+which)\b", re.I)
_DRUG_AFTER = re.compile(
    r"\s*(?:of\s+)?(?P<drug>(?:crystal\s+)?(?:methamphetamine|meth)|ketamine|heroin|ecstasy|"
    r"MDMA|cannabis|marijuana|cocaine|opium|yaba)\b",
    re.I,
)


# A facility's capacity right before the figure: "built for", "designed for", "meant for",
# "(official) capacity of" (one cell's or a future centre's are no figures: numbers.py).
_CAPACITY_OF = re.compile(
    r"\b(?:(?:built|designed|meant|intended)\s+(?:to\s+(?:hold|house)|for)|capacity\s+of)\s+"
    r"(?:(?:some|about|around|nearly|almost|roughly)\s+)?$",
    re.I,
)
_PRISON = re.compile(r"\b(?:prisons?|jails?|inmates|prisoners|correctional)\b", re.I)
_CENTRE = re.compile(r"\b(?:rehabilitation|rehab|treatment)\b", re.I)

# A place that holds people, then its verb of holding, right before the figure.
_HELD_BY = re.compile(
    r"\b(?P<place>cent(?:re|er)s?|prisons?|jails?)\b[^.;]{0,80}?\b(?:now\s+)?(?:held|holds|"
    r"hold|houses|housed|house)\s+(?:(?:some|about|around|nearly|almost|roughly|more\s+than|"
    r"over|fewer\s+than|at\s+least|just\s+over|just\s+under)\s+)?$",
    re.I,
)


def guess_metric(
    sentence: str,
    start: int,
    end: int,
    unit: str | None,
    metrics: Sequence[dict[str, Any]],
    others: Sequence[tuple[int, int]] = (),
) -> MetricGuess:
    """The curated metric of the figure at sentence[start:end], or a new-metric draft."""
    clause = _clause(sentence, start, end, others)
    drug = _DRUG_AFTER.match(sentence, end)
    if unit == "kg" and drug and _BREAKDOWN.search(sentence[:start]):
        # One drug's part of a haul: that drug's seizure metric if the codebook has one, else
        # the haul is drugs seized (the lead's convention, round eleven), by the rules below.
        name = drug.group("drug").split()[-1]
        own = [m for m in metrics if str(m.get("unit")) == "kg" and _stem(name) in _own(m)
               and "seiz" in _own(m)]  # fmt: skip
        if own:
            return MetricGuess(str(own[0]["metric_id"]), False, str(own[0].get("label", "")),
                               unit, f"one drug's part of a haul ({drug['drug']!r})", 0.8)  # fmt: skip
    capacity = _CAPACITY_OF.search(sentence[:start]) if unit in (None, "people") else None
    if capacity is not None:
        # "built for 150 people", "space meant for 26,000", "an official capacity of 26,600": a
        # facility's capacity, a figure of a capacity metric (the lead's convention).
        prison = _PRISON.search(sentence[: start + 60]) and not _CENTRE.search(sentence[:start])
        ident, label = (("prison-capacity", "Prison capacity") if prison else
                        ("rehabilitation-centre-capacity", "Places in rehabilitation centres"))  # fmt: skip
        known = next((m for m in metrics if m.get("metric_id") == ident), None)
        return MetricGuess(ident, known is None, label, "people", "a facility's capacity", 0.5)
    noun = counted_noun(sentence, end)
    held = _HELD_BY.search(sentence[:start]) if unit in (None, "people") else None
    if held is not None and not _CLINICS.search(held.group(0)):
        # "The centres held some 4,200 people", "the prisons held fewer than 22,000", "the
        # centre ... now holds about 230": the people a place holds, a stock, never arrests or
        # admissions (round ten).
        if held.group("place").lower().startswith(("prison", "jail")):
            return MetricGuess("prison-population", True, "Prison population", "people",
                               "people a prison holds: a stock", 0.5)  # fmt: skip
        return MetricGuess("people-in-rehabilitation", True, "People held in rehabilitation "
                           "centres", "people", "people a centre holds: a stock", 0.5)  # fmt: skip
    if (unit == "cases" or unit is None) and _COURT_CASES.search(sentence):
        # "the court had tried 386 drug cases", "the registry opened 214 drug cases": cases
        # before the courts, not cases the police investigated.
        return _new(["drug", "cases"], "tried", "cases", "cases counted by a court: tried")
    if unit == "facilities" and _CENTRES.match(sentence, end) and not _CLINICS.search(clause):
        # "16 state-run centres", "eight state treatment centres": rehabilitation centres, by
        # whatever words the state's centres are described with (never health centres/clinics).
        centres = next((m for m in metrics if m.get("metric_id") == "rehabilitation-centres"), None)
        if centres is not None:
            return MetricGuess("rehabilitation-centres", False, str(centres.get("label", "")),
                               unit, "centres counted: rehabilitation centres", 0.6)  # fmt: skip
    if unit in (None, "people") and _TOOK_IN.search(sentence[:start]):
        # "the country's 14 state-run centres took in 7,216 drug users": people a centre
        # admitted are people sent to rehabilitation.
        sent = next((m for m in metrics if m.get("metric_id") == "sent-to-rehabilitation"), None)
        if sent is not None:
            return MetricGuess("sent-to-rehabilitation", False, str(sent.get("label", "")),
                               "people", "people a centre took in", 0.6)  # fmt: skip
    if _MINORS.match(sentence, end):
        # "64 people under 18", "35 children": minors, a subset no curated metric counts.
        verb = _verb_of(sentence, start, end, len(sentence))
        return _new(["minors"], verb, "people", "people under 18: minors, a subset")
    if not noun and (number_of := _NUMBER_OF.match(sentence)) and number_of.end() <= start:
        # "The number of prisoners held on drug charges rose from about 9,000 to 19,400":
        # what the sentence's subject counts.
        noun = _WORD.findall(number_of.group("noun"))
    sure, named_before = 0.8, False
    if unit is None:
        # "up from 9,670 in 2016", "6,040 were accused of ...": the noun named before it; for a
        # part ("8,614 people suspected of drug offences, 141 of them ..."), the noun of the
        # count it is part of, the first named after that count.
        prev = max([b for _, b in others if b <= start], default=-1)
        whole = sentence[prev:start] if prev >= 0 and _SUBSET.match(sentence[end:]) else ""
        named = [w.lower() for w in _WORD.findall(whole) if w.lower() in NOUN_UNITS][:1] or [
            w.lower() for w in _WORD.findall(sentence[:start]) if w.lower() in NOUN_UNITS
        ]
        unit = NOUN_UNITS[named[-1]] if named else "people"
        sure, named_before = 0.6, bool(named)
    at = clause.find(sentence[start:end])
    left = stems(clause[: max(at, 0)])
    # The verb that governs the figure, before it: "seized 1,310 kg of drugs and 2,950 kg of
    # precursor chemicals" seized both.
    governing = [st for st in map(_stem, _WORD.findall(sentence[:start])) if st in _VERB_NAMES]
    if unit == "kg":  # people counted after "arrested" may be a subset: their noun decides
        left |= set(governing[-1:])
    subset = bool(_SUBSET.match(sentence[end:]))
    if subset or _OF_THE.match(sentence):
        # "more than half of them": a share of the count named before it in the sentence.
        left |= stems(sentence[:start])
    nxt = min([a for a, _ in others if a >= end] + [len(sentence)])
    after = _ADJECTIVE.sub("", clause[at + (end - start) :] if at >= 0 else "")
    # Coordinated counts share the verb after the last: "9,660 users and 8,200 traffickers
    # had been held".
    shared = re.match(r"[^,;]*\band\b", sentence[end:nxt])
    verb_text = _ADJECTIVE.sub("", sentence[end:] if shared else sentence[end:nxt])
    if _WHOLE_OF.search(sentence[:start]):
        # "Half of the 12,100 people arrested ... were users": the whole, whose part the
        # predicate describes; its own words stop at the verb.
        after = _PREDICATE.split(after, maxsplit=1)[0]
        verb_text = _PREDICATE.split(verb_text, maxsplit=1)[0]
    made_up = _MADE_UP.search(sentence[:start])
    if made_up:
        # "Suspected traffickers made up 10,960 of last year's arrests": the subject is counted.
        noun = _WORD.findall(made_up.group("subject"))
        left |= stems(made_up.group("subject"))
    right = stems(after) | stems(" ".join(noun)) | _verb_after(verb_text)
    change = unit == "percent" and bool(
        _CHANGE.search(sentence[:start])
        or _CHANGE_AFTER.match(sentence, end)
        # "an increase of 17 percent": the change's noun inside the figure's own words.
        or _CHANGE_NOUN.match(sentence, start)
    )
    if change:
        right |= {"chan"}
    if unit == "kg" and "dest" not in left | right:
        right |= {"seiz"}  # a weight nobody destroyed was seized ("410 kg ... taken")
    unit_stems = stems(unit) | (_SHARE if unit == "percent" else set())
    best: tuple[float, dict[str, Any]] | None = None
    # "Prisons held 42,000 inmates": a stock of prisoners, never an arrest count.
    inmates = "pris" in stems(" ".join(noun))
    of_unit_own = [_own(m) - unit_stems for m in metrics if str(m.get("unit")) == unit]
    codebook = set().union(*of_unit_own) if of_unit_own else set()
    # The counted noun's own words: "precursor chemicals" are weighed by the precursors'
    # metric alone; "104 foreigners", "women" (people no curated metric names) are a subset of
    # their own, never the total's.
    named = stems(" ".join(w for w in noun if w[:1].islower())) - _PEOPLE - _VERB_STEMS
    distinct = named & codebook
    other_kind = unit == "people" and bool(named) and not distinct
    for m in metrics:
        if str(m.get("unit")) != unit:
            continue
        own = stems(f"{m.get('label', '')} {str(m.get('metric_id', '')).replace('-', ' ')}")
        own -= unit_stems
        if inmates and "arre" in own:
            continue
        if (unit == "kg" and not distinct <= own) or other_kind:
            continue
        if own & _KINDS - left - right:
            continue  # "held 42,000 inmates" names no users: never the users' metric
        if not own & (left | right) or (subset and not own & right):
            continue  # "131 of them foreigners": the subset's own noun must match
        # A subset's word the clause does not say costs more than a shared word earns:
        # "2,428 people were arrested" is the total, not the users.
        score = 2 * len(own & right) + 1.5 * len(own & left) - 2 * len(own - left - right)
        # The counted noun itself ("were suspected traffickers") outweighs another noun of the
        # clause ("and the rest were users") (round eleven).
        score += 0.5 * len(own & (stems(" ".join(noun)) - _PEOPLE))
        if score >= 1.5 and (best is None or score > best[0]):
            best = (score, m)
    if best is None and not change:
        # "5,150 cases", "8,070 drug crimes": the one metric of a unit the counted noun names.
        of_unit = [m for m in metrics if str(m.get("unit")) == unit]
        named_unit = any(NOUN_UNITS.get(w.lower()) == unit for w in noun)
        if len(of_unit) == 1 and (named_before or named_unit or unit_stems & right):
            best = (1.0, of_unit[0])
        elif unit == "kg" and not distinct:
            # A weight of drugs with no other verb: the plain seizure metric, whose only word
            # is the seizing ("took 761 kg of narcotics off the streets").
            plain = [m for m in of_unit if _own(m) - unit_stems <= {"seiz"}]
            best = (1.0, plain[0]) if plain else None
    if best is not None and not (change and "chan" not in stems(str(best[1].get("label")))):
        m = best[1]
        own = stems(f"{m.get('label', '')} {m.get('metric_id', '')}")
        said = sorted(own & (left | right)) or [unit]
        return MetricGuess(
            str(m["metric_id"]), False, str(m.get("label", "")), unit,
            f"the figure's own words say {', '.join(said)}", sure if best[0] >= 2 else 0.5,
            bool(m.get("signed")),
        )  # fmt: skip
    if change:
        compared = [w for w in noun if w.lower() not in _COMPARATIVES]
        words = _subject(sentence, start) or compared or _count_before(sentence, start, others)
        return replace(_new(words, "change-pct", unit, "a change, not a count"), signed=True)
    if unit == "percent" and subset and not noun:
        # "42,000 inmates, more than half of them on drug charges": a share of the count
        # before it, named by that count's noun and what the share has.
        prior = [w for w in _WORD.findall(sentence[:start]) if w.lower() in NOUN_UNITS]
        tail = _WORD.findall(_SUBSET.sub("", sentence[end:], count=1).split(",")[0])
        has = [w for w in tail if w.lower() not in _NOUN_STOP][:2]
        if prior and has:
            return _new([prior[-1], *has], "share", unit, "a share of the count before it")
    verb = "" if unit == "kg" or inmates else _verb_of(sentence, start, end, nxt)
    return _new(noun, verb, unit, f"no {unit} metric fits: a new metric")


_COURT_CASES = re.compile(
    r"\b(?:court|courts|registry|judges|tribunal)['’]?s?\b[^.;]*?\b(?:tried|heard|opened|ruled\s+on|"
    r"handled|registered|received|try|hear)\b[^.;]*?\bcases\b",
    re.I,
)
_MINORS = re.compile(
    r"\s+(?:(?:people|persons|suspects|users|youths|young\s+people)\s+(?:aged\s+)?"
    r"(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?1[4-8]\b"
    r"|(?:minors|juveniles|children|teenagers)\b)",
    re.I,
)


# Words for people in general: they name no kind of person a subset metric counts.
_PEOPLE = {_stem(w) for w in ("people", "persons", "individuals", "suspects", "offenders",
                              "men", "residents", "citizens", "youths", "young")}  # fmt: skip
_VERB_STEMS = set(_VERB_NAMES)


def _own(m: dict[str, Any]) -> set[str]:
    return stems(f"{m.get('label', '')} {str(m.get('metric_id', '')).replace('-', ' ')}")


def _verb_of(sentence: str, start: int, end: int, nxt: int) -> str:
    """The verb a new metric is named with: the nearest before the figure ("arrested 7,180
    suspects, 131 of them foreigners" -> arrested), else the first after it."""
    before = [_stem(w) for w in _WORD.findall(sentence[:start])][::-1]
    after = [_stem(w) for w in _WORD.findall(_ADJECTIVE.sub("", sentence[end:nxt]))]
    for stem in [*before, *after]:
        if stem in _VERB_NAMES:
            return _VERB_NAMES[stem]
    return ""
