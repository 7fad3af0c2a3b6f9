from kumppani.sanctions.models.cases import (
    Hearing,
    HearingAnswer,
    Incident,
    IncidentStage,
    Reconsideration,
    ReconsiderationOutcome,
    SanctionDecision,
    SanctionTarget,
)
from kumppani.sanctions.models.evidence import EvidencePhoto, Tip
from kumppani.sanctions.models.policy import (
    Consequence,
    LadderStep,
    MisuseKind,
    SanctionPolicy,
)

__all__ = [
    "Consequence",
    "EvidencePhoto",
    "Hearing",
    "HearingAnswer",
    "Incident",
    "IncidentStage",
    "LadderStep",
    "MisuseKind",
    "Reconsideration",
    "ReconsiderationOutcome",
    "SanctionDecision",
    "SanctionPolicy",
    "SanctionTarget",
    "Tip",
]
