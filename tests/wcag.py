"""WCAG 2 contrast of text over a background, for tests of pages and chart images."""

from __future__ import annotations

import re


def rgb(css: str) -> tuple[float, ...]:
    """(r, g, b) of a CSS colour written as rgb(), rgba() or #rgb / #rrggbb."""
    if css.startswith("#"):
        digits = css[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return tuple(float(int(digits[i : i + 2], 16)) for i in (0, 2, 4))
    return tuple(float(v) for v in re.findall(r"[\d.]+", css)[:3])


def _luminance(colour: tuple[float, ...]) -> float:
    """WCAG 2 relative luminance."""
    linear = [c / 255 for c in colour]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in linear]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, opacity: float, background: str) -> float:
    """WCAG contrast ratio of text drawn at this opacity over this background."""
    back = rgb(background)
    seen = tuple(opacity * c + (1 - opacity) * b for c, b in zip(rgb(colour), back, strict=True))
    light, dark = sorted((_luminance(seen), _luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
