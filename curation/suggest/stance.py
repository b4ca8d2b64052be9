"""A statement's stance and topic from its own words, in English and in Khmer (issue 23, round
twenty-two): words of criticism or support first, else the speaker's side (an official's words
support the campaign, a rights group's criticise it); the topic from the codebook's subjects.

Every guess states a reason whose class corpus/confidence.yaml measures on the drafting keys; a
class under the field's threshold is left blank (a blank beats a wrong guess). Word lists are
hand-written (no model: the keys are a few hundred statements, too few to train one on)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from data_model.records import Stance, Topic

# --- the speaker's side ----------------------------------------------------------------------

#: The side a speaker's words (name, role, organisation) put them on, tried in order: a rights
#: group's lawyer is on the rights group's side, a police general on the government's.
_SIDES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ngo",
        re.compile(
            r"\b(?:rights?\b|licadho|adhoc|cchr|ngo|charity|coalition|civil society|activist|"
            r"human rights watch|amnesty|alliance|harm reduction|khana|advocacy|defen[cs]e lawyer|"
            r"opposition)",
            re.I,
        ),
    ),  # fmt: skip
    (
        "government",
        re.compile(
            r"\b(?:police|gendarm\w*|military|commissioner|general|lieutenant|colonel|major|"
            r"minist\w*|government|governor|authority|nacd|secretary|spokes\w*|official|"
            r"department|prosecutor|prime minister|premier|samdech|deputy|commune chief|"
            r"district chief|village chief|council|administration|customs|anti-drug)\b",
            re.I,
        ),
    ),  # fmt: skip
)
#: The same in Khmer: a rights group or a lawyer; an official, an officer, a body of the state.
_SIDES_KM: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ngo", re.compile(r"សិទ្ធិមនុស្ស|លីកាដូ|អាដហុក|មេធាវី|សង្គមស៊ីវិល|អង្គការមិនមែនរដ្ឋាភិបាល")),
    (
        "government",
        re.compile(
            r"ឯកឧត្តម|ឧត្តមសេនីយ៍|វរសេនីយ៍|សម្តេច|សម្ដេច|ស្នងការ|អភិបាល|នគរបាល|ក្រសួង|រដ្ឋមន្ត្រី|"
            r"អាជ្ញាធរ|មន្ទីរ|អធិការ|ព្រះរាជអាជ្ញា|មេឃុំ|មេភូមិ|មន្ត្រី|រាជរដ្ឋាភិបាល|"
            r"អគ្គលេខាធិការ|អគ្គស្នងការ|ប៉ុស្តិ៍"
        ),
    ),  # fmt: skip
)
#: Staff of a body, though their office is not named: not a person speaking for themselves.
_STAFF = re.compile(r"\b(?:guard|clerk|staff|officer|worker|employee|member|diplomat)s?\b", re.I)
#: The actor types of the codebook (actors.actor_type) that are a side.
_TYPED = {"government": "government", "police": "government", "ngo": "ngo"}


def speaker_side(
    actor_type: str | None, words: Iterable[str], named: bool = True, unnamed: bool = False
) -> str | None:
    """The speaker's side ("government", "ngo" or, for an ``unnamed`` source holding no office,
    "unnamed"), None when none: the curated actor's type, else the first side the words
    describing the speaker name (English, then Khmer). An official
    who asks not to be named is on no side: off the record, officials criticised the campaign
    as often as they backed it on the drafting keys."""
    if actor_type in _TYPED:
        return _TYPED[actor_type]
    text = " ".join(w for w in words if w)
    side = next((s for s, pattern in (*_SIDES, *_SIDES_KM) if pattern.search(text)), None)
    if side is None and unnamed and not _STAFF.search(text):
        # Round twenty-three (c): a person who will not be named and holds no office (a
        # mother, a former detainee, a neighbour) spoke of the campaign critically 27 times
        # in 36 on the keys, in 13 sets.
        return "unnamed"
    return None if side == "government" and not named else side


# --- stance ----------------------------------------------------------------------------------

#: Words that criticise the campaign as carried out, or ask it to change course (a
#: recommendation is coded by what it says of the campaign: methodology "Stances").
_CRITICAL = re.compile(
    r"\b(?:not the answer|no doctors?|afraid|abuse\w*|die[ds]?|death|fail\w*|"
    r"overcrowd\w*|critici\w*|concern\w*|worr\w*|should not|wrong|unheard|"
    r"release|locked up|lock them|lock(?:s|ing)? (?:\w+ )?up|compulsory|involuntary|forced|"
    r"independent\w*|monitor\w*|urged? the (?:government|courts?|ministry|authorities)|"
    r"arbitrar\w*|torture\w*|bribe\w*|small[- ]time|small users|"
    r"only users|poor|alone (?:did|does|do) not|"
    r"will not help|not treating|no treatment|without (?:a )?(?:trial|lawyer|test|charge)|"
    r"(?:not|n't) (?:\w+ )?enough|detention|"
    r"wait(?:ed|ing)? (?:\w+ )?(?:months|years)|end (?:the )?(?:compulsory|detention|"
    r"involuntary)|clos(?:e|ed|ing) the cent(?:re|er)s?|(?:doctors?|care|treatment|clinics?), "
    r"not (?:judges?|prisons?|cells|police|detention|punishment|jail))\b",
    re.I,
)
_SUPPORTIVE = re.compile(
    r"\b(?:will not stop|success\w*|welcome\w*|effective|free of drugs|drug-free|prais\w*|"
    r"would go to prison|more raids|progress|will continue|would continue|continue to|"
    r"determin\w*|committed|strengthen\w*|crack(?:ed|ing)? down|will find|results?|"
    r"broken|dismantl\w*|will not (?:tolerate|forgive)|no room|priority|backed|support(?:s|ed)?|"
    r"agree[sd]?|achiev\w*|going after|will be punished|tough|plans? to|planned to|next year|"
    r"(?:will|to) open|expand\w*)\b",
    re.I,
)

#: Khmer words of criticism ("criticised", "forced", "overcrowded", "afraid", "abuse", "not
#: enough") and of support ("will continue", "will not stop", "success", "support", "priority",
#: "expand", "next year": the English lists' words, round twenty-four (c)).
_CRITICAL_KM = re.compile(
    r"រិះគន់|បង្ខំ|ណែនណាន់|ខ្លាច|រំលោភ|បារម្ភ|ព្រួយបារម្ភ|មិនគួរ|"
    r"ស្លាប់|វាយដំ|ធ្វើទារុណកម្ម|បរាជ័យ|គ្មានគ្រូពេទ្យ|ដោះលែង|មិនគ្រប់គ្រាន់"
)
_SUPPORTIVE_KM = re.compile(
    r"នឹងបន្ត|មិនឈប់|ជោគជ័យ|គាំទ្រ|អាទិភាព|មិនអនុគ្រោះ|ប្តេជ្ញា|ប្ដេជ្ញា|ពង្រឹង|បង្ក្រាប|"
    r"លទ្ធផលល្អ|សម្រេចបាន|ស្វាគមន៍|ពង្រីក|ឆ្នាំក្រោយ"
)


def guess_stance(said: str, side: str | None) -> tuple[Stance | None, str]:
    """The stance of a statement from its own words (``said``, the speaker's name and
    apposition off), else from the speaker's side; None when neither tells."""
    critical = [m.group(0) for m in (*_CRITICAL.finditer(said), *_CRITICAL_KM.finditer(said))]
    supportive = [m.group(0) for m in (*_SUPPORTIVE.finditer(said), *_SUPPORTIVE_KM.finditer(said))]
    if critical and supportive:
        return Stance.mixed, "words of both"
    if critical:
        return Stance.critical, f"from {critical[0]!r}"
    if supportive:
        return Stance.supportive, f"from {supportive[0]!r}"
    if side == "government":
        return Stance.supportive, "no stance words: a government speaker"
    if side == "ngo":
        return Stance.critical, "no stance words: a rights group's or a lawyer's speaker"
    if side == "unnamed":
        return Stance.critical, "no stance words: an unnamed person, no official"
    return None, "no stance words"


#: A speech verb closing a speaker's apposition ("X, deputy director of rights group Y, said").
_SPEECH = re.compile(
    r"\b(?:said|says|told|added|urged|called|asked|wrote|stressed|noted|explained|warned|"
    r"suggested|proposed|argued|insisted|claimed|rejected|acknowledged|agreed)\b"
)


#: Khmer speech closes on "that" (បានថ្លែងថា, បានប្រាប់ថា, បញ្ជាក់ថា): the words said follow it.
_THAT_KM = re.compile(r"ថា[\s\u200b]*")


def said_words(quote: str, name: str | None) -> str:
    """What a statement says, its speaker off: the words after the speaker's name and the
    speech verb closing its apposition ("Rights worker X, of the rights group Y, said ..." is
    not about rights), in Khmer after the "that" closing the speaker's words; else the quote
    whole."""
    if (that := _THAT_KM.search(quote)) and that.start() < 200:
        return quote[that.end() :]
    if not name or name not in quote:
        return quote
    after = quote.split(name, 1)[-1]
    verb = _SPEECH.search(after)
    return after[verb.end() :] if verb and verb.start() < 160 else after


# --- topic -----------------------------------------------------------------------------------

#: Words naming each topic of the codebook (data_model.records.Topic: its labels and what the
#: keys file under each), English then Khmer; a word counts once per statement. A border is
#: where, not what (round twenty-four (c): "border", "ព្រំដែន" as the deciding word gave 3 right
#: arrests topics for 11 wrong, the campaign's or a policy's said at the border).
_TOPIC_WORDS: dict[Topic, tuple[str, ...]] = {
    Topic.funding: (
        "fund",
        "budget",
        "dollar",
        "donor",
        "pays",
        "pay the",
        "salar",
        "allowance",
        "ថវិកា",
        "មូលនិធិ",
    ),
    Topic.rights: (
        "custody",
        "dead",
        "beaten",
        "beat",
        "torture",
        "extort",
        "bribe",
        "reprisal",
        "lawyer",
        "រំលោភ",
        "ស្លាប់",
        "វាយដំ",
        "មេធាវី",
    ),
    Topic.prisons: (
        "prison",
        "inmate",
        "cells",
        "pre-trial",
        "overcrowd",
        "ពន្ធនាគារ",
        "អ្នកទោស",
        "បន្ទប់ឃុំ",
    ),
    Topic.rehabilitation: (
        "rehabilitation",
        "rehab",
        "centre",
        "center",
        "beds",
        "ស្តារនីតិសម្បទា",
        "មណ្ឌល",
    ),
    Topic.treatment: (
        "treatment",
        "treat",
        "clinic",
        "methadone",
        "health",
        "nurse",
        "counsel",
        "voluntary",
        "community-based",
        "patient",
        "care",
        "services",
        "ព្យាបាល",
        "សុខភាព",
        "ពេទ្យ",
        "ស្ម័គ្រចិត្ត",
    ),
    Topic.arrests: (
        "arrest",
        "raid",
        "trafficker",
        "dealer",
        "seller",
        "smuggl",
        "network",
        "bosses",
        "ចាប់ខ្លួន",
        "ឃាត់ខ្លួន",
        "ជនសង្ស័យ",
        "ដកហូត",
    ),
    Topic.prevention: (
        "prevent",
        "awareness",
        "school",
        "youth",
        "young people",
        "parents",
        "children",
        "students",
        "teach",
        "sport",
        "បង្ការ",
        "ទប់ស្កាត់",
        "យុវជន",
        "សាលា",
        "ឪពុកម្តាយ",
        "មាតាបិតា",
        "ផ្សព្វផ្សាយ",
        "សិស្ស",
        "អំពាវនាវ",
    ),
    Topic.policy: ("amend", "reform", "justice", "គោលនយោបាយ"),
    Topic.campaign: ("campaign", "drug-free", "war on drugs", "crackdown", "បង្ក្រាប"),
}
#: Longer words holding a topic's word that mean something else (round twenty-four (c)): a
#: guardian ("អាណាព្យាបាល" holds "ព្យាបាល", treat), a court or a hall ("សាលាដំបូង", court of first
#: instance, and "សាលាឃុំ", commune hall, hold "សាលា", school), a council ("ក្រុមប្រឹក្សា"),
#: "healthy". A guardian is read as the parents are (prevention).
_FALSE_FRIENDS = re.compile(
    r"សាលាដំបូង|សាលាឧទ្ធរណ៍|សាលាឃុំ|សាលាសង្កាត់|សាលាក្រុង|សាលាខេត្ត|សាលាស្រុក|ក្រុមប្រឹក្សា|"
    r"\bhealth(?:y|ier)\b"
)
_GUARDIAN = re.compile(r"អាណាព្យាបាល")
#: A health centre is a place of treatment, not a centre of rehabilitation.
_HEALTH_CENTRE = re.compile(r"health cent(?:re|er)s?|មណ្ឌលសុខភាព", re.I)
#: Publishing figures is what a statement on the campaign's data asks or promises: that is its
#: subject (policy) whatever the figures count ("publish how many were sent to treatment").
_PUBLISH = re.compile(r"(?<![a-z])publish|ផ្សព្វផ្សាយតួលេខ|បោះពុម្ពផ្សាយ")
_WORDS = {
    t: [re.compile(rf"(?<![a-z]){re.escape(w)}" if w.isascii() else re.escape(w)) for w in ws]
    for t, ws in _TOPIC_WORDS.items()
}


def _topic_count(low: str, words: list[re.Pattern[str]]) -> int:
    """How many of a topic's words the text says, a word inside a longer one of the same topic
    not counted apart ("treat" in "treatment", "rehab" in "rehabilitation": one word, not two)."""
    spans = [(m.start(), m.end(), k) for k, w in enumerate(words) if (m := w.search(low))]
    return sum(
        not any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in spans) for s, e, _ in spans
    )


def guess_topic(said: str) -> tuple[Topic | None, str]:
    """The topic whose words the statement says most, None when it says none (a tie is
    reported as such: its class is too unsure to fill)."""
    low = _GUARDIAN.sub("មាតាបិតា", _FALSE_FRIENDS.sub(" ", said.lower().replace("\u200b", "")))
    low = _HEALTH_CENTRE.sub("health", low)
    if _PUBLISH.search(low):
        return Topic.policy, "publishing figures"
    scores = {t: _topic_count(low, words) for t, words in _WORDS.items()}
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda t: scores[t])
    if not scores[best]:
        return None, "no topic word"
    if ranked[0] == ranked[1]:
        # Two topics as often: right 44% of the time on the keys, under the threshold.
        return best, "words of two topics as often"
    return best, "from the words"


def attribution(body: str, quote: str, name: str | None) -> str:
    """The words of a quotation's sentence outside it ('..., said Sok Lina, a lawyer with the
    rights group Licadho.'), when they name the speaker: where a trailing apposition describes
    who spoke. Empty when the quotation is not found or its sentence does not name them."""
    at = body.find(quote[:60]) if quote and name else -1
    if at < 0:
        return ""
    line_start = body.rfind("\n", 0, at) + 1
    head = re.split(r"(?<=[.!?])\s+", body[line_start:at])[-1]
    tail = re.split(r"(?<=[.!?])\s+|\n", body[at + len(quote) : at + len(quote) + 240])[0]
    # The tail's first piece may close the quotation ('," said ...'): the rest is the sentence.
    if len(tail) < 4:
        rest = body[at + len(quote) : at + len(quote) + 240]
        tail = re.split(r"(?<=[.!?])\s+|\n", rest[len(tail) :].lstrip())[0]
    words = f"{head} {tail}"
    return words if name in words else ""
