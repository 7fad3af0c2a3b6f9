"""City-scale bookings for the benchmark: 2,000,000 bookings over two years on PostgreSQL.

On top of the 5,000 benchmark facilities (bench/facilities_data.py), bookings are generated
per facility and day on a grid of two-hour slots (evenings busier than days), so that they
never overlap, and written with COPY. The occupancy exclusion constraint is dropped for the
load and re-created afterwards, which also proves the data has no overlap. Bookings from a
year ago to a year ahead; about 5 % cancelled. Reused when a complete set exists.
"""

from __future__ import annotations

import datetime as dt
import random
import time

BOOKINGS = 2_000_000
BOOKERS = 2000
PURPOSE = "bench"
SLOTS = [8, 10, 12, 14, 16, 18, 20]
EVENING = {16, 18, 20}


def existing_count() -> int:
    from kumppani.bookings.models import Booking

    return Booking.objects.filter(purpose=PURPOSE).count()


def _bookers():
    from django.contrib.auth.hashers import make_password

    from kumppani.accounts.models import User

    password = make_password(None)
    missing = [
        User(email=f"bench-booker-{n}@example.org", full_name=f"Varaaja {n}", password=password)
        for n in range(BOOKERS)
        if n >= User.objects.filter(email__startswith="bench-booker-").count()
    ]
    User.objects.bulk_create(missing, batch_size=2000, ignore_conflicts=True)
    return list(User.objects.filter(email__startswith="bench-booker-").values_list("pk", flat=True))


def _facilities():
    from kumppani.facilities.models import FacilityPart

    parts: dict[int, list[int]] = {}
    for facility_id, part_id in (
        FacilityPart.objects.filter(facility__external_id__startswith="bench-")
        .order_by("facility_id", "order")
        .values_list("facility_id", "pk")
    ):
        parts.setdefault(facility_id, []).append(part_id)
    return parts


def _constraint():
    from kumppani.bookings.models import Occupancy

    return next(c for c in Occupancy._meta.constraints if c.name == "occupancy_no_overlap")


def build(n: int = BOOKINGS, *, seed: int = 3, stdout=print) -> None:
    from django.db import connection, transaction

    from kumppani.bookings.models import Booking, Occupancy

    if existing_count() >= 0.95 * n:  # the generator hits n only on average
        stdout(f"Reusing the {existing_count():,} benchmark bookings already in the database.")
        return
    if connection.vendor != "postgresql":
        raise SystemExit("The booking data set is built on PostgreSQL (set DATABASE_URL).")
    started = time.perf_counter()
    bookers = _bookers()
    parts = _facilities()
    with transaction.atomic():
        Occupancy.objects.filter(booking__purpose=PURPOSE).delete()
        Booking.objects.filter(purpose=PURPOSE).delete()
        with connection.schema_editor(atomic=False) as editor:
            editor.remove_constraint(Occupancy, _constraint())
        counts = _copy(connection, n, parts, bookers, random.Random(seed))
        stdout(
            f"Copied {counts[0]:,} bookings and {counts[1]:,} occupancy rows "
            f"in {time.perf_counter() - started:.0f} s; re-creating the overlap constraint…"
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the deferred foreign keys now
        with connection.schema_editor(atomic=False) as editor:
            editor.add_constraint(Occupancy, _constraint())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE bookings_booking")
        cursor.execute("ANALYZE bookings_occupancy")
    stdout(f"Built the booking data set in {time.perf_counter() - started:.0f} s.")


def _copy(connection, n, parts, bookers, rnd) -> tuple[int, int]:
    from kumppani.core.time import make_local, now, today

    moment = now()
    first_day = today() - dt.timedelta(days=365)
    days = 730
    facility_ids = sorted(parts)
    # Probability per slot so that the expected total is n: evenings five times busier.
    weight = days * len(facility_ids) * (len(EVENING) * 5 + len(SLOTS) - len(EVENING))
    base = n / weight
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM bookings_booking")
        next_id = cursor.fetchone()[0] + 1
    booking_columns = (
        'id, kind, facility_id, part_id, booker_id, start, "end", purpose, people, '
        "responsible_name, responsible_phone, responsible_email, responsible_of_age, "
        "terms_version, terms_accepted_at, customer_group, price, full_price, denial_code, "
        "cancelled_at, cancellation_reason, sequence, created_at, updated_at, status, "
        "decided_at, reason"
    )
    occupancy = []
    written = 0
    raw = connection.connection
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY bookings_booking ({booking_columns}) FROM STDIN") as copy:
            for facility_id in facility_ids:
                facility_parts = parts[facility_id]
                for offset in range(days):
                    day = first_day + dt.timedelta(days=offset)
                    for hour in SLOTS:
                        chance = base * (5 if hour in EVENING else 1)
                        if rnd.random() >= chance:
                            continue
                        start = make_local(day, dt.time(hour))
                        end = start + dt.timedelta(hours=2)
                        created = min(moment, start - dt.timedelta(days=rnd.randint(2, 60)))
                        cancelled = rnd.random() < 0.05
                        # Divisible facilities: now the whole, now one half.
                        targets = facility_parts
                        part_id = None
                        if len(facility_parts) > 1 and rnd.random() < 0.5:
                            part_id = rnd.choice(facility_parts)
                            targets = [part_id]
                        copy.write_row(
                            (
                                next_id,
                                "booking",
                                facility_id,
                                part_id,
                                rnd.choice(bookers),
                                start,
                                end,
                                PURPOSE,
                                rnd.randint(2, 30),
                                "Vastuu Henkilö",
                                "040 000 0000",
                                "vastuu@example.org",
                                True,
                                "terms:bench",
                                created,
                                "private",
                                "20.00",
                                "20.00",
                                "",
                                created if cancelled else None,
                                "",
                                0,
                                created,
                                created,
                                "cancelled" if cancelled else "approved",
                                created,
                                "",
                            )
                        )
                        occupancy.extend((next_id, pk, start, end, not cancelled) for pk in targets)
                        next_id += 1
                        written += 1
        with cursor.copy(
            'COPY bookings_occupancy (booking_id, part_id, start, "end", active) FROM STDIN'
        ) as copy:
            for row in occupancy:
                copy.write_row(row)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('bookings_booking', 'id'), "
            "(SELECT max(id) FROM bookings_booking))"
        )
    return written, len(occupancy)
