"""Benchmarks: `python -m bench [name]` (or `make bench BENCH=name`).

Each `bench/bench_<name>.py` module has a `main()` that measures one thing and prints its
results; a non-zero return value or an exception marks it failed. Modules that need Django
call `bench.setup_django()` first (after choosing their DATABASE_URL, if they need their own).
"""

from __future__ import annotations

import os


def setup_django() -> None:
    """Set Django up once, with the project's settings."""
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if not apps.ready:
        django.setup()
