"""Addresses readers copy or follow: this server's base URL, permalinks, chart files and the API."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote_plus

import streamlit as st

from api.filters import api_path
from charts.catalogue import chart_page
from data_model.i18n import translator
from monitor import cached


def base_url() -> str:
    """Where this dashboard is served, as the reader's browser sees it (for permalinks)."""
    url = st.context.url or ""
    parts = url.split("/", 3)
    return "/".join(parts[:3]) if len(parts) >= 3 and parts[0].startswith("http") else ""


#: Used in files made outside a browser session (no request URL to go by).
FALLBACK_URL = "http://localhost:8501"


def page_permalink(href: str) -> str:
    """The full address of one of our pages (a statement or proposal alone), for citations."""
    return f"{base_url() or FALLBACK_URL}/{href}"


def chart_image_url(chart_id: str, suffix: str, lang: str = "en") -> str:
    """The chart file's address (api.routes) for this build: /charts/{id}.svg?v=<build>,
    with &lang=km for the Khmer drawing."""
    tail = "" if lang == "en" else f"&lang={lang}"
    return html.escape(
        f"{base_url()}/charts/{quote_plus(chart_id)}{suffix}?v={cached.build_version()}{tail}"
    )


def permalink(chart_id: str, *, embed: bool, lang: str = "en") -> str:
    """The chart alone (embed=True, for iframes) or on its page in the full dashboard, in
    the reader's language (?lang=km)."""
    tail = "" if lang == "en" else f"lang={lang}"
    if embed:
        return f"{base_url()}/embed?embed=true&chart={chart_id}" + (f"&{tail}" if tail else "")
    page = chart_page(chart_id)
    joiner = "&" if "?" in page else "?"
    return f"{base_url()}/{page}" + (f"{joiner}{tail}" if tail else "") + f"#{chart_id}"


def light_embed_url(chart_id: str, lang: str = "en") -> str:
    """The chart's light embed (api.embed): a small page with the static image, no script."""
    tail = "" if lang == "en" else f"?lang={lang}"
    return f"{base_url()}/charts/{quote_plus(chart_id)}.html{tail}"


def api_addresses(table: str, lang: str = "en", **filters: Sequence[Any] | str) -> str:
    """Markdown: the CSV and JSON addresses of the rows shown, for pandas, R or a spreadsheet."""
    csv, json_ = (f"{base_url()}{api_path(table, s, filters)}" for s in (".csv", ".json"))
    said = translator(lang).gettext("The same rows at a stable address:")
    return f"{said} [CSV]({csv}) · [JSON]({json_}) — `{csv}`"
