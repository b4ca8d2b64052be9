"""Transcript turns: a paragraph opening on a speaker's label is that speaker's own words.

A question-time record, a Q&A, a radio call-in or a live blog gives its speakers as labels
("MS CHHORN SREYLEAK (Kampong Thom): ...", "A listener from Kandal - ...") and no speech verb
or quotation mark. Each labelled paragraph, and the unlabelled paragraphs after it up to the next
label, is a turn of that speaker. Which labels are unnamed speakers ("Caller") and which run the
session ("THE CHAIR", "Host") is data (corpus/speech_verbs.yaml); names are matched to curated
actors later, as any speaker's are (records._actor: exact, then fuzzy and flagged).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from corpus.khmer import ZERO_WIDTH, has_khmer, normalise
from corpus.khmer_speech import TITLES
from corpus.sentences import paragraphs
from corpus.speech_verbs import speech_verbs
from curation.suggest.speakers import Speaker, _title


class _Spanned(Protocol):
    """A sentence of either language: where it starts in the body, and its words."""

    start: int
    text: str


# "LABEL (description): words", "LABEL - words": a label of up to eight words, then its words.
_LABEL = re.compile(
    r"^(?P<label>[^\W\d_][^:\n–—()]{0,70}?)\s*(?P<desc>\([^()\n]{1,160}\))?\s*"
    r"(?::|\s[–—-]\s)\s*(?=\S)"
)
_ARTICLE = re.compile(r"^(?:a|an|the|one|another)\s+", re.I)
# A turn's sentence of fewer words is a courtesy or a cue ("Thank you, honourable member.").
MIN_WORDS = 5
_MAX_LABEL_WORDS = 8


# Khmer: "ឯកឧត្តម កែ គឹមយ៉ាន៖", "អ្នកស្តាប់ពីខេត្តតាកែវ (សុំមិនប្រាប់ឈ្មោះ)៖": a label before "៖".
# A live's summary puts a time code before the label ("[០០:៤២] ឯកឧត្តមស្នងការ៖ «...»").
_KM_LABEL = re.compile(
    r"^(?:\[[^\]\n]{1,12}\]\s?)?(?P<label>[^\n៖:«»\"“”។()\[\]]{1,60}?)\s?"
    r"(?P<desc>\([^()\n]{1,80}\))?\s?៖\s?(?=\S)"
)
_KM_TITLE = tuple(sorted((normalise(t).text for t in TITLES), key=len, reverse=True))
# The interviewee an "Answer:" label stands for.
ANSWER = Speaker("answer", "answer", named=False, pronoun=True)


@cache
def _vocabulary(language: str, role: str) -> tuple[str, ...]:
    words = speech_verbs(language, role)
    if language == "km":
        return tuple(sorted((normalise(w).text for w in words), key=len, reverse=True))
    return tuple(sorted(words, key=len, reverse=True))


def _starts_with(text: str, words: tuple[str, ...]) -> bool:
    low = _ARTICLE.sub("", text.strip().lower())
    return any(low == w or low.startswith(w + " ") for w in words)


def _name_case(token: str) -> str:
    """ "SREYLEAK" -> "Sreyleak": a name written in capitals, as the codebook spells names."""
    return token.capitalize() if token.isupper() and len(token) > 1 else token


@dataclass(frozen=True)
class Label:
    """A turn's label: its speaker (None for whoever runs the session) and its length."""

    speaker: Speaker | None
    length: int  # characters of the label and its colon or dash, from the paragraph's start


def read_label(text: str) -> Label | None:
    """The speaker label a paragraph opens on, or None when it opens on anything else
    ("On treatment: ...", "Related: ...", "Photo: ..." are no speakers)."""
    m = _LABEL.match(text)
    if m is None:
        return None
    label, desc = m.group("label").strip(), (m.group("desc") or "").strip()
    tokens = label.split()
    if not tokens or len(tokens) > _MAX_LABEL_WORDS:
        return None
    if label.lower() in _vocabulary("en", "label_answer"):
        return Label(ANSWER, m.end())
    if _starts_with(label, _vocabulary("en", "label_procedure")):
        return Label(None, m.end())
    phrase = f"{label} {desc}".strip()
    if _starts_with(label, _vocabulary("en", "label_unnamed")):
        return Label(Speaker(phrase, phrase, named=False), m.end())
    # A person's label: capitalised words only ("H.E. GEN. MEAS VIRITH", "Sok Piseth"), a
    # title before a name or a name of two words at least; after a bare name a dash is a
    # dateline's ("PHNOM PENH – ..."), a label's only after a title.
    if not all(t[0].isupper() for t in tokens):
        return None
    if not text[: m.end()].rstrip().endswith(":") and not any(_title(t) for t in tokens):
        return None
    cut = max((k + 1 for k, t in enumerate(tokens) if _title(t)), default=0)
    name = [_name_case(t.strip(".,")) for t in tokens[cut:]]
    if not name or (cut == 0 and len(name) < 2):
        return None
    if {t.lower() for t in name} & set(_vocabulary("en", "label_furniture")):
        return None  # "BREAKING NEWS:", "EDITOR'S NOTE:", "KEY POINTS:": page furniture
    # "Chhorn Sreyleak, Kampong Thom": the name as the codebook writes names, then the label's
    # description, which a new actor's draft reads as the role.
    whole = " ".join(name)
    return Label(
        Speaker(", ".join([whole, desc.strip("()")]) if desc else whole, whole, True), m.end()
    )


def read_khmer_label(text: str) -> Label | None:
    """The speaker label a Khmer paragraph opens on ("ឯកឧត្តម កែ គឹមយ៉ាន៖"), or None: a titled
    name, an unnamed speaker or whoever runs the show, by the same data as English."""
    m = _KM_LABEL.match(text)
    if m is None:
        return None
    label = normalise(m.group("label")).text.strip(ZERO_WIDTH + " ")
    desc = (m.group("desc") or "").strip()
    if label in _vocabulary("km", "label_answer"):
        return Label(ANSWER, m.end())
    if label.startswith(_vocabulary("km", "label_procedure")):
        return Label(None, m.end())
    phrase = f"{label} {desc}".strip()
    if label.startswith(_vocabulary("km", "label_unnamed")):
        return Label(Speaker(phrase, phrase, named=False), m.end())
    if any(v in label for v in _vocabulary("km", "after_quote")):
        return None  # "លោក X បានមានប្រសាសន៍៖ «...»" (X said: "..."): a speech verb, no label
    if label.startswith(_KM_TITLE) and len(label.split()) <= 4:
        return Label(Speaker(phrase, label, named=True), m.end())
    return None


@dataclass
class Turns:
    """The sentences spoken in turns: each one's speaker, and where its label ends."""

    speaker: dict[int, Speaker] = field(default_factory=dict)  # sentence -> who speaks it
    procedure: set[int] = field(default_factory=set)  # sentences of whoever runs the session
    label_end: dict[int, int] = field(default_factory=dict)  # sentence -> chars of its label
    labels: dict[int, str] = field(default_factory=dict)  # sentence -> the label as written


def find_turns(
    body: str,
    sentences: Sequence[_Spanned],
    khmer: bool = False,
    interviewee: Callable[[str], Speaker | None] | None = None,
) -> Turns:
    """The turns of a transcript: only where two paragraphs or more open on labels (one label
    is a heading, not a transcript). A turn runs to the next label, or to a bracketed note
    ("[Session adjourned]"; a time code opening a line is no note); paragraphs after the last label belong to no turn. An answer's
    label is the person ``interviewee`` finds in the words before the first label."""
    paras = paragraphs(body)
    read = read_khmer_label if khmer else read_label
    labels = [read(text.lstrip(ZERO_WIDTH + " ")) for _, text in paras]
    first = next((k for k, lab in enumerate(labels) if lab is not None), None)
    if first is not None and any(lab is not None and lab.speaker is ANSWER for lab in labels):
        who = interviewee(body[: paras[first][0]]) if interviewee else None
        labels = [
            lab if lab is None or lab.speaker is not ANSWER else (Label(who, lab.length) if who
                                                                  else None)
            for lab in labels
        ]  # fmt: skip
    turns = Turns()
    labelled = [k for k, lab in enumerate(labels) if lab is not None]
    if len(labelled) < 2 or all(labels[k].speaker is None for k in labelled):
        return _signed(paras, sentences) if not khmer else turns
    starts = [s for s, _ in paras]
    owner: dict[int, int] = {}  # paragraph -> the labelled paragraph whose turn it is
    for n, k in enumerate(labelled):
        end = labelled[n + 1] if n + 1 < len(labelled) else k + 1
        for j in range(k, end):
            note = paras[j][1].strip(ZERO_WIDTH + " ")
            if j > k and note.startswith("[") and note.endswith("]"):
                break
            owner[j] = k
    for i, s in enumerate(sentences):
        p = bisect.bisect_right(starts, s.start) - 1
        if p not in owner:
            continue
        label = labels[owner[p]]
        if p == owner[p] and s.start - paras[p][0] < label.length:
            # The label's own sentence: its words start after the colon.
            lead = len(paras[p][1]) - len(paras[p][1].lstrip(ZERO_WIDTH + " "))
            turns.label_end[i] = max(0, paras[p][0] + lead + label.length - s.start)
            turns.labels[i] = paras[p][1][lead : lead + label.length].rstrip(" :-–—៖")
        if label.speaker is None:
            turns.procedure.add(i)
        else:
            turns.speaker[i] = label.speaker
    return turns


# "— Sok Channary, Ek Phnom district, Battambang": a letter's signature on a line of its own
# below the letter, a dash, a name of two to four capitalised words, then who they are.
_SIGNATURE = re.compile(
    r"^[—–]\s*(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s*(?:,\s*(?P<desc>[^\n]{1,160}))?$"
)


def _signed(paras: Sequence[tuple[int, str]], sentences: Sequence[_Spanned]) -> Turns:
    """A letters page's turns (round ten): where two paragraphs or more are signature lines,
    the stopped paragraphs since the signature before are that signer's own words (a letter's
    heading, a line with no stop, is no part of them); the signature line gives nothing."""
    turns = Turns()
    signed = {k: m for k, (_, text) in enumerate(paras) if (m := _SIGNATURE.match(text.strip()))}
    if len(signed) < 2:
        return turns
    owner: dict[int, Speaker] = {}
    before = -1
    for k, m in sorted(signed.items()):
        name = m.group("name").strip()
        desc = (m.group("desc") or "").strip()
        who = Speaker(f"{name}, {desc}" if desc else name, name, named=True)
        for j in range(before + 1, k):
            if re.search(r"[.!?][”\"’']?\s*$", paras[j][1]):
                owner[j] = who
        before = k
    starts = [s for s, _ in paras]
    for i, sentence in enumerate(sentences):
        p = bisect.bisect_right(starts, sentence.start) - 1
        if p in signed:
            turns.procedure.add(i)
        elif p in owner:
            turns.speaker[i] = owner[p]
    return turns


def turn_words(sentence: _Spanned, turns: Turns, i: int) -> str:
    """What the speaker says in sentence ``i``, its label cut off."""
    return sentence.text[turns.label_end.get(i, 0) :].strip()


def turn_statement(words: str) -> bool:
    """Whether a turn's sentence states something: no question, no courtesy or cue."""
    words = words.strip(ZERO_WIDTH + " ")
    if words.endswith(("?", "?")):
        return False
    # Khmer writes no spaces between words: its length in letters stands for its words.
    return len(words.split()) >= MIN_WORDS or (has_khmer(words) and len(words) >= 20)
