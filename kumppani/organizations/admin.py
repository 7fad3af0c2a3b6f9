from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from kumppani.organizations.models import (
    Cooperation,
    Invitation,
    JoinRequest,
    Language,
    LiaisonContact,
    Membership,
    Organization,
    PracticesDocument,
    TargetGroup,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class CooperationInline(admin.TabularInline):
    model = Cooperation
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ["name", "org_type", "status", "is_nonprofit", "created_at", "due_at"]
    list_filter = ["status", "org_type", "is_nonprofit", "themes", "districts"]
    search_fields = ["name_fi", "name_sv", "name_en", "business_id", "association_number"]
    prepopulated_fields = {"slug": ["name_fi"]}
    filter_horizontal = ["themes", "districts", "languages", "target_groups"]
    readonly_fields = ["created_at", "created_by", "decided_by", "decided_at"]
    inlines = [MembershipInline, CooperationInline]
    date_hierarchy = "created_at"


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__full_name", "organization__name_fi"]
    autocomplete_fields = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "organization__name_fi"]
    exclude = ["token"]
    readonly_fields = ["invited_by", "created_at", "accepted_at"]
    autocomplete_fields = ["organization"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "organization__name_fi"]
    readonly_fields = ["created_at", "decided_by", "decided_at"]
    autocomplete_fields = ["user", "organization"]


@admin.register(TargetGroup)
class TargetGroupAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_fi"]}
    search_fields = ["name_fi", "name_sv", "name_en"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(LiaisonContact)
class LiaisonContactAdmin(TranslationAdmin):
    list_display = ["name", "title", "email", "phone", "order"]
    list_editable = ["order"]


@admin.register(PracticesDocument)
class PracticesDocumentAdmin(TranslationAdmin):
    """Published versions are a record (M10): they are read, never changed."""

    list_display = ["version", "title", "published_at", "created_by"]
    readonly_fields = ["created_at", "created_by", "published_at"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.published_at is not None:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.published_at is not None:
            return False
        return super().has_delete_permission(request, obj)
