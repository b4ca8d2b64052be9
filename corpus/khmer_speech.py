"""Who says what in Khmer reporting: speech verbs, honorific titles, speakers and quotations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.khmer import cluster_bounded, fold_for_search, normalise, quotation_spans
from corpus.speech_verbs import speech_verbs
from data_model.records import StatementKind

#: Speech verbs after the speaker, from corpus/speech_verbs.yaml (a new one is a data change).
SPEECH_VERBS = speech_verbs("km", "speech")
#: "told reporters that": ប្រាប់ + whom + ថា.
_TOLD = r"ប្រាប់[^\s។]{0,30}?ថា"
#: "said at the start of this month that": ថ្លែង + a time (នៅ / កាលពី ...) + ថា.
_SAID_WHEN = r"(?:ថ្លែង|និយាយ|ប្រកាស|បញ្ជាក់)(?:នៅ|កាលពី)[^\s។«]{0,30}?ថា"

#: Honorific titles before a name; stripped to match a speaker by the name alone. Longest
#: first when matched, so លោកស្រី is not read as លោក + ស្រី.
TITLES = (
    "សម្តេចក្រឡាហោម", "សម្តេចតេជោ", "សម្តេចមហាបវរធិបតី", "សម្តេច", "ឯកឧត្តម", "លោកជំទាវ",
    "លោកឧត្តមសេនីយ៍ឯក", "លោកឧត្តមសេនីយ៍ទោ", "លោកឧត្តមសេនីយ៍ត្រី", "លោកឧត្តមសេនីយ៍",
    "ឧត្តមសេនីយ៍", "លោកវរសេនីយ៍ឯក", "លោកវរសេនីយ៍", "លោកស្រី", "អ្នកស្រី", "លោក", "កញ្ញា",
    # Ranks with their class (ឯក/ទោ/ត្រី, first/second/third) written without លោក: the class
    # word is the rank's, never the first word of the name ("ឧត្តមសេនីយ៍ឯក ម៉ុក ជីតូ").
    "នាយឧត្តមសេនីយ៍", "ឧត្តមសេនីយ៍ឯក", "ឧត្តមសេនីយ៍ទោ", "ឧត្តមសេនីយ៍ត្រី", "វរសេនីយ៍ឯក",
    "វរសេនីយ៍ទោ", "វរសេនីយ៍ត្រី", "វរសេនីយ៍", "អនុសេនីយ៍ឯក", "អនុសេនីយ៍ទោ",
    "អ្នកឧកញ៉ា", "ឧកញ៉ា", "ព្រះតេជព្រះគុណ", "ព្រះតេជគុណ",
    # The same ranks with លោក before them (round twenty-six c): "លោកវរសេនីយ៍ទោ ឡុង វណ្ណារិទ្ធ" is
    # Lieutenant-Colonel Long Vannarith, never a person named "ទោ ឡុង".
    "លោកវរសេនីយ៍ទោ", "លោកវរសេនីយ៍ត្រី", "លោកអនុសេនីយ៍ឯក", "លោកអនុសេនីយ៍ទោ", "លោកអនុសេនីយ៍ត្រី",
    "អនុសេនីយ៍ត្រី",
    # A doctor's title, with or without លោក (round twenty): "លោកវេជ្ជបណ្ឌិត ស៊ុន ដារ៉ា".
    "លោកវេជ្ជបណ្ឌិត", "លោកស្រីវេជ្ជបណ្ឌិត", "វេជ្ជបណ្ឌិត", "លោកបណ្ឌិត", "បណ្ឌិត",
    # A monk's pronoun-title ("ព្រះអង្គមានថេរដីកា", His Venerable said): the monk named before.
    "ព្រះអង្គ",
)  # fmt: skip

#: Words that open a role or an office after a name ("អ្នកនាំពាក្យ…" spokesperson of …).
ROLE_WORDS = (
    "អ្នកនាំពាក្យ", "ប្រធាន", "អនុប្រធាន", "រដ្ឋមន្ត្រី", "ឧបនាយករដ្ឋមន្ត្រី", "នាយករដ្ឋមន្ត្រី",
    "អគ្គ", "នាយ", "ស្នងការ", "មេ", "អភិបាល", "ក្រសួង", "អង្គការ", "មន្ត្រី", "អនុ", "លេខាធិការ",
    "ចៅក្រម", "ព្រះរាជអាជ្ញា", "មេធាវី", "សមាជិក", "អ្នក", "បាន", "សូម",
)  # fmt: skip

#: Bodies that speak in their own name ("ក្រសួងមហាផ្ទៃសូមជម្រាប…").
BODY_WORDS = (
    "ក្រសួង", "អង្គការ", "អាជ្ញាធរ", "ស្នងការដ្ឋាន", "នគរបាល", "តុលាការ", "រដ្ឋាភិបាល",
    "គណៈកម្មាធិការ", "មន្ទីរ", "សាលាដំបូង", "សមាគម", "ទីស្តីការគណៈរដ្ឋមន្ត្រី", "សហភាព",
)  # fmt: skip


def alternation(words: Sequence[str]) -> str:
    """Khmer words as one regex alternation, each normalised and escaped, the longest first (so
    a longer word wins over a shorter one it opens with)."""
    forms = {normalise(w).text for w in words}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


# Round twenty-six (c): a speech verb, then whom (told VOA), then where, when or how it was said,
# then "ថា" (that), its words on one line: "បានថ្លែងក្នុងសាលក្រមថា" (said in the verdict that),
# "បានប្រាប់វីអូអេ កាលពីថ្ងៃច័ន្ទថា" (told VOA on Monday that). The "where" word must follow the verb
# or its object: a verb alone far before a "ថា" is no attribution ("និយាយ" as "speaking of").
_SAID_HOW = (
    rf"(?:{alternation((*speech_verbs('km', 'after_quote'), 'ប្រកាស', 'ប្រាប់'))})"
    rf"(?:[^\s។«»]{{0,30}}?\s?)??(?:{alternation(speech_verbs('km', 'said_where'))})"
    r"[^។«»]{0,40}?ថា"
)
# Every speech word is matched on whole written clusters (stop 49): never inside a longer
# word's cluster, as "ថា" inside "ស្ថាប័ន" (an institution).
_VERB = re.compile(
    cluster_bounded(
        rf"(?:(?:បាន|សូម)\s?)?(?:{_SAID_WHEN}|{alternation(SPEECH_VERBS)}|{_TOLD}|{_SAID_HOW})"
    )
)
_TITLE = re.compile(alternation(TITLES))
#: The role words as normalised text, for ``str.startswith``: a "name" opening on one is an
#: office ("លោក អភិបាលរងខេត្ត"), no one's name. One tuple for every Khmer speaker reader.
ROLE_FORMS = tuple(normalise(w).text for w in ROLE_WORDS)
_BODY = tuple(normalise(w).text for w in BODY_WORDS)
_QUOTE_OPEN = re.compile(r"\s?[៖:]?\s?[\"«“]")
# "«...» លោកបានបន្ថែម។" (... he added): a quotation, then its speaker and a verb with no ថា.
_AFTER_QUOTE = re.compile(
    r"\s?(?P<who>[^«»\"“”។]{1,60}?)\s?(?P<verb>(?:ក៏\s?)?(?:បាន\s?)?"
    + cluster_bounded(alternation(speech_verbs("km", "after_quote")))
    + ")"
)
# Round twenty-four (c): "លោកថា ..." (he says ...), "នាងថា ..." (she says ...): a title or a
# pronoun standing alone at a sentence's start, then "ថា" with no verb before it, is speech.
# Only there: "ថា" after any other word is "that" ("ដឹងថា", knew that).
_BARE = re.compile(
    rf"^[\s\u200b]*(?P<who>{alternation(TITLES)}|គាត់|នាង)[\s\u200b]?(?:ក៏[\s\u200b]?)?(?P<verb>"
    + cluster_bounded("ថា")
    + ")"
)
# Round twenty-six (c): "«...» នេះជាការលើកឡើងរបស់លោក X" (... this is what Mr X raised): a quotation,
# then whose words they are, its speaker after them.
_QUOTE_OF = re.compile(
    rf"[\s។]?(?:នេះ|នោះ)?\s?ជា(?:{alternation(speech_verbs('km', 'speech_nouns'))})របស់\s?"
)
# "វរសេនីយ៍ឯក ហេង សុវណ្ណរិទ្ធ៖ «...»" (Colonel Heng Sovannarith: "..."): a speaker's label.
_LABEL = re.compile(r"៖\s?$")


@dataclass(frozen=True)
class Attribution:
    """A speech verb in a sentence and who it belongs to."""

    verb: str  # as normalised, e.g. បាននិយាយថា
    speaker: str | None  # a name without its title ("ស ខេង"), a body, or None if unknown
    title: str  # the title before the name ("លោក"), or ""
    kind: StatementKind  # direct when a quotation follows the verb
    pronoun: bool  # a title standing alone ("លោកបានបន្តថា"): the last named speaker
    start: int  # offsets of the verb in the sentence as written
    end: int
    quote: tuple[int, int] | None  # the quotation it introduces, marks excluded


def strip_title(phrase: str) -> str:
    """A name without the honorific titles before it: "ឯកឧត្តម ហេង សំណាង" → "ហេង សំណាង"."""
    name = normalise(phrase).text
    while m := _TITLE.match(name):
        name = name[m.end() :].lstrip()
    return name


def speaker_key(phrase: str) -> str:
    """What two spellings of a speaker share: title off, search-folded (spaces between Khmer
    letters and zero-width spaces gone), so "លោក ស ខេង" and "ស​ខេង" give one key."""
    return fold_for_search(strip_title(phrase))


def _at_word_start(text: str, i: int, breaks: frozenset[int]) -> bool:
    # Khmer vowel signs are not alphanumeric to Python: a letter or sign before the title
    # means it is the end of another word ("ពិភពលោក", the world, is no លោក).
    prev = text[i - 1] if i else " "
    letter = "\u1780" <= prev <= "\u17d3" or prev == "\u17dd" or prev.isalnum()
    return i in breaks or not letter


def _is_khmer(ch: str) -> bool:
    return "\u1780" <= ch <= "\u17ff"


def _name_after(rest: str) -> str:
    """The name right after a title: up to two space-separated words, before any role word."""
    words: list[str] = []
    for word in rest.split(" ")[:3]:
        if not word or word.startswith(ROLE_FORMS) or not _is_khmer(word[0]) or len(words) == 2:
            break
        # "លោក ប៉ែន សុធី៖ ខ្ញុំស្នើ ..." (a transcript's label): the colon ends the name.
        words.append(word.split("៖")[0])
        if "៖" in word:
            break
    return " ".join(w for w in words if w)


_PARTICLE = re.compile("^(?:" + alternation(("ក៏", "ផងដែរ", "ដដែល")) + r")\s?$")
# "ថា" (said) as a word of its own right after a title: the title alone is the speaker.
_SAID = re.compile(cluster_bounded("ថា") + r"(?:[\s៖:,]|$)")
_PARTICLE_END = re.compile(r"(?<=[\u1780-\u17ff])ក៏$")


def _to_break(name: str, text: str, after: int, breaks: frozenset[int]) -> str:
    """A two-word name cut at the zero-width space inside its last word (round twenty-eight):
    in "ញឹម សុវណ្ណារ៉ា" + a zero-width space + "អគ្គលេខាធិការរង" the role follows the name with
    no space between, only the invisible one, which normalising took out."""
    start = text.find(name, after)
    space = name.find(" ")
    if start < 0 or space < 0:
        return name
    # The cut keeps two letters of the last word at least and leaves a word after it (six
    # letters or more: a role, never the last syllable of a name typed with a break in it).
    inside = [b - start for b in breaks if start + space + 2 < b <= start + len(name) - 6]
    return name[: min(inside)] if inside else name


def _speaker(prefix: str, breaks: frozenset[int]) -> tuple[str | None, str, bool]:
    """(name, title, pronoun) of the speaker in the words before a speech verb."""
    titles = [m for m in _TITLE.finditer(prefix) if _at_word_start(prefix, m.start(), breaks)]
    if titles:
        last = titles[-1]
        # "លោកក៏បាន..." (he also ...): a particle after the title is no name; the title stands
        # alone for the last person named.
        rest = _PARTICLE.sub("", prefix[last.end() :].strip())
        if _SAID.match(rest):
            # "លោកថា ... ប៉ុន្តែលោកមិនយល់ស្រប" (he said ..., but he disagreed): the title and
            # "ថា" (said) are the last person named, never a person called "ថា" (round 35).
            return None, last.group(), True
        name = _name_after(rest)
        if name:
            return _to_break(name, prefix, last.end(), breaks), last.group(), False
        if not rest:
            return None, last.group(), True
    # "ស្នងការដ្ឋានក៏បានអំពាវនាវ" (the commissariat also appealed): the particle is no part of
    # the body's name.
    tail = _PARTICLE_END.sub("", re.split(r"[\s៖:,]", prefix.rstrip())[-1])
    if tail.startswith(_BODY):
        return tail, "", False
    return None, "", False


def find_attributions(sentences: Sequence[str]) -> list[list[Attribution]]:
    """Per sentence, its speech verbs with their speakers; a title alone ("លោកបានបន្ថែមថា")
    is the last speaker named before it, in this sentence or an earlier one."""
    out: list[list[Attribution]] = []
    last_named: str | None = None
    for sentence in sentences:
        norm = normalise(sentence)
        text = norm.text
        quotes = quotation_spans(text)
        found: list[Attribution] = []
        verbs = list(_VERB.finditer(text))
        bare = _BARE.match(text)
        if bare and not verbs:
            verbs = [bare]
        for m in verbs:
            if any(a < m.start() < b for a, b in quotes):
                continue  # a verb inside a quotation is the speaker's words, not an attribution
            name, title, pronoun = _speaker(text[: m.start()], norm.breaks)
            if m is bare and m.group("who") in ("គាត់", "នាង"):
                # "គាត់ថា" (he/she says): a plain pronoun may be anyone described before, a
                # mother as well as the official named last: the speaker is left unknown.
                name, title, pronoun = None, "", False
            elif m is bare:  # "លោកថា": the title alone, the last titled person named
                name, title, pronoun = None, m.group("who"), True
            if pronoun:
                name = last_named
            elif name and title:
                last_named = name
            opens = _QUOTE_OPEN.match(text, m.end())
            quote = None
            if opens:
                q = next(((a, b) for a, b in quotes if a == opens.end() - 1), None)
                if q and q[1] - q[0] > 2:
                    quote = norm.offsets.span(
                        q[0] + 1, q[1] - 1 if text[q[1] - 1] in '"»”' else q[1]
                    )
            kind = StatementKind.direct if quote else StatementKind.reported
            verb = "verb" if m is bare else 0
            a, b = norm.offsets.span(m.start(verb), m.end(verb))
            found.append(Attribution(m.group(verb), name, title, kind, pronoun, a, b, quote))
        taken = [a.quote for a in found if a.quote]
        for qa, qb in quotes:
            inner = norm.offsets.span(qa + 1, qb - 1 if text[qb - 1] in '"»”' else qb)
            if qb - qa <= 2 or inner in taken:
                continue
            # A quotation whose speaker stands after it ("«...» លោកបានបន្ថែម") or before it
            # as a label ("លោក X៖ «...»"): the speaker, by title and name, or a title alone.
            after = _AFTER_QUOTE.match(text, qb)
            label = _LABEL.search(text, 0, qa)
            if (of := _QUOTE_OF.match(text, qb)) and (who := _TITLE.match(text, of.end())):
                name = _name_after(re.split("[។,៖]", text[who.end() :])[0].strip()) or None
                if name:
                    last_named = name
                a, b = norm.offsets.span(of.start(), of.end())
                found.append(Attribution(text[of.start() : of.end()].strip(), name or last_named,
                                         who.group(), StatementKind.direct, not name, a, b,
                                         inner))  # fmt: skip
                continue
            if after is not None:
                cut, verb = after.start("verb"), after.group("verb")
            elif label is not None:
                cut, verb = label.start(), "៖"
            else:
                continue
            name, title, pronoun = _speaker(text[:cut], norm.breaks)
            if not title or (after is not None and not _TITLE.search(after.group("who"))):
                continue  # no titled speaker beside it: whose words they are is unknown
            if pronoun:
                name = last_named
            elif name:
                last_named = name
            a, b = norm.offsets.span(cut, cut + len(verb))
            found.append(Attribution(verb, name, title, StatementKind.direct, pronoun, a, b,
                                     inner))  # fmt: skip
        out.append(found)
    return out


def first_speech_verb(sentence: str) -> str | None:
    """The first Khmer speech verb of a sentence, as normalised, or None (for coverage)."""
    if not any("\u1780" <= c <= "\u17ff" for c in sentence):
        return None
    m = _VERB.search(normalise(sentence).text)
    return m.group() if m else None
