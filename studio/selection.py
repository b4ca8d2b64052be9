"""The Review screen's clean text as a selectable surface: candidates highlighted, and the
words the curator selects with the mouse sent back as character offsets into the clean text."""

from __future__ import annotations

from typing import Any

import streamlit as st

from curation.suggest.records import Row

# The article's words are set as textContent, never as HTML: shown as text, never obeyed.
# Offsets count code points, as Python does: a character outside the BMP (an emoji) is two
# UTF-16 units in JavaScript but one in the body the offsets index.
_JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector(".passage-text");
  if (!root) {
    root = document.createElement("div");
    root.className = "passage-text";
    root.setAttribute("role", "document");
    parentElement.appendChild(root);
  }
  root.setAttribute("aria-label", data.label);  // the page's language: set as an attribute
  root.replaceChildren();
  const body = data.body;
  const points = (s) => Array.from(s).length;
  let offset = 0;  // in code points
  for (const para of body.split("\\n\\n")) {
    const p = document.createElement("p");
    const chars = Array.from(para);
    let at = 0;
    const add = (from, to, tint) => {
      if (to <= from) return;
      const span = document.createElement("span");
      span.dataset.start = String(offset + from);
      span.dataset.end = String(offset + to);
      if (tint) span.className = "mark-" + tint;
      span.textContent = chars.slice(from, to).join("");
      p.appendChild(span);
    };
    for (const [s, e, tint] of data.marks) {
      const from = Math.max(s - offset, at), to = Math.min(e - offset, chars.length);
      if (from >= to) continue;
      add(at, from, null);
      add(from, to, tint);
      at = to;
    }
    add(at, chars.length, null);
    root.appendChild(p);
    offset += chars.length + 2;
  }
  const position = (node, off) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const span = node.parentElement;
      return Number(span.dataset.start) + points(node.textContent.slice(0, off));
    }
    const spans = Array.from(root.querySelectorAll("span[data-start]"));
    if (node.dataset && node.dataset.start !== undefined) {
      return off === 0 ? Number(node.dataset.start) : Number(node.dataset.end);
    }
    const next = node.childNodes[off];
    const first = next && (next.dataset && next.dataset.start !== undefined
      ? next : next.querySelector && next.querySelector("span[data-start]"));
    if (first) return Number(first.dataset.start);
    const inside = Array.from(node.querySelectorAll ? node.querySelectorAll("span[data-start]") : []);
    const last = inside.length ? inside[inside.length - 1] : spans[spans.length - 1];
    return last ? Number(last.dataset.end) : 0;
  };
  const send = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const start = position(range.startContainer, range.startOffset);
    const end = position(range.endContainer, range.endOffset);
    if (end > start) setTriggerValue("selected", { start, end });
  };
  root.onmouseup = () => setTimeout(send, 0);
}
"""

_CSS = """
.passage-text { line-height: 1.6; user-select: text; cursor: text; }
.passage-text p { margin: 0 0 1em 0; }
.passage-text .mark-open { background: rgba(255, 164, 33, 0.28); }
.passage-text .mark-accepted { background: rgba(33, 195, 84, 0.25); }
.passage-text .mark-selected { outline: 2px solid #1c83e1; }
"""

_picker = st.components.v2.component(
    "studio_passage_picker", js=_JS, css=_CSS, isolate_styles=False
)


def marks(rows: list[Row], selected: tuple[int, int] | None = None) -> list[list[Any]]:
    """Spans to tint, in order and not overlapping: candidates orange while open, green once
    accepted; the current selection outlined."""
    tint = {"open": "open", "accepted": "accepted"}
    spans = sorted(
        (r.start, r.end, tint[r.status]) for r in rows if r.status in tint and r.end > r.start
    )
    if selected:  # the selection outlined, the candidates' tint kept either side of it
        a, b = selected
        spans = [part for s, e, t in spans for part in ((s, min(e, a), t), (max(s, b), e, t))]
        spans = sorted([*spans, (a, b, "selected")])
    out: list[list[Any]] = []
    for start, end, name in spans:
        start = max(start, out[-1][1]) if out else start
        if start < end:
            out.append([start, end, name])
    return out


def selectable_text(body: str, rows: list[Row], selected: tuple[int, int] | None,
                    label: str = "Clean text: select words to draft a record for them",
                    ) -> dict | None:  # fmt: skip
    """Draw the text, named for screen readers by ``label``; the offsets of words just
    selected, else None."""
    result = _picker(
        key="passage-text",
        data={"body": body, "marks": marks(rows, selected), "label": label},
        on_selected_change=lambda: None,
    )
    chosen = getattr(result, "selected", None)
    return chosen if isinstance(chosen, dict) else None
