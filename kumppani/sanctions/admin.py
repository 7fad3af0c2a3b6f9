from django.contrib import admin

from kumppani.sanctions.models import Incident, SanctionDecision, SanctionPolicy


@admin.register(SanctionPolicy)
class SanctionPolicyAdmin(admin.ModelAdmin):
    list_display = ["version", "title", "published_at"]

    def has_change_permission(self, request, obj=None):
        # Versions are edited through the service pages; a published one never changes.
        return False


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["pk", "facility", "kind", "stage", "created_at", "retain_until"]
    list_filter = ["stage", "kind"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(SanctionDecision)
class SanctionDecisionAdmin(admin.ModelAdmin):
    list_display = ["incident", "outcome", "status", "starts_on", "ends_on", "decided_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
