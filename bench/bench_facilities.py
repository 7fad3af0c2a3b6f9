"""Benchmark: catalogue search and the needs matcher on a city-scale catalogue.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kumppani_bench .venv/bin/python -m bench facilities

Builds 5,000 facilities (bench/facilities_data.py) into the configured database — PostgreSQL
when DATABASE_URL is set, which is what the targets are for — after migrating it, then prints
p50/p95 for a catalogue page (count + first 20 rows, mixed searches and filters, as the view
runs it) and for matching one need against every published facility, with reasons (warm: the
facility profiles are cached until the catalogue changes; the cold build is printed too).
Targets on a 2-core machine with PostgreSQL: search p95 < 50 ms, matching p95 < 200 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

from bench import setup_django

RUNS = int(os.environ.get("BENCH_RUNS", "200"))
MATCH_RUNS = int(os.environ.get("BENCH_MATCH_RUNS", "50"))


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered), p95


def _report(name: str, samples: list[float], target: float) -> bool:
    p50, p95 = _percentiles(samples)
    ok = p95 < target
    print(
        f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < {target:.0f} ms) {'OK' if ok else 'OVER'}"
    )
    return ok


def _search_specs(rnd: random.Random):
    from kumppani.facilities.models import AccessibilityFeature, Equipment, FacilityType
    from kumppani.facilities.querysets import CatalogueFilter

    districts = list(
        __import__("kumppani.core.models", fromlist=["District"])
        .District.objects.filter(slug__startswith="bench-")
        .values_list("pk", flat=True)
    )
    equipment = list(Equipment.objects.values_list("pk", flat=True))
    access = list(AccessibilityFeature.objects.values_list("pk", flat=True))
    words = ["sali", "gymnastiksal", "meeting", "koivu", "kallio", "studio", "kök", "", "", ""]
    for _ in range(RUNS):
        yield CatalogueFilter(
            q=rnd.choice(words),
            facility_type=rnd.choice([*FacilityType.values, "", "", ""]),
            district=rnd.choice([*districts, None, None]) if districts else None,
            capacity_min=rnd.choice([None, 10, 25, 50, 100]),
            equipment=rnd.sample(equipment, rnd.choice([0, 0, 1, 2])),
            accessibility=rnd.sample(access, rnd.choice([0, 0, 1])),
            free_for_nonprofits=rnd.random() < 0.2,
        )


def bench_search(rnd: random.Random) -> list[float]:
    from django.core.paginator import Paginator
    from django.utils import translation

    from kumppani.facilities.models import Facility

    samples = []
    with translation.override("fi"):
        for spec in _search_specs(rnd):
            started = time.perf_counter()
            queryset = Facility.objects.published().filtered(spec).for_listing()
            page = Paginator(queryset, 20).get_page(1)
            rows = [(f.name, f.unit.name, [a.name for a in f.accessibility.all()]) for f in page]
            samples.append((time.perf_counter() - started) * 1000)
            assert len(rows) <= 20
    return samples


def bench_matcher(rnd: random.Random) -> list[float]:
    from django.utils import translation

    from kumppani.facilities.matching import match_need
    from kumppani.facilities.models import Need

    needs = []
    for i in range(5):
        need, _ = Need.objects.get_or_create(
            activity=f"bench-need-{i}",
            defaults={
                "group_size": rnd.choice([8, 20, 40, 120]),
                "weekdays": rnd.sample(range(7), 2),
                "time_from": dt.time(rnd.choice([9, 16, 17])),
                "time_to": dt.time(21),
                "duration_minutes": rnd.choice([60, 90, 120]),
            },
        )
        needs.append(need)
    samples = []
    with translation.override("fi"):
        # The first match builds the catalogue profiles (then cached until the catalogue
        # changes); it is reported on its own, as the cold case.
        started = time.perf_counter()
        match_need(needs[0])
        print(
            f"needs matcher, cold (profiles built): {(time.perf_counter() - started) * 1000:.0f} ms"
        )
        for run in range(MATCH_RUNS):
            need = needs[run % len(needs)]
            started = time.perf_counter()
            result = match_need(need)
            samples.append((time.perf_counter() - started) * 1000)
            assert len(result.matches) == 20
    return samples


def main() -> int:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from bench import facilities_data

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}")
    started = time.perf_counter()
    facilities_data.build()
    print(f"Data ready in {time.perf_counter() - started:.1f} s")
    rnd = random.Random(11)
    bench_search(random.Random(1))  # warm-up
    search_ok = _report("catalogue search (page of 20)", bench_search(rnd), 50)
    match_ok = _report("needs matcher (5,000 facilities)", bench_matcher(rnd), 200)
    if connection.vendor != "postgresql":
        print("Note: the targets are for PostgreSQL; set DATABASE_URL to measure them.")
    return 0 if (search_ok and match_ok) or connection.vendor != "postgresql" else 1
