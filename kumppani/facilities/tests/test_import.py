import io

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import Workbook

from kumppani.facilities.imports import check_files, import_files
from kumppani.facilities.imports.export import write_csv, xlsx_bytes
from kumppani.facilities.models import Facility, FacilityPart, Price, Season, Unit, WeeklyHours
from kumppani.facilities.rules import effective_rules
from kumppani.facilities.tests.factories import DistrictFactory, UnitFactory, staff_member

pytestmark = pytest.mark.django_db

UNITS = (
    "external_id;name_fi;name_sv;name_en;unit_type;district;responsible_email;manager_emails\n"
    "U1;Kallion kirjasto;Berghälls bibliotek;Kallio library;library;kallio;boss@example.org;"
    "boss@example.org\n"
)
FACILITIES = (
    "external_id,unit,name_fi,name_sv,facility_type,capacity,district,equipment,accessibility,"
    "latitude,longitude,published,free_for_nonprofits\n"
    "F1,U1,Salonki,Salongen,meeting_room,30,kallio,projector;wifi,step-free-access,"
    "60.1841,24.9497,yes,yes\n"
    'F2,U1,Liikuntasali,Gymnastiksal,gym,120,kallio,,,"60,18","24,95",kyllä,ei\n'
)
PARTS = "facility,code,name_fi,name_en\nF2,a,Sali A,Gym A\nF2,b,Sali B,Gym B\n"
HOURS = (
    "facility,weekday,opens,closes,valid_from,valid_to,season_fi\n"
    "F1,1,08:00,12:00,,,\nF1,1,13:00,20:00,,,\nF1,mon,09:00,15:00,2026-06-01,2026-08-15,Kesä\n"
)
RULES = "unit,facility,min_duration_minutes,max_duration_minutes,requires_approval\nU1,,60,180,no\n,F2,,120,yes\n"
PRICES = (
    "facility,customer_group,basis,amount_eur,vat_percent,valid_from,valid_to\n"
    'F1,private,per_hour,20,25.5,2026-01-01,\nF1,company,per_booking,"150,00",25.5,2026-01-01,\n'
)


@pytest.fixture(autouse=True)
def english():
    """The checks' messages are asserted in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.fixture
def setup_refs():
    DistrictFactory(slug="kallio", name="Kallio")
    return staff_member(email="boss@example.org")


def _files(**sheets):
    return [(f"{name}.csv", text.encode("utf-8"), name) for name, text in sheets.items()]


def full_files():
    return _files(
        units=UNITS, facilities=FACILITIES, parts=PARTS, hours=HOURS, rules=RULES, prices=PRICES
    )


def test_import_creates_everything_and_repeating_it_changes_nothing(setup_refs):
    plan = import_files(full_files())
    assert plan.ok, plan.errors
    assert Unit.objects.count() == 1 and Facility.objects.count() == 2
    salonki = Facility.objects.get(external_id="F1")
    assert salonki.name_sv == "Salongen" and salonki.published and salonki.free_for_nonprofits
    assert salonki.responsible.email == "boss@example.org"
    assert sorted(salonki.equipment.values_list("slug", flat=True)) == ["projector", "wifi"]
    assert [p.code for p in salonki.physical_parts()] == ["whole"]
    gym = Facility.objects.get(external_id="F2")
    assert gym.is_divisible and str(gym.latitude) == "60.180000"
    assert effective_rules(gym).requires_approval is True
    assert effective_rules(gym).min_duration_minutes == 60
    assert Season.objects.filter(facility=salonki).count() == 2
    counts = (Facility.objects.count(), FacilityPart.objects.count(), WeeklyHours.objects.count())
    plan = import_files(full_files())
    assert plan.ok
    assert (
        Facility.objects.count(),
        FacilityPart.objects.count(),
        WeeklyHours.objects.count(),
    ) == counts
    assert Price.objects.count() == 2


def test_dry_run_writes_nothing_and_reports_counts(setup_refs):
    plan = check_files(full_files())
    assert plan.ok
    assert ("facilities", 2, 0) in plan.summary()
    assert Facility.objects.count() == 0


def test_non_utf8_file_is_reported_with_its_line(setup_refs):
    data = "external_id,unit,name_fi,facility_type,capacity\nF1,U1,Pääsali,hall,10\n".encode(
        "latin-1"
    )
    plan = check_files([("facilities.csv", data, "facilities")])
    assert not plan.ok
    assert plan.errors[0].line == 2
    assert "UTF-8" in plan.errors[0].message


def test_utf8_with_bom_is_accepted(setup_refs):
    data = ("\ufeff" + UNITS).encode("utf-8")
    assert check_files([("units.csv", data, "units")]).ok


def test_missing_columns_are_named():
    plan = check_files(_files(facilities="external_id,name_fi\nF1,Sali\n"))
    assert plan.errors[0].line == 1
    assert "unit" in plan.errors[0].message and "capacity" in plan.errors[0].message


def test_every_bad_row_is_reported_and_nothing_is_written(setup_refs):
    facilities = (
        "external_id,unit,name_fi,facility_type,capacity,district\n"
        "F1,U1,Sali,hall,10,kallio\n"
        "F1,U1,Sali again,hall,10,kallio\n"
        "F3,U1,Avaruus,spaceship,10,kallio\n"
        "F4,U1,Pieni,hall,kymmenen,kallio\n"
        "F5,U1,Kaukana,hall,10,atlantis\n"
        "F6,NOPE,Orpo,hall,10,\n"
    )
    plan = import_files(_files(units=UNITS, facilities=facilities))
    lines = {(e.line, e.message.split(" ")[0]) for e in plan.errors}
    assert {line for line, _ in lines} == {3, 4, 5, 6, 7}
    messages = " ".join(e.message for e in plan.errors)
    assert "Duplicate of line 2" in messages
    assert "spaceship" in messages and "kymmenen" in messages and "atlantis" in messages
    assert Unit.objects.count() == 0 and Facility.objects.count() == 0


def test_overlapping_hours_are_refused(setup_refs):
    hours = "facility,weekday,opens,closes\nF1,1,08:00,12:00\nF1,1,11:00,14:00\nF1,2,11:00,14:00\n"
    plan = check_files(_files(units=UNITS, facilities=FACILITIES, hours=hours))
    assert [(e.sheet, e.line) for e in plan.errors] == [("hours", 3)]
    assert "line 2" in plan.errors[0].message


def test_overlapping_prices_in_file_and_database_are_refused(setup_refs):
    import_files(full_files())
    prices = (
        "facility,customer_group,basis,amount_eur,vat_percent,valid_from,valid_to\n"
        "F1,private,per_hour,25,25.5,2026-06-01,\n"
        "F2,private,per_hour,25,25.5,2026-01-01,2026-12-31\n"
        "F2,private,per_hour,25,25.5,2026-06-01,\n"
    )
    plan = check_files(_files(prices=prices))
    assert [e.line for e in plan.errors] == [2, 4]


def test_a_manager_imports_only_into_their_units(setup_refs, client):
    import_files(full_files())
    outsider = staff_member(email="other@example.org")
    UnitFactory(managers=[outsider])
    plan = check_files(_files(prices=PRICES.replace("2026-01-01", "2027-01-01")), user=outsider)
    assert not plan.ok and "do not manage" in plan.errors[0].message
    plan = check_files(_files(units=UNITS.replace("U1", "U9")), user=outsider)
    assert "administrator" in plan.errors[0].message


def test_xlsx_workbook_with_several_sheets(setup_refs):
    workbook = Workbook()
    units = workbook.active
    units.title = "units"
    for row in UNITS.strip().split("\n"):
        units.append(row.split(";"))
    facilities = workbook.create_sheet("facilities")
    facilities.append(["external_id", "unit", "name_fi", "facility_type", "capacity", "published"])
    facilities.append(["F9", "U1", "Paja", "workshop", 12, True])
    out = io.BytesIO()
    workbook.save(out)
    plan = import_files([("catalogue.xlsx", out.getvalue(), None)])
    assert plan.ok, plan.errors
    assert Facility.objects.get(external_id="F9").capacity == 12


def test_broken_xlsx_is_reported():
    plan = check_files([("catalogue.xlsx", b"PK not really a zip", None)])
    assert not plan.ok and "Excel" in plan.errors[0].message


def test_export_reimports_without_changes(setup_refs, tmp_path):
    import_files(full_files())
    files = []
    for sheet in ("units", "facilities", "parts", "hours", "exceptions", "rules", "prices"):
        out = io.StringIO()
        write_csv(sheet, out)
        files.append((f"{sheet}.csv", out.getvalue().encode("utf-8"), sheet))
    before = (Facility.objects.count(), FacilityPart.objects.count(), Price.objects.count())
    plan = import_files(files)
    assert plan.ok, plan.errors
    assert (Facility.objects.count(), FacilityPart.objects.count(), Price.objects.count()) == before
    assert import_files([("all.xlsx", xlsx_bytes(), None)]).ok


def test_management_commands_round_trip(setup_refs, tmp_path):
    for name, text in (("units", UNITS), ("facilities", FACILITIES)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import_facilities",
        str(tmp_path / "units.csv"),
        str(tmp_path / "facilities.csv"),
        "--dry-run",
        stdout=out,
    )
    assert Facility.objects.count() == 0 and "facilities" in out.getvalue()
    call_command(
        "import_facilities",
        str(tmp_path / "units.csv"),
        str(tmp_path / "facilities.csv"),
        stdout=out,
    )
    assert Facility.objects.count() == 2
    call_command("export_facilities", str(tmp_path / "export.xlsx"), stdout=out)
    assert (tmp_path / "export.xlsx").stat().st_size > 0
    call_command("export_facilities", str(tmp_path / "csv"), "--format", "csv", stdout=out)
    assert (
        (tmp_path / "csv" / "facilities.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("external_id")
    )
