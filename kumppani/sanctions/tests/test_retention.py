"""Cases are deleted 3 years after the sanction ends (or after closing), with their files."""

import datetime as dt
import io

from django.core.management import call_command

from kumppani.bookings.tests.factories import at
from kumppani.sanctions import services
from kumppani.sanctions.models import Incident, SanctionDecision
from kumppani.sanctions.tasks import purge_expired_cases_task
from kumppani.sanctions.tests.conftest import step, used_booking
from kumppani.sanctions.tests.helpers import decided, reported
from kumppani.sanctions.tests.test_permissions import image_bytes, upload


def test_purge_after_three_years(
    frozen, policy, facility, facility_manager, resident, django_capture_on_commit_callbacks
):
    booking = used_booking(frozen, facility, resident)
    banned = decided(booking, facility_manager, resident, step(policy, 3))
    photo = services.add_photo(
        incident=banned,
        upload=upload("a.png", image_bytes()),
        checked=("image/png", "png"),
        uploaded_by=facility_manager,
    )
    storage, name = photo.file.storage, photo.file.name
    closed = reported(booking, facility_manager)
    services.decide_incident(
        incident=closed,
        decided_by=facility_manager,
        terms=services.Terms(step=None),
        reason="Ei näyttöä.",
    )
    pending = reported(booking, facility_manager)
    banned.refresh_from_db()
    assert banned.retain_until == dt.date(2029, 12, 10)

    frozen.move_to(at(dt.date(2029, 9, 12), 3))
    out = io.StringIO()
    call_command("purge_expired_cases", stdout=out)
    assert "Deleted 1 expired" in out.getvalue()
    assert set(Incident.objects.values_list("pk", flat=True)) == {banned.pk, pending.pk}

    frozen.move_to(at(dt.date(2029, 12, 10), 23))
    assert purge_expired_cases_task.enqueue().return_value == 0
    frozen.move_to(at(dt.date(2029, 12, 11), 3))
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_expired_cases_task.enqueue().return_value == 1
    assert list(Incident.objects.all()) == [pending]
    assert not SanctionDecision.objects.exists()
    assert not storage.exists(name)
