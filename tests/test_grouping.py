"""The test run's own promise: the tests that drive a real browser share one pytest-xdist
worker, so one Chromium and one dashboard server serve them all (the chart images are drawn
once per run and shared by every worker: tests/conftest.py). A pytest or pytest-xdist upgrade
that drops the grouping fails here."""

from __future__ import annotations

import os

import pytest


@pytest.mark.xdist_group("browser")
def test_tests_marked_for_the_browser_worker_are_grouped(request: pytest.FixtureRequest):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip("one process (pytest -n 0): nothing to group")
    # --dist loadgroup sends every test whose id ends in the group's name to one worker.
    assert request.node.nodeid.endswith("@browser"), request.node.nodeid
