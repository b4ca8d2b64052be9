"""The reader's language: gettext catalogues (locales/), Khmer digits, numbers, dates and type."""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext as _gettext
import io
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

#: The catalogues: locales/<lang>/LC_MESSAGES/messages.po, compiled to .mo when missing.
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
#: The language of the msgids (the source text); every other language has a catalogue.
SOURCE_LANGUAGE = "en"
#: Languages a reader can choose with ?lang=; the first is the default.
LANGUAGES: tuple[str, ...] = ("en", "km")
#: Each language named in its own words, as a switch or a link offers it (never translated).
NATIVE_NAMES = {"en": "English", "km": "ខ្មែរ"}


#: The Khmer type settings a Khmer page (the dashboard's, the studio's) adds; a constant, no
#: reader's input reaches it.
# Khmer stacks consonants below the line (coeng) and vowels above it: at the theme's line
# height the marks of one line touch the next. Khmer OS (Debian fonts-khmeros) or Noto Sans
# Khmer draws them; the theme's Latin font has no Khmer glyphs, so it stays first for the
# Latin words (names, addresses) inside Khmer text. Everything is !important: Streamlit's
# own rules arrive later and win a tie.
KHMER_CSS = (
    ":lang(km) .stApp, :lang(km) [data-testid='stMarkdownContainer'],"
    " :lang(km) [data-testid='stCaptionContainer'], :lang(km) [data-testid='stWidgetLabel'],"
    " :lang(km) [data-testid='stSidebarNav'], :lang(km) [data-testid='stExpander'] summary,"
    " :lang(km) button, :lang(km) input, :lang(km) .article"
    "{ font-family: 'Source Sans', 'Source Sans Pro', 'Khmer OS System', 'Khmer OS',"
    " 'Noto Sans Khmer', sans-serif !important; }"
    ":lang(km) p, :lang(km) li, :lang(km) summary, :lang(km) label, :lang(km) button,"
    " :lang(km) [data-testid='stCaptionContainer'], :lang(km) [data-testid='stMetricLabel'],"
    " :lang(km) [data-testid='stSidebarNav'] span, :lang(km) td, :lang(km) th"
    "{ line-height: 1.75 !important; }"
    # Khmer writes no spaces between words: a label kept on one line is cut off with an
    # ellipsis on a phone where the English fitted. Chromium breaks Khmer by dictionary.
    ":lang(km) [data-testid='stMetricLabel'] *, :lang(km) [data-testid='stWidgetLabel'] *"
    "{ white-space: normal !important; overflow: visible !important;"
    " text-overflow: clip !important; }"
    # English text inside a Khmer page (an article, a quote) keeps the theme's spacing.
    ":lang(en) p, :lang(en) li { line-height: 1.6 !important; }"
    ":lang(km) h1, :lang(km) h2, :lang(km) h3, :lang(km) h4"
    "{ line-height: 1.6 !important; padding-top: 0.35em !important; overflow: visible !important; }"
    ":lang(km) [data-testid='stMetricValue'] > div { line-height: 1.5 !important;"
    " overflow: visible !important; }"
)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention extraction looks for
    """Mark a string for the catalogue where it is defined; it is translated where shown."""
    return message


def language(code: object) -> str:
    """The language a ``?lang=`` value asks for: 'km', 'KM' and 'km-KH' are Khmer; anything
    else (missing, empty, unknown, a list from a repeated parameter) is English."""
    if isinstance(code, list | tuple):
        code = code[-1] if code else None
    if not isinstance(code, str):
        return LANGUAGES[0]
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return base if base in LANGUAGES else LANGUAGES[0]


_KHMER = re.compile(r"[\u1780-\u17ff]")
_LATIN = re.compile(r"[A-Za-z]")


def script_language(text: str) -> str:
    """'km' for text mostly in Khmer script, else 'en': the lang of a text the data holds
    (an article, a quote) whose language is not stored, so fonts and line height follow it."""
    return "km" if len(_KHMER.findall(text)) > len(_LATIN.findall(text)) else "en"


def catalogue_path(lang: str) -> Path:
    """Where the editable catalogue (.po) of a language lives."""
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogue(lang: str) -> bytes:
    """The .po of a language compiled to .mo bytes, written beside it when the folder allows.

    A fresh clone has no .mo (it is not committed): the first page that asks compiles it, so
    `make dashboard` and `make test` need no extra step. Fuzzy entries are left out, as
    msgfmt does, so a half-done translation shows the English rather than a guess.
    """
    po = catalogue_path(lang)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    data = buffer.getvalue()
    # Written whole and renamed, so a second process never reads half a file; a read-only
    # install still works, the bytes being used from memory.
    with contextlib.suppress(OSError):
        partial = po.with_suffix(f".mo.{os.getpid()}")
        partial.write_bytes(data)
        os.replace(partial, po.with_suffix(".mo"))
    return data


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations of a language (English: the msgids themselves)."""
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    po = catalogue_path(lang)
    if not po.exists():
        raise FileNotFoundError(f"{po}: no catalogue for language {lang!r}")
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        data = mo.read_bytes()
    else:
        data = compile_catalogue(lang)
    return _gettext.GNUTranslations(io.BytesIO(data))


#: The digits a language writes are a catalogue entry (msgctxt "digits"), as are its
#: thousands separator and decimal mark: a new language is a new catalogue, never code.
_DIGITS = "0123456789"


@dataclass(frozen=True)
class Translator:
    """Everything a page needs to speak one language: words, numbers and dates.

    Get one with ``translator(st.query_params.get("lang"))``; the module never imports
    Streamlit, so the caller passes the code.
    """

    lang: str

    def gettext(self, message: str) -> str:
        """The message in this language."""
        return translations(self.lang).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural message for n, in this language (Khmer has one form)."""
        return translations(self.lang).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """The message in this language, told apart from the same English by its context."""
        return translations(self.lang).pgettext(context, message)

    def digits(self, text: str) -> str:
        """ASCII digits written with this language's digits: '2017' -> '២០១៧' in Khmer."""
        native = self.pgettext("digits", "0123456789")
        return text.translate(str.maketrans(_DIGITS, native)) if native != _DIGITS else text

    def number_text(self, english: str) -> str:
        """A number formatted the English way ('17,747.5') written the way this language
        writes it: Khmer digits, '.' between thousands and ',' before decimals ('១៧.៧៤៧,៥')."""
        group = self.pgettext("thousands separator", ",")
        decimal = self.pgettext("decimal mark", ".")
        # One pass, so that swapping ',' and '.' cannot turn one into the other twice.
        swapped = english.translate(str.maketrans({",": group, ".": decimal}))
        return self.digits(swapped)

    def date(self, day: object, precision: str = "day") -> str:
        """'14 Feb 2018' / '១៤ កុម្ភៈ ២០១៨', 'Feb 2022' / 'កុម្ភៈ ២០២២' or the year: a date
        as far as it is known, month names from the Unicode CLDR, the pattern from the
        catalogue (msgctxt "date format")."""
        if isinstance(day, dt.date):
            value = day
        else:
            # Imported here: a Timestamp or a text date is rare, and importing pandas for
            # it would load it into every `python -m etl` process (issue 22).
            import pandas as pd

            value = pd.Timestamp(day).date()
        return _date_text(self, value, precision)

    def pick(self, english: str, translated: str | None) -> str:
        """A label of the data in this language: its translation (label_km, name_km) where
        there is one, else the English label; never an empty label."""
        if self.lang != SOURCE_LANGUAGE and isinstance(translated, str) and translated.strip():
            return translated
        return english


@lru_cache(maxsize=1 << 16)
def _date_text(t: Translator, value: dt.date, precision: str) -> str:
    """Translator.date, remembered: a build writes the same few thousand dates tens of
    thousands of times, and Babel's formatting was a tenth of a Save (issue 27). The
    catalogues are read once per process (translations), so the text cannot go stale."""
    patterns = {
        "day": t.pgettext("date format", "d MMM y"),
        "month": t.pgettext("date format", "MMM y"),
        "year": t.pgettext("date format", "y"),
    }
    text = format_date(value, patterns.get(precision, patterns["day"]), locale=t.lang)
    return t.digits(text)


def translator(code: object = None) -> Translator:
    """The translator for a ``?lang=`` value (see ``language``): how a page picks its language."""
    return Translator(language(code))


#: The extraction settings `make translations` uses too (pybabel extract -F babel.cfg).
MAPPING = LOCALES.parent / "babel.cfg"


def extract_messages(root: Path = LOCALES.parent) -> set[tuple[str | None, str]]:
    """Every (context, msgid) the code marks for translation, as `pybabel extract` finds them."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[tuple[str | None, str]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    return found


def catalogue_problems(lang: str, extracted: set[tuple[str | None, str]]) -> list[str]:
    """What keeps a catalogue from matching the code: strings missing from it, stale ones
    (no longer in the code), obsolete, fuzzy or untranslated entries, and translations whose
    {placeholders} differ from the English. Empty when the catalogue is complete."""
    po = catalogue_path(lang)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    where = str(po.relative_to(LOCALES.parent)) if po.is_relative_to(LOCALES.parent) else str(po)
    problems: list[str] = []
    entries = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    for context, msgid in sorted(extracted - set(entries), key=str):
        problems.append(f"{where}: missing {msgid!r} (context {context!r}): run make translations")
    for context, msgid in sorted(set(entries) - extracted, key=str):
        problems.append(f"{where}: stale {msgid!r} (context {context!r}): no longer in the code")
    for message in catalog.obsolete.values():
        problems.append(f"{where}: obsolete entry {message.id!r}: delete it or bring it back")
    for (_context, msgid), message in sorted(entries.items(), key=str):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"{where}: fuzzy {msgid!r}: check the translation, drop the flag")
        if not all(s and s.strip() for s in strings):
            problems.append(f"{where}: untranslated {msgid!r}")
        wanted = set(re.findall(r"\{(\w*)\}", msgid))
        for text in strings:
            if text and set(re.findall(r"\{(\w*)\}", text)) != wanted:
                problems.append(
                    f"{where}: {msgid!r} and its translation {text!r} differ in placeholders"
                )
    return problems
