"""The bookings API: availability, the cross-facility search, and one's own bookings.

Booking through the API runs the same services and validators as the form, so the same rule
gives the same code and message. Session sign-in (with CSRF) and personal tokens
(`Authorization: Token …`) are both accepted.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from kumppani.bookings import availability, services
from kumppani.bookings.models import Booking
from kumppani.bookings.search import SearchSpec, search_free
from kumppani.core.api import PrebuiltFieldsMixin
from kumppani.core.time import HELSINKI, local
from kumppani.facilities.models import Facility, FacilityPart
from kumppani.organizations.models import Organization

RANGE_ORDER = _("The end must be after the start.")
RANGE_TOO_LONG = _("Ask for at most %(days)s days at a time.")
NOT_A_PART = _("That part does not belong to this facility.")


def _aware(value: dt.datetime | dt.date, *, end: bool = False) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=HELSINKI)
    day = value + dt.timedelta(days=1) if end else value
    return dt.datetime.combine(day, dt.time(), tzinfo=HELSINKI)


class DateOrDateTimeField(serializers.Field):
    """ISO 8601 date (2026-11-12) or date-time (2026-11-12T18:00+02:00)."""

    default_error_messages = {"invalid": _("Give an ISO 8601 date or date-time.")}

    def to_internal_value(self, data):
        try:
            text = str(data).replace(" ", "+")
            return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)
        except ValueError:
            self.fail("invalid")

    def to_representation(self, value):
        return value.isoformat()


class AvailabilityQuery(serializers.Serializer):
    start = DateOrDateTimeField()
    end = DateOrDateTimeField()
    part = serializers.IntegerField(required=False)

    def validate(self, attrs):
        start, end = _aware(attrs["start"]), _aware(attrs["end"], end=True)
        if end <= start:
            raise serializers.ValidationError({"end": [str(RANGE_ORDER)]})
        if end - start > dt.timedelta(days=availability.MAX_RANGE_DAYS):
            raise serializers.ValidationError(
                {"end": [str(RANGE_TOO_LONG) % {"days": availability.MAX_RANGE_DAYS}]}
            )
        return {**attrs, "start": start, "end": end}


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class AvailabilityView(APIView):
    """Bookable periods of one facility (or one part): a booking may start at `start` (or a
    later step of the facility's start interval) and end by `end`."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("start", OpenApiTypes.STR, required=True, description="ISO 8601"),
            OpenApiParameter("end", OpenApiTypes.STR, required=True, description="ISO 8601"),
            OpenApiParameter("part", OpenApiTypes.INT, description="a part id; default whole"),
        ],
        responses=inline_serializer(
            "Availability",
            {
                "facility": serializers.IntegerField(),
                "part": serializers.IntegerField(allow_null=True),
                "start_interval_minutes": serializers.IntegerField(),
                "min_duration_minutes": serializers.IntegerField(),
                "max_duration_minutes": serializers.IntegerField(),
                "slots": SlotSerializer(many=True),
            },
        ),
    )
    def get(self, request, pk: int):
        facility = get_object_or_404(
            availability.facilities_for_availability().filter(published=True), pk=pk
        )
        query = AvailabilityQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = query.validated_data["start"], query.validated_data["end"]
        part = query.validated_data.get("part")
        if (
            part is not None
            and not FacilityPart.objects.filter(pk=part, facility=facility).exists()
        ):
            raise serializers.ValidationError({"part": [str(NOT_A_PART)]})
        data = availability.load(facility, local(start).date(), local(end).date())
        slots = []
        for slot in availability.free_periods(data, part):
            s, e = max(slot.start, start), min(slot.end, end)
            if s < e:
                slots.append({"start": local(s), "end": local(e)})
        rules = data.rules
        return Response(
            {
                "facility": facility.pk,
                "part": part,
                "start_interval_minutes": rules.start_interval_minutes,
                "min_duration_minutes": rules.min_duration_minutes,
                "max_duration_minutes": rules.max_duration_minutes,
                "slots": SlotSerializer(slots, many=True).data,
            }
        )


class _SearchPlain(serializers.Serializer):
    date = serializers.DateField()
    time_from = serializers.TimeField()
    time_to = serializers.TimeField()
    capacity = serializers.IntegerField(required=False, min_value=1)
    district = serializers.IntegerField(required=False)
    accessibility = serializers.ListField(child=serializers.IntegerField(), required=False)

    def validate(self, attrs):
        if attrs["time_to"] <= attrs["time_from"]:
            raise serializers.ValidationError({"to": [str(RANGE_ORDER)]})
        return attrs


class FreeFacilitySerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district.name", default=None)
    unit = serializers.CharField(source="unit.name")

    class Meta:
        model = Facility
        fields = ["id", "slug", "name", "unit", "district", "capacity"]


class AvailabilitySearchView(generics.GenericAPIView):
    """Facilities free for the whole given time (date, from, to; capacity, district,
    accessibility features)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = FreeFacilitySerializer
    queryset = Facility.objects.none()
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("date", OpenApiTypes.DATE, required=True),
            OpenApiParameter("from", OpenApiTypes.STR, required=True, description="HH:MM"),
            OpenApiParameter("to", OpenApiTypes.STR, required=True, description="HH:MM"),
            OpenApiParameter("capacity", OpenApiTypes.INT),
            OpenApiParameter("district", OpenApiTypes.INT),
            OpenApiParameter("accessibility", OpenApiTypes.INT, many=True),
        ],
        responses=FreeFacilitySerializer(many=True),
    )
    def get(self, request):
        plain = _SearchPlain(data=_search_data(request.query_params))
        plain.is_valid(raise_exception=True)
        data = plain.validated_data
        spec = SearchSpec(
            date=data["date"],
            time_from=data["time_from"],
            time_to=data["time_to"],
            capacity=data.get("capacity"),
            district_id=data.get("district"),
            accessibility_ids=data.get("accessibility", []),
        )
        return Response(FreeFacilitySerializer(search_free(spec), many=True).data)


def _search_data(params) -> dict:
    data = {
        "date": params.get("date"),
        "time_from": params.get("from"),
        "time_to": params.get("to"),
    }
    for name in ("capacity", "district"):
        if params.get(name) not in (None, ""):
            data[name] = params.get(name)
    if params.getlist("accessibility"):
        data["accessibility"] = params.getlist("accessibility")
    return data


class BookingSerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    facility_name = serializers.CharField(source="facility.name", read_only=True)
    organization_name = serializers.CharField(
        source="organization.name", read_only=True, default=None
    )
    reason = serializers.CharField(source="denial_text", read_only=True)

    class Meta:
        model = Booking
        fields = [
            "id",
            "facility",
            "facility_name",
            "part",
            "organization",
            "organization_name",
            "series",
            "start",
            "end",
            "purpose",
            "people",
            "status",
            "reason",
            "due_at",
            "decided_at",
            "responsible_name",
            "responsible_phone",
            "responsible_email",
            "customer_group",
            "price",
            "full_price",
            "terms_version",
            "created_at",
        ]
        read_only_fields = fields


class BookableFacilityField(serializers.PrimaryKeyRelatedField):
    """A published facility's id; the facility comes with its cached setup
    (`availability.bookable_facility`), so a booking reads it in one small query."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            pk = int(data)
        except (TypeError, ValueError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        facility = availability.bookable_facility(pk) if 0 < pk < 2**63 else None
        if facility is None:
            self.fail("does_not_exist", pk_value=data)
        return facility


class BookingCreateSerializer(serializers.Serializer):
    facility = BookableFacilityField(queryset=Facility.objects.published())
    part = serializers.PrimaryKeyRelatedField(
        queryset=FacilityPart.objects.all(), required=False, allow_null=True
    )
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(), required=False, allow_null=True
    )
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    purpose = serializers.CharField(max_length=200)
    people = serializers.IntegerField(min_value=1, max_value=100000)
    responsible_name = serializers.CharField(max_length=150)
    responsible_phone = serializers.CharField(max_length=40)
    responsible_email = serializers.EmailField()
    responsible_of_age = serializers.BooleanField()
    accept_terms = serializers.BooleanField()

    def validate(self, attrs):
        part = attrs.get("part")
        if part is not None and part.facility_id != attrs["facility"].pk:
            raise serializers.ValidationError({"part": [str(NOT_A_PART)]})
        return attrs


def rule_errors(exc: DjangoValidationError) -> dict:
    """The same coded messages the form shows."""
    if hasattr(exc, "error_dict"):
        return {
            name: [str(m) for m in DjangoValidationError(errors).messages]
            for name, errors in exc.error_dict.items()
        }
    return {
        "non_field_errors": exc.messages,
        "codes": [error.code for error in exc.error_list],
    }


class BookingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The signed-in person's own bookings; booking with the form's rules and messages."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = BookingSerializer

    def get_queryset(self):
        return (
            Booking.objects.of_person(self.request.user)
            .select_related("facility", "organization")
            .order_by("-start", "-pk")
        )

    @extend_schema(request=BookingCreateSerializer, responses={201: BookingSerializer})
    def create(self, request, *args, **kwargs):
        payload = BookingCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            booking = services.create_booking(
                facility=data["facility"],
                start=data["start"],
                end=data["end"],
                booker=request.user,
                purpose=data["purpose"],
                people=data["people"],
                part=data.get("part"),
                organization=data.get("organization"),
                responsible=services.Responsible(
                    name=data["responsible_name"],
                    phone=data["responsible_phone"],
                    email=data["responsible_email"],
                    of_age=data["responsible_of_age"],
                ),
                terms_accepted=data["accept_terms"],
            )
        except DjangoValidationError as exc:
            return Response(rule_errors(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)
