"""The deployed studio's login against a real OpenID Connect provider on loopback: an editor on
the allow-list signs in and gets the studio (issue 11). Anyone else is stopped at the gate:
the address the provider gives meets the same list (tests/test_studio.py's
`test_deployed_studio_lets_in_logged_in_editors_only`, a signed-in stranger refused, with the
way out), so a second sign-in here would test the list again at a browser's cost.

The provider (tests/fixtures/oidc_provider.py) is a real one, not a stub of Streamlit: the
browser follows Streamlit's `st.login` redirect, types an email into the provider's form, and
Streamlit (Authlib) exchanges the code, checks the signed id_token against the JWKS and sets
its cookie, exactly as with a hosted provider.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serving import (
    MOTION,
    WAIT_MS,
    free_port,
    stop_server,
    wait_until_answering,
    wait_until_rendered,
)

# The studio's own servers, one worker apart from the dashboard's browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("studio")]

ROOT = Path(__file__).resolve().parent.parent
PROVIDER = ROOT / "tests" / "fixtures" / "oidc_provider.py"
EDITOR = "editor@example.org"
GATE = "log in to continue"
REFUSED = "is not on the editors' list"


def _start(args: list[str], log: Path, health: str, env: dict[str, str]) -> subprocess.Popen:
    with log.open("ab") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if not wait_until_answering(health, proc, log):
        stop_server(proc)
        raise RuntimeError(f"{args[:4]} did not answer {health}:\n{log.read_text()[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def provider(browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The loopback OpenID Connect provider; its issuer URL. (It asks for the browser first,
    so a machine without Chromium skips before starting anything.)"""
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    proc = _start(
        [sys.executable, str(PROVIDER), str(port)],
        log,
        f"{issuer}/.well-known/openid-configuration",
        dict(os.environ),
    )
    try:
        yield issuer
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def studio(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The studio as deployed: an `[auth]` section naming the provider, one editor allowed."""
    sys.path.insert(0, str(PROVIDER.parent))
    from oidc_provider import CLIENT_ID, CLIENT_SECRET

    here = tmp_path_factory.mktemp("studio")
    port = free_port()
    url = f"http://localhost:{port}"
    secrets = here / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-more-than-thirty-two-characters"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        "[studio]\n"
        f'editors = ["{EDITOR.upper()}"]\n',
        encoding="utf-8",
    )
    env = {**os.environ, "STUDIO_SEEDS": str(ROOT / "tests" / "fixtures" / "seeds")}
    args = [
        *(sys.executable, "-m", "streamlit", "run", str(ROOT / "studio" / "app.py")),
        *("--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--server.headless", "true", "--server.fileWatcherType", "none"),
        *("--browser.gatherUsageStats", "false", "--secrets.files", str(secrets)),
    ]
    proc = _start(args, here / "studio.log", f"{url}/_stcore/health", env)
    try:
        yield url
    finally:
        stop_server(proc)


def _sign_in(browser, studio: str, email: str):
    """A browser of its own comes to the gate: nobody gets past it without signing in (the
    screens are not drawn); then it signs in at the provider as `email`."""
    context = browser.new_context(reduced_motion=MOTION)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.goto(studio)
    page.get_by_text(GATE).wait_for()
    login = page.get_by_role("button", name="Log in")
    login.wait_for()  # drawn after the gate's words, in the same run: the run is over
    wait_until_rendered(page)
    assert page.get_by_role("radiogroup", name="Screen").count() == 0
    login.click()
    page.locator('input[name="email"]').fill(email)  # the provider's own form
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{studio}/**")
    return context, page


def test_an_editor_on_the_list_signs_in_and_gets_the_studio(browser, studio: str):
    context, page = _sign_in(browser, studio, EDITOR)
    try:
        page.get_by_role("radiogroup", name="Screen").wait_for()  # the screens past the gate
        assert page.get_by_text(GATE).count() == 0
        assert page.get_by_text(REFUSED).count() == 0
    finally:
        context.close()
