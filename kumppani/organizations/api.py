"""Open data: the verified organizations (no private person's data, ever)."""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets

from kumppani.core.models import District, Theme
from kumppani.organizations.models import (
    CooperationKind,
    Language,
    Organization,
    OrganizationType,
)


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name_fi = serializers.CharField(allow_null=True)
    name_sv = serializers.CharField(allow_null=True)
    name_en = serializers.CharField(allow_null=True)


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name"]


# offers and seeks share one choice set; wrapped in allOf so that drf-spectacular does not
# name the same enum twice (OffersEnum, SeeksEnum) and warn about it.
_KINDS = {
    "type": "array",
    "items": {"allOf": [{"type": "string", "enum": CooperationKind.values}]},
}


class OrganizationSerializer(serializers.ModelSerializer):
    type = serializers.ChoiceField(source="org_type", choices=OrganizationType.choices)
    themes = TermSerializer(many=True)
    districts = TermSerializer(many=True)
    languages = LanguageSerializer(many=True)
    offers = serializers.SerializerMethodField()
    seeks = serializers.SerializerMethodField()
    verified_at = serializers.DateTimeField(source="decided_at")
    logo = serializers.ImageField(allow_null=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "slug",
            "name_fi",
            "name_sv",
            "name_en",
            "type",
            "is_nonprofit",
            "business_id",
            "association_number",
            "description_fi",
            "description_sv",
            "description_en",
            "themes",
            "districts",
            "languages",
            "offers",
            "seeks",
            "website",
            "public_email",
            "public_phone",
            "logo",
            "logo_alt_fi",
            "logo_alt_sv",
            "logo_alt_en",
            "founded_year",
            "member_count",
            "verified_at",
        ]
        read_only_fields = fields

    @extend_schema_field(_KINDS)
    def get_offers(self, obj: Organization) -> list[str]:
        return [c.kind for c in obj.cooperations.all() if c.direction == "offers"]

    @extend_schema_field(_KINDS)
    def get_seeks(self, obj: Organization) -> list[str]:
        return [c.kind for c in obj.cooperations.all() if c.direction == "seeks"]


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Words in the name or description")
    type = django_filters.ChoiceFilter(field_name="org_type", choices=OrganizationType.choices)
    theme = django_filters.ModelChoiceFilter(
        field_name="themes", queryset=Theme.objects.all(), to_field_name="slug"
    )
    district = django_filters.ModelChoiceFilter(
        field_name="districts", queryset=District.objects.all(), to_field_name="slug"
    )
    language = django_filters.ModelChoiceFilter(
        field_name="languages", queryset=Language.objects.all(), to_field_name="code"
    )
    offers = django_filters.ChoiceFilter(choices=CooperationKind.choices, method="filter_offers")
    seeks = django_filters.ChoiceFilter(choices=CooperationKind.choices, method="filter_seeks")

    class Meta:
        model = Organization
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_offers(self, queryset, name, value):
        return queryset.offering(value)

    def filter_seeks(self, queryset, name, value):
        return queryset.seeking(value)


@extend_schema(tags=["organizations"])
class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Verified organizations of the public directory."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    queryset = Organization.objects.none()

    def get_queryset(self):
        return (
            Organization.objects.public()
            .prefetch_related("themes", "districts", "languages", "cooperations")
            .order_by("pk")
        )
