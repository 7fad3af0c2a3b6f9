from modeltranslation.translator import TranslationOptions, register

from kumppani.grants.models import (
    Call,
    CallCriterion,
    CallQuestion,
    Criterion,
    GrantDecision,
    Programme,
)


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(CallCriterion)
class CallCriterionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(CallQuestion)
class CallQuestionTranslation(TranslationOptions):
    fields = ("text",)


@register(GrantDecision)
class GrantDecisionTranslation(TranslationOptions):
    # M8: appeal instructions are frozen into the decision in all three languages.
    fields = ("appeal_instructions",)
