from modeltranslation.translator import TranslationOptions, register

from kumppani.organizations.models import (
    LiaisonContact,
    Organization,
    PracticesDocument,
    TargetGroup,
)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description", "logo_alt", "offers_text", "seeks_text")


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(LiaisonContact)
class LiaisonContactTranslation(TranslationOptions):
    fields = ("title",)


@register(PracticesDocument)
class PracticesDocumentTranslation(TranslationOptions):
    fields = ("title", "body", "change_summary")
