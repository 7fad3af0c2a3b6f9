"""Needs mapping: ranking with reasons, status, visibility and the unmet-demand report."""

import datetime as dt

import pytest

from kumppani.facilities.matching import NeedSpec, load_profiles, rank
from kumppani.facilities.models import AccessibilityFeature, Equipment, Need, NeedStatus
from kumppani.facilities.tests.factories import FacilityFactory, with_hours

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(district, unit):
    step_free = AccessibilityFeature.objects.get(slug="step-free-access")
    kitchen = Equipment.objects.get(slug="kitchen")
    big = FacilityFactory(
        unit=unit,
        name_fi="Iso sali",
        name_en="Iso sali",
        capacity=100,
        district=district,
        facility_type="hall",
    )
    big.accessibility.add(step_free)
    with_hours(big, days=range(7), opens=dt.time(8), closes=dt.time(22))
    fit = FacilityFactory(
        unit=unit,
        name_fi="Sopiva sali",
        name_en="Sopiva sali",
        capacity=30,
        district=district,
        facility_type="hall",
    )
    fit.accessibility.add(step_free)
    with_hours(fit, days=range(7), opens=dt.time(8), closes=dt.time(22))
    small = FacilityFactory(
        unit=unit, name_fi="Pieni huone", name_en="Pieni huone", capacity=6, district=district
    )
    with_hours(small, days=range(7))
    morning = FacilityFactory(
        unit=unit,
        name_fi="Aamutila",
        name_en="Aamutila",
        capacity=40,
        district=district,
        facility_type="hall",
    )
    morning.accessibility.add(step_free)
    with_hours(morning, days=range(5), opens=dt.time(7), closes=dt.time(12))
    return {"step_free": step_free, "kitchen": kitchen, "district": district}


def _post_need(client, places, **extra):
    data = {
        "activity": "Kuorokokoontuminen",
        "group_size": "25",
        "frequency": "weekly",
        "weekdays": ["1", "3"],
        "time_from": "17:00",
        "time_to": "21:00",
        "duration_minutes": "120",
        "districts": [places["district"].pk],
        "accessibility": [places["step_free"].pk],
        "facility_type": "hall",
    }
    data.update(extra)
    return client.post("/en/facilities/needs/new/", data)


def test_saving_a_need_shows_suitable_facilities_best_first_with_reasons(client, places, resident):
    client.force_login(resident)
    response = _post_need(client, places)
    need = Need.objects.get()
    assert (
        response.status_code == 302 and response["Location"] == f"/en/facilities/needs/{need.pk}/"
    )
    assert need.user == resident and need.status == NeedStatus.OPEN and need.suitable_count == 2
    page = client.get(response["Location"]).text
    order = [page.index(name) for name in ("Sopiva sali", "Iso sali", "Aamutila")]
    assert order == sorted(order)
    assert "Not open at the time you want." in page
    assert "Room for 30 people (you need 25)." in page


def test_a_need_no_facility_meets_is_unmet_and_says_what_is_lacking(client, places, resident):
    client.force_login(resident)
    _post_need(client, places, equipment=[places["kitchen"].pk])
    need = Need.objects.get()
    assert need.status == NeedStatus.UNMET and need.suitable_count == 0
    assert "Lacks: Kitchen." in client.get(f"/en/facilities/needs/{need.pk}/").text


def test_a_bad_time_window_keeps_the_typed_values(client, places, resident):
    client.force_login(resident)
    response = _post_need(client, places, time_from="20:00", time_to="21:00")
    assert response.status_code == 200 and not Need.objects.exists()
    assert 'value="Kuorokokoontuminen"' in response.text


def test_pure_ranking_is_deterministic(places):
    profiles = load_profiles()
    spec = NeedSpec(group_size=25, duration=120, window=(17 * 60, 21 * 60), weekdays=(1,))
    ranked = [profile.name for profile, _ in rank(spec, profiles)]
    assert ranked[:2] == ["Sopiva sali", "Iso sali"]
    assert ranked[-1] in {"Pieni huone", "Aamutila"}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 302),
        ("resident", 200),  # the author
        ("org_member", 200),  # a member of the need's organization
        ("other_org_admin", 404),
        ("grant_officer", 404),
        ("facility_manager", 200),
        ("administrator", 200),
    ],
)
def test_need_visibility(client, request, places, resident, organization, persona, expected):
    need = Need.objects.create(
        user=resident,
        organization=organization,
        activity="Kerho",
        group_size=10,
        time_from=dt.time(17),
        time_to=dt.time(20),
        duration_minutes=60,
    )
    if persona:
        client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/fi/facilities/needs/{need.pk}/").status_code == expected


def test_members_read_but_only_author_and_staff_edit(
    client, places, resident, organization, org_member
):
    need = Need.objects.create(
        user=resident,
        organization=organization,
        activity="Kerho",
        group_size=10,
        time_from=dt.time(17),
        time_to=dt.time(20),
        duration_minutes=60,
    )
    client.force_login(org_member)
    assert client.get(f"/fi/facilities/needs/{need.pk}/edit/").status_code == 403
    client.force_login(resident)
    assert client.get(f"/fi/facilities/needs/{need.pk}/edit/").status_code == 200


def test_staff_marks_a_need_matched_and_others_cannot(client, places, resident, facility_manager):
    client.force_login(resident)
    _post_need(client, places)
    need = Need.objects.get()
    hall = need_facility = places["district"].facilities.get(
        name_fi="Sopiva sali", name_en="Sopiva sali"
    )
    response = client.post(
        f"/fi/facilities/needs/{need.pk}/status/",
        {"status": "matched", "matched_facility": hall.pk},
    )
    assert response.status_code == 403
    client.force_login(facility_manager)
    client.post(
        f"/fi/facilities/needs/{need.pk}/status/",
        {"status": "matched", "matched_facility": need_facility.pk},
    )
    need.refresh_from_db()
    assert need.status == NeedStatus.MATCHED and need.matched_facility == hall


def test_unmet_report_by_district_type_weekday_and_time(client, places, resident, facility_manager):
    client.force_login(resident)
    _post_need(client, places, equipment=[places["kitchen"].pk])
    _post_need(
        client,
        places,
        group_size="500",
        weekdays=["1"],
        time_from="08:00",
        time_to="11:00",
        duration_minutes="60",
    )
    _post_need(client, places)  # met: not in the report
    client.force_login(facility_manager)
    page = client.get("/en/facilities/needs/report/").text
    assert "2 needs have no suitable facility." in page
    body = client.get("/en/facilities/needs/report.csv").content.decode("utf-8-sig")
    rows = [line.split(",") for line in body.strip().splitlines()]
    assert rows[0] == ["Dimension", "Value", "Unmet needs", "People"]
    assert ["District", "Kallio", "2", "525"] in rows
    assert ["Weekday", "Tuesday", "2", "525"] in rows
    assert ["Weekday", "Thursday", "1", "25"] in rows
    assert ["Time of day", "Morning (before 12)", "1", "500"] in rows
    assert ["Kind of space", "Hall", "2", "525"] in rows


def test_gdpr_export_and_erasure_keep_anonymous_statistics(places, resident):
    from kumppani.core.gdpr import erase_for, export_for

    Need.objects.create(
        user=resident,
        activity="Kerho",
        description="Soita 040 123",
        group_size=10,
        time_from=dt.time(17),
        time_to=dt.time(20),
        duration_minutes=60,
        status=NeedStatus.UNMET,
    )
    assert export_for(resident)["facility_needs"]["needs"][0]["activity"] == "Kerho"
    erase_for(resident)
    need = Need.objects.get()
    assert need.user is None and need.description == "" and need.status == NeedStatus.UNMET


def test_an_edit_of_hours_is_seen_by_the_next_match(places, resident):
    from kumppani.facilities import services
    from kumppani.facilities.matching import match_need

    need = Need.objects.create(
        user=resident,
        activity="Aamujumppa",
        group_size=20,
        weekdays=[6],
        time_from=dt.time(7),
        time_to=dt.time(9),
        duration_minutes=60,
    )
    assert "Aamutila" not in [m.facility.name for m in match_need(need).matches if m.fits]
    morning = places["district"].facilities.get(name_fi="Aamutila")
    season = morning.seasons.get()
    services.set_weekly_hours(season=season, intervals=[(6, dt.time(7), dt.time(12))])
    assert "Aamutila" in [m.facility.name for m in match_need(need).matches if m.fits]


def test_demo_data_loads_twice_without_duplicates(resident, facility_manager, tmp_path, settings):
    import io

    from kumppani.accounts.tests.factories import UserFactory
    from kumppani.facilities import demo
    from kumppani.facilities.models import Facility
    from kumppani.facilities.tests.factories import DistrictFactory

    settings.MEDIA_ROOT = tmp_path
    UserFactory.staff(role="facility_manager", email=demo.MANAGER)
    for slug in {unit[3] for unit in demo.UNITS}:
        DistrictFactory(slug=slug, name=slug)
    out = io.StringIO()
    demo.load(out)
    demo.load(out)
    facilities = Facility.objects.filter(external_id__startswith="demo-f-")
    assert 55 <= facilities.count() <= 65
    assert all(f.photos.count() == 1 for f in facilities)
    assert any(f.is_divisible for f in facilities.prefetch_related("parts"))
    assert Need.objects.filter(status=NeedStatus.UNMET).exists()


def test_erasing_a_responsible_staff_member(unit, facility_manager):
    from django.core.exceptions import ValidationError

    from kumppani.core.gdpr import erase_for
    from kumppani.facilities.tests.factories import staff_member

    deputy = staff_member(email="deputy@example.org")
    facility = FacilityFactory(unit=unit, responsible=deputy)
    erase_for(deputy)
    facility.refresh_from_db()
    assert facility.responsible == unit.responsible == facility_manager
    with pytest.raises(ValidationError):
        erase_for(facility_manager)
