"""Coverage accounting: every sentence that attributes words or carries a figure is coded or excused.

The rule is written here once and applies to any article: a sentence *needs coding* when it
attributes words or a position to someone (quotation marks, or a verb of saying such as
"said", "told", "urged", "according to") or when it carries a figure (a digit, or a number
word such as "thousands" or "half"). It is *covered* when the quote of some record (figure,
statement, policy, position, event, phase citation) lies in it, and *excused* when a
``not_coded`` entry of the article's curated file quotes it with a reason. The build fails
while any such sentence is neither.

An account is a function of the body and the spans coded and excused in it (`account_key`):
a build stores each article's key and counts (database table coverage_accounts), and the next
build by the same code carries an article's account over while its key is unchanged
(etl.build._accounts). Only a clean account is ever stored (a build with an unaccounted
sentence stops before it writes), so a carried account has no problem to report; one with a
problem differs from the stored file's until it is fixed, and is accounted again each build.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus.khmer_speech import first_speech_verb
from corpus.problems import Problems
from corpus.sentences import Sentence, sentences
from data_model.coverage_rule import NUMBER_WORDS, SAYING_WORDS
from data_model.i18n import N_

_QUOTE_MARKS = re.compile(r"[“”\"«»]")  # «…»: Khmer (and French) quotation marks
_SAYING = re.compile(r"\b(" + "|".join(re.escape(w) for w in SAYING_WORDS) + r")\b", re.I)
_FIGURE = re.compile(r"\d|\b(" + "|".join(re.escape(w) for w in NUMBER_WORDS) + r")\b", re.I)


def why_coded(text: str) -> str | None:
    """Why a sentence needs coding ('attributes words: said'), or None when it does not."""
    if _QUOTE_MARKS.search(text):
        return "attributes words: quotation marks"
    if m := _SAYING.search(text):
        return f"attributes words: '{m.group(0)}'"
    if verb := first_speech_verb(text):  # Khmer verbs of saying: បាននិយាយថា, បានឲ្យដឹងថា …
        return f"attributes words: '{verb}'"
    if m := _FIGURE.search(text):
        return f"carries a figure: '{m.group(0)}'"
    return None


@dataclass
class ArticleCoverage:
    """One article's accounting: sentences needing coding, and which are covered or excused."""

    source_id: str
    file: str
    needed: list[tuple[Sentence, str]] = field(default_factory=list)
    covered: int = 0
    excused: int = 0
    uncovered: list[tuple[Sentence, str]] = field(default_factory=list)
    #: How many sentences need coding, for an account carried over from the previous file
    #: (its counts only, `needed` left empty); None for one made here.
    carried: int | None = None
    #: Its account_key, where the build made it (the next build's key to carry it over).
    key: str = ""

    @property
    def count(self) -> int:
        """How many sentences need coding."""
        return len(self.needed) if self.carried is None else self.carried

    @property
    def share(self) -> float:
        return 1.0 if not self.count else (self.covered + self.excused) / self.count

    def line(self) -> str:
        return (
            f"coverage {self.source_id}: {self.share:.0%} of {self.count} sentences "
            f"({self.covered} coded, {self.excused} not coded with a reason, "
            f"{len(self.uncovered)} unaccounted)"
        )


#: How many of the articles accounted again a build's line names (the rest it counts).
NAMED = 12


def accounted_line(afresh: list[str], total: int) -> str:
    """One line for the build's output: the articles whose coverage was accounted again (by
    source_id, named when few), the others' carried from the previous database."""
    if len(afresh) == total:
        return f"articles accounted again: every one ({total})"
    named = ", ".join(afresh[:NAMED]) + (", ..." if len(afresh) > NAMED else "")
    return (
        f"articles accounted again: {len(afresh)} of {total} ({named}); the others' coverage "
        "carried from the previous database"
    )


def account_key(
    body_sha256: str, coded: Iterable[tuple[int, int]], excused: Iterable[tuple[int, int]]
) -> str:
    """What an article's account is a function of, as a SHA-256: its clean body's and the
    spans coded and excused in it (each set, in order: a span quoted twice, or the records'
    order, changes no count). The sentences needing coding are a function of the body."""
    text = repr((body_sha256, sorted(set(coded)), sorted(set(excused))))
    return hashlib.sha256(text.encode()).hexdigest()


def needs(body: str) -> list[tuple[Sentence, str]]:
    """The sentences of a clean body that need coding, each with why: a function of the
    body alone (a build carries it over for an unchanged body, keyed by its hash)."""
    found = []
    for sentence in sentences(body):
        reason = why_coded(sentence.text)
        if reason is not None:
            found.append((sentence, reason))
    return found


def account(
    source_id: str,
    file: str,
    body: str,
    coded: list[tuple[int, int]],
    excused: list[tuple[int, int]],
    needed: list[tuple[Sentence, str]] | None = None,
) -> ArticleCoverage:
    """One article's accounting, given the spans its records quote and those its not_coded
    entries quote (and `needed`, the body's needs, where they are known already)."""
    acc = ArticleCoverage(source_id, file)
    for sentence, reason in needs(body) if needed is None else needed:
        acc.needed.append((sentence, reason))
        if any(sentence.overlaps(s) for s in coded):
            acc.covered += 1
        elif any(sentence.overlaps(s) for s in excused):
            acc.excused += 1
        else:
            acc.uncovered.append((sentence, reason))
    return acc


def coverage_problems(accounts: list[ArticleCoverage]) -> Problems:
    """One problem per sentence neither coded nor excused, naming the file and the sentence."""
    problems = Problems()
    for acc in accounts:
        for sentence, reason in acc.uncovered:
            shown = sentence.text if len(sentence.text) <= 120 else sentence.text[:117] + "..."
            problems.say(
                acc.file,
                acc.source_id,
                "not_coded",
                N_("sentence not accounted for ({reason}): {sentence}; add a record quoting it "
                   "or a not_coded entry with a reason"),
                reason=reason,
                sentence=repr(shown),
            )  # fmt: skip
    return problems
