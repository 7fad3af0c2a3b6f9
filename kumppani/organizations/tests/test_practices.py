"""M10: the cooperation-practices document is published in versions that never change."""

from __future__ import annotations

from django.urls import reverse

from kumppani.organizations.models import LiaisonContact, PracticesDocument
from kumppani.organizations.tests.factories import LiaisonContactFactory

NEW = "organizations:practices_new"


def _version_data(n: int) -> dict[str, str]:
    return {
        "title_fi": f"Toimintatavat {n}",
        "title_sv": f"Verksamhetssätt {n}",
        "title_en": f"Practices {n}",
        "body_fi": f"Suomenkielinen teksti {n}.\n\nToinen kappale.",
        "body_sv": f"Svensk text {n}.",
        "body_en": f"English text {n}.",
        "change_summary_fi": f"Muutos {n}",
        "change_summary_sv": f"Ändring {n}",
        "change_summary_en": f"Change {n}",
    }


def test_liaison_publishes_versions_and_old_ones_stay_unchanged(client, liaison):
    client.force_login(liaison)
    assert client.post(reverse(NEW), _version_data(1)).status_code == 302
    first = PracticesDocument.objects.get()
    first_values = (first.title_fi, first.body_fi, first.published_at)
    assert client.get(reverse(NEW)).context["form"].initial["title_fi"] == "Toimintatavat 1"
    client.post(reverse(NEW), _version_data(2))

    first.refresh_from_db()
    assert (first.title_fi, first.body_fi, first.published_at) == first_values
    assert list(PracticesDocument.objects.values_list("version", flat=True)) == [2, 1]

    client.logout()
    latest = client.get(reverse("organizations:practices"))
    assert "Toimintatavat 2" in latest.content.decode()
    assert "<p>Toinen kappale.</p>" in latest.content.decode()
    old = client.get(reverse("organizations:practices_version", args=[1]))
    assert "Suomenkielinen teksti 1." in old.content.decode()
    assert old.context["is_latest"] is False
    assert reverse("organizations:practices_version", args=[2]) in old.content.decode()


def test_practices_are_shown_in_the_current_language(client, liaison):
    client.force_login(liaison)
    client.post(reverse(NEW), _version_data(1))
    client.logout()
    assert (
        "Svensk text 1." in client.get("/sv/organizations/cooperation-practices/").content.decode()
    )
    assert (
        "English text 1." in client.get("/en/organizations/cooperation-practices/").content.decode()
    )


def test_every_language_is_required(client, liaison):
    client.force_login(liaison)
    response = client.post(reverse(NEW), _version_data(1) | {"body_sv": ""})
    assert response.status_code == 200
    assert "body_sv" in response.context["form"].errors
    assert response.context["form"].data["body_fi"].startswith("Suomenkielinen")
    assert not PracticesDocument.objects.exists()


def test_no_document_yet_and_unknown_version(client, db):
    assert client.get(reverse("organizations:practices")).status_code == 200
    assert client.get(reverse("organizations:practices_version", args=[9])).status_code == 404


def test_liaison_edits_the_liaison_contacts(client, liaison):
    contact = LiaisonContactFactory()
    client.force_login(liaison)
    url = reverse("organizations:liaisons")
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(contact.pk),
        "form-0-name": "Liisa Uusinimi",
        "form-0-title_fi": "Järjestöyhdyshenkilö",
        "form-0-title_sv": "",
        "form-0-title_en": "",
        "form-0-email": "liisa@example.org",
        "form-0-phone": "",
        "form-0-order": "0",
        "form-1-name": "Matti Toinen",
        "form-1-title_fi": "Järjestökoordinaattori",
        "form-1-email": "matti@example.org",
        "form-1-order": "1",
    }
    assert client.post(url, data).status_code == 302
    assert list(LiaisonContact.objects.values_list("name", flat=True)) == [
        "Liisa Uusinimi",
        "Matti Toinen",
    ]
