from kumppani.sanctions.models.cases import (
    EvidencePhoto,
    Hearing,
    HearingAnswer,
    Incident,
    IncidentStage,
    Reconsideration,
    ReconsiderationOutcome,
    SanctionDecision,
    SanctionTarget,
    Tip,
)
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
