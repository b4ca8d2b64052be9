"""Who may use the studio: open on localhost; deployed (OIDC in secrets), editors who log in."""

from __future__ import annotations

from typing import Any

import streamlit as st

from data_model.i18n import Translator, translator


def _section(name: str) -> dict[str, Any]:
    """A secrets section, empty when there is none (or no secrets file at all)."""
    try:
        return dict(st.secrets[name]) if name in st.secrets else {}
    except FileNotFoundError:
        return {}


def editors() -> set[str]:
    """The allow-list, `[studio] editors = [...]` in secrets, compared case-insensitively."""
    return {str(e).casefold() for e in _section("studio").get("editors", [])}


def gate(t: Translator | None = None) -> str:
    """The editor's name to keep with saved records, or stop the script.

    Without an `[auth]` section the studio is local (bound to 127.0.0.1 by `make studio`) and
    open. With one, `st.login` signs in through the OIDC provider named there (or in
    `[studio] provider`), and only an email on the allow-list gets past.
    """
    auth = _section("auth")
    if not auth:
        return ""
    t = t or translator()
    if not st.user.is_logged_in:
        st.info(t.gettext("The curation studio is for editors: log in to continue."))
        provider = _section("studio").get("provider")
        if st.button(t.gettext("Log in"), key="login", type="primary"):
            st.login(provider) if provider else st.login()
        st.stop()
    email = str(st.user.get("email") or "")
    if email.casefold() not in editors():
        # Text only: the address comes from the provider, not from us.
        who = email or t.gettext("This account")
        st.error(t.gettext("{account} is not on the editors' list.").format(account=who))
        if st.button(t.gettext("Log out"), key="logout"):
            st.logout()
        st.stop()
    return email
