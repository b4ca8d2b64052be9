"""A statement's stance and topic from its own words, in English and in Khmer (issue 23, round
twenty-two): words of criticism or support first, else the speaker's side (an official's words
support the campaign, a rights group's criticise it); the topic from the codebook's subjects.

Every guess states a reason whose class corpus/confidence.yaml measures on the drafting keys; a
class under the field's threshold is left blank (a blank beats a wrong guess). Word lists are
hand-written (no model: the keys are a few hundred statements, too few to train one on); the
topics' words, a court's verdict and the staff of a prison or a centre are data
(corpus/statement_words.yaml, round thirty-three)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.khmer import cluster_bounded
from corpus.statement_words import statement_words
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
    if statement_words().staff.search(text):
        # Round thirty-three: a guard, a staff member or a nurse at a prison or a centre (an
        # office of the state, though a person inside the place) spoke of it critically on the
        # keys when no word said otherwise (corpus/statement_words.yaml detention_staff).
        return "staff"
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
    if verdict(said):  # a judge's finding takes no side, whatever words follow it
        return statement_words().verdict_stance, "a court's verdict"
    lists = statement_words()
    critical = [m.group(0) for m in (*_CRITICAL.finditer(said), *_CRITICAL_KM.finditer(said))]
    supportive = [m.group(0) for m in (*_SUPPORTIVE.finditer(said), *_SUPPORTIVE_KM.finditer(said))]
    # "A centre built for 300" (round thirty-three): words of the stance the data file gives.
    over = [m.group(0) for m in lists.over_capacity.finditer(said.lower())]
    (critical if lists.over_capacity_stance is Stance.critical else supportive).extend(over)
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
    if side == "staff":
        return statement_words().staff_stance, "no stance words: staff of a prison or a centre"
    return None, "no stance words"


#: A speech verb closing a speaker's apposition ("X, deputy director of rights group Y, said").
_SPEECH = re.compile(
    r"\b(?:said|says|told|added|urged|called|asked|wrote|stressed|noted|explained|warned|"
    r"suggested|proposed|argued|insisted|claimed|rejected|acknowledged|agreed)\b"
)


#: Khmer speech closes on "that" (បានថ្លែងថា, បានប្រាប់ថា, បញ្ជាក់ថា): the words said follow it.
#: Only a whole "ថា" ending its word, a space, a colon or a quotation mark after it (stop 49:
#: never the "ថា" inside "ស្ថាប័ន", an institution, nor the "that" glued to the next word after
#: a verb of thought, "សង្ស័យថាលក់", suspected of selling).
_THAT_KM = re.compile(cluster_bounded("ថា") + r"(?=[\s\u200b៖:«“\"]|$)[\s\u200b]*")


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
# The words of each topic, the words read as none or as others, and the publishing and verdict
# rules are data: corpus/statement_words.yaml (round thirty-three moved them from here).


def _topic_count(low: str, words: list[re.Pattern[str]]) -> int:
    """How many of a topic's words the text says, a word inside a longer one of the same topic
    not counted apart ("treat" in "treatment", "rehab" in "rehabilitation": one word, not two)."""
    spans = [(m.start(), m.end(), k) for k, w in enumerate(words) if (m := w.search(low))]
    return sum(
        not any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in spans) for s, e, _ in spans
    )


def _plain(said: str) -> str:
    """The words said, lower-cased, zero-width spaces off (Khmer words may carry them)."""
    return said.lower().replace("\u200b", "")


def verdict(said: str) -> bool:
    """Whether the words said open as a court's verdict does ("The evidence shows that ...",
    "ភស្តុតាងទាំងឡាយបង្ហាញ...": statement_words.yaml ``verdict``)."""
    return bool(statement_words().verdict.search(_plain(said).lstrip()))


def guess_topic(said: str) -> tuple[Topic | None, str]:
    """The topic whose words the statement says most, None when it says none (a tie is
    reported as such: its class is too unsure to fill); a court's verdict and a word of
    publishing figures decide first, and words asking a ministry to act decide when no topic
    word does (corpus/statement_words.yaml)."""
    lists = statement_words()
    if verdict(said):
        return lists.verdict_topic, "a court's verdict"
    low = lists.false_friends.sub(" ", _plain(said))
    low = lists.read_as_pattern.sub(lambda m: lists.read_as[m.group(0)], low)
    if lists.publishing.search(low):
        return lists.publishing_topic, "publishing figures"
    scores = {t: _topic_count(low, words) for t, words in lists.topics.items()}
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda t: scores[t])
    if not scores[best]:
        if lists.request_to_ministry.search(low):
            # Round thirty-five: words asking a ministry to act, naming no topic, are about
            # policy (5 of 5 blanks on the training keys, in 5 sets; statement_words.yaml).
            return lists.request_to_ministry_topic, "a request to a ministry"
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
