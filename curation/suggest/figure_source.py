"""Who counted a figure no one is quoted for, from the words of its own sentence or of the
article's source line (round twenty-two): a body that records, reports or counts it ("The NACD
recorded ..."), whose figures or data show it ("National Police figures show ...", "Figures from
the NACD show ..."), by whose count it is ("By the Anti-Drug Police Department's count, ..."),
and a source line naming one body only ("Sources: NACD annual reports 2022-2024; NACD bulletin
Q1 2024; interviews."). Hand-written: no library reads who a number belongs to.

Each function returns the body's name as printed; the caller matches it to the codebook.
"""

from __future__ import annotations

import re

# A body's name as printed: Title Case words (with "of", "for", "the" ... inside), or an
# acronym; never "The" alone at its head.
_ORG = (
    r"(?P<org>(?!The\b)[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’-]*)*)"
    r"(?:\s*\([A-Z]{2,8}\))?"
)
# Where a clause's subject starts: the sentence's start, after a comma, a colon, a dash,
# "that" or "said".
_CLAUSE = r"(?:^|[,;:—–]\s+|\bthat\s+|\b(?:said|says)\s+)"
# Verbs of counting or recording: the subject is the body whose count it is. Never "arrested",
# "seized": who made the arrests is not who counted them.
COUNTING = (
    r"(?:also\s+|has\s+|had\s+)?(?:recorded|records|reported|reports|counted|counts|count|"
    r"logged|logs|listed|lists|registered|registers|tallied|puts)\b"
)
_SOURCES = (
    # "The NACD recorded ...", "In 2019, the NACD reported, ...", "The General Department of
    # Prisons reported that ...", "the National Police count 2,631 arrests"
    re.compile(rf"{_CLAUSE}(?:[Tt]he\s+)?{_ORG}(?:,[^,]{{1,80}},)?\s+{COUNTING}"),
    # "National Police figures show ...", "Government figures for 2017 show ...", "NACD data
    # show ...", "the NACD's figures put ..."
    re.compile(
        rf"{_CLAUSE}(?:[Tt]he\s+)?{_ORG}(?:['’]s?)?\s+(?:own\s+|latest\s+|annual\s+|official\s+)?"
        r"(?:figures|data|statistics|records|tally)\s+(?:for\s+[^,]{1,30}?\s+)?"
        r"(?:show|shows|showed|put|puts|list|lists|listed)\b"
    ),
    # "Figures from the National Authority for Combating Drugs (NACD) show ...", "data released
    # by the Ministry of Health"
    re.compile(
        r"\b(?:[Ff]igures|[Dd]ata|[Ss]tatistics)\s+(?:from|released\s+by|published\s+by|"
        rf"compiled\s+by|issued\s+by)\s+(?:the\s+)?{_ORG}"
    ),
    # "By the National Authority for Combating Drugs' own count, ...", "by the Anti-Drug Police
    # Department's count"
    re.compile(
        rf"\b[Bb]y\s+(?:the\s+)?{_ORG}['’]s?\s+(?:own\s+)?(?:count|tally|figures|estimates?|"
        r"records)\b"
    ),
)


# "..., NACD figures show.", "..., the Ministry of Health's data showed.": the sentence's last
# clause names whose figures they are.
_TAIL = re.compile(
    rf",\s+(?:[Tt]he\s+)?{_ORG}(?:['’]s?)?\s+(?:own\s+|latest\s+|annual\s+|official\s+)?"
    r"(?:figures|data|statistics|records)\s+(?:show|shows|showed)\s*[.”\"]*\s*$"
)


def source_in_sentence(before: str, after: str = "") -> str | None:
    """The body the words before a figure name as the one whose count it is, if they name one
    (the last such body when several do: "The ministry said the NACD recorded ..."), else the
    one the sentence's closing clause after it names ("..., NACD figures show.")."""
    found = [m for pattern in _SOURCES for m in pattern.finditer(before)]
    if found:
        return max(found, key=lambda m: m.start("org")).group("org")
    tail = _TAIL.search(after)
    return tail.group("org") if tail else None


# "Sources: ...", "Source: ...", "Data: ...", "Methodology: ..." on a line of its own near the
# end: where the article says its numbers come from.
_SOURCE_LINE = re.compile(r"^\s*(?:Sources?|Data|Figures|Methodology)\s*:\s*(?P<rest>.+)$", re.I)
# An item of a source line that names a document or data, not an outlet or a reporter's own
# work ("Kiripost reporting", "interviews").
_DOCUMENT = re.compile(
    r"\b(?:reports?|bulletins?|figures|data|statistics|records|yearbooks?|compiled|own)\b", re.I
)
_NAME = re.compile(r"(?!The\b)[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w'’-]*)*")
# How far from the end a source line may be: after it come only corrections, links, sign-offs.
_LAST_LINES = 8


def source_line_bodies(body: str) -> list[tuple[bool, list[str]]]:
    """Per item of the article's source line (one of its last lines, never its first three: a
    wire's "Source: Xinhua | ... | Editor: ..." heads its copy): whether it names a document or
    data, and the names printed in it; [] when there is no such line."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    for line in lines[3:][-_LAST_LINES:]:
        m = _SOURCE_LINE.match(line)
        if m is None or "Editor:" in line:
            continue
        items = [it for it in re.split(r";|\.\s+", m.group("rest")) if it.strip()]
        return [
            (bool(_DOCUMENT.search(it)),
             [n.removesuffix("'s").removesuffix("’s") for n in _NAME.findall(it)])
            for it in items
        ]  # fmt: skip
    return []


# "by our calculation", "Added up, ...": the article's own arithmetic; "A post ... says that":
# a source of the sentence's own the speaker reader did not name. Neither is the source line's.
_NOT_THE_LINE = re.compile(
    r"\b(?:by\s+our\s+(?:calculation|count|reckoning)|our\s+(?:calculation|analysis)|"
    r"[Aa]dded\s+up|we\s+(?:calculated|counted|found))\b|\b(?:says|said|claims?|claimed)\s+that\b"
)


def not_the_source_lines(sentence: str) -> bool:
    """Whether a sentence's figures are the article's own sums or a source of its own, never the
    body its source line names."""
    return bool(_NOT_THE_LINE.search(sentence))
