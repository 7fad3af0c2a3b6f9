from modeltranslation.translator import TranslationOptions, register

from kumppani.sanctions.models import LadderStep, SanctionPolicy


@register(SanctionPolicy)
class SanctionPolicyTranslation(TranslationOptions):
    fields = ("title", "introduction", "change_summary")


@register(LadderStep)
class LadderStepTranslation(TranslationOptions):
    fields = ("description",)
