"""Fixtures for the project-wide tests in `tests/` (the browser tests live in tests/browser/)."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_data(db):
    """The demo city (organizations, demo people, master data), as `make run` loads it."""
    call_command("load_demo", force=True, stdout=StringIO())
