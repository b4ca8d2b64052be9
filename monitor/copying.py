"""A button that puts a citation on the clipboard in one click and says so ("Copied").

How: `st.html(..., unsafe_allow_javascript=True)`, a documented parameter of Streamlit's own
element, not an iframe: a `<button data-copy="…">` and a few lines of script that add one
click listener to the page, once, for every such button. Why this and not the others:
st.code's copy icon shows only on hover (never on a phone) and has no words (and st.code
costs each page that shows it Streamlit's 1.5 MB code highlighter), wrapping it
in a popover (what "Copy with citation" opened) made one more click that copied nothing; an
iframe component (components.v1) may not write the clipboard unless the page grants it; and
these buttons also sit inside the Data page's HTML table, one a row, where no Streamlit
widget can go. Where the Clipboard API is refused (a page served over plain http) the
script copies through a selected, hidden text box; if that fails too the button says so and
the text stays on screen (copy_text's box) or in the row, to select by hand."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from data_model.i18n import Translator

_SCRIPT = """<script>
(() => {
  if (window.__monitorCopy) return;
  window.__monitorCopy = true;
  const byHand = (text) => {
    const box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.style.position = "fixed";
    box.style.opacity = "0";
    document.body.appendChild(box);
    box.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    box.remove();
    return done;
  };
  document.addEventListener("click", async (event) => {
    const button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) return;
    let done = false;
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      done = true;
    } catch (e) {
      done = byHand(button.dataset.copy);
    }
    const said = button.querySelector(".said");
    if (!button.dataset.label) button.dataset.label = said.textContent;
    said.textContent = done ? button.dataset.done : button.dataset.failed;
    button.classList.toggle("copied", done);
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(() => {
      said.textContent = button.dataset.label;
      button.classList.remove("copied");
    }, 3000);
  });
})();
</script>"""

_STYLE = """<style>
button.copy-cite { font: inherit; font-size: 0.875rem; line-height: 1.4; color: inherit;
  background: transparent; border: 1px solid rgba(128, 128, 128, 0.45); border-radius: 0.5rem;
  padding: 0.3rem 0.75rem; min-height: 2.25rem; cursor: pointer; text-align: start; }
button.copy-cite:hover, button.copy-cite:focus-visible { border-color: currentColor; }
button.copy-cite.copied { border-color: #1a7f37; }
button.copy-cite .icon { display: inline-block; position: relative; width: 0.6em; height: 0.75em;
  border: 1.5px solid currentColor; border-radius: 2px; margin: 0 0.2rem 0 0.35rem;
  vertical-align: -0.05em; }
button.copy-cite .said:not(:empty) { margin-inline-start: 0.4rem; }
button.copy-cite .icon::before { content: ""; position: absolute; left: -0.3em; top: -0.3em;
  width: 100%; height: 100%; border-left: 1.5px solid currentColor;
  border-top: 1.5px solid currentColor; border-radius: 2px 0 0 0; }
.copy-text { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-start; }
.copy-text p { flex: 1 1 14rem; margin: 0; padding: 0.5rem 0.75rem; border-radius: 0.5rem;
  background: rgba(128, 128, 128, 0.08); font-size: 0.875rem; white-space: pre-wrap; }
.copy-list { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.copy-list p { margin: 0; width: 100%; font-size: 0.875rem; }
</style>"""


def button_html(text: str, label: str, t: Translator, *, compact: bool = False) -> str:
    """One copy button: `label` on it, `text` what it copies; its words change to say
    whether copying worked (aria-live, so a screen reader hears it too). A `compact` one
    (a table's rows, where a phone has no width to spare) shows only its icon, its label
    as its name and tooltip, and says "Copied" in a word."""
    if compact:
        done, failed, shown = t.gettext("Copied"), t.gettext("Not copied"), ""
        named = f' title="{escape(label)}" aria-label="{escape(label)}"'
    else:
        done = t.gettext("Copied: paste it where you need it")
        failed = t.gettext("Could not copy: select the text and copy it by hand")
        shown, named = escape(label), ""
    return (
        f'<button type="button" class="copy-cite" data-copy="{_attribute(text)}"{named} '
        f'data-done="{escape(done)}" data-failed="{escape(failed)}">'
        '<span class="icon" aria-hidden="true"></span>'
        f'<span class="said" aria-live="polite">{shown}</span></button>'
    )


def _attribute(text: str) -> str:
    """Text as an attribute's value, its line breaks as character references (the value
    keeps them; the markup stays one line)."""
    return escape(text).replace("\n", "&#10;")


def page_script() -> str:
    """The listener and the buttons' look, for st.html beside the buttons (added once)."""
    return _SCRIPT + _STYLE


def copy_button(
    text: str, t: Translator, label: str | None = None, *, with_script: bool = True
) -> None:
    """'Copy with citation': one click puts `text` on the clipboard. A list of them sends
    the script with its first only (`with_script`): one listener serves every button."""
    label = label or t.gettext("Copy with citation")
    script = page_script() if with_script else ""
    st.html(button_html(text, label, t) + script, unsafe_allow_javascript=True)


def copy_text(text: str, t: Translator, label: str | None = None, *, compact: bool = True) -> None:
    """`text` shown in a box, with its copy button at its right (below it on a phone): what
    st.code drew, in one element of the page's own HTML. st.code made every page that
    showed it fetch and run Streamlit's code highlighter, 1.5 MB of script, for plain text
    (the footer's citation was on every page; docs/benchmarks.md, "Reading at scale")."""
    label = label or t.gettext("Copy with citation")
    st.html(
        f'<div class="copy-text"><p>{escape(text)}</p>{button_html(text, label, t, compact=compact)}'
        f"</div>{page_script()}",
        unsafe_allow_javascript=True,
    )


def copy_buttons(items: Sequence[tuple[str, str]], heading: str, t: Translator) -> None:
    """Several copy buttons in one element (label, text to copy), under a short heading: a
    chart's figures cost the page one element, however many there are."""
    if not items:
        return
    buttons = "".join(button_html(text, label, t) for label, text in items)
    st.html(
        f'<div class="copy-list"><p>{escape(heading)}</p>{buttons}</div>' + page_script(),
        unsafe_allow_javascript=True,
    )
