"""Database constraints that PostgreSQL enforces and SQLite leaves to the services.

SQLite has no exclusion constraints; there the same rule runs in the service inside a
serialized (IMMEDIATE) transaction. The constraint stays in the model state either way, so
migrations are identical on both databases.
"""

from __future__ import annotations

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, DateTimeRangeField
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import DateTimeField, Func


class PostgresExclusionConstraint(ExclusionConstraint):
    """An ExclusionConstraint that is a no-op on databases other than PostgreSQL."""

    @staticmethod
    def _is_postgres(schema_editor) -> bool:
        return schema_editor.connection.vendor == "postgresql"

    def constraint_sql(self, model, schema_editor):
        return (
            super().constraint_sql(model, schema_editor)
            if self._is_postgres(schema_editor)
            else None
        )

    def create_sql(self, model, schema_editor):
        return (
            super().create_sql(model, schema_editor) if self._is_postgres(schema_editor) else None
        )

    def remove_sql(self, model, schema_editor):
        return (
            super().remove_sql(model, schema_editor) if self._is_postgres(schema_editor) else None
        )

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        if connections[using].vendor == "postgresql":
            super().validate(model, instance, exclude=exclude, using=using)


class DateRange(Func):
    """daterange(lower, upper, bounds); a NULL upper bound is unbounded."""

    function = "DATERANGE"
    output_field = DateRangeField()


class TsRange(Func):
    function = "TSRANGE"
    output_field = DateTimeRangeField()


class TimeOnFixedDay(Func):
    """A wall-clock time placed on a fixed day, so that time intervals can form a tsrange."""

    template = "(DATE '2000-01-03' + %(expressions)s)"
    output_field = DateTimeField()
