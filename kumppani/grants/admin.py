from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from kumppani.grants.models import (
    Application,
    Call,
    CallCriterion,
    CallQuestion,
    Criterion,
    GrantApplicantRight,
    GrantDecision,
    Instalment,
    Programme,
)


class CriterionInline(TranslationTabularInline):
    model = Criterion
    extra = 1


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "is_active", "order"]
    prepopulated_fields = {"slug": ["name_fi"]}
    filter_horizontal = ["officers"]
    inlines = [CriterionInline]


class CallQuestionInline(TranslationTabularInline):
    model = CallQuestion
    extra = 1


class CallCriterionInline(TranslationTabularInline):
    model = CallCriterion
    extra = 0


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = ["title", "programme", "opens_at", "closes_at", "budget", "decided_at"]
    list_filter = ["programme"]
    inlines = [CallCriterionInline, CallQuestionInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["org_name", "call", "status", "amount_requested", "submitted_at"]
    list_filter = ["status", "call__programme"]
    raw_id_fields = ["organization", "call", "created_by", "proposed_by"]


class InstalmentInline(admin.TabularInline):
    model = Instalment
    extra = 0
    raw_id_fields = ["paid_by"]


@admin.register(GrantDecision)
class GrantDecisionAdmin(admin.ModelAdmin):
    list_display = ["application", "amount_granted", "decided_at", "report_due_on"]
    raw_id_fields = ["application", "decided_by"]
    inlines = [InstalmentInline]


@admin.register(GrantApplicantRight)
class GrantApplicantRightAdmin(admin.ModelAdmin):
    list_display = ["organization", "user", "granted_at"]
    raw_id_fields = ["organization", "user", "granted_by"]
