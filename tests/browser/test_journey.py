"""The newcomer's journey: sign up → verify the e-mail → register an organization → the liaison
verifies it → it appears in the public directory."""

import re

import pytest
from django.core import mail

from kumppani.accounts.models import User
from kumppani.core.decisions import DecisionStatus
from kumppani.organizations.models import Membership, MembershipRole, Organization
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser

EMAIL = "puheenjohtaja@example.org"
PASSWORD = "Tammikuun-kirjasto-42"  # noqa: S105
ORG_NAME = "Koivulan Kuoroyhdistys ry"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+")


def submit_main_form(page) -> None:
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").last.click()


def test_from_sign_up_to_the_public_directory(new_context):
    newcomer = new_context().new_page()

    # Sign up with e-mail, name and password.
    newcomer.goto("/fi/accounts/signup/")
    newcomer.fill("input[name=email]", EMAIL)
    newcomer.fill("input[name=full_name]", "Kaisa Laulaja")
    newcomer.fill("input[name=password1]", PASSWORD)
    newcomer.fill("input[name=password2]", PASSWORD)
    submit_main_form(newcomer)
    assert not User.objects.get(email=EMAIL).emailaddress_set.get().verified

    # Open the verification link from the e-mail and confirm.
    (message,) = [m for m in mail.outbox if EMAIL in m.to]
    link = CONFIRM_LINK.search(message.body).group(0)
    newcomer.goto(link)
    submit_main_form(newcomer)
    assert User.objects.get(email=EMAIL).emailaddress_set.get().verified

    # Register an organization (signed in by the confirmation, or through the form).
    newcomer.goto("/fi/organizations/register/")
    if "/accounts/login/" in newcomer.url:
        sign_in(newcomer, EMAIL, password=PASSWORD)
        newcomer.goto("/fi/organizations/register/")
    newcomer.fill("input[name=name_fi]", ORG_NAME)
    newcomer.select_option("select[name=org_type]", "association")
    newcomer.check("input[name=is_nonprofit]")
    newcomer.fill("input[name=association_number]", "204.518")
    newcomer.fill(
        "textarea[name=description_fi]", "Sekakuoro, joka harjoittelee Koivulan koululla."
    )
    newcomer.check("input[name=themes] >> nth=0")
    submit_main_form(newcomer)
    assert newcomer.locator("h1").inner_text().strip() == ORG_NAME
    organization = Organization.objects.get(name_fi=ORG_NAME)
    assert organization.status == DecisionStatus.PENDING
    assert Membership.objects.filter(
        organization=organization, user__email=EMAIL, role=MembershipRole.ADMIN
    ).exists()

    # Not public before verification.
    visitor = new_context().new_page()
    visitor.goto("/fi/organizations/?q=Kuoroyhdistys")
    assert ORG_NAME not in visitor.locator("main").inner_text()

    # The liaison verifies it from the verification queue.
    liaison = new_context().new_page()
    sign_in(liaison, "liaison@example.org")
    liaison.goto("/fi/organizations/verification/")
    with liaison.expect_navigation():
        liaison.get_by_role("link", name=ORG_NAME).click()
    liaison.check("input[name=decision][value=approved]")
    submit_main_form(liaison)
    organization.refresh_from_db()
    assert organization.status == DecisionStatus.APPROVED
    assert organization.decided_by.email == "liaison@example.org"

    # Now it is in the public directory, and its page opens.
    visitor.goto("/fi/organizations/?q=Kuoroyhdistys")
    with visitor.expect_navigation():
        visitor.get_by_role("link", name=ORG_NAME).click()
    assert visitor.locator("h1").inner_text().strip() == ORG_NAME
