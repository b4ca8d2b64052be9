"""An unnamed source named by a plural head that opens its sentence (issue 23, round
twenty-seven (a)): "Relatives of young men held at the centre say ...", "Officials at two
provincial courts told ...": people described in the article's words, no article before them,
what places them after them; the word lists are data (corpus/speech_verbs.yaml)."""

from __future__ import annotations

import re

from corpus.speech_verbs import speech_verbs

_HEADS = frozenset(speech_verbs("en", "plural_people"))
_PLACED_BY = frozenset(speech_verbs("en", "plural_people_placed_by"))
#: An adjective or a count may stand before the head: "Former detainees", "Two nurses".
_BEFORE_HEAD = 2
#: How long the description may run to its verb (as a described singular source may).
_MOST_WORDS = 28
#: A stop, a colon or a quotation inside the description: it is no one subject.
_BROKEN = re.compile(r"[.;:!?“”\"]")
#: A conjunction joins a second clause ("Officials in Kampot arrested 12 people and told ..."):
#: what stands before the verb is then no description alone.
_JOINED = frozenset(("and", "but", "or", "then", "after", "before", "while", "when"))


def plural_source(tokens: list[str]) -> str | None:
    """The description when ``tokens`` (a whole sentence's words before its speech verb) open
    on a plural head of people, with at most two words before it, placed by the word after it
    ("of", "at", "held", ...), and run to the verb with no stop or comma; else None. A comma
    ends it ("Officials, who ..." is read as an apposition elsewhere), and so does a conjunction."""
    if not tokens or len(tokens) > _MOST_WORDS or not tokens[0][:1].isupper():
        return None
    if any(_BROKEN.search(t) or t.endswith(",") for t in tokens):
        return None
    low = [t.lower().strip("’'") for t in tokens]
    if _JOINED & set(low):
        return None
    head = next((k for k in range(min(_BEFORE_HEAD + 1, len(low))) if low[k] in _HEADS), None)
    if head is None or head + 1 >= len(low) or low[head + 1] not in _PLACED_BY:
        return None
    return " ".join(tokens)
