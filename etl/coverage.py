"""Coverage accounting: every sentence that attributes words or carries a figure is coded or excused.

The rule is written here once and applies to any article: a sentence *needs coding* when it
attributes words or a position to someone (quotation marks, or a verb of saying such as
"said", "told", "urged", "according to") or when it carries a figure (a digit, or a number
word such as "thousands" or "half"). It is *covered* when the quote of some record (figure,
statement, policy, position, event, phase citation) lies in it, and *excused* when a
``not_coded`` entry of the article's curated file quotes it with a reason. The build fails
while any such sentence is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.khmer import has_khmer  # KHMER HOOK (issue 25)
from corpus.khmer import split_sentences as khmer_sentences
from corpus.khmer_speech import first_speech_verb
from data_model.coverage_rule import NUMBER_WORDS, SAYING_WORDS
from etl.problems import Problems
from etl.validate import Dataset

_QUOTE_MARKS = re.compile(r"[“”\"«»]")  # KHMER HOOK (issue 25): «…»
_SAYING = re.compile(r"\b(" + "|".join(re.escape(w) for w in SAYING_WORDS) + r")\b", re.I)
_FIGURE = re.compile(r"\d|\b(" + "|".join(re.escape(w) for w in NUMBER_WORDS) + r")\b", re.I)
# A sentence ends at . ! or ? (with any closing marks) followed by space and a capital, a
# digit or an opening mark; not inside an ellipsis ". . ." and not after an abbreviation.
_END = re.compile(r"[.!?][”’\"')\]]*\s+(?=[A-Z0-9“‘\"'(\[])")
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "sgt", "prof", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n")
)  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article's clean body, by offsets."""

    start: int
    end: int
    text: str

    def overlaps(self, span: tuple[int, int]) -> bool:
        return span[0] < self.end and self.start < span[1]


def _is_boundary(body: str, at: int) -> bool:
    """Whether the punctuation at ``at`` really ends a sentence."""
    if body[at] == ".":
        if body[max(0, at - 2) : at] == ". ":  # the last dot of ". . ."
            return False
        word = re.search(r"([A-Za-z.]+)$", body[:at])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            return False
    return True


def sentences(body: str) -> list[Sentence]:
    """The sentences of a clean body, paragraph by paragraph."""
    out: list[Sentence] = []
    offset = 0
    for para in body.split("\n\n"):
        if has_khmer(para):  # KHMER HOOK (issue 25): ។ ៕ ? ! and line breaks end sentences
            out += [
                Sentence(offset + s.start, offset + s.end, s.text) for s in khmer_sentences(para)
            ]
            offset += len(para) + 2
            continue
        start = 0
        for match in _END.finditer(para):
            if _is_boundary(para, match.start()):
                end = match.end()
                text = para[start:end].rstrip()
                out.append(Sentence(offset + start, offset + start + len(text), text))
                start = end
        text = para[start:].rstrip()
        if text:
            out.append(Sentence(offset + start, offset + start + len(text), text))
        offset += len(para) + 2
    return out


def why_coded(text: str) -> str | None:
    """Why a sentence needs coding ('attributes words: said'), or None when it does not."""
    if _QUOTE_MARKS.search(text):
        return "attributes words: quotation marks"
    if m := _SAYING.search(text):
        return f"attributes words: '{m.group(0)}'"
    if verb := first_speech_verb(text):  # KHMER HOOK (issue 25): បាននិយាយថា …
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

    @property
    def share(self) -> float:
        return 1.0 if not self.needed else (self.covered + self.excused) / len(self.needed)

    def line(self) -> str:
        return (
            f"coverage {self.source_id}: {self.share:.0%} of {len(self.needed)} sentences "
            f"({self.covered} coded, {self.excused} not coded with a reason, "
            f"{len(self.uncovered)} unaccounted)"
        )


def _spans_by_source(data: Dataset) -> tuple[dict[str, list], dict[str, list], dict[str, str]]:
    """Record spans and not_coded spans per source, and the curated file of each source."""
    coded: dict[str, list[tuple[int, int]]] = {}
    excused: dict[str, list[tuple[int, int]]] = {}
    files: dict[str, str] = {}
    for kind, items in data.records.items():
        for loc in items:
            for key, span in loc.spans.items():
                sid = loc.span_sources.get(key)
                if sid is None:
                    continue
                (excused if kind == "not_coded" else coded).setdefault(sid, []).append(span)
                if kind in ("indicators", "statements", "positions", "events", "not_coded"):
                    files.setdefault(sid, loc.file)
    for loc in data.records.get("sources", []):
        files.setdefault(loc.record.source_id, loc.file)
    return coded, excused, files


def article_coverage(data: Dataset) -> list[ArticleCoverage]:
    """The accounting of every article, in source order."""
    coded, excused, files = _spans_by_source(data)
    out: list[ArticleCoverage] = []
    for src in data.of("sources"):
        sid = src.source_id
        body = data.bodies.get(sid)
        if body is None:
            continue
        acc = ArticleCoverage(sid, files.get(sid, "seeds/curated"))
        for sentence in sentences(body):
            reason = why_coded(sentence.text)
            if reason is None:
                continue
            acc.needed.append((sentence, reason))
            if any(sentence.overlaps(s) for s in coded.get(sid, [])):
                acc.covered += 1
            elif any(sentence.overlaps(s) for s in excused.get(sid, [])):
                acc.excused += 1
            else:
                acc.uncovered.append((sentence, reason))
        out.append(acc)
    return out


def coverage_problems(accounts: list[ArticleCoverage]) -> Problems:
    """One problem per sentence neither coded nor excused, naming the file and the sentence."""
    problems = Problems()
    for acc in accounts:
        for sentence, reason in acc.uncovered:
            shown = sentence.text if len(sentence.text) <= 120 else sentence.text[:117] + "..."
            problems.add(
                acc.file,
                acc.source_id,
                "not_coded",
                f"sentence not accounted for ({reason}): {shown!r}; add a record quoting it "
                "or a not_coded entry with a reason",
            )
    return problems
