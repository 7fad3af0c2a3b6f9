"""Helpers shared by the browser tests."""

from __future__ import annotations

from kumppani.demo.loader import DEMO_PASSWORD


def sign_in(page, email: str, *, password: str = DEMO_PASSWORD, lang: str = "fi") -> None:
    """Sign in through the real sign-in form, as a person would."""
    page.goto(f"/{lang}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/accounts/login/" not in page.url, f"{email} could not sign in: {page.url}"
