"""Input of the misuse procedure: parsing and validation only."""

from __future__ import annotations

import datetime as dt

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from kumppani.core.time import local, now
from kumppani.sanctions.models import (
    Consequence,
    LadderStep,
    MisuseKind,
    ReconsiderationOutcome,
    SanctionPolicy,
    SanctionTarget,
)
from kumppani.sanctions.models.evidence import MAX_PHOTO_BYTES
from kumppani.sanctions.rules import HEARING_DAYS

PHOTO_EMPTY = _("The file is empty.")
PHOTO_TOO_LARGE = _("A photo can be at most 5 MB.")
PHOTO_WRONG_TYPE = _("Only JPEG, PNG and WebP photos can be added.")
PHOTO_DAMAGED = _("The photo could not be read. It may be damaged.")
ALLOWED_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
NO_ACTION_CHOICE = "none"
PHOTO_HELP = _("JPEG, PNG or WebP, at most 5 MB.")


def check_photo(upload) -> tuple[str, str]:
    """Content type and extension judged from the file's bytes, never from its name."""
    if upload.size == 0:
        raise ValidationError(PHOTO_EMPTY, code="photo_empty")
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(PHOTO_TOO_LARGE, code="photo_too_large")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(PHOTO_WRONG_TYPE, code="photo_wrong_type")
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(PHOTO_DAMAGED, code="photo_damaged") from exc
    finally:
        upload.seek(0)
    return kind.mime, ALLOWED_TYPES[kind.mime]


class LocalDateTimeField(forms.SplitDateTimeField):
    """A date and a time entered in Helsinki time."""

    widget = forms.SplitDateTimeWidget(
        date_attrs={"type": "date", "aria-label": _("Date")},
        time_attrs={"type": "time", "aria-label": _("Time (hh:mm)")},
        date_format="%Y-%m-%d",
        time_format="%H:%M",
    )


class PhotoField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", PHOTO_HELP)
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.checked = check_photo(upload)
        return upload


class IncidentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of misuse"), choices=MisuseKind.choices)
    occurred_at = LocalDateTimeField(label=_("When it happened"))
    description = forms.CharField(
        label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    evidence_notes = forms.CharField(
        label=_("Evidence notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who saw it, what was checked, what the photos show."),
    )
    damage_cost = forms.DecimalField(
        label=_("Cost of damage (€)"), required=False, min_value=0, max_digits=10, decimal_places=2
    )
    photo = PhotoField(label=_("Photo"), required=False)

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value and value > now():
            raise ValidationError(_("The time cannot be in the future."), code="future")
        return value


class TipForm(forms.Form):
    kind = forms.ChoiceField(label=_("What did you find?"), choices=MisuseKind.choices)
    noticed_at = LocalDateTimeField(label=_("When did you notice it?"))
    description = forms.CharField(
        label=_("Describe what you found"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photo = PhotoField(label=_("Photo (optional)"), required=False)

    def clean_noticed_at(self):
        value = self.cleaned_data["noticed_at"]
        if value and value > now():
            raise ValidationError(_("The time cannot be in the future."), code="future")
        return value


class PhotoForm(forms.Form):
    photo = PhotoField(label=_("Photo"))
    description = forms.CharField(label=_("What the photo shows"), required=False, max_length=200)


class HearingForm(forms.Form):
    claim = forms.CharField(
        label=_("What is claimed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Shown and e-mailed to the parties: what happened, the evidence, and the "
            "consequence that may follow under the policy."
        ),
    )
    days = forms.IntegerField(
        label=_("Days to answer"), min_value=7, max_value=60, initial=HEARING_DAYS
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    waives = forms.BooleanField(
        label=_("I do not wish to say more; the decision may be made now"), required=False
    )


def step_choices(policy: SanctionPolicy | None) -> list[tuple[str, str]]:
    choices = [(NO_ACTION_CHOICE, str(_("No action: close the case")))]
    if policy is not None:
        choices += [(str(step.pk), str(step)) for step in policy.steps.all()]
    return choices


class DecisionForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Outcome (rule of the policy applied)"), widget=forms.RadioSelect
    )
    target = forms.ChoiceField(
        label=_("The sanction applies to"),
        choices=SanctionTarget.choices,
        initial=SanctionTarget.PERSON,
    )
    starts_on = forms.DateField(
        label=_("First day (ban or loss of free use)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    ends_on = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to use the length of the step."),
    )
    fee = forms.DecimalField(
        label=_("Fee (€)"), required=False, min_value=0, max_digits=10, decimal_places=2
    )
    covers_members = forms.BooleanField(
        label=_("An organization's ban also covers its members' private bookings"), required=False
    )
    reason = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The facts found, the answer considered, and why this outcome follows."),
    )
    departure_reason = forms.CharField(
        label=_("Why the suggested step is not followed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, policy: SanctionPolicy | None, incident, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.fields["step"].choices = step_choices(policy)
        if not incident.party_organization_id:
            self.fields["target"].choices = [
                c for c in SanctionTarget.choices if c[0] == SanctionTarget.PERSON
            ]
            del self.fields["covers_members"]

    def clean_step(self) -> LadderStep | None:
        value = self.cleaned_data["step"]
        if value == NO_ACTION_CHOICE:
            return None
        return next(s for s in self.policy.steps.all() if str(s.pk) == value)


class ReconsiderationRequestForm(forms.Form):
    grounds = forms.CharField(
        label=_("Why should the decision be reconsidered?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say how you want the decision changed and why."),
    )


class ReconsiderationDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=ReconsiderationOutcome.choices, widget=forms.RadioSelect
    )
    step = forms.ChoiceField(label=_("New outcome (when changed)"), required=False)
    ends_on = forms.DateField(
        label=_("New last day (when changed)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    fee = forms.DecimalField(
        label=_("New fee (€, when changed)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
    )
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, policy: SanctionPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.fields["step"].choices = [("", "—")] + [
            (str(step.pk), str(step)) for step in policy.steps.all()
        ]

    def clean(self):
        data = super().clean()
        if data.get("outcome") == ReconsiderationOutcome.CHANGED and not data.get("step"):
            self.add_error("step", _("Choose the new outcome."))
        step = data.get("step")
        data["step"] = next((s for s in self.policy.steps.all() if str(s.pk) == step), None)
        return data


class PolicyForm(forms.ModelForm):
    class Meta:
        model = SanctionPolicy
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "introduction_fi",
            "introduction_sv",
            "introduction_en",
            "change_summary_fi",
            "change_summary_sv",
            "change_summary_en",
        ]
        widgets = {
            f"introduction_{lang}": forms.Textarea(attrs={"rows": 6}) for lang in ("fi", "sv", "en")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in ("fi", "sv", "en"):
            self.fields[f"title_{lang}"].required = True
            self.fields[f"introduction_{lang}"].required = True


class LadderStepForm(forms.Form):
    order = forms.IntegerField(label=_("Step"), min_value=1, max_value=20)
    consequence = forms.ChoiceField(label=_("Consequence"), choices=Consequence.choices)
    months = forms.IntegerField(
        label=_("Months (ban or loss of free use)"), required=False, min_value=1, max_value=60
    )
    description_fi = forms.CharField(
        label=_("Description in Finnish"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        timed = data.get("consequence") in (
            Consequence.LOSS_OF_FREE_USE,
            Consequence.BAN,
            Consequence.LONGER_BAN,
        )
        if timed and not data.get("months"):
            self.add_error("months", _("Give the length in months."))
        if not timed:
            data["months"] = None
        return data


LadderFormSet = forms.formset_factory(
    LadderStepForm, extra=2, max_num=20, absolute_max=20, can_delete=True
)


def steps_initial(policy: SanctionPolicy) -> list[dict]:
    return [
        {
            "order": s.order,
            "consequence": s.consequence,
            "months": s.months,
            "description_fi": s.description_fi,
            "description_sv": s.description_sv,
            "description_en": s.description_en,
        }
        for s in policy.steps.all()
    ]


def local_default(value: dt.datetime | None) -> dt.datetime | None:
    return local(value) if value else None
