import pytest
from django.urls import reverse

from kumppani.organizations.tests.factories import (
    LiaisonContactFactory,
    MembershipFactory,
    PracticesDocumentFactory,
)

MODELS = [
    "organization",
    "membership",
    "invitation",
    "joinrequest",
    "targetgroup",
    "language",
    "liaisoncontact",
    "practicesdocument",
]


@pytest.mark.parametrize("model", MODELS)
def test_admin_pages_open(admin_client, model):
    MembershipFactory()
    LiaisonContactFactory()
    PracticesDocumentFactory()
    assert admin_client.get(reverse(f"admin:organizations_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:organizations_{model}_add")).status_code == 200


def test_published_practices_cannot_be_changed_in_admin(admin_client):
    document = PracticesDocumentFactory()
    url = reverse("admin:organizations_practicesdocument_change", args=[document.pk])
    response = admin_client.post(url, {"title_fi": "Muutettu"})
    document.refresh_from_db()
    assert document.title_fi != "Muutettu"
    assert response.status_code in {200, 403}
