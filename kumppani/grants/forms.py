"""Forms parse and validate input only; the rules that need the database live in services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from stdnum import iban as iban_number
from stdnum.fi import ytunnus

from kumppani.core.time import HELSINKI, today
from kumppani.grants.models import (
    Application,
    AttachmentKind,
    BudgetKind,
    Call,
)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}

FILE_TOO_LARGE = _("The file is larger than 10 MB.")
FILE_WRONG_TYPE = _("Attach a PDF, PNG or JPEG file. The file's content was checked, not its name.")
FILE_DAMAGED = _("The file appears to be damaged: its content does not match its type.")
FILE_EMPTY = _("The file is empty.")
AMOUNT_NOT_POSITIVE = _("The amount must be greater than zero.")
AMOUNT_OVER_MAX = _("The amount exceeds the call's maximum of %(max)s €.")
BAD_IBAN = _("Enter a valid IBAN, for example FI21 1234 5600 0007 85.")
BAD_BUSINESS_ID = _("Enter a valid Business ID, for example 1234567-8.")
DATE_IN_PAST = _("The date cannot be in the past.")
CLOSES_BEFORE_OPENS = _("The call must close after it opens.")
MAX_OVER_BUDGET = _("The maximum per application cannot exceed the call's budget.")

BUDGET_RULE = _(
    "Rule: total costs − other income = amount requested. List every cost of the activity and "
    "every other source of income (own funds, other grants, fees)."
)

money_widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


def money_field(label, *, required: bool = True, **kwargs) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=12,
        decimal_places=2,
        widget=money_widget,
        localize=True,
        **kwargs,
    )


class ApplicationForm(forms.ModelForm):
    """The draft form. Nothing is required here: submission checks completeness."""

    amount_requested = money_field(_("Amount requested (€)"), required=False)

    class Meta:
        model = Application
        fields = [
            "amount_requested",
            "purpose",
            "activity_plan",
            "org_name",
            "org_business_id",
            "contact_email",
            "contact_phone",
            "iban",
        ]
        widgets = {"activity_plan": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "purpose": _("One sentence; it is published with the decision."),
            "org_name": _("Prefilled from the organization registry."),
        }

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["amount_requested"].help_text = _("At most %(max)s €.") % {
            "max": number_format(call.max_amount, 2, force_grouping=True)
        }
        for field in self.fields.values():
            field.required = False
        for question in call.questions.all():
            self.fields[question.field_name] = forms.CharField(
                label=question.text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Required") if question.required else "",
                initial=(self.instance.answers or {}).get(str(question.pk), ""),
            )

    def clean_amount_requested(self):
        amount = self.cleaned_data.get("amount_requested")
        if amount is not None and amount <= 0:
            raise ValidationError(AMOUNT_NOT_POSITIVE, code="amount_not_positive")
        if amount is not None and amount > self.call.max_amount:
            raise ValidationError(
                AMOUNT_OVER_MAX, code="amount_over_max", params={"max": self.call.max_amount}
            )
        return amount

    def clean_iban(self):
        value = self.cleaned_data.get("iban", "")
        if value and not iban_number.is_valid(value):
            raise ValidationError(BAD_IBAN, code="bad_iban")
        return iban_number.compact(value) if value else ""

    def clean_org_business_id(self):
        value = self.cleaned_data.get("org_business_id", "")
        if value and not ytunnus.is_valid(value):
            raise ValidationError(BAD_BUSINESS_ID, code="bad_business_id")
        return ytunnus.format(value) if value else ""

    def draft_data(self) -> dict:
        """Only fields that were sent and are valid (autosave sends one field at a time)."""
        sent = set(self.data)
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self._meta.fields and self.add_prefix(name) in sent
        }

    def answers(self) -> dict:
        return {
            str(q.pk): self.cleaned_data.get(q.field_name, "")
            for q in self.call.questions.all()
            if self.add_prefix(q.field_name) in self.data
        }


class BudgetLineForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            (BudgetKind.COST, BudgetKind.COST.label),
            (BudgetKind.INCOME, BudgetKind.INCOME.label),
        ],
        required=False,
        initial=BudgetKind.COST,
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    amount = money_field(_("Amount (€)"), required=False)

    def clean(self):
        data = super().clean()
        filled = data.get("description") or data.get("amount") is not None
        if filled:
            if not data.get("description"):
                self.add_error("description", _("Describe the line."))
            if data.get("amount") is None or data["amount"] <= 0:
                self.add_error("amount", AMOUNT_NOT_POSITIVE)
            if not data.get("kind"):
                self.add_error("kind", _("Choose cost or income."))
        return data

    @property
    def line(self) -> dict | None:
        data = getattr(self, "cleaned_data", {})
        if not data.get("description") or data.get("amount") is None:
            return None
        return {"kind": data["kind"], "description": data["description"], "amount": data["amount"]}


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3, max_num=60, absolute_max=60)


def budget_initial(application: Application) -> list[dict]:
    return [
        {"kind": b.kind, "description": b.description, "amount": b.amount}
        for b in application.budget_lines.all()
    ]


def check_upload(upload) -> tuple[str, str]:
    """Content type and extension judged from the file's bytes, never from its name."""
    if upload.size == 0:
        raise ValidationError(FILE_EMPTY, code="file_empty")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(FILE_TOO_LARGE, code="file_too_large")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(FILE_WRONG_TYPE, code="file_wrong_type")
    if kind.mime.startswith("image/"):
        try:
            with Image.open(upload) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise ValidationError(FILE_DAMAGED, code="file_damaged") from exc
        finally:
            upload.seek(0)
    elif b"%%EOF" not in _tail(upload):
        raise ValidationError(FILE_DAMAGED, code="file_damaged")
    return kind.mime, ALLOWED_TYPES[kind.mime]


def _tail(upload, size: int = 2048) -> bytes:
    upload.seek(max(upload.size - size, 0))
    data = upload.read()
    upload.seek(0)
    return data


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=AttachmentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG or JPEG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type, self.extension = check_upload(upload)
        return upload


class AdditionsAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}))
    kind = forms.ChoiceField(
        label=_("Kind of document"), choices=AttachmentKind.choices, initial=AttachmentKind.OTHER
    )
    file = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, PNG or JPEG, at most 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.content_type, self.extension = check_upload(upload)
        return upload

    def uploads(self) -> list[tuple]:
        upload = self.cleaned_data.get("file")
        if not upload:
            return []
        return [(upload, self.cleaned_data["kind"], self.content_type, self.extension)]


class AdditionsRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What is needed"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    due_date = forms.DateField(label=_("Answer by"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_due_date(self):
        value = self.cleaned_data["due_date"]
        if value < today():
            raise ValidationError(DATE_IN_PAST, code="date_in_past")
        return value


SCORE_CHOICES = [("", "–")] + [(str(n), str(n)) for n in range(6)]


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria, existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            review = existing.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (weight %(weight)s): score 0–5")
                % {"criterion": criterion.name, "weight": criterion.weight},
                choices=SCORE_CHOICES,
                coerce=int,
                initial=str(review.score) if review else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=review.comment if review else "",
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"])
            for c in self.criteria
        }


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Grounds (optional)"), required=False, max_length=300)


class ProposalForm(forms.Form):
    amount = money_field(_("Proposed amount (€)"), min_value=Decimal(0))


class DecisionForm(forms.Form):
    amount_granted = money_field(
        _("Amount granted (€)"),
        min_value=Decimal(0),
        help_text=_("0 rejects the application."),
    )
    reason = forms.CharField(
        label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 5}), max_length=8000
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
    )
    report_due_on = forms.DateField(
        label=_("Usage report due"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Needed when a grant is awarded."),
    )

    def clean(self):
        data = super().clean()
        amount = data.get("amount_granted")
        if amount and amount > 0 and not data.get("report_due_on"):
            self.add_error("report_due_on", _("Set the date by which the usage report is due."))
        return data


class InstalmentForm(forms.Form):
    amount = money_field(_("Instalment (€)"), min_value=Decimal("0.01"))
    due_on = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("How the grant was used"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
    )
    amount_used = money_field(_("Amount used (€)"), min_value=Decimal(0))


class ApplicantRightForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Member"), queryset=None)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = members


class CallForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    description_fi = forms.CharField(
        label=_("Description in Finnish"), widget=forms.Textarea(attrs={"rows": 4})
    )
    description_sv = forms.CharField(
        label=_("Description in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_en = forms.CharField(
        label=_("Description in English"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    opens_at = forms.DateTimeField(
        label=_("Opens (Helsinki time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    closes_at = forms.DateTimeField(
        label=_("Closes (Helsinki time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    max_amount = money_field(_("Maximum per application (€)"), min_value=Decimal("0.01"))
    budget = money_field(_("Budget (€)"), min_value=Decimal("0.01"))
    required_attachments = forms.MultipleChoiceField(
        label=_("Required attachments"),
        choices=AttachmentKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

    def clean_opens_at(self):
        return _as_helsinki(self.cleaned_data["opens_at"])

    def clean_closes_at(self):
        return _as_helsinki(self.cleaned_data["closes_at"])

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", CLOSES_BEFORE_OPENS)
        if data.get("max_amount") and data.get("budget") and data["max_amount"] > data["budget"]:
            self.add_error("max_amount", MAX_OVER_BUDGET)
        return data


def _as_helsinki(value: dt.datetime) -> dt.datetime:
    """The typed wall-clock time is Helsinki time, whatever zone the request has active."""
    wall_clock = timezone.localtime(value, timezone.get_current_timezone()).replace(tzinfo=None)
    return wall_clock.replace(tzinfo=HELSINKI)


class QuestionForm(forms.Form):
    text_fi = forms.CharField(label=_("Question in Finnish"), max_length=500, required=False)
    text_sv = forms.CharField(label=_("Question in Swedish"), max_length=500, required=False)
    text_en = forms.CharField(label=_("Question in English"), max_length=500, required=False)
    required = forms.BooleanField(label=_("Answer required"), required=False, initial=True)

    @property
    def question(self) -> dict | None:
        data = getattr(self, "cleaned_data", {})
        if not data.get("text_fi"):
            return None
        return {f"text_{code}": data.get(f"text_{code}", "") for code, _n in settings.LANGUAGES} | {
            "required": data.get("required", False)
        }


QuestionFormSet = forms.formset_factory(QuestionForm, extra=3, max_num=30, absolute_max=30)


class PublicFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1900, max_value=2200, widget=forms.Select
    )
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    theme = forms.ChoiceField(label=_("Field of activity"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    organization = forms.CharField(label=_("Organization"), required=False, max_length=220)

    def __init__(self, *args, years, programmes, themes, districts, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["year"].widget.choices = every + [(str(y), str(y)) for y in years]
        self.fields["programme"].choices = every + [(p.slug, p.name) for p in programmes]
        self.fields["theme"].choices = every + [(t.slug, t.name) for t in themes]
        self.fields["district"].choices = every + [(d.slug, d.name) for d in districts]
