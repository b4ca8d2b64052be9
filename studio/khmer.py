"""The Khmer a researcher types beside the English in the studio: optional, kept in Unicode NFC,
checked as the model checks it, saved with the English; and the studio's own words for it."""

from __future__ import annotations

import unicodedata
from typing import Any

import streamlit as st
from pydantic import TypeAdapter, ValidationError

from data_model.records import KhmerLabel, KhmerText
from data_model.safe_text import md
from studio.language import words

#: A name or label has no Latin letters; a sentence may keep names and abbreviations (NACD).
_CHECKS = {True: TypeAdapter(KhmerLabel), False: TypeAdapter(KhmerText)}


def normal(value: Any) -> str | None:
    """What is kept: the words in NFC (Khmer typed on some keyboards is not), blank as None."""
    text = unicodedata.normalize("NFC", str(value or "")).strip()
    return text or None


def problem(value: Any, label: bool) -> str | None:
    """Why the build would refuse the words as Khmer (not in Khmer script; Latin letters in a
    name or label), else None."""
    if not normal(value):
        return None
    try:
        _CHECKS[label].validate_python(normal(value))
    except ValidationError as exc:
        error = exc.errors()[0]
        return str((error.get("ctx") or {}).get("error") or error["msg"])
    return None


def hint(label: bool) -> str:
    """The help beside a Khmer field."""
    t = words()
    if label:
        return t.gettext(
            "Shown on Khmer pages instead of the English, which they show while this is "
            "empty. Khmer script only."
        )
    return t.gettext(
        "Shown on Khmer pages instead of the English, which they show while this is empty. "
        "Khmer script; names and abbreviations (NACD) may stay in Latin letters."
    )


def show_problem(value: Any, label: bool) -> None:
    """The reason under the field, at once, rather than at Save."""
    if reason := problem(value, label):
        st.error(md(reason), icon=":material/translate:")


def field(label: str, value: Any, key: str, *, is_label: bool) -> str | None:
    """A record's Khmer field (its value read back each run, like the English beside it)."""
    typed = st.text_input(label, normal(value) or "", key=key, help=hint(is_label))
    show_problem(typed, is_label)
    return normal(typed)
