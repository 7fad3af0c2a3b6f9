"""Grants (M7, M8, M14, M15): programmes, calls, applications, review, decisions, payments."""

from kumppani.grants.models.applications import (
    AdditionsRequest,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Attachment,
    BudgetKind,
    BudgetLine,
    ConflictOfInterest,
    EventKind,
    Review,
    attachment_path,
)
from kumppani.grants.models.calls import (
    MONEY,
    AttachmentKind,
    Call,
    CallCriterion,
    CallQuestion,
    CallStatus,
    Criterion,
    GrantApplicantRight,
    Programme,
)
from kumppani.grants.models.decisions import GrantDecision, Instalment, UsageReport

__all__ = [
    "MONEY",
    "AdditionsRequest",
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "Attachment",
    "AttachmentKind",
    "BudgetKind",
    "BudgetLine",
    "Call",
    "CallCriterion",
    "CallQuestion",
    "CallStatus",
    "ConflictOfInterest",
    "Criterion",
    "EventKind",
    "GrantApplicantRight",
    "GrantDecision",
    "Instalment",
    "Programme",
    "Review",
    "UsageReport",
    "attachment_path",
]
