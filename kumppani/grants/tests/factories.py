"""Grants factories with named scenarios (open call, complete draft, submitted, decided)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import now, today
from kumppani.grants.models import (
    Application,
    ApplicationStatus,
    BudgetKind,
    BudgetLine,
    Call,
    CallCriterion,
    CallQuestion,
    Criterion,
    GrantDecision,
    Programme,
)
from kumppani.grants.services.applying import snapshot_of


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Avustusohjelma {n}")
    name_fi = factory.SelfAttribute("name")
    name_en = factory.Sequence(lambda n: f"Grant programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    description = "Avustus yhdistyksille."

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        names = extracted or ["Vaikuttavuus", "Toteuttamiskelpoisuus"]
        for order, name in enumerate(names):
            Criterion.objects.create(
                programme=self,
                name=name,
                name_fi=name,
                name_en=f"{name} (en)",
                weight=1,
                order=order,
            )

    @factory.post_generation
    def officers(self, create, extracted, **kwargs):
        if create and extracted:
            self.officers.set(extracted)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Haku {n}")
    title_fi = factory.SelfAttribute("title")
    description = "Hae avustusta."
    opens_at = factory.LazyFunction(lambda: now() - dt.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: now() + dt.timedelta(days=20))
    max_amount = Decimal("5000")
    budget = Decimal("20000")
    required_attachments: list = []

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: now() - dt.timedelta(days=60)),
            closes_at=factory.LazyFunction(lambda: now() - dt.timedelta(days=30)),
        )

    @factory.post_generation
    def frozen_criteria(self, create, extracted, **kwargs):
        """Copy the programme's criteria into the call, as create_call does."""
        if not create:
            return
        for c in self.programme.criteria.all():
            CallCriterion.objects.create(
                call=self, source=c, name=c.name, name_fi=c.name_fi, weight=c.weight, order=c.order
            )

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create:
            for order, text in enumerate(extracted or ["Keitä toiminta tavoittaa?"]):
                CallQuestion.objects.create(call=self, text=text, text_fi=text, order=order)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete draft: 3000 € requested, costs 3500 €, other income 500 €."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    organization = factory.SubFactory(
        "kumppani.organizations.tests.factories.OrganizationFactory", verified=True
    )
    max_amount = factory.SelfAttribute("call.max_amount")
    amount_requested = Decimal("3000")
    purpose = "Nuorten kesäleiri"
    activity_plan = "Leiri kesäkuussa, 40 osallistujaa."
    org_name = factory.SelfAttribute("organization.name")
    org_business_id = factory.SelfAttribute("organization.business_id")
    contact_email = "info@example.org"
    iban = "FI2112345600000785"

    @factory.post_generation
    def budget(self, create, extracted, **kwargs):
        if not create:
            return
        self.answers = {str(q.pk): "Alueen nuoria." for q in self.call.questions.all()}
        self.save()
        lines = extracted or [
            (BudgetKind.COST, "Leirikeskus", Decimal("2500")),
            (BudgetKind.COST, "Ruoka", Decimal("1000")),
            (BudgetKind.INCOME, "Osallistumismaksut", Decimal("500")),
        ]
        for kind, description, amount in lines:
            BudgetLine.objects.create(
                application=self, kind=kind, description=description, amount=amount
            )

    class Params:
        submitted = factory.Trait(
            status=ApplicationStatus.SUBMITTED,
            snapshot={},
            submitted_at=factory.LazyFunction(now),
        )

    @factory.post_generation
    def freeze(self, create, extracted, **kwargs):
        if create and self.status != ApplicationStatus.DRAFT and not self.snapshot:
            self.snapshot = snapshot_of(self)
            self.due_at = self.call.closes_at + dt.timedelta(days=30)
            self.save()


def make_decision(application: Application, amount: Decimal, *, report_due_on=None, at=None):
    application.status = ApplicationStatus.DECIDED
    application.save()
    return GrantDecision.objects.create(
        application=application,
        status=DecisionStatus.APPROVED if amount > 0 else DecisionStatus.REJECTED,
        amount_granted=amount,
        amount_requested=application.amount_requested,
        reason="Perustelut.",
        decided_at=at or now(),
        report_due_on=report_due_on if amount > 0 else None,
    )


def overdue_date() -> dt.date:
    return today() - dt.timedelta(days=1)


PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name: str = "budjetti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()
