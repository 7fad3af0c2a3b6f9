"""Publishing 100,000 grant decisions as CSV and 360Giving JSON in constant memory (M15).

Creates the decisions once with bulk_create (reused on later runs), then streams both downloads
through the real views, timing each and measuring the peak of Python allocations with
tracemalloc. Streaming 10,000 and 100,000 rows side by side shows that memory does not grow with
the number of rows.

Run: `make bench` or `.venv/bin/python -m bench grants`. Uses DATABASE_URL when set, otherwise
its own SQLite file var/bench.sqlite3 (the demo database is left alone).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTAL = 100_000
SMALL = 10_000
ORGS = 1_000
CALLS = TOTAL // ORGS  # one application per organization and call
BATCH = 5_000


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    (ROOT / "var").mkdir(exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _ensure_decisions() -> None:
    from django.db import transaction
    from stdnum.fi import ytunnus

    from kumppani.core.decisions import DecisionStatus
    from kumppani.core.time import HELSINKI, now
    from kumppani.grants.models import (
        Application,
        ApplicationStatus,
        Call,
        GrantDecision,
        Programme,
    )
    from kumppani.organizations.models import Organization, OrganizationType

    existing = GrantDecision.objects.filter(application__call__programme__slug="bench").count()
    if existing >= TOTAL:
        print(f"reusing {existing:,} benchmark decisions")
        return
    started = time.perf_counter()
    with transaction.atomic():
        programme, _ = Programme.objects.get_or_create(
            slug="bench", defaults={"name": "Bench", "name_fi": "Vertailuohjelma"}
        )
        # A partial earlier run is cleared first (decisions protect applications, which protect
        # organizations and calls).
        GrantDecision.objects.filter(application__call__programme=programme).delete()
        Application.objects.filter(call__programme=programme).delete()
        Call.objects.filter(programme=programme).delete()
        Organization.objects.filter(slug__startswith="bench-org-").delete()
        orgs = []
        for n in range(ORGS):
            body = f"{7100000 + n * 13:07d}"
            business_id = next(
                (f"{body}-{d}" for d in "0123456789" if ytunnus.is_valid(f"{body}-{d}")), ""
            )
            orgs.append(
                Organization(
                    name=f"Vertailuyhdistys {n} ry",
                    name_fi=f"Vertailuyhdistys {n} ry",
                    slug=f"bench-org-{n}",
                    org_type=OrganizationType.REGISTERED_ASSOCIATION,
                    is_nonprofit=True,
                    business_id=business_id if n % 10 else "",
                    status=DecisionStatus.APPROVED,
                    decided_at=now(),
                )
            )
        orgs = Organization.objects.bulk_create(orgs)
        calls = [
            Call.objects.create(
                programme=programme,
                title=f"Bench {n}",
                title_fi=f"Vertailuhaku {n}",
                opens_at=dt.datetime(2015 + n // 10, 1 + n % 10, 1, tzinfo=HELSINKI),
                closes_at=dt.datetime(2015 + n // 10, 1 + n % 10, 20, tzinfo=HELSINKI),
                max_amount=Decimal(10000),
                budget=Decimal(10**9),
                decided_at=dt.datetime(2015 + n // 10, 2 + n % 10, 25, tzinfo=HELSINKI),
            )
            for n in range(CALLS)
        ]
        for start in range(0, TOTAL, BATCH):
            applications = Application.objects.bulk_create(
                Application(
                    organization=orgs[i % ORGS],
                    call=calls[i // ORGS],
                    status=ApplicationStatus.DECIDED,
                    max_amount=Decimal(10000),
                    amount_requested=Decimal(1000 + i % 9000),
                    purpose=f"Toiminta, hanke {i}",
                    org_name=orgs[i % ORGS].name,
                    snapshot={},
                    submitted_at=calls[i // ORGS].opens_at,
                )
                for i in range(start, start + BATCH)
            )
            GrantDecision.objects.bulk_create(
                GrantDecision(
                    application=a,
                    status=DecisionStatus.APPROVED,
                    amount_granted=a.amount_requested - 100,
                    amount_requested=a.amount_requested,
                    decided_at=a.call.decided_at,
                    reason="Vertailu",
                )
                for a in applications
            )
    print(f"created {TOTAL:,} decisions in {time.perf_counter() - started:.1f} s")


def _measure(label: str, stream) -> tuple[float, int, int]:
    tracemalloc.start()
    started = time.perf_counter()
    size = 0
    for chunk in stream:
        size += len(chunk)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<34} {elapsed:7.2f} s   peak {peak / 1024 / 1024:7.2f} MiB   {size / 1e6:7.1f} MB"
    )
    return elapsed, peak, size


def main() -> int:
    _setup_django()
    _ensure_decisions()
    from django.test import RequestFactory

    from kumppani.grants.models import GrantDecision
    from kumppani.grants.open_data import csv_stream, giving_stream
    from kumppani.grants.views.open_data import grants_csv, grants_json

    bench = GrantDecision.objects.public().filter(application__call__programme__slug="bench")
    cutoff = bench.order_by("pk").values_list("pk", flat=True)[SMALL - 1]
    small = bench.filter(pk__lte=cutoff)
    factory = RequestFactory()
    results = {
        "csv 10k": _measure("CSV, 10,000 rows (generator)", csv_stream(small)),
        "csv 100k": _measure(
            "CSV, all rows (view)",
            grants_csv(factory.get("/open-data/grants.csv")).streaming_content,
        ),
        "json 10k": _measure("360Giving, 10,000 rows (generator)", giving_stream(small)),
        "json 100k": _measure(
            "360Giving, all rows (view)",
            grants_json(factory.get("/open-data/grants.json")).streaming_content,
        ),
    }
    ok = True
    for kind in ("csv", "json"):
        small_peak, large_peak = results[f"{kind} 10k"][1], results[f"{kind} 100k"][1]
        ratio = large_peak / small_peak
        print(f"{kind}: peak memory 100k / 10k = {ratio:.2f} (constant memory: well below 10)")
        ok = ok and ratio < 2.0
    print("constant memory: yes" if ok else "constant memory: NO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
