"""A unit's named responsible person (M9c) cannot vanish by deleting their account."""

import pytest

from kumppani.accounts.models import User
from kumppani.accounts.tests.factories import PASSWORD
from kumppani.facilities.tests.factories import UnitFactory


@pytest.mark.django_db
def test_responsible_person_is_told_why_the_account_cannot_be_deleted_yet(client, facility_manager):
    UnitFactory(responsible=facility_manager, name_en="East Shore School")
    client.force_login(facility_manager)

    response = client.post("/en/profile/delete/", {"password": PASSWORD})

    assert response.status_code == 200
    assert "East Shore School" in response.text
    assert 'class="error-summary"' in response.text
    assert User.objects.filter(pk=facility_manager.pk).exists()
    assert client.get("/en/profile/").status_code == 200  # still signed in


@pytest.mark.django_db
def test_other_staff_can_delete_their_account(client, grant_officer):
    client.force_login(grant_officer)

    response = client.post("/en/profile/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=grant_officer.pk).exists()
    assert client.get("/en/profile/").status_code == 302  # signed out
