"""Language-neutral URLs: health check and the bare root, which redirects to a language."""

from django.urls import path

from kumppani.core import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
