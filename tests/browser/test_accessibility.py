"""Every page reachable from the home page, in three languages, signed out and as each demo
person: zero WCAG 2.1 A/AA violations (axe-core) and no sideways scrolling at 320 px."""

import pytest

from kumppani.demo.data.people import PEOPLE
from tests.browser.crawler import crawl
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser

PERSONAS = [None, *(person.email for person in PEOPLE)]


@pytest.mark.parametrize("email", PERSONAS, ids=lambda email: email or "signed-out")
def test_every_reachable_page_is_accessible(new_context, demo_site, email):
    page = new_context().new_page()
    if email:
        sign_in(page, email)
    report = crawl(page, demo_site)
    assert len(report.visited) >= 9, report.visited  # at least three pages per language
    assert not report.problems, (
        f"{len(report.problems)} problems on {len(report.visited)} pages as "
        f"{email or 'a signed-out visitor'}:\n" + "\n".join(report.problems)
    )


KEY_PAGES = [
    "/fi/",
    "/sv/",
    "/en/",
    "/fi/organizations/",
    "/fi/organizations/kulttuuriyhdistys-kaiku/",
    "/sv/organizations/cooperation-practices/",
    "/en/accounts/login/",
    "/fi/accounts/signup/",
]


def test_key_pages_work_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    for path in KEY_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        heading = page.locator("h1")
        assert heading.count() == 1, path
        assert heading.is_visible() and heading.inner_text().strip(), path
