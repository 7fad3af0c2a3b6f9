from django.urls import path

from kumppani.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("handling/", views.handling_queue, name="handling"),
]
