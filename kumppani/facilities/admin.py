from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from kumppani.facilities import models


@admin.register(models.Equipment, models.AccessibilityFeature)
class VocabularyAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class ReservationRulesInline(admin.StackedInline):
    model = models.ReservationRules
    extra = 0
    max_num = 1


@admin.register(models.Unit)
class UnitAdmin(TranslationAdmin):
    list_display = ["name", "unit_type", "district", "responsible"]
    list_filter = ["unit_type", "district"]
    search_fields = ["name", "external_id"]
    filter_horizontal = ["managers"]
    autocomplete_fields = ["responsible"]
    inlines = [ReservationRulesInline]


class PartInline(TranslationTabularInline):
    model = models.FacilityPart
    extra = 0


class PhotoInline(TranslationTabularInline):
    model = models.FacilityPhoto
    extra = 0


class PriceInline(admin.TabularInline):
    model = models.Price
    extra = 0


@admin.register(models.Facility)
class FacilityAdmin(TranslationAdmin):
    list_display = ["name", "unit", "facility_type", "district", "capacity", "published"]
    list_filter = ["published", "facility_type", "district", "free_for_nonprofits"]
    search_fields = ["name", "external_id", "unit__name"]
    list_select_related = ["unit", "district"]
    autocomplete_fields = ["responsible", "unit"]
    filter_horizontal = ["equipment", "accessibility"]
    inlines = [PartInline, PhotoInline, PriceInline, ReservationRulesInline]


class WeeklyHoursInline(admin.TabularInline):
    model = models.WeeklyHours
    extra = 0


@admin.register(models.Season)
class SeasonAdmin(TranslationAdmin):
    list_display = ["facility", "name", "valid_from", "valid_to"]
    search_fields = ["facility__name"]
    autocomplete_fields = ["facility"]
    inlines = [WeeklyHoursInline]


@admin.register(models.HoursException)
class HoursExceptionAdmin(TranslationAdmin):
    list_display = ["facility", "date", "closed", "opens", "closes"]
    search_fields = ["facility__name"]
    autocomplete_fields = ["facility"]
    date_hierarchy = "date"


@admin.register(models.Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["activity", "status", "group_size", "created_at"]
    list_filter = ["status", "frequency", "facility_type"]
    search_fields = ["activity"]
    raw_id_fields = ["user", "organization", "recorded_by", "matched_facility"]
