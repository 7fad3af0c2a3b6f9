"""Staff editing: every view with the persona matrix, then the edits themselves."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kumppani.facilities.models import Facility, HoursException, Price, Season
from kumppani.facilities.rules import effective_rules

pytestmark = pytest.mark.django_db

FACILITY_VIEWS = ["", "parts/", "hours/", "rules/", "prices/", "photos/"]


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("path", FACILITY_VIEWS)
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 302),
        ("resident", 403),
        ("org_admin", 403),
        ("grant_officer", 403),
        ("other_manager", 403),
        ("facility_manager", 200),
        ("administrator", 200),
    ],
)
def test_facility_views_persona_matrix(client, request, facility, path, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    response = _get(client, user, f"/fi/facilities/manage/{facility.pk}/{path}")
    assert response.status_code == expected


@pytest.mark.parametrize(
    "url",
    [
        "/fi/facilities/manage/",
        "/fi/facilities/manage/new/",
        "/fi/facilities/manage/import/",
        "/fi/facilities/manage/export.xlsx",
        "/fi/facilities/manage/export/facilities.csv",
        "/fi/facilities/needs/report/",
        "/fi/facilities/needs/report.csv",
    ],
)
@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 302),
        ("resident", 403),
        ("org_admin", 403),
        ("grant_officer", 403),
        ("other_manager", 200),
        ("facility_manager", 200),
        ("administrator", 200),
    ],
)
def test_staff_pages_persona_matrix(client, request, unit, url, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    assert _get(client, user, url).status_code == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 302),
        ("resident", 403),
        ("other_manager", 403),
        ("facility_manager", 200),
        ("administrator", 200),
    ],
)
def test_unit_rules_and_season_persona_matrix(client, request, facility, persona, expected):
    user = request.getfixturevalue(persona) if persona else None
    season = facility.seasons.get()
    assert (
        _get(client, user, f"/fi/facilities/manage/units/{facility.unit_id}/rules/").status_code
        == expected
    )
    client.logout()
    url = f"/fi/facilities/manage/{facility.pk}/hours/seasons/{season.pk}/"
    assert _get(client, user, url).status_code == expected


def test_a_manager_sees_only_their_units_facilities(client, facility, other_manager):
    client.force_login(other_manager)
    response = client.get("/fi/facilities/manage/")
    assert "Salonki" not in response.text
    client.force_login(facility.unit.managers.get())
    assert "Salonki" in client.get("/fi/facilities/manage/").text


def test_other_manager_cannot_post_changes(client, facility, other_manager):
    client.force_login(other_manager)
    response = client.post(f"/fi/facilities/manage/{facility.pk}/prices/", {})
    assert response.status_code == 403
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/hours/seasons/{facility.seasons.get().pk}/delete/"
    )
    assert response.status_code == 403
    assert facility.seasons.exists()


def test_manager_creates_a_facility_with_one_part(client, unit, facility_manager):
    client.force_login(facility_manager)
    response = client.post(
        "/fi/facilities/manage/new/",
        {"unit": unit.pk, "name_fi": "Uusi sali", "facility_type": "hall", "capacity": "40"},
    )
    assert response.status_code == 302
    created = Facility.objects.get(name_fi="Uusi sali")
    assert created.responsible == unit.responsible
    assert len(created.physical_parts()) == 1


def test_manager_cannot_create_into_another_unit(client, unit, other_manager):
    client.force_login(other_manager)
    response = client.post(
        "/fi/facilities/manage/new/",
        {"unit": unit.pk, "name_fi": "Luvaton", "facility_type": "hall", "capacity": "40"},
    )
    assert response.status_code == 200
    assert not Facility.objects.filter(name_fi="Luvaton").exists()


def test_bad_input_keeps_what_was_typed(client, facility, facility_manager):
    client.force_login(facility_manager)
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/",
        {"name_fi": "Uusi nimi", "facility_type": "hall", "capacity": "-3", "latitude": "60.1"},
    )
    assert response.status_code == 200
    assert 'value="Uusi nimi"' in response.text
    assert "error-summary" in response.text


def test_manager_divides_a_facility_into_halves(client, facility, facility_manager):
    client.force_login(facility_manager)
    data = {
        "parts-TOTAL_FORMS": "3",
        "parts-INITIAL_FORMS": "1",
        "parts-0-code": "whole",
        "parts-0-name_fi": "Koko tila",
        "parts-0-DELETE": "on",
        "parts-1-code": "a",
        "parts-1-name_fi": "Puoli A",
        "parts-2-code": "b",
        "parts-2-name_fi": "Puoli B",
    }
    response = client.post(f"/fi/facilities/manage/{facility.pk}/parts/", data)
    assert response.status_code == 302
    assert [p.code for p in facility.physical_parts()] == ["a", "b"]
    assert facility.is_divisible


def test_overlapping_weekly_hours_are_refused_with_a_message(client, facility, facility_manager):
    client.force_login(facility_manager)
    season = facility.seasons.get()
    data = {
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-0-weekday": "0",
        "hours-0-opens": "08:00",
        "hours-0-closes": "12:00",
        "hours-1-weekday": "0",
        "hours-1-opens": "11:00",
        "hours-1-closes": "13:00",
    }
    response = client.post(f"/en/facilities/manage/{facility.pk}/hours/seasons/{season.pk}/", data)
    assert response.status_code == 200
    assert "overlap" in response.text
    assert season.hours.count() == 7  # unchanged


def test_summer_season_and_holiday_closure(client, facility, facility_manager):
    client.force_login(facility_manager)
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/hours/",
        {
            "add_season": "1",
            "season-name_fi": "Kesä",
            "season-valid_from": "2026-06-01",
            "season-valid_to": "2026-08-15",
        },
    )
    assert response.status_code == 302
    assert Season.objects.filter(facility=facility, valid_from=dt.date(2026, 6, 1)).exists()
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/hours/",
        {"add_season": "1", "season-valid_from": "2026-08-01", "season-valid_to": "2026-09-01"},
    )
    assert (
        response.status_code == 200
        and "päällekkäin" in response.text
        or "overlaps" in response.text
    )
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/hours/",
        {
            "add_exception": "1",
            "exception-first_day": "2026-12-24",
            "exception-last_day": "2026-12-26",
            "exception-reason_fi": "Joulu",
        },
    )
    assert response.status_code == 302
    assert HoursException.objects.filter(facility=facility, closed=True).count() == 3


def test_facility_rules_override_the_unit(client, facility, facility_manager):
    client.force_login(facility_manager)
    client.post(
        f"/fi/facilities/manage/units/{facility.unit_id}/rules/",
        {"min_duration_minutes": "60", "max_duration_minutes": "120", "requires_approval": "true"},
    )
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/rules/",
        {"max_duration_minutes": "90", "requires_approval": "unknown"},
    )
    assert response.status_code == 302
    facility.refresh_from_db()
    rules = effective_rules(Facility.objects.get(pk=facility.pk))
    assert rules.max_duration_minutes == 90 and rules.requires_approval is True


def test_price_change_keeps_the_past(client, facility, facility_manager, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC))
    Price.objects.create(
        facility=facility,
        customer_group="private",
        amount_eur=10,
        vat_percent=0,
        valid_from=dt.date(2026, 1, 1),
    )
    client.force_login(facility_manager)
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/prices/",
        {
            "customer_group": "private",
            "basis": "per_hour",
            "amount_eur": "15",
            "vat_percent": "25.5",
            "valid_from": "2026-04-01",
        },
    )
    assert response.status_code == 302
    old, new = Price.objects.filter(facility=facility).order_by("valid_from")
    assert old.valid_to == dt.date(2026, 3, 31) and old.amount_eur == 10
    assert new.valid_to is None
    response = client.post(
        f"/fi/facilities/manage/{facility.pk}/prices/",
        {
            "customer_group": "private",
            "basis": "per_hour",
            "amount_eur": "1",
            "vat_percent": "0",
            "valid_from": "2026-01-15",
        },
    )
    assert response.status_code == 200 and Price.objects.filter(facility=facility).count() == 2


def _png(size=(20, 20)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, "PNG")
    return out.getvalue()


def test_photo_needs_alt_text_and_an_image(client, facility, facility_manager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(facility_manager)
    url = f"/fi/facilities/manage/{facility.pk}/photos/"
    response = client.post(url, {"image": SimpleUploadedFile("a.png", _png(), "image/png")})
    assert response.status_code == 200 and not facility.photos.exists()
    response = client.post(
        url,
        {"image": SimpleUploadedFile("a.png", b"not an image", "image/png"), "alt_text_fi": "Sali"},
    )
    assert response.status_code == 200 and not facility.photos.exists()
    response = client.post(
        url,
        {"image": SimpleUploadedFile("a.png", _png(), "image/png"), "alt_text_fi": "Valoisa sali"},
    )
    assert response.status_code == 302
    photo = facility.photos.get()
    assert photo.alt_text_fi == "Valoisa sali"
    page = client.get(facility.get_absolute_url())
    assert 'alt="Valoisa sali"' in page.text


def test_import_upload_check_and_confirm(client, administrator, district, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(administrator)
    csv_text = (
        "external_id,name_fi,unit_type,district,responsible_email\n"
        f"U5,Testiyksikkö,library,kallio,{administrator.email}\n"
    )
    response = client.post(
        "/fi/facilities/manage/import/",
        {"file": SimpleUploadedFile("units.csv", csv_text.encode()), "sheet": "units"},
    )
    assert response.status_code == 200
    from kumppani.facilities.models import Unit

    assert not Unit.objects.filter(external_id="U5").exists()
    response = client.post("/fi/facilities/manage/import/confirm/")
    assert response.status_code == 302
    assert Unit.objects.filter(external_id="U5").exists()


def test_import_reports_bad_rows_in_the_page(client, administrator):
    client.force_login(administrator)
    bad = "external_id,name_fi,unit_type,responsible_email\nU5,Yksikkö,castle,nobody@example.org\n"
    response = client.post(
        "/en/facilities/manage/import/",
        {"file": SimpleUploadedFile("units.csv", bad.encode()), "sheet": "units"},
    )
    assert response.status_code == 200
    assert "castle" in response.text and "nobody@example.org" in response.text
    assert client.post("/en/facilities/manage/import/confirm/").status_code == 302
