"""`GET /api/v1/grants/`: the public decisions as open data (M15)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from rest_framework import generics, serializers

from kumppani.core.time import local
from kumppani.grants.models import GrantDecision
from kumppani.grants.public import filter_decisions, public_decisions


class GrantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_any", label="Search")
    year = django_filters.NumberFilter(method="filter_any", label="Year of the decision")
    programme = django_filters.CharFilter(method="filter_any", label="Programme identifier")
    theme = django_filters.CharFilter(method="filter_any", label="Field of activity identifier")
    district = django_filters.CharFilter(method="filter_any", label="District identifier")
    organization = django_filters.CharFilter(method="filter_any", label="Organization identifier")
    granted = django_filters.BooleanFilter(method="filter_granted", label="Only awarded grants")

    class Meta:
        model = GrantDecision
        fields: list[str] = []

    def filter_any(self, queryset, name, value):
        if value in (None, ""):
            return queryset
        return filter_decisions(queryset, **{name: int(value) if name == "year" else value})

    def filter_granted(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(Q(amount_granted__gt=0) if value else Q(amount_granted=0))


class OrganizationRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    business_id = serializers.CharField()


class GrantSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="public_id")
    organization = OrganizationRefSerializer(source="application.organization")
    programme = serializers.CharField(source="application.call.programme.name")
    programme_slug = serializers.CharField(source="application.call.programme.slug")
    call = serializers.CharField(source="application.call.title")
    purpose = serializers.CharField(source="application.purpose")
    decision_date = serializers.SerializerMethodField()
    currency = serializers.SerializerMethodField()

    class Meta:
        model = GrantDecision
        fields = [
            "id",
            "organization",
            "programme",
            "programme_slug",
            "call",
            "purpose",
            "amount_requested",
            "amount_granted",
            "currency",
            "decision_date",
        ]

    def get_decision_date(self, obj) -> str:
        return local(obj.decided_at).date().isoformat()

    def get_currency(self, obj) -> str:
        return "EUR"


class GrantList(generics.ListAPIView):
    """Every public grant decision: the recipient organization (never a person), programme,
    call, purpose, the amounts requested and granted (0 = not awarded), the decision date."""

    serializer_class = GrantSerializer
    filterset_class = GrantFilter
    queryset = GrantDecision.objects.none()

    def get_queryset(self):
        return public_decisions()
