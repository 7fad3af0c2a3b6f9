"""Demo bookings: a season of realistic use so that calendars look like a real city's.

Weekly club evenings for the demo organizations (free where the city offers that), private
birthday parties and meetings, a maintenance block, and requests waiting in the facility
manager's queue (one of them overdue). Past weeks are approved history; future weeks are
bookable around them. Written in bulk with the same occupancy rows the services write, checked
against each other in memory. Idempotent: nothing is added when the demo bookings exist.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from django.contrib.auth.hashers import make_password
from django.db import transaction

from kumppani.accounts.models import User
from kumppani.bookings.models import Booking, BookingKind, BookingSeries, Occupancy
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import add_working_days, local, make_local, now, today
from kumppani.facilities.hours import schedules_for
from kumppani.facilities.models import Facility
from kumppani.facilities.pricing import customer_group_for, price_for
from kumppani.facilities.rules import effective_rules
from kumppani.organizations.models import Organization

RESIDENT = "resident@example.org"
ORGADMIN = "orgadmin@example.org"
MANAGER = "facilities@example.org"
WEEKS_BACK, WEEKS_AHEAD = 4, 12
SEED = 20260901

CLUB_PURPOSES = [
    "Junioreiden harjoitukset",
    "Kuoroharjoitus",
    "Kotiseutuillan kokoontuminen",
    "Teatteriryhmän harjoitukset",
    "Senioreiden tuolijumppa",
    "Shakkikerho",
]
PRIVATE_PURPOSES = [
    "Syntymäpäiväjuhlat",
    "Taloyhtiön kokous",
    "Lautapeli-ilta",
    "Opintopiirin tapaaminen",
    "Lasten liikuntahetki",
    "Bändiharjoitus",
]
BOOKER_NAMES = [
    "Eero Lahtinen",
    "Maria Koskinen",
    "Juha Järvinen",
    "Kaisa Lehtonen",
    "Oskari Salo",
    "Helmi Heinonen",
    "Ville Turunen",
    "Linnea Karjalainen",
]
DEMO_MARKER = "Demo"  # series purpose suffix that marks the demo's own rows


def _bookers() -> list[User]:
    """Private bookers of the demo city (they cannot sign in)."""
    people = []
    for n, name in enumerate(BOOKER_NAMES, start=1):
        user, _ = User.objects.get_or_create(
            email=f"booker{n}@example.org",
            defaults={"full_name": name, "password": make_password(None)},
        )
        people.append(user)
    return people


class Planner:
    """Keeps each part's taken periods so that demo bookings never overlap."""

    def __init__(self, facilities):
        self.facilities = facilities
        self.rules = {f.pk: effective_rules(f) for f in facilities}
        first = today() - dt.timedelta(weeks=WEEKS_BACK)
        last = today() + dt.timedelta(weeks=WEEKS_AHEAD)
        self.first, self.last = first, last
        self.schedules = schedules_for([f.pk for f in facilities], first, last)
        self.taken: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
        for part_id, start, end in Occupancy.objects.active().values_list(
            "part_id", "start", "end"
        ):
            self.taken[part_id].append((start, end))
        self.bookings: list[tuple[Booking, list[int]]] = []

    def is_open(self, facility, start, end) -> bool:
        day = local(start).date()
        return any(
            o <= start and end <= c for o, c in self.schedules[facility.pk].intervals(day, day)
        )

    def fits(self, facility, part_ids, start, end) -> bool:
        rules = self.rules[facility.pk]
        s, e = start - rules.buffer_before, end + rules.buffer_after
        return self.is_open(facility, start, end) and not any(
            ts < e and s < te for pk in part_ids for ts, te in self.taken[pk]
        )

    def add(self, booking: Booking, part_ids: list[int]) -> None:
        rules = self.rules[booking.facility_id]
        for pk in part_ids:
            self.taken[pk].append(
                (booking.start - rules.buffer_before, booking.end + rules.buffer_after)
            )
        self.bookings.append((booking, part_ids))


def _booking(facility, start, end, *, booker, organization, purpose, status, created, series=None):
    group = customer_group_for(booker, organization)
    price = price_for(facility, group, local(start).date(), end - start)
    booking = Booking(
        facility=facility,
        booker=booker,
        organization=organization,
        series=series,
        start=start,
        end=end,
        purpose=purpose,
        people=min(facility.capacity, 8 + (start.day % 12)),
        responsible_name=booker.full_name or "Vastuuhenkilö",
        responsible_phone="+358 40 555 0101",
        responsible_email=booker.email,
        responsible_of_age=True,
        terms_version="terms:demo",
        terms_accepted_at=created,
        customer_group=group,
        price=price.amount,
        full_price=price.full_amount,
        status=status,
        created_at=created,
        updated_at=created,
    )
    if status == DecisionStatus.PENDING:
        booking.due_at = add_working_days(created, facility.unit.approval_deadline_days)
    else:
        booking.decided_at = created
    return booking


def _weekly_clubs(planner: Planner, rng: random.Random, orgadmin, organizations) -> int:
    count = 0
    for index, facility in enumerate(planner.facilities):
        if index % 3 or not organizations:
            continue
        organization = organizations[index % len(organizations)]
        weekday, hour = rng.randrange(0, 5), rng.choice([17, 18, 19])
        first = planner.first + dt.timedelta(days=(weekday - planner.first.weekday()) % 7)
        purpose = rng.choice(CLUB_PURPOSES)
        series = BookingSeries(
            facility=facility,
            booker=orgadmin,
            organization=organization,
            first_date=first,
            until_date=planner.last,
            start_time=dt.time(hour),
            end_time=dt.time(hour + 2),
            purpose=f"{purpose} ({DEMO_MARKER})",
            created_at=make_local(planner.first - dt.timedelta(days=14), dt.time(9)),
        )
        series.save()
        day = first
        parts = [p.pk for p in facility.physical_parts()]
        while day <= planner.last:
            start, end = make_local(day, dt.time(hour)), make_local(day, dt.time(hour + 2))
            if planner.fits(facility, parts, start, end):
                planner.add(
                    _booking(
                        facility,
                        start,
                        end,
                        booker=orgadmin,
                        organization=organization,
                        purpose=purpose,
                        status=DecisionStatus.APPROVED,
                        created=series.created_at,
                        series=series,
                    ),
                    parts,
                )
                count += 1
            day += dt.timedelta(weeks=1)
    return count


def _singles(planner: Planner, rng: random.Random, bookers) -> int:
    count = 0
    moment = now()
    for facility in planner.facilities:
        parts = [p.pk for p in facility.physical_parts()]
        day = planner.first
        while day <= planner.last:
            if rng.random() < 0.35:
                hour = rng.choice([10, 12, 14, 16, 18, 19])
                length = rng.choice([1, 2, 2, 3])
                start, end = make_local(day, dt.time(hour)), make_local(day, dt.time(hour + length))
                target = parts if len(parts) == 1 or rng.random() < 0.6 else [rng.choice(parts)]
                if planner.fits(facility, target, start, end):
                    booker = rng.choice(bookers)
                    created = min(moment, start) - dt.timedelta(days=rng.randrange(3, 30))
                    booking = _booking(
                        facility,
                        start,
                        end,
                        booker=booker,
                        organization=None,
                        purpose=rng.choice(PRIVATE_PURPOSES),
                        status=DecisionStatus.APPROVED,
                        created=created,
                    )
                    if len(target) == 1 and len(parts) > 1:
                        booking.part_id = target[0]
                    planner.add(booking, target)
                    count += 1
            day += dt.timedelta(days=1)
    return count


def _requests(planner: Planner, manager, resident) -> int:
    """Requests waiting for the demo manager (the oldest overdue), a block, and a denial."""
    managed = [f for f in planner.facilities if f.unit.managers.filter(pk=manager.pk).exists()]
    moment = now()
    count = 0
    for index, facility in enumerate(managed[:6]):
        parts = [p.pk for p in facility.physical_parts()]
        for offset in range(3, 30):
            day = today() + dt.timedelta(days=offset + index)
            start, end = make_local(day, dt.time(17)), make_local(day, dt.time(19))
            if planner.fits(facility, parts, start, end):
                created = moment - dt.timedelta(days=7 if index == 0 else index)
                booking = _booking(
                    facility,
                    start,
                    end,
                    booker=resident,
                    organization=None,
                    purpose="Naapuruston kokoontuminen",
                    status=DecisionStatus.PENDING,
                    created=created,
                )
                planner.add(booking, parts)
                count += 1
                break
    if managed:
        facility = managed[-1]
        parts = [p.pk for p in facility.physical_parts()]
        day = today() + dt.timedelta(days=10)
        start, end = make_local(day, dt.time(8)), make_local(day, dt.time(12))
        if planner.fits(facility, parts, start, end):
            block = Booking(
                kind=BookingKind.BLOCK,
                facility=facility,
                created_by=manager,
                start=start,
                end=end,
                purpose="Lattian huolto",
                people=1,
                status=DecisionStatus.APPROVED,
                decided_by=manager,
                decided_at=moment,
                created_at=moment,
                updated_at=moment,
            )
            planner.add(block, parts)
            count += 1
    return count


def _write(planner: Planner) -> None:
    bookings = Booking.objects.bulk_create([b for b, _parts in planner.bookings], batch_size=500)
    rows = []
    for booking, (_b, part_ids) in zip(bookings, planner.bookings, strict=True):
        rules = planner.rules[booking.facility_id]
        rows.extend(
            Occupancy(
                booking_id=booking.pk,
                part_id=pk,
                start=booking.start - rules.buffer_before,
                end=booking.end + rules.buffer_after,
            )
            for pk in part_ids
        )
    Occupancy.objects.bulk_create(rows, batch_size=1000)


def load(stdout) -> None:
    people = {u.email: u for u in User.objects.filter(email__in=[RESIDENT, ORGADMIN, MANAGER])}
    if len(people) < 3:
        stdout.write("Demo bookings skipped: the demo people do not exist.")
        return
    if BookingSeries.objects.filter(purpose__endswith=f"({DEMO_MARKER})").exists():
        stdout.write("Demo bookings: already loaded.")
        return
    facilities = list(
        Facility.objects.published()
        .select_related("unit__rules", "rules", "unit")
        .prefetch_related("parts", "prices")
        .order_by("pk")
    )
    if not facilities:
        stdout.write("Demo bookings skipped: no published facilities.")
        return
    organizations = list(
        Organization.objects.verified().filter(memberships__user=people[ORGADMIN]).order_by("name")
    )
    rng = random.Random(SEED)  # noqa: S311  demo data, not a secret
    with transaction.atomic():
        planner = Planner(facilities)
        requests = _requests(planner, people[MANAGER], people[RESIDENT])
        clubs = _weekly_clubs(planner, rng, people[ORGADMIN], organizations)
        singles = _singles(planner, rng, _bookers() + [people[RESIDENT]])
        _write(planner)
    stdout.write(
        f"Demo bookings: {clubs} weekly club evenings, {singles} single bookings, "
        f"{requests} requests and blocks for {MANAGER}."
    )
