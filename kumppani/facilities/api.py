"""Open data: `GET /api/v1/facilities/` (filters as the catalogue, paginated) and `/{id}/`."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers

from kumppani.core.time import today
from kumppani.facilities.models import (
    AccessibilityFeature,
    Equipment,
    Facility,
    FacilityPart,
    FacilityType,
)
from kumppani.facilities.rules import effective_rules

LANGS = ("fi", "sv", "en")


def translated(obj, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}") or "" for lang in LANGS}


TRANSLATED_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string"} for lang in LANGS},
}


class TranslatedField(serializers.Field):
    def __init__(self, field: str, **kwargs):
        self.field = field
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return translated(value, self.field)


extend_schema_field(TRANSLATED_SCHEMA)(TranslatedField)


class PartSerializer(serializers.ModelSerializer):
    name = TranslatedField("name")

    class Meta:
        model = FacilityPart
        fields = ["id", "code", "name", "capacity"]


class FacilitySerializer(serializers.ModelSerializer):
    name = TranslatedField("name")
    description = TranslatedField("description")
    unit = serializers.SerializerMethodField()
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    equipment = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    accessibility = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    parts = PartSerializer(many=True, read_only=True)
    is_divisible = serializers.BooleanField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Facility
        fields = [
            "id",
            "slug",
            "url",
            "name",
            "description",
            "facility_type",
            "unit",
            "street_address",
            "postal_code",
            "district",
            "latitude",
            "longitude",
            "capacity",
            "area_m2",
            "equipment",
            "accessibility",
            "free_for_nonprofits",
            "is_divisible",
            "parts",
        ]

    @extend_schema_field(
        {"type": "object", "properties": {"id": {"type": "integer"}, "name": TRANSLATED_SCHEMA}}
    )
    def get_unit(self, obj) -> dict:
        return {"id": obj.unit_id, "name": translated(obj.unit, "name")}

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class FacilityDetailSerializer(FacilitySerializer):
    terms_of_use = TranslatedField("terms_of_use")
    responsible = serializers.SerializerMethodField()
    rules = serializers.SerializerMethodField()
    prices = serializers.SerializerMethodField()
    opening_hours = serializers.SerializerMethodField()
    photos = serializers.SerializerMethodField()

    class Meta(FacilitySerializer.Meta):
        fields = [
            *FacilitySerializer.Meta.fields,
            "terms_of_use",
            "responsible",
            "rules",
            "prices",
            "opening_hours",
            "photos",
        ]

    @extend_schema_field({"type": "object"})
    def get_responsible(self, obj) -> dict:
        """M9c: the official work contact of the responsible staff member."""
        person = obj.responsible
        return {"name": person.full_name, "email": person.email, "phone": person.phone}

    @extend_schema_field({"type": "object"})
    def get_rules(self, obj) -> dict:
        return effective_rules(obj).__dict__

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_prices(self, obj) -> list[dict]:
        on = today()
        return [
            {
                "customer_group": p.customer_group,
                "basis": p.basis,
                "amount_eur": str(p.amount_eur),
                "vat_percent": str(p.vat_percent),
                "valid_from": p.valid_from.isoformat(),
                "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            }
            for p in obj.prices.all()
            if p.valid_to is None or p.valid_to >= on
        ]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_opening_hours(self, obj) -> list[dict]:
        return [
            {
                "valid_from": season.valid_from.isoformat() if season.valid_from else None,
                "valid_to": season.valid_to.isoformat() if season.valid_to else None,
                "hours": [
                    {
                        "weekday": h.weekday + 1,
                        "opens": f"{h.opens:%H:%M}",
                        "closes": f"{h.closes:%H:%M}",
                    }
                    for h in season.hours.all()
                ],
            }
            for season in obj.seasons.all()
        ]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_photos(self, obj) -> list[dict]:
        request = self.context.get("request")
        return [
            {
                "url": request.build_absolute_uri(p.image.url) if request else p.image.url,
                "alt_text": translated(p, "alt_text"),
            }
            for p in obj.photos.all()
        ]


def _slugs_to_ids(model, value: str) -> list[int]:
    slugs = [s.strip() for s in value.split(",") if s.strip()]
    ids = list(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    return ids if len(ids) == len(set(slugs)) else [-1]


class FacilityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Text in any language")
    type = django_filters.ChoiceFilter(field_name="facility_type", choices=FacilityType.choices)
    district = django_filters.CharFilter(field_name="district__slug", label="District slug")
    capacity_min = django_filters.NumberFilter(field_name="capacity", lookup_expr="gte")
    equipment = django_filters.CharFilter(
        method="filter_equipment", label="Equipment slugs, comma-separated (all)"
    )
    accessibility = django_filters.CharFilter(
        method="filter_accessibility", label="Accessibility slugs, comma-separated (all)"
    )
    free_for_nonprofits = django_filters.BooleanFilter()
    unit = django_filters.NumberFilter(field_name="unit_id")

    class Meta:
        model = Facility
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value[:100])

    def filter_equipment(self, queryset, name, value):
        return queryset.with_all_of("equipment", _slugs_to_ids(Equipment, value))

    def filter_accessibility(self, queryset, name, value):
        return queryset.with_all_of("accessibility", _slugs_to_ids(AccessibilityFeature, value))


class FacilityList(generics.ListAPIView):
    """Published facilities of the city, filtered like the public catalogue."""

    serializer_class = FacilitySerializer
    filterset_class = FacilityFilter
    queryset = (
        Facility.objects.published()
        .select_related("unit", "district")
        .prefetch_related("equipment", "accessibility", "parts")
        .order_by("pk")
    )


class FacilityDetail(generics.RetrieveAPIView):
    """One published facility with its hours, rules, current prices and responsible contact."""

    serializer_class = FacilityDetailSerializer
    queryset = (
        Facility.objects.published()
        .select_related("unit", "district", "responsible")
        .prefetch_related(
            "equipment",
            "accessibility",
            "parts",
            "photos",
            "prices",
            Prefetch("seasons__hours"),
        )
    )
