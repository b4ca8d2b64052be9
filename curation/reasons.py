"""The drafts' reasons and notes in the reader's language, rendered from curation/reasons.yaml.

The drafting rules (curation/suggest) write their reasons as plain English sentences, shared with
`etl suggest` and changed often; this module leaves them as they are and renders them instead. A
reason is split into its ";"-joined parts; each part is matched against the templates of
reasons.yaml (an English pattern with named slots, each a catalogue entry with its Khmer); the
matched template is translated and its slots filled: the article's quoted words and names as
printed, ids as they are, numbers in the reader's digits, days and month names in the reader's
way, a nested reason rendered in turn. A part no template matches is shown as it is, marked as English: never
a wrong translation. A new reason is a new template (data), not code: tests/test_reasons.py
drafts the training corpus and names every part no template matches.

Why templates over the alternatives: structured reasons (a code and its values on every Row)
would mean rewriting every drafting rule, which another helper is changing; translating whole
strings would need one catalogue entry per article (they quote its words); a template table
keeps the catalogue small (a few hundred entries) and the drafting code untouched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import IO, Any

import yaml

from data_model.i18n import Translator

TABLE = Path(__file__).with_name("reasons.yaml")
#: The catalogue context of every template, so that a template's English never clashes with
#: the same words elsewhere in the interface.
CONTEXT = "draft reason"
# The article's words a draft quotes, as Python's repr() prints them.
_QUOTED = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\""""
_KINDS = {
    "quoted": f"(?:{_QUOTED})(?:; (?:{_QUOTED}))*",  # one or more, as the draft lists them
    "number": r"\d+(?:\.\d+)?",
    "date": r"\d{4}-\d{2}-\d{2}",
    "id": r"[\w.-]+",
    "word": r"[\w ]+?",
    "month": "|".join(calendar.month_name[1:]),
    "text": r"(?:(?!; ).)+?",  # never across a "; ": that is the next part
    "nested": r".+?",
}
_SLOT = re.compile(r"\{(\w+)\}")
_TO_READ = re.compile(r"[A-Za-z0-9]")  # a part without these is Khmer or a mark


#: A character as Python's repr() escapes it ('\\u200b', '\\xa0'): how a draft's reason quotes
#: words holding an invisible one (U+200B between Khmer words).
_ESCAPED = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))")


def visible(text: str) -> str:
    """Words a draft's reason quotes, shown as the article writes them (in the studio and by
    `etl suggest`): an escaped invisible character (a format character or a space, e.g. U+200B)
    is itself again, never '\\u200b' on the screen or the terminal; any other escape is left
    as it is."""

    def back(found: re.Match[str]) -> str:
        char = chr(int(found[1] or found[2], 16))
        return char if unicodedata.category(char) in ("Cf", "Zs") else found[0]

    return _ESCAPED.sub(back, text)


@dataclass(frozen=True)
class Template:
    """One English pattern of reasons.yaml, compiled."""

    english: str  # the pattern as written, the catalogue's msgid
    pattern: re.Pattern[str]  # the pattern with its slots as named groups
    kinds: tuple[tuple[str, str], ...]  # (slot, kind) in order


@dataclass(frozen=True)
class Rendered:
    """A reason in the reader's language, and the parts of it no template matched."""

    text: str
    english: tuple[str, ...]


@cache
def _table() -> dict[str, Any]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def _kind_of(slot: str) -> str:
    name = slot.rstrip("0123456789")
    for kind, names in _table()["slots"].items():
        if name in names:
            return kind
    raise ValueError(f"reasons.yaml: slot {{{slot}}} has no kind under slots:")


@cache
def templates() -> tuple[Template, ...]:
    """The templates in the table's order: the first that matches a part wins."""
    out = []
    for english in _table()["templates"]:
        pieces, kinds, at = [], [], 0
        for m in _SLOT.finditer(english):
            pieces.append(re.escape(english[at : m.start()]))
            kind = _kind_of(m.group(1))
            pieces.append(f"(?P<{m.group(1)}>{_KINDS[kind]})")
            kinds.append((m.group(1), kind))
            at = m.end()
        pieces.append(re.escape(english[at:]))
        out.append(Template(english, re.compile("".join(pieces), re.S), tuple(kinds)))
    return tuple(out)


def split(text: str) -> list[str]:
    """A reason's ";"-joined parts, never splitting inside quoted words or brackets."""
    parts, depth, start, i = [], 0, 0, 0
    quoted = re.compile(_QUOTED)
    while i < len(text):
        c = text[i]
        if c in "'\"" and (i == 0 or text[i - 1] in " ([,"):
            m = quoted.match(text, i)
            if m:
                i = m.end()
                continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(depth - 1, 0)
        elif c == ";" and depth == 0 and text.startswith("; ", i):
            parts.append(text[start:i])
            start = i = i + 2
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _value(t: Translator, kind: str, value: str) -> tuple[str, tuple[str, ...]]:
    """A slot's value as the reader sees it, and the English parts left in it."""
    if kind == "nested":
        done = _render(t, value)
        return done.text, done.english
    if kind == "number":
        return t.number_text(value), ()
    if kind == "date":
        try:
            return t.date(dt.date.fromisoformat(value)), ()
        except ValueError:  # not a real day ("2018-02-30"): as printed, never a wrong one
            return value, ()
    if kind == "month":  # its name in the reader's language (the CLDR's), without a year
        month = list(calendar.month_name).index(value)
        return t.date(dt.date(2000, month, 1), "month").rsplit(" ", 1)[0], ()
    if kind == "word":
        return t.pgettext(CONTEXT, value), ()
    return value, ()  # the article's words, names and ids: as printed


def _whole(t: Translator, part: str) -> Rendered | None:
    """One part matched by a template, all its nested reasons matched too; else the first
    template that matched with English left inside; None when no template matches it."""
    if not part.strip() or not _TO_READ.search(part):
        return Rendered(part, ())  # an article's Khmer words or a mark: nothing to translate
    first = None
    words = set(_table().get("words") or ())
    for tpl in templates():
        m = tpl.pattern.fullmatch(part)
        if m is None:
            continue
        if any(kind == "word" and m.group(s) not in words for s, kind in tpl.kinds):
            continue  # a word the table does not list is not this template's
        values, left = {}, []
        for slot, kind in tpl.kinds:
            values[slot], english = _value(t, kind, m.group(slot))
            left.extend(english)
        done = Rendered(t.pgettext(CONTEXT, tpl.english).format(**values), tuple(left))
        if not left:
            return done
        first = first or done
    return first


@lru_cache(maxsize=20_000)
def _render(t: Translator, text: str) -> Rendered:
    parts = split(text)
    out, left, i = [], [], 0
    while i < len(parts):
        # The longest run of parts one template matches whole: "60%: a; b" is one reason.
        for j in range(len(parts), i, -1):
            done = _whole(t, "; ".join(parts[i:j]))
            if done is not None and (not done.english or j == i + 1):
                break
        else:
            done = None
        if done is None:
            j, done = i + 1, Rendered(parts[i], (parts[i],))
            if t.lang != "en":
                done = Rendered(t.pgettext("draft reason", "{english} (in English)").format(
                    english=parts[i]), done.english)  # fmt: skip
        out.append(done.text)
        left.extend(done.english)
        i = j
    return Rendered("; ".join(out), tuple(left))


def render(t: Translator, text: str) -> Rendered:
    """A draft's reason or note in ``t``'s language (as it is in English)."""
    if t.lang == "en":
        return Rendered(text, ())
    return _render(t, text)


def say(t: Translator, text: str) -> str:
    """A draft's reason or note as the studio shows it."""
    return render(t, text).text


def unmatched(text: str) -> tuple[str, ...]:
    """The parts of a reason no template matches (for the test that keeps the table whole)."""
    return _render(Translator("km"), text).english


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """Babel's extraction method for curation/reasons.yaml: each template and listed word as
    if written pgettext(CONTEXT, …), so `make translations` and tests/test_i18n.py see them."""
    table = yaml.safe_load(fileobj.read().decode("utf-8"))
    for text in [*table["templates"], *(table.get("words") or ())]:
        yield 0, "pgettext", (CONTEXT, text), []
