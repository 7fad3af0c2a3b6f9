from django.urls import path

from kumppani.facilities.views import catalogue, imports, manage, needs

app_name = "facilities"
urlpatterns = [
    path("", catalogue.catalogue, name="catalogue"),
    path("catalogue.csv", catalogue.catalogue_csv, name="catalogue_csv"),
    # Staff
    path("manage/", manage.index, name="manage"),
    path("manage/new/", manage.facility_new, name="manage_new"),
    path("manage/import/", imports.upload, name="import"),
    path("manage/import/confirm/", imports.confirm, name="import_confirm"),
    path("manage/export.xlsx", imports.export_xlsx, name="export_xlsx"),
    path("manage/export/<slug:sheet>.csv", imports.export_csv, name="export_csv"),
    path("manage/units/<int:unit_pk>/rules/", manage.unit_rules_edit, name="manage_unit_rules"),
    path("manage/<int:pk>/", manage.facility_edit, name="manage_facility"),
    path("manage/<int:pk>/parts/", manage.facility_parts, name="manage_parts"),
    path("manage/<int:pk>/hours/", manage.facility_hours, name="manage_hours"),
    path(
        "manage/<int:pk>/hours/seasons/<int:season_pk>/",
        manage.season_edit,
        name="manage_season",
    ),
    path(
        "manage/<int:pk>/hours/seasons/<int:season_pk>/delete/",
        manage.season_delete,
        name="manage_season_delete",
    ),
    path(
        "manage/<int:pk>/hours/exceptions/<int:exception_pk>/delete/",
        manage.exception_delete,
        name="manage_exception_delete",
    ),
    path("manage/<int:pk>/rules/", manage.facility_rules, name="manage_rules"),
    path("manage/<int:pk>/prices/", manage.facility_prices, name="manage_prices"),
    path("manage/<int:pk>/photos/", manage.facility_photos, name="manage_photos"),
    path(
        "manage/<int:pk>/photos/<int:photo_pk>/delete/",
        manage.photo_delete,
        name="manage_photo_delete",
    ),
    # Needs mapping (M9a)
    path("needs/", needs.need_list, name="needs"),
    path("needs/new/", needs.need_new, name="need_new"),
    path("needs/report/", needs.report, name="needs_report"),
    path("needs/report.csv", needs.report_csv, name="needs_report_csv"),
    path("needs/<int:pk>/", needs.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", needs.need_edit, name="need_edit"),
    path("needs/<int:pk>/status/", needs.need_status, name="need_status"),
    path("<slug:slug>/", catalogue.detail, name="detail"),
]
