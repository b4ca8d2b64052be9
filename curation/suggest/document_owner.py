"""A figure whose sentence names the document it comes from and the body that issued it:
"according to the NACD's annual report", "a report from the Anti-Drug Police Department
showed", "citing a report of the National Authority for Combating Drugs" (round thirty-five,
issue 23).

The figure's source phrase is often the outlet that relayed it ("AKP reported, citing ..."), so
the speaker reader leaves the figure blank; the document's owner is the body the keys name. Only
a body is taken (a curated organisation, or a name with an organisation's head word: records.py
decides), never an outlet or a person, and only when the sentence names one owner.
"""

from __future__ import annotations

import re

# A body's name as printed, capitalised words joined by "of", "for", "on", "and", "the".
_NAME = r"(?P<org>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’-]*)*)"
# The documents a body's counts come in.
_DOC = (
    r"(?:(?:annual|monthly|weekly|quarterly|half-year|year-end|latest|own|official|new)\s+)?"
    r"(?:report|reports|figures|data|statistics|bulletin|display\s+board|tally|records)"
)
_OWNED = (
    re.compile(rf"\b{_NAME}['’]s\s+{_DOC}\b"),  # "the NACD's annual report"
    re.compile(rf"\b{_DOC}\s+(?:of|from|by|released\s+by|issued\s+by)\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"\bciting\s+(?:(?:a|an|the)\s+{_DOC}\s+(?:of|from|by)\s+)?(?:the\s+)?{_NAME}"),
)
# A capitalised word run that starts before the body ("Figures on the NACD's ..."): the body is
# what follows its first joiner.
_JOINER = re.compile(r"\s+(?:on|of|for)\s+(?:the\s+)?")


def document_owners(sentence: str) -> list[str]:
    """The names the sentence gives as its document's owner, each with its shorter reading
    ("Figures on the NACD" and "NACD"), longest first; empty when it names none or two."""
    found = {re.sub(r"^The\s+", "", m.group("org")) for p in _OWNED for m in p.finditer(sentence)}
    if len(found) != 1:
        return []
    name = found.pop()
    shorter = _JOINER.split(name, maxsplit=1)
    return [name] + ([shorter[1]] if len(shorter) == 2 and shorter[1] else [])
