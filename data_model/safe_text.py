"""The one rule for text from the data in Markdown, HTML or Plotly: shown as stored, never obeyed.

Quotes, names and titles come from news articles and contributors: a `$` must not start
math, `**` must not make bold, `[x](http://…)` must not become a link nor `![x](…)` an
image every reader's browser fetches, `:red[…]` must not colour, `# …` must not make a
heading. Links come only from `url` fields, and only http(s).
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder
# what follows them: "gnp.exe" behind U+202E displays as "exe.png". They are shown as
# their code points instead, so a reader sees that they are there.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Every ASCII punctuation mark CommonMark lets a backslash escape and that Streamlit's
# Markdown gives a meaning to: emphasis, code, links, images, headings, tables, math
# ($), directives (:red[…]), HTML and entities (& <), strike-through (~), footnotes (^),
# and ':' before a non-space and '/' so that neither "http://", ":red[…]", ":material/…"
# nor ":smile:" is recognised ("Sources: …" keeps its plain colon).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~$&<>^=/@]|:(?=\S))")
# Markers that mean something only at the start of a line: lists ("- ", "1. ") and
# setext rules ("---").
_LINE_START = re.compile(r"^(\s*)(-|\d+\.)", re.MULTILINE)
# GitHub-flavoured Markdown links bare addresses in the rendered text, after escapes are
# resolved, unless the character before one is a letter or an invisible format character:
# a word joiner (U+2060) goes before "http:", "https:", "www." and "@".
_AUTOLINK = re.compile(r"(?i)(https?:|www\.|@)")
WORD_JOINER = "\u2060"
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.IGNORECASE)


def visible_bidi(text: str) -> str:
    """Bidi control characters replaced by a visible ⟨U+202E⟩, everything else as is."""
    return _BIDI_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def md(value: object) -> str:
    """Any value as Markdown that displays exactly its text: no formatting, link, image,
    heading, math or directive; bidi controls made visible; an invisible word joiner
    before a bare address, so it is not made a link."""
    text = _AUTOLINK.sub(WORD_JOINER + r"\1", visible_bidi(str(value)))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text)


def safe_url(url: object) -> str | None:
    """The address if it is a plain http(s) URL, else None (javascript:, data:, spaces …)."""
    if not isinstance(url, str) or not _SAFE_URL.match(url.strip()):
        return None
    # Parentheses would end a Markdown link destination early: percent-encode them.
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")


def md_link(label: object, url: object) -> str:
    """A Markdown link from a `url` field, its label as text; only the text when the
    address is not http(s)."""
    target = safe_url(url)
    return f"[{md(label)}]({target})" if target else md(label)


def html_text(value: object, *, isolate: bool = True) -> str:
    """Any value as HTML text: escaped, bidi controls visible and, unless isolate is False
    (attributes, long running text), in <bdi> so a right-to-left name does not reorder the
    words around it."""
    text = html.escape(visible_bidi(str(value)), quote=True)
    return f"<bdi>{text}</bdi>" if isolate else text


def plotly_text(value: object) -> str:
    """Any value for Plotly's hover text, labels and annotations, which read a subset of
    HTML (<a href>, <b>, <br>): escaped, so it stays text."""
    return html.escape(visible_bidi(str(value)), quote=False)
