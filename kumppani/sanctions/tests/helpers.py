"""Named scenarios: a case at each stage of the procedure, through the services."""

from __future__ import annotations

import datetime as dt

from kumppani.core.time import now
from kumppani.sanctions import services
from kumppani.sanctions.models import Incident, MisuseKind


def reported(booking, manager, kind=MisuseKind.UNCLEAN, **kwargs):
    return services.report_incident(
        booking=booking,
        reported_by=manager,
        kind=kind,
        description=kwargs.pop("description", "Roskat jäivät lattialle."),
        occurred_at=kwargs.pop("occurred_at", booking.end),
        **kwargs,
    )


def heard(booking, manager, **kwargs):
    incident = reported(booking, manager, **kwargs)
    services.open_hearing(incident=incident, opened_by=manager, claim="Tila jäi siivoamatta.")
    return Incident.objects.get(pk=incident.pk)


def answered(booking, manager, party, **kwargs):
    incident = heard(booking, manager, **kwargs)
    services.answer_hearing(incident=incident, author=party, text="Emme tienneet.", waives=True)
    return incident


def decided(booking, manager, party, step, **terms):
    incident = answered(booking, manager, party)
    departure = terms.pop("departure_reason", "Harkinta.")
    services.decide_incident(
        incident=incident,
        decided_by=manager,
        terms=services.Terms(step=step, **terms),
        reason="Tila jäi siivoamatta, vastaus huomioitiin.",
        departure_reason=departure,
    )
    incident.refresh_from_db()
    return incident


def days_later(days: int) -> dt.datetime:
    return now() + dt.timedelta(days=days)
