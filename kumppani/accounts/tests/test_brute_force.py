"""Brute-force protection on sign-in: lockout with a cool-off, and no user enumeration."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings

from kumppani.accounts.tests.factories import PASSWORD

WRONG = "The email address and/or password you specified are not correct."
LOCKED = "Too many failed login attempts. Try again later."
START = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


def attempts_allowed() -> int:
    # "5/15m/key,20/m/ip": the per-account part
    per_key = [r for r in settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",") if "/key" in r]
    return int(per_key[0].split("/")[0])


def sign_in(client, email, password):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def errors(response) -> list[str]:
    return response.context["form"].non_field_errors()


@pytest.mark.django_db
def test_after_too_many_wrong_passwords_even_the_right_one_waits_for_the_cool_off(client, resident):
    with time_machine.travel(START, tick=False) as clock:
        for _attempt in range(attempts_allowed()):
            assert errors(sign_in(client, resident.email, "wrong-password")) == [WRONG]

        locked = sign_in(client, resident.email, PASSWORD)
        assert locked.status_code == 200
        assert errors(locked) == [LOCKED]
        assert "_auth_user_id" not in client.session

        clock.shift(dt.timedelta(minutes=16))
        assert sign_in(client, resident.email, PASSWORD).status_code == 302
        assert client.session["_auth_user_id"] == str(resident.pk)


@pytest.mark.django_db
def test_lockout_is_per_account(client, resident, org_member):
    with time_machine.travel(START, tick=False):
        for _attempt in range(attempts_allowed()):
            sign_in(client, resident.email, "wrong-password")
        assert sign_in(client, org_member.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_unknown_address_gets_the_same_answer_as_a_wrong_password(client, resident):
    unknown = sign_in(client, "nobody@example.org", "wrong-password")
    known = sign_in(client, resident.email, "wrong-password")
    assert errors(unknown) == errors(known) == [WRONG]
    assert unknown.status_code == known.status_code == 200


@pytest.mark.django_db
def test_unknown_address_is_locked_out_the_same_way(client):
    with time_machine.travel(START, tick=False):
        for _attempt in range(attempts_allowed()):
            sign_in(client, "nobody@example.org", "guess")
        assert errors(sign_in(client, "nobody@example.org", "guess")) == [LOCKED]


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_an_account_exists(client, resident, mailoutbox):
    known = client.post("/fi/accounts/password/reset/", {"email": resident.email})
    unknown = client.post("/fi/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/fi/accounts/password/reset/done/"
    # The owner of the address gets the link; the unknown address is told it has no account.
    assert [m.to for m in mailoutbox] == [[resident.email], ["nobody@example.org"]]
    assert "/fi/accounts/password/reset/key/" in mailoutbox[0].body
    assert "/accounts/password/reset/key/" not in mailoutbox[1].body


@pytest.mark.django_db
def test_signup_with_a_taken_address_does_not_reveal_it(client, resident, mailoutbox):
    data = {
        "full_name": "Joku Muu",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
    }
    taken = client.post("/fi/accounts/signup/", {**data, "email": resident.email})
    free = client.post("/fi/accounts/signup/", {**data, "email": "fresh@example.org"})
    assert taken.status_code == free.status_code == 302
    assert taken["Location"] == free["Location"] == "/fi/accounts/confirm-email/"
