"""The label check every chart image test shares: texts of an SVG that leave the drawing, print over each other or are crossed by a range bar or an arrow, read in a real browser."""

from __future__ import annotations

import re

# Every text of a chart SVG: outside the drawing, or over another text. Texts plotly hides
# (empty, or opacity 0) do not count.
TEXT_CLASHES = """() => {
  const svg = document.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()
      && getComputedStyle(t).display !== 'none' && t.getAttribute('opacity') !== '0');
  const rects = texts.map(t => ({text: t.textContent.trim(), r: t.getBoundingClientRect()}));
  const out = [];
  for (const a of rects) {
    if (a.r.left < box.left - 0.5 || a.r.top < box.top - 0.5
        || a.r.right > box.right + 0.5 || a.r.bottom > box.bottom + 0.5)
      out.push(`"${a.text}" runs outside the drawing`);
  }
  // Range bars and bound arrows: no line may run through a label or a phase's name.
  const lines = [...svg.querySelectorAll('.annotation-arrow-g path, .errorbar path')]
      .map(p => p.getBoundingClientRect()).filter(r => r.width + r.height > 0);
  for (const a of rects) for (const l of lines) {
    const w = Math.min(a.r.right, l.right) - Math.max(a.r.left, l.left);
    const h = Math.min(a.r.bottom, l.bottom) - Math.max(a.r.top, l.top);
    if (w > 0.5 && h > 1) out.push(`a range bar or arrow runs through "${a.text}"`);
  }
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
    const a = rects[i].r, b = rects[j].r;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) out.push(`"${rects[i].text}" prints over "${rects[j].text}"`);
  }
  return out;
}"""


def at_drawing_size(svg: bytes) -> str:
    """A print SVG at the size it was laid out in (its viewBox), not the millimetres it
    prints at: the clash check then measures the drawing the PNG is."""
    text = svg.decode("utf-8")
    head, rest = text.split(">", 1)
    _, _, width, height = re.search(r'viewBox="([^"]+)"', head).group(1).split()
    head = re.sub(r' width="[^"]+"', f' width="{width}"', head, count=1)
    head = re.sub(r' height="[^"]+"', f' height="{height}"', head, count=1)
    return f"{head}>{rest}"
