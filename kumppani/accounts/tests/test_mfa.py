"""Two-factor authentication: available to everyone, required of staff in production."""

import datetime as dt

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.test import override_settings

from kumppani.accounts.tests.factories import PASSWORD
from kumppani.accounts.tests.helpers import activate_totp, code_for, current_code

# Codes change every 30 seconds: time stands still inside a test so that a code made at
# 29.9 s is still the right one when it is checked.
MID_PERIOD = dt.datetime(2026, 12, 4, 12, 0, 15, tzinfo=dt.UTC)
frozen = time_machine.travel(MID_PERIOD, tick=False)


@pytest.mark.django_db
@override_settings(KUMPPANI_REQUIRE_STAFF_MFA=True)
def test_staff_without_totp_are_sent_to_set_it_up(client, facility_manager):
    client.force_login(facility_manager)
    response = client.get("/fi/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/2fa/totp/activate/"
    assert client.get("/sv/handling/")["Location"] == "/sv/accounts/2fa/totp/activate/"


@pytest.mark.django_db
@override_settings(KUMPPANI_REQUIRE_STAFF_MFA=True)
def test_staff_can_still_reach_sign_in_and_mfa_pages(client, sign_in, facility_manager):
    sign_in(client, facility_manager, reauthenticate=True)
    assert client.get("/fi/accounts/2fa/totp/activate/").status_code == 200
    assert client.get("/fi/accounts/logout/").status_code == 200


@pytest.mark.django_db
@override_settings(KUMPPANI_REQUIRE_STAFF_MFA=True)
def test_staff_with_totp_and_residents_are_let_through(client, facility_manager, resident):
    activate_totp(facility_manager)
    client.force_login(facility_manager)
    assert client.get("/fi/profile/").status_code == 200
    client.force_login(resident)
    assert client.get("/fi/profile/").status_code == 200


@pytest.mark.django_db
@override_settings(KUMPPANI_REQUIRE_STAFF_MFA=False)
def test_demo_setting_lets_staff_in_with_a_password_alone(client, sign_in, administrator):
    sign_in(client, administrator)
    assert client.get("/fi/profile/").status_code == 200
    assert client.get("/fi/handling/").status_code == 200


@frozen
@pytest.mark.django_db
@override_settings(KUMPPANI_REQUIRE_STAFF_MFA=True)
def test_staff_member_activates_totp_and_then_works(client, sign_in, facility_manager):
    sign_in(client, facility_manager, reauthenticate=True)
    page = client.get("/en/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    assert f'value="{secret}"' in page.content.decode()  # shown for typing in by hand
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": code_for(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=facility_manager, type="totp").exists()
    # Recovery codes come with the authenticator app.
    assert Authenticator.objects.filter(user=facility_manager, type="recovery_codes").exists()
    assert client.get("/en/profile/").status_code == 200


@frozen
@pytest.mark.django_db
@pytest.mark.parametrize("require", [True, False])
def test_staff_with_totp_must_enter_a_code_at_sign_in(client, liaison, require):
    activate_totp(liaison)
    with override_settings(KUMPPANI_REQUIRE_STAFF_MFA=require):
        response = client.post(
            "/fi/accounts/login/", {"login": liaison.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/fi/accounts/2fa/authenticate/"
        assert "_auth_user_id" not in client.session  # not signed in yet
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert 'class="skip-link"' in page.content.decode()

        wrong = client.post("/fi/accounts/2fa/authenticate/", {"code": "000000"})
        assert wrong.status_code == 200
        assert 'class="error-summary"' in wrong.content.decode()
        assert "_auth_user_id" not in client.session

        right = client.post("/fi/accounts/2fa/authenticate/", {"code": current_code(liaison)})
        assert right.status_code == 302
        assert right["Location"] == "/fi/profile/"
        assert client.session["_auth_user_id"] == str(liaison.pk)


@frozen
@pytest.mark.django_db
def test_a_recovery_code_works_in_place_of_the_app(client, sign_in, resident):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    activate_totp(resident)
    codes = RecoveryCodes.activate(resident).get_unused_codes()
    client.post("/fi/accounts/login/", {"login": resident.email, "password": PASSWORD})
    response = client.post("/fi/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


@pytest.mark.django_db
def test_a_resident_can_turn_totp_on(client, sign_in, resident):
    sign_in(client, resident, reauthenticate=True)
    page = client.get("/fi/accounts/2fa/")
    assert page.status_code == 200
    assert "/fi/accounts/2fa/totp/activate/" in page.content.decode()
