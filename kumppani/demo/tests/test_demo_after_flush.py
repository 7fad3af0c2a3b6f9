"""Browser tests flush the database between tests, which also removes rows that data migrations
made (the standard equipment vocabulary); the demo must still load afterwards."""

from io import StringIO

import pytest
from django.core.management import call_command

from kumppani.facilities.models import Equipment, Facility


@pytest.mark.django_db(transaction=True)
def test_demo_loads_after_the_migrated_vocabulary_is_gone():
    Equipment.objects.all().delete()

    call_command("load_demo", force=True, stdout=StringIO())

    assert Equipment.objects.filter(slug="projector").exists()
    assert Facility.objects.count() > 50
