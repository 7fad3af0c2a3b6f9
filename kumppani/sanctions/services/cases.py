"""Reporting misuse, tips from the next users, evidence photos and the hearing (HL 34 §)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kumppani.core.time import now
from kumppani.sanctions import rules
from kumppani.sanctions.models import (
    EvidencePhoto,
    Hearing,
    HearingAnswer,
    Incident,
    IncidentStage,
    Tip,
)
from kumppani.sanctions.services import notify

NOT_A_BOOKING = _("Misuse can only be recorded against a booking, not a block.")
IN_THE_FUTURE = _("The time cannot be in the future.")
TIP_HANDLED = _("This tip has already been handled.")
HEARING_EXISTS = _("A hearing has already been opened for this case.")
HEARING_NOT_OPEN = _("There is no open hearing in this case.")
ANSWER_EMPTY = _("Write your answer, or say that you do not wish to comment.")
HEARING_DAYS_RANGE = _("Give the parties from 7 to 60 days to answer.")
NO_PARTY_TO_HEAR = _("The booking has no party who could be heard.")


def report_incident(
    *,
    booking,
    reported_by,
    kind: str,
    description: str,
    occurred_at: dt.datetime,
    evidence_notes: str = "",
    damage_cost: Decimal | None = None,
    tip: Tip | None = None,
) -> Incident:
    """Records misuse against a booking; its booker, organization and responsible person become
    the parties. A tip it came from is marked handled and its photos move to the case."""
    if booking.is_block:
        raise ValidationError(NOT_A_BOOKING, code="not_a_booking")
    if occurred_at > now():
        raise ValidationError({"occurred_at": ValidationError(IN_THE_FUTURE, code="future")})
    with transaction.atomic():
        moment = now()
        incident = Incident(
            facility_id=booking.facility_id,
            booking=booking,
            party_user_id=booking.booker_id,
            party_organization_id=booking.organization_id,
            responsible_name=booking.responsible_name,
            responsible_email=booking.responsible_email,
            responsible_phone=booking.responsible_phone,
            kind=kind,
            description=description,
            occurred_at=occurred_at,
            evidence_notes=evidence_notes,
            damage_cost=damage_cost,
            reported_by=reported_by,
            created_at=moment,
            due_at=moment + dt.timedelta(days=rules.HEARING_DUE_DAYS),
        )
        incident.full_clean(exclude=["facility", "booking", "party_user", "party_organization"])
        incident.save()
        if tip is not None:
            tip = Tip.objects.select_for_update().get(pk=tip.pk)
            if tip.handled_at is not None:
                raise ValidationError(TIP_HANDLED, code="tip_handled")
            tip.handled_at, tip.handled_by, tip.incident = moment, reported_by, incident
            tip.save(update_fields=["handled_at", "handled_by", "incident"])
            tip.photos.update(incident=incident)
    return incident


def add_photo(
    *,
    incident: Incident | None = None,
    tip: Tip | None = None,
    upload,
    checked,
    uploaded_by,
    description: str = "",
) -> EvidencePhoto:
    """`checked` is the (content type, extension) judged from the file's bytes by the form."""
    content_type, extension = checked
    with transaction.atomic():
        photo = EvidencePhoto(
            incident=incident,
            tip=tip,
            content_type=content_type,
            extension=extension,
            size=upload.size,
            description=description,
            uploaded_by=uploaded_by,
        )
        photo.file.save("evidence", upload, save=False)
        try:
            photo.save()
        except Exception:
            photo.file.delete(save=False)
            raise
    return photo


def submit_tip(
    *,
    facility,
    reporter,
    kind: str,
    description: str,
    noticed_at: dt.datetime,
    photo=None,
    checked=None,
) -> Tip:
    """A signed-in person tells the unit's staff what they found; staff are e-mailed."""
    if noticed_at > now():
        raise ValidationError({"noticed_at": ValidationError(IN_THE_FUTURE, code="future")})
    with transaction.atomic():
        tip = Tip(
            facility=facility,
            reporter=reporter,
            kind=kind,
            description=description,
            noticed_at=noticed_at,
        )
        tip.full_clean(exclude=["facility", "reporter"])
        tip.save()
        if photo is not None:
            add_photo(tip=tip, upload=photo, checked=checked, uploaded_by=reporter)
        notify.tip_received(tip)
    return tip


def dismiss_tip(*, tip: Tip, by) -> Tip:
    with transaction.atomic():
        tip = Tip.objects.select_for_update().get(pk=tip.pk)
        if tip.handled_at is not None:
            raise ValidationError(TIP_HANDLED, code="tip_handled")
        tip.handled_at, tip.handled_by = now(), by
        tip.save(update_fields=["handled_at", "handled_by"])
    return tip


def open_hearing(
    *, incident: Incident, opened_by, claim: str, days: int = rules.HEARING_DAYS
) -> Hearing:
    """HL 34 §: the parties are e-mailed what is claimed and by when they may answer."""
    if not 7 <= days <= 60:
        raise ValidationError({"days": ValidationError(HEARING_DAYS_RANGE, code="days")})
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if incident.stage != IncidentStage.REPORTED or hasattr(incident, "hearing"):
            raise ValidationError(HEARING_EXISTS, code="hearing_exists")
        if not (
            incident.party_user_id or incident.party_organization_id or incident.responsible_email
        ):
            raise ValidationError(NO_PARTY_TO_HEAR, code="no_party")
        moment = now()
        hearing = Hearing(
            incident=incident,
            claim=claim,
            opened_by=opened_by,
            opened_at=moment,
            deadline=rules.hearing_deadline(days),
        )
        hearing.full_clean(exclude=["incident"])
        hearing.save()
        incident.stage = IncidentStage.HEARING
        incident.due_at = hearing.deadline + dt.timedelta(days=rules.DECISION_AFTER_HEARING_DAYS)
        incident.save(update_fields=["stage", "due_at"])
        notify.hearing_opened(incident)
    return hearing


def answer_hearing(*, incident: Incident, author, text: str, waives: bool = False) -> HearingAnswer:
    """A party answers in writing; a late answer is still taken in until the decision is made."""
    if not text.strip() and not waives:
        raise ValidationError({"text": ValidationError(ANSWER_EMPTY, code="answer_empty")})
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if incident.stage != IncidentStage.HEARING:
            raise ValidationError(HEARING_NOT_OPEN, code="hearing_not_open")
        answer = HearingAnswer(
            hearing=incident.hearing, author=author, text=text.strip(), waives=waives
        )
        answer.full_clean(exclude=["hearing", "author"])
        answer.save()
    return answer
