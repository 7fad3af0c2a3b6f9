from django.urls import path

from kumppani.organizations import views

app_name = "organizations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("mine/", views.mine, name="mine"),
    path("register/", views.register, name="register"),
    path("cooperation-practices/", views.practices, name="practices"),
]
