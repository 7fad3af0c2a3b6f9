"""Forms parse and validate input only; the writes live in services.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import associationid, ytunnus

from kumppani.core.models import District, Theme
from kumppani.core.time import today
from kumppani.organizations.models import (
    CooperationKind,
    Language,
    LiaisonContact,
    MembershipRole,
    Organization,
    OrganizationType,
)

BUSINESS_ID_CHECK_DIGIT = _(
    "The check digit of this Business ID is wrong. Check the number, e.g. 1234567-1."
)
BUSINESS_ID_FORMAT = _("A Business ID is seven digits, a hyphen and a check digit, e.g. 1234567-1.")
ASSOCIATION_NUMBER_FORMAT = _(
    "An association register number is one to six digits, e.g. 123.456 or 123456."
)
BUSINESS_ID_REQUIRED = _("Companies, cooperatives and foundations must give their Business ID.")
ASSOCIATION_ID_REQUIRED = _(
    "A registered association must give its association register number or its Business ID."
)
BUSINESS_ID_TAKEN = _("An organization with this Business ID is already registered.")
ASSOCIATION_NUMBER_TAKEN = _(
    "An organization with this association register number is already registered."
)
NAME_REQUIRED = _("Give the organization's name in at least one language.")
LOGO_TOO_LARGE = _("The logo may be at most 2 MB.")
LOGO_WRONG_TYPE = _("The logo must be a PNG, JPEG or WebP image.")
LOGO_ALT_REQUIRED = _("Describe the logo for people who cannot see it (alt text).")
FOUNDED_IN_FUTURE = _("The founding year cannot be in the future.")
REASON_REQUIRED = _("Give the reasons for the rejection; they are shown to the organization.")

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
TYPES_NEEDING_BUSINESS_ID = {
    OrganizationType.COMPANY,
    OrganizationType.COOPERATIVE,
    OrganizationType.FOUNDATION,
}
LANGS = ("fi", "sv", "en")


def clean_business_id(value: str) -> str:
    """A Y-tunnus in its standard form 1234567-8, or a ValidationError saying what is wrong."""
    if not value:
        return ""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except InvalidChecksum as exc:
        raise ValidationError(BUSINESS_ID_CHECK_DIGIT, code="checksum") from exc
    except (InvalidFormat, InvalidLength, StdnumError) as exc:
        raise ValidationError(BUSINESS_ID_FORMAT, code="format") from exc


def clean_association_number(value: str) -> str:
    """An association register number in compact form (digits only)."""
    if not value:
        return ""
    try:
        return associationid.validate(value)
    except StdnumError as exc:
        raise ValidationError(ASSOCIATION_NUMBER_FORMAT, code="format") from exc


def _cooperation_field(label) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=CooperationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class OrganizationForm(forms.ModelForm):
    """The organization's profile; the identifiers are checked with python-stdnum."""

    offers = _cooperation_field(_("We offer"))
    seeks = _cooperation_field(_("We seek"))
    # Longer than the stored value: people type spaces, a country prefix or dots.
    business_id = forms.CharField(label=_("Business ID (Y-tunnus)"), required=False, max_length=20)
    association_number = forms.CharField(
        label=_("Association register number"), required=False, max_length=20
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Organization
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "org_type",
            "is_nonprofit",
            "business_id",
            "association_number",
            "description_fi",
            "description_sv",
            "description_en",
            "themes",
            "districts",
            "languages",
            "target_groups",
            "offers_text_fi",
            "offers_text_sv",
            "offers_text_en",
            "seeks_text_fi",
            "seeks_text_sv",
            "seeks_text_en",
            "website",
            "public_email",
            "public_phone",
            "logo",
            "logo_alt_fi",
            "logo_alt_sv",
            "logo_alt_en",
            "founded_year",
            "member_count",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}
        labels = {
            "name": _("Name"),
            "description": _("Description"),
            "offers_text": _("What we offer, in detail"),
            "seeks_text": _("What we seek, in detail"),
            "logo_alt": _("Logo description (alt text)"),
        }
        for base, label in labels.items():
            for lang in LANGS:
                field = self.fields[f"{base}_{lang}"]
                field.label = f"{label} ({names[lang]})"
                field.required = False
                if base in {"description", "offers_text", "seeks_text"}:
                    field.widget = forms.Textarea(attrs={"rows": 4})
        self.fields["business_id"].help_text = _(
            "Required for companies, cooperatives and foundations. Format 1234567-8."
        )
        self.fields["association_number"].help_text = _(
            "Registered associations: the number in the Finnish Register of Associations."
        )
        self.fields["founded_year"].validators = [
            MinValueValidator(1800),
            MaxValueValidator(2100),
        ]
        self.fields["website"].help_text = _("The address starting with https://")
        self.fields["public_email"].help_text = _(
            "Shown publicly. Use the organization's shared address, not a person's own."
        )
        self.fields["public_phone"].help_text = _("Shown publicly.")
        if self.instance.pk:
            rows = list(self.instance.cooperations.values_list("direction", "kind"))
            self.initial["offers"] = [kind for direction, kind in rows if direction == "offers"]
            self.initial["seeks"] = [kind for direction, kind in rows if direction == "seeks"]

    def clean_business_id(self) -> str:
        value = clean_business_id(self.cleaned_data.get("business_id", "").strip())
        taken = Organization.objects.filter(business_id=value).exclude(pk=self.instance.pk)
        if value and taken.exists():
            raise ValidationError(BUSINESS_ID_TAKEN, code="taken")
        return value

    def clean_association_number(self) -> str:
        raw = self.cleaned_data.get("association_number", "").strip()
        value = clean_association_number(raw)
        taken = Organization.objects.filter(association_number=value).exclude(pk=self.instance.pk)
        if value and taken.exists():
            raise ValidationError(ASSOCIATION_NUMBER_TAKEN, code="taken")
        return value

    def clean_founded_year(self) -> int | None:
        year = self.cleaned_data.get("founded_year")
        if year and year > today().year:
            raise ValidationError(FOUNDED_IN_FUTURE, code="future")
        return year

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or logo == self.initial.get("logo"):
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise ValidationError(LOGO_TOO_LARGE, code="size")
        try:
            logo.seek(0)
            with Image.open(logo) as image:
                image_format = image.format
        except (OSError, ValueError) as exc:
            raise ValidationError(LOGO_WRONG_TYPE, code="type") from exc
        finally:
            logo.seek(0)
        if image_format not in LOGO_FORMATS:
            raise ValidationError(LOGO_WRONG_TYPE, code="type")
        return logo

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not any(data.get(f"name_{lang}") for lang in LANGS):
            self.add_error("name_fi", ValidationError(NAME_REQUIRED, code="required"))
        org_type = data.get("org_type")
        has_business_id = bool(data.get("business_id")) or "business_id" in self.errors
        has_association = (
            bool(data.get("association_number")) or "association_number" in self.errors
        )
        if org_type in TYPES_NEEDING_BUSINESS_ID and not has_business_id:
            self.add_error("business_id", ValidationError(BUSINESS_ID_REQUIRED, code="required"))
        if (
            org_type == OrganizationType.REGISTERED_ASSOCIATION
            and not has_business_id
            and not has_association
        ):
            self.add_error(
                "association_number", ValidationError(ASSOCIATION_ID_REQUIRED, code="required")
            )
        if data.get("logo") and not any(data.get(f"logo_alt_{lang}") for lang in LANGS):
            self.add_error("logo_alt_fi", ValidationError(LOGO_ALT_REQUIRED, code="required"))
        return data

    def profile(self) -> dict[str, Any]:
        """The plain fields for the services (relations are passed separately)."""
        relations = {"themes", "districts", "languages", "target_groups", "offers", "seeks"}
        data = {k: v for k, v in self.cleaned_data.items() if k not in relations}
        if data.get("logo") is False:  # "clear" ticked: the logo goes
            data["logo"] = ""
        elif data.get("logo") is None:
            data.pop("logo", None)
        return data


def _model_choice(queryset, label, *, to_field_name: str = "slug") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=queryset,
        to_field_name=to_field_name,
        required=False,
        label=label,
        empty_label=_("All"),
    )


class DirectoryFilterForm(forms.Form):
    """The directory's GET form: every filter works without JavaScript."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All")), *OrganizationType.choices]
    )
    theme = _model_choice(Theme.objects.all(), _("Field of activity"))
    district = _model_choice(District.objects.all(), _("District"))
    language = _model_choice(Language.objects.all(), _("Language"), to_field_name="code")
    offers = forms.ChoiceField(
        label=_("Offers"), required=False, choices=[("", _("All")), *CooperationKind.choices]
    )
    seeks = forms.ChoiceField(
        label=_("Seeks"), required=False, choices=[("", _("All")), *CooperationKind.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"

    def filter(self, queryset):
        """Apply the valid filters; an unknown value is ignored (and shown as an error)."""
        if not self.is_bound:
            return queryset
        self.is_valid()  # cleaned_data then holds only the valid filters
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.search(data["q"])
        if data.get("type"):
            queryset = queryset.filter(org_type=data["type"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("district"):
            queryset = queryset.filter(districts=data["district"])
        if data.get("language"):
            queryset = queryset.filter(languages=data["language"])
        if data.get("offers"):
            queryset = queryset.offering(data["offers"])
        if data.get("seeks"):
            queryset = queryset.seeking(data["seeks"])
        return queryset


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organization (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class JoinDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons (optional)"), required=False, max_length=2000, widget=forms.Textarea
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class VerificationForm(forms.Form):
    """The liaison's decision on an organization."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approved", _("Verify")), ("rejected", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons shown to the organization"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when rejecting."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "rejected" and not data.get("reason", "").strip():
            self.add_error("reason", ValidationError(REASON_REQUIRED, code="required"))
        return data


class PracticesForm(forms.Form):
    """A new version of the cooperation-practices document (M10), in three languages."""

    title_fi = forms.CharField(label=_("Title (in Finnish)"), max_length=200)
    title_sv = forms.CharField(label=_("Title (in Swedish)"), max_length=200)
    title_en = forms.CharField(label=_("Title (in English)"), max_length=200)
    body_fi = forms.CharField(label=_("Text (in Finnish)"), widget=forms.Textarea)
    body_sv = forms.CharField(label=_("Text (in Swedish)"), widget=forms.Textarea)
    body_en = forms.CharField(label=_("Text (in English)"), widget=forms.Textarea)
    change_summary_fi = forms.CharField(
        label=_("What changed (in Finnish)"), max_length=300, required=False
    )
    change_summary_sv = forms.CharField(
        label=_("What changed (in Swedish)"), max_length=300, required=False
    )
    change_summary_en = forms.CharField(
        label=_("What changed (in English)"), max_length=300, required=False
    )


class LiaisonContactForm(forms.ModelForm):
    class Meta:
        model = LiaisonContact
        fields = ["name", "title_fi", "title_sv", "title_en", "email", "phone", "order"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}
        title = _("Title")
        for lang in LANGS:
            self.fields[f"title_{lang}"].label = f"{title} ({names[lang]})"
        self.fields["title_fi"].required = True


LiaisonContactFormSet = forms.modelformset_factory(
    LiaisonContact, form=LiaisonContactForm, extra=1, can_delete=True
)
