"""A figure given by a role alone ("..., the provincial police chief said"), its source the
person the article names next as a speaker (round twenty-nine, issue 23).

A news story's first sentence often gives its figures to a role ("the provincial police chief
said yesterday") and names the holder in the next sentence or two ("Brigadier General NAME, who
has led the province's police since 2015, said ..."): the keys code the figure to that person.
Only a role with a definite article and no name is read so; the first speaker named in the
next few sentences is taken, never a pronoun or an unnamed source.
"""

from __future__ import annotations

import re

from corpus.sentences import sentences as corpus_sentences
from curation.suggest.speakers import Speaker, speaker_in

# "the provincial police chief said", "the province's deputy police chief said", "the district
# governor told", "the provincial police commissioner said": one office-holder named by the
# office alone.
_ROLE_SAID = re.compile(
    r"\bthe\s+(?:(?:provincial|province's|district|district's|municipal|city|town)\s+)?"
    r"(?:deputy\s+)?(?:police\s+)?(?:chief|commissioner|governor)\s+"
    r"(?:said|says|told|reported)\b",
    re.I,
)
# How many sentences after the figure's the holder may be named in.
_WINDOW = 3


def role_named_next(quote: str, body: str, figure_at: int = 0) -> tuple[str, Speaker] | None:
    """The office a figure's sentence gives it to and the speaker the article names next (within
    a few sentences), when the sentence names the office alone after the figure (at
    ``figure_at`` in ``quote``); else None. A figure after the office's verb ("..., the chief
    said on Tuesday, and the prison now holds ...") is not the office-holder's."""
    m = _ROLE_SAID.search(quote, figure_at)
    at = body.find(quote)
    if m is None or at < 0:
        return None
    office = re.sub(r"\s+(?:said|says|told|reported)$", "", m.group(0), flags=re.I)
    for s in list(corpus_sentences(body[at + len(quote) :]))[:_WINDOW]:
        found = speaker_in(s.text)
        if found is not None and found.named and not found.pronoun:
            return office, found
    return None
