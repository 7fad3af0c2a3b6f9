"""Benchmark: availability, the free-facility search and booking throughput at city scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kumppani_bench .venv/bin/python -m bench bookings

Builds (or reuses) 5,000 facilities and 2,000,000 bookings over two years on PostgreSQL
(bench/facilities_data.py, bench/bookings_data.py), then prints p50/p95 for
  1. one facility's free slots for a week, in process (target p95 < 20 ms);
  2. the cross-facility search for one evening (target p95 < 150 ms);
and 3. booking throughput: 16 concurrent clients POST /api/v1/bookings/ with personal tokens
to gunicorn on 127.0.0.1 for a bounded time (target ≥ 150 bookings/s), after which the
database is checked for overlapping occupancy (there must be none). It runs twice: with an
empty cache, and with every facility's setup cached in Redis (the steady state of a running
service; without Redis, each worker caches in its own memory).

BENCH_BOOKINGS (data size), BENCH_RUNS, BENCH_HTTP_SECONDS, BENCH_CLIENTS, BENCH_WORKERS,
BENCH_PORT and BENCH_CACHE_URL (default redis://127.0.0.1:6379/15) adjust it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import setup_django

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
SIZE = int(os.environ.get("BENCH_BOOKINGS", "2000000"))
HTTP_SECONDS = float(os.environ.get("BENCH_HTTP_SECONDS", "20"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
# One more worker than cores: PostgreSQL and the clients share these cores, and more processes
# only contend for them (measured: 2 → 169/s, 3 → 163/s, 5 → 153/s, 8 → 136/s on two cores).
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 2) + 1)))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# The shared cache, as in production (facility setups; see availability.bookable_facility).
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15")
MAX_REQUESTS = 20000


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered), p95


def _report(name: str, samples: list[float], target: float) -> bool:
    p50, p95 = _percentiles(samples)
    ok = p95 < target
    print(
        f"{name}: n={len(samples)} p50={p50:.1f} ms p95={p95:.1f} ms (target p95 < {target} ms) "
        f"{'OK' if ok else 'MISSED'}"
    )
    return ok


def _future_weekday(rnd: random.Random, *, within: int = 120) -> dt.date:
    from kumppani.core.time import today

    while True:
        day = today() + dt.timedelta(days=rnd.randint(3, within))
        if day.weekday() < 5 and not (dt.date(day.year, 6, 1) <= day <= dt.date(day.year, 8, 15)):
            return day


def bench_week(rnd: random.Random, facility_ids: list[int]) -> list[float]:
    from kumppani.bookings import availability

    samples = []
    for _ in range(RUNS):
        monday = availability.monday_of(_future_weekday(rnd))
        started = time.perf_counter()
        facility = availability.facilities_for_availability().get(pk=rnd.choice(facility_ids))
        data = availability.load(facility, monday, monday + dt.timedelta(days=6))
        availability.free_periods(data)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def bench_search(rnd: random.Random) -> list[float]:
    from kumppani.bookings.search import SearchSpec, search_free
    from kumppani.core.models import District
    from kumppani.facilities.models import AccessibilityFeature

    districts = list(
        District.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    features = list(AccessibilityFeature.objects.values_list("pk", flat=True))
    samples = []
    for run in range(RUNS):
        spec = SearchSpec(
            date=_future_weekday(rnd, within=60),
            time_from=dt.time(18),
            time_to=dt.time(20),
            capacity=rnd.choice([None, 10, 25, 50]),
            district_id=rnd.choice(districts) if run % 2 else None,
            accessibility_ids=[rnd.choice(features)] if features and run % 3 == 0 else [],
        )
        started = time.perf_counter()
        search_free(spec)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _tokens() -> list[str]:
    from rest_framework.authtoken.models import Token

    from kumppani.accounts.models import User

    users = User.objects.filter(email__startswith="bench-booker-").order_by("pk")[:CLIENTS]
    return [Token.objects.get_or_create(user=user)[0].key for user in users]


def _targets(rnd: random.Random) -> list[tuple[int, dt.date, int]]:
    """(facility, date, hour) candidates inside each facility's regular weekday hours."""
    from kumppani.facilities.models import WeeklyHours

    hours = WeeklyHours.objects.filter(
        season__valid_from__isnull=True,
        weekday=0,
        season__facility__published=True,
        season__facility__external_id__startswith="bench-",
    ).values_list("season__facility_id", "opens", "closes")
    targets = []
    for facility_id, opens, closes in hours:
        for hour in range(opens.hour, closes.hour - 1):
            targets.append((facility_id, hour))
    rnd.shuffle(targets)
    return [(f, _future_weekday(rnd), hour) for f, hour in targets[:MAX_REQUESTS]]


def _cache_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(CACHE_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def _prepare_cache(facility_ids: list[int], *, warm: bool) -> None:
    """Empties the benchmark's cache database; with `warm`, caches every facility's setup first,
    as a running service has after the first booking of each facility."""
    from django.core.cache import cache
    from django.test import override_settings

    from kumppani.bookings import availability

    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    with override_settings(CACHES={"default": redis_cache}):
        cache.clear()
        if warm:
            for pk in facility_ids:
                availability.bookable_facility(pk)


def _start_server() -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        # As in production: e-mails are queued for the worker, not sent in the request.
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "REQUIRE_STAFF_MFA": "false",
        "LOG_LEVEL": "ERROR",  # refused bookings are expected; do not log each
        "CACHE_URL": CACHE_URL if _cache_reachable() else "",
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    import requests

    for _ in range(100):
        try:
            if requests.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).ok:
                return server
        except requests.RequestException:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def bench_http(rnd: random.Random) -> tuple[float, int, int, int]:
    """Bookings per second with CLIENTS concurrent clients; (rate, created, refused, errors).

    The clients share the machine's cores with gunicorn and PostgreSQL, so they use the
    standard library's lean HTTP client rather than a heavier one.
    """
    import http.client
    import json

    from kumppani.core.time import make_local

    tokens = _tokens()
    targets = _targets(rnd)
    lock = threading.Lock()
    counts = {"created": 0, "refused": 0, "errors": 0}
    position = {"next": 0}
    deadline = {"at": 0.0}

    def client(token: str) -> None:
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        while time.perf_counter() < deadline["at"]:
            with lock:
                if position["next"] >= len(targets):
                    return
                facility, day, hour = targets[position["next"]]
                position["next"] += 1
            start = make_local(day, dt.time(hour))
            body = {
                "facility": facility,
                "start": start.isoformat(),
                "end": (start + dt.timedelta(hours=1)).isoformat(),
                "purpose": "bench-http",
                "people": 2,
                "responsible_name": "Vastuu",
                "responsible_phone": "040",
                "responsible_email": "vastuu@example.org",
                "responsible_of_age": True,
                "accept_terms": True,
            }
            # gunicorn's sync workers close the connection after each response.
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            try:
                connection.request("POST", "/api/v1/bookings/", json.dumps(body), headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                status = 0
            finally:
                connection.close()
            key = {201: "created", 400: "refused"}.get(status, "errors")
            with lock:
                counts[key] += 1

    server = _start_server()
    try:
        threads = [threading.Thread(target=client, args=(t,)) for t in tokens]
        started = time.perf_counter()
        deadline["at"] = started + HTTP_SECONDS
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    return counts["created"] / elapsed, counts["created"], counts["refused"], counts["errors"]


def overlaps_among_new() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM bookings_occupancy a
              JOIN bookings_booking b ON b.id = a.booking_id AND b.purpose = 'bench-http'
             WHERE a.active AND EXISTS (
                   SELECT 1 FROM bookings_occupancy o
                    WHERE o.part_id = a.part_id AND o.id <> a.id AND o.active
                      AND tstzrange(o.start, o."end", '[)') && tstzrange(a.start, a."end", '[)'))
            """
        )
        return cursor.fetchone()[0]


def _cleanup_http_bookings() -> None:
    from kumppani.bookings.models import Booking, Occupancy

    Occupancy.objects.filter(booking__purpose="bench-http").delete()
    Booking.objects.filter(purpose="bench-http").delete()


def main() -> int:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from bench import bookings_data, facilities_data
    from kumppani.facilities.models import Facility

    if connection.vendor != "postgresql":
        print("The bookings benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
        return 0
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    facilities_data.build()
    bookings_data.build(SIZE)
    print(
        f"Data ready in {time.perf_counter() - started:.1f} s "
        f"({bookings_data.existing_count():,} bookings)"
    )
    _cleanup_http_bookings()
    facility_ids = list(
        Facility.objects.published()
        .filter(external_id__startswith="bench-")
        .values_list("pk", flat=True)
    )
    rnd = random.Random(5)
    bench_week(random.Random(1), facility_ids)  # warm-up
    week_ok = _report("free slots of one facility for a week", bench_week(rnd, facility_ids), 20)
    bench_search(random.Random(2))
    search_ok = _report("free facilities for one evening", bench_search(rnd), 150)
    shared_cache = _cache_reachable()
    if not shared_cache:
        print(f"No Redis at {CACHE_URL}: each gunicorn worker caches in its own memory.")
    clean = True
    for label, warm in (("setups not cached yet", False), ("setups cached", True)):
        if shared_cache:
            started = time.perf_counter()
            _prepare_cache(facility_ids, warm=warm)
            if warm:
                print(f"Cached {len(facility_ids)} setups in {time.perf_counter() - started:.1f} s")
        rate, created, refused, errors = bench_http(rnd)
        overlaps = overlaps_among_new()
        met = rate >= 150 and not overlaps and not errors
        print(
            f"booking over HTTP, {label} ({CLIENTS} clients, {WORKERS} gunicorn workers, "
            f"{HTTP_SECONDS:.0f} s): {rate:.1f} bookings/s; created {created}, refused by rules "
            f"{refused}, errors {errors}; overlaps {overlaps} (target >= 150/s, 0 overlaps) "
            f"{'OK' if met else 'MISSED'}"
        )
        clean = clean and not overlaps and not errors
        _cleanup_http_bookings()
    return 0 if week_ok and search_ok and clean else 1


if __name__ == "__main__":
    sys.exit(main())
