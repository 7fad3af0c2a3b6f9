"""Demo grants: three programmes, last year's decided calls (~20 decisions) with payments and
reports in various states, and one open call. Idempotent: rows are found by stable keys."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from kumppani.accounts.models import User
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import HELSINKI, make_local, now, today
from kumppani.grants.models import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    BudgetKind,
    BudgetLine,
    Call,
    CallCriterion,
    CallQuestion,
    Criterion,
    EventKind,
    GrantDecision,
    Instalment,
    Programme,
    UsageReport,
)
from kumppani.grants.services.applying import snapshot_of
from kumppani.grants.services.handling import appeal_texts
from kumppani.organizations.models import Organization

OFFICER_EMAIL = "grants@example.org"
ORGADMIN_ORGS = ("itarannan-kotiseutuyhdistys", "koivulan-palloseura")

PROGRAMMES = [
    {
        "slug": "toiminta-avustus",
        "name": ("Toiminta-avustus", "Verksamhetsbidrag", "Operating grant"),
        "description": (
            "Avustus yhdistyksen vakiintuneeseen, kaupunkilaisille avoimeen toimintaan.",
            "Bidrag för föreningens etablerade verksamhet som är öppen för stadens invånare.",
            "A grant for an association's established activity open to the city's residents.",
        ),
        "criteria": [
            (
                (
                    "Toiminnan laajuus ja tavoittavuus",
                    "Verksamhetens omfattning och räckvidd",
                    "Scope and reach of the activity",
                ),
                3,
            ),
            (
                (
                    "Vapaaehtoistyö ja osallisuus",
                    "Frivilligarbete och delaktighet",
                    "Volunteering and participation",
                ),
                2,
            ),
            (("Talouden hoito", "Ekonomisk förvaltning", "Financial management"), 1),
        ],
    },
    {
        "slug": "projektiavustus",
        "name": ("Projektiavustus", "Projektbidrag", "Project grant"),
        "description": (
            "Avustus rajattuun hankkeeseen, jolla on selvä tavoite ja aikataulu.",
            "Bidrag för ett avgränsat projekt med ett tydligt mål och en tidtabell.",
            "A grant for a defined project with a clear goal and schedule.",
        ),
        "criteria": [
            (
                ("Tavoitteet ja vaikuttavuus", "Mål och verkningsfullhet", "Goals and impact"),
                3,
            ),
            (
                (
                    "Toteutussuunnitelma ja budjetti",
                    "Genomförandeplan och budget",
                    "Implementation plan and budget",
                ),
                2,
            ),
            (("Yhteistyö muiden kanssa", "Samarbete med andra", "Cooperation with others"), 1),
        ],
    },
    {
        "slug": "nuorisotoiminnan-avustus",
        "name": (
            "Nuorisotoiminnan avustus",
            "Bidrag för ungdomsverksamhet",
            "Youth activity grant",
        ),
        "description": (
            "Avustus alle 29-vuotiaiden säännölliseen harrastus- ja vapaa-ajan toimintaan.",
            "Bidrag för regelbunden hobby- och fritidsverksamhet för personer under 29 år.",
            "A grant for regular hobby and leisure activities for people under 29.",
        ),
        "criteria": [
            (("Nuorten osallisuus", "Ungas delaktighet", "Participation of young people"), 3),
            (("Toiminnan säännöllisyys", "Verksamhetens regelbundenhet", "Regularity"), 2),
            (
                (
                    "Yhdenvertaisuus ja saavutettavuus",
                    "Likabehandling och tillgänglighet",
                    "Equality and accessibility",
                ),
                2,
            ),
        ],
    },
]

PURPOSES = [
    "Viikoittaiset kokoontumiset ja retket",
    "Kesätapahtuma koko perheelle",
    "Vapaaehtoisten koulutus",
    "Harrastusvälineiden hankinta",
    "Nuorten iltatoiminta",
    "Kulttuurikävelyt asukkaille",
    "Vertaistukiryhmät",
]

LANGS = ("fi", "sv", "en")


def _tr(field: str, values) -> dict:
    return {f"{field}_{lang}": value for lang, value in zip(LANGS, values, strict=True)}


def load(stdout) -> None:
    with transaction.atomic():
        officer = User.objects.filter(email=OFFICER_EMAIL).first()
        programmes = [_programme(data, officer) for data in PROGRAMMES]
        organizations = list(
            Organization.objects.verified_nonprofits()
            .filter(operates_in_city=True)
            .order_by("slug")
        )
        if not organizations:
            stdout.write("Demo grants skipped: no verified non-profit organizations.")
            return
        last_year = today().year - 1
        for index, programme in enumerate(programmes):
            call = _past_call(programme, last_year, index, officer)
            _past_decisions(call, organizations, index, officer)
        _open_call(programmes[1], organizations, officer)
        stdout.write(
            f"Demo grants: {Programme.objects.count()} programmes, {Call.objects.count()} calls, "
            f"{GrantDecision.objects.count()} decisions."
        )


def _programme(data: dict, officer: User | None) -> Programme:
    programme, _created = Programme.objects.update_or_create(
        slug=data["slug"],
        defaults=_tr("name", data["name"]) | _tr("description", data["description"]),
    )
    if officer is not None:
        programme.officers.add(officer)
    for order, (names, weight) in enumerate(data["criteria"]):
        Criterion.objects.update_or_create(
            programme=programme, order=order, defaults=_tr("name", names) | {"weight": weight}
        )
    return programme


def _call(programme: Programme, title: tuple, opens_at, closes_at, budget, max_amount, officer):
    call, created = Call.objects.get_or_create(
        programme=programme,
        title_fi=title[0],
        defaults=_tr("title", title)
        | _tr("description", programme_description(programme))
        | {
            "opens_at": opens_at,
            "closes_at": closes_at,
            "budget": budget,
            "max_amount": max_amount,
            "required_attachments": ["budget"],
            "created_by": officer,
        },
    )
    if created:
        for criterion in programme.criteria.all():
            CallCriterion.objects.create(
                call=call,
                source=criterion,
                weight=criterion.weight,
                order=criterion.order,
                **{f"name_{lang}": getattr(criterion, f"name_{lang}") for lang in LANGS},
            )
        CallQuestion.objects.create(
            call=call,
            order=0,
            **_tr(
                "text",
                (
                    "Keitä toiminta tavoittaa ja kuinka moni osallistuu?",
                    "Vem når verksamheten och hur många deltar?",
                    "Whom does the activity reach, and how many take part?",
                ),
            ),
        )
    return call


def programme_description(programme: Programme) -> tuple:
    return tuple(getattr(programme, f"description_{lang}") or "" for lang in LANGS)


def _past_call(programme: Programme, year: int, index: int, officer) -> Call:
    title = (
        f"{programme.name_fi} {year}",
        f"{programme.name_sv} {year}",
        f"{programme.name_en} {year}",
    )
    return _call(
        programme,
        title,
        make_local(dt.date(year, 1, 15), dt.time(9)),
        make_local(dt.date(year, 2, 28), dt.time(16)),
        Decimal(60000 - index * 15000),
        Decimal(8000 - index * 2000),
        officer,
    )


def _application(
    call: Call,
    organization: Organization,
    requested: Decimal,
    purpose: str,
    status: str,
    submitted_at,
) -> Application:
    application, created = Application.objects.get_or_create(
        call=call,
        organization=organization,
        defaults={
            "status": ApplicationStatus.DRAFT,
            "max_amount": call.max_amount,
            "amount_requested": requested,
            "purpose": purpose,
            "activity_plan": "Toimintaa järjestetään viikoittain vapaaehtoisvoimin.",
            "org_name": organization.name_fi or organization.name,
            "org_business_id": organization.business_id,
            "contact_email": organization.public_email or "info@example.org",
            "iban": "FI2112345600000785",
            "created_at": submitted_at - dt.timedelta(days=3),
        },
    )
    if not created:
        return application
    application.answers = {str(q.pk): "Noin 40 alueen asukasta." for q in call.questions.all()}
    income = (requested / 4).quantize(Decimal(1))
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                application=application,
                kind=BudgetKind.COST,
                description="Tilat ja tarvikkeet",
                amount=requested + income,
            ),
            BudgetLine(
                application=application,
                kind=BudgetKind.INCOME,
                description="Jäsenmaksut",
                amount=income,
            ),
        ]
    )
    ApplicationEvent.objects.create(
        application=application, kind=EventKind.CREATED, at=application.created_at
    )
    if status != ApplicationStatus.DRAFT:
        application.snapshot = snapshot_of(application)
        application.submitted_at = submitted_at
        application.due_at = call.closes_at + dt.timedelta(days=30)
        ApplicationEvent.objects.create(
            application=application, kind=EventKind.SUBMITTED, at=submitted_at
        )
    application.status = status
    application.save()
    return application


def _past_decisions(call: Call, organizations: list, index: int, officer) -> None:
    count = 7
    chosen = [organizations[(index * 7 + i) % len(organizations)] for i in range(count)]
    decided_at = make_local(
        call.closes_at.astimezone(HELSINKI).date() + dt.timedelta(days=35 + index), dt.time(10)
    )
    year = decided_at.year
    for i, organization in enumerate(dict.fromkeys(chosen)):
        requested = Decimal(min(call.max_amount, 1500 + 700 * i))
        application = _application(
            call,
            organization,
            requested,
            PURPOSES[(i + index) % len(PURPOSES)],
            ApplicationStatus.DECIDED,
            call.closes_at - dt.timedelta(days=10 - i),
        )
        if hasattr(application, "decision"):
            continue
        granted = Decimal(0) if i == 5 else (requested * Decimal("0.8")).quantize(Decimal(10))
        decision = GrantDecision.objects.create(
            application=application,
            status=DecisionStatus.APPROVED if granted else DecisionStatus.REJECTED,
            amount_granted=granted,
            amount_requested=requested,
            reason="Hakemus täyttää ohjelman ehdot hyvin."
            if granted
            else "Määräraha ei riittänyt.",
            decided_by=officer,
            decided_at=decided_at,
            due_at=application.due_at,
            report_due_on=dt.date(year + 1, 1, 31) if granted else None,
            created_at=decided_at,
            **appeal_texts(),
        )
        ApplicationEvent.objects.create(
            application=application, kind=EventKind.DECIDED, actor=officer, at=decided_at
        )
        if granted:
            _payments_and_report(decision, i, officer, organization)


def _payments_and_report(decision: GrantDecision, i: int, officer, organization) -> None:
    half = (decision.amount_granted / 2).quantize(Decimal("0.01"))
    decided = decision.decided_at.astimezone(HELSINKI).date()
    first = Instalment.objects.create(
        decision=decision, amount=half, due_on=decided + dt.timedelta(days=14)
    )
    second = Instalment.objects.create(
        decision=decision,
        amount=decision.amount_granted - half,
        due_on=decided + dt.timedelta(days=120),
    )
    first.paid_at, first.paid_by = decision.decided_at + dt.timedelta(days=10), officer
    first.save()
    if i != 4:
        second.paid_at, second.paid_by = decision.decided_at + dt.timedelta(days=115), officer
        second.save()
    # Reports in several states; the demo organization admin's own organizations stay eligible.
    own = organization.slug in ORGADMIN_ORGS
    state = "accepted" if own else ("overdue", "accepted", "submitted", "accepted", "later")[i % 5]
    if state == "later":
        decision.report_due_on = today() + dt.timedelta(days=60)
        decision.save(update_fields=["report_due_on"])
        return
    if state == "overdue":
        return
    report = UsageReport.objects.create(
        decision=decision,
        text="Toiminta toteutui suunnitellusti; osallistujia oli odotettua enemmän.",
        amount_used=decision.amount_granted,
        submitted_at=now() - dt.timedelta(days=40),
    )
    if state == "accepted":
        report.accepted_at, report.accepted_by = now() - dt.timedelta(days=20), officer
        report.save()


def _open_call(programme: Programme, organizations: list, officer) -> None:
    year = today().year
    call = _call(
        programme,
        (
            f"{programme.name_fi}, kevät {year}",
            f"{programme.name_sv}, våren {year}",
            f"{programme.name_en}, spring {year}",
        ),
        make_local(today() - dt.timedelta(days=7), dt.time(9)),
        make_local(today() + dt.timedelta(days=21), dt.time(16)),
        Decimal(40000),
        Decimal(6000),
        officer,
    )
    eligible = [o for o in organizations if o.slug not in ORGADMIN_ORGS]
    for i, organization in enumerate(eligible[:2]):
        _application(
            call,
            organization,
            Decimal(3000 + 1000 * i),
            PURPOSES[i],
            ApplicationStatus.SUBMITTED,
            now() - dt.timedelta(days=2 - i),
        )
