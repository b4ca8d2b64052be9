"""Who gave a figure when its source is a province's body named by its kind, or unnamed officials."""

# Round thirty-two (draft32a). Two structures the speaker readers found but could not turn into
# an actor:
#
# 1. A province's body named by its kind: "..., the provincial police said", "according to the
#    provincial health department", "The provincial administration said in July", "the Banteay
#    Meanchey provincial police said". The body is that province's: the one its own words name,
#    else the one province the sentence, then its paragraph up to it, then the whole article
#    names. The keys write such a body as a new organisation "<Province> Provincial <Kind>".
# 2. Plural officials placed only by their level ("provincial officials told The Post",
#    "district officials said"): the codebook's unnamed officials, as "officials said" already
#    is. A domain word ("Provincial health officials") makes them another group: left as it was.
from __future__ import annotations

import re

from corpus.places import places_in
from corpus.province_bodies import province_body

# The kinds of a province's body that give figures, as their names are written in full. A kind
# not listed (a court, a prison, a committee) stays with the readers that handled it before.
_KINDS = {
    "police": "Police",
    "police commissariat": "Police",
    "health department": "Health Department",
    "department of health": "Health Department",
    "administration": "Administration",
}
_KIND = "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
# The whole source phrase: an article or a possessive, the province's name if given, the level,
# the kind; nothing after it ("the provincial police chief" is a person: not this rule).
# Round thirty-eight (draft38b): with no article at a sentence's start ("Provincial police said
# ...") and after a province's possessive ("Kampot's provincial health department says").
_BODY = re.compile(
    rf"^(?:(?:the|its)\s+)?(?:(?P<place>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)(?:['’]s)?\s+)?"
    rf"provincial\s+(?P<kind>{_KIND})$",
    re.I,
)
# Named without "the": "Kandal provincial police reported ...".
_NAMED = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)\s+provincial\s+(?P<kind>{_KIND})$"
)
_OFFICIALS = re.compile(r"^(?:the\s+)?(?:provincial|district|municipal|local)\s+officials$", re.I)


def _one_province(text: str) -> str | None:
    """The one province ``text`` names (however often), None for none or several."""
    found = {p.province for p in places_in(text) if p.province}
    return next(iter(found)) if len(found) == 1 else None


def provincial_body(phrase: str, sentence: str, body: str) -> tuple[str, str] | None:
    """The name of the province's body a figure's source phrase is ("the provincial health
    department" -> "Battambang Provincial Health Department"), and where its province was
    read; None when the phrase is no such body or no one province can be read."""
    phrase = phrase.strip()
    m = _BODY.match(phrase) or _NAMED.match(phrase)
    if m is None:
        # Round thirty-seven (provinces37): a province's body by its name in any printed form
        # ("the Battambang police", "the police commissariat of Kratie province"): one name.
        one = province_body(phrase)
        return (one, "its own name") if one else None
    kind = _KINDS[m.group("kind").lower()]
    if m.group("place"):
        own = _one_province(m.group("place"))
        return (f"{own} Provincial {kind}", "its own name") if own else None
    at = body.find(sentence)
    para_start = body.rfind("\n\n", 0, max(at, 0)) + 1 if at >= 0 else 0
    for text, where in (
        (sentence, "the sentence's province"),
        (body[para_start : max(at, 0)], "the paragraph's province"),
        (body, "the article's one province"),
    ):
        if text and (province := _one_province(text)):
            return f"{province} Provincial {kind}", where
    return None


def officials_by_level(phrase: str) -> bool:
    """The source is plural officials placed only by their level ("provincial officials")."""
    return bool(_OFFICIALS.match(phrase.strip()))
