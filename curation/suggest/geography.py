"""A figure's geography from its own sentence: the one province or capital it names, "national"
when it names none in a story that is not about a province, else blank with the reason (the
places are data: corpus/places.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.places import Place, places_in, says_local, says_nationwide

# A dateline at the sentence's head ("ភ្នំពេញ ថ្ងៃទី២៧ ...", "Phnom Penh, June 27 (AKP) --") says
# where the story was filed, not what the figure covers.
_DATELINE = re.compile(r"\s*(?:[,:៖]\s*)?(?:ថ្ងៃ|\(|[-–—]|[A-Z][a-z]{2,8}\.?\s+\d)")


@dataclass(frozen=True)
class Geography:
    """The drafted geography (None: left blank for the curator), how sure, and why."""

    value: str | None
    confidence: float
    reason: str


def _named(text: str) -> list[Place]:
    return [p for p in places_in(text)
            if not (p.start <= 1 and _DATELINE.match(text, p.start + len(p.words)))]  # fmt: skip


def _as_written(place: Place) -> str:
    """The place as the article writes it; a Khmer name as the codebook's English writes it."""
    return place.words if place.words.isascii() else str(place.province)


def opening_of(head: str, body: str) -> str:
    """The title and the first lines of the body: where a provincial story names its province."""
    return "\n".join([head, *[ln for ln in body.splitlines() if ln.strip()][:3]])


def guess_geography(sentence: str, opening: str = "") -> Geography:
    """The area a figure covers, from the places its sentence names; ``opening`` (the title
    and first lines) tells a provincial story, where a sentence naming no place is not
    assumed national."""
    places = _named(sentence)
    outside = [p.words for p in places if p.province is None]
    provinces = list(dict.fromkeys(p.province for p in places if p.province))
    if outside:
        return Geography(None, 0, f"the sentence names a place outside Cambodia ({outside[0]}): "
                                  "the area it covers is the curator's to say")  # fmt: skip
    if len(provinces) > 1:
        return Geography(None, 0, f"the sentence names {len(provinces)} places "
                                  f"({', '.join(provinces)}): the area is the curator's to say")  # fmt: skip
    if provinces:
        place = next(p for p in places if p.province == provinces[0])
        return Geography(_as_written(place), 0.9, f"the sentence names {place.words!r}")
    if whole := says_nationwide(sentence):
        return Geography("national", 0.9, f"the sentence says {whole!r}")
    if local := says_local(sentence):
        return Geography(None, 0, f"the sentence names a place smaller than the country "
                                  f"({local!r}) but no province: the curator says which")  # fmt: skip
    story = list(dict.fromkeys(p.province for p in _named(opening) if p.province))
    if not story and (local := says_local(opening)):
        story = [repr(local)]
    if story:
        # Measured on the drafting keys (round sixteen): a sentence naming no place in a story
        # whose opening names a province is that province's figure three times in four.
        return Geography(None, 0, f"the sentence names no place and the article's opening names "
                                  f"{', '.join(story)}: national or that place, the curator says")  # fmt: skip
    return Geography("national", 0.7, "no place named: national unless stated")


# Round eighteen. A clause whose subject is another country ("Malaysia's delegation told the
# meeting that its police had seized ...", "while Thailand reported ...", "In Thailand, ... the
# Office ... seized ..."): the count is that country's, not the campaign monitored.
_SUBJECT_BEFORE = re.compile(
    r"(?:^|\bwhile\s+|\bwhereas\s+|[;:]\s*)(?:(?:in|across|elsewhere\s+in)\s+)?"
    r"(?:neighbouring\s+|neighboring\s+|the\s+)?$",
    re.I,
)
_HOME = re.compile(r"\bCambodi|\bkingdom\b|\bKhmer\b|កម្ពុជា", re.I)


def another_country(sentence: str, at: int) -> str | None:
    """The country (or region) whose own count the number at ``at`` is, when its clause opens on
    a place outside Cambodia and the sentence names no place of Cambodia; else None."""
    before = [p for p in _named(sentence[:at])]
    if not before or before[-1].province is not None:
        return None
    place = before[-1]
    if not _SUBJECT_BEFORE.search(sentence[: place.start]) or _HOME.search(sentence):
        return None
    if any(p.province for p in places_in(sentence)):
        return None
    return place.words
