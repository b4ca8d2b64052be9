"""Proposals and positions in a sentence: what is proposed, suggested, called for, urged or
planned, each measure of a list as its own draft, and a position on a curated proposal only
when the words are that proposal (hand-written: no library reads policy proposals).

A sentence "proposed A and B" gives two drafts; "urged the government to adopt X" gives X.
A curated proposal is chosen when the measure's words hold most of its name's content words
(the name, not the long description: "new rehabilitation centres" is not "More rehabilitation
centres, paid for by selling seized motorbikes").
Long because each way reporting puts a measure forward or takes a stand on one (verbs, modals,
lists, "the plan", "the first idea", stances on earlier measures) is a rule of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from corpus.places import places_in
from corpus.speech_verbs import speech_verbs
from curation.suggest.metrics import stems
from data_model.records import Position

_VERB = re.compile(
    r"\b(?P<verb>proposed|proposes|propose|suggested|suggests|called\s+for|calls\s+for|"
    # "he said, calling for an independent inspection ... and for the release of ...": a
    # participle after the speech puts the measure forward too (round ten).
    r"calling\s+for|"
    r"called\s+on|calls\s+on|call\s+on|call\s+for|urged|urges|urge|"
    # "asked the ministry for money to build ...", never "asked not to be named"
    r"(?:asked|asks|(?<=\bI\s)ask|(?<=\bI\salso\s)ask|(?<=\bwe\s)ask|(?<=\bwe\salso\s)ask|"
    # "We are asking the Ministry of Health to pay for ..." (round twenty-four)
    r"(?<=\bare\s)asking|(?<=\bis\s)asking|(?<=\bam\s)asking|"
    # "would also ask the NACD to publish ..." (round twenty-two)
    r"(?:would|will)\s+(?:also\s+)?ask(?!\s+for\b))"
    r"(?!\s+(?:not|that|to|about|whether|if|for\s+comment|questions?)\b)|"
    # "I have decided to rebuild the authority": a measure its author takes
    r"decided\s+to|"
    # "The evaluators recommend that ...", "We recommend that ..." (round twenty-two)
    r"recommended|recommends|(?<=\bwe\s)recommend|recommend(?=\s+that\b)|plans?\s+to|planned\s+to|planning\s+to|"
    # "The Trust intends to support that plan": a stand on a measure, none of its own (round
    # twenty-five).
    r"intends?\s+to(?!\s+(?:support|back|oppose|welcome|endorse|reject)\b)|"
    # "the ministry was preparing a sub-decree on ...": a measure being drawn up (round eleven)
    r"(?:is|was|are|were)\s+(?:preparing|drafting)(?=\s+(?:a|an|the|new)\b)|"
    # "wants every province to have a testing team": the measure after its addressee's "to"
    r"wants|wanted|"
    r"would\s+ask\s+for|will\s+ask\s+for|would\s+(?:open|build|introduce|set\s+up|create)|"
    r"will\s+(?:open|build|introduce|set\s+up|create)|agreed\s+(?:[\w-]+\s+){0,4}?to|agrees\s+to|"
    r"(?P<modal>should|(?:would|will)\s+(?=(?:station|deploy|train|hire|send|fund|expand|"
    r"step\s+up|strengthen|tighten|increase|launch|recruit|"
    # "the authority would start publishing its monthly figures" (round twenty-two)
    r"(?:start|begin)\s+\w+ing|publish)\b)))\b",
    re.I,
)
# "Kim Yan said border provinces should report ...": a modal measure is its whole clause, from
# the subject after the speech verb; the subject must be one that can act for the state.
_CLAUSE_START = re.compile(r"\b(?:said|says|added|told\s+\w+|stated)\s+(?:that\s+)?", re.I)
# "urged provincial governors to put ...": the measure starts after the addressee's "to".
_ADDRESSED = ("called on", "calls on", "call on", "urged", "urges", "urge", "asked", "asks",
              "ask", "asking", "wants", "wanted", "would ask", "will ask", "would also ask",
              "will also ask")  # fmt: skip
_SUPPORTS = re.compile(r"\b(support(?:s|ed)?|welcome[sd]?|backed|backs|endorsed|praised|"
                       r"a model|continue)\b", re.I)  # fmt: skip
_OPPOSES = re.compile(
    r"\b(oppos(?:e|es|ed)|reject(?:s|ed)?|not the answer|criticis(?:e|es|ed)|doubted)\b", re.I
)
# A list's next measure: "and opening ...", "and to end ...", "and a special prison ...".
# "propose that A ..., and that B ...": each "that" clause is a measure.
_NEXT = re.compile(
    r",?\s+and\s+(?=(?:to\s+\w+|for\s+\w+|\w+ing|an?\s|the\s|new\s|more\s|that\s"
    # "would ask X to share ... and would install scanners ...": the same subject's second
    # measure (round ten).
    r"|(?:would|will)\s+(?!be\b|not\b|have\b)[a-z]+\s))",
    re.I,
)
# Where a measure's words end: a trailing circumstance after a comma ("..., at its review").
_TAIL = re.compile(
    r",\s+(?:at|in|on|during|as|while|which|who|saying|according)\b.*$"
    # "..., its secretary-general said on Wednesday": who put it forward, not the measure.
    r"|,\s+(?:[\w'’-]+\s+){0,6}(?:said|says|told|added)\b.*$",
    re.I,
)
_AUTHORITY = re.compile(
    r"\b(?:governments?|ministry|ministries|authorit\w*|provinc\w*|governors?|police|officials|"
    r"committees?|administrations?|"
    r"state|parliament|lawmakers|assembly|courts?|prisons?|department|"
    r"councils?|commune\w*|district\w*|the\s+nacd|Royal|(?:provincial|city|town)\s+hall|"
    # "urged Cambodia and its neighbours to ...": states act for the state too (donors are left
    # out: "urged donors to stop funding" was coded an appeal, not a measure).
    r"Cambodia|countries|neighbou?rs)\b",
    re.I,
)
# Share of a curated proposal's name words the sentence must hold to be a position on it.
NAME_SHARE = 0.6
# A measure put forward is a curated proposal when it holds its whole name, or this many of
# its name words and NAME_SHARE of them (three are too few: "treatment for users instead of
# detention" is not "treatment for drug users in detention") ("stop seizing and selling the property of suspects").
NAME_WORDS = 4
# "three steps", "the following measures", "several changes": words that only count or announce
# the measures a list then gives (round nineteen), no measure of their own.
_NUM = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|some|these|those)"
    r"(?:\s+(?:new|main|key|simple|concrete|practical|urgent|more))?"
)
_LISTED = (r"(?:steps?|measures?|changes?|things?|recommendations?|proposals?|reforms?|actions?|"
           r"points?|ideas?|priorities|areas?)")  # fmt: skip
_ORDINAL = re.compile(r"^(?:first|second|third|fourth|fifth|finally|lastly)\s*,\s*", re.I)
_ANNOUNCES_LIST = re.compile(
    rf"^(?:the\s+)?(?:following(?:\s+{_NUM})?(?:\s+{_LISTED})?|{_NUM}\s+{_LISTED})"
    r"(?:\s*[:.]|\s+below)?\s*$",
    re.I,
)


# "the Ministry of Health's plan to expand ...": a possessive before "plan" names a measure put
# forward before, as "the plan" does (round twenty-four).
_NAMED = re.compile(r"(?:\b(?:the|a|this|that|its|their|his|her)|\w['’]s)\s+$", re.I)
# "..., and urged", " and also suggested": a proposing verb opening a coordinated clause.
# "... and has asked", "..., and I ask", "and would ask": the auxiliary or the subject repeated
# before the second verb (round ten).
_AND_VERB = re.compile(
    r"(?:,\s*|\s)and\s+"
    # "..., and that the provincial administration would ask": a reported clause's own subject
    # (round eleven).
    r"(?:that\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?"
    r"(?:(?:also|has|have|had|would|will|I|we|it|they)\s+){0,2}$",
    re.I,
)


@dataclass(frozen=True)
class Measure:
    """A measure a sentence proposes, or a position on a curated proposal."""

    policy_id: str | None  # the curated proposal a position is on; None for a new proposal
    position: Position
    verb: str
    name: str  # the measure in the article's words ("special drug courts to clear ...")
    reason: str
    confidence: float


def _curated_fit(words: str, policies: Sequence[dict[str, Any]]) -> tuple[dict, float] | None:
    """The curated proposal whose name the words hold most of, if they hold enough of it."""
    have = stems(words)
    best: tuple[dict, float] | None = None
    for p in policies:
        name = stems(str(p.get("name", "")))
        if len(name) < 1:
            continue
        share = len(name & have) / len(name)
        enough = len(name & have) >= min(2, len(name))
        if share >= NAME_SHARE and enough and (best is None or share > best[1]):
            best = (p, share)
    return best


def _shared(words: str, policy: dict[str, Any]) -> int:
    return len(stems(words) & stems(str(policy.get("name", ""))))


# Verbs that grow a service's reach, as a curated name's opening verb does ("Expand ..."): a
# measure that holds all the rest of such a name and grows it with one of these is that
# proposal ("scale up community-based treatment", "extend community-based treatment to every
# health centre") (round twenty-three).
_GROWS = re.compile(
    r"\b(?:expand\w*|extend\w*|scal(?:e|ed|ing)\s+up|widen\w*|roll(?:ed|ing)?\s+out)\b", re.I
)
_GROWTH_NAME = re.compile(r"^(?:Expand|Extend|Scale\s+up|Widen)\b")


def _holds_but_verb(words: str, policy: dict[str, Any]) -> bool:
    """Whether the words hold a curated name that opens with a verb of growth, all of it but
    that verb (two words or more), and grow it with a verb of their own, naming no province or
    town (the curated names grow a service across the country)."""
    name = str(policy.get("name", ""))
    if not _GROWTH_NAME.match(name) or not _GROWS.search(words) or places_in(words):
        return False  # a province's own plan ("to every district of Battambang") is its own
    rest = stems(name) - stems(name.split()[0])
    return len(rest) >= 2 and rest <= stems(words)


def _asks_for(before: str, text: str, verb: str) -> re.Match[str] | None:
    """ "..., and that the ministry has asked for a budget to build a fourth dormitory": a body
    that acts for the state, the subject right before the verb, asking for something with no
    addressee named; what it asks for is the measure (round seventeen). Not "asked for the
    same" (a measure named before), nor a person's or a group's request."""
    subject = re.split(r",|\bthat\b|\band\b", before)[-1]
    wanted = re.match(r"\s*for\s+(?!the\s+same\b)", text)
    if verb.lower() not in ("asked", "asks", "ask") or wanted is None:
        return None
    return wanted if _AUTHORITY.search(subject) and len(subject.split()) <= 5 else None


# "asks development partners to fund the training of its nurses", "called on development
# partners to help equip a laboratory": money asked of donors for a measure of the state is that
# measure (round twenty-four); "urged donors to stop funding the centres" stays an appeal.
_FUNDERS = re.compile(r"\b(?:development\s+partners|donors)\b", re.I)
_TO_FUND = re.compile(r"(?:fund|finance|pay\s+for|help\s+(?:fund|equip|build|pay|finance))\b", re.I)


def _measures_after(text: str, verb: str, before: str = "") -> list[str]:
    rest = text
    if wanted := _asks_for(before, text, verb):
        rest = rest[wanted.end() :]
    elif verb.lower() in _ADDRESSED:
        to = re.search(r"\bto\s+", rest)
        ask_for = re.match(r"\s*(?:the\s+)?(?:[\w-]+\s+){1,6}?for\s+", rest)
        if (
            verb.lower().endswith("ask")
            and ask_for is not None
            and (to is None or ask_for.end() < to.start())
            and _AUTHORITY.search(ask_for.group(0))
        ):
            # "will ask the Ministry of Economy and Finance for an extra budget": what is asked
            # for is the measure (round eleven).
            to = ask_for
        # "urged families to send their children" asks people, not a government: no measure.
        if (
            to is None
            or to.start() > 80
            or not (
                _AUTHORITY.search(rest[: to.end()])
                or (_FUNDERS.search(rest[: to.end()]) and _TO_FUND.match(rest[to.end() :]))
            )
        ):
            return []
        rest = rest[to.end() :]
    rest = _TAIL.sub("", rest.strip().rstrip('."”').rstrip(".")).strip()
    parts = [p.strip(" ,") for p in _NEXT.split(rest) if p.strip(" ,")]
    # "proposed holding detainees apart, and the NACD supports that proposal": a clause with
    # a subject and a verb of its own takes a stand; it is no second measure (round nine).
    parts = parts[:1] + [p for p in parts[1:] if not _OWN_CLAUSE.match(p)]
    return [re.sub(r"^(?:to|for|that|would|will)\s+", "", p) for p in parts if len(p.split()) >= 2]


_OWN_CLAUSE = re.compile(r"^(?:the|its|their|an?)\s+(?:[\w-]+\s+){0,3}?(?:supports?|opposes?|"
                         r"welcome[sd]?|backs|backed|rejects?|rejected|agrees?|agreed|says|"
                         r"said|doubts?|doubted)\b", re.I)  # fmt: skip


# "... and release the people ...": a second verb with its own object after a modal's first.
_MODAL_AND = re.compile(
    r",?\s+and\s+(?=(?:to\s+)?[a-z]+\s+(?:the|its|their|all|a|an|more|new|every|to)\b"
    # "..., and it should stop sending ...": a second modal clause of the same subject
    r"|(?:it|they|we|she|he)\s+(?:should|must)\b"
    # "..., and the Ministry of Justice should let judges ...", "..., and police should stop
    # ...": a second modal clause of its own subject, one that can act for the state (round
    # twenty-four; the subject is checked in _modal_measure)
    r"|(?P<subject>(?:the\s+)?(?:[\w'’-]+\s+){1,5}?)(?:should|must)\b)"
)


_THAT = re.compile(r"\bthat\s+", re.I)


def _speech_verb_at(sentence: str, end: int) -> int:
    """Where the speech verb that ends at ``end`` begins."""
    found = [c.start() for c in _CLAUSE_START.finditer(sentence, 0, end) if c.end() == end]
    return found[-1] if found else end


def _modal_measure(sentence: str, m: re.Match[str]) -> list[str]:
    """The clause a modal verb puts forward ("police would station more officers ..."), when
    its subject can act for the state; none for "users should be treated ..."."""
    starts = [c.end() for c in _CLAUSE_START.finditer(sentence, 0, m.start())]
    start = starts[-1] if starts else 0
    subject = sentence[start : m.start()]
    if len(subject.split()) > 6 and (that := list(_THAT.finditer(sentence, start, m.start()))):
        # "told a meeting of provincial police chiefs last month that courts should ...": the
        # reported clause's subject starts after its "that" (round twenty-two).
        start = that[-1].end()
        subject = sentence[start : m.start()]
    if re.fullmatch(r"\s*(?:they|it)\s+", subject, re.I) and starts:
        # "Police said they would step up patrols": the pronoun is the speaker before "said".
        said_by = sentence[: _speech_verb_at(sentence, start)]
        subject = said_by if len(said_by.split()) <= 6 else subject
    if not _AUTHORITY.search(subject) or len(subject.split()) > 6:
        return []
    clause = _TAIL.sub("", sentence[start:].strip().rstrip(".")).strip()
    clause = re.split(r"\s+so\s+that\b|\s+because\b", clause)[0]
    if len(clause.split()) < 3:
        return []
    # "should close its centres and release the people held in them": two measures, the
    # second from its own verb.
    cut = next(
        (c for c in _MODAL_AND.finditer(clause)
         if not c.group("subject") or _AUTHORITY.search(c.group("subject"))),
        None,
    )  # fmt: skip
    if cut is None:
        return [clause]
    first, more = clause[: cut.start()], clause[cut.end() :]
    return [first, more] if len(more.split()) >= 3 else [clause]


def proposing_verb(sentence: str) -> re.Match[str] | None:
    """The verb that puts a measure forward ("proposed", "called for", "should"), never a noun
    naming one already put forward ("rejected the call for more clinics")."""
    return next(
        (v for v in _VERB.finditer(sentence) if not _NAMED.search(sentence[: v.start()])), None
    )


def _split_measures(
    sentence: str, policies: Sequence[dict[str, Any]], fit: tuple[dict, float] | None
) -> list[Measure] | None:
    """ "should close the centre and move to voluntary, community-based care ...": a modal
    sentence of two measures, one a curated proposal and one not, gives a position on the
    curated one and a new proposal for the other (round ten); None for any other sentence."""
    m = proposing_verb(sentence)
    if fit is None or m is None or not m.group("modal"):
        return None
    parts = _modal_measure(sentence, m)
    if len(parts) < 2:
        return None
    fits = [_curated_fit(p, policies) for p in parts]
    if not any(fits) or all(fits):
        return None
    out = []
    for words, got in zip(parts, fits, strict=True):
        if got is not None:
            out.append(Measure(str(got[0]["policy_id"]), Position.supports, m.group("verb"),
                               str(got[0].get("name", "")),
                               f"holds {got[1]:.0%} of the proposal's name", 0.6))  # fmt: skip
        else:
            words = _ORDINAL.sub("", words)  # "First, the ministry should ...": a list's order
            name = words[:1].upper() + words[1:]
            out.append(Measure(None, Position.supports, m.group("verb"), name[:120],
                               "no curated proposal is it: a new one", 0.6))  # fmt: skip
    return out


def find_measures(sentence: str, policies: Sequence[dict[str, Any]]) -> list[Measure]:
    """The proposals a sentence makes, one per measure, and its positions on curated ones."""
    out: list[Measure] = []
    opposes = _OPPOSES.search(sentence)
    position = Position.opposes if opposes else Position.supports
    fit = _curated_fit(sentence, policies)
    split = _split_measures(sentence, policies, fit)
    if split is not None:
        return split
    first = proposing_verb(sentence)
    cut = _AND_VERB.search(sentence, 0, first.start()) if first and not first["modal"] else None
    if fit is not None and cut is not None:
        # "said he supported the government's policy of ..., and that the provincial
        # administration would ask ... for land": a stand on a curated proposal, then a
        # measure of its own after "and" (round eleven).
        head = find_measures(sentence[: cut.start()], policies)
        after_and = cut.start() + cut.group(0).lower().index("and") + 3
        tail = find_measures(sentence[after_and:].lstrip(), policies)
        if head and tail:
            return head + tail
    if fit is not None and (fit[1] >= 0.99 or _SUPPORTS.search(sentence) or opposes):
        p, share = fit
        return [
            Measure(
                str(p["policy_id"]), position, (opposes or _SUPPORTS.search(sentence) or
                _VERB.search(sentence))[0] if (opposes or _SUPPORTS.search(sentence) or
                _VERB.search(sentence)) else "",
                str(p.get("name", "")), f"holds {share:.0%} of the proposal's name", 0.7,
            )
        ]  # fmt: skip
    m = proposing_verb(sentence)
    if m is None:
        return out
    # "called for A ..., and urged the ministry to B": a second proposing verb joined by "and"
    # puts its own measure forward; the first verb's words stop where the second's clause opens.
    joined = [
        v
        for v in _VERB.finditer(sentence, m.end())
        if not v.group("modal") and _AND_VERB.search(sentence, 0, v.start())
    ]
    if joined:
        cut = _AND_VERB.search(sentence, 0, joined[0].start())
        assert cut is not None
        head = find_measures(sentence[: cut.start()], policies)
        # The second clause from after "and": its repeated subject ("and I ask") kept.
        after_and = cut.start() + cut.group(0).lower().index("and") + 3
        tail = find_measures(sentence[after_and:].lstrip(), policies)
        return head + tail
    verb = " ".join(m.group("verb").split())
    found = _modal_measure(sentence, m) if m.group("modal") else None
    whole = _curated_fit(sentence[m.end() :], policies)
    if found is None and whole and _shared(sentence[m.end() :], whole[0]) >= NAME_WORDS:
        # The words put forward hold most of a curated name, read before a list is split
        # ("seizing and selling" is one measure): a position on that proposal.
        p, share = whole
        return [Measure(str(p["policy_id"]), position, verb, str(p.get("name", "")),
                        f"holds {share:.0%} of the proposal's name", 0.6)]  # fmt: skip
    after = sentence[m.end() :]
    for words in (
        found if found is not None else _measures_after(after, verb, sentence[: m.start()])
    ):
        if _ANNOUNCES_LIST.match(words):
            continue  # "I propose three steps.": the steps that follow are the measures
        fit = _curated_fit(words, policies)
        if fit is not None and (
            fit[1] >= 0.99 or _shared(words, fit[0]) >= NAME_WORDS or _holds_but_verb(words, fit[0])
        ):
            p, share = fit
            out.append(Measure(str(p["policy_id"]), position, verb, str(p.get("name", "")),
                               f"holds {share:.0%} of the proposal's name", 0.7))  # fmt: skip
        else:
            words = _ORDINAL.sub("", words)  # "First, the ministry should ...": a list's order
            name = words[:1].upper() + words[1:]
            out.append(Measure(None, position, verb, name[:120], "no curated proposal is it: a "
                               "new one", 0.6))  # fmt: skip
    return out


# "opposed the plan", "welcomed the proposal", "doubted the plan could ...": a position on the
# measure the article put forward last (its words are not repeated, so no name can match).
_ON_IT = re.compile(
    r"\b(?P<verb>welcomed|welcomes|backed|backs|supported|supports|endorsed|praised|opposed|"
    r"opposes|rejected|rejects|criticised|criticized|condemned|doubted|doubts|questioned|"
    # "We support that idea", "intends to support that plan" (round twenty-five)
    r"support|welcome|endorse|oppose|reject)\b"
    r"[^.;]{0,40}?\b(?:the|this|that|its|his|her)\s+(?:proposal|plan|idea|measure|draft|move|"
    r"amendment|proposed\s+\w+)s?\b",
    re.I,
)
_AGAINST = ("opposed", "opposes", "rejected", "rejects", "criticised", "criticized", "condemned",
            "oppose", "reject")  # fmt: skip
# "We support that idea, but a centre with locks ...": for it, with a reservation (round
# twenty-five).
_BUT_AFTER = re.compile(r"^[^.;]{0,20}?,?\s+but\b", re.I)
_UNSURE = ("doubted", "doubts", "questioned")


def position_on_last(sentence: str, last: tuple[str, str] | None) -> Measure | None:
    """A position on the last measure put forward (policy id, name), when the sentence refers
    back to it as "the plan" or "the proposal"."""
    m = _ON_IT.search(sentence)
    if m is None or last is None:
        return None
    verb = m.group("verb").lower()
    position = (
        Position.opposes if verb in _AGAINST else Position.mixed if verb in _UNSURE
        else Position.supports
    )  # fmt: skip
    if position is Position.supports and _BUT_AFTER.search(sentence[m.end() :]):
        position = Position.mixed
    return Measure(last[0], position, verb, last[1], f"{m.group(0)!r} refers back to it", 0.6)


# "Civil society groups have asked for the same", "made the same call": a stand for every
# measure the last proposing sentence put forward (round twenty-five).
_THE_SAME = re.compile(
    r"\b(?P<verb>(?:asked|called|pressed|pushed|argued|appealed)\s+for\s+the\s+same|made\s+the"
    r"\s+same\s+(?:call|request|demand|proposal)s?)\b"
    # "asked for the same breakdown": a thing of its own, not the measures before it.
    r"(?=\s*(?:[.;,!]|$)|\s+(?:for|in|on|at|since|again|last|this|before|too|as)\b)",
    re.I,
)


def positions_on_the_same(sentence: str, recent: Sequence[tuple[str, str]]) -> list[Measure]:
    """Positions (for) on each measure (policy id, name) the last proposing sentence put
    forward, when a sentence asks "for the same"."""
    m = _THE_SAME.search(sentence)
    if m is None:
        return []
    verb = " ".join(m.group("verb").split())
    return [Measure(policy_id, Position.supports, verb, name, f"{verb!r} refers back to it", 0.5)
            for policy_id, name in recent]  # fmt: skip


# "supported the first idea", "rejected the latter proposal": a stand on one of the measures
# the last sentence that put measures forward named, by its place in that sentence.
_ON_ORDINAL = re.compile(
    r"\b(?P<verb>welcomed|welcomes|backed|backs|supported|supports|endorsed|praised|opposed|"
    r"opposes|rejected|rejects|criticised|criticized|doubted|questioned)\b[^.;]{0,30}?"
    r"\bthe\s+(?P<which>first|second|former|latter)\s+(?:idea|proposal|suggestion|measure|"
    r"plan|one)\b",
    re.I,
)


def position_on_ordinal(sentence: str, recent: Sequence[tuple[str, str]]) -> Measure | None:
    """A position on "the first idea" / "the latter proposal" of the measures (policy id, name)
    the last proposing sentence put forward, in their order there."""
    m = _ON_ORDINAL.search(sentence)
    if m is None or len(recent) < 2:
        return None
    which = m.group("which").lower()
    policy_id, name = (
        recent[0] if which in ("first", "former") else recent[1 if which == "second" else -1]
    )
    verb = m.group("verb").lower()
    position = (
        Position.opposes if verb in _AGAINST else Position.mixed if verb in _UNSURE
        else Position.supports
    )  # fmt: skip
    return Measure(policy_id, position, verb, name, f"{m.group(0)!r}: the {which} of the "
                   "measures put forward before it", 0.5)  # fmt: skip


# A clause that takes a stand without naming "the plan": its cue and what it means. Mixed
# first ("welcomed the idea but ...", "would help only if"), then against, then for.
_STANCE: tuple[tuple[Position, re.Pattern[str]], ...] = (
    (Position.mixed, re.compile(
        r"\b(?:doubted|doubts|questioned)\b|\bwould\s+(?:help|work)\s+only\s+if\b"
        r"|\bwould\s+not\s+(?:help|work)\s+unless\b", re.I)),
    (Position.opposes, re.compile(
        r"\b(?:oppos(?:e|es|ed)|reject(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|"
        r"condemn(?:s|ed)?|warned\s+that)\b|\bwould\s+only\s+\w+|\bnot\s+the\s+answer\b"
        # "would take officers away from the field, and we will not publish them" (round ten)
        r"|\b(?:we|it|they|the\s+\w+)\s+(?:will|would)\s+not\s+\w+", re.I)),
    (Position.supports, re.compile(
        r"\b(?:welcomed|welcomes|backed|backs|supported|supports|endorsed|praised)\b"
        # "I agree with Mr Vuthy that the figures should be published" (round ten)
        r"|\b(?:agree|agrees|agreed)\s+with\b"
        r"|\b(?:were|was|is|are)\s+welcome\b", re.I)),
)  # fmt: skip
# Words every measure shares, so no sign that a sentence refers to one in particular.
_COMMON = stems("government ministry authority officials plan plans proposal new drug drugs "
                "users people would will should more every all provincial national country "
                "said says told added")  # fmt: skip
# How near its cue a clause names the measure ("welcomed the dogs", "the new centres would
# only ..."): words before the cue and after it; "criticized them" far from "centres" is not.
_BEFORE_CUE, _AFTER_CUE = 4, 8
_WELCOME_BUT = re.compile(r"\bwelcom\w*\b[^.;]*\bbut\b", re.I)
# A clause break where a sentence turns to another measure ("... were welcome but warned ...").
_CLAUSES = re.compile(r",?\s+but\s+|;\s+")


def positions_on_earlier(sentence: str, earlier: Sequence[tuple[str, str]]) -> list[Measure]:
    """Positions a sentence takes on measures put forward earlier in the article (policy id,
    words), each clause on the one whose distinctive words it repeats: "welcomed the dogs",
    "said the new centres would only lock up more people", "rejected the call to release
    detainees", "said the district clinics were welcome but warned that special courts ..."."""
    out: list[Measure] = []
    for clause in _CLAUSES.split(sentence):
        cue = next(((pos, m) for pos, pat in _STANCE if (m := pat.search(clause))), None)
        if cue is None:
            continue
        at = cue[1]
        near = " ".join(clause[: at.start()].split()[-_BEFORE_CUE:] + [at.group(0)]
                        + clause[at.end() :].split()[:_AFTER_CUE])  # fmt: skip
        have = stems(near) - _COMMON
        shared = [(len(have & (stems(words) - _COMMON)), k) for k, (_, words) in enumerate(earlier)]
        best = max(shared, default=(0, -1))
        if best[0] == 0:
            continue
        policy_id, words = earlier[best[1]]
        if any(m.policy_id == policy_id for m in out):
            continue
        said = sorted(have & (stems(words) - _COMMON))
        out.append(Measure(policy_id, cue[0], cue[1].group(0), words,
                           f"{cue[1].group(0)!r} on the measure put forward before it "
                           f"(shares {', '.join(said)})", 0.5))  # fmt: skip
    if len(out) == 1 and out[0].position is Position.supports and _WELCOME_BUT.search(sentence):
        # "welcomed the dogs but said they would not be enough": one measure, both ways.
        out[0] = replace(out[0], position=Position.mixed, reason=out[0].reason + "; but ...")
    return out


# "the centres would open", "the dogs will arrive": a definite subject right before a
# would/will verb.
_DEFINITE_SUBJECT = re.compile(
    r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)\s+(?:would|will)\s+\w+", re.I
)


def restates_earlier(sentence: str, earlier: Sequence[tuple[str, str]]) -> bool:
    """Whether a would/will sentence only tells more of a measure already put forward ("Meas
    Vyrith told The Post the centres would open next year if ..."): its definite subject is
    a distinctive word of that measure, so it is no new proposal."""
    if not earlier:
        return False
    for m in _DEFINITE_SUBJECT.finditer(sentence):
        # "no one involved in the drug trade would be above the law": after a preposition the
        # noun is an object, never the subject of "would" (round thirteen).
        if _PREPOSITION_BEFORE.search(sentence, 0, m.start()):
            continue
        noun = stems(m.group("noun")) - _COMMON
        return any(noun & stems(words) for _, words in earlier)
    return False


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|of|on|at|for|with|from|by|behind|into|about|against|to)\s+$", re.I
)


# "We call on the government to:", "The groups recommend that the ministry:": a lead-in whose
# measures follow as a list.
_LEAD_IN = re.compile(r"\b(?:to|that\s+(?:the\s+)?[\w\s]{1,40}?)\s*:\s*$", re.I)
# A list item's marker: "1.", "2)", "•", "-"; the sentence splitter may leave the next item's
# marker at the end of a line ("... to:\n1.").
# "(a)", "b)", "(iii)": a formal report's lettered items (round eleven).
_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[•*–-]|\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\))\s*")
_TRAILING_MARKER = re.compile(
    r"(?:^|\s)(?:\d{1,2}[.)]|[•*–-]|\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\))\s*$"
)
_NOT_IMPERATIVE = frozenset(("the", "a", "an", "we", "this", "it", "they", "he", "she", "in",
                             "on", "at", "our", "its", "their", "media", "endorsed"))  # fmt: skip


_LIST_HEADINGS = frozenset(speech_verbs("en", "list_heading"))


def heading_list(body: str, sentences: Sequence[Any]) -> list[int]:
    """Indices of the sentences that are items of a list a heading opens with no lead-in
    sentence ("RECOMMENDATIONS" on its line, then "1. Expand ...", "2. Refer ..."): each is the
    document's own statement and measure. The list ends at the first sentence that is no
    item."""
    items: list[int] = []
    for k, s in enumerate(sentences):
        # The marker opens the item's sentence, or is a sentence of its own before it ("1.").
        before = sentences[k - 1].text if k else ""
        alone = k > 0 and bool(_TRAILING_MARKER.fullmatch(" " + before.strip()))
        if list_item(s.text, before if alone else "") is None:
            continue
        start = sentences[k - 1].start if alone else s.start
        line = body[:start].rstrip().rsplit("\n", 1)[-1]
        heading = " ".join(line.strip(" :").lower().split())
        if heading in _LIST_HEADINGS or (items and items[-1] >= k - 2):
            items.append(k)
    return items


def opens_list(sentence: str) -> bool:
    """Whether a sentence puts forward measures that a list after it names ("We call on the
    Royal Government of Cambodia to:")."""
    sentence = _TRAILING_MARKER.sub("", sentence)
    m = proposing_verb(sentence)
    return (
        m is not None
        and bool(_LEAD_IN.search(sentence))
        and bool(_AUTHORITY.search(sentence[m.end() :]))
    )


def list_item(
    sentence: str, before: str, policies: Sequence[dict[str, Any]] = ()
) -> Measure | None:
    """One item of a list of measures: after its marker (on its line or the line before), a
    clause that opens with a verb ("Amend the 2012 Law ...", "Release people held ...")."""
    marked = _MARKER.match(sentence)
    if not marked and not _TRAILING_MARKER.search(before):
        return None
    words = _TRAILING_MARKER.sub("", sentence[marked.end() if marked else 0 :])
    words = words.strip().rstrip(";.,")
    first = words.split()[0] if words.split() else ""
    # A lettered item goes on the lead-in's sentence ("recommends that the Government: (a)
    # create ..."), so its verb is in lower case; a numbered or bulleted one opens its own.
    lettered = (
        bool(marked) and "(" in marked.group(0) or marked and marked.group(0).strip()[:1].isalpha()
    )
    if not (first[:1].isupper() or lettered and first[:1].islower()):
        return None
    if first.lower() in _NOT_IMPERATIVE or len(words.split()) < 3:
        return None
    fit = _curated_fit(words, policies)
    if fit is not None and (fit[1] >= 0.99 or _shared(words, fit[0]) >= NAME_WORDS):
        # "(c) expand community-based drug treatment to every district": a curated proposal,
        # so a position on it (round eleven).
        p, share = fit
        return Measure(str(p["policy_id"]), Position.supports, "listed", str(p.get("name", "")),
                       f"a listed item holding {share:.0%} of the proposal's name", 0.6)  # fmt: skip
    return Measure(None, Position.supports, "listed", words[:120],
                   "an item of the list of measures the lead-in puts forward", 0.6)  # fmt: skip


# Round thirty-six (draft36b): "plans to open two new rehabilitation centres, in Kampong Thom and
# Pursat, and will ask ...": the places the sentence names right after a measure's words (before
# the next measure's) are its where, though the measure's words stop at the comma; the name keeps
# them (the keys name a new proposal with its place: "Two new rehabilitation centres in Kampong
# Thom and Pursat").
_OWN_CLAUSE_AFTER = re.compile(r",\s+and\b|\band\s+(?:we|he|she|they|it|would|will|to|also)\b")


def with_places(names: Sequence[str], k: int, sentence: str) -> str:
    """The kth of a sentence's new measures' ``names`` with the places named after its words and
    before the next measure's, after ", in" ("Open two new centres, in Kampong Thom and
    Pursat"); as it was when none, or when its words cannot be found in the sentence."""
    name = names[k]
    low = sentence.lower()
    at = low.find(name[:25].lower())
    if at < 0 or not name.isascii():
        return name
    end = at + len(name.rstrip(" .,"))
    later = [j for n in names[k + 1 :] if (j := low.find(n[:25].lower(), end)) >= 0]
    window = sentence[end : min(later, default=len(sentence))]
    # "..., and we will ask the Pursat committee to ...": a clause of its own after ", and".
    window = _OWN_CLAUSE_AFTER.split(window, maxsplit=1)[0]
    have = {p.province or p.words for p in places_in(name)}
    found = {p.province or p.words: p.words for p in places_in(window)}
    more = [words for place, words in found.items() if place not in have]
    if not more:
        return name
    where = " and ".join([", ".join(more[:-1]), more[-1]] if len(more) > 1 else more)
    return f"{name.rstrip(' ,.')}, in {where}"
