"""Forms parse and validate input only; services write."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kumppani.accounts.models import Role, User
from kumppani.core.models import District
from kumppani.core.time import today
from kumppani.facilities.imports.columns import SHEET_ORDER
from kumppani.facilities.models import (
    RULE_FIELDS,
    AccessibilityFeature,
    CustomerGroup,
    Equipment,
    Facility,
    FacilityType,
    Need,
    NeedStatus,
    PriceBasis,
    ReservationRules,
    Unit,
    Weekday,
    WhoMayBook,
)
from kumppani.facilities.querysets import CatalogueFilter
from kumppani.organizations.models import Organization

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_IMPORT_BYTES = 10 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_TOO_LARGE = _("The photo is larger than 5 MB.")
PHOTO_BAD_FORMAT = _("Upload a JPEG, PNG or WebP photo.")
IMPORT_TOO_LARGE = _("The file is larger than 10 MB.")
IMPORT_BAD_TYPE = _("Upload a .csv or .xlsx file.")
NEED_WINDOW_TOO_SHORT = _("The time window is shorter than the duration.")
NEED_WINDOW_ORDER = _("The latest end must be after the earliest start.")
MATCHED_NEEDS_FACILITY = _("Choose the facility the need was matched with.")
PRICE_IN_PAST = _("A price change cannot start in the past; past prices stay as they were.")


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    facility_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *FacilityType.choices]
    )
    district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=District.objects.all(), empty_label=_("Any")
    )
    capacity_min = forms.IntegerField(
        label=_("Room for at least (people)"), required=False, min_value=1, max_value=100000
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=Unit.objects.all(), empty_label=_("Any")
    )
    equipment = forms.ModelMultipleChoiceField(
        label=_("Equipment"),
        required=False,
        queryset=Equipment.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility = forms.ModelMultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        queryset=AccessibilityFeature.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    free_for_nonprofits = forms.BooleanField(
        label=_("Free of charge for verified non-profits"), required=False
    )

    def spec(self) -> CatalogueFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return CatalogueFilter(
            q=data.get("q", ""),
            facility_type=data.get("facility_type", ""),
            district=data["district"].pk if data.get("district") else None,
            capacity_min=data.get("capacity_min"),
            equipment=[e.pk for e in data.get("equipment", [])],
            accessibility=[a.pk for a in data.get("accessibility", [])],
            free_for_nonprofits=data.get("free_for_nonprofits", False),
            unit=data["unit"].pk if data.get("unit") else None,
        )


def staff_users():
    return User.objects.filter(is_active=True, role_assignments__isnull=False).distinct()


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "facility_type",
            "capacity",
            "area_m2",
            "description_fi",
            "description_sv",
            "description_en",
            "terms_of_use_fi",
            "terms_of_use_sv",
            "terms_of_use_en",
            "street_address",
            "postal_code",
            "district",
            "latitude",
            "longitude",
            "equipment",
            "accessibility",
            "free_for_nonprofits",
            "published",
            "responsible",
        ]
        widgets = {
            "equipment": forms.CheckboxSelectMultiple,
            "accessibility": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True
        self.fields["responsible"].queryset = staff_users()
        self.fields["responsible"].required = False
        self.fields["responsible"].help_text = _("Empty: the unit's responsible person.")

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        return data


class NewFacilityForm(FacilityForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    class Meta(FacilityForm.Meta):
        fields = ["unit", *FacilityForm.Meta.fields]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.order_fields(["unit"])


class PartForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=30)
    name_fi = forms.CharField(label=_("Name (Finnish)"), max_length=200)
    name_sv = forms.CharField(label=_("Name (Swedish)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    capacity = forms.IntegerField(label=_("Capacity"), required=False, min_value=0)


PartFormSet = forms.formset_factory(PartForm, extra=2, can_delete=True, max_num=20)


class SeasonForm(forms.Form):
    name_fi = forms.CharField(label=_("Name (Finnish)"), max_length=100, required=False)
    name_sv = forms.CharField(label=_("Name (Swedish)"), max_length=100, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=100, required=False)
    valid_from = forms.DateField(
        label=_("Valid from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=_("Valid until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class HoursForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)
    opens = forms.TimeField(label=_("Opens"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes"), widget=forms.TimeInput(attrs={"type": "time"}))


HoursFormSet = forms.formset_factory(HoursForm, extra=3, can_delete=True, max_num=70)


class ExceptionForm(forms.Form):
    first_day = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty for a single day."),
    )
    opens = forms.TimeField(
        label=_("Special opening time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Leave the times empty to close for the whole day."),
    )
    closes = forms.TimeField(
        label=_("Special closing time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    reason_fi = forms.CharField(label=_("Reason (Finnish)"), max_length=200, required=False)
    reason_sv = forms.CharField(label=_("Reason (Swedish)"), max_length=200, required=False)
    reason_en = forms.CharField(label=_("Reason (English)"), max_length=200, required=False)


class RulesForm(forms.ModelForm):
    """Unit defaults; with `inherit=True` (a facility) every field may stay empty."""

    class Meta:
        model = ReservationRules
        fields = list(RULE_FIELDS)

    def __init__(self, *args, inherit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requires_approval"] = forms.NullBooleanField(
            label=_("Bookings need approval"),
            required=False,
            widget=forms.Select(
                choices=[
                    ("unknown", _("As the unit") if inherit else _("Default (no)")),
                    ("true", _("Yes")),
                    ("false", _("No")),
                ]
            ),
        )
        self.fields["who_may_book"].choices = [
            ("", _("As the unit") if inherit else _("Default (anyone)")),
            *WhoMayBook.choices,
        ]
        for name in RULE_FIELDS:
            self.fields[name].required = False
        if inherit:
            for name in RULE_FIELDS:
                self.fields[name].help_text = _("Empty: as the unit.")


class PriceForm(forms.Form):
    customer_group = forms.ChoiceField(label=_("Customer group"), choices=CustomerGroup.choices)
    basis = forms.ChoiceField(label=_("Charged"), choices=PriceBasis.choices)
    amount_eur = forms.DecimalField(
        label=_("Price without VAT (€)"), min_value=Decimal("0"), max_digits=10, decimal_places=2
    )
    vat_percent = forms.DecimalField(
        label=_("VAT %"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        max_digits=4,
        decimal_places=1,
        initial=Decimal("25.5"),
    )
    valid_from = forms.DateField(
        label=_("Valid from"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_valid_from(self):
        value = self.cleaned_data["valid_from"]
        if value < today():
            raise ValidationError(PRICE_IN_PAST)
        return value


class PhotoForm(forms.Form):
    image = forms.ImageField(label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 5 MB."))
    alt_text_fi = forms.CharField(
        label=_("Description for screen readers (Finnish)"), max_length=250
    )
    alt_text_sv = forms.CharField(
        label=_("Description for screen readers (Swedish)"), max_length=250, required=False
    )
    alt_text_en = forms.CharField(
        label=_("Description for screen readers (English)"), max_length=250, required=False
    )

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > MAX_PHOTO_BYTES:
            raise ValidationError(PHOTO_TOO_LARGE)
        found = getattr(image, "image", None)
        if found is None or found.format not in PHOTO_FORMATS:
            raise ValidationError(PHOTO_BAD_FORMAT)
        return image


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("An Excel workbook (.xlsx) with one sheet per kind, or a CSV file."),
    )
    sheet = forms.ChoiceField(
        label=_("What the CSV file contains"),
        choices=[(name, name) for name in SHEET_ORDER],
        required=False,
        help_text=_("Ignored for an Excel workbook, whose sheet names tell this."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(IMPORT_TOO_LARGE)
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(IMPORT_BAD_TYPE)
        return upload


class NeedForm(forms.ModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Preferred weekdays"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: any day."),
    )

    class Meta:
        model = Need
        fields = [
            "activity",
            "organization",
            "description",
            "facility_type",
            "group_size",
            "frequency",
            "weekdays",
            "time_from",
            "time_to",
            "duration_minutes",
            "districts",
            "equipment",
            "accessibility",
        ]
        widgets = {
            "time_from": forms.TimeInput(attrs={"type": "time"}),
            "time_to": forms.TimeInput(attrs={"type": "time"}),
            "districts": forms.CheckboxSelectMultiple,
            "equipment": forms.CheckboxSelectMultiple,
            "accessibility": forms.CheckboxSelectMultiple,
            "frequency": forms.RadioSelect,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = (
            Organization.objects.verified()
            if user.has_role(Role.FACILITY_MANAGER)
            else Organization.objects.for_member(user)
        )
        self.fields["organization"].queryset = organizations
        self.fields["organization"].required = False
        self.fields["organization"].empty_label = _("Myself, as a private person")
        self.fields["facility_type"].choices = [("", _("Any kind")), *FacilityType.choices]

    def clean(self):
        data = super().clean()
        start, end, duration = (
            data.get("time_from"),
            data.get("time_to"),
            data.get("duration_minutes"),
        )
        if start and end:
            if start >= end:
                raise ValidationError(NEED_WINDOW_ORDER)
            window = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            if duration and duration > window:
                raise ValidationError(NEED_WINDOW_TOO_SHORT)
        return data


class NeedStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=NeedStatus.choices)
    matched_facility = forms.ModelChoiceField(
        label=_("Matched facility"), queryset=Facility.objects.published(), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == NeedStatus.MATCHED and not data.get("matched_facility"):
            raise ValidationError(MATCHED_NEEDS_FACILITY)
        return data


class NeedFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *NeedStatus.choices]
    )
