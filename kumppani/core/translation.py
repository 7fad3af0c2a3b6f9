from modeltranslation.translator import TranslationOptions, register

from kumppani.core.models import District, Theme


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
