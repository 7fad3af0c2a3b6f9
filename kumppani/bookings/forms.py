"""Booking forms: they parse input and run the same validators as the services and the API."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import User
from kumppani.bookings import validators
from kumppani.bookings.models import BookingKind, DenialReason, SeriesInterval
from kumppani.bookings.services import Responsible
from kumppani.bookings.validators import BookingDraft
from kumppani.core.models import District
from kumppani.core.time import make_local
from kumppani.facilities.models import AccessibilityFeature
from kumppani.organizations.models import Organization

END_BEFORE_START = validators.ENDS_BEFORE_START
NO_SUCH_PERSON = _("No one has an account with that e-mail address.")
SEARCH_TIMES = _("The end must be after the start.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ResponsibleFields(forms.Form):
    """M9c: the responsible person, on every booking."""

    responsible_name = forms.CharField(label=_("Name of the responsible person"), max_length=150)
    responsible_phone = forms.CharField(
        label=_("Phone of the responsible person"),
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    responsible_email = forms.EmailField(label=_("E-mail of the responsible person"))
    responsible_of_age = forms.BooleanField(
        label=_("The responsible person is at least 18 years old"), required=True
    )

    def responsible(self) -> Responsible:
        data = self.cleaned_data
        return Responsible(
            name=data.get("responsible_name", ""),
            phone=data.get("responsible_phone", ""),
            email=data.get("responsible_email", ""),
            of_age=bool(data.get("responsible_of_age")),
        )


def _part_field(facility) -> forms.ModelChoiceField | None:
    if not facility.is_divisible:
        return None
    return forms.ModelChoiceField(
        label=_("What to book"),
        queryset=facility.parts.all(),
        required=False,
        empty_label=_("The whole facility"),
    )


def _organization_field(user) -> forms.ModelChoiceField | None:
    organizations = Organization.objects.for_member(user).order_by("name")
    if not organizations.exists():
        return None
    return forms.ModelChoiceField(
        label=_("Who books"),
        queryset=organizations,
        required=False,
        empty_label=_("Myself, as a private person"),
        help_text=_("Verified non-profit organizations may get the facility free of charge."),
    )


class BookingFields(ResponsibleFields):
    purpose = forms.CharField(label=_("Purpose of use"), max_length=200)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=100000)
    accept_terms = forms.BooleanField(
        label=_("I have read and accept the terms of use, including the sanctions for misuse"),
        required=True,
    )

    def __init__(self, *args, facility, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.facility, self.user = facility, user
        part = _part_field(facility)
        if part is not None:
            self.fields["part"] = part
        organization = _organization_field(user)
        if organization is not None:
            self.fields["organization"] = organization
        self.order_fields(self.field_order_names())

    def field_order_names(self) -> list[str]:
        return []


class BookingForm(BookingFields):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput())

    def field_order_names(self) -> list[str]:
        return ["date", "start_time", "end_time", "part", "organization", "purpose", "people"]

    def clean(self):
        data = super().clean()
        if not all(data.get(name) for name in ("date", "start_time", "end_time")):
            return data
        start = make_local(data["date"], data["start_time"])
        end = make_local(data["date"], data["end_time"])
        if end <= start:
            raise ValidationError({"end_time": END_BEFORE_START})
        self.draft = BookingDraft(
            facility=self.facility,
            start=start,
            end=end,
            booker=self.user,
            part=data.get("part"),
            organization=data.get("organization"),
            people=data.get("people") or 1,
        )
        errors = validators.validate(self.draft)
        if errors:
            raise ValidationError(_unique(errors))
        return data


def _unique(errors: list[ValidationError]) -> list[ValidationError]:
    seen, result = set(), []
    for error in errors:
        key = (error.code, tuple(error.messages))
        if key not in seen:
            seen.add(key)
            result.append(error)
    return result


class SeriesForm(BookingFields):
    first_date = forms.DateField(label=_("First date"), widget=DateInput())
    until_date = forms.DateField(
        label=_("Last date"), widget=DateInput(), help_text=_("For example the end of the season.")
    )
    interval_weeks = forms.TypedChoiceField(
        label=_("Repeats"),
        choices=SeriesInterval.choices,
        coerce=int,
        initial=SeriesInterval.WEEKLY,
    )
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput())

    def field_order_names(self) -> list[str]:
        return [
            "first_date",
            "until_date",
            "interval_weeks",
            "start_time",
            "end_time",
            "part",
            "organization",
            "purpose",
            "people",
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            raise ValidationError({"end_time": END_BEFORE_START})
        return data


class DatesForm(forms.Form):
    """The dates of a previewed series the booker keeps (taken ones cannot be chosen)."""

    dates = forms.MultipleChoiceField(
        label=_("Dates to book"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, occurrences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dates"].choices = [
            (o.date.isoformat(), o.date.isoformat()) for o in occurrences
        ]

    def chosen(self) -> list[dt.date]:
        return [dt.date.fromisoformat(value) for value in self.cleaned_data.get("dates", [])]


class StaffBookingForm(forms.Form):
    """A manager books on someone's behalf or blocks time (maintenance, the city's own use)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=BookingKind.choices, widget=forms.RadioSelect)
    booker_email = forms.EmailField(
        label=_("Booker's e-mail"),
        required=False,
        help_text=_("For a booking on someone's behalf: the person's account."),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput())
    purpose = forms.CharField(label=_("Purpose or reason"), max_length=200)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, initial=1)
    responsible_name = forms.CharField(
        label=_("Name of the responsible person"), max_length=150, required=False
    )
    responsible_phone = forms.CharField(
        label=_("Phone of the responsible person"), max_length=40, required=False
    )
    responsible_email = forms.EmailField(
        label=_("E-mail of the responsible person"), required=False
    )
    responsible_of_age = forms.BooleanField(
        label=_("The responsible person is at least 18 years old"), required=False
    )

    def __init__(self, *args, facility, **kwargs):
        super().__init__(*args, **kwargs)
        self.facility = facility
        part = _part_field(facility)
        if part is not None:
            self.fields["part"] = part

    def clean_booker_email(self):
        email = self.cleaned_data.get("booker_email", "").strip().lower()
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(NO_SUCH_PERSON)
        return user

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("start_time") and data.get("end_time"):
            data["start"] = make_local(data["date"], data["start_time"])
            data["end"] = make_local(data["date"], data["end_time"])
            if data["end"] <= data["start"]:
                raise ValidationError({"end_time": END_BEFORE_START})
        return data

    def responsible(self) -> Responsible:
        data = self.cleaned_data
        return Responsible(
            name=data.get("responsible_name", ""),
            phone=data.get("responsible_phone", ""),
            email=data.get("responsible_email", ""),
            of_age=bool(data.get("responsible_of_age")),
        )


class DenyForm(forms.Form):
    denial_code = forms.ChoiceField(
        label=_("Reason for denial"), choices=[("", "—"), *DenialReason.choices]
    )
    reason = forms.CharField(
        label=_("Explanation to the booker"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StaffCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancellation (shown to the booker)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChangeTimeForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput())

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("start_time") and data.get("end_time"):
            data["start"] = make_local(data["date"], data["start_time"])
            data["end"] = make_local(data["date"], data["end_time"])
            if data["end"] <= data["start"]:
                raise ValidationError({"end_time": END_BEFORE_START})
        return data


class SeriesTimeForm(forms.Form):
    start_time = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends"), widget=TimeInput())


class HandlingFilterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False)
    facility = forms.ModelChoiceField(label=_("Facility"), queryset=None, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, units, facilities, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["facility"].queryset = facilities
        self.fields["status"].choices = [("", _("All")), *statuses]


class SearchForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    time_from = forms.TimeField(label=_("From"), widget=TimeInput())
    time_to = forms.TimeField(label=_("To"), widget=TimeInput())
    capacity = forms.IntegerField(label=_("At least this many people"), min_value=1, required=False)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.all(), required=False
    )
    accessibility = forms.ModelMultipleChoiceField(
        label=_("Accessibility"),
        queryset=AccessibilityFeature.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        if data.get("time_from") and data.get("time_to") and data["time_to"] <= data["time_from"]:
            raise ValidationError({"time_to": SEARCH_TIMES})
        return data
