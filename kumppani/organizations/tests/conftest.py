import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _finnish_by_default():
    """Each test starts in Finnish, whatever language an earlier request left active."""
    with translation.override("fi"):
        yield
