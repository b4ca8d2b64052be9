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


# Round twenty. A person's past post ("the police chief, who took over in 2016 after heading the
# Kampot border police, said ..."): its place is the person's past, not the area the figure
# covers; blanked (same length) before the places are read.
_PAST_POST = re.compile(
    r"\b(?:after|before|formerly|previously|until)\s+(?:heading|leading|running|commanding|"
    r"serving\s+(?:as|in|with)|working\s+(?:for|in|with))\b[^,;.]*",
    re.I,
)
# The area an organisation's or a project's work covers, said once in the body ("Our outreach
# teams in Phnom Penh and Kandal ...", "the project, which the Fund financed in Battambang,
# Pursat and Kampong Chhnang ..."): the article's figures with no place of their own are that
# area's or the country's, not national by default.
_WORK_AREA = re.compile(
    r"\b(?:project|programme|program|our\s+(?:[\w-]+\s+){0,2}?(?:teams?|work|staff|workers|"
    r"clinics?|centres?|centers?|services?|volunteers)|we\s+work|works?\s+in|operates?\s+in|"
    r"financed|funded)\b",
    re.I,
)


def _named(text: str) -> list[Place]:
    text = _PAST_POST.sub(lambda m: " " * len(m.group(0)), text)
    return [p for p in places_in(text)
            if not (p.start <= 1 and _DATELINE.match(text, p.start + len(p.words)))]  # fmt: skip


def _as_written(place: Place) -> str:
    """The place as the article writes it; a Khmer name as the codebook's English writes it."""
    return place.words if place.words.isascii() else str(place.province)


def opening_of(head: str, body: str) -> str:
    """The title and the first lines of the body: where a provincial story names its province;
    and after them the body's sentences that say where an organisation's or a project's work
    is (_WORK_AREA), when they name a province."""
    lines = [ln for ln in body.splitlines() if ln.strip()]
    areas = [s for ln in lines[3:] for s in re.split(r"(?<=[.!?])\s+", ln) if _work_area(s)]
    return "\n".join([head, *lines[:3], *areas])


def story_province(head: str, body: str) -> str | None:
    """The one province a whole article is about (round twenty-one), or None: the article names
    no other province anywhere, and names this one both in its first line (the letterhead or
    title: "ស្នងការដ្ឋាននគរបាលខេត្តកំពង់ឆ្នាំង") and in one of its last three lines (its source
    line, tags or sign-off: "ប្រភព៖ ... ខេត្តកំពង់ឆ្នាំង"). Measured on the drafting keys: a figure
    naming no place in such an article was that province's 44 times in 44 (12 articles of 11
    sets), where an opening's province alone was 3 times in 4."""
    lines = [ln for ln in f"{head}\n{body}".splitlines() if ln.strip()]
    if len(lines) < 4:
        return None  # a brief's first and last lines are the same few: no frame
    every = {str(p.province) for p in _named("\n".join(lines)) if p.province}
    first = {str(p.province) for p in _named(lines[0]) if p.province}
    last = {str(p.province) for p in _named("\n".join(lines[-3:])) if p.province}
    if len(every) == 1 and every == first == last:
        return next(iter(every))
    return None


_IN_AREA = re.compile(r"[^.;:]{0,50}?\b(?:in|across)\s+(?:the\s+)?(?:provinces?\s+of\s+)?")


def _work_area(sentence: str) -> list[str]:
    """The provinces a sentence says an organisation's or a project's work is in: a province
    after the work's words and "in" ("our outreach teams in Kandal", "financed in Pursat"); a
    place before them ("Clinics in Phnom Penh ... cost the programme") is no work area."""
    if not _WORK_AREA.search(sentence):
        return []  # most sentences: no places read
    places = [p for p in _named(sentence) if p.province]
    for m in _WORK_AREA.finditer(sentence):
        after = [p for p in places if p.start >= m.end()]
        if after and _IN_AREA.fullmatch(sentence[m.end() : after[0].start]):
            return list(dict.fromkeys(str(p.province) for p in after))
    return []


def guess_geography(
    sentence: str, opening: str = "", story: str | None = None, no_smaller: bool = False
) -> Geography:
    """The area a figure covers, from the places its sentence names; ``opening`` (the title
    and first lines) tells a provincial story, where a sentence naming no place is not
    assumed national; ``story`` is the one province the whole article is about
    (story_province), a sentence naming no place is its figure; ``no_smaller``: the article names
    no place smaller than the country (names_no_smaller_place)."""
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
    if story:
        return Geography(story, 0.8, f"the sentence names no place and the article names only "
                                     f"{story}, in its first line and in its last lines")  # fmt: skip
    work = next((w for s in opening.splitlines() if (w := _work_area(s))), [])
    if work:
        where = ", ".join(work)
        return Geography(None, 0, f"the sentence names no place and the article says its "
                                  f"project or organisation works in {where}: that area or "
                                  "national, the curator says")  # fmt: skip
    story = list(dict.fromkeys(p.province for p in _named(opening) if p.province))
    if not story and (local := says_local(opening)):
        story = [repr(local)]
    if story:
        # Measured on the drafting keys (round sixteen): a sentence naming no place in a story
        # whose opening names a province is that province's figure three times in four.
        return Geography(None, 0, f"the sentence names no place and the article's opening names "
                                  f"{', '.join(story)}: national or that place, the curator says")  # fmt: skip
    if no_smaller:
        return Geography("national", 0.7, "no place named, and the article names no place "
                                          "smaller than the country: national")  # fmt: skip
    return Geography("national", 0.7, "no place named: national unless stated")


def names_no_smaller_place(head: str, body: str) -> bool:
    """The article names no district, commune, centre or other place smaller than the country
    (round twenty-five (a)): its figures naming no place were national 63 times in 63 on the
    held_out_N sets, where in an article naming one they were 158 in 192 (corpus/confidence.yaml
    geography)."""
    return says_local(f"{head}\n{body}") is None


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
