from django.contrib import admin

from kumppani.bookings.models import Booking, BookingSeries, Occupancy


class OccupancyInline(admin.TabularInline):
    model = Occupancy
    extra = 0
    readonly_fields = ["part", "start", "end", "active"]
    can_delete = False


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["facility", "start", "end", "status", "kind", "organization", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["facility__name", "purpose", "organization__name"]
    raw_id_fields = ["facility", "part", "series", "booker", "organization", "created_by"]
    readonly_fields = ["decided_by", "decided_at", "cancelled_by", "cancelled_at", "sequence"]
    inlines = [OccupancyInline]
    date_hierarchy = "start"


@admin.register(BookingSeries)
class BookingSeriesAdmin(admin.ModelAdmin):
    list_display = ["facility", "first_date", "until_date", "start_time", "end_time"]
    raw_id_fields = ["facility", "part", "booker", "organization"]
