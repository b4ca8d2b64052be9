"""Page furniture that is no claim: clock times, datelines, breadcrumbs, image slugs, bylines
and "Editor:" lines, told apart from the report by their shapes (hand-written: no library
reads a captured news page's furniture)."""

from __future__ import annotations

import re
from functools import cache

from corpus.number_words import number_words

# A paragraph that is furniture as a whole.
_PARAGRAPH = re.compile(
    r"^(?:"
    r"(?:published|updated|posted|photo|photograph|picture|image|credit|tags|share this|"
    r"follow us|subscribe|copyright|©|advertisement|editor|editors|edited by|reporting by|"
    r"writing by|source|reading time|read more|related|see also|publication date)\b"
    r"|by\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:\s*(?:/|,|and)\s*[\w\s'’.-]{0,40})?$"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|[A-Z]{2,4}))?\s*$"  # "08:06 ICT", "10.30 am"
    r"|\d{4}-\d{2}-\d{2}(?:[\sT]+\d{1,2}[:.]\d{2})?\s*$"  # "2021-06-25", in any digits
    r"|[^.!?]{0,40}©"  # "រក្សាសិទ្ធិ © ២០២១ ...": a copyright line in any language
    r"|អាន(?:ព័ត៌មាន)?បន្ថែម"  # Khmer "read more"
    r"|(?:[^\n>»|]{1,40}\s*[>»|]\s*){1,}[^\n>»|]{1,60}$"  # "Home > World > Asia"
    r"|[\w-]+\.(?:jpe?g|png|gif|webp)\b"  # an image file name
    r"|[a-z0-9]+(?:[-_][a-z0-9]+){3,}$"  # a slug: "cambodia-drug-raid-photo-2018"
    # A chart's, table's or map's caption: "Chart 3 | Prisons, end of 2021: 38,000 held | Source:
    # ..." (round fourteen): its numbers restate the report or stand apart from it.
    r"|(?:chart|graph|graphic|table|figure|map|infographic)\s*\d{0,2}\s*[|:]"
    r"|[^\n]*\|\s*source\s*:"
    r")",
    re.IGNORECASE,
)
# An encyclopaedia's reference list ("^ 'Title'. Outlet. 3 January 2017.", "^ a b ...") and its
# page footer (round eighteen): a source's title and day, however long, are no claim of the page.
_REFERENCE_LIST = re.compile(
    r"^(?:\^\s|(?:this page was last edited|text is available under)\b)", re.I
)
_BYLINE_CASE = re.compile(r"^by\s+\S", re.IGNORECASE)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "PHNOM PENH, Sept. 4 (Xinhua) --", "Phnom Penh, Feb 8 (IANS)", "PHNOM PENH (AKP) —",
# "Phnom Penh:": a place in capitals or followed by a date and an agency, then a dash or colon.
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?"
# "PHNOM PENH, Sept. 4 (Xinhua) --", "Phnom Penh (FN), July 14 –", "Phnom Penh, 14 May 2020 –",
# "PHNOM PENH: ...": a place, then an agency and a date in either order, then a dash or colon.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3})"
    rf"(?:\s*\([A-Za-z .]{{2,30}}\)|,\s*{_DAY})*"
    r"\s*(?:--|—|–|:|\s-)\s+"
)
_AGENCY_ONLY = re.compile(r"^(?:[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){0,3})"
                          rf"(?:,\s*{_DAY})?\s*\([A-Za-z .]{{2,30}}\)\s+(?=[A-Z])")  # fmt: skip

# "(Bangkok, June 26, 2018) – ...": a rights group's release opens with its place and day.
_PAREN_DATELINE = re.compile(rf"^\([A-Z][\w .'’-]{{1,30}},\s*{_DAY}\)\s*(?:--|—|–|-)\s+")

# "PHNOM PENH--Police in Kratie ...": a place in capitals with the dash against the text.
_CAPS_DASH = re.compile(r"^[A-Z][A-Z'’.]*(?:\s+[A-Z][A-Z'’.]*){0,3}\s*(?:--|—|–)\s*(?=[A-Z])")


# A photo credit closing a caption: "(Chhorn Dara/VOD)", "KT/Chor Sokunthea".
_CREDIT = re.compile(r"(?:\([A-Z][\w .'’-]*/[A-Z][\w .'’-]*\)|\b[A-Z]{2,}/[A-Z][\w .'’-]+)\s*$")
# "Media contact: ...", "Tel: +855 ...", "06 January 2017 08:06 ICT"
_CONTACT = re.compile(r"^(?:media\s+contact|contact|tel|phone|email|e-mail|fax)\b", re.I)
_STAMP = re.compile(
    rf"^(?:\w+day,?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}"
    r"(?:[\s,|-]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|[A-Z]{2,4})?)?\s*$",
    re.I,
)


def _headline(text: str) -> bool:
    """A headline or kicker: Title Case words, no closing stop ("More Than 7,300 Held ...")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 4 or text.rstrip().endswith((".", "”", '"', "?", "!")):
        return False
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "as"}
    capital = [w for w in words if w.lower() not in small]
    return bool(capital) and all(w[:1].isupper() for w in capital)


# A social post's header or reaction bar ("Hun Manet · 1 October at 19:42 ·",
# "👍 41K · 💬 3.2K comments"): pictographs or middle-dot separators on a line with no stop.
_SOCIAL = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2190-\u21FF]|\s·(?:\s|$)")


def is_furniture(paragraph: str) -> bool:
    """True for a paragraph of page furniture, never for a sentence of the report."""
    text = paragraph.strip()
    if _SOCIAL.search(text) and not _TERMINATED.search(text):
        return True
    if _REFERENCE_LIST.match(text):
        return True
    if _CREDIT.search(text):  # "Photo taken on ... (Photo by Sovannara/Xinhua)": a caption
        return True
    if _PARAGRAPH.match(text):
        return not _looks_like_prose(text)
    return bool(
        _CONTACT.match(text) or _STAMP.match(text) or _CREDIT.search(text) or _headline(text)
    )


# How a paragraph of the report ends: a stop (the Khmer "។" and "៕" too: a relay's "📌 ... ។"
# is its report, round twenty-seven), or a quotation closing after one.
_TERMINATED = re.compile(r"[.!?…។៕][\"”’')]*\s*$|[\"”]\s*$")


# A wire story's end mark glued to its last sentence ("... by the newspaper. Enditem").
_END_MARK = re.compile(r"\s*(?:Enditem|=+\s*FRESH\s+NEWS|-+\s*AKP\s*-*)\s*$")


# An encyclopaedia's reference markers after the stop ("... in 1995.[1]", "... inflated.[citation
# needed]", "[a]"): the sentence still ends there (round eighteen).
_TRAILING_REFS = re.compile(r"(?:\s*\[(?:[\d\s,–-]{1,12}|[a-z]|[a-z][a-z ]{2,30})\])+\s*$", re.I)


def _ends(paragraph: str) -> bool:
    text = _TRAILING_REFS.sub("", _END_MARK.sub("", paragraph.strip()))
    return bool(_TERMINATED.search(text or "x"))


def head_and_tail(paragraphs: list[str]) -> set[int]:
    """Indices of the paragraphs before the report's first sentence and after its last one that
    end without a stop: headlines repeated under a logo, kickers, captions ending in a credit
    ("... Supplied"), "Enditem". The report's own paragraphs end with a stop or a quotation."""
    ended = [k for k, p in enumerate(paragraphs) if _ends(p)]
    if not ended:
        return set()
    return {
        k
        for k, p in enumerate(paragraphs)
        if (k < ended[0] or k > ended[-1]) and not _ends(p) and not _LISTED_FIGURE.match(p)
    }


# A fact box's item, "• Drug-related arrests in 2023: 22,610 (NACD)", "- Women among them: about
# 14 percent": a bullet, a label, a colon and a number after it is the report's figure, though no
# stop ends it (round twenty-seven: every such line of the training keys is keyed).
_LISTED_FIGURE = re.compile(r"^\s*[•▪◦●*\-–]\s+[^:\n]{3,120}:\s+[^\n]*\d")


def _looks_like_prose(text: str) -> bool:
    # "By Friday, 30 were held" opens like a byline but is the report: a byline has no verb
    # and no comma-led clause; past a dozen words a line is a sentence, not furniture.
    if _BYLINE_CASE.match(text) and re.search(r",\s+[a-z]|\d", text):
        return True
    return len(text.split()) > 12 and not re.search(r"[>»|]", text)


# A broadcast transcript's line opens with a time code and who speaks: "[00:01:45] REPORTER:",
# "[00:00:38] KE KIM YAN, Deputy Prime Minister (translated):". The label is the line's
# furniture, cut like a dateline (a quotation after it still goes to the person last named).
_TIMECODE = re.compile(r"^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*(?:[^:\n\"“]{1,200}?:\s+)?")


def dateline_length(paragraph: str) -> int:
    """Characters of a dateline opening the paragraph (0 if none): it dates the article,
    never a figure, and is no part of the first sentence's words. A transcript's time code
    and speaker label are cut the same way."""
    if stamp := _TIMECODE.match(paragraph):
        return stamp.end()
    if paren := _PAREN_DATELINE.match(paragraph):
        return paren.end()
    m = _DATELINE.match(paragraph) or _AGENCY_ONLY.match(paragraph) or _CAPS_DASH.match(paragraph)
    if m is None:
        return 0
    head = m.group(0)
    # A place in capitals, a date or an agency make it a dateline; "Police said:" does not.
    place = head.split(",")[0].split("(")[0].strip(" -—–:")
    if place.isupper() or "(" in head or re.search(r"\d", head):
        return m.end()
    return 0


@cache
def _question_label() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, number_words("questioners")), key=len, reverse=True))
    return re.compile(rf"^\s*(?:{words})\b\s*(?:\([^)\n]{{0,40}}\))?\s*[:៖]", re.I)


def question_turns(body: str) -> list[tuple[int, int]]:
    """Where a questioner's turn runs in ``body`` (round eighteen): a line opening with a
    questioner's label ("Q:", "Reporter (CNC):", "សំណួរ៖"; data) and ending with a question mark.
    Its numbers are relayed to be answered ("last year you announced 950 arrests; why fewer
    now?"), never the article's figures. A broadcast's "REPORTER:" narrating is no question."""
    label = _question_label()
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\n]+", body)
        if label.match(m.group(0).replace("\u200b", ""))
        and m.group(0).rstrip().rstrip("\u200b").endswith(("?", "？"))
    ]
