"""A Khmer figure whose sentence opens on a titled person, their office and a verb of report
before its counts: that person gave the figure (round thirty-five, issue 23).

"ឯកឧត្តម NAME ប្រធាន... បានថ្លែងក្នុងពិធី... ថា ក្នុងឆ្នាំ២០១៩ ..." (His Excellency NAME, head of
..., said at the ceremony ... that in 2019 ...): the speech reader finds the verb but, past a long
office, no speaker, so the counts after "ថា" were left with no source. The person is the one
the sentence opens on (a title and a two-word name, read as statements read them), only when
the verb and its "ថា" stand before the figure, or "according to" before the title ("យោងតាមលោក
NAME ..."); a name further in ("ចំណែកនៅទូទាំងប្រទេស លោក ...", as for the whole country,
Mr ...) is left alone.
"""

from __future__ import annotations

import re

from corpus.khmer import cluster_bounded, normalise
from corpus.speech_verbs import speech_verbs

# The verbs of report (corpus/speech_verbs.yaml, km.figure_report), then anything but a
# sentence's end up to its "ថា" (that) or a colon: where and when it was said stand between.
_VERBS = sorted((normalise(v).text for v in speech_verbs("km", "figure_report")), key=len)
_REPORT = re.compile(
    "(?:"
    + "|".join(reversed(_VERBS))
    + r")[^។!?]{0,200}?(?:"
    + cluster_bounded(normalise("ថា").text)
    + "|៖)"
)
# "យោងតាម / បើតាម" (according to) right before the title: the person is named as the source,
# no verb of report needed.
_ACCORDING = re.compile("(?:" + normalise("យោងតាម|បើតាម").text + r")\s*$")
# How far into the sentence the title may stand: a time code, a list number or "according to"
# before it.
_LEAD = 12


def titled_reporter(sentence: str, words: str, named: re.Pattern[str]) -> str | None:
    """The name of the titled person a Khmer ``sentence`` opens on when their verb of report
    and its "ថា" come before the figure's ``words``; else None. ``named`` is the drafts'
    pattern of a title and a name (its group "name")."""
    text = normalise(sentence).text
    person = named.search(text)
    if person is None or person.start() > _LEAD:
        return None
    at = text.find(normalise(words).text, person.end()) if words else -1
    if at < 0:
        return None
    if _ACCORDING.search(text[: person.start()]):
        return person.group("name")
    said = _REPORT.search(text, person.end())
    return person.group("name") if said is not None and said.end() <= at else None
