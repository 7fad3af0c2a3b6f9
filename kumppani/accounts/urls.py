from django.urls import path

from kumppani.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("export/", views.export_data, name="export"),
    path("delete/", views.delete_account, name="delete"),
    path("roles/", views.roles, name="roles"),
    path("roles/<int:pk>/revoke/", views.revoke_role, name="revoke_role"),
]
