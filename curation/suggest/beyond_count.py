"""Whether a sentence that gives counts says more than the counts outside its speech verb's own
clause (issue 23, round thirty-one; the keys' convention C1): a claim put before an inverted
attribution ("Anti-drug officers who shield dealers will lose their badges, a senior police
general warned yesterday, on the day ... put arrests at 7,500") or a judgement added after the
count (", far too few for ...", ", fewer than hoped because of ..."). Such a sentence is a
statement as well as its figures; a sentence of counts alone stays figures only, and the
speaker named after an inverted "said" ("The centre was built for 300 people, said a staff
member who ...") is no claim beside them.
"""

from __future__ import annotations

import re

# An inverted attribution: ", SPEAKER said" / ", said SPEAKER" / ", SPEAKER warned yesterday",
# the speaker in at most eight words with no comma between.
_INVERTED = re.compile(
    r",\s+(?:(?:said|says|warned|told)\b|(?:[^,\s]+\s+){1,8}?(?:said|says|warned|told)\b)"
)
# A count's words: a digit (English or Khmer) or a fraction in words.
_COUNT = re.compile(
    r"[0-9០-៩]|\b(?:half|third|thirds|quarter|quarters|dozen|dozens|hundreds|thousands|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|several|twice|double)\b",
    re.I,
)
# What a fronted clause must hold to be a claim: a verb of its own (not a bare noun phrase).
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|has|have|had|can|cannot|could|must|should|do|does|did|"
    r"[a-z]+ed)\b"
)
# A judgement added after the count, after a comma: "far too few", "not enough", "fewer than
# hoped" ("because he was not allowed to speak" explains a source's anonymity: no judgement).
_JUDGEMENT = re.compile(
    r",\s+(?:(?:far|much|well)\s+)?(?:too\s+(?:few|many|little|much|small)|not\s+enough)\b"
    r"|,\s+(?:far\s+|well\s+)?(?:fewer|less|more)\s+than\s+(?:hoped|planned|expected|needed)\b"
    # Round thirty-eight (draft38c): a count set against the hands or means that must meet it,
    # a shortfall in the speaker's words: "..., more than its two trained nurses can follow",
    # "..., far more than its four investigating judges could handle", "had only two
    # motorbikes to cover 14 communes". On training: 3 sentences on 3 folders, each a key's
    # statement (held_out_21, _27, _31); "built for 300" (a capacity) stays counts only (C1).
    r"|,\s+(?:far\s+|well\s+|many\s+)?more\s+than\s+(?:its|their|the|our|his|her)\s+"
    r"[^,.;]{1,50}?\b(?:can|could|cannot|can't)\b"
    r"|\bonly\s+(?:\d+|one|two|three|four|five|six)\s+[^.,;]{1,40}?\bto\s+(?:cover|serve|handle|"
    r"treat|care\s+for|look\s+after|patrol|follow)\b",
    re.I,
)
# A front that is no claim: the speaker's own description ("Colonel X, who heads ..., told") or
# a subordinate clause setting the scene ("When I visited the prison in August, its director
# told me ...").
_NOT_A_CLAIM = re.compile(
    r",\s+(?:who|which|whose|a|an|the)\b|^\W*(?:When|After|As|While|If|Since|Before|Although|"
    r"Though|Asked|Speaking|Interviewed|Contacted|Reached)\b"
)
_MIN_CLAIM_WORDS = 5


def claim_beside_count(masked: str) -> bool:
    """Whether the sentence (quotation interiors blanked) says more than its counts outside the
    speech verb's own clause: a fronted claim of five words or more with a verb and no count,
    before an inverted attribution, or a judgement after a comma."""
    if _JUDGEMENT.search(masked):
        return True
    m = _INVERTED.search(masked)
    if m is None:
        return False
    front = masked[: m.start()]
    return (
        len(front.split()) >= _MIN_CLAIM_WORDS
        and not _COUNT.search(front)
        and not _NOT_A_CLAIM.search(front)
        and bool(_FINITE.search(front))
    )


_OPENING_SEGMENT = re.compile(r"^[^,]*")


def speaker_after_verb(masked: str, verb_at: int) -> bool:
    """Whether the words after the speech verb at ``verb_at`` are its speaker, not a claim: an
    inverted attribution (", said a staff member who asked not to be named") after a sentence
    that opens with a clause of its own ("The centre was built for 300 people, said ...").
    "Keo Dara, a spokesman, said the find ..." opens with a name: what follows is the claim."""
    if not re.search(r",\s*$", masked[:verb_at]):
        return False
    opening = _OPENING_SEGMENT.match(masked).group(0)
    return bool(_FINITE.search(opening)) and len(opening.split()) >= 3
