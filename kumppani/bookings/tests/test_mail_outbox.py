"""Booking e-mails are queued with the booking: with the database task backend, in the same
transaction (an outbox row that commits or rolls back with the booking)."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from kumppani.bookings.models import Booking
from kumppani.bookings.tests.factories import DAY, at, book

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Rollback(Exception):
    pass


@override_settings(TASKS=DATABASE_TASKS)
def test_queued_in_the_bookings_transaction(frozen, facility, resident):
    with transaction.atomic():
        booking = book(facility, resident, at(DAY, 18), at(DAY, 20), notify=True)
        # Queued before the commit, inside the same transaction: no separate commit needed.
        task = DBTaskResult.objects.get()
    assert task.task_path.endswith("send_booking_mail")
    assert task.args_kwargs["args"] == ["bookings_created", [booking.pk]]


@override_settings(TASKS=DATABASE_TASKS)
def test_nothing_queued_for_a_rolled_back_booking(frozen, facility, resident):
    with pytest.raises(Rollback), transaction.atomic():
        book(facility, resident, at(DAY, 18), at(DAY, 20), notify=True)
        raise Rollback
    assert not Booking.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_other_backends_queue_after_the_commit(
    frozen, facility, resident, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        book(facility, resident, at(DAY, 18), at(DAY, 20), notify=True)
    assert len(callbacks) == 1
    assert mailoutbox == []
    callbacks[0]()
    assert len(mailoutbox) == 2  # the booker and the responsible person
