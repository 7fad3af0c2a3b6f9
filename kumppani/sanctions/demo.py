"""Demo misuse cases: the sanctions policy in force and four cases at different stages.

Reported; hearing open; decided with a ban (on an association, so its admin can still book
privately); reconsideration requested (waiting for another official than the one who decided).
Rows are written directly with past dates (the services use the present); idempotent: each case
is found by its booking's purpose.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import translation

from kumppani.accounts.models import User
from kumppani.bookings.models import Booking
from kumppani.core.decisions import DecisionStatus
from kumppani.core.time import make_local, now, today
from kumppani.facilities.models import Facility
from kumppani.organizations.models import Organization
from kumppani.sanctions import rules
from kumppani.sanctions.models import (
    Consequence,
    Hearing,
    HearingAnswer,
    Incident,
    IncidentStage,
    LadderStep,
    Reconsideration,
    SanctionDecision,
    SanctionPolicy,
    SanctionTarget,
)

MANAGER = "facilities@example.org"
RESIDENT = "resident@example.org"
BANNED_ORGANIZATION = "koivulan-palloseura"
ORG_ADMIN = "orgadmin@example.org"

POLICY = {
    "title": (
        "Tilojen väärinkäytön seuraamukset",
        "Påföljder för missbruk av lokaler",
        "Sanctions for misuse of facilities",
    ),
    "introduction": (
        "Kaupungin tilat ovat kaikkien yhteisiä. Jos tilaa käytetään varausehtojen vastaisesti, "
        "kaupunki voi antaa seuraamuksen. Asianosaista kuullaan aina ennen päätöstä, ja päätökseen "
        "voi hakea oikaisua.",
        "Stadens lokaler är gemensamma för alla. Om en lokal används i strid med bokningsvillkoren "
        "kan staden ge en påföljd. Parten hörs alltid före beslutet, och beslutet kan omprövas.",
        "The city's facilities belong to everyone. If a space is used against the terms of "
        "booking, the city may impose a sanction. The party is always heard before a decision, "
        "and reconsideration of the decision can be requested.",
    ),
}
STEPS = [
    (
        1,
        Consequence.WARNING,
        None,
        ("Kirjallinen varoitus.", "Skriftlig varning.", "A written warning."),
    ),
    (
        2,
        Consequence.LOSS_OF_FREE_USE,
        6,
        (
            "Maksuttoman käytön menetys kuudeksi kuukaudeksi.",
            "Förlust av avgiftsfri användning i sex månader.",
            "Loss of free-of-charge use for six months.",
        ),
    ),
    (
        3,
        Consequence.BAN,
        3,
        (
            "Varauskielto kolmeksi kuukaudeksi.",
            "Bokningsförbud i tre månader.",
            "A booking ban of three months.",
        ),
    ),
    (
        4,
        Consequence.LONGER_BAN,
        12,
        (
            "Varauskielto 12 kuukaudeksi, jos väärinkäyttö toistuu 12 kuukauden sisällä.",
            "Bokningsförbud i 12 månader vid upprepning inom 12 månader.",
            "A 12-month ban on repetition within 12 months.",
        ),
    ),
]
LANGS = ("fi", "sv", "en")


def load(stdout) -> None:
    manager = User.objects.filter(email=MANAGER).first()
    facility = (
        Facility.objects.filter(unit__managers=manager, published=True).order_by("pk").first()
        if manager
        else None
    )
    with transaction.atomic(), translation.override("fi"):
        policy = _policy()
        if facility is None:
            stdout.write("Demo misuse cases skipped: no facility managed by the demo manager.")
            return
        created = _cases(policy, facility, manager)
    stdout.write(f"Demo misuse: policy version {policy.version} in force, {created} new cases.")


def _policy() -> SanctionPolicy:
    existing = SanctionPolicy.objects.filter(version=1).first()
    if existing:
        return existing
    values = {
        f"{field}_{lang}": text
        for field, texts in POLICY.items()
        for lang, text in zip(LANGS, texts, strict=True)
    }
    policy = SanctionPolicy.objects.create(
        version=1, published_at=now() - dt.timedelta(days=120), **values
    )
    for order, consequence, months, texts in STEPS:
        LadderStep.objects.create(
            policy=policy,
            order=order,
            consequence=consequence,
            months=months,
            **{f"description_{lang}": t for lang, t in zip(LANGS, texts, strict=True)},
        )
    return policy


def _booking(facility, purpose: str, days_ago: int, booker, organization=None) -> Booking:
    """A used booking in the past (no occupancy rows: a past time blocks nothing)."""
    day = today() - dt.timedelta(days=days_ago)
    start = make_local(day, dt.time(18))
    booking, _ = Booking.objects.get_or_create(
        facility=facility,
        purpose=purpose,
        defaults={
            "booker": booker,
            "organization": organization,
            "start": start,
            "end": start + dt.timedelta(hours=2),
            "people": 12,
            "responsible_name": booker.full_name or booker.email,
            "responsible_phone": "+358 40 000 0000",
            "responsible_email": booker.email,
            "responsible_of_age": True,
            "status": DecisionStatus.APPROVED,
            "decided_at": start - dt.timedelta(days=7),
            "created_at": start - dt.timedelta(days=7),
            "terms_version": "sanctions-policy:1",
            "terms_accepted_at": start - dt.timedelta(days=7),
        },
    )
    return booking


def _incident(booking, kind, description, manager, stage, days_ago) -> tuple[Incident, bool]:
    existing = Incident.objects.filter(booking=booking).first()
    if existing:
        return existing, False
    created = now() - dt.timedelta(days=days_ago)
    incident = Incident.objects.create(
        facility=booking.facility,
        booking=booking,
        party_user=booking.booker,
        party_organization=booking.organization,
        responsible_name=booking.responsible_name,
        responsible_email=booking.responsible_email,
        responsible_phone=booking.responsible_phone,
        kind=kind,
        description=description,
        occurred_at=booking.end,
        reported_by=manager,
        created_at=created,
        stage=stage,
        due_at=created + dt.timedelta(days=rules.HEARING_DUE_DAYS),
    )
    return incident, True


def _hearing(incident, manager, opened_days_ago: int, deadline_days: int) -> Hearing:
    opened = now() - dt.timedelta(days=opened_days_ago)
    hearing = Hearing.objects.create(
        incident=incident,
        claim=incident.description,
        opened_by=manager,
        opened_at=opened,
        deadline=opened + dt.timedelta(days=deadline_days),
    )
    incident.due_at = hearing.deadline + dt.timedelta(days=rules.DECISION_AFTER_HEARING_DAYS)
    incident.save(update_fields=["due_at"])
    return hearing


def _cases(policy, facility, manager) -> int:
    resident = User.objects.filter(email=RESIDENT).first()
    org_admin = User.objects.filter(email=ORG_ADMIN).first()
    club = Organization.objects.filter(slug=BANNED_ORGANIZATION).first()
    if resident is None or org_admin is None:
        return 0
    count = 0

    booking = _booking(facility, "Demo: syntymäpäiväjuhlat", 6, resident)
    _, new = _incident(
        booking,
        "unclean",
        "Tila jäi siivoamatta: roskat ja astiat pöydillä.",
        manager,
        IncidentStage.REPORTED,
        5,
    )
    count += new

    booking = _booking(facility, "Demo: kerhoilta", 9, org_admin)
    incident, new = _incident(
        booking,
        "over_time",
        "Tilaa käytettiin tunti yli varatun ajan.",
        manager,
        IncidentStage.HEARING,
        8,
    )
    if new:
        _hearing(incident, manager, 3, 14)
        count += 1

    if club is not None:
        booking = _booking(facility, "Demo: joukkueen juhla", 40, org_admin, club)
        incident, new = _incident(
            booking,
            "damage",
            "Kaksi tuolia rikottiin ja ovi jäi auki.",
            manager,
            IncidentStage.DECIDED,
            38,
        )
        if new:
            hearing = _hearing(incident, manager, 36, 14)
            HearingAnswer.objects.create(
                hearing=hearing,
                author=org_admin,
                text="Pahoittelemme, korvaamme tuolit.",
                submitted_at=hearing.opened_at + dt.timedelta(days=3),
            )
            _decide(
                incident,
                policy.steps.get(order=3),
                manager,
                30,
                SanctionTarget.ORGANIZATION,
                fee=Decimal("120.00"),
            )
            count += 1

    booking = _booking(facility, "Demo: bänditreenit", 20, resident)
    incident, new = _incident(
        booking,
        "disturbance",
        "Naapurit valittivat kovasta metelistä klo 22 jälkeen.",
        manager,
        IncidentStage.RECONSIDERATION,
        19,
    )
    if new:
        hearing = _hearing(incident, manager, 18, 7)
        HearingAnswer.objects.create(
            hearing=hearing,
            author=resident,
            text="Lopetimme soittamisen klo 21.45.",
            submitted_at=hearing.opened_at + dt.timedelta(days=2),
        )
        decision = _decide(incident, policy.steps.get(order=1), manager, 4, SanctionTarget.PERSON)
        requested = now() - dt.timedelta(days=1)
        Reconsideration.objects.create(
            decision=decision,
            requested_by=resident,
            requested_at=requested,
            grounds="Soitto päättyi ennen kymmentä; naapuri on erehtynyt ajasta.",
            original_decider=manager,
            due_at=requested + dt.timedelta(days=rules.RECONSIDERATION_DECISION_DAYS),
        )
        incident.due_at = requested + dt.timedelta(days=rules.RECONSIDERATION_DECISION_DAYS)
        incident.save(update_fields=["due_at"])
        count += 1
    return count


def _decide(incident, step, manager, days_ago, target, fee=None) -> SanctionDecision:
    decided_at = now() - dt.timedelta(days=days_ago)
    starts = decided_at.date() if step.is_timed else None
    ends = rules.ban_end(starts, step.months) if step.is_timed else None
    decision = SanctionDecision.objects.create(
        incident=incident,
        policy=step.policy,
        step=step,
        suggested_step=step,
        outcome=step.consequence,
        target=target,
        target_user=incident.party_user,
        target_organization=incident.party_organization
        if target == SanctionTarget.ORGANIZATION
        else None,
        starts_on=starts,
        ends_on=ends,
        fee=fee,
        status=DecisionStatus.APPROVED,
        decided_by=manager,
        decided_at=decided_at,
        notified_at=decided_at,
        reason="Kuulemisessa annettu vastaus on otettu huomioon. Seuraamus on "
        "seuraamusohjeen mukainen.",
        reconsideration_deadline=rules.reconsideration_deadline(decided_at),
        created_at=decided_at,
    )
    incident.due_at = None
    incident.retain_until = rules.retain_until(ends or decided_at.date())
    incident.save(update_fields=["due_at", "retain_until"])
    return decision
