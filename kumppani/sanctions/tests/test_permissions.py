"""Who sees a case: its parties and the unit's staff (administrators all); others get 404."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from kumppani.core.models import PersonalDataAccess
from kumppani.sanctions import services
from kumppani.sanctions.forms import check_photo
from kumppani.sanctions.tests.conftest import used_booking
from kumppani.sanctions.tests.helpers import heard

PERSONAS = [
    # persona, case page, staff decision page
    ("anonymous", 302, 302),
    ("booker", 200, 403),
    ("org_admin", 200, 403),
    ("org_member_other", 404, 404),
    ("resident", 404, 404),
    ("other_org_admin", 404, 404),
    ("facility_manager", 200, 200),
    ("other_manager", 404, 404),
    ("liaison", 404, 404),
    ("administrator", 200, 200),
]


@pytest.fixture
def case(frozen, policy, facility, facility_manager, org_member, organization):
    booking = used_booking(frozen, facility, org_member, organization=organization)
    return heard(booking, facility_manager)


@pytest.mark.parametrize(("persona", "case_status", "staff_status"), PERSONAS)
def test_case_pages_by_persona(
    request, client, case, persona, case_status, staff_status, org_member, org_admin
):
    from kumppani.accounts.tests.factories import UserFactory
    from kumppani.organizations.tests.factories import MembershipFactory

    users = {
        "booker": org_member,
        "org_admin": org_admin,
        "org_member_other": MembershipFactory(organization=case.party_organization).user,
    }
    if persona in users:
        client.force_login(users[persona])
    elif persona == "resident":
        client.force_login(UserFactory())
    elif persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("sanctions:case", args=[case.pk])).status_code == case_status
    assert client.get(reverse("sanctions:decide", args=[case.pk])).status_code == staff_status


def test_staff_views_are_logged(client, case, facility_manager):
    client.force_login(facility_manager)
    client.get(reverse("sanctions:case", args=[case.pk]))
    access = PersonalDataAccess.objects.get(viewer=facility_manager)
    assert access.what == "misuse case" and case.number in access.object_repr


def test_party_list_shows_only_own_cases(client, case, org_member, other_org_admin, resident):
    client.force_login(org_member)
    assert case.number in client.get(reverse("sanctions:mine")).content.decode()
    client.force_login(other_org_admin)
    assert case.number not in client.get(reverse("sanctions:mine")).content.decode()


def test_staff_list_is_scoped_to_units(
    client, case, facility_manager, other_manager, django_assert_max_num_queries
):
    client.force_login(facility_manager)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("sanctions:cases"))
    assert case.number in page.content.decode()
    client.force_login(other_manager)
    assert case.number not in client.get(reverse("sanctions:cases")).content.decode()


def test_responsible_person_with_an_account_is_a_party(client, case):
    from kumppani.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(email="vastuu@example.org"))
    assert client.get(reverse("sanctions:case", args=[case.pk])).status_code == 200


def image_bytes(fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="image/png")


def test_photos_checked_by_content_and_served_privately(
    client, settings, case, facility_manager, org_member, other_org_admin
):
    client.force_login(facility_manager)
    url = reverse("sanctions:add_photo", args=[case.pk])
    fake = client.post(url, {"photo": upload("evil.png", b"<script>alert(1)</script>")})
    assert fake.status_code == 200 and not case.photos.exists()
    big = client.post(url, {"photo": upload("big.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024))})
    assert big.status_code == 200 and not case.photos.exists()
    good = client.post(
        url, {"photo": upload("tuoli.jpg", image_bytes("WEBP")), "description": "Tuoli"}
    )
    assert good.status_code == 302
    photo = case.photos.get()
    assert photo.content_type == "image/webp" and photo.extension == "webp"
    assert photo.file.path.startswith(settings.SANCTIONS_PRIVATE_ROOT)
    assert not photo.file.path.startswith(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        photo.file.url  # noqa: B018 - no public address exists

    served = reverse("sanctions:photo", args=[case.pk, photo.pk])
    response = client.get(served)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(org_member)
    assert client.get(served).status_code == 200
    client.force_login(other_org_admin)
    assert client.get(served).status_code == 404
    client.logout()
    assert client.get(served).status_code == 302


def test_check_photo_rejects_damaged_images():
    from django.core.exceptions import ValidationError

    data = image_bytes("PNG")
    with pytest.raises(ValidationError) as damaged:
        check_photo(upload("x.png", data[:40]))
    assert damaged.value.code == "photo_damaged"
    assert check_photo(upload("x.png", data)) == ("image/png", "png")


def test_parties_cannot_use_staff_actions(client, case, org_member):
    client.force_login(org_member)
    response = client.post(reverse("sanctions:open_hearing", args=[case.pk]), {"claim": "x"})
    assert response.status_code == 403
    assert services  # the services are the only writers; the view refused before them
