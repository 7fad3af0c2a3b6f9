"""Every write of the misuse procedure: keyword-only, typed, atomic; e-mails on commit."""

from kumppani.sanctions.services.cases import (
    add_photo,
    answer_hearing,
    dismiss_tip,
    open_hearing,
    report_incident,
    submit_tip,
)
from kumppani.sanctions.services.decisions import (
    Terms,
    decide_incident,
    decide_reconsideration,
    request_reconsideration,
)
from kumppani.sanctions.services.policy import (
    delete_draft,
    draft_policy,
    publish_policy,
    save_policy,
)

__all__ = [
    "Terms",
    "add_photo",
    "answer_hearing",
    "decide_incident",
    "decide_reconsideration",
    "delete_draft",
    "dismiss_tip",
    "draft_policy",
    "open_hearing",
    "publish_policy",
    "report_incident",
    "request_reconsideration",
    "save_policy",
    "submit_tip",
]
