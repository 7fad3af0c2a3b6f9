from modeltranslation.translator import TranslationOptions, register

from kumppani.facilities.models import (
    AccessibilityFeature,
    Equipment,
    Facility,
    FacilityPart,
    FacilityPhoto,
    HoursException,
    Season,
    Unit,
)


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name",)


@register(Facility)
class FacilityTranslation(TranslationOptions):
    fields = ("name", "description", "terms_of_use")


@register(FacilityPart)
class FacilityPartTranslation(TranslationOptions):
    fields = ("name",)


@register(FacilityPhoto)
class FacilityPhotoTranslation(TranslationOptions):
    fields = ("alt_text",)


@register(Season)
class SeasonTranslation(TranslationOptions):
    fields = ("name",)


@register(HoursException)
class HoursExceptionTranslation(TranslationOptions):
    fields = ("reason",)


@register(Equipment)
class EquipmentTranslation(TranslationOptions):
    fields = ("name",)


@register(AccessibilityFeature)
class AccessibilityFeatureTranslation(TranslationOptions):
    fields = ("name",)
