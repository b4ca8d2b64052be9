"""When the drafting of an article raises: a clear message naming the article and, where one
sentence drafted alone raises too, that sentence (the CLI and the studio show it, never a
traceback; the article is kept and coded by hand). The message carries the error's type and
words and the sentence, so a rule's bug is reported, not hidden (bench/draft_fuzz.py finds
such sentences before a researcher does)."""

from __future__ import annotations

import datetime as dt

from corpus.cleaning import clean_body
from corpus.sentences import sentences
from curation.suggest.guess import Curated
from curation.suggest.records import NO_CURATED, Row, draft_rows
from curation.suggest.sentences import SuggestError

#: The sentence is quoted up to this many characters in the message.
_SHOWN = 160


class DraftFailed(SuggestError):
    """The drafting of an article raised; the message names the article and the sentence."""


def failing_sentence(raw: str, title: str | None, published: dt.date | None,
                     curated: Curated) -> str | None:  # fmt: skip
    """The first sentence of the clean body that raises when drafted alone, if one does."""
    for sentence in sentences(clean_body(raw, title)):
        try:
            draft_rows(sentence.text, None, "draft", published, curated)
        except Exception:  # noqa: BLE001 - looking for where it raises, whatever the type
            return sentence.text
    return None


def draft_or_explain(
    raw: str,
    title: str | None,
    source_id: str,
    published: dt.date | None,
    curated: Curated = NO_CURATED,
    *,
    article: str,
) -> tuple[str, list[Row]]:
    """draft_rows, or DraftFailed naming the article (and the sentence) when it raises."""
    try:
        return draft_rows(raw, title, source_id, published, curated)
    except Exception as exc:  # the last line of defence: said in one message, chained
        where = failing_sentence(raw, title, published, curated)
        shown = " ".join((where or "").split())
        shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
        at = f" at the sentence {shown!r}" if where else ""
        raise DraftFailed(
            f"the drafting of {article} failed{at} ({type(exc).__name__}: {exc}); no record was "
            "drafted and nothing was written: code the article by hand, and report the sentence"
        ) from exc
