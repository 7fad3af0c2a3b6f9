from rest_framework import serializers

from kumppani.core.api import PrebuiltFieldsMixin
from kumppani.core.models import District


class DistrictSerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    class Meta:
        model = District
        fields = ["id", "name"]


def test_fields_are_built_once_and_copied(db):
    first, second = DistrictSerializer(), DistrictSerializer()
    assert list(first.fields) == list(second.fields) == ["id", "name"]
    # Each instance binds its own copies, never the shared prototype.
    assert first.fields["name"] is not second.fields["name"]
    assert first.fields["name"].parent is first
    assert second.fields["name"].parent is second
    district = District.objects.create(name="Keskusta", slug="keskusta")
    assert DistrictSerializer(district).data == {"id": district.pk, "name": "Keskusta"}
