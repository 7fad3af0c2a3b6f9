"""How decisions reach the booking flow (registered with `kumppani.bookings.checks`).

A ban is read from dates every time a booking is checked, so it ends by itself after its last
day and stops at once when annulled (status cancelled): nothing has to run on a schedule.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import local, now, today
from kumppani.facilities.models import CustomerGroup
from kumppani.sanctions.models import (
    Consequence,
    SanctionDecision,
    SanctionPolicy,
    SanctionTarget,
)
from kumppani.sanctions.models.policy import policy_label

PERSON_BANNED = _("You may not make bookings until %(date)s (misuse decision %(number)s).")
ORGANIZATION_BANNED = _(
    "%(organization)s may not make bookings until %(date)s (misuse decision %(number)s)."
)


def _covering(day_now: dt.date, day_of_booking: dt.date) -> Q:
    """In force today, or on the booked day (a ban decided ahead also covers its own days)."""
    return Q(starts_on__lte=day_now, ends_on__gte=day_now) | Q(
        starts_on__lte=day_of_booking, ends_on__gte=day_of_booking
    )


def bans_for(booker, organization, start: dt.datetime | None = None):
    """The bans that stop this booker (for this organization, or privately) from booking."""
    day_now = today()
    day_of_booking = local(start).date() if start else day_now
    parties = Q(pk__in=[])
    if booker is not None and getattr(booker, "pk", None):
        parties |= Q(target=SanctionTarget.PERSON, target_user=booker)
        if organization is None:
            # An organization's ban covers its members' private bookings only if so decided.
            parties |= Q(
                target=SanctionTarget.ORGANIZATION,
                covers_members=True,
                target_organization__memberships__user=booker,
            )
    if organization is not None:
        parties |= Q(target=SanctionTarget.ORGANIZATION, target_organization=organization)
    return (
        SanctionDecision.objects.imposed()
        .bans()
        .filter(_covering(day_now, day_of_booking))
        .filter(parties)
        .select_related("incident", "target_organization")
        .order_by("-ends_on")
    )


def ban_message(decision: SanctionDecision) -> str:
    values = {
        "date": date_format(decision.ends_on, "SHORT_DATE_FORMAT"),
        "number": decision.incident.number,
        "organization": decision.target_organization,
    }
    if decision.target == SanctionTarget.ORGANIZATION:
        return ORGANIZATION_BANNED % values
    return PERSON_BANNED % values


def booking_check(booker, organization, facility, start) -> str | None:
    """M9d: a banned person or organization cannot make new bookings."""
    bans = bans_for(booker, organization, start)
    # Runs on every booking and almost every booking passes: a bare EXISTS (which drops the
    # joins and the order), and the decision's details only for a ban.
    if not bans.exists():
        return None
    decision = bans.first()
    return ban_message(decision) if decision else None


def loses_free_use(organization) -> bool:
    if organization is None:
        return False
    return (
        SanctionDecision.objects.in_force_on(today())
        .filter(
            outcome=Consequence.LOSS_OF_FREE_USE,
            target=SanctionTarget.ORGANIZATION,
            target_organization=organization,
        )
        .exists()
    )


def price_group_adjuster(booker, organization, group: str) -> str:
    """M9d: a verified non-profit that lost free use pays as a private person meanwhile."""
    if group == CustomerGroup.NONPROFIT and loses_free_use(organization):
        return CustomerGroup.PRIVATE
    return group


def terms_version_provider(facility) -> str:
    """Every booking records the version of the sanctions policy in force when it was made."""
    version = SanctionPolicy.objects.in_force_version()
    return policy_label(version) if version is not None else ""


def future_bookings(decision: SanctionDecision):
    """The sanctioned party's bookings still to come, for the manager to decide on."""
    from kumppani.bookings.models import Booking

    if not decision.is_ban or decision.status != DecisionStatus.APPROVED:
        return Booking.objects.none()
    if decision.target == SanctionTarget.ORGANIZATION:
        parties = Q(organization=decision.target_organization_id)
        if decision.covers_members:
            parties |= Q(
                organization__isnull=True,
                booker__memberships__organization=decision.target_organization_id,
            )
    else:
        parties = Q(booker=decision.target_user_id)
    queryset = Booking.objects.active().upcoming(now()).filter(parties)
    if decision.ends_on:
        queryset = queryset.filter(start__lt=local_day_after(decision.ends_on))
    return queryset.select_related("facility", "facility__unit", "organization").distinct()


def local_day_after(day: dt.date) -> dt.datetime:
    from kumppani.core.time import make_local

    return make_local(day + dt.timedelta(days=1), dt.time(0))
