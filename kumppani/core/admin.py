from django.contrib import admin

from kumppani.core.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["viewed_at", "viewer", "what", "object_repr"]
    list_filter = ["what"]
    search_fields = ["object_repr", "viewer__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
