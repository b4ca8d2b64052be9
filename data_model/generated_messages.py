"""The catalogue entries of text the code generates (the methodology, the checks' rules), for
`make translations` and tests/test_i18n.py: babel.cfg names `extract` for the file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from babel.messages.extract import extract_python

from data_model.check_rules import RULES
from data_model.i18n import Translator
from data_model.methodology import CONTEXT, render_methodology, say


@dataclass(frozen=True)
class _Listener(Translator):
    """An English translator that notes every methodology paragraph it is asked for."""

    heard: list[str] = field(default_factory=list, compare=False, hash=False)

    def pgettext(self, context: str, message: str) -> str:
        """The English, noted when it is the methodology's."""
        if context == CONTEXT:
            self.heard.append(message)
        return super().pgettext(context, message)


def generated() -> list[str]:
    """Every paragraph the methodology and the checks' rules are made of, whatever the data:
    the models' descriptions and the rules' words, which no literal in the code spells out.
    (The examples' sentences are literals, found by the Python extractor.)"""
    listener = _Listener("en")
    render_methodology({}, t=listener)
    say(listener, RULES)
    return listener.heard


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel's extraction method for data_model/methodology.py: its literals as the Python
    extractor finds them, then each generated paragraph as if written pgettext(CONTEXT, …)."""
    yield from extract_python(fileobj, keywords, comment_tags, options)
    for text in dict.fromkeys(generated()):
        yield 0, "pgettext", (CONTEXT, text), []
