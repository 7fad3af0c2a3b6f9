"""Playwright (sync API) on Debian's Chromium against pytest-django's live server.

One browser per test session; every test gets fresh contexts. Never `playwright install`:
the browser is the distribution's /usr/bin/chromium (CI installs it with apt).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API keeps an event loop in this thread; the test code's ORM calls are
# still plain synchronous calls, so Django's async-safety guard is lifted for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is not installed at /usr/bin/chromium "
            "(apt-get install chromium); the browser tests need it."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server) -> str:
    """The live server's base URL, with the demo city loaded as `make run` loads it."""
    call_command("load_demo", force=True, stdout=StringIO())
    return live_server.url


@pytest.fixture
def new_context(browser, demo_site) -> Iterator[Callable]:
    """Make browser contexts (separate cookie jars) on the demo site; all closed afterwards."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=demo_site, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()
