"""Parallel decisions cannot together exceed a call's budget: the call row is locked first."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection

from kumppani.core.time import today
from kumppani.grants import services
from kumppani.grants.models import GrantDecision
from kumppani.grants.tests.factories import ApplicationFactory, CallFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="row locks (SELECT … FOR UPDATE) decide the race on PostgreSQL; SQLite "
        "serializes writers instead (run with DATABASE_URL=postgres://...)",
    ),
]

RACERS = 6


@pytest.mark.django_db(transaction=True)
def test_parallel_decisions_never_exceed_the_budget(programme, grant_officer):
    call = CallFactory(programme=programme, budget=Decimal(5000), max_amount=Decimal(3000))
    applications = [ApplicationFactory(call=call, submitted=True) for _ in range(RACERS)]
    barrier = threading.Barrier(RACERS)
    outcomes: list[str] = []

    def race(application):
        try:
            barrier.wait()
            services.decide_application(
                application=application,
                officer=grant_officer,
                amount_granted=Decimal(2000),
                reason="Kilpailu.",
                report_due_on=today() + dt.timedelta(days=300),
            )
            outcomes.append("granted")
        except ValidationError as exc:
            outcomes.append(exc.error_list[0].code)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("granted") == 2
    assert outcomes.count("over_budget") == RACERS - 2
    total = sum(d.amount_granted for d in GrantDecision.objects.filter(application__call=call))
    assert total == Decimal(4000) <= call.budget
