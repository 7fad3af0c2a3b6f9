"""The published policy, its versions, and the staff editor (draft → publish)."""

import pytest
from django.urls import reverse

from kumppani.sanctions.models import SanctionPolicy
from kumppani.sanctions.tests.conftest import make_policy


def test_public_policy_page_in_three_languages(client, db):
    assert client.get(reverse("sanctions:policy")).status_code == 200
    make_policy(1)
    for lang, title in (("fi", "Väärinkäytösten"), ("sv", "Påföljder"), ("en", "Sanctions for")):
        page = client.get(f"/{lang}/misuse/policy/").content.decode()
        assert title in page
    page = client.get("/en/misuse/policy/").content.decode()
    assert "Sub-letting" in page and "Loss of free-of-charge use" in page and "6 months" in page


def test_old_versions_stay_readable(client, db):
    make_policy(1)
    make_policy(2)
    old = client.get(reverse("sanctions:policy_version", args=[1]))
    assert old.status_code == 200 and reverse("sanctions:policy") in old.content.decode()
    assert client.get(reverse("sanctions:policy_version", args=[9])).status_code == 404


def editor_data(**overrides):
    data = {
        "title_fi": "Seuraamukset",
        "title_sv": "Påföljder",
        "title_en": "Sanctions",
        "introduction_fi": "Johdanto",
        "introduction_sv": "Inledning",
        "introduction_en": "Introduction",
        "change_summary_fi": "Uusi",
        "change_summary_sv": "Ny",
        "change_summary_en": "New",
        "steps-TOTAL_FORMS": "2",
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "20",
        "steps-0-order": "1",
        "steps-0-consequence": "warning",
        "steps-1-order": "2",
        "steps-1-consequence": "ban",
        "steps-1-months": "3",
    }
    data.update(overrides)
    return data


def test_manager_drafts_and_administrator_publishes(client, facility_manager, administrator):
    client.force_login(facility_manager)
    response = client.post(reverse("sanctions:policy_new"))
    draft = SanctionPolicy.objects.get()
    assert response["Location"] == reverse("sanctions:policy_edit", args=[draft.pk])
    # A ban needs its length: the form keeps what was typed.
    bad = client.post(
        reverse("sanctions:policy_edit", args=[draft.pk]), editor_data(**{"steps-1-months": ""})
    )
    assert bad.status_code == 200 and "Introduction" in bad.content.decode()
    assert not draft.steps.exists()
    client.post(reverse("sanctions:policy_edit", args=[draft.pk]), editor_data())
    assert [s.consequence for s in draft.steps.all()] == ["warning", "ban"]
    assert client.post(reverse("sanctions:policy_publish", args=[draft.pk])).status_code == 403

    client.force_login(administrator)
    client.post(reverse("sanctions:policy_publish", args=[draft.pk]))
    assert SanctionPolicy.objects.in_force() == draft
    # Published versions never change; the next draft starts as a copy.
    assert client.get(reverse("sanctions:policy_edit", args=[draft.pk])).status_code == 404
    client.post(reverse("sanctions:policy_new"))
    second = SanctionPolicy.objects.drafts().get()
    assert second.version == 2 and second.steps.count() == 2 and second.title_sv == "Påföljder"
    # Saving the copied rows unchanged keeps them; a ticked row goes.
    url = reverse("sanctions:policy_edit", args=[second.pk])
    client.post(url, editor_data(**{"steps-INITIAL_FORMS": "2"}))
    assert second.steps.count() == 2
    client.post(url, editor_data(**{"steps-INITIAL_FORMS": "2", "steps-1-DELETE": "on"}))
    assert [s.consequence for s in second.steps.all()] == ["warning"]


@pytest.mark.parametrize("persona", ["resident", "org_admin", "liaison", "grant_officer"])
def test_editor_is_staff_only(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("sanctions:policy_drafts")).status_code == 403
    assert client.post(reverse("sanctions:policy_new")).status_code == 403
